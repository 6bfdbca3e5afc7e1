"""Issue 14, the page head: Scholar names, JSON-LD honorifics, the og:image card, page
descriptions and the sitemap's lastmod from the data."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from conftest import EXAMPLE_PAPERS, copy_project, run_waqai
from factories import make_person, make_proceedings
from waqai.data.revised import revision_dates
from waqai.site.head import join_url, paper_head

SITE_URL = "https://proceedings.example.org/csc-2015/"
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")


class Head(HTMLParser):
    """The <meta> tags (name or property -> every content) and JSON-LD blocks of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[object] = []
        self._in_ld = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta.setdefault(a.get("name") or a["property"], []).append(a.get("content", ""))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(json.loads(data))
            self._in_ld = False

    def one(self, name: str) -> str:
        values = self.meta.get(name, [])
        assert len(values) == 1, (name, values)
        return values[0]


def head(path: Path) -> Head:
    return Head(path.read_text(encoding="utf-8"))


def pages(site: Path) -> list[Path]:
    """Every HTML page of the site but the 404 page."""
    return sorted(p for p in site.rglob("index.html"))


def paper_people() -> dict[str, list[str]]:
    """Paper id -> its people's ids, read from the fixture's files."""
    found = {}
    for folder in EXAMPLE_PAPERS.iterdir():
        if (folder / "paper.yaml").is_file():
            found[folder.name] = yaml.safe_load((folder / "paper.yaml").read_text("utf-8"))["people"]
    return found


PEOPLE = yaml.safe_load((EXAMPLE_PAPERS / "people.yaml").read_text("utf-8"))


# --- Scholar names --------------------------------------------------------------------------

def expected_scholar_name(person_id: str, lang: str) -> str:
    """As documented in site/head.py: "Family, Given" (nasab with the given name)."""
    person = PEOPLE[person_id]
    if lang == "ar":
        name = person["name"]
        given = " ".join(part for part in (name["given"], name.get("nasab")) if part)
        return f"{name['family']}, {given}"
    latin = person["latin"][0]
    return f"{latin['family']}, {latin['given']}"


def test_scholar_authors_are_family_comma_given_on_both_pages(built_site: Path) -> None:
    checked = 0
    for paper, people in paper_people().items():
        for prefix, lang in (("", "ar"), ("en/", "en")):
            tags = head(built_site / prefix / "papers" / paper / "index.html")
            authors = tags.meta.get("citation_author", [])
            assert authors == [expected_scholar_name(pid, lang) for pid in people], (paper, lang)
            if not people:  # no citation_* record at all: Scholar needs a person as author
                assert not [name for name in tags.meta if name.startswith("citation_")]
            for author in authors:
                family, given = author.split(", ")
                assert family and given and not family.startswith(("أ.", "د.", "م."))
                checked += 1
    assert checked >= 10
    # The documented form for one name with a nasab and the article «ال», in full.
    absher_ar = head(built_site / "papers/absher/index.html").meta["citation_author"]
    absher_en = head(built_site / "en/papers/absher/index.html").meta["citation_author"]
    assert absher_ar == ["الجليفي, عبدالرحمن بن راشد"]
    assert absher_en == ["Al-Julaifi, Abdulrahman bin Rashid"]


def test_a_single_name_is_written_alone() -> None:
    person = make_person(given="", nasab="", family="الخطيب", latin=(("", "Al-Khatib"),))
    proc = make_proceedings(people=(person,))
    for lang in ("ar", "en"):
        authors = paper_head(proc, proc.papers[0], lang, SITE_URL)["citation"]["authors"]
        assert authors == (["الخطيب"] if lang == "ar" else ["Al-Khatib"])


# --- JSON-LD --------------------------------------------------------------------------------

def persons_in(data: object) -> list[dict]:
    """Every schema.org Person anywhere in a JSON-LD value."""
    if isinstance(data, dict):
        own = [data] if data.get("@type") == "Person" else []
        return own + [p for value in data.values() for p in persons_in(value)]
    if isinstance(data, list):
        return [p for value in data for p in persons_in(value)]
    return []


