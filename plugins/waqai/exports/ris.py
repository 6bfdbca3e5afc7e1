"""RIS export: one ``TY  - CONF`` record per item, written from a `Citation`.

The type and tags are those that both Zotero and citation-js read as the item's
own title and the volume it is in. Read in Zotero's RIS translator
(`zotero/translators`, ``RIS.js`` at commit 2814370) and citation-js's RIS
plugin (`citation-js/citation-js`, ``packages/plugin-ris/src/spec/new.json`` at
commit 7109cc0, the mapping its default "mixed" spec starts from):

- ``TY  - CONF``: Zotero ``conferencePaper`` (RIS.js ``exportTypeMap``,
  "conferencePaper: CONF"), citation-js ``paper-conference`` (``types.json``).
  ``CPAPER`` is the same type to both, but citation-js reads ``C3`` only for
  ``CONF`` (new.json: "C3" → "container-title" when TY is ["CONF"]), so
  with ``CPAPER`` the volume was lost.
- ``TI`` the form's title: Zotero ``title`` (``fieldMap.TI``), citation-js
  ``title``. No ``TT``: citation-js makes ``TT`` the title and ``TI`` the
  ``original-title`` whenever ``TT`` is present (new.json: "TT" → "title";
  "TI" → "original-title" when source has TT), which swapped the titles.
- ``T2`` the event's title: Zotero ``conferenceName`` (``fieldMap.T2``),
  citation-js ``event`` (new.json: "T2" → "event" for CONF, CPAPER).
- ``C3`` the volume's title: Zotero ``proceedingsTitle`` (``fieldMap.C3``),
  citation-js ``container-title``.
- ``CY`` the city: citation-js ``event-place`` (new.json: "CY" →
  "event-place" for CONF); Zotero ``place`` (``degenerateImportFieldMap.CY``:
  ``fieldMap.CY`` excludes conferencePaper). ``C1`` the city again:
  citation-js ``publisher-place`` ("C1" → "publisher-place" for CONF),
  Zotero ``place`` (``fieldMap.C1``); Zotero's ``applyValue`` keeps the first
  value and drops an equal second one silently.
- ``DA`` the item's day, ``YYYY/MM/DD/``: Zotero ``date`` (``fieldMap.DA``),
  citation-js ``issued`` (new.json: ["DA", "C2"] → "issued" for CONF).
  ``PY`` the same day: Zotero keeps ``PY`` only as a fallback for a missing
  ``DA`` ("PY is typically less complete … store it as backup"); citation-js
  reads it as ``event-date`` for CONF (new.json: "PY" → "event-date"), a day
  the event was on.
- ``AU`` ``Family, Given`` (a corporate author: its name, no comma), ``A2``
  editors (both: editor), ``PB`` publisher, ``LA`` the item's language, ``KW``
  one keyword a line, ``AB`` the abstract (both: abstract), ``UR``, ``DO``,
  ``SP``/``EP``, ``ID`` the citation key shared with BibTeX and CSL-JSON, ``N1``
  the item's retraction or withdrawal and errata, dated (both: note; BibTeX
  ``note``, CSL ``note``).

Values are put on one line (`one_line`), so an untrusted title holding a
newline cannot start a new tag or end the record.
"""

from __future__ import annotations

from collections.abc import Iterable

from waqai.exports.common import tagged_lines
from waqai.exports.record import Citation, Name


def ris_name(name: Name) -> str:
    return f"{name.family}, {name.given}" if name.given and not name.corporate else name.family


def ris_date(cite: Citation) -> str:
    day = cite.date
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"


def _tags(cite: Citation) -> list[tuple[str, str]]:
    tags: list[tuple[str, str]] = [("TY", "CONF"), ("ID", cite.key)]
    tags += [("AU", ris_name(n)) for n in cite.authors]
    tags += [("A2", ris_name(n)) for n in cite.editors]
    tags += [
        ("TI", cite.title),
        ("T2", cite.event_title),
        ("C3", cite.container),
        ("CY", cite.place),
        ("C1", cite.place),
        ("PB", cite.publisher),
        ("PY", ris_date(cite)),
        ("DA", ris_date(cite)),
        ("LA", cite.language),
    ]
    tags += [("KW", kw) for kw in cite.keywords]
    tags += [("AB", cite.abstract), ("UR", cite.url), ("DO", cite.doi),
             ("SP", cite.first_page), ("EP", cite.last_page), ("N1", cite.note)]
    return tags


def paper_ris(cite: Citation) -> str:
    return tagged_lines(_tags(cite), "{tag}  - {value}") + "ER  - \n"


def join_records(records: Iterable[str]) -> str:
    """A .ris text of records, a blank line between them."""
    return "\n".join(records)


def volume_ris(cites: Iterable[Citation]) -> str:
    """Every item of the volume, in the order given (programme order)."""
    return join_records(paper_ris(cite) for cite in cites)
