"""`python3 build.py import` end to end, for every format, as an editor runs it.

The synthetic submissions of import_data.py, written as each system exports them, are
imported one format after the other into one copy of the example (to which the tests
first add a person the exports spell differently). After each import `check` may report
the translation gaps and nothing else; the built site shows every imported item on its
session's page and its people's pages; importing everything again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import import_programme_exports
from conftest import copy_project, run_waqai
from import_data import EXISTING_PERSON, EXISTING_PERSON_ID, accepted
from import_programme_exports import write_aclpub2, write_frab_xml, write_pretalx_json
from import_tables_exports import write_cmt, write_easychair

EXAMPLE_DAY = dt.date(2015, 11, 18)  # the example's second day: its sessions must be in it


def on_the_examples_day(writer: Callable[[Path], list[Path]]) -> Callable[[Path], list[Path]]:
    """A programme writer whose talks fall on a day of the example conference."""
    def write(dest: Path) -> list[Path]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(import_programme_exports, "FIRST_DAY", EXAMPLE_DAY)
            return writer(dest)
    return write


# Each format: its writer and the import's options. Exports without a programme go to a
# session that the import adds; pretalx's talks make their own sessions.
FORMATS = {
    "easychair": (write_easychair, ["--session", "s-imported"]),
    "cmt": (write_cmt, ["--session", "s-imported"]),
    "aclpub2": (write_aclpub2, ["--session", "s-imported"]),
    "pretalx": (on_the_examples_day(write_pretalx_json), []),
}
PROBLEM = re.compile(r"^(?P<where>\S+): (?P<severity>error|warning):(?P<rest>.*)$", re.M)


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                           *args], cwd=project, check=True, capture_output=True,
                          text=True).stdout


def snapshot(project: Path, message: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-qm", message)


def run_import(project: Path, exports: Path, fmt: str, *extra: str):
    writer, options = FORMATS[fmt]
    paths = writer(exports / fmt)
    return run_waqai(project, "import", fmt, *map(str, paths), *options, *extra)


def problems_in(output: str) -> list[tuple[str, str]]:
    return [(m["severity"], m["rest"]) for m in PROBLEM.finditer(output)]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The example with every format imported in turn; each import's output."""
    root = tmp_path_factory.mktemp("imported")
    project = copy_project(root / "project")
    people = project / "papers" / "people.yaml"
    people.write_text(people.read_text("utf-8") + EXISTING_PERSON, encoding="utf-8")
    git(project, "init", "-q")
    snapshot(project, "the example")
    outputs = {}
    for fmt in FORMATS:
        result = run_import(project, root / "exports", fmt)
        assert result.code == 0, result.output
        outputs[fmt] = result.output
    snapshot(project, "imported")
    return project, outputs


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_check_reports_only_the_translation_gaps(imported, fmt: str) -> None:
    _, outputs = imported
    # One language per field: there are gaps, counted in one line (`check --gaps` lists
    # them), and no other problem: every imported item is in its own language.
    assert problems_in(outputs[fmt]) == [], outputs[fmt]
    assert re.search(r"^\d+ translation\(s\) welcome", outputs[fmt], re.M), outputs[fmt]


def test_every_format_gives_the_same_items_and_people(imported) -> None:
    project, _ = imported
    data = project / "papers"
    papers = {p.name: yaml.safe_load((p / "paper.yaml").read_text("utf-8"))
              for p in data.iterdir() if (p / "paper.yaml").is_file()}
    for fmt in FORMATS:
        mine = sorted((p for p in papers.values() if p.get("source", "").startswith(fmt)),
                      key=lambda p: p["title"]["ar"] or p["title"]["en"])
        titles = sorted(s.title for s in accepted())
        assert sorted(p["title"]["ar"] or p["title"]["en"] for p in mine) == titles, fmt
        # Every format's first synthetic paper has the same two people: they were
        # matched across the formats, not added again.
    by_title = {}
    for paper in papers.values():
        by_title.setdefault(paper["title"]["ar"] or paper["title"]["en"], set()).add(
            tuple(paper["people"]))
    assert all(len(people) == 1 for people in by_title.values()), by_title
    khalid = [s for s in accepted() if s.number == 3][0].title
    assert by_title[khalid] == {(EXISTING_PERSON_ID,)}


