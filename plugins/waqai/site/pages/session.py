"""The page of one session: what it was, when, and its items in order."""

from __future__ import annotations

from collections.abc import Iterable

from waqai.data.model import Lang
from waqai.exports.files import session_ics_path
from waqai.site.pages import BuildData, Context, Links, PageKind, PageSpec, SitePlan
from waqai.site.pages.common import chairs_view, paper_brief, session_brief, shown, zone_view
from waqai.urls import session_url


def specs(plan: SitePlan) -> Iterable[PageSpec]:
    for session in plan.proc.sessions:
        yield PageSpec(stem=session_url(session).rstrip("/"), kind="session",
                       title=session.title, key=session.id)


def context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    proc = data.proc
    session = proc.session(spec.key)
    return {
        "session": {
            **session_brief(session, lang, links),
            "description": shown(session.description, lang),
            "chairs": chairs_view(proc, session, lang, links),
            "ics_url": links.asset(session_ics_path(session, lang)),
        },
        "zone": zone_view(proc.conference, (session.day,)),
        "papers": [paper_brief(proc, p, lang, links) for p in proc.papers_in(session.id)],
    }


KIND = PageKind("session", "waqai/session.html", specs, context)
