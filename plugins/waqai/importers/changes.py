"""An import's changes shown as a diff (`--dry-run`) or written."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from waqai.importers.plan import Change
from waqai.published import write_whole


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def diff(changes: Sequence[Change], root: Path) -> str:
    """A unified diff of the text files, a line for each file of bytes."""
    out: list[str] = []
    for change in changes:
        name = _shown(change.path, root)
        if isinstance(change.new, bytes):
            what = "new" if change.old is None else "changed"
            out.append(f"Binary file {name}: {what} ({len(change.new):,} bytes)\n")
            continue
        old = change.old if isinstance(change.old, str) else ""
        out += difflib.unified_diff(old.splitlines(keepends=True),
                                    change.new.splitlines(keepends=True),
                                    "/dev/null" if change.old is None else f"a/{name}",
                                    f"b/{name}")
    return "".join(out)


def apply(changes: Sequence[Change]) -> None:
    """Write every change, each file whole (a temporary file renamed into place)."""
    for change in changes:
        change.path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(change.path,
                    change.new.encode("utf-8") if isinstance(change.new, str) else change.new)
