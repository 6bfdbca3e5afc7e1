"""`build.py new <id>`: a paper folder whose empty fields `check` names, one by one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import run_waqai
from pdf_files import clean_pdf
from waqai.commands.cli import main
from waqai.data import schema
from waqai.data.checks import validate
from waqai.site.invariants import check_site

PAPER = "papers/test-paper/paper.yaml"
# What a new paper still needs, written out by hand from the issue and the example data.
TO_FILL = {(PAPER, "session"), (PAPER, "order"), (PAPER, "kind"), (PAPER, "title.ar"),
           (PAPER, "title.en"), (PAPER, "people"),
           ("papers/test-paper/abstract.ar.md", ""), ("papers/test-paper/abstract.en.md", "")}
ERROR_LINE = re.compile(r"^(?P<file>[^\s:]+)(?::\d+)?: error:(?: (?P<field>[\w.\[\]-]+):)? "
                        r"(?P<message>.*)$", re.MULTILINE)

FILLED = {
    "session:\n": "session: s3-local-experiences\n",
    "order:\n": "order: 6\n",
    "kind:\n": "kind: talk\n",
    "  ar:\n  en:\n": '  ar: "بحث تجريبي"\n  en: "A test paper"\n',
    "people:\n": "people: [nayef-alomari]\n",
}


def paper_validator() -> Draft7Validator:
    return Draft7Validator(schema.schema_of("paper"))


def fill(project: Path, uncomment: bool = False) -> None:
    path = project / PAPER
    text = path.read_text(encoding="utf-8")
    for empty, value in FILLED.items():
        assert text.count(empty) == 1, empty
        text = text.replace(empty, value)
    if uncomment:  # the optional fields' examples, as an editor would switch them on
        text = re.sub(r"^# (pages|doi|pdf): ", r"\1: ", text, flags=re.MULTILINE)
        # keywords is written whole, commented out line by line: one "# " off each line.
        text = re.sub(r"^# keywords:\n(?:#   .*\n)+",
                      lambda m: re.sub(r"^# ", "", m.group(), flags=re.MULTILINE), text,
                      flags=re.MULTILINE)
        (path.parent / "paper.pdf").write_bytes(clean_pdf())
    path.write_text(text, encoding="utf-8")
    (project / "papers/test-paper/abstract.ar.md").write_text("ملخص البحث.\n", encoding="utf-8")
    (project / "papers/test-paper/abstract.en.md").write_text("The abstract.\n", encoding="utf-8")


def test_new_creates_a_commented_paper_and_empty_abstracts(project: Path) -> None:
    result = run_waqai(project, "new", "test-paper")
    assert result.code == 0, result.output
    folder = project / "papers/test-paper"
    assert sorted(p.name for p in folder.iterdir()) == ["abstract.ar.md", "abstract.en.md",
                                                        "paper.yaml"]
    assert (folder / "abstract.ar.md").read_bytes() == b""
    assert (folder / "abstract.en.md").read_bytes() == b""
    text = (folder / "paper.yaml").read_text(encoding="utf-8")
    assert text.split("\n")[0] == \
        "# yaml-language-server: $schema=../_schema/paper.schema.json"
    assert (folder / "../_schema/paper.schema.json").resolve().is_file()
    assert yaml.safe_load(text)["id"] == "test-paper"
    comments = [line for line in text.split("\n") if line.startswith("#")]
    assert any(re.search("[\u0600-\u06ff]", line) for line in comments)  # Arabic help
    assert any(re.search("[A-Za-z]{4}", line) for line in comments[1:])  # English help
    for field in ("session", "order", "kind", "title", "people"):
        assert re.search(rf"^{field}:$", text, re.MULTILINE), field
    for field in ("pages", "doi", "pdf"):
        assert re.search(rf"^# {field}: \S", text, re.MULTILINE), field
    # A group is commented out whole, each of its fields under its help.
    assert re.search(r"^# keywords:\n#   # .*\n#   # .*\n#   ar: \[", text, re.MULTILINE)


def test_check_names_every_field_still_to_fill(project: Path) -> None:
    assert run_waqai(project, "new", "test-paper").code == 0
    result = run_waqai(project, "check")
    assert result.code == 1
    assert "Traceback" not in result.output
    errors = {(m["file"], m["field"] or "") for m in ERROR_LINE.finditer(result.err)}
    assert errors == TO_FILL, result.err
    for match in ERROR_LINE.finditer(result.err):
        assert match["message"] == "is empty.", match.group()
    assert result.err.count("    fix: ") == len(TO_FILL)


def test_the_schema_flags_the_same_fields_as_the_loader(project: Path) -> None:
    assert main(["new", "test-paper"], project) == 0
    validator = paper_validator()
    errors = validator.iter_errors(schema.read_instance(project / PAPER))
    flagged = {".".join(str(part) for part in e.absolute_path) for e in errors}
    assert {(PAPER, field) for field in flagged} == {e for e in TO_FILL if e[0] == PAPER}


def test_filled_in_the_paper_is_built_everywhere_it_belongs(project: Path) -> None:
    assert main(["new", "test-paper"], project) == 0
    fill(project, uncomment=True)
    assert not list(paper_validator().iter_errors(schema.read_instance(project / PAPER)))
    checked = run_waqai(project, "check")
    assert checked.code == 0, checked.output
    built = run_waqai(project, "build")
    assert built.code == 0, built.output
    proc = validate(project).proceedings
    paper = proc.paper("test-paper")
    assert (paper.pages, paper.doi, paper.pdf) == ("12-19", "10.1234/abcd", "paper.pdf")
    assert paper.keywords == (("كلمة مفتاحية",), ("keyword",))
    assert check_site(proc, project / "site") == []
    for page in ("sessions/s3-local-experiences/", "en/sessions/s3-local-experiences/",
                 "people/nayef-alomari/", "en/people/nayef-alomari/", "papers/test-paper/",
                 "en/papers/test-paper/"):
        html = (project / "site" / page / "index.html").read_text(encoding="utf-8")
        assert 'data-paper-id="test-paper"' in html, page


@pytest.mark.parametrize("paper_id", ["absher", "../evil", "Test-Paper", "test paper", "a--b",
                                      "a-", "_schema", "", "x" * 65, "paper.yaml", "café",
                                      "/tmp/evil"])
def test_refuses_existing_and_unsafe_ids(paper_id: str, project: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    assert main(["new", paper_id], project) == 1
    err = capsys.readouterr().err
    assert err.startswith("Cannot create the paper: ") and "\n    fix: " in err, err
    assert ("already exists" if paper_id == "absher" else "is not a valid paper id") in err
    assert "Traceback" not in err
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before
    assert not (project.parent / "evil").exists()


def test_refuses_when_there_is_no_data_folder(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "test-paper"], tmp_path) == 1
    assert "papers/ is not a folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
