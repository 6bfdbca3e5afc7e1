"""The Cite panel of a paper page: both forms of the citation, each BibTeX box reading
like its file (every value an isolate, the file's text exactly), wrapping on a phone."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import EXAMPLE_PAPERS
from waqai.site.pages.paper import bibtex_lines

PAPER = "absher"  # an item of the fixture conference with Arabic and English values
PHONE = {"width": 390, "height": 844}


def boxes(page_html: str) -> dict[str, str]:
    """form -> the text of its BibTeX box, as a browser's textContent gives it."""
    found = re.findall(r'<code id="cite-bibtex-(\w+)"[^>]*>(.*?)</code>', page_html, re.S)
    return {form: html.unescape(re.sub(r"<[^>]+>", "", body)) for form, body in found}


def test_every_field_line_splits_into_its_value_and_rejoins() -> None:
    text = ("@inproceedings{k2024,\n    title = {عنوان {مع} أقواس},\n    month = nov,\n"
            "    pages = {12--19}\n}\n")
    lines = bibtex_lines(text)
    assert [line["value"] for line in lines] == ["", "عنوان {مع} أقواس", "", "12--19", ""]
    assert "\n".join(line["before"] + line["value"] + line["after"] for line in lines) + "\n" \
        == text


@pytest.mark.parametrize("lang, first", [("ar", "original"), ("en", "romanised")])
def test_both_forms_are_offered_the_page_language_first(built_site: Path, lang: str,
                                                        first: str) -> None:
    page = built_site / ("" if lang == "ar" else "en") / "papers" / PAPER / "index.html"
    shown = boxes(page.read_text("utf-8"))
    assert list(shown) == [first, "original" if first == "romanised" else "romanised"]
    folder = built_site / "papers" / PAPER
    original = [p for p in folder.glob("*.bib") if not p.name.endswith(".en.bib")]
    assert len(original) == 1
    romanised = folder / original[0].name.replace(".bib", ".en.bib")
    assert shown["original"] == original[0].read_text("utf-8")
    assert shown["romanised"] == romanised.read_text("utf-8")
    assert re.search(r"[\u0600-\u06ff]", shown["original"])
    author = next(line for line in shown["romanised"].splitlines() if "author = {" in line)
    assert not re.search(r"[\u0600-\u06ff]", author)
    for name in (original[0].name, romanised.name):
        assert f'download="{name}"' in page.read_text("utf-8")


# Where each value sits against the brace before it and the one after it: the opening
# brace to its left on its first line (or on an earlier line), the closing one to the
# right of its last line (or on a later line). Reversed runs put them elsewhere.
GEOMETRY_JS = """pre => [...pre.querySelectorAll('bdi')].map(value => {
  const rects = [...value.getClientRects()];
  const before = [...value.previousElementSibling.getClientRects()].pop();  // its last line
  const after = value.nextElementSibling.getClientRects()[0];  // its first line
  const first = rects[0], last = rects[rects.length - 1];
  return {
    text: value.textContent,
    beforeLeftOfValue: before.right <= first.left + 1 || first.top >= before.bottom - 1,
    afterFollowsValue: after.top >= last.bottom - 1 || after.left >= last.right - 1,
  };
})"""


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_on_a_phone_every_value_is_whole_and_between_its_braces(browser, site_server: str,
                                                                 lang: str) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(site_server + ("" if lang == "ar" else "en/") + f"papers/{PAPER}/")
        pres = tab.locator(".waqai-cite__bibtex")
        assert pres.count() == 2
        for index in range(2):
            pre = pres.nth(index)
            width = pre.evaluate("pre => [pre.scrollWidth, pre.clientWidth]")
            assert width[0] <= width[1] + 1, width  # wraps; nothing hidden past the edge
            lines = pre.evaluate("pre => pre.textContent.split('\\n').length")
            values = pre.evaluate(GEOMETRY_JS)
            assert len(values) >= 5 and len(values) < lines
            wrong = [v["text"] for v in values
                     if not (v["beforeLeftOfValue"] and v["afterFollowsValue"])]
            assert wrong == []
    finally:
        context.close()


def test_the_fixture_paper_exists() -> None:
    assert (EXAMPLE_PAPERS / PAPER / "paper.yaml").is_file()
