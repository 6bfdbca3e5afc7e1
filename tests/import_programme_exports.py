"""The synthetic submissions (`import_data.py`) written as aclpub2's papers.yml and as
pretalx's schedule, in JSON and in frab XML, laid out as the real tools write them
(aclpub2's `openreview/or2papers.py`; pretalx's `FrabJsonExporter` and
`agenda/schedule.xml`).

Only accepted, non-deleted submissions are written: these systems export only what
is accepted or scheduled. The programme is plainly synthetic: a conference in
Muscat's time zone on 14–15 October 2024, two rooms, 30-minute talks from 09:00.
A submission's `extra` may set its pretalx type (`pretalx_type`, default “Talk”)
and description (`pretalx_description`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from import_data import SUBMISSIONS, Author, Submission
from waqai.bench.pdf import minimal_pdf

TIME_ZONE = "Asia/Muscat"
OFFSET = "+04:00"
FIRST_DAY = dt.date(2024, 10, 14)
FIRST_START = dt.time(9, 0)
TALK_MINUTES = 30
ROOMS = ("القاعة الاصطناعية أ", "Synthetic Hall B")
ARABIC_TRACK = "مسار الخدمات (اصطناعي)"  # the English talks have no track
ACRONYM = "synthetic-2024"
BASE_URL = "https://pretalx.example.org"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/waqai/synthetic-import")


# -- The synthetic programme -----------------------------------------------------------

def slot_of(index: int) -> tuple[dt.date, dt.time, dt.time, str]:
    """(day, start, end, room) of the `index`-th talk written (from 0): three talks a day,
    two after each other in the first room, one in the second."""
    day = FIRST_DAY + dt.timedelta(days=index // 3)
    start = dt.datetime.combine(day, FIRST_START) + dt.timedelta(
        minutes=TALK_MINUTES * (index % 3 % 2))
    end = start + dt.timedelta(minutes=TALK_MINUTES)
    return day, start.time(), end.time(), ROOMS[index % 3 // 2]


def track_of(submission: Submission) -> str | None:
    return ARABIC_TRACK if submission.language == "ar" else None


def talk_code(submission: Submission) -> str:
    return f"TALK{submission.number:02d}"  # six of A–Z, 0–9, as pretalx's codes


def person_code(author: Author) -> str:
    return f"SPKR{author.number:02d}"


def openreview_id(author: Author) -> str:
    return f"~Synthetic_Author{author.number}"


def _guid(kind: str, number: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{number}"))


def _accepted(submissions: Iterable[Submission]) -> list[Submission]:
    return [s for s in submissions if s.accepted]


def _iso(day: dt.date, time: dt.time) -> str:
    return f"{day.isoformat()}T{time.isoformat()}{OFFSET}"


# -- aclpub2 ---------------------------------------------------------------------------

def write_aclpub2(dest: Path, submissions: Sequence[Submission] = SUBMISSIONS,
                  pdfs: bool = True) -> list[Path]:
    """`dest`/papers.yml as or2papers.py writes it, and with `pdfs` each paper's PDF in
    `dest`/papers/ (without, the entries have no `file`)."""
    dest.mkdir(parents=True, exist_ok=True)
    papers = [_aclpub2_paper(s, pdfs) for s in _accepted(submissions)]
    if pdfs:
        (dest / "papers").mkdir(exist_ok=True)
        for paper in papers:
            title = f"Synthetic paper {paper['id']}"
            (dest / "papers" / paper["file"]).write_bytes(
                minimal_pdf([title, "Written by the Waqai import tests."], title))
    path = dest / "papers.yml"
    # or2papers.py: yaml.dump(papers, ..., allow_unicode=True), keys sorted.
    path.write_text(yaml.safe_dump(papers, allow_unicode=True), encoding="utf-8")
    return [path]


def _aclpub2_paper(submission: Submission, pdf: bool) -> dict[str, Any]:
    paper: dict[str, Any] = {
        "id": submission.number,
        "title": submission.title,
        "authors": [_aclpub2_author(a) for a in submission.authors],
        "abstract": submission.abstract,
        "pdf_file": f"synthetic{submission.number}.pdf",
        "decision": "Accept",
        "openreview_id": f"SynthPaper{submission.number:02d}",
        "attributes": {"submitted_area": "Synthetic area", "paper_type": "long",
                       "presentation_type": "N/A"},
    }
    if pdf:
        paper["file"] = f"{submission.number}.pdf"
    if submission.number == 2:  # one attachment, which the importer ignores
        paper["attachments"] = [{"type": "software", "file": "2.zip",
                                 "open_review_id": "/attachment/synthetic.zip"}]
    return paper


def _aclpub2_author(author: Author) -> dict[str, str]:
    """An author as or2papers.py's `get_user` writes one (e-mail with `_` escaped)."""
    return {"first_name": author.given, "last_name": author.family,
            "name": f"{author.given} {author.family}", "username": openreview_id(author),
            "emails": author.email.replace("_", "\\_"), "institution": author.affiliation}


