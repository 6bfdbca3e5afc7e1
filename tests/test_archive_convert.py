"""A one-volume papers/ made the first volume of an archive (issue 31):
`init --archive --first-volume ID` moves the data, and the archive's build keeps every old
address of the volume: a redirect page where a page moved, the file where a file was."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from browser_support import site_path
from conftest import EXAMPLE_PAPERS, copy_project, run_waqai
from pdf_files import clean_pdf
from waqai.bench.static_server import serve
from waqai.data import archiveconvert
from waqai.data.archivecheck import validate_archive

VOLUME = "csc-2015"
OLD_SITE_URL = "https://proceedings.example.org/csc-2015/"  # the example's conference.yaml
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
HTML_TAG = re.compile(r'<html lang="([^"]*)" dir="([^"]*)"')
TITLE = re.compile(r"<title>([^<]*)</title>")
PAPER_IDS = re.compile(r'data-paper-id="([^"]*)"')
# Old addresses the archive's own pages take: its home, in each language, and its 404 page.
ARCHIVE_OWN = {"index.html", "en/index.html", "404.html"}
# Made by the volume's build only (README: "An archive of volumes"), not kept at the root.
NOT_KEPT = {"proceedings.pdf", "assets/waqai-card.png"}


def files_below(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def tree(folder: Path) -> tuple[dict[str, bytes], list[str]]:
    """Every file's bytes and every folder below `folder`: what "unchanged" compares."""
    return files_below(folder), sorted(p.relative_to(folder).as_posix()
                                       for p in folder.rglob("*") if p.is_dir())


