"""`bench --lighthouse` without Lighthouse: the static host, the choice of pages, and the
medians, table and verdict from hand-written Lighthouse-like reports."""

from __future__ import annotations

import argparse
import gzip
import http.client
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from waqai.bench import lighthouse
from waqai.bench.lighthouse import (
    KINDS,
    Figures,
    LighthouseFailed,
    Measured,
    Page,
    Run,
    failing_audits,
    find_pages,
    lighthouse_error,
    plain_config,
    table,
    verdict,
    write_plain_project,
)
from waqai.bench.static_server import accepts_gzip, serve

# -- the static host -------------------------------------------------------------

CSS = "body { color: #222; }\n" * 200


@pytest.fixture
def host(tmp_path: Path):
    """A small site under /site/, and a connection to it."""
    root = tmp_path / "site"
    (root / "assets").mkdir(parents=True)
    (root / "about").mkdir()
    (root / "index.html").write_text("<!doctype html><p>الصفحة الرئيسة</p>\n" * 50, "utf-8")
    (root / "about" / "index.html").write_text("<p>about</p>", "utf-8")
    (root / "assets" / "main.css").write_text(CSS, "utf-8")
    (root / "assets" / "font.woff2").write_bytes(b"wOF2" + bytes(range(256)) * 4)
    (root / "404.html").write_text("<p>not here</p>", "utf-8")
    with serve(root, "/site/") as base:
        parts = urlsplit(base)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        yield root, connection
        connection.close()


def get(connection: http.client.HTTPConnection, path: str,
        encoding: str | None = "gzip, deflate, br") -> http.client.HTTPResponse:
    headers = {"Accept-Encoding": encoding} if encoding else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    return response


def test_text_is_gzipped_when_accepted_and_decodes_to_the_file(host) -> None:
    root, connection = host
    response = get(connection, "/site/assets/main.css")
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Content-Type") == "text/css; charset=utf-8"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert int(response.getheader("Content-Length")) == len(response.body) < len(CSS)
    assert gzip.decompress(response.body) == CSS.encode()


def test_no_gzip_when_not_accepted(host) -> None:
    root, connection = host
    for refusal in (None, "identity", "gzip;q=0, br"):
        response = get(connection, "/site/assets/main.css", refusal)
        assert response.getheader("Content-Encoding") is None
        assert response.body == CSS.encode()
        assert response.getheader("Content-Length") == str(len(CSS))


def test_fonts_are_sent_as_they_are_with_their_type(host) -> None:
    root, connection = host
    response = get(connection, "/site/assets/font.woff2")
    assert response.getheader("Content-Type") == "font/woff2"
    assert response.getheader("Content-Encoding") is None  # already compressed
    assert response.body == (root / "assets" / "font.woff2").read_bytes()


def test_a_folder_is_its_index_and_connections_are_kept_alive(host) -> None:
    root, connection = host
    home = get(connection, "/site/")
    about = get(connection, "/site/about/")  # the same connection: kept alive
    assert home.version == 11 and not home.will_close
    assert home.getheader("Content-Type") == "text/html; charset=utf-8"
    assert gzip.decompress(home.body) == (root / "index.html").read_bytes()
    assert gzip.decompress(about.body) == b"<p>about</p>"
    moved = get(connection, "/site/about")
    assert moved.status == 301 and moved.getheader("Location") == "/site/about/"


def test_missing_files_are_404_with_the_sites_page(host) -> None:
    root, connection = host
    (root.parent / "secret.txt").write_text("outside the site", "utf-8")
    for path in ("/site/nothing/", "/site/assets/none.css", "/elsewhere/",
                 "/site/../secret.txt", "/site/%2e%2e/secret.txt"):
        response = get(connection, path, None)
        assert response.status == 404, path
        assert response.body == b"<p>not here</p>"


def test_accept_encoding_parsing() -> None:
    assert accepts_gzip("gzip, deflate, br, zstd")
    assert accepts_gzip("br;q=1.0, gzip;q=0.8")
    assert accepts_gzip("*")
    assert not accepts_gzip(None)
    assert not accepts_gzip("br, identity")
    assert not accepts_gzip("gzip;q=0")
    assert not accepts_gzip("gzip; q=0.000")


# -- the pages -------------------------------------------------------------------

