"""Which export files a volume has, where they live, and what they hold.

One place for the paths, so pages link to exactly the files the plugin writes.
All exports live once, at the site root. The citation files exist in both forms
of the record (`record.Form`): `proceedings.bib` (original: Arabic script) and
`proceedings.en.bib` (romanised: for an English reference list), likewise for
RIS, CSL-JSON, MODS (`proceedings.mods.xml`) and EndNote (`proceedings.enw`), and for
each item's own files (`<key>.bib`, `<key>.en.bib`, `<key>.mods.xml` …).
Calendars exist in both languages, named the same way: `programme.ics` (Arabic),
`programme.en.ics` (English); so do the Atom feeds, `feed.xml` and `feed.en.xml`.
"""

from __future__ import annotations

from dataclasses import dataclass

from waqai.data.model import DEFAULT_LANG, LANGS, Lang, Paper, Proceedings, Session
from waqai.exports.bibtex import join_entries, paper_bibtex
from waqai.exports.csl import csl_json, join_items, paper_csl
from waqai.exports.endnote import join_records as join_endnote
from waqai.exports.endnote import paper_endnote
from waqai.exports.feed import feed_path, volume_feed
from waqai.exports.ics import calendar_ics, calendar_papers, event_ics
from waqai.exports.keys import citation_keys
from waqai.exports.mods import join_records as join_mods
from waqai.exports.mods import mods_text
from waqai.exports.record import FORM_LANG, FORMS, Citation, Form, Record, paper_record
from waqai.exports.ris import join_records, paper_ris

FORMATS = ("bib", "ris", "json", "mods.xml", "enw")
# Each citation format's name as pages give it, and its media type (signposting).
FORMAT_NAMES = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON", "mods.xml": "MODS",
                "enw": "EndNote"}
MEDIA_TYPES = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems",
               "json": "application/vnd.citationstyles.csl+json",
               "mods.xml": "application/mods+xml", "enw": "application/x-endnote-refer"}


def _in_language(stem: str, ext: str, lang: Lang) -> str:
    """`programme`, `ics` -> `programme.ics` (Arabic), `programme.en.ics` (English)."""
    return f"{stem}.{ext}" if lang == DEFAULT_LANG else f"{stem}.{lang}.{ext}"


def form_file(stem: str, fmt: str, form: Form = "original") -> str:
    """`stem`'s file of one form in `fmt`: `proceedings.bib` (original), `proceedings.en.bib`."""
    return _in_language(stem, fmt, FORM_LANG[form])


def volume_file(fmt: str, form: Form = "original") -> str:
    return form_file("proceedings", fmt, form)


def volume_abstracts_file(form: Form = "original") -> str:
    """The volume's BibTeX with each entry's abstract, beside `proceedings.bib` (as the ACL
    Anthology's `anthology+abstracts.bib` beside `anthology.bib`)."""
    return form_file("proceedings+abstracts", "bib", form)


VOLUME_FILES = {fmt: volume_file(fmt) for fmt in FORMATS}  # the original form's


def paper_files(paper: Paper, key: str, form: Form = "original") -> dict[str, str]:
    return {fmt: form_file(f"papers/{paper.id}/{key}", fmt, form) for fmt in FORMATS}


def programme_ics_path(lang: Lang) -> str:
    return _in_language("programme", "ics", lang)


def session_ics_path(session: Session, lang: Lang) -> str:
    return _in_language(f"sessions/{session.id}/{session.id}", "ics", lang)


# What an export text was made from; only ever compared with ==.
Inputs = tuple[object, ...]


@dataclass(frozen=True)
class PaperExports:
    """One form of one item in each format."""

    bib: str
    bib_abstract: str  # the same entry with its abstract, for the "+abstracts" files
    ris: str
    csl: str  # a one-item CSL-JSON document, the paper's own file
    mods: str  # the item's <mods> record (its own file is a collection of it alone)
    enw: str

    @classmethod
    def of(cls, cite: Citation) -> PaperExports:
        return cls(paper_bibtex(cite), paper_bibtex(cite, with_abstract=True), paper_ris(cite),
                   csl_json(paper_csl(cite)), mods_text(cite), paper_endnote(cite))

    def files(self) -> dict[str, str]:
        """The item's own file in each format (`FORMATS`)."""
        return {"bib": self.bib, "ris": self.ris, "json": self.csl,
                "mods.xml": join_mods((self.mods,)), "enw": self.enw}


def _session_inputs(proc: Proceedings, session: Session) -> Inputs:
    """Everything a session's calendar event reads (see ics.session_event)."""
    return (proc.conference, session,
            tuple((paper.title, proc.people_of(paper)) for paper in calendar_papers(proc, session)))


