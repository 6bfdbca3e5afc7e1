"""A spreadsheet-like export (CSV or .xlsx) read into rows of text, by named column.

Each format documents its columns in a `Layout`: canonical field -> the header names it
is known by, compared case-insensitively after trimming. A missing required column is
one problem (naming it and the accepted names); a column the layout does not know is a
warning, and is ignored; a known column the reader does not use is silent.

Nothing in a cell is evaluated: an .xlsx is opened with `data_only=False`, so a formula
arrives as its own text (`=HYPERLINK("x")`), and numbers and dates become text. Rows are
numbered as a spreadsheet numbers them (the header is row 1). A file that cannot be read
(not UTF-8, not a real .xlsx, empty, too large) is a Problem, never a traceback.

The parts the readers share live here too: recognising which file is which, the
accepted-decision test, and splitting lists of names (each name is split into given and
family by `names.split_name`, shared with the programme readers).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from waqai.data.problems import Problem, Severity
from waqai.importers.cells import clean
from waqai.importers.records import Where

MAX_BYTES = 50 * 1024 * 1024  # a larger export is refused unread
MAX_UNPACKED = 400 * 1024 * 1024  # an .xlsx's parts once unzipped (a "zip bomb" is refused)
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
DELIMITERS = (",", ";", "\t")  # the first one wins a tie
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})
SUFFIXES = XLSX_SUFFIXES | {".csv", ".tsv", ".txt"}
ZIP_MAGIC = b"PK\x03\x04"
SHOWN_HEADERS = 15  # how many of a header's names a "missing column" message lists

SAVE_AS = ("Export it again from the submission system, or open it in a spreadsheet "
           "program and save it as .xlsx or as “CSV UTF-8”, then import that file.")
UTF8_FIX = ("Export it again as UTF-8: in Excel, Save As “CSV UTF-8 (Comma delimited)”; "
            "in LibreOffice, Save As “Text CSV” with the character set “Unicode (UTF-8)”.")


@dataclass(frozen=True)
class Layout:
    """One table of an export: what editors call it, the file names (without suffix)
    it usually has, its columns (canonical field -> accepted header names, the first
    being the system's own), and the fields without which it cannot be read."""

    name: str
    files: tuple[str, ...]
    columns: Mapping[str, tuple[str, ...]]
    required: tuple[str, ...]

    def header_of(self, field: str) -> str:
        return self.columns[field][0]


@dataclass(frozen=True)
class Grid:
    """A file's cells as text: its header (the first row that is not blank) and the
    non-blank rows below it, each with its spreadsheet number."""

    file: str
    header_row: int
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Row:
    """One row, its cells by canonical field (raw text: read them through `text`)."""

    file: str
    number: int
    cells: Mapping[str, str]
    headers: Mapping[str, str]  # canonical field -> its header as the file writes it

    def where(self, field: str = "") -> Where:
        return Where(self.file, self.number, self.headers.get(field, field))

    def text(self, field: str, problems: list[Problem], *,
             multiline: bool = False) -> str | None:
        """The cell checked by `cells.clean` ("" when the column is absent)."""
        return clean(self.cells.get(field, ""), self.where(field), problems,
                     multiline=multiline)

    def texts(self, fields: Iterable[str], problems: list[Problem]) -> dict[str, str] | None:
        """Several cells at once; None when any of them is refused (all are checked)."""
        values = {field: self.text(field, problems) for field in fields}
        checked = {field: value for field, value in values.items() if value is not None}
        return checked if len(checked) == len(values) else None

    def items(self, field: str, problems: list[Problem],
              separator: str = "\n") -> tuple[str, ...] | None:
        """A cell holding a list (one per line, or `separator`-separated), each item
        checked as a one-line value; empty items are dropped."""
        whole = self.text(field, problems, multiline=True)
        if whole is None:
            return None
        items = [clean(part, self.where(field), problems) for part in whole.split(separator)]
        if any(item is None for item in items):
            return None
        return tuple(item for item in items if item)


@dataclass(frozen=True)
class Table:
    """A file read by its layout."""

    file: str
    layout: Layout
    rows: tuple[Row, ...]


# --- Reading a file -----------------------------------------------------------------


def _problem(file: str, message: str, fix: str, line: int | None = None, field: str = "",
             severity: Severity = Severity.ERROR) -> Problem:
    return Problem(file, field, message, fix, line, severity)


def load(path: Path, problems: list[Problem]) -> Grid | None:
    """The file's cells (CSV, or the first sheet of an .xlsx), or None with its problem."""
    file = path.as_posix()
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            start = stream.read(len(ZIP_MAGIC))
    except OSError as error:
        problems.append(_problem(file, f"cannot be read ({error.strerror or error}).",
                                 "Check the path, and that the file can be opened."))
        return None
    if size > MAX_BYTES:
        problems.append(_problem(file, f"is {size / 2**20:,.0f} MB; at most "
                                 f"{MAX_BYTES // 2**20} MB are read.",
                                 "Export only the submissions to publish, or split the file."))
        return None
    if start.startswith(ZIP_MAGIC):
        cells = _xlsx_cells(path, file, problems)
    elif path.suffix.lower() in XLSX_SUFFIXES:
        problems.append(_problem(file, "is not an .xlsx workbook (it may be the older .xls "
                                 "format, or a web page saved under a spreadsheet's name).",
                                 SAVE_AS))
        return None
    else:
        cells = _csv_cells(path.read_bytes(), file, problems)
    return None if cells is None else _grid(file, cells, problems)


def _grid(file: str, cells: list[tuple[str, ...]], problems: list[Problem]) -> Grid | None:
    rows = [(number, row) for number, row in enumerate(cells, 1)
            if any(cell.strip() for cell in row)]
    if not rows:
        problems.append(_problem(file, "is empty: it has no header and no rows.",
                                 "Export it again from the submission system."))
        return None
    (header_row, header), body = rows[0], rows[1:]
    while header and not header[-1].strip():
        header = header[:-1]
    return Grid(file, header_row, header, tuple(body))


def _collect(rows: Iterable[Sequence[object]], file: str,
             problems: list[Problem]) -> list[tuple[str, ...]] | None:
    """The rows as text, at most MAX_ROWS of them (and MAX_COLUMNS cells each)."""
    out: list[tuple[str, ...]] = []
    try:
        for row in rows:
            if len(out) == MAX_ROWS:
                problems.append(_problem(file, f"has more than {MAX_ROWS:,} rows.",
                                         "Export only the submissions to publish, or split "
                                         "the file."))
                return None
            out.append(tuple(cell_text(cell) for cell in row[:MAX_COLUMNS]))
    except csv.Error as error:
        row_number = len(out) + 1
        problems.append(_problem(file, f"row {row_number}: is not well-formed CSV ({error}).",
                                 SAVE_AS, row_number))
        return None
    return out


def cell_text(value: object) -> str:
    """A cell's value as the text a spreadsheet shows (a formula as its own text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _csv_cells(data: bytes, file: str, problems: list[Problem]) -> list[tuple[str, ...]] | None:
    text = _decode(data, file, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(_problem(file, "is empty: it has no header and no rows.",
                                 "Export it again from the submission system."))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    return _collect(reader, file, problems)


def _decode(data: bytes, file: str, problems: list[Problem]) -> str | None:
    """UTF-8 (with or without its BOM), or UTF-16 when the file starts with its BOM
    (Excel's “Unicode text”)."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        what = ("is not well-formed UTF-16 text" if utf16 else
                f"is not UTF-8 text: the byte 0x{data[error.start]:02X} on line {line} is "
                "not UTF-8 (the file may be in a Windows code page such as Windows-1256)")
        problems.append(_problem(file, f"{what}.", UTF8_FIX, line))
        return None


def _delimiter(text: str) -> str:
    """`,`, `;` or tab: the one that makes the most columns of the header line."""
    first = text.split("\n", 1)[0]

    def columns(delimiter: str) -> int:
        try:
            return len(next(csv.reader([first], delimiter=delimiter), []))
        except csv.Error:
            return 0

    return max(DELIMITERS, key=columns)


def _xlsx_cells(path: Path, file: str,
                problems: list[Problem]) -> list[tuple[str, ...]] | None:
    """The first sheet's values, formulas as their text; nothing is evaluated."""
    if not _unpacked_size_fits(path, file, problems):
        return None
    try:
        import openpyxl

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            book = openpyxl.load_workbook(path, read_only=True, data_only=False,
                                          keep_links=False)
            try:
                if not book.worksheets:
                    problems.append(_problem(file, "has no worksheet.", SAVE_AS))
                    return None
                sheet = book.worksheets[0]
                sheet.reset_dimensions()  # a writer's stated size may be wrong: read all rows
                rows: Iterable[Sequence[object]] = sheet.iter_rows(values_only=True)
                return _collect(rows, file, problems)
            finally:
                book.close()
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        reason = f"{type(error).__name__}: {error}"[:200]
        problems.append(_problem(file, f"cannot be read as an .xlsx workbook ({reason}).",
                                 SAVE_AS))
        return None


def _unpacked_size_fits(path: Path, file: str, problems: list[Problem]) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        problems.append(_problem(file, "is not a real .xlsx workbook (its zip archive is "
                                 "damaged).", SAVE_AS))
        return False
    if unpacked > MAX_UNPACKED:
        problems.append(_problem(file, f"unpacks to {unpacked / 2**20:,.0f} MB; at most "
                                 f"{MAX_UNPACKED // 2**20} MB are read.", SAVE_AS))
        return False
    return True


# --- Columns ------------------------------------------------------------------------


def _key(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).casefold()


def _letter(index: int) -> str:
    """The spreadsheet's name of column `index` (from 0): A, B, …, Z, AA, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _aliases(layout: Layout) -> dict[str, str]:
    return {_key(name): field for field, names in layout.columns.items() for name in names}


def fit(grid: Grid, layout: Layout, problems: list[Problem]) -> Table | None:
    """The grid's rows by the layout's fields, or None when a required column is missing
    (one problem per missing column)."""
    aliases = _aliases(layout)
    index: dict[str, int] = {}
    headers: dict[str, str] = {}
    names: list[str] = []
    for i, raw in enumerate(grid.header):
        name = clean(raw, Where(grid.file, grid.header_row, _letter(i)), problems)
        if not name:
            continue
        names.append(name)
        field = aliases.get(_key(name))
        if field is None:
            problems.append(_unknown_column(grid, layout, name))
        elif field in index:
            problems.append(_problem(
                grid.file, f"the columns “{headers[field]}” and “{name}” both hold "
                f"{layout.header_of(field)}; only the first is read.",
                "Delete or rename the other column.", grid.header_row, name, Severity.WARNING))
        else:
            index[field], headers[field] = i, name
    missing = [field for field in layout.required if field not in index]
    for field in missing:
        problems.append(_missing_column(grid, layout, field, names))
    if missing:
        return None
    rows = tuple(Row(grid.file, number,
                     {field: cells[i] if i < len(cells) else "" for field, i in index.items()},
                     headers)
                 for number, cells in grid.rows)
    return Table(grid.file, layout, rows)


def _unknown_column(grid: Grid, layout: Layout, name: str) -> Problem:
    return _problem(grid.file, f"the column “{name}” is not one Waqai reads in {layout.name}; "
                    "it is ignored.",
                    "Nothing to do if it holds nothing to publish. If it is one of "
                    f"{layout.name}'s own columns under another name, rename it to that "
                    "column's usual name.", grid.header_row, name, Severity.WARNING)


def _missing_column(grid: Grid, layout: Layout, field: str, names: list[str]) -> Problem:
    column = layout.header_of(field)
    shown = ", ".join(names[:SHOWN_HEADERS]) + (", …" if len(names) > SHOWN_HEADERS else "")
    accepted = ", ".join(layout.columns[field])
    return _problem(grid.file, f"the column “{column}” is missing (the header has: "
                    f"{shown or 'nothing'}).",
                    f"Export again with the {column} column, or rename the column to one "
                    f"of: {accepted}.", grid.header_row, column)


# --- Which file is which ------------------------------------------------------------


def gather(paths: list[Path], layouts: Mapping[str, Layout],
           problems: list[Problem]) -> dict[str, Table | None]:
    """The tables among `paths` (files, or folders holding them) by kind, each file
    recognised by its name, else by its header. A kind maps to None when its file was
    recognised but could not be read (its problem is said)."""
    found: dict[str, Table | None] = {}
    files: dict[str, str] = {}
    for path, given in _candidates(paths, layouts, problems):
        kind, grid = _recognise(path, given, layouts, problems)
        if kind is None:
            continue
        if kind in found:
            problems.append(_problem(path.as_posix(), f"is a second {layouts[kind].name} "
                                     f"(the first is {files[kind]}).",
                                     "Give only one of them: the newer export."))
            continue
        files[kind] = path.as_posix()
        found[kind] = None if grid is None else fit(grid, layouts[kind], problems)
    return found


def require(found: Mapping[str, Table | None], kind: str, layout: Layout,
            paths: list[Path], problems: list[Problem]) -> Table | None:
    """The table of `kind`, or None; says it is missing unless a file already failed
    (which may well be it)."""
    if kind not in found and not any(p.is_error for p in problems):
        given = ", ".join(p.as_posix() for p in paths) or "nothing"
        problems.append(_problem(paths[0].as_posix() if paths else "",
                                 f"{layout.name} is not among the files given ({given}).",
                                 f"Give {layout.name} (a file or the folder holding it)."))
    return found.get(kind)


def _by_name(path: Path, layouts: Mapping[str, Layout]) -> str | None:
    stem = path.stem.casefold()
    return next((kind for kind, layout in layouts.items() if stem in layout.files), None)


def _by_header(grid: Grid, layouts: Mapping[str, Layout]) -> str | None:
    """The layout most of the header's names belong to (at least two of them)."""
    keys = {_key(name) for name in grid.header}
    scores = sorted(((len(keys & _aliases(layout).keys()), kind)
                     for kind, layout in layouts.items()), reverse=True)
    best, kind = scores[0]
    tied = len(scores) > 1 and scores[1][0] == best
    return kind if best >= 2 and not tied else None


def _candidates(paths: list[Path], layouts: Mapping[str, Layout],
                problems: list[Problem]) -> list[tuple[Path, bool]]:
    """The files to look at, each with whether it was named (rather than found in a
    folder). In a folder, the files named as a layout's are taken, else every table."""
    if not paths:
        problems.append(_problem("", "no export file was given.",
                                 "Name the export's files, or the folder holding them."))
    out: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir():
            tables = sorted(p for p in path.iterdir()
                            if p.is_file() and p.suffix.lower() in SUFFIXES)
            named = [p for p in tables if _by_name(p, layouts)]
            out += [(p, False) for p in named or tables]
            if not tables:
                problems.append(_problem(path.as_posix(), "holds no .csv or .xlsx file.",
                                         "Give the folder the export was saved in."))
        elif path.is_file():
            out.append((path, True))
        else:
            problems.append(_problem(path.as_posix(), "was not found.",
                                     "Check the path (it is read from the current folder)."))
    return out


def _recognise(path: Path, given: bool, layouts: Mapping[str, Layout],
               problems: list[Problem]) -> tuple[str | None, Grid | None]:
    kind = _by_name(path, layouts)
    grid = load(path, problems)
    if kind is not None or grid is None:
        return kind, grid
    kind = _by_header(grid, layouts)
    if kind is None and given:
        names = " or ".join(layout.name for layout in layouts.values())
        problems.append(_problem(path.as_posix(), f"is not {names}: its header has "
                                 f"{', '.join(grid.header[:SHOWN_HEADERS])}.",
                                 "Give the export's own files, as the system wrote them."))
    return kind, grid


# --- Values the readers share -------------------------------------------------------

ACCEPT = re.compile(r"\baccept", re.IGNORECASE)
NOT_ACCEPTED = re.compile(r"reject|\b(?:not|non|un)[\s-]*accept", re.IGNORECASE)
TENTATIVE = re.compile(r"\b(?:probabl[ey]|tentative(?:ly)?|pending)\b", re.IGNORECASE)
YES = frozenset({"yes", "y", "true", "1", "x"})
NO = frozenset({"", "no", "n", "false", "0"})


def is_accepted(decision: str) -> bool:
    """“accept”, “ACCEPT (oral)”, “accept as poster”; not “reject”, not “not accepted”,
    not a tentative “probably accept”."""
    return bool(ACCEPT.search(decision)) and not NOT_ACCEPTED.search(decision) \
        and not TENTATIVE.search(decision)


def row_problem(row: Row, field: str, message: str, fix: str,
                severity: Severity = Severity.ERROR) -> Problem:
    """A problem with one cell (or, with `field` "", one row)."""
    where = row.where(field)
    return _problem(row.file, f"{where.describe()}: {message}", fix, row.number, where.column,
                    severity)


def accepted(row: Row, field: str, problems: list[Problem]) -> bool:
    """Whether the row's decision accepts it; a tentative acceptance is a warning."""
    decision = row.text(field, problems)
    if decision is None:
        return False
    if ACCEPT.search(decision) and TENTATIVE.search(decision) \
            and not NOT_ACCEPTED.search(decision):
        problems.append(row_problem(row, field, f"the decision “{decision}” is not final; "
                                    "the submission is not imported.",
                                    "Record the final decision in the submission system and "
                                    "export again.", Severity.WARNING))
    return is_accepted(decision)


def yes_no(row: Row, field: str, problems: list[Problem]) -> bool | None:
    """A yes/no cell (an absent column is no), or None with its problem."""
    value = row.text(field, problems)
    if value is None:
        return None
    if value.casefold() in YES | NO:
        return value.casefold() in YES
    problems.append(row_problem(row, field, f"“{value}” is neither yes nor no.",
                                "Export again without editing this column."))
    return None


def numbered(table: Table, field: str, problems: list[Problem]) -> list[tuple[str, Row]]:
    """The rows with their submission number, said when empty or repeated."""
    out: list[tuple[str, Row]] = []
    seen: dict[str, int] = {}
    fix = "Export again without editing this column."
    for row in table.rows:
        number = row.text(field, problems)
        if number == "":
            problems.append(row_problem(row, field, "the row has no submission number.", fix))
        elif number is not None and number in seen:
            problems.append(row_problem(row, field, f"the submission number {number} is also "
                                        f"on row {seen[number]}.", fix))
        elif number is not None:
            seen[number] = row.number
            out.append((number, row))
    return out


NAME_LIST = re.compile(r"\s*[,،]\s*(?:and\s+)?|\s+and\s+")


def split_names(cell: str) -> list[str]:
    """The names of “A, B and C” (EasyChair's authors cell)."""
    return [name for name in NAME_LIST.split(cell) if name.strip()]


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """The items without repeats, in their order."""
    return tuple(dict.fromkeys(item for item in items if item))
