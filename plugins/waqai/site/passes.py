"""What the language passes of one build share.

mkdocs-static-i18n runs one MkDocs build per language, the later ones from
inside the first one's `on_post_build`. For Waqai a build is *open* from the
first pass's `on_config` to the last pass's `on_post_build` (or an error):
an `OpenBuild` holds what the passes hand on to each other and to the
whole-site work at the end.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import NamedTuple, Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from waqai import search
from waqai.data.model import Lang
from waqai.published import open_to_readers
from waqai.site.invariants import PageIds, built_site_problems
from waqai.site.minify import minify_assets
from waqai.site.otherlanguages import OtherLanguages, PassRecords
from waqai.site.pages import SitePlan
from waqai.site.pages.archiveplan import ArchivePlan
from waqai.site.sitemap import SITEMAP, finish_sitemap
from waqai.site.writer import BackgroundWriter, Content, Job, write_files


class MadeFiles(Protocol):
    """The files made from the data (`generated.GeneratedPages` has them)."""

    def made_paths(self) -> list[str]: ...
    def made_files(self) -> dict[str, Content]: ...
    def made_job(self) -> Job: ...


class ExportFile(NamedTuple):
    path: str  # site-relative
    text: Content
    write: bool  # False: the file on disk is current already (under `serve`)


# Which export files a `serve` rebuild lists, and which it writes: (exports, site_dir) -> plan.
ExportPlan = Callable[[dict[str, Content], str], list[ExportFile]]
# Told which files a build copies as they are (site path -> source), and the site_dir.
CopyNote = Callable[[Mapping[str, Path], str], None]


def no_note(copies: Mapping[str, Path], site_dir: str) -> None:
    """The copy note of a build that keeps nothing from an earlier one."""


def already_written(dirty: bool = False) -> None:
    """Stands in for `File.copy_file` of a file that is on disk already."""


class OpenBuild:
    """One build, across its language passes.

    Outside `serve` everything here is the build's own, and every export is
    written. Under `serve` the page ids, the search records and the search
    indexes are those kept between rebuilds, since a rebuild renders only what
    changed, and the exports are planned by what is on disk (incremental.ServeState).
    """

    def __init__(self, site_dir: Path, page_ids: PageIds | None = None,
                 hand_written: dict[str, search.Record] | None = None,
                 search_indexes: dict[Lang, search.IndexFolder] | None = None,
                 plan_exports: ExportPlan | None = None,
                 note_copies: CopyNote = no_note) -> None:
        self.page_ids = page_ids if page_ids is not None else PageIds(site_dir)
        # Search records of the hand-written pages by output path, and the paths this build has.
        self.hand_written = hand_written if hand_written is not None else {}
        self.hand_written_now: set[str] = set()
        self.search_indexes = search_indexes
        self.plan_exports = plan_exports
        self.note_copies = note_copies
        self.exports: list[ExportFile] | None = None  # planned by the first pass
        self.default_404: str | None = None  # the first (default language) pass's
        # Without a plan (a whole build), a child process makes and writes the exports
        # and places the copies; under `serve` the plan says which changed.
        self.writer: BackgroundWriter | None = None
        # A whole build's other languages, rendered by a child beside the default's.
        self.other_languages: OtherLanguages | None = None
        self.in_child = False  # in that child: the whole-site steps are the parent's
        self.sitemap: str | None = None  # in that child: its pass's sitemap, not written
        self.other_sitemap: str | None = None  # in the parent: the child's sitemap text

    def fork_other_languages(self, config: MkDocsConfig) -> None:
        """In a whole build's default pass, once its files are listed: start the other
        languages' passes in a child (`otherlanguages.py`), if forking is safe here."""
        if self.plan_exports is None and self.other_languages is None and not self.in_child:
            self.other_languages = OtherLanguages.start(config, self)

    def hold_other_languages(self) -> None:
        """Before i18n's `on_post_build`: the child builds the other languages, not i18n."""
        if self.other_languages is not None:
            self.other_languages.hold_i18n()

    def join_other_languages(self) -> None:
        """After the default pass: the other languages' pages written, their records here."""
        if self.other_languages is not None:
            languages, self.other_languages = self.other_languages, None
            languages.join(self)

    def template_output(self, template_name: str, output: str) -> str:
        """What MkDocs writes for a theme template: in the forked child, no sitemap
        (an empty output is not written); its text goes to the parent."""
        if self.in_child and template_name == SITEMAP:
            self.sitemap, output = output, ""
        return output

    def pass_records(self) -> PassRecords:
        return PassRecords(self.page_ids, self.hand_written, self.hand_written_now,
                           self.sitemap)

    def absorb(self, records: PassRecords) -> None:
        self.page_ids.absorb(records.page_ids)
        self.hand_written.update(records.hand_written)
        self.hand_written_now |= records.hand_written_now
        self.other_sitemap = records.sitemap

    def export_files(self, config: MkDocsConfig, made: MadeFiles,
                     copies: Mapping[str, Path]) -> list[File]:
        """The files made from the data (`made`: the exports, the card) and the files
        copied as they are (`copies`: site path -> source, the papers' PDFs), as Files.
        Every pass lists them (pages link to them); the first plans which to write and
        starts writing them and placing the copies in a child process (`writer.py`).

        Under `serve` the exports are written at once, and a copy is MkDocs' own static
        file: a dirty build copies it only when its source is newer than the site's.
        """
        first_pass = self.exports is None
        if self.exports is None:
            if self.plan_exports is None:
                paths = made.made_paths()
                self.writer = BackgroundWriter(config.site_dir, made.made_job(), paths,
                                               {path: str(src) for path, src in copies.items()})
                # Listed for MkDocs; their content is the child's to make and write.
                self.exports = [ExportFile(path, "", False) for path in paths]
            else:
                self.exports = self.plan_exports(made.made_files(), config.site_dir)
                write_files((os.path.join(config.site_dir, export.path), export.text)
                            for export in self.exports if export.write)
            self.note_copies(copies, config.site_dir)
        files = []
        for export in self.exports:
            file = File.generated(config, export.path, content=export.text)
            file.copy_file = already_written  # type: ignore[method-assign]
            files.append(file)
        for path, source in copies.items():
            file = File.generated(config, path, abs_src_path=str(source))
            if self.plan_exports is None or not first_pass:  # the child places them, or did
                file.copy_file = already_written  # type: ignore[method-assign]
            files.append(file)
        return files

    def finish(self, site_dir: Path, plan: SitePlan | None, assets: Iterable[object], *,
               check_papers: bool = True, archive: ArchivePlan | None = None) -> None:
        """The whole site's last steps, once every language is written: every export on
        disk (raising what writing them met), the 404 page, the site's own `assets`
        (extra scripts and styles) minified, the sitemap tidied (`sitemap.py`), the search
        indexes, the site's folder open to readers (MkDocs' `serve` builds into a
        temporary one); then what the built site must not have
        (`invariants.built_site_problems`) fails the build. Without `plan` (an archive's
        own build) the search index is the `archive`'s, of every volume, and the check is
        of the archive's pages."""
        open_to_readers(site_dir)
        if self.writer is not None:
            try:
                self.writer.wait()
            except OSError as error:
                raise PluginError(f"The site could not be written: {error}") from None
        if self.default_404 is not None:
            (site_dir / "404.html").write_text(self.default_404, encoding="utf-8")
        minify_assets(site_dir, [str(asset) for asset in assets])
        finish_sitemap(site_dir, self.other_sitemap)
        if plan is not None:
            search.write_search_indexes(plan.proc, site_dir, self.hand_written_records(),
                                        self.search_indexes)
        elif archive is not None:
            search.write_archive_indexes(archive.archive, site_dir)
        problem = built_site_problems(plan, site_dir, self.page_ids, papers=check_papers,
                                      archive=archive)
        if problem:
            raise PluginError(problem)

    def abandon(self) -> None:
        """A failed build: let the writer end (its own errors no longer matter), and stop
        the other languages' child."""
        if self.in_child:
            return  # the writer and the staging folder are the parent's
        if self.other_languages is not None:
            self.other_languages.stop()
        with suppress(Exception):
            if self.writer is not None:
                self.writer.wait()

    def keep_404(self, html: str, lang: str) -> None:
        """The 404 page in `lang`, scanned as every page is; the default language's is
        kept, since i18n's later pass overwrites site/404.html."""
        self.page_ids.record(f"404.html ({lang})", html, lists=())
        if self.default_404 is None:
            self.default_404 = html

    def hand_written_records(self) -> list[search.Record]:
        """The search records of the hand-written pages this build has (a deleted page's go)."""
        for path in [path for path in self.hand_written if path not in self.hand_written_now]:
            del self.hand_written[path]
        return list(self.hand_written.values())
