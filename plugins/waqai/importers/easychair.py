"""EasyChair's export: `submission.csv` and `author.csv` (CSV or .xlsx), given as files
in any order or as the folder holding them.

Only the accepted submissions that are not deleted are read. Their authors come from
author.csv, in its order, each with EasyChair's `person #` as `Author.key`; without
author.csv, from the `authors` cell of submission.csv (“A, B and C”), by name only.
"""

from __future__ import annotations

from pathlib import Path

from waqai.data.problems import Problem, Severity
from waqai.importers.names import split_name
from waqai.importers.records import Author, Export, Submission
from waqai.importers.tables import (
    Layout,
    Row,
    Table,
    accepted,
    gather,
    numbered,
    require,
    row_problem,
    split_names,
    unique,
    yes_no,
)

FORMAT = "easychair"

# Canonical field -> the header names accepted for it (compared case-insensitively,
# trimmed); the first is EasyChair's own. Fields the reader does not use are listed
# so that their columns are known (and not warned about).
SUBMISSION_COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("#", "submission #", "submission", "submission number", "submission id"),
    "track_number": ("track #",),  # unused
    "track": ("track name", "track"),  # unused
    "title": ("title",),
    "authors": ("authors",),
    "submitted": ("submitted",),  # unused
    "updated": ("last updated",),  # unused
    "form_fields": ("form fields",),  # unused
    "keywords": ("keywords",),  # one per line in the cell
    "decision": ("decision",),
    "notified": ("notified",),  # unused
    "reviews_sent": ("reviews sent",),  # unused
    "abstract": ("abstract",),
    "deleted": ("deleted?", "deleted"),
}
AUTHOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "submission": ("submission #", "submission", "#", "submission number", "submission id"),
    "given": ("first name", "given name", "first"),
    "family": ("last name", "family name", "surname", "last"),
    "email": ("email", "e-mail", "email address"),
    "country": ("country",),
    "affiliation": ("affiliation", "organization", "organisation"),
    "web_page": ("Web page", "webpage", "web site", "website"),  # unused
    "person": ("person #", "person", "person number", "person id"),
    "corresponding": ("corresponding?", "corresponding"),  # unused
}
SUBMISSIONS = Layout("EasyChair's submission.csv", ("submission", "submissions"),
                     SUBMISSION_COLUMNS, ("number", "title", "decision"))
AUTHORS = Layout("EasyChair's author.csv", ("author", "authors"), AUTHOR_COLUMNS,
                 ("submission", "given", "family"))

# A submission's authors, by its number; None when one of them could not be read.
Authors = dict[str, tuple[Author, ...] | None]


def read(paths: list[Path]) -> Export:
    """The accepted submissions of an EasyChair export, in submission.csv's order."""
    export = Export()
    problems = export.problems
    found = gather(paths, {"submission": SUBMISSIONS, "author": AUTHORS}, problems)
    table = require(found, "submission", SUBMISSIONS, paths, problems)
    if table is None or ("author" in found and found["author"] is None):
        return export
    rows = numbered(table, "number", problems)
    chosen = [(number, row) for number, row in rows if _chosen(row, problems)]
    author_table = found.get("author")
    if author_table is None:
        authors = _authors_from_cells(table, chosen, problems)
    else:
        authors = _authors_from_file(author_table, chosen, {n for n, _ in rows}, problems)
    for number, row in chosen:
        submission = _submission(number, row, authors.get(number), problems)
        if submission is not None:
            export.submissions.append(submission)
    return export


def _chosen(row: Row, problems: list[Problem]) -> bool:
    """Accepted and not deleted (a refused decision or deleted? cell: not imported)."""
    return accepted(row, "decision", problems) and yes_no(row, "deleted", problems) is False


def _submission(number: str, row: Row, authors: tuple[Author, ...] | None,
                problems: list[Problem]) -> Submission | None:
    title = row.text("title", problems)
    abstract = row.text("abstract", problems, multiline=True)
    keywords = row.items("keywords", problems)
    if title is None or abstract is None or keywords is None or authors is None:
        return None
    if not title:
        problems.append(row_problem(row, "title", "the submission has no title.",
                                    "Give it its title in EasyChair and export again."))
        return None
    return Submission(f"{FORMAT}:{number}", title, row.where(), abstract, unique(keywords),
                      authors)


def _authors_from_file(table: Table, chosen: list[tuple[str, Row]], known: set[str],
                       problems: list[Problem]) -> Authors:
    """The authors of the chosen submissions, from author.csv in its order."""
    wanted = {number for number, _ in chosen}
    authors: dict[str, list[Author]] = {number: [] for number in wanted}
    refused: set[str] = set()
    strangers: list[str] = []
    for row in table.rows:
        number = row.text("submission", problems)
        if number is None or number not in wanted:
            if number and number not in known:
                strangers.append(number)
            continue
        author = _author(row, problems)
        if author is None:
            refused.add(number)
        else:
            authors[number].append(author)
    if strangers:
        problems.append(_strangers(table.file, strangers))
    for number, row in chosen:
        if not authors[number] and number not in refused:
            refused.add(number)
            problems.append(row_problem(row, "", f"submission {number} has no author in "
                                        f"{table.file}.", "Download submission.csv and "
                                        "author.csv from the same EasyChair export."))
    return {number: None if number in refused else tuple(found)
            for number, found in authors.items()}


def _author(row: Row, problems: list[Problem]) -> Author | None:
    values = row.texts(("given", "family", "email", "country", "affiliation", "person"),
                       problems)
    if values is None:
        return None
    if not values["given"] and not values["family"]:
        problems.append(row_problem(row, "", "the author has no name.",
                                    "Give the author's name in EasyChair and export again."))
        return None
    person = values["person"]
    return Author(values["given"], values["family"], row.where(), email=values["email"],
                  affiliation=values["affiliation"], country=values["country"],
                  key=f"easychair-person:{person}" if person else "")


def _strangers(file: str, numbers: list[str]) -> Problem:
    shown = ", ".join(unique(numbers)[:10])
    return Problem(file, "", f"lists authors of submissions that submission.csv does not "
                   f"have ({shown}); they are ignored.",
                   "Download submission.csv and author.csv from the same EasyChair export.",
                   None, Severity.WARNING)


def _authors_from_cells(table: Table, chosen: list[tuple[str, Row]],
                        problems: list[Problem]) -> Authors:
    """The authors named in submission.csv's authors cells, by name only."""
    if chosen:
        problems.append(Problem(table.file, "", "author.csv was not given: the authors are "
                                "read from the authors column, without their affiliations, "
                                "countries or e-mails.",
                                "Give author.csv from the same EasyChair export too, so that "
                                "the authors are matched by e-mail and have affiliations.",
                                None, Severity.WARNING))
    return {number: _named_authors(number, row, problems) for number, row in chosen}


def _named_authors(number: str, row: Row, problems: list[Problem]) -> tuple[Author, ...] | None:
    cell = row.text("authors", problems)
    if cell is None:
        return None
    names = split_names(cell)
    if not names:
        problems.append(row_problem(row, "authors", f"submission {number} has no author.",
                                    "Give author.csv from the same EasyChair export too."))
        return None
    return tuple(Author(*split_name(name), where=row.where("authors")) for name in names)
