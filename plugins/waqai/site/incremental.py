"""Rebuilds under `serve`: build only the generated pages and exports that changed.

MkDocs' dirty mode skips a page whose source file is older than its output, but
a generated page has no source file and always counts as modified; and even a
skipped page costs mkdocs-static-i18n and MkDocs work on every rebuild (about
two seconds at 1,000 papers). So each generated page gets a digest of
everything its HTML is made from (template, title, the view its template
receives, the abstract), and the build has a stamp of what every page depends
on (the theme, the hand-written pages, the configuration).

When only abstracts changed since the last good build (the commonest edit),
only those papers' pages get a new digest: an abstract is read by its own
page alone (`test_incremental` checks this for every page kind). Otherwise
every page's digest is computed again.

When the stamp and the set of generated pages are those of the last good
build, the next build is *partial*: only the pages whose digest changed (in
both languages, so the language switcher finds its partner) and the pages the
nav names are handed to MkDocs; the others are on disk already. Any other
change gives a full dirty build, in which unchanged pages are still skipped.

A dirty build never deletes: a page or export the data no longer makes (a
paper removed, a citation key changed) is deleted here, so the served site is
the one `build` would make (`test_incremental` compares them file by file).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from dataclasses import replace

from waqai.data.checks import fingerprint
from waqai.data.model import Proceedings
from waqai.site.generated import GeneratedPages

# Written by every language pass from the pages that pass saw: a partial build
# would leave them listing only its few pages, so the full build's copy is put back.
SITEWIDE_OUTPUTS = ("sitemap.xml", "sitemap.xml.gz")


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


def abstract_edits(old: Proceedings, new: Proceedings) -> set[str] | None:
    """Ids of the papers whose abstract alone changed; None when anything else did."""
    if (old.conference != new.conference or old.people != new.people
            or old.sessions != new.sessions or len(old.papers) != len(new.papers)):
        return None
    edited = set()
    for before, after in zip(old.papers, new.papers):
        if before == after:
            continue
        if replace(before, abstract=after.abstract) != after:
            return None
        edited.add(after.id)
    return edited


def not_modified() -> bool:
    """Stands in for `File.is_modified` on a file that MkDocs need not write again."""
    return False


def already_written(dirty: bool = False) -> None:
    """Stands in for `File.copy_file` of an export that is on disk already."""


def page_digests(pages: GeneratedPages, last: dict[str, str] | None = None,
                 edited: set[str] | None = None) -> dict[str, str]:
    """The digest of every generated page. Given the `last` build's digests and the
    papers whose abstract alone changed since (`edited`), only those papers' pages
    are digested again."""
    if last is None or edited is None:
        return {uri: digest(*pages.inputs(uri)) for uri in pages}
    digests = dict(last)
    for uri in pages.paper_pages(edited):
        digests[uri] = digest(*pages.inputs(uri))
    return digests


def nav_paths(nav: Any) -> set[str]:
    """Every Markdown path the `nav` setting names, at any depth."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(nav_paths(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(*(nav_paths(item) for item in nav))
    return set()


def pages_to_build(changed: set[str], stems: dict[str, str], nav: Any) -> set[str]:
    """The generated pages (src_uris) a partial build hands to MkDocs.

    `stems` maps each generated src_uri to its language-neutral stem
    ("papers/absher.en.md" -> "papers/absher"). A changed page comes with its
    other languages, so i18n links the translations; a page the nav names comes
    always, or the nav would lose its entry.
    """
    in_nav = nav_paths(nav)
    wanted = {stems[uri] for uri in changed} | {stem for stem in stems.values()
                                                if f"{stem}.md" in in_nav}
    return {uri for uri, stem in stems.items() if stem in wanted}


class ServeMemory:
    """What the last good build wrote, and what the current build must write again."""

    def __init__(self) -> None:
        self.stamp: tuple | None = None
        self.pages: dict[str, str] = {}  # src_uri -> digest, at the last good build
        self.exports: dict[str, str] = {}  # path -> text, at the last good build
        self.sitewide: dict[str, bytes] = {}  # SITEWIDE_OUTPUTS of the last full build
        self.basis: Proceedings | None = None  # the data the last good build was made from
        self.building = False
        self.proceedings: Proceedings | None = None  # this build's
        self.page_digests: dict[str, str] = {}
        self.export_texts: dict[str, str] = {}
        self.changed: set[str] | None = None  # src_uris to build again; None: a full build
        # Output file of each generated page and export, at the last good build and now.
        self.outputs: dict[str, str] = {}
        self.outputs_now: dict[str, str] = {}

    def begin(self, current_stamp: tuple, proceedings: Proceedings) -> None:
        """Start a build (the first language pass)."""
        self.building = True
        if current_stamp != self.stamp:  # theme, hand-written pages or config changed
            self.pages, self.exports = {}, {}
        self.stamp, self.proceedings = current_stamp, proceedings
        self.export_texts, self.outputs_now = {}, {}

    def abstract_edits(self) -> set[str] | None:
        """Papers whose abstract alone changed since the last good build (None: more did)."""
        if not self.pages or self.basis is None:
            return None
        return abstract_edits(self.basis, self.proceedings)

    def decide(self, page_digests: dict[str, str]) -> None:
        """With every page's digest: a partial build when the same pages exist as last time."""
        self.page_digests = page_digests
        same_pages = bool(self.pages) and page_digests.keys() == self.pages.keys()
        self.changed = ({uri for uri, value in page_digests.items() if self.pages.get(uri) != value}
                        if same_pages else None)
        if self.changed is not None:  # the pages left out are where they were
            self.outputs_now = {uri: path for uri, path in self.outputs.items() if uri in self.pages}

    @property
    def partial(self) -> bool:
        return self.changed is not None

    def page_is_current(self, src_uri: str, dest_path: str) -> bool:
        self.outputs_now[src_uri] = dest_path
        return self.pages.get(src_uri) == self.page_digests[src_uri] and os.path.isfile(dest_path)

    def export_is_current(self, path: str, text: str, dest_path: str) -> bool:
        self.outputs_now[path] = dest_path
        self.export_texts[path] = text
        return self.exports.get(path) == text and os.path.isfile(dest_path)

    def finish(self, site_dir: Path) -> None:
        """The build succeeded: remember what it wrote."""
        if self.partial:
            for name, data in self.sitewide.items():
                (site_dir / name).write_bytes(data)
        else:
            self.sitewide = {name: (site_dir / name).read_bytes() for name in SITEWIDE_OUTPUTS
                             if (site_dir / name).is_file()}
        for path in set(self.outputs.values()) - set(self.outputs_now.values()):
            remove_output(Path(path), site_dir)
        self.pages, self.exports = self.page_digests, self.export_texts
        self.outputs, self.basis = self.outputs_now, self.proceedings
        self.building = False

    def abandon(self) -> None:
        """The build failed part way: what is on disk is not known, so the next is full."""
        self.pages, self.exports = {}, {}
        self.outputs = {**self.outputs, **self.outputs_now}  # still to delete if not made
        self.building = False


def remove_output(path: Path, site_dir: Path) -> None:
    """Delete a file the build no longer makes, and the folders it leaves empty."""
    path.unlink(missing_ok=True)
    folder, site_dir = path.parent, site_dir.resolve()
    while folder.resolve() != site_dir and site_dir in folder.resolve().parents:
        try:
            folder.rmdir()  # only when empty
        except OSError:
            break
        folder = folder.parent
