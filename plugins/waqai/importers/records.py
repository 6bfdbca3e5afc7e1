"""What an importer reads from a submission system's export, before it becomes files.

Every value is already checked as untrusted text (`cells.py`) and keeps where it came
from (`Where`), so that each later problem names the file, row and column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from waqai.data.problems import Problem


@dataclass(frozen=True)
class Where:
    """A place in an export: its file (as shown to the editor), the row or record (from
    1), the column or key. `unit` names what `row` counts: a spreadsheet's "row" (its
    header is row 1), a YAML file's "line", a schedule's "talk"."""

    file: str
    row: int | None = None
    column: str = ""
    unit: str = "row"

    def at(self, column: str) -> Where:
        return Where(self.file, self.row, column, self.unit)

    @property
    def line(self) -> int | None:
        """The line of the file, where `row` is one (not a schedule's talk number)."""
        return self.row if self.unit in ("row", "line") else None

    def describe(self) -> str:
        """“row 3, column “title”” as messages write it."""
        parts = [f"{self.unit} {self.row}"] if self.row is not None else []
        if self.column:
            parts.append(f"column “{self.column}”" if self.unit == "row"
                         else f"“{self.column}”")
        return ", ".join(parts)


@dataclass(frozen=True)
class Author:
    """One author of one submission, as the export has them (one language per field)."""

    given: str
    family: str
    where: Where
    middle: str = ""
    email: str = ""  # for matching only: never written into the published data
    orcid: str = ""  # 0000-0002-1825-0097 form, without the https://orcid.org/
    affiliation: str = ""
    country: str = ""
    key: str = ""  # the system's own id of the person, e.g. easychair-person:3 or pretalx:ABCD


@dataclass(frozen=True)
class Slot:
    """Where and when a talk is given, from an export that has a programme (pretalx):
    the session it falls in is made from the day, the room and the track."""

    day: dt.date
    start: dt.time
    end: dt.time
    room: str
    track: str = ""


@dataclass(frozen=True)
class Submission:
    """One accepted paper or talk."""

    source: str  # the system and its id for the submission, e.g. "easychair:17"
    title: str
    where: Where
    abstract: str = ""  # Markdown as the system gives it (untrusted, sanitised on render)
    keywords: tuple[str, ...] = ()
    authors: tuple[Author, ...] = ()
    pdf: Path | None = None  # a file inside the export's folder, checked by the reader
    kind: str = "paper"  # an ItemKind value: paper, talk, keynote, panel, workshop
    slot: Slot | None = None
    # The language the system says the submission is in, as it says it: a code already
    # checked by `language.source_code` (pretalx's talk `language`: "en", "de", "pt-br");
    # "" when the export does not say (EasyChair, CMT, aclpub2 name no language), and
    # the planner takes the title's script's.
    language: str = ""


@dataclass
class Export:
    """What one reader made of its files: the accepted submissions in the export's
    order, and every problem met (each with file, row and column)."""

    submissions: list[Submission] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    timezone: str = ""  # an IANA name, when the export gives one (pretalx)
