"""Issue 31: the speaker index and the programme stay small at any size.

Past the bounds of one page (site/pages/bounds.py) the speaker index becomes a list of
letters with a page per letter (split into numbered pages when a letter is long), and
the programme and the day pages list sessions in brief or days instead of every item.

The volumes are synthetic (`write_synthetic`, every title marked «[اصطناعي]» /
"[synthetic]"), built with the bounds lowered through the plugin's options so that
200 papers pass them; one build keeps the real bounds, at 1,000 papers. The ACL
Anthology's WANLP 2022 volume (real names, Latin script only) gives an English index
of many letters. What each page must list is read from the data files themselves,
never from the code under test.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from anthology_volume import WANLP_2022, write_volume
from conftest import copy_project, copy_tool, run_waqai
from test_incremental import files_under, serve_twice

PAPERS = 200
# Lowered so that 200 papers pass them: letters of more than 20 people, days of 40 items
# in parts of two sessions, and the programme listing days.
BOUNDED = {"people_per_page": 20, "items_per_page": 30, "sessions_per_page": 2}
# The same, but every session fits in the programme, which then lists sessions.
SESSIONS_FIT = {**BOUNDED, "sessions_per_page": 30}
ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
HAMZA_SEATS = str.maketrans("أإآ", "ااا")
ROOTS = {"ar": "", "en": "en/"}
MAX_PAGE_BYTES = 150 * 1024  # the ceiling for one page's HTML


# -- the volumes ----------------------------------------------------------------------

def set_bounds(project: Path, bounds: dict[str, int]) -> None:
    """Give the project's `proceedings` plugin these options (plugin config, mkdocs.yml)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "      data_dir: papers\n"
    assert anchor in text
    options = "".join(f"      {name}: {value}\n" for name, value in bounds.items())
    config.write_text(text.replace(anchor, anchor + options), encoding="utf-8")


def built(project: Path) -> Path:
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


@pytest.fixture(scope="module")
def synthetic_papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from waqai.bench.synthetic import write_synthetic

    dest = tmp_path_factory.mktemp("synthetic") / "generated"
    write_synthetic(dest, PAPERS)
    return dest / "papers"


def bounded_project(root: Path, papers: Path, bounds: dict[str, int]) -> Path:
    project = copy_project(root / "project", papers)
    set_bounds(project, bounds)
    return project


