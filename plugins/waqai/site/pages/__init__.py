"""Model -> generated pages.

Each page kind lives in its own module and offers two functions:

    specs(proc) -> Iterable[PageSpec]            which pages exist
    context(data, spec, lang, links) -> dict     what its template receives

and, for a page whose body is an editor's Markdown (a paper's abstract, the
about notes), `markdown(proc, spec, lang) -> Shown`: rendered as untrusted text,
marked with its language when it is the other language's (a translation gap).

The plugin turns every spec into one Markdown file per language
(`<stem>.ar.md`, `<stem>.en.md`) that mkdocs-static-i18n localises; the page's
template (in `overrides/waqai/`) renders the context. No HTML is assembled here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from waqai.data.model import Lang, Paper, Proceedings, Shown, Text
from waqai.exports.record import Form


@dataclass(frozen=True)
class PageSpec:
    stem: str  # e.g. "papers/my-paper" -> papers/my-paper.ar.md -> /papers/my-paper/
    kind: str  # the page kind, one of KINDS
    title: Text
    key: str = ""  # id of the object shown (paper id, session id, …)

    def src_uri(self, lang: Lang) -> str:
        return f"{self.stem}.{lang}.md"

    @property
    def url(self) -> str:
        """Path of the page under a language root, with directory URLs."""
        if self.stem == "index":
            return ""
        if self.stem.endswith("/index"):
            return self.stem[: -len("index")]
        return f"{self.stem}/"


class Links:
    """Relative links from one generated page, valid in both language trees.

    Pages are mirrored under `/` (Arabic) and `/en/`, so a link between two pages
    is the same relative path in both. Language-neutral files (exports) exist once,
    at the site root, so English pages need one more `../` to reach them.
    """

    def __init__(self, from_url: str, lang: Lang, default_lang: Lang = "ar") -> None:
        self.from_dir = from_url.rstrip("/")
        self.from_parts = [part for part in self.from_dir.split("/") if part]
        self.lang_prefix = "" if lang == default_lang else "../"

    def page(self, url: str) -> str:
        """Link to another page's URL (as in PageSpec.url); both are language-relative."""
        rel = self._relative(url)
        if rel == ".":
            return "./"
        return rel + ("/" if url.endswith("/") or url == "" else "")

    def asset(self, path: str) -> str:
        """Link to a language-neutral file at the site root, e.g. `proceedings.bib`."""
        up = self._relative("")
        prefix = "" if up == "." else up + "/"
        return f"{self.lang_prefix}{prefix}{path}"

    def _relative(self, url: str) -> str:
        """posixpath.relpath(url, from_dir) for the plain paths used here, without
        its two os.getcwd() calls (tens of thousands of links per build)."""
        parts = [part for part in url.split("/") if part]
        common = 0
        for mine, theirs in zip(self.from_parts, parts):
            if mine != theirs:
                break
            common += 1
        return "/".join([".."] * (len(self.from_parts) - common) + parts[common:]) or "."


@dataclass(frozen=True)
class BuildData:
    """What page contexts may read: the model, and what was derived from it once per build."""

    proc: Proceedings
    keys: dict[str, str]  # paper id -> citation key
    # Both forms of an item's BibTeX, as its `.bib` files hold them.
    bibtex: Callable[[Paper], dict[Form, str]]


Context = dict[str, Any]
SpecsFn = Callable[[Proceedings], Iterable[PageSpec]]
ContextFn = Callable[[BuildData, PageSpec, Lang, Links], Context]
MarkdownFn = Callable[[Proceedings, PageSpec, Lang], Shown]


@dataclass(frozen=True)
class PageKind:
    name: str
    template: str
    specs: SpecsFn
    context: ContextFn
    markdown: MarkdownFn | None = None  # the page's body, as untrusted Markdown


def page_kinds() -> list[PageKind]:
    from waqai.site.pages import home, paper, people, programme, session

    return [home.HOME, home.ABOUT, paper.KIND, session.KIND, programme.PROGRAMME, programme.DAY,
            people.INDEX, people.PERSON]
