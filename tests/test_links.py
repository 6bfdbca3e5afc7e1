"""Links: the fast relative path between generated pages agrees with posixpath.relpath,
and every internal link and asset of a built site resolves to a file (tests/linkcheck.py)."""

from __future__ import annotations

import itertools
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from linkcheck import check_links
from waqai.data.load import load
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


# -- the built site: every internal link and asset resolves (tests/linkcheck.py) ----------

def site_url_of(site: Path) -> str:
    """The site_url of the project a site was built from (the folder that holds it)."""
    conference = load(site.parent).conference
    assert conference is not None
    return conference.site_url


def test_every_link_of_the_example_site_resolves(built_site: Path) -> None:
    report = check_links(built_site, site_url_of(built_site))
    assert [str(broken) for broken in report.broken] == []
    # What it checked: pages of both languages, exports, the theme's assets and fonts.
    assert {"index.html", "en/index.html", "proceedings.bib", "programme.ics", "programme.en.ics",
            "assets/images/favicon.png"} <= report.targets
    assert any(target.endswith(".woff2") for target in report.targets)  # from the stylesheet
    assert any(target.endswith(".bib") and target.startswith("papers/")
               for target in report.targets)
    assert all(urlsplit(url).scheme in {"http", "https", "mailto"} for url in report.external)


def test_every_link_of_a_synthetic_site_with_pdfs_resolves(built_synthetic_site: Path) -> None:
    site = built_synthetic_site
    report = check_links(site, site_url_of(site))
    assert [str(broken) for broken in report.broken] == []
    pdfs = sorted(site.glob("papers/*/*.pdf"))
    assert pdfs  # the synthetic conference publishes some
    assert {pdf.relative_to(site).as_posix() for pdf in pdfs} <= report.targets


def broken_copy(built_site: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    return site


@pytest.mark.parametrize("removed", [
    "papers/absher/index.html",  # a page: linked from its session, its speaker, the programme
    "en/people/index.html",  # an English page
    "proceedings.bib",  # an export
    "assets/fonts/waqai-sans-arabic-ext-400.woff2",  # reached from a stylesheet only
])
def test_a_removed_target_is_reported(built_site: Path, tmp_path: Path, removed: str) -> None:
    site = broken_copy(built_site, tmp_path)
    (site / removed).unlink()
    report = check_links(site, site_url_of(built_site))
    assert report.broken
    assert {(broken.target, broken.why) for broken in report.broken} == {
        (removed, "no such file")}


def test_a_missing_fragment_a_bad_scheme_and_an_escape_are_reported(
        built_site: Path, tmp_path: Path) -> None:
    site = broken_copy(built_site, tmp_path)
    page = site / "about" / "index.html"
    html = page.read_text(encoding="utf-8")
    links = ('<a href="#no-such-heading">a</a><a href="javascript:alert(1)">b</a>'
             '<a href="../../../etc/passwd">c</a><a href="../papers/absher/#nowhere">d</a>')
    page.write_text(html.replace("</body>", links + "</body>"), encoding="utf-8")
    report = check_links(site, site_url_of(built_site))
    assert {(b.page, b.url, b.why) for b in report.broken} == {
        ("about/index.html", "#no-such-heading", "no id “no-such-heading” in about/index.html"),
        ("about/index.html", "javascript:alert(1)", "scheme not allowed"),
        ("about/index.html", "../../../etc/passwd", "outside the site"),
        ("about/index.html", "../papers/absher/#nowhere",
         "no id “nowhere” in papers/absher/index.html"),
    }


def test_every_citation_pdf_url_names_a_file_in_its_pages_folder(
        built_synthetic_site: Path) -> None:
    """Scholar's rule for full texts, on every page that carries the tag."""
    site = built_synthetic_site
    site_url = site_url_of(site)
    carried = 0
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'<meta name="citation_pdf_url" content="([^"]+)"', html):
            assert url.startswith(site_url)
            target = site / url[len(site_url):]
            assert target.parent == page.parent and target.is_file(), (page, url)
            carried += 1
    assert carried == 2 * len(list(site.glob("papers/*/*.pdf")))  # both languages
