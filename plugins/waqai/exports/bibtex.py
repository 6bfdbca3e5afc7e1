r"""BibTeX/biblatex export: one ``@inproceedings`` per item, written from a `Citation`
(one form of the item's record, see `record`).

Fields (all checked against biber's default biblatex data model, which
``biber --tool --validate-datamodel`` enforces):

- ``author``/``editor``: ``Person(first=given, last=family)`` from the
  record's names, never split from a string; the honorific is not written. A
  corporate author (an item with no people) is written in double braces,
  ``author = {{معهد الإدارة العامة}}``, so that BibTeX and biber treat it as
  one name and never split it into given and family parts.
- ``title``: the form's title (an Arabic item's Arabic title in the original
  form and its bracketed English translation in the romanised one; an English
  item's own title in both), each word whose case is kept (`Citation.fixed_case`)
  braced, ``{BERT}``, which a style that lower-cases titles leaves as it is;
  ``langid`` the language the values are written in
  (``arabic``/``english``: biblatex hyphenates with it); ``language`` the item's
  language (``arabic``, ``english``), which biblatex styles print.
- ``booktitle`` the volume, ``eventtitle`` the conference, ``venue`` and
  ``address`` the city (biber maps ``address`` to ``location``), ``publisher``.
- ``date`` the item's day (``2015-11-17``), ``eventdate`` the conference's days
  (``2015-11-17/2015-11-19``), and for classic BibTeX, which reads no ``date``,
  ``year`` and ``month = nov``: a month macro, which BibTeX styles print as
  the month's name and biber reads as the number (a bare ``11`` prints "11").
- ``keywords`` (comma-separated), which reference managers import. No
  ``abstract``: the standard styles never print it, the file is what the
  paper page's Cite panel shows for copying into a reference list, and an
  abstract there doubled the panel and the volume file. The abstracts are in
  the RIS (``AB``) and CSL-JSON (``abstract``) exports, which reference
  managers import with everything else. (An archive's whole-archive file
  exists with abstracts too, ``archive+abstracts.bib``, as the ACL Anthology's
  ``anthology+abstracts.bib``: there the ``abstract`` is the entry's last
  field.) ``pages``, ``doi`` and ``url`` (the
  item's page in the form's language) when known.

Escaping: LaTeX specials ``& % $ # _ { } ~ ^ \`` are escaped here, once, in
text fields and names, and never in ``url``/``doi``. pybtex's own writer
escapes ``& % # _`` in every field (URLs included) and its parser does not
unescape, so the text is written by `_Writer`, a pybtex writer that leaves
values as given. Reading a file back with pybtex and applying
`unescape_latex` gives the data back; writing what was read gives the same
bytes.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import TextIO

from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer

from waqai.exports.common import one_line
from waqai.exports.record import Citation, Name
from waqai.text import casing
from waqai.text.braces import validate_bibtex_text

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_ESCAPE_RE = re.compile("|".join(re.escape(ch) for ch in _ESCAPES))
_UNESCAPES = {v: k for k, v in _ESCAPES.items()}
_UNESCAPE_RE = re.compile("|".join(re.escape(s) for s in sorted(_UNESCAPES, key=len, reverse=True)))
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LANGIDS = {"ar": "arabic", "en": "english"}


def escape_latex(text: str) -> str:
    """Escape LaTeX specials in one pass, after collapsing whitespace."""
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], one_line(text))


def unescape_latex(text: str) -> str:
    """Inverse of `escape_latex` on its output."""
    return _UNESCAPE_RE.sub(lambda m: _UNESCAPES[m.group()], text)


class _Writer(Writer):  # type: ignore[misc]  # pybtex has no type information: Writer is Any
    """pybtex's BibTeX writer, minus its escaping: values arrive escaped."""

    def quote(self, s: str) -> str:
        problem = validate_bibtex_text(s)
        if problem:
            raise ValueError(f"cannot write {s!r} to BibTeX: {problem}")
        return "{" + s + "}"

    def _encode(self, text: str) -> str:
        return text

    def _write_field(self, stream: TextIO, type: str, value: str) -> None:  # noqa: A002 (pybtex's signature)
        macro = value[:3].lower()
        if type == "month" and macro in MONTHS:  # pybtex reads `nov` back as "November"
            stream.write(f",\n    {type} = {macro}")
        else:
            super()._write_field(stream, type, value)


