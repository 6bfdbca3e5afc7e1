"""pretalx's schedule, exported as JSON (`schedule.json`, the c3voc schedule schema) or
as frab-compatible XML (`schedule.xml`); both hold the same talks.

Each talk becomes a submission with its slot: the day and the times are read from the
talk's `date` (a local time with its offset, moved into the conference's time zone),
its end from `duration` (or `end`). A talk's speakers are its authors: pretalx keeps
one name field, split by `names.split_name`. A person's key is `pretalx:<code>` from
the JSON; the frab XML gives no code, so there it is `pretalx-guid:<guid>` or
`pretalx-id:<id>` (pretalx writes the id): the same person has the same key across a
file, not across the two formats. An entry without speakers whose type or title is a
break (“Coffee break”, “استراحة”) is skipped. Each field's language is found from
its script; the talk's `language` (pretalx's `content_locale`, in both formats: "en",
"ar", "de", "pt-br" …) is kept as the submission's, and becomes the item's `language:`
where it names the script's language (a talk pretalx marks “de” is kept under `en`,
with a note saying so). A value that is not a language code is a warning, and left out.

The XML is parsed by `xml.etree.ElementTree` (expat), and a file that declares a
document type or an entity is refused before parsing: a schedule needs neither, and
they are how XML reads other files or expands itself to exhaust memory.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from waqai.data.problems import Problem, Severity
from waqai.data.yamlread import read_text_file
from waqai.importers.aclpub2 import SAFE_ID, export_file
from waqai.importers.cells import clean, errors_since, problem
from waqai.importers.language import source_code
from waqai.importers.names import split_name
from waqai.importers.records import Author, Export, Slot, Submission, Where

FORMAT = "pretalx"
FILE_NAMES = ("schedule.json", "schedule.xml")
MAX_BYTES = 20 * 1024 * 1024  # schedule.json takes about 3 MB per 1,000 talks
# Before parsing: a document type or entity declaration (refused, see above).
DECLARATION = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
START = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$")
DURATION = re.compile(r"^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$")  # HH:MM or frab's HH:MM:SS
# What a talk's type names, by its words (casefolded, an Arabic “ال” taken off), in
# order: a “Keynote talk” is a keynote. Any other type is a talk.
KINDS = (
    ("keynote", frozenset({"keynote", "keynotes", "رئيسية", "رئيسي"})),
    ("panel", frozenset({"panel", "panels", "نقاش", "حوارية"})),
    ("workshop", frozenset({"workshop", "workshops", "ورشة", "ورش"})),
)
BREAKS = frozenset({"break", "pause", "lunch", "coffee", "استراحة", "غداء"})
# What is read of an event: its ids (attributes in the XML), then its values.
IDS = ("code", "guid", "id")
VALUES = ("date", "start", "end", "duration", "room", "title", "type", "track", "abstract",
          "description", "language")
AGAIN = "Correct it in pretalx, export the schedule again and import that file unchanged."
T = TypeVar("T")


@dataclass(frozen=True)
class _Person:
    """A speaker as the file has it; `key` is (prefix, the system's id, its column)."""

    name: object
    column: str
    key: tuple[str, object, str] | None


@dataclass(frozen=True)
class _Talk:
    """A talk as the file has it: raw values by their JSON names, not yet checked."""

    where: Where  # the file and the talk's number in it, from 1
    values: dict[str, object]
    persons: tuple[_Person, ...]
    room: object  # the room and the day the talk is listed under
    day: object


@dataclass(frozen=True)
class _Schedule:
    zone: str  # the IANA name the file gives, or ""
    talks: list[_Talk]


def read(paths: list[Path]) -> Export:
    """The talks of each schedule in `paths` (a file, or the folder holding it)."""
    export = Export()
    seen: dict[str, Where] = {}
    for path in paths:
        found = export_file(path, FILE_NAMES, export.problems)
        schedule = _schedule(found, export.problems) if found is not None else None
        if schedule is None:
            continue
        zone = _zone(schedule.zone, str(found), export)
        for talk in schedule.talks:
            submission = _submission(talk, zone, export.problems)
            if submission is not None and _first(submission, seen, export.problems):
                export.submissions.append(submission)
    return export


def _schedule(path: Path, problems: list[Problem]) -> _Schedule | None:
    text = read_text_file(path, str(path), problems, MAX_BYTES)
    if text is None:
        return None
    is_json = path.suffix.lower() == ".json" or (path.suffix.lower() != ".xml"
                                                 and text.lstrip().startswith("{"))
    return (_from_json if is_json else _from_xml)(text, str(path), problems)


def _zone(name: str, shown: str, export: Export) -> zoneinfo.ZoneInfo | None:
    """The conference's time zone, which becomes the export's; None without one."""
    if not name:
        return None
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        export.problems.append(Problem(shown, "time_zone_name", f"“{name}” is not a time "
                                       "zone (an IANA name such as Asia/Riyadh).", AGAIN))
        return None
    if export.timezone and export.timezone != name:
        export.problems.append(Problem(shown, "time_zone_name", f"the time zone “{name}” "
                                       f"differs from “{export.timezone}” of the file "
                                       "before.", "Import one conference's schedule at once."))
    export.timezone = export.timezone or name
    return zone


def _first(submission: Submission, seen: dict[str, Where], problems: list[Problem]) -> bool:
    """Whether `submission` is the first with its code: a talk given twice keeps its
    first slot; the same talk in two files is two exports of one schedule."""
    earlier = seen.get(submission.source)
    if earlier is None:
        seen[submission.source] = submission.where
        return True
    if earlier.file == submission.where.file:
        problems.append(problem(submission.where, f"“{submission.source}” is scheduled again "
                                f"(first as talk {earlier.row}); only its first slot is "
                                "imported.", "Add the other slot to the programme by hand, "
                                "if it is to be shown.", Severity.WARNING))
    else:
        problems.append(problem(submission.where, f"“{submission.source}” is in "
                                f"{earlier.file} too.", "Import one export of the schedule "
                                "(schedule.json or schedule.xml), not both."))
    return False


# -- From the file's talks to submissions ----------------------------------------------

def _submission(talk: _Talk, zone: zoneinfo.ZoneInfo | None,
                problems: list[Problem]) -> Submission | None:
    """The talk as a submission; None when it is a break, or when a value has an error."""
    before = len(problems)

    def text(key: str, multiline: bool = False) -> str:
        return _text(talk.values.get(key), talk.where.at(key), problems, multiline)

    kind_name, title = text("type"), text("title")
    if not talk.persons and _words(f"{kind_name} {title}") & BREAKS:
        return None
    code = text("code") or text("guid")
    if not SAFE_ID.match(code) and not errors_since(problems, before):
        problems.append(problem(talk.where.at("code"), f"the talk's code “{code}” is empty "
                                "or not a code (letters, digits, “-”).", AGAIN))
    if not title and not errors_since(problems, before):
        problems.append(problem(talk.where.at("title"), "the talk's title is missing.", AGAIN))
    abstract = "\n\n".join(part for part in (text("abstract", True), text("description", True))
                           if part)
    authors = tuple(author for person in talk.persons
                    if (author := _author(person, talk.where, problems)) is not None)
    if not talk.persons:
        problems.append(problem(talk.where.at("persons"), "the talk has no speakers.",
                                "Add them in pretalx, or add them to its entry in papers/ "
                                "after the import.", Severity.WARNING))
    slot = _slot(talk, zone, problems)
    language = _language(text("language"), talk.where.at("language"), problems)
    if errors_since(problems, before):
        return None
    return Submission(f"{FORMAT}:{code}", title, talk.where, abstract=abstract,
                      authors=authors, kind=_kind(kind_name), slot=slot, language=language)


def _language(value: str, where: Where, problems: list[Problem]) -> str:
    """The talk's language code as pretalx writes it; "" with a warning when it is not
    one (the item's language is then its title's script's)."""
    if not value or source_code(value):
        return value
    problems.append(problem(where, f"“{value[:40]}” is not a language code (such as “en” or "
                            "“ar”); the item's language is taken from its title's script.",
                            "Check the talk's language in pretalx, or correct `language:` in "
                            "its paper.yaml after the import.", Severity.WARNING))
    return ""


def _text(value: object, where: Where, problems: list[Problem], multiline: bool = False) -> str:
    """`value` checked by `clean`; "" when absent, or with a problem."""
    if isinstance(value, dict | list):
        problems.append(problem(where, "should be text, found a "
                                f"{'mapping' if isinstance(value, dict) else 'list'}.", AGAIN))
        return ""
    return clean(value, where, problems, multiline=multiline) or ""


def _words(text: str) -> set[str]:
    return {word.casefold().removeprefix("ال") for word in re.findall(r"\w+", text)}


def _kind(type_name: str) -> str:
    words = _words(type_name)
    return next((kind for kind, names in KINDS if words & names), "talk")


def _author(person: _Person, talk: Where, problems: list[Problem]) -> Author | None:
    before = len(problems)
    where = talk.at(person.column)
    given, family = split_name(_text(person.name, where, problems))
    if not family:
        if not errors_since(problems, before):
            problems.append(problem(where, "the speaker's name is missing.", AGAIN))
        return None
    key = ""
    if person.key is not None:
        prefix, value, column = person.key
        system_id = _text(value, talk.at(column), problems)
        if not SAFE_ID.match(system_id) and not errors_since(problems, before):
            problems.append(problem(talk.at(column), f"“{system_id}” is not a speaker's code.",
                                    AGAIN))
            return None
        key = f"{prefix}:{system_id}"
    return Author(given, family, where, key=key)


# -- The slot --------------------------------------------------------------------------

def _slot(talk: _Talk, zone: zoneinfo.ZoneInfo | None, problems: list[Problem]) -> Slot | None:
    start = _start(talk, zone, problems)
    end = _end(talk, start, zone, problems) if start is not None else None
    if start is None or end is None:
        return None
    if end.date() != start.date():
        problems.append(problem(talk.where.at("duration"), f"the talk runs from {start:%H:%M} "
                                f"to {end:%Y-%m-%d %H:%M}: a slot must end on the day it "
                                "starts.", "Move or shorten the talk in pretalx, or split it "
                                "into one slot each day, and export again."))
        return None
    if end <= start:
        problems.append(problem(talk.where.at("duration"), f"the talk ends at {end:%H:%M}, "
                                f"not after its start at {start:%H:%M}.",
                                "Give the talk its length in pretalx and export again."))
        return None
    room = (_text(talk.values.get("room"), talk.where.at("room"), problems)
            or _text(talk.room, talk.where.at("room"), problems))
    if not room:
        problems.append(problem(talk.where.at("room"), "the talk has no room.", AGAIN))
    track = _text(talk.values.get("track"), talk.where.at("track"), problems)
    return Slot(start.date(), start.time(), end.time(), room, track)


def _start(talk: _Talk, zone: zoneinfo.ZoneInfo | None,
           problems: list[Problem]) -> dt.datetime | None:
    """The local start: the talk's `date`, or its day's date and its `start`."""
    date = _text(talk.values.get("date"), talk.where.at("date"), problems)
    if date:
        return _moment(date, talk.where.at("date"), zone, problems)
    day = _text(talk.day, talk.where.at("date"), problems)
    start = _text(talk.values.get("start"), talk.where.at("start"), problems)
    try:
        if not START.match(start):
            raise ValueError(start)
        return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(start))
    except ValueError:
        problems.append(problem(talk.where.at("date"), f"the talk's start (“{day}” “{start}”) "
                                "is not a date and time.", AGAIN))
        return None


