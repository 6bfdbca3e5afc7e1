"""What a PDF holds, read with pikepdf (qpdf): is it whole, is it encrypted, does it
carry anything a PDF viewer would run, and how many pages it has; and, before qpdf
reads it, whether reading it stays within the limits below (`pdfcost.py`).

A viewer runs what a file asks it to: JavaScript (`/JS`, the document's
`/JavaScript` name tree, actions of type JavaScript, XML forms), other programs
(`/Launch`), rich media, and actions when the document, a page, a form field or an
annotation opens or is touched (`/OpenAction`, `/AA`); a form can send what a reader
types to any address (`/SubmitForm`), and a PDF can carry other files (`/EmbeddedFiles`)
or open them (`/GoToR`, `/GoToE`). The site gives contributors' PDFs to every reader,
so a PDF with any of these is refused, wherever in the file it is: every object
the cross-reference table lists is read, not only those a viewer reaches from
the catalog. Content streams are not decoded; drawing a page runs nothing. A link's
web address (a /URI action) must be one: http, https or mailto, written as such
from its first character (a viewer opens `javascript:`, `data:` or `file:` too).

qpdf reads leniently, as viewers do, so that a PDF with a small flaw from its
producer (a cross-reference table or a stream length that is off) is still
accepted; a file that is cut short is not, nor one that qpdf can read only in part
(an object it had to cut short, drop or guess at, an object stream it cannot
decode, an object the file refers to that is not there): what is not read is not
checked: that includes data qpdf drops because it is nested too deep. The pages are
counted as the book lays them in (`book/`), with qpdf too: an entry of the page tree
that is not a page is not counted.

A contributor's PDF costs `check` and the book what qpdf decodes and holds, not its
size on disk: a few megabytes can inflate to gigabytes, or hold millions of objects
or pages. So each PDF is measured from its bytes first, within the limits below
(each named in its refusal), and qpdf reads only a PDF within them; the streams qpdf
then reads must be those that were measured, with the same filters.
"""

from __future__ import annotations

import io
import json
import logging
import re
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import pikepdf

from waqai.data.pdfcost import (
    Encrypted,
    Excess,
    Limits,
    Measured,
    Unmeasurable,
    filter_chain,
    measure_pdf,
)

MIB = 1 << 20
# What one PDF may cost. A paper of 20 MB (`max_pdf_mb`'s default) inflates to two or
# three times that: its fonts and drawings are Flate-compressed about 2:1, photographs
# are JPEG, which is not decoded; 256 MiB leaves room for 12:1 on average (screenshots,
# plots) while holding a book's laying in of it within about half a gigabyte.
MAX_INFLATED = 256 * MIB
# Of that, what its object and cross-reference streams inflate to: qpdf and the check
# make objects of every byte (several times the room). A paper's are a few megabytes.
MAX_STRUCTURE = 32 * MIB
# Objects: a paper of a few dozen pages has some thousands, a tagged book of 1,000
# pages about 100,000; each costs qpdf and the check about 1 KB and 8 µs.
MAX_OBJECTS = 250_000
# Pages: proceedings papers are short; a whole book of another conference is not a paper.
MAX_PAGES = 1_000
LIMITS = Limits(inflated=MAX_INFLATED, structure=MAX_STRUCTURE, objects=MAX_OBJECTS)

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
# A link's target a viewer may open: a web page or an e-mail address, from the first
# character on (no space before it, no control character in it; in any case).
WEB_TARGET = re.compile(r"(?:https?://|mailto:)[^\x00-\x1f\x7f-\x9f]*", re.IGNORECASE)

# The objects are read as qpdf's JSON (`Object.to_json`): a name is "/Name", a string
# "u:text" (or "b:" and hex), a reference to another object "12 0 R".
_KEYS = frozenset(RUNNABLE_KEYS)
_WATCHED = _KEYS | {"/S", "/OpenAction"}  # the keys of a dictionary that are looked at
# An action's type written as a string, not a name, is taken as the name it spells.
_ACTIONS = {**{action: action for action in RUNNABLE_ACTIONS},
            **{"u:" + action: action for action in RUNNABLE_ACTIONS}}
