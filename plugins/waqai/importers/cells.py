"""Untrusted text from an export, checked as editors' files are (`data/yamlread.py`).

A submission system holds whatever authors typed. A value with a bidi control is
refused (it can disguise text); other control characters are refused too; an
oversized value is refused; HTML tags in a one-line field are removed and said so
(abstracts are Markdown, rendered with raw HTML off and sanitised). A value that
starts with `=`, `+`, `-` or `@` is kept as the text it is: nothing here evaluates
a formula.
"""

from __future__ import annotations

import re

from waqai.data.problems import Problem, Severity
from waqai.data.yamlread import BIDI_CONTROLS, OTHER_CONTROLS
from waqai.importers.records import Where

# The longest value accepted, by kind: a title or a name is a line, an abstract a page.
MAX_LINE = 1_000
MAX_ABSTRACT = 20_000
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
SPACES = re.compile(r"\s+")


def problem(where: Where, message: str, fix: str,
            severity: Severity = Severity.ERROR) -> Problem:
    """A problem at `where`: its file, its column as the field, its line when it has one,
    and the row and column said in the message."""
    place = where.describe()
    return Problem(where.file, where.column, f"{place}: {message}" if place else message,
                   fix, where.line, severity)


def errors_since(problems: list[Problem], start: int) -> bool:
    """Whether a problem from the `start`-th on is an error (a value was refused)."""
    return any(p.is_error for p in problems[start:])


def _refuse(where: Where, message: str, fix: str, problems: list[Problem]) -> None:
    problems.append(problem(where, message, fix))


def clean(value: object, where: Where, problems: list[Problem], *,
          multiline: bool = False) -> str | None:
    """`value` as text fit for the editors' files, or None with its problem.

    One-line values (titles, names, affiliations) have their runs of white space made
    one space; `multiline` values (abstracts) keep their lines."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if BIDI_CONTROLS.search(text):
        _refuse(where, "contains an invisible Unicode bidi control character "
                "(U+202A–U+202E or U+2066–U+2069), which can disguise text.",
                "Delete it in the submission system (or in the export) and export again.",
                problems)
        return None
    if OTHER_CONTROLS.search(text.replace("\t", " ")):
        _refuse(where, "contains an invisible control character.",
                "Retype the text in the submission system and export again.", problems)
        return None
    limit = MAX_ABSTRACT if multiline else MAX_LINE
    if len(text) > limit:
        _refuse(where, f"is {len(text):,} characters long; at most {limit:,} are accepted.",
                "Shorten it in the submission system and export again.", problems)
        return None
    if multiline:
        return text.strip()
    if TAG.search(text):
        problems.append(problem(where, f"HTML tags were removed from “{text.strip()[:80]}”.",
                                "Check the text in papers/ reads as it should.",
                                Severity.WARNING))
        text = TAG.sub("", text)
    return SPACES.sub(" ", text).strip()
