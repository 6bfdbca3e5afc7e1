"""Commented YAML made from the field declarations: what `new` and `init` write.

Every field is written under its help in Arabic and English (`waqai.data.fields`).
Optional fields are commented out with their example, unless asked for. Required
fields are either left empty (`new`: `build.py check` then names each one still
to fill, "is empty. fix: Fill it in, e.g. …") or written with their example
(`init`: the examples are placeholders that agree across files, so the skeleton
passes `check` as it is).

`python3 build.py new <id>` creates one paper folder with `create`, its citation key
written (`key_for_new`); the skeleton of a whole volume is in `waqai.data.skeleton`.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from waqai.data.citekeys import citation_keys, new_item_key
from waqai.data.fields import BILINGUAL_GROUP, PAPER, Bilingual, Field, Group, ListOf
from waqai.data.load import ABSTRACT_FILES, Loaded, assemble, load
from waqai.data.placeholders import CONFERENCE_FILE, KEY_FIELDS, placeholders_left
from waqai.data.problems import Problem
from waqai.data.schema import modeline
from waqai.data.yamlread import check_slug

HEADER = (
    "# بند جديد في برنامج المؤتمر. املأ كل حقل فارغ، واكتب الملخص في abstract.ar.md\n"
    "# و abstract.en.md (بصيغة Markdown، بلا HTML)، ثم شغّل: python3 build.py check\n"
    "# A new item of the programme. Fill in every empty field, write the abstract in\n"
    "# abstract.ar.md and abstract.en.md (Markdown, no HTML), then run: python3 build.py check\n"
)


@dataclass(frozen=True)
class Filling:
    """How the fields are written. Paths are dotted from the file's top ("dates.end"),
    with `[]` for a list's items ("latin[].family")."""

    examples: bool  # required fields: True writes their example, False leaves them empty
    optional: frozenset[str] = frozenset()  # optional fields written out, not commented
    values: Mapping[str, str] = field(default_factory=dict)  # path -> YAML text to write
    every: bool = False  # every optional field written out


# An optional group commented out is written whole, every field under its help.
EVERY = Filling(examples=True, every=True)


def _comment(field_: Field, pad: str) -> list[str]:
    optional = ("", "") if field_.required else (" (اختياري)", " (optional)")
    return [f"{pad}# {field_.help.ar}{optional[0]}", f"{pad}# {field_.help.en}{optional[1]}"]


def quoted(value: Any) -> str:
    """Text as a YAML double-quoted string (JSON's quoting is valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


def _bilingual(text: str, pad: str) -> list[str]:
    """`{ar: "…", en: "…"}` written as a block, one language per line."""
    pair = yaml.safe_load(text)
    return [f"{pad}{lang}: {quoted(pair[lang])}" for lang in ("ar", "en")]


def _as_item(lines: list[str], pad: str) -> list[str]:
    """Lines of a mapping indented by `pad` + 2, made one item of a block list (the
    comments before its first key go level with the dash)."""
    first = next(n for n, line in enumerate(lines) if not line.lstrip().startswith("#"))
    return [*(line[2:] for line in lines[:first]), f"{pad}- {lines[first][len(pad) + 2:]}",
            *lines[first + 1:]]


def field_lines(field_: Field, filling: Filling, pad: str = "", path: str = "") -> list[str]:
    """The comment and the YAML of one field, indented by `pad`."""
    return _comment(field_, pad) + _body(field_, filling, pad, f"{path}{field_.name}")


def _nested(value: object) -> bool:
    return isinstance(value, Group) or (isinstance(value, ListOf)
                                        and value.item is not BILINGUAL_GROUP)


def _body(field_: Field, filling: Filling, pad: str, path: str) -> list[str]:
    head, inner = f"{pad}{field_.name}:", pad + "  "
    value = field_.value
    if path in filling.values:
        text = filling.values[path]
        if isinstance(value, Bilingual):
            return [head, *_bilingual(text, inner)]
        return [f"{head} {text}"]
    if not (field_.required or filling.every or path in filling.optional):
        if _nested(value):
            return [f"{pad}# {line[len(pad):]}" for line in _body(field_, EVERY, pad, path)]
        return [f"{pad}# {field_.name}: {field_.example}"]
    if isinstance(value, Bilingual):
        return [head, *(_bilingual(field_.example, inner) if filling.examples
                        else [f"{inner}ar:", f"{inner}en:"])]
    if isinstance(value, Group):
        return [head, *group_lines(value, filling, inner, f"{path}.")]
    if isinstance(value, ListOf) and filling.examples:
        if value.item is BILINGUAL_GROUP:  # e.g. themes: each item a block {ar, en}
            return [head] + [line for pair in yaml.safe_load(field_.example) for line in
                             _as_item(_bilingual(json.dumps(pair), inner + "  "), inner)]
        return [head, *_as_item(group_lines(value.item, filling, inner + "  ", f"{path}[]."),
                                inner)]
    return [f"{head} {field_.example}" if filling.examples else head]


def group_lines(group: Group, filling: Filling, pad: str = "", path: str = "") -> list[str]:
    """Every field of `group`; nested groups without blank lines between their fields."""
    return [line for f in group.fields for line in field_lines(f, filling, pad, path)]


def document(group: Group, filling: Filling) -> str:
    """The top-level fields of a file, one block each, blank lines between them."""
    return "\n".join("\n".join(field_lines(f, filling)) + "\n" for f in group.fields)


def paper_yaml(paper_id: str, key: str) -> str:
    """The text of a new paper.yaml for `paper_id`, with every field explained."""
    body = document(PAPER, Filling(examples=False, values={"id": paper_id, "key": key}))
    return modeline("paper", depth=1) + "\n" + HEADER + "\n" + body


@dataclass(frozen=True)
class KeyParts:
    """What a new item's citation key is made from, and the keys it must not be."""

    short_name: str
    year: int | None
    taken: list[str]