_REFERENCE = re.compile(r"(\d+) (\d+) R")
_CONTAINERS = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)
# What qpdf warns of when it could read an object only in part, or not at all, and
# went on without it (or guessed at it; or, past one of its limits, dropped it: data
# nested more than 499 deep becomes null).
_LOST = re.compile(
    r"treating as null|giving up on reading object|not found in file after regenerating"
    r"|limits error|ignoring excessively deeply nested data structure"
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
    unreadable = f"Export the paper as PDF again and replace the file in {where}."
    measured = measure_pdf(data, LIMITS)
    if isinstance(measured, Encrypted):
        return encrypted
    if isinstance(measured, Excess):
        return _too_costly(name, measured, where)
    if isinstance(measured, Unmeasurable):
        return PdfRefusal(f"“{name}” cannot be read as a PDF ({measured.reason}).", unreadable)
    link = None
    with _quiet():
        try:
            # qpdf reads an object when it is first used: everything is read in here.
            with pikepdf.open(io.BytesIO(data), inherit_page_attributes=False) as pdf:
                if pdf.is_encrypted:  # e.g. restrictions only: it opens without a password
                    return encrypted
                objects = list(pdf.objects)  # before the pages, which may add some
                marks: set[str] = set()
                for dictionary in _dictionaries(objects):
                    if not _WATCHED.isdisjoint(dictionary):  # (most have none of them)
                        marks.update(_marks(pdf, dictionary))
                        link = link or _not_a_web_link(pdf, dictionary)
                runnable = sorted(marks)
                pages = len(pdf.pages)
                lost = _unmeasured(objects, measured) or _lost(pdf, len(objects))
        except pikepdf.PasswordError:
            return encrypted
        except Exception as err:  # noqa: BLE001 - any failure of the parser on this file
            runnable, lost = [], _reason(err)
    if runnable:  # found even where qpdf could not read all
        return PdfRefusal(f"“{name}” carries scripts or actions that a PDF viewer would run "
                          f"({', '.join(runnable)}).",
                          REMAKE.format(what="scripts, form actions or links that launch "
                                             "programs"))
    if link is not None:
        return PdfRefusal(f"“{name}” has a link to “{link}”, which is not a web page "
                          "(http:// or https://) or an e-mail address (mailto:): a viewer "
                          "may run it or open a file.",
                          REMAKE.format(what="links to anything but web pages and e-mail "
                                             "addresses"))
    if lost is not None:
        return PdfRefusal(f"“{name}” cannot be read as a PDF ({lost}).", unreadable)
    if pages == 0:
        return PdfRefusal(f"“{name}” has no pages.", f"Put the paper's PDF in {where}.")
    if pages > MAX_PAGES:
        return PdfRefusal(f"“{name}” has {pages:,} pages; the limit for one PDF is "
                          f"{MAX_PAGES:,} (a paper is not a whole book).",
                          f"Put only the paper's own pages in the PDF, and replace the file "
                          f"in {where}.")
    return pages


def _too_costly(name: str, excess: Excess, where: str) -> PdfRefusal:
    """The refusal of a PDF that passes one of LIMITS."""
    what = {"inflated": f"its compressed contents inflate to more than {MAX_INFLATED // MIB} "
                        f"MiB, the limit for one PDF",
            "structure": f"its object and cross-reference streams inflate to more than "
                         f"{MAX_STRUCTURE // MIB} MiB, the limit for one PDF",
            "objects": f"it holds or lists more than {MAX_OBJECTS:,} objects, the limit "
                       f"for one PDF (a paper has a few thousand)"}[excess.limit]
    how = ("with its images compressed as JPEG (e.g. “Reduce file size”)"
           if excess.limit == "inflated" else "with only the paper in it")
    return PdfRefusal(f"“{name}” would take too much memory and time to read: {what}.",
                      f"Export the paper as PDF again, {how}, and replace the file in "
                      f"{where}.")


def _dictionaries(objects: list[Any]) -> Iterator[dict[str, Any]]:
    """Every dictionary in `objects` (every object of a PDF, as qpdf's JSON), with the
    direct ones inside them: an indirect one is read on its own, so no object is read
    twice and a cycle of references ends."""
    for obj in objects:
        if not isinstance(obj, _CONTAINERS):
            continue
        # The object itself, not a reference to it; a stream's dictionary, not its data.
        pending: list[Any] = [json.loads(obj.to_json(dereference=True))]
        while pending:
            item = pending.pop()
            values = item.values() if isinstance(item, dict) else item
            pending.extend(value for value in values if isinstance(value, dict | list))
            if isinstance(item, dict):
                yield item


def _marks(pdf: pikepdf.Pdf, dictionary: dict[str, Any]) -> Iterator[str]:
    """The marks of runnable content in `dictionary` itself."""
    for key, value in dictionary.items():
        if key in _KEYS:
            yield key
        elif key == "/S" and _action(value):
            yield _ACTIONS[value]
        elif key == "/OpenAction" and _is_runnable_action(pdf, value):
            yield key


def _not_a_web_link(pdf: pikepdf.Pdf, dictionary: dict[str, Any]) -> str | None:
    """The target of `dictionary`, if it is a /URI action whose target is not a web page
    or an e-mail address (WEB_TARGET), as an editor may be shown it."""
    if dictionary.get("/S") not in ("/URI", "u:/URI"):
        return None
    target = _text(pdf, dictionary.get("/URI"))
    if target is not None and WEB_TARGET.fullmatch(target):
        return None
    shown = target if target is not None else repr(dictionary.get("/URI"))
    # Control and format characters (a bidi override, a tab) as escapes, not as themselves.
    return "".join(c.encode("unicode_escape").decode() if unicodedata.category(c)[0] in "CZ"
                   and c != " " else c for c in shown[:100]) + ("…" if len(shown) > 100 else "")


def _text(pdf: pikepdf.Pdf, value: Any) -> str | None:
    """The string `value` (qpdf's JSON: "u:" and its text, "b:" and hexadecimal bytes, or
    a reference to one), each byte a character if it is not text; None if no string."""
    if isinstance(value, str) and (reference := _REFERENCE.fullmatch(value)):
        target = pdf.get_object(int(reference[1]), int(reference[2]))
        value = json.loads(target.to_json(dereference=True))
    if not isinstance(value, str):
        return None
    if value.startswith("u:"):
        return value[2:]
    if value.startswith("b:"):
        return bytes.fromhex(value[2:]).decode("latin-1")
    return None


def _unmeasured(objects: list[Any], measured: Measured) -> str | None:
    """A stream qpdf read that was not measured (with its filters) before it was read."""
    for obj in objects:
        if isinstance(obj, pikepdf.Stream) and \
                filter_chain(_filter_names(obj)) not in measured.streams.get(obj.objgen, ()):
            number, generation = obj.objgen
            return f"object {number} {generation}: a stream other than the one measured"
    return None


def _filter_names(stream: pikepdf.Stream) -> list[str]:
    written = stream.get("/Filter")
    if written is None:
        return []
    return [str(name) for name in (written if isinstance(written, pikepdf.Array) else [written])]


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
