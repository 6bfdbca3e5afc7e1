"""Issue 13, reader details: when and where on a paper's page, the day at a glance, the
event's time zone named, and every interface word in the page's language.

The example's sources give no times or rooms, so `timed_site` builds a copy of the fixture
in which day 1 has invented ones (test data only): the keynote in the main hall; sessions 1
and 2 at the same time in two rooms; the panel timed but without a room; session 3 in the
main hall without a time, chaired by one person; the workshop with neither.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_project, run_waqai
from factories import make_session
from interface_language import foreign_words
from test_bad_inputs import edit
from waqai.data.model import Text
from waqai.site.pages.glance import day_table
from waqai.text.zones import utc_offset

MAIN = '  room: {ar: "القاعة الكبرى", en: "Main hall"}\n'
TIMES = {  # sessions.yaml `order` on day 1 -> what the test adds to that session
    1: '  start: "09:00"\n  end: "09:30"\n' + MAIN,
    2: '  start: "09:45"\n  end: "11:00"\n' + MAIN,
    3: '  start: "09:45"\n  end: "11:00"\n  room: {ar: "القاعة ب", en: "Hall B"}\n',
    4: '  start: "11:15"\n  end: "12:00"\n',
    5: MAIN + "  chairs: [nayef-alomari]\n",
}


@pytest.fixture(scope="module")
def timed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("timed") / "project")
    for order, added in TIMES.items():
        day_and_order = f'  day: "2015-11-17"\n  order: {order}\n'
        edit(project / "papers/sessions.yaml", day_and_order, day_and_order + added)
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def meta_list(html: str) -> dict[str, str]:
    """The label -> value pairs of a page's first `waqai-meta` list, as plain text."""
    block = re.search(r'<dl class="waqai-meta">(.*?)</dl>', html, re.S)
    assert block, "no waqai-meta list"
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", block.group(1), re.S)
    return {text_of(label): text_of(value) for label, value in pairs}


# -- The paper page: when and where ------------------------------------------------------

def test_paper_page_shows_day_time_zone_and_room_in_arabic(timed_site: Path) -> None:
    html = page(timed_site, "papers/patient-experience")
    assert meta_list(html) == {
        "ضمن الجلسة": "الكلمة الرئيسية",
        "اليوم": "الثلاثاء 5 صفر 1437 هـ الموافق 17 نوفمبر 2015 م",
        "الوقت": "09:00–09:30 Asia/Riyadh (UTC+03:00)",
        "القاعة": "القاعة الكبرى",
    }
    assert 'class="waqai-session-link" href="../../sessions/keynote/"' in html
    assert 'class="waqai-session-day" href="../../programme/2015-11-17/"' in html


def test_paper_page_shows_day_time_zone_and_room_in_english(timed_site: Path) -> None:
    assert meta_list(page(timed_site, "en/papers/patient-experience")) == {
        "Part of session": "Keynote address",
        "Day": "Tuesday 17 November 2015 (5 Safar 1437 AH)",
        "Time": "09:00–09:30 Asia/Riyadh (UTC+03:00)",
        "Room": "Main hall",
    }


def test_paper_page_shows_only_what_its_session_has(timed_site: Path) -> None:
    """Session 3 has a room and a chair but no time; the workshop has neither."""
    assert meta_list(page(timed_site, "en/papers/absher")) == {
        "Part of session": "Prominent local experiences in serving government-sector customers",
        "Day": "Tuesday 17 November 2015 (5 Safar 1437 AH)",
        "Room": "Main hall",
        "Chair": "Nayef bin Saleh Al-Omari",
    }
    assert list(meta_list(page(timed_site, "papers/ten-strategies"))) == ["ضمن الجلسة", "اليوم"]


