"""The archive's own citation files made with each item's texts kept between runs
(`exports/kept.py`) are those made without: the first run, the next, after an edit of
one abstract, from a damaged cache and under another tool."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from archive_project import FIRST, LATER, make_archive, validated
from test_bad_inputs import edit
from waqai.data.archive import Archive
from waqai.exports import kept
from waqai.exports.archive import abstracts_file, archive_site_files
from waqai.exports.files import PaperExports
from waqai.exports.kept import KeptItems, items_folder
from waqai.exports.keys import citation_keys
from waqai.exports.record import Citation

EDITED, GONE = "absher-2016", "patient-experience-2016"  # the items of LATER


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_archive(tmp_path / "archive")


@pytest.fixture
def formatted(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The citation key of each item formatted from now on."""
    keys: set[str] = set()
    made = PaperExports.of

    def counting(cls: type[PaperExports], cite: Citation) -> PaperExports:
        keys.add(cite.key)
        return made(cite)

    monkeypatch.setattr(PaperExports, "of", classmethod(counting))
    return keys


def listed_keys(archive: Archive) -> set[str]:
    return {citation_keys(volume.proceedings)[paper.id] for volume in archive.volumes
            for paper in volume.proceedings.papers if paper.in_volume}


def entries(project: Path, volume_id: str) -> dict[str, dict[str, list[str]]]:
    data = json.loads(KeptItems(items_folder(project)).path(volume_id).read_bytes())
    return data["items"]


def test_kept_texts_are_the_texts_made(project: Path, formatted: set[str]) -> None:
    """Cold, then warm: the same files as without the cache, and the warm run formats
    nothing and writes no file again; a file of no volume is deleted."""
    archive, folder = validated(project), items_folder(project)
    uncached = archive_site_files(archive)
    stale = folder / "stale.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}", encoding="utf-8")
    formatted.clear()
    assert archive_site_files(archive, folder) == uncached
    assert formatted == listed_keys(archive)
    assert not stale.exists()
    files = {path.name: path.stat().st_ino for path in folder.iterdir()}
    assert len(files) == 2
    formatted.clear()
    assert archive_site_files(validated(project), folder) == uncached  # a record read anew
    assert formatted == set()
    assert {path.name: path.stat().st_ino for path in folder.iterdir()} == files


def test_an_edited_abstract_formats_that_item_alone(project: Path, formatted: set[str]) -> None:
    folder = items_folder(project)
    archive_site_files(validated(project), folder)
    first_file = KeptItems(folder).path(FIRST)
    before = first_file.stat().st_ino
    edit(project / "papers" / LATER / EDITED / "abstract.en.md", "\n", "\nQuokkalism.\n")
    archive = validated(project)
    formatted.clear()
    files = archive_site_files(archive, folder)
    key = citation_keys(archive.volume(LATER).proceedings)[EDITED]
    assert formatted == {key}
    assert files == archive_site_files(archive)
    assert "Quokkalism." in files[abstracts_file("romanised")]
    assert first_file.stat().st_ino == before  # unchanged: not written again
    assert len(entries(project, LATER)) == 2  # the old entry of the edited item left out


def test_an_item_gone_is_left_out(project: Path, formatted: set[str]) -> None:
    """Its entry is dropped though nothing else changed, and nothing is formatted."""
    folder = items_folder(project)
    archive_site_files(validated(project), folder)
    shutil.rmtree(project / "papers" / LATER / GONE)
    archive = validated(project)
    formatted.clear()
    files = archive_site_files(archive, folder)
    assert formatted == set() and len(entries(project, LATER)) == 1
    assert files == archive_site_files(archive)


def not_json(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-10])


def too_deep(path: Path) -> None:
    path.write_text("[" * 100_000, encoding="utf-8")


def too_large(path: Path) -> None:
    kept.MAX_FILE_BYTES = path.stat().st_size - 1  # restored by the test's monkeypatch


def other_format(path: Path) -> None:
    data = json.loads(path.read_bytes())
    path.write_text(json.dumps({**data, "format": 0}), encoding="utf-8")


def items_a_list(path: Path) -> None:
    path.write_text(json.dumps({"format": kept.FORMAT, "items": []}), encoding="utf-8")


def a_link(path: Path) -> None:
    target = path.with_name("elsewhere")
    path.rename(target)
    path.symlink_to(target)


def entry_changed(change: Callable[[dict[str, list[object]]], None]) -> Callable[[Path], None]:
    """Damage one entry of the file (its first): that item alone is formatted again."""
    def damage(path: Path) -> None:
        data = json.loads(path.read_bytes())
        change(next(iter(data["items"].values())))
        path.write_text(json.dumps(data), encoding="utf-8")
    damage.__name__ = change.__name__
    return damage


def a_number(entry: dict[str, list[object]]) -> None:
    entry["original"][2] = 3


def five_texts(entry: dict[str, list[object]]) -> None:
    entry["romanised"].pop()


def no_list(entry: dict[str, list[object]]) -> None:
    entry["original"] = "@inproceedings{}"


def another_form(entry: dict[str, list[object]]) -> None:
    entry["other"] = entry["original"]


WHOLE = [not_json, too_deep, too_large, other_format, items_a_list, a_link]
ONE = [entry_changed(change) for change in (a_number, five_texts, no_list, another_form)]


@pytest.mark.parametrize("damage", WHOLE + ONE, ids=lambda damage: damage.__name__)
def test_a_damaged_file_is_ignored(project: Path, formatted: set[str],
                                   monkeypatch: pytest.MonkeyPatch,
                                   damage: Callable[[Path], None]) -> None:
    archive, folder = validated(project), items_folder(project)
    uncached = archive_site_files(archive)
    archive_site_files(archive, folder)
    monkeypatch.setattr(kept, "MAX_FILE_BYTES", kept.MAX_FILE_BYTES)
    damage(KeptItems(folder).path(FIRST))
    formatted.clear()
    assert archive_site_files(archive, folder) == uncached
    first = set(citation_keys(archive.volume(FIRST).proceedings).values())
    assert formatted <= first and len(formatted) == (len(first) if damage in WHOLE else 1)
    if damage is not too_large:  # else the file written is refused again
        formatted.clear()
        assert archive_site_files(archive, folder) == uncached
        assert formatted == set()  # the file was written again, sound


def test_another_tool_formats_everything_again(project: Path, formatted: set[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    archive, folder = validated(project), items_folder(project)
    uncached = archive_site_files(archive)
    archive_site_files(archive, folder)
    monkeypatch.setattr(kept, "tool_digest", lambda: "another Waqai")
    formatted.clear()
    assert archive_site_files(archive, folder) == uncached
    assert formatted == listed_keys(archive)
