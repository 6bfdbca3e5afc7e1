"""`build` on an archive of volumes: one MkDocs build per part, each in its own process.

The parts are the archive's home page (built into a folder of the staging folder, then
lifted to its root: MkDocs empties the folder it builds into) and each volume, built
as a one-volume site into "<volume id>/" (`runner.build_part` names the volume to the
plugin). As many run at once as there are cores, never more than there are parts, and
each process builds one part and ends, so no process's memory grows with the archive.
The parent validated the archive; a child forked from it finds that result in
`archivecheck.validate_archive_cached` (where the platform spawns instead, each child
validates the whole archive again). The site is replaced only when every part built; at
the first failure no more parts start, and the staging folder goes. A volume whose inputs
did not change since it was last built is not built again: its kept files are linked
into the staging folder (`buildcache.py`), or its folder in the last site, when that
holds the kept files, is moved over as the last step; the home part's kept files are
linked when only abstracts changed, and a child writes its citation files and search
index again.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
import traceback
from collections.abc import Sequence
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import NamedTuple, cast

from waqai.data.archive import Archive
from waqai.site.archivehome import rewrite_home_data
from waqai.site.buildcache import HOME_ID, BuildCache, config_digest, home_key, volume_key
from waqai.site.runner import build_part, build_staged, show_mkdocs_log


class Part(NamedTuple):
    volume: str  # "" for the archive's home page
    site_dir: Path
    data_only: bool = False  # the home's pages reused: its citation files and search index

    @property
    def name(self) -> str:
        return f"volume {self.volume}" if self.volume else "the archive's home page"


class Built(NamedTuple):
    status: int  # 0 when the site was replaced
    reused: int  # volumes taken from the cache instead of built
    home_reused: bool  # the home part's pages too (its citation files written again)


def build_archive(config_file: Path, site_dir: Path, archive: Archive, data_dir: Path,
                  verbose: bool = False) -> Built:
    """Build the archive's site into `site_dir`, replaced only when every part built; a
    volume kept in `.waqai/cache/build/` under the key of its inputs as they are now is
    reused instead of built (`buildcache`), and each volume built is kept there."""
    site_dir, cache = site_dir.resolve(), BuildCache.of(config_file.parent)
    config = config_digest(config_file)
    keys = {volume.id: volume_key(config, archive, volume, data_dir / volume.id)
            for volume in archive.volumes}
    keys[HOME_ID] = home_key(config, archive, data_dir, dt.datetime.now(dt.UTC).date())
    reused: list[str] = []

    def build_into(staging: Path) -> str | None:
        folders = {part: staging / part for part in keys}  # the home's: HOME_ID
        # A volume the last site holds as kept is moved over at the end, not linked again.
        carried = [part for part in keys if part != HOME_ID
                   and cache.holds(part, keys[part], site_dir / part)]
        reused.extend(carried)
        reused.extend(part for part in keys if part not in carried
                      and cache.reuse(part, keys[part], folders[part]))
        built = [part for part in keys if part not in reused]
        home = Part("", folders[HOME_ID], data_only=HOME_ID in reused)
        parts = [home, *(Part(volume, folders[volume]) for volume in built if volume != HOME_ID)]
        failed = build_parts(config_file, parts, verbose)
        if failed:
            return "Not built: " + ", ".join(part.name for part in failed) + "."
        try:
            for part in built:
                cache.keep(part, keys[part], folders[part])
            cache.keep_only(list(keys))
        except OSError as err:  # the site is built: only the next build takes longer
            print(f"Not kept for the next build ({err}).", file=sys.stderr)
        lift(folders[HOME_ID], staging)
        return carry(site_dir, staging, carried)

    status = build_staged(site_dir, build_into)
    return Built(status, len(set(reused) - {HOME_ID}), HOME_ID in reused)


def build_parts(config_file: Path, parts: Sequence[Part], verbose: bool) -> list[Part]:
    """Build every part, each in a process of its own, as many at once as there are cores;
    the parts that failed (after the first, none is started)."""
    waiting = list(parts)
    running: dict[int, tuple[BaseProcess, Part]] = {}
    failed: list[Part] = []
    workers = min(os.cpu_count() or 1, len(parts))
    try:
        while running or (waiting and not failed):
            while waiting and not failed and len(running) < workers:
                part = waiting.pop(0)
                started = multiprocessing.Process(target=build_in_child,
                                                  args=(config_file, part, verbose))
                started.start()
                running[started.sentinel] = (started, part)
            for sentinel in wait(list(running)):
                ended, part = running.pop(cast(int, sentinel))
                ended.join()
                if ended.exitcode != 0:
                    failed.append(part)
    finally:  # interrupted: end the builds this started
        for process, _ in running.values():
            process.terminate()
            process.join()
    return failed


def build_in_child(config_file: Path, part: Part, verbose: bool) -> None:
    """A child process's work: one part; its exit status says whether it built."""
    show_mkdocs_log(verbose)  # inherited when forked; set anew when spawned
    try:
        failure = (rewrite_home_data(config_file, part.site_dir) if part.data_only
                   else build_part(config_file, part.site_dir, part.volume))
    except Exception as err:  # noqa: BLE001 - one line, as the command line gives its own
        log = config_file.parent / ".waqai" / "last-error.txt"
        log.parent.mkdir(exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
        failure = (f"Internal error: {type(err).__name__}: {err}. This is a bug in Waqai; the "
                   f"details are in .waqai/last-error.txt")
    if failure is not None:
        print(f"{failure} ({part.name})", file=sys.stderr)
        sys.exit(1)


def carry(site_dir: Path, staging: Path, volumes: list[str]) -> str | None:
    """Move each of `volumes`' folders from the last site into `staging`, the last step
    before `staging` replaces it (`runner.swap_in`, which then deletes only what changed).
    Why it could not, with every folder put back, or None."""
    moved: list[str] = []
    try:
        for volume in volumes:
            (site_dir / volume).rename(staging / volume)
            moved.append(volume)
    except OSError as err:
        for volume in moved:
            (staging / volume).rename(site_dir / volume)
        return f"The site could not be put together ({err})."
    return None


def lift(folder: Path, into: Path) -> None:
    """Move the entries of `folder` into `into` (no volume's folder has their names), then
    remove `folder`."""
    for entry in folder.iterdir():
        target = into / entry.name
        if target.exists():
            raise FileExistsError(f"{target} is both a volume's and the archive's")
        entry.rename(target)
    folder.rmdir()
