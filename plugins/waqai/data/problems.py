"""Problems found in the editors' files, and how they are printed.

A problem always says where (file, field path, line when known), what is wrong
and what to write instead. Problems are collected, never raised one by one, so
one run of `check` shows every problem at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


TRANSLATION_NEEDED = "translation needed"  # every translation gap's message starts with it


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the project root, with forward slashes
    field: str  # dotted path inside the file, e.g. "title.en"; "" for the whole file
    message: str  # what is wrong
    fix: str  # what to write instead
    line: int | None = None
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_gap(self) -> bool:
        """A translation gap under `translations: welcome`: counted, listed on demand."""
        return not self.is_error and self.message.startswith(TRANSLATION_NEEDED)

    def format(self) -> str:
        """Two lines for a terminal. Every part is shown with its invisible characters
        spelt out (`shown`): a file name or a quoted value holding a line break must not
        start a line of its own, which GitHub Actions would obey as a workflow command."""
        file, field, message, fix = (shown(part) for part in (self.file, self.field,
                                                              self.message, self.fix))
        where = f"{file}:{self.line}" if self.line else file
        field = f" {field}:" if field else ""
        return f"{where}: {self.severity.value}:{field} {message}\n    fix: {fix}"

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the pull request:
        every property escaped as a property, the message as data (the Actions syntax)."""
        props = f"file={_escape_property(shown(self.file))}"
        if self.line:
            props += f",line={self.line}"
        if self.field:
            props += f",title={_escape_property(shown(self.field))}"
        body = _escape_data(shown(f"{self.message} Fix: {self.fix}"))
        return f"::{self.severity.value} {props}::{body}"


# Control characters (C0, DEL, C1), bidi controls and line or paragraph separators.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def shown(text: str) -> str:
    """`text` with each invisible character written as its code point, e.g. «<U+000A>»."""
    return _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.field, p.message))


def gaps_apart(problems: list[Problem]) -> tuple[list[Problem], int]:
    """The problems but the translation gaps, and how many gaps there are."""
    rest = [problem for problem in problems if not problem.is_gap]
    return rest, len(problems) - len(rest)


def summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return f"{errors} error(s), {warnings} warning(s)"


class DataError(Exception):
    """Raised by the plugin when the data has errors; carries every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(summary(problems))
