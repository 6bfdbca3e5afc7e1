"""Issue 5 on the built example: volume exports, per-paper files, and each paper page's head."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pybtex.database
import pytest
import rispy

from conftest import EXAMPLE_PAPERS
from test_bibtex import _biber_problems

SCHEMA = Path(__file__).parent / "schemas/csl-data.json"


def paper_ids() -> list[str]:
    return sorted(p.name for p in EXAMPLE_PAPERS.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")))


class HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta.append((a.get("name") or a.get("property"), a.get("content", "")))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(data)
            self._in_ld = False


def head_of(path: Path) -> HeadParser:
    parser = HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("name", ["proceedings.bib", "proceedings.en.bib"])
def test_volume_bib_has_one_entry_per_item_and_passes_biber(built_site: Path, name: str) -> None:
    bib = built_site / name
    data = pybtex.database.parse_file(str(bib), bib_format="bibtex")
    assert len(data.entries) == len(paper_ids())
    assert all(entry.type == "inproceedings" for entry in data.entries.values())
    code, problems = _biber_problems(bib)
    assert code == 0 and not problems, problems


@pytest.mark.parametrize("name", ["proceedings.ris", "proceedings.en.ris"])
def test_volume_ris_reads_back(built_site: Path, name: str) -> None:
    records = rispy.loads((built_site / name).read_text(encoding="utf-8"))
    assert len(records) == len(paper_ids())
    assert {r["type_of_reference"] for r in records} == {"CONF"}


@pytest.mark.parametrize("name", ["proceedings.json", "proceedings.en.json"])
def test_volume_csl_json_validates_against_the_schema(built_site: Path, name: str) -> None:
    items = json.loads((built_site / name).read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(items)
    assert len(items) == len(paper_ids())
    assert {item["type"] for item in items} == {"paper-conference"}


def test_same_key_in_every_format_and_on_the_page(built_site: Path) -> None:
    bib_keys = set(pybtex.database.parse_file(str(built_site / "proceedings.bib")).entries)
    ris_keys = {r["id"] for r in rispy.loads((built_site / "proceedings.ris").read_text("utf-8"))}
    csl_keys = {i["id"] for i in json.loads((built_site / "proceedings.json").read_text("utf-8"))}
    assert bib_keys == ris_keys == csl_keys
    for paper in paper_ids():
        folder = built_site / "papers" / paper
        key = next(p.stem for p in folder.glob("*.bib") if not p.name.endswith(".en.bib"))
        files = {p.name for p in folder.iterdir() if p.suffix in (".bib", ".ris", ".json")}
        assert files == {f"{key}{form}.{fmt}" for form in ("", ".en")
                         for fmt in ("bib", "ris", "json")}
        assert key in bib_keys
        for prefix in ("", "en/"):
            html = (built_site / prefix / "papers" / paper / "index.html").read_text("utf-8")
            assert f"{{{key}," in html  # the BibTeX shown in the Cite panel
            assert f'{key}.ris"' in html and f'{key}.json"' in html


def test_every_paper_page_carries_scholar_tags_and_json_ld(built_site: Path) -> None:
    for paper in paper_ids():
        for prefix, lang in (("", "ar"), ("en/", "en")):
            head = head_of(built_site / prefix / "papers" / paper / "index.html")
            names = [name for name, _ in head.meta]
            if paper == "panel-building-culture":  # the sources name no panellist, and
                # Scholar needs a person as author: no citation_* record at all
                assert not [name for name in names if name.startswith("citation_")]
            else:
                for required in ("citation_title", "citation_publication_date",
                                 "citation_conference_title", "citation_author"):
                    assert required in names, (paper, lang, required)
                for once in ("citation_title", "citation_publication_date"):
                    assert names.count(once) == 1, (paper, lang, once)
                # The item's language (every item of the example is Arabic), on both pages.
                assert dict(head.meta)["citation_language"] == "ar"
            assert len(head.json_ld) == 1
            data = json.loads(head.json_ld[0])
            assert data["@type"] == "ScholarlyArticle" and data["inLanguage"] == "ar"
            assert data["recordedAt"]["@type"] == "Event"


def test_hreflang_alternates_are_absolute_with_x_default(built_site: Path) -> None:
    html = (built_site / "en/papers/absher/index.html").read_text("utf-8")
    links = dict((lang, href) for href, lang in re.findall(
        r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', html))
    assert links["ar"] == "https://proceedings.example.org/csc-2015/papers/absher/"
    assert links["en"] == "https://proceedings.example.org/csc-2015/en/papers/absher/"
    assert links["x-default"] == links["ar"]


def test_sitemap_lists_both_languages(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    assert "https://proceedings.example.org/csc-2015/papers/absher/" in sitemap
    assert "https://proceedings.example.org/csc-2015/en/papers/absher/" in sitemap


def test_home_page_links_the_volume_exports(built_site: Path) -> None:
    for page, prefix, calendar in ((built_site / "index.html", "", "programme.ics"),
                                   (built_site / "en/index.html", "../", "programme.en.ics")):
        html = page.read_text("utf-8")
        for name in ("proceedings.bib", "proceedings.ris", "proceedings.json", calendar,
                     "proceedings.en.bib", "proceedings.en.ris", "proceedings.en.json"):
            assert f'href="{prefix}{name}"' in html
