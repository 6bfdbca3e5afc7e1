"""Translation gaps: a field written in one language only is a warned state, never an error.

Data imported from a submission system holds one language per field. The missing half
is left as it is, and `check` names each gap ("translation needed", its file and
field); the site still builds, shows the other language's text marked with its `lang`
and `dir` where the page's is missing, lists every item where it belongs, and the
exports write what exists, never the Arabic as an English translation.
"""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import copy_project, run_waqai
from factories import make_paper, make_person, make_proceedings, make_session
from test_bad_inputs import edit
from waqai.data.checks import validate
from waqai.data.citekeys import base_key
from waqai.data.load import Reads
from waqai.data.model import Shown, Text
from waqai.exports.bibtex import paper_bibtex
from waqai.exports.csl import csl_item
from waqai.exports.ics import event_ics
from waqai.exports.keys import citation_keys
from waqai.exports.record import paper_record
from waqai.text.arabic import person_index_letter, person_sort_key

ARABIC = re.compile("[\u0600-\u06ff]")
SAFEER_TITLE_AR = "تجربة وزارة التعليم في بوابة الطلبة المبتعثين: سفير"
SAFEER_TITLE_EN = ('  en: "The Ministry of Education\'s experience with the portal for scholarship '
                   'students abroad: Safeer"\n')
SAFEER_KEYWORDS_EN = '  en: ["Safeer", "scholarship students", "web portal", "Ministry of Education"]\n'
YOUSEF_LATIN = ('  latin:\n    - {given: "Yousef bin Ahmed", family: "Al-Ohali"}\n'
                '    - {given: "Yusuf bin Ahmad", family: "Al-Ohali"}\n')
PADDY_NAME = '  name: {given: "بادي", family: "رايس"}\n'
# (file, field) of every gap the project below has: exactly what `check` must name.
GAPS = {("papers/safeer/paper.yaml", "title.en"), ("papers/safeer/paper.yaml", "keywords.en"),
        ("papers/safeer/abstract.en.md", ""), ("papers/people.yaml", "yousef-alohali.latin"),
        ("papers/people.yaml", "paddy-rice.name")}
WARNING = re.compile(r"^(?P<file>\S+?)(?::(?P<line>\d+))?: warning: (?:(?P<field>\S+?): )?"
                     r"translation needed: ", re.MULTILINE)


def open_gaps(project: Path) -> Path:
    """The example with an imported item's gaps: «safeer» has no English title, abstract or
    keywords; its speaker has no Latin spelling, and Paddy Rice no Arabic name."""
    papers = project / "papers"
    edit(papers / "safeer/paper.yaml", SAFEER_TITLE_EN, "")
    edit(papers / "safeer/paper.yaml", SAFEER_KEYWORDS_EN, "")
    (papers / "safeer/abstract.en.md").unlink()
    edit(papers / "people.yaml", YOUSEF_LATIN, "")
    edit(papers / "people.yaml", PADDY_NAME, "")
    return project


@pytest.fixture(scope="module")
def gaps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return open_gaps(copy_project(tmp_path_factory.mktemp("gaps") / "project"))


@pytest.fixture(scope="module")
def gap_site(gaps: Path) -> Path:
    result = run_waqai(gaps, "build")
    assert result.code == 0, result.output
    return gaps / "site"


# --- the model's helpers ---------------------------------------------------------------

def test_a_text_names_its_gaps_and_shows_the_other_language_in_place() -> None:
    text = Text("عنوان", "")
    assert text.missing == ("en",)
    assert text.shown("ar") == Shown("عنوان", "ar")
    assert text.shown("en") == Shown("عنوان", "ar")  # the Arabic, saying it is Arabic
    assert text.alongside("ar") == "" and text.alongside("en") == ""  # never shown twice
    whole = Text("عنوان", "Title")
    assert whole.missing == () and whole.shown("en") == Shown("Title", "en")
    assert whole.alongside("ar") == "Title"
    assert Text("", "").shown("en") == Shown("", "en")


