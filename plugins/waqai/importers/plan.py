"""What an import changes in `papers/`, worked out before anything is written.

Each accepted submission becomes a folder (`<system>-<its id>/`: paper.yaml, the
abstract in its language, the PDF), its new authors entries of people.yaml, and its
session, when the export has a programme, an entry of sessions.yaml. A submission
imported before (its `source:` in a paper.yaml) is updated in what the submission
system owns — the title and abstract in the language it gave, the people, the PDF —
and keeps what the editors wrote (translations, keywords, id, key, session, order).

Each paper.yaml says the item's `language:`, after its `kind:`: the language its title
and abstract are stored under (by their script), as the export's own tag where it names
that language (pretalx's "en-gb" -> `en-GB`). An export naming a third language
(pretalx's "de") or the other of the two gets no false tag: the line says where the
text is, with what the export said in a comment, and one note of the import lists
those items. A paper.yaml imported before without the line gets it; a `language:`
already there is never changed.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from waqai.data.citekeys import name_part, title_word, unique_key
from waqai.data.model import Lang, LatinName
from waqai.data.scaffold import quoted
from waqai.data.schema import modeline
from waqai.importers.existing import PAPER_FILE, Existing, KnownPaper, read_existing
from waqai.importers.language import OTHER_LANGUAGE, free_id, item_language, language_of, slug
from waqai.importers.people import NewPerson, People
from waqai.importers.records import Export, Slot, Submission
from waqai.importers.yamltext import GAP, edited, has_field, ids, pair_lines, with_field, words

PDF_FILE = "paper.pdf"


@dataclass(frozen=True)
class Change:
    """One file as the import leaves it: `new` is None for a file left unchanged."""

    path: Path
    old: str | bytes | None  # None: a new file
    new: str | bytes


@dataclass
class Volume:
    """What the import needs of conference.yaml: the citation keys' parts and the
    programme's time zone and first day."""

    short_name: str = ""
    year: int | None = None
    timezone: str = ""
    first_day: str = ""
    keys: list[str] = field(default_factory=list)  # every key stored or derived


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the editor should look at
    added_papers: list[str] = field(default_factory=list)
    updated_papers: list[str] = field(default_factory=list)
    added_people: list[str] = field(default_factory=list)
    added_sessions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NewSession:
    id: str
    title: str
    day: str
    order: int
    room: str = ""
    start: str = ""
    end: str = ""
    kind: str = "paper-session"
    placeholder: bool = False


def text_change(path: Path, new: str) -> Change | None:
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    return None if old == new else Change(path, old, new)


def bytes_change(path: Path, new: bytes) -> Change | None:
    old = path.read_bytes() if path.is_file() else None
    return None if old == new else Change(path, old, new)


