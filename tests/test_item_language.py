"""Each item in its own language (issue 30): `language:` on an item and on the volume, the
translation policy, and the one record every format writes the item's language from.

The mixed volume here is the example fixture with one item, «safeer», declared English as an
imported English paper would be: its English title and abstract kept, its Arabic title and
abstract left out (a test's change to the fixture, not a fact of the conference).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pybtex.database
import pytest
import rispy

from conftest import copy_project, run_waqai
from factories import make_conference, make_paper, make_proceedings
from test_bad_inputs import edit
from test_crossref import assert_valid, with_dois
from waqai.data.checks import validate
from waqai.data.model import Text
from waqai.exports.record import paper_record
from waqai.importers.language import item_language

SAFEER = "papers/safeer/paper.yaml"
SAFEER_TITLE_AR = '  ar: "تجربة وزارة التعليم في بوابة الطلبة المبتعثين: سفير"\n'
SAFEER_TITLE_EN = ("The Ministry of Education's experience with the portal for scholarship "
                   "students abroad: Safeer")
CROSSREF = "{http://www.crossref.org/schema/5.4.0}"


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if text in line)


def make_english(project: Path, item: str = "safeer", title_ar: str = SAFEER_TITLE_AR) -> Path:
    """`item` declared English, with its Arabic title and abstract left out."""
    paper = project / "papers" / item / "paper.yaml"
    edit(paper, "kind: ", "language: en\nkind: ")
    edit(paper, title_ar, '  ar: ""\n')
    (project / "papers" / item / "abstract.ar.md").unlink()
    return project


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with «safeer» in English, built."""
    project = make_english(copy_project(tmp_path_factory.mktemp("mixed") / "project"))
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project


# --- what the loader accepts -----------------------------------------------------------------

@pytest.mark.parametrize(("written", "fix"), [
    ("fr", "Waqai shows an item in Arabic (`ar`) or English (`en`)"),
    ("EN", "language in lower case, region in capitals"),
    ("english", "Waqai shows an item in Arabic"),
])
def test_a_language_waqai_cannot_show_is_an_error_with_its_fix(
        project: Path, written: str, fix: str) -> None:
    edit(project / SAFEER, "kind: ", f"language: {written}\nkind: ")
    errors = [p for p in validate(project).problems if p.is_error]
    assert [(p.file, p.field, p.line) for p in errors] == [
        (SAFEER, "language", line_of(project / SAFEER, "language:"))]
    assert fix in errors[0].fix


def test_a_regional_tag_is_kept_and_shown_as_its_language(project: Path) -> None:
    edit(project / SAFEER, "kind: ", "language: en-GB\nkind: ")
    proc = validate(project).proceedings
    assert proc is not None
    paper = proc.paper("safeer")
    assert (paper.language, paper.lang) == ("en-GB", "en")
    assert proc.paper("absher").language == "ar"  # the volume's


def test_the_volume_default_gives_every_item_without_its_own(project: Path) -> None:
    edit(project / "papers/conference.yaml", 'language: "ar"', 'language: "en"')
    problems = validate(project).problems
    # Now every Arabic-only text is a gap to translate... but the items' own language is
    # English, and the fixture has English titles and abstracts: still no error.
    assert not [p for p in problems if p.is_error], [p.format() for p in problems]
    proc = validate(project).proceedings
    assert {paper.language for paper in proc.papers} == {"en"}


# --- the item's own language is required ------------------------------------------------------

def test_an_english_item_without_its_english_title_is_an_error_at_its_line(
        project: Path) -> None:
    edit(project / SAFEER, "kind: ", "language: en\nkind: ")
    edit(project / SAFEER, f'  en: "{SAFEER_TITLE_EN}"', '  en: ""')
    errors = [p for p in validate(project).problems if p.is_error]
    assert [(p.file, p.field, p.line) for p in errors] == [
        (SAFEER, "title.en", line_of(project / SAFEER, '  en: ""'))]
    assert "own language (English, `language: en`)" in errors[0].message
    assert "write `language: ar`" in errors[0].fix


