from __future__ import annotations

import datetime as dt

import icalendar
import pytest
import vobject

from factories import make_conference, make_example_proceedings, make_proceedings, make_session
from waqai.data.model import LANGS, Lang, Text
from waqai.exports.ics import programme_ics, session_ics

SITE = "https://proceedings.example.org/csc-2015/"
UTC = dt.UTC
# One event as a client sees it: its UID and its start and end, instants in UTC (a day
# for an all-day event); the same in both languages' calendars.
When = dt.datetime | dt.date | None


def _events(text: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


def _utc(value: When) -> When:
    return value.astimezone(UTC) if isinstance(value, dt.datetime) else value


def _icalendar_events(text: str) -> list[tuple[str, When, When]]:
    return [(str(e["UID"]), _utc(e["DTSTART"].dt), _utc(e["DTEND"].dt) if "DTEND" in e else None)
            for e in _events(text)]


def _vobject_events(text: str) -> list[tuple[str, When, When]]:
    calendar = vobject.readOne(text)
    return [(e.uid.value, _utc(e.dtstart.value),
             _utc(e.dtend.value) if "dtend" in e.contents else None)
            for e in calendar.vevent_list]


def test_one_event_per_session_with_stable_uids() -> None:
    proc = make_example_proceedings()
    for lang, root in (("ar", ""), ("en", "en/")):
        events = _events(programme_ics(proc, lang))
        assert [str(e["UID"]) for e in events] == [
            "sessions/keynote@proceedings.example.org/csc-2015",
            "sessions/panel-1@proceedings.example.org/csc-2015",
            "sessions/s3-local-experiences@proceedings.example.org/csc-2015",
            "sessions/workshop@proceedings.example.org/csc-2015",
        ]
        assert [str(e["URL"]) for e in events] == [f"{SITE}{root}sessions/{s.id}/"
                                                   for s in proc.sessions]


def test_both_calendars_hold_the_same_events_for_two_parsers() -> None:
    proc = make_example_proceedings()
    keynote = ("sessions/keynote@proceedings.example.org/csc-2015",
               dt.datetime(2015, 11, 17, 6, 0, tzinfo=UTC), dt.datetime(2015, 11, 17, 7, 0,
                                                                         tzinfo=UTC))
    panel = ("sessions/panel-1@proceedings.example.org/csc-2015",
             dt.date(2015, 11, 17), dt.date(2015, 11, 18))
    for calendar in (programme_ics(proc, "ar"), programme_ics(proc, "en")):
        for read in (_icalendar_events, _vobject_events):
            events = read(calendar)
            assert len(events) == len(proc.sessions)
            assert events[0] == keynote and events[1] == panel  # 09:00-10:00 at UTC+3
            assert events == _icalendar_events(programme_ics(proc, "ar"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_calendar_is_in_its_language_for_two_parsers(lang: Lang) -> None:
    proc = make_example_proceedings()
    text = programme_ics(proc, lang)
    titles = [s.title.get(lang) for s in proc.sessions]
    conference = proc.conference.title.get(lang)

    events = _events(text)
    assert [str(e["SUMMARY"]) for e in events] == titles
    assert {e[name].params["LANGUAGE"] for e in events
            for name in ("SUMMARY", "DESCRIPTION", "LOCATION")} == {lang}
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == conference
    assert calendar["NAME"].params["LANGUAGE"] == lang
    assert str(calendar["PRODID"]).endswith(f"//{lang.upper()}")

    parsed = vobject.readOne(text)
    assert [e.summary.value for e in parsed.vevent_list] == titles
    assert {e.summary.params["LANGUAGE"][0] for e in parsed.vevent_list} == {lang}
    assert parsed.x_wr_calname.value == conference


def test_timed_session_is_in_riyadh_time() -> None:
    keynote = _events(programme_ics(make_example_proceedings(), "ar"))[0]
    start, end = keynote["DTSTART"], keynote["DTEND"]
    assert start.params["TZID"] == "Asia/Riyadh"
    assert start.dt.astimezone(UTC) == dt.datetime(2015, 11, 17, 6, 0, tzinfo=UTC)  # 09:00 +03
    assert end.dt.astimezone(UTC) == dt.datetime(2015, 11, 17, 7, 0, tzinfo=UTC)


def test_session_without_times_is_an_all_day_event() -> None:
    text = programme_ics(make_example_proceedings(), "en")
    panel = _events(text)[1]
    assert panel["DTSTART"].dt == dt.date(2015, 11, 17)
    assert not isinstance(panel["DTSTART"].dt, dt.datetime)
    assert panel["DTEND"].dt == dt.date(2015, 11, 18)
    assert "DTSTART;VALUE=DATE:20151117\r\n" in text
    assert "DTEND;VALUE=DATE:20151118\r\n" in text


def test_start_without_end_has_no_dtend() -> None:
    session = make_session(start=dt.time(16, 0))
    [event] = _events(session_ics(make_proceedings(sessions=(session,)), session, "ar"))
    assert event["DTSTART"].dt.astimezone(UTC) == dt.datetime(2015, 11, 17, 13, 0, tzinfo=UTC)
    assert "DTEND" not in event


def test_vtimezone_for_riyadh_only_when_a_session_is_timed() -> None:
    proc = make_example_proceedings()
    for lang in LANGS:
        calendar = icalendar.Calendar.from_ical(programme_ics(proc, lang))
        [tz] = calendar.walk("VTIMEZONE")
        assert tz["TZID"] == "Asia/Riyadh"
        [standard] = tz.walk("STANDARD")
        assert standard["TZOFFSETFROM"].td == standard["TZOFFSETTO"].td == dt.timedelta(hours=3)
        assert tz.walk("DAYLIGHT") == []
        assert "VTIMEZONE" not in session_ics(proc, proc.session("panel-1"), lang)


def test_texts_and_place_in_each_language() -> None:
    proc = make_example_proceedings()
    ar, en = _events(programme_ics(proc, "ar")), _events(programme_ics(proc, "en"))
    assert str(ar[0]["SUMMARY"]) == "الكلمة الرئيسية"
    assert str(en[0]["SUMMARY"]) == "Keynote address"
    assert str(ar[0]["DESCRIPTION"]) == "- تحسين تجربة المريض (أ. حمد بن محمد الضويلع)"
    assert str(en[0]["DESCRIPTION"]) == (
        "- Improving the Patient Experience (Hamad bin Mohammed Al-Duwailaa)")
    assert str(en[1]["DESCRIPTION"]) == "- Building a customer-service culture"  # no people
    assert str(ar[0]["LOCATION"]) == "مركز الملك سلمان للمؤتمرات"
    assert str(ar[2]["LOCATION"]) == "القاعة الرئيسة، مركز الملك سلمان للمؤتمرات"
    assert str(en[2]["LOCATION"]) == "Main hall, King Salman Conference Center"


def test_description_of_the_session_comes_first() -> None:
    session = make_session(description=Text("وصف الجلسة", "About the session"))
    proc = make_proceedings(sessions=(session,))
    [ar] = _events(session_ics(proc, session, "ar"))
    [en] = _events(session_ics(proc, session, "en"))
    assert str(ar["DESCRIPTION"]) == "وصف الجلسة\n- خدمات وزارة العمل (أ. نايف بن صالح العمري)"
    assert str(en["DESCRIPTION"]) == (
        "About the session\n- The Services of the Ministry of Labour (Nayef bin Saleh Al-Omari)")


def test_output_is_byte_stable_and_well_formed() -> None:
    for lang in LANGS:
        text = programme_ics(make_example_proceedings(), lang)
        assert programme_ics(make_example_proceedings(), lang) == text
        assert "DTSTAMP:20151117T000000Z\r\n" in text
        lines = text.split("\r\n")
        assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == ""
        assert "\n" not in "".join(lines)
        assert max(len(line.encode("utf-8")) for line in lines) <= 75


def test_session_calendar_has_one_event() -> None:
    proc = make_example_proceedings()
    session = proc.session("s3-local-experiences")
    [ar] = _events(session_ics(proc, session, "ar"))
    [en] = _events(session_ics(proc, session, "en"))
    assert str(ar["UID"]) == str(en["UID"]) == (
        "sessions/s3-local-experiences@proceedings.example.org/csc-2015")
    assert "Amer (Badr bin Abdullah Al-Omari)" in str(en["DESCRIPTION"])
    assert "(م. بدر بن عبدالله العُمري)" in str(ar["DESCRIPTION"])


def _uids(site_url: str) -> set[str]:
    proc = make_example_proceedings(site_url=site_url)
    return {uid for lang in LANGS for uid, _, _ in _icalendar_events(programme_ics(proc, lang))}


def test_uids_name_the_site_path_so_volumes_on_one_host_never_collide() -> None:
    first = _uids("https://proceedings.example.org/csc-2015/")
    second = _uids("https://proceedings.example.org/archive/csc-2016/")
    assert len(first) == len(second) == 4  # one per session, the same in both languages
    assert first.isdisjoint(second)
    assert all(uid.endswith("@proceedings.example.org/csc-2015") for uid in first)
    assert all(uid.endswith("@proceedings.example.org/archive/csc-2016") for uid in second)


def test_uids_of_a_site_at_the_root_of_a_host_or_on_another_port() -> None:
    at_root = _uids("https://Proceedings.Example.org/")
    assert "sessions/keynote@proceedings.example.org" in at_root
    on_port = _uids("https://proceedings.example.org:8443/")
    assert "sessions/keynote@proceedings.example.org:8443" in on_port
    assert at_root.isdisjoint(on_port)


def test_uid_is_the_session_path_at_the_site_host_and_path() -> None:
    def uid(site_url: str, session_id: str) -> str:
        session = make_session(session_id)
        proc = make_proceedings(conference=make_conference(site_url=site_url),
                                sessions=(session,), papers=())
        return str(_events(session_ics(proc, session, "en"))[0]["UID"])

    assert uid("https://h.example/a/", "b") == "sessions/b@h.example/a"
    assert uid("https://h.example/b/", "a") == "sessions/a@h.example/b"
    # Session ids have no "@": the first one always ends the session's part.
    assert uid("https://h.example/x@y/", "s1") == "sessions/s1@h.example/x@y"


def test_untrusted_text_cannot_add_properties_or_events() -> None:
    evil = Text("عنوان\r\nEND:VEVENT\r\nBEGIN:VEVENT", "Title; with, commas\\\nDTSTART:19990101")
    session = make_session(title=evil, description=evil)
    proc = make_proceedings(sessions=(session,))
    [ar] = _events(session_ics(proc, session, "ar"))
    [en] = _events(session_ics(proc, session, "en"))
    assert str(ar["SUMMARY"]) == "عنوان END:VEVENT BEGIN:VEVENT"
    assert str(en["SUMMARY"]) == "Title; with, commas\\ DTSTART:19990101"
    assert str(en["DESCRIPTION"]).startswith("Title; with, commas\\ DTSTART:19990101\n- ")
    assert en["DTSTART"].dt == ar["DTSTART"].dt == dt.date(2015, 11, 17)
