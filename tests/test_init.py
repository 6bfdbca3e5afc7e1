"""`build.py init`: new proceedings that check and build as written, and never over data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from conftest import EXAMPLE_PAPERS, ROOT, copy_project, copy_tool, run_waqai
from waqai.commands.cli import main, parser
from waqai.data import schema
from waqai.data.archiveskeleton import archive_skeleton
from waqai.data.checks import validate
from waqai.data.fields import DOCUMENTS
from waqai.data.guide import rows
from waqai.data.model import ItemKind, SessionKind
from waqai.data.skeleton import skeleton

YAML_FILES = {"conference.yaml": "conference", "people.yaml": "people",
              "sessions.yaml": "sessions"}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    """The tool's parts and an emptied papers/."""
    project = copy_tool(tmp_path / "project")
    (project / "papers").mkdir()
    return project


def test_init_then_check_then_build(empty_project: Path) -> None:
    started = run_waqai(empty_project, "init")
    assert started.code == 0, started.output
    papers = empty_project / "papers"
    paper = next(folder for folder in papers.iterdir() if (folder / "paper.yaml").is_file())
    assert {p.name for p in papers.iterdir()} == {"conference.yaml", "people.yaml",
                                                   "sessions.yaml", "_schema", paper.name}
    assert {p.name for p in paper.iterdir()} == {"paper.yaml", "abstract.ar.md",
                                                 "abstract.en.md"}
    checked = run_waqai(empty_project, "check")
    assert checked.code == 0, checked.output
    # Nothing in it is left unused; what check warns of is init's placeholders, each once
    # (tests/test_placeholders.py).
    warned = [line for line in checked.output.splitlines() if ": warning: " in line]
    assert warned and all("is still the placeholder `init` wrote" in line for line in warned)
    assert "OK: 1 items, 1 sessions, 1 people" in checked.out
    built = run_waqai(empty_project, "build")
    assert built.code == 0, built.output
    for page in (f"papers/{paper.name}/index.html", f"en/papers/{paper.name}/index.html"):
        assert (empty_project / "site" / page).is_file(), page
    # The schemas are the current ones, so editors' tools check the new files right away.
    assert run_waqai(empty_project, "schema", "--check").code == 0


def test_the_example_item_is_marked_as_one_to_replace() -> None:
    files = skeleton()
    paper = next(text for name, text in files.items() if name.endswith("/paper.yaml"))
    titles = re.findall(r'^  (ar|en): "(.*)"$', paper, re.MULTILINE)
    assert [lang for lang, _ in titles] == ["ar", "en"]
    assert "مثال" in titles[0][1] and "Example" in titles[1][1]
    for name, text in files.items():
        if name.endswith("abstract.ar.md"):
            assert "مثال" in text
        if name.endswith("abstract.en.md"):
            assert "example" in text


def test_every_field_is_explained_in_both_languages() -> None:
    files = {**archive_skeleton(), **skeleton()}  # one volume's files, an archive's archive.yaml
    # A volume's conference.yaml is conference.yaml less site_url: written by neither.
    documents = [doc for doc in DOCUMENTS if doc.name != "volume"]
    texts = {doc.name: next(text for name, text in files.items()
                            if name == doc.title or name.endswith("/paper.yaml")
                            and doc.name == "paper")
             for doc in documents}
    assert "archive" in texts
    for doc in documents:
        # An optional group is commented out whole: its fields' help is behind two "#".
        comments = {re.sub(r"^[#\s]+", "", line) for line in texts[doc.name].splitlines()
                    if line.lstrip().startswith("#")}
        for name, field in rows(doc.body):
            marks = ("", "") if field.required else (" (اختياري)", " (optional)")
            assert f"{field.help.ar}{marks[0]}" in comments, (doc.name, name)
            assert f"{field.help.en}{marks[1]}" in comments, (doc.name, name)


