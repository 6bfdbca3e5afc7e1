"""Each item in its own language, on the pages (issue 30).

The volume is the example fixture with one item, «safeer», made English as an imported
English paper would be (`language: en`, its English title, abstract and keywords kept,
their Arabic left out: a test's change to the fixture, not a fact of the conference).
Wherever a page shows an item's original title in the other language than the page's (in
place of a translation gap, or beside the translation on the item's own page), the element
holding it says its lang and dir and its text starts at its own edge: measured in chromium.
The item's page names its language beside that title; its Cite panel has one form, the
English item as published; the home page describes the volume's files as they are for a
volume of Arabic and English items.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_project, run_waqai
from factories import make_conference, make_paper, make_proceedings
from interface_language import foreign_words
from test_bad_inputs import edit
from test_item_language import SAFEER_TITLE_EN, make_english
from waqai.data.model import Status, Text
from waqai.site.pages.home import volume_makeup
from waqai.text.labels import LABELS

SAFEER_KEYWORDS_AR = '  ar: ["سفير", "الطلبة المبتعثون", "بوابة إلكترونية", "وزارة التعليم"]\n'
SAFEER_KEYWORDS_EN = "Safeer, scholarship students, web portal, Ministry of Education"
ABSHER_TITLE_AR = "تجربة وزارة الداخلية في الخدمات الإلكترونية: أبشر"
ABSHER_TITLE_EN = "The Ministry of Interior's experience with e-services: Absher"
SESSION = "sessions/s3-local-experiences/index.html"
DAY = "programme/2015-11-17/index.html"
SPEAKER = "people/yousef-alohali/index.html"
# Each Arabic page listing «safeer», with the tag and class of the element holding its title.
LISTED = {SESSION: ("a", "waqai-item__title"), "programme/index.html": ("a", "waqai-item__title"),
          DAY: ("a", "waqai-item__title"), SPEAKER: ("a", "waqai-contribution__title"),
          "papers/safeer/index.html": ("h1", "")}


@pytest.fixture(scope="module")
def english_item(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with «safeer» English (its Arabic keywords left out too), built."""
    project = make_english(copy_project(tmp_path_factory.mktemp("english-item") / "project"))
    edit(project / "papers/safeer/paper.yaml", SAFEER_KEYWORDS_AR, "  ar: []\n")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


class Elements(HTMLParser):
    """Every element: its tag, its attributes and its own text (not its children's)."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict] = []
        self.all: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "children": []}
        if self.stack:
            self.stack[-1]["children"].append(element)
        self.all.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()["tag"] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1]["text"] += data


def elements(page: Path) -> list[dict]:
    parser = Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.all


def holding(page: Path, text: str, tag: str) -> list[dict]:
    """The `tag` elements whose own text is `text` (spaces around it aside): in the content,
    not the header's topic or the <title>."""
    return [e for e in elements(page) if e["tag"] == tag and e["text"].strip() == text]


def classes(element: dict) -> list[str]:
    return (element["attrs"].get("class") or "").split()


# --- the title's own language and direction -------------------------------------------------

@pytest.mark.parametrize("page", sorted(LISTED))
def test_the_english_title_on_an_arabic_page_is_an_element_in_english(
        english_item: Path, page: str) -> None:
    tag, cls = LISTED[page]
    [title] = holding(english_item / page, SAFEER_TITLE_EN, tag)
    assert not cls or cls in classes(title), title
    assert (title["attrs"].get("lang"), title["attrs"].get("dir")) == ("en", "ltr")
    # The other items keep the page's language, unmarked.
    if tag == "a":
        others = [e for e in elements(english_item / page) if cls in classes(e)
                  and e["text"].strip() != SAFEER_TITLE_EN]
        assert others or page == SPEAKER  # he gave that one item only
        assert all("lang" not in e["attrs"] and "dir" not in e["attrs"] for e in others)


def test_the_english_pages_show_the_title_as_the_pages_own(english_item: Path) -> None:
    for page, tag in (("en/papers/safeer/index.html", "h1"), (f"en/{SESSION}", "a"),
                      (f"en/{SPEAKER}", "a")):
        [title] = holding(english_item / page, SAFEER_TITLE_EN, tag)
        assert "lang" not in title["attrs"] and "dir" not in title["attrs"], page
        assert "waqai-lang-label" not in (english_item / page).read_text("utf-8"), page


def test_the_items_page_names_the_language_beside_its_title(english_item: Path) -> None:
    [title] = holding(english_item / "papers/safeer/index.html", SAFEER_TITLE_EN, "h1")
    [label] = [child for child in title["children"] if "waqai-lang-label" in classes(child)]
    assert label["text"] == "بالإنجليزية"
    assert (label["attrs"].get("lang"), label["attrs"].get("dir")) == ("ar", "rtl")