def test_a_person_without_one_script_is_named_in_the_other() -> None:
    arabic_only = make_person(latin=())
    latin_only = dataclasses.replace(make_person("p2", latin=(("Paddy", "Rice"),)), name_ar=None)
    assert arabic_only.name_en is None and arabic_only.name.missing == ("en",)
    assert arabic_only.display_name("en") == "أ. نايف بن صالح العمري"
    assert arabic_only.name.shown("en").lang == "ar"
    assert arabic_only.full_name.shown("en").text == "نايف بن صالح العمري"
    assert latin_only.display_name("ar") == "Paddy Rice"
    assert latin_only.name.shown("ar") == Shown("Paddy Rice", "en")


def test_keywords_that_are_a_gap_are_the_other_languages() -> None:
    paper = make_paper(keywords=(("سفير",), ()))
    assert paper.keywords_in("en") == ()
    assert paper.keywords_shown("en") == (("سفير",), "ar")
    assert paper.keywords_shown("ar") == (("سفير",), "ar")


def test_people_are_filed_by_the_other_script_after_everyone_else() -> None:
    arabic_only = make_person("a", given="يوسف", family="العوهلي", latin=())
    latin_only = dataclasses.replace(make_person("b", latin=(("Paddy", "Rice"),)), name_ar=None)
    both = make_person("c", given="حمد", family="الضويلع", latin=(("Hamad", "Al-Duwailaa"),))
    people = [arabic_only, latin_only, both]
    assert [p.id for p in sorted(people, key=lambda p: person_sort_key(p, "ar"))] == \
        ["c", "a", "b"]
    assert [p.id for p in sorted(people, key=lambda p: person_sort_key(p, "en"))] == \
        ["c", "b", "a"]
    assert person_index_letter(latin_only, "ar") == "R"
    assert person_index_letter(arabic_only, "en") == "ع"


def test_a_citation_key_derives_without_a_romanised_name_or_an_english_title() -> None:
    proc = make_proceedings(people=(make_person(latin=()),),
                            papers=(make_paper("safeer", title=Text(SAFEER_TITLE_AR, "")),))
    assert base_key(proc, proc.papers[0]) == "csc2015safeer"


def test_a_calendar_says_the_language_of_a_title_in_the_other_one() -> None:
    session = make_session(title=Text("تجارب محلية", ""))
    proc = make_proceedings(sessions=(session,))
    english = event_ics(proc, session, "en")
    assert "SUMMARY;LANGUAGE=ar:تجارب محلية" in english
    assert "SUMMARY;LANGUAGE=ar:تجارب محلية" in event_ics(proc, session, "ar")


def test_the_exports_write_what_exists_and_never_the_arabic_as_english() -> None:
    latin_only = dataclasses.replace(make_person("p2", latin=(("Paddy", "Rice"),)), name_ar=None)
    proc = make_proceedings(
        people=(make_person(latin=()), latin_only),
        papers=(make_paper("safeer", title=Text(SAFEER_TITLE_AR, ""), people=("p1", "p2")),))
    paper = proc.papers[0]
    record = paper_record(proc, paper, citation_keys(proc)[paper.id])
    original, romanised = record.form("original"), record.form("romanised")
    assert original.title == SAFEER_TITLE_AR
    assert romanised.title == ""  # no English translation: no title, not the Arabic
    assert "title" not in csl_item(romanised)
    assert not re.search(r"^\s*title\s*=", paper_bibtex(romanised), re.MULTILINE)
    # A name is written in the form's script when there is one, else in the other.
    assert [(n.family, n.given) for n in original.authors] == [("العمري", "نايف بن صالح"),
                                                               ("Rice", "Paddy")]
    assert [(n.family, n.given) for n in romanised.authors] == [("العمري", "نايف بن صالح"),
                                                                ("Rice", "Paddy")]
    english_title = Text("", "The Ministry of Education's Safeer portal")
    proc = make_proceedings(papers=(make_paper("safeer", title=english_title),))
    record = paper_record(proc, proc.papers[0], "k")
    assert record.form("original").title == english_title.en  # the title there is
    assert record.form("romanised").title == f"[{english_title.en}]"


# --- the loader ---------------------------------------------------------------------------

