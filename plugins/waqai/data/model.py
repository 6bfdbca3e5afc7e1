"""The typed data model of a proceedings volume.

Everything here is plain, frozen data: no MkDocs, no YAML, no HTML. The loader
(`waqai.data.load`) builds these objects from the editors' files; page generation and
the export formats read them. Indexes that are *derived* from the model (who
spoke where, which items a session holds) are methods on `Proceedings`, never
stored a second time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property
from typing import Literal, NamedTuple

Lang = Literal["ar", "en"]
LANGS: tuple[Lang, ...] = ("ar", "en")
DEFAULT_LANG: Lang = "ar"


def lang_root(lang: Lang) -> str:
    """Where a language's pages live under the site root: "" for Arabic, "en/" for English."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def other_lang(lang: Lang) -> Lang:
    return "en" if lang == "ar" else "ar"


def tag_lang(tag: str) -> Lang:
    """The interface language of a BCP 47 tag the loader accepted: its primary subtag
    ("en-GB" is shown as English)."""
    primary = tag.split("-", 1)[0]
    assert primary in LANGS, f"the loader accepts only Arabic and English tags, not {tag!r}"
    return "ar" if primary == "ar" else "en"


class TranslationPolicy(str, Enum):
    """Whether every text needs its translation (`required`: a gap is an error) or
    translations are welcome (`welcome`: gaps are counted, and listed on demand)."""

    REQUIRED = "required"
    WELCOME = "welcome"


class Shown(NamedTuple):
    """The text to show for a language, and the language it is really in: the other one
    when the language asked for is a translation gap (see `Text.shown`)."""

    text: str
    lang: Lang


