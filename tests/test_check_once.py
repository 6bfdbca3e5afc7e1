"""`check` reports every problem in one run, and each one once.

An entry with a mistake of its own (a session's malformed day, a person's
missing name) does not load, but its id is still declared: the items that refer
to it must not get a second, misleading "not a known … id".
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_waqai
from test_bad_inputs import edit
from waqai.data.checks import validate
from waqai.data.load import Reads
from waqai.data.problems import Problem

MISSPELT_PERSON = ("people: [abdulrahman-aljulaifi]", "people: [abdulrahman-aljulayfi]")
SAFEER_TITLE_EN = ('  en: "The Ministry of Education\'s experience with the portal for scholarship '
                   'students abroad: Safeer"')
EMPTY_TITLE_EN = '  en: ""'
SESSION_DAY = '  day: "2015-11-17"\n  order: 5\n'
MALFORMED_DAY = '  day: "16/10/2024"\n  order: 5\n'


def line_with(path: Path, text: str) -> int:
    """The number of the first line of `path` that starts with `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(text))


def errors(output: str) -> list[tuple[str, int, str]]:
    """(file, line, field) of each error `check` printed."""
    found = re.findall(r"^(\S+?):(\d+): error: (\S+?):", output, re.MULTILINE)
    return sorted((file, int(line), field) for file, line, field in found)


def error_problems(project: Path, reads: Reads | None = None) -> list[Problem]:
    return [p for p in validate(project, reads=reads).problems if p.is_error]


def test_three_mistakes_give_exactly_three_errors(project: Path) -> None:
    papers = project / "papers"
    edit(papers / "absher/paper.yaml", *MISSPELT_PERSON)
    edit(papers / "safeer/paper.yaml", "order: 2", "order: second")
    edit(papers / "sessions.yaml", SESSION_DAY, MALFORMED_DAY)
    # A translation gap besides: a warning, not a fourth error (listed with --gaps).
    edit(papers / "safeer/paper.yaml", SAFEER_TITLE_EN, EMPTY_TITLE_EN)
    result = run_waqai(project, "check", "--gaps")
    assert result.code == 1
    assert errors(result.output) == [
        ("papers/absher/paper.yaml", line_with(papers / "absher/paper.yaml", "people:"),
         "people"),
        ("papers/safeer/paper.yaml", line_with(papers / "safeer/paper.yaml", "order:"),
         "order"),
        ("papers/sessions.yaml", line_with(papers / "sessions.yaml", '  day: "16/10/2024"'),
         "s3-local-experiences.day"),
    ]
    assert "3 error(s), 1 warning(s)" in result.output
    assert "warning: title.en: translation needed" in result.output
    assert "not a known session id" not in result.output


def test_an_incomplete_item_still_has_its_references_checked(project: Path) -> None:
    edit(project / "papers/absher/paper.yaml", *MISSPELT_PERSON)
    edit(project / "papers/absher/paper.yaml", '  en: "The Ministry', '  english: "The Ministry')
    fields = sorted(p.field for p in error_problems(project))
    assert fields == ["people", "title.english"]  # title.en alone is a translation gap


def test_a_broken_person_is_reported_once(project: Path) -> None:
    people = project / "papers/people.yaml"
    edit(people, 'given: "عبدالرحمن", ', "")  # the entry cited by absher loses its given name
    [problem] = error_problems(project)
    assert (problem.file, problem.field) == ("papers/people.yaml",
                                             "abdulrahman-aljulaifi.name.given")


def test_a_broken_session_still_has_its_chairs_checked(project: Path) -> None:
    edit(project / "papers/sessions.yaml", SESSION_DAY,
         MALFORMED_DAY + "  chairs: [nayef-alomarri]\n")
    problems = error_problems(project)
    assert sorted((p.field, p.message) for p in problems) == [
        ("s3-local-experiences.chairs", "“nayef-alomarri” is not a known person id."),
        ("s3-local-experiences.day", "“16/10/2024” is not a date."),
    ]
    chairs = next(p for p in problems if p.field.endswith("chairs"))
    assert "Did you mean `nayef-alomari`?" in chairs.fix
    assert chairs.line == line_with(project / "papers/sessions.yaml", "  chairs:")


def test_ids_declared_by_files_read_before_are_still_known(project: Path) -> None:
    """Under `serve`, people.yaml read cleanly is not parsed again: its ids stay declared."""
    reads = Reads()
    edit(project / "papers/absher/paper.yaml", *MISSPELT_PERSON)
    for _ in range(2):
        [problem] = error_problems(project, reads)
        assert (problem.file, problem.field) == ("papers/absher/paper.yaml", "people")


def test_statement_and_distinct_from_references_name_their_line(project: Path) -> None:
    edit(project / "papers/conference.yaml", "  - person: mushabab-alqahtani",
         "  - person: mushabab-alqahtany")
    edit(project / "papers/people.yaml", "distinct_from: [badr-alomari]",
         "distinct_from: [badr-alomary]")
    problems = sorted(error_problems(project), key=lambda p: p.file)
    assert [(p.file, p.field, p.line) for p in problems] == [
        ("papers/conference.yaml", "statements[0].person",
         line_with(project / "papers/conference.yaml", "  - person:")),
        ("papers/people.yaml", "nayef-alomari.distinct_from",
         line_with(project / "papers/people.yaml", "  distinct_from: [badr-alomary]")),
    ]


def test_a_statement_keeps_its_own_index_after_an_item_that_is_no_mapping(
        project: Path) -> None:
    edit(project / "papers/conference.yaml", "statements:\n  - person: mushabab-alqahtani",
         "statements:\n  - just a line\n  - person: mushabab-alqahtany")
    problems = sorted(error_problems(project), key=lambda p: p.field)
    assert [(p.field, p.line) for p in problems] == [
        ("statements[0]", line_with(project / "papers/conference.yaml", "  - just a line")),
        ("statements[1].person",
         line_with(project / "papers/conference.yaml", "  - person: mushabab-alqahtany")),
    ]
