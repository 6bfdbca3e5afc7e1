"""How a time zone is named to readers: its IANA name and its offset from UTC on a day."""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

NOON = dt.time(12)  # offsets change at night, so a day's noon stands for the whole day


@functools.lru_cache(maxsize=1024)  # asked for by every session and day page
def utc_offset(zone: str, day: dt.date) -> str:
    """The zone's offset on `day`: "UTC+03:00", "UTC-03:30", or "UTC" for zero.

    Templates print it in a left-to-right isolate (<bdi dir="ltr">), so the sign keeps
    its place in Arabic text.
    """
    offset = dt.datetime.combine(day, NOON, tzinfo=ZoneInfo(zone)).utcoffset()
    assert offset is not None  # a ZoneInfo always knows the offset of an aware datetime
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"
