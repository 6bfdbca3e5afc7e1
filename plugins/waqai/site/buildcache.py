"""`build` on an archive, reusing each volume built before whose inputs did not change.

A volume's site is made from its folder, the people it cites, archive.yaml and the tool
(Waqai and the packages it runs on, mkdocs.yml, the hand-written pages of `docs/` and the
theme's overrides). `volume_key` is the digest of all of them, and of the dates the
sitemap gives its pages (`data/revised.py`: git's, which a commit changes without
touching a file). Each volume built is kept in `.waqai/cache/build/`, as hard links to
the files of the site it was built into (a copy where links cannot be made), with a
manifest naming its key and each file's size and time. The next `build` links the kept
files of a volume whose key is the same into its staging folder instead of building the
volume. The archive's home part, made from every volume, is kept the same way under
`home_key`, which leaves the abstracts out: after an edit of abstracts only, its pages are
reused and its citation files and search index written again.

A kept volume is untrusted input: its manifest is bounded and type-checked, and the
volume is reused only when its folder holds exactly the files the manifest names,
plain files of those sizes and times (a file of the site edited in place, which is the
kept file too, has another time): else it is built again and kept anew.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from mkdocs.config import load_config

from waqai.cachedir import (
    cache_folder,
    digest,
    read_bounded,
    stat_digest,
    tool_digest,
    tree_digest,
    write_entry,
)
from waqai.data.archive import Archive, Volume
from waqai.data.model import Text
from waqai.data.revised import revision_dates
from waqai.site.runner import swap_in

FORMAT = 1
HOME_ID = ".archive-home"  # the home part's entry; a volume's id starts with a letter or digit
MANIFEST = "manifest.json"
FILES = "site"  # the folder of an entry that holds the volume's files
MAX_MANIFEST_BYTES = 64 * 2**20  # 100,000 files' names, sizes and times take about 10 MB

FileStamp = tuple[str, int, int]  # path below the volume's folder, size, mtime_ns


def config_digest(config_file: Path) -> str:
    """mkdocs.yml, the hand-written pages (and their dates) and the theme's overrides."""
    config = load_config(str(config_file))
    docs, overrides = Path(config.docs_dir), config.theme.custom_dir
    return digest([config_file.read_text(encoding="utf-8"), tree_digest(docs),
                   repr(sorted(revision_dates(docs).items())),
                   tree_digest(Path(overrides)) if overrides else ""])


def volume_key(config: str, archive: Archive, volume: Volume, folder: Path) -> str:
    """What the volume's site is made from (see the module's docstring)."""
    return digest([str(FORMAT), tool_digest(), config, volume.id, repr(archive.info),
                   stat_digest(folder), repr(sorted(revision_dates(folder).items())),
                   *map(repr, volume.proceedings.people)])


def home_key(config: str, archive: Archive, data_dir: Path, day: dt.date) -> str:
    """What the archive's home part is made from but its items' abstracts, which only its
    citation files and search index read (`archivehome.rewrite_home_data` writes them
    again): every volume's data, the people, the tool, and the build's `day` (the
    home's pages have no date of their own in the sitemap). A volume that was the site's
    root is kept whole: its old addresses hold copies of its exports."""
    volumes = tuple(replace(volume, proceedings=replace(volume.proceedings, papers=tuple(
        replace(paper, abstract=_presence(paper.abstract)) for paper in volume.proceedings.papers)))
        for volume in archive.volumes)
    moved = archive.info.moved_from_root
    return digest([str(FORMAT), tool_digest(), config, HOME_ID, day.isoformat(),
                   repr(archive.info), repr(archive.people), repr(volumes),
                   stat_digest(data_dir / moved) if moved else ""])


def _presence(text: Text) -> Text:
    """Whether each language has a text, without the text."""
    return Text("1" if text.ar else "", "1" if text.en else "")


