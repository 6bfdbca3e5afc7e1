"""After a build: is every paper everywhere it belongs?

Each paper must appear, in both languages, on its own page, on its session's
page and on the page of each of its people, and in every volume export that
was written (by citation key), unless it was retracted or withdrawn: then it must
be in none of them. Pages are matched on the `data-paper-id`
attributes the templates emit (overrides/waqai/*.html), never on titles, so a
translated or repeated title cannot hide a miss.

Pages are scanned for that attribute as text, keeping only hits inside a tag
(the nearest `<` before it is nearer than the nearest `>`): contributor text is
escaped, so `<` in text cannot fake a tag. A literal search is about fifteen
times faster than a regex over whole tags, and each page is read once, however
many papers it lists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from waqai.data.model import LANGS, Lang, Paper, Proceedings, lang_root
from waqai.exports.keys import citation_keys
from waqai.site.safe_urls import unsafe_urls

PAPER_ID_ATTR = re.compile(r'data-paper-id="([^"<>]*)"')
BIB_KEY = re.compile(r"^\s*@\s*[A-Za-z]+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)
RIS_ID = re.compile(r"^ID  - (.*?)\s*$", re.MULTILINE)


def _bib_keys(text: str) -> set[str]:
    return set(BIB_KEY.findall(text))


def _ris_keys(text: str) -> set[str]:
    return set(RIS_ID.findall(text))


def _csl_keys(text: str) -> set[str]:
    items = json.loads(text)
    return {str(item.get("id")) for item in items if isinstance(item, dict)}


# Volume exports at the site root, and how to list the keys each one holds.
EXPORTS: dict[str, Callable[[str], set[str]]] = {
    "proceedings.bib": _bib_keys,
    "proceedings.ris": _ris_keys,
    "proceedings.json": _csl_keys,
    "proceedings.en.bib": _bib_keys,
    "proceedings.en.ris": _ris_keys,
    "proceedings.en.json": _csl_keys,
}


def paper_ids(html: str) -> set[str]:
    """The values of every `data-paper-id` attribute of a tag in `html`."""
    found = set()
    for match in PAPER_ID_ATTR.finditer(html):
        at = match.start()
        if at and html[at - 1].isspace() and html.rfind("<", 0, at) > html.rfind(">", 0, at):
            found.add(match.group(1))
    return found


class PageIds:
    """The paper ids listed on each page: taken from its HTML as the build writes it
    (`record`), or read from the built site for a page not recorded; and what on each
    page links to an unsafe address (`safe_urls.py`), for every page the build writes.

    Recording saves reading every page back (at 1,000 papers, 4,600 files). Under
    `serve` the record is kept between rebuilds: a page a rebuild skips is the
    page recorded before.
    """

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._ids: dict[str, set[str]] = {}
        self._unsafe: dict[str, list[str]] = {}

    def record(self, path: str, html: str, *, lists_papers: bool = True) -> None:
        """What the page at `path` (site-relative) holds; `lists_papers`: a generated page."""
        if lists_papers:
            self._ids[path] = paper_ids(html)
        found = unsafe_urls(html)
        if found:
            self._unsafe[path] = found
        else:
            self._unsafe.pop(path, None)

    def unsafe(self) -> list[str]:
        """One line per unsafe address on a page, naming the page."""
        return [f"{path}: {problem}" for path, problems in sorted(self._unsafe.items())
                for problem in problems]

    def ids(self, path: str) -> set[str] | None:
        """None when the page was not built."""
        if path not in self._ids:
            file = self.site_dir / path
            if not file.is_file():
                return None
            self._ids[path] = paper_ids(file.read_text(encoding="utf-8"))
        return self._ids[path]


def page_path(lang: Lang, url: str) -> str:
    return f"{lang_root(lang)}{url}index.html"


def check_site(proc: Proceedings, site_dir: Path, pages: PageIds | None = None) -> list[str]:
    """One line per paper missing from a place it belongs; empty when all is well."""
    pages = pages if pages is not None else PageIds(Path(site_dir))
    misses: list[str] = []
    for paper in proc.papers:
        for lang in LANGS:
            for what, url in _places(paper):
                path = page_path(lang, url)
                ids = pages.ids(path)
                if ids is None:
                    misses.append(f"{paper.id}: {what} {path} was not built.")
                elif paper.id not in ids:
                    misses.append(f"{paper.id}: missing from {what} {path}.")
    misses.extend(_check_exports(proc, Path(site_dir)))
    return misses


def built_site_problems(proc: Proceedings | None, site_dir: Path, pages: PageIds, *,
                        papers: bool = True) -> str | None:
    """What is wrong with the built site, as a build's error, or None: an unsafe address on
    a page (always looked for), a paper of `proc` missing from a place it belongs (with
    `papers`)."""
    unsafe = pages.unsafe()
    if unsafe:
        return ("A page links to an address that is not http(s), mailto or the site's own:\n  "
                + "\n  ".join(unsafe))
    misses = check_site(proc, site_dir, pages) if papers and proc is not None else []
    if misses:
        return "Not every paper is where it belongs:\n  " + "\n  ".join(misses)
    return None


def _places(paper: Paper) -> list[tuple[str, str]]:
    """(what, language-relative URL) of every page that must list `paper`."""
    places = [("its own page", f"papers/{paper.id}/"),
              ("its session's page", f"sessions/{paper.session}/")]
    places += [(f"the page of {person}", f"people/{person}/") for person in paper.people]
    return places


def _check_exports(proc: Proceedings, site_dir: Path) -> list[str]:
    keys = citation_keys(proc)
    misses = []
    for name, read_keys in EXPORTS.items():
        file = site_dir / name
        if not file.is_file():
            continue
        try:
            found = read_keys(file.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as err:
            misses.append(f"{name} cannot be read: {err}")
            continue
        for paper in proc.papers:
            if paper.in_volume and keys[paper.id] not in found:
                misses.append(f"{paper.id}: missing from {name} "
                              f"(citation key {keys[paper.id]}).")
            elif not paper.in_volume and keys[paper.id] in found:
                misses.append(f"{paper.id}: {paper.status.value}, yet still in {name} "
                              f"(citation key {keys[paper.id]}).")
    return misses
