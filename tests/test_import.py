"""`python3 build.py import`: the plan it makes of an export (people matched, files
written as an editor writes them, re-import, --dry-run), whatever the format.

The formats' readers have their own tests (test_import_tables.py,
test_import_programme.py); here the export is the synthetic set of import_data.py
made into records directly, and each format's files end to end in
test_import_formats.py.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import copy_project
from import_data import EXISTING_PERSON, EXISTING_PERSON_ID, accepted
from waqai.commands.importing import volume_of
from waqai.importers.changes import apply, diff
from waqai.importers.plan import plan_import
from waqai.importers.records import Author, Export, Slot, Submission, Where


def export_of(submissions=None, *, slots: bool = False,
              said: dict[int, str] | None = None) -> Export:
    """The synthetic submissions as a reader would give them; `said`: the language codes
    the system gives (pretalx's), by submission number (none by default, as EasyChair)."""
    where = Where("submission.csv", 2)
    made = []
    for n, s in enumerate(submissions or accepted()):
        authors = tuple(Author(a.given, a.family, Where("author.csv", a.number + 1),
                               email=a.email, affiliation=a.affiliation, country=a.country,
                               key=f"test-person:{a.number}") for a in s.authors)
        slot = (Slot(dt.date(2015, 11, 18), dt.time(9 + n), dt.time(9 + n, 30), "القاعة أ")
                if slots else None)
        made.append(Submission(f"test:{s.number}", s.title, where, s.abstract, s.keywords,
                               authors, slot=slot, language=(said or {}).get(s.number, "")))
    return Export(made, [], "Asia/Riyadh" if slots else "")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example with EXISTING_PERSON added to its people.yaml, under git so
    that a test can ask what changed."""
    project = copy_project(tmp_path / "project")
    people = project / "papers" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + EXISTING_PERSON, encoding="utf-8")
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm",
                     "before"]):
        subprocess.run(["git", *command], cwd=project, check=True)
    return project


def git_status(project: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain"], cwd=project, check=True,
                          capture_output=True, text=True).stdout


def run_import(project: Path, export: Export, session: str | None = "s-imported"):
    data = project / "papers"
    plan = plan_import(export, data, "test", volume_of(data), session)
    apply(plan.changes)
    return plan


def people_yaml(project: Path) -> dict:
    return yaml.safe_load((project / "papers" / "people.yaml").read_text(encoding="utf-8"))


def paper_yaml(project: Path, paper_id: str) -> dict:
    return yaml.safe_load((project / "papers" / paper_id / "paper.yaml").read_text("utf-8"))


def test_each_accepted_submission_becomes_a_folder_in_its_language(example: Path) -> None:
    plan = run_import(example, export_of())
    assert plan.added_papers == ["test-1", "test-2", "test-3", "test-4"]
    first, second = paper_yaml(example, "test-1"), paper_yaml(example, "test-2")
    assert first["title"] == {"ar": accepted()[0].title, "en": ""}
    assert second["title"] == {"ar": "", "en": accepted()[1].title}
    assert first["keywords"] == {"ar": list(accepted()[0].keywords), "en": []}
    assert (first["session"], first["order"], second["order"]) == ("s-imported", 1, 2)
    assert first["source"] == "test:1" and first["key"]
    folder = example / "papers" / "test-1"
    assert (folder / "abstract.ar.md").read_text("utf-8") == accepted()[0].abstract + "\n"
    assert not (folder / "abstract.en.md").exists()  # a gap, never the Arabic copied
    text = (folder / "paper.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../_schema/paper.schema.json\n")
    assert '  en: ""  # translation needed\n' in text


def test_authors_are_matched_not_duplicated(example: Path) -> None:
    run_import(example, export_of())
    people = people_yaml(example)
    by_paper = {pid: paper_yaml(example, pid)["people"] for pid in ("test-1", "test-2",
                                                                    "test-3")}
    ahmed, sara = by_paper["test-1"]
    assert by_paper["test-2"][1] == ahmed  # the same author on two papers: one person
    assert ahmed != sara  # a shared family name does not make one person
    # «خالد الحربى» is the existing «خالد الحربي»: no new entry.
    assert by_paper["test-3"] == [EXISTING_PERSON_ID]
    assert people[ahmed]["name"] == {"given": "أحمد", "family": "العتيبي"}
    assert people[ahmed]["latin"] == []
    nour = by_paper["test-2"][0]
    assert nour == "nour-haddad" and people[nour]["latin"] == [
        {"given": "Nour", "family": "Haddad"}]
    assert "name" not in people[nour]
    assert people[nour]["affiliation"] == {"ar": "", "en": "Synthetic University"}
    written = (example / "papers" / "people.yaml").read_text("utf-8")
    assert "@example" not in written  # e-mails match people; they are never published


def test_an_uncertain_match_is_reported_and_not_merged(example: Path) -> None:
    near = [s for s in accepted() if s.number == 3][0]
    author = near.authors[0]
    renamed = type(author)("خالدة", author.family, "other@example.org", author.affiliation,
                           author.country, 9)
    plan = run_import(example, export_of([type(near)(near.number, near.title, near.abstract,
                                                     near.keywords, (renamed,), "ar")]))
    assert paper_yaml(example, "test-3")["people"] != [EXISTING_PERSON_ID]
    assert any(EXISTING_PERSON_ID in note and "may be the same person" in note
               for note in plan.notes)


def test_importing_again_changes_nothing(example: Path) -> None:
    run_import(example, export_of())
    subprocess.run(["git", "add", "-A"], cwd=example, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit",
                    "-qm", "imported"], cwd=example, check=True)
    plan = run_import(example, export_of())
    assert plan.changes == [] and git_status(example) == ""


def test_a_newer_export_updates_only_what_the_system_owns(example: Path) -> None:
    run_import(example, export_of())
    path = example / "papers" / "test-2" / "paper.yaml"
    # The editors translate the title, add a comment and move the item.
    edited = (path.read_text("utf-8").replace('ar: ""  # translation needed',
                                              'ar: "ترجمة المحررين"')
              .replace("order: 2", "order: 7  # moved by the editors"))
    path.write_text(edited, encoding="utf-8")
    newer = [s for s in accepted()]
    newer[1] = type(newer[1])(2, "[synthetic] Queue design in service centres, revised",
                              "A revised synthetic abstract.", newer[1].keywords,
                              newer[1].authors[:1], "en")
    plan = run_import(example, export_of(newer))
    assert plan.updated_papers == ["test-2"] and plan.added_papers == []
    after = path.read_text("utf-8")
    assert after == edited.replace("[synthetic] Queue design in municipal service centres",
                                   "[synthetic] Queue design in service centres, revised"
                                   ).replace("people: [nour-haddad, ahmd-altyby]",
                                             "people: [nour-haddad]")
    assert (path.parent / "abstract.en.md").read_text("utf-8") == "A revised synthetic abstract.\n"


def test_a_dry_run_prints_the_diff_and_writes_nothing(example: Path) -> None:
    data = example / "papers"
    plan = plan_import(export_of(), data, "test", volume_of(data), "s-imported")
    text = diff(plan.changes, example)
    assert "+++ b/papers/test-1/paper.yaml" in text and "+++ b/papers/people.yaml" in text
    assert git_status(example) == ""


def test_a_programme_makes_sessions_in_the_conferences_zone(example: Path) -> None:
    run_import(example, export_of(slots=True), session=None)
    sessions = yaml.safe_load((example / "papers" / "sessions.yaml").read_text("utf-8"))
    session = paper_yaml(example, "test-4")["session"]
    assert {paper_yaml(example, f"test-{n}")["session"] for n in (1, 2, 3)} == {session}
    made = sessions[session]
    assert made["title"] == {"ar": "القاعة أ", "en": ""}
    assert made["room"] == {"ar": "القاعة أ", "en": ""}
    assert (made["day"], made["start"], made["end"]) == ("2015-11-18", "09:00", "12:30")
    assert made["order"] == 1  # the example has no session on the second day


# -- The item's language (issue 30) ------------------------------------------------------

def language_line(project: Path, paper_id: str) -> str:
    text = (project / "papers" / paper_id / "paper.yaml").read_text("utf-8")
    return next(line for line in text.splitlines() if line.startswith("language:"))


def commit(project: Path, message: str) -> None:
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit",
                    "-qm", message], cwd=project, check=True)


def test_each_item_says_its_language_after_its_kind(example: Path) -> None:
    """From the title's script when the system names none; the line follows `kind:`."""
    plan = run_import(example, export_of())
    for paper_id, lang in (("test-1", "ar"), ("test-2", "en"), ("test-3", "ar"),
                           ("test-4", "en")):
        text = (example / "papers" / paper_id / "paper.yaml").read_text("utf-8")
        assert f"\nkind: paper\nlanguage: {lang}\ntitle:\n" in text, paper_id
        paper = yaml.safe_load(text)
        assert paper["language"] == lang and paper["title"][lang], paper_id
    assert not any("names a language" in note for note in plan.notes)


def test_the_systems_language_where_it_names_the_texts(example: Path) -> None:
    """A code in the system's spelling becomes BCP 47 (“en-gb”, “EN”, “ar_SA”); a third
    language or the other of the two is never written as the tag: the script's language
    is, with what the system said in a comment, and one note lists those items."""
    plan = run_import(example, export_of(said={1: "ar_SA", 2: "fr", 3: "en", 4: "EN"}))
    assert language_line(example, "test-1") == "language: ar-SA"
    assert language_line(example, "test-2") == (
        "language: en  # test says “fr”; Waqai shows Arabic or English items only")
    assert language_line(example, "test-3") == (
        "language: ar  # test says “en”; the title is in Arabic letters")
    assert language_line(example, "test-4") == "language: en"
    notes = [note for note in plan.notes if "names a language" in note]
    assert len(notes) == 1 and "test-2 (“fr”), test-3 (“en”)" in notes[0], plan.notes
    assert paper_yaml(example, "test-2")["language"] == "en"  # the comment is only that


def test_a_reimport_keeps_the_editors_language(example: Path) -> None:
    """A `language:` an editor wrote (or changed) is theirs: a newer export, even one
    naming another language, changes the title and leaves the line as it is."""
    run_import(example, export_of())
    path = example / "papers" / "test-2" / "paper.yaml"
    edited = path.read_text("utf-8").replace("language: en\n",
                                             "language: en-GB  # British spelling\n")
    path.write_text(edited, encoding="utf-8")
    commit(example, "the editors' language")
    newer = list(accepted())
    newer[1] = type(newer[1])(2, "[synthetic] Queue design, revised", newer[1].abstract,
                              newer[1].keywords, newer[1].authors, "en")
    plan = run_import(example, export_of(newer, said={2: "de"}))
    assert plan.updated_papers == ["test-2"]
    after = path.read_text("utf-8")
    assert after == edited.replace("[synthetic] Queue design in municipal service centres",
                                   "[synthetic] Queue design, revised")
    assert not any("names a language" in note for note in plan.notes)


def test_a_reimport_adds_the_line_an_earlier_import_left_out(example: Path) -> None:
    """Items imported before Waqai wrote `language:` get it, after `kind:`, where it would
    have been; nothing else changes, and the next import changes nothing."""
    run_import(example, export_of())
    papers = sorted((example / "papers").glob("test-*/paper.yaml"))
    written = {path: path.read_text("utf-8") for path in papers}
    for path, text in written.items():
        path.write_text(re.sub(r"^language: .*\n", "", text, flags=re.M), encoding="utf-8")
    commit(example, "an earlier import, without language lines")
    plan = run_import(example, export_of())
    assert plan.updated_papers == ["test-1", "test-2", "test-3", "test-4"]
    assert {path: path.read_text("utf-8") for path in papers} == written
    commit(example, "the lines added")
    assert run_import(example, export_of()).changes == [] and git_status(example) == ""


def test_a_line_added_on_reimport_says_what_the_system_said(example: Path) -> None:
    run_import(example, export_of())
    path = example / "papers" / "test-4" / "paper.yaml"
    path.write_text(path.read_text("utf-8").replace("language: en\n", ""), encoding="utf-8")
    plan = run_import(example, export_of(said={2: "de", 4: "de"}))
    assert language_line(example, "test-4") == (
        "language: en  # test says “de”; Waqai shows Arabic or English items only")
    assert language_line(example, "test-2") == "language: en"  # written before: kept
    notes = [note for note in plan.notes if "names a language" in note]
    assert len(notes) == 1 and "test-4 (“de”)" in notes[0] and "test-2" not in notes[0]
