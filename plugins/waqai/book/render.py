"""Make the book: typeset it (`typeset.py`), then lay the full texts in (`fulltexts.py`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from waqai.book.content import MARGINS_PT, book_data
from waqai.book.fulltexts import lay_full_texts
from waqai.book.typeset import typeset
from waqai.data.model import Proceedings


@dataclass(frozen=True)
class PrintedBook:
    pdf: bytes
    item_pages: dict[str, tuple[int, int]]  # item id -> its first and last printed page


def make_book(proc: Proceedings, data_dir: Path, paper_size: str | None = None) -> PrintedBook:
    """The book of `proc`, whose papers' files are in `data_dir`. The same data gives the
    same bytes: the PDF is dated the conference's first day, not the time of the build."""
    stamp = dt.datetime.combine(proc.conference.start, dt.time(0), tzinfo=dt.UTC)
    book = typeset(book_data(proc, paper_size), stamp)
    missing = [paper.id for paper in proc.papers if paper.id not in book.item_pages]
    if missing:  # every item is printed, a retracted one as its notice
        raise RuntimeError(f"The book left out {', '.join(missing)}.")
    pdf = lay_full_texts(book.pdf, book.full_text_pages, data_dir, MARGINS_PT)
    return PrintedBook(pdf, book.item_pages)


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
