"""Builders of model objects with sensible defaults, for tests.

Every builder takes keyword overrides. Defaults fit together: `make_paper()`
is in session ``s1`` by person ``p1``, which `make_session()` and
`make_person()` create, and `make_proceedings()` with no arguments is a
one-session, one-paper volume of a Riyadh conference in November 2015.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from waqai.data.model import (
    ArabicName,
    Conference,
    ItemKind,
    LatinName,
    Organisation,
    Paper,
    Person,
    Proceedings,
    Session,
    SessionKind,
    Text,
)

DAY1 = dt.date(2015, 11, 17)


def make_person(
    id: str = "p1",  # noqa: A002 (mirrors the model's field)
    *,
    given: str = "نايف",
    nasab: str = "بن صالح",
    family: str = "العمري",
    honorific: str = "أ.",
    latin: tuple[tuple[str, str], ...] = (("Nayef bin Saleh", "Al-Omari"),),
    **overrides: Any,
) -> Person:
    """A person; `latin` is (given, family) pairs, the preferred one first."""
    return Person(
        id=id,
        name_ar=ArabicName(given=given, family=family, nasab=nasab, honorific=honorific),
        names_latin=tuple(LatinName(g, f) for g, f in latin),
        **overrides,
    )


def make_session(
    id: str = "s1",  # noqa: A002
    *,
    kind: SessionKind = SessionKind.PAPERS,
    title: Text = Text("تجارب محلية", "Local experiences"),
    day: dt.date = DAY1,
    order: int = 1,
    **overrides: Any,
) -> Session:
    return Session(id=id, kind=kind, title=title, day=day, order=order, **overrides)


def make_paper(
    id: str = "paper-1",  # noqa: A002
    *,
    session: str = "s1",
    order: int = 1,
    kind: ItemKind = ItemKind.PAPER,
    title: Text = Text("خدمات وزارة العمل", "The Services of the Ministry of Labour"),
    people: tuple[str, ...] = ("p1",),
    **overrides: Any,
) -> Paper:
    return Paper(
        id=id, session=session, order=order, kind=kind, title=title, people=people, **overrides
    )


def make_conference(**overrides: Any) -> Conference:
    conference = Conference(
        title=Text(
            "ثقافة خدمة العملاء في القطاع الحكومي",
            "Customer Service Culture in the Government Sector",
        ),
        short_name="CSC-2015",
        organisers=(
            Organisation(Text("معهد الإدارة العامة", "Institute of Public Administration"),
                         Text("ينظّمه", "Organised by")),
        ),
        venue=Text("مركز الملك سلمان للمؤتمرات", "King Salman Conference Center"),
        city=Text("الرياض", "Riyadh"),
        country=Text("المملكة العربية السعودية", "Saudi Arabia"),
        start=DAY1,
        end=dt.date(2015, 11, 19),
        publisher=Text("معهد الإدارة العامة", "Institute of Public Administration"),
        site_url="https://proceedings.example.org/csc-2015/",
        themes=(Text("واقع ثقافة خدمة العملاء", "The state of customer-service culture"),),
        timezone="Asia/Riyadh",
    )
    return dataclasses.replace(conference, **overrides)


def make_proceedings(
    *,
    conference: Conference | None = None,
    people: tuple[Person, ...] | None = None,
    sessions: tuple[Session, ...] | None = None,
    papers: tuple[Paper, ...] | None = None,
) -> Proceedings:
    """A volume; each part left out gets the default one-element tuple.

    Sessions and papers are sorted into programme order, as the loader does.
    """
    sessions = tuple(sorted(sessions if sessions is not None else (make_session(),),
                            key=lambda s: (s.day, s.order)))
    position = {s.id: (s.day, s.order) for s in sessions}
    papers = tuple(sorted(papers if papers is not None else (make_paper(),),
                          key=lambda p: (*position[p.session], p.order)))
    return Proceedings(
        conference=conference or make_conference(),
        people=people if people is not None else (make_person(),),
        sessions=sessions,
        papers=papers,
    )


def make_example_proceedings(**conference_overrides: Any) -> Proceedings:
    """A small volume shaped like the built-in example (day 1 of CSC-2015).

    A timed keynote, a panel whose experts are unnamed (an item with no
    people), a session of talks by two different people who share the
    family name «العمري», and a workshop by a speaker with a Latin name only.
    """
    people = (
        make_person("hamad-alduwailaa", given="حمد", nasab="بن محمد", family="الضويلع",
                    latin=(("Hamad bin Mohammed", "Al-Duwailaa"),)),
        make_person("nayef-alomari", latin=(("Nayef bin Saleh", "Al-Omari"),),
                    distinct_from=("badr-alomari",)),
        make_person("badr-alomari", given="بدر", nasab="بن عبدالله", family="العُمري",
                    honorific="م.", latin=(("Badr bin Abdullah", "Al-Omari"),)),
        make_person("paddy-rice", given="بادي", nasab="", family="رايس", honorific="",
                    latin=(("Paddy", "Rice"),)),
    )
    sessions = (
        make_session("keynote", kind=SessionKind.KEYNOTE, order=1,
                     title=Text("الكلمة الرئيسية", "Keynote address"),
                     start=dt.time(9, 0), end=dt.time(10, 0)),
        make_session("panel-1", kind=SessionKind.PANEL, order=2,
                     title=Text("حلقة النقاش الأولى", "Panel discussion 1")),
        make_session("s3-local-experiences", order=3,
                     title=Text("تجارب محلية بارزة", "Prominent local experiences"),
                     start=dt.time(11, 30), end=dt.time(13, 0),
                     room=Text("القاعة الرئيسة", "Main hall")),
        make_session("workshop", kind=SessionKind.WORKSHOP, order=4,
                     title=Text("ورشة العمل", "Workshop")),
    )
    papers = (
        make_paper("patient-experience", session="keynote", kind=ItemKind.KEYNOTE,
                   people=("hamad-alduwailaa",),
                   title=Text("تحسين تجربة المريض", "Improving the Patient Experience"),
                   keywords=(("تجربة المريض", "الرعاية الصحية"),
                             ("patient experience", "health care"))),
        make_paper("panel-building-culture", session="panel-1", kind=ItemKind.PANEL, people=(),
                   title=Text("بناء ثقافة خدمة العملاء", "Building a customer-service culture")),
        make_paper("labour-services", session="s3-local-experiences", order=1,
                   kind=ItemKind.TALK, people=("nayef-alomari",),
                   title=Text("خدمات وزارة العمل", "The Ministry of Labour's services"),
                   pages="12-20", doi="10.5555/csc_2015.12"),
        make_paper("amer-contact-centre", session="s3-local-experiences", order=2,
                   kind=ItemKind.TALK, people=("badr-alomari",),
                   title=Text("مركز الاتصال الوطني «آمر»", "The Ministry's national contact centre, Amer")),
        make_paper("ten-strategies", session="workshop", kind=ItemKind.WORKSHOP,
                   people=("paddy-rice",),
                   title=Text("الاستراتيجيات العشرة", "The Ten Strategies")),
    )
    return make_proceedings(conference=make_conference(**conference_overrides),
                            people=people, sessions=sessions, papers=papers)


def citations(proc: Proceedings, form: str = "original") -> list:
    """One form of the citation record of every item of `proc`, in programme order."""
    from waqai.exports.keys import citation_keys
    from waqai.exports.record import volume_records

    return [record.form(form) for record in volume_records(proc, citation_keys(proc))]


def citation(proc: Proceedings, paper_id: str, form: str = "original") -> Any:
    """One form of the citation record of one item."""
    return next(c for c, p in zip(citations(proc, form), proc.papers) if p.id == paper_id)
