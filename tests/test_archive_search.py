"""The search of an archive of volumes (issue 31): the home page's index, at the archive's
root, has every volume's items, sessions and people in each language, each labelled with
its volume and linking to its page in that volume; each volume's own index is unchanged."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from archive_project import FIRST, LATER, built_site, make_archive, validated
from waqai.commands.cli import main
from waqai.data.archive import Archive, Volume
from waqai.data.model import LANGS, Lang, lang_root
from waqai.search import first_query_bytes, search
from waqai.search.archive import volume_label, volume_of
from waqai.urls import paper_url, person_url

Row = list[str]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_archive(tmp_path_factory.mktemp("archive-search") / "project")
    built_site(project)
    return project


@pytest.fixture(scope="module")
def archive(project: Path) -> Archive:
    return validated(project)


def manifest(folder: Path) -> dict[str, object]:
    return json.loads((folder / "index.json").read_text(encoding="utf-8"))


def rows(folder: Path) -> list[Row]:
    """Every document of the index in FOLDER, in id order."""
    blocks = sorted(folder.glob("d*.json"), key=lambda path: int(path.stem[1:]))
    return [row for path in blocks for row in json.loads(path.read_text(encoding="utf-8"))]


def paper_urls(volume: Volume, lang: Lang) -> list[str]:
    return [f"{volume.path}{lang_root(lang)}{paper_url(p)}" for p in volume.proceedings.papers]


@pytest.mark.parametrize("lang", LANGS)
def test_every_item_of_every_volume_once_labelled_with_its_volume(
        project: Path, archive: Archive, lang: Lang) -> None:
    site = project / "site"
    folder = site / "search" / lang
    volumes = manifest(folder)["volumes"]
    assert volumes == [[LATER + "/", "CSC-2016"], [FIRST + "/", "CSC-2015"]]  # newest first
    found = rows(folder)
    counts = Counter(row[0] for row in found)
    assert [url for url, count in counts.items() if count > 1] == []
    for volume in archive.volumes:
        expected = paper_urls(volume, lang)
        assert expected and set(expected) <= set(counts), volume.id
        # A person is one result, for their page across the archive, not the volume's.
        people = {f"{lang_root(lang)}{person_url(p)}" for p in volume.proceedings.people}
        assert people <= set(counts), volume.id
        assert not any(row[0].startswith(f"{volume.path}{lang_root(lang)}people/")
                       for row in found), volume.id
        for row in found:
            if row[0].startswith(volume.path):
                assert volume_of(row[0], volumes) == volume_label(volume, lang)  # type: ignore[arg-type]
    assert sum(len(v.proceedings.papers) for v in archive.volumes) == sum(
        1 for row in found if "/papers/" in row[0])
    # Every row's URL is a page of the built site, in the index's language.
    for row in found:
        assert (site / row[0] / "index.html").is_file(), row[0]
        in_english = row[0].startswith("en/") or row[0].split("/")[1] == "en"
        assert in_english == (lang == "en"), row[0]
        if "/people/" in f"/{row[0]}":
            assert volume_of(row[0], volumes) == ""  # type: ignore[arg-type]


def test_a_query_finds_an_item_in_both_volumes(project: Path) -> None:
    site = project / "site"
    for lang, query in (("ar", "أبشر"), ("en", "Absher")):
        answer = search(site, lang, query)
        labels = {volume_of(row[0], answer.volumes) for row in answer.results}
        assert {"CSC-2015", "CSC-2016"} <= labels, answer.results
        papers = {row[0] for row in answer.results if "/papers/" in row[0]}
        root = lang_root(lang)
        assert {f"{FIRST}/{root}papers/absher/", f"{LATER}/{root}papers/absher-2016/"} <= papers
        assert first_query_bytes(site, lang, query) < 100_000


def test_each_volume_keeps_its_own_index(project: Path, archive: Archive) -> None:
    site = project / "site"
    for volume in archive.volumes:
        folder = site / volume.id / "search" / "en"
        assert "volumes" not in manifest(folder)
        urls = {row[0] for row in rows(folder)}
        assert {url.removeprefix(volume.path) for url in paper_urls(volume, "en")} <= urls
        assert not any(url.startswith(FIRST) or url.startswith(LATER) for url in urls)


def test_the_search_boxes_name_their_indexes(project: Path) -> None:
    site = project / "site"
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Search every volume of the archive"' in home
    assert "waqai-search__all" not in home
    volume_page = (site / FIRST / "en" / "papers" / "absher" / "index.html").read_text("utf-8")
    assert 'data-waqai-archive-index="../../../../search/en/"' in volume_page
    assert 'data-waqai-archive-site="../../../../"' in volume_page
    assert '<input type="checkbox" class="waqai-search__all"> Search all volumes' in volume_page
    arabic = (site / FIRST / "index.html").read_text(encoding="utf-8")
    assert "البحث في كل المجلدات" in arabic and 'data-waqai-archive-index="./../search/ar/"' in arabic


def test_export_writes_the_archive_index_the_build_wrote(project: Path) -> None:
    assert main(["export", "--out", "out"], project) == 0
    for lang in LANGS:
        built, exported = project / "site" / "search" / lang, project / "out" / "search" / lang
        names = sorted(path.name for path in built.iterdir())
        assert names == sorted(path.name for path in exported.iterdir())
        assert all((built / name).read_bytes() == (exported / name).read_bytes()
                   for name in names)
