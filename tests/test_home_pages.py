"""The generated home and about pages: made from the conference's data, nothing else.

The expected texts are written here by hand (or read from the data files with plain
YAML), never produced by the code under test.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from pybtex.database import parse_file

from conftest import EXAMPLE_PAPERS, copy_project, run_waqai

ARTICLE = re.compile(r'<article class="waqai-(?:home|about)">.*?</article>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
PAGES = ("index.html", "en/index.html", "about/index.html", "en/about/index.html")


def article(site: Path, page: str) -> str:
    match = ARTICLE.search((site / page).read_text(encoding="utf-8"))
    assert match, f"{page} has no generated article"
    return match.group()


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", fragment)).split())


def load(name: str, papers: Path = EXAMPLE_PAPERS) -> dict:
    return yaml.safe_load((papers / name).read_text(encoding="utf-8"))


def build(project: Path) -> Path:
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


# --- another conference: nothing on the home page is the example's ----------------------

NEW_TITLE = {"ar": "مؤتمر تجريبي آخر للاختبار", "en": "Another Conference For The Tests"}
DAYS = {"2015-11-17": "2024-10-16", "2015-11-18": "2024-10-17", "2015-11-19": "2024-10-17"}


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with another title and other dates (16–17 October 2024)."""
    project = copy_project(tmp_path_factory.mktemp("other") / "project")
    for name in ("conference.yaml", "sessions.yaml"):
        path = project / "papers" / name
        text = path.read_text(encoding="utf-8")
        for old, new in DAYS.items():
            text = text.replace(f'"{old}"', f'"{new}"')
        path.write_text(text, encoding="utf-8")
    conference = project / "papers" / "conference.yaml"
    data = load("conference.yaml", project / "papers")
    text = conference.read_text(encoding="utf-8")
    for lang in ("ar", "en"):
        text = text.replace(json.dumps(data["title"][lang], ensure_ascii=False),
                            json.dumps(NEW_TITLE[lang], ensure_ascii=False), 1)
    text = text.replace('"1437-02-05"', '"1446-04-13"').replace('"1437-02-07"', '"1446-04-14"')
    conference.write_text(text, encoding="utf-8")
    return build(project)


@pytest.mark.parametrize("page, title, dates", [
    ("index.html", NEW_TITLE["ar"], "13–14 ربيع الآخر 1446 هـ الموافق 16–17 أكتوبر 2024 م"),
    ("en/index.html", NEW_TITLE["en"], "16–17 October 2024 (13–14 Rabi' al-Thani 1446 AH)"),
])
def test_the_home_page_shows_the_title_and_both_calendars_of_its_data(
        other_site: Path, page: str, title: str, dates: str) -> None:
    shown = article(other_site, page)
    assert re.search(r"<h1>(.*?)</h1>", shown).group(1) == title
    assert text_of(re.search(r'<dd class="waqai-dates">.*?</dd>', shown).group()) == dates
    head = text_of(shown.split('<p class="waqai-description">')[0])  # titles, dates, venue
    for old in ("1437", "2015", "Safar", "صفر", "Customer Service Culture",
                "ثقافة خدمة العملاء"):
        assert old not in head, old


@pytest.mark.parametrize("page, title, dates", [
    ("index.html", "ثقافة خدمة العملاء في القطاع الحكومي",
     "5–7 صفر 1437 هـ الموافق 17–19 نوفمبر 2015 م"),
    ("en/index.html", "Customer Service Culture in the Government Sector",
     "17–19 November 2015 (5–7 Safar 1437 AH)"),
])
def test_the_example_home_page(built_site: Path, page: str, title: str, dates: str) -> None:
    shown = article(built_site, page)
    assert re.search(r"<h1>(.*?)</h1>", shown).group(1) == title
    assert text_of(re.search(r'<dd class="waqai-dates">.*?</dd>', shown).group()) == dates


# --- figures, themes and links -----------------------------------------------------------

def test_figures_count_what_the_data_holds(built_site: Path) -> None:
    conference = load("conference.yaml")
    start, end = (dt.date.fromisoformat(conference["dates"][k]) for k in ("start", "end"))
    expected = {
        "items": sum(1 for p in EXAMPLE_PAPERS.iterdir()
                     if p.is_dir() and not p.name.startswith(("_", "."))),
        "sessions": len(load("sessions.yaml")),
        "speakers": len(load("people.yaml")),
        "days": (end - start).days + 1,
    }
    for page, target in (("index.html", {"items": "programme/", "speakers": "people/"}),
                         ("en/index.html", {"days": "programme/", "sessions": "programme/"})):
        figures = re.findall(r'<li data-figure="(\w+)"><a href="([^"]+)">'
                             r'<span class="waqai-figure__count">(\d+)</span>',
                             article(built_site, page))
        assert {name: int(count) for name, _, count in figures} == expected
        assert {name: href for name, href, _ in figures if name in target} == target


