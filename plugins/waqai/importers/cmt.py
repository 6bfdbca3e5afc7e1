"""Microsoft CMT's Papers export, as .xlsx or .csv (one file, or the folder holding it).

Only the accepted papers are read (`Status` says “accept”). `Author Names` and `Author
Emails` are `;`-separated and parallel; `Authors` (“Name (Affiliation)*; Name2
(Affiliation2)”, the `*` marking the contact author) gives the affiliations, taken for
the authors whose names agree. The subject areas become keywords. The track is not kept.
"""

from __future__ import annotations

from pathlib import Path

from waqai.data.problems import Problem, Severity
from waqai.importers.names import split_name
from waqai.importers.records import Author, Export, Submission
from waqai.importers.tables import (
    Layout,
    Row,
    accepted,
    gather,
    numbered,
    require,
    row_problem,
    unique,
)

FORMAT = "cmt"

# Canonical field -> the header names accepted for it (compared case-insensitively,
# trimmed); the first is CMT's own. Fields the reader does not use are listed so that
# their columns are known; any other column (a custom question) is warned about once.
PAPER_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("Paper ID", "PaperID"),
    "original_id": ("Original Paper ID", "OriginalPaperID"),  # unused
    "created": ("Created",),  # unused
    "modified": ("Last Modified", "LastModified"),  # unused
    "title": ("Paper Title", "PaperTitle", "Title"),
    "abstract": ("Abstract",),
    "contact_name": ("Primary Contact Author Name",),  # unused: the first of Authors' *
    "contact_email": ("Primary Contact Author Email",),  # unused
    "authors": ("Authors",),
    "names": ("Author Names", "AuthorNames"),
    "emails": ("Author Emails", "AuthorEmails"),
    "track": ("Track Name", "Track"),  # unused: not kept for now
    "primary_area": ("Primary Subject Area",),
    "secondary_areas": ("Secondary Subject Areas",),
    "status": ("Status",),
    "files": ("Files",),  # unused
    "file_count": ("Number of Files",),  # unused
    "supplementary": ("Supplementary Files",),  # unused
    "supplementary_count": ("Number of Supplementary Files",),  # unused
}
PAPERS = Layout("CMT's Papers export", ("papers", "paper"), PAPER_COLUMNS,
                ("id", "title", "status", "names"))


def read(paths: list[Path]) -> Export:
    """The accepted papers of a CMT Papers export, in its order."""
    export = Export()
    problems = export.problems
    table = require(gather(paths, {"papers": PAPERS}, problems), "papers", PAPERS, paths,
                    problems)
    if table is None:
        return export
    for number, row in numbered(table, "id", problems):
        if accepted(row, "status", problems):
            submission = _submission(number, row, problems)
            if submission is not None:
                export.submissions.append(submission)
    return export


def _submission(number: str, row: Row, problems: list[Problem]) -> Submission | None:
    title = row.text("title", problems)
    abstract = row.text("abstract", problems, multiline=True)
    primary = row.text("primary_area", problems)
    secondary = row.items("secondary_areas", problems, ";")
    authors = _authors(row, problems)
    if title is None or abstract is None or primary is None or secondary is None \
            or authors is None:
        return None
    if not title:
        problems.append(row_problem(row, "title", "the paper has no title.",
                                    "Give it its title in CMT and export again."))
        return None
    return Submission(f"{FORMAT}:{number}", title, row.where(), abstract,
                      unique((primary, *secondary)), authors)


def _authors(row: Row, problems: list[Problem]) -> tuple[Author, ...] | None:
    names = row.items("names", problems, ";")
    emails = row.items("emails", problems, ";")
    listed = row.text("authors", problems)
    if names is None or emails is None or listed is None:
        return None
    names = tuple(name.rstrip("*").strip() for name in names)
    emails = tuple(email.rstrip("*").strip() for email in emails)
    if not names:
        problems.append(row_problem(row, "names", "the paper has no author.",
                                    "Give its authors in CMT and export again."))
        return None
    if emails and len(emails) != len(names):
        problems.append(row_problem(row, "emails", f"{len(emails)} e-mails for {len(names)} "
                                    "authors: the e-mails are not used.",
                                    "Check the authors in CMT and export again (the authors "
                                    "are matched by name meanwhile).", Severity.WARNING))
        emails = ()
    affiliations = _affiliations(names, _listed(listed))
    for name, affiliation in zip(names, affiliations):
        if affiliation is None and listed:
            problems.append(row_problem(row, "authors", f"“{name}” is not in this column, so "
                                        "their affiliation is left empty.",
                                        "Check the author's name in CMT and export again, or "
                                        "add the affiliation in papers/ after the import.",
                                        Severity.WARNING))
    return tuple(Author(*split_name(name), where=row.where("names"),
                        email=emails[i] if emails else "", affiliation=affiliations[i] or "")
                 for i, name in enumerate(names))


def _affiliations(names: tuple[str, ...],
                  listed: list[tuple[str, str]]) -> list[str | None]:
    """Each name's affiliation from the Authors column: the first entry of the same
    name not yet taken (None when there is none)."""
    free = [(_name_key(name), affiliation) for name, affiliation in listed]
    out: list[str | None] = []
    for name in names:
        key = _name_key(name)
        index = next((i for i, (other, _) in enumerate(free) if other == key), None)
        out.append(None if index is None else free.pop(index)[1])
    return out


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _listed(cell: str) -> list[tuple[str, str]]:
    """(name, affiliation) of each entry of “Name (Affiliation)*; Name2 (Affiliation2)”;
    brackets inside an affiliation (“University (KAUST)”) are kept."""
    return [_name_and_bracket(entry.strip().rstrip("*").strip())
            for entry in _split_outside_brackets(cell, ";") if entry.strip()]


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == separator and depth <= 0:
            parts.append(text[start:i])
            start, depth = i + 1, 0
    return [*parts, text[start:]]


def _name_and_bracket(entry: str) -> tuple[str, str]:
    """“Name (Affiliation)” -> (Name, Affiliation); the bracket is the last balanced one."""
    if not entry.endswith(")"):
        return entry, ""
    depth = 0
    for i in range(len(entry) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(entry[i], 0)
        if depth == 0:
            return entry[:i].strip(), entry[i + 1:-1].strip()
    return entry, ""
