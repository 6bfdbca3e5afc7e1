"""Make the book: typeset its documents (`documents.py`, `typeset.py`), lay the full
texts in (`fulltexts.py`) and join them (`assemble.py`).

The body is typeset part after part, each in a child process while this one lays the
full texts into the part before it; then the front (whose contents print the body's
pages) and the indexes, side by side.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from waqai.book.assemble import Assembly, Part, Target
from waqai.book.content import MARGINS_PT, book_data, with_items
from waqai.book.documents import (
    PART_ITEMS,
    body_document,
    body_parts,
    front_document,
    index_document,
)
from waqai.book.fulltexts import FullTexts
from waqai.book.typeset import Typesetting
from waqai.data.model import Proceedings


@dataclass(frozen=True)
class PrintedBook:
    pdf: bytes
    item_pages: dict[str, tuple[int, int]]  # item id -> its first and last printed page


@dataclass
class BodyPage:
    """Where the body's markers put a session or an item: its part, the page in that
    part (from 1) and its heading's top left (points from the page's top left)."""

    part: int
    page: int
    x: float
    y: float


@dataclass
class Body:
    """What the body's markers said, part after part."""

    pages: dict[str, int] = field(default_factory=dict)  # "s-"/"i-" id -> printed page
    places: dict[str, BodyPage] = field(default_factory=dict)  # the same -> its place
    item_pages: dict[str, tuple[int, int]] = field(default_factory=dict)
    next_page: int = 1  # the printed number of the page after the last part read

    def read(self, part: int, marks: list[dict[str, Any]]) -> list[tuple[int, str, int]]:
        """Read the markers of the part numbered `part`, typeset from `self.next_page`;
        return where its full texts go: (its page, from 1; the PDF; the PDF's page)."""
        first = self.next_page
        full_texts: list[tuple[int, str, int]] = []
        for mark in marks:
            if mark["kind"] in ("session", "item"):
                name = ("s-" if mark["kind"] == "session" else "i-") + mark["id"]
                at = mark["at"]
                self.pages[name] = first + at["page"] - 1
                self.places[name] = BodyPage(part, at["page"], at["x"], at["y"])
                if mark["kind"] == "item":
                    self.item_pages[mark["id"]] = (first + at["page"] - 1,
                                                   first + mark["last"] - 1)
            elif mark["kind"] == "pdf":
                full_texts += [(mark["at"] + n, mark["pdf"], n + 1)
                               for n in range(mark["pages"])]
            elif mark["kind"] == "end":
                self.next_page = first + mark["pages"]
        return full_texts


def make_book(proc: Proceedings, data_dir: Path, paper_size: str | None = None,
              part_items: int = PART_ITEMS) -> PrintedBook:
    """The book of `proc`, whose papers' files are in `data_dir`, its body typeset in
    parts of about `part_items` items. The same data gives the same bytes: the PDF is
    dated the conference's first day, not the time of the build."""
    stamp = dt.datetime.combine(proc.conference.start, dt.time(0), tzinfo=dt.UTC)
    data = book_data(proc, paper_size)
    printed = {item["id"] for day in data["days"] for session in day["sessions"]
               for item in session["items"]}
    missing = [paper.id for paper in proc.papers if paper.id not in printed]
    if missing:  # every item is printed, a retracted one as its notice
        raise RuntimeError(f"The book left out {', '.join(missing)}.")
    book = Assembly()
    full_texts = FullTexts(book.pdf, data_dir, MARGINS_PT)
    body = Body()
    parts: list[Part] = []
    with tempfile.TemporaryDirectory(prefix="waqai-book-") as work:
        def start(document: str, json: dict[str, Any], name: str) -> Typesetting:
            return Typesetting(document, json, stamp, Path(work) / f"{name}.pdf")

        def ends() -> tuple[Typesetting, Typesetting]:
            """The indexes and the front, started once all the body's pages are known."""
            return (start("index", index_document(data, body.pages, body.next_page), "index"),
                    start("front", front_document(data, body.pages), "front"))

        sessions = body_parts(data, part_items)
        upcoming = with_items(proc, sessions[0]) if sessions else []
        running = start("body", body_document(data, upcoming, 1), "0") if sessions else None
        index, front = (None, None) if sessions else ends()
        for n in range(len(sessions)):
            # The next part's items are made while this part is typeset.
            upcoming = with_items(proc, sessions[n + 1]) if n + 1 < len(sessions) else []
            assert running is not None
            typeset = running.result()
            laid_in = body.read(n, typeset.marks)
            # What comes next starts at once (after the last part, the indexes and the
            # front); meanwhile this part joins the book.
            if n + 1 < len(sessions):
                running = start("body", body_document(data, upcoming, body.next_page),
                                str(n + 1))
            else:
                index, front = ends()
            parts.append(book.add(typeset.pdf))
            for page, pdf, pdf_page in laid_in:
                full_texts.lay(parts[n].pages[page - 1], pdf, pdf_page)
        assert index is not None and front is not None
        parts.append(book.add(index.result().pdf))
        parts.insert(0, book.add(front.result().pdf, first=True))
    word = data["common"]["labels"]["page"]["ar"]
    targets = {name: Target(parts[1 + place.part].pages[place.page - 1], place.x, place.y,
                            f"{word} {body.pages[name]}")
               for name, place in body.places.items()}
    return PrintedBook(book.write(parts, targets), body.item_pages)


def book_for_site(proc: Proceedings, data_dir: Path) -> tuple[Proceedings, bytes | None]:
    """The proceedings as the site shows them, and the book's PDF when the conference
    has a `book:` section: with `pages_in_citations`, each item then carries the pages
    the book printed it on."""
    if proc.conference.book is None:
        return proc, None
    book = make_book(proc, data_dir)
    if proc.conference.book.pages_in_citations:
        proc = paginate(proc, book.item_pages)
    return proc, book.pdf


def paginate(proc: Proceedings, item_pages: dict[str, tuple[int, int]]) -> Proceedings:
    """`proc` with each item's `pages` the range the book printed it on
    (`book.pages_in_citations`), for the exports and Scholar's tags."""
    def pages(first: int, last: int) -> str:
        return str(first) if first == last else f"{first}-{last}"
    return dataclasses.replace(proc, papers=tuple(
        dataclasses.replace(paper, pages=pages(*item_pages[paper.id]))
        if paper.id in item_pages else paper for paper in proc.papers))
