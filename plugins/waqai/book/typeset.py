"""Typeset the book with Typst: `book.typ` reading the JSON of `content.book_data`."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEMPLATE = Path(__file__).with_name("book.typ")
FONTS = Path(__file__).with_name("fonts")  # see fonts/README.md for why these


@dataclass(frozen=True)
class FullTextPage:
    """An empty page of the typeset book (`at`, counted from 0) that page `page`
    (from 1) of the PDF `pdf` (a path in the data folder) goes under."""

    at: int
    pdf: str
    page: int


@dataclass(frozen=True)
class Typeset:
    pdf: bytes
    item_pages: dict[str, tuple[int, int]]  # item id -> its first and last printed page
    full_text_pages: list[FullTextPage]


def typeset(data: dict[str, Any], stamp: dt.datetime) -> Typeset:
    """The book of `data`, with the PDF's dates set to `stamp` (so that the same data
    gives the same bytes), and what its markers say: each item's printed pages, and
    where each page of a full text goes.

    Typst's root is the template's own folder: the template reads nothing but the
    JSON, so no file of the editors' reaches it, and none of their text is read as
    Typst markup.
    """
    import typst  # loaded only by the commands that make a book

    compiler = typst.Compiler(TEMPLATE, root=TEMPLATE.parent, font_paths=[FONTS],
                              ignore_system_fonts=True,
                              sys_inputs={"data": json.dumps(data, ensure_ascii=False,
                                                             sort_keys=True)})
    pdf = compiler.compile(format="pdf", timestamp=stamp)
    assert isinstance(pdf, bytes)
    # The markers of the document just compiled: querying it lays nothing out again.
    marks = json.loads(compiler.query("<waqai>", field="value"))
    return Typeset(
        pdf=pdf,
        item_pages={m["id"]: (m["first"], m["last"]) for m in marks if m["kind"] == "item"},
        full_text_pages=[FullTextPage(m["at"] - 1, m["pdf"], m["page"])
                         for m in marks if m["kind"] == "page"])