def problems_of(project: Path, file: str) -> list:
    return [p for p in validate(project).problems if p.file == file]


@pytest.mark.parametrize("written", ["", '  en: ""\n', "  en:\n"],
                         ids=["left out", "empty", "null"])
def test_one_language_of_a_title_is_a_warning_whatever_the_form(
        project: Path, written: str) -> None:
    edit(project / "papers/safeer/paper.yaml", SAFEER_TITLE_EN, written)
    result = validate(project)
    assert result.ok
    [problem] = [p for p in result.problems if p.file == "papers/safeer/paper.yaml"]
    assert (problem.field, problem.is_error) == ("title.en", False)
    assert problem.message.startswith("translation needed:") and problem.line
    assert result.proceedings is not None
    assert result.proceedings.paper("safeer").title == Text(SAFEER_TITLE_AR, "")


def test_a_gap_in_any_bilingual_field_is_a_warning(project: Path) -> None:
    papers = project / "papers"
    edit(papers / "sessions.yaml", '  title: {ar: "الكلمة الرئيسية", en: "Keynote address"}',
         '  title: {en: "Keynote address"}\n  room: {ar: "القاعة الرئيسة"}')
    edit(papers / "people.yaml", 'position: {ar: "نائب وزير الصحة", en: "Deputy Minister of Health"}',
         'position: {ar: "نائب وزير الصحة", en: ""}')
    edit(papers / "conference.yaml", 'city: {ar: "الرياض", en: "Riyadh"}', 'city: {ar: "الرياض"}')
    result = validate(project)
    assert result.ok, [p.format() for p in result.problems]
    assert {(p.file, p.field) for p in result.problems} == {
        ("papers/sessions.yaml", "keynote.title.ar"), ("papers/sessions.yaml", "keynote.room.en"),
        ("papers/people.yaml", "hamad-alduwailaa.position.en"),
        ("papers/conference.yaml", "city.en")}
    assert all(not p.is_error and "translation needed" in p.message for p in result.problems)


def test_neither_language_is_an_error_as_before(project: Path) -> None:
    edit(project / "papers/safeer/paper.yaml", SAFEER_TITLE_EN, "")
    edit(project / "papers/safeer/paper.yaml", f'  ar: "{SAFEER_TITLE_AR}"\n', '  ar: ""\n')
    errors = [p for p in validate(project).problems if p.is_error]
    assert {p.field for p in errors} == {"title.ar", "title.en"}


def test_one_abstract_file_is_a_warning_naming_the_missing_one(project: Path) -> None:
    (project / "papers/safeer/abstract.en.md").write_text("  \n", encoding="utf-8")  # empty
    [problem] = problems_of(project, "papers/safeer/abstract.en.md")
    assert not problem.is_error and problem.field == ""
    assert "translation needed" in problem.message and "abstract.ar.md" in problem.message
    (project / "papers/safeer/abstract.en.md").unlink()
    (project / "papers/safeer/abstract.ar.md").unlink()
    errors = [p for p in validate(project).problems if p.is_error]
    assert {p.file for p in errors} == {"papers/safeer/abstract.ar.md",
                                        "papers/safeer/abstract.en.md"}


def test_keywords_in_one_language_only_are_a_warning(project: Path) -> None:
    edit(project / "papers/safeer/paper.yaml", SAFEER_KEYWORDS_EN, "  en: []\n")
    [problem] = problems_of(project, "papers/safeer/paper.yaml")
    assert (problem.field, problem.is_error) == ("keywords.en", False)
    assert "translation needed" in problem.message


@pytest.mark.parametrize("written", ["", "  latin: []\n"], ids=["left out", "empty list"])
def test_a_person_without_a_latin_spelling_is_a_warning(project: Path, written: str) -> None:
    edit(project / "papers/people.yaml", YOUSEF_LATIN, written)
    result = validate(project)
    assert result.ok
    [problem] = [p for p in result.problems if p.file == "papers/people.yaml"]
    assert (problem.field, problem.is_error) == ("yousef-alohali.latin", False)
    assert "translation needed" in problem.message
    assert result.proceedings is not None
    assert result.proceedings.person("yousef-alohali").names_latin == ()


