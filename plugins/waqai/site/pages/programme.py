"""The programme of the whole event, and a page per day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from waqai.data.model import Lang, Proceedings, Text
from waqai.exports.files import programme_ics_path
from waqai.site.pages import BuildData, Context, Links, PageKind, PageSpec
from waqai.site.pages.common import paper_brief, session_brief, zone_view
from waqai.site.pages.glance import day_table
from waqai.text.labels import LABELS
from waqai.urls import PROGRAMME_URL, day_url


def _day_view(proc: Proceedings, day: dt.date, lang: Lang, links: Links) -> Context:
    from waqai.text.dates import format_date, hijri_month_year

    sessions = proc.sessions_on(day)
    briefs = [session_brief(s, lang, links) for s in sessions]
    return {
        "date": day.isoformat(),
        "heading": format_date(day, lang),
        "hijri_month": hijri_month_year(day, lang),
        "url": links.page(day_url(day)),
        "glance": day_table(sessions, briefs, lang),
        "sessions": [
            {**brief, "papers": [paper_brief(proc, p, lang, links) for p in proc.papers_in(s.id)]}
            for s, brief in zip(sessions, briefs, strict=True)
        ],
    }


def programme_specs(proc: Proceedings) -> Iterable[PageSpec]:
    yield PageSpec(stem="programme/index", kind="programme", title=LABELS["programme"])


def programme_context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    proc = data.proc
    from waqai.text.dates import format_range

    conf = proc.conference
    return {
        "dates": format_range(conf.start, conf.end, lang),
        "zone": zone_view(conf, conf.days),
        "ics_url": links.asset(programme_ics_path(lang)),
        "days": [_day_view(proc, day, lang, links) for day in conf.days],
    }


def day_specs(proc: Proceedings) -> Iterable[PageSpec]:
    from waqai.text.dates import format_date

    for day in proc.conference.days:
        title = Text(format_date(day, "ar"), format_date(day, "en"))
        yield PageSpec(stem=day_url(day).rstrip("/"), kind="day", title=title, key=day.isoformat())


def day_context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    proc = data.proc
    day = dt.date.fromisoformat(spec.key)
    return {"day": _day_view(proc, day, lang, links),
            "zone": zone_view(proc.conference, (day,)),
            "programme_url": links.page(PROGRAMME_URL)}


PROGRAMME = PageKind("programme", "waqai/programme.html", programme_specs, programme_context)
DAY = PageKind("day", "waqai/day.html", day_specs, day_context)
