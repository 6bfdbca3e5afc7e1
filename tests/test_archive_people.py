"""A person's page across an archive's volumes, and the archive's speaker index (issue 31),
on the ACL Anthology's WANLP 2022 and ArabicNLP 2023 written as one archive
(tests/anthology_volume.py) and built.

What each page must list is read from the fixture XML (ElementTree) and the written data
files (PyYAML), never from the code that builds the pages: who wrote what, in which
volume, with whom, and under which affiliation.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from anthology_volume import ARCHIVE, write_archive
from archive_project import built_site, validated
from conftest import copy_tool
from waqai.site.invariants import check_archive_site
from waqai.site.pages.archiveplan import ArchivePlan
from waqai.site.runner import build_part

Spelling = tuple[str, str]  # (<first>, <last>)
SHARED = 40  # the people of both volumes, editors included (test_anthology_archive.py)
LANG_ROOTS = ("", "en/")


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _spelling(element: ET.Element) -> Spelling:
    return _text(element.find("first")), _text(element.find("last"))


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def _ids_by_spelling(papers: Path) -> dict[Spelling, str]:
    found: dict[Spelling, str] = {}
    for person_id, entry in _load(papers / "people.yaml").items():
        for latin in entry["latin"]:
            found[(latin["given"], latin.get("family", ""))] = person_id
    return found


class XmlItem:
    """One <paper> of a fixture: its volume, its id in the written data, its authors."""

    def __init__(self, volume: str, item_id: str, paper: ET.Element) -> None:
        self.volume, self.item_id = volume, item_id
        self.authors = [_spelling(author) for author in paper.findall("author")]
        self.affiliations = {_spelling(author): _text(author.find("affiliation"))
                             for author in paper.findall("author")
                             if author.find("affiliation") is not None}

    @property
    def key(self) -> str:
        return f"{self.volume}/{self.item_id}"


def _xml_items(papers: Path) -> list[XmlItem]:
    """Every paper of both fixtures, with the id its paper.yaml (by `source`) gives it."""
    items = []
    for volume_id, xml in ARCHIVE:
        by_source = {_load(path)["source"].removeprefix("aclanthology:"): path.parent.name
                     for path in (papers / volume_id).glob("*/paper.yaml")}
        root = ET.parse(xml).getroot()
        volume = root.find("volume")
        assert volume is not None
        for paper in volume.findall("paper"):
            anthology_id = f"{root.get('id')}-{volume.get('id')}.{paper.get('id')}"
            items.append(XmlItem(volume_id, by_source[anthology_id], paper))
    return items


def _everyone(xml: Path) -> set[Spelling]:
    root = ET.parse(xml).getroot()
    return {_spelling(element) for tag in ("editor", "author") for element in root.iter(tag)}


class PersonPage(HTMLParser):
    """What a person's archive page lists: its items by volume section and year, its
    co-authors, the affiliations it names, its item title links."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.years: list[str] = []
        self.volume = ""
        self.items: list[tuple[str, str]] = []  # (section's volume id, data-paper-id)
        self.links: dict[str, str] = {}  # data-paper-id -> its title link's href
        self.title_attrs: list[tuple[str | None, str | None]] = []
        self.coauthors: dict[str, int] = {}
        self.coauthor_links: dict[str, str] = {}
        self.affiliations: list[str] = []
        self._item = ""
        self._in: str | None = None  # "coauthor" or "affiliation" while inside one
        self._coauthor = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section" and found.get("data-year"):
            self.years.append(str(found["data-year"]))
        if tag == "section" and "data-volume-id" in found:
            self.volume = str(found["data-volume-id"])
        if tag == "li" and "data-paper-id" in found:
            self._item = str(found["data-paper-id"])
            self.items.append((self.volume, self._item))
        if tag == "a" and "waqai-item__title" in (found.get("class") or ""):
            self.links[self._item] = str(found["href"])
            self.title_attrs.append((found.get("lang"), found.get("dir")))
        if tag == "li" and "data-coauthor-id" in found:
            self._coauthor = str(found["data-coauthor-id"])
            self.coauthors[self._coauthor] = int(str(found["data-count"]))
        if tag == "a" and self._coauthor and self._coauthor not in self.coauthor_links:
            self.coauthor_links[self._coauthor] = str(found["href"])
        if tag == "ul" and found.get("class") == "waqai-affiliations":
            self._in = "affiliations"
        elif tag == "li" and self._in == "affiliations":
            self.affiliations.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul":
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "affiliations" and self.affiliations:
            self.affiliations[-1] += data


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = copy_tool(tmp_path_factory.mktemp("archive") / "project")
    write_archive(ARCHIVE, built / "papers")
    built_site(built)
    return built


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return project / "site"


