"""The pages Waqai generates from one version of the data, and what each is made from.

A generated page is a Markdown file that exists only in memory: front matter
naming its template and title, and no body. mkdocs-static-i18n localises it
like a hand-written page; its template renders the page's *view* (the
context its page kind in `pages/` makes), and a page's body is its editor's
Markdown, sanitised (a paper's abstract, the about notes), if its kind has one.

A hand-written page in `docs/` wins over the generated page it would collide
with (e.g. `docs/index.en.md` replaces the generated English home page).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from html import escape
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from waqai.book import BOOK_FILE
from waqai.data.model import DEFAULT_LANG, LANGS, Lang, Paper, Proceedings, Shown
from waqai.data.revised import newest_by_folder, revision_dates
from waqai.exports.files import ExportCache, export_files, export_paths, item_bibtex
from waqai.exports.keys import citation_keys
from waqai.exports.record import Form
from waqai.media.card import CARD_FILE, CardText, render_card
from waqai.site.output import direction
from waqai.site.pages import BuildData, Context, Links, PageKind, PageSpec, SitePlan, page_kinds
from waqai.site.pages.bounds import PageBounds
from waqai.site.render import render_untrusted
from waqai.site.share import describe, share_view
from waqai.site.writer import Content, Job
from waqai.text.labels import labels_for
from waqai.urls import HOME_URL, file_path


class Generated(NamedTuple):
    """One generated page in one language."""

    kind: PageKind
    spec: PageSpec
    lang: Lang


class GeneratedPages:
    """Every generated page (by src_uri, e.g. "papers/my-paper.en.md") of one `Proceedings`,
    and the exports and PDFs they link to.

    With `keep_views` (under `serve`) each view is made once for this version of
    the data: the page's digest needs it, and so does its template. `bounds`: how
    much one page may list (pages/bounds.py); `in_archive`: the volume is one of an
    archive's (its person pages link to the archive's).
    """

    def __init__(self, proc: Proceedings, export_cache: ExportCache | None = None,
                 keep_views: bool = False, data_path: Path | None = None,
                 book: bytes | None = None, bounds: PageBounds | None = None,
                 in_archive: bool = False) -> None:
        self.proc = proc
        self.data_path = data_path
        self.export_cache = export_cache if export_cache is not None else ExportCache()
        self.plan = SitePlan(proc, bounds or PageBounds(), in_archive)
        self.data = BuildData(self.plan, citation_keys(proc), self._bibtex)
        self._bibtex_made: dict[str, dict[Form, str]] = {}
        # Site path -> file in the data folder (`data_path`) of each file a paper publishes
        # as it is (its PDF, its versions, its attached files), beside its page in each
        # language.
        self.copies: dict[str, Path] = {} if data_path is None else {
            file_path(paper, name, lang): data_path / paper.id / name
            for paper in proc.papers for name in paper.files for lang in LANGS}
        # Binary files made from the data: the volume's card (og:image), the book.
        self.media: dict[str, bytes] = {CARD_FILE: render_card(CardText.of(proc.conference))}
        if book is not None:
            self.media[BOOK_FILE] = book
        self.every = {spec.src_uri(lang): Generated(kind, spec, lang)
                      for kind in page_kinds() for spec in kind.specs(self.plan)
                      for lang in spec.langs}
        self.pages = self.every  # without those a hand-written page replaces: `yield_to`
        self.views: dict[str, Context] | None = {} if keep_views else None

    def yield_to(self, docs_dir: Path) -> None:
        """Leave out, for this build, every page that `docs_dir` has a hand-written file for:
        `<stem>.<lang>.md`, or `<stem>.md`, which i18n reads as the default language's."""
        written = {Path(folder, name).relative_to(docs_dir).as_posix()
                   for folder, _, names in os.walk(docs_dir) for name in names
                   if name.endswith(".md")}
        self.pages = {uri: page for uri, page in self.every.items()
                      if uri not in written and not (page.lang == DEFAULT_LANG
                                                     and f"{page.spec.stem}.md" in written)}

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self.pages

    def __iter__(self) -> Iterator[str]:
        return iter(self.pages)

    def _bibtex(self, paper: Paper) -> dict[Form, str]:
        """Both forms of the item's BibTeX (for its Cite panel), made once per build."""
        made = self._bibtex_made.get(paper.id)
        if made is None:
            made = self._bibtex_made[paper.id] = item_bibtex(self.proc, paper,
                                                             self.data.keys[paper.id])
        return made

    def made_paths(self) -> list[str]:
        """The site-relative path of every file made from the data: the exports, the card."""
        return [*export_paths(self.proc, self.data.keys), *self.media]

    def made_files(self) -> dict[str, Content]:
        """Path -> content of each of those files, made in this process."""
        return {**export_files(self.proc, self.data.keys, self.export_cache), **self.media}

    def made_job(self) -> Job:
        """What makes the same files in another process (`writer.BackgroundWriter`)."""
        return Job(export_files, (self.proc, self.data.keys), self.media)

    @functools.cached_property
    def _dates(self) -> dict[str, dt.date]:
        """The newest date of each paper's folder, and of the whole data folder ("")."""
        return newest_by_folder(revision_dates(self.data_path)) if self.data_path else {}

    def lastmod(self, src_uri: str) -> dt.date | None:
        """When the data of a page last changed: a paper's folder for its page, the
        whole data folder for a page made from more than one item."""
        page = self.pages[src_uri]
        return self._dates.get(page.spec.key if page.kind.name == "paper" else "")

    def stems(self) -> dict[str, str]:
        """src_uri -> language-neutral stem ("papers/my-paper.en.md" -> "papers/my-paper")."""
        return {uri: page.spec.stem for uri, page in self.pages.items()}

    def listed(self, src_uri: str) -> tuple[str, ...]:
        """The id attributes of the page that the after-build check reads (invariants.py)."""
        return self.pages[src_uri].kind.lists

    def elsewhere(self, src_uri: str) -> tuple[Lang, str] | None:
        """For a page that is not in the other language (a letter of one index only): that
        language, and the site path of the page its language switch leads to instead."""
        return self.pages[src_uri].spec.switch_elsewhere()

    def paper_pages(self, paper_ids: set[str]) -> Iterable[str]:
        """The src_uris of the pages of these papers, in both languages."""
        return (uri for uri, page in self.pages.items()
                if page.kind.name == "paper" and page.spec.key in paper_ids)

    def source(self, src_uri: str) -> str:
        """The page's Markdown: front matter only."""
        page = self.pages[src_uri]
        # The title of <title> and of Material's header is plain text: a translation gap
        # shows the other language's (the page's heading marks it with its language).
        return front_matter(page.kind.template, page.spec.title.shown(page.lang).text,
                            describe(self.proc, page.spec, page.lang))

    def title_lang(self, src_uri: str) -> Lang | None:
        """The language of the page's title where it is not the page's (a translation gap:
        its plain-text title, in <title> and Material's header, is the other language's)."""
        page = self.pages[src_uri]
        shown = page.spec.title.shown(page.lang)
        return None if shown.lang == page.lang else shown.lang

    def placeholders(self, config: MkDocsConfig,
                     only: Collection[str] | None = None) -> Iterator[File]:
        """A File for each page (or each of `only`), as if in docs_dir: i18n needs that."""
        for src_uri in self.pages:
            if only is None or src_uri in only:
                yield File(src_uri, src_dir=config.docs_dir, dest_dir=config.site_dir,
                           use_directory_urls=config.use_directory_urls)

    def fill_all(self, files: Files, skip: Callable[[File], None] | None) -> set[str]:
        """Fill every generated page of `files` (and let `skip`, under `serve`, mark those
        that need no rebuild); the output paths of the hand-written pages."""
        hand_written = set()
        for file in files:
            if file.src_uri in self.pages:
                self.fill(file)
                if skip is not None:
                    skip(file)
            elif file.is_documentation_page():
                hand_written.add(file.dest_uri)
        return hand_written

    def fill(self, file: File) -> None:
        """Give the (localised) file of a generated page its content."""
        file.generated_by = "waqai"
        # Listed on session, day and person pages, deliberately not in the sidebar.
        file.inclusion = InclusionLevel.NOT_IN_NAV
        file.content_string = self.source(file.src_uri)

    def markdown(self, src_uri: str) -> Shown | None:
        """The editor's Markdown of the page and its language (None if its kind has none)."""
        kind, spec, lang = self.pages[src_uri]
        return kind.markdown(self.proc, spec, lang) if kind.markdown else None

    def body(self, src_uri: str, html: str) -> str:
        """The HTML body of a generated page: its Markdown made safe, else the (empty) `html`.
        Markdown in the other language than the page's (a translation gap) is marked so."""
        markdown = self.markdown(src_uri)
        if markdown is None:
            return html
        body = render_untrusted(markdown.text)
        lang = self.pages[src_uri].lang
        if markdown.lang == lang or not body:
            return body
        return f'<div lang="{markdown.lang}" dir="{direction(markdown.lang)}">\n{body}\n</div>'

    def view(self, src_uri: str) -> Context:
        """What the page's template receives, as `waqai`."""
        if self.views is not None and src_uri in self.views:
            return self.views[src_uri]
        kind, spec, lang = self.pages[src_uri]
        links = Links(spec.url, lang)
        view = {"kind": kind.name, "lang": lang, "t": labels_for(lang),
                "home_url": links.page(HOME_URL), "share": share_view(self.proc, spec, lang),
                **kind.context(self.data, spec, lang, links)}
        if self.views is not None:
            self.views[src_uri] = view
        return view

    def inputs(self, src_uri: str) -> tuple[Any, ...]:
        """Everything the HTML of the page is made from (its digest, in incremental.py)."""
        kind, spec, lang = self.pages[src_uri]
        # The labels (`t`) are fixed for a language while the server runs.
        view = {name: value for name, value in self.view(src_uri).items() if name != "t"}
        return kind.template, self.source(src_uri), lang, view, self.markdown(src_uri) or ()


def front_matter(template: str, title: str, description: str = "") -> str:
    # JSON strings are valid YAML scalars and escape anything a title may hold.
    # page.title and page.meta.description reach Material's templates, which do not
    # escape: escape them here (the description is printed inside an attribute).
    title = escape(title, quote=False)
    described = (f"description: {json.dumps(escape(description), ensure_ascii=False)}\n"
                 if description else "")
    return (f"---\ntemplate: {json.dumps(template)}\n"
            f"title: {json.dumps(title, ensure_ascii=False)}\n{described}---\n")


def render_empty(page: Page, config: MkDocsConfig, files: Files) -> None:
    """What `Page.render` (mkdocs 1.6) leaves on a page whose Markdown is empty.

    Set as a generated page's `render`: it skips MkDocs' Markdown parser, about
    0.1 ms a page, 3–4 % of a large build.
    """
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    page.links_to_anchors = {}
