"""The placeholders `init` writes into conference.yaml, found where an editor left them.

`init` writes each required field with its declared example («عنوان المؤتمر», "Conference
title", `https://proceedings.example.org/2024/`) so that the skeleton checks and builds.
A field still equal to its example is a placeholder: `check` warns of each one, with its
line, and `new` will not make a citation key (which must never change once published)
from a placeholder short name or year.

Only the fields whose examples cannot be a conference's own value are looked at: texts,
names and addresses. Dates, the time zone and numbers are left alone, since a real
conference may well fall on the example's days.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from waqai.data.fields import CONFERENCE
from waqai.data.problems import Problem, Severity
from waqai.data.yamlread import compose, line_of

CONFERENCE_FILE = "conference.yaml"
# The fields whose example is plainly a placeholder, in the file's order.
PLACEHOLDER_FIELDS = ("title", "short_name", "description", "organisers", "venue", "city",
                      "country", "publisher", "site_url", "official_url", "themes")
# What a citation key is made from (`citekeys`): the short name, and the year of `dates`.
KEY_FIELDS = ("short_name", "dates")
EXAMPLES: dict[str, Any] = {field.name: yaml.safe_load(field.example)
                            for field in CONFERENCE.fields
                            if field.name in (*PLACEHOLDER_FIELDS, *KEY_FIELDS)}


def placeholders_left(data_dir: Path,
                      fields: tuple[str, ...] = PLACEHOLDER_FIELDS) -> list[tuple[str, int]]:
    """(field, line) of each of `fields` in the data folder's conference.yaml still equal to
    init's example, in the file's order; none when the file cannot be read (its reader
    says why)."""
    try:
        text = (data_dir / CONFERENCE_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    node = compose(text, CONFERENCE_FILE, [])
    if not isinstance(node, yaml.MappingNode):
        return []
    left = []
    for key, value in node.value:
        if key.value in fields:
            try:
                found = yaml.SafeLoader("").construct_document(value)
            except yaml.YAMLError:
                continue
            if _same(found, EXAMPLES[key.value]):
                left.append((key.value, line_of(key)))
    return left


def _same(value: object, example: object) -> bool:
    """Whether a value as read is the example in every part the example has (`dates` with
    the Hijri days `init` adds is still its example); dates and numbers as written."""
    if isinstance(value, dict) and isinstance(example, dict):
        return example.keys() <= value.keys() and all(
            _same(value[key], example[key]) for key in example)
    if isinstance(value, list) and isinstance(example, list):
        return len(value) == len(example) and all(map(_same, value, example))
    return str(value) == str(example)


def placeholder_warnings(data_dir: Path, shown: str) -> list[Problem]:
    """One warning per placeholder left in conference.yaml (`shown`: its path as problems
    name it)."""
    return [Problem(shown, name, f"is still the placeholder `init` wrote "
                    f"({_brief(EXAMPLES[name])}).",
                    f"Write your conference's own {name.replace('_', ' ')} in its place.",
                    line, Severity.WARNING)
            for name, line in placeholders_left(data_dir)]


def _brief(example: object) -> str:
    """The example as the warning quotes it: its English text where it has one."""
    if isinstance(example, dict):
        return _brief(example.get("en", next(iter(example.values()), "")))
    if isinstance(example, list):
        return _brief(example[0]) if example else "[]"
    return f"“{example}”"