def test_an_arabic_item_without_its_arabic_abstract_is_an_error(project: Path) -> None:
    (project / "papers/safeer/abstract.ar.md").unlink()
    errors = [p for p in validate(project).problems if p.is_error]
    assert [(p.file, p.field) for p in errors] == [("papers/safeer/abstract.ar.md", "")]
    assert "abstract in its own language (Arabic" in errors[0].message


def test_an_english_item_without_arabic_is_only_counted_under_welcome(project: Path) -> None:
    make_english(project)
    result = run_waqai(project, "check")
    assert result.code == 0, result.output
    lines = [line for line in result.output.splitlines() if "translation" in line]
    assert len(lines) == 1 and lines[0].startswith("2 translation(s) welcome"), result.output
    listed = run_waqai(project, "check", "--gaps")
    assert listed.code == 0
    assert {(m[1], m[2]) for m in re.finditer(
        r"^(\S+?)(?::\d+)?: warning: (\S*?):? ?translation needed", listed.output, re.M)} == {
        (SAFEER, "title.ar"), ("papers/safeer/abstract.ar.md", "")}, listed.output


# --- translations: required (the example's policy) -------------------------------------------

def test_under_required_an_empty_english_title_is_an_error_at_its_line(project: Path) -> None:
    edit(project / "papers/conference.yaml", "translations: welcome", "translations: required")
    assert run_waqai(project, "check").code == 0  # the example has every translation
    edit(project / SAFEER, f'  en: "{SAFEER_TITLE_EN}"', '  en: ""')
    result = run_waqai(project, "check")
    assert result.code == 1
    line = line_of(project / SAFEER, '  en: ""')
    assert f"{SAFEER}:{line}: error: title.en: translation needed" in result.output
    assert "`translations: required`" in result.output
    assert "1 error(s), 0 warning(s)" in result.output


# --- one record: every format says the item's language ---------------------------------------

def test_an_english_items_two_forms_are_one_english_record() -> None:
    paper = make_paper(title=Text("", "Violet: a vision-language model"), language="en")
    proc = make_proceedings(papers=(paper,))
    record = paper_record(proc, proc.papers[0], "key")
    original, romanised = record.form("original"), record.form("romanised")
    assert original.title == romanised.title == "Violet: a vision-language model"
    assert original.language == romanised.language == "en"
    assert original.text_language == "en"
    assert (original.url, original.authors, original.container) == (
        romanised.url, romanised.authors, romanised.container)
    assert "/en/" in original.url


def test_an_arabic_item_keeps_its_two_forms() -> None:
    proc = make_proceedings()
    record = paper_record(proc, proc.papers[0], "key")
    original, romanised = record.form("original"), record.form("romanised")
    assert (original.language, original.text_language) == ("ar", "ar")
    assert (romanised.language, romanised.text_language) == ("ar", "en")
    assert romanised.title == "[The Services of the Ministry of Labour]"


def test_an_english_volume_says_english_for_its_items() -> None:
    conference = make_conference(language="en")
    proc = make_proceedings(conference=conference)
    assert proc.papers[0].language == "en"
    assert paper_record(proc, proc.papers[0], "key").form("original").language == "en"


def exported(project: Path, name: str) -> str:
    return (project / "site" / name).read_text(encoding="utf-8")