class ExportCache:
    """Export texts of the last build, reused while what they are made from is equal.

    Under `serve` an edit touches one paper; formatting all of them again took
    about a second at 1,000 papers. Each entry keeps the inputs it was made
    from, and `test_export_volume` checks cached and fresh exports agree.
    """

    def __init__(self) -> None:
        self.papers: dict[str, tuple[Record, dict[Form, PaperExports]]] = {}
        # A session's inputs, its VEVENT in each language, its calendars by path.
        self.sessions: dict[str, tuple[Inputs, dict[Lang, str], dict[str, str]]] = {}
        self.programme: tuple[Inputs, dict[str, str]] | None = None
        self.volume: tuple[Inputs, dict[str, str]] | None = None

    def paper(self, proc: Proceedings, paper: Paper,
              keys: dict[str, str]) -> dict[Form, PaperExports]:
        """Both forms of one item; remade only when its record changed."""
        return self.item(proc, paper, keys)[1]

    def item(self, proc: Proceedings, paper: Paper,
             keys: dict[str, str]) -> tuple[Record, dict[Form, PaperExports]]:
        """One item's record and both its forms; remade only when its record changed."""
        record = paper_record(proc, paper, keys[paper.id])
        cached = self.papers.get(paper.id)
        if cached is None or cached[0] != record:
            made = {form: PaperExports.of(record.form(form)) for form in FORMS}
            cached = self.papers[paper.id] = (record, made)
        return cached

    def calendars(self, proc: Proceedings) -> dict[str, str]:
        """The programme's calendar and each session's, in both languages: path -> text."""
        files: dict[str, str] = {}
        every: list[Inputs] = []
        events: dict[Lang, list[str]] = {lang: [] for lang in LANGS}
        for session in proc.sessions:
            inputs = _session_inputs(proc, session)
            cached = self.sessions.get(session.id)
            if cached is None or cached[0] != inputs:
                made = {lang: event_ics(proc, session, lang) for lang in LANGS}
                cached = self.sessions[session.id] = (inputs, made, {
                    session_ics_path(session, lang): calendar_ics(proc, (session,), lang,
                                                                  [made[lang]])
                    for lang in LANGS})
            every.append(inputs)
            for lang in LANGS:
                events[lang].append(cached[1][lang])
            files.update(cached[2])
        inputs = (proc.conference, tuple(every))
        if self.programme is None or self.programme[0] != inputs:
            self.programme = (inputs, {
                programme_ics_path(lang): calendar_ics(proc, proc.sessions, lang, events[lang])
                for lang in LANGS})
        return {**self.programme[1], **files}

    def volume_files(self, items: list[dict[Form, PaperExports]]) -> dict[str, str]:
        inputs = tuple(i for item in items for i in item.values())
        if self.volume is None or self.volume[0] != inputs:
            files: dict[str, str] = {}
            for form in FORMS:
                files[volume_file("bib", form)] = join_entries(item[form].bib for item in items)
                files[volume_abstracts_file(form)] = join_entries(item[form].bib_abstract
                                                                  for item in items)
                files[volume_file("ris", form)] = join_records(item[form].ris for item in items)
                files[volume_file("json", form)] = join_items(item[form].csl for item in items)
                files[volume_file("mods.xml", form)] = join_mods(item[form].mods for item in items)
                files[volume_file("enw", form)] = join_endnote(item[form].enw for item in items)
            self.volume = (inputs, files)
        return dict(self.volume[1])


def item_bibtex(proc: Proceedings, paper: Paper, key: str) -> dict[Form, str]:
    """Both forms of one item's BibTeX, as its `.bib` files hold them (the Cite panel's)."""
    record = paper_record(proc, paper, key)
    return {form: paper_bibtex(record.form(form)) for form in FORMS}


def export_paths(proc: Proceedings, keys: dict[str, str]) -> list[str]:
    """The paths of every export file (those `export_files` makes), without making any."""
    paths = [volume_file(fmt, form) for form in FORMS for fmt in FORMATS]
    paths += [volume_abstracts_file(form) for form in FORMS]
    paths += [programme_ics_path(lang) for lang in LANGS]
    paths += [feed_path(lang) for lang in LANGS]
    paths += [session_ics_path(session, lang) for session in proc.sessions for lang in LANGS]
    paths += [path for paper in proc.papers for form in FORMS
              for path in paper_files(paper, keys[paper.id], form).values()]
    return paths


def export_files(proc: Proceedings, keys: dict[str, str] | None = None,
                 cache: ExportCache | None = None) -> dict[str, str]:
    """Every export file of the volume: site-relative path -> text.

    Each item is formatted once, for its own file and for the volume file; with
    a `cache`, only items whose inputs changed since its last use.
    """
    keys = keys if keys is not None else citation_keys(proc)
    cache = cache if cache is not None else ExportCache()
    made = [cache.item(proc, paper, keys) for paper in proc.papers]
    items = [forms for _, forms in made]
    listed = [item for paper, item in zip(proc.papers, items) if paper.in_volume]
    files = {**cache.volume_files(listed), **cache.calendars(proc)}
    records = [(paper, record) for paper, (record, _) in zip(proc.papers, made)]
    for lang in LANGS:
        files[feed_path(lang)] = volume_feed(proc, records, lang)
    for paper, item in zip(proc.papers, items):
        for form in FORMS:
            paths = paper_files(paper, keys[paper.id], form)
            for fmt, text in item[form].files().items():
                files[paths[fmt]] = text
    return files
