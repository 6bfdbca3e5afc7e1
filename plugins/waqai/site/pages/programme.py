"""The programme of the whole event, and a page per day.

Within the bounds (bounds.py) both list every item under its session, as the example's
do. Past `bounds.items` the programme lists each day's sessions in brief (title, kind,
time, room, how many items) and leaves the items to the sessions' pages; past
`bounds.sessions` too, it lists the days alone, with their numbers of sessions and items.
A day past `bounds.items` lists its sessions in brief likewise, in numbered pages of
`bounds.sessions` (`programme/<date>/2/` …) when it has more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from waqai.data.model import LANGS, Lang, Proceedings, Session, Text
from waqai.exports.files import programme_ics_path
from waqai.site.pages import (
    DATE,
    PAPER_ID,
    SESSION_ID,
    BuildData,
    Context,
    Links,
    PageKind,
    PageSpec,
    SitePlan,
)
from waqai.site.pages.bounds import split
from waqai.site.pages.common import paper_brief, session_brief, zone_view
from waqai.site.pages.glance import day_table
from waqai.text.labels import LABELS
from waqai.urls import PROGRAMME_URL, day_url

# What the programme page lists: every item, the sessions in brief, or the days.
ITEMS, SESSIONS, DAYS = "items", "sessions", "days"


def programme_lists(plan: SitePlan) -> str:
    proc, bounds = plan.proc, plan.bounds
    if len(proc.papers) <= bounds.items:
        return ITEMS
    return SESSIONS if len(proc.sessions) <= bounds.sessions else DAYS


@dataclass(frozen=True)
class DayPage:
    """One page of a day: all its sessions, or one numbered part of them."""

    day: dt.date
    part: int
    parts: int
    sessions: Sequence[Session]
    with_items: bool  # each session with its items (the day is within `bounds.items`)

    @property
    def url(self) -> str:
        return day_url(self.day, self.part)


def day_pages(plan: SitePlan) -> dict[str, DayPage]:
    """URL -> page of every day page, in programme order."""
    return plan.once("day pages", lambda: _day_pages(plan))


def _day_pages(plan: SitePlan) -> dict[str, DayPage]:
    proc, bounds = plan.proc, plan.bounds
    pages: dict[str, DayPage] = {}
    for day in proc.conference.days:
        sessions = proc.sessions_on(day)
        with_items = _items(proc, sessions) <= bounds.items
        parts = [sessions] if with_items else split(sessions, bounds.sessions)
        for number, part in enumerate(parts, start=1):
            page = DayPage(day, number, len(parts), part, with_items)
            pages[page.url] = page
    return pages


def _items(proc: Proceedings, sessions: Iterable[Session]) -> int:
    return sum(len(proc.papers_in(session.id)) for session in sessions)


def day_page_of(plan: SitePlan) -> dict[str, DayPage]:
    """Session id -> the day page that lists it."""
    return {session.id: page for page in day_pages(plan).values() for session in page.sessions}


def _day_view(proc: Proceedings, page: DayPage, lang: Lang, links: Links) -> Context:
    """A day's page, or the day in the programme, as `page` lists it."""
    from waqai.text.dates import format_date, hijri_month_year

    sessions = page.sessions
    briefs = [session_brief(s, lang, links) for s in sessions]
    return {
        "date": page.day.isoformat(),
        "heading": format_date(page.day, lang),
        "hijri_month": hijri_month_year(page.day, lang),
        "url": links.page(day_url(page.day)),
        "glance": day_table(sessions, briefs, lang),
        "sessions": [{**brief, **_session_items(proc, s, page.with_items, lang, links)}
                     for s, brief in zip(sessions, briefs, strict=True)],
    }


def _session_items(proc: Proceedings, session: Session, with_items: bool, lang: Lang,
                   links: Links) -> Context:
    """A session's items in brief, or how many there are."""
    papers = proc.papers_in(session.id)
    if with_items:
        return {"papers": [paper_brief(proc, p, lang, links) for p in papers]}
    return {"count": LABELS["item_count"].get(lang).format(count=len(papers))}


def _day_counts(proc: Proceedings, day: dt.date, lang: Lang, links: Links) -> Context:
    """A day in a programme that lists days: its heading and its numbers."""
    from waqai.text.dates import format_date

    sessions = proc.sessions_on(day)
    counts = LABELS["day_counts"].get(lang).format(sessions=len(sessions),
                                                  items=_items(proc, sessions))
    return {"date": day.isoformat(), "heading": format_date(day, lang),
            "url": links.page(day_url(day)), "glance": None, "sessions": [], "counts": counts}


def programme_specs(plan: SitePlan) -> Iterable[PageSpec]:
    yield PageSpec(stem="programme/index", kind="programme", title=LABELS["programme"])


def programme_context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    proc = data.proc
    from waqai.text.dates import format_range

    conf = proc.conference
    lists = programme_lists(data.plan)
    if lists == DAYS:
        days = [_day_counts(proc, day, lang, links) for day in conf.days]
    else:
        days = [_day_view(proc, DayPage(day, 1, 1, proc.sessions_on(day), lists == ITEMS),
                          lang, links) for day in conf.days]
    return {
        "dates": format_range(conf.start, conf.end, lang),
        "zone": zone_view(conf, conf.days),
        "ics_url": links.asset(programme_ics_path(lang)),
        "note": {ITEMS: "", SESSIONS: LABELS["sessions_listed"].get(lang),
                 DAYS: LABELS["days_listed"].get(lang)}[lists],
        "days": days,
    }


def day_specs(plan: SitePlan) -> Iterable[PageSpec]:
    from waqai.text.dates import format_date

    for page in day_pages(plan).values():
        title = Text(*(_part_title(format_date(page.day, lang), page, lang) for lang in LANGS))
        yield PageSpec(stem=page.url.rstrip("/"), kind="day", title=title,
                       key=page.day.isoformat(), part=page.part)


def _part_title(title: str, page: DayPage, lang: Lang) -> str:
    if page.parts == 1:
        return title
    return LABELS["page_of"].get(lang).format(title=title, part=page.part, parts=page.parts)


def day_context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    pages = day_pages(data.plan)
    page = pages[spec.url]
    return {"day": _day_view(data.proc, page, lang, links),
            "zone": zone_view(data.proc.conference, (page.day,)),
            "programme_url": links.page(PROGRAMME_URL),
            "note": "" if page.with_items else LABELS["sessions_listed"].get(lang),
            "parts": [_part_view(pages[day_url(page.day, number)], page, links)
                      for number in range(1, page.parts + 1)] if page.parts > 1 else []}


def _part_view(part: DayPage, current: DayPage, links: Links) -> Context:
    """One of a day's numbered pages, named by the times of its first and last session."""
    first, last = part.sessions[0].start, part.sessions[-1].start
    return {"number": part.part, "url": links.page(part.url), "current": part.part == current.part,
            "first": f"{first:%H:%M}" if first else "", "last": f"{last:%H:%M}" if last else ""}


PROGRAMME = PageKind("programme", "waqai/programme.html", programme_specs, programme_context,
                     lists=(PAPER_ID, SESSION_ID, DATE))
DAY = PageKind("day", "waqai/day.html", day_specs, day_context, lists=(PAPER_ID, SESSION_ID))
