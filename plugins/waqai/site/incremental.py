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
page alone (`test_incremental` checks this for every page kind of the example,
`test_bounded_indexes` for the letter pages and a long day's pages). Otherwise
every page's digest is computed again.

When the stamp and the set of generated pages are those of the last good
build, the next build is *partial*: only the pages whose digest changed (in
both languages, so the language switcher finds its partner) and the pages the
nav names are handed to MkDocs; the others are on disk already. Any other
change gives a full dirty build, in which unchanged pages are still skipped.

A dirty build never deletes: a page or export the data no longer makes (a
paper removed, a citation key changed) is deleted here, so the served site is
the one `build` would make (`test_incremental` compares them file by file).

`ServeState` is all `serve` keeps between rebuilds (the plugin's `serve`):
this memory of the last good build, and the search indexes, search records
and page ids that each rebuild brings up to date rather than makes anew.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation

from waqai import search
from waqai.data.checks import fingerprint
from waqai.data.model import LANGS, Proceedings
from waqai.site.generated import GeneratedPages
from waqai.site.invariants import PageIds
from waqai.site.lastmod import PageDates
from waqai.site.passes import Content, ExportFile, OpenBuild
from waqai.site.sitemap import SITEMAP, restamp_sitemap, write_sitemap

log = get_plugin_logger(__name__)



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
    if (old.conference != new.conference or old.about != new.about or old.people != new.people
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
    ("papers/my-paper.en.md" -> "papers/my-paper"). A changed page comes with its
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
        self.exports: dict[str, Content] = {}  # path -> text, at the last good build
        # The sitemap of the last full build. Every language pass writes it from the pages
        # that pass saw: a partial build would leave it listing only its few pages, so
        # this copy is put back, with every page's date of now.
        self.sitemap: str | None = None
        self.basis: Proceedings | None = None  # the data the last good build was made from
        self.building = False
        self.proceedings: Proceedings | None = None  # this build's
        self.page_digests: dict[str, str] = {}
        self.export_texts: dict[str, Content] = {}
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
        if not self.pages or self.basis is None or self.proceedings is None:
            return None
        return abstract_edits(self.basis, self.proceedings)

    def decide(self, page_digests: dict[str, str]) -> None:
        """With every page's digest: a partial build when the same pages exist as last time."""
        self.page_digests = page_digests
        same_pages = bool(self.pages) and page_digests.keys() == self.pages.keys()
        self.changed = ({uri for uri, value in page_digests.items() if self.pages.get(uri) != value}
                        if same_pages else None)
        if self.changed is not None:  # the pages left out are where they were
            self.outputs_now = {uri: path for uri, path in self.outputs.items()
                                if uri in self.pages}

    @property
    def partial(self) -> bool:
        return self.changed is not None

    def page_is_current(self, src_uri: str, dest_path: str) -> bool:
        self.outputs_now[src_uri] = dest_path
        return self.pages.get(src_uri) == self.page_digests[src_uri] and os.path.isfile(dest_path)

    def export_is_current(self, path: str, text: Content, dest_path: str) -> bool:
        self.outputs_now[path] = dest_path
        self.export_texts[path] = text
        return self.exports.get(path) == text and os.path.isfile(dest_path)

    def copied(self, path: str, dest_path: str) -> None:
        """A file this build copies as it is (a PDF): deleted once the data drops it."""
        self.outputs_now[path] = dest_path

    def finish(self, site_dir: Path, lastmods: Mapping[str, str] | None = None) -> None:
        """The build succeeded: remember what it wrote. `lastmods`: each page's address
        -> the date of its data now (None: as the last full build dated them)."""
        if self.partial and self.sitemap is not None:
            self.sitemap = restamp_sitemap(self.sitemap, lastmods or {})
            write_sitemap(site_dir, self.sitemap)
        elif not self.partial:
            written = site_dir / SITEMAP
            self.sitemap = written.read_text(encoding="utf-8") if written.is_file() else None
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


class ServeState:
    """Everything `serve` keeps from one rebuild to the next, with the decisions of
    the current one: the plugin's `serve` (None outside `serve`)."""

    def __init__(self) -> None:
        self.memory = ServeMemory()
        terms = search.Terms(remember_texts=True)
        self.search_indexes = {lang: search.IndexFolder(terms) for lang in LANGS}
        self.hand_written: dict[str, search.Record] = {}  # see OpenBuild
        self.page_ids: PageIds | None = None
        self.included: set[str] | None = None  # generated src_uris this build takes; None: all
        self.sources: dict[str, str] = {}  # each page's address -> its src_uri, as last built

    def open_build(self, site_dir: Path) -> OpenBuild:
        """A build that starts from what the last one left."""
        if self.page_ids is None or self.page_ids.site_dir != site_dir:
            self.page_ids = PageIds(site_dir)
        return OpenBuild(site_dir, self.page_ids, self.hand_written, self.search_indexes,
                         self.plan_exports, self.note_copies)

    def begin(self, config: MkDocsConfig, pages: GeneratedPages) -> None:
        """At the start of each language pass: the first decides which pages changed."""
        if self.memory.building:
            return
        config_file = Path(config.config_file_path)
        self.memory.begin(stamp(config_file, Path(config.docs_dir),
                                Path(config.theme.custom_dir or config_file.parent)),
                          pages.proc)
        self.memory.decide(page_digests(pages, self.memory.pages, self.memory.abstract_edits()))
        self.included = None
        changed = self.memory.changed
        if changed is not None:  # a partial build
            self.included = pages_to_build(changed, pages.stems(), config.nav)
            count = len(changed)
            log.info(f"Rebuilding {count} changed generated page{'' if count == 1 else 's'}.")

    def skip_if_current(self, file: File) -> None:
        """Let MkDocs leave a generated page alone when its output is current."""
        if self.memory.page_is_current(file.src_uri, file.abs_dest_path):
            # An instance attribute shadows File.is_modified for this file only.
            file.is_modified = not_modified  # type: ignore[method-assign]

    def plan_exports(self, exports: dict[str, Content], site_dir: str) -> list[ExportFile]:
        """Which export files this build lists, and which of them it writes."""
        plan = []
        for path, text in exports.items():
            current = self.memory.export_is_current(path, text, os.path.join(site_dir, path))
            if not (current and self.memory.partial):  # a partial build leaves them out
                plan.append(ExportFile(path, text, not current))
        return plan

    def note_copies(self, copies: Mapping[str, Path], site_dir: str) -> None:
        for path in copies:
            self.memory.copied(path, os.path.join(site_dir, path))

    def finish(self, site_dir: Path, dates: PageDates) -> None:
        lastmods = {loc: day.isoformat() for loc, src_uri in self.sources.items()
                    if (day := dates.of(src_uri)) is not None}
        self.memory.finish(site_dir, lastmods)

    def abandon(self) -> None:
        self.memory.abandon()


def read_skipped_titles(nav: Navigation, config: MkDocsConfig) -> Navigation:
    """In a dirty build, give the unchanged pages of the nav their titles.

    MkDocs reads only the pages it rebuilds, and a page it did not read has no
    title: every rebuilt page would show "None" in the tabs and sidebar.
    Reading the source (front matter and first heading) is enough.
    """
    for page in nav.pages:
        if page.markdown is None and not page.file.is_modified():
            page.read_source(config)
    return nav
