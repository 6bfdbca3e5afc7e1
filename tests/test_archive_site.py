"""`build` on an archive of volumes (issue 31): each volume's site under "<volume id>/",
the archive's home page at the root in both languages, one staging folder swapped in
only when every part built."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from archive_project import FIRST, LATER, LATER_ITEMS, SITE_URL, make_archive, rewrite, validated
from conftest import run_waqai
from linkcheck import check_links
from waqai.data.archive import Archive
from waqai.site.invariants import check_site

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="[^"]*"')
SITEMAP_LOC = re.compile(r"<loc>([^<]*)</loc>|<xhtml:link [^>]*href=\"([^\"]*)\"")
VOLUME_LINK = re.compile(r'<li class="waqai-volume" data-volume-id="([^"]*)">\s*'
                         r'<a class="waqai-volume__title" href="([^"]*)">([^<]*)</a>')
LANGUAGE_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)"[^>]*class="md-select__link"')


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = make_archive(tmp_path_factory.mktemp("archive") / "project")
    result = run_waqai(built, "build")
    assert result.code == 0, result.err
    assert result.out.endswith("Built the archive's site in site/: its home page and 2 volumes.\n")
    return built


@pytest.fixture(scope="module")
def archive(project: Path) -> Archive:
    return validated(project)


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def title_of(html: str) -> str:
    found = re.search(r"<title>([^<]*)</title>", html)
    assert found, html[:200]
    return found.group(1)


def test_each_volume_is_its_own_site_under_its_id(project: Path, archive: Archive) -> None:
    site = project / "site"
    papers = {FIRST: "absher", LATER: f"{LATER_ITEMS[0]}-2016"}
    for volume in archive.volumes:
        conf = volume.conference
        base = f"{SITE_URL}{volume.id}/"
        assert archive.volume_url(volume) == base == conf.site_url
        for lang, root in (("ar", ""), ("en", "en/")):
            title = conf.title.shown(lang).text
            home = page(site, f"{volume.id}/{root}index.html")
            assert CANONICAL.findall(home) == [f"{base}{root}"]
            assert title in title_of(home)
            paper = page(site, f"{volume.id}/{root}papers/{papers[volume.id]}/index.html")
            assert CANONICAL.findall(paper) == [f"{base}{root}papers/{papers[volume.id]}/"]
            assert title in title_of(paper)  # the volume's name is the site's
        # The volume's exports are its own, at its root.
        assert (site / volume.id / "proceedings.bib").is_file()
    # The later volume has only its own items.
    assert not (site / LATER / "papers/absher").exists()


def test_the_archive_home_lists_the_volumes_newest_first(project: Path,
                                                          archive: Archive) -> None:
    site = project / "site"
    for lang, root in (("ar", ""), ("en", "en/")):
        home = page(site, f"{root}index.html")
        assert archive.info.title.get(lang) in title_of(home)
        assert archive.info.publisher is not None
        assert archive.info.publisher.get(lang) in home
        listed = VOLUME_LINK.findall(home)
        assert [volume_id for volume_id, _, _ in listed] == [LATER, FIRST]
        for volume_id, href, title in listed:
            assert title == archive.volume(volume_id).conference.title.get(lang)
            target = (site / root / href / "index.html").resolve()
            assert target == (site / volume_id / root / "index.html").resolve()
            assert target.is_file()
        assert [year for year in re.findall(r'data-year="(\d+)"', home)] == ["2016", "2015"]
        figures = re.findall(r'data-figure="(\w+)"><span class="waqai-figure__count">(\d+)<', home)
        assert figures[:3] == [("items", "2"), ("sessions", "6"), ("people", "3")]


def test_the_archive_home_switches_language(project: Path) -> None:
    site = project / "site"
    for root in ("", "en/"):
        switch = dict((lang, href) for href, lang in
                      LANGUAGE_LINK.findall(page(site, f"{root}index.html")))
        assert switch == {"ar": "/", "en": "/en/"}  # the site's path is "/"


def test_every_address_is_under_the_archive_and_every_link_resolves(project: Path) -> None:
    site = project / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        if html_file.name == "404.html":  # served at any address: its links are paths
            folder = html_file.parent.relative_to(site).as_posix()
            home = "/" if folder == "." else f"/{folder}/"
            assert ALTERNATE.findall(html) == [home, f"{home}en/"], html_file
            continue
        for url in CANONICAL.findall(html) + ALTERNATE.findall(html):
            assert url.startswith(SITE_URL), (html_file, url)
    sitemaps = sorted(site.rglob("sitemap.xml"))
    assert [path.relative_to(site).as_posix() for path in sitemaps] == [
        f"{FIRST}/sitemap.xml", f"{LATER}/sitemap.xml", "sitemap.xml"]
    for sitemap in sitemaps:
        folder = sitemap.parent.relative_to(site).as_posix()
        base = SITE_URL if folder == "." else f"{SITE_URL}{folder}/"
        urls = [url for pair in SITEMAP_LOC.findall(sitemap.read_text(encoding="utf-8"))
                for url in pair if url]
        assert urls and all(url.startswith(base) for url in urls), (sitemap, urls)
    report = check_links(site, SITE_URL)
    assert [str(broken) for broken in report.broken] == []
    assert {"index.html", "en/index.html", f"{FIRST}/index.html", f"{LATER}/en/index.html"} \
        <= report.targets


def test_every_paper_of_every_volume_is_where_it_belongs(project: Path,
                                                         archive: Archive) -> None:
    for volume in archive.volumes:
        assert check_site(volume.proceedings, project / "site" / volume.id) == []


def site_digest(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture
def rebuilt(project: Path, tmp_path: Path) -> Path:
    """A copy of the built project (its site too), to break."""
    return Path(shutil.copytree(project, tmp_path / "project", symlinks=True))


def test_a_broken_volume_leaves_the_site_as_it_was(rebuilt: Path) -> None:
    before = site_digest(rebuilt / "site")
    paper_yaml = rebuilt / "papers" / LATER / f"{LATER_ITEMS[0]}-2016" / "paper.yaml"
    rewrite(paper_yaml, (r"^session: .*$", "session: no-such-session"))
    result = run_waqai(rebuilt, "build")
    assert result.code == 1, result.out
    assert f"papers/{LATER}/{LATER_ITEMS[0]}-2016/paper.yaml:" in result.err
    assert "no-such-session" in result.err
    assert "Nothing was built; the previous site in site/ is unchanged." in result.err
    assert "Traceback" not in result.err
    assert site_digest(rebuilt / "site") == before
    assert sorted(path.name for path in rebuilt.iterdir() if path.name.startswith(".site")) == []


def test_a_volume_whose_build_fails_fails_the_build(rebuilt: Path) -> None:
    """The after-build invariants run in each volume's build: a paper page without its
    paper's id fails it, and the site stays as it was."""
    before = site_digest(rebuilt / "site")
    rewrite(rebuilt / "overrides/waqai/paper.html", (r'data-paper-id="', 'data-dropped="'))
    result = run_waqai(rebuilt, "build")
    assert result.code == 1, result.out
    assert "Not every paper is where it belongs" in result.err
    assert f"(volume {FIRST})" in result.err or f"(volume {LATER})" in result.err
    assert "The previous site in site/ was left as it was." in result.err
    assert "Traceback" not in result.err
    assert site_digest(rebuilt / "site") == before
    assert sorted(path.name for path in rebuilt.iterdir() if path.name.startswith(".site")) == []


