"""iCalendar (RFC 5545) export of the programme: one VEVENT per session.

- Times are local to the conference's time zone (``timezone`` in
  conference.yaml, e.g. ``DTSTART;TZID=Asia/Muscat:…``), with a VTIMEZONE
  in the file. The VTIMEZONE describes the zone as it is on the
  conference's days: one observance for the offset of the first day, and
  one more for each change of offset (a switch to or from summer time)
  before the last day ends. It is written from those offsets rather than
  from the zone's whole history in tzdata, so that the file does not change
  when tzdata does. Muscat keeps UTC+4 all year: one STANDARD observance.
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

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from waqai.data.model import Proceedings, Session
from waqai.exports.common import one_line, session_url, site_host

PRODID = "-//Waqai//Proceedings programme//AR"
MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)


def _offset(zone: ZoneInfo, moment: dt.datetime) -> dt.timedelta:
    """The zone's offset from UTC at `moment` (an aware datetime)."""
    offset = moment.astimezone(zone).utcoffset()
    assert offset is not None  # a ZoneInfo always knows the offset of an aware datetime
    return offset


def _days_span(zone: ZoneInfo, first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """From local midnight before `first` to local midnight after `last`, in UTC."""
    def midnight(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)

    return midnight(first), midnight(last + dt.timedelta(days=1))


def _offset_changes(zone: ZoneInfo, begin: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """Each instant (UTC, to the minute) in [begin, end) at which the zone's offset changes."""
    changes = []
    moment = begin
    while moment < end:
        after = _offset(zone, moment + HOUR)
        if after != _offset(zone, moment):
            changes.append(next(moment + n * MINUTE for n in range(1, 61)
                                if _offset(zone, moment + n * MINUTE) == after))
        moment += HOUR
    return changes


def _observance(zone: ZoneInfo, moment: dt.datetime, offset_from: dt.timedelta,
                since: dt.datetime) -> TimezoneStandard | TimezoneDaylight:
    """The observance in force from `moment` on; `since` is its start as local (naive) time."""
    local = moment.astimezone(zone)
    observance = TimezoneDaylight() if local.dst() else TimezoneStandard()
    observance.add("dtstart", since)
    observance.add("tzoffsetfrom", offset_from)
    observance.add("tzoffsetto", _offset(zone, moment))
    observance.add("tzname", local.tzname() or zone.key)
    return observance


def _timezone(tzid: str, first: dt.date, last: dt.date) -> Timezone:
    """The VTIMEZONE of `tzid` as it is from `first` to `last` (see the module's notes)."""
    zone = ZoneInfo(tzid)
    begin, end = _days_span(zone, first, last)
    tz = Timezone()
    tz.add("tzid", tzid)
    tz.add_component(_observance(zone, begin, _offset(zone, begin), dt.datetime(1970, 1, 1)))
    for change in _offset_changes(zone, begin, end):
        before = _offset(zone, change - MINUTE)
        tz.add_component(_observance(zone, change, before,
                                     (change + before).replace(tzinfo=None)))
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
        tz = ZoneInfo(conf.timezone)
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
    conf = proc.conference
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(conf.title.ar))
    cal.add("x-wr-timezone", conf.timezone)
    if any(s.start is not None for s in sessions):
        cal.add_component(_timezone(conf.timezone, conf.start, conf.end))
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
