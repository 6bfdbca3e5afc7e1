"""Small helpers shared by the export formats: page URLs and one-line text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from waqai import urls
from waqai.data.model import Conference, Lang, Session, lang_root
from waqai.urls import base_url

# Unicode's Cc characters (U+0000–001F, U+007F–009F) but those str.split() takes for
# whitespace (\t \n \v \f \r, U+001C–001F, U+0085): one regex, not a call per character
# (abstracts made this a second of every build at 1,000 papers).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_PAGE_RANGE = re.compile(r"^\s*(\w+)\s*[-‐‑‒–—]+\s*(\w+)\s*$")


def session_url(conference: Conference, session: Session, lang: Lang) -> str:
    return base_url(conference) + lang_root(lang) + urls.session_url(session)


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines, U+2028, tabs …) to one space.

    Line-based formats (RIS) would otherwise let a newline in an untrusted
    title start a new tag or end the record; BibTeX collapses whitespace anyway.
    Other control characters (Unicode category Cc) are dropped.
    """
    return " ".join(_CONTROLS.sub("", text).split())


def page_range(pages: str) -> tuple[str, str] | None:
    """«12-20» (any dash) → ("12", "20"); anything else → None."""
    match = _PAGE_RANGE.match(pages)
    return (match.group(1), match.group(2)) if match else None


def tagged_lines(tags: Iterable[tuple[str, str]], template: str) -> str:
    """One line per tag of a line-based format (RIS, EndNote), each value put on one line
    (`one_line`) and written into `template` ("{tag}  - {value}"); an empty value has none."""
    lines = []
    for tag, value in tags:
        value = one_line(value)
        if value:
            lines.append(template.format(tag=tag, value=value) + "\n")
    return "".join(lines)
