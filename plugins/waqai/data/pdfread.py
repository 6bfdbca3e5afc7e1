"""What a PDF holds, read with pikepdf (qpdf): is it whole, is it encrypted, does it
carry anything a PDF viewer would run, and how many pages it has.

A viewer runs what a file asks it to: JavaScript (`/JS`, the document's
`/JavaScript` name tree, actions of type JavaScript, XML forms), other programs
(`/Launch`), rich media, and actions when the document, a page, a form field or an
annotation opens or is touched (`/OpenAction`, `/AA`); a form can send what a reader
types to any address (`/SubmitForm`), and a PDF can carry other files (`/EmbeddedFiles`)
or open them (`/GoToR`, `/GoToE`). The site gives contributors' PDFs to every reader,
so a PDF with any of these is refused, wherever in the file it is: every object
the cross-reference table lists is read, not only those a viewer reaches from
the catalog. Content streams are not decoded; drawing a page runs nothing.

qpdf reads leniently, as viewers do, so that a PDF with a small flaw from its
producer (a cross-reference table or a stream length that is off) is still
accepted; a file that is cut short is not, nor one that qpdf can read only in part
(an object it had to cut short, drop or guess at, an object stream it cannot
decode, an object the file refers to that is not there): what is not read is not
checked. The pages are counted as the book lays them in (`book/`), with qpdf too:
an entry of the page tree that is not a page is not counted.
"""

from __future__ import annotations

import io
import json
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import pikepdf

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

# The objects are read as qpdf's JSON (`Object.to_json`): a name is "/Name", a string
# "u:text" (or "b:" and hex), a reference to another object "12 0 R".
_KEYS = frozenset(RUNNABLE_KEYS)
# An action's type written as a string, not a name, is taken as the name it spells.
_ACTIONS = {**{action: action for action in RUNNABLE_ACTIONS},
            **{"u:" + action: action for action in RUNNABLE_ACTIONS}}
_REFERENCE = re.compile(r"(\d+) (\d+) R")
_CONTAINERS = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)
# What qpdf warns of when it could read an object only in part, or not at all, and
# went on without it (or guessed at it).
_LOST = re.compile(
    r"treating as null|giving up on reading object|not found in file after regenerating"
    r"|parse error while reading object|unexpected EOF|EOF while reading token"
    r"|unknown token while reading object|expected dictionary keys? but found non-name"
    r"|unexpected array close|unexpected dictionary close|unexpected \)|unexpected >"
    r"|invalid character|error decoding stream data|expected endobj|duplicated key")
_RECONSTRUCTED = "reconstruct cross-reference table"
# qpdf names the input at the start of each message: here "stream <_io.BytesIO …>",
# then where in it ("(object 6 0, offset 569)"), which says nothing to an editor.
_SOURCE = re.compile(r"^stream <[^>]*>[^:]*: ")


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
    encrypted = PdfRefusal(f"“{name}” is encrypted (it has a password or restrictions), so "
                           "readers and indexes may not open it.",
                           REMAKE.format(what="a password or restrictions"))
    with _quiet():
        try:
            # qpdf reads an object when it is first used: everything is read in here.
            with pikepdf.open(io.BytesIO(data), inherit_page_attributes=False) as pdf:
                if pdf.is_encrypted:  # e.g. restrictions only: it opens without a password
                    return encrypted
                objects = list(pdf.objects)  # before the pages, which may add some
                runnable = sorted(set(_runnable(pdf, objects)))
                pages = len(pdf.pages)
                lost = _lost(pdf, len(objects))
        except pikepdf.PasswordError:
            return encrypted
        except Exception as err:  # noqa: BLE001 - any failure of the parser on this file
            runnable, lost = [], _reason(err)
    if runnable:  # found even where qpdf could not read all
        return PdfRefusal(f"“{name}” carries scripts or actions that a PDF viewer would run "
                          f"({', '.join(runnable)}).",
                          REMAKE.format(what="scripts, form actions or links that launch "
                                             "programs"))
    if lost is not None:
        return PdfRefusal(f"“{name}” cannot be read as a PDF ({lost}).",
                          f"Export the paper as PDF again and replace the file in {where}.")
    if pages == 0:
        return PdfRefusal(f"“{name}” has no pages.", f"Put the paper's PDF in {where}.")
    return pages


def _runnable(pdf: pikepdf.Pdf, objects: list[Any]) -> Iterator[str]:
    """The marks of runnable content in `objects` (every object of `pdf`), each object
    with the direct objects inside it: an indirect one is read on its own, so no
    object is read twice and a cycle of references ends."""
    for obj in objects:
        if not isinstance(obj, _CONTAINERS):
            continue
        # The object itself, not a reference to it; a stream's dictionary, not its data.
        pending: list[Any] = [json.loads(obj.to_json(dereference=True))]
        while pending:
            item = pending.pop()
            if isinstance(item, dict):
                for key, value in item.items():
                    if key in _KEYS:
                        yield key
                    elif key == "/S" and _action(value):
                        yield _ACTIONS[value]
                    elif key == "/OpenAction" and _is_runnable_action(pdf, value):
                        yield key
                    if isinstance(value, dict | list):
                        pending.append(value)
            else:
                pending.extend(value for value in item if isinstance(value, dict | list))


def _action(value: Any) -> bool:
    """Is `value` (an action's /S) one of RUNNABLE_ACTIONS?"""
    return isinstance(value, str) and value in _ACTIONS


def _is_runnable_action(pdf: pikepdf.Pdf, value: Any) -> bool:
    """An /OpenAction that runs something (not one that opens a page at a place)."""
    if isinstance(value, str) and (reference := _REFERENCE.fullmatch(value)):
        action = pdf.get_object(int(reference[1]), int(reference[2]))
        if not isinstance(action, pikepdf.Dictionary | pikepdf.Stream):
            return False
        value = json.loads(action.to_json(dereference=True))
    return isinstance(value, dict) and ("/JS" in value or _action(value.get("/S")))


def _lost(pdf: pikepdf.Pdf, objects: int) -> str | None:
    """What qpdf could not read of `pdf`, which has `objects` objects, if anything."""
    messages = [_one_line(warning) for warning in pdf.get_warnings()]
    for message in messages:
        if _LOST.search(message):
            return message
    # A file whose cross-reference table was lost is read object by object: an object
    # qpdf did not find then may be one a viewer finds. (Pdf.objects holds, as null, each
    # object that something refers to and the file does not have.)
    if any(_RECONSTRUCTED in message for message in messages):
        listed = sum(1 for entry in pdf.get_xref_table().values() if entry.type)
        if objects > listed:
            return "objects it refers to are missing"
    return None


def _reason(err: Exception) -> str:
    """The parser's reason, on one short line."""
    return _one_line(str(err)) or type(err).__name__


def _one_line(message: str) -> str:
    """qpdf's `message`, without the name of its input, on one short line."""
    return re.sub(r"\s+", " ", _SOURCE.sub("", message)).strip()[:160]


@contextmanager
def _quiet() -> Iterator[None]:
    """qpdf logs (through pikepdf) what it repairs; the refusal says all an editor needs."""
    logger = logging.getLogger("pikepdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
