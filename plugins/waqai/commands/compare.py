"""`python3 build.py compare OLD NEW`: which pages of a built site a change adds, removes
or changes, in Markdown (a pull request's job summary shows it to its reviewers).

Pages are named by their address in the site (`papers/absher/`, `en/people/`); the
other files (exports, PDFs, the search index) are counted. Builds give the same
bytes for the same data, so a page is "changed" only when what it shows changed.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

MAX_LISTED = 200  # a summary of a whole new volume stays readable


def digests(site: Path) -> dict[str, str]:
    """Site-relative path -> SHA-256 of every file under `site`."""
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def address(path: str) -> str:
    """A page's address in the site: `papers/x/index.html` -> `papers/x/`."""
    return path.removesuffix("index.html") or "/"


def changes(old: dict[str, str], new: dict[str, str]) -> dict[str, list[str]]:
    """The files added, removed and changed from `old` to `new` (digests by path)."""
    return {"added": sorted(set(new) - set(old)), "removed": sorted(set(old) - set(new)),
            "changed": sorted(path for path in set(old) & set(new) if old[path] != new[path])}


def summary(old: dict[str, str], new: dict[str, str]) -> str:
    """The Markdown summary of the changes from `old` to `new`."""
    found = changes(old, new)
    lines = ["## Pages this change adds, removes or changes", ""]
    for what, paths in found.items():
        pages = [address(path) for path in paths if path.endswith(".html")]
        others = len(paths) - len(pages)
        lines.append(f"**{what.capitalize()}: {len(pages)} page(s)**"
                     + (f", and {others} other file(s)" if others else ""))
        lines += [f"- `{page}`" for page in pages[:MAX_LISTED]]
        if len(pages) > MAX_LISTED:
            lines.append(f"- … and {len(pages) - MAX_LISTED} more")
        lines.append("")
    return "\n".join(lines)


def cmd_compare(args: argparse.Namespace, root: Path) -> int:
    old, new = root / args.old, root / args.new
    for site in (old, new):
        if not site.is_dir():
            print(f"{site} is not a folder: give two built sites.")
            return 1
    print(summary(digests(old), digests(new)))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("compare", help="list the pages two built sites differ in "
                              "(Markdown, for a pull request's summary)")
    p.add_argument("old", type=Path, help="the site before the change")
    p.add_argument("new", type=Path, help="the site after it")
    p.set_defaults(run=cmd_compare)