@pytest.fixture(scope="module")
def items(project: Path) -> list[XmlItem]:
    return _xml_items(project / "papers")


@pytest.fixture(scope="module")
def ids(project: Path) -> dict[Spelling, str]:
    return _ids_by_spelling(project / "papers")


@pytest.fixture(scope="module")
def shared(ids: dict[Spelling, str]) -> set[str]:
    (_, older), (_, newer) = ARCHIVE
    return {ids[spelling] for spelling in _everyone(older) & _everyone(newer)}


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def resolve(site: Path, root: str, from_url: str, href: str) -> Path:
    """The file a relative link on the page at `root + from_url` leads to."""
    return (site / root / from_url / href / "index.html").resolve()


def test_each_shared_person_has_one_page_with_both_years(
        site: Path, items: list[XmlItem], ids: dict[Spelling, str], shared: set[str]) -> None:
    assert len(shared) == SHARED
    for person_id in shared:
        theirs = {item.key: item for item in items
                  if person_id in {ids[author] for author in item.authors}}
        for root in LANG_ROOTS:
            listed = PersonPage(page(site, f"{root}people/{person_id}/index.html"))
            # The editors of a volume without an item in it still have its year.
            assert listed.years == ["2023", "2022"], person_id
            assert sorted(key for _, key in listed.items) == sorted(theirs), person_id
            for volume, key in listed.items:
                item = theirs[key]
                assert volume == item.volume
                target = resolve(site, root, f"people/{person_id}/", listed.links[key])
                assert target == (site / item.volume / root / "papers" / item.item_id
                                  / "index.html").resolve()
                assert target.is_file()


def test_newest_first_and_each_title_in_its_own_language(site: Path) -> None:
    """Every item is English: a line of its own language on the Arabic page, plain on the
    English one."""
    listed = {root: PersonPage(page(site, f"{root}people/nizar-habash/index.html"))
              for root in LANG_ROOTS}
    volumes = [volume for volume, _ in listed[""].items]
    assert volumes == sorted(volumes, key=lambda volume: volume != "arabicnlp-2023")
    assert set(listed[""].title_attrs) == {("en", "ltr")}
    assert set(listed["en/"].title_attrs) == {(None, None)}


@pytest.mark.parametrize("spelling", [("Houda", "Bouamor"), ("Nizar", "Habash"),
                                      ("Hatem", "Haddad")])
def test_co_authors_across_the_archive(site: Path, items: list[XmlItem],
                                       ids: dict[Spelling, str], spelling: Spelling) -> None:
    together = Counter(other for item in items if spelling in item.authors
                       for other in set(item.authors) if other != spelling)
    expected = {ids[other]: count for other, count in together.items()}
    person_id = ids[spelling]
    for root in LANG_ROOTS:
        listed = PersonPage(page(site, f"{root}people/{person_id}/index.html"))
        assert listed.coauthors == expected
        counts = list(listed.coauthors.values())
        assert counts == sorted(counts, reverse=True)
        for other, href in listed.coauthor_links.items():
            assert resolve(site, root, f"people/{person_id}/", href) == (
                site / root / "people" / other / "index.html").resolve()


def test_the_affiliations_each_gave(site: Path, items: list[XmlItem],
                                    ids: dict[Spelling, str]) -> None:
    """Hatem Haddad gave two affiliations in WANLP 2022 (test_anthology_archive.py)."""
    spelling = ("Hatem", "Haddad")
    given = {item.affiliations[spelling] for item in items if spelling in item.affiliations}
    assert len(given) == 2
    listed = PersonPage(page(site, f"en/people/{ids[spelling]}/index.html"))
    assert sorted(text.strip() for text in listed.affiliations) == sorted(
        f"{text} (2022)" for text in given)


def test_a_shared_persons_volume_pages_link_to_their_archive_page(
        site: Path, shared: set[str]) -> None:
    link = re.compile(r'<p class="waqai-archive-person"><a href="([^"]+)">')
    for person_id in shared:
        for volume_id, _ in ARCHIVE:
            for root in LANG_ROOTS:
                url = f"{volume_id}/{root}people/{person_id}/"
                hrefs = link.findall(page(site, f"{url}index.html"))
                assert len(hrefs) == 1, url
                assert (site / url / hrefs[0] / "index.html").resolve() == (
                    site / root / "people" / person_id / "index.html").resolve()


