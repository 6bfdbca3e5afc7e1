"""The built site in a real browser (Debian's chromium, served on 127.0.0.1).

Every page type, in Arabic and in English: direction and language, reading side,
the language switcher, no console error, no request leaving 127.0.0.1, axe-core;
then Arabic typography, copy buttons, screenshots for a person to look at, print.

One browser for the run. Each page is loaded once at 1280x800 and everything read
from that load is kept (`Desk.visit`), so the per-page checks share one load.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from browser_support import (
    SCREENSHOTS,
    Traffic,
    axe_violations,
    page_paths,
    require_chromium,
    url_of,
    watch,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

require_chromium(whole_module=True)

KINDS = ("home", "programme", "day", "session", "paper", "person", "speakers")
LANGS = ("ar", "en")
OTHER = {"ar": "en", "en": "ar"}
DIRECTION = {"ar": "rtl", "en": "ltr"}
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def paths(built_site: Path) -> dict[str, str]:
    return page_paths(built_site)


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def shoot(page: Page, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    SCREENSHOTS.append(path)


# What a page says about its language and layout, measured in the page.
FACTS_JS = """() => {
  const inner = document.querySelector('.md-content__inner');
  const nav = document.querySelector('.md-sidebar--primary');
  const edges = el => { const r = el.getBoundingClientRect(); return [r.left, r.right]; };
  const textEdges = el => {
    const range = document.createRange(); range.selectNodeContents(el);
    const r = range.getBoundingClientRect(); return [r.left, r.right];
  };
  const blocks = [...inner.querySelectorAll('h1, p')]
    .filter(el => el.textContent.trim() && el.getClientRects().length)
    .map(el => ({what: el.tagName + ' ' + el.textContent.trim().slice(0, 40),
                 box: edges(el), text: textEdges(el), direction: getComputedStyle(el).direction,
                 ownDir: !['HTML', 'BODY'].includes((el.closest('[dir]') || document.body).tagName)}));
  return {
    htmlLang: document.documentElement.getAttribute('lang'),
    htmlDir: document.documentElement.getAttribute('dir'),
    bodyDir: document.body.getAttribute('dir'),
    bodyLang: document.body.closest('[lang]').getAttribute('lang'),
    column: edges(inner),
    nav: edges(nav),
    navDirection: getComputedStyle(nav).direction,
    blocks: blocks,
  };
}"""


@dataclass
class Visit:
    url: str
    facts: dict
    requests: list[str]
    blocked: list[str]
    errors: list[str]
    violations: list[str]


class Desk:
    """A 1280x800 tab that visits each page once and keeps what it saw."""

    def __init__(self, page: Page, traffic: Traffic, base: str, paths: dict[str, str],
                 shots: Path) -> None:
        self.page, self.traffic, self.base, self.paths, self.shots = page, traffic, base, paths, shots
        self.visits: dict[tuple[str, str], Visit] = {}

    def url(self, kind: str, lang: str) -> str:
        return url_of(self.base, self.paths[kind], lang)

    def load(self, url: str) -> None:
        self.traffic.clear()
        self.page.goto(url, wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")

    def open(self, kind: str, lang: str) -> Page:
        """Load a page afresh, to look into it or change it."""
        self.load(self.url(kind, lang))
        return self.page

    def visit(self, kind: str, lang: str) -> Visit:
        """Load a page the first time it is asked for; keep what it showed."""
        if (kind, lang) not in self.visits:
            url = self.url(kind, lang)
            self.load(url)
            facts = self.page.evaluate(FACTS_JS)
            shoot(self.page, self.shots, f"{kind}-{lang}-1280x800")
            violations = axe_violations(self.page)
            t = self.traffic
            self.visits[kind, lang] = Visit(url, facts, list(t.requests), list(t.blocked),
                                            list(t.errors), violations)
        return self.visits[kind, lang]


@pytest.fixture(scope="module")
def desk(browser: Browser, site_server: str, paths: dict[str, str],
         screenshot_dir: Path) -> Iterator[Desk]:
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    page = context.new_page()
    traffic = watch(context, page)
    yield Desk(page, traffic, site_server, paths, screenshot_dir)
    context.close()


every_page = pytest.mark.parametrize("kind", KINDS)
both_langs = pytest.mark.parametrize("lang", LANGS)


@every_page
@both_langs
def test_html_and_body_carry_language_and_direction(desk: Desk, kind: str, lang: str) -> None:
    facts = desk.visit(kind, lang).facts
    assert (facts["htmlLang"], facts["htmlDir"]) == (lang, DIRECTION[lang])
    assert (facts["bodyLang"], facts["bodyDir"]) == (lang, DIRECTION[lang])


def check_reading_side(blocks: list[dict], lang: str) -> None:
    """Each heading and paragraph runs in the page's direction and its text starts at
    that side of its box. (Blocks with a `dir` of their own, such as the English title
    of an Arabic paper, are left out.)"""
    start = 1 if lang == "ar" else 0  # index in [left, right]
    measured = [block for block in blocks if not block["ownDir"]]
    assert measured, "no heading or paragraph measured"
    for block in measured:
        assert block["direction"] == DIRECTION[lang], block["what"]
        assert abs(block["text"][start] - block["box"][start]) <= 2, block


@every_page
@both_langs
def test_text_and_sidebar_sit_on_the_reading_side(desk: Desk, kind: str, lang: str) -> None:
    """Measured positions: Arabic text starts at the right edge of its block and the
    navigation sidebar stands right of the content; English the other way round."""
    facts = desk.visit(kind, lang).facts
    rtl = lang == "ar"
    check_reading_side(facts["blocks"], lang)
    (col_left, col_right), (nav_left, nav_right) = facts["column"], facts["nav"]
    assert facts["navDirection"] == DIRECTION[lang]
    if rtl:
        assert nav_left >= col_right, (facts["nav"], facts["column"])
    else:
        assert nav_right <= col_left, (facts["nav"], facts["column"])


@every_page
@both_langs
def test_no_console_errors(desk: Desk, kind: str, lang: str) -> None:
    assert desk.visit(kind, lang).errors == []


@every_page
@both_langs
def test_no_request_leaves_localhost(desk: Desk, kind: str, lang: str) -> None:
    visit = desk.visit(kind, lang)
    assert visit.blocked == []
    # The recorder saw the page and what it loads (so an empty `blocked` means something).
    assert visit.url in visit.requests
    assert any(url.endswith(".css") for url in visit.requests)
    assert any(url.endswith(".woff2") for url in visit.requests), visit.requests


def test_a_request_to_another_host_is_caught(desk: Desk) -> None:
    """The recorder above does see (and stop) a request that leaves 127.0.0.1."""
    page = desk.open("home", "ar")
    page.evaluate("fetch('https://fonts.example.org/x.woff2').catch(() => null)")
    assert desk.traffic.blocked == ["https://fonts.example.org/x.woff2"]


@every_page
@both_langs
def test_axe_finds_no_violations(desk: Desk, kind: str, lang: str) -> None:
    violations = desk.visit(kind, lang).violations
    assert not violations, "\n".join(violations)


def test_axe_reports_a_violation_it_is_shown(desk: Desk) -> None:
    """axe-core is really running: an unnamed button is reported."""
    page = desk.open("home", "en")
    page.evaluate("document.querySelector('.md-content__inner').append(document.createElement('button'))")
    assert [v for v in axe_violations(page) if v.startswith("button-name ")]


@every_page
@both_langs
def test_language_switcher_leads_to_the_same_page(desk: Desk, kind: str, lang: str) -> None:
    other = OTHER[lang]
    desk.load(desk.url(kind, lang))
    page = desk.page
    page.hover(".md-select")
    with page.expect_navigation(wait_until="load"):
        page.click(f".md-select a[hreflang='{other}']")
    assert page.url == desk.url(kind, other)
    assert page.evaluate("document.documentElement.lang") == other
    assert desk.traffic.errors == []


# -- Arabic typography ---------------------------------------------------------------

def loaded_fonts(page: Page) -> list[str]:
    return page.evaluate("[...document.fonts].filter(f => f.status === 'loaded')"
                         ".map(f => f.family.replace(/[\"']/g, ''))")


def test_arabic_pages_use_the_self_hosted_arabic_font(desk: Desk) -> None:
    page = desk.open("paper", "ar")
    assert "Waqai Sans Arabic" in loaded_fonts(page)
    assert page.evaluate("""document.fonts.check('16px "Waqai Sans Arabic"', 'خدمة')""")
    body = page.evaluate("""(() => { const s = getComputedStyle(document.querySelector('.md-content__inner'));
        return {family: s.fontFamily, size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight)}; })()""")
    assert "Waqai Sans Arabic" in body["family"]
    assert body["size"] >= 16.5  # a little larger than Material's 16px Latin body text
    assert 1.7 <= body["line"] / body["size"] <= 2.0  # room for dots and marks above and below


def test_english_pages_use_the_latin_companion(desk: Desk) -> None:
    assert "Waqai Sans" in loaded_fonts(desk.open("paper", "en"))


# Runs of Latin text (names, DOIs, URLs, format names: Latin letters, no Arabic ones)
# that Waqai's templates put on an Arabic page, neither inside an inline bidi isolate
# (<bdi>, an element with dir, CSS unicode-bidi: isolate such as inline code) nor in a
# block with a direction of its own. Chromium gives p, div, article... unicode-bidi:
# isolate too, which means nothing for a block, so blocks count by their `dir` only.
UNISOLATED_LATIN_JS = """() => {
  const root = document.querySelector('.md-content__inner');
  const isolated = el => {
    for (; el && el !== root; el = el.parentElement) {
      if (el.hasAttribute('dir') || el.tagName === 'BDI') return true;  // <bdi> is dir=auto
      const style = getComputedStyle(el);
      if (style.display !== 'inline') return false;
      if (/isolate|plaintext/.test(style.unicodeBidi)) return true;
    }
    return false;
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node; (node = walker.nextNode());) {
    const parent = node.parentElement;
    if (/[A-Za-z]/.test(node.data) && !/[\u0600-\u06FF]/.test(node.data)
        && parent.closest('[class*="waqai-"]') && !parent.closest('.waqai-abstract')
        && !isolated(parent)) found.push(node.data.trim());
  }
  return found;
}"""


@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind != "home"])
def test_latin_text_on_arabic_pages_is_isolated(desk: Desk, kind: str) -> None:
    """Latin names, DOIs and URLs that templates put into Arabic text sit in their own
    bidi isolate, so neighbouring punctuation does not jump. (The home page and the
    abstracts are Markdown written by editors and contributors: not checked.)"""
    assert desk.open(kind, "ar").evaluate(UNISOLATED_LATIN_JS) == []


def test_isolation_check_finds_a_bare_latin_name(desk: Desk) -> None:
    """The check above can fail: a Latin name put bare into an Arabic paragraph is found."""
    page = desk.open("person", "ar")
    page.evaluate("""document.querySelector('.md-content__inner h1').insertAdjacentHTML(
        'afterend', '<p class="waqai-test">قدّمه <a href="#">Paddy Rice</a>، ثم ناقشه الحضور.</p>')""")
    assert page.evaluate(UNISOLATED_LATIN_JS) == ["Paddy Rice"]


# -- Copy buttons ----------------------------------------------------------------------

@both_langs
def test_copy_buttons_put_their_text_on_the_clipboard(browser: Browser, site_server: str,
                                                      paths: dict[str, str], lang: str) -> None:
    """Each [data-waqai-copy] button copies the text of the element its value names."""
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"],
                              origin=re.match(r"https?://[^/]+", site_server).group(0))
    try:
        page = context.new_page()
        page.goto(url_of(site_server, paths["paper"], lang))
        buttons = page.locator("[data-waqai-copy]")
        assert buttons.count() > 0, "no copy button on the paper page"
        for index in range(buttons.count()):
            button = buttons.nth(index)
            target = button.get_attribute("data-waqai-copy")
            expected = page.evaluate("id => document.getElementById(id).textContent", target)
            page.evaluate("navigator.clipboard.writeText('(nothing copied yet)')")
            button.scroll_into_view_if_needed()
            button.click()
            copied = page.evaluate("navigator.clipboard.readText()")
            assert " ".join(copied.split()) == " ".join(expected.split()), target
            assert copied.strip()
    finally:
        context.close()


# -- Screenshots -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce", has_touch=True)
    yield context.new_page()
    context.close()


@every_page
@both_langs
def test_phone_layout_fits_the_screen(phone: Page, site_server: str, paths: dict[str, str],
                                      screenshot_dir: Path, kind: str, lang: str) -> None:
    """At 390x844 nothing runs off the side (a common failure of mirrored layouts);
    the 1280x800 shots are taken by the visits above."""
    phone.goto(url_of(site_server, paths[kind], lang), wait_until="load")
    phone.evaluate("document.fonts.ready.then(() => true)")
    shoot(phone, screenshot_dir, f"{kind}-{lang}-390x844")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@every_page
@both_langs
def test_desktop_screenshot(desk: Desk, screenshot_dir: Path, kind: str, lang: str) -> None:
    desk.visit(kind, lang)
    shot = screenshot_dir / f"{kind}-{lang}-1280x800.png"
    assert shot.stat().st_size > 10_000  # a rendered page, not a blank one


# -- Print -------------------------------------------------------------------------------

HIDDEN_IN_PRINT = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-footer")


@both_langs
def test_paper_prints_on_a4_without_navigation(browser: Browser, site_server: str,
                                               paths: dict[str, str], lang: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(url_of(site_server, paths["paper"], lang), wait_until="load")
        page.emulate_media(media="print")
        shown = page.evaluate("""selectors => selectors.filter(s => [...document.querySelectorAll(s)]
            .some(el => el.getClientRects().length > 0))""", list(HIDDEN_IN_PRINT))
        assert shown == []
        check_reading_side(page.evaluate(FACTS_JS)["blocks"], lang)
        # Printed with the page size the stylesheet asks for, not the browser's default (Letter).
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        assert boxes, "no page in the PDF"
        for width, height in boxes:
            assert abs(float(width) - A4_POINTS[0]) < 2 and abs(float(height) - A4_POINTS[1]) < 2
    finally:
        context.close()
