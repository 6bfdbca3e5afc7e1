"""The published JSON Schemas of the editors' files, made from their declarations.

`waqai.data.fields` declares each file field by field; `render_all()` turns
the declarations into the JSON Schemas in `papers/_schema/` (`python3 build.py
schema` writes them, `--check` finds drift). The loader reads with the same
declarations, so the two cannot disagree on a field, its place or whether it
is required; tests/test_schema.py checks it all the same, from the outside.

The schemas are never looser than the loader: a file they accept, the loader
reads without a problem, except for what only the whole volume can tell
(references, duplicates, dates across files) and what a pattern cannot
(an ORCID check digit, 31 November, a leading zero in `010`). They can be
stricter: text that YAML 1.2 reads as a number or an empty optional field is
accepted by the loader but flagged by an editor's tool, which is the safer
direction.

Editors' tools read YAML 1.2 (yaml-language-server), where an unquoted
`2024-10-16`, `09:30` or `no` is text. `instance()` reads a file the same way,
to validate data against the schemas in tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from waqai.data.fields import (
    BILINGUAL_GROUP,
    DOCUMENTS,
    ID_HELP,
    ID_SCHEMA,
    Document,
    Field,
    Group,
    Json,
    ListOf,
)
from waqai.data.model import Text
from waqai.data.problems import Problem
from waqai.data.yamlread import compose

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = "_schema"  # inside the data folder; the loader skips folders starting with "_"


def describe(help_: Text) -> str:
    return f"{help_.ar}\n{help_.en}"


def field_schema(f: Field) -> Json:
    out = dict(f.value.schema(f.required))
    if "$ref" in out:
        # draft-07 ignores keywords beside $ref; wrap it so the help is kept.
        out = {"allOf": [out]}
    out["description"] = describe(f.help)
    if f.example:
        out["examples"] = [yaml.safe_load(f.example)]
    return out


def group_schema(group: Group) -> Json:
    out: Json = {"type": "object"}
    if group.help:
        out["description"] = describe(group.help)
    out["properties"] = {f.name: field_schema(f) for f in group.fields}
    required = [f.name for f in group.fields if f.required]
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    out.update(group.extra or {})
    return out


def nested_groups(group: Group) -> Iterator[Group]:
    """`group` and every Group under it, depth first, each once."""
    seen: set[str] = set()

    def walk(g: Group) -> Iterator[Group]:
        if g.name in seen:
            return
        seen.add(g.name)
        yield g
        for f in g.fields:
            inner = f.value.item if isinstance(f.value, ListOf) else f.value
            if isinstance(inner, Group):
                yield from walk(inner)

    return walk(group)


def document_schema(doc: Document) -> Json:
    groups = [BILINGUAL_GROUP, *nested_groups(doc.body)]
    definitions: Json = {"id": {**ID_SCHEMA, "description": describe(ID_HELP)},
                         **{g.name: group_schema(g) for g in groups}}
    if doc.keyed:
        root: Json = {"type": "object", "propertyNames": {"$ref": "#/definitions/id"},
                      "additionalProperties": {"$ref": f"#/definitions/{doc.body.name}"}}
    else:
        root = definitions.pop(doc.body.name)
    used = _used_definitions(root, definitions)
    return {"$schema": DRAFT, "title": doc.title, **root,
            "definitions": {k: v for k, v in definitions.items() if k in used}}


def _used_definitions(root: Json, definitions: Json) -> set[str]:
    used: set[str] = set()
    todo = [root]
    while todo:
        text_ = json.dumps(todo.pop())
        for name in re.findall(r'"#/definitions/([a-z_]+)"', text_):
            if name not in used:
                used.add(name)
                todo.append(definitions[name])
    return used


def schema_of(name: str) -> Json:
    """The schema of one document: "paper", "people", "sessions" or "conference"."""
    return document_schema(next(doc for doc in DOCUMENTS if doc.name == name))


def render_all() -> dict[str, str]:
    """File name -> text of every published schema."""
    return {f"{doc.name}.schema.json":
            json.dumps(document_schema(doc), ensure_ascii=False, indent=2) + "\n"
            for doc in DOCUMENTS}


def modeline(doc_name: str, depth: int) -> str:
    """The first line of a data file `depth` folders below the data folder."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{doc_name}.schema.json"


# -- YAML as editors' tools read it -----------------------------------------------

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
# PyYAML's (1.1) tag for a plain scalar; a node with another tag had it written out.
_RESOLVER = yaml.resolver.Resolver()


def instance(node: yaml.Node) -> Any:
    """A composed YAML node as JSON data, by YAML 1.2's core schema (what editors' tools use)."""
    if isinstance(node, yaml.MappingNode):
        return {instance(k): instance(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [instance(item) for item in node.value]
    assert isinstance(node, yaml.ScalarNode), node
    value = node.value
    # PyYAML's resolver is untyped; it returns the tag a plain scalar would get.
    plain_tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if node.style or node.tag != plain_tag:  # libyaml gives a plain scalar style "", PyYAML None
        return value  # quoted or block text, or an explicit tag (`!!str 7`): text
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def read_instance(path: Path) -> Any:
    """The YAML file at `path` as the JSON instance its schema validates, read within the
    bounds `check` reads it with; ValueError naming the problem when it is beyond them."""
    problems: list[Problem] = []
    node = compose(path.read_text(encoding="utf-8"), path.name, problems)
    if problems:
        raise ValueError(f"{path.name} {problems[0].message}")
    return None if node is None else instance(node)
