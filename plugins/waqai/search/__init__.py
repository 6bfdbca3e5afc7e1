"""Site search that works in Arabic: a per-language index split into small files.

Why not Material's search or Pagefind: see docs/development/search.en.md (the
measurements). In short, Material's single index grows to megabytes and
mixes languages; this index is folded with `arabic.fold` on both sides and a
first query at 10,000 papers fetched at most 140 KB in the measurements.

Wiring (plugins/waqai/site/plugin.py): the site loads `SCRIPT` on every page,
`page_record(...)` for each hand-written page in `on_page_content`, and
`write_search_indexes(...)` in `on_post_build`, once per build (generated pages
are indexed from the model, so the last language pass writes every language).
The build of an archive's home page calls `write_archive_indexes(...)` instead: one
index of every volume, at the archive's root (`search/archive.py`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from pathlib import Path

from waqai.data.model import LANGS, Lang, Proceedings
from waqai.search.archive import write_archive_indexes
from waqai.search.index import IndexFolder, IndexStats, Terms
from waqai.search.query import search
from waqai.search.records import Record, lang_of_url, page_record, records

__all__ = ["SCRIPT", "INDEX_DIR", "IndexFolder", "Record", "Terms", "page_record",
           "write_search_index", "write_search_indexes", "first_query_bytes", "search",
           "IndexStats", "write_archive_indexes"]

SCRIPT = "assets/javascripts/waqai-search.js"  # in overrides/, copied by the theme
INDEX_DIR = "search"


def write_search_index(proc: Proceedings, lang: Lang, site_dir: Path,
                       pages: Iterable[Record] = (), index: IndexFolder | None = None
                       ) -> IndexStats:
    """LANG's index: the generated pages' records, then those of `pages` in LANG.

    `index`, kept between builds (under `serve`), rewrites only what changed.
    """
    index = index if index is not None else IndexFolder()
    own = [page for page in pages if lang_of_url(page.url) == lang]
    # A hand-written page replaces the generated one at its URL (e.g. docs/index.en.md).
    replaced = {page.url for page in own}
    generated = (record for record in records(proc, lang) if record.url not in replaced)
    index.update(itertools.chain(generated, own))
    return index.write(Path(site_dir) / INDEX_DIR / lang)


def write_search_indexes(proc: Proceedings, site_dir: Path, pages: Iterable[Record] = (),
                         indexes: dict[Lang, IndexFolder] | None = None
                         ) -> dict[Lang, IndexStats]:
    """Both languages' indexes; `pages` are hand-written pages (`page_record`)."""
    pages = list(pages)
    return {lang: write_search_index(proc, lang, site_dir, pages,
                                     indexes.get(lang) if indexes else None)
            for lang in LANGS}


def first_query_bytes(site_dir: Path, lang: str, query: str) -> int:
    """Bytes a browser fetches for its first query on a LANG page of the built site:
    the search script, the manifest, the term shards the query reads and the
    document blocks of the first page of results (as stored, before any HTTP
    compression)."""
    site_dir = Path(site_dir)
    answer = search(site_dir, lang, query)
    folder = site_dir / INDEX_DIR / lang
    return (site_dir / SCRIPT).stat().st_size + sum(
        (folder / name).stat().st_size for name in answer.fetched)
