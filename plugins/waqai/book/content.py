"""What the book prints, as JSON: `documents.py` makes each of the book's typeset
documents (`templates/`) from it.

The book is Arabic: one volume whose front, headings, running heads and first index
are in Arabic, each item printed with its English beside it. An item is printed in its
own language (`Paper.language`): its title, people, abstract, keywords and DOI as
published, in that language's direction, then the other language's (its
translations) beside them; so an English item's page reads left to right and an Arabic
item's right to left, and the contents give each item its own title, in its direction.

The book prints most texts in both languages. A translation gap is never filled:
where only one language goes (a heading, an index entry), the other language's
text takes its place as `{text, lang}`, and `lang` (the other language's code, ""
for the place's own) tells the template to set it in its own language (`shown` in
`templates/style.typ`); where both go, the gap is simply not printed twice."""

from __future__ import annotations

from typing import Any

from waqai.data.dois import item_doi
from waqai.data.model import (
    LANGS,
    Book,
    Lang,
    PageDigits,
    Paper,
    Person,
    Proceedings,
    Shown,
    Text,
)
from waqai.exports.record import author_affiliations, status_heading
from waqai.text.arabic import person_sort_key
from waqai.text.dates import format_date, format_range
from waqai.text.labels import LABELS
from waqai.text.plain import plain_paragraphs, plain_text

Json = dict[str, Any]
# What the book says in its own words, beside the editors' text.
BOOK_LABELS = {
    "about": Text("عن المؤتمر", "About the conference"),
    "themes": Text("محاور المؤتمر", "Themes"),
    "contents": Text("المحتويات", "Contents"),
    "keywords": Text("الكلمات المفتاحية", "Keywords"),
    "doi": Text("المعرّف الرقمي", "DOI"),
    "index": Text("فهرس المؤلفين والمتحدثين", "Index of authors and speakers"),
    "preface": Text("تقديم", "Preface"),
    "editors": Text("تحرير", "Edited by"),
    "page": Text("صفحة", "page"),  # a contents link's description, for screen readers
}
_CM = 72 / 2.54
MARGINS_PT = (2.2 * _CM, 2.4 * _CM)  # the pages' margins (x, y): text and full texts


def _text(value: Text | None) -> Json:
    return {"ar": value.ar if value else "", "en": value.en if value else ""}


def _shown(value: Text | None, lang: Lang) -> Json:
    """What the book prints of `value` where `lang` goes: `{text, lang}`, `lang` ""
    when the text is in `lang`, the other language's code in place of a gap."""
    shown = value.shown(lang) if value else Shown("", lang)
    return {"text": shown.text, "lang": "" if shown.lang == lang else shown.lang}


def _both(value: Text | None) -> Json:
    """Where the book prints both languages: the Arabic place's text (`_shown`) and the
    English beside it, "" where that is a gap or already stands in the Arabic place."""
    return {"ar": _shown(value, "ar"), "en": value.alongside("ar") if value else ""}


def _person(person: Person) -> Json:
    return {"name": _both(person.name), "affiliation": _shown(person.affiliation, "ar")}


def _language(paper: Paper) -> Json:
    """The item's language as Typst's `text` takes it (`lang`, `region`), which tags its
    text in the PDF (/Lang). Typst has no script, and its region is two letters: of
    "en-Latn-GB" the PDF says "en-GB", of "en-001" (a numeric region) "en"."""
    region = [tag for tag in paper.language.split("-")[1:] if len(tag) == 2 and tag.isalpha()]
    return {"lang": paper.lang, "region": region[0] if region else None}


def _said(heading: str, text: str) -> str:
    """«heading: text»; the heading alone where the text is a gap in its language."""
    return f"{heading}: {text}" if text else heading


