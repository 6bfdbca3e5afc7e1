"""One citation record per item, made once from the model; every format writes a form of it.

`paper_record` gathers what a citation of one item says, in both languages:
its people (family and given names apart, the honorific kept aside and never
written into a name), its title, the volume it is in (the container), the event
it was given at, the city, the publisher, the day of its session (*the* date of
the item, the same day in every format), the event's first and last days,
pages, DOI (`data/dois.py`: stated, or given by the prefix), the page's URL,
the words of the English title whose case is kept (`Paper.fixed_case`: BibTeX braces them),
keywords and the abstract as plain text; and each person's affiliation on this
item (`author_affiliations`: the one the item gives them, else their own), in both
languages, which the page head, the Crossref deposit and the book write (the
reference-list files do not carry it).

Two forms of each record (`Record.form`), which follow the item's language
(`Paper.language`, a BCP 47 tag):

- **original**: the item as it was published, in its own language. For an
  Arabic item: Arabic script, names the Arabic names (given = ism + nasab,
  family = the name filed under), the title the Arabic title, every other value
  the Arabic one, the URL the Arabic page. For an English item: the English
  values throughout, the names each person's preferred romanised spelling, the
  URL the English page; its title is its own, never bracketed.
- **romanised**: for a reference list in English. Names are each person's
  preferred romanised spelling (`Person.name_en`), the other values English,
  the URL the English page. An English item's romanised form is its original
  form: the same record. An Arabic item's title follows APA 7's rule for a work
  in another language (Publication Manual, 7th ed., 9.38–9.39): the original
  title, transliterated when its script is not Latin, followed by an English
  translation in square brackets. The data holds no transliteration of the
  Arabic title, so the romanised title is the English translation in square
  brackets, «[The ten strategies]»: the brackets say that the title is a
  translation, and `language` (``ar``) says what the original is in. Arabic
  script is never put into this form (APA keeps non-Latin scripts out of an
  English reference list).

Every format says the item's language from `Citation.language`, the same in both
forms; `Citation.text_language` is the language the form's values are written in.

Translation gaps. A text whose one language is a gap (`Text.missing`) is
written as it exists: an Arabic item's original form takes the other language's
text in the gap's place; an English form (an English item's, or the romanised)
leaves an English value that is a gap out (an item without an
English title has no title there: the Arabic is never written as its English
translation). A name is written in the form's script when the person has one,
else in the other (`person_names`): a creator is never left out.

Items without people. The sources name no one for some items (a panel of
unnamed experts). A citation needs a creator (biber refuses an
``@inproceedings`` without one, and Google Scholar ignores a page whose tags
name no author), so such an item is cited under the volume's publisher as a
corporate author (`corporate_author`), in every format and on the item's page,
which says so; a named person is never invented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from waqai.data.dois import item_doi
from waqai.data.model import (
    ArabicName,
    ItemKind,
    Lang,
    LatinName,
    Paper,
    Person,
    Proceedings,
    Text,
    lang_root,
    tag_lang,
)
from waqai.exports.common import one_line, page_range
from waqai.text.labels import LABELS, STATUSES
from waqai.text.plain import plain_text
from waqai.urls import base_url, paper_url

Form = Literal["original", "romanised"]
FORMS: tuple[Form, ...] = ("original", "romanised")
# The language each form's files are named for (files.py): `<key>.bib` holds the original
# form, `<key>.en.bib` the romanised. For an English item both hold the same record.
FORM_LANG: dict[Form, Lang] = {"original": "ar", "romanised": "en"}


@dataclass(frozen=True)
class Name:
    """A creator as citation formats want it. `corporate`: `family` is the whole name
    of a body, never split into parts. `honorific` is kept apart and never written."""

    family: str
    given: str = ""
    honorific: str = ""
    corporate: bool = False


@dataclass(frozen=True)
class Citation:
    """One form of a record: every value a plain, one-line string in one script."""

    form: Form
    key: str
    kind: ItemKind
    language: str  # the item's language (a BCP 47 tag), the same in both forms
    text_language: Lang  # the language the values of this form are written in
    authors: tuple[Name, ...]
    editors: tuple[Name, ...]
    title: str
    # The title's words whose case is kept as written (`text/casing.py`); () when the
    # form's title is not the English one they are words of.
    fixed_case: tuple[str, ...]
    container: str  # the title of the volume
    event_title: str
    place: str  # the city (never the building)
    publisher: str
    date: dt.date  # the day of the item's session
    event_start: dt.date
    event_end: dt.date
    pages: tuple[str, str] | str | None  # (first, last), or as written when not a range
    doi: str
    url: str
    keywords: tuple[str, ...]
    abstract: str  # plain text
    note: str  # the item's retraction or withdrawal and its errata, dated; or ""

    @property
    def item_lang(self) -> Lang:
        """The interface language the item is in (its tag's primary subtag)."""
        return tag_lang(self.language)

    @property
    def first_page(self) -> str:
        return self.pages[0] if isinstance(self.pages, tuple) else self.pages or ""

    @property
    def last_page(self) -> str:
        return self.pages[1] if isinstance(self.pages, tuple) else ""


@dataclass(frozen=True)
class Record:
    """Everything a citation of one item says, in both languages (`form` picks one)."""

    key: str
    kind: ItemKind
    language: str  # the item's, a BCP 47 tag (`Paper.language`)
    authors: tuple[tuple[Name, Name], ...]  # (Arabic, romanised) per creator
    # Each creator's affiliation on the item (`author_affiliations`), in the order of
    # `authors`; None for one without (and for a corporate author).
    affiliations: tuple[Text | None, ...]
    editors: tuple[tuple[Name, Name], ...]
    title: Text
    fixed_case: tuple[str, ...]  # words of the English title (`Paper.fixed_case`)
    container: Text
    event_title: Text
    place: Text
    publisher: Text
    date: dt.date
    event_dates: tuple[dt.date, dt.date]
    pages: tuple[str, str] | str | None
    doi: str
    urls: Text  # the item's page in each language
    keywords: tuple[tuple[str, ...], tuple[str, ...]]  # (Arabic, English)
    abstract: Text  # plain text
    note: Text

    @property
    def lang(self) -> Lang:
        """The interface language the item is in."""
        return tag_lang(self.language)

    def form(self, form: Form) -> Citation:
        lang: Lang = self.lang if form == "original" else "en"
        side = 0 if lang == "ar" else 1
        in_arabic = lang == "ar"

        def text(value: Text) -> str:
            """Arabic shows a gap's other text; English leaves it out (never Arabic as English)."""
            return value.shown(lang).text if in_arabic else value.get(lang)

        if in_arabic or self.lang == "en":
            title = text(self.title)  # the item's own title, as given
        else:  # an Arabic item in an English list: APA 7, see above
            title = f"[{self.title.en}]" if self.title.en else ""
        return Citation(
            form=form, key=self.key, kind=self.kind, language=self.language, text_language=lang,
            authors=tuple(pair[side] for pair in self.authors),
            editors=tuple(pair[side] for pair in self.editors),
            title=title, fixed_case=self.fixed_case if lang == "en" else (),
            container=text(self.container),
            event_title=text(self.event_title), place=text(self.place),
            publisher=text(self.publisher), date=self.date,
            event_start=self.event_dates[0], event_end=self.event_dates[1],
            pages=self.pages, doi=self.doi, url=self.urls.get(lang),
            keywords=self.keywords[side] or (self.keywords[1 - side] if in_arabic else ()),
            abstract=text(self.abstract), note=text(self.note),
        )


def original_name(name: ArabicName) -> Name:
    given = " ".join(part for part in (name.given, name.nasab) if part)
    return Name(one_line(name.family), one_line(given), one_line(name.honorific))


def romanised_name(name: LatinName) -> Name:
    return Name(one_line(name.family), one_line(name.given))


def person_names(person: Person) -> tuple[Name, Name]:
    """A person's (original, romanised) name: the Arabic and the preferred romanised
    spelling, the other script's in place of one that is a gap."""
    arabic = original_name(person.name_ar) if person.name_ar else None
    latin = romanised_name(person.name_en) if person.name_en else None
    either = arabic or latin
    assert either is not None, "a person has a name in one script at least"
    return arabic or either, latin or either


def author_affiliations(proc: Proceedings, paper: Paper) -> tuple[Text | None, ...]:
    """The affiliation each of the item's people gave on it, in the order of `people`:
    the item's own for them (`affiliations:` in its paper.yaml), else their entry's in
    people.yaml (`Proceedings.affiliation_on`); None where there is neither."""
    return tuple(_affiliation(proc.affiliation_on(paper, pid)) for pid in paper.people)


def _affiliation(value: Text | None) -> Text | None:
    """An affiliation as one-line text; None for none (or one that is a gap in both)."""
    text = _text(value) if value is not None else None
    return text if text is not None and (text.ar or text.en) else None


def corporate_author(proc: Proceedings) -> Text:
    """Who an item without people is cited under: the volume's publisher."""
    return proc.conference.publisher


def _text(value: Text) -> Text:
    return Text(one_line(value.ar), one_line(value.en))


def _words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word for word in map(one_line, words) if word)