def test_importing_again_changes_nothing(imported, tmp_path: Path) -> None:
    project, _ = imported
    for fmt in FORMATS:
        result = run_import(project, tmp_path, fmt)
        assert result.code == 0, result.output
        assert "Nothing to change" in result.output
    assert git(project, "status", "--porcelain") == ""


def test_the_site_shows_every_imported_item(imported) -> None:
    project, _ = imported
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    site, data = project / "site", project / "papers"
    for folder in sorted(data.iterdir()):
        paper = (yaml.safe_load((folder / "paper.yaml").read_text("utf-8"))
                 if (folder / "paper.yaml").is_file() else None)
        if not paper or "source" not in paper:
            continue
        link = f"papers/{paper['id']}/"
        for lang_root in ("", "en/"):
            session_page = site / lang_root / "sessions" / paper["session"] / "index.html"
            assert link in session_page.read_text("utf-8"), (paper["id"], session_page)
            for person in paper["people"]:
                page = site / lang_root / "people" / person / "index.html"
                assert link in page.read_text("utf-8"), (paper["id"], page)


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    snapshot(project, "the example")
    result = run_import(project, tmp_path / "exports", "easychair", "--dry-run")
    assert result.code == 0, result.output
    assert "+++ b/papers/easychair-1/paper.yaml" in result.out
    assert git(project, "status", "--porcelain") == ""


def test_frab_xml_imports_as_the_json_does(tmp_path: Path) -> None:
    plans = {}
    for name, writer in (("json", on_the_examples_day(write_pretalx_json)),
                         ("xml", on_the_examples_day(write_frab_xml))):
        project = copy_project(tmp_path / name)
        paths = writer(tmp_path / f"export-{name}")
        result = run_waqai(project, "import", "pretalx", *map(str, paths), "--dry-run")
        assert result.code == 0, result.output
        plans[name] = result.out
    assert plans["json"] == plans["xml"]


