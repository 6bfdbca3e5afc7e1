"""The old addresses of the volume that was the site's root, kept in the archive's site.

archive.yaml's `moved_from_root` names the volume whose pages were at the site's root before
`init --archive --first-volume` made the site an archive: its pages are now below
"<volume id>/" (`/papers/x/` -> `/<id>/papers/x/`, `/en/papers/x/` -> `/<id>/en/papers/x/`).
The archive's home build writes, at each old page address, a small page that leads to the
new one (`redirect_page`: a refresh, the canonical address, a visible link; noindex), and at
each old file address a copy of the file a static host cannot redirect: the exports, made
from the data as the volume's build makes them, and the items' PDFs and attached files,
copied from the data folder. The old addresses are the volume's pages as its build makes them
(`SitePlan`, the same bounds) and the hand-written pages of docs/; nothing is read from the
volume's HTML, which another process is building meanwhile.

Where the archive has something of its own at an old address (its home page at `/` and
`/en/`, its people's pages and index when it has them, its 404 page), that stays: it is
written before these, which never replace a file. The book (`proceedings.pdf`) and the
volume's card are made by the volume's build only: their old addresses are not kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files

from waqai.data.archive import Archive, Volume
from waqai.data.model import DEFAULT_LANG, LANGS, Lang, Shown, Text, lang_root
from waqai.exports.files import export_files
from waqai.site.output import direction
from waqai.site.pages import SitePlan, page_kinds
from waqai.site.pages.bounds import PageBounds
from waqai.site.writer import place_copies, write_files
from waqai.urls import file_path

MOVED = Text("انتقلت هذه الصفحة إلى عنوان جديد:", "This page has moved to a new address:")


@dataclass(frozen=True)
class OldPage:
    """One page address of the volume at the site's root, in one language."""

    url: str  # below the site's root, language root included: "en/papers/x/"
    lang: Lang
    title: Shown

    @property
    def file(self) -> str:
        return f"{self.url}index.html"


def old_pages(volume: Volume, bounds: PageBounds,
              hand_written: Iterable[tuple[str, Lang]]) -> list[OldPage]:
    """Every page the volume's build makes (its generated pages, and the hand-written pages
    of docs/ given as (url, lang)), at the address it had at the site's root."""
    plan = SitePlan(volume.proceedings, bounds)
    found = {f"{lang_root(lang)}{spec.url}": OldPage(f"{lang_root(lang)}{spec.url}", lang,
                                                     spec.title.shown(lang))
             for kind in page_kinds() for spec in kind.specs(plan) for lang in spec.langs}
    title = volume.conference.title
    for url, lang in hand_written:
        found.setdefault(f"{lang_root(lang)}{url}", OldPage(f"{lang_root(lang)}{url}", lang,
                                                            title.shown(lang)))
    return sorted(found.values(), key=lambda page: page.url)


def hand_written_pages(config: MkDocsConfig) -> Iterator[tuple[str, Lang]]:
    """(url, lang) of each hand-written page a volume's build publishes: the Markdown files
    of docs/ but those `exclude_docs` leaves out, named in i18n's suffix structure
    (`start.en.md`; `start.md` is the default language's)."""
    for file in get_files(config):
        if not file.is_documentation_page() or file.inclusion.is_excluded():
            continue
        stem = file.src_uri.removesuffix(".md")
        base, _, suffix = stem.rpartition(".")
        lang: Lang = DEFAULT_LANG
        if base and suffix in LANGS:
            stem, lang = base, suffix
        url = "" if stem == "index" else stem.removesuffix("/index") + "/"
        yield ("" if url == "/" else url), lang


def redirect_page(page: OldPage, volume: Volume, archive: Archive) -> str:
    """The page at `page.url` that leads to the page's new address in `volume`."""
    # Its new address: below the volume's folder, as the volume's site has it ("en/…" too).
    relative = "../" * page.url.count("/") + volume.path + page.url
    canonical = archive.volume_url(volume) + page.url
    title = escape(page.title.text)
    shown = (title if page.title.lang == page.lang else
             f'<bdi lang="{page.title.lang}" dir="{direction(page.title.lang)}">{title}</bdi>')
    return f"""<!doctype html>
<html lang="{page.lang}" dir="{direction(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="canonical" href="{escape(canonical)}">
<meta http-equiv="refresh" content="0; url={escape(relative)}">
</head>
<body>
<p>{escape(MOVED.get(page.lang))} <a href="{escape(relative)}">{shown}</a></p>
</body>
</html>
"""


def moved_files(volume: Volume, data_path: Path) -> tuple[dict[str, str], dict[str, Path]]:
    """The volume's files at their old addresses: the exports (path -> text, as the volume's
    build makes them) and the files copied as they are (path -> file in `data_path`)."""
    proc = volume.proceedings
    copies = {file_path(paper, name, lang): data_path / paper.id / name
              for paper in proc.papers for name in paper.files for lang in LANGS}
    return export_files(proc), copies


def keep_old_addresses(archive: Archive, site_dir: Path, data_dir: Path, bounds: PageBounds,
                       hand_written: Iterable[tuple[str, Lang]]) -> None:
    """Write, in the archive's `site_dir`, the old addresses of the volume archive.yaml says
    was the site's root (none if it says none): at each, unless the archive's build put a
    file there or it is a volume's folder, a redirect page or the file."""
    if archive.info.moved_from_root is None:
        return
    volume = archive.volume(archive.info.moved_from_root)
    volumes = {v.id for v in archive.volumes}

    def free(path: str) -> bool:
        return path.split("/", 1)[0] not in volumes and not os.path.lexists(site_dir / path)

    exports, copies = moved_files(volume, data_dir / volume.id)
    pages = {page.file: redirect_page(page, volume, archive)
             for page in old_pages(volume, bounds, hand_written)}
    write_files((str(site_dir / path), text) for path, text in {**exports, **pages}.items()
                if free(path))
    place_copies({str(site_dir / path): str(source) for path, source in copies.items()
                  if free(path)})
