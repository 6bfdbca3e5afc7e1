"""The `proceedings` MkDocs plugin: wires MkDocs events to the modules that do the work.

Events of one build (mkdocs-static-i18n runs a build per language, the second
from inside the first one's `on_post_build`):

- `on_config`  loads and validates `papers/` once per data version (`loading.py`) into the
  generated pages (`generated.py`; a hand-written page wins), takes the site's name and
  address from it (`identity.py`), opens the build the language passes share (`passes.py`).
- `on_files`   two phases around i18n (priority -100): placeholders for every generated
  page in both languages before it (i18n localises only files it sees), content after it.
- `on_env` autoescapes Waqai's templates, keeps compiled templates, gives labels
  and the card; dates every page from its data for the sitemap (`lastmod.py`).
- `on_page_content`, `on_page_context`: the sanitised abstract, the page's view;
  `on_post_page` sets `dir` on `<html>`, makes `hreflang` alternates absolute, and gives
  Material's header the language of a title standing in for a translation gap.
- `on_post_build` (after i18n's), once: waits for the exports' child process (`writer.py`),
  then the 404 page, minified scripts and styles (`minify.py`), search indexes, the check
  that every paper is everywhere it belongs.
- Under `serve` builds are dirty and usually partial: `self.serve` (`incremental.py`)
  keeps what rebuilds reuse and, in `on_pre_build`, decides which generated pages
  and exports changed; `on_nav` reads the titles of nav pages a dirty build skips.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from waqai import search
from waqai.site.config import ProceedingsConfig
from waqai.site.generated import GeneratedPages, render_empty
from waqai.site.head import absolute_alternates
from waqai.site.identity import apply_identity
from waqai.site.incremental import ServeState, read_skipped_titles
from waqai.site.invariants import check_site
from waqai.site.lastmod import stamp_lastmod
from waqai.site.loading import DataFolder
from waqai.site.minify import minify_assets
from waqai.site.output import mark_header_title, point_alternates_to_home, set_html_dir
from waqai.site.passes import OpenBuild
from waqai.site.share import card_globals
from waqai.site.templating import MemoryBytecodeCache, prepare_env


class ProceedingsPlugin(BasePlugin[ProceedingsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.data = DataFolder()
        self._pages: GeneratedPages | None = None  # this build's, from self.data
        self._build: OpenBuild | None = None  # first pass's on_config to last on_post_build
        self.serve: ServeState | None = None  # under `serve` only
        self.compiled_templates = MemoryBytecodeCache()  # both language passes use it

    @property
    def pages(self) -> GeneratedPages:
        assert self._pages is not None, "on_config runs before every other page event"
        return self._pages

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
        # The search script, on every page (on_config runs once per language).
        if search.SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(search.SCRIPT)
        if self._build is not None:
            # i18n's next language pass: both languages are made from the same data,
            # even if a file is saved while the build runs.
            return config
        serving = self.serve is not None
        self._pages = self.data.pages(config, self.config.data_dir, serving=serving)
        apply_identity(config, self.pages.proc.conference,
                       f"{self.config.data_dir}/conference.yaml", serving=serving)
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
        for file in self.pages.placeholders(config, self.serve.included if self.serve else None):
            files.append(file)
        return files

    @event_priority(-200)
    def _fill_generated(self, files: Files, *, config: MkDocsConfig) -> Files:
        """After i18n: give the localised files their generated content."""
        for file in files:
            if file.src_uri in self.pages:
                self.pages.fill(file)
                if self.serve is not None:
                    self.serve.skip_if_current(file)
            elif file.is_documentation_page():
                self.build.hand_written_now.add(file.dest_uri)
        # Exports, the card (at the root), papers' files (beside each page): after i18n.
        for export in self.build.export_files(config, self.pages, self.pages.copies):
            files.append(export)
        return files

    on_files = CombinedEvent(_add_placeholders, _fill_generated)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        return read_skipped_titles(nav, config) if self.serve is not None else nav

    # -- pages ---------------------------------------------------------------
    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        prepare_env(env, self.compiled_templates, card_globals(self.pages.proc, config.site_url))
        stamp_lastmod(files, self.pages, config.docs_dir)
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        # A generated page has no Markdown body (its template does the work).
        if page.file.src_uri in self.pages and not markdown.strip():
            page.render = functools.partial(render_empty, page)  # type: ignore[method-assign]
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if page.file.src_uri in self.pages:
            return self.pages.body(page.file.src_uri, html)
        # A hand-written page: searchable too.
        self.build.hand_written[page.file.dest_uri] = search.page_record(page.url, page.title, html)
        return html

    def on_page_context(  # type: ignore[override]  # MkDocs' TypedDict has no "waqai" key
            self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig,
            nav: Any) -> dict[str, Any] | None:
        if page.file.src_uri in self.pages:
            context["waqai"] = self.pages.view(page.file.src_uri)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        output = absolute_alternates(set_html_dir(output), page.canonical_url)
        if page.file.src_uri in self.pages:
            title_lang = self.pages.title_lang(page.file.src_uri)
            if title_lang is not None:
                output = mark_header_title(output, title_lang)
            self.build.page_ids.record(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        output = set_html_dir(output_content)
        if template_name == "404.html":
            output = point_alternates_to_home(output, config.site_url or "/")
            self.build.keep_404(output)
        return output

    @event_priority(-150)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Runs after i18n's on_post_build (-100). i18n builds the other languages from
        # inside the default language's on_post_build, so the first pass to reach this
        # point is the last language's, when every language has been written.
        build, self._build = self._build, None
        if build is None:
            return
        site_dir = Path(config.site_dir)
        build.finish(site_dir)
        minify_assets(site_dir, [*map(str, config.extra_css), *map(str, config.extra_javascript)])
        search.write_search_indexes(self.pages.proc, site_dir, build.hand_written_records(),
                                    build.search_indexes)
        if self.config.check_invariants:
            misses = check_site(self.pages.proc, site_dir, build.page_ids)
            if misses:
                raise PluginError("Not every paper is where it belongs:\n  " + "\n  ".join(misses))
        if self.serve is not None:
            self.serve.finish(site_dir)

    # -- serving -------------------------------------------------------------
    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.data.path is not None:
            server.watch(str(self.data.path))
        if config.theme.custom_dir:  # overrides/: MkDocs watches it only with --watch-theme
            server.watch(config.theme.custom_dir)
        return server