class BuildCache:
    """The kept volumes of one project, in `folder`, one entry per volume."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def of(cls, root: Path) -> BuildCache:
        return cls(cache_folder(root, "build"))

    def entry(self, volume_id: str) -> Path:
        return self.folder / digest([volume_id])[:32]

    def reuse(self, volume_id: str, key: str, into: Path) -> bool:
        """Put the kept volume's files in `into` (a new folder), if it was kept under `key`."""
        stamps = _manifest(self.entry(volume_id), key)
        if stamps is None:
            return False
        if _link_tree(self.entry(volume_id) / FILES, into, stamps):
            return True
        shutil.rmtree(into, ignore_errors=True)  # what was linked before the difference
        return False

    def holds(self, volume_id: str, key: str, folder: Path) -> bool:
        """Whether `folder` (the last site's copy of the volume) has exactly the files kept
        under `key`, and the kept files are whole: the site's folder can then be moved
        into the new site as it is, instead of linked file by file."""
        stamps = _manifest(self.entry(volume_id), key)
        return (stamps is not None and not folder.is_symlink() and folder.is_dir()
                and _stamps(self.entry(volume_id) / FILES) == stamps == _stamps(folder))

    def keep(self, volume_id: str, key: str, built: Path) -> None:
        """Keep the volume just built into `built` under `key`, in place of what was kept."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=".keeping-", dir=self.folder))
        try:
            stamps = _stamps(built)
            if stamps is None or not _link_tree(built, fresh / FILES, stamps):
                raise OSError(f"{built} holds a link or a special file, or changed")
            write_entry(fresh / MANIFEST, json.dumps(
                {"format": FORMAT, "key": key, "files": stamps}).encode("utf-8"))
            swap_in(fresh, self.entry(volume_id))
        finally:
            shutil.rmtree(fresh, ignore_errors=True)

    def keep_only(self, volume_ids: list[str]) -> None:
        """Delete what was kept of volumes that are gone, and what an interrupted `keep` left."""
        if not self.folder.is_dir():
            return
        kept = {self.entry(volume_id).name for volume_id in volume_ids}
        for path in self.folder.iterdir():
            if path.name not in kept:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)


def _manifest(entry: Path, key: str) -> list[FileStamp] | None:
    data = read_bounded(entry / MANIFEST, MAX_MANIFEST_BYTES)
    if data is None:
        return None
    try:
        manifest = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get(
            "key") != key or not isinstance(manifest.get("files"), list):
        return None
    stamps: list[FileStamp] = []
    for item in manifest["files"]:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
                and all(type(number) is int for number in item[1:])):
            return None
        stamps.append((item[0], item[1], item[2]))
    return stamps


def _entries(folder: Path) -> Iterator[tuple[str, os.stat_result | None]]:
    """Each folder (with None) and file below `folder`, by its path below it, in order;
    `NotPlain` for anything else (a link is never followed out of the cache)."""
    waiting = [""]
    while waiting:
        relative = waiting.pop()
        try:
            found = sorted(os.scandir(folder / relative), key=lambda entry: entry.name,
                           reverse=True)
        except OSError as err:
            raise NotPlain(str(err)) from None
        for entry in found:
            path = f"{relative}/{entry.name}" if relative else entry.name
            if entry.is_dir(follow_symlinks=False):
                yield path, None
                waiting.append(path)
            elif entry.is_file(follow_symlinks=False):
                yield path, entry.stat(follow_symlinks=False)
            else:
                raise NotPlain(path)


class NotPlain(OSError):
    """A kept volume holding a link or a special file, or a folder that cannot be read."""


def _stamp(path: str, status: os.stat_result | None) -> FileStamp:
    """A file's path, size and time; a folder's path with "/" (-1 and 0)."""
    if status is None:
        return f"{path}/", -1, 0
    return path, status.st_size, status.st_mtime_ns


def _stamps(folder: Path) -> list[FileStamp] | None:
    try:
        return [_stamp(path, status) for path, status in _entries(folder)]
    except NotPlain:
        return None


def _link_tree(source: Path, into: Path, stamps: list[FileStamp]) -> bool:
    """Hard links in `into` (made) to the files below `source` (copies where links fail),
    while they are those `stamps` names; whether all were."""
    into.mkdir()
    expected = iter(stamps)
    try:
        for path, status in _entries(source):
            if next(expected, None) != _stamp(path, status):
                return False
            if status is None:
                (into / path).mkdir()
            else:
                _link_or_copy(source / path, into / path)
    except NotPlain:
        return False
    return next(expected, None) is None


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, target)