def test_serve_still_refuses_an_archive(project: Path) -> None:
    result = run_waqai(project, "serve")
    assert result.code == 1
    assert "`serve` works on one volume" in result.err


def test_the_archive_index_and_each_persons_items_across_the_volumes(project: Path) -> None:
    """Within one page's bound the archive's index is one page; each person's page lists
    their items of both volumes (read from the data files), by "<volume>/<item>"."""
    site, papers = project / "site", project / "papers"
    people = yaml.safe_load((papers / "people.yaml").read_text(encoding="utf-8"))
    theirs: dict[str, set[str]] = {}
    for volume_id in (FIRST, LATER):
        for path in (papers / volume_id).glob("*/paper.yaml"):
            item = yaml.safe_load(path.read_text(encoding="utf-8"))
            for person_id in item["people"]:
                theirs.setdefault(person_id, set()).add(f"{volume_id}/{item['id']}")
    in_both = {person for person, keys in theirs.items()
               if {key.split("/")[0] for key in keys} == {FIRST, LATER}}
    assert len(in_both) == 2
    for root in ("", "en/"):
        index = page(site, f"{root}people/index.html")
        assert sorted(re.findall(r'<li data-person-id="([^"]+)"', index)) == sorted(people)
        for person_id, keys in theirs.items():
            html = page(site, f"{root}people/{person_id}/index.html")
            assert set(re.findall(r'<li class="waqai-item" data-paper-id="([^"]+)"', html)) == keys


def test_an_archive_page_missing_an_item_fails_the_build(rebuilt: Path) -> None:
    """The after-build check runs in the archive's own build too: a person's page in the
    archive that leaves off an item fails it, and the site stays as it was."""
    before = site_digest(rebuilt / "site")
    rewrite(rebuilt / "overrides/waqai/archive-person.html",
            (r"papers = volume\.papers ", "papers = volume.papers[1:] "))
    result = run_waqai(rebuilt, "build")
    assert result.code == 1, result.out
    assert "Not every paper is where it belongs" in result.err
    assert "missing from the archive's page of" in result.err
    assert "(the archive's home page)" in result.err
    assert "Traceback" not in result.err
    assert site_digest(rebuilt / "site") == before
