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
import html
import re
from collections.abc import Mapping
from pathlib import Path

from waqai.data.model import DEFAULT_LANG

SITEMAP = "sitemap.xml"
_CHANGEFREQ = re.compile(r"\n[ \t]*<changefreq>[^<]*</changefreq>")
_DEFAULT_ALTERNATE = re.compile(
    rf'(?P<indent>[ \t]*)<xhtml:link rel="alternate" hreflang="{DEFAULT_LANG}" '
    r'href="(?P<href>[^"]*)"/>')
_LOC_LASTMOD = re.compile(r"(?P<head><loc>(?P<loc>[^<]*)</loc>\s*<lastmod>)[^<]*</lastmod>")


def finish_sitemap(site_dir: Path, other: str | None = None) -> None:
    """Tidy `site_dir`'s sitemap (if the build wrote one), the entries of the sitemap
    text `other` after its own (the other languages' pages, rendered in another
    process: `otherlanguages.py`), and write it and its gzip copy once."""
    path = site_dir / SITEMAP
    written = path.read_text(encoding="utf-8") if path.is_file() else None
    text = written if other is None else other if written is None else join_sitemaps(written, other)
    if text is None:
        return
    tidied = tidy_sitemap_text(text)
    if tidied != written:
        write_sitemap(site_dir, tidied)


def write_sitemap(site_dir: Path, text: str) -> None:
    """`text` as `site_dir`'s sitemap and its gzip copy (as MkDocs writes them)."""
    (site_dir / SITEMAP).write_text(text, encoding="utf-8")
    (site_dir / f"{SITEMAP}.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def join_sitemaps(first: str, second: str) -> str:
    """`first` with the `<url>` entries of `second` after its own."""
    start = second.find(">", second.find("<urlset")) + 1
    end = second.rfind("</urlset>")
    entries = second[start:end].rstrip() if start > 0 and end >= start else ""
    close = first.rfind("</urlset>")
    if not entries or close == -1:
        return first
    return f"{first[:close].rstrip()}{entries}\n{first[close:]}"


def restamp_sitemap(text: str, lastmods: Mapping[str, str]) -> str:
    """`text` with the `<lastmod>` of each page whose `<loc>` is in `lastmods` made the
    date given there (a `serve` rebuild that rendered a few pages only)."""
    def restamped(match: re.Match[str]) -> str:
        day = lastmods.get(html.unescape(match.group("loc")))
        return match.group(0) if day is None else f"{match.group('head')}{day}</lastmod>"

    return _LOC_LASTMOD.sub(restamped, text)


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
