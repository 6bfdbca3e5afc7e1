"""How much one generated page may list, so that no page grows with the volume.

A page that lists the whole volume (the speaker index, the programme) costs a reader its
bytes before the first paint. Past these bounds the speaker index becomes a page per
letter (`people.py`) and the programme a list of sessions or of days (`programme.py`);
a listing still too long for one page is split into numbered pages. Each bound was set
from the pages of a 10,000-paper synthetic volume, for a page of at most about 110 KB
of HTML (the 150 KB of the issue, with room for longer names and titles than the
synthetic ones): docs/development/performance.en.md has the measurements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

# People on one page of the speaker index (~240 bytes each).
PEOPLE_PER_PAGE = 300
# Items a programme or day page lists with their people (~730 bytes each, the day's
# table of sessions included); past it, the page lists sessions.
ITEMS_PER_PAGE = 120
# Sessions a programme or day page lists in brief (~750 bytes each with the table);
# past it, the programme lists days and a day's page is split into numbered pages.
SESSIONS_PER_PAGE = 100


@dataclass(frozen=True)
class PageBounds:
    """The bounds of one build: the constants above unless the plugin's options lower
    them (the tests do, to pass them with a small volume)."""

    people: int = PEOPLE_PER_PAGE
    items: int = ITEMS_PER_PAGE
    sessions: int = SESSIONS_PER_PAGE


T = TypeVar("T")


def split(entries: Sequence[T], size: int) -> list[Sequence[T]]:
    """`entries` in consecutive pages of at most `size` (one page, maybe empty, if they fit)."""
    return [entries[at:at + size] for at in range(0, len(entries), size)] or [entries]
