"""YAML written as the editors write it: double-quoted text, flow lists of ids, one
field per line; and an existing file changed in place, field by field, so that its
comments, order and everything else an editor wrote stay as they were."""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from waqai.data.model import LANGS, Lang
from waqai.data.scaffold import quoted
from waqai.data.yamlread import compose

GAP = "  # translation needed"


def ids(values: Sequence[str]) -> str:
    return f"[{', '.join(values)}]"


def words(values: Sequence[str]) -> str:
    return f"[{', '.join(quoted(v) for v in values)}]"


def pair_lines(pad: str, values: dict[Lang, str], gap: str = '""') -> list[str]:
    """`ar:` and `en:` lines; a language with no value is an explicit gap."""
    return [f"{pad}{lang}: {values[lang]}" if values.get(lang) else f"{pad}{lang}: {gap}{GAP}"
            for lang in LANGS]


def _root(text: str) -> yaml.Node | None:
    """The node tree of a paper.yaml, within the bounds `check` reads it with; None when
    it is beyond them or invalid (the file is then left as it is)."""
    return compose(text, "paper.yaml", [])


def _node(root: yaml.Node, path: Sequence[str]) -> yaml.Node | None:
    node: yaml.Node | None = root
    for key in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode)
                     and k.value == key), None)
    return node


def _end(text: str, node: yaml.Node) -> int:
    """Where the value `node` ends: a block collection's end is where the next token
    starts (the next line's key), so the line breaks before it are not the value's."""
    end: int = node.end_mark.index
    if isinstance(node, yaml.CollectionNode) and not node.flow_style:
        while end > node.start_mark.index and text[end - 1] in " \n":
            end -= 1
    return end


def edited(text: str, values: dict[tuple[str, ...], str]) -> str:
    """`text` (a YAML mapping) with the value at each path replaced by the YAML text
    given, where it differs; a top-level field that is missing is added at the end.
    Values at paths that cannot be found otherwise are left as they are."""
    root = _root(text)
    spans: list[tuple[int, int, str]] = []
    added: list[str] = []
    for path, value in values.items():
        node = _node(root, path) if root is not None else None
        if node is None:
            if len(path) == 1:
                added.append(f"{path[0]}: {value}\n")
            continue
        start, end = node.start_mark.index, _end(text, node)
        # Indented as in the file, so that a block collection reads as it does there.
        if yaml.safe_load(value) != yaml.safe_load(" " * node.start_mark.column
                                                   + text[start:end]):
            spans.append((start, end, value))
    for start, end, value in sorted(spans, reverse=True):
        text = text[:start] + value + text[end:]
    if added:
        text = text + ("" if text.endswith("\n") else "\n") + "".join(added)
    return text


def with_item(text: str, path: Sequence[str], item: str) -> str:
    """`text` with `item` (YAML on one line) added at the end of the list at `path`: on a
    line of its own in a block list, after a comma in a flow list; as it is when there is
    no list there. The other items, and the comments among them, stay as they are."""
    root = _root(text)
    node = _node(root, path) if root is not None else None
    if not isinstance(node, yaml.SequenceNode):
        return text
    if node.flow_style or not node.value:
        at = node.value[-1].end_mark.index if node.value else node.start_mark.index + 1
        value = f", {item}" if node.value else item
        return text[:at] + value + text[at:] if text[node.start_mark.index] == "[" else text
    end = _end(text, node)
    line_end = text.find("\n", end)
    if text[end:line_end if line_end >= 0 else None].strip().startswith("#"):
        end = line_end if line_end >= 0 else len(text)  # the item's comment stays on its line
    return f"{text[:end]}\n{' ' * node.start_mark.column}- {item}{text[end:]}"


def with_field(text: str, key: str, line: str, after: str) -> str:
    """`text` (a YAML mapping) with the top-level `line` (`key: …`) added on the line after
    the field `after` (else at the end); as it is when it has `key` already, whatever its
    value: the editors' line is theirs."""
    root = _root(text)
    if not isinstance(root, yaml.MappingNode) or has_field(text, key):
        return text
    keys = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    previous = keys.get(after)
    end = (text.find("\n", previous.end_mark.index) if isinstance(previous, yaml.ScalarNode)
           else -1)
    if end < 0:
        return text + ("" if text.endswith("\n") or not text else "\n") + line + "\n"
    return text[:end + 1] + line + "\n" + text[end + 1:]


def has_field(text: str, key: str) -> bool:
    """Whether the YAML mapping `text` has the top-level `key`, with any value (even none)."""
    root = _root(text)
    return isinstance(root, yaml.MappingNode) and any(
        isinstance(k, yaml.ScalarNode) and k.value == key for k, _ in root.value)
