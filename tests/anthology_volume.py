"""Real volumes as Waqai data: ACL Anthology XML files written as a `papers/` folder.

The Anthology keeps each volume as `data/xml/<collection>.xml` in
github.com/acl-org/acl-anthology; the fixtures are `tests/fixtures/anthology/
2023.arabicnlp.xml` and `2022.wanlp.xml`, described in `PROVENANCE.md` beside them.

`write_volume` writes one volume as a one-volume `papers/`; `write_archive` writes several
as an archive of volumes: `archive.yaml` and one `people.yaml` at the top, each volume in
its own folder. Both write what an import would: every text in the one language the
Anthology has (English), its other half an explicit gap (`ar: ""  # translation needed`),
each author a person with a Latin name only, the Arabic name left out as a gap. Nothing
is filled in that the XML does not say: where Waqai requires a value the XML lacks, the
value is derived from what the XML says and the file carries a comment saying so; no
person, affiliation, organiser or theme is made up.

The YAML is written with the importers' own helpers (`waqai.importers.yamltext`), so it
looks as `python3 build.py import` writes it: double-quoted text, flow lists of ids, one
field per line.

The XML is parsed with `xml.etree.ElementTree`, which is fine for these files (fixtures
kept in the repository, read as they are); it is not meant for untrusted XML.
"""

from __future__ import annotations

import calendar
import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from waqai.data.scaffold import quoted
from waqai.data.schema import modeline
from waqai.importers.language import free_id, slug
from waqai.importers.yamltext import GAP, ids, pair_lines

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "anthology"
FIXTURE = FIXTURES / "2023.arabicnlp.xml"  # ArabicNLP 2023, 91 papers
WANLP_2022 = FIXTURES / "2022.wanlp.xml"  # WANLP 2022, 66 papers
# The archive of both, oldest first: (volume id, XML file).
ARCHIVE = (("wanlp-2022", WANLP_2022), ("arabicnlp-2023", FIXTURE))

