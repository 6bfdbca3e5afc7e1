"""What may be published as a paper's PDF (`pdf: paper.pdf` in its paper.yaml).

The build copies the file into the site as it is, so `check` refuses here what
must not go out: a name that is not a plain file name, a missing file, a
symbolic link, a file that lies outside the paper's own folder, and a file that
is not a PDF at all (it does not start with `%PDF-`).

Only the file's first bytes are read. Looking inside a PDF (scripts, actions,
embedded files) is deliberately not done here: it needs a PDF parser and is a
question of its own.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from waqai.data.fields import PDF_NAME

PDF_MAGIC = b"%PDF-"


class PdfRefusal(NamedTuple):
    message: str
    fix: str


def refuse_pdf(name: str, folder: Path, data_dir: Path, shown_folder: str) -> PdfRefusal | None:
    """Why `name` in the paper folder `folder` may not be published, or None if it may.

    `data_dir` is the data folder (`papers/`); `shown_folder` the folder as editors see it.
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
    # The folder itself may be a link: the file must really be in the data folder.
    if path.resolve().parent != data_dir.resolve() / folder.name:
        return PdfRefusal(f"“{name}” lies outside {where} (in {path.resolve().parent}).",
                          put_it_there)
    try:
        with open(path, "rb") as handle:
            start = handle.read(len(PDF_MAGIC))
    except OSError as err:
        return PdfRefusal(f"“{name}” cannot be read ({err.strerror}).",
                          "Check that the file is readable.")
    if start != PDF_MAGIC:
        return PdfRefusal(f"“{name}” is not a PDF: it does not start with “%PDF-”.",
                          f"Save the paper as PDF (e.g. “Export as PDF”) and put that file "
                          f"in {where}.")
    return None
