"""Tests of waqai.text.dates: Umm al-Qura conversion, the date-pair check, display.

Every expected string below is written by hand from the sources named next to
it, not copied from the code's output.
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import subprocess
import sys

import pytest

from waqai.data.model import HijriDate
from waqai.text.dates import (
    CalendarRangeError,
    check_pair,
    format_date,
    format_day_heading,
    format_range,
    hijri_month_year,
    parse_hijri,
    to_gregorian,
    to_hijri,
)

D = dt.date
H = HijriDate

# ------------------------------------------------------------------ conversion

# Day pairs from public sources, independent of hijridate:
# - the conference: IPA news texts in /work/shared/seeds (000_…, 004_…) give
#   «5 - 7 صفر 1437ه» for the conference held from 17 November 2015.
# - 1 Muharram 1437 = 14 Oct 2015 and 1 Muharram 1438 = 2 Oct 2016: the year
#   1437 AH "runs from 14 October 2015 to 2 October 2016" (Wikipedia, Islamic
#   calendar, quoted at smstrading.ae/blog/happy-islamic-new-year-uae/).
# - 1 Ramadan 1437 = Monday 6 June 2016: Saudi Press Agency, Jeddah, 5 June 2016,
#   via blog.al-habib.info/2016/06/saudi-arabia-starts-ramadhan-monday-6-june-2016/
#   (set by sighting; the Umm al-Qura table has the same day).
# - 1 Dhu al-Hijjah 1436 = 14 Sep 2015 in Umm al-Qura: the Saudi Supreme Court
#   set 15 Sep 2015 by sighting, "a day later than the official civil calendar
#   of Ummul Qura" (blog.al-habib.info/2015/09/saudi-arabia-announced-eid-adha-1436-24-september-2015/).
# - 29 Dhu al-Qa'dah 1439 = Saturday 11 Aug 2018, the last day of that month,
#   "according to the Calendar of Umul Qura" (SPA, spa.gov.sa/1796764).
# - 1 Muharram 1444 = Saturday 30 July 2022 "according to Umm al-Qura calendar"
#   (SPA via uaebarq.ae, 2022-07-28, and eastcoastdaily.in, 2022-07-29).
# - 30 Dhu al-Hijjah 1445 = 6 July 2024 and 1 Muharram 1446 = 7 July 2024,
#   "according to the Umm Al Qura calendar" (Saudi Supreme Court statement,
#   khaleejtimes.com, 2024-07-05).
# - 1 Sha'ban 1446 = Friday 31 Jan 2025 in Saudi Arabia (uk.news.yahoo.com,
#   "Saudi Arabia announces '30 days until Ramadan'"; Qatar Calendar House via
#   menafn.com, 2025-01-27). Note: islamiccalendar.info's 1446 list says 30 Jan,
#   which disagrees with both, so it is not used here.
KNOWN_DAYS = [
    (H(1437, 2, 5), D(2015, 11, 17)),
    (H(1437, 2, 7), D(2015, 11, 19)),
    (H(1437, 1, 1), D(2015, 10, 14)),
    (H(1438, 1, 1), D(2016, 10, 2)),
    (H(1437, 9, 1), D(2016, 6, 6)),
    (H(1436, 12, 1), D(2015, 9, 14)),
    (H(1439, 11, 29), D(2018, 8, 11)),
    (H(1444, 1, 1), D(2022, 7, 30)),
    (H(1445, 12, 30), D(2024, 7, 6)),
    (H(1446, 1, 1), D(2024, 7, 7)),
    (H(1446, 8, 1), D(2025, 1, 31)),
]


@pytest.mark.parametrize(("hijri", "gregorian"), KNOWN_DAYS)
def test_known_days_convert_both_ways(hijri: HijriDate, gregorian: dt.date) -> None:
    assert to_hijri(gregorian) == hijri
    assert to_gregorian(hijri) == gregorian


def test_conference_days_are_tuesday_to_thursday() -> None:
    assert [to_hijri(D(2015, 11, d)) for d in (17, 18, 19)] == [H(1437, 2, 5), H(1437, 2, 6), H(1437, 2, 7)]
    assert format_day_heading(D(2015, 11, 17), "en").startswith("Tuesday ")
    assert format_day_heading(D(2015, 11, 19), "ar").startswith("الخميس ")


def test_consecutive_days_step_through_the_hijri_calendar() -> None:
    """Two years day by day: round trip, and the Hijri date advances by one day."""
    day = D(2015, 1, 1)
    previous = to_hijri(day - dt.timedelta(days=1))
    while day < D(2017, 1, 1):
        h = to_hijri(day)
        assert to_gregorian(h) == day
        if h.day == 1:
            assert previous.day in (29, 30)
            assert (h.year, h.month) == ((previous.year, previous.month + 1) if previous.month < 12 else (previous.year + 1, 1))
        else:
            assert (h.year, h.month, h.day) == (previous.year, previous.month, previous.day + 1)
        previous, day = h, day + dt.timedelta(days=1)


@pytest.mark.parametrize("day", [D(1924, 7, 31), D(2077, 11, 17), D(1900, 1, 1)])
def test_gregorian_outside_the_table_is_a_range_error(day: dt.date) -> None:
    with pytest.raises(CalendarRangeError, match=day.isoformat()) as err:
        to_hijri(day)
    assert isinstance(err.value, ValueError)
    assert "1924-08-01" in str(err.value) and "2077-11-16" in str(err.value)


@pytest.mark.parametrize("hijri", [H(1342, 12, 29), H(1501, 1, 1)])
def test_hijri_outside_the_table_is_a_range_error(hijri: HijriDate) -> None:
    with pytest.raises(CalendarRangeError, match="1343–1500 AH"):
        to_gregorian(hijri)


def test_table_edges_convert() -> None:
    assert to_hijri(D(1924, 8, 1)) == H(1343, 1, 1)
    assert to_hijri(D(2077, 11, 16)) == H(1500, 12, 30)


def test_to_gregorian_rejects_a_day_the_month_does_not_have() -> None:
    # SPA: 29 Dhu al-Qa'dah 1439 was "the last and sealing day of the month".
    with pytest.raises(ValueError, match="Dhu al-Qa'dah 1439 has 29 days"):
        to_gregorian(H(1439, 11, 30))


# ------------------------------------------------------------------ parse_hijri


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1437-02-05", H(1437, 2, 5)),
        (" 1437-2-5 ", H(1437, 2, 5)),
        ("١٤٣٧-٠٢-٠٥", H(1437, 2, 5)),  # Arabic-Indic digits, as an Arabic keyboard types them
        ("1445-12-30", H(1445, 12, 30)),  # Dhu al-Hijjah 1445 had 30 days (Supreme Court, above)
    ],
)
def test_parse_hijri_accepts(text: str, expected: HijriDate) -> None:
    assert parse_hijri(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1437/02/05", "YYYY-MM-DD"),
        ("5 Safar 1437", "YYYY-MM-DD"),
        ("14370205", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
        ("1437-02-05-01", "YYYY-MM-DD"),
        ("1437-13-01", "month must be 1 to 12"),
        ("1437-00-01", "month must be 1 to 12"),
        ("1437-02-00", "day must be 1 to 30"),
        ("1437-02-31", "day must be 1 to 30"),
        ("1439-11-30", "Dhu al-Qa'dah 1439 has 29 days"),
        ("1600-01-01", "outside the Umm al-Qura table"),
    ],
)
def test_parse_hijri_rejects_with_a_message(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_hijri(text)


# ------------------------------------------------------------------ check_pair


def test_check_pair_accepts_the_conference_dates() -> None:
    assert check_pair(D(2015, 11, 17), H(1437, 2, 5)) is None
    assert check_pair(D(2015, 11, 19), H(1437, 2, 7)) is None


def test_check_pair_catches_the_seed_slip() -> None:
    # 004_…txt pairs «5 - 7 صفر» with «17 - 18 نوفمبر»: an editor who pairs
    # 5 Safar with 18 November must be told the real day.
    message = check_pair(D(2015, 11, 18), H(1437, 2, 5))
    assert message == (
        "5 Safar 1437 AH is 17 November 2015, not 18 November 2015; "
        "write hijri: 1437-02-06 to keep 18 November 2015, or change the date to 2015-11-17"
    )


def test_check_pair_reports_an_impossible_hijri_date() -> None:
    message = check_pair(D(2018, 8, 12), H(1439, 11, 30))
    assert message is not None and "Dhu al-Qa'dah 1439 has 29 days" in message


def test_check_pair_with_a_gregorian_day_outside_the_table_only_offers_the_date_fix() -> None:
    message = check_pair(D(1900, 1, 1), H(1437, 2, 5))
    assert message == "5 Safar 1437 AH is 17 November 2015, not 1 January 1900; change the date to 2015-11-17"


# ------------------------------------------------------------------ display


def test_format_date_arabic() -> None:
    assert format_date(D(2015, 11, 17), "ar") == "الثلاثاء 5 صفر 1437 هـ الموافق 17 نوفمبر 2015 م"
    assert format_date(D(2015, 11, 17), "ar", weekday=False) == "5 صفر 1437 هـ الموافق 17 نوفمبر 2015 م"


def test_format_date_english() -> None:
    assert format_date(D(2015, 11, 17), "en") == "Tuesday 17 November 2015 (5 Safar 1437 AH)"
    assert format_date(D(2015, 11, 17), "en", weekday=False) == "17 November 2015 (5 Safar 1437 AH)"


def test_format_date_arabic_indic_digits() -> None:
    expected = "الثلاثاء ٥ صفر ١٤٣٧ هـ الموافق ١٧ نوفمبر ٢٠١٥ م"
    assert format_date(D(2015, 11, 17), "ar", digits="arabic-indic") == expected
    assert format_day_heading(D(2015, 11, 17), "ar", digits="arabic-indic") == expected


def test_day_heading_and_hijri_month_year() -> None:
    assert format_day_heading(D(2015, 11, 17), "ar") == "الثلاثاء 5 صفر 1437 هـ الموافق 17 نوفمبر 2015 م"
    assert hijri_month_year(D(2015, 11, 17), "ar") == "صفر 1437"
    assert hijri_month_year(D(2015, 11, 17), "en") == "Safar 1437"
    assert hijri_month_year(D(2015, 11, 17), "ar", digits="arabic-indic") == "صفر ١٤٣٧"


# Hand-derived from the known days above: 1 Muharram 1437 = 14 Oct 2015 and
# 5 Safar = 17 Nov, so 1 Safar = 13 Nov, Muharram 1437 had 30 days and 11 Nov
# = 29 Muharram; 30 Nov = 18 Safar. 30 Dhu al-Hijjah 1445 = 6 July 2024.
# One case leans on the Umm al-Qura table itself (hijridate), as no source
# above covers it: Safar 1437 has 29 days, so 1 Rabi' al-Awwal = 12 Dec 2015
# and 31 Dec = 20 Rabi' al-Awwal.
RANGES = [
    (  # the conference
        D(2015, 11, 17), D(2015, 11, 19),
        "5–7 صفر 1437 هـ الموافق 17–19 نوفمبر 2015 م",
        "17–19 November 2015 (5–7 Safar 1437 AH)",
    ),
    (  # across a Gregorian month
        D(2015, 11, 30), D(2015, 12, 2),
        "18–20 صفر 1437 هـ الموافق 30 نوفمبر – 2 ديسمبر 2015 م",
        "30 November – 2 December 2015 (18–20 Safar 1437 AH)",
    ),
    (  # across a Hijri month
        D(2015, 11, 11), D(2015, 11, 14),
        "29 محرم – 2 صفر 1437 هـ الموافق 11–14 نوفمبر 2015 م",
        "11–14 November 2015 (29 Muharram – 2 Safar 1437 AH)",
    ),
    (  # across a Hijri year
        D(2024, 7, 5), D(2024, 7, 8),
        "29 ذو الحجة 1445 – 2 محرم 1446 هـ الموافق 5–8 يوليو 2024 م",
        "5–8 July 2024 (29 Dhu al-Hijjah 1445 – 2 Muharram 1446 AH)",
    ),
    (  # across a Gregorian year (Hijri side from the table, see above)
        D(2015, 12, 31), D(2016, 1, 2),
        "20–22 ربيع الأول 1437 هـ الموافق 31 ديسمبر 2015 – 2 يناير 2016 م",
        "31 December 2015 – 2 January 2016 (20–22 Rabi' al-Awwal 1437 AH)",
    ),
    (  # across both years at once
        D(2015, 10, 13), D(2016, 6, 6),
        "30 ذو الحجة 1436 – 1 رمضان 1437 هـ الموافق 13 أكتوبر 2015 – 6 يونيو 2016 م",
        "13 October 2015 – 6 June 2016 (30 Dhu al-Hijjah 1436 – 1 Ramadan 1437 AH)",
    ),
    (  # one day: the date without weekday
        D(2015, 11, 17), D(2015, 11, 17),
        "5 صفر 1437 هـ الموافق 17 نوفمبر 2015 م",
        "17 November 2015 (5 Safar 1437 AH)",
    ),
]


@pytest.mark.parametrize(("start", "end", "arabic", "english"), RANGES)
def test_format_range(start: dt.date, end: dt.date, arabic: str, english: str) -> None:
    assert format_range(start, end, "ar") == arabic
    assert format_range(start, end, "en") == english


def test_format_range_rejects_a_reversed_range() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        format_range(D(2015, 11, 19), D(2015, 11, 17), "en")


# Arabic Gregorian month names as used in Saudi sources (the seed text writes «نوفمبر»).
AR_GREGORIAN = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()


@pytest.mark.parametrize(("month", "name"), list(enumerate(AR_GREGORIAN, start=1)))
def test_arabic_gregorian_month_names(month: int, name: str) -> None:
    assert format_date(D(2016, month, 15), "ar", weekday=False).endswith(f" الموافق 15 {name} 2016 م")


EN_HIJRI = [
    "Muharram", "Safar", "Rabi' al-Awwal", "Rabi' al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
    "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qa'dah", "Dhu al-Hijjah",
]
AR_HIJRI = [
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
]


@pytest.mark.parametrize("month", range(1, 13))
def test_hijri_month_names(month: int) -> None:
    day = to_gregorian(H(1437, month, 10))
    assert hijri_month_year(day, "en") == f"{EN_HIJRI[month - 1]} 1437"
    assert hijri_month_year(day, "ar") == f"{AR_HIJRI[month - 1]} 1437"


def test_weekday_names() -> None:
    # 16 November 2015 was a Monday (the conference opened on Tuesday the 17th).
    arabic = "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split()
    english = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
    for offset in range(7):
        day = D(2015, 11, 16 + offset)
        assert format_date(day, "ar").startswith(arabic[offset] + " ")
        assert format_date(day, "en").startswith(english[offset] + " ")


def test_output_does_not_depend_on_the_process_locale() -> None:
    """A fresh interpreter under an ASCII C locale with Arabic LANG/LC_TIME set
    gives the same text (this also fails if the names file is read with the
    locale's encoding instead of UTF-8)."""
    code = (
        "import datetime as dt, locale, sys\n"
        "from waqai.text import dates\n"
        "d = dt.date(2015, 11, 17)\n"
        "print(ascii(locale.getpreferredencoding(False)))\n"
        "print(ascii([dates.format_date(d, 'ar'), dates.format_date(d, 'en'),"
        " dates.format_range(dt.date(2015, 10, 14), d, 'ar'), dates.hijri_month_year(d, 'ar')]))\n"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "PYTHON"))}
    env.update(LC_ALL="C", LANG="ar_SA.UTF-8", LC_TIME="ar_SA.UTF-8", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    encoding_line, values_line = result.stdout.splitlines()
    assert "utf" not in ast.literal_eval(encoding_line).lower()  # the locale really is not UTF-8
    assert ast.literal_eval(values_line) == [
        "الثلاثاء 5 صفر 1437 هـ الموافق 17 نوفمبر 2015 م",
        "Tuesday 17 November 2015 (5 Safar 1437 AH)",
        "1 محرم – 5 صفر 1437 هـ الموافق 14 أكتوبر – 17 نوفمبر 2015 م",
        "صفر 1437",
    ]