_WRITER = _Writer(encoding="UTF-8")


def _name_part(text: str) -> str:
    """Escape a name part; brace it if BibTeX would split it (comma, «and»)."""
    escaped = escape_latex(text)
    if "," in escaped or re.search(r"(?i)(^|\s)and(\s|$)", escaped):
        return "{" + escaped + "}"
    return escaped


def bib_title(title: str, fixed: tuple[str, ...]) -> str:
    """The escaped title, each of its words in `fixed` braced to keep its case."""
    return "".join("{" + escape_latex(text) + "}" if kept else _ESCAPE_RE.sub(
        lambda m: _ESCAPES[m.group()], text) for text, kept in casing.parts(one_line(title), fixed))


def bib_name(name: Name) -> Person:
    if name.corporate:
        return Person(last="{" + escape_latex(name.family) + "}")
    return Person(first=_name_part(name.given), last=_name_part(name.family))


def _pages(cite: Citation) -> str:
    if isinstance(cite.pages, tuple):
        return f"{cite.pages[0]}--{cite.pages[1]}"
    return cite.pages or ""


def bib_entry(cite: Citation, with_abstract: bool = False) -> Entry:
    """The item's entry; `with_abstract`: with its ``abstract`` last (an archive's
    `+abstracts` file, `exports/archive.py`), the other fields as without."""
    persons = {"author": [bib_name(n) for n in cite.authors]}
    if cite.editors:
        persons["editor"] = [bib_name(n) for n in cite.editors]
    text = {
        "title": cite.title,
        "langid": _LANGIDS[cite.text_language],
        "language": _LANGIDS[cite.item_lang],
        "booktitle": cite.container,
        "eventtitle": cite.event_title,
        "venue": cite.place,
        "address": cite.place,
        "publisher": cite.publisher,
        "keywords": ", ".join(cite.keywords),
        "pages": _pages(cite),
        "note": cite.note,
    }
    fields = {name: escape_latex(value) for name, value in text.items() if value}
    if cite.title:
        fields["title"] = bib_title(cite.title, cite.fixed_case)
    fields["date"] = cite.date.isoformat()
    fields["eventdate"] = f"{cite.event_start.isoformat()}/{cite.event_end.isoformat()}"
    fields["year"] = str(cite.date.year)
    fields["month"] = MONTHS[cite.date.month - 1]
    if cite.doi:
        fields["doi"] = cite.doi
    fields["url"] = cite.url
    if with_abstract and cite.abstract:
        fields["abstract"] = escape_latex(cite.abstract)
    return Entry("inproceedings", fields=fields, persons=persons)


def write_bibliography(bib_data: BibliographyData) -> str:
    """Text of a .bib file; values must already be escaped (see `escape_latex`)."""
    stream = io.StringIO()
    _WRITER.write_stream(bib_data, stream)
    return stream.getvalue()


def paper_bibtex(cite: Citation, with_abstract: bool = False) -> str:
    return write_bibliography(BibliographyData(entries=[(cite.key,
                                                         bib_entry(cite, with_abstract))]))


def join_entries(entries: Iterable[str]) -> str:
    """A .bib text of entries written one by one: the writer ends each with a newline
    and separates entries with one blank line (test_bibtex checks it matches writing
    them all at once)."""
    return "\n".join(entries)


def volume_bibtex(cites: Iterable[Citation]) -> str:
    """Every item of the volume, in the order given (programme order)."""
    return join_entries(paper_bibtex(cite) for cite in cites)