def _end(talk: _Talk, start: dt.datetime, zone: zoneinfo.ZoneInfo | None,
         problems: list[Problem]) -> dt.datetime | None:
    """The local end: `start` and the `duration`, or the talk's `end`."""
    where = talk.where.at("duration")
    duration = _text(talk.values.get("duration"), where, problems)
    if duration:
        match = DURATION.match(duration)
        if match:
            hours, minutes, seconds = (int(part or 0) for part in match.groups())
            return start + dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)
        problems.append(problem(where, f"“{duration}” is not a duration (HH:MM).", AGAIN))
        return None
    end = _text(talk.values.get("end"), talk.where.at("end"), problems)
    if end:
        return _moment(end, talk.where.at("end"), zone, problems)
    problems.append(problem(where, "the talk has neither a duration nor an end.", AGAIN))
    return None


def _moment(value: str, where: Where, zone: zoneinfo.ZoneInfo | None,
            problems: list[Problem]) -> dt.datetime | None:
    """An ISO date and time as the conference's local time (naive)."""
    try:
        if not MOMENT.match(value):
            raise ValueError(value)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        problems.append(problem(where, f"“{value}” is not a date and time (e.g. "
                                "2024-10-14T09:00:00+04:00).", AGAIN))
        return None
    if moment.tzinfo is not None and zone is not None:
        moment = moment.astimezone(zone)
    return moment.replace(tzinfo=None)


