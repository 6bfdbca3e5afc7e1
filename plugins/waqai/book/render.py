"""Compile the book: `book.typ` with the JSON of `content.book_data`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from waqai.book.content import book_data
from waqai.data.model import Proceedings
from waqai.media.card import FONTS

TEMPLATE = Path(__file__).with_name("book.typ")


def render_book(proc: Proceedings, data_dir: Path, paper_size: str | None = None) -> bytes:
    """The book as PDF bytes; the same data gives the same bytes (the PDF's dates are
    the conference's first day, not the time of the build).

    Typst's root is the data folder `data_dir`, so the template can read the papers'
    PDFs (checked by `check` like every file it publishes) and nothing outside it.
    """
    import typst  # loaded only by the commands that make a book

    data = json.dumps(book_data(proc, paper_size), ensure_ascii=False, sort_keys=True)
    stamp = dt.datetime.combine(proc.conference.start, dt.time(0), tzinfo=dt.UTC)
    # The template goes in as bytes, so that its own folder need not be inside the root;
    # the stub's one type variable for the input, the root and the font folders does not
    # allow bytes beside paths, which the compiler accepts.
    pdf = typst.compile(TEMPLATE.read_bytes(), root=data_dir,  # type: ignore[call-overload]
                        format="pdf", font_paths=[FONTS], ignore_system_fonts=True,
                        sys_inputs={"data": data}, timestamp=stamp)
    assert isinstance(pdf, bytes)
    return pdf
