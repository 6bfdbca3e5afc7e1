"""What importing ACL Anthology volumes changes in `papers/`, worked out before anything
is written (`anthology.py` reads the XML).

In an archive (`papers/archive.yaml`) each `<volume>` is the archive's volume
`papers/<venue>-<year>/`; into a one-volume `papers/` only one volume, and only while
`papers/` is empty (two conferences in one volume is what an archive is for). A new
volume gets its conference.yaml (from `<meta>`: what the XML does not say is derived and
says so in a comment) and sessions.yaml (one session of every paper: the XML has no
programme); a volume imported before keeps both as the editors have them. Each paper is
`<volume>/<its Anthology id as a slug>/`, found again on re-import by its `source:`; what
the Anthology owns (the English title and its fixed-case words, the people, their
affiliations on the item, pages, DOI, the version of record, the English abstract) is
updated in place, the editors' lines (translations, key, session, order, errata,
attachments and a retraction's notice once written) kept. People are matched once
across every volume (`people.People`): by the Anthology's author id, else ORCID, else
name; a spelling the Anthology's id gives a known person is added to their `latin:`.
Importing the same files again writes nothing.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path

from waqai.data.archiveload import CONFERENCE_FILE, PEOPLE_FILE, is_archive
from waqai.data.citekeys import KEY
from waqai.data.fields import DOI, PAGES
from waqai.data.model import LatinName
from waqai.data.problems import Problem
from waqai.data.scaffold import quoted
from waqai.data.schema import SCHEMA_DIR, modeline
from waqai.data.yamlread import load
from waqai.importers.anthology import SITE, Correction, Item, Link, Volume
from waqai.importers.existing import PAPER_FILE, KnownPerson, read_existing
from waqai.importers.language import item_language, language_of, slug
from waqai.importers.people import People
from waqai.importers.places import place
from waqai.importers.plan import Plan, appended, latin_flow, person_entry, text_change
from waqai.importers.records import Author
from waqai.importers.yamltext import edited, ids, pair_lines, with_item, words

SYSTEM = "the ACL Anthology"
SESSION = "papers"
SESSIONS_FILE = "sessions.yaml"
# <language> (ISO 639-2/3) -> the tag Waqai writes.
LANGUAGES = {"ara": "ar", "arb": "ar", "eng": "en"}
LABELS = {"video": ("تسجيل العرض", "Video"), "code": ("الشيفرة", "Software"),
          "dataset": ("البيانات", "Dataset")}
MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
# What an empty one-volume papers/ may hold: what `init` and `schema` write for any data.
EMPTY_OK = frozenset({SCHEMA_DIR, "README.md", PEOPLE_FILE})


def _english(text: str, pad: str = "  ") -> list[str]:
    return pair_lines(pad, {language_of(text): quoted(text)} if text else {})


def refusal(data_dir: Path, volumes: Sequence[Volume], shown: str) -> Problem | None:
    """Why the volumes cannot go into `data_dir`, if they cannot."""
    if is_archive(data_dir):
        return None
    init = ("Start an archive instead: `python3 build.py init --archive` in a new project "
            "folder, then import there.")
    if len(volumes) > 1:
        return Problem(f"{shown}/", "", f"is one volume's data folder, and the files hold "
                       f"{len(volumes)} volumes ({', '.join(v.anthology_id for v in volumes)}).",
                       init)
    held = sorted(p.name for p in data_dir.iterdir() if p.name not in EMPTY_OK
                  and not p.name.startswith(".")) if data_dir.is_dir() else []
    people = data_dir / PEOPLE_FILE
    if not held and people.is_file() and read_existing(data_dir).people:
        held = [PEOPLE_FILE]
    if held:
        return Problem(f"{shown}/", "", f"holds a volume already ({', '.join(held[:4])}"
                       f"{' …' if len(held) > 4 else ''}): importing the Anthology's volume "
                       "into it would make two conferences one.",
                       f"{init} Or import into an empty {shown}/.")
    return None


class AnthologyPlanner:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.archive = is_archive(data_dir)
        known = read_existing(data_dir).people if data_dir.is_dir() else []
        self.people = People(known)
        self.plan = Plan()
        self._known_by_id: dict[str, KnownPerson] = {p.id: p for p in known}
        self._spellings: dict[str, list[LatinName]] = {}  # known person id -> spellings added
        self._no_abstract: list[str] = []  # the Anthology ids of items without one

    def _write(self, path: Path, text: str) -> bool:
        change = text_change(path, text)
        if change is not None:
            self.plan.changes.append(change)
        return change is not None

    # -- people -----------------------------------------------------------------------
    def _person(self, author: Author) -> str:
        own = author.key.removeprefix("aclanthology:")
        match = self.people.match(dataclasses.replace(author, affiliation=""), own)
        known = self._known_by_id.get(match.person_id)
        spelling = LatinName(author.given, author.family)
        if match.new is None and known is not None and own and spelling not in known.latin:
            added = self._spellings.setdefault(known.id, [])
            if spelling not in added:
                added.append(spelling)
        return match.person_id

    def _people_file(self) -> None:
        path = self.data_dir / PEOPLE_FILE
        text = path.read_text("utf-8") if path.is_file() else (
            modeline("people", depth=0) + "\n# People imported from the ACL Anthology.\n")
        for pid, added in self._spellings.items():
            for spelling in added:
                text = with_item(text, (pid, "latin"), latin_flow(spelling))
        entries = [person_entry(p, self.plan.notes) for p in self.people.added]
        if entries:
            text = appended(text, entries)
        self._write(path, text)

    def finish(self) -> Plan:
        """people.yaml's changes, and the notes of the whole import."""
        self._people_file()
        self.plan.added_people = [p.id for p in self.people.added]
        missing = self._no_abstract
        if missing:
            many = len(missing) > 1
            listed = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            self.plan.notes.append(
                f"{len(missing)} item{'s' * many} {'have' if many else 'has'} no <abstract> in "
                f"the XML ({listed}): `check` asks for one; write abstract.en.md in "
                f"{'each' if many else 'the'} item's folder.")
        return self.plan

    # -- a volume ---------------------------------------------------------------------
    def add(self, volume: Volume) -> None:
        folder = self.data_dir / volume.folder if self.archive else self.data_dir
        editors = [self._person(editor) for editor in volume.editors]
        depth = 1 if self.archive else 0
        existing = read_existing(folder) if folder.is_dir() else None
        if not (folder / CONFERENCE_FILE).is_file():
            first_day = self._conference(volume, folder, editors, depth)
            self._write(folder / SESSIONS_FILE, _sessions(volume, first_day, depth))
            self.plan.notes.append(
                f"{volume.folder}: {CONFERENCE_FILE} and {SESSIONS_FILE} were written from "
                f"the <meta> of {volume.anthology_id}; check the lines whose comments say "
                "what the XML did not give.")
        known = existing.papers_by_source if existing else {}
        for order, item in enumerate(volume.items, start=1):
            matched = [(author, self._person(author)) for author in item.authors]
            people = list(dict.fromkeys(person for _, person in matched))
            affiliations = self._affiliations(item, matched)
            old = known.get(f"aclanthology:{item.anthology_id}")
            paper = (folder / old.id if old else folder / slug(item.anthology_id)) / PAPER_FILE
            if old is None:
                changed = self._write(paper, self._paper(item, order, people, affiliations,
                                                         depth + 1))
            else:
                changed = self._write(paper, self._updated(old.text, item, people,
                                                           affiliations))
            if item.abstract:
                changed = self._write(paper.parent / "abstract.en.md",
                                      item.abstract + "\n") or changed
            elif not (paper.parent / "abstract.en.md").is_file():
                self._no_abstract.append(item.anthology_id)
            if old is None:
                self.plan.added_papers.append(paper.parent.name)
            elif changed:
                self.plan.updated_papers.append(old.id)

    def _affiliations(self, item: Item, matched: list[tuple[Author, str]]) -> dict[str, str]:
        """Person id -> the affiliation they gave on the item, for those who gave one."""
        given: dict[str, str] = {}
        for author, person in matched:
            if author.affiliation and given.setdefault(person, author.affiliation) \
                    != author.affiliation:
                self.plan.notes.append(
                    f"{item.anthology_id}: {person} is an author twice, with the affiliations "
                    f"“{given[person]}” and “{author.affiliation}”; the first is kept.")
        return given

    def _conference(self, volume: Volume, folder: Path, editors: list[str],
                    depth: int) -> str:
        """Write conference.yaml; the volume's first day (ISO)."""
        title = re.sub(r"^Proceedings of (the )?", "", volume.booktitle)
        where = place(volume.address)
        year = int(volume.year)
        month = next((MONTHS[w] for w in re.findall(r"[A-Za-z]+", volume.month.casefold())
                      if w in MONTHS), 0)
        start, end = ((f"{year}-{month:02d}-01",
                       f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}")
                      if month else (f"{year}-01-01", f"{year}-12-31"))
        said = f"<month> {volume.month} and <year> {year}" if month else f"<year> {year}"
        lines = [
            modeline("conference", depth=depth),
            f"# Imported from the ACL Anthology ({volume.anthology_id}, {SITE}volumes/"
            f"{volume.anthology_id}/)",
            "# by `python3 build.py import acl-anthology`; importing again leaves this file "
            "as it is.",
            f"# The title is the event <booktitle> names (“{volume.booktitle}”).",
            "title:", *_english(title),
            f"short_name: {quoted(_short_name(title, volume))}",
            "organisers: []  # the XML names none",
            f"# <address> is “{volume.address}”.",
            "venue:", *_english(volume.address),
            "city:", *_english(where.city),
            "country:" + ("" if where.country else "  # the address names none: write it"),
            *_english(where.country),
            f"# The XML gives {said}, no day: the dates span the "
            f"{'month' if month else 'year'}.",
            "dates:", f"  start: {quoted(start)}", f"  end: {quoted(end)}",
            f"timezone: {quoted(where.zone or 'UTC')}"
            + ("" if where.zone else "  # the XML gives no zone and the city names none"),
            "publisher:", *_english(volume.publisher),
            "themes: []",
            f"editors: {ids(editors)}",
            "language: en  # the items' language where one does not say",
        ]
        if not self.archive:
            address = f"https://proceedings.example.org/{volume.folder}/"
            lines.append(f"site_url: {quoted(address)}  # placeholder: the address the site "
                         "is published at")
        self._write(folder / CONFERENCE_FILE, "\n".join(lines) + "\n")
        return start

    # -- an item ----------------------------------------------------------------------
    def _language(self, item: Item) -> str:
        stored = language_of(item.title)
        said = LANGUAGES.get(item.language, item.language)
        tag, note = item_language(stored, said, SYSTEM)
        if note:
            self.plan.notes.append(f"{item.anthology_id}: {note}.")
            return f"{tag}  # {note}"
        return tag

    def _paper(self, item: Item, order: int, people: list[str],
               affiliations: dict[str, str], depth: int) -> str:
        lines = [
            modeline("paper", depth=depth),
            f"# Imported from the ACL Anthology ({item.page}) by `python3 build.py import "
            "acl-anthology`.",
            "# Importing again updates what the Anthology says (the English title, people,",
            "# affiliations, pages, DOI, abstract); translations and the rest are the editors'.",
            f"id: {slug(item.anthology_id)}",
        ]
        if KEY.match(item.bibkey):
            lines.append(f"key: {quoted(item.bibkey)}  # the Anthology's bibkey")
        else:
            self.plan.notes.append(f"{item.anthology_id}: no <bibkey> Waqai can use as a "
                                   f"citation key (“{item.bibkey}”); `check` says which key "
                                   "it derives: write it as `key:` before publishing.")
        lines += [f"source: {quoted('aclanthology:' + item.anthology_id)}",
                  f"session: {SESSION}", f"order: {order}", "kind: paper",
                  f"language: {self._language(item)}",
                  "title:", *_english(item.title)]
        if item.fixed_case:
            lines.append(f"fixed_case: {words(item.fixed_case)}")
        lines.append(f"people: {ids(people)}")
        if affiliations:
            lines.append("affiliations:  # as each author gave it on this paper")
            for person, affiliation in affiliations.items():
                lines += [f"  {person}:", *_english(affiliation, "    ")]
        lines += self._checked(item, "pages", PAGES) + self._checked(item, "doi", DOI)
        lines.append(f"version_of_record: {quoted(item.page)}")
        lines += self._links(item) + self._errata(item) + self._notice(item)
        return "\n".join(lines) + "\n"

    def _notice(self, item: Item) -> list[str]:
        """A retracted or removed paper's `status` and `notice`, when it is dated."""
        notice = item.notice
        if notice is None:
            return []
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", notice.date):
            self.plan.notes.append(f"{item.anthology_id}: the Anthology marks it "
                                   f"{notice.status} without a date: write `status: "
                                   f"{notice.status}` and its dated `notice:`.")
            return []
        text = notice.text or f"{notice.status.capitalize()} in the ACL Anthology."
        return [f"status: {notice.status}",
                f"notice: {{date: {quoted(notice.date)}, en: {quoted(text)}}}"]

    def _checked(self, item: Item, name: str, pattern: re.Pattern[str]) -> list[str]:
        value = getattr(item, name)
        if value and not pattern.match(value):
            self.plan.notes.append(f"{item.anthology_id}: <{name}> “{value}” is not one "
                                   f"Waqai reads; it was left out: write it as `{name}:`.")
            return []
        return [f"{name}: {quoted(value)}"] if value else []

    def _links(self, item: Item) -> list[str]:
        kept: list[Link] = []
        for link in item.links:
            if link.kind in LABELS and link.url.startswith("https://"):
                kept.append(link)
            else:
                self.plan.notes.append(
                    f"{item.anthology_id}: the {link.kind} {link.url} is not imported: "
                    "download it into the item's folder and list it in `attachments:` "
                    "(slides and a poster are a PDF there).")
        if not kept:
            return []
        return ["attachments:", *(
            f"  - {{type: {link.kind}, url: {quoted(link.url)}, label: {{ar: "
            f"{quoted(LABELS[link.kind][0])}, en: {quoted(LABELS[link.kind][1])}}}}}"
            for link in kept)]

    def _errata(self, item: Item) -> list[str]:
        dated: list[Correction] = []
        for correction in item.corrections:
            if re.match(r"^\d{4}-\d{2}-\d{2}$", correction.date):
                dated.append(correction)
            else:
                self.plan.notes.append(f"{item.anthology_id}: {correction.what} "
                                       f"({correction.url}) has no date; add it to "
                                       "`errata:` with its date.")
        if not dated:
            return []
        return ["errata:", *(f"  - {{date: {quoted(c.date)}, en: {quoted(_said(c))}}}"
                             for c in dated)]

    def _updated(self, text: str, item: Item, people: list[str],
                 affiliations: dict[str, str]) -> str:
        values: dict[tuple[str, ...], str] = {
            ("title", "en"): quoted(item.title), ("people",): ids(people),
            ("version_of_record",): quoted(item.page)}
        values.update(_affiliation_values(text, affiliations))
        if item.fixed_case:
            values[("fixed_case",)] = words(item.fixed_case)
        for name, pattern in (("pages", PAGES), ("doi", DOI)):
            value = getattr(item, name)
            if pattern.match(value):
                values[(name,)] = quoted(value)
        return edited(text, values)