def test_a_bad_export_writes_nothing_and_says_where(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    snapshot(project, "the example")
    export = tmp_path / "export"
    paths = write_easychair(export)
    submission = paths[0]
    rows = submission.read_text("utf-8").splitlines(keepends=True)
    # No title column; and a bidi override in the abstract of the first row.
    header = rows[0].replace("#,title,", "#,")
    body = [re.sub(r'^(\d+),("[^"]*"|[^,]*),', r"\1,", row) for row in rows[1:]]
    submission.write_text(header + "".join(body), encoding="utf-8")
    result = run_waqai(project, "import", "easychair", *map(str, paths))
    assert result.code == 1
    assert "Traceback" not in result.output
    assert re.search(r"submission\.csv:1: error: title: .*title", result.output), result.output
    assert git(project, "status", "--porcelain") == ""


def test_a_formula_in_a_spreadsheet_arrives_as_its_text(tmp_path: Path) -> None:
    """A CMT workbook whose title cell is a formula: the paper's title is the formula's
    text, written as YAML text; nothing evaluates it."""
    formula = '=HYPERLINK("x")'
    first = accepted()[1]  # an English submission
    submission = type(first)(first.number, formula, first.abstract, first.keywords,
                             first.authors, "en")
    project = copy_project(tmp_path / "project")
    paths = write_cmt(tmp_path / "export", [submission])
    result = run_waqai(project, "import", "cmt", *map(str, paths), "--session", "s-imported")
    assert result.code == 0, result.output
    paper = yaml.safe_load((project / "papers" / f"cmt-{first.number}" / "paper.yaml")
                           .read_text("utf-8"))
    assert paper["title"] == {"ar": "", "en": formula}


def test_every_imported_item_says_its_language(imported) -> None:
    """Each new item's `language:` names the half its title was stored in (issue 30)."""
    project, _ = imported
    sources = 0
    for path in sorted((project / "papers").glob("*/paper.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if not data.get("source"):
            continue
        sources += 1
        assert data["language"] in ("ar", "en"), path
        assert data["title"][data["language"]], path
    assert sources


def test_the_gaps_are_in_each_items_other_language(imported) -> None:
    """`check --gaps` lists only translation gaps, and an imported item's title gap is in
    the other language than the one its paper.yaml says: its title and abstract in its
    own language, the original, are there (a gap there would be an error, issue 30)."""
    project, _ = imported
    result = run_waqai(project, "check", "--gaps")
    assert result.code == 0, result.output
    found = problems_in(result.output)
    assert found and all(severity == "warning" and "translation needed" in rest
                         for severity, rest in found), result.output
    checked = 0
    for path in sorted((project / "papers").glob("*/paper.yaml")):
        paper = yaml.safe_load(path.read_text("utf-8"))
        if not paper.get("source"):
            continue
        own = paper["language"]
        other = "en" if own == "ar" else "ar"
        assert paper["title"][own] and not paper["title"][other], paper["id"]
        assert (path.parent / f"abstract.{own}.md").is_file(), paper["id"]
        title_gaps = re.findall(rf"^papers/{path.parent.name}/paper\.yaml:\d+: warning: "
                                r"title\.(\w+): translation needed", result.output, re.M)
        assert title_gaps == [other], (paper["id"], own, title_gaps)
        checked += 1
    assert checked == len(FORMATS) * len(accepted())


def test_an_english_easychair_paper_at_an_arabic_conference_is_in_english(
        tmp_path: Path) -> None:
    """EasyChair names no language: an English submission (Latin script) in the example's
    Arabic volume gets `language: en`, so its English title and abstract are the original
    and check passes; the Arabic halves are gaps, counted as welcome."""
    project = copy_project(tmp_path / "project")
    conference = yaml.safe_load((project / "papers" / "conference.yaml").read_text("utf-8"))
    assert conference["language"] == "ar"
    english, arabic = accepted()[1], accepted()[0]
    paths = write_easychair(tmp_path / "export", [english, arabic])
    result = run_waqai(project, "import", "easychair", *map(str, paths),
                       "--session", "s-imported")
    assert result.code == 0, result.output
    assert problems_in(result.output) == [], result.output
    folder = project / "papers" / f"easychair-{english.number}"
    text = (folder / "paper.yaml").read_text("utf-8")
    assert "\nkind: paper\nlanguage: en\ntitle:\n" in text
    assert yaml.safe_load(text)["title"] == {"ar": "", "en": english.title}
    assert (folder / "abstract.en.md").is_file() and not (folder / "abstract.ar.md").exists()
    arabic_paper = (project / "papers" / f"easychair-{arabic.number}" / "paper.yaml")
    assert "\nlanguage: ar\n" in arabic_paper.read_text("utf-8")
    assert run_waqai(project, "check").code == 0


@pytest.mark.parametrize("writer", [write_pretalx_json, write_frab_xml])
def test_a_talk_pretalx_gives_in_german_is_stored_in_english_and_said(
        tmp_path: Path, writer: Callable[..., list[Path]]) -> None:
    """pretalx's talk language: kept where it names the script's language (“en-gb” as
    `en-GB`); a third language (“de”), or the other of the two (“en” for an Arabic
    title), gives the script's language with what pretalx said in a comment on the line,
    and one note of the import names those items. check passes; importing again
    changes nothing and notes nothing."""
    said = {1: "ar", 2: "de", 3: "en", 4: "en-gb"}
    talks = [type(s)(s.number, s.title, s.abstract, s.keywords, s.authors, said[s.number])
             for s in accepted()]
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    snapshot(project, "the example")
    export = tmp_path / "export"
    paths = on_the_examples_day(lambda dest: writer(dest, talks))(export)
    result = run_waqai(project, "import", "pretalx", *map(str, paths))
    assert result.code == 0, result.output  # check passes after the import
    assert problems_in(result.output) == [], result.output

    def line(number: int) -> str:
        text = (project / "papers" / f"pretalx-talk{number:02d}" / "paper.yaml").read_text(
            "utf-8")
        return next(line for line in text.splitlines() if line.startswith("language:"))

    assert line(1) == "language: ar"
    assert line(2) == "language: en  # pretalx says “de”; Waqai shows Arabic or English items only"
    assert line(3) == "language: ar  # pretalx says “en”; the title is in Arabic letters"
    assert line(4) == "language: en-GB"
    notes = [n for n in result.out.splitlines() if "pretalx names a language" in n]
    assert notes == [notes[0]] and notes[0].startswith("note: paper.yaml: "), result.out
    assert "pretalx-talk02 (“de”), pretalx-talk03 (“en”)" in notes[0]
    assert "talk01" not in notes[0] and "talk04" not in notes[0]
    snapshot(project, "imported")
    again = run_waqai(project, "import", "pretalx", *map(str, paths))
    assert again.code == 0 and "Nothing to change" in again.out, again.output
    assert "pretalx names a language" not in again.out
    assert git(project, "status", "--porcelain") == ""
