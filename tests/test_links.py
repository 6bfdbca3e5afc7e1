"""Links between generated pages: the fast relative path agrees with posixpath.relpath."""

from __future__ import annotations

import itertools
import posixpath

from waqai.site.pages import Links

URLS = ["", "programme/", "programme/2015-11-17/", "papers/absher/", "people/", "people/a-b/",
        "sessions/s1/", "papers/", "papers/absher-2/", "en/x/y/z/"]


def reference_page(from_url: str, url: str) -> str:
    """The original definition, with posixpath.relpath."""
    rel = posixpath.relpath(url or ".", from_url.rstrip("/") or ".")
    return "./" if rel == "." else rel + ("/" if url.endswith("/") or url == "" else "")


def test_page_links_match_relpath() -> None:
    for from_url, url in itertools.product(URLS, URLS):
        assert Links(from_url, "ar").page(url) == reference_page(from_url, url), (from_url, url)


def test_asset_links_climb_to_the_site_root() -> None:
    assert Links("", "ar").asset("proceedings.bib") == "proceedings.bib"
    assert Links("papers/absher/", "ar").asset("papers/absher/absher.bib") == \
        "../../papers/absher/absher.bib"
    assert Links("papers/absher/", "en").asset("proceedings.bib") == "../../../proceedings.bib"
    assert Links("", "en").asset("proceedings.bib") == "../proceedings.bib"