def _pages(pages: str | None) -> tuple[str, str] | str | None:
    if not pages:
        return None
    return page_range(pages) or one_line(pages)


def status_heading(paper: Paper, lang: Lang, day: str) -> str:
    """«مسحوب في …» / "Retracted on …" for a retracted or withdrawn item, `day` its
    notice's date as the caller writes it (ISO in the exports, both calendars on pages)."""
    said = LABELS["status_notice"].get(lang).format(status=STATUSES[paper.status].get(lang),
                                                    date=day)
    return said[0].upper() + said[1:]


def standing_note(paper: Paper) -> Text:
    """What the record says of the item's standing: «Retracted on 2025-02-01: …»,
    then each erratum, «Erratum (2025-01-10): …»; "" for a published item without."""
    def note(lang: Lang) -> str:
        parts = []
        if paper.notice is not None and not paper.in_volume:
            parts.append(said(status_heading(paper, lang, paper.notice.date.isoformat()),
                              paper.notice.text.get(lang)))
        parts += [said(f"{LABELS['erratum'].get(lang)} ({erratum.date.isoformat()})",
                       erratum.text.get(lang)) for erratum in paper.errata]
        return one_line(" ".join(parts))

    def said(heading: str, text: str) -> str:
        """«heading: text», or the heading alone where the text is a translation gap."""
        return f"{heading}: {text}" if text else f"{heading}."

    return Text(note("ar"), note("en"))


