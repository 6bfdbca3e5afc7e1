"""iCalendar (RFC 5545) export of the programme: one VEVENT per session.

- Times are local to Asia/Riyadh (``DTSTART;TZID=Asia/Riyadh:…``), with a
  VTIMEZONE in the file: Riyadh keeps UTC+3 all year, so it has one
  STANDARD observance, written here rather than generated from tzdata so
  that the file does not change when tzdata does.
- A session with no start time is an all-day event: ``DTSTART;VALUE=DATE``
  its day, ``DTEND;VALUE=DATE`` the next day. A session with a start but no
  end gets no DTEND (RFC 5545: it then ends when it starts).
- ``UID`` is ``<session id>@<host of site_url>``: stable across builds, so
  calendar clients update an event instead of duplicating it.
- ``SUMMARY;LANGUAGE=ar`` the Arabic title; ``DESCRIPTION;LANGUAGE=en`` the
  English title, the English description and the session's items (RFC 5545
  allows one SUMMARY and one DESCRIPTION per event). ``LOCATION;LANGUAGE=ar``
  room and venue; ``URL`` the session page on this site.
- ``DTSTAMP`` is the conference's first day at 00:00 UTC, derived from the
  data, so the same data always gives the same bytes.

Untrusted text is escaped by `icalendar` (commas, semicolons, backslashes,
newlines), so it cannot add properties.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from waqai.data.model import Proceedings, Session
from waqai.exports.common import one_line, session_url, site_host

TZID = "Asia/Riyadh"
PRODID = "-//Waqai//Proceedings programme//AR"


def _timezone(on: dt.date) -> Timezone:
    offset = ZoneInfo(TZID).utcoffset(dt.datetime.combine(on, dt.time(12)))
    assert offset is not None  # a ZoneInfo always knows the offset of a naive datetime
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", offset)
    standard.add("tzoffsetto", offset)
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    standard.add("tzname", f"{hours:+03d}" + (f"{rest // 60:02d}" if rest else ""))
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add_component(standard)
    return tz


def _description(proc: Proceedings, session: Session) -> str:
    parts = [one_line(session.title.en)]
    if session.description and session.description.en:
        parts.append(one_line(session.description.en))
    for paper in proc.papers_in(session.id):
        names = ", ".join(p.name_en.full for p in proc.people_of(paper))
        title = one_line(paper.title.en)
        parts.append(f"- {title} ({one_line(names)})" if names else f"- {title}")
    return "\n".join(part for part in parts if part)


def session_event(proc: Proceedings, session: Session) -> Event:
    conf = proc.conference
    event = Event()
    event.add("uid", f"{session.id}@{site_host(conf)}")
    event.add("dtstamp", dt.datetime.combine(conf.start, dt.time(0), tzinfo=dt.UTC))
    if session.start is None:
        event.add("dtstart", session.day)
        event.add("dtend", session.day + dt.timedelta(days=1))
    else:
        tz = ZoneInfo(TZID)
        event.add("dtstart", dt.datetime.combine(session.day, session.start, tzinfo=tz))
        if session.end is not None:
            event.add("dtend", dt.datetime.combine(session.day, session.end, tzinfo=tz))
    event.add("summary", one_line(session.title.ar), parameters={"LANGUAGE": "ar"})
    description = _description(proc, session)
    if description:
        event.add("description", description, parameters={"LANGUAGE": "en"})
    place = [one_line(session.room.ar)] if session.room and session.room.ar else []
    place.append(one_line(conf.venue.ar))
    event.add("location", "، ".join(p for p in place if p), parameters={"LANGUAGE": "ar"})
    event.add("url", session_url(conf, session))
    return event


def _calendar(proc: Proceedings, sessions: tuple[Session, ...]) -> str:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(proc.conference.title.ar))
    cal.add("x-wr-timezone", TZID)
    if any(s.start is not None for s in sessions):
        cal.add_component(_timezone(proc.conference.start))
    for session in sessions:
        cal.add_component(session_event(proc, session))
    ical: bytes = cal.to_ical()
    return ical.decode("utf-8")


def programme_ics(proc: Proceedings) -> str:
    """The whole programme: one VEVENT per session, in programme order."""
    return _calendar(proc, proc.sessions)


def session_ics(proc: Proceedings, session: Session) -> str:
    """One session as a calendar of its own."""
    return _calendar(proc, (session,))
