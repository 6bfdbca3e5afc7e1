"""DOIs (issue 15): with `doi_prefix` in conference.yaml every item and the volume have a
DOI, an item's own `doi:` wins, and the DOI is on both pages, in every export, in the
Scholar tags and the JSON-LD. A suffix Crossref would refuse and two items with one DOI
are `check` errors. (Without a prefix nothing changes: test_citations_agree*.py.)"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pybtex.database
import pytest
import rispy

from conftest import copy_project, run_waqai
from test_bad_inputs import edit
from test_head import head
from waqai.data.checks import validate
from waqai.data.dois import item_doi, volume_doi
from waqai.data.model import Proceedings
from waqai.data.problems import Problem
from waqai.exports.files import paper_files, volume_file
from waqai.exports.keys import citation_keys

PREFIX_LINES = 'doi_prefix: "10.5555"\ndoi_suffix: "CSC_{year}.{id}"\n'
OWN_DOI = "10.1234/Stated.DOI-1"  # a paper's own, in its own case
OWN = "absher"
SITE = "https://proceedings.example.org/csc-2015/"


def with_prefix(project: Path, lines: str = PREFIX_LINES) -> Path:
    with (project / "papers/conference.yaml").open("a", encoding="utf-8") as conference:
        conference.write(lines)
    return project


def state_doi(project: Path, paper_id: str, doi: str) -> None:
    with (project / f"papers/{paper_id}/paper.yaml").open("a", encoding="utf-8") as paper:
        paper.write(f'doi: "{doi}"\n')


def want(paper_id: str) -> str:
    """The DOI the test's conference.yaml gives an item, written out by hand."""
    return OWN_DOI if paper_id == OWN else f"10.5555/csc_2015.{paper_id}"


VOLUME = "10.5555/csc-2015"  # the default pattern, {short_name}, lower-cased


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Proceedings, dict[str, str]]:
    """The example with a prefix, one item stating its own DOI, built; its model and keys."""
    project = with_prefix(copy_project(tmp_path_factory.mktemp("dois") / "project"))
    state_doi(project, OWN, OWN_DOI)
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    proc = validate(project).proceedings
    assert proc is not None
    return project / "site", proc, citation_keys(proc)


def test_the_one_function_fills_the_pattern_and_a_stated_doi_wins(tmp_path: Path) -> None:
    project = with_prefix(copy_project(tmp_path / "project"))
    state_doi(project, OWN, OWN_DOI)
    proc = validate(project).proceedings
    assert proc is not None and len(proc.papers) == 8
    assert {p.id: item_doi(proc, p) for p in proc.papers} == {p.id: want(p.id)
                                                              for p in proc.papers}
    assert volume_doi(proc) == volume_doi(proc.conference) == VOLUME


