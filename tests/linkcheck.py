"""A link checker for a built site: every internal link and asset resolves to a file.

`check_links(site, site_url)` reads every `.html` file under `site`, and every
stylesheet they load, and resolves each URL they hold as a static web server
serving `site` at the path of `site_url` would: a URL ending in `/` (or naming
a folder) is that folder's `index.html`, `%xx` escapes are decoded, and a
`#fragment` must be an `id` (or `<a name>`) of the page it points to. Absolute
URLs under `site_url` (canonical, `hreflang` alternates, `citation_pdf_url`,
`og:url`) are resolved too; any other URL is external and only its scheme is
checked (http, https, mailto; `data:` in stylesheets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

URL_ATTRIBUTES = {"href", "src", "poster", "action", "formaction"}
EXTERNAL_SCHEMES = {"http", "https", "mailto"}
CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)""")
ORIGIN = "http://site.invalid"  # stands in for the host while URLs are joined


@dataclass(frozen=True, order=True)
class Broken:
    page: str  # the site-relative file the URL is written in
    url: str
    why: str
    target: str = ""  # the site-relative file it names, if it names one

    def __str__(self) -> str:
        return f"{self.page}: {self.url} ({self.why})"


@dataclass
class LinkReport:
    broken: list[Broken] = field(default_factory=list)
    targets: set[str] = field(default_factory=set)  # site-relative files that URLs reached
    external: set[str] = field(default_factory=set)
    checked: int = 0  # internal URLs resolved


class PageParts(HTMLParser):
    """The URLs one HTML page holds and the fragment targets it offers."""

    def __init__(self, site_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.site_url = site_url
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES:
                self.urls.append(value)
            elif name == "srcset":
                self.urls.extend(item.split()[0] for item in value.split(",") if item.strip())
            elif value.startswith(self.site_url):  # <meta content>: og:url, citation_pdf_url
                self.urls.append(value)


class Site:
    """A built site on disk, served at the path of `site_url`."""

    def __init__(self, root: Path, site_url: str) -> None:
        self.root = root
        self.site_url = site_url.rstrip("/") + "/"
        self.base = urlsplit(self.site_url).path  # e.g. "/csc-2015/"
        self._pages: dict[str, PageParts] = {}

    def page(self, rel: str) -> PageParts:
        if rel not in self._pages:
            parts = PageParts(self.site_url)
            parts.feed((self.root / rel).read_text(encoding="utf-8"))
            parts.close()
            self._pages[rel] = parts
        return self._pages[rel]

    def resolve(self, rel: str, url: str, allowed: set[str]) -> tuple[str | None, str, str]:
        """(target file, fragment, problem) for `url` written in the file `rel`.

        The target is None for an external URL or one that leaves the site."""
        if url.startswith(self.site_url):
            url = self.base + url[len(self.site_url):]
        split = urlsplit(url)
        if split.scheme or split.netloc:
            return None, "", "" if split.scheme in allowed else "scheme not allowed"
        joined = urlsplit(urljoin(ORIGIN + self.base + rel, url))
        if not joined.path.startswith(self.base):
            return None, "", "outside the site"
        path = unquote(joined.path[len(self.base):])
        if path == "" or path.endswith("/"):
            path += "index.html"
        elif (self.root / path).is_dir():  # a server redirects a folder to folder/
            path += "/index.html"
        if not (self.root / path).is_file():
            return path, "", "no such file"
        return path, joined.fragment, ""


def check_links(root: Path, site_url: str) -> LinkReport:
    """Every internal URL of the site under `root` that does not resolve, and what did."""
    site = Site(root, site_url)
    report = LinkReport()
    stylesheets: set[str] = set()
    links: list[tuple[str, str, str, str]] = []  # (page, url, target, fragment)
    for html in sorted(root.rglob("*.html")):
        rel = html.relative_to(root).as_posix()
        for url in site.page(rel).urls:
            target, fragment, why = site.resolve(rel, url, EXTERNAL_SCHEMES)
            if why:
                report.broken.append(Broken(rel, url, why, target or ""))
            elif target is None:
                report.external.add(url)
            else:
                links.append((rel, url, target, fragment))
                if target.endswith(".css"):
                    stylesheets.add(target)
    for page, url, target, fragment in links:  # every page is parsed: fragments can be looked up
        report.checked += 1
        report.targets.add(target)
        if fragment and target.endswith(".html") and fragment not in site.page(target).ids:
            report.broken.append(Broken(page, url, f"no id “{fragment}” in {target}", target))
    for sheet in sorted(stylesheets):
        text = (root / sheet).read_text(encoding="utf-8")
        for url in (match.group(2) for match in CSS_URL.finditer(text)):
            target, _, why = site.resolve(sheet, url, EXTERNAL_SCHEMES | {"data"})
            if why:
                report.broken.append(Broken(sheet, url, why, target or ""))
            elif target is not None:
                report.checked += 1
                report.targets.add(target)
    report.broken.sort()
    return report

