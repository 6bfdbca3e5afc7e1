"""The ACL Anthology's collection XML (`data/xml/<collection>.xml` of
github.com/acl-org/acl-anthology), read into volumes of items.

A collection holds `<volume>`s; each has a `<meta>` (booktitle, editors, publisher,
address, month, year) and `<paper>`s (the `<frontmatter>` is no item). A paper's title
and abstract carry inline markup: `<fixed-case>` (kept as the words whose case
citations keep, `text/casing.py`), `<tex-math>` (`texmath.readable`), `<i>`, `<b>`,
`<url>`. Its `<author>`s have `<first>`, `<last>`, an `<affiliation>` given on that
paper, and may have an `id` (the Anthology's, telling namesakes apart) and an `orcid`.
Revisions, errata, attachments and videos are files the Anthology serves; they are
kept as its links. A `<retracted>` or `<removed>` paper keeps its dated notice.
Nothing of a paper is imported when one of its values is refused (`cells.clean`); the
XML itself is read within bounds (`xmlsafe`).
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from waqai.data.fields import valid_orcid
from waqai.data.problems import Problem, Severity
from waqai.importers.cells import clean, errors_since
from waqai.importers.records import Author, Where
from waqai.importers.texmath import readable
from waqai.importers.xmlsafe import read_xml
from waqai.text import casing

FORMAT = "acl-anthology"
SITE = "https://aclanthology.org/"
FIX = ("Give the collection's file as the Anthology keeps it (data/xml/<collection>.xml of "
       "github.com/acl-org/acl-anthology).")
NEW_STYLE = re.compile(r"^(\d{4})\.([a-z0-9-]+)$")  # "2022.wanlp"; old ids are "P19"
# <attachment type> -> Waqai's attachment type; the others are files Waqai keeps in the
# item's folder (slides, a poster), which the import does not download.
ATTACHMENTS = {"software": "code", "code": "code", "dataset": "dataset", "data": "dataset"}


@dataclass(frozen=True)
class Link:
    """A file the Anthology serves for a paper, and what it is."""

    kind: str  # "video", "code", "dataset", or the Anthology's type when not imported
    url: str


@dataclass(frozen=True)
class Correction:
    """A revision after the first (`<revision id="2">`) or an erratum, dated."""

    date: str  # ISO, as the XML has it; "" when it has none
    what: str  # "Version 2" or "Erratum 1"
    url: str  # its PDF
    note: str = ""  # what the revision changed, as the XML says


@dataclass(frozen=True)
class Notice:
    """Why and when a paper was retracted or removed."""

    status: str  # Waqai's: "retracted", or "withdrawn" for the Anthology's <removed>
    date: str
    text: str


@dataclass(frozen=True)
class Item:
    anthology_id: str  # "2022.wanlp-1.11"
    where: Where
    title: str  # plain text
    fixed_case: tuple[str, ...]
    abstract: str  # Markdown: <i> as *…*, <b> as **…**
    authors: tuple[Author, ...]
    pages: str
    doi: str
    bibkey: str
    corrections: tuple[Correction, ...]
    links: tuple[Link, ...]
    language: str  # the XML's <language> (ISO 639-2/3, e.g. "ara"); "" when English
    notice: Notice | None = None

    @property
    def page(self) -> str:
        return f"{SITE}{self.anthology_id}/"


@dataclass(frozen=True)
class Volume:
    anthology_id: str  # "2022.wanlp-1"
    folder: str  # its id in an archive: "wanlp-2022"
    where: Where
    booktitle: str
    editors: tuple[Author, ...]
    publisher: str
    address: str
    month: str
    year: str
    items: tuple[Item, ...]


@dataclass
class _Reading:
    shown: str
    problems: list[Problem]

    def text(self, element: ET.Element | None, where: Where, *, markdown: bool = False,
             fixed: list[str] | None = None) -> str:
        """The element's text, its markup read (see the module); "" with a problem when
        `clean` refuses it."""
        if element is None:
            return ""
        runs: list[tuple[str, bool]] = []
        _inline(element, runs, markdown, False)
        found: list[Problem] = []
        value = clean("".join(text for text, _ in runs), where, found, multiline=markdown)
        # The field is the place (“paper 2022.wanlp-1.1 <title>”): the message need not
        # say it again.
        self.problems += [dataclasses.replace(p, message=p.message.removeprefix(
            f"“{where.column}”: ")) for p in found]
        if value and fixed is not None:
            fixed.extend(_fixed_words(runs))
        return value or ""


def _problem(where: Where, message: str, fix: str,
             severity: Severity = Severity.ERROR) -> Problem:
    """A problem at the place `where` names (the XML has no lines to give)."""
    return Problem(where.file, where.column, message, fix, None, severity)


def _at(where: Where, tag: str) -> Where:
    """The place of `tag` inside the paper or volume `where` names: “paper 2022.wanlp-1.1
    <title>”, so that a message names the paper as well as the field."""
    return Where(where.file, where.row, f"{where.column} <{tag}>", where.unit)


def _inline(element: ET.Element, runs: list[tuple[str, bool]], markdown: bool,
            kept: bool) -> None:
    """`element`'s text into `runs` as (text, whether inside <fixed-case>)."""
    runs.append((element.text or "", kept))
    for child in element:
        if child.tag == "tex-math":
            runs.append((readable("".join(child.itertext())), kept))
        elif markdown and child.tag in ("i", "b"):
            mark = "*" if child.tag == "i" else "**"
            runs.append((mark, False))
            _inline(child, runs, markdown, kept)
            runs.append((mark, False))
        else:
            _inline(child, runs, markdown, kept or child.tag == "fixed-case")
        runs.append((child.tail or "", kept))