# -- schedule.json ---------------------------------------------------------------------

def _from_json(text: str, shown: str, problems: list[Problem]) -> _Schedule | None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        problems.append(Problem(shown, "", f"is not valid JSON: {err.msg} (line {err.lineno}, "
                                f"column {err.colno}).", "Export the schedule from pretalx "
                                "again and import that file unchanged.", err.lineno))
        return None
    except RecursionError:
        problems.append(Problem(shown, "", "is not valid JSON: it is nested too deeply.",
                                "Export the schedule from pretalx again."))
        return None
    found = _Found(shown, problems)
    conference = found.member(found.member(data, "schedule", dict, ""), "conference", dict,
                              "schedule")
    days = found.member(conference, "days", list, "schedule.conference")
    if conference is None or days is None:
        return None
    zone = conference.get("time_zone_name")
    return _Schedule(zone if isinstance(zone, str) else "", list(_json_talks(days, found)))


@dataclass(frozen=True)
class _Found:
    """Members of the JSON, each checked to be of the kind the schema says."""

    shown: str
    problems: list[Problem]

    def member(self, parent: object, key: str, kind: type[T], path: str) -> T | None:
        value = parent.get(key) if isinstance(parent, dict) else None
        if isinstance(value, kind):
            return value
        if isinstance(parent, dict):  # else the parent's own problem was said
            self.wrong(f"{path}.{key}".lstrip("."), kind, value)
        return None

    def wrong(self, path: str, kind: type, value: object) -> None:
        what = "a mapping" if kind is dict else "a list" if kind is list else kind.__name__
        found = "nothing" if value is None else f"a {type(value).__name__}"
        self.problems.append(Problem(self.shown, path, f"should be {what}, found {found}.",
                                     "Give the schedule.json that pretalx exports "
                                     "(Schedule → Export), unchanged."))


