"""The `proceedings` MkDocs plugin: wires MkDocs events to the modules that do the work.

mkdocs-static-i18n runs a build per language, the second from inside the first one's
`on_post_build`. The events of one build:

- `on_config` loads and validates `papers/` once per data version (`loading.py`) into the
  generated pages (`generated.py`; a hand-written page wins), takes the site's name and
  address from it (`identity.py`), opens the build the passes share (`passes.py`).
- `on_files`, around i18n (-100): placeholders for every generated page and language
  before it (i18n localises only files it sees), their content after it.
- `on_env` autoescapes Waqai's templates, keeps them compiled, gives labels and the card,
  escapes the site's name for Material (`identity.py`), dates pages for the sitemap.
- `on_page_content`, `on_page_context`: the sanitised abstract, the page's view, and where
  the language switch of a page in one language only leads (a letter of one index);
  `on_post_page`: `dir` on `<html>`, absolute `hreflang` alternates (none to a language
  the page is not in), the language of a title standing in for a translation gap, and
  the ids the page lists and its unsafe links.
- `on_post_build`, before i18n's: the site's name as plain text for the next pass; after
  it, once: the exports' child process, 404 page, minified assets, search indexes, then
  no unsafe link on any page and every paper everywhere it belongs (`invariants.py`).
- On an archive of volumes, `build` runs one build per volume (the option `volume`
  names it: its pages are those of one volume) and one for the archive's home page
  (`volume` empty: `archivehome.py`, which writes the archive's own citation files at the
  end, and has no card; its search index is every volume's, `search/archive.py`).
- Under `serve` builds are dirty and partial: `self.serve` (`incremental.py`) keeps what
  rebuilds reuse and, in `on_pre_build`, decides what changed; `on_nav` reads the titles
  of nav pages a dirty build skips.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from waqai import search
from waqai.data.archiveload import is_archive
from waqai.site.archivehome import ArchiveHomePages, archive_home_pages
from waqai.site.config import ProceedingsConfig
from waqai.site.generated import GeneratedPages, render_empty
from waqai.site.head import absolute_alternates
from waqai.site.identity import (
    apply_identity,
    conference_identity,
    escape_identity,
    unescape_identity,
)
from waqai.site.incremental import ServeState, read_skipped_titles
from waqai.site.lastmod import PageDates, stamp_lastmod
from waqai.site.loading import DataFolder
from waqai.site.output import (
    drop_alternate,
    lead_switch_to,
    mark_header_title,
    point_alternates_to_home,
    set_html_dir,
)
from waqai.site.passes import OpenBuild
from waqai.site.share import card_globals, feed_urls
from waqai.site.templating import MemoryBytecodeCache, prepare_env


class ProceedingsPlugin(BasePlugin[ProceedingsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.data = DataFolder()
        self._pages: GeneratedPages | None = None  # this build's, from self.data
        self.home: ArchiveHomePages | None = None  # instead, the build of an archive's home
        self._build: OpenBuild | None = None  # first pass's on_config to last on_post_build
        self.serve: ServeState | None = None  # under `serve` only
        self.compiled_templates = MemoryBytecodeCache()  # both language passes use it

    @property
    def pages(self) -> GeneratedPages:
        assert self._pages is not None, "on_config runs before every other page event"
        return self._pages

    @property
    def generated(self) -> GeneratedPages | ArchiveHomePages:
        """This build's generated pages: a volume's, or an archive's home."""
        return self.home if self.home is not None else self.pages

    @property
    def build(self) -> OpenBuild:
        assert self._build is not None, "a build is open from on_config to on_post_build"
        return self._build

    # -- loading -------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds,
        # so an unchanged data folder is not read again. `serve` builds dirty.
        if dirty:
            self.serve = ServeState()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        data_dir = self.config.data_dir
        if self._build is None and not self.config.volume and is_archive(
                Path(config.config_file_path).resolve().parent / data_dir):
            self.home = archive_home_pages(config, data_dir, self.config.bounds())
        if self.home is not None:
            config.nav = ["index.md"]  # the archive's home is its build's one page
        if search.SCRIPT not in [str(s) for s in config.extra_javascript]:
            # The search script, on every page (on_config runs once per language).
            config.extra_javascript.append(search.SCRIPT)
        if self._build is not None:
            # i18n's next language pass: both languages are made from the same data,
            # even if a file is saved while the build runs.
            return config
        serving = self.serve is not None
        if self.home is not None:
            apply_identity(config, self.home.identity, f"{data_dir}/archive.yaml",
                           serving=serving)
        else:
            volume = self.config.volume  # a volume of an archive, or "" (one volume)
            self._pages = self.data.pages(config, data_dir, serving=serving,
                                          bounds=self.config.bounds(), volume=volume)
            apply_identity(config, conference_identity(self.pages.proc.conference),
                           f"{data_dir}/{volume + '/' if volume else ''}conference.yaml",
                           serving=serving)
        site_dir = Path(config.site_dir)
        self._build = self.serve.open_build(site_dir) if self.serve else OpenBuild(site_dir)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.serve is not None:  # each language pass starts here; the first decides
            self.serve.begin(config, self.pages)

    def on_build_error(self, *, error: Exception) -> None:
        if self._build is not None:  # its writer ends before the staging folder goes
            self._build.abandon()
        self._build = None
        if self.serve is not None:
            self.serve.abandon()

    # -- files ---------------------------------------------------------------
    @event_priority(50)
    def _add_placeholders(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Before i18n: one File per generated page and language, as if in docs_dir."""
        for file in self.generated.placeholders(config,
                                                self.serve.included if self.serve else None):
            files.append(file)
        return files

    @event_priority(-200)
    def _fill_generated(self, files: Files, *, config: MkDocsConfig) -> Files:
        """After i18n: the localised files' content; the exports, the card (at the root)
        and the papers' files (beside each page)."""
        skip = self.serve.skip_if_current if self.serve is not None else None
        self.build.hand_written_now |= self.generated.fill_all(files, skip)
        if self.home is not None:
            return files
        for export in self.build.export_files(config, self.pages, self.pages.copies):
            files.append(export)
        return files

    @event_priority(-300)
    def _fork_other_languages(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Once the default pass has its files: the other languages in a child."""
        if self.home is None and self.config.parallel_languages:
            self.build.fork_other_languages(config)
        return files

    on_files = CombinedEvent(_add_placeholders, _fill_generated, _fork_other_languages)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        return read_skipped_titles(nav, config) if self.serve is not None else nav

    # -- pages ---------------------------------------------------------------
    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        card = {} if self.home is not None else card_globals(self.pages.proc, config.site_url)
        scope = "archive" if self.home is not None else "volume" if self.config.volume else ""
        feeds = {} if self.home is not None else feed_urls(config.site_url)
        prepare_env(env, self.compiled_templates, card, scope, feeds)
        escape_identity(config)
        sources = stamp_lastmod(files, PageDates(self.generated, config.docs_dir))
        if self.serve is not None:
            self.serve.sources.update(sources)
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        # A generated page has no Markdown body (its template does the work).
        if page.file.src_uri in self.generated and not markdown.strip():
            page.render = functools.partial(render_empty, page)  # type: ignore[method-assign]
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if page.file.src_uri in self.generated:
            return self.generated.body(page.file.src_uri, html)
        # A hand-written page: searchable too.
        self.build.hand_written[page.file.dest_uri] = search.page_record(page.url, page.title, html)
        return html

    def on_page_context(  # type: ignore[override]  # MkDocs' TypedDict has no "waqai" key
            self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig,
            nav: Any) -> dict[str, Any] | None:
        if page.file.src_uri in self.generated:
            context["waqai"] = self.generated.view(page.file.src_uri)
            elsewhere = self.generated.elsewhere(page.file.src_uri)
            if elsewhere is not None:
                lead_switch_to(config.extra, *elsewhere)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        output = set_html_dir(output)
        src_uri = page.file.src_uri
        generated = src_uri in self.generated
        if generated and (elsewhere := self.generated.elsewhere(src_uri)) is not None:
            output = drop_alternate(output, elsewhere[0])
        output = absolute_alternates(output, page.canonical_url)
        if generated and (title_lang := self.generated.title_lang(src_uri)) is not None:
            output = mark_header_title(output, title_lang)
        self.build.page_ids.record(page.file.dest_uri, output,
                                   lists=self.generated.listed(src_uri) if generated else ())
        return output

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        output = self.build.template_output(template_name, set_html_dir(output_content))
        if template_name == "404.html":
            output = point_alternates_to_home(output, config.site_url or "/")
            self.build.keep_404(output, config.theme["language"])
        return output

    @event_priority(-50)
    def _plain_identity(self, *, config: MkDocsConfig) -> None:
        """Before i18n's (-100), which starts the next language's pass from this config."""
        unescape_identity(config)

    @event_priority(-75)
    def _leave_languages_to_child(self, *, config: MkDocsConfig) -> None:
        """Before i18n's: its loop would build again what the forked child builds."""
        if self._build is not None:
            self._build.hold_other_languages()

    @event_priority(-150)
    def _finish_build(self, *, config: MkDocsConfig) -> None:
        # Runs after i18n's on_post_build (-100). i18n builds the other languages from
        # inside the default language's on_post_build, so the first pass to reach this
        # point is the last language's, when every language has been written; or they
        # were forked, and the default pass waits for them here.
        if self._build is None or self._build.in_child:
            return  # the child's passes are done: the whole-site steps are the parent's
        build, self._build = self._build, None
        build.join_other_languages()
        site_dir = Path(config.site_dir)
        if self.home is not None:
            self.home.write_files(site_dir, config, self.config.data_dir, self.config.bounds())
        build.finish(site_dir, None if self.home is not None else self.pages.plan,
                     [*config.extra_css, *config.extra_javascript],
                     check_papers=self.config.check_invariants,
                     archive=self.home.plan if self.home is not None else None)
        if self.serve is not None:
            self.serve.finish(site_dir, PageDates(self.generated, config.docs_dir))

    on_post_build = CombinedEvent(_plain_identity, _leave_languages_to_child, _finish_build)

    # -- serving -------------------------------------------------------------
    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # The data, and overrides/ (MkDocs watches a theme's folder only with --watch-theme).
        for folder in (self.data.path, config.theme.custom_dir):
            if folder:
                server.watch(str(folder))
        return server
