"""The sitemap as search engines read it best, from the one mkdocs-static-i18n writes.

Two changes to i18n's `sitemap.xml` (and its `.gz`), made once the last language pass
wrote it: no `<changefreq>` (i18n says `daily` for every page; Google ignores the tag,
and a published volume does not change daily: `lastmod`, from the data, says when a
page did), and an `x-default` alternate beside each page's default-language one (the
page a reader of any other language is sent to), as the pages' own heads have.
Editing i18n's text keeps its template, and its alternates, the only source.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from waqai.data.model import DEFAULT_LANG

SITEMAP = "sitemap.xml"
_CHANGEFREQ = re.compile(r"\n[ \t]*<changefreq>[^<]*</changefreq>")
_DEFAULT_ALTERNATE = re.compile(
    rf'(?P<indent>[ \t]*)<xhtml:link rel="alternate" hreflang="{DEFAULT_LANG}" '
    r'href="(?P<href>[^"]*)"/>')


def tidy_sitemap(site_dir: Path) -> None:
    """Rewrite `site_dir`'s sitemap (if the build wrote one) and its gzip copy."""
    path = site_dir / SITEMAP
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    tidied = tidy_sitemap_text(text)
    if tidied == text:
        return
    path.write_text(tidied, encoding="utf-8")
    packed = site_dir / f"{SITEMAP}.gz"
    if packed.is_file():
        packed.write_bytes(gzip.compress(tidied.encode("utf-8"), mtime=0))


def tidy_sitemap_text(text: str) -> str:
    """`text` without `<changefreq>`, with an `x-default` after each default-language
    alternate (once: a sitemap tidied already is left as it is)."""
    text = _CHANGEFREQ.sub("", text)
    if 'hreflang="x-default"' in text:
        return text

    def with_default(match: re.Match[str]) -> str:
        return (f'{match.group(0)}\n{match.group("indent")}<xhtml:link rel="alternate" '
                f'hreflang="x-default" href="{match.group("href")}"/>')

    return _DEFAULT_ALTERNATE.sub(with_default, text)
