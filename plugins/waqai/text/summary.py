"""Short plain-text descriptions (`<meta name="description">`, `og:description`).

Search engines show about 160 characters of a description; a cut in the middle
of a word reads as a typo in either language, so the text is cut at the last
space before the limit and ends with an ellipsis.
"""

from __future__ import annotations

LIMIT = 160


def shorten(text: str, limit: int = LIMIT) -> str:
    """`text` if it fits in `limit` characters, else its longest run of whole words
    that fits with "…" after it."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit].rsplit(" ", 1)[0] if " " in text[: limit] else text[: limit - 1]
    return cut.rstrip(" ،,;:؛.-–—") + "…"
