"""The aclpub2 and pretalx readers: the synthetic submissions written in each format
(`import_programme_exports.py`) read back exactly, and every broken or hostile input
gives a problem naming its file, record and key, never an exception."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from import_data import AHMED, accepted
from import_programme_exports import (
    ARABIC_TRACK,
    ROOMS,
    TIME_ZONE,
    openreview_id,
    person_code,
    slot_of,
    talk_code,
    write_aclpub2,
    write_frab_xml,
    write_pretalx_json,
)
from pdf_files import javascript_name_tree_pdf
from waqai.data.problems import Problem
from waqai.importers import aclpub2, pretalx
from waqai.importers.names import split_name
from waqai.importers.records import Export, Submission, Where

BIDI = "\u202e"  # RIGHT-TO-LEFT OVERRIDE


def errors(export: Export) -> list[Problem]:
    return [p for p in export.problems if p.is_error]


def formatted(export: Export) -> str:
    return "\n".join(p.format() for p in export.problems)


def people(submission: Submission) -> list[tuple[str, str]]:
    return [(a.given, a.family) for a in submission.authors]


# -- aclpub2 ---------------------------------------------------------------------------

def test_aclpub2_reads_every_accepted_paper_back(tmp_path: Path) -> None:
    export = aclpub2.read(write_aclpub2(tmp_path))
    assert export.problems == []
    wanted = accepted()
    assert [s.source for s in export.submissions] == [f"aclpub2:{s.number}" for s in wanted]
    for got, want in zip(export.submissions, wanted):
        assert (got.title, got.abstract, got.kind, got.slot) == (want.title, want.abstract,
                                                                  "paper", None)
        assert [(a.given, a.family, a.email, a.affiliation, a.key) for a in got.authors] == [
            (a.given, a.family, a.email, a.affiliation, f"openreview:{openreview_id(a)}")
            for a in want.authors]
        assert got.pdf == (tmp_path / "papers" / f"{want.number}.pdf").resolve()
        assert got.language == ""  # papers.yml names no language: the script decides


def test_aclpub2_shared_author_has_one_key(tmp_path: Path) -> None:
    export = aclpub2.read(write_aclpub2(tmp_path))
    keys = {a.key for s in export.submissions for a in s.authors if a.email == AHMED.email}
    assert keys == {f"openreview:{openreview_id(AHMED)}"}
    assert sum(a.email == AHMED.email for s in export.submissions for a in s.authors) == 2


def test_aclpub2_reads_the_folder_and_papers_without_pdfs(tmp_path: Path) -> None:
    write_aclpub2(tmp_path, pdfs=False)
    export = aclpub2.read([tmp_path])
    assert export.problems == []
    assert len(export.submissions) == len(accepted())
    assert all(s.pdf is None for s in export.submissions)


def test_aclpub2_documented_keys_orcid_and_escaped_email(tmp_path: Path) -> None:
    """aclpub2's README names (`email`, `openreview`), an ORCID URL, a middle name, and
    or2papers.py's LaTeX-escaped e-mail; an ORCID with a wrong check digit is left out."""
    (tmp_path / "papers.yml").write_text("""\
- id: 7
  title: "[synthetic] Documented keys"
  authors:
    - first_name: Jane
      middle_name: Q.
      last_name: No
      email: jane_doe@example.org
      openreview: ~Jane_Doe1
      orcid: https://orcid.org/0000-0002-1825-0097
    - first_name: Sam
      last_name: Roe
      emails: sam\\_roe@example.org
      institution: NA
      orcid: 0000-0002-1825-0098
""", encoding="utf-8")
    export = aclpub2.read([tmp_path / "papers.yml"])
    assert errors(export) == []
    jane, sam = export.submissions[0].authors
    assert (jane.given, jane.middle, jane.family) == ("Jane", "Q.", "No")  # not False
    assert (jane.email, jane.key, jane.orcid) == ("jane_doe@example.org", "openreview:~Jane_Doe1",
                                                  "0000-0002-1825-0097")
    assert (sam.email, sam.affiliation, sam.orcid) == ("sam_roe@example.org", "", "")
    [warning] = export.problems
    assert (warning.field, warning.line) == ("authors[2].orcid", 14)
    assert "0000-0002-1825-0098" in warning.message


