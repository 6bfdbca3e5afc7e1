"""Small views shared by several page kinds: a person, a paper, a session in brief."""

from __future__ import annotations

from waqai.data.model import Lang, Paper, Person, Proceedings, Session
from waqai.site.pages import Context, Links
from waqai.text.labels import ITEM_KINDS, SESSION_KINDS
from waqai.urls import day_url, paper_url, person_url, session_url


def person_brief(person: Person, lang: Lang, links: Links) -> Context:
    return {
        "id": person.id,
        "name": person.display_name(lang),
        # The other script's form, shown beside the name (isolated with <bdi>).
        "name_other": person.name_en.full if lang == "ar" else person.name_ar.display,
        "url": links.page(person_url(person)),
    }


def paper_brief(proc: Proceedings, paper: Paper, lang: Lang, links: Links) -> Context:
    return {
        "id": paper.id,
        "title": paper.title.get(lang),
        "kind": ITEM_KINDS[paper.kind].get(lang),
        "url": links.page(paper_url(paper)),
        "people": [person_brief(p, lang, links) for p in proc.people_of(paper)],
    }


def session_brief(session: Session, lang: Lang, links: Links) -> Context:
    from waqai.text.dates import format_date

    return {
        "id": session.id,
        "title": session.title.get(lang),
        "kind": SESSION_KINDS[session.kind].get(lang),
        "kind_id": session.kind.value,
        "url": links.page(session_url(session)),
        "day": format_date(session.day, lang),
        "day_url": links.page(day_url(session.day)),
        "start": session.start.strftime("%H:%M") if session.start else "",
        "end": session.end.strftime("%H:%M") if session.end else "",
        "room": session.room.get(lang) if session.room else "",
    }
