"""Small views shared by several page kinds: a person, a paper, a session in brief,
the chairs of a session, the event's time zone, a DOI; and the editors' text as a
page in one language shows it (`shown`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from markupsafe import Markup, escape

from waqai.data.dois import doi_url
from waqai.data.model import (
    Conference,
    Lang,
    Paper,
    Person,
    Proceedings,
    Role,
    Session,
    Shown,
    Text,
)
from waqai.site.output import direction
from waqai.site.pages import Context, Links
from waqai.text.labels import ITEM_KINDS, LABELS, SESSION_KINDS, STATUSES, role_label
from waqai.text.zones import utc_offset
from waqai.urls import day_url, paper_url, person_url, session_url


def marked(text: Shown, lang: Lang) -> Markup:
    """`text` for a template of a page in `lang`: escaped, and, when it is in the other
    language (in place of a translation gap), inside an element that says its language
    and direction, `<span lang="ar" dir="rtl">…</span>`: never a blank, never unmarked."""
    if text.lang == lang or not text.text:
        return escape(text.text)
    return Markup('<span lang="{}" dir="{}">{}</span>').format(text.lang, direction(text.lang),
                                                               text.text)


def lang_attrs(really: Lang, lang: Lang) -> Markup:
    """The attributes of the element holding an item's text in `really` on a page in
    `lang`: ` lang="en" dir="ltr"` when they differ, else nothing. Such an element is set in
    its own direction and starts at its own edge (waqai.css, "an item in its own language")."""
    if really == lang:
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(really, direction(really))


def shown(text: Text | None, lang: Lang) -> Markup:
    """An editor's text as a page in `lang` shows it (`marked`); "" when there is none."""
    return marked(text.shown(lang), lang) if text is not None else Markup("")


def person_brief(person: Person, lang: Lang, links: Links) -> Context:
    return {
        "id": person.id,
        "name": shown(person.name, lang),
        # The other script's form, shown beside the name (isolated with <bdi>); "" when
        # either script is a gap.
        "name_other": person.name.alongside(lang),
        "url": links.page(person_url(person)),
    }


def doi_view(doi: str | None) -> Context | None:
    """A DOI and its resolver address (`partials/waqai/doi.html`), or None."""
    return {"doi": doi, "url": doi_url(doi)} if doi else None


def item_named(paper: Paper, lang: Lang) -> Context:
    """An item as a list names it on a page in `lang`, wherever the list is (a volume's
    pages, a person's page in the archive)."""
    title = paper.title.shown(lang)
    return {
        # The title as written, and the attributes of the element that holds it: its own
        # language and direction when it is not the page's (the item's original in place
        # of a translation gap), so it is a block starting at its own edge.
        "title": escape(title.text),
        "title_attrs": lang_attrs(title.lang, lang),
        "kind": ITEM_KINDS[paper.kind].get(lang),
        # «مسحوب» / "retracted" beside the title wherever the item is listed; "" if published.
        "standing": "" if paper.in_volume else STATUSES[paper.status].get(lang),
    }


def paper_brief(proc: Proceedings, paper: Paper, lang: Lang, links: Links) -> Context:
    return {
        "id": paper.id,
        **item_named(paper, lang),
        "url": links.page(paper_url(paper)),
        "people": [person_brief(p, lang, links) for p in proc.people_of(paper)],
    }


def session_brief(session: Session, lang: Lang, links: Links) -> Context:
    from waqai.text.dates import format_date

    return {
        "id": session.id,
        "title": shown(session.title, lang),
        "kind": SESSION_KINDS[session.kind].get(lang),
        "kind_id": session.kind.value,
        "url": links.page(session_url(session)),
        "day": format_date(session.day, lang),
        "day_url": links.page(day_url(session.day)),
        "start": session.start.strftime("%H:%M") if session.start else "",
        "end": session.end.strftime("%H:%M") if session.end else "",
        "room": shown(session.room, lang),
    }


def chairs_view(proc: Proceedings, session: Session, lang: Lang, links: Links) -> Context:
    """The chairs of a session and the word that introduces them: one chair's role agrees
    with their gender («رئيسة الجلسة»); several take the plain «رئاسة الجلسة» / "Chairs"."""
    chairs = [proc.person(c) for c in session.chairs]
    if len(chairs) == 1:
        label = role_label(Role.CHAIR, lang, chairs[0].gender)
    else:
        label = LABELS["chairs"].get(lang)
    return {"label": label, "people": [person_brief(p, lang, links) for p in chairs]}


def zone_view(conf: Conference, days: Iterable[dt.date]) -> Context:
    """The event's time zone, with its offsets from UTC on `days` (one unless the clocks
    change during the event)."""
    offsets = dict.fromkeys(utc_offset(conf.timezone, day) for day in days)
    return {"name": conf.timezone, "offsets": " / ".join(offsets)}