def paper_record(proc: Proceedings, paper: Paper, key: str) -> Record:
    conf = proc.conference
    affiliations = author_affiliations(proc, paper)
    if paper.people:
        authors = tuple(person_names(p) for p in proc.people_of(paper))
    else:
        body = _text(corporate_author(proc))
        # A corporate author is a name too: never left out, even where its English is a gap.
        authors = ((Name(body.shown("ar").text, corporate=True),
                    Name(body.shown("en").text, corporate=True)),)
        affiliations = (None,)
    editors = tuple(person_names(proc.person(pid)) for pid in conf.editors)
    site = base_url(conf)
    return Record(
        key=key, kind=paper.kind, language=paper.language, authors=authors,
        affiliations=affiliations, editors=editors,
        title=_text(paper.title), fixed_case=_words(paper.fixed_case),
        container=_text(conf.title), event_title=_text(conf.title),
        place=_text(conf.city), publisher=_text(conf.publisher),
        date=proc.session(paper.session).day, event_dates=(conf.start, conf.end),
        pages=_pages(paper.pages), doi=one_line(item_doi(conf, paper) or ""),
        urls=Text(*(f"{site}{lang_root(lang)}{paper_url(paper)}" for lang in ("ar", "en"))),
        keywords=(_words(paper.keywords_in("ar")), _words(paper.keywords_in("en"))),
        abstract=Text(plain_text(paper.abstract.ar), plain_text(paper.abstract.en)),
        note=standing_note(paper),
    )


def volume_records(proc: Proceedings, keys: dict[str, str]) -> list[Record]:
    """The record of every item the volume lists (not a retracted or withdrawn one),
    in programme order."""
    return [paper_record(proc, paper, keys[paper.id]) for paper in proc.papers
            if paper.in_volume]
