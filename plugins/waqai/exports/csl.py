"""CSL-JSON export: one ``paper-conference`` item per item of the programme.

Variables (all defined in the CSL-JSON schema the tests validate against,
``tests/schemas/csl-data.json``; see the README there):

- ``id`` the citation key shared with BibTeX and RIS; ``type``
  ``paper-conference``; ``language`` ``ar``.
- ``title`` the Arabic title. The item *is* Arabic, so the English title is
  not its ``original-title`` (that names the original of a translation), and
  the schema we validate against has no translated-title variable: the
  English title goes in ``note`` as ``English title: …``, which citation
  processors and Zotero keep.
- ``author``/``editor`` as ``{"family", "given"}`` in Arabic (given = ism +
  nasab, honorific dropped); an item with no people gets the conference
  publisher as an institutional author, ``{"literal": …}``.
- ``container-title`` and ``event`` the Arabic conference title (``event`` is
  the name every CSL-JSON schema version accepts; 1.0.2 adds ``event-title``
  as its successor), ``event-place`` and ``publisher-place`` the city,
  ``event-date`` the conference's first to last day, ``publisher``,
  ``issued`` year and month of the conference, ``URL`` the paper page on
  this site, ``DOI``, ``page``, ``keyword`` (Arabic then English keywords,
  comma-separated).

Values are plain strings: JSON needs no escaping beyond what `json` does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from waqai.data.model import Paper, Proceedings
from waqai.data.model import Person as ModelPerson
from waqai.exports.common import given_names, one_line, page_range, paper_url

CslItem = dict[str, Any]


def csl_name(person: ModelPerson) -> dict[str, str]:
    name = {"family": person.name_ar.family}
    given = given_names(person.name_ar)
    if given:
        name["given"] = given
    return name


def _date(*days: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[d.year, d.month, d.day] for d in days]}


def csl_item(proc: Proceedings, paper: Paper, keys: dict[str, str]) -> CslItem:
    conf = proc.conference
    item: CslItem = {"id": keys[paper.id], "type": "paper-conference", "language": "ar"}
    item["title"] = one_line(paper.title.ar)
    if paper.title.en:
        item["note"] = "English title: " + one_line(paper.title.en)
    if paper.people:
        item["author"] = [csl_name(p) for p in proc.people_of(paper)]
    else:
        item["author"] = [{"literal": one_line(conf.publisher.ar)}]
    if conf.editors:
        item["editor"] = [csl_name(proc.person(pid)) for pid in conf.editors]
    item["container-title"] = one_line(conf.title.ar)
    item["event"] = one_line(conf.title.ar)
    item["event-place"] = one_line(conf.city.ar)
    item["event-date"] = (_date(conf.start, conf.end) if conf.end != conf.start
                          else _date(conf.start))
    item["publisher"] = one_line(conf.publisher.ar)
    item["publisher-place"] = one_line(conf.city.ar)
    item["issued"] = {"date-parts": [[conf.year, conf.start.month]]}
    if paper.pages:
        bounds = page_range(paper.pages)
        item["page"] = f"{bounds[0]}-{bounds[1]}" if bounds else one_line(paper.pages)
    if paper.doi:
        item["DOI"] = one_line(paper.doi)
    item["URL"] = paper_url(conf, paper)
    keywords = [one_line(k) for k in (*paper.keywords_in("ar"), *paper.keywords_in("en"))]
    if keywords:
        item["keyword"] = ", ".join(k for k in keywords if k)
    return item


def paper_csl(proc: Proceedings, paper: Paper, keys: dict[str, str]) -> list[CslItem]:
    """A one-item CSL-JSON document (a list, as the format requires)."""
    return [csl_item(proc, paper, keys)]


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


def volume_csl(proc: Proceedings, keys: dict[str, str]) -> str:
    """Every item of the volume, in programme order, as CSL-JSON text."""
    return csl_json([csl_item(proc, p, keys) for p in proc.papers])
