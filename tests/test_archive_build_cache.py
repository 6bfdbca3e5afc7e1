"""`build` on an archive reuses each volume whose inputs did not change (issue 31): the
site is file for file the one a full build of the same data makes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from archive_project import FIRST, LATER, built_site, make_archive
from conftest import run_waqai
from test_archive_data import FIRST_ONLY
from test_archive_site import site_digest
from test_bad_inputs import edit
from waqai.cachedir import CACHE_DIR

LATER_ITEM = "absher-2016"
HOME_KEPT = ", the home page's pages"
ABSTRACTS_FILE = "archive+abstracts.en.bib"  # the English form: the edit is English


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    project = make_archive(tmp_path / "archive")
    built_site(project)
    return project


def rebuilt(project: Path) -> str:
    """`build` run again, which must succeed: what it says it built."""
    result = run_waqai(project, "build")
    assert result.code == 0, result.err
    return result.out.strip().splitlines()[-1]


def as_a_full_build(project: Path, tmp_path: Path) -> None:
    """The project's site is the one a first build of a copy of its data makes."""
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".waqai", "site"))
    assert site_digest(project / "site") == site_digest(built_site(fresh))


def later_abstract(project: Path) -> None:
    abstract = project / "papers" / LATER / LATER_ITEM / "abstract.en.md"
    abstract.write_text(abstract.read_text(encoding="utf-8") + "\nOne more sentence.\n",
                        encoding="utf-8")


def first_only_person(project: Path) -> None:
    edit(project / "papers/people.yaml", '{given: "Yusuf bin Ahmad", family: "Al-Ohali"}',
         '{given: "Yusuf bin Ahmad", family: "Al-Ouhali"}')


@pytest.mark.parametrize(("change", "kept", "home"), [(later_abstract, FIRST, HOME_KEPT),
                                                      (first_only_person, LATER, "")],
                         ids=["an abstract of the later volume", f"an entry of {FIRST_ONLY}"])
def test_only_the_volumes_that_changed_are_built_again(archive: Path, tmp_path: Path,
                                                       change: Callable[[Path], None],
                                                       kept: str, home: str) -> None:
    kept_page = archive / "site" / kept / "index.html"
    before = kept_page.stat().st_ino
    change(archive)
    assert rebuilt(archive).endswith(f"2 volumes (1 unchanged{home}, from .waqai/cache/build/).")
    assert kept_page.stat().st_ino == before  # the very file kept, not one built again
    as_a_full_build(archive, tmp_path)


def test_an_abstract_alone_leaves_the_home_pages_as_they_were(archive: Path,
                                                              tmp_path: Path) -> None:
    """The home's pages show no abstract: they are the kept files; its citation files and
    search index, which hold the abstracts, are written again."""
    home_page, whole = archive / "site" / "index.html", archive / "site" / ABSTRACTS_FILE
    before = home_page.stat().st_ino
    edit(archive / "papers" / LATER / LATER_ITEM / "abstract.en.md", "\n", "\nQuokkalism.\n")
    assert rebuilt(archive).endswith(f"(1 unchanged{HOME_KEPT}, from .waqai/cache/build/).")
    assert home_page.stat().st_ino == before
    assert "Quokkalism." in whole.read_text(encoding="utf-8")
    found = [path for path in (archive / "site" / "search" / "en").rglob("*.json")
             if "quokkalism" in path.read_text(encoding="utf-8")]
    assert found, "the archive's search index has the new word"
    as_a_full_build(archive, tmp_path)


def test_an_unchanged_archive_is_built_from_the_cache(archive: Path, tmp_path: Path) -> None:
    assert rebuilt(archive).endswith(f"(2 unchanged{HOME_KEPT}, from .waqai/cache/build/).")
    as_a_full_build(archive, tmp_path)


@pytest.mark.parametrize("change", [
    lambda project: edit(project / "papers/archive.yaml", "Institute of Public Administration",
                         "The Institute of Public Administration"),
    lambda project: edit(project / "overrides/waqai/paper.html", 'data-paper-id="',
                         'data-changed="" data-paper-id="'),
    lambda project: edit(project / "docs/start.en.md", "\n", "\nA changed line.\n"),
], ids=["archive.yaml", "a template", "a hand-written page"])
def test_what_every_volume_shows_builds_every_volume_again(archive: Path, tmp_path: Path,
                                                          change: Callable[[Path], None]) -> None:
    change(archive)
    assert rebuilt(archive).endswith("home page and 2 volumes.")
    as_a_full_build(archive, tmp_path)


def entries(project: Path) -> list[Path]:
    return sorted(path for path in (project / CACHE_DIR / "build").iterdir())


@pytest.mark.parametrize("spoil", [
    lambda entry: (entry / "manifest.json").write_bytes(b"[not a manifest"),
    lambda entry: (entry / "manifest.json").write_bytes(b"{" * 100_000),
    lambda entry: (entry / "site" / "index.html").write_text("<p>spoilt</p>"),
    lambda entry: (entry / "site" / "extra.html").symlink_to("/etc/hostname"),
    lambda entry: (entry / "site" / "index.html").unlink(),
], ids=["not JSON", "deep", "a file changed", "a link", "a file gone"])
def test_a_spoilt_entry_is_built_again(archive: Path, tmp_path: Path,
                                       spoil: Callable[[Path], None]) -> None:
    for entry in entries(archive):
        spoil(entry)
    assert rebuilt(archive).endswith("home page and 2 volumes.")
    as_a_full_build(archive, tmp_path)
    assert rebuilt(archive).endswith(f"(2 unchanged{HOME_KEPT}, from .waqai/cache/build/).")


def test_a_removed_volume_is_no_longer_kept(archive: Path) -> None:
    assert len(entries(archive)) == 3  # the home part's and each volume's
    shutil.rmtree(archive / "papers" / LATER)
    assert rebuilt(archive).endswith("home page and 1 volume (1 unchanged, from "
                                     ".waqai/cache/build/).")
    assert len(entries(archive)) == 2