def key_parts(loaded: Loaded) -> KeyParts:
    """The conference's letters and year, and every key of the volume `loaded`, stored
    or derived (`citekeys.new_item_key`). A volume with errors (another new item not yet
    filled in) is read as far as it goes: every stored key, and the derived keys of the
    items that loaded with their session and people."""
    taken = list(loaded.sources.keys.values())
    conference = loaded.conference
    if conference is not None:
        sessions, people = {s.id for s in loaded.sessions}, {p.id for p in loaded.people}
        complete = [paper for paper in loaded.papers
                    if paper.session in sessions and people.issuperset(paper.people)]
        taken += citation_keys(assemble(dataclasses.replace(loaded, papers=complete))).values()
    return KeyParts(conference.short_name if conference else "",
                    conference.year if conference else None, taken)


def key_for_new(data_dir: Path, paper_id: str) -> str:
    """The citation key of a new item: one that no item of the volume has."""
    parts = key_parts(load(data_dir.parent, data_dir.name))
    return new_item_key(parts.short_name, parts.year, paper_id, parts.taken)


def create(data_dir: Path, paper_id: str) -> list[Problem]:
    """Create `data_dir/paper_id/`; the problems say why not, if it was refused."""
    problems: list[Problem] = []
    shown = f"{data_dir.name}/{paper_id}/"
    if check_slug(paper_id, "", "id", problems, None, "paper id") is None:
        return problems
    if not data_dir.is_dir():
        return [Problem(f"{data_dir.name}/", "", "is not a folder.",
                        "Run the command in the project folder (the one holding mkdocs.yml).")]
    folder = data_dir / paper_id
    if folder.exists():
        return [Problem(shown, "", "already exists.",
                        f"Choose another id, or edit {shown}paper.yaml.")]
    left = placeholders_left(data_dir, KEY_FIELDS)
    if left:
        # A citation key never changes once published: not one made of init's examples.
        conference = f"{data_dir.name}/{CONFERENCE_FILE}"
        return [Problem(conference, name, f"line {line}: `{name}` is still the placeholder "
                        "`init` wrote, and the new item's citation key would be made from it "
                        "(a key never changes once published).",
                        f"Write your conference's own {name.replace('_', ' ')} in "
                        f"{conference}, then run `new` again.", line)
                for name, line in left]
    key = key_for_new(data_dir, paper_id)  # read before the new, empty folder exists
    folder.mkdir()
    (folder / "paper.yaml").write_text(paper_yaml(paper_id, key), encoding="utf-8")
    for name in ABSTRACT_FILES.values():
        (folder / name).write_text("", encoding="utf-8")
    return []