def test_an_original_beside_its_translation_is_set_and_named_in_its_language(
        english_item: Path) -> None:
    """An Arabic item's English page shows its Arabic original under the English title."""
    [original] = holding(english_item / "en/papers/absher/index.html", ABSHER_TITLE_AR, "p")
    assert {"waqai-title-other", "waqai-title-other--original"} <= set(classes(original))
    assert (original["attrs"].get("lang"), original["attrs"].get("dir")) == ("ar", "rtl")
    [label] = original["children"]
    assert label["text"] == "In Arabic" and label["attrs"].get("lang") == "en"
    # On its Arabic page the English beside the title is a translation: no label, as before.
    [translation] = holding(english_item / "papers/absher/index.html", ABSHER_TITLE_EN, "p")
    assert classes(translation) == ["waqai-title-other"] and not translation["children"]


def test_the_abstract_and_keywords_on_the_arabic_page_are_set_in_english(
        english_item: Path) -> None:
    page = english_item / "papers/safeer/index.html"
    found = elements(page)
    [abstract] = [e for e in found if "waqai-abstract" in classes(e)]
    [body] = [child for child in abstract["children"] if child["tag"] == "div"]
    assert (body["attrs"].get("lang"), body["attrs"].get("dir")) == ("en", "ltr")
    [words] = [e for e in found if "waqai-keywords__list" in classes(e)]
    assert (words["attrs"].get("lang"), words["attrs"].get("dir")) == ("en", "ltr")
    listed = re.search(r'<span class="waqai-keywords__list"[^>]*>(.*?)</span>\s*</p>',
                       page.read_text(encoding="utf-8"), re.S)
    assert listed and html.unescape(re.sub(r"<[^>]+>", "", listed[1])) == SAFEER_KEYWORDS_EN


@pytest.mark.parametrize("page", ["papers/safeer/index.html", "en/papers/safeer/index.html",
                                  "en/papers/absher/index.html", SESSION, SPEAKER])
def test_no_interface_word_in_the_wrong_language(english_item: Path, page: str) -> None:
    lang = "en" if page.startswith("en/") else "ar"
    # The <title> can say no language: in place of a gap it holds the other one's title.
    shown = re.sub(r"<title>.*?</title>", "", (english_item / page).read_text("utf-8"))
    assert foreign_words(shown, lang) == []


# --- the Cite panel ---------------------------------------------------------------------------

def cite_forms(page: Path) -> list[tuple[str, str, str]]:
    """(id, heading, BibTeX box's lang) of each form of the page's Cite panel."""
    text = page.read_text(encoding="utf-8")
    return re.findall(r'<h3 id="cite-(\w+)">([^<]*)</h3>.*?<pre class="waqai-cite__bibtex" '
                      r'dir="ltr" lang="(\w+)"', text, re.S)


@pytest.mark.parametrize(("root", "heading"), [("", "بالإنجليزية، كما نُشرت"),
                                                ("en/", "As published, in English")])
def test_an_english_items_cite_panel_has_its_one_form_in_english(
        english_item: Path, root: str, heading: str) -> None:
    page = english_item / root / "papers/safeer/index.html"
    assert cite_forms(page) == [("original", heading, "en")]
    text = re.search(r'<section class="waqai-cite".*?</section>', page.read_text("utf-8"),
                     re.S).group()
    assert "بالحروف العربية" not in text and "Arabic script" not in text
    assert 'download="ohali2015ministry.bib"' in text
    assert ".en.bib" not in text  # the same record is not offered twice
    box = re.search(r'<code id="cite-bibtex-original".*?</code>', text, re.S).group()
    assert SAFEER_TITLE_EN in html.unescape(box)


def test_an_arabic_items_cite_panel_keeps_both_forms(english_item: Path) -> None:
    assert cite_forms(english_item / "papers/absher/index.html") == [
        ("original", LABELS["cite_form_original"].ar, "ar"),
        ("romanised", LABELS["cite_form_romanised"].ar, "en")]
    assert cite_forms(english_item / "en/papers/absher/index.html") == [
        ("romanised", LABELS["cite_form_romanised"].en, "en"),
        ("original", LABELS["cite_form_original"].en, "ar")]


# --- the home page: the volume's files as they are -------------------------------------------

def form_texts(page: Path) -> dict[str, str]:
    found = re.findall(r'<li data-form="(\w+)">([^<]*):', page.read_text(encoding="utf-8"))
    return {form: html.unescape(text.strip()) for form, text in found}


def test_the_home_page_describes_the_files_of_a_mixed_volume(english_item: Path) -> None:
    for root, lang in (("", "ar"), ("en/", "en")):
        assert form_texts(english_item / root / "index.html") == {
            "original": LABELS["form_original_mixed"].get(lang),
            "romanised": LABELS["form_romanised_mixed"].get(lang)}, root
    arabic = form_texts(english_item / "index.html")
    assert not arabic["original"].startswith(LABELS["form_original"].ar[:15])
    assert "الإنجليزية كما هي" in arabic["romanised"]
    english = form_texts(english_item / "en" / "index.html")
    assert "each in its own language" in english["original"]
    assert "the English ones as they are" in english["romanised"]


