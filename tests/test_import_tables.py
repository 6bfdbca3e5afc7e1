"""The EasyChair and CMT readers (`importers/easychair.py`, `cmt.py`, `tables.py`): the
synthetic submissions of import_data.py, written as each system lays out its export
(import_tables_exports.py), read back into records; and the broken exports an editor
may be given, each a problem naming the file, row and column, never a traceback."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import openpyxl
import pytest

from import_data import AHMED, SUBMISSIONS, Submission, accepted
from import_tables_exports import write_cmt, write_easychair
from waqai.data.problems import Problem, Severity
from waqai.importers import cmt, easychair, tables
from waqai.importers.records import Export, Where

FORMATS = ("easychair", "cmt-xlsx", "cmt-csv")
TITLE_COLUMN = {"easychair": "title", "cmt-xlsx": "Paper Title", "cmt-csv": "Paper Title"}
FORMULA = '=HYPERLINK("x")'


def write(form: str, dest: Path, submissions: tuple[Submission, ...] = SUBMISSIONS
          ) -> list[Path]:
    if form == "easychair":
        return write_easychair(dest, submissions)
    return write_cmt(dest, submissions, xlsx=form == "cmt-xlsx")


def read(form: str, paths: list[Path]) -> Export:
    return (easychair if form == "easychair" else cmt).read(paths)


def errors(export: Export) -> list[Problem]:
    return [p for p in export.problems if p.is_error]


def with_title(number: int, title: str) -> tuple[Submission, ...]:
    return tuple(dataclasses.replace(s, title=title) if s.number == number else s
                 for s in SUBMISSIONS)


def rewrite_csv(path: Path, change, *, encoding: str = "utf-8", delimiter: str = ",") -> None:
    """Rewrite a CSV through `change(rows) -> rows`."""
    with path.open(newline="", encoding="utf-8-sig") as stream:
        rows = list(csv.reader(stream))
    with path.open("w", newline="", encoding=encoding) as stream:
        csv.writer(stream, delimiter=delimiter).writerows(change(rows))


def without_column(name: str):
    def change(rows: list[list[str]]) -> list[list[str]]:
        index = rows[0].index(name)
        return [row[:index] + row[index + 1:] for row in rows]
    return change


def unplaced(export: Export) -> list:
    """The records without their file names, to compare two files' records."""
    def bare(where: Where) -> Where:
        return Where("", where.row, where.column)
    return [dataclasses.replace(s, where=bare(s.where), authors=tuple(
        dataclasses.replace(a, where=bare(a.where)) for a in s.authors))
        for s in export.submissions]


# --- What comes through ---------------------------------------------------------------


@pytest.mark.parametrize("form", FORMATS)
def test_only_accepted_submissions_that_are_not_deleted_are_read(tmp_path: Path,
                                                                 form: str) -> None:
    export = read(form, write(form, tmp_path, SUBMISSIONS))
    system = form.split("-")[0]
    assert export.problems == []
    assert [s.source for s in export.submissions] == [f"{system}:{s.number}"
                                                      for s in accepted()]


@pytest.mark.parametrize("form", FORMATS)
def test_arabic_and_english_rows_read_back_exactly(tmp_path: Path, form: str) -> None:
    export = read(form, write(form, tmp_path))
    for got, sent in zip(export.submissions, accepted(), strict=True):
        assert (got.title, got.abstract, got.keywords) == (sent.title, sent.abstract,
                                                           sent.keywords)
        assert [(a.given, a.family, a.email, a.affiliation) for a in got.authors] == [
            (a.given, a.family, a.email, a.affiliation) for a in sent.authors]
        if form == "easychair":  # CMT's export has neither countries nor people's ids
            assert [(a.country, a.key) for a in got.authors] == [
                (a.country, f"easychair-person:{a.number}") for a in sent.authors]


