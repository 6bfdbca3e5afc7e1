"""The volume's sharing card: one PNG (`og:image`) with the conference's title in both scripts.

Rendered by Typst (`card.typ`, the PyPI `typst` package) from the fonts vendored in
`fonts/` only, so a build makes the same image everywhere and asks no server for
anything. The text reaches Typst as `sys.inputs` strings, never as markup. The
image depends only on what it shows, so a render is kept per digest of its inputs
(a title edit makes a new one; a `serve` rebuild or a second volume with the same
title reuses it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from waqai.data.model import Conference, Lang

HERE = Path(__file__).parent
TEMPLATE = HERE / "card.typ"
FONTS = HERE / "fonts"
# Typst lays the page out in points (600 × 315); 144 ppi makes it 1200 × 630 pixels,
# the size Facebook, LinkedIn and X crop least.
WIDTH, HEIGHT, PPI = 1200, 630, 144
CARD_FILE = "assets/waqai-card.png"


@dataclass(frozen=True)
class CardText:
    """What the card shows, in both languages."""

    title_ar: str
    title_en: str
    line_ar: str  # under the rule: the city and the year
    line_en: str

    @classmethod
    def of(cls, conf: Conference) -> CardText:
        """The card of `conf`; a translation gap leaves its script's line empty (the card
        shows both scripts, so the other's text is there already)."""
        def line(city: str) -> str:
            return " · ".join(part for part in (city, str(conf.year)) if part)

        return cls(conf.title.ar, conf.title.en, line(conf.city.ar), line(conf.city.en))

    def alt(self, lang: Lang) -> str:
        """The image's text alternative: what it says, the page's language first."""
        first, second = ((self.title_ar, self.title_en) if lang == "ar"
                         else (self.title_en, self.title_ar))
        titles = " — ".join(title for title in (first, second) if title)
        return f"{titles} ({self.line_ar if lang == 'ar' else self.line_en})"

    def inputs(self) -> dict[str, str]:
        return {"title_ar": self.title_ar, "title_en": self.title_en,
                "line_ar": self.line_ar, "line_en": self.line_en,
                "size_ar": str(title_size(self.title_ar, 30)),
                "size_en": str(title_size(self.title_en, 26))}


def title_size(title: str, largest: int) -> int:
    """A font size (pt) that keeps a title of this length inside the card: long titles
    (up to ~300 characters) shrink rather than overflow."""
    length = len(title)
    for limit, size in ((60, largest), (110, largest - 6), (180, largest - 11)):
        if length <= limit:
            return size
    return largest - 15


def render_card(text: CardText) -> bytes:
    """The card as PNG bytes (WIDTH × HEIGHT)."""
    return _render(tuple(sorted(text.inputs().items())))


@cache
def _render(inputs: tuple[tuple[str, str], ...]) -> bytes:
    import typst  # imported here: commands that make no card do not load the compiler

    return typst.compile(TEMPLATE, format="png", ppi=PPI, font_paths=[FONTS],
                         ignore_system_fonts=True, sys_inputs=dict(inputs))
