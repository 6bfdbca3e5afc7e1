"""The pages of an archive's own build, in each language: its home page, its speaker index
and a page per person across its volumes; and the archive's own citation files.

`build` on an archive runs one MkDocs build per volume (each a one-volume site under
"<volume id>/") and this one for the archive's root (`runner.build_archive`). It has
the same theme and i18n passes as a volume's build; its pages are those of
`pages/archiveplan.archive_page_kinds`, made from the loaded archive (never from a volume's
HTML), and the after-build check covers them (`invariants.check_archive_site`): the
hand-written pages of `docs/` belong to each volume. Its
files are the archive's whole citation files and each person's (`exports.archive`,
`archive_site_files`), made once from the data and written at the end of the build; the
volumes' own files are each volume's build's (but at the old addresses of a volume that
was the site's root, which this build keeps: `redirects.py`). Its search index is every
volume's (`search/archive.py`, written by `passes.OpenBuild.finish`); it has no card of its
own yet.
"""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import NamedTuple

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from waqai import search
from waqai.data.archive import Archive
from waqai.data.archivecheck import validate_archive_cached
from waqai.data.model import Lang
from waqai.exports.archive import archive_site_files
from waqai.exports.kept import items_folder
from waqai.published import write_all
from waqai.site.generated import front_matter
from waqai.site.identity import SiteIdentity
from waqai.site.loading import loaded_or_refused
from waqai.site.pages import Context, Links, PageSpec
from waqai.site.pages.archive import archive_sentence
from waqai.site.pages.archiveplan import ArchivePageKind, ArchivePlan, archive_page_kinds
from waqai.site.pages.bounds import PageBounds
from waqai.site.redirects import hand_written_pages, keep_old_addresses
from waqai.text.labels import LABELS, labels_for
from waqai.text.summary import shorten
from waqai.urls import HOME_URL


class ArchivePage(NamedTuple):
    """One page of the archive's build in one language."""

    kind: ArchivePageKind
    spec: PageSpec
    lang: Lang


class ArchiveHomePages:
    """The archive's own pages in each language, by src_uri ("index.ar.md",
    "people/<id>.en.md", …), offering what the plugin asks of `generated.GeneratedPages`
    for a page. `bounds`: how much one page may list (pages/bounds.py)."""

    def __init__(self, archive: Archive, bounds: PageBounds | None = None,
                 kept_items: Path | None = None) -> None:
        self.archive = archive
        self.kept_items = kept_items  # where items formatted by earlier builds are kept
        self.plan = ArchivePlan(archive, bounds or PageBounds())
        self.pages = {spec.src_uri(lang): ArchivePage(kind, spec, lang)
                      for kind in archive_page_kinds() for spec in kind.specs(self.plan)
                      for lang in spec.langs}

    @property
    def identity(self) -> SiteIdentity:
        info = self.archive.info
        return SiteIdentity(info.title, info.site_url, functools.partial(archive_sentence, info))

    @functools.cached_property
    def files(self) -> dict[str, str]:
        """The archive's own export files (path below the site's root -> text)."""
        return archive_site_files(self.archive, self.kept_items)

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
        """Fill the archive's pages of `files` and leave out every hand-written page."""
        for file in list(files):
            if file.src_uri in self.pages:
                file.generated_by = "waqai"
                file.inclusion = InclusionLevel.NOT_IN_NAV
                kind, spec, lang = self.pages[file.src_uri]
                file.content_string = front_matter(kind.template, spec.title.shown(lang).text,
                                                   self.describe(spec, lang))
            elif file.is_documentation_page():
                files.remove(file)
        return set()

    def describe(self, spec: PageSpec, lang: Lang) -> str:
        """The page's description: the archive's, or a sentence naming the page."""
        label = DESCRIPTIONS.get(spec.kind)
        if label is None:
            return archive_sentence(self.archive.info, lang)
        return shorten(LABELS[label].get(lang).format(
            title=spec.title.shown(lang).text, archive=self.archive.info.title.shown(lang).text))

    def body(self, src_uri: str, html: str) -> str:
        return html

    def title_lang(self, src_uri: str) -> Lang | None:
        _, spec, lang = self.pages[src_uri]
        shown = spec.title.shown(lang)
        return None if shown.lang == lang else shown.lang

    def listed(self, src_uri: str) -> tuple[str, ...]:
        """The id attributes of the page that the after-build check reads (invariants.py)."""
        return self.pages[src_uri].kind.lists

    def elsewhere(self, src_uri: str) -> tuple[Lang, str] | None:
        """For a page not in the other language (a letter of one index only): that language,
        and the site path of the page its language switch leads to instead."""
        return self.pages[src_uri].spec.switch_elsewhere()

    def lastmod(self, src_uri: str) -> None:
        """The build's day: the archive's pages change with any volume."""
        return None

    def view(self, src_uri: str) -> Context:
        kind, spec, lang = self.pages[src_uri]
        links = Links(spec.url, lang)
        title = spec.title.shown(lang)
        # As `share.share_view` gives a volume's pages (the title's language, if not lang's).
        share = {"type": "website", "title": title.text,
                 "title_lang": "" if title.lang == lang else title.lang,
                 "description": self.describe(spec, lang)}
        return {"kind": kind.name, "lang": lang, "t": labels_for(lang),
                "home_url": links.page(HOME_URL), "share": share,
                **kind.context(self.plan, spec, lang, links)}


# The label of the sentence describing each kind of page (the home page has the archive's).
DESCRIPTIONS = {"people": "describe_archive_people", "letters": "describe_archive_people",
                "letter": "describe_archive_people", "archive-person": "describe_archive_person"}


def archive_home_pages(config: MkDocsConfig, data_dir: str,
                       bounds: PageBounds | None = None) -> ArchiveHomePages:
    """The pages of the archive in `data_dir` beside mkdocs.yml (validated already by
    `build`, in this process: the result is reused)."""
    root = Path(config.config_file_path).resolve().parent
    result = validate_archive_cached(root, data_dir)
    problems = [problem for problem in result.problems if problem.is_error]
    return ArchiveHomePages(loaded_or_refused(result.archive, problems, data_dir), bounds,
                            items_folder(root))


def rewrite_home_data(config_file: Path, site_dir: Path) -> str | None:
    """Write again, in the home part's `site_dir` whose pages were reused
    (`buildcache.home_key`), what its items' abstracts feed: the archive's citation files
    and its search index. Why it failed, or None. Each file is replaced, never written
    into: a reused file is a hard link to the kept one."""
    config = load_config(str(config_file), site_dir=str(site_dir))
    options = config.plugins["proceedings"].config
    home = archive_home_pages(config, options.data_dir, options.bounds())
    write_all(site_dir, home.files)
    shutil.rmtree(site_dir / "search", ignore_errors=True)  # unlinks: the kept files stay
    search.write_archive_indexes(home.archive, site_dir)
    return None
