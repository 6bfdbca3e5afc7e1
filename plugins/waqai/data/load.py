"""Read the editors' files in `papers/` into the model, collecting every problem.

Layout of the data folder:

    papers/conference.yaml       the volume
    papers/people.yaml           person id -> person
    papers/sessions.yaml         session id -> session
    papers/<id>/paper.yaml       one item of the programme
    papers/<id>/abstract.ar.md   its abstract, Arabic
    papers/<id>/abstract.en.md   its abstract, English
    papers/about.ar.md           optional: the editors' notes on the volume, Arabic
    papers/about.en.md           … and English (both files or neither)

Folders whose names start with "_" or "." are not papers (e.g. `_schema/`).
No file is read through a symbolic link: every link in the data folder is an
error (`links.py`).
This module reads and type-checks each file on its own; `checks.py` then checks
what only the whole volume can tell (references, duplicates, dates). A volume of an
archive is read here too, given what the archive shares with it (`ArchiveShare`: the
people of its one people.yaml, and the volume's address); `archiveload.py` reads the rest.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from waqai.data.fields import (
    ABOUT,
    ABSTRACT,
    AT,
    CONFERENCE,
    LANGUAGE_NAMES,
    PAPER,
    PERSON,
    SESSION,
    SITE_URL,
    VOLUME,
    MarkdownPair,
    Values,
    read_group,
    translation_needed,
)
from waqai.data.links import link_problems, read_bytes
from waqai.data.model import (
    DEFAULT_LANG,
    DEFAULT_MAX_PDF_MB,
    LANGS,
    ArabicName,
    Attachment,
    Book,
    Conference,
    DatedNote,
    Lang,
    LatinName,
    Organisation,
    PageDigits,
    Paper,
    PaperSize,
    Person,
    Proceedings,
    Session,
    Statement,
    Status,
    Text,
    TranslationPolicy,
    Version,
    other_lang,
)
from waqai.data.pdfread import PdfRefusal
from waqai.data.pdfs import inspect_pdf
from waqai.data.problems import Problem, Severity
from waqai.data.yamlread import (
    BIDI_CONTROLS,
    MAX_FILE_BYTES,
    MAX_LIST_FILE_BYTES,
    Fields,
    check_slug,
    compose,
    line_of,
    read_text_file,
)
from waqai.text import casing
from waqai.text.plain import beyond_limits

ABSTRACT_FILES = ABSTRACT.files()
PERSON_ID, SESSION_ID = "person id", "session id"  # the kinds of id that files refer to
T = TypeVar("T")


@dataclass(frozen=True)
class Reference:
    """An id written in one file that another file must declare (people.yaml, sessions.yaml)."""

    file: str  # shown path of the file it is written in
    field: str  # its field there, e.g. "people" or "keynote.chairs"
    what: str  # PERSON_ID or SESSION_ID
    value: str


@dataclass
class Sources:
    """Where each loaded object came from, so later checks can name file and line.

    It also keeps every id the files declare and every reference they make, from
    entries that did not load as well: a session with a malformed day still
    declares its id, so its papers are not told that their session is unknown.
    """

    root: Path
    data_dir: Path
    paper_files: dict[str, str] = field(default_factory=dict)  # paper id -> shown path
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (shown, field) -> line
    declared: dict[str, set[str]] = field(default_factory=dict)  # what -> ids given an entry
    references: list[Reference] = field(default_factory=list)
    # shown paper.yaml -> its stored citation key, from items that did not load as well
    keys: dict[str, str] = field(default_factory=dict)
    # Files a field names (a paper's PDF): that field's check refuses such a file if it
    # is a link, so the links found in the data folder are not reported twice.
    named_files: set[Path] = field(default_factory=set)
    # The people.yaml the ids are declared in, when not the data folder's own (an archive's).
    people_yaml: Path | None = None

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def remember(self, shown: str, fields: Fields, *keys: str) -> None:
        for key in keys:
            if key in fields.entries:
                self.lines[(shown, fields.sub(key))] = fields.line(key)

    def remember_keys(self, shown: str, path: str, node: yaml.MappingNode, *keys: str) -> None:
        """`remember` for a mapping not read into Fields here (its first key wins, as there)."""
        for key_node, _ in node.value:
            key = key_node.value
            if key in keys and (shown, f"{path}.{key}") not in self.lines:
                self.lines[(shown, f"{path}.{key}")] = line_of(key_node)

    def line(self, shown: str, field_path: str) -> int | None:
        return self.lines.get((shown, field_path))

    def people_file(self) -> str:
        """The shown path of the people.yaml that declares the person ids."""
        return self.shown(self.people_yaml or self.data_dir / "people.yaml")

    def declare(self, what: str, entry_id: str) -> None:
        self.declared.setdefault(what, set()).add(entry_id)

    def cite(self, shown: str, field_path: str, what: str, values: Iterable[str | None]) -> None:
        """Record the ids written in a field, to be looked up once every file is read."""
        self.references.extend(Reference(shown, field_path, what, value)
                               for value in values if value is not None)

    def absorb(self, other: Sources) -> None:
        """Add what another reading found (a file's earlier reading, kept by `Reads`)."""
        self.paper_files.update(other.paper_files)
        self.lines.update(other.lines)
        for what, ids in other.declared.items():
            self.declared.setdefault(what, set()).update(ids)
        self.references.extend(other.references)
        self.keys.update(other.keys)
        self.named_files.update(other.named_files)


@dataclass(frozen=True)
class ArchiveShare:
    """What a volume of an archive takes from the archive instead of its own folder: the
    people of the archive's people.yaml, read once for every volume (with the ids it
    declares and their lines, but not its problems and references, which the archive
    reports once), and the volume's address."""

    volume_id: str
    site_url: str | None  # the volume's address; None when archive.yaml's is refused
    people_yaml: Path
    people: tuple[Person, ...]
    person_ids: frozenset[str]  # every id people.yaml gives an entry, loaded or not
    lines: dict[tuple[str, str], int]  # (shown, field) -> line, in people.yaml

    def lend(self, sources: Sources) -> None:
        """Make `sources` know the people as if the volume's own people.yaml declared them."""
        sources.people_yaml = self.people_yaml
        sources.lines.update(self.lines)
        sources.declared.setdefault(PERSON_ID, set()).update(self.person_ids)


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
    about: Text | None = None  # the editors' notes (papers/about.*.md), when given
    about_files: dict[Lang, str] = field(default_factory=dict)  # lang -> shown path


def read_mapping_file(path: Path, sources: Sources, problems: list[Problem],
                      limit: int = MAX_FILE_BYTES) -> Fields | None:
    shown = sources.shown(path)
    if path.is_symlink():
        return None  # reported with every other link in the data folder
    if not path.is_file():
        problems.append(Problem(shown, "", "is missing.",
                                f"Create {path.name}; see README.md for its fields."))
        return None
    text = read_text_file(path, shown, problems, limit)
    if text is None:
        return None
    node = compose(text, shown, problems, limit)
    if node is None:
        if text.strip() == "":
            problems.append(Problem(shown, "", "is empty.", "Fill in its fields."))
        return None
    fields = Fields(node, shown, "", problems)
    return fields if fields.ok else None


# -- conference.yaml ---------------------------------------------------------

def read_conference(fields: Fields, sources: Sources,
                    share: ArchiveShare | None = None) -> Conference | None:
    """The conference of a one-volume data folder, or with `share` of an archive's volume,
    which takes its address from the archive."""
    shown = fields.file
    sources.remember(shown, fields, "editors", "statements", "title", "short_name",
                     "doi_suffix", "doi_volume_suffix")
    for path, node in nested(fields, "dates"):
        sources.remember_keys(shown, path, node, "start", "end", "hijri_start", "hijri_end")
    statement_paths = []
    for path, node in nested(fields, "statements"):
        sources.remember_keys(shown, path, node, "person")
        statement_paths.append(path)
    if share is not None:
        address = share.site_url or f"archive.yaml's `site_url` followed by “{share.volume_id}/”"
        fields.refuse(SITE_URL, "is not written in a volume of an archive: a volume's address "
                      "is the archive's `site_url` (archive.yaml) followed by the volume's id.",
                      f"Delete this line; the volume is published at {address}.")
    v = read_group(CONFERENCE if share is None else VOLUME, fields)
    site_url = v[SITE_URL] if share is None else share.site_url or ""
    sources.cite(shown, "editors", PERSON_ID, v["editors"] or ())
    # The statements read are the list's mappings, in order: the same as `nested` gives,
    # so each keeps its own index ("statements[2]") even after an item that is no mapping.
    for path, statement in zip(statement_paths, v["statements"] or ()):
        sources.cite(shown, f"{path}.person", PERSON_ID, [statement["person"]])
    book = fields.entries.get("book")
    if book is not None and book[1].tag == "tag:yaml.org,2002:null":
        # `book:` with nothing after it (or `~`, `null`) is null in YAML: no book.
        fields.problems.append(Problem(
            shown, "book", "is empty, so the conference has no printed book.",
            "Write `book: {}` for a book with the defaults, or delete the line.",
            line_of(book[0]), Severity.WARNING))
    dates: Values = v["dates"] or {}
    start, end = dates.get("start"), dates.get("end")
    if start and end and end < start:
        fields.problem("dates.end", f"{end} is before the start {start}.",
                       "Write an end date on or after the start date.",
                       sources.line(shown, "dates.end"))
        end = None
    organisers = tuple(Organisation(name=org["name"], role=org["role"])
                       for org in v["organisers"] or () if org["name"] and org["role"])
    # A theme's gap is "" (fields.check_bilingual); None: refused, or neither language.
    themes = tuple(Text(theme["ar"], theme["en"]) for theme in v["themes"] or ()
                   if theme["ar"] is not None and theme["en"] is not None)
    statements = tuple(Statement(person=st["person"], text=st["text"], source=st["source"])
                       for st in v["statements"] or ()
                       if st["person"] and st["text"] and st["source"])
    required = (v["title"], v["short_name"], v["venue"], v["city"], v["country"],
                v["publisher"], site_url, v["timezone"])
    if start is None or end is None or any(value is None for value in required):
        return None
    return Conference(
        title=v["title"], short_name=v["short_name"], organisers=organisers, venue=v["venue"],
        city=v["city"], country=v["country"], start=start, end=end, publisher=v["publisher"],
        site_url=site_url, themes=themes, timezone=v["timezone"],
        hijri_start=dates.get("hijri_start"),
        hijri_end=dates.get("hijri_end"), description=v["description"],
        official_url=v["official_url"], editors=tuple(v["editors"] or ()),
        statements=statements, doi_prefix=v["doi_prefix"], doi_suffix=v["doi_suffix"],
        doi_volume_suffix=v["doi_volume_suffix"],
        max_pdf_mb=v["max_pdf_mb"] or DEFAULT_MAX_PDF_MB, book=read_book(v["book"]),
        language=v["language"] or DEFAULT_LANG,
        translations=v["translations"] or TranslationPolicy.WELCOME)


def read_book(v: Values | None) -> Book | None:
    """The `book:` section, if there is one; what it leaves out takes the defaults."""
    if v is None:
        return None
    return Book(isbn=v["isbn"], copyright=v["copyright"], preface=v["preface"],
                paper=v["paper"] or PaperSize.A4, digits=v["digits"] or PageDigits.LATIN,
                pages_in_citations=v["pages_in_citations"])


def nested(fields: Fields, key: str) -> list[tuple[str, yaml.MappingNode]]:
    """The mapping under `key`, or each mapping in the list under `key`, with the path the
    loader reports for it ("dates", "statements[2]"). For their lines only: problems in
    them are reported when the declarations read them."""
    entry = fields.entries.get(key)
    node = entry[1] if entry else None
    if isinstance(node, yaml.MappingNode):
        return [(fields.sub(key), node)]
    if isinstance(node, yaml.SequenceNode):
        return [(f"{fields.sub(key)}[{index}]", item) for index, item in enumerate(node.value)
                if isinstance(item, yaml.MappingNode)]
    return []


# -- people.yaml -------------------------------------------------------------

def entries_by_id(fields: Fields, sources: Sources, what: str) -> Iterator[tuple[str, Fields]]:
    """The `id: {…}` entries of people.yaml or sessions.yaml whose id is a safe slug."""
    for entry_id in fields.keys():  # noqa: SIM118 - Fields is not a dict
        entry = fields.mapping(entry_id)
        sources.remember(fields.file, fields, entry_id)
        sources.declare(what, entry_id)  # even when the entry is broken: see Sources
        if entry is None:
            continue
        if check_slug(entry_id, fields.file, entry_id, fields.problems, fields.line(entry_id),
                      what) is None:
            entry.finish(allowed_extra=tuple(entry.keys()))
            continue
        yield entry_id, entry
    fields.finish()


def read_people(fields: Fields, sources: Sources) -> list[Person]:
    people = (read_person(person_id, entry, sources)
              for person_id, entry in entries_by_id(fields, sources, PERSON_ID))
    return [person for person in people if person is not None]


def read_person(person_id: str, entry: Fields, sources: Sources) -> Person | None:
    sources.remember(entry.file, entry, "distinct_from", "orcid")
    v = read_group(PERSON, entry)
    sources.cite(entry.file, entry.sub("distinct_from"), PERSON_ID, v["distinct_from"] or ())
    name = v["name"]
    latin = [LatinName(given=item["given"], family=item["family"] or "")
             for item in v["latin"] or () if item["given"]]
    if name is not None and not name["given"]:
        return None  # the name's problem is reported
    arabic = None if name is None else ArabicName(
        given=name["given"], family=name["family"] or "", nasab=name["nasab"] or "",
        honorific=name["honorific"] or "")
    if arabic is None and not latin:
        return None  # neither script: reported by fields.check_person_names
    return Person(id=person_id, name_ar=arabic, names_latin=tuple(latin),
                  affiliation=v["affiliation"], position=v["position"], orcid=v["orcid"],
                  distinct_from=tuple(v["distinct_from"] or ()), gender=v["gender"])


# -- sessions.yaml -----------------------------------------------------------

def read_sessions(fields: Fields, sources: Sources) -> list[Session]:
    sessions = (read_session(session_id, entry, sources)
                for session_id, entry in entries_by_id(fields, sources, SESSION_ID))
    return [session for session in sessions if session is not None]


def read_session(session_id: str, entry: Fields, sources: Sources) -> Session | None:
    sources.remember(entry.file, entry, "chairs", "day", "order")
    v = read_group(SESSION, entry)
    sources.cite(entry.file, entry.sub("chairs"), PERSON_ID, v["chairs"] or ())
    start, end = v["start"], v["end"]
    if start and end and end <= start:
        entry.problem(entry.sub("end"), f"{end:%H:%M} is not after the start {start:%H:%M}.",
                      "Write an end time later than the start time.", entry.line("end"))
    if None in (v["kind"], v["title"], v["day"], v["order"]):
        return None
    return Session(id=session_id, kind=v["kind"], title=v["title"], day=v["day"],
                   order=v["order"], start=start, end=end, room=v["room"],
                   chairs=tuple(v["chairs"] or ()), description=v["description"])


# -- papers/<id>/ ------------------------------------------------------------

def paper_folders(data_dir: Path) -> list[Path]:
    """The papers' folders; a link to a folder is none (it is reported as a link)."""
    return sorted(p for p in data_dir.iterdir()
                  if p.is_dir() and not p.is_symlink() and not p.name.startswith(("_", ".")))


def read_paper(folder: Path, max_pdf_mb: int, loaded: Loaded) -> Paper | None:
    sources, problems = loaded.sources, loaded.problems
    path = folder / "paper.yaml"
    fields = read_mapping_file(path, sources, problems)
    abstract, abstract_files = read_markdown_pair(folder, ABSTRACT, loaded)
    loaded.abstract_files.update(((folder.name, lang), shown)
                                 for lang, shown in abstract_files.items())
    if fields is None:
        return None
    shown = fields.file
    sources.remember(shown, fields, "id", "key", "session", "people", "order", "title", "doi",
                     "affiliations", "fixed_case")
    v = read_group(PAPER, fields)
    # Cited even when the item is incomplete, so one run reports every mistake in it.
    sources.cite(shown, "session", SESSION_ID, [v["session"]])
    sources.cite(shown, "people", PERSON_ID, v["people"] or ())
    if v["key"]:
        sources.keys[shown] = v["key"]
    paper_id = checked_paper_id(v["id"], folder, fields, sources)
    pdfs = FolderPdfs(folder, max_pdf_mb, sources)
    pdf = v["pdf"]
    pdf_pages = pdfs.pages(pdf, "pdf", fields) if pdf else None
    if pdf and pdf_pages is None:
        pdf = None
    versions = read_versions(v, fields, pdfs)
    attachments = read_attachments(v, pdfs)
    status, notice, errata = read_standing(v, fields)
    affiliations = read_affiliations(v, fields, sources)
    if paper_id is None:
        return None
    sources.paper_files[paper_id] = shown
    if abstract is None or None in (v["session"], v["order"], v["kind"], v["title"],
                                    v["people"]):
        return None
    keywords = v["keywords"] or {}
    return Paper(id=paper_id, session=v["session"], order=v["order"], kind=v["kind"],
                 title=v["title"], people=tuple(v["people"]),
                 keywords=(tuple(keywords.get("ar") or ()), tuple(keywords.get("en") or ())),
                 abstract=abstract, pages=v["pages"], doi=v["doi"], pdf=pdf,
                 pdf_pages=pdf_pages, key=v["key"], status=status, notice=notice,
                 errata=errata, versions=versions, attachments=attachments,
                 language=v["language"] or "", affiliations=affiliations,
                 fixed_case=fixed_case(v, fields), version_of_record=v["version_of_record"])


def fixed_case(v: Values, fields: Fields) -> tuple[str, ...]:
    """The title's words whose case citations keep; a word the English title does not have
    is reported (it would keep nothing) and left out."""
    title: Text | None = v["title"]
    listed: list[str] = v["fixed_case"] or []
    present = {word[0] for word in casing.words(title.en)} if title else set()
    kept = []
    for index, word in enumerate(listed):
        if word in present or title is None:
            kept.append(word)
            continue
        fields.problems.append(Problem(
            fields.file, f"{fields.sub('fixed_case')}[{index}]", f"“{word}” is not a word of "
            "the English title, so citations keep no case for it.",
            "Write the word as the title has it (each word on its own: “COVID-19”, not "
            "“COVID-19 dataset”), or delete it.", fields.line("fixed_case"), Severity.WARNING))
    return tuple(kept)


def read_affiliations(v: Values, fields: Fields,
                      sources: Sources) -> tuple[tuple[str, Text], ...]:
    """The affiliations the item gives its people (`affiliations:`), in the order of
    `people`; an id that is not one of its people is reported at its line."""
    given: dict[str, Text] = v["affiliations"] or {}
    people: list[str] | None = v["people"]
    if not given or people is None:
        return ()
    for path, node in nested(fields, "affiliations"):
        sources.remember_keys(fields.file, path, node, *given)
    for person_id in given:
        if person_id in people:
            continue
        field = f"{fields.sub('affiliations')}.{person_id}"
        close = difflib.get_close_matches(person_id, people, n=1)
        hint = f"Did you mean `{close[0]}`? " if close else ""
        fields.problem(field, f"“{person_id}” is not one of the item's people "
                       f"({', '.join(people) or 'it names none'}).",
                       f"{hint}An affiliation is given for one of the item's `people`, under "
                       f"their id; add {person_id} to `people` if they are one.",
                       sources.line(fields.file, field))
    return tuple((person_id, given[person_id]) for person_id in people if person_id in given)


class FolderPdfs:
    """The PDFs one item's folder publishes, each opened once however many fields name it
    (`pdf` is always one of its `versions`, and may be attached too)."""

    def __init__(self, folder: Path, max_pdf_mb: int, sources: Sources) -> None:
        self.folder, self.max_pdf_mb, self.sources = folder, max_pdf_mb, sources
        self.judged: dict[str, PdfRefusal | int] = {}

    def pages(self, name: str, field: str, fields: Fields) -> int | None:
        """The pages of the PDF `name` (`field` names it in `fields`), or None with the
        reason it may not be published reported at that field."""
        self.sources.named_files.add(self.folder / name)
        found = self.judged.get(name)
        if found is None:
            found = self.judged[name] = inspect_pdf(
                name, self.folder, self.sources.shown(self.folder), self.max_pdf_mb)
        if isinstance(found, int):
            return found
        fields.problem(fields.sub(field), found.message, found.fix, fields.line(field))
        return None


def read_versions(v: Values, fields: Fields, pdfs: FolderPdfs) -> tuple[Version, ...]:
    """The versions of the item's PDF; `pdf` must name one of them, the current one."""
    versions = []
    for item in v["versions"] or ():
        at: Fields = item[AT]
        if item["file"] and pdfs.pages(item["file"], "file", at) is not None \
                and item["date"]:
            versions.append(Version(item["file"], item["date"], item["note"]))
    files = [item["file"] for item in v["versions"] or () if item["file"]]
    if files and v["pdf"] not in files:
        fields.problem(fields.sub("pdf" if v["pdf"] else "versions"),
                       "The current full text (`pdf`) is not one of the `versions`.",
                       f"Write `pdf:` with the file of the current version, one of: "
                       f"{', '.join(files)}.", fields.line("pdf" if v["pdf"] else "versions"))
    return tuple(versions)


def read_attachments(v: Values, pdfs: FolderPdfs) -> tuple[Attachment, ...]:
    """Slides and posters are PDFs in the folder (`file`); videos, code, datasets links."""
    attachments = []
    for item in v["attachments"] or ():
        at: Fields = item[AT]
        kind, file, url = item["type"], item["file"], item["url"]
        if kind is None or item["label"] is None:
            continue
        wanted, unwanted = ("file", "url") if kind.is_file else ("url", "file")
        if item[unwanted]:
            at.problem(at.sub(unwanted), f"A {kind.value} attachment has no `{unwanted}`.",
                       f"Write its {'file name' if kind.is_file else 'https link'} as "
                       f"`{wanted}:` instead.", at.line(unwanted))
        elif not item[wanted]:
            if wanted in at.entries:  # written, and refused already
                continue
            at.problem(at.sub(wanted), f"A {kind.value} attachment needs a `{wanted}`.",
                       'Write e.g. `file: "slides.pdf"` (a PDF in the item\'s folder).'
                       if kind.is_file else
                       'Write e.g. `url: "https://video.example.org/talk"`.', at.line())
        elif not kind.is_file or pdfs.pages(file, "file", at) is not None:
            attachments.append(Attachment(kind, item["label"], file if kind.is_file else None,
                                          url if not kind.is_file else None))
    return tuple(attachments)


def _dated_note(values: Values | None) -> DatedNote | None:
    if not values or None in (values["date"], values["ar"], values["en"]):
        return None
    return DatedNote(values["date"], Text(values["ar"], values["en"]))


def read_standing(v: Values, fields: Fields) -> tuple[Status, DatedNote | None,
                                                       tuple[DatedNote, ...]]:
    """The item's status, its notice and its errata; a retraction or withdrawal needs a
    notice, and a notice needs one (its date and reason are what readers are told)."""
    status = v["status"] or Status.PUBLISHED
    notice = _dated_note(v["notice"])
    if status is not Status.PUBLISHED and v["notice"] is None:
        fields.problem(fields.sub("status"), f"A {status.value} item needs a notice.",
                       "Add `notice: {date: YYYY-MM-DD, ar: \"…\", en: \"…\"}` saying when "
                       "and why, in both languages.", fields.line("status"))
    if status is Status.PUBLISHED and v["notice"] is not None:
        fields.problem(fields.sub("notice"), "A notice is only for a retracted or withdrawn "
                       "item, and this one is published.",
                       "Add `status: retracted` (or `withdrawn`), or remove the notice; a "
                       "correction goes under `errata`.", fields.line("notice"))
    errata = tuple(note for values in v["errata"] or () if (note := _dated_note(values)))
    return status, notice, errata


def checked_paper_id(paper_id: str | None, folder: Path, fields: Fields,
                     sources: Sources) -> str | None:
    """The paper's id if it names its own folder; otherwise None, with the problem."""
    if not paper_id or paper_id == folder.name:
        return paper_id
    owner = folder.parent / paper_id / "paper.yaml"
    if owner.is_file():
        fields.problem("id", f"“{paper_id}” is already used by {sources.shown(owner)}.",
                       f"Give each paper its own id, the name of its folder: "
                       f"`id: {folder.name}`.", fields.line("id"))
    else:
        fields.problem("id", f"is “{paper_id}” but the folder is “{folder.name}”.",
                       f"Make them the same: rename the folder to {paper_id}/ or write "
                       f"`id: {folder.name}`.", fields.line("id"))
    return None


def read_markdown_pair(folder: Path, pair: MarkdownPair,
                       loaded: Loaded) -> tuple[Text | None, dict[Lang, str]]:
    """Both files of `pair` in `folder`, and the shown path of each file read.

    A file left out or empty is a gap: in a required pair one gap is a translation
    needed (a warning; its text is ""), two are errors; an optional pair wholly
    absent is None without a problem, and any other gap is an error. None, too, when
    a file was refused (its problem is reported).
    """
    files = pair.files()
    found: dict[Lang, str | None] = {}  # each file there: its text (None: refused, a link)
    shown_files: dict[Lang, str] = {}
    for lang, name in files.items():
        path = folder / name
        if path.is_symlink():
            found[lang] = None  # reported with every other link in the data folder
        elif path.is_file():
            shown = loaded.sources.shown(path)
            found[lang] = read_markdown_file(path, shown, loaded.problems)
            if found[lang] is not None:
                shown_files[lang] = shown
    if not pair.required and not found:
        return None, shown_files
    gaps = [lang for lang in LANGS if lang not in found or found[lang] == ""]
    translation = pair.required and len(gaps) < len(LANGS)  # the gaps are warnings
    for lang in gaps:
        loaded.problems.append(_gap_problem(folder, pair, lang, found, translation,
                                            loaded.sources))
    if (gaps and not translation) or any(found.get(lang) is None
                                         for lang in LANGS if lang not in gaps):
        return None, shown_files
    return Text(found.get("ar") or "", found.get("en") or ""), shown_files


def _gap_problem(folder: Path, pair: MarkdownPair, lang: Lang, found: dict[Lang, str | None],
                 translation: bool, sources: Sources) -> Problem:
    """What is said of a file of `pair` left out (not in `found`) or empty: a translation
    needed when `translation`, else an error."""
    files, language = pair.files(), LANGUAGE_NAMES[lang]
    name, other = files[lang], files[other_lang(lang)]
    shown = sources.shown(folder / name)
    if translation:
        have = LANGUAGE_NAMES[other_lang(lang)]
        return translation_needed(
            shown, "", lang, f"the {pair.name} has {have} text ({other}) but no {language}",
            f"Write {name} with the {pair.name} in {language}, a translation, never a copy "
            f"of {other}.", f"{have} {pair.name}")
    if lang in found:
        return Problem(shown, "", "is empty.", f"Write the {pair.name} in {language}.")
    fix = (f"Create {name} with the {pair.name} in {language}." if pair.required
           else f"Write {name} as well (the {language} text), or delete {other}: "
                f"the {pair.name} notes are shown in both languages or in neither.")
    return Problem(shown, "", "is missing.", fix)


def read_markdown_file(path: Path, shown: str, problems: list[Problem]) -> str | None:
    """One Markdown file's text ("" when it holds only white space), or None with its
    problem (too large, not UTF-8, a bidi control)."""
    text = read_text_file(path, shown, problems)
    if text is None:
        return None
    match = BIDI_CONTROLS.search(text)
    if match:
        line = text[: match.start()].count("\n") + 1
        problems.append(Problem(
            shown, "", "contains an invisible Unicode bidi control character "
            "(U+202A–U+202E or U+2066–U+2069), which can disguise text.",
            "Delete it; the site sets text direction itself.", line))
        return None
    beyond = beyond_limits(text)
    if beyond is not None:
        line, what = beyond
        problems.append(Problem(
            shown, "", f"{what}, the limit for one Markdown file.",
            "Write the points at fewer levels, or with fewer links: an abstract needs "
            "two or three levels and a few links at most.", line))
        return None
    return text if text.strip() else ""


class Reads:
    """Files read cleanly before, kept with a digest of what was read.

    Under `serve` an edit changes one file, and reading a volume of 1,000 papers
    again took about a second. Files (or a paper's folder) that are byte for
    byte the same give the same objects, remembered lines and problems, so the
    earlier result of a read without errors is reused, its warnings (a
    translation gap) said again. A read that met an error is never kept:
    editors always get fresh messages. With `keep=False` (one-off loads) every
    read runs and nothing is kept.
    """

    PAPER_FILES = ("paper.yaml", *ABSTRACT_FILES.values())

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self.kept: dict[Path, tuple[tuple[Any, ...], Any, Loaded]] = {}

    def file(self, path: Path, loaded: Loaded, read: Callable[[Loaded], T], *also: Any) -> T:
        """One file; `also`: the other inputs of `read` (a volume's address)."""
        return self._reuse(path, lambda: (*also, _digest(path)), loaded, read)

    def folder(self, folder: Path, loaded: Loaded, read: Callable[[Loaded], T],
               *also: Any) -> T:
        """A paper's folder: its text files' contents, and its other files' (a PDF's) kind,
        size and time, which `inspect_pdf` judges; `also`: the other inputs of `read`
        (the PDF size limit), so a PDF is opened again only when one of these changed."""
        def key() -> tuple[Any, ...]:
            names = sorted(entry.name for entry in os.scandir(folder))
            return (*also, *((name, _digest(folder / name) if name in self.PAPER_FILES
                              else _status(folder / name)) for name in names))
        return self._reuse(folder, key, loaded, read)

    def _reuse(self, path: Path, key_of: Callable[[], tuple[Any, ...]], loaded: Loaded,
               read: Callable[[Loaded], T]) -> T:
        if not self.keep:
            return read(loaded)
        key = (loaded.sources.root, *key_of())
        kept = self.kept.get(path)
        if kept is None or kept[0] != key:
            scratch = Loaded(Sources(loaded.sources.root, loaded.sources.data_dir), problems=[])
            kept = (key, read(scratch), scratch)
            if has_errors(scratch.problems):
                self.kept.pop(path, None)
            else:
                self.kept[path] = kept
        _, result, effects = kept
        loaded.problems.extend(effects.problems)
        loaded.sources.absorb(effects.sources)
        loaded.abstract_files.update(effects.abstract_files)
        return result


def _status(path: Path) -> tuple[int, int, int] | None:
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return status.st_mode, status.st_size, status.st_mtime_ns


def _digest(path: Path) -> bytes | str | None:
    """The digest of a file's bytes; "link" for a link, which is not read."""
    if path.is_symlink():
        return "link"
    try:
        return hashlib.sha256(read_bytes(path)).digest()
    except OSError:
        return None


# -- the whole folder ----------------------------------------------------------

def read_conference_file(path: Path, loaded: Loaded,
                         share: ArchiveShare | None = None) -> Conference | None:
    fields = read_mapping_file(path, loaded.sources, loaded.problems)
    return read_conference(fields, loaded.sources, share) if fields else None


def read_people_file(path: Path, loaded: Loaded) -> list[Person]:
    fields = read_mapping_file(path, loaded.sources, loaded.problems, MAX_LIST_FILE_BYTES)
    return read_people(fields, loaded.sources) if fields else []


def read_sessions_file(path: Path, loaded: Loaded) -> list[Session]:
    fields = read_mapping_file(path, loaded.sources, loaded.problems, MAX_LIST_FILE_BYTES)
    return read_sessions(fields, loaded.sources) if fields else []


def load(root: Path, data_dir: str = "papers", reads: Reads | None = None,
         share: ArchiveShare | None = None) -> Loaded:
    """Read every file; the result holds the complete objects and all problems.

    With `reads` kept between calls (as `checks.validate_cached` does), files
    that did not change are not parsed again. With `share`, `data_dir` is a volume
    of an archive (`archiveload`): its people and address are the archive's.
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
                                   lambda into: read_conference_file(conference, into, share),
                                   share and (share.volume_id, share.site_url))
    people, sessions = base / "people.yaml", base / "sessions.yaml"
    # Copies: the lists kept by `reads` are not for the caller to change.
    if share is None:
        loaded.people = list(reads.file(people, loaded,
                                        lambda into: read_people_file(people, into)))
    else:
        loaded.people = list(share.people)
        share.lend(sources)
    loaded.sessions = list(reads.file(sessions, loaded,
                                      lambda into: read_sessions_file(sessions, into)))
    max_pdf_mb = loaded.conference.max_pdf_mb if loaded.conference else DEFAULT_MAX_PDF_MB
    for folder in paper_folders(base):
        paper = reads.folder(folder, loaded, functools.partial(read_paper, folder, max_pdf_mb),
                             max_pdf_mb)
        if paper:
            loaded.papers.append(paper)
    # Two small files, read every time: not worth keeping in `reads`.
    loaded.about, loaded.about_files = read_markdown_pair(base, ABOUT, loaded)
    loaded.problems.extend(link_problems(base, sources.shown, sources.named_files))
    return loaded


def assemble(loaded: Loaded) -> Proceedings:
    """The model, in programme order. Only call when there are no errors."""
    assert loaded.conference is not None, "assemble() needs a conference.yaml read cleanly"
    sessions = sorted(loaded.sessions, key=lambda s: (s.day, s.order, s.id))
    rank = {s.id: n for n, s in enumerate(sessions)}
    papers = sorted(loaded.papers, key=lambda p: (rank[p.session], p.order, p.id))
    return Proceedings(conference=loaded.conference, people=tuple(loaded.people),
                       sessions=tuple(sessions), papers=tuple(papers), about=loaded.about)


def cited_people(loaded: Loaded) -> set[str]:
    """The ids of the people the volume's items, sessions and statements (editors too) cite."""
    used: set[str] = set()
    for paper in loaded.papers:
        used.update(paper.people)
    for session in loaded.sessions:
        used.update(session.chairs)
    if loaded.conference:
        used.update(s.person for s in loaded.conference.statements)
        used.update(loaded.conference.editors)
    return used


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


__all__ = ["PERSON_ID", "SESSION_ID", "ArchiveShare", "Loaded", "Reference", "Sources",
           "assemble", "cited_people", "has_errors", "load", "line_of"]
