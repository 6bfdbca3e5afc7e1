"""Issue 34: a person written twice in one list is one error, at the list's line.

Before, `people: [karim-said, layla-alnajjar, karim-said]` passed `check` and reached the
BibTeX as `author = {Said, Karim and Al-Najjar, Layla and Said, Karim}`; the same for a
session's `chairs:`.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_waqai

PERSON = "abdulrahman-aljulaifi"  # the example's author of papers/absher


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


def test_an_author_listed_twice_is_one_error_at_its_line(project: Path) -> None:
    paper = project / "papers/absher/paper.yaml"
    text = paper.read_text(encoding="utf-8")
    listed = f"people: [{PERSON}]"
    assert listed in text
    paper.write_text(text.replace(listed, f"people: [{PERSON}, {PERSON}, {PERSON}]"),
                     encoding="utf-8")
    result = run_waqai(project, "check")
    assert result.code == 1
    (error,) = errors(result.output)
    assert error.startswith(f"papers/absher/paper.yaml:{line_of(paper, 'people:')}: error: ")
    assert f"people: lists “{PERSON}” more than once." in error
    assert "Traceback" not in result.output


def test_a_chair_listed_twice_is_an_error_and_nothing_is_built(project: Path) -> None:
    sessions = project / "papers/sessions.yaml"
    text = sessions.read_text(encoding="utf-8")
    anchor = "  order: 1\n"  # the keynote's, the first session
    assert text.count(anchor) == 1
    sessions.write_text(text.replace(anchor, f"{anchor}  chairs: [{PERSON}, {PERSON}]\n"),
                        encoding="utf-8")
    result = run_waqai(project, "build")
    assert result.code == 1
    (error,) = errors(result.output)
    assert error.startswith(f"papers/sessions.yaml:{line_of(sessions, 'chairs:')}: error: ")
    assert f"keynote.chairs: lists “{PERSON}” more than once." in error
    assert not (project / "site").exists()


def test_two_lists_may_name_the_same_person(project: Path) -> None:
    sessions = project / "papers/sessions.yaml"
    text = sessions.read_text(encoding="utf-8")
    sessions.write_text(text.replace("  order: 1\n", f"  order: 1\n  chairs: [{PERSON}]\n"),
                        encoding="utf-8")
    result = run_waqai(project, "check")
    assert result.code == 0, result.output