def test_every_kind_is_found_in_both_languages(built_site: Path) -> None:
    pages = find_pages(built_site)
    assert [(page.kind, page.lang) for page in pages] == [
        (kind, lang) for kind, _, _ in KINDS for lang in ("ar", "en")]
    paths = {(page.kind, page.lang): page.path for page in pages}
    assert paths[("home", "ar")] == "/" and paths[("home", "en")] == "/en/"
    assert paths[("people", "en")] == "/en/people/"
    assert paths[("start", "ar")] == "/start/"
    for page in pages:
        assert (built_site / page.path.lstrip("/") / "index.html").is_file()
        assert not page.plain
    for kind, folder in (("day", "programme"), ("session", "sessions"), ("paper", "papers"),
                         ("person", "people")):
        arabic, english = paths[(kind, "ar")], paths[(kind, "en")]
        assert english == "/en" + arabic  # the same one in both languages
        assert arabic.startswith(f"/{folder}/") and arabic.count("/") == 3


def page_file(root: Path, relative: str, size: int) -> None:
    path = root / relative / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x" * size, "utf-8")


def test_the_heaviest_page_of_a_kind_is_chosen_and_absent_kinds_skipped(tmp_path: Path) -> None:
    site = tmp_path / "site"
    page_file(site, "", 10)
    page_file(site, "en", 10)
    page_file(site, "about", 10)  # Arabic only
    # Papers: b has the most HTML in both languages together (600 bytes), though c is
    # the largest Arabic page and d the largest English one.
    for name, arabic, english in (("a", 250, 250), ("b", 300, 300), ("c", 400, 100),
                                  ("d", 100, 400)):
        page_file(site, f"papers/{name}", arabic)
        page_file(site, f"en/papers/{name}", english)
    # Days: equal, so the first in sorted order; the programme page itself is missing.
    for day in ("2015-11-18", "2015-11-17", "en/2015-11-18", "en/2015-11-17"):
        page_file(site, f"programme/{day}".replace("programme/en/", "en/programme/"), 80)
    # People: the index in Arabic only; zaid has an English page too, amal not.
    page_file(site, "people", 10)
    page_file(site, "people/amal", 60)
    page_file(site, "people/zaid", 50)
    page_file(site, "en/people/zaid", 50)
    (site / "people" / "notes.txt").write_text("not a page", "utf-8")
    assert find_pages(site) == [
        Page("home", "ar", "/"), Page("home", "en", "/en/"),
        Page("about", "ar", "/about/"),
        Page("day", "ar", "/programme/2015-11-17/"),
        Page("day", "en", "/en/programme/2015-11-17/"),
        Page("paper", "ar", "/papers/b/"), Page("paper", "en", "/en/papers/b/"),
        Page("people", "ar", "/people/"),
        Page("person", "ar", "/people/zaid/"), Page("person", "en", "/en/people/zaid/"),
    ]


# -- the plain site --------------------------------------------------------------

def test_the_plain_site_has_the_theme_without_overrides_and_no_plugins(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Waqai\ndocs_dir: pages\n"
        "theme:\n  name: material\n  custom_dir: overrides\n  language: ar\n  font: false\n"
        "  features:\n    - navigation.tabs\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  token: !ENV [TOKEN, none]\n"
        "plugins:\n  - proceedings\n", "utf-8")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "start.ar.md").write_text(
        "---\ntitle: ابدأ\n---\n# ابدأ\n\nنص --- لا يُحذف.\n", "utf-8")
    project = write_plain_project(tmp_path / "plain", config)
    assert yaml.safe_load((project / "mkdocs.yml").read_text("utf-8")) == {
        "site_name": "Waqai", "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "language": "ar", "font": False,
                  "features": ["navigation.tabs"]},
        "plugins": []}
    assert (project / "docs" / "start.md").read_text("utf-8") == "# ابدأ\n\nنص --- لا يُحذف.\n"
    assert plain_config({"theme": "material"})["theme"] == {"name": "material"}


# -- figures, table and verdict ------------------------------------------------------