def test_json_ld_keeps_honorifics_out_of_names_on_every_page(built_site: Path) -> None:
    honorifics = {p["name"].get("honorific") for p in PEOPLE.values()} - {None, ""}
    assert honorifics  # the fixture has some: the test can fail
    persons = []
    for page in pages(built_site):
        for block in head(page).json_ld:
            persons += [(page, p) for p in persons_in(block)]
    assert len(persons) >= 30  # paper authors and person pages, in both languages
    for page, person in persons:
        assert not any(h in person["name"] for h in honorifics), (page, person)
        assert person["name"] == f"{person['givenName']} {person['familyName']}"
    arabic = [p for page, p in persons if not page.is_relative_to(built_site / "en")]
    assert {p["honorificPrefix"] for p in arabic if "honorificPrefix" in p} == {"أ.", "د.", "م."}
    profile = head(built_site / "en/people/mushabab-alqahtani/index.html").json_ld[0]
    assert profile["@type"] == "ProfilePage"
    assert profile["mainEntity"]["honorificPrefix"] == "Dr."
    assert profile["mainEntity"]["name"] == "Mushabab bin Ayed Al-Qahtani"
    event = head(built_site / "index.html").json_ld[0]
    assert event["@type"] == "Event" and event["startDate"] == "2015-11-17"
    absher = head(built_site / "papers/absher/index.html").json_ld[0]
    person_id = f"{SITE_URL}people/abdulrahman-aljulaifi/#person"  # one node on both pages
    assert absher["author"] == [{"@id": person_id, "url": f"{SITE_URL}people/abdulrahman-aljulaifi/",
                                 "@type": "Person", "name": "عبدالرحمن بن راشد الجليفي",
                                 "givenName": "عبدالرحمن بن راشد", "familyName": "الجليفي",
                                 "honorificPrefix": "أ."}]
    absher_en = head(built_site / "en/papers/absher/index.html").json_ld[0]
    # «أ.» has no English counterpart: no honorific at all, and none inside the name.
    assert absher_en["author"] == [{"@id": person_id,
                                    "url": f"{SITE_URL}en/people/abdulrahman-aljulaifi/",
                                    "@type": "Person", "name": "Abdulrahman bin Rashid Al-Julaifi",
                                    "givenName": "Abdulrahman bin Rashid",
                                    "familyName": "Al-Julaifi"}]
    assert absher_en["abstract"].startswith("In session 3,")


def test_json_ld_gives_the_english_counterpart_of_an_honorific() -> None:
    person = make_person(honorific="د.", latin=(("Mushabab bin Ayed", "Al-Qahtani"),))
    proc = make_proceedings(people=(person,))
    ar = paper_head(proc, proc.papers[0], "ar", SITE_URL)["json_ld"]["author"][0]
    en = paper_head(proc, proc.papers[0], "en", SITE_URL)["json_ld"]["author"][0]
    assert (ar["honorificPrefix"], ar["name"]) == ("د.", "نايف بن صالح العمري")
    assert (en["honorificPrefix"], en["name"]) == ("Dr.", "Mushabab bin Ayed Al-Qahtani")


# --- og:image -------------------------------------------------------------------------------

def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_page_shares_the_volume_card(built_site: Path) -> None:
    cards = set()
    for page in pages(built_site):
        tags = head(page)
        url = tags.one("og:image")
        assert url.startswith(SITE_URL), (page, url)
        card = built_site / urlparse(url).path.removeprefix(urlparse(SITE_URL).path)
        assert card.is_file(), (page, url)
        assert png_size(card) == (int(tags.one("og:image:width")), int(tags.one("og:image:height")))
        assert tags.one("twitter:card") == "summary_large_image"
        alt = tags.one("og:image:alt")
        english = page.is_relative_to(built_site / "en")
        # Both titles, the page's language first.
        assert alt.startswith("Customer Service Culture" if english else "ثقافة خدمة العملاء")
        assert "Customer Service Culture" in alt and "ثقافة خدمة العملاء" in alt
        cards.add(card)
    assert len(cards) == 1 and png_size(cards.pop()) == (1200, 630)


# --- descriptions ---------------------------------------------------------------------------

def test_every_page_has_one_description_in_its_language(built_site: Path) -> None:
    for page in pages(built_site):
        tags = head(page)
        description = tags.one("description")
        assert 20 <= len(description) <= 160, (page, description)
        assert tags.one("og:description") == description
        english = page.is_relative_to(built_site / "en")
        words = LATIN.findall(description) if english else ARABIC.findall(description)
        others = ARABIC.findall(description) if english else LATIN.findall(description)
        assert len(words) > 3 * len(others), (page, description)


def plain_abstract(paper: str, lang: str) -> str:
    text = (EXAMPLE_PAPERS / paper / f"abstract.{lang}.md").read_text("utf-8")
    return " ".join(text.strip().split("\n\n")[0].split())


def test_a_paper_description_is_its_abstract_cut_at_a_word(built_site: Path) -> None:
    for prefix, lang in (("", "ar"), ("en/", "en")):
        description = head(built_site / prefix / "papers/absher/index.html").one("description")
        abstract = plain_abstract("absher", lang)
        if len(abstract) <= 160:
            assert description == abstract
            continue
        assert description.endswith("…")
        kept = description[:-1]
        assert abstract.startswith(kept)
        assert abstract[len(kept)] in " ،,;:.", "cut inside a word"