def _rewrite(papers_yml: Path, number: int, **changes: Any) -> int:
    """Change paper `number`'s entry; the line of its first changed key."""
    papers = yaml.safe_load(papers_yml.read_text(encoding="utf-8"))
    for paper in papers:
        if paper["id"] == number:
            paper.update(changes)
    text = yaml.safe_dump(papers, allow_unicode=True)
    papers_yml.write_text(text, encoding="utf-8")
    first = next(iter(changes))
    lines = text.splitlines()
    start = lines.index(next(line for line in lines if line.strip() == f"id: {number}"))
    entry_start = max(i for i in range(start + 1) if lines[i].startswith("- "))
    return next(i for i in range(entry_start, len(lines))
                if lines[i].startswith((f"  {first}:", f"- {first}:"))) + 1


def _outside(tmp_path: Path, export: Path) -> str:
    (tmp_path / "outside.pdf").write_bytes((export / "papers" / "1.pdf").read_bytes())
    return "../../outside.pdf"


def _absolute(tmp_path: Path, export: Path) -> str:
    return str(export / "papers" / "1.pdf")


def _linked_file(tmp_path: Path, export: Path) -> str:
    (export / "papers" / "2.pdf").unlink()
    (export / "papers" / "2.pdf").symlink_to(export / "papers" / "1.pdf")
    return "2.pdf"


def _linked_folder(tmp_path: Path, export: Path) -> str:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "2.pdf").write_bytes((export / "papers" / "2.pdf").read_bytes())
    (export / "more").symlink_to(tmp_path / "elsewhere")
    return "more/2.pdf"


def _not_a_pdf(tmp_path: Path, export: Path) -> str:
    (export / "papers" / "2.pdf").write_text("<html>not a PDF</html>", encoding="utf-8")
    return "2.pdf"


def _javascript(tmp_path: Path, export: Path) -> str:
    (export / "papers" / "2.pdf").write_bytes(javascript_name_tree_pdf())
    return "2.pdf"


def _missing(tmp_path: Path, export: Path) -> str:
    return "22.pdf"


@pytest.mark.parametrize(("make", "said"), [
    (_outside, "climbs out of its folder"),
    (_absolute, "is an absolute path"),
    (_linked_file, "symbolic link (“papers/2.pdf”)"),
    (_linked_folder, "symbolic link (“more”)"),
    (_not_a_pdf, "is not a PDF"),
    (_javascript, "/JavaScript"),
    (_missing, "is missing"),
])
def test_aclpub2_refuses_a_pdf_it_may_not_publish(tmp_path: Path, make: Any, said: str) -> None:
    export_folder = tmp_path / "export"
    [papers_yml] = write_aclpub2(export_folder)
    line = _rewrite(papers_yml, 2, file=make(tmp_path, export_folder))
    export = aclpub2.read([papers_yml])
    [refused] = export.problems
    assert (refused.file, refused.field, refused.line) == (str(papers_yml), "file", line)
    assert said in refused.message and refused.fix
    assert "aclpub2:2" not in {s.source for s in export.submissions}
    assert len(export.submissions) == len(accepted()) - 1


def test_aclpub2_bidi_override_in_a_title(tmp_path: Path) -> None:
    [papers_yml] = write_aclpub2(tmp_path)
    line = _rewrite(papers_yml, 3, title=f"[اصطناعي] عنوان {BIDI}مقلوب")
    export = aclpub2.read([papers_yml])
    [refused] = export.problems
    assert (refused.file, refused.field, refused.line) == (str(papers_yml), "title", line)
    assert "bidi" in refused.message
    assert [s.source for s in export.submissions] == ["aclpub2:1", "aclpub2:2", "aclpub2:4"]