@pytest.fixture(scope="module")
def site(synthetic_papers: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(bounded_project(tmp_path_factory.mktemp("bounded"), synthetic_papers, BOUNDED))


@pytest.fixture(scope="module")
def sessions_site(synthetic_papers: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(bounded_project(tmp_path_factory.mktemp("fit"), synthetic_papers, SESSIONS_FIT))


@pytest.fixture(scope="module")
def anthology_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_tool(tmp_path_factory.mktemp("wanlp") / "project")
    write_volume(WANLP_2022, project / "papers")
    set_bounds(project, {"people_per_page": 10})
    return built(project)


@dataclass(frozen=True)
class Volume:
    """What the data files say, read with PyYAML alone."""

    people: dict[str, dict]
    sessions: dict[str, dict]
    items: dict[str, list[str]]  # session id -> its items' ids, in order

    def days(self) -> list[str]:
        return sorted({entry["day"] for entry in self.sessions.values()})

    def sessions_on(self, day: str) -> list[str]:
        on_day = [(entry["order"], sid) for sid, entry in self.sessions.items()
                  if entry["day"] == day]
        return [sid for _, sid in sorted(on_day)]


def read_volume(papers: Path) -> Volume:
    def load(path: Path) -> dict:
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    sessions = load(papers / "sessions.yaml")
    found: dict[str, list[tuple[int, str]]] = {sid: [] for sid in sessions}
    for paper in papers.glob("*/paper.yaml"):
        data = load(paper)
        found[data["session"]].append((data["order"], data["id"]))
    return Volume(load(papers / "people.yaml"), sessions,
                  {sid: [pid for _, pid in sorted(items)] for sid, items in found.items()})


@pytest.fixture(scope="module")
def volume(synthetic_papers: Path) -> Volume:
    return read_volume(synthetic_papers)


def arabic_letter(entry: dict) -> str:
    """The letter an Arabic index files a synthetic person under: the family name's first
    letter after «ال», hamza seats as alef (every synthetic family name has «ال»)."""
    family = entry["name"]["family"]
    assert family.startswith("ال")
    return family[2:].translate(HAMZA_SEATS)[0]


# -- reading pages ------------------------------------------------------------------------

def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def target(url: str, href: str) -> str:
    """The URL (site path of a folder, "" for the root, else ending in /) that `href` on
    the page at `url` leads to."""
    resolved = posixpath.normpath(posixpath.join(url, href))
    return "" if resolved == "." else resolved + "/"


def listed_people(html: str) -> list[tuple[str, str]]:
    """(person id, link) of each entry of an index page."""
    return re.findall(r'<li data-person-id="([^"]+)"><a href="([^"]+)">', html)


def paper_ids_of(html: str) -> set[str]:
    return set(re.findall(r'data-paper-id="([^"]+)"', html))


def letter_list(html: str) -> list[tuple[str, str, int]]:
    """(letter, link, count) of each letter of an index that lists letters."""
    return [(letter, href, int(count)) for letter, href, count in re.findall(
        r'<li data-letter="([^"]+)"><a href="([^"]+)"><bdi>[^<]+</bdi></a> '
        r'<span class="waqai-count">\((\d+)\)</span>', html)]


def part_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="waqai-parts".*?</nav>', html, re.S)
    return re.findall(r'<li><a href="([^"]+)"', nav.group(0)) if nav else []


def section_letter(html: str) -> str | None:
    found = re.search(r'<section class="waqai-letter" data-letter="([^"]+)">', html)
    return found.group(1) if found else None


def letter_pages(site: Path, lang: str) -> dict[str, str]:
    """URL -> HTML of every letter page of a language, found by walking `names/`: a page
    with a letter's section."""
    root = site / ROOTS[lang] / "names"
    pages = {}
    for file in sorted(root.glob("*/index.html")) + sorted(root.glob("*/*/index.html")):
        html = file.read_text(encoding="utf-8")
        if section_letter(html) is not None:
            pages[file.parent.relative_to(site).as_posix() + "/"] = html
    return pages


def switch_target(html: str, url: str, lang: str) -> str:
    """Where the page's language switch leads for `lang`."""
    href = re.search(rf'<a href="([^"]+)" hreflang="{lang}" lang="{lang}"', html).group(1)
    return target(url, href)


def sitemap(site: Path) -> dict[str, list[str]]:
    """Each URL of the sitemap -> its alternates' languages, the path of site_url cut off."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = {}
    for entry in re.findall(r"<url>.*?</url>", text, re.S):
        loc = re.search(r"<loc>https?://[^/]+/[^/]+/([^<]*)</loc>", entry).group(1)
        entries[loc] = re.findall(r'hreflang="([a-z]+)"', entry)
    return entries


# -- the speaker index by letter ---------------------------------------------------------

@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_person_is_on_one_letter_page_and_linked_to_their_page(
        site: Path, volume: Volume, lang: str) -> None:
    pages = letter_pages(site, lang)
    seen = Counter(pid for html in pages.values() for pid, _ in listed_people(html))
    assert seen.keys() == volume.people.keys()
    assert set(seen.values()) == {1}
    for url, html in pages.items():
        for pid, href in listed_people(html):
            assert target(url, href) == f"{ROOTS[lang]}people/{pid}/"
            assert (site / target(url, href) / "index.html").is_file()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_index_lists_letters_whose_pages_hold_all_their_people(
        site: Path, lang: str) -> None:
    index_url = f"{ROOTS[lang]}people/"
    index = html_of(site, index_url)
    assert "data-person-id" not in index  # letters only
    pages = letter_pages(site, lang)
    reached = set()
    for letter, href, count in letter_list(index):
        first = target(index_url, href)
        parts = [target(first, link) for link in part_links(pages[first])] or [first]
        assert parts[0] == first
        assert sum(len(listed_people(pages[part])) for part in parts) == count
        assert {section_letter(pages[part]) for part in parts} == {letter}
        reached.update(parts)
    assert reached == pages.keys()  # no letter page the index does not lead to


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_letter_pages_hold_at_most_the_bound(site: Path, lang: str) -> None:
    sizes = [len(listed_people(html)) for html in letter_pages(site, lang).values()]
    assert max(sizes) == BOUNDED["people_per_page"]  # some letter is split …
    assert min(sizes) >= 1  # … and no page is empty


def test_arabic_letters_come_alef_to_ya_with_hamza_under_alef(site: Path, volume: Volume) -> None:
    letters = [letter for letter, _, _ in letter_list(html_of(site, "people/"))]
    expected = {arabic_letter(entry) for entry in volume.people.values()}
    assert letters == sorted(expected, key=ALPHABET.index)
    pages = letter_pages(site, "ar")
    filed = {pid: section_letter(html) for html in pages.values() for pid, _ in listed_people(html)}
    assert filed == {pid: arabic_letter(entry) for pid, entry in volume.people.items()}
    # «الأحمدي» files as «أحمدي», under alef: the case the hamza rule is for.
    with_hamza = [pid for pid, entry in volume.people.items()
                  if entry["name"]["family"] == "الأحمدي"]
    assert with_hamza and {filed[pid] for pid in with_hamza} == {"ا"}


def test_the_english_index_runs_a_to_z(anthology_site: Path) -> None:
    letters = [letter for letter, _, _ in letter_list(html_of(anthology_site, "en/people/"))]
    named = [letter for letter in letters if letter != "#"]
    assert len(named) > 15 and named == sorted(named)
    assert all(len(letter) == 1 and "A" <= letter <= "Z" for letter in named)


@pytest.mark.parametrize("volume_site, lang", [("site", "ar"), ("anthology_site", "en")])
def test_letter_pages_link_the_previous_and_next_letter(request: pytest.FixtureRequest,
                                                        volume_site: str, lang: str) -> None:
    site = request.getfixturevalue(volume_site)  # the synthetic English index has one letter
    index_url = f"{ROOTS[lang]}people/"
    firsts = [target(index_url, href) for _, href, _ in letter_list(html_of(site, index_url))]
    assert len(firsts) > 1
    for at, url in enumerate(firsts):
        html = html_of(site, url)
        steps = {rel: target(url, href)
                 for href, rel in re.findall(r'<a href="([^"]+)" rel="(prev|next)">', html)}
        assert steps.get("prev") == (firsts[at - 1] if at else None)
        assert steps.get("next") == (firsts[at + 1] if at + 1 < len(firsts) else None)


def test_the_parts_of_a_letter_name_each_other_and_mark_their_own(site: Path) -> None:
    first = "en/names/a/"  # every synthetic romanised family name starts with "Al"
    parts = [target(first, link) for link in part_links(html_of(site, first))]
    assert parts == [first] + [f"{first}{n}/" for n in range(2, len(parts) + 1)]
    for url in parts:
        html = html_of(site, url)
        assert [target(url, link) for link in part_links(html)] == parts
        current = re.findall(r'<a href="([^"]+)" aria-current="page">', html)
        assert [target(url, link) for link in current] == [url]


def test_letter_slugs_are_ascii_and_shared_where_the_letter_is(anthology_site: Path,
                                                               site: Path) -> None:
    for where in (site, anthology_site):
        for lang in ROOTS:
            for url in letter_pages(where, lang):
                assert re.fullmatch(r"(en/)?names/[a-z]+/(\d+/)?", url), url
    # The Anthology's people have Latin names only: both indexes file them under the
    # same letters, so each letter page has its partner, listing the same people.
    arabic, english = letter_pages(anthology_site, "ar"), letter_pages(anthology_site, "en")
    assert {f"en/{url}" for url in arabic} == english.keys()
    for url, html in arabic.items():
        partner = english[f"en/{url}"]
        assert listed_people(partner) and ({pid for pid, _ in listed_people(html)}
                                           == {pid for pid, _ in listed_people(partner)})
        assert switch_target(html, url, "en") == f"en/{url}"
        assert switch_target(partner, f"en/{url}", "ar") == url


def test_a_letter_of_one_index_only_switches_to_the_other_index(site: Path) -> None:
    arabic_only = "names/ain/"
    html = html_of(site, arabic_only)
    assert not (site / "en" / arabic_only).exists()
    assert switch_target(html, arabic_only, "en") == "en/people/"
    head = html[:html.index("</head>")]
    assert 'hreflang="en"' not in head and 'hreflang="ar"' in head
    english_only = "en/names/a/2/"
    assert not (site / "names/a").exists()
    assert switch_target(html_of(site, english_only), english_only, "ar") == "people/"


def test_every_letter_and_day_page_is_in_the_sitemap(site: Path) -> None:
    entries = sitemap(site)
    letters = {**letter_pages(site, "ar"), **letter_pages(site, "en")}
    days = [file.parent.relative_to(site).as_posix() + "/"
            for file in site.glob("**/programme/*/**/index.html")]
    assert letters and len(days) > 10
    for url in [*letters, *days]:
        assert url in entries, url
    assert entries["names/ain/"] == ["ar"]  # in one language, with no false partner
    assert entries["en/names/a/2/"] == ["en"]
    assert sorted(entries["programme/2024-10-13/2/"]) == ["ar", "en"]


# -- the programme by day and session -----------------------------------------------------

def day_sessions(html: str) -> list[tuple[str, str, str]]:
    """(session id, link, what the entry says of its items) of each session a day lists."""
    return re.findall(r'<section class="waqai-day-session" data-session-id="([^"]+)">\s*'
                      r'<h[23]><a href="([^"]+)">.*?(?:<p class="waqai-count">([^<]*)</p>)?'
                      r'\s*</section>', html, re.S)


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_programme_lists_each_day_with_its_numbers(site: Path, volume: Volume,
                                                       lang: str) -> None:
    url = f"{ROOTS[lang]}programme/"
    html = html_of(site, url)
    assert "data-paper-id" not in html and "waqai-day-session" not in html
    days = re.findall(r'<section class="waqai-day" data-date="([^"]+)">\s*<h2><a href="([^"]+)">'
                      r'.*?<p class="waqai-count">([^<]+)</p>', html, re.S)
    assert [day for day, _, _ in days] == volume.days()
    for day, href, counts in days:
        assert target(url, href) == f"{url}{day}/"
        sessions = volume.sessions_on(day)
        assert numbers(counts) == [len(sessions), sum(len(volume.items[s]) for s in sessions)]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_each_days_pages_list_its_sessions_in_brief(site: Path, volume: Volume,
                                                    lang: str) -> None:
    for day in volume.days():
        first = f"{ROOTS[lang]}programme/{day}/"
        parts = [target(first, link) for link in part_links(html_of(site, first))]
        assert len(parts) > 1
        listed = []
        for url in parts:
            html = html_of(site, url)
            assert "data-paper-id" not in html
            entries = day_sessions(html)
            assert 1 <= len(entries) <= BOUNDED["sessions_per_page"]
            for sid, href, count in entries:
                assert target(url, href) == f"{ROOTS[lang]}sessions/{sid}/"
                assert numbers(count) == [len(volume.items[sid])]
            listed += [sid for sid, _, _ in entries]
        assert listed == volume.sessions_on(day)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_each_session_page_still_lists_its_items(site: Path, volume: Volume, lang: str) -> None:
    for sid, items in volume.items.items():
        html = html_of(site, f"{ROOTS[lang]}sessions/{sid}/")
        assert re.findall(r'<li class="waqai-item" data-paper-id="([^"]+)"', html) == items


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_programme_whose_sessions_fit_lists_them(sessions_site: Path, volume: Volume,
                                                   lang: str) -> None:
    url = f"{ROOTS[lang]}programme/"
    html = html_of(sessions_site, url)
    assert "data-paper-id" not in html
    entries = day_sessions(html)
    assert [sid for sid, _, _ in entries] == [sid for day in volume.days()
                                              for sid in volume.sessions_on(day)]
    for sid, href, count in entries:
        assert target(url, href) == f"{ROOTS[lang]}sessions/{sid}/"
        assert numbers(count) == [len(volume.items[sid])]
    for day in volume.days():  # each day on one page, its sessions in brief
        day_html = html_of(sessions_site, f"{url}{day}/")
        assert part_links(day_html) == [] and "data-paper-id" not in day_html
        assert [sid for sid, _, _ in day_sessions(day_html)] == volume.sessions_on(day)


# -- what the build checks, and what check refuses ----------------------------------------

def test_the_after_build_check_follows_the_pages(site: Path, synthetic_papers: Path,
                                                 tmp_path: Path) -> None:
    from waqai.data.checks import validate
    from waqai.site.invariants import check_site
    from waqai.site.pages import SitePlan
    from waqai.site.pages.bounds import PageBounds

    proc = validate(synthetic_papers.parent).proceedings
    assert proc is not None
    plan = SitePlan(proc, PageBounds(people=20, items=30, sessions=2))
    assert check_site(proc, site, plan=plan) == []
    copy = Path(shutil.copytree(site, tmp_path / "site"))
    letter = copy / "names/ain/index.html"
    person = listed_people(letter.read_text(encoding="utf-8"))[0][0]
    day = copy / "en/programme/2024-10-13/2/index.html"
    session = day_sessions(day.read_text(encoding="utf-8"))[0][0]
    for page, attribute in ((letter, f'data-person-id="{person}"'),
                            (day, f'data-session-id="{session}"')):
        html = page.read_text(encoding="utf-8")
        assert attribute in html
        page.write_text(html.replace(attribute, 'data-removed="1"'), encoding="utf-8")
    assert check_site(proc, copy, plan=plan) == [
        f"{session}: missing from its day's page en/programme/2024-10-13/2/index.html.",
        f"{person}: missing from the speaker index names/ain/index.html."]


def test_a_person_whose_id_is_a_letters_address_keeps_both_pages(project: Path) -> None:
    # Nayef Alomari («نايف العمري») is filed under «ع», whose letter page is names/ain/.
    for name in ("people.yaml", "labour-services/paper.yaml"):
        file = project / "papers" / name
        text = file.read_text(encoding="utf-8")
        assert "nayef-alomari" in text
        file.write_text(text.replace("nayef-alomari", "ain"), encoding="utf-8")
    set_bounds(project, {"people_per_page": 1})
    site = built(project)
    assert "labour-services" in paper_ids_of(html_of(site, "people/ain/"))
    parts = [file.read_text(encoding="utf-8") for file in site.glob("names/ain/**/index.html")]
    assert {section_letter(html) for html in parts} == {"ع"}
    assert "ain" in {pid for html in parts for pid, _ in listed_people(html)}


# -- serve --------------------------------------------------------------------------------

@pytest.mark.parametrize("edit", [
    ('given: "خالد", nasab: "بن عبدالرحمن", family: "الخالدي"',
     'given: "خليل", nasab: "بن عبدالرحمن", family: "الخالدي"'),  # a given name
    ('given: "خالد", nasab: "بن عبدالرحمن", family: "الخالدي"',
     'given: "خالد", nasab: "بن عبدالرحمن", family: "البلوي"'),  # to another letter
])
def test_a_name_edited_while_serving_reaches_its_letter_page(
        synthetic_papers: Path, tmp_path: Path, edit: tuple[str, str]) -> None:
    project = bounded_project(tmp_path, synthetic_papers, BOUNDED)
    people = (project / "papers/people.yaml").read_text(encoding="utf-8")
    assert people.count(edit[0]) == 1  # khalid-alkhalidi-1, the first person
    served = tmp_path / "served"
    made, changed = serve_twice(project, served,
                                f"papers/people.yaml=>{edit[0]}=>{edit[1]}").split()
    assert made == "partial" and int(changed) > 0  # only the pages the name is on
    new_name = re.search(r'given: "([^"]+)"[^}]*family: "([^"]+)"', edit[1]).groups()
    pages = letter_pages(served, "ar")
    holding = [html for html in pages.values()
               if "khalid-alkhalidi-1" in dict(listed_people(html))]
    assert len(holding) == 1 and all(part in holding[0] for part in new_name)
    expected = files_under(built(project))
    got = files_under(served)
    assert got.keys() == expected.keys()
    assert [name for name in expected if got[name] != expected[name]] == []


def test_an_abstract_is_still_read_by_its_own_page_alone(synthetic_papers: Path) -> None:
    """`serve`'s shortcut for an abstract edit holds for the letter and day pages too."""
    from dataclasses import replace

    from waqai.data.checks import validate
    from waqai.data.model import Text
    from waqai.site.generated import GeneratedPages
    from waqai.site.incremental import page_digests
    from waqai.site.pages.bounds import PageBounds

    proc = validate(synthetic_papers.parent).proceedings
    assert proc is not None
    paper = proc.papers[0]
    edited = replace(proc, papers=(replace(paper, abstract=Text("ملخص آخر.", "Another.")),
                                   *proc.papers[1:]))
    bounds = PageBounds(people=20, items=30, sessions=2)
    before = page_digests(GeneratedPages(proc, bounds=bounds))
    after = page_digests(GeneratedPages(edited, bounds=bounds))
    # Letter pages in one language and in numbered parts, and a day's parts, among them.
    assert {"names/ain.ar.md", "names/a/2.en.md", "programme/2024-10-13/2.ar.md"} <= before.keys()
    assert "names/ain.en.md" not in before
    assert {uri for uri in before if before[uri] != after[uri]} == {
        f"papers/{paper.id}.ar.md", f"papers/{paper.id}.en.md"}


# -- the real bounds ----------------------------------------------------------------------

def test_at_the_real_bounds_no_page_of_1000_papers_passes_150_kb(
        tmp_path: Path) -> None:
    from waqai.bench.synthetic import write_synthetic
    from waqai.site.pages.bounds import PEOPLE_PER_PAGE

    write_synthetic(tmp_path / "generated", 1000)
    site = built(copy_project(tmp_path / "project", tmp_path / "generated/papers"))
    sizes = {file: file.stat().st_size for file in site.rglob("*.html")}
    assert max(sizes.values()) < MAX_PAGE_BYTES, max(sizes, key=sizes.__getitem__)
    entries = {lang: [len(listed_people(html)) for html in letter_pages(site, lang).values()]
               for lang in ROOTS}
    assert max(entries["ar"]) <= PEOPLE_PER_PAGE
    assert max(entries["en"]) == PEOPLE_PER_PAGE  # the letter A: full pages, each small
    for lang in ROOTS:  # 1,000 items are more than ITEMS_PER_PAGE: none is listed
        for url in (f"{ROOTS[lang]}programme/", f"{ROOTS[lang]}programme/2024-10-13/"):
            assert "data-paper-id" not in html_of(site, url)


# -- the example keeps its single pages ---------------------------------------------------

@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_example_keeps_one_index_and_one_programme(built_site: Path, lang: str) -> None:
    from conftest import EXAMPLE_PAPERS

    example = read_volume(EXAMPLE_PAPERS)
    index = html_of(built_site, f"{ROOTS[lang]}people/")
    assert {pid for pid, _ in listed_people(index)} == example.people.keys()
    assert letter_list(index) == [] and letter_pages(built_site, lang) == {}
    programme = html_of(built_site, f"{ROOTS[lang]}programme/")
    assert set(re.findall(r'<li class="waqai-item" data-paper-id="([^"]+)"', programme)) == {
        pid for items in example.items.values() for pid in items}
    assert "waqai-count" not in programme and "waqai-note" not in programme
    for day in example.days():
        assert part_links(html_of(built_site, f"{ROOTS[lang]}programme/{day}/")) == []


# -- in the browser -----------------------------------------------------------------------

def test_the_arabic_letter_index_is_rtl_and_each_letter_leads_to_its_people(
        site: Path, browser) -> None:
    from browser_support import site_path
    from waqai.bench.static_server import serve

    with serve(site, site_path(site)) as base:
        page = browser.new_page()
        try:
            page.goto(f"{base}people/")
            assert page.evaluate("[document.documentElement.dir, document.documentElement.lang]"
                                 ) == ["rtl", "ar"]
            assert page.evaluate("getComputedStyle(document.querySelector('.waqai-letter-list'))"
                                 ".direction") == "rtl"
            links = page.eval_on_selector_all(".waqai-letter-list a",
                                              "links => links.map(a => [a.textContent, a.href])")
            assert len(links) > 10
            for letter, href in links:
                page.goto(href)
                names = page.eval_on_selector_all(
                    "section.waqai-letter li > a", "links => links.map(a => a.textContent)")
                assert names, href
                # The family name, the last word, files without «ال» and hamza as alef.
                filed = {name.split()[-1].removeprefix("ال").translate(HAMZA_SEATS)[0]
                         for name in names}
                assert filed == {letter}, href
        finally:
            page.close()
