"""Typed, line-aware reading of the editors' YAML.

Files are parsed with PyYAML's *safe* loader, but only as far as the node
tree (`yaml.compose`): no Python object is ever constructed from a tag, and
every value keeps the line it came from. Values are then read as the schema
says, which defuses YAML 1.1's silent typing: an unquoted `no` stays the text
"no" in a text field and is refused in a yes/no field; `010` is refused as a
number (YAML 1.1 would read 8); a date is accepted quoted or not.

What a file may cost is bounded before the node tree is built: its size (the
limits below), how deep its lists and mappings nest (`MAX_DEPTH`: libyaml's composer
recurses in C, so a list nested 100,000 deep ends the process, and the pure-Python
one raises RecursionError at about 300), and how much text its aliases repeat (an
alias `*name` stands for the whole value anchored `&name`, so 200 aliases of one long
value, or aliases of aliases, make a file of a few kilobytes read as gigabytes): the
text a file stands for, aliases expanded, may be no longer than the file's own size
limit. The number of nodes is bounded by the size: each takes at least a character.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from waqai.data.links import FileTooLarge, read_bytes
from waqai.data.problems import Problem

MAX_FILE_BYTES = 256 * 1024
# people.yaml and sessions.yaml list a whole volume: an archive of 10,000 papers
# has a people.yaml of about 3 MB, so they get a larger limit.
MAX_LIST_FILE_BYTES = 64 * 1024 * 1024
# Real files nest five deep (a paper's attachments' labels); the pure-Python parser
# the error messages come from recurses about four frames a level.
MAX_DEPTH = 64
# Characters that can open a level: a flow collection, a block sequence's entry, a
# mapping's key; a file with fewer of them than MAX_DEPTH cannot nest that deep.
_OPENERS = "[{-:?"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 64
# Unicode bidi embedding/override/isolate controls (CVE-2021-42574, "Trojan Source").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# C0/C1 control characters other than tab and newline.
OTHER_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
INT_TEXT = re.compile(r"^(0|[1-9][0-9]*)$")
DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_TEXT = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")

STR_TAG = "tag:yaml.org,2002:str"
FAST_LOADER = getattr(yaml, "CSafeLoader", None)
T = TypeVar("T")


def read_text_file(path: Path, shown: str, problems: list[Problem],
                   limit: int = MAX_FILE_BYTES) -> str | None:
    """The file's text, or None with a problem when it is too big or not UTF-8.

    A link is not followed (see `links.py`): the caller has reported it already."""
    try:
        raw = read_bytes(path, limit)
    except FileTooLarge as err:
        problems.append(Problem(
            shown, "", f"is {err.size:,} bytes; the limit is {limit:,}.",
            "Shorten it; an abstract or data file this large is almost certainly a mistake."))
        return None
    except OSError as err:
        problems.append(Problem(shown, "", f"cannot be read ({err.strerror}).",
                                "Check that the file exists and is readable."))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(Problem(shown, "", "is not valid UTF-8.",
                                "Save the file as UTF-8 (without a byte-order mark).", line))
        return None
    return text.removeprefix("\ufeff")


def compose(text: str, shown: str, problems: list[Problem],
            limit: int = MAX_FILE_BYTES) -> yaml.Node | None:
    """Parse YAML into a node tree, or None with a problem naming the line.

    `limit` is the file's size limit, which also bounds its text with aliases expanded."""
    too_costly = _cost_problem(text, shown, limit)
    if too_costly is not None:
        problems.append(too_costly)
        return None
    if FAST_LOADER is not None:
        # libyaml is about ten times faster (the whole load of 1,000 papers is
        # mostly YAML parsing); on any error the pure-Python parser below runs
        # again, so editors see the same messages with or without libyaml.
        try:
            return yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError:
            pass
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        what = (err.problem or "invalid YAML").strip()
        problems.append(Problem(shown, "", f"is not valid YAML: {what}.",
                                "Fix the syntax at this line: check the indentation, and quote "
                                "text that contains ':' or starts with a special character.", line))
    except yaml.YAMLError as err:
        problems.append(Problem(shown, "", f"is not valid YAML: {err}.", "Fix the YAML syntax."))
    return None


