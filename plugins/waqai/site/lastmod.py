"""The sitemap's `lastmod` of every page: when its data changed, not when it was built.

MkDocs gives every page `update_date`, the build's day, and the sitemap template
(mkdocs-static-i18n's, for both languages and their `hreflang` alternates) writes
it as `<lastmod>`. Setting that attribute from the data, before any page is
rendered, changes the sitemap without a template of our own to keep in step with
i18n's: a generated page takes `GeneratedPages.lastmod`, a hand-written page the
date of its file in `docs/` (`data/revised.py` has the rules: git, else mtime).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from mkdocs.structure.files import Files

from waqai.data.revised import revision_dates


class DatedPages(Protocol):
    """Generated pages and when their data changed (`generated.GeneratedPages` are)."""

    def __contains__(self, src_uri: object) -> bool: ...
    def lastmod(self, src_uri: str) -> dt.date | None: ...


class PageDates:
    """The day each page's data last changed, or None (a page with no data of its own)."""

    def __init__(self, pages: DatedPages, docs_dir: str) -> None:
        self.pages = pages
        self.written = revision_dates(Path(docs_dir))

    def of(self, src_uri: str) -> dt.date | None:
        return self.pages.lastmod(src_uri) if src_uri in self.pages else self.written.get(src_uri)


def stamp_lastmod(files: Files, dates: PageDates) -> dict[str, str]:
    """Give each page of this language pass its `update_date` from its data; each page's
    address (its `<loc>` in the sitemap) -> its src_uri."""
    sources = {}
    for file in files.documentation_pages():
        if file.page is None:
            continue
        if (day := dates.of(file.src_uri)) is not None:
            file.page.update_date = day.isoformat()
        if file.page.canonical_url:
            sources[file.page.canonical_url] = file.src_uri
    return sources
