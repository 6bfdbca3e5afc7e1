"""Dirty rebuilds under `serve`: tell MkDocs which generated pages really changed.

MkDocs' dirty mode skips a page whose file is not modified, but a generated
page has no source file and always counts as modified. Each generated page's
digest covers everything its HTML is made from (template, title, the view its
template receives, the abstract), plus a stamp of the theme, the hand-written
pages and the configuration: when neither changed since the last build and the
page is on disk, the page is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File

from .checks import fingerprint


def stamp(*paths: Path) -> tuple:
    """Identity of what every page depends on: folders by their files, files by their stat."""
    parts: list[Any] = []
    for path in paths:
        if path.is_dir():
            parts.append(fingerprint(path))
        elif path.is_file():
            status = path.stat()
            parts.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(parts)


def digest(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _not_modified() -> bool:
    return False


class PageDigests:
    """The digest of every generated page at the last build, to compare with this one."""

    def __init__(self) -> None:
        self.digests: dict[str, str] = {}
        self.stamp: tuple | None = None

    def start(self, current_stamp: tuple) -> None:
        """Begin a build; a new stamp (theme, pages, config changed) rebuilds every page."""
        if current_stamp != self.stamp:
            self.digests = {}
        self.stamp = current_stamp

    def skip_if_unchanged(self, file: File, page_digest: str) -> None:
        key = file.dest_uri
        unchanged = self.digests.get(key) == page_digest and os.path.isfile(file.abs_dest_path)
        self.digests[key] = page_digest
        if unchanged:
            # An instance attribute shadows File.is_modified for this file only.
            file.is_modified = _not_modified  # type: ignore[method-assign]

