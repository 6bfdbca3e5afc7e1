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
- One calendar per language, with the same events: the same ``UID``,
  ``DTSTART``, ``DTEND`` and ``DTSTAMP`` in both, so that a client that
  imports both into one calendar keeps one copy of each event.
  Only the words differ: ``SUMMARY`` (the title), ``DESCRIPTION`` (the
  session's description and its items with their people's names),
  ``LOCATION`` (room and venue), each with ``LANGUAGE`` (RFC 5545 allows it
  on these three and on x-properties; a title that is a translation gap is
  the other language's, with that language), ``URL`` (the session page in that
  language), and the calendar's ``X-WR-CALNAME`` and ``NAME`` (RFC 7986).
- ``UID`` is ``sessions/<session id>@<host>/<path of site_url>``, e.g.
  ``sessions/keynote@proceedings.example.org/csc-2015`` (see `event_uid`).
- ``DTSTAMP`` is the conference's first day at 00:00 UTC, derived from the
  data, so the same data always gives the same bytes.

Untrusted text is escaped by `icalendar` (commas, semicolons, backslashes,
newlines), so it cannot add properties.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from waqai import urls
from waqai.data.model import Conference, Lang, Paper, Proceedings, Session
from waqai.exports.common import one_line, session_url
from waqai.text.labels import LABELS

# A formal public identifier; its last field, the language of the text, is added per file.
PRODID = "-//Waqai//Proceedings programme"
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


def event_uid(conf: Conference, session: Session) -> str:
    """The session's UID: the same in every build and in both languages' calendars.

    RFC 5545 (3.8.4.7) asks for a globally unique UID and suggests a right-hand
    side that only its generator uses: a domain name. Several volumes can live on
    one host, so the right-hand side here is the host and the path of the site
    (`site_url` without scheme and final slash), which only this volume's site
    uses; the left-hand side is the session page's path in that site, unique in
    it. Session ids have no "@", so two different sessions or sites never meet.
    RFC 7986 (5.3) prefers opaque UUIDs, so that a UID does not reveal a user or
    a private host; a proceedings site is public, and a readable UID shows which
    site and session an event came from.
    """
    site = urlsplit(urls.base_url(conf))
    host = site.netloc.rpartition("@")[2].lower()  # without any user:password@
    return f"{urls.session_url(session).rstrip('/')}@{host}{site.path.rstrip('/')}"


def calendar_papers(proc: Proceedings, session: Session) -> tuple[Paper, ...]:
    """The items a session's event lists: its items, less any retracted or withdrawn."""
    return tuple(paper for paper in proc.papers_in(session.id) if paper.in_volume)


def _description(proc: Proceedings, session: Session, lang: Lang) -> str:
    """The session's description, then a line per item: title and people's names."""
    parts = [one_line(session.description.shown(lang).text)] if session.description else []
    comma = LABELS["comma"].get(lang)
    for paper in calendar_papers(proc, session):
        names = one_line(comma.join(p.display_name(lang) for p in proc.people_of(paper)))
        title = one_line(paper.title.shown(lang).text)
        parts.append(f"- {title} ({names})" if names else f"- {title}")
    return "\n".join(part for part in parts if part)


def session_event(proc: Proceedings, session: Session, lang: Lang) -> Event:
    conf = proc.conference
    language: dict[str, str] = {"LANGUAGE": lang}
    event = Event()
    event.add("uid", event_uid(conf, session))
    event.add("dtstamp", dt.datetime.combine(conf.start, dt.time(0), tzinfo=dt.UTC))
    if session.start is None:
        event.add("dtstart", session.day)
        event.add("dtend", session.day + dt.timedelta(days=1))
    else:
        tz = ZoneInfo(conf.timezone)
        event.add("dtstart", dt.datetime.combine(session.day, session.start, tzinfo=tz))
        if session.end is not None:
            event.add("dtend", dt.datetime.combine(session.day, session.end, tzinfo=tz))
    # A title that is a translation gap in `lang` is the other language's, and says so.
    title = session.title.shown(lang)
    event.add("summary", one_line(title.text), parameters={"LANGUAGE": title.lang})
    description = _description(proc, session, lang)
    if description:
        event.add("description", description, parameters=language)
    place = (session.room.shown(lang).text if session.room else "", conf.venue.shown(lang).text)
    event.add("location", LABELS["comma"].get(lang).join(one_line(p) for p in place if p),
              parameters=language)
    event.add("url", session_url(conf, session, lang))
    return event


def event_ics(proc: Proceedings, session: Session, lang: Lang) -> str:
    """The session's VEVENT block in `lang`, ready to go into any calendar of the volume."""
    ical: bytes = session_event(proc, session, lang).to_ical()
    return ical.decode("utf-8")


@lru_cache(maxsize=8)
def _timezone_ics(tzid: str, first: dt.date, last: dt.date) -> str:
    ical: bytes = _timezone(tzid, first, last).to_ical()
    return ical.decode("utf-8")


END = "END:VCALENDAR\r\n"


def calendar_ics(proc: Proceedings, sessions: tuple[Session, ...], lang: Lang,
                 events: Sequence[str]) -> str:
    """A calendar of `sessions`, given their VEVENT blocks (`event_ics`), in order.

    Each event is serialised once and goes into both its session's calendar and
    the programme's; the calendar's own properties are serialised here.
    """
    conf = proc.conference
    title = conf.title.shown(lang)
    name = one_line(title.text)
    cal = Calendar()
    cal.add("prodid", f"{PRODID}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name, parameters={"LANGUAGE": title.lang})
    cal.add("x-wr-calname", name, parameters={"LANGUAGE": title.lang})
    cal.add("x-wr-timezone", conf.timezone)
    head = cal.to_ical().decode("utf-8")
    assert head.endswith(END), "icalendar ends a calendar with its END line"
    zone = ([_timezone_ics(conf.timezone, conf.start, conf.end)]
            if any(s.start is not None for s in sessions) else [])
    return "".join((head[:-len(END)], *zone, *events, END))


def programme_ics(proc: Proceedings, lang: Lang) -> str:
    """The whole programme in `lang`: one VEVENT per session, in programme order."""
    return calendar_ics(proc, proc.sessions, lang,
                        [event_ics(proc, session, lang) for session in proc.sessions])


def session_ics(proc: Proceedings, session: Session, lang: Lang) -> str:
    """One session as a calendar of its own, in `lang`."""
    return calendar_ics(proc, (session,), lang, [event_ics(proc, session, lang)])