def text(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with a PDF, built as one volume (into old-site/), then converted into an
    archive's first volume and built again (into site/)."""
    project = copy_project(tmp_path_factory.mktemp("convert") / "project")
    item = project / "papers" / "absher"
    (item / "paper.pdf").write_bytes(clean_pdf())
    yaml = item / "paper.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + "pdf: paper.pdf\n", encoding="utf-8")
    built = run_waqai(project, "build")
    assert built.code == 0, built.err
    (project / "site").rename(project / "old-site")
    result = run_waqai(project, "init", "--archive", "--first-volume", VOLUME)
    assert result.code == 0, result.err
    assert f"papers/{VOLUME}/" in result.out
    built = run_waqai(project, "build")
    assert built.code == 0, built.err
    return project


def old_pages(project: Path) -> list[str]:
    return sorted(path for path in files_below(project / "old-site")
                  if path.endswith("/index.html") or path == "index.html")


def test_the_one_volume_site_has_todays_addresses(converted: Path) -> None:
    old = converted / "old-site"
    pages = old_pages(converted)
    for path in ("papers/absher/index.html", "en/papers/absher/index.html", "about/index.html",
                 "programme/index.html", "people/index.html", "sessions/keynote/index.html",
                 "start/index.html", "en/contributing/index.html"):
        assert path in pages
    assert CANONICAL.findall(text(old, "papers/absher/index.html")) == [
        f"{OLD_SITE_URL}papers/absher/"]


def test_every_old_page_address_leads_to_its_page(converted: Path) -> None:
    old, site = converted / "old-site", converted / "site"
    redirects = 0
    for path in old_pages(converted):
        assert (site / path).is_file(), path
        page = text(site, path)
        if path in ARCHIVE_OWN:
            assert f'data-volume-id="{VOLUME}"' in page, path  # the home links to the volume
            continue
        if not REFRESH.search(page):  # the archive's own page there (a person's, say)
            assert CANONICAL.findall(page) == [f"{OLD_SITE_URL}{path}".removesuffix(
                "index.html")] and path.startswith(("people/", "en/people/", "names/",
                                                    "en/names/")), path
            continue
        moved = f"{VOLUME}/{path}"
        (refresh,) = REFRESH.findall(page)
        assert urljoin(f"https://host/{path}", refresh) == f"https://host/{moved}".removesuffix(
            "index.html"), path
        assert CANONICAL.findall(page) == [f"{OLD_SITE_URL}{moved}".removesuffix("index.html")]
        assert '<meta name="robots" content="noindex">' in page
        assert f'<a href="{refresh}">' in page  # a link for whoever sees the page
        lang = "en" if path.startswith("en/") else "ar"
        assert HTML_TAG.findall(page) == [(lang, "ltr" if lang == "en" else "rtl")], path
        # The page it leads to is the old page, moved: the same title, the same items.
        before, after = text(old, path), text(site, moved)
        assert TITLE.findall(after) == TITLE.findall(before), path
        assert set(PAPER_IDS.findall(after)) == set(PAPER_IDS.findall(before)), path
        redirects += 1
    assert redirects >= len([path for path in old_pages(converted)
                             if not path.startswith(("people/", "en/people/", "names/",
                                                     "en/names/"))]) - 2  # but the homes


def test_old_file_addresses_still_serve_the_volumes_files(converted: Path) -> None:
    old, site = converted / "old-site", converted / "site"
    kept = [path for path in files_below(old)
            if not path.endswith("index.html") and not path.startswith(("assets/", "search/"))
            and path not in NOT_KEPT | ARCHIVE_OWN | {"sitemap.xml", "sitemap.xml.gz"}]
    assert {"proceedings.bib", "papers/absher/paper.pdf", "en/papers/absher/paper.pdf",
            "papers/absher/julaifi2015ministry.ris", "programme.ics",
            "sessions/keynote/keynote.en.ics"} <= set(kept)
    for path in kept:
        assert (site / path).read_bytes() == (site / VOLUME / path).read_bytes(), path
    assert (site / "papers/absher/paper.pdf").read_bytes() == clean_pdf()
    assert (site / VOLUME / "proceedings.pdf").is_file()  # the book is at its new address


def test_a_browser_at_an_old_paper_address_lands_on_the_moved_page(converted: Path,
                                                                   browser) -> None:
    site = converted / "site"
    with serve(site, site_path(site)) as base_url:
        context = browser.new_context()
        try:
            tab = context.new_page()
            tab.goto(f"{base_url}en/papers/absher/")
            tab.wait_for_url(f"{base_url}{VOLUME}/en/papers/absher/")
            (title,) = TITLE.findall(text(converted / "old-site", "en/papers/absher/index.html"))
            assert tab.title() == html.unescape(title)
        finally:
            context.close()


def test_the_data_moved_and_nothing_was_lost(converted: Path) -> None:
    papers = converted / "papers"
    before, after = files_below(EXAMPLE_PAPERS), files_below(papers)
    assert after["people.yaml"] == before["people.yaml"]  # one for every volume, in place
    for path, data in before.items():
        if path.startswith("_schema/") or path == "people.yaml":
            continue
        moved = after[f"{VOLUME}/{path}"]
        if not path.endswith(".yaml"):  # the YAML files are edited: below
            assert moved == data, path
    # conference.yaml: its schema one folder up (the volume's), site_url gone, the rest as
    # the editors wrote it, comments and all.
    old = before["conference.yaml"].decode().splitlines(keepends=True)
    new = after[f"{VOLUME}/conference.yaml"].decode().splitlines(keepends=True)
    assert new[0] == "# yaml-language-server: $schema=../_schema/volume.schema.json\n"
    assert [line for line in old[1:] if not line.startswith("site_url:")] == new[1:]
    assert after[f"{VOLUME}/absher/paper.yaml"].decode().startswith(
        "# yaml-language-server: $schema=../../_schema/paper.schema.json\n")
    archive_yaml = after["archive.yaml"].decode()
    assert 'site_url: "https://proceedings.example.org/csc-2015/"   # placeholder deploy URL\n' \
        in archive_yaml  # moved, with its comment
    assert f"moved_from_root: {VOLUME}\n" in archive_yaml
    assert "publisher:" not in archive_yaml.replace("# Optional fields: publisher", "")
    assert "README.md" in after


def test_the_converted_archive_passes_check(converted: Path) -> None:
    result = run_waqai(converted, "check")
    assert result.code == 0, result.output
    assert result.out.startswith("OK: 1 volumes, 8 items")
    archive = validate_archive(converted).archive
    assert archive is not None
    assert archive.info.site_url == OLD_SITE_URL and archive.info.moved_from_root == VOLUME
    assert archive.volume(VOLUME).conference.site_url == f"{OLD_SITE_URL}{VOLUME}/"


def test_a_second_conversion_is_refused(converted: Path) -> None:
    before = tree(converted / "papers")
    result = run_waqai(converted, "init", "--archive", "--first-volume", "csc-2016")
    assert result.code == 1
    assert result.err.startswith("Cannot make an archive of these proceedings: "
                                 "papers/archive.yaml is there: papers/ is an archive already")
    assert "\n    fix: To add a volume" in result.err
    assert tree(converted / "papers") == before


@pytest.mark.parametrize(("volume_id", "said"), [
    ("CSC 2015", "“CSC 2015” is not a valid volume id"),
    ("en", "“en” cannot be a volume's id: the archive's site keeps en/ for its English pages"),
    ("papers", "keeps papers/ for the volume's old addresses"),
    ("absher", "already exists in papers/"),
])
def test_an_id_that_is_no_free_slug_is_refused(project: Path, volume_id: str, said: str) -> None:
    before = tree(project / "papers")
    result = run_waqai(project, "init", "--archive", "--first-volume", volume_id)
    assert result.code == 1
    assert result.err.startswith(f"Cannot make an archive of these proceedings: papers/{volume_id}/ ")
    assert said in result.err and "\n    fix: Choose another id" in result.err
    assert tree(project / "papers") == before


def test_init_archive_on_one_volume_points_to_the_conversion(project: Path) -> None:
    result = run_waqai(project, "init", "--archive")
    assert result.code == 1
    assert "init --archive --first-volume <id>" in result.err


@pytest.mark.parametrize(("change", "said"), [
    ((r"^site_url: .*\n", ""), "papers/conference.yaml site_url: is needed"),
    # U+2028 is a line break to YAML: the next field shares site_url's line.
    ((r"^(site_url: .*?) +# .*\n", "\\1\u2028"), "papers/conference.yaml site_url: cannot be "
     "moved by editing the file in place"),
    ((r"\A", "{"), "papers/conference.yaml:3 is not valid YAML"),
])
def test_a_conference_yaml_it_cannot_split_is_refused(project: Path, change: tuple[str, str],
                                                      said: str) -> None:
    conference = project / "papers" / "conference.yaml"
    conference.write_text(re.sub(*change, conference.read_text(encoding="utf-8"), count=1,
                                 flags=re.MULTILINE), encoding="utf-8")
    before = tree(project / "papers")
    result = run_waqai(project, "init", "--archive", "--first-volume", VOLUME)
    assert result.code == 1
    assert result.err.startswith(f"Cannot make an archive of these proceedings: {said}"), \
        result.err
    assert "nothing was changed" in result.err
    assert tree(project / "papers") == before


def test_a_failure_midway_leaves_papers_as_it_was(project: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    before = tree(project / "papers")
    plan = archiveconvert.plan_conversion(project, "papers", VOLUME)
    assert not isinstance(plan, list)
    written = archiveconvert.write_whole

    def fail_on_archive_yaml(path: Path, data: bytes) -> None:
        if path.name == "archive.yaml":  # the last write: every move and edit was made
            raise OSError(28, "No space left on device")
        written(path, data)

    monkeypatch.setattr(archiveconvert, "write_whole", fail_on_archive_yaml)
    with pytest.raises(OSError, match="No space left"):
        archiveconvert.apply_conversion(plan)
    assert tree(project / "papers") == before


def test_moved_from_root_must_name_a_volume_and_keep_its_old_folders(converted: Path,
                                                                    tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", converted / "papers")
    archive_yaml = project / "papers" / "archive.yaml"
    archive_yaml.write_text(archive_yaml.read_text(encoding="utf-8").replace(
        f"moved_from_root: {VOLUME}", "moved_from_root: csc-2014"), encoding="utf-8")
    (project / "papers" / VOLUME).rename(project / "papers" / "sessions")
    result = run_waqai(project, "check")
    assert result.code == 1
    assert "papers/archive.yaml:" in result.err
    assert "moved_from_root: “csc-2014” is no volume of the archive" in result.err
    assert "papers/sessions/: error: “sessions” cannot be a volume's id here" in result.err
