"""Small helpers shared by the export formats: page URLs and one-line text."""

from __future__ import annotations

import re
import unicodedata

from waqai import urls
from waqai.data.model import Conference, Lang, Session, lang_root
from waqai.urls import base_url

_PAGE_RANGE = re.compile(r"^\s*(\w+)\s*[-‐‑‒–—]+\s*(\w+)\s*$")


def session_url(conference: Conference, session: Session, lang: Lang) -> str:
    return base_url(conference) + lang_root(lang) + urls.session_url(session)


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines, U+2028, tabs …) to one space.

    Line-based formats (RIS) would otherwise let a newline in an untrusted
    title start a new tag or end the record; BibTeX collapses whitespace anyway.
    Other control characters (Unicode category Cc) are dropped.
    """
    cleaned = "".join(
        ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc"
    )
    return " ".join(cleaned.split())


def page_range(pages: str) -> tuple[str, str] | None:
    """«12-20» (any dash) → ("12", "20"); anything else → None."""
    match = _PAGE_RANGE.match(pages)
    return (match.group(1), match.group(2)) if match else None