def test_themes_and_description_come_from_the_conference(built_site: Path) -> None:
    conference = load("conference.yaml")
    for page, lang in (("index.html", "ar"), ("en/index.html", "en")):
        shown = article(built_site, page)
        themes = re.findall(r"<li>(.*?)</li>", re.search(r'<ol class="waqai-themes">.*?</ol>',
                                                         shown, re.DOTALL).group())
        assert [html.unescape(t) for t in themes] == [t[lang] for t in conference["themes"]]
        assert conference["description"][lang] in html.unescape(shown)


def test_every_link_of_the_home_and_about_pages_resolves(built_site: Path) -> None:
    wanted = {"proceedings.bib", "proceedings.ris", "proceedings.json",
              "proceedings.en.bib", "proceedings.en.ris", "proceedings.en.json"}
    for page in PAGES:
        base = "http://site/" + page[: -len("index.html")]
        seen = set()
        for href in re.findall(r'href="([^"]+)"', article(built_site, page)):
            if urlsplit(href).scheme in ("http", "https"):
                continue  # the official page, the site's own address
            path = urlsplit(urljoin(base, html.unescape(href))).path.lstrip("/")
            target = built_site / (path + "index.html" if path.endswith("/") or not path
                                   else path)
            assert target.is_file(), (page, href)
            seen.add(path)
        if "about" not in page:
            calendar = "programme.en.ics" if page.startswith("en/") else "programme.ics"
            assert wanted | {calendar} <= seen, page


# --- the about page ----------------------------------------------------------------------

def test_the_about_page_names_organisers_publisher_and_the_official_page(
        built_site: Path) -> None:
    conference = load("conference.yaml")
    for page, lang in (("about/index.html", "ar"), ("en/about/index.html", "en")):
        shown = html.unescape(article(built_site, page))
        for organiser in conference["organisers"]:
            assert (f"<dt>{organiser['role'][lang]}</dt><dd class=\"waqai-organiser\">"
                    f"{organiser['name'][lang]}</dd>") in shown
        assert f'<dd class="waqai-publisher">{conference["publisher"][lang]}</dd>' in shown
        official = re.search(r'<a class="waqai-official" href="([^"]+)">', shown)
        assert official.group(1) == conference["official_url"]
        assert "target=" not in official.group()  # opened as a normal link


def test_a_statement_links_its_person_and_names_its_source(built_site: Path) -> None:
    statement = load("conference.yaml")["statements"][0]
    for page, lang, prefix in (("about/index.html", "ar", ""),
                               ("en/about/index.html", "en", "en/")):
        shown = html.unescape(article(built_site, page))
        assert statement["text"][lang] in shown
        assert f"<cite>{statement['source'][lang]}</cite>" in shown
        link = re.search(r'<a class="waqai-person" href="([^"]+)" data-person-id="([^"]+)"', shown)
        assert link.group(2) == statement["person"]
        assert link.group(1) == f"../people/{statement['person']}/"
        assert (built_site / prefix / "people" / statement["person"] / "index.html").is_file()


def test_the_volume_citation_agrees_with_the_exports(built_site: Path) -> None:
    entries = parse_file(str(built_site / "proceedings.bib")).entries
    english = parse_file(str(built_site / "proceedings.en.bib")).entries
    record = {(e.fields["booktitle"], english[key].fields["booktitle"], e.fields["address"],
               e.fields["publisher"], e.fields["year"]) for key, e in entries.items()}
    assert len(record) == 1  # every item of the volume names the same container
    title_ar, title_en, city, publisher, year = record.pop()
    conference = load("conference.yaml")
    arabic = text_of(re.search(r'<p class="waqai-volume-citation">.*?</p>',
                               article(built_site, "about/index.html"), re.DOTALL).group())
    assert arabic == (f"{title_ar} ({title_en}). {city}: {publisher}، {year}. "
                      f"{conference['site_url']}")
    english = text_of(re.search(r'<p class="waqai-volume-citation">.*?</p>',
                                article(built_site, "en/about/index.html"), re.DOTALL).group())
    assert english == (f"{title_en} ({title_ar}). {conference['city']['en']}: "
                       f"{conference['publisher']['en']}, {year}. {conference['site_url']}")


