"""Issue 33, what harvesters read beside the citation files: the volume's Atom feeds (read
by feedparser), each paper page's signposting links, JSON-LD nodes tied by `@id` across
the two language pages, and the sitemap (no `changefreq`, an `x-default` per page).

Expected values come from the data files (read with PyYAML) and from the built site's
own files, never from the code under test. The example has no PDFs; the synthetic
conference has a few, and ORCID iDs.
"""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml
from lxml import etree

from conftest import run_waqai

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
              "x": "http://www.w3.org/1999/xhtml"}
ROOTS = {"ar": "", "en": "en/"}
ARABIC, LATIN = re.compile(r"[\u0600-\u06FF]"), re.compile(r"[A-Za-z]")
MEDIA_TYPES = {".bib": "application/x-bibtex", ".ris": "application/x-research-info-systems",
               ".json": "application/vnd.citationstyles.csl+json",
               ".xml": "application/mods+xml", ".enw": "application/x-endnote-refer"}


class Head(HTMLParser):
    """A page head's `<link>`s (rel -> [(href, type)]) and JSON-LD blocks."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: dict[str, list[tuple[str, str]]] = {}
        self.json_ld: list[dict] = []
        self._in_ld = False
        self.feed(html[:html.index("</head>")])

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "link":
            self.links.setdefault(a.get("rel", ""), []).append((a.get("href"), a.get("type")))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(json.loads(data))
            self._in_ld = False


def head(site: Path, url: str) -> Head:
    return Head((site / url / "index.html").read_text(encoding="utf-8"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def items(site: Path) -> dict[str, dict]:
    """Paper id -> its paper.yaml, of the project the site was built from."""
    return {path.parent.name: load(path) for path in (site.parent / "papers").glob("*/paper.yaml")}


def site_url(site: Path) -> str:
    return load(site.parent / "papers/conference.yaml")["site_url"]


def local(site: Path, address: str) -> Path:
    """The file of the built site that an absolute address of the site names."""
    base = site_url(site)
    assert address.startswith(base), address
    path = site / address[len(base):]
    return path / "index.html" if address.endswith("/") else path


def in_volume(paper: dict) -> bool:
    return paper.get("status", "published") not in ("retracted", "withdrawn")


def session_days(site: Path) -> dict[str, str]:
    return {sid: str(entry["day"]) for sid, entry in
            load(site.parent / "papers/sessions.yaml").items()}


def expected_doi(site: Path, pid: str) -> str | None:
    """The DOI the README promises an item without its own: the prefix, then the short
    name and the item's id, lower-cased (the default `doi_suffix`)."""
    conference = load(site.parent / "papers/conference.yaml")
    prefix = conference.get("doi_prefix")
    return f"{prefix}/{conference['short_name']}.{pid}".lower() if prefix else None


# -- the Atom feeds ----------------------------------------------------------------------