def test_easychair_records_say_their_file_and_row(tmp_path: Path) -> None:
    paths = write_easychair(tmp_path)
    export = easychair.read(paths)
    first, second = export.submissions[:2]
    assert first.where == Where(paths[0].as_posix(), 2)
    assert second.where == Where(paths[0].as_posix(), 3)
    # author.csv: the header, then submission 1's two authors, then submission 2's.
    assert [a.where for a in second.authors] == [Where(paths[1].as_posix(), 4),
                                                 Where(paths[1].as_posix(), 5)]


@pytest.mark.parametrize("form", FORMATS)
def test_an_author_of_two_papers_is_the_same_person_on_both(tmp_path: Path,
                                                            form: str) -> None:
    export = read(form, write(form, tmp_path))
    found = [(s.source, a) for s in export.submissions for a in s.authors
             if a.email == AHMED.email]
    assert [source.split(":")[1] for source, _ in found] == ["1", "2"]
    assert len({(a.given, a.family, a.email, a.key) for _, a in found}) == 1
    if form == "easychair":
        assert found[0][1].key == f"easychair-person:{AHMED.number}"


def test_cmt_xlsx_and_csv_give_the_same_records(tmp_path: Path) -> None:
    from_xlsx = cmt.read(write_cmt(tmp_path / "xlsx", xlsx=True))
    from_csv = cmt.read(write_cmt(tmp_path / "csv", xlsx=False))
    assert from_xlsx.problems == from_csv.problems == []
    assert unplaced(from_xlsx) == unplaced(from_csv)
    assert len(from_xlsx.submissions) == len(accepted())


def test_easychair_files_in_any_order_or_as_their_folder(tmp_path: Path) -> None:
    paths = write_easychair(tmp_path / "export")
    as_given = easychair.read(paths)
    assert unplaced(easychair.read(paths[::-1])) == unplaced(as_given)
    assert unplaced(easychair.read([tmp_path / "export"])) == unplaced(as_given)


def test_easychair_files_are_recognised_by_their_header_too(tmp_path: Path) -> None:
    submissions, authors = write_easychair(tmp_path)
    renamed = [submissions.rename(tmp_path / "a.csv"), authors.rename(tmp_path / "b.csv")]
    export = easychair.read(renamed[::-1])
    assert export.problems == []
    assert [a.key for a in export.submissions[0].authors] == ["easychair-person:1",
                                                              "easychair-person:2"]


def test_without_author_csv_the_authors_cell_is_split_and_a_warning_says_so(
        tmp_path: Path) -> None:
    three = dataclasses.replace(SUBMISSIONS[1], authors=(*SUBMISSIONS[1].authors, AHMED))
    submissions, _ = write_easychair(tmp_path, (SUBMISSIONS[0], three))
    export = easychair.read([submissions])
    assert [p.severity for p in export.problems] == [Severity.WARNING]
    assert "author.csv" in export.problems[0].message
    assert "affiliations" in export.problems[0].message
    assert [[(a.given, a.family, a.email, a.affiliation) for a in s.authors]
            for s in export.submissions] == [
        [("أحمد", "العتيبي", "", ""), ("سارة", "العتيبي", "", "")],
        [("Nour", "Haddad", "", ""), ("أحمد", "العتيبي", "", ""), ("أحمد", "العتيبي", "", "")]]


@pytest.mark.parametrize("decision, taken", [
    ("accept", True), ("ACCEPT (oral)", True), ("accept as poster", True),
    ("Accepted", True), ("reject", False), ("REJECT", False), ("not accepted", False),
    ("", False), ("probably accept", False), ("desk reject", False)])
def test_which_decisions_accept(decision: str, taken: bool) -> None:
    assert tables.is_accepted(decision) is taken


def test_a_tentative_decision_is_not_imported_and_a_warning_says_so(tmp_path: Path) -> None:
    tentative = tuple(dataclasses.replace(s, decision="probably accept") if s.number == 4
                      else s for s in SUBMISSIONS)
    export = easychair.read(write_easychair(tmp_path, tentative))
    assert [s.source for s in export.submissions] == ["easychair:1", "easychair:2",
                                                      "easychair:3"]
    (warning,) = export.problems
    assert (warning.severity, warning.line, warning.field) == (Severity.WARNING, 5, "decision")


