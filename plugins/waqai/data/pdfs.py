"""What may be published as a paper's PDF (`pdf: paper.pdf` in its paper.yaml).

The build copies the file into the site as it is, so `check` refuses here what
must not go out: a name that is not a plain file name, a missing file, a
symbolic link (a paper's folder is never one: see `links.py`), a file larger
than the conference allows (`max_pdf_mb` in conference.yaml), and, judged from
its contents (`pdfread.py`), a file that is not a whole, unencrypted PDF free of
scripts and actions, whose links are to web pages, and whose cost to read (what it
inflates to, its objects and pages) is within the limits `pdfread.py` declares. The
file is read once; what is accepted yields its pages.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from waqai.data.fields import PDF_NAME
from waqai.data.links import FileTooLarge, read_bytes
from waqai.data.pdfread import PdfRefusal, judge_pdf

MB = 1024 * 1024


def inspect_pdf(name: str, folder: Path, shown_folder: str, max_mb: int) -> PdfRefusal | int:
    """Why `name` in the paper folder `folder` may not be published, or, if it may, its
    number of pages.

    `shown_folder` is the folder as editors see it; `max_mb` the largest PDF accepted, in
    megabytes.
    """
    where = f"{shown_folder}/"
    put_it_there = f'Put the PDF itself in {where} and write its file name, e.g. "paper.pdf".'
    if not PDF_NAME.match(name):
        return PdfRefusal(f"“{name}” is not a file name in {where}.", put_it_there)
    path = folder / name
    try:
        status = os.lstat(path)
    except OSError:
        return PdfRefusal(f"“{name}” is not a file in {where}.", put_it_there)
    if stat.S_ISLNK(status.st_mode):
        return PdfRefusal(f"“{name}” is a symbolic link; a link is not published.",
                          f"Replace the link with a copy of the PDF in {where}.")
    if not stat.S_ISREG(status.st_mode):
        return PdfRefusal(f"“{name}” is not a file in {where}.", put_it_there)
    try:
        data = read_bytes(path, max_mb * MB)
    except FileTooLarge as err:
        return PdfRefusal(f"“{name}” is {err.size / MB:.1f} MB ({err.size:,} bytes); the limit "
                          f"is {max_mb} MB ({max_mb * MB:,} bytes).",
                          "Make the PDF smaller (e.g. export it with compressed images), or "
                          "let the editors raise `max_pdf_mb` in conference.yaml.")
    except OSError as err:
        return PdfRefusal(f"“{name}” cannot be read ({err.strerror}).",
                          "Check that the file is readable.")
    return judge_pdf(name, data, where)
