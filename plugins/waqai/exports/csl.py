"""CSL-JSON export: one ``paper-conference`` item per item, written from a `Citation`.

Variables (all defined in the CSL 1.0.2 data schema the tests validate
against, ``tests/schemas/csl-data.json``; see the README there):

- ``id`` the citation key shared with BibTeX and RIS; ``type``
  ``paper-conference``; ``language`` the item's language (its BCP 47 tag: ``ar``, ``en``).
- ``title`` the form's title (see `record` for the romanised form's rule; none
  there when the English title is a translation gap).
- ``author``/``editor`` as ``{"family", "given"}`` (the honorific is not
  written); a corporate author as ``{"literal": …}``.
- ``container-title`` the volume, ``event-title`` the conference (1.0.2's
  name; the deprecated ``event`` is not written: pandoc 3's citeproc reads
  ``event-title`` and prints "Paper presented at …" only with it),
  ``event-date`` the conference's first to last day, ``event-place`` and
  ``publisher-place`` the city, ``publisher``, ``issued`` the item's day,
  ``page``, ``DOI``, ``URL`` (the item's page in the form's language),
  ``keyword`` (comma-separated) and ``abstract`` (plain text).

Values are plain strings: JSON needs no escaping beyond what `json` does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from waqai.exports.record import Citation, Name

CslItem = dict[str, Any]


def csl_name(name: Name) -> dict[str, str]:
    if name.corporate:
        return {"literal": name.family}
    return {"family": name.family, **({"given": name.given} if name.given else {})}


def _date(*days: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[d.year, d.month, d.day] for d in days]}


def csl_item(cite: Citation) -> CslItem:
    item: CslItem = {"id": cite.key, "type": "paper-conference", "language": cite.language}
    if cite.title:  # none in the romanised form of an item whose English title is a gap
        item["title"] = cite.title
    item["author"] = [csl_name(n) for n in cite.authors]
    if cite.editors:
        item["editor"] = [csl_name(n) for n in cite.editors]
    days = (cite.event_start, cite.event_end) if cite.event_end != cite.event_start \
        else (cite.event_start,)
    item.update({
        "container-title": cite.container,
        "event-title": cite.event_title,
        "event-date": _date(*days),
        "event-place": cite.place,
        "publisher": cite.publisher,
        "publisher-place": cite.place,
        "issued": _date(cite.date),
    })
    if isinstance(cite.pages, tuple):
        item["page"] = f"{cite.pages[0]}-{cite.pages[1]}"
    elif cite.pages:
        item["page"] = cite.pages
    if cite.doi:
        item["DOI"] = cite.doi
    item["URL"] = cite.url
    if cite.keywords:
        item["keyword"] = ", ".join(cite.keywords)
    if cite.abstract:
        item["abstract"] = cite.abstract
    if cite.note:
        item["note"] = cite.note
    return item


def paper_csl(cite: Citation) -> list[CslItem]:
    """A one-item CSL-JSON document (a list, as the format requires)."""
    return [csl_item(cite)]


def csl_json(items: list[CslItem]) -> str:
    """Serialise items: UTF-8 text as is, key order as built, newline at the end."""
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def join_items(documents: Iterable[str]) -> str:
    """One CSL-JSON document of the items of one-item documents, as `csl_json` writes it.

    A one-item document is a line "[", the item indented by two spaces, and a
    line "]"; the volume holds the same indented items, so no item is serialised
    twice (test_export_volume checks the result equals `volume_csl`).
    """
    bodies = [document[2:-3] for document in documents]
    return "[\n" + ",\n".join(bodies) + "\n]\n" if bodies else csl_json([])


def volume_csl(cites: Iterable[Citation]) -> str:
    """Every item of the volume, in the order given (programme order), as CSL-JSON text."""
    return csl_json([csl_item(cite) for cite in cites])
