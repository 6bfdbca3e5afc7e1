"""The field tables of the guides, written from the declarations.

A guide page (`docs/contributing.<lang>.md`, `docs/start.<lang>.md`) marks where
each table goes:

    <!-- waqai:fields paper -->

    …the table, rewritten by `python3 build.py schema`…

    <!-- /waqai:fields -->

`refresh(text, lang)` rewrites every marked table; `python3 build.py schema
--check` reports a guide whose tables differ from the declarations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from waqai.data.fields import DOCUMENTS, Field, Group, ListOf
from waqai.data.model import Lang

MARKED = re.compile(r"(<!-- waqai:fields (?P<doc>[a-z]+) -->\n)(?P<table>.*?)"
                    r"(<!-- /waqai:fields -->)", re.DOTALL)
HEADINGS = {"ar": ("الحقل", "مطلوب؟", "ما يُكتب فيه", "مثال"),
            "en": ("Field", "Required?", "What to write", "Example")}
REQUIRED = {"ar": ("مطلوب", "اختياري"), "en": ("required", "optional")}


def rows(group: Group, prefix: str = "") -> Iterator[tuple[str, Field]]:
    """(dotted name, field) of every field, with the fields of nested groups after theirs.

    The bilingual pair `{ar, en}` is described by its field's help, not expanded.
    """
    for field in group.fields:
        name = f"{prefix}{field.name}"
        yield name, field
        inner = field.value.item if isinstance(field.value, ListOf) else field.value
        if isinstance(inner, Group) and inner.name != "bilingual":
            yield from rows(inner, f"{name}[]." if isinstance(field.value, ListOf)
                            else f"{name}.")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(doc_name: str, lang: Lang) -> str:
    """The Markdown table of one document's fields, in `lang`."""
    doc = next(doc for doc in DOCUMENTS if doc.name == doc_name)
    lines = ["| " + " | ".join(HEADINGS[lang]) + " |", "|---|---|---|---|"]
    for name, field in rows(doc.body):
        required = REQUIRED[lang][0 if field.required else 1]
        sample = f"`{_cell(field.example)}`" if field.example else ""
        lines.append(f"| `{name}` | {required} | {_cell(field.help.get(lang))} | {sample} |")
    return "\n".join(lines) + "\n"


def refresh(text: str, lang: Lang) -> str:
    """`text` with every marked table written anew from the declarations."""
    # Blank lines around the table: Markdown would read it into the comment's HTML block.
    return MARKED.sub(lambda m: f"{m.group(1)}\n{table(m.group('doc'), lang)}\n{m.group(4)}",
                      text)
