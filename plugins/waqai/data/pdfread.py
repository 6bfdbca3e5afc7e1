"""What a PDF holds, read with pypdf: is it whole, is it encrypted, does it carry
anything a PDF viewer would run, and how many pages it has.

A viewer runs what a file asks it to: JavaScript (`/JS`, the document's
`/JavaScript` name tree, actions of type JavaScript, XML forms), other programs
(`/Launch`), rich media, and actions when the document, a page, a form field or an
annotation opens or is touched (`/OpenAction`, `/AA`); a form can send what a reader
types to any address (`/SubmitForm`), and a PDF can carry other files (`/EmbeddedFiles`)
or open them (`/GoToR`, `/GoToE`). The site gives contributors' PDFs to every reader,
so a PDF with any of these is refused, wherever in the file it is: every object
the cross-reference table lists is read, not only those a viewer reaches from
the catalog. Content streams are not decoded; drawing a page runs nothing.

pypdf reads leniently (strict=False), as viewers do, so that a PDF with a small
flaw from its producer is still accepted; a file that is cut short is not.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

PDF_MAGIC = b"%PDF-"
# The last line of a PDF is "%%EOF"; readers look for it in the last 1,024 bytes.
EOF_MARKER, EOF_WINDOW = b"%%EOF", 1024
# A script, the script name tree, triggered actions; files carried inside the PDF
# (the /EmbeddedFiles name tree, a file specification's /EF), XML forms (/XFA, which
# carry their own scripts) and rich media (Flash, 3D) content.
RUNNABLE_KEYS = ("/JS", "/JavaScript", "/AA", "/EmbeddedFiles", "/EF", "/XFA",
                 "/RichMediaContent")
# Values of an action's /S: run a script or a program; send the form's fields to an
# address (/SubmitForm) or fill them from a file (/ImportData); open another file
# (/GoToR) or an embedded one (/GoToE); run rich media (/RichMediaExecute).
RUNNABLE_ACTIONS = ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR",
                    "/GoToE", "/RichMediaExecute")
REMAKE = ("Make the PDF again from the paper's source (“Export as PDF” or “Print to PDF”) "
          "without {what}, and replace the file.")


class PdfRefusal(NamedTuple):
    message: str
    fix: str


def judge_pdf(name: str, data: bytes, where: str) -> PdfRefusal | int:
    """Why the bytes `data` of the file `name` in the folder `where` may not be published,
    or, if they may, the PDF's number of pages."""
    if not data.startswith(PDF_MAGIC):
        return PdfRefusal(f"“{name}” is not a PDF: it does not start with “%PDF-”.",
                          f"Save the paper as PDF (e.g. “Export as PDF”) and put that file "
                          f"in {where}.")
    if EOF_MARKER not in data[-EOF_WINDOW:]:
        return PdfRefusal(f"“{name}” is incomplete: it does not end with “%%EOF”, as every "
                          "PDF does (was it cut short while being copied or uploaded?).",
                          f"Copy the whole PDF into {where} again.")
    with _quiet():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                return PdfRefusal(f"“{name}” is encrypted (it has a password or "
                                  "restrictions), so readers and indexes may not open it.",
                                  REMAKE.format(what="a password or restrictions"))
            runnable = sorted(set(_runnable(reader)))
            pages = len(reader.pages)
        except Exception as err:  # noqa: BLE001 - any failure of the parser on this file
            return PdfRefusal(f"“{name}” cannot be read as a PDF ({_reason(err)}).",
                              f"Export the paper as PDF again and replace the file in {where}.")
    if runnable:
        return PdfRefusal(f"“{name}” carries scripts or actions that a PDF viewer would run "
                          f"({', '.join(runnable)}).",
                          REMAKE.format(what="scripts, form actions or links that launch "
                                             "programs"))
    if pages == 0:
        return PdfRefusal(f"“{name}” has no pages.", f"Put the paper's PDF in {where}.")
    return pages


def _runnable(reader: PdfReader) -> Iterator[str]:
    """The marks of runnable content in every object the file lists."""
    for generation, table in list(reader.xref.items()):
        for number in list(table):
            yield from _runnable_in(reader.get_object(IndirectObject(number, generation, reader)))
    for number in list(reader.xref_objStm):
        yield from _runnable_in(reader.get_object(IndirectObject(number, 0, reader)))


def _runnable_in(obj: PdfObject | None) -> Iterator[str]:
    """The marks in one object and the direct objects inside it (each indirect one
    is read on its own)."""
    pending = [obj]
    while pending:
        item = pending.pop()
        if isinstance(item, DictionaryObject):  # streams too: their dictionary
            for key, value in item.items():
                if key in RUNNABLE_KEYS:
                    yield key
                elif key == "/S" and value in RUNNABLE_ACTIONS:
                    yield str(value)
                elif key == "/OpenAction" and _is_runnable_action(value):
                    yield key
                if not isinstance(value, IndirectObject):
                    pending.append(value)
        elif isinstance(item, ArrayObject):
            pending.extend(value for value in item if not isinstance(value, IndirectObject))


def _is_runnable_action(value: PdfObject) -> bool:
    """An /OpenAction that runs something (not one that opens a page at a place)."""
    action = value.get_object()
    return isinstance(action, DictionaryObject) and (
        "/JS" in action or action.get("/S") in RUNNABLE_ACTIONS)


def _reason(err: Exception) -> str:
    """The parser's reason, on one short line."""
    text = re.sub(r"\s+", " ", str(err)).strip()[:160]
    return text or type(err).__name__


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs and warns about what it repairs; the refusal says all an editor needs."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