@pytest.mark.parametrize("form", FORMATS)
def test_a_formula_arrives_as_its_own_text(tmp_path: Path, form: str) -> None:
    paths = write(form, tmp_path, with_title(2, FORMULA))
    if form == "cmt-xlsx":  # a real formula cell, as Excel would hold it
        cell = openpyxl.load_workbook(paths[0]).active["E3"]
        assert (cell.data_type, cell.value) == ("f", FORMULA)
    export = read(form, paths)
    assert export.problems == []
    assert export.submissions[1].title == FORMULA


def test_cells_become_the_text_a_spreadsheet_shows() -> None:
    import datetime as dt
    assert [tables.cell_text(v) for v in (None, 17, 17.0, 1.5, True,
                                          dt.datetime(2025, 3, 1), dt.datetime(2025, 3, 1, 9, 5),
                                          dt.date(2025, 3, 1), "=A1")] == [
        "", "17", "17", "1.5", "TRUE", "2025-03-01", "2025-03-01 09:05", "2025-03-01", "=A1"]


def test_cmt_affiliations_keep_their_brackets_and_the_contact_star_is_dropped(
        tmp_path: Path) -> None:
    branch = dataclasses.replace(AHMED, affiliation="جامعة اصطناعية (فرع الرياض)")
    paper = dataclasses.replace(SUBMISSIONS[1], authors=(SUBMISSIONS[1].authors[0], branch))
    export = cmt.read(write_cmt(tmp_path, (paper,), xlsx=False))
    assert export.problems == []
    assert [(a.given, a.family, a.affiliation) for a in export.submissions[0].authors] == [
        ("Nour", "Haddad", "Synthetic University"),
        ("أحمد", "العتيبي", "جامعة اصطناعية (فرع الرياض)")]


def test_cmt_custom_questions_are_warned_about_once_each(tmp_path: Path) -> None:
    asked = tuple(dataclasses.replace(s, extra={"Q1 (Conflicts)": "No", "Q2 (Poster?)": "Yes"})
                  for s in SUBMISSIONS)
    export = cmt.read(write_cmt(tmp_path, asked))
    assert [(p.severity, p.field, p.line) for p in export.problems] == [
        (Severity.WARNING, "Q1 (Conflicts)", 1), (Severity.WARNING, "Q2 (Poster?)", 1)]
    assert len(export.submissions) == len(accepted())


def test_a_semicolon_separated_csv_with_a_bom_reads_the_same(tmp_path: Path) -> None:
    paths = write_easychair(tmp_path)
    before = unplaced(easychair.read(paths))
    for path in paths:
        rewrite_csv(path, lambda rows: rows, encoding="utf-8-sig", delimiter=";")
    export = easychair.read(paths)
    assert export.problems == []
    assert unplaced(export) == before


def test_an_authors_cell_is_split_into_names() -> None:
    assert tables.split_names("Nour Haddad, أحمد العتيبي and Lina Saber") == [
        "Nour Haddad", "أحمد العتيبي", "Lina Saber"]
    assert tables.split_names("A B, C D, and E F") == ["A B", "C D", "E F"]
    assert tables.split_names("A B and C D and E F") == ["A B", "C D", "E F"]
    assert tables.split_names("Haddad") == ["Haddad"]


# --- What is refused, and how it is said ---------------------------------------------


@pytest.mark.parametrize("form", ["easychair", "cmt-csv"])
def test_a_missing_title_column_is_one_problem_on_line_1(tmp_path: Path, form: str) -> None:
    paths = write(form, tmp_path)
    column = TITLE_COLUMN[form]
    rewrite_csv(paths[0], without_column(column))
    export = read(form, paths)
    (problem,) = export.problems
    assert (problem.file, problem.line, problem.field) == (paths[0].as_posix(), 1, column)
    assert f"the column “{column}” is missing" in problem.message
    assert column in problem.fix
    assert export.submissions == []