@pytest.mark.parametrize(("text", "line", "said"), [
    ("- id: 1\n  title: [unclosed\n", 3, "is not valid YAML"),
    ("- id: 1\n\ttitle: tab\n", 2, "is not valid YAML"),
    ("papers:\n  - id: 1\n", 1, "should be a list of papers"),
    ("", None, "should be a list of papers"),
])
def test_aclpub2_broken_yaml_is_a_problem(tmp_path: Path, text: str, line: int | None,
                                          said: str) -> None:
    (tmp_path / "papers.yml").write_text(text, encoding="utf-8")
    export = aclpub2.read([tmp_path])
    [broken] = export.problems
    assert said in broken.message and broken.file == str(tmp_path / "papers.yml")
    if line is not None:
        assert broken.line == line
    assert export.submissions == []


def test_aclpub2_never_constructs_a_tag(tmp_path: Path) -> None:
    (tmp_path / "papers.yml").write_text(
        "- id: 1\n  title: !!python/object/apply:os.system ['echo hacked']\n"
        "  authors: [{first_name: A, last_name: B}]\n", encoding="utf-8")
    export = aclpub2.read([tmp_path])
    [refused] = export.problems
    assert (refused.field, refused.line) == ("title", 2)
    assert "should be text" in refused.message


def test_aclpub2_entries_that_cannot_be_imported(tmp_path: Path) -> None:
    (tmp_path / "papers.yml").write_text("""\
- id: 1
  title: "[synthetic] No authors"
- id: 2
  title: "[synthetic] Read"
  authors: [{first_name: A, last_name: B}]
- id: 2
  title: "[synthetic] The same id again"
  authors: [{first_name: A, last_name: B}]
- id: 3
  title: "[synthetic] Profile not read"
  authors: [{first_name: ~Jane_Doe1, last_name: ~Jane_Doe1, emails: ~Jane_Doe1}]
- id: ../x
  title: "[synthetic] Not an id"
  authors: [{first_name: A, last_name: B}]
- just text
""", encoding="utf-8")
    export = aclpub2.read([tmp_path])
    assert [(p.field, p.line) for p in export.problems] == [
        ("authors", 1), ("id", 6), ("authors[1]", 11), ("id", 12), ("", 15)]
    assert [s.source for s in export.submissions] == ["aclpub2:2"]