class Planner:
    def __init__(self, data_dir: Path, system: str, volume: Volume,
                 session: str | None) -> None:
        self.data_dir = data_dir
        self.system = system
        self.volume = volume
        self.session = session
        self.existing: Existing = read_existing(data_dir)
        self.people = People(self.existing.people)
        self.plan = Plan()
        self.sessions: dict[str, NewSession] = {}
        self._paper_ids = set(self.existing.paper_ids)
        self._orders = dict(self.existing.orders)
        self._day_orders: dict[str, int] = {}
        self._languages: list[tuple[str, str]] = []  # (paper id, the system's code) noted
        for day, order in self.existing.sessions.values():
            self._day_orders[day] = max(self._day_orders.get(day, 0), order)

    # -- sessions ---------------------------------------------------------------
    def _day_order(self, day: str) -> int:
        self._day_orders[day] = self._day_orders.get(day, 0) + 1
        return self._day_orders[day]

    def _named_session(self) -> str:
        """The session `--session` names, added with a placeholder title if new."""
        assert self.session is not None
        if self.session not in self.existing.sessions and self.session not in self.sessions:
            day = self.volume.first_day
            self.sessions[self.session] = NewSession(
                self.session, self.session, day, self._day_order(day), placeholder=True)
            self.plan.notes.append(
                f"sessions.yaml: the session “{self.session}” was added with a placeholder "
                "title on the conference's first day: write its title, day and order.")
        return self.session

    def _slot_session(self, slot: Slot) -> str:
        """The session of a talk in the export's programme: one per day, room and
        track, as sessions.yaml would have it."""
        name = slot.track or slot.room
        session_id = slug(f"{slot.day.isoformat()} {name}") or "session"
        known = self.sessions.get(session_id)
        start, end = slot.start.strftime("%H:%M"), slot.end.strftime("%H:%M")
        if session_id in self.existing.sessions:
            return session_id
        if known is None:
            self.sessions[session_id] = NewSession(session_id, name, slot.day.isoformat(), 0,
                                                   slot.room, start, end)
        else:
            self.sessions[session_id] = NewSession(
                session_id, known.title, known.day, 0, known.room, min(known.start, start),
                max(known.end, end))
        return session_id

    def _number_sessions(self) -> None:
        """New sessions of the programme take their days' next orders, by start time."""
        timed = sorted((s for s in self.sessions.values() if not s.placeholder),
                       key=lambda s: (s.day, s.start, s.id))
        for s in timed:
            self.sessions[s.id] = NewSession(s.id, s.title, s.day, self._day_order(s.day),
                                             s.room, s.start, s.end, s.kind)

    # -- papers -----------------------------------------------------------------
    def add(self, submission: Submission) -> None:
        lang = language_of(submission.title)
        people: list[str] = []
        for author in submission.authors:
            match = self.people.match(author)
            if match.person_id not in people:
                people.append(match.person_id)
        known = self.existing.papers_by_source.get(submission.source)
        if known is not None:
            self._update(known, submission, lang, people)
        else:
            self._create(submission, lang, people)

    def _session_of(self, submission: Submission) -> str | None:
        if submission.slot is not None:
            return self._slot_session(submission.slot)
        return self._named_session() if self.session else None

    def _create(self, submission: Submission, lang: Lang, people: list[str]) -> None:
        system, _, number = submission.source.partition(":")
        paper_id = free_id(slug(f"{system} {number}"), self._paper_ids, system)
        folder = self.data_dir / paper_id
        key = self._key(submission, lang)
        session = self._session_of(submission)
        lines = [modeline("paper", depth=1),
                 f"# Imported from {system} (submission {number}) by `python3 build.py "
                 "import`.",
                 "# Importing again updates the title and abstract in their language, the",
                 "# people and the PDF; the translations and the rest are the editors'.",
                 f"id: {paper_id}", f"key: {quoted(key)}", f"source: {quoted(submission.source)}"]
        if session is None:
            lines.append("session:  # the id of its session in sessions.yaml")
        else:
            self._orders[session] = self._orders.get(session, 0) + 1
            lines += [f"session: {session}", f"order: {self._orders[session]}"]
        lines += [f"kind: {submission.kind}", self._language_line(paper_id, submission, lang),
                  "title:",
                  *pair_lines("  ", {lang: quoted(submission.title)}),
                  f"people: {ids(people)}"]
        if submission.keywords:
            lines += ["keywords:", *pair_lines("  ", {lang: words(submission.keywords)}, "[]")]
        if submission.pdf is not None:
            lines.append(f"pdf: {quoted(PDF_FILE)}")
        self._write(folder / PAPER_FILE, "\n".join(lines) + "\n")
        self._files(folder, submission, lang)
        self.plan.added_papers.append(paper_id)

    def _language_line(self, paper_id: str, submission: Submission, lang: Lang) -> str:
        """`language: en`, from the system where it names `lang`, else `lang` (the title's
        script) with what the system said in a comment, the item kept for the note."""
        tag, note = item_language(lang, submission.language, self.system)
        if not note:
            return f"language: {tag}"
        self._languages.append((paper_id, submission.language))
        return f"language: {tag}  # {note}"

    def _language_note(self) -> list[str]:
        """One note for every item whose `language:` line does not follow the system."""
        if not self._languages:
            return []
        listed = ", ".join(f"{pid} (“{said}”)" for pid, said in self._languages)
        many = len(self._languages) > 1
        return [f"paper.yaml: {self.system} names a language other than the one the title "
                f"is stored in for {len(self._languages)} item{'s' * many}: {listed}. "
                f"{'Each' if many else 'Its'} `language:` line says the language "
                f"{'its' if many else 'the'} title and abstract are stored under (by their "
                f"script), and in a comment what {self.system} says. {OTHER_LANGUAGE}: for an "
                "item in another language, give its title and abstract in Arabic or English "
                "(its original title can go in a note); where the other of the two is "
                "right, write the title and abstract in it and correct the line."]

    def _key(self, submission: Submission, lang: Lang) -> str:
        """A citation key as the exports would derive it: the first author's family name
        (romanised letter for letter if it is Arabic), the year and the English title's
        first significant word; suffixed if the volume has it already."""
        family = submission.authors[0].family if submission.authors else ""
        name = name_part(family if language_of(family) == "en"
                         else slug(family).replace("-", ""))
        word = title_word(submission.title) if lang == "en" else ""
        key = unique_key(f"{name or 'anon'}{self.volume.year or ''}{word}", self.volume.keys)
        self.volume.keys.append(key)
        return key

    def _update(self, known: KnownPaper, submission: Submission, lang: Lang,
                people: list[str]) -> None:
        values = {("title", lang): quoted(submission.title), ("people",): ids(people)}
        if submission.pdf is not None:
            values[("pdf",)] = quoted(PDF_FILE)
        text = edited(known.text, values)
        # An item imported before Waqai wrote `language:` gets it; an editor's is theirs.
        if not has_field(text, "language"):
            text = with_field(text, "language",
                              self._language_line(known.id, submission, lang), "kind")
        changed = self._write(known.folder / PAPER_FILE, text)
        changed = self._files(known.folder, submission, lang) or changed
        if changed:
            self.plan.updated_papers.append(known.id)

    def _files(self, folder: Path, submission: Submission, lang: Lang) -> bool:
        """The abstract in its language and the PDF; whether either changes."""
        changed = False
        if submission.abstract:
            changed = self._write(folder / f"abstract.{lang}.md", submission.abstract + "\n")
        if submission.pdf is not None:
            change = bytes_change(folder / PDF_FILE, submission.pdf.read_bytes())
            if change is not None:
                self.plan.changes.append(change)
                changed = True
        return changed

    def _write(self, path: Path, text: str) -> bool:
        change = text_change(path, text)
        if change is not None:
            self.plan.changes.append(change)
        return change is not None

    # -- people.yaml and sessions.yaml ---------------------------------------------
    def _session_entry(self, s: NewSession) -> list[str]:
        title: dict[Lang, str] = (
            {"ar": quoted(f"جلسة {s.title}"), "en": quoted(f"Session {s.title}")}
            if s.placeholder else {language_of(s.title): quoted(s.title)})
        lines = [f"{s.id}:"]
        if s.placeholder:
            lines.append("  # Added by the import with a placeholder title: write the real one.")
        lines += [f"  kind: {s.kind}", "  title:", *pair_lines("    ", title),
                  f"  day: {quoted(s.day)}", f"  order: {s.order}"]
        if s.start:
            lines += [f"  start: {quoted(s.start)}", f"  end: {quoted(s.end)}"]
        if s.room:
            lines += ["  room:", *pair_lines("    ", {language_of(s.room): quoted(s.room)})]
        return lines

    def _append(self, name: str, entries: list[list[str]]) -> None:
        if not entries:
            return
        path = self.data_dir / name
        self._write(path, appended(path.read_text(encoding="utf-8") if path.is_file() else "",
                                   entries))

    def finish(self) -> Plan:
        self._number_sessions()
        self.plan.notes += self._language_note()
        self._append("people.yaml", [person_entry(p, self.plan.notes) for p in self.people.added])
        self._append("sessions.yaml", [self._session_entry(s) for s in self.sessions.values()])
        self.plan.added_people = [p.id for p in self.people.added]
        self.plan.added_sessions = list(self.sessions)
        return self.plan


