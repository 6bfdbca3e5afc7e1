"""A corpus of bad inputs: each one is reported with file, field and a fix, never a traceback.

Each case breaks a copy of the example data in one way. The loader must name
the file and the field, say what to write instead, and the command line must
exit 1 without a Python traceback, leaving a previously built site untouched.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import copy_project, run_waqai
from waqai.data.checks import validate


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Path], None]
    file: str
    field: str
    fix: str  # a piece of the remedy the message must give
    line: bool = True  # whether the parser knows the line


def _duplicate_id(p: Path) -> None:
    shutil.copytree(p / "papers/absher", p / "papers/absher-copy")


def _oversized(p: Path) -> None:
    (p / "papers/absher/abstract.en.md").write_text("word " * 60_000, encoding="utf-8")


def _missing_abstracts(p: Path) -> None:
    """Both files: one alone is a translation gap, a warning (test_translation_gaps)."""
    (p / "papers/safeer/abstract.ar.md").unlink()
    (p / "papers/safeer/abstract.en.md").unlink()


def _untitled(p: Path) -> None:
    edit(p / "papers/safeer/paper.yaml", "\n  ar: ", "\n  arabic: ")
    edit(p / "papers/safeer/paper.yaml", "\n  en: ", "\n  english: ")


def _not_utf8(p: Path) -> None:
    (p / "papers/safeer/abstract.en.md").write_bytes("caf\xe9".encode("latin-1"))


CASES = [
    Case("invalid YAML", lambda p: edit(p / "papers/absher/paper.yaml", "order: 1", "order: [1"),
         "papers/absher/paper.yaml", "", "indentation"),
    # A missing English title alone is a translation gap, a warning (test_translation_gaps).
    Case("English title under a misspelt key", lambda p: edit(
        p / "papers/safeer/paper.yaml", "\n  en: ", "\n  english: "),
         "papers/safeer/paper.yaml", "title.english", "ar, en"),
    Case("title in neither language", _untitled, "papers/safeer/paper.yaml", "title.ar",
         "one language is enough"),
    Case("unknown session", lambda p: edit(
        p / "papers/absher/paper.yaml", "session: s3-local-experiences",
        "session: s3-local-experience"),
         "papers/absher/paper.yaml", "session", "s3-local-experiences"),
    Case("unknown person", lambda p: edit(
        p / "papers/absher/paper.yaml", "abdulrahman-aljulaifi", "abdulrahman-aljulayfi"),
         "papers/absher/paper.yaml", "people", "abdulrahman-aljulaifi"),
    Case("duplicate id", _duplicate_id, "papers/absher-copy/paper.yaml", "id", "absher-copy"),
    Case("unsafe id", lambda p: edit(p / "papers/absher/paper.yaml", "id: absher",
                                     'id: "../../etc/evil"'),
         "papers/absher/paper.yaml", "id", "etc-evil"),
    Case("unknown kind", lambda p: edit(p / "papers/absher/paper.yaml", "kind: talk",
                                        "kind: lecture"),
         "papers/absher/paper.yaml", "kind", "talk"),
    Case("order is text", lambda p: edit(p / "papers/absher/paper.yaml", "order: 1",
                                         "order: first"),
         "papers/absher/paper.yaml", "order", "digits"),
    Case("octal-looking order", lambda p: edit(p / "papers/absher/paper.yaml", "order: 1",
                                               "order: 010"),
         "papers/absher/paper.yaml", "order", "leading zeros"),
    Case("misspelt field", lambda p: edit(p / "papers/absher/paper.yaml", "keywords:",
                                          "keyword:"),
         "papers/absher/paper.yaml", "keyword", "keywords"),
    Case("field written twice", lambda p: edit(p / "papers/absher/paper.yaml", "order: 1",
                                               "order: 1\norder: 2"),
         "papers/absher/paper.yaml", "order", "Keep one"),
    Case("bidi control in title", lambda p: edit(p / "papers/absher/paper.yaml", "Absher",
                                                 "Abs\u202eher"),
         "papers/absher/paper.yaml", "title.en", "Delete it"),
    Case("bidi control in a name", lambda p: edit(p / "papers/people.yaml", '"العوهلي"',
                                                  '"العوهلي\u2066"'),
         "papers/people.yaml", "yousef-alohali.name.family", "Delete it"),
    Case("python tag", lambda p: edit(p / "papers/absher/paper.yaml", "order: 1",
                                      "order: 1\npdf: !!python/object/new:str x"),
         "papers/absher/paper.yaml", "pdf", "plain text"),
    Case("missing abstracts", _missing_abstracts, "papers/safeer/abstract.ar.md", "", "Arabic",
         line=False),
    Case("oversized abstract", _oversized, "papers/absher/abstract.en.md", "", "Shorten",
         line=False),
    Case("abstract not UTF-8", _not_utf8, "papers/safeer/abstract.en.md", "", "UTF-8"),
    Case("Hijri date that disagrees", lambda p: edit(
        p / "papers/conference.yaml", 'start: "2015-11-17"', 'start: "2015-11-18"'),
         "papers/conference.yaml", "dates.hijri_start", "same day"),
    Case("bad Gregorian date", lambda p: edit(
        p / "papers/sessions.yaml", 'day: "2015-11-17"', 'day: "2015-11-31"'),
         "papers/sessions.yaml", "keynote.day", "YYYY-MM-DD"),
    Case("two items in one slot", lambda p: edit(p / "papers/safeer/paper.yaml", "order: 2",
                                                 "order: 1"),
         "papers/safeer/paper.yaml", "order", "its own order"),
    Case("invalid ORCID", lambda p: edit(p / "papers/people.yaml", "  latin:",
                                         '  orcid: "0000-0002-1825-0098"\n  latin:'),
         "papers/people.yaml", "orcid", "16-character"),
    Case("week date instead of a calendar date", lambda p: edit(
        p / "papers/sessions.yaml", 'day: "2015-11-17"', 'day: "2015-W47-2"'),
         "papers/sessions.yaml", "keynote.day", "YYYY-MM-DD"),
    Case("yes/no word as a date", lambda p: edit(p / "papers/sessions.yaml",
                                                 'day: "2015-11-17"', "day: no"),
         "papers/sessions.yaml", "keynote.day", "YYYY-MM-DD"),
]


@pytest.fixture(scope="module")
def good_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("bad") / "pristine")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_problem_names_file_field_and_fix(case: Case, good_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(good_project, project)
    case.breaks(project)
    result = validate(project)
    assert not result.ok
    matching = [p for p in result.problems
                if p.is_error and p.file == case.file and p.field.endswith(case.field)]
    assert matching, "\n".join(p.format() for p in result.problems)
    problem = matching[0]
    assert case.fix in problem.fix or case.fix in problem.message, problem.format()
    assert problem.message and problem.fix
    if case.line:
        assert problem.line, problem.format()


def tree_digest(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_cli_reports_without_traceback_and_keeps_the_last_good_site(
        good_project: Path, tmp_path: Path) -> None:
    """Every case through the real command: exit 1, file and field printed, site/ unchanged."""
    project = tmp_path / "p"
    shutil.copytree(good_project, project)
    assert run_waqai(project, "build").code == 0
    before = tree_digest(project / "site")
    assert before
    pristine = {path: path.read_bytes() for path in (project / "papers").rglob("*")
                if path.is_file()}
    for case in CASES:
        case.breaks(project)
        for command in ("check", "build"):
            result = run_waqai(project, command)
            assert result.code == 1, (case.name, command, result.output)
            assert "Traceback" not in result.output, (case.name, result.output)
            assert case.file in result.output, (case.name, result.output)
        assert tree_digest(project / "site") == before, case.name
        # Put the data back as it was for the next case.
        shutil.rmtree(project / "papers")
        for path, data in pristine.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def test_four_problems_at_once_are_all_reported(project: Path) -> None:
    """The walking-skeleton acceptance: unknown session, missing English title, duplicate id
    and invalid YAML in one copy; `check` prints all four with file and field."""
    edit(project / "papers/absher/paper.yaml", "session: s3-local-experiences",
         "session: no-such-session")
    edit(project / "papers/safeer/paper.yaml", "\n  en: ", "\n  english: ")
    shutil.copytree(project / "papers/labour-services", project / "papers/labour-copy")
    edit(project / "papers/amer-contact-centre/paper.yaml", "order: 5", "order: [5")
    result = run_waqai(project, "check", "--gaps")  # the English title is a gap
    assert result.code == 1
    assert "Traceback" not in result.output
    text = result.output
    assert "papers/absher/paper.yaml" in text and "session:" in text and "no-such-session" in text
    assert "papers/safeer/paper.yaml" in text and "title.en:" in text
    assert "papers/labour-copy/paper.yaml" in text and "already used" in text
    assert "papers/amer-contact-centre/paper.yaml" in text and "not valid YAML" in text


def test_github_annotations(project: Path) -> None:
    edit(project / "papers/absher/paper.yaml", "kind: talk", "kind: lecture")
    result = run_waqai(project, "check", env={"GITHUB_ACTIONS": "true"})
    assert result.code == 1
    assert "::error file=papers/absher/paper.yaml,line=" in result.out
