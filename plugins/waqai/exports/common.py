"""Small helpers shared by the export formats: page URLs and one-line text."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from waqai.model import ArabicName, Conference, Paper, Session

_PAGE_RANGE = re.compile(r"^\s*(\w+)\s*[-‐‑‒–—]+\s*(\w+)\s*$")


def base_url(conference: Conference) -> str:
    """The site URL with exactly one trailing slash."""
    return conference.site_url.rstrip("/") + "/"


def paper_url(conference: Conference, paper: Paper) -> str:
    return f"{base_url(conference)}papers/{paper.id}/"


def session_url(conference: Conference, session: Session) -> str:
    return f"{base_url(conference)}sessions/{session.id}/"


def site_host(conference: Conference) -> str:
    return urlsplit(conference.site_url).hostname or "localhost"


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


def given_names(name: ArabicName) -> str:
    """The given part for citation formats: ism + nasab, «نايف بن صالح»."""
    return " ".join(part for part in (name.given, name.nasab) if part)
