"""Symbolic links in the data folder: found, refused, never followed.

A contributor's link can point anywhere on the machine that builds the site: an
abstract linked to a file outside the repository would be published as it is.
So every link under `papers/` (to a file or a folder, dangling or not, in any
folder, `_schema/` included) is an error, and the loader reads files with
`read_bytes`, which refuses to open a link.

A link that a field names (a paper's `pdf:`) is reported by that field's own
check, with the field and its line; `link_problems` reports the others.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Collection
from pathlib import Path

from waqai.data.problems import Problem

# Opening with O_NOFOLLOW fails on a link (ELOOP) instead of reading its target.
_NO_FOLLOW = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


class FileTooLarge(OSError):
    def __init__(self, size: int) -> None:
        super().__init__(f"{size:,} bytes")
        self.size = size


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file `path`: OSError when it is a link or not a regular
    file, FileTooLarge when it holds more than `limit` bytes."""
    if os.path.islink(path):  # where the system has no O_NOFOLLOW
        raise OSError(errno.ELOOP, "is a symbolic link", str(path))
    fd = os.open(path, _NO_FOLLOW)
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "is not a regular file", str(path))
        if limit is not None and status.st_size > limit:
            raise FileTooLarge(status.st_size)
        return handle.read()


def symlinks_under(folder: Path) -> list[Path]:
    """Every symbolic link under `folder`, at any depth, found without following one."""
    found: list[Path] = []
    pending = [folder]
    while pending:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        found.append(Path(entry.path))
                    elif entry.is_dir(follow_symlinks=False):
                        pending.append(Path(entry.path))
        except OSError:  # an unreadable folder: the loader reports what it cannot read
            continue
    return sorted(found)


def link_problems(folder: Path, shown: Callable[[Path], str],
                  reported: Collection[Path] = ()) -> list[Problem]:
    """A problem for each link under `folder` but those in `reported` (named by a field,
    whose check refuses them); `shown` gives a path as editors see it."""
    return [link_problem(link, shown(link)) for link in symlinks_under(folder)
            if link not in reported]


def link_problem(link: Path, shown: str) -> Problem:
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    if os.path.isdir(link):
        what, copy = "a folder", "the folder itself (a copy of it)"
    elif os.path.exists(link):
        what, copy = "a file", "the file itself (a copy of it)"
    else:
        what, copy = "nothing (the target does not exist)", "the file or folder itself"
    return Problem(shown, "", f"is a symbolic link to {what}: “{target}”. Waqai never "
                   "follows a link in the data folder, since it could lead anywhere on the "
                   "machine that builds the site.",
                   f"Replace the link with {copy}, or delete it.")
