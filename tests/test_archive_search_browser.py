"""An archive's search in a real browser (issue 31): the home page's box searches every
volume, each result labelled with its volume; a volume's box searches that volume, and
its checkbox widens it to the archive. Debian's chromium on the built sites served on
127.0.0.1: the real ACL Anthology archive (WANLP 2022, ArabicNLP 2023) and the small
archive made from the example (tests/archive_project.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from anthology_volume import ARCHIVE, write_archive
from archive_project import FIRST, LATER, built_site, make_archive
from browser_support import axe_violations, site_path
from conftest import copy_tool
from waqai.bench.static_server import serve

INPUT = ".waqai-search .md-search__input"
WIDEN = ".waqai-search .waqai-search__all"
SETTLED = """([query, scope]) => {
  const box = document.querySelector('.waqai-search');
  return box.dataset.waqaiState === 'done' && box.dataset.waqaiQuery === query &&
         box.dataset.waqaiScope === scope;
}"""
RESULTS = """links => links.map(a => [a.href, a.querySelector('h1').textContent,
  (a.querySelector('.waqai-search__volume') || {}).textContent || ''])"""


class Result(NamedTuple):
    path: str  # below the archive's root: "wanlp-2022/en/papers/x/"
    title: str
    volume: str  # the label the result shows


def served(site: Path) -> Iterator[str]:
    with serve(site, site_path(site)) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def anthology(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_tool(tmp_path_factory.mktemp("anthology-search") / "project")
    write_archive(ARCHIVE, project / "papers")
    yield from served(built_site(project))


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from served(built_site(make_archive(tmp_path_factory.mktemp("example-search") / "p")))


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def results(page, root: str, query: str, scope: str = "own") -> list[Result]:
    """Type QUERY in the header's box; the results shown once this very query settled."""
    page.fill(INPUT, query)
    page.dispatch_event(INPUT, "keyup")
    return shown(page, root, query, scope)


def shown(page, root: str, query: str, scope: str) -> list[Result]:
    page.wait_for_function(SETTLED, arg=[query, scope])
    found = page.eval_on_selector_all(".waqai-search a.md-search-result__link", RESULTS)
    assert all(href.startswith(root) for href, _, _ in found), found
    return [Result(href[len(root):], title, volume) for href, title, volume in found]


def test_dialect_on_the_english_home_finds_both_volumes(tab, anthology: str) -> None:
    tab.goto(anthology + "en/")
    found = results(tab, anthology, "dialect")
    labels = {volume_id: label for volume_id, label in (("wanlp-2022", "WANLP-2022"),
                                                         ("arabicnlp-2023", "ArabicNLP-2023"))}
    for volume_id, label in labels.items():
        own = [r for r in found if r.path.startswith(f"{volume_id}/en/papers/")]
        assert own, (volume_id, found)
        assert {r.volume for r in own} == {label}
    assert all(r.volume in labels.values() for r in found), found
    # Each volume's first result opens that item's page in that volume.
    for volume_id in labels:
        first = next(r for r in found if r.path.startswith(f"{volume_id}/"))
        tab.goto(anthology + "en/")
        results(tab, anthology, "dialect")
        tab.click(f'.waqai-search a[data-waqai-url="{first.path}"]')
        tab.wait_for_url(anthology + first.path)
        assert tab.inner_text("article h1").strip() == first.title.strip()


def test_the_arabic_home_finds_both_volumes_with_an_arabic_query(tab, example: str) -> None:
    tab.goto(example)
    found = results(tab, example, "تجربه")  # «تجربة» in the titles: ة is folded
    papers = {(r.path, r.volume) for r in found if "/papers/" in r.path}
    assert {(f"{FIRST}/papers/absher/", "CSC-2015"),
            (f"{LATER}/papers/absher-2016/", "CSC-2016")} <= papers, found
    assert not any("/en/" in r.path for r in found), found
    assert tab.get_attribute(INPUT, "placeholder") == "ابحث في مجلدات الأرشيف كلها"


def test_a_volume_searches_itself_and_widens_to_the_archive(tab, example: str) -> None:
    tab.goto(example + f"{LATER}/en/papers/absher-2016/")
    own = results(tab, example, "Absher")
    assert own and all(r.path.startswith(f"{LATER}/en/") for r in own), own
    assert {r.volume for r in own} == {""}  # a volume's own index names no volume
    # The checkbox is reached with the keyboard from the box and ticked with Space.
    tab.focus(INPUT)
    stops = []
    while not tab.evaluate(f"document.activeElement.matches('{WIDEN}')") and len(stops) < 3:
        tab.keyboard.press("Tab")
        stops.append(tab.evaluate("document.activeElement.className"))
    assert tab.evaluate(f"document.activeElement.matches('{WIDEN}')"), stops
    assert tab.evaluate("document.activeElement.labels[0].textContent.trim()") == \
        "Search all volumes"
    tab.keyboard.press("Space")
    wide = shown(tab, example, "Absher", "archive")
    assert {f"{FIRST}/en/papers/absher/", f"{LATER}/en/papers/absher-2016/"} <= {
        r.path for r in wide}, wide
    assert {r.volume for r in wide} == {"CSC-2015", "CSC-2016"}
    assert axe_violations(tab) == []
    tab.keyboard.press("Space")  # and back to the volume
    assert shown(tab, example, "Absher", "own") == own
