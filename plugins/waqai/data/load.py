"""Read the editors' files in `papers/` into the model, collecting every problem.

Layout of the data folder:

    papers/conference.yaml       the volume
    papers/people.yaml           person id -> person
    papers/sessions.yaml         session id -> session
    papers/<id>/paper.yaml       one item of the programme
    papers/<id>/abstract.ar.md   its abstract, Arabic
    papers/<id>/abstract.en.md   its abstract, English

Folders whose names start with "_" or "." are not papers (e.g. `_schema/`).
This module reads and type-checks each file on its own; `checks.py` then checks
what only the whole volume can tell (references, duplicates, dates).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from waqai.data.model import (ArabicName, Conference, HijriDate, ItemKind, LatinName, Organisation, Paper,
                    Person, Proceedings, Session, SessionKind, Statement, Text)
from waqai.text.dates import parse_hijri
from waqai.data.problems import Problem, Severity
from waqai.data.yamlread import (BIDI_CONTROLS, MAX_FILE_BYTES, MAX_LIST_FILE_BYTES, Fields, check_slug,
                       compose, line_of, read_text_file)

SITE_URL = re.compile(r"^https?://[^\s/]+(/\S*)?/$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
PAGES = re.compile(r"^\d+(?:[-–]\d+)?$")
PDF_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$")
ABSTRACT_FILES = {"ar": "abstract.ar.md", "en": "abstract.en.md"}
T = TypeVar("T")


@dataclass
class Sources:
    """Where each loaded object came from, so later checks can name file and line."""

    root: Path
    data_dir: Path
    paper_files: dict[str, str] = field(default_factory=dict)  # paper id -> shown path
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (shown, field) -> line

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def remember(self, shown: str, fields: Fields, *keys: str) -> None:
        for key in keys:
            if key in fields.entries:
                self.lines[(shown, fields.sub(key))] = fields.line(key)

    def line(self, shown: str, field_path: str) -> int | None:
        return self.lines.get((shown, field_path))


@dataclass
class Loaded:
    """What the loader read: objects that were complete, and every problem met."""

    sources: Sources
    problems: list[Problem]
    conference: Conference | None = None
    people: list[Person] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)
    abstract_files: dict[tuple[str, str], str] = field(default_factory=dict)  # (id, lang) -> path


def read_mapping_file(path: Path, sources: Sources, problems: list[Problem],
                      limit: int = MAX_FILE_BYTES) -> Fields | None:
    shown = sources.shown(path)
    if not path.is_file():
        problems.append(Problem(shown, "", "is missing.",
                                f"Create {path.name}; see README.md for its fields."))
        return None
    text = read_text_file(path, shown, problems, limit)
    if text is None:
        return None
    node = compose(text, shown, problems)
    if node is None:
        if text.strip() == "":
            problems.append(Problem(shown, "", "is empty.", "Fill in its fields."))
        return None
    fields = Fields(node, shown, "", problems)
    return fields if fields.ok else None


# -- conference.yaml ---------------------------------------------------------

def read_conference(fields: Fields, sources: Sources) -> Conference | None:
    title = fields.text("title")
    short_name = fields.string("short_name", example='"CSC-2015"')
    description = fields.text("description", required=False)
    organisers = []
    for org in fields.mapping_list("organisers", required=True) or []:
        name, role = org.text("name"), org.text("role")
        org.finish()
        if name and role:
            organisers.append(Organisation(name=name, role=role))
    venue, city, country = fields.text("venue"), fields.text("city"), fields.text("country")
    start = end = None
    hijri_start = hijri_end = None
    dates = fields.mapping("dates")
    if dates:
        start, end = dates.date("start"), dates.date("end")
        hijri_start = read_hijri(dates, "hijri_start")
        hijri_end = read_hijri(dates, "hijri_end")
        sources.remember(fields.file, dates, "start", "end", "hijri_start", "hijri_end")
        dates.finish()
        if start and end and end < start:
            dates.problem(dates.sub("end"), f"{end} is before the start {start}.",
                          "Write an end date on or after the start date.", dates.line("end"))
            end = None
    publisher = fields.text("publisher")
    site_url = fields.string("site_url", example='"https://proceedings.example.org/2015/"')
    if site_url and not SITE_URL.match(site_url):
        fields.problem("site_url", f"“{site_url}” is not an absolute http(s) URL ending in /.",
                       'Write e.g. "https://proceedings.example.org/2015/".', fields.line("site_url"))
        site_url = None
    official_url = fields.string("official_url", required=False)
    themes = []
    for index, theme_fields in enumerate(fields.mapping_list("themes", required=True) or []):
        ar, en = theme_fields.string("ar"), theme_fields.string("en")
        theme_fields.finish()
        if ar and en:
            themes.append(Text(ar, en))
    editors = fields.slug_list("editors", what="person id") or []
    statements = []
    for st in fields.mapping_list("statements") or []:
        person, text, source = st.slug("person", what="person id"), st.text("text"), st.text("source")
        sources.remember(fields.file, st, "person")
        st.finish()
        if person and text and source:
            statements.append(Statement(person=person, text=text, source=source))
    sources.remember(fields.file, fields, "editors", "statements", "title", "short_name")
    fields.finish()
    required = (title, short_name, venue, city, country, start, end, publisher, site_url)
    if any(value is None for value in required):
        return None
    return Conference(
        title=title, short_name=short_name, organisers=tuple(organisers), venue=venue, city=city,
        country=country, start=start, end=end, publisher=publisher, site_url=site_url,
        themes=tuple(themes), hijri_start=hijri_start, hijri_end=hijri_end,
        description=description, official_url=official_url, editors=tuple(editors),
        statements=tuple(statements))


def read_hijri(fields: Fields, key: str) -> HijriDate | None:
    value = fields.string(key, required=False, example='"1437-02-05"')
    if value is None:
        return None
    try:
        return parse_hijri(value)
    except ValueError as err:
        fields.problem(fields.sub(key), f"“{value}” is not a usable Hijri date: {err}",
                       'Write it as "YYYY-MM-DD" in the Umm al-Qura calendar, e.g. "1437-02-05" '
                       "for 5 Safar 1437, or leave it out.", fields.line(key))
        return None


# -- people.yaml -------------------------------------------------------------

def entries_by_id(fields: Fields, sources: Sources, what: str) -> Iterator[tuple[str, Fields]]:
    """The `id: {…}` entries of people.yaml or sessions.yaml whose id is a safe slug."""
    for entry_id in fields.keys():
        entry = fields.mapping(entry_id)
        sources.remember(fields.file, fields, entry_id)
        if entry is None:
            continue
        if check_slug(entry_id, fields.file, entry_id, fields.problems, fields.line(entry_id),
                      what) is None:
            entry.finish(allowed_extra=tuple(entry.keys()))
            continue
        yield entry_id, entry
    fields.finish()


def read_people(fields: Fields, sources: Sources) -> list[Person]:
    people = (read_person(person_id, entry)
              for person_id, entry in entries_by_id(fields, sources, "person id"))
    return [person for person in people if person is not None]


def read_person(person_id: str, entry: Fields) -> Person | None:
    name = None
    name_fields = entry.mapping("name")
    if name_fields:
        honorific = name_fields.string("honorific", required=False) or ""
        given = name_fields.string("given", example='"نايف"')
        nasab = name_fields.string("nasab", required=False, example='"بن صالح"') or ""
        family = name_fields.string("family", required=False, example='"العمري"') or ""
        name_fields.finish()
        if given:
            name = ArabicName(given=given, family=family, nasab=nasab, honorific=honorific)
    latin = []
    problems_before = len(entry.problems)
    for item in entry.mapping_list("latin", required=True) or []:
        given, family = item.string("given", example='"Nayef bin Saleh"'), item.string(
            "family", required=False, example='"Al-Omari"')
        item.finish()
        if given:
            latin.append(LatinName(given=given, family=family or ""))
    if "latin" in entry.entries and not latin and len(entry.problems) == problems_before:
        entry.problem(entry.sub("latin"), "has no spelling.",
                      'Add at least one: `latin: [{given: "Nayef bin Saleh", family: "Al-Omari"}]`.',
                      entry.line("latin"))
    affiliation = entry.text("affiliation", required=False)
    position = entry.text("position", required=False)
    orcid = entry.string("orcid", required=False, example='"0000-0002-1825-0097"')
    if orcid and not valid_orcid(orcid):
        entry.problem(entry.sub("orcid"), f"“{orcid}” is not a valid ORCID iD.",
                      'Write the 16-character iD, e.g. "0000-0002-1825-0097" (not the URL).',
                      entry.line("orcid"))
        orcid = None
    distinct = entry.slug_list("distinct_from", what="person id") or []
    entry.finish()
    if name is None or not latin:
        return None
    return Person(id=person_id, name_ar=name, names_latin=tuple(latin), affiliation=affiliation,
                  position=position, orcid=orcid, distinct_from=tuple(distinct))


def valid_orcid(orcid: str) -> bool:
    """Pattern and ISO 7064 11,2 check digit, as ORCID specifies."""
    if not ORCID.match(orcid):
        return False
    total = 0
    for char in orcid.replace("-", "")[:-1]:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    return orcid[-1] == ("X" if check == 10 else str(check))


# -- sessions.yaml -----------------------------------------------------------

def read_sessions(fields: Fields, sources: Sources) -> list[Session]:
    sessions = (read_session(session_id, entry, sources)
                for session_id, entry in entries_by_id(fields, sources, "session id"))
    return [session for session in sessions if session is not None]


def read_session(session_id: str, entry: Fields, sources: Sources) -> Session | None:
    kind = read_enum(entry, "kind", SessionKind)
    title, day, order = entry.text("title"), entry.date("day"), entry.integer("order")
    start, end = entry.time("start"), entry.time("end")
    if start and end and end <= start:
        entry.problem(entry.sub("end"), f"{end:%H:%M} is not after the start {start:%H:%M}.",
                      "Write an end time later than the start time.", entry.line("end"))
    room = entry.text("room", required=False)
    chairs = entry.slug_list("chairs", what="person id") or []
    description = entry.text("description", required=False)
    sources.remember(entry.file, entry, "chairs", "day", "order")
    entry.finish()
    if None in (kind, title, day, order):
        return None
    return Session(id=session_id, kind=kind, title=title, day=day, order=order, start=start,
                   end=end, room=room, chairs=tuple(chairs), description=description)


def read_enum(fields: Fields, key: str, enum: type[SessionKind] | type[ItemKind]):
    value = fields.string(key, example=next(iter(enum)).value)
    if value is None:
        return None
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        fields.problem(fields.sub(key), f"“{value}” is not a known kind.",
                       f"Write one of: {allowed}.", fields.line(key))
        return None


# -- papers/<id>/ ------------------------------------------------------------

def paper_folders(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")))


def read_paper(folder: Path, loaded: Loaded) -> Paper | None:
    sources, problems = loaded.sources, loaded.problems
    path = folder / "paper.yaml"
    shown_folder = sources.shown(folder)
    fields = read_mapping_file(path, sources, problems)
    abstract = read_abstracts(folder, loaded)
    if fields is None:
        return None
    shown = fields.file
    paper_id = fields.slug("id", what="paper id")
    if paper_id and paper_id != folder.name:
        owner = folder.parent / paper_id / "paper.yaml"
        if owner.is_file():
            fields.problem("id", f"“{paper_id}” is already used by {sources.shown(owner)}.",
                           f"Give each paper its own id, the name of its folder: "
                           f"`id: {folder.name}`.", fields.line("id"))
        else:
            fields.problem("id", f"is “{paper_id}” but the folder is “{folder.name}”.",
                           f"Make them the same: rename the folder to {paper_id}/ or write "
                           f"`id: {folder.name}`.", fields.line("id"))
        paper_id = None
    session = fields.slug("session", what="session id")
    order = fields.integer("order")
    kind = read_enum(fields, "kind", ItemKind)
    title = fields.text("title")
    people = fields.slug_list("people", required=True, what="person id")
    keywords: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    kw = fields.mapping("keywords", required=False)
    if kw:
        keywords = (tuple(kw.str_list("ar") or ()), tuple(kw.str_list("en") or ()))
        kw.finish()
    pages = fields.string("pages", required=False, example='"12-19"')
    if pages and not PAGES.match(pages):
        fields.problem("pages", f"“{pages}” is not a page range.", 'Write e.g. "12-19".',
                       fields.line("pages"))
    doi = fields.string("doi", required=False, example='"10.1234/abcd"')
    if doi and not DOI.match(doi):
        fields.problem("doi", f"“{doi}” is not a DOI.",
                       'Write the bare DOI, e.g. "10.1234/abcd" (no https://doi.org/).',
                       fields.line("doi"))
        doi = None
    pdf = fields.string("pdf", required=False, example='"paper.pdf"')
    if pdf and not (PDF_NAME.match(pdf) and (folder / pdf).is_file()):
        fields.problem("pdf", f"“{pdf}” is not a PDF file in {shown_folder}/.",
                       f"Put the PDF in {shown_folder}/ and write its file name, e.g. "
                       '"paper.pdf".', fields.line("pdf"))
        pdf = None
    sources.remember(shown, fields, "id", "session", "people", "order", "title")
    fields.finish()
    if paper_id is None:
        return None
    sources.paper_files[paper_id] = shown
    if None in (session, order, kind, title, people, abstract):
        return None
    return Paper(id=paper_id, session=session, order=order, kind=kind, title=title,
                 people=tuple(people), keywords=keywords, abstract=abstract, pages=pages,
                 doi=doi, pdf=pdf)


def read_abstracts(folder: Path, loaded: Loaded) -> Text | None:
    texts = {}
    for lang, name in ABSTRACT_FILES.items():
        path = folder / name
        shown = loaded.sources.shown(path)
        if not path.is_file():
            loaded.problems.append(Problem(shown, "", "is missing.",
                                           f"Create {name} with the abstract in "
                                           f"{'Arabic' if lang == 'ar' else 'English'}."))
            continue
        text = read_text_file(path, shown, loaded.problems)
        if text is None:
            continue
        match = BIDI_CONTROLS.search(text)
        if match:
            line = text[: match.start()].count("\n") + 1
            loaded.problems.append(Problem(
                shown, "", "contains an invisible Unicode bidi control character "
                "(U+202A–U+202E or U+2066–U+2069), which can disguise text.",
                "Delete it; the site sets text direction itself.", line))
            continue
        if not text.strip():
            loaded.problems.append(Problem(shown, "", "is empty.",
                                           f"Write the abstract in "
                                           f"{'Arabic' if lang == 'ar' else 'English'}."))
            continue
        texts[lang] = text
        loaded.abstract_files[(folder.name, lang)] = shown
    if len(texts) < 2:
        return None
    return Text(texts["ar"], texts["en"])


class Reads:
    """Files read cleanly before, kept with a digest of what was read.

    Under `serve` an edit changes one file, and reading a volume of 1,000 papers
    again took about a second. Files (or a paper's folder) that are byte for
    byte the same give the same objects, the same remembered lines and no
    problems, so their earlier result is reused. A read that met a problem is
    never kept: editors always get fresh messages. With `keep=False` (one-off
    loads) every read runs and nothing is kept.
    """

    PAPER_FILES = ("paper.yaml", *ABSTRACT_FILES.values())

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self.kept: dict[Path, tuple[tuple, Any, Loaded]] = {}

    def file(self, path: Path, loaded: Loaded, read: Callable[[Loaded], T]) -> T:
        return self._reuse(path, lambda: (_digest(path),), loaded, read)

    def folder(self, folder: Path, loaded: Loaded, read: Callable[[Loaded], T]) -> T:
        """A paper's folder: its listing (a PDF may be named), and its text files' contents."""
        def key() -> tuple:
            names = sorted(entry.name for entry in os.scandir(folder))
            return tuple((name, _digest(folder / name) if name in self.PAPER_FILES else None)
                         for name in names)
        return self._reuse(folder, key, loaded, read)

    def _reuse(self, path: Path, key_of: Callable[[], tuple], loaded: Loaded,
               read: Callable[[Loaded], T]) -> T:
        if not self.keep:
            return read(loaded)
        key = (loaded.sources.root, *key_of())
        kept = self.kept.get(path)
        if kept is None or kept[0] != key:
            scratch = Loaded(Sources(loaded.sources.root, loaded.sources.data_dir), problems=[])
            kept = (key, read(scratch), scratch)
            if scratch.problems:
                self.kept.pop(path, None)
            else:
                self.kept[path] = kept
        _, result, effects = kept
        loaded.problems.extend(effects.problems)
        loaded.sources.paper_files.update(effects.sources.paper_files)
        loaded.sources.lines.update(effects.sources.lines)
        loaded.abstract_files.update(effects.abstract_files)
        return result


def _digest(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).digest()
    except OSError:
        return None


# -- the whole folder ----------------------------------------------------------

def read_conference_file(path: Path, loaded: Loaded) -> Conference | None:
    fields = read_mapping_file(path, loaded.sources, loaded.problems)
    return read_conference(fields, loaded.sources) if fields else None


def read_people_file(path: Path, loaded: Loaded) -> list[Person]:
    fields = read_mapping_file(path, loaded.sources, loaded.problems, MAX_LIST_FILE_BYTES)
    return read_people(fields, loaded.sources) if fields else []


def read_sessions_file(path: Path, loaded: Loaded) -> list[Session]:
    fields = read_mapping_file(path, loaded.sources, loaded.problems, MAX_LIST_FILE_BYTES)
    return read_sessions(fields, loaded.sources) if fields else []


def load(root: Path, data_dir: str = "papers", reads: Reads | None = None) -> Loaded:
    """Read every file; the result holds the complete objects and all problems.

    With `reads` kept between calls (as `checks.validate_cached` does), files
    that did not change are not parsed again.
    """
    reads = reads if reads is not None else Reads(keep=False)
    root = root.resolve()
    base = root / data_dir
    sources = Sources(root=root, data_dir=base)
    loaded = Loaded(sources=sources, problems=[])
    if not base.is_dir():
        loaded.problems.append(Problem(sources.shown(base), "", "is not a folder.",
                                       f"Create the data folder {data_dir}/ (see README.md)."))
        return loaded
    conference = base / "conference.yaml"
    loaded.conference = reads.file(conference, loaded,
                                   lambda into: read_conference_file(conference, into))
    people, sessions = base / "people.yaml", base / "sessions.yaml"
    # Copies: the lists kept by `reads` are not for the caller to change.
    loaded.people = list(reads.file(people, loaded, lambda into: read_people_file(people, into)))
    loaded.sessions = list(reads.file(sessions, loaded,
                                      lambda into: read_sessions_file(sessions, into)))
    for folder in paper_folders(base):
        paper = reads.folder(folder, loaded, lambda into: read_paper(folder, into))
        if paper:
            loaded.papers.append(paper)
    return loaded


def assemble(loaded: Loaded) -> Proceedings:
    """The model, in programme order. Only call when there are no errors."""
    sessions = sorted(loaded.sessions, key=lambda s: (s.day, s.order, s.id))
    rank = {s.id: n for n, s in enumerate(sessions)}
    papers = sorted(loaded.papers, key=lambda p: (rank[p.session], p.order, p.id))
    return Proceedings(conference=loaded.conference, people=tuple(loaded.people),
                       sessions=tuple(sessions), papers=tuple(papers))


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


__all__ = ["Loaded", "Sources", "assemble", "has_errors", "load", "line_of"]
