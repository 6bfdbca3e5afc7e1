"""After a build: is every paper everywhere it belongs, and can a reader reach it?

Each paper must appear, in both languages, on its own page, on its session's
page and on the page of each of its people, and in every volume export that
was written (by citation key), unless it was retracted or withdrawn: then it must
be in none of them. The programme and the day pages list every item only within the
bound of one page (site/pages/bounds.py); past it they list sessions instead, so the
check follows what each page lists (site/pages/programme.py): an item must be on
the programme and on its day's page where those list items; every session on the day
page that lists it, and on the programme unless the programme lists days only; every
day on the programme. Every person must be on the speaker index page that files them
in each language: the index itself, or their letter's page (site/pages/letters.py).
On an archive's own build (`check_archive_site`), every person must be on the archive's
speaker index page that files them, and every item of theirs, named "<volume>/<item>", on
their page in the archive (site/pages/archivepeople.py), in each language.
Pages are matched on the `data-paper-id`, `data-session-id`, `data-date` and
`data-person-id` attributes the templates emit (overrides/waqai/*.html), never on
titles, so a translated or repeated title cannot hide a miss.

Pages are scanned for that attribute as text, keeping only hits inside a tag
(the nearest `<` before it is nearer than the nearest `>`): contributor text is
escaped, so `<` in text cannot fake a tag. A literal search is about fifteen
times faster than a regex over whole tags, and each page is read once, however
many papers it lists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree as ET

from waqai.data.model import LANGS, Lang, Paper, Proceedings, lang_root
from waqai.exports.files import volume_abstracts_file, volume_file
from waqai.exports.keys import citation_keys
from waqai.exports.record import FORMS
from waqai.site.pages import DATE, PAPER_ID, PERSON_ID, SESSION_ID, SitePlan
from waqai.site.pages.archiveplan import ArchivePlan
from waqai.site.pages.letters import index_page_of
from waqai.site.pages.programme import DAYS, ITEMS, DayPage, day_page_of, programme_lists
from waqai.site.safe_urls import unsafe_urls
from waqai.urls import PROGRAMME_URL, paper_url, person_url

ATTRIBUTE_VALUES = {attribute: re.compile(f'{attribute}="([^"<>]*)"')
                    for attribute in (PAPER_ID, SESSION_ID, PERSON_ID, DATE)}
BIB_KEY = re.compile(r"^\s*@\s*[A-Za-z]+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)
RIS_ID = re.compile(r"^ID  - (.*?)\s*$", re.MULTILINE)
ENDNOTE_KEY = re.compile(r"^%F (.*?)\s*$", re.MULTILINE)
MODS = "http://www.loc.gov/mods/v3"


def _bib_keys(text: str) -> set[str]:
    return set(BIB_KEY.findall(text))


def _ris_keys(text: str) -> set[str]:
    return set(RIS_ID.findall(text))


def _csl_keys(text: str) -> set[str]:
    items = json.loads(text)
    return {str(item.get("id")) for item in items if isinstance(item, dict)}


def _mods_keys(text: str) -> set[str]:
    root = ET.fromstring(text)
    return {record.get("ID", "") for record in root.iter(f"{{{MODS}}}mods")}


def _endnote_keys(text: str) -> set[str]:
    return set(ENDNOTE_KEY.findall(text))


# How to list the keys a volume export holds, by format; the exports are at the site root.
KEYS_OF: dict[str, Callable[[str], set[str]]] = {
    "bib": _bib_keys, "ris": _ris_keys, "json": _csl_keys, "mods.xml": _mods_keys,
    "enw": _endnote_keys}
EXPORTS = {volume_file(fmt, form): read for fmt, read in KEYS_OF.items() for form in FORMS}
EXPORTS |= {volume_abstracts_file(form): _bib_keys for form in FORMS}


def paper_ids(html: str) -> set[str]:
    """The values of every `data-paper-id` attribute of a tag in `html`."""
    return attribute_values(html, PAPER_ID)


def attribute_values(html: str, attribute: str) -> set[str]:
    """The values of every `attribute` (one of ATTRIBUTE_VALUES) of a tag in `html`."""
    found = set()
    for match in ATTRIBUTE_VALUES[attribute].finditer(html):
        at = match.start()
        if at and html[at - 1].isspace() and html.rfind("<", 0, at) > html.rfind(">", 0, at):
            found.add(match.group(1))
    return found


class PageIds:
    """The ids listed on each page (of papers, sessions, days, people: `attribute_values`):
    taken from its HTML as the build writes it (`record`), or read from the built site for
    a page or an attribute not recorded; and what on each page links to an unsafe address
    (`safe_urls.py`), for every page the build writes.

    Recording saves reading every page back (at 1,000 papers, 4,600 files). Under
    `serve` the record is kept between rebuilds: a page a rebuild skips is the
    page recorded before.
    """

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._ids: dict[str, dict[str, set[str]]] = {}  # path -> attribute -> values
        self._unsafe: dict[str, list[str]] = {}

    def record(self, path: str, html: str, *, lists: tuple[str, ...] = (PAPER_ID,)) -> None:
        """What the page at `path` (site-relative) holds: the values of the attributes
        it `lists` (a generated page's kind says which), and its unsafe addresses."""
        if lists:
            self._ids[path] = {attribute: attribute_values(html, attribute)
                               for attribute in lists}
        found = unsafe_urls(html)
        if found:
            self._unsafe[path] = found
        else:
            self._unsafe.pop(path, None)

    def absorb(self, other: PageIds) -> None:
        """Add what `other` recorded (another process's passes, `otherlanguages.py`)."""
        self._ids.update(other._ids)
        self._unsafe.update(other._unsafe)

    def unsafe(self) -> list[str]:
        """One line per unsafe address on a page, naming the page."""
        return [f"{path}: {problem}" for path, problems in sorted(self._unsafe.items())
                for problem in problems]

    def ids(self, path: str, attribute: str = PAPER_ID) -> set[str] | None:
        """None when the page was not built."""
        recorded = self._ids.setdefault(path, {})
        if attribute not in recorded:
            file = self.site_dir / path
            if not file.is_file():
                return None
            recorded[attribute] = attribute_values(file.read_text(encoding="utf-8"), attribute)
        return recorded[attribute]


def page_path(lang: Lang, url: str) -> str:
    return f"{lang_root(lang)}{url}index.html"


def check_site(proc: Proceedings, site_dir: Path, pages: PageIds | None = None,
               plan: SitePlan | None = None) -> list[str]:
    """One line per paper, session, day or person missing from a page that must list it,
    and per paper missing from an export; empty when all is well. `plan`: the build's
    (by default the one its default bounds give)."""
    pages = pages if pages is not None else PageIds(Path(site_dir))
    misses = _misses(_places(plan if plan is not None else SitePlan(proc)), pages)
    misses.extend(_check_exports(proc, Path(site_dir)))
    return misses


def check_archive_site(plan: ArchivePlan, site_dir: Path,
                       pages: PageIds | None = None) -> list[str]:
    """The same of the archive's own pages: one line per person missing from the archive's
    speaker index page that files them, and per item of a person (by "<volume>/<item>",
    `VolumeItem.key`) missing from their page in the archive, in each language."""
    return _misses(_archive_places(plan), pages if pages is not None else PageIds(site_dir))


def _misses(places: Iterable[tuple[Lang, Place]], pages: PageIds) -> list[str]:
    misses: list[str] = []
    for lang, place in places:
        path = page_path(lang, place.url)
        ids = pages.ids(path, place.attribute)
        if ids is None:
            misses.append(f"{place.key}: {place.what} {path} was not built.")
        elif place.key not in ids:
            misses.append(f"{place.key}: missing from {place.what} {path}.")
    return misses


def built_site_problems(plan: SitePlan | None, site_dir: Path, pages: PageIds, *,
                        papers: bool = True, archive: ArchivePlan | None = None) -> str | None:
    """What is wrong with the built site, as a build's error, or None: an unsafe address on
    a page (always looked for), with `papers` a paper of `plan` missing from a place it
    belongs, or a person or item of the `archive` (an archive's own build) from theirs."""
    unsafe = pages.unsafe()
    if unsafe:
        return ("A page links to an address that is not http(s), mailto or the site's own:\n  "
                + "\n  ".join(unsafe))
    misses: list[str] = []
    if papers and plan is not None:
        misses = check_site(plan.proc, site_dir, pages, plan)
    elif papers and archive is not None:
        misses = check_archive_site(archive, site_dir, pages)
    if misses:
        return "Not every paper is where it belongs:\n  " + "\n  ".join(misses)
    return None


class Place(NamedTuple):
    """A page that must list something, in each language."""

    key: str  # the id (a day: its date) the page lists it by
    what: str  # the page, as a miss names it
    url: str  # language-relative
    attribute: str  # what the page lists it in (ATTRIBUTE_VALUES)


def _places(plan: SitePlan) -> Iterator[tuple[Lang, Place]]:
    """Every page that must list each paper, session, day and person, in each language."""
    proc, lists, day_of = plan.proc, programme_lists(plan), day_page_of(plan)
    for paper in proc.papers:
        for lang in LANGS:
            for place in _paper_places(paper, day_of[paper.session], lists):
                yield lang, place
    for session in proc.sessions:
        places = [Place(session.id, "its day's page", day_of[session.id].url, SESSION_ID)]
        if lists != DAYS:
            places.append(Place(session.id, "the programme", PROGRAMME_URL, SESSION_ID))
        yield from ((lang, place) for lang in LANGS for place in places)
    for day in proc.conference.days:
        place = Place(day.isoformat(), "the programme", PROGRAMME_URL, DATE)
        yield from ((lang, place) for lang in LANGS)
    index = {lang: index_page_of(plan, lang) for lang in LANGS}
    for person in proc.people:
        for lang in LANGS:
            yield lang, Place(person.id, "the speaker index", index[lang][person.id], PERSON_ID)


def _archive_places(plan: ArchivePlan) -> Iterator[tuple[Lang, Place]]:
    """Every person on the archive's index page that files them, every item of theirs on
    their page in the archive, in each language."""
    index = {lang: index_page_of(plan, lang) for lang in LANGS}
    for person in plan.people:
        page = person_url(person)
        places = [Place(item.key, f"the archive's page of {person.id}", page, PAPER_ID)
                  for item in plan.archive.items_of(person.id)]
        for lang in LANGS:
            yield lang, Place(person.id, "the archive's speaker index", index[lang][person.id],
                              PERSON_ID)
            yield from ((lang, place) for place in places)


def _paper_places(paper: Paper, day: DayPage, lists: str) -> list[Place]:
    """The pages that must list `paper`: its own, its session's, its people's, and its
    day's page and the programme where they list items."""
    places = [Place(paper.id, "its own page", paper_url(paper), PAPER_ID),
              Place(paper.id, "its session's page", f"sessions/{paper.session}/", PAPER_ID)]
    places += [Place(paper.id, f"the page of {person}", f"people/{person}/", PAPER_ID)
               for person in paper.people]
    if day.with_items:
        places.append(Place(paper.id, "its day's page", day.url, PAPER_ID))
    if lists == ITEMS:
        places.append(Place(paper.id, "the programme", PROGRAMME_URL, PAPER_ID))
    return places


def _check_exports(proc: Proceedings, site_dir: Path) -> list[str]:
    keys = citation_keys(proc)
    misses = []
    for name, read_keys in EXPORTS.items():
        file = site_dir / name
        if not file.is_file():
            continue
        try:
            found = read_keys(file.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError, ET.ParseError) as err:
            misses.append(f"{name} cannot be read: {err}")
            continue
        for paper in proc.papers:
            if paper.in_volume and keys[paper.id] not in found:
                misses.append(f"{paper.id}: missing from {name} "
                              f"(citation key {keys[paper.id]}).")
            elif not paper.in_volume and keys[paper.id] in found:
                misses.append(f"{paper.id}: {paper.status.value}, yet still in {name} "
                              f"(citation key {keys[paper.id]}).")
    return misses