def test_each_page_links_the_persons_citation_files(site: Path, shared: set[str]) -> None:
    export = re.compile(r'<a class="waqai-export" href="([^"]+)" download="([^"]+)">')
    for person_id in shared:
        for root in LANG_ROOTS:
            html = page(site, f"{root}people/{person_id}/index.html")
            links = export.findall(html)
            assert sorted(name for _, name in links) == sorted(
                f"people/{person_id}/{person_id}.{suffix}" for suffix in ("bib", "en.bib"))
            for href, name in links:
                target = (site / root / "people" / person_id / href).resolve()
                assert target == (site / name).resolve() and target.is_file()


def index_people(site: Path, root: str) -> Counter[str]:
    """Every data-person-id of the archive's index in one language: its page and its
    letter pages."""
    pages = [site / root / "people" / "index.html", *(site / root / "names").rglob("index.html")]
    return Counter(found for path in pages for found in re.findall(
        r'<li data-person-id="([^"]+)"', path.read_text(encoding="utf-8")))


def test_the_archive_index_lists_everyone_once_in_each_language(project: Path,
                                                                site: Path) -> None:
    everyone = set(_load(project / "papers" / "people.yaml"))
    assert len(everyone) > 300  # past one page's bound: by letter
    for root in LANG_ROOTS:
        listed = index_people(site, root)
        assert set(listed) == everyone
        assert set(listed.values()) == {1}
        home = page(site, f"{root}index.html")
        href = re.search(r'<p class="waqai-archive-people"><a href="([^"]+)">', home)
        assert href and (site / root / href.group(1) / "index.html").is_file()


@pytest.fixture
def broken(site: Path, tmp_path: Path) -> Path:
    """The archive's own pages, copied to break."""
    copy = tmp_path / "site"
    for root in LANG_ROOTS:
        for folder in ("people", "names"):
            shutil.copytree(site / root / folder, copy / root / folder)
    return copy


def test_the_after_build_check_passes_on_the_built_archive(project: Path, site: Path) -> None:
    assert check_archive_site(ArchivePlan(validated(project)), site) == []


def test_the_check_fails_when_a_persons_item_is_left_off(project: Path, broken: Path) -> None:
    path = broken / "en" / "people" / "houda-bouamor" / "index.html"
    html = path.read_text(encoding="utf-8")
    dropped = 'data-paper-id="wanlp-2022/2022-wanlp-1-9"'
    assert html.count(dropped) == 1
    path.write_text(html.replace(dropped, 'data-dropped="x"'), encoding="utf-8")
    misses = check_archive_site(ArchivePlan(validated(project)), broken)
    assert misses == ["wanlp-2022/2022-wanlp-1-9: missing from the archive's page of "
                      "houda-bouamor en/people/houda-bouamor/index.html."]


def test_the_check_fails_when_the_index_leaves_someone_off(project: Path,
                                                           broken: Path) -> None:
    letter = next(path for path in sorted((broken / "names").rglob("index.html"))
                  if 'data-person-id="houda-bouamor"' in path.read_text(encoding="utf-8"))
    letter.write_text(letter.read_text(encoding="utf-8").replace(
        'data-person-id="houda-bouamor"', 'data-other="houda-bouamor"'), encoding="utf-8")
    misses = check_archive_site(ArchivePlan(validated(project)), broken)
    assert misses == [f"houda-bouamor: missing from the archive's speaker index "
                      f"{letter.relative_to(broken).as_posix()}."]


def test_a_variant_spelling_is_also_published_as(tmp_path: Path) -> None:
    """Two real spellings of one person («Rawan Al-Matham», «Rawan Almatham») kept as one
    entry of people.yaml: their page names the second as what they also published as."""
    project = copy_tool(tmp_path / "project")
    papers = project / "papers"
    write_archive(ARCHIVE, papers)
    ids = _ids_by_spelling(papers)
    keep, merge = ids[("Rawan", "Al-Matham")], ids[("Rawan", "Almatham")]
    people = _load(papers / "people.yaml")
    people[keep]["latin"] += people.pop(merge)["latin"]
    (papers / "people.yaml").write_text(yaml.safe_dump(people, allow_unicode=True), "utf-8")
    for path in papers.rglob("*.yaml"):
        text = path.read_text("utf-8")
        if merge in text:
            path.write_text(re.sub(rf"\b{re.escape(merge)}\b", keep, text), "utf-8")
    assert build_part(project / "mkdocs.yml", project / "site", "") is None
    for root in LANG_ROOTS:
        html = page(project / "site", f"{root}people/{keep}/index.html")
        also = re.search(r'<dd class="waqai-also-published-as">(.*?)</dd>', html)
        assert also and re.findall(r"<bdi[^>]*>([^<]*)</bdi>", also.group(1)) == [
            "Rawan Almatham"]
    assert not (project / "site" / "people" / merge).exists()