SESSION_ID = "papers"
# The months of <meta><month>, for the volume's dates.
MONTHS = {name: number for number, name in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"), start=1)}
# The country and the IANA zone of a city that <address> may name (the XML gives no
# zone, and a country only sometimes). Only cities met so far: a volume in another city
# stops the conversion (KeyError) rather than get a wrong country or zone.
PLACES = {
    "Singapore": ("Singapore", "Asia/Singapore"),  # a city-state
    "Abu Dhabi": ("United Arab Emirates", "Asia/Dubai"),
}
# Where the sites built from the fixtures would be published: a placeholder, as in the
# example data. The Anthology's own address must not be used: site_url is the address
# of the site Waqai builds, and every canonical link would name it. A volume's address
# is this + "<volume id>/", whether it is published alone or in the archive.
ARCHIVE_URL = "https://proceedings.example.org/"
ANTHOLOGY_REPOSITORY = "github.com/acl-org/acl-anthology"


@dataclass(frozen=True)
class Name:
    """A person as the XML writes them: <first> and <last> (the Anthology's order), and
    the `id` attribute the Anthology gives a person it has told apart from a namesake."""

    first: str
    last: str
    anthology_id: str = ""

    def identity(self) -> tuple[str, ...]:
        """Who the Anthology takes this to be: its id when it gives one, else exactly
        this first + last (another spelling is another person, as the importers keep a
        name that only nearly agrees apart)."""
        if self.anthology_id:
            return ("id", self.anthology_id)
        return ("name", self.first, self.last)


@dataclass(frozen=True)
class Author:
    """One <author> of a paper."""

    name: Name
    affiliation: str  # the <affiliation> given on this paper; "" where there is none


@dataclass(frozen=True)
class Item:
    """One <paper> of the volume."""

    anthology_id: str  # the full Anthology id, e.g. "2023.arabicnlp-1.1"
    folder: str  # its id in Waqai: the Anthology id as a slug, "2023-arabicnlp-1-1"
    title: str
    authors: tuple[Author, ...]
    abstract: str
    pages: str
    doi: str
    bibkey: str


@dataclass(frozen=True)
class Volume:
    """The first <volume> of an Anthology XML file, read."""

    volume_id: str  # its folder in an archive and the end of its address: "wanlp-2022"
    source: str  # the XML file's name in the Anthology's data/xml/: "2022.wanlp.xml"
    meta: ET.Element
    editors: tuple[Name, ...]
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Place:
    """Where a volume's <address> says it was held."""

    city: str
    country: str
    zone: str
    country_named: bool  # whether <address> names the country, or PLACES gave it


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
    return Name(_text(element.find("first")), _text(element.find("last")),
                element.get("id", ""))


def _author(element: ET.Element) -> Author:
    return Author(_name(element), _text(element.find("affiliation")))


def _items(volume: ET.Element, collection: str) -> tuple[Item, ...]:
    """Every <paper> of `volume`, in the XML's order; the <frontmatter> is not an item."""
    items = []
    for paper in volume.findall("paper"):
        anthology_id = f"{collection}-{volume.get('id')}.{paper.get('id')}"
        items.append(Item(
            anthology_id=anthology_id,
            folder=slug(anthology_id),
            title=_text(paper.find("title")),
            authors=tuple(_author(author) for author in paper.findall("author")),
            abstract=_abstract(paper.find("abstract")),
            pages=_text(paper.find("pages")),
            doi=_text(paper.find("doi")),
            bibkey=_text(paper.find("bibkey")),
        ))
    return tuple(items)


def read_volume(xml: Path, volume_id: str | None = None) -> Volume:
    """The first <volume> of the Anthology XML file `xml`; its id `volume_id`, or
    "<venue>-<year>" from its <meta> ("arabicnlp-2023") when None."""
    root = ET.parse(xml).getroot()
    volume = root.find("volume")
    if volume is None:
        raise ValueError(f"{xml} holds no <volume>")
    meta = volume.find("meta")
    if meta is None:
        raise ValueError(f"{xml}: the volume has no <meta>")
    return Volume(
        volume_id=volume_id or slug(f"{_text(meta.find('venue'))} {_text(meta.find('year'))}"),
        source=xml.name,
        meta=meta,
        editors=tuple(_name(editor) for editor in meta.findall("editor")),
        items=_items(volume, root.get("id", "")),
    )


@dataclass
class _People:
    """One person per identity the Anthology gives (`Name.identity`), with ids as the
    importers make them, unique across everything written with this one instance."""

    _ids: dict[tuple[str, ...], str] = field(default_factory=dict)
    _spellings: dict[str, list[Name]] = field(default_factory=dict)  # id -> as written
    _taken: set[str] = field(default_factory=set)

    def id_of(self, name: Name) -> str:
        identity = name.identity()
        if identity not in self._ids:
            person_id = free_id(slug(f"{name.first} {name.last}"), self._taken, "person")
            self._ids[identity] = person_id
            self._spellings[person_id] = []
        person_id = self._ids[identity]
        spelling = Name(name.first, name.last)
        if spelling not in self._spellings[person_id]:
            self._spellings[person_id].append(spelling)
        return person_id

    def entries(self) -> list[str]:
        """people.yaml's entries, as the importers write a person with a Latin name only;
        a person the Anthology's id names under several spellings has each of them, the
        first met first."""
        return ["\n".join([f"{person_id}:", f"  # name: the name in Arabic letters{GAP}",
                           "  latin:", *(f"    - {_latin(name)}" for name in spellings)])
                + "\n" for person_id, spellings in self._spellings.items()]


def _latin(name: Name) -> str:
    if not name.first:
        return f"{{given: {quoted(name.last)}}}"
    return f"{{given: {quoted(name.first)}, family: {quoted(name.last)}}}"


def _comment(text: str) -> list[str]:
    """`text` as YAML comment lines of at most 92 characters (a longer word stays whole)."""
    return textwrap.wrap(text, width=92, initial_indent="# ", subsequent_indent="# ",
                         break_long_words=False, break_on_hyphens=False)


def _provenance(sources: Sequence[str]) -> list[str]:
    """The comment that opens every file written: where its data comes from."""
    files = " and ".join(f"data/xml/{source}" for source in sources)
    return _comment(f"From the ACL Anthology: {files} of {ANTHOLOGY_REPOSITORY}, written by "
                    "tests/anthology_volume.py (source, commit and licence: "
                    "tests/fixtures/anthology/PROVENANCE.md). The Anthology licenses ACL "
                    "materials published in or after 2016 under CC BY 4.0 (Creative Commons "
                    "Attribution 4.0).")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _english(text: str, pad: str = "  ") -> list[str]:
    """The lines of a bilingual field with English only: Arabic an explicit gap."""
    return pair_lines(pad, {"en": quoted(text)})


def _event(meta: ET.Element) -> str:
    """The event a volume's <booktitle> names: "Proceedings of ArabicNLP 2023" →
    "ArabicNLP 2023"."""
    return re.sub(r"^Proceedings of (the )?", "", _text(meta.find("booktitle")))


def _label(meta: ET.Element) -> str:
    """A short name for the volume: its event's acronym, if the name ends with one in
    brackets, else the name, with the <year> after it unless the name has it:
    "WANLP 2022", "ArabicNLP 2023"."""
    event = _event(meta)
    acronym = re.search(r"\(([^()]+)\)$", event)
    name = acronym[1] if acronym else event
    year = _text(meta.find("year"))
    return name if year in name else f"{name} {year}"


def _place(address: str) -> Place:
    """The city <address> names ("Abu Dhabi, United Arab Emirates (Hybrid)"), and its
    country and zone from PLACES; a country the address names must agree with it."""
    city, _, named = (part.strip() for part in
                      re.sub(r"\s*\(.*\)\s*$", "", address).partition(","))
    country, zone = PLACES[city]
    if named and named != country:
        raise ValueError(f"<address> “{address}” names {named}, PLACES {country}")
    return Place(city, country, zone, country_named=bool(named))


def _place_comment(address: str, place: Place) -> list[str]:
    named, missing = (("the city and country the ones it names", "time zone is")
                      if place.country_named else
                      ("the city the one it names", "country and time zone are"))
    return _comment(f"<address> is “{address}”: the venue is that address, {named}; "
                    f"{place.city}'s {missing} not in the XML.")


def _conference(volume: Volume, editors: list[str], *, site_url: str | None,
                language: str | None, translations: str | None, depth: int) -> tuple[str, str]:
    """conference.yaml's text, and the volume's first day (ISO). Without `site_url` (a
    volume of an archive, whose address the archive gives) there is no site_url line."""
    meta = volume.meta
    booktitle = _text(meta.find("booktitle"))  # "Proceedings of ArabicNLP 2023"
    address = _text(meta.find("address"))  # "Singapore (Hybrid)"
    place = _place(address)
    year = int(_text(meta.find("year")))
    month = MONTHS[_text(meta.find("month"))]
    start = f"{year:04d}-{month:02d}-01"
    end = f"{year:04d}-{month:02d}-{_last_day(year, month):02d}"
    lines = [
        modeline("conference", depth=depth), *_provenance([volume.source]),
        *_comment(f"<booktitle> is “{booktitle}”: the title is the event it names (Waqai "
                  "cites it as the volume's title too, and says “The proceedings of …” "
                  "itself)."),
        "title:", *_english(_event(meta)),
        *_comment("Our own ASCII label for this site, from that title: its acronym if it "
                  "ends with one, and <year> where it lacks it."),
        f"short_name: {quoted(re.sub(r'[^A-Za-z0-9]+', '-', _label(meta)).strip('-'))}",
        "# The XML names no organisers and no themes; none are made up.",
        "organisers: []",
        *_place_comment(address, place),
        "venue:", *_english(address),
        "city:", *_english(place.city),
        "country:", *_english(place.country),
        *_comment(f"<month> and <year> only (“{_text(meta.find('month'))} {year}”): the XML "
                  "gives no day, so the dates span that month."),
        "dates:", f"  start: {quoted(start)}", f"  end: {quoted(end)}",
        f"timezone: {quoted(place.zone)}",
        "publisher:", *_english(_text(meta.find("publisher"))),
    ]
    if site_url is not None:
        lines.append(f"site_url: {quoted(site_url)}   # placeholder deploy URL")
    lines += ["themes: []", "# The volume's <editor>s.", f"editors: {ids(editors)}"]
    if language is not None:
        lines.append(f"language: {language}")
    if translations is not None:
        lines.append(f"translations: {translations}")
    return "\n".join(lines) + "\n", start


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _sessions(volume: Volume, first_day: str, depth: int) -> str:
    """sessions.yaml's text: one paper session holding every item."""
    return "\n".join([
        modeline("sessions", depth=depth), *_provenance([volume.source]),
        "# The XML has no programme: one session holds every paper, in the volume's order,",
        "# on the first day of the dates in conference.yaml.",
        "",
        f"{SESSION_ID}:",
        "  kind: paper-session",
        "  title:", *pair_lines("    ", {"en": quoted("Papers")}),
        f"  day: {quoted(first_day)}",
        "  order: 1",
    ]) + "\n"


def _people_file(people: _People, sources: Sequence[str]) -> str:
    return ("\n".join([modeline("people", depth=0), *_provenance(sources)]) + "\n"
            + "# Every name is the XML's, in Latin letters; the Arabic names are gaps.\n\n"
            + "\n".join(people.entries()))


def _affiliations(item: Item, people: list[str]) -> dict[str, str]:
    """Person id → the affiliation they gave on this item, for those who gave one."""
    given: dict[str, str] = {}
    for author, person_id in zip(item.authors, people, strict=True):
        if not author.affiliation:
            continue
        if given.setdefault(person_id, author.affiliation) != author.affiliation:
            raise ValueError(f"{item.anthology_id}: {person_id} gives two affiliations")
    return given


def _affiliation_lines(affiliations: dict[str, str]) -> list[str]:
    if not affiliations:
        return []
    lines = ["# The <affiliation> each author gave on this paper, as the XML has it.",
             "affiliations:"]
    for person_id, affiliation in affiliations.items():
        lines += [f"  {person_id}:", *_english(affiliation, pad="    ")]
    return lines


def _paper(item: Item, order: int, people: list[str], *, language: str | None,
           with_affiliations: bool, depth: int) -> str:
    """paper.yaml's text for one item."""
    lines = [
        modeline("paper", depth=depth),
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
    if with_affiliations:
        lines += _affiliation_lines(_affiliations(item, people))
    if item.pages:
        lines.append(f"pages: {quoted(item.pages)}")
    if item.doi:
        lines.append(f"doi: {quoted(item.doi)}")
    if language is not None:
        lines.append(f"language: {language}")
    return "\n".join(lines) + "\n"


def _write_volume_files(volume: Volume, folder: Path, people: _People, *,
                        site_url: str | None, with_affiliations: bool, language: str | None,
                        translations: str | None, depth: int) -> int:
    """A volume's conference.yaml, sessions.yaml and items in `folder` (`depth` folders
    below papers/), its people given ids in `people`; the number of items written."""
    editors = [people.id_of(name) for name in volume.editors]
    authors = {item.folder: [people.id_of(author.name) for author in item.authors]
               for item in volume.items}
    conference, first_day = _conference(volume, editors, site_url=site_url,
                                        language=language, translations=translations,
                                        depth=depth)
    _write(folder / "conference.yaml", conference)
    _write(folder / "sessions.yaml", _sessions(volume, first_day, depth))
    for order, item in enumerate(volume.items, start=1):
        _write(folder / item.folder / "paper.yaml",
               _paper(item, order, authors[item.folder], language=language,
                      with_affiliations=with_affiliations, depth=depth + 1))
        if item.abstract:
            _write(folder / item.folder / "abstract.en.md", item.abstract + "\n")
    return len(volume.items)


def write_volume(xml: Path, data_dir: Path, *, language: str | None = "en",
                 translations: str | None = "welcome") -> int:
    """Write the first <volume> of the Anthology XML file `xml` as a Waqai data folder
    `data_dir` (the folder that holds conference.yaml); the number of items written.

    conference.yaml comes from the volume's <meta> (site_url ARCHIVE_URL +
    "<venue>-<year>/"), people.yaml holds its editors and authors (one entry per
    `Name.identity`), sessions.yaml one paper session on the volume's first day holding
    every item, and each <paper> (not the <frontmatter>) becomes `<id>/paper.yaml` and
    `<id>/abstract.en.md`, its id the Anthology id as a slug. No affiliation is written:
    a one-volume paper.yaml has no place for one. `language` (when not None) is written as
    `language:` into conference.yaml and each paper.yaml, and `translations` (when not
    None) as `translations:` into conference.yaml; pass None for both to a Waqai that has
    neither key.
    """
    volume = read_volume(xml)
    people = _People()
    count = _write_volume_files(volume, data_dir, people,
                                site_url=f"{ARCHIVE_URL}{volume.volume_id}/",
                                with_affiliations=False, language=language,
                                translations=translations, depth=0)
    _write(data_dir / "people.yaml", _people_file(people, [volume.source]))
    return count


def _archive(volumes: Sequence[Volume]) -> str:
    """archive.yaml's text: the title (the XML has none for a series of volumes: one is
    derived from the volumes' short names), the placeholder address, and the publisher
    when every volume names the same one."""
    labels = [_label(volume.meta) for volume in volumes]
    title = labels[-1] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    publishers = {_text(volume.meta.find("publisher")) for volume in volumes}
    lines = [
        *_provenance([volume.source for volume in volumes]),
        *_comment("The XML has no title for a series of volumes: this one names the "
                  "volumes in the order given, each by its <booktitle>'s acronym (or the "
                  "booktitle) and <year>."),
        "title:", *_english(title),
        "# Each volume's address is this + \"<volume id>/\".",
        f"site_url: {quoted(ARCHIVE_URL)}   # placeholder deploy URL",
    ]
    if len(publishers) == 1 and "" not in publishers:
        lines += ["# The <publisher> every volume names.", "publisher:",
                  *_english(publishers.pop())]
    lines.append("# No description: the XML has none.")
    return "\n".join(lines) + "\n"


def write_archive(volumes: Sequence[tuple[str, Path]], data_dir: Path, *,
                  language: str | None = "en",
                  translations: str | None = "welcome") -> dict[str, int]:
    """Write Anthology volumes, each given as (volume id, XML file), as an archive of
    volumes in the data folder `data_dir`; each volume id → the number of its items.

    `data_dir` holds archive.yaml and one people.yaml for every volume, whose people are
    merged as the Anthology identifies them (`Name.identity`), their ids unique across the
    archive; `data_dir/<volume id>/` holds the volume's conference.yaml (without
    site_url: the volume's address is the archive's + "<volume id>/"), its sessions.yaml
    and its items, as `write_volume` writes them, each paper.yaml with `affiliations:`
    (person id → {ar, en}) for the authors who gave an <affiliation> on it, the English
    half theirs and the Arabic a gap. `language` and `translations` are written into each
    volume as `write_volume` writes them.
    """
    read = [read_volume(xml, volume_id) for volume_id, xml in volumes]
    folders = [volume.volume_id for volume in read]
    if not read or len(set(folders)) != len(folders) or any(
            folder != slug(folder) for folder in folders):
        raise ValueError(f"volume ids must be distinct slugs, one at least: {folders}")
    people = _People()
    counts = {volume.volume_id: _write_volume_files(
        volume, data_dir / volume.volume_id, people, site_url=None, with_affiliations=True,
        language=language, translations=translations, depth=1) for volume in read}
    _write(data_dir / "people.yaml", _people_file(people, [volume.source for volume in read]))
    _write(data_dir / "archive.yaml", _archive(read))
    return counts