def test_aclpub2_oversized_and_missing_files(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    [papers_yml] = write_aclpub2(tmp_path)
    monkeypatch.setattr(aclpub2, "MAX_BYTES", 100)
    assert "the limit is 100" in aclpub2.read([papers_yml]).problems[0].message
    [missing] = aclpub2.read([tmp_path / "nowhere.yml"]).problems
    assert "does not exist" in missing.message
    [empty] = aclpub2.read([tmp_path / "papers"]).problems
    assert "holds no papers.yml" in empty.message


# -- pretalx ---------------------------------------------------------------------------

WRITERS = [write_pretalx_json, write_frab_xml]


@pytest.mark.parametrize("write", WRITERS)
def test_pretalx_reads_every_talk_back(tmp_path: Path, write: Any) -> None:
    export = pretalx.read(write(tmp_path))
    assert export.problems == []
    assert export.timezone == TIME_ZONE
    wanted = accepted()
    assert [s.source for s in export.submissions] == [f"pretalx:{talk_code(s)}" for s in wanted]
    for index, (got, want) in enumerate(zip(export.submissions, wanted)):
        assert (got.title, got.abstract, got.kind, got.pdf) == (want.title, want.abstract,
                                                                 "talk", None)
        assert people(got) == [(a.given, a.family) for a in want.authors]
        day, start, end, room = slot_of(index)
        assert got.slot is not None
        assert (got.slot.day, got.slot.start, got.slot.end, got.slot.room) == (day, start, end,
                                                                              room)
        assert got.slot.track == (ARABIC_TRACK if want.language == "ar" else "")
        assert got.where.row == index + 1
        assert got.language == want.language  # the talk's `language`, as pretalx gives it


def test_pretalx_slots_are_the_programme(tmp_path: Path) -> None:
    slots = [s.slot for s in pretalx.read(write_pretalx_json(tmp_path)).submissions]
    assert [(x.day, x.start, x.end, x.room) for x in slots if x] == [
        (dt.date(2024, 10, 14), dt.time(9, 0), dt.time(9, 30), ROOMS[0]),
        (dt.date(2024, 10, 14), dt.time(9, 30), dt.time(10, 0), ROOMS[0]),
        (dt.date(2024, 10, 14), dt.time(9, 0), dt.time(9, 30), ROOMS[1]),
        (dt.date(2024, 10, 15), dt.time(9, 0), dt.time(9, 30), ROOMS[0]),
    ]


@pytest.mark.parametrize(("write", "key"), [(write_pretalx_json, f"pretalx:{person_code(AHMED)}"),
                                            (write_frab_xml, f"pretalx-id:{AHMED.number}")])
def test_pretalx_shared_speaker_has_one_key(tmp_path: Path, write: Any, key: str) -> None:
    export = pretalx.read(write(tmp_path))
    ahmed = [a for s in export.submissions for a in s.authors
             if (a.given, a.family) == (AHMED.given, AHMED.family)]
    assert [a.key for a in ahmed] == [key, key]
    keys = [a.key for s in export.submissions for a in s.authors]
    assert len(set(keys)) == len(keys) - 1  # one person speaks twice; every other once


def _comparable(submission: Submission) -> tuple[object, ...]:
    """A submission without where it was read and the speakers' keys (the XML has no
    speaker codes)."""
    return (dataclasses.replace(submission, where=Where("", submission.where.row), authors=()),
            people(submission))


def test_pretalx_json_and_xml_give_the_same_submissions(tmp_path: Path) -> None:
    from_json = pretalx.read(write_pretalx_json(tmp_path / "json"))
    from_xml = pretalx.read(write_frab_xml(tmp_path / "xml"))
    assert [_comparable(s) for s in from_json.submissions] == [
        _comparable(s) for s in from_xml.submissions]
    assert from_json.timezone == from_xml.timezone


@pytest.mark.parametrize("write", WRITERS)
def test_pretalx_kind_and_description(tmp_path: Path, write: Any) -> None:
    kinds = {1: "Keynote", 2: "Panel discussion", 3: "ورشة عمل", 4: "Lightning talk"}
    submissions = [dataclasses.replace(s, extra={"pretalx_type": kinds[s.number],
                                                 "pretalx_description": "Second part."})
                   for s in accepted()]
    export = pretalx.read(write(tmp_path, submissions))
    assert [s.kind for s in export.submissions] == ["keynote", "panel", "workshop", "talk"]
    assert all(s.abstract == f"{w.abstract}\n\nSecond part."
               for s, w in zip(export.submissions, submissions))


@pytest.mark.parametrize("write", WRITERS)
def test_pretalx_keeps_the_talks_language_as_pretalx_writes_it(tmp_path: Path,
                                                               write: Any) -> None:
    """pretalx's own codes (its `content_locale`), a third language among them, arrive as
    written; the planner decides what paper.yaml says (test_import.py)."""
    codes = {1: "ar", 2: "en-gb", 3: "de", 4: "pt-br"}
    submissions = [dataclasses.replace(s, language=codes[s.number]) for s in accepted()]
    export = pretalx.read(write(tmp_path, submissions))
    assert export.problems == []
    assert [s.language for s in export.submissions] == ["ar", "en-gb", "de", "pt-br"]


def test_pretalx_a_language_that_is_not_a_code_is_a_warning(tmp_path: Path) -> None:
    path, data = _schedule_json(tmp_path)
    events = _events(data)
    events[0]["language"] = "English; then Arabic"
    events[1]["language"] = None  # pretalx writes what the talk has: possibly nothing
    _save(path, data)
    export = pretalx.read([path])
    assert errors(export) == []
    [warning] = export.problems
    assert (warning.line, warning.field) == (None, "language")
    assert "talk 1" in warning.format() and "not a language code" in warning.message
    assert [s.language for s in export.submissions][:2] == ["", ""]
    assert len(export.submissions) == len(accepted())


def _schedule_json(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    [path] = write_pretalx_json(tmp_path)
    return path, json.loads(path.read_text(encoding="utf-8"))


def _events(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [event for day in data["schedule"]["conference"]["days"]
            for events in day["rooms"].values() for event in events]


def _save(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_pretalx_skips_breaks_and_reads_times_in_the_conference_zone(tmp_path: Path) -> None:
    path, data = _schedule_json(tmp_path)
    first = _events(data)[0]
    first["date"] = "2024-10-14T05:00:00+00:00"  # 09:00 in Muscat
    rooms = data["schedule"]["conference"]["days"][0]["rooms"]
    rooms[ROOMS[0]].append({**first, "code": "BREAK1", "guid": "b", "type": "Break",
                            "title": "Coffee break", "persons": []})
    rooms[ROOMS[0]].append({**first, "code": "OPEN01", "guid": "o", "type": "Talk",
                            "title": "[synthetic] Opening", "persons": []})
    _save(path, data)
    export = pretalx.read([path])
    [warning] = export.problems
    assert not warning.is_error and "no speakers" in warning.message
    assert "pretalx:BREAK1" not in {s.source for s in export.submissions}
    assert export.submissions[0].slot is not None
    assert export.submissions[0].slot.start == dt.time(9, 0)
    assert "pretalx:OPEN01" in {s.source for s in export.submissions}


def test_pretalx_talk_given_twice_keeps_its_first_slot(tmp_path: Path) -> None:
    path, data = _schedule_json(tmp_path)
    again = {**_events(data)[0], "guid": "another-slot", "date": "2024-10-15T11:00:00+04:00",
             "start": "11:00"}
    data["schedule"]["conference"]["days"][1]["rooms"][ROOMS[0]].append(again)
    _save(path, data)
    export = pretalx.read([path])
    [warning] = export.problems
    assert not warning.is_error and warning.message.startswith("talk 5: ")
    assert "first as talk 1" in warning.message
    assert [s.source for s in export.submissions].count(f"pretalx:{talk_code(accepted()[0])}") == 1


def test_pretalx_bidi_override_in_a_title_json(tmp_path: Path) -> None:
    path, data = _schedule_json(tmp_path)
    _events(data)[2]["title"] = f"[اصطناعي] {BIDI}عنوان"
    _save(path, data)
    export = pretalx.read([path])
    [refused] = export.problems
    assert (refused.file, refused.field, refused.line) == (str(path), "title", None)
    assert refused.message.startswith("talk 3, “title”: ") and "bidi" in refused.message
    assert len(export.submissions) == len(accepted()) - 1


def test_pretalx_bidi_override_in_a_speaker_xml(tmp_path: Path) -> None:
    [path] = write_frab_xml(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Nour Haddad", f"Nour {BIDI}Haddad"), encoding="utf-8")
    export = pretalx.read([path])
    [refused] = export.problems
    assert (refused.file, refused.field) == (str(path), "persons[1]")
    assert refused.message.startswith("talk 2, ") and "bidi" in refused.message


@pytest.mark.parametrize(("text", "line", "said"), [
    ('{"schedule": {"conference": ', 1, "is not valid JSON"),
    ('{\n"schedule": [1, 2,]}', 2, "is not valid JSON"),
    ('{"schedule": {"conference": {"days": {}}}}', None, "should be a list"),
    ("[" * 100_000, None, "is not valid JSON: it is nested too deeply"),
])
def test_pretalx_broken_json_is_a_problem(tmp_path: Path, text: str, line: int | None,
                                          said: str) -> None:
    (tmp_path / "schedule.json").write_text(text, encoding="utf-8")
    export = pretalx.read([tmp_path / "schedule.json"])
    [broken] = export.problems
    assert said in broken.message
    assert broken.line == line
    assert export.submissions == []


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE schedule [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<schedule>&lol2;</schedule>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE schedule [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<schedule><day index="1"><room name="A"><event guid="g"><title>&secret;</title></event></room></day></schedule>
"""


@pytest.mark.parametrize(("text", "line", "said"), [
    (BILLION_LAUGHS, 2, "declares a document type"),
    (EXTERNAL, 2, "declares a document type"),
    ("<schedule><day>\n<room></day></schedule>", 2, "is not valid XML"),
    ("<html><body/></html>", None, "is not a frab schedule"),
])
def test_pretalx_refused_or_broken_xml(tmp_path: Path, text: str, line: int | None,
                                       said: str) -> None:
    (tmp_path / "schedule.xml").write_text(text, encoding="utf-8")
    export = pretalx.read([tmp_path])
    [refused] = export.problems
    assert said in refused.message and refused.file == str(tmp_path / "schedule.xml")
    assert refused.line == line
    assert export.submissions == []


def test_pretalx_both_exports_of_one_schedule(tmp_path: Path) -> None:
    paths = write_pretalx_json(tmp_path) + write_frab_xml(tmp_path)
    export = pretalx.read(paths)
    assert len(export.submissions) == len(accepted())
    assert len(errors(export)) == len(accepted())
    assert all("not both" in p.fix for p in export.problems)


def test_pretalx_slots_that_cannot_be_read(tmp_path: Path) -> None:
    path, data = _schedule_json(tmp_path)
    events = _events(data)
    events[0]["date"] = "2024-10-14T23:45:00+04:00"  # 30 minutes: past midnight
    events[1]["duration"] = "half an hour"
    events[2]["date"] = "monday"
    events[3]["persons"][0]["code"] = "../../x"
    del events[3]["duration"]
    events[3]["end"] = events[3]["date"]  # no length
    _save(path, data)
    export = pretalx.read([path])
    assert [(p.field, p.message.split(",")[0]) for p in export.problems] == [
        ("duration", "talk 1"), ("duration", "talk 2"), ("date", "talk 3"),
        ("persons[1].code", "talk 4"), ("duration", "talk 4")]
    assert "a slot must end on the day it starts" in export.problems[0].message
    assert export.submissions == []


def test_pretalx_unknown_time_zone_and_folder_path(tmp_path: Path) -> None:
    path, data = _schedule_json(tmp_path)
    data["schedule"]["conference"]["time_zone_name"] = "Mars/Olympus"
    _save(path, data)
    export = pretalx.read([tmp_path])
    [refused] = export.problems
    assert refused.field == "time_zone_name" and "Mars/Olympus" in refused.message
    assert export.timezone == ""
    assert len(export.submissions) == len(accepted())


def test_pretalx_export_through_a_link_is_not_read(tmp_path: Path) -> None:
    [path] = write_pretalx_json(tmp_path / "real")
    os.symlink(path, tmp_path / "schedule.json")
    [refused] = pretalx.read([tmp_path / "schedule.json"]).problems
    assert "symbolic link" in refused.message


# -- Names -----------------------------------------------------------------------------

@pytest.mark.parametrize(("full", "given", "family"), [
    ("أحمد العتيبي", "أحمد", "العتيبي"),
    ("محمد عبد الله", "محمد", "عبد الله"),
    ("عبد الله أحمد", "عبد الله", "أحمد"),
    ("Jane van der Berg", "Jane", "van der Berg"),
    ("Abu Bakr", "Abu", "Bakr"),
    ("Haddad, Nour", "Nour", "Haddad"),
    ("Madonna", "", "Madonna"),
    ("  ", "", ""),
])
def test_split_name(full: str, given: str, family: str) -> None:
    assert split_name(full) == (given, family)