def _fixed_words(runs: list[tuple[str, bool]]) -> list[str]:
    """The words of the one-line title that hold a character of a <fixed-case>."""
    text, marks = "", []
    for run, kept in runs:
        text += run
        marks += [kept] * len(run)
    # `clean` made runs of white space one space and stripped the ends: so does this.
    squeezed: list[str] = []
    kept_at: list[bool] = []
    for char, mark in zip(text, marks, strict=True):
        if char.isspace() and (not squeezed or squeezed[-1] == " "):
            continue
        squeezed.append(" " if char.isspace() else char)
        kept_at.append(mark)
    plain = "".join(squeezed).rstrip()
    found = [word[0] for word in casing.words(plain) if any(kept_at[word.start():word.end()])]
    return list(dict.fromkeys(found))


def read(paths: list[Path]) -> tuple[list[Volume], list[Problem]]:
    """Every volume of each collection file in `paths`, in order; the problems met."""
    problems: list[Problem] = []
    volumes: list[Volume] = []
    for path in paths:
        root = read_xml(path, str(path), problems, FIX)
        if root is None:
            continue
        volumes += _collection(root, _Reading(str(path), problems))
    seen: dict[str, str] = {}
    kept = []
    for volume in volumes:
        if seen.get(volume.folder) == volume.anthology_id:
            problems.append(_problem(volume.where, "is given twice; it is imported once.",
                                    "Give each collection's file once.", Severity.WARNING))
            continue
        if seen.setdefault(volume.folder, volume.anthology_id) != volume.anthology_id:
            problems.append(_problem(volume.where, f"the volumes {seen[volume.folder]} and "
                                    f"{volume.anthology_id} would both be {volume.folder}/.",
                                    "Import them into separate archives."))
        kept.append(volume)
    return kept, problems


def _collection(root: ET.Element, reading: _Reading) -> list[Volume]:
    collection = root.get("id", "")
    where = Where(reading.shown, None, "collection", "line")
    if root.tag != "collection" or not re.match(r"^[A-Za-z0-9.-]{1,40}$", collection):
        reading.problems.append(_problem(where, "is not an ACL Anthology collection (its root "
                                        "is not <collection id=\"…\">).", FIX))
        return []
    volumes = [_volume(element, collection, reading) for element in root.findall("volume")]
    if not volumes:
        reading.problems.append(_problem(where, f"the collection {collection} holds no "
                                        "<volume>.", FIX))
    return [volume for volume in volumes if volume is not None]


def _volume_ids(collection: str, number: str) -> tuple[str, str]:
    """The volume's Anthology id and its folder: "2022.wanlp-1" and "wanlp-2022" (a
    collection's volume other than "1" adds its id: "acl-2023-long"); "P19-1" and
    "p19-1" for the old ids."""
    new = NEW_STYLE.match(collection)
    if new is None:
        volume_id = f"{collection}-{number}"
        return volume_id, re.sub(r"[^a-z0-9]+", "-", volume_id.lower())
    year, venue = new.groups()
    folder = f"{venue}-{year}" + ("" if number == "1" else f"-{number.lower()}")
    return f"{collection}-{number}", re.sub(r"[^a-z0-9]+", "-", folder).strip("-")


def _paper_id(volume_id: str, number: str, collection: str) -> str:
    if NEW_STYLE.match(collection):
        return f"{volume_id}.{number}"
    return f"{volume_id}{int(number):03d}" if number.isdigit() else f"{volume_id}{number}"


def _volume(element: ET.Element, collection: str, reading: _Reading) -> Volume | None:
    number = element.get("id", "")
    volume_id, folder = _volume_ids(collection, number)
    where = Where(reading.shown, None, f"volume {volume_id}", "line")
    meta = element.find("meta")
    if not re.match(r"^[A-Za-z0-9-]{1,20}$", number) or meta is None:
        reading.problems.append(_problem(where, "the volume has no id or no <meta>.", FIX))
        return None
    before = len(reading.problems)

    def value(tag: str) -> str:
        return reading.text(meta.find(tag), _at(where, tag))

    booktitle, year = value("booktitle"), value("year")
    if not booktitle or not re.match(r"^\d{4}$", year):
        reading.problems.append(_problem(where, "the volume's <meta> lacks its <booktitle> or "
                                        "<year>.", FIX))
    editors = tuple(author for author in (_person(e, _at(where, "editor"), reading)
                                          for e in meta.findall("editor")) if author)
    items = tuple(item for item in (_item(paper, volume_id, collection, reading)
                                    for paper in element.findall("paper")) if item)
    if errors_since(reading.problems, before):
        return None
    return Volume(volume_id, folder, where, booktitle, editors, value("publisher"),
                  value("address"), value("month"), year, items)