@dataclass(frozen=True)
class Text:
    """One piece of text in both languages.

    One language may be a translation gap, kept as "": data imported from a
    submission system has one language per field, and the other is never filled
    with a copy (`check` lists each gap). Read a text for showing with `shown`.
    """

    ar: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in `lang` as written: "" when it is a gap."""
        return self.ar if lang == "ar" else self.en

    @property
    def missing(self) -> tuple[Lang, ...]:
        """The languages that have no text (a translation gap): none, one, or both."""
        return tuple(lang for lang in LANGS if not self.get(lang))

    def shown(self, lang: Lang) -> Shown:
        """What a page in `lang` shows: its own text, or the other language's when its
        own is a gap (to be marked with that language wherever it is shown)."""
        own = self.get(lang)
        if own:
            return Shown(own, lang)
        other = other_lang(lang)
        return Shown(self.get(other), other) if self.get(other) else Shown("", lang)

    def alongside(self, lang: Lang) -> str:
        """The other language's text, shown beside a page's own in `lang`; "" when either
        is a gap (a gap shows the other text in its place, never twice)."""
        return "" if self.missing else self.get(other_lang(lang))


@dataclass(frozen=True)
class ArabicName:
    """An Arabic personal name, kept in its parts.

    `given` is the ism («الاسم الأول»), `nasab` the chain of «بن …» links
    («بن اسم الأب»), `family` the name the person is filed under («اسم العائلة»).
    The honorific («أ.», «د.», «م.») is not part of the name: it is shown, but
    never sorted or matched on.
    """

    given: str
    family: str
    nasab: str = ""
    honorific: str = ""

    @cached_property  # read for every page a person appears on
    def full(self) -> str:
        """The name without honorific: «الاسم الأول بن اسم الأب اسم العائلة»."""
        return " ".join(part for part in (self.given, self.nasab, self.family) if part)

    @cached_property
    def display(self) -> str:
        """The name as printed on a page: «د. الاسم الأول بن اسم الأب اسم العائلة»."""
        return f"{self.honorific} {self.full}" if self.honorific else self.full


@dataclass(frozen=True)
class LatinName:
    """A romanised spelling of a name (a convention, not a fact of the sources)."""

    given: str
    family: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}".strip()


class Gender(str, Enum):
    """Written only where the sources state it; Arabic role names agree with it."""

    FEMALE = "f"
    MALE = "m"


@dataclass(frozen=True)
class Person:
    """A person of the programme. One of the two scripts of the name may be a translation
    gap (`name_ar` None, or no `names_latin`), never both."""

    id: str
    name_ar: ArabicName | None
    # The first spelling is the preferred one; the rest are variants.
    names_latin: tuple[LatinName, ...]
    affiliation: Text | None = None
    position: Text | None = None
    orcid: str | None = None
    # Ids of people whose normalised names collide with this one but who are
    # known to be different people (silences the collision warning).
    distinct_from: tuple[str, ...] = ()
    gender: Gender | None = None  # None: role names keep their plain (masculine) form

    @property
    def name_en(self) -> LatinName | None:
        """The preferred romanised spelling, if there is one."""
        return self.names_latin[0] if self.names_latin else None

    @cached_property  # read for every page a person appears on
    def name(self) -> Text:
        """The name as pages print it: Arabic with its honorific (ar), the preferred
        romanised spelling (en); "" for the script that is a gap."""
        return Text(self.name_ar.display if self.name_ar else "",
                    self.name_en.full if self.name_en else "")

    @cached_property
    def full_name(self) -> Text:
        """`name` without the honorific."""
        return Text(self.name_ar.full if self.name_ar else "",
                    self.name_en.full if self.name_en else "")

    def display_name(self, lang: Lang) -> str:
        """The name a page in `lang` prints (the other script's when its own is a gap)."""
        return self.name.shown(lang).text


class SessionKind(str, Enum):
    KEYNOTE = "keynote"
    PAPERS = "paper-session"
    PANEL = "panel"
    WORKSHOP = "workshop"


class ItemKind(str, Enum):
    """What one entry of the programme is; decides the role of its people."""

    PAPER = "paper"
    TALK = "talk"
    KEYNOTE = "keynote"
    PANEL = "panel"
    WORKSHOP = "workshop"


class Status(str, Enum):
    """Where an item stands in the record. A retracted or withdrawn item keeps its page,
    its DOI and its own citation files, and leaves the volume's files and calendars."""

    PUBLISHED = "published"
    RETRACTED = "retracted"  # published, then found unsound
    WITHDRAWN = "withdrawn"  # taken back by its authors or the editors


class AttachmentKind(str, Enum):
    """What an item's attachment is: a file in its folder (slides, poster) or a link."""

    SLIDES = "slides"
    POSTER = "poster"
    VIDEO = "video"
    CODE = "code"
    DATASET = "dataset"

    @property
    def is_file(self) -> bool:
        return self in (AttachmentKind.SLIDES, AttachmentKind.POSTER)


@dataclass(frozen=True)
class Attachment:
    """Slides or a poster (a PDF in the item's folder, `file`), or a video, code or
    dataset elsewhere (an https `url`)."""

    kind: AttachmentKind
    label: Text
    file: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Version:
    """One version of an item's PDF; the item's `pdf` names the current one."""

    file: str
    date: dt.date
    note: Text | None = None


@dataclass(frozen=True)
class DatedNote:
    """A dated notice in both languages: a retraction's, or an erratum."""

    date: dt.date
    text: Text


class Role(str, Enum):
    AUTHOR = "author"
    SPEAKER = "speaker"
    PANELLIST = "panellist"
    CHAIR = "chair"
    STATEMENT = "statement"


ROLE_OF_ITEM_KIND: dict[ItemKind, Role] = {
    ItemKind.PAPER: Role.AUTHOR,
    ItemKind.TALK: Role.SPEAKER,
    ItemKind.KEYNOTE: Role.SPEAKER,
    ItemKind.PANEL: Role.PANELLIST,
    ItemKind.WORKSHOP: Role.SPEAKER,
}


@dataclass(frozen=True)
class HijriDate:
    year: int
    month: int
    day: int


@dataclass(frozen=True)
class Session:
    id: str
    kind: SessionKind
    title: Text
    day: dt.date
    order: int
    start: dt.time | None = None
    end: dt.time | None = None
    room: Text | None = None
    chairs: tuple[str, ...] = ()
    description: Text | None = None


@dataclass(frozen=True)
class Paper:
    """One item of the programme: a paper, a talk, a keynote, a panel or a workshop."""

    id: str
    session: str
    order: int
    kind: ItemKind
    title: Text
    people: tuple[str, ...]
    keywords: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # (ar, en)
    abstract: Text = Text("", "")  # Markdown source, untrusted
    pages: str | None = None
    doi: str | None = None
    pdf: str | None = None
    pdf_pages: int | None = None  # read from the PDF itself (data/pdfread.py)
    key: str | None = None  # the citation key stored in the data; see data/citekeys.py
    status: Status = Status.PUBLISHED
    notice: DatedNote | None = None  # why and when, for a retracted or withdrawn item
    errata: tuple[DatedNote, ...] = ()  # corrections, oldest first
    versions: tuple[Version, ...] = ()  # every version of the PDF, `pdf` the current one
    attachments: tuple[Attachment, ...] = ()
    # The item's language, a BCP 47 tag: its title and abstract in it are the original, the
    # other language's are translations. "" as read means the volume's (`Proceedings` sets it).
    language: str = ""
    # The affiliation a person gave on this item where it is not their entry's (people.yaml):
    # (person id, text), in the order of `people`. Read it with `Proceedings.affiliation_on`.
    affiliations: tuple[tuple[str, Text], ...] = ()
    # The words of the English title whose case citations keep as written (`text/casing.py`).
    fixed_case: tuple[str, ...] = ()
    # The item's page where it was first published (the ACL Anthology's), when it was.
    version_of_record: str | None = None

    @property
    def lang(self) -> Lang:
        """The interface language the item is in: what its original texts are written in."""
        return tag_lang(self.language)

    @property
    def files(self) -> tuple[str, ...]:
        """Every file of the item's folder the site publishes: its PDF, the PDFs of its
        versions and its attached files, each once."""
        names = [self.pdf, *(v.file for v in self.versions),
                 *(a.file for a in self.attachments)]
        return tuple(dict.fromkeys(name for name in names if name))

    @property
    def in_volume(self) -> bool:
        """Whether the volume's citation files and calendars list the item."""
        return self.status is Status.PUBLISHED

    @property
    def role(self) -> Role:
        return ROLE_OF_ITEM_KIND[self.kind]

    def keywords_in(self, lang: Lang) -> tuple[str, ...]:
        """The keywords in `lang` as written: () when they are a gap."""
        return self.keywords[0] if lang == "ar" else self.keywords[1]

    def keywords_shown(self, lang: Lang) -> tuple[tuple[str, ...], Lang]:
        """The keywords a page in `lang` shows, and their language: the other language's
        where those in `lang` are a gap (as `Text.shown`)."""
        own = self.keywords_in(lang)
        return (own, lang) if own else (self.keywords_in(other_lang(lang)), other_lang(lang))


@dataclass(frozen=True)
class Organisation:
    name: Text
    role: Text  # e.g. «تعقده» / "held by"


@dataclass(frozen=True)
class Statement:
    """A person's public statement about the conference (e.g. to the press)."""

    person: str
    text: Text
    source: Text


DEFAULT_MAX_PDF_MB = 20


class PaperSize(str, Enum):
    A4 = "a4"
    A5 = "a5"
    LETTER = "us-letter"


class PageDigits(str, Enum):
    """The digits of the printed book's page numbers: 1, 2, 3 or ١، ٢، ٣."""

    LATIN = "latin"
    ARABIC_INDIC = "arabic-indic"


@dataclass(frozen=True)
class Book:
    """What only the printed proceedings need (`book:` in conference.yaml)."""

    isbn: str | None = None
    copyright: Text | None = None
    preface: Text | None = None
    paper: PaperSize = PaperSize.A4
    digits: PageDigits = PageDigits.LATIN
    pages_in_citations: bool = False  # the book's page ranges become the items' `pages`


@dataclass(frozen=True)
class Conference:
    title: Text
    short_name: str
    organisers: tuple[Organisation, ...]
    venue: Text
    city: Text
    country: Text
    start: dt.date
    end: dt.date
    publisher: Text
    site_url: str
    themes: tuple[Text, ...]
    timezone: str  # an IANA name, e.g. "Asia/Muscat": the zone of every session's times
    hijri_start: HijriDate | None = None
    hijri_end: HijriDate | None = None
    description: Text | None = None
    official_url: str | None = None
    editors: tuple[str, ...] = ()
    statements: tuple[Statement, ...] = ()
    # DOIs (read them through data/dois.py): the registrant's prefix and the suffix patterns.
    doi_prefix: str | None = None
    doi_suffix: str | None = None
    doi_volume_suffix: str | None = None
    max_pdf_mb: int = DEFAULT_MAX_PDF_MB  # the largest paper PDF accepted
    book: Book | None = None  # the conference has a printed book when it has `book:`
    language: str = DEFAULT_LANG  # the items' language when an item does not say (BCP 47)
    translations: TranslationPolicy = TranslationPolicy.WELCOME

    @property
    def lang(self) -> Lang:
        """The interface language of the volume's own texts and of its items by default."""
        return tag_lang(self.language)

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def days(self) -> tuple[dt.date, ...]:
        count = (self.end - self.start).days + 1
        return tuple(self.start + dt.timedelta(days=n) for n in range(count))


@dataclass(frozen=True)
class Link:
    """One tie between a person and an item or session, with its role."""

    role: Role
    paper: Paper | None = None
    session: Session | None = None


@dataclass(frozen=True)
class Proceedings:
    """The whole volume. Built once per build by the loader."""

    conference: Conference
    people: tuple[Person, ...]
    sessions: tuple[Session, ...]  # sorted by (day, order)
    papers: tuple[Paper, ...]  # sorted by (session day, session order, order)
    # The editors' notes on the volume (papers/about.*.md): Markdown, untrusted; optional.
    about: Text | None = None
    _people_by_id: dict[str, Person] = field(init=False, repr=False, compare=False)
    _sessions_by_id: dict[str, Session] = field(init=False, repr=False, compare=False)
    _papers_by_id: dict[str, Paper] = field(init=False, repr=False, compare=False)
    _papers_by_session: dict[str, tuple[Paper, ...]] = field(init=False, repr=False, compare=False)
    _links_by_person: dict[str, tuple[Link, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # An item that does not say its language is in the volume's.
        volume = self.conference.language
        if any(not paper.language for paper in self.papers):
            object.__setattr__(self, "papers", tuple(
                paper if paper.language else replace(paper, language=volume)
                for paper in self.papers))
        # Lookup tables derived once, so page generation stays linear in size.
        by_session: dict[str, list[Paper]] = {s.id: [] for s in self.sessions}
        for paper in self.papers:
            by_session.setdefault(paper.session, []).append(paper)
        links: dict[str, list[Link]] = {p.id: [] for p in self.people}
        for session in self.sessions:
            for chair in session.chairs:
                links.setdefault(chair, []).append(Link(Role.CHAIR, session=session))
            for paper in by_session.get(session.id, ()):
                for pid in paper.people:
                    links.setdefault(pid, []).append(Link(paper.role, paper=paper, session=session))
        for statement in self.conference.statements:
            links.setdefault(statement.person, []).append(Link(Role.STATEMENT))
        setattr_ = object.__setattr__
        setattr_(self, "_people_by_id", {p.id: p for p in self.people})
        setattr_(self, "_sessions_by_id", {s.id: s for s in self.sessions})
        setattr_(self, "_papers_by_id", {p.id: p for p in self.papers})
        setattr_(self, "_papers_by_session", {k: tuple(v) for k, v in by_session.items()})
        setattr_(self, "_links_by_person", {k: tuple(v) for k, v in links.items()})

    def person(self, person_id: str) -> Person:
        return self._people_by_id[person_id]

    def session(self, session_id: str) -> Session:
        return self._sessions_by_id[session_id]

    def paper(self, paper_id: str) -> Paper:
        return self._papers_by_id[paper_id]

    def papers_in(self, session_id: str) -> tuple[Paper, ...]:
        return self._papers_by_session.get(session_id, ())

    def sessions_on(self, day: dt.date) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.day == day)

    def people_of(self, paper: Paper) -> tuple[Person, ...]:
        return tuple(self.person(pid) for pid in paper.people)

    def affiliation_on(self, paper: Paper, person_id: str) -> Text | None:
        """The affiliation `person_id` gave on `paper`: the item's own for them
        (`affiliations:` in its paper.yaml), else their entry's in people.yaml."""
        given = dict(paper.affiliations).get(person_id)
        return given if given is not None else self.person(person_id).affiliation

    def links_of(self, person_id: str) -> tuple[Link, ...]:
        """Every session chaired, item given and statement made, in programme order."""
        return self._links_by_person.get(person_id, ())