# -- pretalx: the talks of the programme -----------------------------------------------

def _programme(submissions: Sequence[Submission]) -> dict[dt.date, dict[str, list[dict[str, Any]]]]:
    """Day → room → talks (as pretalx's JSON events), rooms in ROOMS order, talks by start."""
    days: dict[dt.date, dict[str, list[dict[str, Any]]]] = {}
    for index, submission in enumerate(_accepted(submissions)):
        day, start, end, room = slot_of(index)
        rooms = days.setdefault(day, {name: [] for name in ROOMS})
        rooms[room].append(_event(submission, day, start, end, room))
    for rooms in days.values():
        for talks in rooms.values():
            talks.sort(key=lambda talk: str(talk["date"]))
    return {day: {room: talks for room, talks in rooms.items() if talks}
            for day, rooms in sorted(days.items())}


def _event(submission: Submission, day: dt.date, start: dt.time, end: dt.time,
           room: str) -> dict[str, Any]:
    code = talk_code(submission)
    url = f"{BASE_URL}/{ACRONYM}/talk/{code}/"
    return {
        "guid": _guid("talk", submission.number), "code": code, "id": submission.number,
        "logo": None, "date": _iso(day, start), "start": start.strftime("%H:%M"),
        "end": _iso(day, end), "duration": f"00:{TALK_MINUTES:02d}", "room": room,
        "slug": f"{ACRONYM}-{submission.number}-synthetic", "url": url,
        "title": submission.title, "subtitle": "", "track": track_of(submission),
        "type": submission.extra.get("pretalx_type", "Talk"), "language": submission.language,
        "abstract": submission.abstract,
        "description": submission.extra.get("pretalx_description", ""),
        "recording_license": "", "do_not_record": False,
        "persons": [_person(a) for a in submission.authors],
        "links": [], "feedback_url": f"{url}feedback/", "origin_url": url, "attachments": [],
    }


def _person(author: Author) -> dict[str, Any]:
    name = f"{author.given} {author.family}"
    return {"code": person_code(author), "name": name, "avatar": None,
            "biography": "Synthetic speaker.", "public_name": name,
            "guid": _guid("person", author.number),
            "url": f"{BASE_URL}/{ACRONYM}/speaker/{person_code(author)}/",
            "number": author.number}  # not in pretalx's JSON: the XML's person id


def _days_bounds(day: dt.date) -> tuple[str, str]:
    return _iso(day, dt.time(4, 0)), _iso(day + dt.timedelta(days=1), dt.time(3, 59))


# -- pretalx: schedule.json ------------------------------------------------------------

