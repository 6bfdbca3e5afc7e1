"""A real volume nobody here wrote (issue 30): the ACL Anthology's ArabicNLP 2023, 91 English
papers, written into `papers/` as an import writes data (tests/anthology_volume.py; the
file and its licence: tests/fixtures/anthology/PROVENANCE.md), with `language: en` and
`translations: welcome`.

It must check with at most one line about translations, and every export and both language
pages of every item must say English, read back with clients the code did not write: pybtex,
biber, rispy, citation-js, the CSL schema, the Crossref XSD. No English title is bracketed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pybtex.database
import pytest
import rispy

from anthology_volume import FIXTURE, write_volume
from conftest import copy_tool, run_waqai
from test_bad_inputs import edit
from test_bibtex import _biber_problems
from test_citationjs import Reader, citation_js  # noqa: F401 (a fixture, used by name)
from test_citations_agree import SCHEMA
from test_crossref import assert_valid
from test_item_language import head_values
from waqai.data.checks import validate
from waqai.data.model import Proceedings

CROSSREF = "{http://www.crossref.org/schema/5.4.0}"
ITEMS = 91  # the <paper>s of the volume, without its front matter


@pytest.fixture(scope="module")
def volume(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Proceedings]:
    project = copy_tool(tmp_path_factory.mktemp("anthology") / "project")
    assert write_volume(FIXTURE, project / "papers") == ITEMS
    # ACL's DOI prefix, which the papers' own DOIs are under: the deposit registers them.
    edit(project / "papers/conference.yaml", "timezone:", 'doi_prefix: "10.18653"\ntimezone:')
    proc = validate(project).proceedings
    assert proc is not None
    return project, proc


@pytest.fixture(scope="module")
def built(volume: tuple[Path, Proceedings]) -> Path:
    project, _ = volume
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


def test_check_passes_with_one_line_about_translations(volume) -> None:
    project, _ = volume
    result = run_waqai(project, "check")
    assert result.code == 0, result.output
    about = [line for line in result.output.splitlines() if "translation" in line]
    assert len(about) == 1, result.output
    assert f"OK: {ITEMS} items" in result.output
    # Its one warning is true: Rawan Almatham, an editor, and Rawan Al-Matham, an author, are
    # one person (issue 31: tests/test_latin_variants.py holds the volume's pairs).
    warnings = [line for line in result.output.splitlines() if ": warning:" in line]
    assert len(warnings) == 1 and "may be the same person" in warnings[0], result.output
    assert ": error:" not in result.output


def test_every_item_is_english(volume) -> None:
    _, proc = volume
    assert len(proc.papers) == ITEMS
    assert {paper.language for paper in proc.papers} == {"en"}
    assert proc.conference.language == "en"


def titles(proc: Proceedings) -> set[str]:
    return {paper.title.en for paper in proc.papers}


@pytest.mark.parametrize("suffix", ["", ".en"])
def test_the_bibtex_is_english_and_biber_accepts_it(built: Path, volume, suffix: str) -> None:
    _, proc = volume
    path = built / f"proceedings{suffix}.bib"
    entries = pybtex.database.parse_file(str(path), "bibtex").entries.values()
    assert len(entries) == ITEMS
    assert {(e.fields["langid"], e.fields["language"]) for e in entries} == {
        ("english", "english")}
    assert all(not e.fields["title"].startswith("[") for e in entries)
    assert _biber_problems(path) == (0, [])


@pytest.mark.parametrize("suffix", ["", ".en"])
def test_the_ris_and_csl_are_english(built: Path, volume, suffix: str) -> None:
    _, proc = volume
    ris = rispy.loads((built / f"proceedings{suffix}.ris").read_text("utf-8"))
    assert [record["language"] for record in ris] == ["en"] * ITEMS
    assert {record["title"] for record in ris} == titles(proc)
    csl = json.loads((built / f"proceedings{suffix}.json").read_text("utf-8"))
    jsonschema.validate(csl, SCHEMA)
    assert [item["language"] for item in csl] == ["en"] * ITEMS
    assert {item["title"] for item in csl} == titles(proc)


@pytest.mark.parametrize("fmt", ["ris", "bib"])
def test_citation_js_reads_english_titles(built: Path, volume, citation_js: Reader,  # noqa: F811
                                          fmt: str) -> None:
    _, proc = volume
    items = citation_js(built / f"proceedings.{fmt}")
    assert len(items) == ITEMS
    # RIS says the tag (LA), BibTeX biblatex's language name.
    assert {item["language"] for item in items} == {"en" if fmt == "ris" else "english"}
    assert {item["title"] for item in items} == titles(proc)


def test_the_deposit_is_english_and_valid(volume) -> None:
    project, _ = volume
    result = run_waqai(project, "deposit", "--depositor", "Test", "--email", "t@example.org")
    assert result.code == 0, result.output
    [path] = (project / "dist").glob("crossref-*.xml")
    root = assert_valid(path.read_bytes())  # the Crossref 5.4.0 XSD
    papers = list(root.iter(f"{CROSSREF}conference_paper"))
    assert len(papers) == ITEMS
    assert {paper.get("language") for paper in papers} == {"en"}
    assert {name.get("language") for name in root.iter(f"{CROSSREF}person_name")} == {"en"}
    assert root.find(f".//{CROSSREF}proceedings_metadata").get("language") == "en"


def test_both_pages_of_every_item_say_english(built: Path, volume) -> None:
    _, proc = volume
    for paper in proc.papers:
        for prefix in ("", "en/"):
            page = (built / prefix / "papers" / paper.id / "index.html").read_text("utf-8")
            assert head_values(page) == ("en", "en"), (prefix, paper.id)


def test_no_english_title_is_bracketed_anywhere(built: Path, volume) -> None:
    _, proc = volume
    bracketed = re.compile("|".join(re.escape(f"[{title[:40]}") for title in titles(proc)))
    for path in built.rglob("*"):
        if path.suffix in (".html", ".bib", ".ris", ".json", ".xml"):
            found = bracketed.search(path.read_text("utf-8", errors="replace"))
            assert found is None, (path, found and found[0])