def _json_talks(days: list[Any], found: _Found) -> Iterator[_Talk]:
    number = 0
    for index, day in enumerate(days, start=1):
        path = f"schedule.conference.days[{index}]"
        if not isinstance(day, dict):
            found.wrong(path, dict, day)
            continue
        for room, events in (found.member(day, "rooms", dict, path) or {}).items():
            if not isinstance(events, list):
                found.wrong(f"{path}.rooms.{room}", list, events)
                continue
            for event in events:
                number += 1
                if isinstance(event, dict):
                    yield _json_talk(event, Where(found.shown, number, unit="talk"), room,
                                     day.get("date"), found)
                else:
                    found.wrong(f"{path}.rooms.{room}", dict, event)


def _json_talk(event: dict[str, Any], where: Where, room: str, day: object,
               found: _Found) -> _Talk:
    persons = event.get("persons") or []
    if not isinstance(persons, list):
        found.problems.append(problem(where.at("persons"), "should be a list.", AGAIN))
        persons = []
    return _Talk(where, {key: event.get(key) for key in (*IDS, *VALUES)},
                 tuple(_json_person(person, index, where, found)
                       for index, person in enumerate(persons, start=1)), room, day)


def _json_person(person: object, index: int, where: Where, found: _Found) -> _Person:
    column = f"persons[{index}]"
    if not isinstance(person, dict):
        found.problems.append(problem(where.at(column), "should be a mapping.", AGAIN))
        return _Person(None, column, None)
    name = person.get("name") or person.get("public_name")
    return _Person(name, f"{column}.name", _person_key(person, column + "."))


def _person_key(values: dict[str, Any], prefix: str) -> tuple[str, object, str] | None:
    """The person's id in pretalx: its code, else its guid, else its number."""
    for key, system in (("code", "pretalx"), ("guid", "pretalx-guid"), ("id", "pretalx-id")):
        if values.get(key) not in (None, ""):
            return system, values[key], prefix + key
    return None


# -- schedule.xml ----------------------------------------------------------------------

def _from_xml(text: str, shown: str, problems: list[Problem]) -> _Schedule | None:
    declared = DECLARATION.search(text)
    if declared:
        problems.append(Problem(shown, "", "declares a document type or an entity "
                                f"(“{declared.group()}”), which a schedule does not need and "
                                "which can make XML read other files.",
                                "Import the schedule.xml that pretalx exports, unchanged.",
                                text.count("\n", 0, declared.start()) + 1))
        return None
    try:
        root = ET.fromstring(text)
    except ET.ParseError as err:
        problems.append(Problem(shown, "", f"is not valid XML ({err}).",
                                "Export the schedule from pretalx again and import that "
                                "file unchanged.", err.position[0]))
        return None
    if root.tag != "schedule":
        problems.append(Problem(shown, "", f"is not a frab schedule: it holds “<{root.tag}>”, "
                                "not “<schedule>”.", "Give the schedule.xml pretalx exports."))
        return None
    return _Schedule(root.findtext("conference/time_zone_name", "").strip(),
                     list(_xml_talks(root, shown)))


def _xml_talks(root: ET.Element, shown: str) -> Iterator[_Talk]:
    number = 0
    for day in root.iterfind("day"):
        for room in day.iterfind("room"):
            for event in room.iterfind("event"):
                number += 1
                yield _xml_talk(event, Where(shown, number, unit="talk"), room.get("name"),
                                day.get("date"))


def _xml_talk(event: ET.Element, where: Where, room: str | None, day: str | None) -> _Talk:
    values: dict[str, object] = {key: event.get(key) for key in IDS}
    for key in VALUES:
        child = event.find(key)
        if child is not None:
            values[key] = "".join(child.itertext())
    persons = tuple(_Person("".join(person.itertext()), f"persons[{index}]",
                            _person_key(dict(person.attrib), f"persons[{index}]@"))
                    for index, person in enumerate(event.iterfind("persons/person"), start=1))
    return _Talk(where, values, persons, room, day)
