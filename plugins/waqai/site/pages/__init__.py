"""Model -> generated pages.

Each page kind lives in its own module and offers two functions:

    specs(plan) -> Iterable[PageSpec]            which pages exist
    context(data, spec, lang, links) -> dict     what its template receives

and, for a page whose body is an editor's Markdown (a paper's abstract, the
about notes), `markdown(proc, spec, lang) -> Shown`: rendered as untrusted text,
marked with its language when it is the other language's (a translation gap).

The plugin turns every spec into one Markdown file per language
(`<stem>.ar.md`, `<stem>.en.md`) that mkdocs-static-i18n localises; the page's
template (in `overrides/waqai/`) renders the context. No HTML is assembled here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

from waqai.data.model import LANGS, Lang, Paper, Person, Proceedings, Shown, Text, lang_root
from waqai.exports.record import Form
from waqai.site.pages.bounds import PageBounds

# The attributes by which the after-build check (site/invariants.py) reads what a page
# lists: items, sessions, people and days, each by its id.
PAPER_ID, SESSION_ID, PERSON_ID, DATE = ("data-paper-id", "data-session-id", "data-person-id",
                                         "data-date")


@dataclass(frozen=True)
class PageSpec:
    stem: str  # e.g. "papers/my-paper" -> papers/my-paper.ar.md -> /papers/my-paper/
    kind: str  # the page kind, one of KINDS
    title: Text
    key: str = ""  # id of the object shown (paper id, session id, …)
    part: int = 1  # which page it is of a listing split into numbered pages (bounds.py)
    # The languages it is in: a letter page is only in the languages whose index files
    # people under that letter (pages/people.py).
    langs: tuple[Lang, ...] = LANGS
    # In a language it is not in, the page its language switch leads to instead.
    elsewhere: str = ""

    def src_uri(self, lang: Lang) -> str:
        return f"{self.stem}.{lang}.md"

    def switch_elsewhere(self) -> tuple[Lang, str] | None:
        """For a page that is not in the other language (a letter of one index only): that
        language, and the site path of the page its language switch leads to instead."""
        missing = [lang for lang in LANGS if lang not in self.langs]
        return (missing[0], lang_root(missing[0]) + self.elsewhere) if missing else None

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


T = TypeVar("T")


@dataclass(frozen=True)
class Plan:
    """What the page kinds of one build work out once from the data (`once`)."""

    _made: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False,
                                       compare=False)

    def once(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, made the first time `key` is asked for and kept for the build."""
        if key not in self._made:
            self._made[key] = make()
        return cast(T, self._made[key])


class PeoplePlan(Protocol):
    """What the speaker index is made from (pages/letters.py, pages/people.py): its people
    and the bounds of a page, a volume's (`SitePlan`) or an archive's (`ArchivePlan`)."""

    @property
    def people(self) -> Sequence[Person]: ...
    @property
    def bounds(self) -> PageBounds: ...
    def once(self, key: Hashable, make: Callable[[], T]) -> T: ...


@dataclass(frozen=True)
class SitePlan(Plan):
    """The model, the bounds of what one page may list, and what the page kinds work out
    from them once per build (`once`): how the speaker index and the programme are split.
    `in_archive`: the volume is one of an archive's, whose own pages its pages link to."""

    proc: Proceedings
    bounds: PageBounds = field(default_factory=PageBounds)
    in_archive: bool = False

    @property
    def people(self) -> Sequence[Person]:
        return self.proc.people


@dataclass(frozen=True)
class BuildData:
    """What page contexts may read: the model and its plan, and what was derived from it
    once per build."""

    plan: SitePlan
    keys: dict[str, str]  # paper id -> citation key
    # Both forms of an item's BibTeX, as its `.bib` files hold them.
    bibtex: Callable[[Paper], dict[Form, str]]

    @property
    def proc(self) -> Proceedings:
        return self.plan.proc


Context = dict[str, Any]
SpecsFn = Callable[[SitePlan], Iterable[PageSpec]]
ContextFn = Callable[[BuildData, PageSpec, Lang, Links], Context]
MarkdownFn = Callable[[Proceedings, PageSpec, Lang], Shown]


@dataclass(frozen=True)
class PageKind:
    name: str
    template: str
    specs: SpecsFn
    context: ContextFn
    markdown: MarkdownFn | None = None  # the page's body, as untrusted Markdown
    lists: tuple[str, ...] = (PAPER_ID,)  # the attributes above its template writes


def page_kinds() -> list[PageKind]:
    from waqai.site.pages import home, paper, people, programme, session

    return [home.HOME, home.ABOUT, paper.KIND, session.KIND, programme.PROGRAMME, programme.DAY,
            people.INDEX, people.LETTERS, people.LETTER, people.PERSON]
