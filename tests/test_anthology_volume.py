"""Real volumes nobody here wrote (issues 30 and 31): the ACL Anthology's ArabicNLP 2023, 91
English papers, and WANLP 2022, 66, each written alone into `papers/` as an import writes
data (tests/anthology_volume.py; the files and their licence:
tests/fixtures/anthology/PROVENANCE.md), with `language: en` and `translations: welcome`.

Each must check with at most one line about translations, and every export and both language
pages of every item must say English, read back with clients the code did not write: pybtex,
biber, rispy, citation-js, the CSL schema, the Crossref XSD. No English title is bracketed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pybtex.database
import pytest
import rispy

from anthology_volume import FIXTURE, WANLP_2022, write_volume
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
# Each fixture, its <paper>s (without its front matter), and the pairs of its people that
# check says may be one person: ArabicNLP 2023's Rawan Almatham, an editor, and Rawan
# Al-Matham, an author of paper 39, are one; WANLP 2022's Ashraf Elneima and Ashraf Hatim
# Elneima most likely are.
VOLUMES = {"arabicnlp-2023": (FIXTURE, 91, 1), "wanlp-2022": (WANLP_2022, 66, 1)}


@dataclass(frozen=True)
class Written:
    """One volume written alone as a project's papers/, and what check made of it."""

    project: Path
    proc: Proceedings
    items: int  # how many the XML has
    same_people: int  # the pairs check warns of


@pytest.fixture(scope="module", params=sorted(VOLUMES))
def volume(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Written:
    xml, items, same_people = VOLUMES[request.param]
    project = copy_tool(tmp_path_factory.mktemp(request.param) / "project")
    assert write_volume(xml, project / "papers") == items
    # ACL's DOI prefix, which the papers' own DOIs are under: the deposit registers them.
    edit(project / "papers/conference.yaml", "timezone:", 'doi_prefix: "10.18653"\ntimezone:')
    proc = validate(project).proceedings
    assert proc is not None
    return Written(project, proc, items, same_people)


@pytest.fixture(scope="module")
def built(volume: Written) -> Path:
    result = run_waqai(volume.project, "build")
    assert result.code == 0, result.output
    return volume.project / "site"


def test_check_passes_with_one_line_about_translations(volume: Written) -> None:
    result = run_waqai(volume.project, "check")
    assert result.code == 0, result.output
    about = [line for line in result.output.splitlines() if "translation" in line]
    assert len(about) == 1, result.output
    assert f"OK: {volume.items} items" in result.output
    # Its warnings are the likely same people (tests/test_latin_variants.py), each true.
    warnings = [line for line in result.output.splitlines() if ": warning:" in line]
    assert len(warnings) == volume.same_people, result.output
    assert all("may be the same person" in line for line in warnings), result.output
    assert ": error:" not in result.output


def test_every_item_is_english(volume: Written) -> None:
    assert len(volume.proc.papers) == volume.items
    assert {paper.language for paper in volume.proc.papers} == {"en"}
    assert volume.proc.conference.language == "en"


def titles(proc: Proceedings) -> set[str]:
    return {paper.title.en for paper in proc.papers}


@pytest.mark.parametrize("suffix", ["", ".en"])
def test_the_bibtex_is_english_and_biber_accepts_it(built: Path, volume: Written,
                                                     suffix: str) -> None:
    path = built / f"proceedings{suffix}.bib"
    entries = pybtex.database.parse_file(str(path), "bibtex").entries.values()
    assert len(entries) == volume.items
    assert {(e.fields["langid"], e.fields["language"]) for e in entries} == {
        ("english", "english")}
    assert all(not e.fields["title"].startswith("[") for e in entries)
    assert _biber_problems(path) == (0, [])


@pytest.mark.parametrize("suffix", ["", ".en"])
def test_the_ris_and_csl_are_english(built: Path, volume: Written, suffix: str) -> None:
    ris = rispy.loads((built / f"proceedings{suffix}.ris").read_text("utf-8"))
    assert [record["language"] for record in ris] == ["en"] * volume.items
    assert {record["title"] for record in ris} == titles(volume.proc)
    csl = json.loads((built / f"proceedings{suffix}.json").read_text("utf-8"))
    jsonschema.validate(csl, SCHEMA)
    assert [item["language"] for item in csl] == ["en"] * volume.items
    assert {item["title"] for item in csl} == titles(volume.proc)


@pytest.mark.parametrize("fmt", ["ris", "bib"])
def test_citation_js_reads_english_titles(built: Path, volume: Written,
                                          citation_js: Reader, fmt: str) -> None:  # noqa: F811
    items = citation_js(built / f"proceedings.{fmt}")
    assert len(items) == volume.items
    # RIS says the tag (LA), BibTeX biblatex's language name.
    assert {item["language"] for item in items} == {"en" if fmt == "ris" else "english"}
    assert {item["title"] for item in items} == titles(volume.proc)


def test_the_deposit_is_english_and_valid(volume: Written) -> None:
    result = run_waqai(volume.project, "deposit", "--depositor", "Test",
                       "--email", "t@example.org")
    assert result.code == 0, result.output
    [path] = (volume.project / "dist").glob("crossref-*.xml")
    root = assert_valid(path.read_bytes())  # the Crossref 5.4.0 XSD
    papers = list(root.iter(f"{CROSSREF}conference_paper"))
    assert len(papers) == volume.items
    assert {paper.get("language") for paper in papers} == {"en"}
    assert {name.get("language") for name in root.iter(f"{CROSSREF}person_name")} == {"en"}
    assert root.find(f".//{CROSSREF}proceedings_metadata").get("language") == "en"


def test_both_pages_of_every_item_say_english(built: Path, volume: Written) -> None:
    for paper in volume.proc.papers:
        for prefix in ("", "en/"):
            page = (built / prefix / "papers" / paper.id / "index.html").read_text("utf-8")
            assert head_values(page) == ("en", "en"), (prefix, paper.id)


def test_no_english_title_is_bracketed_anywhere(built: Path, volume: Written) -> None:
    bracketed = re.compile("|".join(re.escape(f"[{title[:40]}")
                                    for title in titles(volume.proc)))
    for path in built.rglob("*"):
        if path.suffix in (".html", ".bib", ".ris", ".json", ".xml"):
            found = bracketed.search(path.read_text("utf-8", errors="replace"))
            assert found is None, (path, found and found[0])
