"""When each file of a folder last changed: the dates of the sitemap's `lastmod`.

In a git checkout with history a file's date is that of the last commit that
touched it (git's committer date, as a UTC day), so a fresh clone gives the same
dates as the editor's copy: a clone sets every file's mtime to the moment of the
clone. A file git does not know, or that differs from the last commit, is
dated by its mtime, as is every file outside a git checkout (or without git).
The `_`- and `.`-prefixed folders (the schemas) are not data and are left out.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

GIT_TIMEOUT = 60  # seconds; a repository too slow to answer falls back to mtimes


def revision_dates(folder: Path) -> dict[str, dt.date]:
    """Folder-relative POSIX path -> the day each file under `folder` last changed."""
    committed = _git_dates(folder)
    return {path: committed.get(path) or _mtime_day(os.path.join(folder, path))
            for path in _files(folder)}


def newest_by_folder(dates: dict[str, dt.date]) -> dict[str, dt.date]:
    """The latest date of the files in each top-level folder (a paper's), and under ""
    of every file."""
    newest: dict[str, dt.date] = {}
    for path, day in dates.items():
        for key in ("", path.split("/", 1)[0]) if "/" in path else ("",):
            if key not in newest or day > newest[key]:
                newest[key] = day
    return newest


def _files(folder: Path) -> list[str]:
    found = []
    start = len(str(folder)) + 1
    for root, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(("_", "."))]
        relative = root[start:].replace(os.sep, "/")
        found += [f"{relative}/{name}" if relative else name
                  for name in names if not name.startswith(".")]
    return found


def _mtime_day(path: str) -> dt.date:
    return dt.datetime.fromtimestamp(os.stat(path).st_mtime, dt.UTC).date()


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                              text=True, timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _git_dates(folder: Path) -> dict[str, dt.date]:
    """Folder-relative path -> the day of the last commit touching it, for the files
    committed and unchanged since; {} outside a git checkout."""
    log = _git(folder, "log", "--format=%x00%ct", "--name-only", "--no-renames",
               "--relative", "--", ".")
    prefix = _git(folder, "rev-parse", "--show-prefix")
    status = _git(folder, "status", "--porcelain", "-z", "--untracked-files=all", "--", ".")
    if log is None or prefix is None or status is None:
        return {}
    dates: dict[str, dt.date] = {}
    day = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = dt.datetime.fromtimestamp(int(line[1:]), dt.UTC).date()
        elif line and day is not None:
            dates.setdefault(line, day)  # newest commit first: the first one is the last change
    # Porcelain paths are relative to the repository's root: "XY path" (and "-> new" renames).
    prefix = prefix.strip()
    for entry in status.split("\0"):
        path = entry[3:]
        if path.startswith(prefix):
            dates.pop(path[len(prefix):], None)
    return dates