def person_entry(person: NewPerson, notes: list[str]) -> list[str]:
    """people.yaml's entry for a person the import adds; a note in `notes` when they may be
    a known person."""
    author = person.author
    given = " ".join(part for part in (author.given, author.middle) if part)
    name = f"{{given: {quoted(given)}, family: {quoted(author.family)}}}"
    lines = [f"{person.id}:"]
    if language_of(f"{given} {author.family}") == "ar":
        lines += [f"  name: {name}", f"  latin: []{GAP}"]
    else:
        lines += [f"  # name: the name in Arabic letters{GAP}", "  latin:", f"    - {name}",
                  *(f"    - {latin_flow(variant)}" for variant in person.variants)]
    if author.affiliation:
        affiliation = {language_of(author.affiliation): quoted(author.affiliation)}
        lines += ["  affiliation:", *pair_lines("    ", affiliation)]
    if author.orcid:
        lines.append(f"  orcid: {quoted(author.orcid)}")
    if person.uncertain:
        shown = "; ".join(f"{p.id} ({p.shown})" for p in person.uncertain)
        notes.append(
            f"people.yaml: “{author.given} {author.family}” ({author.where.file}, "
            f"{author.where.describe()}) may be the same person as {shown}; the import "
            f"kept them apart as {person.id}. If they are one person, replace {person.id} "
            f"by the existing id in the papers and delete {person.id}; if not, add "
            f"`distinct_from: [{person.uncertain[0].id}]` to {person.id}.")
    return lines


def latin_flow(name: LatinName) -> str:
    """A Latin spelling as people.yaml writes it on one line."""
    return f"{{given: {quoted(name.given)}, family: {quoted(name.family)}}}"


def appended(old: str, entries: list[list[str]]) -> str:
    """The text of a YAML file, `old`, with `entries` added at its end."""
    blocks = "\n".join("\n".join(entry) + "\n" for entry in entries)
    return old.rstrip("\n") + "\n\n" + blocks


def in_zone(slot: Slot, source: str, target: str) -> Slot:
    """`slot`, given in the time zone `source`, in the zone `target` instead."""
    if not source or not target or source == target:
        return slot
    def moved(time: dt.time) -> dt.datetime:
        local = dt.datetime.combine(slot.day, time, zoneinfo.ZoneInfo(source))
        return local.astimezone(zoneinfo.ZoneInfo(target))
    start, end = moved(slot.start), moved(slot.end)
    return Slot(start.date(), start.time(), end.time(), slot.room, slot.track)


def plan_import(export: Export, data_dir: Path, system: str, volume: Volume,
                session: str | None = None) -> Plan:
    planner = Planner(data_dir, system, volume, session)
    for submission in _in_zone(export.submissions, export.timezone, volume.timezone):
        planner.add(submission)
    return planner.finish()


def _in_zone(submissions: Sequence[Submission], source: str,
             target: str) -> list[Submission]:
    return [replace(s, slot=in_zone(s.slot, source, target)) if s.slot else s
            for s in submissions]
