"""Files and folders a web server will read: written whole, readable by everyone.

A temporary file or folder (`tempfile.mkstemp`, `mkdtemp`) is made readable by its
owner only (0600, 0700), whatever the umask: that is the point of them. Renamed into
place as the site, the book or an editor's file, it keeps that mode, and a web server
running as another user answers 403 for the whole site (`rsync -a` copies the mode
too). So everything Waqai renames into place gets the mode a new file or folder
would have had under the user's umask (0644 and 0755 under the usual 022).
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


@functools.cache
def _umask() -> int:
    """The process's umask (read by setting it, so once, and set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    return 0o666 & ~_umask()


def folder_mode() -> int:
    return 0o777 & ~_umask()


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file renamed into place, so a reader
    never sees half a file and a failed write leaves the old one, with `file_mode()`."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, file_mode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_all(folder: Path, files: Mapping[str, str]) -> None:
    """Write each text of `files` (path below `folder` -> text) whole (`write_whole`), in
    UTF-8, making the folders it needs with `folder_mode()` (under the umask)."""
    for path, text in sorted(files.items()):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_whole(target, text.encode("utf-8"))


def staging_folder(final: Path) -> Path:
    """A new empty folder beside `final`, to build into and rename as `final`, with
    `folder_mode()`."""
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.building-", dir=final.parent))
    os.chmod(staging, folder_mode())
    return staging


def open_to_readers(folder: Path) -> None:
    """Give `folder` itself (made by someone else, e.g. MkDocs' `serve`) `folder_mode()`."""
    os.chmod(folder, folder_mode())