def _person(element: ET.Element, where: Where, reading: _Reading) -> Author | None:
    given = reading.text(element.find("first"), _at(where, "first"))
    family = reading.text(element.find("last"), _at(where, "last"))
    person_id = element.get("id", "")
    if person_id and not re.match(r"^[a-z0-9][a-z0-9-]{0,99}$", person_id):
        reading.problems.append(_problem(where, f"“{person_id}” is not an Anthology person id; "
                                        "the name is matched without it.", FIX,
                                        Severity.WARNING))
        person_id = ""
    orcid = re.sub(r"^https?://orcid\.org/", "", element.get("orcid", "").strip()).upper()
    if orcid and not valid_orcid(orcid):
        reading.problems.append(_problem(where, f"“{orcid}” is not an ORCID iD; it is left "
                                         "out.", "Add the person's ORCID to people.yaml "
                                         "after the import.", Severity.WARNING))
        orcid = ""
    if not family:
        given, family = "", given
    if not family:
        reading.problems.append(_problem(where, "a person has no name (<first>, <last>).", FIX))
        return None
    return Author(given, family, where, orcid=orcid,
                  affiliation=reading.text(element.find("affiliation"),
                                           _at(where, "affiliation")),
                  key=f"aclanthology:{person_id}" if person_id else "")


def _item(paper: ET.Element, volume_id: str, collection: str,
          reading: _Reading) -> Item | None:
    number = paper.get("id", "")
    anthology_id = _paper_id(volume_id, number, collection)
    where = Where(reading.shown, None, f"paper {anthology_id}", "line")
    if not re.match(r"^[A-Za-z0-9]{1,10}$", number):
        reading.problems.append(_problem(where, "a <paper> has no id.", FIX))
        return None
    before = len(reading.problems)
    fixed: list[str] = []
    title = reading.text(paper.find("title"), _at(where, "title"), fixed=fixed)
    if not title and not errors_since(reading.problems, before):
        reading.problems.append(_problem(_at(where, "title"), "the paper has no title.", FIX))
    authors = tuple(a for a in (_person(e, _at(where, "author"), reading)
                                for e in paper.findall("author")) if a)
    abstract = reading.text(paper.find("abstract"), _at(where, "abstract"), markdown=True)

    def value(tag: str) -> str:
        return reading.text(paper.find(tag), _at(where, tag))

    if errors_since(reading.problems, before):
        return None
    return Item(anthology_id, where, title, tuple(fixed), abstract, authors, value("pages"),
                value("doi"), value("bibkey"), _corrections(paper, anthology_id),
                _links(paper), value("language"), _notice(paper, where, reading))


def _notice(paper: ET.Element, where: Where, reading: _Reading) -> Notice | None:
    for tag, status in (("retracted", "retracted"), ("removed", "withdrawn")):
        element = paper.find(tag)
        if element is not None:
            return Notice(status, element.get("date", ""),
                          reading.text(element, _at(where, tag)))
    return None


def _corrections(paper: ET.Element, anthology_id: str) -> tuple[Correction, ...]:
    found = []
    for revision in paper.findall("revision"):
        number = revision.get("id", "")
        if number.isdigit() and int(number) > 1:
            href = revision.get("href") or f"{anthology_id}v{number}"
            found.append(Correction(revision.get("date", ""), f"Version {number}",
                                    _file_url(href, ".pdf"),
                                    " ".join("".join(revision.itertext()).split())))
    for erratum in paper.findall("erratum"):
        href = " ".join("".join(erratum.itertext()).split())
        found.append(Correction(erratum.get("date", ""), f"Erratum {erratum.get('id', '')}".strip(),
                                _file_url(href, ".pdf")))
    return tuple(found)


def _file_url(href: str, suffix: str = "", folder: str = "") -> str:
    """The address of a file the Anthology serves, from the XML's name of it (a revision's
    and an erratum's lack their ".pdf")."""
    if re.match(r"^https?://", href):
        return href
    return f"{SITE}{folder}{href}{'' if href.endswith(suffix) else suffix}"


def _links(paper: ET.Element) -> tuple[Link, ...]:
    found = [Link("video", _file_url(video.get("href", "")))
             for video in paper.findall("video") if video.get("href")]
    # Papers with Code's link to the paper's own code (additional="false"; "true" marks
    # others' implementations).
    found += [Link("code", code.get("url", "")) for code in paper.findall("pwccode")
              if code.get("additional") == "false" and code.get("url")]
    for attachment in paper.findall("attachment"):
        name = " ".join("".join(attachment.itertext()).split())
        kind = attachment.get("type", "attachment").casefold()
        if name:
            found.append(Link(ATTACHMENTS.get(kind, kind), _file_url(name, folder="attachments/")))
    return tuple(found)
