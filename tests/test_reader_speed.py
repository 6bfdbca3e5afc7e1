"""What makes pages quick and steady on a phone, checked in Debian's chromium (issue 18).

Lighthouse's scores and timings are measured by `python3 build.py bench --lighthouse`,
not here; these tests check what is deterministic about them: nothing on the page moves
once painted, even when the fonts arrive late; no script of the page holds up its first
paint; the fonts the first paint needs are asked for at once, and only the files the
page's text needs; every page has a description. Each page kind, in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from browser_support import page_paths, require_chromium, url_of, watch

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Route

require_chromium(whole_module=True)

LANGS = ("ar", "en")
# Lighthouse's phone (a Moto G Power): its viewport and pixel ratio.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
         "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def paths(built_site: Path) -> dict[str, str]:
    return page_paths(built_site)


KINDS = ("home", "about", "programme", "day", "session", "paper", "speakers", "person",
         "contributing", "start")
every_kind = pytest.mark.parametrize("kind", KINDS)
both_langs = pytest.mark.parametrize("lang", LANGS)


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(**PHONE)
    yield context
    context.close()


# Every layout shift since the page began, as the Layout Instability API reports it
# (the entries Lighthouse adds up into CLS), with the elements that moved.
SHIFTS_JS = """() => new Promise(done => {
  new PerformanceObserver((list, observer) => {
    observer.disconnect();
    done(list.getEntries().map(e => ({value: e.value, moved: e.sources.map(s =>
      s.node ? (s.node.nodeName + '.' + (s.node.className || '')) : '?')})));
  }).observe({type: 'layout-shift', buffered: true});
  // An observer with no buffered entry is never called: settle after two frames.
  requestAnimationFrame(() => requestAnimationFrame(() => done([])));
})"""


@every_kind
@both_langs
def test_nothing_moves_when_the_fonts_arrive_late(phone: BrowserContext, site_server: str,
                                                   paths: dict[str, str], kind: str,
                                                   lang: str) -> None:
    """The fonts are held back until the page has painted its text, as on a slow line;
    then they are let through. The page must not move: not when they arrive, not when
    the scripts run (the search button is in the HTML from the start)."""
    page = phone.new_page()
    held: list[Route | None] = []

    def hold(route: Route) -> None:
        if held and held[0] is None:  # let through: the page has painted
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r"\.woff2$"), hold)
    try:
        page.goto(url_of(site_server, paths[kind], lang), wait_until="domcontentloaded")
        page.wait_for_function(
            "performance.getEntriesByName('first-contentful-paint').length > 0")
        assert held, "the page asked for no font"
        waiting, held[:] = list(held), [None]
        for route in waiting:
            assert route is not None
            route.continue_()
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready.then(() => true)")
        assert page.evaluate("document.querySelector('.md-header__button[for=__search]')"
                             ".getBoundingClientRect().width") > 0  # shown from the start
        assert page.evaluate(SHIFTS_JS) == []
    finally:
        page.close()


@every_kind
@both_langs
def test_no_script_holds_up_the_first_paint(phone: BrowserContext, site_server: str,
                                            paths: dict[str, str], kind: str,
                                            lang: str) -> None:
    page = phone.new_page()
    try:
        page.goto(url_of(site_server, paths[kind], lang), wait_until="load")
        blocking = page.evaluate("""[...document.querySelectorAll('script[src]')]
          .filter(s => !s.defer && !s.async && s.type !== 'module').map(s => s.src)""")
        assert blocking == []
        sources = page.evaluate("[...document.querySelectorAll('script[src]')]"
                                ".map(s => new URL(s.src).pathname.split('/').pop())")
        assert {"waqai-search.js", "waqai-copy.js"} <= set(sources)  # (so [] means something)
    finally:
        page.close()


@every_kind
@both_langs
def test_every_page_has_a_description(phone: BrowserContext, site_server: str,
                                      paths: dict[str, str], kind: str, lang: str) -> None:
    page = phone.new_page()
    try:
        page.goto(url_of(site_server, paths[kind], lang), wait_until="domcontentloaded")
        descriptions = page.eval_on_selector_all(
            "meta[name=description]", "tags => tags.map(t => t.content.trim())")
        assert len(descriptions) == 1 and descriptions[0], descriptions
    finally:
        page.close()


# -- fonts ------------------------------------------------------------------------------

FACES_JS = """() => [...document.styleSheets].flatMap(sheet => {
  try { return [...sheet.cssRules]; } catch (e) { return []; }
}).filter(rule => rule instanceof CSSFontFaceRule).map(rule => ({
  family: rule.style.getPropertyValue('font-family').replace(/["']/g, ''),
  file: rule.style.getPropertyValue('src').match(/url\\("?([^")]+)/)[1].split('/').pop(),
  ranges: rule.style.getPropertyValue('unicode-range')}))"""


def covers(ranges: str, char: str) -> bool:
    """Whether a CSS unicode-range list ("U+0600-06FF, U+20") includes `char`."""
    point = ord(char)
    for part in ranges.split(","):
        first, _, last = part.strip().upper().removeprefix("U+").partition("-")
        if int(first, 16) <= point <= int(last or first, 16):
            return True
    return False


def file_name(url: str) -> str:
    return url.rsplit("/", 1)[-1]


@every_kind
@both_langs
def test_a_page_fetches_only_the_font_files_its_text_needs(
        browser: Browser, site_server: str, paths: dict[str, str], kind: str,
        lang: str) -> None:
    """An Arabic page puts the Arabic family first, whose main file holds Basic Latin and
    Latin-1 too: it fetches no Latin file for its spaces, digits and English words; an
    English page fetches the Arabic file only for Arabic letters. The two files of the
    page's language are preloaded, and on an English page the Arabic regular one too
    (every English page names Arabic in Arabic); every preload is used, and no font file
    is fetched twice (a preload the style sheet does not match would be)."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    traffic = watch(context, page)
    try:
        page.goto(url_of(site_server, paths[kind], lang), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        faces = page.evaluate(FACES_JS)
        text = page.evaluate("document.body.innerText + "
                             "[...document.querySelectorAll('[placeholder]')]"
                             ".map(e => e.placeholder).join('')")
        fetched = [file_name(url) for url in traffic.requests if url.endswith(".woff2")]
        preloaded = page.eval_on_selector_all(
            "link[rel=preload][as=font]", "links => links.map(l => l.href)")
    finally:
        context.close()
    first, second = (("Waqai Sans Arabic", "Waqai Sans") if lang == "ar"
                     else ("Waqai Sans", "Waqai Sans Arabic"))
    # The files the text needs, by the browser's rule: a face of the first family that
    # covers the character, else one of the second family. (400 stands for both weights.)
    needed = set()
    for char in set(text) - set(" \n\t"):
        for family in (first, second):
            files = [f["file"] for f in faces
                     if f["family"] == family and f["file"].endswith("-400.woff2")
                     and covers(f["ranges"], char)]
            if files:
                needed.update(files)
                break
    main = "waqai-sans-arabic-400.woff2" if lang == "ar" else "waqai-sans-latin-400.woff2"
    assert main in needed
    fetched_400 = {name for name in fetched if name.endswith("-400.woff2")}
    assert fetched_400 == needed, (sorted(fetched_400), sorted(needed))
    assert len(fetched) == len(set(fetched)), fetched
    expected = {main, main.replace("400", "700")}
    if lang == "en":
        expected.add("waqai-sans-arabic-400.woff2")
    assert set(map(file_name, preloaded)) == expected
    assert {name for name in expected if name.endswith("-400.woff2")} <= needed, sorted(needed)


def test_an_arabic_page_with_digits_and_english_words_fetches_no_latin_file(
        browser: Browser, site_server: str) -> None:
    """The case the test above may not meet in the fixture's text: digits, a DOI and
    English words inside Arabic, all drawn with the Arabic family's own Latin letters."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    traffic = watch(context, page)
    try:
        page.goto(site_server, wait_until="load")
        page.evaluate("""document.querySelector('.md-content__inner').insertAdjacentHTML(
          'beforeend', '<p>سنة 2015، المعرّف 10.1234/abc-1 في «Customer Service Culture».</p>')""")
        page.evaluate("document.fonts.ready.then(() => true)")
        fetched = [file_name(url) for url in traffic.requests if url.endswith(".woff2")]
    finally:
        context.close()
    assert not [name for name in fetched if name.startswith("waqai-sans-latin")], fetched
