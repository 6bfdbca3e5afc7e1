from __future__ import annotations

import datetime as dt

import icalendar

from factories import make_example_proceedings, make_proceedings, make_session
from waqai.data.model import Text
from waqai.exports.ics import programme_ics, session_ics

SITE = "https://proceedings.example.org/csc-2015/"
UTC = dt.UTC


def _events(text: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


def test_one_event_per_session_with_stable_uids() -> None:
    proc = make_example_proceedings()
    events = _events(programme_ics(proc))
    assert [str(e["UID"]) for e in events] == [
        "keynote@proceedings.example.org",
        "panel-1@proceedings.example.org",
        "s3-local-experiences@proceedings.example.org",
        "workshop@proceedings.example.org",
    ]
    assert [str(e["URL"]) for e in events] == [f"{SITE}sessions/{s.id}/" for s in proc.sessions]


def test_timed_session_is_in_riyadh_time() -> None:
    keynote = _events(programme_ics(make_example_proceedings()))[0]
    start, end = keynote["DTSTART"], keynote["DTEND"]
    assert start.params["TZID"] == "Asia/Riyadh"
    assert start.dt.astimezone(UTC) == dt.datetime(2015, 11, 17, 6, 0, tzinfo=UTC)  # 09:00 +03
    assert end.dt.astimezone(UTC) == dt.datetime(2015, 11, 17, 7, 0, tzinfo=UTC)


def test_session_without_times_is_an_all_day_event() -> None:
    text = programme_ics(make_example_proceedings())
    panel = _events(text)[1]
    assert panel["DTSTART"].dt == dt.date(2015, 11, 17)
    assert not isinstance(panel["DTSTART"].dt, dt.datetime)
    assert panel["DTEND"].dt == dt.date(2015, 11, 18)
    assert "DTSTART;VALUE=DATE:20151117\r\n" in text
    assert "DTEND;VALUE=DATE:20151118\r\n" in text


def test_start_without_end_has_no_dtend() -> None:
    session = make_session(start=dt.time(16, 0))
    [event] = _events(session_ics(make_proceedings(sessions=(session,)), session))
    assert event["DTSTART"].dt.astimezone(UTC) == dt.datetime(2015, 11, 17, 13, 0, tzinfo=UTC)
    assert "DTEND" not in event


def test_vtimezone_for_riyadh_only_when_a_session_is_timed() -> None:
    proc = make_example_proceedings()
    calendar = icalendar.Calendar.from_ical(programme_ics(proc))
    [tz] = calendar.walk("VTIMEZONE")
    assert tz["TZID"] == "Asia/Riyadh"
    [standard] = tz.walk("STANDARD")
    assert standard["TZOFFSETFROM"].td == standard["TZOFFSETTO"].td == dt.timedelta(hours=3)
    assert tz.walk("DAYLIGHT") == []
    panel = proc.session("panel-1")
    assert "VTIMEZONE" not in session_ics(proc, panel)


def test_texts_languages_and_place() -> None:
    events = _events(programme_ics(make_example_proceedings()))
    keynote, s3 = events[0], events[2]
    assert str(keynote["SUMMARY"]) == "الكلمة الرئيسية"
    assert keynote["SUMMARY"].params["LANGUAGE"] == "ar"
    assert keynote["DESCRIPTION"].params["LANGUAGE"] == "en"
    assert str(keynote["DESCRIPTION"]) == (
        "Keynote address\n- Improving the Patient Experience (Hamad bin Mohammed Al-Duwailaa)"
    )
    assert str(keynote["LOCATION"]) == "مركز الملك سلمان للمؤتمرات"
    assert str(s3["LOCATION"]) == "القاعة الرئيسة، مركز الملك سلمان للمؤتمرات"
    panel_description = str(events[1]["DESCRIPTION"])
    assert panel_description == "Panel discussion 1\n- Building a customer-service culture"


def test_output_is_byte_stable_and_well_formed() -> None:
    text = programme_ics(make_example_proceedings())
    assert programme_ics(make_example_proceedings()) == text
    assert "DTSTAMP:20151117T000000Z\r\n" in text
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == ""
    assert "\n" not in "".join(lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75


def test_session_calendar_has_one_event() -> None:
    proc = make_example_proceedings()
    session = proc.session("s3-local-experiences")
    [event] = _events(session_ics(proc, session))
    assert str(event["UID"]) == "s3-local-experiences@proceedings.example.org"
    assert "Amer (Badr bin Abdullah Al-Omari)" in str(event["DESCRIPTION"])


def test_untrusted_text_cannot_add_properties_or_events() -> None:
    evil = Text("عنوان\r\nEND:VEVENT\r\nBEGIN:VEVENT", "Title; with, commas\\\nDTSTART:19990101")
    session = make_session(title=evil)
    text = session_ics(make_proceedings(sessions=(session,)), session)
    [event] = _events(text)
    assert str(event["SUMMARY"]) == "عنوان END:VEVENT BEGIN:VEVENT"
    assert str(event["DESCRIPTION"]).startswith("Title; with, commas\\ DTSTART:19990101")
    assert event["DTSTART"].dt == dt.date(2015, 11, 17)
