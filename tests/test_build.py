"""A full build of the example proceedings, checked page by page."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import EXAMPLE_PAPERS, ROOT

HTML_TAG = re.compile(r"<html\b[^>]*>")
BODY_TAG = re.compile(r"<body\b[^>]*>")


def attr(tag: str, name: str) -> str | None:
    match = re.search(rf'\b{name}="([^"]*)"', tag)
    return match.group(1) if match else None


def expected_pages() -> set[str]:
    """Every page the example must have, derived from the data files (not from the code)."""
    papers = EXAMPLE_PAPERS
    sessions = yaml.safe_load((papers / "sessions.yaml").read_text(encoding="utf-8"))
    people = yaml.safe_load((papers / "people.yaml").read_text(encoding="utf-8"))
    conference = yaml.safe_load((papers / "conference.yaml").read_text(encoding="utf-8"))
    start, end = conference["dates"]["start"], conference["dates"]["end"]
    assert (start, end) == ("2015-11-17", "2015-11-19")
    days = ["2015-11-17", "2015-11-18", "2015-11-19"]
    stems = {"", "about/", "programme/", "people/"}  # the home and about pages are generated
    for page in (ROOT / "docs").rglob("*.ar.md"):  # hand-written pages, one per language
        if page.relative_to(ROOT / "docs").parts[0] == "development":
            continue  # developer notes: excluded from the site in mkdocs.yml
        stem = page.relative_to(ROOT / "docs").as_posix()[: -len(".ar.md")]
        assert (page.parent / f"{page.name[:-len('.ar.md')]}.en.md").is_file(), page
        stems.add("" if stem == "index" else f"{stem}/")
    stems |= {f"papers/{p.name}/" for p in papers.iterdir()
              if p.is_dir() and not p.name.startswith(("_", "."))}
    stems |= {f"sessions/{s}/" for s in sessions}
    stems |= {f"people/{p}/" for p in people}
    stems |= {f"programme/{d}/" for d in days}
    pages = set()
    for stem in stems:
        pages.add(f"{stem}index.html")
        pages.add(f"en/{stem}index.html")
    return pages


def test_every_page_exists_in_both_languages(built_site: Path) -> None:
    found = {p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")}
    assert found == expected_pages()


def test_lang_and_dir_on_every_page(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("*.html")]
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        english = page.relative_to(built_site).parts[0] == "en"
        lang, direction = ("en", "ltr") if english else ("ar", "rtl")
        html_tag, body_tag = HTML_TAG.search(html).group(0), BODY_TAG.search(html).group(0)
        assert (attr(html_tag, "lang"), attr(html_tag, "dir")) == (lang, direction), page
        assert attr(body_tag, "dir") == direction, page


def test_language_switcher_leads_to_the_same_paper(built_site: Path) -> None:
    for paper in EXAMPLE_PAPERS.iterdir():
        if not paper.is_dir() or paper.name.startswith(("_", ".")):
            continue
        arabic = (built_site / "papers" / paper.name / "index.html").read_text(encoding="utf-8")
        english = (built_site / "en/papers" / paper.name / "index.html").read_text(encoding="utf-8")
        assert f'href="../../en/papers/{paper.name}/" hreflang="en"' in arabic
        assert f'href="../../../papers/{paper.name}/" hreflang="ar"' in english


def test_no_request_to_google_fonts(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page