def lighthouse_report(scores: tuple[float, float, float, float],
                      metrics: tuple[float, float, float, float, float],
                      failing: dict[str, list[dict]] | None = None) -> dict:
    """A Lighthouse-like JSON report: the four category scores (0-1), FCP, LCP (ms), CLS,
    TBT (ms), bytes, and failing accessibility audits with their items."""
    fcp, lcp, cls, tbt, weight = metrics
    audits = {
        "first-contentful-paint": {"numericValue": fcp, "score": 0.9},
        "largest-contentful-paint": {"numericValue": lcp, "score": 0.9},
        "cumulative-layout-shift": {"numericValue": cls, "score": 1},
        "total-blocking-time": {"numericValue": tbt, "score": 1},
        "total-byte-weight": {"numericValue": weight, "score": 1},
        "image-alt": {"score": 1, "scoreDisplayMode": "binary"},
        "color-contrast": {"score": 1, "scoreDisplayMode": "binary"},
        "landmark-one-main": {"score": 0, "scoreDisplayMode": "binary"},  # weight 0 below
        "is-crawlable": {"score": 1, "scoreDisplayMode": "binary"},
        "errors-in-console": {"score": 1, "scoreDisplayMode": "binary"},
    }
    for audit_id, items in (failing or {}).items():
        audits[audit_id] = {"score": 0, "scoreDisplayMode": "binary",
                            "details": {"type": "table", "items": items}}
    refs = {"accessibility": [("image-alt", 10), ("color-contrast", 7),
                              ("landmark-one-main", 0)],
            "best-practices": [("errors-in-console", 1)], "seo": [("is-crawlable", 1)],
            "performance": [("largest-contentful-paint", 25)]}
    keys = ("performance", "accessibility", "best-practices", "seo")
    return {"lighthouseVersion": "12.8.2", "environment": {"benchmarkIndex": 1500},
            "audits": audits,
            "categories": {key: {"score": score,
                                 "auditRefs": [{"id": i, "weight": w} for i, w in refs[key]]}
                           for key, score in zip(keys, scores)}}


def measured(page: Page, *reports: dict) -> Measured:
    target = Measured(page, "http://127.0.0.1:1" + page.path)
    for report in reports:
        target.runs.append(Run(Figures.of(report), failing_audits(report), 1500, 12.0))
    return target


PLAIN = Page("start", "ar", "/start/", plain=True)
HOME = Page("home", "ar", "/")
PAPER = Page("paper", "en", "/en/papers/absher/")
CONTRAST = [{"node": {"selector": "div.md-footer > a", "snippet": "<a>"}},
            {"node": {"snippet": "<span class=x>"}}]


def test_figures_are_read_as_lighthouse_shows_them() -> None:
    figures = Figures.of(lighthouse_report((0.915, 1, 0.96, 1),
                                           (2536.07, 2710.5, 0.0788, 146.2, 432446.0)))
    assert figures == Figures(performance=92, accessibility=100, best_practices=96, seo=100,
                              fcp_ms=2536.07, lcp_ms=2710.5, cls=0.0788, tbt_ms=146.2,
                              total_bytes=432446)


def test_median_of_three_runs_per_figure() -> None:
    target = measured(
        HOME,
        lighthouse_report((0.91, 1, 1, 1), (2500, 2600, 0.079, 140, 432000)),
        lighthouse_report((0.88, 0.95, 1, 1), (2900, 3100, 0.001, 210, 432500)),
        lighthouse_report((0.95, 1, 1, 0.92), (2300, 2400, 0.080, 90, 431000)))
    assert target.median == Figures(performance=91, accessibility=100, best_practices=100,
                                    seo=100, fcp_ms=2500, lcp_ms=2600, cls=0.079, tbt_ms=140,
                                    total_bytes=432000)


