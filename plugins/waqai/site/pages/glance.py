"""One day at a glance: a table with a row per time slot and a column per room.

A slot is a distinct start–end pair; sessions sharing it share a row, each in its
room's column. A session without a time has a row of its own, and sessions without
a room share one column. Rows and columns come in programme order (the order in
which sessions.yaml places the day's sessions), as the list of sessions below the
table does. Cells hold sessions in brief, never their papers: the table stays as
cheap as the day's sessions are many.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from waqai.data.model import Lang, Session, Text
from waqai.site.pages import Context
from waqai.site.pages.common import shown
from waqai.text.labels import LABELS

Slot = tuple[dt.time, dt.time | None]


def slot_text(slot: Slot) -> str:
    start, end = slot
    return f"{start:%H:%M}–{end:%H:%M}" if end else f"{start:%H:%M}"


def day_table(sessions: Sequence[Session], briefs: Sequence[Context], lang: Lang
              ) -> Context | None:
    """The table of one day's `sessions` (`briefs` are their views, in the same order),
    or None when the day has neither a time nor a room to show."""
    if not any(s.start or s.room for s in sessions):
        return None
    rooms: list[Text | None] = list(dict.fromkeys(s.room for s in sessions if s.room))
    if any(s.room is None for s in sessions):
        rooms.append(None)  # the sessions without a room, in the last column
    columns = {room: n for n, room in enumerate(rooms)}
    rows: list[Context] = []
    row_of_slot: dict[Slot, Context] = {}
    for session, brief in zip(sessions, briefs, strict=True):
        slot = (session.start, session.end) if session.start else None
        row = row_of_slot.get(slot) if slot else None
        if row is None:
            row = {"time": slot_text(slot) if slot else "",
                   "cells": [[] for _ in columns]}
            rows.append(row)
            if slot:
                row_of_slot[slot] = row
        row["cells"][columns[session.room]].append(brief)
    return {"columns": [_column_name(room, lang, len(rooms)) for room in rooms],
            "rows": rows}


def _column_name(room: Text | None, lang: Lang, count: int) -> str:
    if room is not None:
        return shown(room, lang)
    # The one column of a day without rooms holds sessions; beside rooms, it is "no room".
    return LABELS["session" if count == 1 else "no_room"].get(lang)
