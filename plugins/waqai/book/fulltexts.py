"""Lay each paper's own pages under the book's empty pages kept for them.

Typst typesets an empty page, under the running head and with its page number, for
each page of each full text; pikepdf (qpdf) then places the paper's page under it as a
form XObject, scaled into the text area. Typst never holds the papers' pages: that
keeps the book's time and memory within the volume's, not its PDFs'.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any


class FullTexts:
    """The papers' PDFs in `data_dir` (checked by `check`: real, unencrypted, no scripts
    or actions, within `data/pdfread.py`'s limits on what they inflate to, their objects
    and pages: qpdf decodes a page's content when it lays it in), laid into the pages of
    `book` (a pikepdf.Pdf) inside `margins` (x, y, in points).

    Each PDF is read into memory once and kept open until the book is written: qpdf
    copies a page's streams only then, and a thousand open files would reach the
    system's limit.
    """

    def __init__(self, book: Any, data_dir: Path, margins: tuple[float, float]) -> None:
        self._book = book
        self._data_dir = data_dir
        self._margins = margins
        self._sources: dict[str, Any] = {}  # path -> pikepdf.Pdf

    def lay(self, target: Any, pdf: str, page: int) -> None:
        """Lay page `page` (from 1) of `pdf` (a path in the data folder) under the
        book's page `target`."""
        import pikepdf

        if pdf not in self._sources:
            self._sources[pdf] = pikepdf.open(io.BytesIO((self._data_dir / pdf).read_bytes()))
        x0, y0, x1, y1 = (float(v) for v in target.mediabox)
        margin_x, margin_y = self._margins
        # pikepdf's add_underlay names the XObject at random; a fixed name keeps the
        # bytes the same from one build to the next.
        form = self._book.copy_foreign(self._sources[pdf].pages[page - 1].as_form_xobject())
        name = target.add_resource(form, pikepdf.Name.XObject, pikepdf.Name("/FullText"))
        area = pikepdf.Rectangle(x0 + margin_x, y0 + margin_y, x1 - margin_x, y1 - margin_y)
        placed = target.calc_form_xobject_placement(form, name, area, allow_shrink=True,
                                                     allow_expand=True)
        target.contents_add(b"q " + placed + b" Q", prepend=True)
