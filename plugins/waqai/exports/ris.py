"""RIS export: one ``TY  - CPAPER`` record per item of the programme.

Tags, with what Zotero's RIS translator reads them as for a conference paper:

- ``AU`` author, ``Family, Given nasab`` in Arabic (honorific dropped); an
  item with no people gets the conference publisher as its one author, with
  no comma, i.e. an institutional name. ``A2`` editors (Zotero: editor).
- ``TI`` the Arabic title; ``TT`` the English title ("translated title" in
  the RIS specification; Zotero keeps it in a note "Translated Title").
- ``T2`` the conference title (Zotero: conference name), ``C3`` the same as
  the proceedings title (Zotero: proceedings title), in Arabic.
- ``CY`` city, ``PB`` publisher, ``PY`` year, ``DA`` the day of the session
  (``YYYY/MM/DD/``), ``LA`` ``ar``, ``KW`` one keyword a line (Arabic, then
  English), ``UR`` the paper page on this site, ``DO``, ``SP``/``EP``.
- ``ID`` the citation key shared with BibTeX and CSL-JSON.

Values are put on one line (`one_line`), so an untrusted title holding a
newline cannot start a new tag or end the record.
"""

from __future__ import annotations

from collections.abc import Iterable

from waqai.data.model import Paper, Proceedings
from waqai.data.model import Person as ModelPerson
from waqai.exports.common import given_names, one_line, page_range, paper_url


def ris_name(person: ModelPerson) -> str:
    given = given_names(person.name_ar)
    return f"{person.name_ar.family}, {given}" if given else person.name_ar.family


def _tags(proc: Proceedings, paper: Paper, keys: dict[str, str]) -> list[tuple[str, str]]:
    conf = proc.conference
    day = proc.session(paper.session).day
    tags: list[tuple[str, str]] = [("TY", "CPAPER"), ("ID", keys[paper.id])]
    if paper.people:
        tags += [("AU", ris_name(p)) for p in proc.people_of(paper)]
    else:
        tags.append(("AU", conf.publisher.ar))
    tags += [("A2", ris_name(proc.person(pid))) for pid in conf.editors]
    tags += [
        ("TI", paper.title.ar),
        ("TT", paper.title.en),
        ("T2", conf.title.ar),
        ("C3", conf.title.ar),
        ("CY", conf.city.ar),
        ("PB", conf.publisher.ar),
        ("PY", str(conf.year)),
        ("DA", f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"),
        ("LA", "ar"),
    ]
    tags += [("KW", kw) for kw in (*paper.keywords_in("ar"), *paper.keywords_in("en"))]
    tags.append(("UR", paper_url(conf, paper)))
    if paper.doi:
        tags.append(("DO", paper.doi))
    if paper.pages:
        bounds = page_range(paper.pages)
        if bounds:
            tags += [("SP", bounds[0]), ("EP", bounds[1])]
        else:
            tags.append(("SP", paper.pages))
    return tags


def _record(proc: Proceedings, paper: Paper, keys: dict[str, str]) -> str:
    lines = []
    for tag, value in _tags(proc, paper, keys):
        value = one_line(value)
        if value:
            lines.append(f"{tag}  - {value}\n")
    lines.append("ER  - \n")
    return "".join(lines)


def paper_ris(proc: Proceedings, paper: Paper, keys: dict[str, str]) -> str:
    return _record(proc, paper, keys)


def join_records(records: Iterable[str]) -> str:
    """A .ris text of records, a blank line between them."""
    return "\n".join(records)


def volume_ris(proc: Proceedings, keys: dict[str, str]) -> str:
    """Every item of the volume, in programme order."""
    return join_records(_record(proc, p, keys) for p in proc.papers)