def write_pretalx_json(dest: Path, submissions: Sequence[Submission] = SUBMISSIONS) -> list[Path]:
    """`dest`/schedule.json as pretalx exports it (Schedule → Export → JSON)."""
    dest.mkdir(parents=True, exist_ok=True)
    programme = _programme(submissions)
    days = [{"index": index, "date": day.isoformat(),
             "day_start": _days_bounds(day)[0], "day_end": _days_bounds(day)[1],
             "rooms": {room: [_without_number(talk) for talk in talks]
                       for room, talks in rooms.items()}}
            for index, (day, rooms) in enumerate(programme.items(), start=1)]
    dates = list(programme) or [FIRST_DAY]
    schedule = {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "pretalx", "version": "synthetic", "url": f"{BASE_URL}/"},
        "schedule": {
            "url": f"{BASE_URL}/{ACRONYM}/schedule/", "version": "0.1",
            "base_url": f"{BASE_URL}/",
            "conference": {
                "acronym": ACRONYM, "title": "[synthetic] Import test conference",
                "start": dates[0].isoformat(), "end": dates[-1].isoformat(),
                "daysCount": len(dates), "timeslot_duration": "00:05",
                "time_zone_name": TIME_ZONE, "colors": {"primary": "#3aa57c"},
                "rooms": [{"name": room, "slug": f"room-{n}", "guid": _guid("room", n),
                           "description": None, "capacity": None}
                          for n, room in enumerate(ROOMS, start=1)],
                "tracks": [{"name": ARABIC_TRACK, "slug": "services", "color": "#00aa00"}],
                "days": days,
            },
        },
    }
    path = dest / "schedule.json"
    path.write_text(json.dumps(schedule, ensure_ascii=False), encoding="utf-8")
    return [path]


def _without_number(talk: dict[str, Any]) -> dict[str, Any]:
    persons = [{k: v for k, v in person.items() if k != "number"} for person in talk["persons"]]
    return {**talk, "persons": persons}


# -- pretalx: schedule.xml (frab) ------------------------------------------------------

def write_frab_xml(dest: Path, submissions: Sequence[Submission] = SUBMISSIONS) -> list[Path]:
    """`dest`/schedule.xml as pretalx exports it (Schedule → Export → XML, frab)."""
    dest.mkdir(parents=True, exist_ok=True)
    programme = _programme(submissions)
    dates = list(programme) or [FIRST_DAY]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name="pretalx", system="pretalx.example.org",
                  version="synthetic")
    _leaf(root, "version", "0.1")
    conference = ET.SubElement(root, "conference")
    for tag, text in (("title", "[synthetic] Import test conference"), ("acronym", ACRONYM),
                      ("start", dates[0].isoformat()), ("end", dates[-1].isoformat()),
                      ("days", str(len(dates))), ("timeslot_duration", "00:05"),
                      ("base_url", f"{BASE_URL}/"), ("time_zone_name", TIME_ZONE)):
        _leaf(conference, tag, text)
    ET.SubElement(conference, "track", name=ARABIC_TRACK, slug="services", color="#00aa00")
    for index, (day, rooms) in enumerate(programme.items(), start=1):
        start, end = _days_bounds(day)
        day_element = ET.SubElement(root, "day", index=str(index), date=day.isoformat(),
                                    start=start, end=end)
        for n, (room, talks) in enumerate(rooms.items(), start=1):
            room_element = ET.SubElement(day_element, "room", name=room, guid=_guid("room", n))
            for talk in talks:
                _xml_event(room_element, talk)
    ET.indent(root)
    path = dest / "schedule.xml"
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return [path]


def _leaf(parent: ET.Element, tag: str, text: str | None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text or ""
    return element


def _xml_event(room: ET.Element, talk: dict[str, Any]) -> None:
    """One <event>, its children in the order of pretalx's template."""
    event = ET.SubElement(room, "event", guid=talk["guid"], id=str(talk["id"]),
                          code=talk["code"])
    for key in ("room", "title", "subtitle", "type", "date", "start", "duration", "abstract",
                "slug", "track"):
        _leaf(event, key, talk[key])
    persons = ET.SubElement(event, "persons")
    for person in talk["persons"]:
        _leaf(persons, "person", person["name"]).set("id", str(person["number"]))
    _leaf(event, "language", talk["language"])
    if talk["description"]:
        _leaf(event, "description", talk["description"])
    recording = ET.SubElement(event, "recording")
    _leaf(recording, "license", "")
    _leaf(recording, "optout", "false")
    ET.SubElement(event, "links")
    ET.SubElement(event, "attachments")
    _leaf(event, "url", talk["url"])
    _leaf(event, "feedback_url", talk["feedback_url"])
