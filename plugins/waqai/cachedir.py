"""Where Waqai keeps what it can make again: `.waqai/cache/` in the project's folder.

`check` and `build` on an archive keep each volume's results there (`data/checkcache.py`,
`site/buildcache.py`), found again by a key made of everything the result was made from,
the tool itself included (`tool_digest`). Deleting the folder is always safe: the next
run makes everything again. What is read back is untrusted input, as an editor's files
are: an entry that is too large, does not parse or does not hold what it should is
ignored (`read_bounded`), never trusted.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from waqai.published import write_whole

CACHE_DIR = Path(".waqai") / "cache"  # below the project's root; git-ignored with .waqai/
PACKAGE = Path(__file__).resolve().parent


def cache_folder(root: Path, part: str) -> Path:
    """The folder of one kind of cached results (made when first written)."""
    return root / CACHE_DIR / part


def digest(parts: Iterable[str]) -> str:
    """One hex digest of several strings, each closed off (no two lists give one text)."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        hashed.update(f"{len(data)}:".encode())
        hashed.update(data)
    return hashed.hexdigest()


def tree_digest(folder: Path) -> str:
    """The digest of every file below `folder`, by path and content (bytecode aside)."""
    hashed = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(name for name in dirnames if name != "__pycache__")
        for name in sorted(filenames):
            path = Path(dirpath, name)
            hashed.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass"))
            hashed.update(hashlib.sha256(path.read_bytes()).digest())
    return hashed.hexdigest()


def stat_digest(folder: Path) -> str:
    """The digest of every entry below `folder` (links not followed) by its path, kind,
    size, and modification and change times: a file written since is another file.
    The change time is the kernel's, which no tool sets back (`cp -p`, `rsync -t` and
    `touch -d` set the modification time only), so an older copy put in place differs."""
    hashed = hashlib.sha256()
    waiting = [folder]
    while waiting:
        current = waiting.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            status = entry.stat(follow_symlinks=False)
            hashed.update(f"{Path(entry.path).relative_to(folder).as_posix()}\0{status.st_mode}"
                          f"\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ctime_ns}\n"
                          .encode("utf-8", "surrogatepass"))
            if entry.is_dir(follow_symlinks=False):
                waiting.append(Path(entry.path))
    return hashed.hexdigest()


@functools.cache
def tool_digest() -> str:
    """This Waqai, its every module, template and font, the Python running it and the
    packages installed beside it (by their names and versions): a result kept by another
    version, or by a working copy edited since, is not this one's."""
    installed = sorted(name for folder in map(Path, sys.path) if folder.name == "site-packages"
                       and folder.is_dir() for name in os.listdir(folder)
                       if name.endswith(".dist-info"))
    return digest([tree_digest(PACKAGE), sys.version, *installed])


def read_bounded(path: Path, limit: int) -> bytes | None:
    """The bytes of a cache file, or None when it is missing, not a plain file (a link) or
    larger than `limit`."""
    try:
        with open(path, "rb", opener=_no_follow) as file:
            data = file.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


def write_entry(path: Path, data: bytes) -> None:
    """Write a cache file whole (a reader never sees half of one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_whole(path, data)
