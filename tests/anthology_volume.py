"""A real volume as Waqai data: an ACL Anthology XML file written as a `papers/` folder.

`write_volume` reads one volume of the Anthology's XML (`data/xml/<collection>.xml` in
github.com/acl-org/acl-anthology; the fixture is `tests/fixtures/anthology/
2023.arabicnlp.xml`, described in `PROVENANCE.md` beside it) and writes what an import
would: every text in the one language the Anthology has (English), its other half an
explicit gap (`ar: ""  # translation needed`), each author a person with a Latin name
only, the Arabic name left out as a gap. Nothing is filled in that the XML does not say:
where Waqai requires a value the XML lacks, the value is derived from what the XML says
and the file carries a comment saying so; no person, affiliation, organiser or theme is
made up.

The YAML is written with the importers' own helpers (`waqai.importers.yamltext`), so it
looks as `python3 build.py import` writes it: double-quoted text, flow lists of ids, one
field per line.

The XML is parsed with `xml.etree.ElementTree`, which is fine for this file (a fixture
kept in the repository, read as it is); it is not meant for untrusted XML.
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from waqai.data.scaffold import quoted
from waqai.data.schema import modeline
from waqai.importers.language import free_id, slug
from waqai.importers.yamltext import GAP, ids, pair_lines

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "anthology" / "2023.arabicnlp.xml"

SESSION_ID = "papers"
# The months of <meta><month>, for the volume's dates.
MONTHS = {name: number for number, name in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"), start=1)}
# The country and the IANA zone of a city that <address> may name (the XML gives
# neither). Only cities met so far: a volume in another city stops the conversion
# (KeyError) rather than get a wrong country or zone.
PLACES = {"Singapore": ("Singapore", "Asia/Singapore")}  # a city-state
# Where the site built from the fixture would be published: a placeholder, as in the
# example data. The Anthology's own address must not be used: site_url is the address
# of the site Waqai builds, and every canonical link would name it.
SITE_URL = "https://proceedings.example.org/arabicnlp-2023/"

PROVENANCE = (
    "# From the ACL Anthology: data/xml/2023.arabicnlp.xml of github.com/acl-org/acl-anthology,\n"
    "# written by tests/anthology_volume.py (source, commit and licence:\n"
    "# tests/fixtures/anthology/PROVENANCE.md). The Anthology licenses ACL materials\n"
    "# published in or after 2016 under CC BY 4.0 (Creative Commons Attribution 4.0).\n"
)


@dataclass(frozen=True)
class Name:
    """A person as the XML writes them: <first> and <last> (the Anthology's order)."""

    first: str
    last: str


@dataclass(frozen=True)
class Item:
    """One <paper> of the volume."""

    anthology_id: str  # the full Anthology id, e.g. "2023.arabicnlp-1.1"
    folder: str  # its id in Waqai: the Anthology id as a slug, "2023-arabicnlp-1-1"
    title: str
    authors: tuple[Name, ...]
    abstract: str
    pages: str
    doi: str
    bibkey: str


def _text(element: ET.Element | None) -> str:
    """The text of an element with its inline markup (<fixed-case>, <tex-math>, <i>, <b>,
    <url>) taken as the text it holds, runs of white space made one space."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _abstract(element: ET.Element | None) -> str:
    """An abstract's text, as the XML has it (the Anthology keeps one paragraph)."""
    return "".join(element.itertext()).strip() if element is not None else ""


def _name(element: ET.Element) -> Name:
    return Name(_text(element.find("first")), _text(element.find("last")))


def _items(volume: ET.Element, collection: str) -> list[Item]:
    """Every <paper> of `volume`, in the XML's order; the <frontmatter> is not an item."""
    items = []
    for paper in volume.findall("paper"):
        anthology_id = f"{collection}-{volume.get('id')}.{paper.get('id')}"
        items.append(Item(
            anthology_id=anthology_id,
            folder=slug(anthology_id),
            title=_text(paper.find("title")),
            authors=tuple(_name(author) for author in paper.findall("author")),
            abstract=_abstract(paper.find("abstract")),
            pages=_text(paper.find("pages")),
            doi=_text(paper.find("doi")),
            bibkey=_text(paper.find("bibkey")),
        ))
    return items


class _People:
    """One person per distinct <first> + <last> (the same spelling is the same person;
    another spelling is another entry, as the importers keep a name that only nearly
    agrees apart), with ids as the importers make them."""

    def __init__(self) -> None:
        self.ids: dict[Name, str] = {}
        self._taken: set[str] = set()

    def id_of(self, name: Name) -> str:
        if name not in self.ids:
            self.ids[name] = free_id(slug(f"{name.first} {name.last}"), self._taken, "person")
        return self.ids[name]

    def entries(self) -> list[str]:
        """people.yaml's entries, as the importers write a person with a Latin name only."""
        blocks = []
        for name, person_id in self.ids.items():
            latin = (f"{{given: {quoted(name.first)}, family: {quoted(name.last)}}}"
                     if name.first else f"{{given: {quoted(name.last)}}}")
            blocks.append("\n".join([f"{person_id}:",
                                     f"  # name: the name in Arabic letters{GAP}",
                                     "  latin:", f"    - {latin}"]) + "\n")
        return blocks


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _english(text: str) -> list[str]:
    """The lines of a bilingual field with English only: Arabic an explicit gap."""
    return pair_lines("  ", {"en": quoted(text)})


def _conference(meta: ET.Element, editors: list[str], *, language: str | None,
                translations: str | None) -> tuple[str, str]:
    """conference.yaml's text, and the volume's first day (ISO)."""
    booktitle = _text(meta.find("booktitle"))  # "Proceedings of ArabicNLP 2023"
    event = re.sub(r"^Proceedings of (the )?", "", booktitle)
    address = _text(meta.find("address"))  # "Singapore (Hybrid)"
    city = re.sub(r"\s*\(.*\)\s*$", "", address)
    country, zone = PLACES[city]
    year = int(_text(meta.find("year")))
    month = MONTHS[_text(meta.find("month"))]
    start = f"{year:04d}-{month:02d}-01"
    end = f"{year:04d}-{month:02d}-{_last_day(year, month):02d}"
    lines = [
        modeline("conference", depth=0), PROVENANCE.rstrip("\n"),
        f"# <booktitle> is “{booktitle}”: the title is the conference it names (Waqai",
        "# cites it as the volume's title too, and says “The proceedings of …” itself).",
        "title:", *_english(event),
        "# Our own ASCII label for this site, from that title.",
        f"short_name: {quoted(re.sub(r'[^A-Za-z0-9]+', '-', event).strip('-'))}",
        "# The XML names no organisers and no themes; none are made up.",
        "organisers: []",
        f"# <address> is “{address}”: the venue is that address, the city the one it",
        f"# names; {city}'s country and time zone are not in the XML.",
        "venue:", *_english(address),
        "city:", *_english(city),
        "country:", *_english(country),
        f"# <month> and <year> only (“{_text(meta.find('month'))} {year}”): the XML gives no "
        "day, so the",
        "# dates span that month.",
        "dates:", f"  start: {quoted(start)}", f"  end: {quoted(end)}",
        f"timezone: {quoted(zone)}",
        "publisher:", *_english(_text(meta.find("publisher"))),
        f"site_url: {quoted(SITE_URL)}   # placeholder deploy URL",
        "themes: []",
        "# The volume's <editor>s.",
        f"editors: {ids(editors)}",
    ]
    if language is not None:
        lines.append(f"language: {language}")
    if translations is not None:
        lines.append(f"translations: {translations}")
    return "\n".join(lines) + "\n", start


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _paper(item: Item, order: int, people: list[str], language: str | None) -> str:
    """paper.yaml's text for one item."""
    lines = [
        modeline("paper", depth=1),
        f"# From the ACL Anthology ({item.anthology_id}); CC BY 4.0: see "
        "tests/fixtures/anthology/PROVENANCE.md.",
        f"id: {item.folder}",
    ]
    if item.bibkey:
        lines.append(f"key: {quoted(item.bibkey)}   # the Anthology's bibkey")
    lines += [
        f"source: {quoted('aclanthology:' + item.anthology_id)}",
        f"session: {SESSION_ID}",
        f"order: {order}",
        "kind: paper",
        "title:", *_english(item.title),
        f"people: {ids(people)}",
    ]
    if item.pages:
        lines.append(f"pages: {quoted(item.pages)}")
    if item.doi:
        lines.append(f"doi: {quoted(item.doi)}")
    if language is not None:
        lines.append(f"language: {language}")
    return "\n".join(lines) + "\n"


def write_volume(xml: Path, data_dir: Path, *, language: str | None = "en",
                 translations: str | None = "welcome") -> int:
    """Write the first <volume> of the Anthology XML file `xml` as a Waqai data folder
    `data_dir` (the folder that holds conference.yaml); the number of items written.

    conference.yaml comes from the volume's <meta>, people.yaml holds its editors and
    authors (one entry per distinct <first> + <last>), sessions.yaml one paper session
    on the volume's first day holding every item, and each <paper> (not the
    <frontmatter>) becomes `<id>/paper.yaml` and `<id>/abstract.en.md`, its id the
    Anthology id as a slug. `language` (when not None) is written as `language:` into
    conference.yaml and each paper.yaml, and `translations` (when not None) as
    `translations:` into conference.yaml; pass None for both to a Waqai that has
    neither key.
    """
    root = ET.parse(xml).getroot()
    collection = root.get("id", "")
    volume = root.find("volume")
    if volume is None:
        raise ValueError(f"{xml} holds no <volume>")
    meta = volume.find("meta")
    if meta is None:
        raise ValueError(f"{xml}: the volume has no <meta>")

    people = _People()
    editors = [people.id_of(_name(editor)) for editor in meta.findall("editor")]
    items = _items(volume, collection)
    authors = {item.folder: [people.id_of(name) for name in item.authors] for item in items}

    conference, first_day = _conference(meta, editors, language=language,
                                        translations=translations)
    _write(data_dir / "conference.yaml", conference)
    _write(data_dir / "people.yaml",
           modeline("people", depth=0) + "\n" + PROVENANCE
           + "# Every name is the XML's, in Latin letters; the Arabic names are gaps.\n\n"
           + "\n".join(people.entries()))
    _write(data_dir / "sessions.yaml", "\n".join([
        modeline("sessions", depth=0), PROVENANCE.rstrip("\n"),
        "# The XML has no programme: one session holds every paper, in the volume's order,",
        "# on the first day of the dates in conference.yaml.",
        "",
        f"{SESSION_ID}:",
        "  kind: paper-session",
        "  title:", *pair_lines("    ", {"en": quoted("Papers")}),
        f"  day: {quoted(first_day)}",
        "  order: 1",
    ]) + "\n")
    for order, item in enumerate(items, start=1):
        folder = data_dir / item.folder
        _write(folder / "paper.yaml", _paper(item, order, authors[item.folder], language))
        if item.abstract:
            _write(folder / "abstract.en.md", item.abstract + "\n")
    return len(items)
