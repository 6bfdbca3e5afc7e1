"""Which commands work on an archive of volumes today: `check`, `build`, `export`,
`init --archive` (on an empty folder), `schema`, and `import acl-anthology` (which
writes whole volumes). The others read or write one volume, and
refuse an archive, or a volume of one, with one message before doing anything."""

from __future__ import annotations

from pathlib import Path

from waqai.data.archiveload import ARCHIVE_FILE, is_archive, layout_refusal
from waqai.data.problems import Problem
from waqai.importers.formats import VOLUME_FORMATS

ONE_VOLUME = frozenset({"build", "serve", "book", "deposit"})
ARCHIVE_TOO = frozenset({"build"})  # of those, the ones that also run on a whole archive
NEW_ITEMS = frozenset({"new", "import"})  # they write items into the data folder


def refusal(command: str, root: Path, data_dir: str, fmt: str = "") -> Problem | None:
    """Why `command` (importing `fmt`) does not run on `root/data_dir`, if it does not."""
    if command in ARCHIVE_TOO or fmt in VOLUME_FORMATS and is_archive(root / data_dir):
        return None
    if command in ONE_VOLUME:
        return layout_refusal(root, data_dir, command)
    if command in NEW_ITEMS and is_archive(root / data_dir):
        folder = data_dir.rstrip("/")
        return Problem(f"{folder}/{ARCHIVE_FILE}", "", f"`{command}` adds items to one volume, "
                       "and this data folder is an archive of volumes; this version does not "
                       "add items to an archive's volume yet.",
                       f"Add the item's folder to its volume by hand, {folder}/<volume-id>/"
                       "<item-id>/ with its paper.yaml and both abstracts (a copy of another "
                       "item of the volume is a good start), then run `python3 build.py check`.")
    return None