def _item(proc: Proceedings, paper: Paper) -> Json:
    """What the book prints of an item, in its own language (`lang`) first: `title.own`
    is its title as published, `title.other` the translation printed beside it ("" in
    a gap), the people named in its language."""
    own = paper.lang
    notice = None
    if not paper.in_volume and paper.notice is not None:
        # «مسحوب في …: …» / "Retracted on …: …", as the item's page says it.
        notice = {lang: _said(status_heading(paper, lang, format_date(paper.notice.date, lang,
                                                                     weekday=False)),
                              paper.notice.text.get(lang)) for lang in LANGS}
    return {
        "id": paper.id,
        **_language(paper),
        "title": {"own": _shown(paper.title, own), "other": paper.title.alongside(own)},
        # The people as the item names them: in its language, the other script in a gap;
        # each with the affiliation they gave on it (the citation record's).
        "people": [{"name": _shown(p.name, own), "affiliation": _shown(affiliation, own)}
                   for p, affiliation in zip(proc.people_of(paper),
                                             author_affiliations(proc, paper), strict=True)],
        "abstract": {lang: plain_paragraphs(paper.abstract.get(lang)) for lang in LANGS},
        "keywords": {"ar": list(paper.keywords_in("ar")), "en": list(paper.keywords_in("en"))},
        "doi": item_doi(proc.conference, paper) or "",
        "notice": notice,
        # The full text, as a path in the data folder, when the item has one and stands;
        # its pages follow the item (laid in by fulltexts.py).
        "pdf": f"{paper.id}/{paper.pdf}" if paper.pdf and paper.in_volume else None,
        "pdf_pages": paper.pdf_pages or 0,
    }


def with_items(proc: Proceedings, sessions: list[Json]) -> list[Json]:
    """`sessions` (of `book_data`) with all that the book prints of each item: made for
    one part of the body at a time, while the part before it is typeset."""
    return [{**session, "items": [_item(proc, proc.paper(item["id"]))
                                  for item in session["items"]]} for session in sessions]


def _index(proc: Proceedings, lang: Lang) -> list[Json]:
    """Each person with items, filed by the speaker index's rules for `lang`."""
    items: dict[str, list[str]] = {}
    for paper in proc.papers:
        for person_id in paper.people:
            items.setdefault(person_id, []).append(paper.id)
    people = sorted((p for p in proc.people if p.id in items),
                    key=lambda p: person_sort_key(p, lang))
    return [{"name": _shown(p.name, lang), "items": items[p.id]} for p in people]


def book_data(proc: Proceedings, paper_size: str | None = None) -> Json:
    """Everything the book prints; `paper_size` overrides the `book:` section's.

    `common` is what every document of the book needs (its page, title and labels),
    `front` the title page's and the front matter's text, `days` the sessions in
    programme order with their items' ids and titles (`with_items` adds the rest), and
    `index_ar`/`index_en` each person with the ids of their items."""
    conf = proc.conference
    book = conf.book or Book()  # `build.py book` makes one for any conference
    days = []
    for day in conf.days:
        sessions = [{"id": s.id, "title": _shown(s.title, "ar"),
                     "time": f"{s.start:%H:%M}" if s.start else "",
                     "room": _shown(s.room, "ar"),
                     # The contents give each item its own title, in its language.
                     "items": [{"id": p.id, **_language(p), "title": _shown(p.title, p.lang)}
                               for p in proc.papers_in(s.id)]}
                    for s in proc.sessions_on(day)]
        if sessions:
            days.append({"title": format_date(day, "ar"), "sessions": sessions})
    editors = [proc.person(pid) for pid in conf.editors]
    return {
        "common": {
            "paper": paper_size or book.paper.value,
            "margins": {"x": MARGINS_PT[0], "y": MARGINS_PT[1]},
            # Typst's numbering pattern for the page numbers: 1, 2, 3 or ١، ٢، ٣.
            "numbering": "١" if book.digits is PageDigits.ARABIC_INDIC else "1",
            "labels": {key: _text(value) for key, value in BOOK_LABELS.items()},
            "title": _both(conf.title),
            "authors": [e.display_name("en") for e in editors],  # the PDF's author metadata
        },
        "front": {
            "isbn": book.isbn or "",
            "copyright": _both(book.copyright),
            "preface": {lang: plain_paragraphs(book.preface.get(lang)) if book.preface
                        else [] for lang in LANGS},
            "editors": [_person(e) for e in editors],
            "organisers": [_shown(org.name, "ar") for org in conf.organisers],
            # Printed in both languages: each language's place names where it has them.
            "place": {lang: LABELS["comma"].get(lang).join(
                part for part in (conf.venue.get(lang), conf.city.get(lang)) if part)
                for lang in LANGS},
            "dates": {lang: format_range(conf.start, conf.end, lang) for lang in LANGS},
            "description": {lang: plain_text(conf.description.get(lang)) if conf.description
                            else "" for lang in LANGS},
            "themes": [_both(theme) for theme in conf.themes],
        },
        "days": days,
        "index_ar": _index(proc, "ar"),
        "index_en": _index(proc, "en"),
    }
