"""Finds interface text written in the wrong script on a built page.

On an Arabic page no Latin letter, and on an English page no Arabic letter, may stand in
text the reader is told is in the page's language. What legitimately differs is marked:
an element with its own `lang` (the other title, a name's other spelling, the language
switcher), an isolate (<bdi>, or another direction than the page's: IANA zone names,
format names, DOIs),
code (<pre>, <code>: BibTeX, paths), scripts, styles and icons. Everything else counts:
Material's header, tabs, sidebar and footer, the `<title>`, the `aria-label`, `title`,
`placeholder` and `alt` attributes, and the text Waqai's templates write into the content.
Text written by people is not interface and is left out: the content of hand-written
pages (outside any `waqai-` element) and its table of contents, an abstract and the
editors' about notes (all but their heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

ARABIC = "\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF"
FOREIGN = {"ar": re.compile(r"[A-Za-z]+(?:[ .'-]+[A-Za-z]+)*"),
           "en": re.compile(f"[{ARABIC}]+(?:\\s+[{ARABIC}]+)*")}
SKIPPED_TAGS = {"script", "style", "svg", "pre", "code", "bdi", "template"}
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
# Sections whose content (all but their <h2>) is an editor's Markdown.
WRITTEN_BY_PEOPLE = {"waqai-abstract", "waqai-about-notes"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass(frozen=True)
class Frame:
    tag: str
    classes: tuple[str, ...]
    checked: bool  # is text here in the page's language, and not code or an isolate?
    region: str  # "chrome", "content" (written by people) or "waqai" (by Waqai's templates)

    @property
    def shown(self) -> bool:
        return self.checked and self.region != "content"


class _Scan(HTMLParser):
    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.direction = "rtl" if lang == "ar" else "ltr"
        self.found: list[str] = []
        self.stack = [Frame("#document", (), True, "chrome")]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = tuple(values.get("class", "").split())
        parent = self.stack[-1]
        region = parent.region
        if "md-content__inner" in classes or values.get("data-md-component") == "toc":
            region = "content"  # a page's table of contents repeats its headings
        elif region == "content" and any(c.startswith("waqai-") for c in classes):
            region = "waqai"
        own_lang = values.get("lang", self.lang).split("-")[0]
        checked = parent.checked and not (
            tag in SKIPPED_TAGS or values.get("dir", self.direction) != self.direction
            or own_lang != self.lang
            or not WRITTEN_BY_PEOPLE.isdisjoint(parent.classes) and tag != "h2")
        frame = Frame(tag, classes, checked, region)
        # Attributes are in the element's language whatever its direction (an input with
        # dir="auto" still has a placeholder in the page's language).
        if parent.checked and own_lang == self.lang and region != "content":
            for name in SHOWN_ATTRIBUTES:
                self._look(values.get(name, ""))
        if tag not in VOID:
            self.stack.append(frame)

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching element (HTML lets some end tags be left out).
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self.stack[-1].shown:
            self._look(data)

    def _look(self, text: str) -> None:
        self.found.extend(match.group() for match in FOREIGN[self.lang].finditer(text))


def foreign_words(html: str, lang: str) -> list[str]:
    """Words in the other language's script, in text shown as being in `lang`."""
    scan = _Scan(lang)
    scan.feed(html)
    scan.close()
    return scan.found
