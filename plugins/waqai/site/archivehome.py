"""The pages of an archive's own build: its home page in each language, and the archive's
own citation files.

`build` on an archive runs one MkDocs build per volume (each a one-volume site under
"<volume id>/") and this one for the archive's root (`runner.build_archive`). It has
the same theme and i18n passes as a volume's build; its pages are the archive's home
(`pages/archive.py`) only: the hand-written pages of `docs/` belong to each volume. Its
files are the archive's whole citation files and each person's (`exports.archive`,
`archive_site_files`), made once from the data and written at the end of the build; the
volumes' own files are each volume's build's (but at the old addresses of a volume that
was the site's root, which this build keeps: `redirects.py`). Its search index is every
volume's (`search/archive.py`, written by `passes.OpenBuild.finish`); it has no card of its
own yet.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from waqai.data.archive import Archive
from waqai.data.archivecheck import validate_archive_cached
from waqai.data.model import LANGS, Lang
from waqai.exports.archive import archive_site_files
from waqai.published import write_all
from waqai.site.generated import front_matter
from waqai.site.identity import SiteIdentity
from waqai.site.loading import loaded_or_refused
from waqai.site.pages import Context
from waqai.site.pages.archive import (
    TEMPLATE,
    archive_home_context,
    archive_home_spec,
    archive_sentence,
)
from waqai.site.pages.bounds import PageBounds
from waqai.site.redirects import hand_written_pages, keep_old_addresses
from waqai.text.labels import labels_for


class ArchiveHomePages:
    """The archive's home page in each language (by src_uri: "index.ar.md", "index.en.md"),
    offering what the plugin asks of `generated.GeneratedPages` for a page."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.spec = archive_home_spec(archive.info)
        self.pages: dict[str, Lang] = {self.spec.src_uri(lang): lang for lang in LANGS}

    @property
    def identity(self) -> SiteIdentity:
        info = self.archive.info
        return SiteIdentity(info.title, info.site_url, functools.partial(archive_sentence, info))

    @functools.cached_property
    def files(self) -> dict[str, str]:
        """The archive's own export files (path below the site's root -> text)."""
        return archive_site_files(self.archive)

    def write_files(self, site_dir: Path, config: MkDocsConfig, data_dir: str,
                    bounds: PageBounds) -> None:
        """The archive's own files, then the old addresses of a volume that was the site's
        root (`redirects`), where the archive has nothing of its own."""
        write_all(site_dir, self.files)
        root = Path(config.config_file_path).resolve().parent
        keep_old_addresses(self.archive, site_dir, root / data_dir, bounds,
                           hand_written_pages(config))

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self.pages

    def placeholders(self, config: MkDocsConfig,
                     only: Collection[str] | None = None) -> Iterator[File]:
        for src_uri in self.pages:
            yield File(src_uri, src_dir=config.docs_dir, dest_dir=config.site_dir,
                       use_directory_urls=config.use_directory_urls)

    def fill_all(self, files: Files, skip: Callable[[File], None] | None) -> set[str]:
        """Fill the home pages of `files` and leave out every hand-written page."""
        for file in list(files):
            if file.src_uri in self.pages:
                file.generated_by = "waqai"
                file.inclusion = InclusionLevel.NOT_IN_NAV
                lang = self.pages[file.src_uri]
                file.content_string = front_matter(TEMPLATE, self.spec.title.shown(lang).text,
                                                   archive_sentence(self.archive.info, lang))
            elif file.is_documentation_page():
                files.remove(file)
        return set()

    def body(self, src_uri: str, html: str) -> str:
        return html

    def title_lang(self, src_uri: str) -> Lang | None:
        lang = self.pages[src_uri]
        shown = self.spec.title.shown(lang)
        return None if shown.lang == lang else shown.lang

    def listed(self, src_uri: str) -> tuple[str, ...]:
        """No ids for the after-build check: it checks each volume in its own build."""
        return ()

    def elsewhere(self, src_uri: str) -> tuple[Lang, str] | None:
        """The home page is in both languages."""
        return None

    def lastmod(self, src_uri: str) -> None:
        """The build's day: the home page changes with any volume."""
        return None

    def view(self, src_uri: str) -> Context:
        lang = self.pages[src_uri]
        return {"t": labels_for(lang), **archive_home_context(self.archive, self.spec, lang)}


def archive_home_pages(config: MkDocsConfig, data_dir: str) -> ArchiveHomePages:
    """The home pages of the archive in `data_dir` beside mkdocs.yml (validated already by
    `build`, in this process: the result is reused)."""
    root = Path(config.config_file_path).resolve().parent
    result = validate_archive_cached(root, data_dir)
    problems = [problem for problem in result.problems if problem.is_error]
    return ArchiveHomePages(loaded_or_refused(result.archive, problems, data_dir))