@pytest.mark.parametrize("form", FORMATS)
def test_a_bidi_override_in_a_title_is_refused_at_its_row(tmp_path: Path, form: str) -> None:
    paths = write(form, tmp_path, with_title(2, "[synthetic] Queue \u202edesign"))
    export = read(form, paths)
    (problem,) = export.problems
    assert (problem.file, problem.line, problem.field) == (paths[0].as_posix(), 3,
                                                           TITLE_COLUMN[form])
    assert problem.is_error and "bidi" in problem.message
    assert [s.source.split(":")[1] for s in export.submissions] == ["1", "3", "4"]


def test_a_rejected_submission_is_not_checked(tmp_path: Path) -> None:
    export = easychair.read(write_easychair(tmp_path, with_title(5, "bad \u202e title")))
    assert export.problems == []


def test_a_csv_that_is_not_utf8_is_a_problem(tmp_path: Path) -> None:
    paths = write_easychair(tmp_path)
    rewrite_csv(paths[0], lambda rows: rows, encoding="cp1256")
    export = easychair.read(paths)
    (problem,) = export.problems
    assert (problem.file, problem.line) == (paths[0].as_posix(), 2)
    assert "not UTF-8" in problem.message and "UTF-8" in problem.fix


@pytest.mark.parametrize("name, content, said", [
    ("Papers.csv", b"", "is empty"),
    ("Papers.csv", b"\n\n", "is empty"),
    ("Papers.xlsx", b"Paper ID,Paper Title\n1,x\n", "is not an .xlsx workbook"),
    ("Papers.xlsx", b"PK\x03\x04 not a zip archive", "is not a real .xlsx workbook"),
    ("Papers.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "older .xls format")])
def test_an_unreadable_file_is_a_problem(tmp_path: Path, name: str, content: bytes,
                                         said: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    export = cmt.read([path])
    (problem,) = export.problems
    assert problem.file == path.as_posix() and said in problem.message


def test_a_zip_that_is_not_a_workbook_is_a_problem(tmp_path: Path) -> None:
    import zipfile
    path = tmp_path / "Papers.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    (problem,) = cmt.read([path]).problems
    assert "cannot be read as an .xlsx workbook" in problem.message


def test_a_missing_file_or_an_unknown_one_is_a_problem(tmp_path: Path) -> None:
    (missing,) = easychair.read([tmp_path / "nowhere.csv"]).problems
    assert missing.file.endswith("nowhere.csv") and "not found" in missing.message
    other = tmp_path / "other.csv"
    other.write_text("name,colour\nx,y\n", encoding="utf-8")
    (unknown,) = easychair.read([other]).problems
    assert unknown.file == other.as_posix()
    assert "is not EasyChair's submission.csv or EasyChair's author.csv" in unknown.message
    (absent,) = easychair.read([write_easychair(tmp_path / "export")[1]]).problems
    assert "submission.csv is not among the files given" in absent.message


def test_too_many_rows_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "MAX_ROWS", 3)
    paths = write_easychair(tmp_path)
    problems = easychair.read(paths).problems
    assert [(p.file, "more than 3 rows" in p.message) for p in problems] == [
        (paths[0].as_posix(), True), (paths[1].as_posix(), True)]


def test_a_refused_author_keeps_their_submission_out(tmp_path: Path) -> None:
    bad = dataclasses.replace(AHMED, affiliation="جامعة\u202eاصطناعية")
    paper = dataclasses.replace(SUBMISSIONS[0], authors=(bad,))
    paths = write_easychair(tmp_path, (paper, SUBMISSIONS[3]))
    export = easychair.read(paths)
    (problem,) = export.problems
    assert (problem.file, problem.line, problem.field) == (paths[1].as_posix(), 2,
                                                           "affiliation")
    assert [s.source for s in export.submissions] == ["easychair:4"]
