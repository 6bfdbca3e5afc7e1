"""Which export files a volume has, where they live, and what they hold.

One place for the paths, so pages link to exactly the files the plugin writes.
All exports live once, at the site root. Calendars exist in both languages: the
Arabic one has the plain name, the English one `.en` before the extension.
"""

from __future__ import annotations

from dataclasses import dataclass

from waqai.data.model import DEFAULT_LANG, LANGS, Lang, Paper, Proceedings, Session
from waqai.exports.bibtex import join_entries, paper_bibtex
from waqai.exports.csl import csl_item, csl_json, join_items
from waqai.exports.ics import programme_ics, session_ics
from waqai.exports.keys import citation_keys
from waqai.exports.ris import join_records, paper_ris

VOLUME_FILES = {"bib": "proceedings.bib", "ris": "proceedings.ris", "json": "proceedings.json"}


def paper_files(paper: Paper, key: str) -> dict[str, str]:
    return {fmt: f"papers/{paper.id}/{key}.{fmt}" for fmt in ("bib", "ris", "json")}


def _in_language(stem: str, ext: str, lang: Lang) -> str:
    """`programme`, `ics` -> `programme.ics` (Arabic), `programme.en.ics` (English)."""
    return f"{stem}.{ext}" if lang == DEFAULT_LANG else f"{stem}.{lang}.{ext}"


def programme_ics_path(lang: Lang) -> str:
    return _in_language("programme", "ics", lang)


def session_ics_path(session: Session, lang: Lang) -> str:
    return _in_language(f"sessions/{session.id}/{session.id}", "ics", lang)


# What an export text was made from; only ever compared with ==.
Inputs = tuple[object, ...]


@dataclass(frozen=True)
class PaperExports:
    bib: str
    ris: str
    csl: str  # a one-item CSL-JSON document, the paper's own file


def _paper_inputs(proc: Proceedings, paper: Paper, key: str) -> Inputs:
    """Everything the three formats read for one paper (see bib_entry, ris._tags, csl_item)."""
    editors = tuple(proc.person(pid) for pid in proc.conference.editors)
    return (proc.conference, paper, proc.people_of(paper), editors,
            proc.session(paper.session), key)


def _session_inputs(proc: Proceedings, session: Session) -> Inputs:
    """Everything a session's calendar event reads, in either language (see ics.session_event)."""
    return (proc.conference, session,
            tuple((paper.title, proc.people_of(paper)) for paper in proc.papers_in(session.id)))


class ExportCache:
    """Export texts of the last build, reused while what they are made from is equal.

    Under `serve` an edit touches one paper; formatting all of them again took
    about a second at 1,000 papers. Each entry keeps the inputs it was made
    from, and `test_export_volume` checks cached and fresh exports agree.
    """

    def __init__(self) -> None:
        self.papers: dict[str, tuple[Inputs, PaperExports]] = {}
        self.sessions: dict[str, tuple[Inputs, dict[str, str]]] = {}
        self.programme: tuple[Inputs, dict[str, str]] | None = None
        self.volume: tuple[Inputs, dict[str, str]] | None = None

    def paper(self, proc: Proceedings, paper: Paper, keys: dict[str, str]) -> PaperExports:
        inputs = _paper_inputs(proc, paper, keys[paper.id])
        cached = self.papers.get(paper.id)
        if cached is None or cached[0] != inputs:
            made = PaperExports(paper_bibtex(proc, paper, keys), paper_ris(proc, paper, keys),
                                csl_json([csl_item(proc, paper, keys)]))
            cached = self.papers[paper.id] = (inputs, made)
        return cached[1]

    def calendars(self, proc: Proceedings) -> dict[str, str]:
        """The programme's calendar and each session's, in both languages: path -> text."""
        files: dict[str, str] = {}
        every: list[Inputs] = []
        for session in proc.sessions:
            inputs = _session_inputs(proc, session)
            cached = self.sessions.get(session.id)
            if cached is None or cached[0] != inputs:
                cached = self.sessions[session.id] = (inputs, {
                    session_ics_path(session, lang): session_ics(proc, session, lang)
                    for lang in LANGS})
            every.append(inputs)
            files.update(cached[1])
        inputs = (proc.conference, tuple(every))
        if self.programme is None or self.programme[0] != inputs:
            self.programme = (inputs, {programme_ics_path(lang): programme_ics(proc, lang)
                                       for lang in LANGS})
        return {**self.programme[1], **files}

    def volume_files(self, items: list[PaperExports]) -> dict[str, str]:
        inputs = tuple((i.bib, i.ris, i.csl) for i in items)
        if self.volume is None or self.volume[0] != inputs:
            self.volume = (inputs, {
                VOLUME_FILES["bib"]: join_entries(item.bib for item in items),
                VOLUME_FILES["ris"]: join_records(item.ris for item in items),
                VOLUME_FILES["json"]: join_items(item.csl for item in items),
            })
        return dict(self.volume[1])


def export_files(proc: Proceedings, keys: dict[str, str] | None = None,
                 cache: ExportCache | None = None) -> dict[str, str]:
    """Every export file of the volume: site-relative path -> text.

    Each item is formatted once, for its own file and for the volume file; with
    a `cache`, only items whose inputs changed since its last use.
    """
    keys = keys if keys is not None else citation_keys(proc)
    cache = cache if cache is not None else ExportCache()
    items = [cache.paper(proc, paper, keys) for paper in proc.papers]
    files = {**cache.volume_files(items), **cache.calendars(proc)}
    for paper, item in zip(proc.papers, items):
        paths = paper_files(paper, keys[paper.id])
        files[paths["bib"]] = item.bib
        files[paths["ris"]] = item.ris
        files[paths["json"]] = item.csl
    return files
