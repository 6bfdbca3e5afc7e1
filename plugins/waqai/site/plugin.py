"""The `proceedings` MkDocs plugin: wires MkDocs events to the modules that do the work.

Order of events within one build (mkdocs-static-i18n runs one build per
language, the second from inside the first one's `on_post_build`):

- `on_config`  loads and validates `papers/` — once per data version, not once
  per language (`loading.py` caches the result by a fingerprint of the data
  files) — and opens the build; later language passes reuse its data until it closes.
- `on_files`   two phases around i18n (priority -100): placeholders for every
  generated page in both languages before it, their content after it. This is
  the recipe recorded in the toolchain findings: i18n needs `abs_src_path`
  under `docs_dir`, and localises only files it sees.
- `on_nav` (under `serve`) reads the titles of nav pages a dirty build skips.
- `on_env` autoescapes Waqai's templates and keeps compiled templates.
- `on_page_content` puts the sanitised abstract in place of the (empty) body.
- `on_page_context` hands the page's view to its template.
- `on_post_page` sets `dir` on `<html>` (Material sets it on `<body>` only) and
  makes the `hreflang` alternates absolute.
- `on_post_build` (after i18n's) does the whole-site work once: the default
  language's 404 page, the search indexes, and the invariant check that every
  paper is on every page and in every export it belongs to.
- Under `serve` builds are dirty, and usually partial: `incremental.py` decides
  which generated pages and exports changed, and only those reach MkDocs.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from waqai import search
from waqai.site.config import ProceedingsConfig
from waqai.site.head import absolute_alternates
from waqai.site.generated import GeneratedPages, render_empty
from waqai.site.incremental import (ServeMemory, already_written, not_modified, page_digests,
                                    pages_to_build, stamp)
from waqai.site.invariants import PageIds, check_site
from waqai.site.loading import DataFolder
from waqai.site.output import point_alternates_to_home, set_html_dir
from waqai.data.model import LANGS, Lang
from waqai.site.templating import MemoryBytecodeCache, autoescape_waqai_templates

log = get_plugin_logger(__name__)


class ProceedingsPlugin(BasePlugin[ProceedingsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.data = DataFolder()
        self.pages: GeneratedPages | None = None  # this build's, from self.data
        self.default_404: str | None = None
        self.build_open = False  # from the first pass's on_config to the last on_post_build
        self.memory: ServeMemory | None = None  # under `serve` only
        self.included: set[str] | None = None  # generated src_uris this build; None: all
        # Search records of the hand-written pages, by output path (kept under `serve`,
        # where a rebuild renders only the pages that changed), and those this build has.
        self.written_pages: dict[str, search.Record] = {}
        self.written_pages_now: set[str] = set()
        # (path, text, write) of each export file this build lists; made by its first pass.
        self.export_plan: list[tuple[str, str, bool]] | None = None
        self.compiled_templates = MemoryBytecodeCache()  # both language passes use it
        self.page_ids: PageIds | None = None  # per build, or kept under `serve`
        self.search_indexes: dict[Lang, search.IndexFolder] | None = None  # kept under `serve`

    # -- loading -------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds,
        # so an unchanged data folder is not read again.
        self.command = command
        # `serve` builds dirty: only the generated pages whose inputs changed are rebuilt,
        # and the work of the last build is reused where it is still valid.
        if dirty:
            self.memory = ServeMemory()
            terms = search.Terms(remember_texts=True)
            self.search_indexes = {lang: search.IndexFolder(terms) for lang in LANGS}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        add_search_script(config)
        if self.build_open:
            # i18n's next language pass: both languages are made from the same data,
            # even if a file is saved while the build runs.
            return config
        root = Path(config.config_file_path).resolve().parent
        self.pages = self.data.pages(root, self.config.data_dir, serving=self.memory is not None)
        return self.open_build(config)

    def open_build(self, config: MkDocsConfig) -> MkDocsConfig:
        """The first language pass has its data: the build is open until the last pass ends."""
        self.build_open = True
        site_dir = Path(config.site_dir)
        if self.page_ids is None or self.page_ids.site_dir != site_dir:
            self.page_ids = PageIds(site_dir)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Each language pass starts here; under `serve`, the first decides what to rebuild.
        if self.memory is None or self.memory.building:
            return
        # The first pass of a `serve` build: find the pages that changed.
        config_file = Path(config.config_file_path)
        self.memory.begin(stamp(config_file, Path(config.docs_dir),
                                Path(config.theme.custom_dir or config_file.parent)),
                          self.pages.proc)
        self.memory.decide(page_digests(self.pages, self.memory.pages,
                                        self.memory.abstract_edits()))
        self.included = None
        if self.memory.partial:
            self.included = pages_to_build(self.memory.changed, self.pages.stems(), config.nav)
            count = len(self.memory.changed)
            log.info(f"Rebuilding {count} changed generated page{'' if count == 1 else 's'}.")

    def on_build_error(self, *, error: Exception) -> None:
        self.build_open = False
        self.export_plan = None
        self.written_pages_now = set()
        if self.memory is not None:
            self.memory.abandon()

    # -- files ---------------------------------------------------------------
    @event_priority(50)
    def _add_placeholders(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Before i18n: one File per generated page and language, as if in docs_dir."""
        for file in self.pages.placeholders(config, self.included):
            files.append(file)
        return files

    @event_priority(-200)
    def _fill_generated(self, files: Files, *, config: MkDocsConfig) -> Files:
        """After i18n: give the localised files their generated content."""
        for file in files:
            if file.src_uri not in self.pages:
                if file.is_documentation_page():
                    self.written_pages_now.add(file.dest_uri)
                continue
            self.pages.fill(file)
            if self.memory is not None and self.memory.page_is_current(file.src_uri,
                                                                       file.abs_dest_path):
                # An instance attribute shadows File.is_modified for this file only.
                file.is_modified = not_modified  # type: ignore[method-assign]
        # Exports are language-neutral: added after i18n, they live once, at the root.
        # Every pass lists them (pages link to them), only the first writes them.
        first_pass = self.export_plan is None
        if first_pass:
            self.export_plan = self.plan_exports(config)
        for path, content, write in self.export_plan:
            export = File.generated(config, path, content=content)
            if not (write and first_pass):
                export.copy_file = already_written  # type: ignore[method-assign]
            files.append(export)
        return files

    def plan_exports(self, config: MkDocsConfig) -> list[tuple[str, str, bool]]:
        """Which export files this build lists, and which of them it writes."""
        if self.memory is None:
            return [(path, content, True) for path, content in self.pages.exports.items()]
        plan = []
        for path, content in self.pages.exports.items():
            current = self.memory.export_is_current(
                path, content, os.path.join(config.site_dir, path))
            if not (current and self.memory.partial):  # a partial build leaves them out
                plan.append((path, content, not current))
        return plan

    on_files = CombinedEvent(_add_placeholders, _fill_generated)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """In a dirty build, give unchanged pages of the nav their titles.

        MkDocs reads only the pages it rebuilds, and a page it did not read has no
        title: every rebuilt page would show "None" in the tabs and sidebar.
        Reading the source (front matter and first heading) is enough.
        """
        if self.memory is not None:
            for page in nav.pages:
                if page.markdown is None and not page.file.is_modified():
                    page.read_source(config)
        return nav

    # -- pages ---------------------------------------------------------------
    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        env.autoescape = autoescape_waqai_templates(env)
        env.bytecode_cache = self.compiled_templates
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        # A generated page has no Markdown body (its template does the work).
        if page.file.src_uri in self.pages and not markdown.strip():
            page.render = functools.partial(render_empty, page)
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if page.file.src_uri in self.pages:
            return self.pages.body(page.file.src_uri, html)
        # A hand-written page: searchable too.
        self.written_pages[page.file.dest_uri] = search.page_record(page.url, page.title, html)
        return html

    def on_page_context(self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any] | None:
        if page.file.src_uri in self.pages:
            context["waqai"] = self.pages.view(page.file.src_uri)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        output = absolute_alternates(set_html_dir(output), page.canonical_url)
        if page.file.src_uri in self.pages:
            self.page_ids.record(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        output = set_html_dir(output_content)
        if template_name == "404.html":
            output = point_alternates_to_home(output, config.site_url or "/")
            if self.default_404 is None:
                # The first pass is the default language; i18n's second pass would
                # overwrite site/404.html with its own language (restored below).
                self.default_404 = output
        return output

    @event_priority(-150)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Runs after i18n's on_post_build (-100). i18n builds the other languages from
        # inside the default language's on_post_build, so the first pass to reach this
        # point is the last language's, when every language has been written.
        if not self.build_open:
            return
        self.build_open = False
        self.export_plan = None
        site_dir = Path(config.site_dir)
        if self.default_404 is not None:  # i18n's second pass overwrote it
            (site_dir / "404.html").write_text(self.default_404, encoding="utf-8")
            self.default_404 = None
        self.written_pages = {path: record for path, record in self.written_pages.items()
                              if path in self.written_pages_now}
        self.written_pages_now = set()
        search.write_search_indexes(self.pages.proc, site_dir, self.written_pages.values(),
                                    self.search_indexes)
        if self.config.check_invariants:
            misses = check_site(self.pages.proc, site_dir, self.page_ids)
            if misses:
                raise PluginError("Not every paper is where it belongs:\n  " + "\n  ".join(misses))
        if self.memory is not None:
            self.memory.finish(site_dir)
        else:
            self.page_ids = None  # a build's own; under `serve`, the next build builds on it

    # -- serving -------------------------------------------------------------
    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.data.path is not None:
            server.watch(str(self.data.path))
        if config.theme.custom_dir:  # overrides/: MkDocs watches it only with --watch-theme
            server.watch(config.theme.custom_dir)
        return server


def add_search_script(config: MkDocsConfig) -> None:
    """Load the search script on every page (idempotent: on_config runs once per language)."""
    if search.SCRIPT not in [str(s) for s in config.extra_javascript]:
        config.extra_javascript.append(search.SCRIPT)