@pytest.mark.parametrize("lang,name", [("ar", "feed.xml"), ("en", "feed.en.xml")])
@pytest.mark.parametrize("which", ["built_site", "built_synthetic_site"])
def test_each_feed_lists_every_item_of_the_volume(request: pytest.FixtureRequest, which: str,
                                                  lang: str, name: str) -> None:
    site = request.getfixturevalue(which)
    feed = feedparser.parse((site / name).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    papers, days = items(site), session_days(site)
    listed = {pid for pid, paper in papers.items() if in_volume(paper)}
    by_link = {urlsplit(entry.link).path.rstrip("/").rsplit("/", 1)[-1]: entry
               for entry in feed.entries}
    assert set(by_link) == listed and len(feed.entries) == len(listed)
    for pid, entry in by_link.items():
        assert entry.link.startswith(site_url(site) + ROOTS[lang] + "papers/")
        assert local(site, entry.link).is_file()
        assert entry.published.startswith(days[papers[pid]["session"]])
        assert entry.title


@pytest.mark.parametrize("which", ["built_site", "built_synthetic_site"])
def test_an_item_is_one_entry_in_both_feeds(request: pytest.FixtureRequest, which: str) -> None:
    site = request.getfixturevalue(which)
    arabic, english = (feedparser.parse((site / name).read_bytes()) for name in
                       ("feed.xml", "feed.en.xml"))
    assert [e.id for e in arabic.entries] == [e.id for e in english.entries]
    assert {e.link for e in arabic.entries}.isdisjoint(e.link for e in english.entries)


def test_the_feed_titles_and_summaries_are_in_the_feeds_language(built_site: Path) -> None:
    arabic = feedparser.parse((built_site / "feed.xml").read_bytes())
    english = feedparser.parse((built_site / "feed.en.xml").read_bytes())
    conference = load(built_site.parent / "papers/conference.yaml")
    assert arabic.feed.title == conference["title"]["ar"]
    assert english.feed.title == conference["title"]["en"]
    assert all(ARABIC.search(entry.title) for entry in arabic.entries)
    summaries = [entry.summary for entry in english.entries if "summary" in entry]
    assert summaries  # English, quoting an Arabic name here and there («أبشر»)
    assert all(len(LATIN.findall(s)) > 10 * len(ARABIC.findall(s)) for s in summaries)


@pytest.mark.parametrize("url,feed", [("", "feed.xml"), ("en/", "feed.en.xml"),
                                      ("about/", "feed.xml"), ("en/people/", "feed.en.xml")])
def test_every_page_names_its_languages_feed(built_site: Path, url: str, feed: str) -> None:
    found = [href for href, kind in head(built_site, url).links.get("alternate", [])
             if kind == "application/atom+xml"]
    assert found == [site_url(built_site) + feed]


# -- signposting -------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["built_site", "built_synthetic_site"])
def test_signposting_names_the_items_files_and_is_the_same_in_both_languages(
        request: pytest.FixtureRequest, which: str) -> None:
    site = request.getfixturevalue(which)
    people = load(site.parent / "papers/people.yaml")
    with_pdf = 0
    for pid, paper in items(site).items():
        ar, en = (head(site, f"{root}papers/{pid}/").links for root in ROOTS.values())
        # The same on both pages, but for the PDF, which is published beside each page.
        signposts = ("cite-as", "describedby", "author", "type")
        assert {rel: ar.get(rel) for rel in signposts} == {rel: en.get(rel) for rel in signposts}
        (cite_as, _), = ar["cite-as"]
        doi = paper.get("doi") or expected_doi(site, pid)
        assert cite_as == (f"https://doi.org/{doi}" if doi else
                           f"{site_url(site)}papers/{pid}/")
        described = ar["describedby"]
        assert len(described) == 2 * len(MEDIA_TYPES)  # each format, in two forms
        for href, kind in described:
            assert local(site, href).is_file(), href
            assert kind == MEDIA_TYPES[Path(href).suffix]
        if paper.get("pdf") and in_volume(paper):
            with_pdf += 1
            for lang, links in (("ar", ar), ("en", en)):
                (href, kind), = links["item"]
                assert href == f"{site_url(site)}{ROOTS[lang]}papers/{pid}/{paper['pdf']}"
                assert kind == "application/pdf"
                assert local(site, href).read_bytes().startswith(b"%PDF")
        else:
            assert "item" not in ar and "item" not in en
        orcids = [people[person].get("orcid") for person in paper.get("people", [])]
        assert [href for href, _ in ar.get("author", [])] == [
            f"https://orcid.org/{orcid}" for orcid in orcids if orcid]
        assert {href for href, _ in ar["type"]} == {"https://schema.org/ScholarlyArticle",
                                                  "https://schema.org/AboutPage"}
    assert with_pdf or which == "built_site"


# -- JSON-LD tied by @id -----------------------------------------------------------------

def article(site: Path, url: str) -> dict:
    (ld,) = head(site, url).json_ld
    assert ld["@type"] == "ScholarlyArticle"
    return ld


def test_both_pages_of_an_item_describe_one_work_by_one_set_of_people(built_site: Path) -> None:
    home = {lang: head(built_site, root).json_ld[0] for lang, root in ROOTS.items()}
    assert home["ar"]["@id"] == home["en"]["@id"]
    for pid, paper in items(built_site).items():
        ar, en = (article(built_site, f"{root}papers/{pid}/") for root in ROOTS.values())
        assert ar["@id"] == en["@id"] and ar["url"] != en["url"]
        assert ar["mainEntityOfPage"] == ar["url"]
        assert ar["recordedAt"]["@id"] == en["recordedAt"]["@id"] == home["ar"]["@id"]
        assert ar["isPartOf"]["@id"] == en["isPartOf"]["@id"]
        for people in (ar["author"], en["author"]):
            assert all("@id" in author for author in people)
        assert [a["@id"] for a in ar["author"]] == [a["@id"] for a in en["author"]]
        for lang, ld in (("ar", ar), ("en", en)):
            for author, person in zip(ld["author"], paper.get("people", []), strict=False):
                assert author["url"] == f"{site_url(built_site)}{ROOTS[lang]}people/{person}/"
                assert local(built_site, author["url"]).is_file()


def test_a_person_page_is_about_the_person_its_items_name(built_site: Path) -> None:
    pid, paper = next((pid, p) for pid, p in sorted(items(built_site).items()) if p.get("people"))
    author = article(built_site, f"papers/{pid}/")["author"][0]
    for root in ROOTS.values():
        (profile,) = head(built_site, f"{root}people/{paper['people'][0]}/").json_ld
        assert profile["mainEntity"]["@id"] == author["@id"]


def test_an_arabic_address_uses_the_arabic_comma(built_site: Path) -> None:
    home = {lang: head(built_site, root).json_ld[0] for lang, root in ROOTS.items()}
    conference = load(built_site.parent / "papers/conference.yaml")
    assert home["ar"]["location"]["address"] == (f"{conference['city']['ar']}، "
                                                 f"{conference['country']['ar']}")
    assert home["en"]["location"]["address"] == (f"{conference['city']['en']}, "
                                                 f"{conference['country']['en']}")


# -- the sitemap -------------------------------------------------------------------------

def test_the_sitemap_has_no_changefreq_and_an_x_default_for_each_page(built_site: Path) -> None:
    text = (built_site / "sitemap.xml").read_bytes()
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()) == text
    urls = etree.fromstring(text).findall("s:url", SITEMAP_NS)
    assert urls
    for url in urls:
        assert url.find("s:changefreq", SITEMAP_NS) is None
        alternates = {link.get("hreflang"): link.get("href")
                      for link in url.findall("x:link", SITEMAP_NS)}
        if "ar" in alternates:
            assert alternates["x-default"] == alternates["ar"]
        else:
            assert "x-default" not in alternates


def test_an_item_first_published_elsewhere_is_cited_as_its_version_of_record(
        project: Path) -> None:
    record = "https://aclanthology.org/2022.wanlp-1.1/"  # an address of the kind it takes
    paper = project / "papers/absher/paper.yaml"
    text = paper.read_text(encoding="utf-8")
    assert "version_of_record" not in text and "doi:" not in text
    paper.write_text(f"{text.rstrip()}\nversion_of_record: \"{record}\"\n", encoding="utf-8")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    site = project / "site"
    for root in ROOTS.values():
        page = head(site, f"{root}papers/absher/")
        assert page.links["cite-as"] == [(record, None)]
        (ld,) = page.json_ld
        assert ld["sameAs"] == record
        html = (site / root / "papers/absher/index.html").read_text(encoding="utf-8")
        assert f'<bdi dir="ltr"><a href="{record}">{record}</a></bdi>' in html