def test_table_and_verdict() -> None:
    plain = measured(PLAIN, *[lighthouse_report((0.93, 1, 1, 1),
                                                (1800, 1800, 0.0, 20, 210000))] * 3)
    home = measured(HOME, *[lighthouse_report((0.91, 1, 1, 1),
                                              (2536, 2536, 0.0788, 146, 432446))] * 3)
    paper = measured(
        PAPER,
        lighthouse_report((0.97, 0.93, 1, 1), (1900, 2049, 0.015, 30, 300000),
                          {"color-contrast": CONTRAST}),
        lighthouse_report((0.95, 0.93, 1, 1), (1960, 2100, 0.0, 30, 300000),
                          {"color-contrast": CONTRAST}),
        lighthouse_report((0.94, 1, 1, 1), (2000, 2150, 0.0, 40, 300000)))
    assert table([home, paper, plain]) == "\n".join([
        "| Page | URL | Performance | Accessibility | Best practices | SEO | FCP s | LCP s "
        "| CLS | TBT ms | KB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        "| home (ar) | `/` | 91 | 100 | 100 | 100 | 2.5 | 2.5 | 0.079 | 146 | 432 |",
        "| paper (en) | `/en/papers/absher/` | 95 | 93 | 100 | 100 | 2.0 | 2.1 | 0.000 | 30 "
        "| 300 |",
        "| plain Material (start) | `/start/` | 93 | 100 | 100 | 100 | 1.8 | 1.8 | 0.000 "
        "| 20 | 210 |",
    ])
    assert verdict([home, paper, plain]) == [
        "- Not met: performance ≥ the plain page's (93): home (ar) `/` 91.",
        "- Not met: CLS < 0.02: home (ar) `/` 0.079.",
        "- Not met: accessibility 100: paper (en) `/en/papers/absher/` 93 (color-contrast).",
    ]
    assert paper.runs[0].failing == {
        "accessibility": {"color-contrast": ["div.md-footer > a", "<span class=x>"]}}
    assert paper.runs[2].failing == {}  # landmark-one-main fails, but weighs nothing


def test_verdict_when_every_requirement_is_met() -> None:
    plain = measured(PLAIN, lighthouse_report((0.9, 0.9, 0.9, 0.9), (1, 1, 0.1, 1, 1)))
    paper = measured(PAPER, lighthouse_report((0.9, 1, 1, 1), (1, 1, 0.019, 1, 1)))
    assert verdict([paper, plain]) == [
        "- All requirements are met: every Waqai page's performance ≥ the plain page's (90), "
        "CLS < 0.02, accessibility, best practices and SEO 100."]


def test_lighthouse_errors_are_named() -> None:
    good = lighthouse_report((1, 1, 1, 1), (1, 1, 0, 1, 1))
    assert lighthouse_error(good, 0, "") is None
    assert lighthouse_error(None, 1, "Chrome could not start\nECONNREFUSED\n") == (
        "Lighthouse exited with 1 and wrote no report: ECONNREFUSED")
    failed = {"runtimeError": {"code": "ERRORED_DOCUMENT_REQUEST",
                               "message": "Unable to load the page (Status code: 404)"}}
    assert lighthouse_error(failed, 1, "Runtime error encountered") == (
        "ERRORED_DOCUMENT_REQUEST: Unable to load the page (Status code: 404)")
    no_lcp = lighthouse_report((None, 1, 1, 1), (1, 1, 0, 1, 1))  # type: ignore[arg-type]
    no_lcp["audits"]["largest-contentful-paint"] = {
        "score": None, "scoreDisplayMode": "error", "errorMessage": "NO_LCP"}
    assert lighthouse_error(no_lcp, 0, "") == (
        "no performance score (audits in error: largest-contentful-paint: NO_LCP)")
    del no_lcp["audits"]["largest-contentful-paint"]["errorMessage"]
    with pytest.raises(LighthouseFailed, match="has no"):
        Figures.of(no_lcp)


def test_without_chromium_or_npm_one_sentence_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    args = argparse.Namespace(data_dir="papers", config_file="mkdocs.yml", json=None)
    monkeypatch.setattr(lighthouse, "CHROMIUM", tmp_path / "chromium")
    assert lighthouse.cmd_lighthouse(args, tmp_path) == 1
    assert capsys.readouterr().err == (f"Lighthouse needs Debian's chromium at {tmp_path}/chromium: "
                                       "install it with `apt-get install chromium`.\n")
    (tmp_path / "chromium").write_text("", "utf-8")
    monkeypatch.setattr(lighthouse.shutil, "which", lambda name: None)
    assert lighthouse.cmd_lighthouse(args, tmp_path) == 1
    assert capsys.readouterr().err == ("Lighthouse needs Node.js and npm: install them with "
                                       "`apt-get install nodejs npm`.\n")
    assert not (tmp_path / ".waqai").exists()  # nothing installed, nothing built
