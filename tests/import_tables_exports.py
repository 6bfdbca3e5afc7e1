"""The synthetic submissions of import_data.py written as EasyChair's and CMT's exports,
laid out as those systems write them (every column, the unused ones too).

EasyChair: `submission.csv` and `author.csv` (UTF-8, comma-separated); the keywords one
per line in their cell; every submission, rejected and deleted ones included.
CMT: the Papers export, `Papers.xlsx` (written with openpyxl, so a title starting with
`=` is a real formula cell) or `Papers.csv` (UTF-8 with a BOM); `Status` is Accept,
Reject or Withdrawn (a deleted submission); the keywords are the subject areas; any
`extra` of a submission is a custom question's column.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from import_data import SUBMISSIONS, Author, Submission

EASYCHAIR_SUBMISSION = ("#", "title", "authors", "submitted", "last updated", "form fields",
                        "keywords", "decision", "notified", "reviews sent", "abstract",
                        "deleted?")
EASYCHAIR_AUTHOR = ("submission #", "first name", "last name", "email", "country",
                    "affiliation", "Web page", "person #", "corresponding?")
CMT_PAPERS = ("Paper ID", "Original Paper ID", "Created", "Last Modified", "Paper Title",
              "Abstract", "Primary Contact Author Name", "Primary Contact Author Email",
              "Authors", "Author Names", "Author Emails", "Track Name",
              "Primary Subject Area", "Secondary Subject Areas", "Status")
CREATED = dt.datetime(2025, 3, 1, 10, 0)
MODIFIED = dt.datetime(2025, 3, 8, 16, 30)


def _name(author: Author) -> str:
    return f"{author.given} {author.family}"


def _write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as stream:
        csv.writer(stream).writerows(rows)
    return path


def easychair_authors_cell(authors: Sequence[Author]) -> str:
    """“A, B and C”, as EasyChair writes a submission's authors."""
    names = [_name(a) for a in authors]
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def write_easychair(dest: Path, submissions: Sequence[Submission] = SUBMISSIONS) -> list[Path]:
    """`dest`/submission.csv and `dest`/author.csv (dest is created); their paths."""
    dest.mkdir(parents=True, exist_ok=True)
    stamp = CREATED.strftime("%Y-%m-%d %H:%M")
    papers = [EASYCHAIR_SUBMISSION] + [
        (s.number, s.title, easychair_authors_cell(s.authors), stamp, stamp,
         "".join(f"({k}) {v}\n" for k, v in s.extra.items()), "\n".join(s.keywords),
         s.decision, "yes", "no", s.abstract, "yes" if s.deleted else "no")
        for s in submissions]
    people = [EASYCHAIR_AUTHOR] + [
        (s.number, a.given, a.family, a.email, a.country, a.affiliation, "", a.number,
         "yes" if i == 0 else "no")
        for s in submissions for i, a in enumerate(s.authors)]
    return [_write_csv(dest / "submission.csv", papers), _write_csv(dest / "author.csv", people)]


def _cmt_status(submission: Submission) -> str:
    if submission.deleted:
        return "Withdrawn"
    return "Accept" if submission.decision == "accept" else submission.decision.capitalize()


def _cmt_row(s: Submission, extra: Sequence[str], dates: bool) -> list[object]:
    first = s.authors[0] if s.authors else Author("", "", "", "", "", 0)
    authors = "; ".join(f"{_name(a)} ({a.affiliation})" + ("*" if a is first else "")
                        for a in s.authors)
    created, modified = (CREATED, MODIFIED) if dates else (
        CREATED.strftime("%m/%d/%Y %I:%M:%S %p"), MODIFIED.strftime("%m/%d/%Y %I:%M:%S %p"))
    return [s.number if dates else str(s.number), "", created, modified, s.title, s.abstract,
            _name(first).strip(), first.email, authors, "; ".join(_name(a) for a in s.authors),
            "; ".join(a.email for a in s.authors), "Main Track",
            s.keywords[0] if s.keywords else "", "; ".join(s.keywords[1:]), _cmt_status(s),
            *(s.extra.get(column, "") for column in extra)]


def write_cmt(dest: Path, submissions: Sequence[Submission] = SUBMISSIONS,
              xlsx: bool = True) -> list[Path]:
    """`dest`/Papers.xlsx (numbers and dates as such) or `dest`/Papers.csv (all text,
    UTF-8 with a BOM); dest is created. A one-item list of its path."""
    dest.mkdir(parents=True, exist_ok=True)
    extra = list(dict.fromkeys(k for s in submissions for k in s.extra))
    header = [*CMT_PAPERS, *extra]
    rows = [_cmt_row(s, extra, dates=xlsx) for s in submissions]
    if not xlsx:
        return [_write_csv(dest / "Papers.csv", [header, *rows], "utf-8-sig")]
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Papers"
    for row in [header, *rows]:
        sheet.append(row)  # a text starting with "=" becomes a formula cell, as in Excel
    path = dest / "Papers.xlsx"
    book.save(path)
    return [path]
