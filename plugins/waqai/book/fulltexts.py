"""Lay each paper's own pages under the book's empty pages kept for them.

Typst typesets the book with an empty page, under the running head and with its page
number, for each page of each full text; pikepdf (qpdf) then places the paper's page
under it as a form XObject, scaled into the text area. Typst never holds the papers'
pages: that kept the book's time and memory within the volume's, not its PDFs'.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from waqai.book.typeset import FullTextPage


def lay_full_texts(book: bytes, pages: Sequence[FullTextPage], data_dir: Path,
                   margins: tuple[float, float]) -> bytes:
    """`book` with each of `pages` filled from its PDF in `data_dir` (checked by
    `check`: real, unencrypted, no scripts or actions), inside `margins` (x, y, in
    points). The same input gives the same bytes (the file identifier is made from
    the content)."""
    if not pages:
        return book
    import pikepdf  # loaded only when a book has full texts

    out = pikepdf.open(io.BytesIO(book))
    # Each PDF is read into memory once: qpdf copies a page's streams when the book
    # is written, so its source must stay open until then, and a thousand open files
    # would reach the system's limit.
    sources: dict[str, Any] = {}  # path -> pikepdf.Pdf
    margin_x, margin_y = margins
    for page in pages:
        if page.pdf not in sources:
            sources[page.pdf] = pikepdf.open(io.BytesIO((data_dir / page.pdf).read_bytes()))
        target = out.pages[page.at]
        x0, y0, x1, y1 = (float(v) for v in target.mediabox)
        # pikepdf's add_underlay names the XObject at random; a fixed name keeps the
        # bytes the same from one build to the next.
        form = out.copy_foreign(sources[page.pdf].pages[page.page - 1].as_form_xobject())
        name = target.add_resource(form, pikepdf.Name.XObject, pikepdf.Name("/FullText"))
        area = pikepdf.Rectangle(x0 + margin_x, y0 + margin_y, x1 - margin_x, y1 - margin_y)
        placed = target.calc_form_xobject_placement(form, name, area, allow_shrink=True,
                                                     allow_expand=True)
        target.contents_add(b"q " + placed + b" Q", prepend=True)
    written = io.BytesIO()
    out.save(written, deterministic_id=True)
    return written.getvalue()