def test_the_files_are_described_by_the_languages_of_the_items_they_hold() -> None:
    english = make_paper("e", title=Text("", "Violet"), language="en")
    arabic = make_paper("a", order=2)
    assert volume_makeup(make_proceedings(papers=(arabic,))) == ""
    assert volume_makeup(make_proceedings(papers=(english,))) == "_english"
    assert volume_makeup(make_proceedings(papers=(arabic, english))) == "_mixed"
    assert volume_makeup(make_proceedings(conference=make_conference(language="en"),
                                          papers=(make_paper(title=Text("", "T")),))) \
        == "_english"
    # A retracted item leaves the volume's files, and their description.
    retracted = make_paper("r", order=3, status=Status.RETRACTED, language="en")
    assert volume_makeup(make_proceedings(papers=(arabic, retracted))) == ""
    for key in ("form_original", "form_romanised"):
        for makeup in ("", "_english", "_mixed"):
            assert LABELS[key + makeup].ar and LABELS[key + makeup].en


# --- in chromium: each title starts at its own edge -------------------------------------------

# For each element matching a selector: the lines of its first text (its title; the
# language label after it is a text of its own), each line's left and right, and the
# content box of the element's parent.
LINES_JS = """selector => [...document.querySelectorAll(selector)].map(element => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.textContent.trim()) node = walker.nextNode();
  const range = document.createRange();
  range.selectNodeContents(node);
  const lines = new Map();
  for (const rect of range.getClientRects()) {
    if (rect.width < 1) continue;
    const top = Math.round(rect.top);
    const line = lines.get(top) || {left: Infinity, right: -Infinity};
    lines.set(top, {left: Math.min(line.left, rect.left), right: Math.max(line.right, rect.right)});
  }
  const box = element.parentElement.getBoundingClientRect();
  const style = getComputedStyle(element.parentElement);
  return {
    text: node.textContent.trim(),
    lines: [...lines.values()],
    left: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
    right: box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight),
  };
})"""
PX = 2


@pytest.fixture(scope="module")
def english_item_server(english_item: Path):
    from browser_support import site_path
    from waqai.bench.static_server import serve

    with serve(english_item, site_path(english_item)) as base_url:
        yield base_url


def starts(measured: dict, edge: str) -> bool:
    """Whether every line of the text starts at the `edge` of its parent's content box."""
    return bool(measured["lines"]) and all(
        abs(line[edge] - measured[edge]) <= PX for line in measured["lines"])


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900},
                                      {"width": 390, "height": 844}], ids=["desktop", "phone"])
def test_on_arabic_pages_the_english_title_starts_at_the_left(
        browser, english_item_server: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    try:
        tab = context.new_page()
        tab.goto(english_item_server + "papers/safeer/")
        [title] = tab.evaluate(LINES_JS, ".waqai-paper > h1")
        assert title["text"] == SAFEER_TITLE_EN
        assert len(title["lines"]) > 1, title  # long enough to wrap: every line is measured
        assert starts(title, "left"), title
        [abstract] = tab.evaluate(LINES_JS, ".waqai-abstract > div > p")
        assert starts(abstract, "left"), abstract
        # An Arabic text of the same page starts at the right: the session it was given in.
        [session] = tab.evaluate(LINES_JS, ".waqai-session-link")
        assert session["lines"] and abs(session["lines"][0]["right"] - session["right"]) <= PX
        tab.goto(english_item_server + "papers/absher/")
        [arabic] = tab.evaluate(LINES_JS, ".waqai-paper > h1")
        assert arabic["text"] == ABSHER_TITLE_AR and starts(arabic, "right"), arabic
        for page in ("sessions/s3-local-experiences/", "programme/", "people/yousef-alohali/"):
            tab.goto(english_item_server + page)
            titles = tab.evaluate(LINES_JS, ".waqai-item__title, .waqai-contribution__title")
            [english] = [t for t in titles if t["text"] == SAFEER_TITLE_EN]
            assert starts(english, "left"), (page, english)
            others = [t for t in titles if t["text"] != SAFEER_TITLE_EN]
            assert all(starts(t, "right") for t in others), (page, others)
            assert others or page.startswith("people/")
        # The English page of an Arabic item: its Arabic original starts at the right.
        tab.goto(english_item_server + "en/papers/absher/")
        [original] = tab.evaluate(LINES_JS, ".waqai-title-other")
        assert original["text"] == ABSHER_TITLE_AR and starts(original, "right"), original
    finally:
        context.close()


@pytest.mark.parametrize("page", ["papers/safeer/", "en/papers/absher/",
                                  "sessions/s3-local-experiences/", "people/yousef-alohali/"])
def test_the_pages_of_an_english_item_have_no_accessibility_violation(
        browser, english_item_server: str, page: str) -> None:
    from browser_support import axe_violations

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(english_item_server + page)
        assert axe_violations(tab) == []
    finally:
        context.close()