def test_every_file_is_valid_for_editors_tools(empty_project: Path) -> None:
    assert main(["init"], empty_project) == 0
    papers = empty_project / "papers"
    files = {papers / name: doc for name, doc in YAML_FILES.items()}
    files.update({path: "paper" for path in papers.glob("*/paper.yaml")})
    assert len(files) == 4
    for path, doc in files.items():
        assert path.read_text(encoding="utf-8").startswith(
            f"# yaml-language-server: $schema={'../' if doc == 'paper' else ''}_schema/")
        validator = Draft7Validator(schema.schema_of(doc))
        assert list(validator.iter_errors(schema.read_instance(path))) == [], path


def test_an_archive_s_files_are_valid_for_editors_tools(empty_project: Path) -> None:
    assert main(["init", "--archive"], empty_project) == 0
    papers = empty_project / "papers"
    archive = papers / "archive.yaml"
    assert archive.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=_schema/archive.schema.json\n")
    validator = Draft7Validator(schema.schema_of("archive"))
    assert list(validator.iter_errors(schema.read_instance(archive))) == []
    assert schema.read_instance(papers / "people.yaml") is None  # comments only: no entry
    assert run_waqai(empty_project, "schema", "--check").code == 0


def test_refuses_existing_data_and_changes_nothing(project: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(project)
    assert main(["init"], project) == 1
    err = capsys.readouterr().err
    assert err.startswith("Cannot start new proceedings: papers/ already holds data (")
    first = min(entry.name for entry in (project / "papers").iterdir()
                if not entry.name.startswith("_"))
    assert first in err and "\n    fix: " in err and "changed nothing" in err
    assert "python3 build.py new <id>" in err and "--data-dir" in err
    assert snapshot(project) == before


def test_one_file_is_data_enough_to_refuse(empty_project: Path) -> None:
    (empty_project / "papers" / "notes.txt").write_text("x", encoding="utf-8")
    result = run_waqai(empty_project, "init")
    assert result.code == 1
    assert "papers/ already holds data (notes.txt)" in result.err
    assert [p.name for p in (empty_project / "papers").iterdir()] == ["notes.txt"]


def test_a_kept_schema_folder_is_not_data(empty_project: Path) -> None:
    shutil.copytree(EXAMPLE_PAPERS / "_schema", empty_project / "papers" / "_schema")
    (empty_project / "papers" / ".gitkeep").write_text("", encoding="utf-8")
    assert run_waqai(empty_project, "init").code == 0
    assert validate(empty_project).ok


def test_no_data_folder_yet_and_another_data_folder(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = snapshot(project / "papers")
    assert main(["--data-dir", "next-year", "init"], project) == 0
    assert (project / "next-year" / "conference.yaml").is_file()
    assert validate(project, "next-year").ok
    assert snapshot(project / "papers") == before


def test_refuses_a_data_path_that_is_a_file(empty_project: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (empty_project / "papers").rmdir()
    (empty_project / "papers").write_text("", encoding="utf-8")
    assert main(["init"], empty_project) == 1
    assert "papers/ is not a folder" in capsys.readouterr().err


def test_the_command_is_listed_in_the_help() -> None:
    assert re.search(r"^\s+init\s+start new proceedings", parser().format_help(), re.MULTILINE)


def test_published_examples_name_nothing_of_the_example_conference() -> None:
    """The skeleton, the schemas and the contributing guide reach every adopter's site."""
    proc = validate(EXAMPLE_PAPERS.parent).proceedings
    assert proc is not None
    conf = proc.conference
    words = {conf.short_name, conf.city.ar, conf.city.en, str(conf.start.year)}
    words.update(paper.id for paper in proc.papers)
    words.update(session.id for session in proc.sessions)
    words -= {kind.value for kind in (*SessionKind, *ItemKind)}  # "keynote" is a kind too
    for person in proc.people:
        words.add(person.id)
        words.update(part for part in (person.name_ar.given, person.name_ar.family) if part)
        words.update(latin.family for latin in person.names_latin if latin.family)
    published = [*skeleton().values(),
                 *(ROOT / "docs" / f"contributing.{lang}.md" for lang in ("ar", "en"))]
    for text in published:
        body = text if isinstance(text, str) else text.read_text(encoding="utf-8")
        found = {word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", body)}
        assert not found, found