def test_the_about_page_says_waqai_made_the_site_with_latin_isolated(built_site: Path) -> None:
    arabic = article(built_site, "about/index.html")
    assert ('وُلّد هذا الموقع ببرنامج <strong>وقائع</strong> (<bdi lang="en">Waqai</bdi>).'
            in arabic)
    english = article(built_site, "en/about/index.html")
    assert ('This site was generated by <strong>Waqai</strong> (<bdi lang="ar">وقائع</bdi>).'
            in english)


def test_the_about_notes_are_shown_under_their_heading(built_site: Path) -> None:
    notes = (EXAMPLE_PAPERS / "about.en.md").read_text(encoding="utf-8")
    first = notes.split("\n", 1)[0]
    shown = html.unescape(article(built_site, "en/about/index.html"))
    section = re.search(r'<section class="waqai-about-notes">\s*<h2>Notes from the editors</h2>'
                        r"(.*?)</section>", shown, re.DOTALL)
    assert f"<p>{first}</p>" in section.group(1)


# --- the editors' notes: untrusted, both languages or neither ----------------------------

UNSAFE_NOTES = ('Notes <script>alert("notes")</script> with <b onclick="x()">bold</b>.\n\n'
                "[bad](javascript:alert(1)) and [good](https://example.org/).\n")


def test_raw_html_in_the_notes_is_escaped_and_warned_about(project: Path) -> None:
    (project / "papers" / "about.en.md").write_text(UNSAFE_NOTES, encoding="utf-8")
    check = run_waqai(project, "check")
    assert check.code == 0, check.output
    assert "papers/about.en.md:1: warning: contains raw HTML (`<script>`, `</script>`" \
        in check.output
    section = re.search(r'<section class="waqai-about-notes">.*?</section>',
                        article(build(project), "en/about/index.html"), re.DOTALL).group()
    assert set(re.findall(r"<(\w+)", section)) == {"section", "h2", "p", "a"}
    assert "&lt;script&gt;" in section  # shown as the text the editor wrote
    assert 'href="javascript' not in section  # a link to another scheme stays the text written
    assert "[bad](javascript:alert(1))" in section
    assert '<a href="https://example.org/" rel="nofollow noopener noreferrer">good</a>' in section


@pytest.mark.parametrize("kept, missing", [("ar", "en"), ("en", "ar")])
def test_notes_in_one_language_only_are_a_problem(project: Path, kept: str,
                                                  missing: str) -> None:
    (project / "papers" / f"about.{missing}.md").unlink()
    check = run_waqai(project, "check")
    assert check.code == 1
    assert f"papers/about.{missing}.md: error: is missing." in check.output
    assert f"Write about.{missing}.md as well" in check.output
    assert f"or delete about.{kept}.md" in check.output


def test_an_empty_notes_file_is_a_problem(project: Path) -> None:
    (project / "papers" / "about.ar.md").write_text("\n", encoding="utf-8")
    check = run_waqai(project, "check")
    assert check.code == 1
    assert "papers/about.ar.md: error: is empty." in check.output


def test_without_notes_the_about_page_has_no_notes_section(project: Path) -> None:
    for lang in ("ar", "en"):
        (project / "papers" / f"about.{lang}.md").unlink()
    site = build(project)
    for page in ("about/index.html", "en/about/index.html"):
        shown = article(site, page)
        assert "waqai-about-notes" not in shown
        assert 'class="waqai-volume-citation"' in shown


# --- a hand-written page wins ------------------------------------------------------------

def test_hand_written_home_and_about_pages_win(project: Path) -> None:
    docs = project / "docs"
    (docs / "index.ar.md").write_text("# صفحة مكتوبة باليد\n\nكلمات يدوية.\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# A hand-written home\n\nHandwritten words.\n",
                                      encoding="utf-8")
    (docs / "about.en.md").write_text("# About, by hand\n\nOur own about words.\n",
                                      encoding="utf-8")
    site = build(project)
    arabic = (site / "index.html").read_text(encoding="utf-8")
    english = (site / "en/index.html").read_text(encoding="utf-8")
    assert "كلمات يدوية" in arabic and 'class="waqai-home"' not in arabic
    assert "Handwritten words" in english and 'class="waqai-home"' not in english
    about = (site / "en/about/index.html").read_text(encoding="utf-8")
    assert "Our own about words" in about and 'class="waqai-about"' not in about
    # Only the English about page was written by hand: the Arabic one is still generated.
    assert 'class="waqai-about"' in (site / "about/index.html").read_text(encoding="utf-8")
    rows = [row for path in (site / "search" / "en").glob("d*.json")
            for row in json.loads(path.read_text(encoding="utf-8"))]
    assert [row[0] for row in rows].count("en/") == 1  # the hand-written page's record