def _affiliation_values(text: str, affiliations: dict[str, str]) -> dict[tuple[str, ...], str]:
    """The `edited` values that give the paper.yaml `text` the Anthology's affiliations:
    each English one in place when the same people have one, else the whole field on one
    line, the Arabic the editors wrote for a person kept, a person no longer among the
    authors left out (as `check` would ask)."""
    old = load(text, PAPER_FILE, [])
    given = old.get("affiliations") if isinstance(old, dict) else None
    given = given if isinstance(given, dict) else {}
    if set(given) == set(affiliations):
        return {("affiliations", pid, "en"): quoted(a) for pid, a in affiliations.items()}
    pairs = []
    for person, english in affiliations.items():
        before = given.get(person)
        arabic = before.get("ar") if isinstance(before, dict) else ""
        pairs.append(f"{person}: {{ar: {quoted(arabic if isinstance(arabic, str) else '')}, "
                     f"en: {quoted(english)}}}")
    return {("affiliations",): "{" + ", ".join(pairs) + "}"}


def _said(correction: Correction) -> str:
    """«Version 2 (https://…v2.pdf): Corrected one paper title.»"""
    head = f"{correction.what} ({correction.url})"
    return f"{head}: {correction.note}" if correction.note else f"{head}."


def _short_name(title: str, volume: Volume) -> str:
    """An ASCII label: the title's acronym in brackets at its end, else the title when it
    is short, else the folder's name; with the year."""
    acronym = re.search(r"\(([^()]+)\)$", title)
    name = acronym[1] if acronym else title if len(title) <= 24 else volume.folder
    name = name if volume.year in name else f"{name} {volume.year}"
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")


def _sessions(volume: Volume, first_day: str, depth: int) -> str:
    return "\n".join([
        modeline("sessions", depth=depth),
        f"# Imported from the ACL Anthology ({volume.anthology_id}): the XML has no programme,",
        "# so one session holds every paper, in the volume's order, on its first day.",
        "", f"{SESSION}:", "  kind: paper-session", "  title:",
        *pair_lines("    ", {"ar": quoted("البحوث"), "en": quoted("Papers")}),
        f"  day: {quoted(first_day)}", "  order: 1"]) + "\n"


def plan_anthology(volumes: Sequence[Volume], data_dir: Path) -> Plan:
    planner = AnthologyPlanner(data_dir)
    for volume in volumes:
        planner.add(volume)
    return planner.finish()
