"""Gregorian ⇄ Hijri (Umm al-Qura) dates: conversion, checking and display.

Conversion is done by `hijridate`, which carries the official Umm al-Qura
table (1343–1500 AH, 1924-08-01 to 2077-11-16). Month and weekday names come
from `calendar_names.json` beside this module, never from the host locale, so a build gives
the same text on every machine.

Digits: output uses Western (Latin) digits by default in both languages, as the
seed news text and most Saudi web publishing do; it also keeps numbers
identical and searchable across the Arabic and English pages. Pass
``digits="arabic-indic"`` for ٠١٢٣٤٥٦٧٨٩.

Ranges use an en dash (U+2013). In a right-to-left paragraph the en dash is a
bidi neutral between numbers, so «5–7» is read 5 first; an ASCII hyphen would
join the digits into one left-to-right run and read «7-5».
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from importlib import resources
from typing import Literal

from hijridate import Gregorian, Hijri
from hijridate.ummalqura import GREGORIAN_RANGE, HIJRI_RANGE

from waqai.data.model import HijriDate, Lang

Digits = Literal["latin", "arabic-indic"]

_NAMES_FILE = "calendar_names.json"
_NAME_COUNTS = {"gregorian_months": 12, "hijri_months": 12, "weekdays": 7}
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Editors may type the Hijri date with Arabic-Indic or Persian digits.
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_HIJRI_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DASH = "\u2013"


class CalendarRangeError(ValueError):
    """A date outside the Umm al-Qura table that hijridate carries."""


_RANGE_TEXT = "{}-{:02d}-{:02d} to {}-{:02d}-{:02d} ({}–{} AH)".format(
    *GREGORIAN_RANGE[0], *GREGORIAN_RANGE[1], HIJRI_RANGE[0][0], HIJRI_RANGE[1][0]
)


@functools.cache
def _names() -> dict[str, dict[str, tuple[str, ...]]]:
    source = resources.files("waqai.text").joinpath(_NAMES_FILE)
    raw = json.loads(source.read_text(encoding="utf-8"))
    names: dict[str, dict[str, tuple[str, ...]]] = {}
    for key, count in _NAME_COUNTS.items():
        names[key] = {}
        for lang in ("ar", "en"):
            values = tuple(raw[key][lang])
            if len(values) != count:
                raise ValueError(f"{_NAMES_FILE}: {key}.{lang} needs {count} names, "
                                 f"has {len(values)}")
            names[key][lang] = values
    return names


def _name(kind: str, lang: Lang, number: int) -> str:
    """The name of month `number` (1-based) or ISO weekday `number`."""
    return _names()[kind][lang][number - 1]


# ---------------------------------------------------------------- conversion


def _hijri_of(h: HijriDate) -> Hijri:
    """Validate `h` against the Umm al-Qura table, with messages for editors."""
    low, high = HIJRI_RANGE[0][0], HIJRI_RANGE[1][0]
    iso = _iso(h)
    if not low <= h.year <= high:
        raise CalendarRangeError(f"{iso} AH is outside the Umm al-Qura table: {_RANGE_TEXT}")
    if not 1 <= h.month <= 12:
        raise ValueError(f"{iso} AH: the month must be 1 to 12, not {h.month}")
    if not 1 <= h.day <= 30:
        raise ValueError(f"{iso} AH: the day must be 1 to 30, not {h.day}")
    length = Hijri(h.year, h.month, 1).month_length()
    if h.day > length:
        month = f"{_name('hijri_months', 'en', h.month)} {h.year}"
        raise ValueError(f"{iso} AH does not exist: {month} has {length} days "
                         f"in the Umm al-Qura calendar")
    return Hijri(h.year, h.month, h.day)


GREGORIAN_SPAN = (dt.date(*GREGORIAN_RANGE[0]), dt.date(*GREGORIAN_RANGE[1]))


def outside_table(day: dt.date) -> str | None:
    """Why `day` cannot be written in both calendars (every page writes both), or None."""
    if GREGORIAN_SPAN[0] <= day <= GREGORIAN_SPAN[1]:
        return None
    return f"{day.isoformat()} is outside the Umm al-Qura table: {_RANGE_TEXT}"


def to_hijri(day: dt.date) -> HijriDate:
    """The Umm al-Qura date of a Gregorian day."""
    try:
        h = Gregorian.fromdate(day).to_hijri()
    except OverflowError:
        raise CalendarRangeError(
            f"{day.isoformat()} is outside the Umm al-Qura table: {_RANGE_TEXT}"
        ) from None
    return HijriDate(h.year, h.month, h.day)


def to_gregorian(h: HijriDate) -> dt.date:
    """The Gregorian day of an Umm al-Qura date; ValueError if it does not exist."""
    g = _hijri_of(h).to_gregorian()
    return dt.date(g.year, g.month, g.day)


def parse_hijri(text: str) -> HijriDate:
    """Read ``YYYY-MM-DD`` (e.g. ``1446-04-13``) as an Umm al-Qura date."""
    match = _HIJRI_ISO.fullmatch(text.strip().translate(_TO_ASCII))
    if match is None:
        raise ValueError(f"{text!r} is not a Hijri date; write it as YYYY-MM-DD, e.g. 1446-04-13")
    h = HijriDate(*(int(part) for part in match.groups()))
    _hijri_of(h)
    return h


def _iso(h: HijriDate) -> str:
    return f"{h.year:04d}-{h.month:02d}-{h.day:02d}"


def check_pair(gregorian: dt.date, hijri: HijriDate) -> str | None:
    """None if both name the same day, else an English message saying how to fix it."""
    try:
        expected = to_gregorian(hijri)
    except ValueError as err:
        return str(err)
    if expected == gregorian:
        return None
    given = _gregorian_text(gregorian, gregorian, "en")
    problem = (f"{_hijri_text(hijri, hijri, 'en')} is "
               f"{_gregorian_text(expected, expected, 'en')}, not {given}")
    fix_date = f"change the date to {expected.isoformat()}"
    try:
        keep = to_hijri(gregorian)
    except CalendarRangeError:
        return f"{problem}; {fix_date}"
    return f"{problem}; write hijri: {_iso(keep)} to keep {given}, or {fix_date}"


# ---------------------------------------------------------------- display

_Parts = tuple[int, int, int]  # (year, month, day)


def _span(start: _Parts, end: _Parts, months: tuple[str, ...]) -> str:
    """«13 Rabi' al-Thani 1446», «13–14 Rabi' al-Thani 1446»,
    «29 Rabi' al-Thani – 2 Jumada al-Ula 1446», …

    The shared parts are written once, at the end, as in both languages' usage.
    """
    (y1, m1, d1), (y2, m2, d2) = start, end
    if start == end:
        return f"{d1} {months[m1 - 1]} {y1}"
    if (y1, m1) == (y2, m2):
        return f"{d1}{_DASH}{d2} {months[m1 - 1]} {y1}"
    if y1 == y2:
        return f"{d1} {months[m1 - 1]} {_DASH} {d2} {months[m2 - 1]} {y1}"
    return f"{d1} {months[m1 - 1]} {y1} {_DASH} {d2} {months[m2 - 1]} {y2}"


def _gregorian_text(start: dt.date, end: dt.date, lang: Lang) -> str:
    parts = (start.year, start.month, start.day), (end.year, end.month, end.day)
    text = _span(*parts, _names()["gregorian_months"][lang])
    return f"{text} م" if lang == "ar" else text


def _hijri_text(start: HijriDate, end: HijriDate, lang: Lang) -> str:
    parts = (start.year, start.month, start.day), (end.year, end.month, end.day)
    text = _span(*parts, _names()["hijri_months"][lang])
    return f"{text} هـ" if lang == "ar" else f"{text} AH"


def _both(start: dt.date, end: dt.date, lang: Lang, prefix: str, digits: Digits) -> str:
    hijri = _hijri_text(to_hijri(start), to_hijri(end), lang)
    gregorian = _gregorian_text(start, end, lang)
    if lang == "ar":
        text = f"{prefix}{hijri} الموافق {gregorian}"
    else:
        text = f"{prefix}{gregorian} ({hijri})"
    return _with_digits(text, digits)


def _with_digits(text: str, digits: Digits) -> str:
    return text.translate(_ARABIC_INDIC) if digits == "arabic-indic" else text


@functools.lru_cache(maxsize=4096)  # pages name the same few days thousands of times
def format_date(day: dt.date, lang: Lang, weekday: bool = True, digits: Digits = "latin") -> str:
    """«الأربعاء 13 ربيع الآخر 1446 هـ الموافق 16 أكتوبر 2024 م» /
    "Wednesday 16 October 2024 (13 Rabi' al-Thani 1446 AH)"."""
    prefix = f"{_name('weekdays', lang, day.isoweekday())} " if weekday else ""
    return _both(day, day, lang, prefix, digits)


def format_range(start: dt.date, end: dt.date, lang: Lang, digits: Digits = "latin") -> str:
    """«13–14 ربيع الآخر 1446 هـ الموافق 16–17 أكتوبر 2024 م» /
    "16–17 October 2024 (13–14 Rabi' al-Thani 1446 AH)". One day gives that day without weekday."""
    if end < start:
        raise ValueError(f"date range ends ({end.isoformat()}) "
                         f"before it starts ({start.isoformat()})")
    return _both(start, end, lang, "", digits)


def format_day_heading(day: dt.date, lang: Lang, digits: Digits = "latin") -> str:
    """The heading of a programme day page (kept separate so it can change alone)."""
    return format_date(day, lang, weekday=True, digits=digits)


def hijri_month_year(day: dt.date, lang: Lang, digits: Digits = "latin") -> str:
    """The Hijri month and year of a day: «ربيع الآخر 1446» / "Rabi' al-Thani 1446"."""
    h = to_hijri(day)
    return _with_digits(f"{_name('hijri_months', lang, h.month)} {h.year}", digits)