def test_a_file_read_with_gaps_only_is_reused_and_its_warnings_said_again(
        project: Path) -> None:
    """Under `serve` unchanged files are not parsed again; a gap is no reason to."""
    open_gaps(project)
    reads = Reads()
    first = validate(project, reads=reads).problems
    assert project.resolve() / "papers/safeer" in reads.kept
    assert validate(project, reads=reads).problems == first
    assert {(p.file, p.field) for p in first} == GAPS


def test_a_person_with_neither_name_is_an_error(project: Path) -> None:
    edit(project / "papers/people.yaml", PADDY_NAME, "")
    edit(project / "papers/people.yaml", '  latin:\n    - {given: "Paddy", family: "Rice"}\n', "")
    errors = [p for p in validate(project).problems if p.is_error]
    assert [(p.file, p.field) for p in errors] == [("papers/people.yaml", "paddy-rice")]


# --- the whole project: check, site, exports, book -------------------------------------------

def test_check_counts_the_gaps_in_one_line_and_passes(gaps: Path) -> None:
    result = run_waqai(gaps, "check")
    assert result.code == 0, result.output
    assert not WARNING.search(result.output), result.output
    [line] = [line for line in result.output.splitlines() if "translation" in line]
    assert line.startswith("5 translation(s) welcome"), result.output
    assert "check --gaps" in line
    assert "error(s)" not in result.output  # nothing else to say


def test_check_gaps_names_every_gap_and_passes(gaps: Path) -> None:
    result = run_waqai(gaps, "check", "--gaps")
    assert result.code == 0, result.output
    found = {(m["file"], m["field"] or "") for m in WARNING.finditer(result.output)}
    assert found == GAPS, result.output
    assert len(WARNING.findall(result.output)) == len(GAPS)
    assert "0 error(s), 5 warning(s)" in result.output
    lines = {m["field"]: m["line"] for m in WARNING.finditer(result.output)}
    assert lines["title.en"] and lines["yousef-alohali.latin"]  # where to write it