def load(text: str, shown: str, problems: list[Problem],
         limit: int = MAX_FILE_BYTES) -> object:
    """The YAML document in `text` as plain Python values (mappings, lists, text, numbers,
    dates), within `compose`'s bounds; None with a problem when it is too costly or
    invalid. For readers that want the values, not the lines (the importers)."""
    node = compose(text, shown, problems, limit)
    if node is None:
        return None
    try:
        return yaml.SafeLoader("").construct_document(node)
    except yaml.YAMLError as err:  # a tag the safe loader does not know (`!x`, `!!python/…`)
        problems.append(Problem(shown, "", f"cannot be read: {err}.",
                                "Write plain values: text, numbers, lists and mappings.",
                                line_of(node)))
        return None


def _cost_problem(text: str, shown: str, limit: int) -> Problem | None:
    """Whether `text` nests deeper than MAX_DEPTH or its aliases expand beyond `limit`
    characters, found from the parser's events (libyaml's parser keeps its own stack,
    so it does not recurse); None if neither, or if the YAML is invalid (the composer
    then reports where)."""
    if "*" not in text and sum(map(text.count, _OPENERS)) < MAX_DEPTH:
        return None  # most files: no alias, and too few levels to be deep
    depth, expanded = 0, 0
    anchored: dict[str, int] = {}  # anchor → the characters its value stands for
    opened: list[tuple[str | None, int]] = []  # per open level: its anchor, `expanded` then
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER or yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem(
                        shown, "", f"nests lists and mappings more than {MAX_DEPTH} deep, "
                        "the limit for one file.", "Write the values at fewer levels; a "
                        "Waqai file needs five at most.", _line(event))
                opened.append((event.anchor, expanded))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                anchor, start = opened.pop()
                if anchor is not None:
                    anchored[anchor] = expanded - start
            elif isinstance(event, yaml.ScalarEvent):
                expanded += len(event.value)
                if event.anchor is not None:
                    anchored[event.anchor] = len(event.value)
            elif isinstance(event, yaml.AliasEvent):
                expanded += anchored.get(event.anchor or "", 0)
                if expanded > limit:
                    return Problem(
                        shown, "", f"stands for more than {limit:,} characters once its "
                        f"aliases (*{event.anchor}) are expanded, the limit for this file.",
                        f"Write the value once instead of repeating *{event.anchor}, or "
                        "shorten it.", _line(event))
    except yaml.YAMLError:
        return None
    return None


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark else None


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def describe_node(node: yaml.Node) -> str:
    """A node as a message names what was found where something else belongs."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"“{node.value}”"


class Fields:
    """The fields of one YAML mapping, read by name and type.

    Each reader returns the value or None; problems are recorded, never raised.
    Call `finish()` when done to report fields nobody asked for.
    """

    def __init__(self, node: yaml.Node, file: str, path: str, problems: list[Problem]) -> None:
        self.file, self.path, self.problems = file, path, problems
        self.node = node
        self.entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        self.used: set[str] = set()
        self.refused: set[str] = set()  # keys reported by `refuse`, not by `finish`
        self.ok = isinstance(node, yaml.MappingNode)
        if not self.ok:
            self.problem(path, f"should be a mapping of fields, found {describe_node(node)}.",
                         "Write one `field: value` per line.", line_of(node))
            return
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.problem(path, "has a key that is not plain text.",
                             "Use simple names as keys.", line_of(key_node))
            elif key in self.entries:
                first = line_of(self.entries[key][0])
                self.problem(self.sub(key), f"is written twice (first on line {first}).",
                             "Keep one of the two.", line_of(key_node))
            else:
                self.entries[key] = (key_node, value_node)

    # -- helpers ---------------------------------------------------------
    def sub(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def problem(self, field: str, message: str, fix: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.file, field, message, fix, line))

    def line(self, key: str | None = None) -> int:
        if key is not None and key in self.entries:
            return line_of(self.entries[key][0])
        return line_of(self.node)

    def keys(self) -> list[str]:
        return list(self.entries)

    def blank(self, key: str) -> bool:
        """Whether `key` is left out or written with nothing: null, "" (or only spaces),
        or an empty list. A value written but refused (a list for a text) is not blank."""
        if key not in self.entries:
            return True
        node = self.entries[key][1]
        if isinstance(node, yaml.SequenceNode):
            return not node.value
        return isinstance(node, yaml.ScalarNode) and (
            node.tag == "tag:yaml.org,2002:null"
            or (node.tag == STR_TAG and not node.value.strip()))

    def _get(self, key: str, required: bool, example: str) -> yaml.Node | None:
        self.used.add(key)
        if key not in self.entries:
            if required and self.ok:
                self.problem(self.sub(key), "is missing.", f"Add it, e.g. `{key}: {example}`.",
                             self.line())
            return None
        node = self.entries[key][1]
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            if required:
                self.problem(self.sub(key), "is empty.", f"Fill it in, e.g. `{key}: {example}`.",
                             line_of(node))
            return None
        return node

    def refuse(self, key: str, message: str, fix: str) -> None:
        """`key`, if written, does not belong here: a problem with its own fix, instead of
        `finish`'s "not a known field"."""
        if key in self.entries:
            self.refused.add(key)
            self.problem(self.sub(key), message, fix, self.line(key))

    def finish(self, allowed_extra: tuple[str, ...] = ()) -> None:
        for key, (key_node, _) in self.entries.items():
            if key in self.used or key in self.refused or key in allowed_extra:
                continue
            known = sorted(self.used)
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"Did you mean `{close[0]}`?" if close else "Remove it."
            self.problem(self.sub(key), "is not a known field.",
                         f"{hint} Known fields here: {', '.join(known)}.", line_of(key_node))

    # -- scalar readers ----------------------------------------------------
    def text_node(self, node: yaml.Node, field: str, example: str) -> str | None:
        """A scalar read as text, whatever YAML 1.1 would have typed it as."""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(field, f"should be text, found {describe_node(node)}.",
                         f"Write it as text, e.g. {example}.", line_of(node))
            return None
        if node.tag not in (STR_TAG, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                            "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"):
            self.problem(field, f"has the tag {node.tag}, which is not allowed.",
                         "Remove the `!tag` and write plain text.", line_of(node))
            return None
        value: str = node.value
        if BIDI_CONTROLS.search(value):
            self.problem(field, "contains an invisible Unicode bidi control character "
                         "(U+202A–U+202E or U+2066–U+2069), which can disguise text.",
                         "Delete it; the site sets text direction itself.", line_of(node))
            return None
        if OTHER_CONTROLS.search(value):
            self.problem(field, "contains an invisible control character.",
                         "Delete it and retype the text.", line_of(node))
            return None
        return value.strip()

    def string(self, key: str, required: bool = True, example: str = '"…"') -> str | None:
        node = self._get(key, required, example)
        if node is None:
            return None
        value = self.text_node(node, self.sub(key), example)
        if value == "" and required:
            self.problem(self.sub(key), "is empty.", f"Fill it in, e.g. `{key}: {example}`.",
                         line_of(node))
            return None
        return value or None

    def slug(self, key: str, required: bool = True, what: str = "id") -> str | None:
        value = self.string(key, required, example=f"<{what}>")
        if value is None:
            return None
        return check_slug(value, self.file, self.sub(key), self.problems, self.line(key), what)

    def integer(self, key: str, required: bool = True, minimum: int = 1) -> int | None:
        node = self._get(key, required, "1")
        if node is None:
            return None
        if not (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int"
                and INT_TEXT.match(node.value)):
            self.problem(self.sub(key), f"should be a whole number, found {describe_node(node)}.",
                         "Write digits only, without quotes or leading zeros, e.g. `1`.",
                         line_of(node))
            return None
        value = int(node.value)
        if value < minimum:
            self.problem(self.sub(key), f"is {value}; it must be at least {minimum}.",
                         f"Write a number from {minimum} up.", line_of(node))
            return None
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        node = self._get(key, False, "true")
        if node is None:
            return default
        if isinstance(node, yaml.ScalarNode) and node.value in ("true", "false"):
            return bool(node.value == "true")
        self.problem(self.sub(key), f"should be true or false, found {describe_node(node)}.",
                     "Write `true` or `false` (YAML 1.1 words like yes/no/on/off are refused).",
                     line_of(node))
        return default

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self.string(key, required, example='"2024-10-16"')
        if value is None:
            return None
        try:
            # fromisoformat alone also takes "2024-W42-3" and "20241016" on Python 3.11.
            if not DATE_TEXT.match(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            self.problem(self.sub(key), f"“{value}” is not a date.",
                         'Write the Gregorian date as "YYYY-MM-DD", e.g. "2024-10-16".',
                         self.line(key))
            return None

    def time(self, key: str) -> dt.time | None:
        node = self._get(key, False, '"09:30"')
        if node is None:
            return None
        value = self.text_node(node, self.sub(key), '"09:30"')
        # YAML 1.1 reads unquoted 09:30 as a base-60 number; the raw text is kept here.
        if value is None or not TIME_TEXT.match(value):
            if value is not None:
                self.problem(self.sub(key), f"“{value}” is not a time of day.",
                             'Write a 24-hour time in quotes, e.g. "09:30".', line_of(node))
            return None
        return dt.time.fromisoformat(value)

    # -- compound readers --------------------------------------------------
    def mapping(self, key: str, required: bool = True, example: str = "{…}") -> Fields | None:
        node = self._get(key, required, example)
        if node is None:
            return None
        fields = Fields(node, self.file, self.sub(key), self.problems)
        return fields if fields.ok else None

    def items(self, key: str, read: Callable[[yaml.Node, str], T | None],
              required: bool = False, example: str = "[…]") -> list[T] | None:
        """A list field; `read(item_node, item_path)` reads each item."""
        node = self._get(key, required, example)
        if node is None:
            return None if required else []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(self.sub(key), f"should be a list, found {describe_node(node)}.",
                         "Write a list: `[a, b]` or one `- item` per line.", line_of(node))
            return None
        values = [read(item, f"{self.sub(key)}[{index}]") for index, item in enumerate(node.value)]
        return [v for v in values if v is not None]

    def str_list(self, key: str, required: bool = False) -> list[str] | None:
        return self.items(key, lambda node, path: self.text_node(node, path, '"…"') or None,
                          required)

    def slug_list(self, key: str, required: bool = False, what: str = "id") -> list[str] | None:
        def read(node: yaml.Node, path: str) -> str | None:
            value = self.text_node(node, path, "an-id")
            if not value:
                return None
            return check_slug(value, self.file, path, self.problems, line_of(node), what)

        return self.items(key, read, required, example=f"[<{what}>, …]")

    def mapping_list(self, key: str, required: bool = False) -> list[Fields] | None:
        def read(node: yaml.Node, path: str) -> Fields | None:
            fields = Fields(node, self.file, path, self.problems)
            return fields if fields.ok else None

        return self.items(key, read, required)


def check_slug(value: str, file: str, field: str, problems: list[Problem], line: int | None,
               what: str = "id") -> str | None:
    """A safe id: lowercase ASCII letters, digits and single hyphens; usable as a folder name."""
    if SLUG.match(value) and len(value) <= MAX_SLUG:
        return value
    problems.append(Problem(
        file, field, f"“{value}” is not a valid {what}: only lowercase a–z, 0–9 and single "
        f"hyphens are allowed, at most {MAX_SLUG} characters.",
        f"Write e.g. `{slug_like(value)}`.", line))
    return None


def slug_like(value: str) -> str:
    """The safe id nearest to `value`: «Vol 2019» -> `vol-2019`."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:MAX_SLUG] or "my-id"