class DoiLinks(HTMLParser):
    """The `.waqai-doi` lines of a page: (text, href, dir of the <bdi> around the link)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []
        self._in, self._bdi, self._href = False, "", ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if "waqai-doi" in (a.get("class") or "").split():
            self._in = True
        elif self._in and tag == "bdi":
            self._bdi = a.get("dir", "")
        elif self._in and tag == "a":
            self._href = a["href"]

    def handle_data(self, data: str) -> None:
        if self._in and self._href:
            self.found.append((data, self._href, self._bdi))
            self._in, self._href = False, ""


def dois_on(page: Path) -> list[tuple[str, str, str]]:
    return DoiLinks(page.read_text(encoding="utf-8")).found


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_each_page_shows_and_links_its_doi_isolated(built, lang: str) -> None:
    site, proc, _ = built
    root = site if lang == "ar" else site / "en"
    for paper_id in (paper.id for paper in proc.papers):
        doi = want(paper_id)
        assert dois_on(root / "papers" / paper_id / "index.html") == [
            (doi, f"https://doi.org/{doi}", "ltr")], paper_id
    assert dois_on(root / "index.html") == [(VOLUME, f"https://doi.org/{VOLUME}", "ltr")]
    about = (root / "about/index.html").read_text(encoding="utf-8")
    citation = re.search(r'<p class="waqai-volume-citation">(.*?)</p>', about, re.S)
    assert citation and f'href="https://doi.org/{VOLUME}"' in citation.group(1)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_scholar_tags_and_json_ld_carry_the_doi(built, lang: str) -> None:
    site, proc, _ = built
    root = site if lang == "ar" else site / "en"
    for paper in proc.papers:
        tags = head(root / "papers" / paper.id / "index.html")
        doi = want(paper.id)
        if paper.people:
            assert tags.one("citation_doi") == doi
        else:  # no citation_* record for an item with no named people (Scholar needs one)
            assert "citation_doi" not in tags.meta
        article = next(b for b in tags.json_ld if b.get("@type") == "ScholarlyArticle")
        assert article["identifier"] == {"@type": "PropertyValue", "propertyID": "DOI",
                                         "value": doi}
        assert article["sameAs"] == f"https://doi.org/{doi}"
        assert article["isPartOf"]["identifier"]["value"] == VOLUME
        assert article["isPartOf"]["sameAs"] == f"https://doi.org/{VOLUME}"


def _bib(text: str) -> dict[str, str]:
    entries = pybtex.database.parse_string(text, "bibtex").entries
    return {key: entry.fields.get("doi", "") for key, entry in entries.items()}


def _ris(text: str) -> dict[str, str]:
    return {record["id"]: record.get("doi", "") for record in rispy.loads(text)}


def _csl(text: str) -> dict[str, str]:
    return {item["id"]: item.get("DOI", "") for item in json.loads(text)}


READERS = {"bib": _bib, "ris": _ris, "json": _csl}


@pytest.mark.parametrize("fmt", READERS)
@pytest.mark.parametrize("form", ["original", "romanised"])
def test_every_export_carries_the_doi(built, fmt: str, form: str) -> None:
    site, proc, keys = built
    wanted = {keys[paper.id]: want(paper.id) for paper in proc.papers}
    read = READERS[fmt]
    assert read((site / volume_file(fmt, form)).read_text(encoding="utf-8")) == wanted
    for paper in proc.papers:
        path = site / paper_files(paper, keys[paper.id], form)[fmt]
        assert read(path.read_text(encoding="utf-8")) == {keys[paper.id]: want(paper.id)}


def test_the_landing_pages_are_the_sitemaps_paper_pages(built) -> None:
    site, proc, _ = built
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for paper in proc.papers:
        assert f"<loc>{SITE}papers/{paper.id}/</loc>" in sitemap


def problems_of(project: Path) -> list[Problem]:
    return validate(project).problems


def errors(project: Path, field: str) -> list[Problem]:
    return [p for p in problems_of(project) if p.is_error and p.field == field]


@pytest.mark.parametrize("suffix, bad", [("csc 2015/{id}", "“ ”"), ("csc:{id}", "“:”"),
                                         ("مؤتمر.{id}", "“م”")])
def test_a_suffix_crossref_refuses_is_an_error_with_line_and_fix(
        tmp_path: Path, suffix: str, bad: str) -> None:
    project = with_prefix(copy_project(tmp_path / "project"),
                          f'doi_prefix: "10.5555"\ndoi_suffix: "{suffix}"\n')
    [problem] = errors(project, "doi_suffix")
    assert problem.file == "papers/conference.yaml" and problem.line is not None
    assert bad in problem.message and "a-z A-Z 0-9 - . _ ; ( ) /" in problem.message
    repaired = re.search(r'doi_suffix: "([^"]*)"', problem.fix)
    assert repaired and "{id}" in repaired.group(1)
    assert re.fullmatch(r"[a-zA-Z0-9\-._;()/]+", repaired.group(1).replace("{id}", "x"))


def test_a_short_name_that_gives_a_bad_default_suffix_is_named(tmp_path: Path) -> None:
    project = with_prefix(copy_project(tmp_path / "project"), 'doi_prefix: "10.5555"\n')
    edit(project / "papers/conference.yaml", 'short_name: "CSC-2015"', 'short_name: "CSC 2015"')
    problems = [p for p in problems_of(project) if p.is_error]
    assert {p.field for p in problems} == {"short_name"}
    assert all("“ ”" in p.message and p.line for p in problems)
    assert 'doi_suffix: "csc-2015.{id}"' in problems[0].fix


@pytest.mark.parametrize("lines, field, words", [
    ('doi_prefix: "10.5555"\ndoi_suffix: "csc.{key}"\n', "doi_suffix", "{key}"),
    ('doi_prefix: "10.5555"\ndoi_suffix: "csc2015"\n', "doi_suffix", "same DOI"),
    ('doi_prefix: "10.5555"\ndoi_volume_suffix: "v{id}"\n', "doi_volume_suffix", "{id}"),
    ('doi_prefix: "10.55"\n', "doi_prefix", "not a DOI prefix"),
    ('doi_prefix: "10.5555/csc"\n', "doi_prefix", "not a DOI prefix"),
])
def test_a_wrong_pattern_or_prefix_is_an_error(tmp_path: Path, lines: str, field: str,
                                               words: str) -> None:
    project = with_prefix(copy_project(tmp_path / "project"), lines)
    [problem] = errors(project, field)
    assert words in problem.message and problem.line is not None and problem.fix


def test_two_items_with_one_doi_is_an_error(tmp_path: Path) -> None:
    project = with_prefix(copy_project(tmp_path / "project"))
    # absher states the DOI the prefix gives safeer, in another case: still the same DOI.
    state_doi(project, OWN, "10.5555/CSC_2015.SAFEER")
    [problem] = [p for p in problems_of(project) if p.is_error]
    assert (problem.file, problem.field) == ("papers/safeer/paper.yaml", "id")
    assert "“10.5555/csc_2015.safeer” is already the DOI of papers/absher/paper.yaml:" \
        in problem.message
    assert problem.line is not None and "papers/absher/paper.yaml" in problem.fix


def test_two_stated_dois_are_one_error_without_a_prefix_too(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    state_doi(project, "absher", "10.1234/same")
    state_doi(project, "safeer", "10.1234/same")
    [problem] = [p for p in problems_of(project) if p.is_error]
    assert (problem.file, problem.field) == ("papers/safeer/paper.yaml", "doi")
    assert "papers/absher/paper.yaml" in problem.message


def test_an_item_may_not_take_the_volumes_doi(tmp_path: Path) -> None:
    project = with_prefix(copy_project(tmp_path / "project"))
    state_doi(project, OWN, VOLUME)
    [problem] = [p for p in problems_of(project) if p.is_error]
    assert (problem.file, problem.field) == ("papers/absher/paper.yaml", "doi")
    assert "the volume" in problem.message


def test_a_pattern_without_a_prefix_is_a_warning_and_gives_no_doi(tmp_path: Path) -> None:
    project = with_prefix(copy_project(tmp_path / "project"), 'doi_suffix: "csc.{id}"\n')
    result = validate(project)
    assert [(p.field, p.is_error) for p in result.problems
            if p.field.startswith("doi")] == [("doi_suffix", False)]
    assert result.proceedings is not None and volume_doi(result.proceedings) is None
    assert all(item_doi(result.proceedings, p) is None for p in result.proceedings.papers)