def test_the_home_description_is_the_conference_description(built_site: Path) -> None:
    conference = yaml.safe_load((EXAMPLE_PAPERS / "conference.yaml").read_text("utf-8"))
    for prefix, lang in (("", "ar"), ("en/", "en")):
        description = head(built_site / prefix / "index.html").one("description")
        words = " ".join(conference["description"][lang].split())
        assert words.startswith(description.removesuffix("…"))


# --- sitemap lastmod ------------------------------------------------------------------------

def git(folder: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(folder)}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=folder, env=env, check=True,
                   capture_output=True)


def set_mtime(path: Path, day: dt.date) -> None:
    stamp = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()
    os.utime(path, (stamp, stamp))


def test_revision_dates_without_git_are_the_files_mtimes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "_schema").mkdir()
    for name, day in (("a/paper.yaml", dt.date(2016, 1, 2)), ("people.yaml", dt.date(2017, 3, 4)),
                      ("_schema/x.json", dt.date(2020, 1, 1))):
        (tmp_path / name).write_text("x")
        set_mtime(tmp_path / name, day)
    assert revision_dates(tmp_path) == {"a/paper.yaml": dt.date(2016, 1, 2),
                                        "people.yaml": dt.date(2017, 3, 4)}


def test_revision_dates_in_git_are_the_last_commits_unless_changed_since(tmp_path: Path) -> None:
    data = tmp_path / "papers"
    (data / "a").mkdir(parents=True)
    (data / "a/paper.yaml").write_text("one")
    (data / "people.yaml").write_text("one")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", when="2016-02-03T23:30:00+00:00")
    (data / "people.yaml").write_text("two")
    git(tmp_path, "commit", "-qam", "second", when="2018-07-08T01:00:00+03:00")  # 7 July in UTC
    (data / "a/paper.yaml").write_text("edited, not committed")
    (data / "new.md").write_text("not in git")
    for name in ("a/paper.yaml", "new.md", "people.yaml"):
        set_mtime(data / name, dt.date(2021, 5, 6))
    assert revision_dates(data) == {"people.yaml": dt.date(2018, 7, 7),
                                    "a/paper.yaml": dt.date(2021, 5, 6),
                                    "new.md": dt.date(2021, 5, 6)}


def lastmods(sitemap: str) -> dict[str, str]:
    return dict(re.findall(r"<loc>([^<]*)</loc>\s*<lastmod>([^<]*)</lastmod>", sitemap))


def test_sitemap_lastmod_comes_from_the_git_history(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "the volume", when="2016-02-03T10:00:00+00:00")
    abstract = project / "papers/absher/abstract.en.md"
    abstract.write_text(abstract.read_text("utf-8") + "\nA correction.\n", "utf-8")
    git(project, "commit", "-qam", "a correction", when="2017-05-06T10:00:00+00:00")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    dates = lastmods((project / "site/sitemap.xml").read_text("utf-8"))
    assert len(dates) >= 40
    for lang in ("", "en/"):
        assert dates[f"{SITE_URL}{lang}papers/absher/"] == "2017-05-06"  # its folder's commit
        assert dates[f"{SITE_URL}{lang}papers/safeer/"] == "2016-02-03"
        assert dates[f"{SITE_URL}{lang}"] == "2017-05-06"  # the newest data file
        assert dates[f"{SITE_URL}{lang}programme/"] == "2017-05-06"
        assert dates[f"{SITE_URL}{lang}contributing/"] == "2016-02-03"  # docs/, its own file
    assert dt.date.today().isoformat() not in dates.values()


def test_sitemap_lastmod_without_git_is_the_newest_mtime(tmp_path: Path) -> None:
    day = dt.date(2015, 12, 1)
    project = copy_project(tmp_path / "project")
    for path in project.rglob("*"):
        set_mtime(path, day - dt.timedelta(days=10))
    set_mtime(project / "papers/safeer/paper.yaml", day)
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    dates = lastmods((project / "site/sitemap.xml").read_text("utf-8"))
    assert dates[f"{SITE_URL}papers/safeer/"] == dates[f"{SITE_URL}en/"] == "2015-12-01"
    assert dates[f"{SITE_URL}papers/absher/"] == "2015-11-21"
    assert dt.date.today().isoformat() not in dates.values()


@pytest.mark.parametrize("href", ["", "./", ".", "..", "../", "../en/", "../../en/papers/x/",
                                  "en/papers/x/", "../../../../../../en/", "x", "../x.html",
                                  "/en/", "https://other.org/a/", "?q=1", "#top", "a/./b/../c/"])
@pytest.mark.parametrize("base", ["https://proceedings.example.org/",
                                  "https://proceedings.example.org/vol/2024/papers/first-paper/",
                                  "http://localhost:8000/en/"])
def test_join_url_agrees_with_urljoin(base: str, href: str) -> None:
    assert join_url(base, href) == urljoin(base, href)
