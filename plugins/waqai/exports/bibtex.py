r"""BibTeX/biblatex export: one ``@inproceedings`` per item of the programme.

Fields (all checked against biber's default biblatex data model, which
``biber --tool --validate-datamodel`` enforces):

- ``author``: the Arabic names, built with ``Person(first=given + nasab,
  last=family)`` from the structured fields, never split from a string; the
  honorific is dropped. An item with no people (a panel whose experts are not
  named) gets the conference publisher as a *corporate* author in double
  braces, ``author = {{معهد الإدارة العامة}}``, so that BibTeX and biber treat
  it as one name and never split it into given and family parts.
- ``title``: the Arabic title, UTF-8 as is, with ``langid = {arabic}``.
- ``titleaddon``: the English title. biblatex has no "translated title"
  field: ``origtitle`` means the title of the *original* of a translated work
  (here the Arabic title is the original), while ``titleaddon`` is defined for
  ``@inproceedings`` and printed by the standard styles right after the title,
  so the English title stays visible whatever style a reader uses.
- ``booktitle``/``booktitleaddon``: the conference title in Arabic/English;
  ``eventtitle`` (Arabic), ``venue``, ``address`` (the city; biber maps it to
  ``location``), ``publisher``, ``year``, ``month = 11`` (a bare number, as
  biber prefers), ``editor`` when the conference names editors, and
  ``pages``, ``doi`` and ``url`` (the paper page on this site) when known.

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

from waqai.data.model import Paper, Proceedings
from waqai.data.model import Person as ModelPerson
from waqai.exports.common import given_names, one_line, page_range, paper_url
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
_RAW_FIELDS = frozenset({"url", "doi"})


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
        if type == "month" and value.isdigit():
            stream.write(f",\n    {type} = {value}")
        else:
            super()._write_field(stream, type, value)


_WRITER = _Writer(encoding="UTF-8")


def _name_part(text: str) -> str:
    """Escape a name part; brace it if BibTeX would split it (comma, «and»)."""
    escaped = escape_latex(text)
    if "," in escaped or re.search(r"(?i)(^|\s)and(\s|$)", escaped):
        return "{" + escaped + "}"
    return escaped


def bib_person(person: ModelPerson) -> Person:
    name = person.name_ar
    return Person(first=_name_part(given_names(name)), last=_name_part(name.family))


def _pages(pages: str) -> str:
    bounds = page_range(pages)
    return f"{bounds[0]}--{bounds[1]}" if bounds else pages


def bib_entry(proc: Proceedings, paper: Paper) -> Entry:
    conf = proc.conference
    if paper.people:
        authors = [bib_person(p) for p in proc.people_of(paper)]
    else:
        authors = [Person(last="{" + escape_latex(conf.publisher.ar) + "}")]
    persons = {"author": authors}
    if conf.editors:
        persons["editor"] = [bib_person(proc.person(pid)) for pid in conf.editors]
    text = {
        "title": paper.title.ar,
        "titleaddon": paper.title.en,
        "langid": "arabic",
        "booktitle": conf.title.ar,
        "booktitleaddon": conf.title.en,
        "eventtitle": conf.title.ar,
        "venue": conf.venue.ar,
        "address": conf.city.ar,
        "publisher": conf.publisher.ar,
    }
    fields = {name: escape_latex(value) for name, value in text.items() if value}
    fields["year"] = str(conf.year)
    fields["month"] = str(conf.start.month)
    if paper.pages:
        fields["pages"] = escape_latex(_pages(paper.pages))
    if paper.doi:
        fields["doi"] = one_line(paper.doi)
    fields["url"] = paper_url(conf, paper)
    return Entry("inproceedings", fields=fields, persons=persons)


def write_bibliography(bib_data: BibliographyData) -> str:
    """Text of a .bib file; values must already be escaped (see `escape_latex`)."""
    stream = io.StringIO()
    _WRITER.write_stream(bib_data, stream)
    return stream.getvalue()


def paper_bibtex(proc: Proceedings, paper: Paper, keys: dict[str, str]) -> str:
    return write_bibliography(BibliographyData(entries=[(keys[paper.id], bib_entry(proc, paper))]))


def join_entries(entries: Iterable[str]) -> str:
    """A .bib text of entries written one by one: the writer ends each with a newline
    and separates entries with one blank line (test_bibtex checks it matches writing
    them all at once)."""
    return "\n".join(entries)


def volume_bibtex(proc: Proceedings, keys: dict[str, str]) -> str:
    """Every item of the volume, in programme order."""
    return join_entries(paper_bibtex(proc, paper, keys) for paper in proc.papers)