class Marked(HTMLParser):
    """Each element's text, with its tag, its `lang` and `dir`, and its ancestors' tags."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.found: list[tuple[tuple[str, ...], dict, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in ("meta", "link", "br", "img", "input", "hr"):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and self.stack:
            tags = tuple(tag for tag, _ in self.stack)
            self.found.append((tags, self.stack[-1][1], data.strip()))


def marked_texts(page: Path) -> list[tuple[tuple[str, ...], dict, str]]:
    parser = Marked()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def test_the_english_page_shows_the_arabic_title_marked_as_arabic(gap_site: Path) -> None:
    texts = marked_texts(gap_site / "en/papers/safeer/index.html")
    [(_, attrs)] = [(tags, attrs) for tags, attrs, text in texts
                    if text == SAFEER_TITLE_AR and "h1" in tags]
    assert (attrs.get("lang"), attrs.get("dir")) == ("ar", "rtl")
    # Nowhere a copy in the English title's place: the other-language line is left out.
    page = (gap_site / "en/papers/safeer/index.html").read_text(encoding="utf-8")
    assert "waqai-title-other" not in page
    # The abstract and the keywords: the Arabic ones, marked too.
    assert re.search(r'<section class="waqai-abstract">\s*<h2>[^<]*</h2>\s*'
                     r'<div lang="ar" dir="rtl">', page)
    keywords = [attrs for tags, attrs, text in texts if text == "سفير" and "p" in tags]
    assert keywords and all(a.get("lang") == "ar" and a.get("dir") == "rtl" for a in keywords)
    # The speaker, who has no Latin spelling, under the Arabic name, marked.
    names = [attrs for tags, attrs, text in texts if text == "أ. يوسف بن أحمد العوهلي"]
    assert names and all(a.get("lang") == "ar" and a.get("dir") == "rtl" for a in names)
    assert '<meta name="citation_title" lang="ar"' in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page,
                              re.DOTALL).group(1))
    assert ld["headline"] == {"@value": SAFEER_TITLE_AR, "@language": "ar"}
    # The Arabic page is as before: its own title, unmarked.
    arabic = marked_texts(gap_site / "papers/safeer/index.html")
    assert any(text == SAFEER_TITLE_AR and "h1" in tags and "lang" not in attrs
               for tags, attrs, text in arabic)


def test_a_latin_only_name_is_marked_on_arabic_pages(gap_site: Path) -> None:
    for page in ("people/paddy-rice/index.html", "people/index.html",
                 "papers/ten-strategies/index.html"):
        names = [(tags[-1], attrs) for tags, attrs, text in marked_texts(gap_site / page)
                 if text == "Paddy Rice"]
        assert names, page
        for tag, attrs in names:  # a <bdi> takes its direction from its text
            assert attrs.get("lang") == "en", (page, tag, attrs)
            assert attrs.get("dir") == "ltr" or tag == "bdi", (page, tag, attrs)


def test_every_item_is_still_on_its_session_and_people_pages(gap_site: Path) -> None:
    for root in ("", "en/"):
        session = (gap_site / f"{root}sessions/s3-local-experiences/index.html").read_text("utf-8")
        assert 'data-paper-id="safeer"' in session
        for person, paper in (("yousef-alohali", "safeer"), ("paddy-rice", "ten-strategies")):
            page = (gap_site / f"{root}people/{person}/index.html").read_text(encoding="utf-8")
            assert f'data-paper-id="{paper}"' in page, (root, person)
            index = (gap_site / f"{root}people/index.html").read_text(encoding="utf-8")
            assert f'data-person-id="{person}"' in index, (root, person)


def test_the_search_index_says_the_language_of_a_gaps_title(gap_site: Path) -> None:
    rows = [row for block in sorted((gap_site / "search/en").glob("d*.json"))
            for row in json.loads(block.read_text(encoding="utf-8"))]
    [safeer] = [row for row in rows if row[0] == "en/papers/safeer/"]
    assert safeer[1:2] == [SAFEER_TITLE_AR] and safeer[4] == "ar"
    assert all(len(row) == 4 for row in rows if row[0] == "en/papers/absher/")


def bib_fields(text: str, key: str) -> dict[str, str]:
    entry = text[text.index("{" + key + ","):]
    entry = entry[: entry.find("\n}")]
    return dict(re.findall(r"^\s*([a-z]+) = \{(.*)\},?$", entry, re.MULTILINE))


def test_the_exports_carry_no_english_title_filled_with_arabic(gap_site: Path) -> None:
    key = "ohali2015ministry"
    for bib in (gap_site / "proceedings.en.bib", gap_site / f"papers/safeer/{key}.en.bib"):
        fields = bib_fields(bib.read_text(encoding="utf-8"), key)
        assert "title" not in fields and fields["langid"] == "english", bib
        assert fields["author"] == "العوهلي, يوسف بن أحمد"  # the name there is
    for bib in (gap_site / "proceedings.bib", gap_site / f"papers/safeer/{key}.bib"):
        assert bib_fields(bib.read_text(encoding="utf-8"), key)["title"] == SAFEER_TITLE_AR
    english = json.loads((gap_site / f"papers/safeer/{key}.en.json").read_text("utf-8"))
    assert "title" not in english[0]
    for item in json.loads((gap_site / "proceedings.en.json").read_text(encoding="utf-8")):
        assert not ARABIC.search(item.get("title", "")), item["id"]
    original = json.loads((gap_site / f"papers/safeer/{key}.json").read_text("utf-8"))
    assert original[0]["title"] == SAFEER_TITLE_AR
    ris = (gap_site / "proceedings.en.ris").read_text(encoding="utf-8")
    assert not any(ARABIC.search(line) for line in ris.splitlines() if line.startswith("TI  -"))


def test_the_book_still_builds_with_every_item(gap_site: Path) -> None:
    reader = PdfReader(gap_site / "proceedings.pdf")
    titles = []
    todo = list(reader.outline)
    while todo:
        entry = todo.pop()
        if isinstance(entry, list):
            todo += entry
        else:
            titles.append(entry.title)
    assert SAFEER_TITLE_AR in titles
    assert any("Paddy Rice" in (page.extract_text() or "") for page in reader.pages[-2:])