def test_every_export_says_each_items_language(mixed: Path) -> None:
    proc = validate(mixed).proceedings
    keys = {paper.id: paper for paper in proc.papers}
    for suffix in ("", ".en"):
        bib = pybtex.database.parse_string(exported(mixed, f"proceedings{suffix}.bib"), "bibtex")
        ris = rispy.loads(exported(mixed, f"proceedings{suffix}.ris"))
        csl = json.loads(exported(mixed, f"proceedings{suffix}.json"))
        assert len(bib.entries) == len(ris) == len(csl) == len(keys)
        for entry, item in zip(bib.entries.values(), csl):
            english = SAFEER_TITLE_EN in entry.fields["title"]
            assert entry.fields["language"] == ("english" if english else "arabic")
            assert item["language"] == ("en" if english else "ar")
            if english:
                assert entry.fields["title"].replace("{", "").replace("}", "") == SAFEER_TITLE_EN
                assert entry.fields["langid"] == "english"
                assert item["title"] == SAFEER_TITLE_EN  # no brackets in either form
        assert sorted(r["language"] for r in ris) == sorted(
            paper.language for paper in proc.papers)


def test_the_deposit_says_each_items_language(tmp_path: Path) -> None:
    project = make_english(copy_project(tmp_path / "project"))
    with_dois(project / "papers", "10.5555/csc2015")
    result = run_waqai(project, "deposit", "--depositor", "Test", "--email", "t@example.org")
    assert result.code == 0, result.output
    root = assert_valid((project / "dist" / "crossref-CSC-2015.xml").read_bytes())  # the XSD
    languages = {paper.findtext(f"{CROSSREF}titles/{CROSSREF}title"): paper.get("language")
                 for paper in root.iter(f"{CROSSREF}conference_paper")}
    assert languages[SAFEER_TITLE_EN] == "en"
    assert set(languages.values()) == {"ar", "en"}
    [safeer] = [paper for paper in root.iter(f"{CROSSREF}conference_paper")
                if paper.get("language") == "en"]
    names = [name.get("language") for name in safeer.iter(f"{CROSSREF}person_name")]
    assert names == ["en"]  # the speaker under his romanised name, in English
    assert root.find(f".//{CROSSREF}proceedings_metadata").get("language") == "ar"


def head_values(page: str) -> tuple[str, str]:
    """The page's `citation_language` and its JSON-LD article's `inLanguage`."""
    meta = re.search(r'<meta name="?citation_language"? content="?([^">]+)', page)
    ld = re.search(r'"@type": ?"ScholarlyArticle".*?"inLanguage": ?"([^"]+)"', page, re.S)
    assert meta and ld
    return meta[1], ld[1]


def test_both_pages_of_an_item_say_its_language(mixed: Path) -> None:
    for page in ("papers/safeer/index.html", "en/papers/safeer/index.html"):
        assert head_values(exported(mixed, page)) == ("en", "en"), page
    for page in ("papers/absher/index.html", "en/papers/absher/index.html"):
        assert head_values(exported(mixed, page)) == ("ar", "ar"), page


# --- importers: the source's language where it agrees with the text ---------------------------

@pytest.mark.parametrize(("stored", "said", "tag", "noted"), [
    ("en", "", "en", False), ("en", "en-GB", "en-GB", False), ("ar", "ar", "ar", False),
    ("en", "EN", "en", False), ("en", "de", "en", True), ("ar", "en", "ar", True)])
def test_an_imported_item_gets_a_tag_that_agrees_with_its_text(
        stored: str, said: str, tag: str, noted: bool) -> None:
    written, note = item_language(stored, said)
    assert written == tag
    assert bool(note) is noted
    if noted:
        assert f"“{said}”" in note


def test_pretalx_gives_its_talks_language(tmp_path: Path) -> None:
    """A talk's `language` reaches the item: a region it names is kept."""
    from waqai.importers import pretalx
    schedule = {"schedule": {"conference": {"days": [{"date": "2015-11-17", "rooms": {
        "Hall": [{"code": "ABC", "title": "Customer service", "type": "Talk",
                  "date": "2015-11-17T09:00:00+03:00", "start": "09:00", "duration": "00:30",
                  "room": "Hall", "language": "en-GB", "abstract": "",
                  "persons": [{"code": "P1", "public_name": "Nayef Al-Omari"}]}]}}]}}}
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(schedule), encoding="utf-8")
    export = pretalx.read([path])
    assert [s.language for s in export.submissions] == ["en-GB"], export.problems