def test_the_time_is_isolated_and_the_zone_marked_left_to_right(timed_site: Path) -> None:
    html = page(timed_site, "papers/patient-experience")
    assert ('<bdi>09:00–09:30</bdi>\n      <span class="waqai-zone"><bdi>Asia/Riyadh</bdi> '
            '(<bdi dir="ltr">UTC+03:00</bdi>)</span>') in html


# -- The day at a glance -----------------------------------------------------------------

class TableReader(HTMLParser):
    """The first <table> of a page: its caption, header row and body rows, as text; each
    body cell as the ids of the sessions it links."""

    def __init__(self) -> None:
        super().__init__()
        self.caption = ""
        self.head: list[str] = []
        self.rows: list[tuple[str, list[list[str]]]] = []
        self.where: list[str] = []
        self.done = False
        self.scopes: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.done or (tag != "table" and "table" not in self.where):
            return
        self.where.append(tag)
        if tag in ("th", "td", "caption"):
            self.text = ""
            self.scopes.append(values.get("scope") or tag)
        if tag == "tr" and "tbody" in self.where:
            self.rows.append(("", []))
        if tag == "td":
            self.rows[-1][1].append([])
        if tag == "a" and "td" in self.where:
            self.rows[-1][1][-1].append(values["data-session-id"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self.done or "table" not in self.where:
            return
        if tag in ("th", "caption", "td"):
            scope, text = self.scopes.pop(), " ".join(self.text.split())
            if scope == "caption":
                self.caption = text
            elif scope == "col":
                self.head.append(text)
            elif scope == "row":
                self.rows[-1] = (text, self.rows[-1][1])
        while self.where and self.where.pop() != tag:
            pass
        self.done = tag == "table"

    def handle_data(self, data: str) -> None:
        self.text += data


def first_table(html: str) -> TableReader:
    reader = TableReader()
    reader.feed(html)
    assert reader.done, "no table on the page"
    return reader


EXPECTED_ROWS = [  # (row header, session ids per column: main hall, hall B, no room)
    ("09:00–09:30", [["keynote"], [], []]),
    ("09:45–11:00", [["s1-service-quality"], ["s2-organisational-environment"], []]),
    ("11:15–12:00", [[], [], ["panel-1"]]),
    (None, [["s3-local-experiences"], [], []]),
    (None, [[], [], ["workshop"]]),
]


@pytest.mark.parametrize(("path", "lang"), [("programme", "ar"), ("en/programme", "en"),
                                            ("programme/2015-11-17", "ar"),
                                            ("en/programme/2015-11-17", "en")])
def test_the_day_at_a_glance_puts_each_session_in_its_slot_and_room(
        timed_site: Path, path: str, lang: str) -> None:
    table = first_table(page(timed_site, path))
    no_time = {"ar": "دون وقت محدد", "en": "No time given"}[lang]
    assert table.rows == [(time or no_time, cells) for time, cells in EXPECTED_ROWS]
    assert (table.caption, table.head) == {
        "ar": ("اليوم في لمحة", ["الوقت", "القاعة الكبرى", "القاعة ب", "دون قاعة محددة"]),
        "en": ("The day at a glance", ["Time", "Main hall", "Hall B", "No room given"]),
    }[lang]


def test_the_table_is_marked_up_for_readers_and_material(timed_site: Path) -> None:
    html = page(timed_site, "programme")
    table = re.search(r"<table>.*?</table>", html, re.S)
    assert table, "a table without a class: Material styles only those"
    assert table.group().count('<th scope="row">') == len(EXPECTED_ROWS)
    assert table.group().count('<th scope="col">') == 4
    assert '<th scope="row"><bdi>09:45–11:00</bdi></th>' in table.group()
    assert "<span class=\"waqai-kind\">جلسة علمية</span>" in table.group()


def test_the_programme_lists_no_paper_twice(timed_site: Path) -> None:
    html = page(timed_site, "programme")
    ids = re.findall(r'href="\.\./papers/([^/]+)/"', html)
    assert ids and len(ids) == len(set(ids))


def test_a_day_without_times_or_rooms_has_no_table(built_site: Path) -> None:
    """The example as it is: a table would repeat the list of sessions, and say nothing."""
    assert "<table" not in page(built_site, "programme")


def test_day_table_with_two_parallel_rooms() -> None:
    a, b = Text("أ", "A"), Text("ب", "B")
    nine, ten = dt.time(9), dt.time(10)
    sessions = [make_session("x", order=1, start=nine, end=ten, room=b),
                make_session("y", order=2, start=nine, end=ten, room=a),
                make_session("z", order=3, start=ten, room=b),
                make_session("w", order=4, start=nine, end=ten, room=b)]
    table = day_table(sessions, [{"id": s.id} for s in sessions], "en")
    assert table is not None
    assert table["columns"] == ["B", "A"]  # in the order the programme first uses them
    assert [(row["time"], [[s["id"] for s in cell] for cell in row["cells"]])
            for row in table["rows"]] == [("09:00–10:00", [["x", "w"], ["y"]]),
                                          ("10:00", [["z"], []])]


def test_day_table_of_sessions_with_times_and_no_rooms_has_one_session_column() -> None:
    sessions = [make_session("x", start=dt.time(9)), make_session("y", order=2)]
    table = day_table(sessions, [{"id": s.id} for s in sessions], "ar")
    assert table is not None
    assert table["columns"] == ["الجلسة"]
    assert [row["time"] for row in table["rows"]] == ["09:00", ""]


# -- The time zone -----------------------------------------------------------------------

@pytest.mark.parametrize(("path", "expected"), [
    ("programme", "التوقيت: Asia/Riyadh (UTC+03:00)"),
    ("en/programme", "Times are in Asia/Riyadh (UTC+03:00)"),
    ("programme/2015-11-18", "التوقيت: Asia/Riyadh (UTC+03:00)"),
    ("en/programme/2015-11-18", "Times are in Asia/Riyadh (UTC+03:00)"),
])
def test_programme_and_day_pages_name_the_zone(built_site: Path, path: str,
                                               expected: str) -> None:
    found = re.search(r'<p class="waqai-timezone">(.*?)</p>', page(built_site, path), re.S)
    assert found and text_of(found.group(1)) == expected


def test_utc_offsets_follow_the_zone_and_the_season() -> None:
    assert utc_offset("Asia/Riyadh", dt.date(2015, 11, 17)) == "UTC+03:00"
    assert utc_offset("Asia/Kolkata", dt.date(2024, 1, 1)) == "UTC+05:30"
    assert utc_offset("America/St_Johns", dt.date(2024, 1, 1)) == "UTC-03:30"
    assert utc_offset("Europe/London", dt.date(2024, 1, 1)) == "UTC"
    assert utc_offset("Europe/London", dt.date(2024, 7, 1)) == "UTC+01:00"


# -- Every interface word in the page's language ------------------------------------------

def built_pages(site: Path) -> list[tuple[str, str]]:
    """(path, language) of every HTML page of a built site."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if not relative.startswith(("assets/", "search/")):
            pages.append((relative, "en" if relative.startswith("en/") else "ar"))
    return pages


def test_no_interface_word_in_the_other_language(timed_site: Path) -> None:
    """Across the whole site (header, tabs, sidebar, footer, titles, labels, the table,
    the 404 page): Arabic pages show no Latin word, English pages no Arabic one, except
    where marked as another language, isolated, or written by people."""
    pages = built_pages(timed_site)
    assert {"404.html", "papers/absher/index.html", "en/programme/index.html"} <= {
        path for path, _ in pages}
    wrong = {path: words for path, lang in pages
             if (words := foreign_words((timed_site / path).read_text("utf-8"), lang))}
    assert wrong == {}


def test_the_language_check_finds_what_main_had() -> None:
    """What the check is for: Material's English footer on an Arabic page, an English
    language name not marked as English, attributes (a search box's placeholder too),
    Arabic in an English label."""
    arabic = ('<html lang="ar" dir="rtl"><body dir="rtl"><header aria-label="Header">'
              '<a hreflang="en">English</a><a hreflang="en" lang="en">English</a>'
              '<input dir="auto" placeholder="Search"></header>'
              '<div class="md-content__inner"><p>بشر Bob</p>'
              '<dl class="waqai-meta"><dt>Room</dt><dd><bdi>Asia/Riyadh</bdi></dd></dl>'
              '<section class="waqai-abstract"><h2>Abstract</h2><p>SMS</p></section></div>'
              '<footer>Made with <a>Material for MkDocs</a></footer></body></html>')
    assert foreign_words(arabic, "ar") == ["Header", "English", "Search", "Room", "Abstract",
                                           "Made with", "Material for MkDocs"]
    english = ('<html lang="en"><body><p class="waqai-x">Day: <span>اليوم</span> '
               '<span lang="ar">اليوم</span></p></body></html>')
    assert foreign_words(english, "en") == ["اليوم"]


def test_the_footer_speaks_the_page_language(built_site: Path) -> None:
    def footer(path: str) -> str:
        found = re.search(r'<div class="md-copyright">(.*?)</div>\s*</div>',
                          (built_site / path).read_text("utf-8"), re.S)
        assert found, path
        return text_of(found.group(1))

    assert footer("index.html") == "صُنع باستخدام Material for MkDocs"
    assert footer("en/papers/absher/index.html") == "Made with Material for MkDocs"


def test_the_404_page_speaks_both_languages_each_marked(built_site: Path) -> None:
    html = (built_site / "404.html").read_text("utf-8")
    assert '<section class="waqai-not-found" lang="ar" dir="rtl">' in html
    assert '<section class="waqai-not-found" lang="en" dir="ltr">' in html
    assert "404 - Not found" not in html
    assert '<a href="/csc-2015/en/">Home</a>' in html


def test_the_language_switcher_marks_each_language_name(built_site: Path) -> None:
    html = page(built_site, "en/people")
    assert re.search(r'hreflang="ar" lang="ar" dir="rtl" class="md-select__link">\s*العربية',
                     html)


@pytest.mark.parametrize(("lang", "label", "copied"), [("ar", "نسخ BibTeX", "نُسخ"),
                                                       ("en", "Copy BibTeX", "Copied")])
def test_the_copy_button_answers_in_the_page_language(browser, site_server: str, lang: str,
                                                      label: str, copied: str) -> None:
    """Clicked, it says it copied, in the page's words; left, it reads as before, its
    format name still isolated."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"],
                              origin=re.match(r"https?://[^/]+", site_server).group(0))
    try:
        tab = context.new_page()
        tab.goto(site_server + ("" if lang == "ar" else "en/") + "papers/absher/")
        button = tab.locator("[data-waqai-copy]").first
        assert " ".join(button.inner_text().split()) == label
        button.click()
        tab.wait_for_function("el => el.dataset.waqaiShowing", arg=button.element_handle())
        assert button.inner_text() == copied
        tab.locator("h1").click()  # the button loses focus
        assert " ".join(button.inner_text().split()) == label
        assert button.locator("bdi").inner_text() == "BibTeX"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("path", ["papers/absher/", "programme/"])
def test_the_live_page_speaks_one_language(browser, site_server: str, path: str,
                                           lang: str) -> None:
    """The same check on the page as scripts leave it: the search box in the header (its
    placeholder, labels and buttons) is built by waqai-search.js."""
    tab = browser.new_page()
    try:
        tab.goto(site_server + ("" if lang == "ar" else "en/") + path)
        tab.wait_for_selector(".waqai-search input[placeholder]", state="attached")
        assert foreign_words(tab.content(), lang) == []
    finally:
        tab.close()
