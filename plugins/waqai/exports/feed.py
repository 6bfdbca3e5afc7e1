"""The volume's Atom feeds (RFC 4287): `feed.xml` in Arabic, `feed.en.xml` in English.

Each lists the items of the volume (a retracted or withdrawn item is in neither, as in
the volume's citation files), in programme order, written from each item's one citation
record (`record.Record`) as every export is. An entry is one work in both feeds: its
`id` is the item's page in its own language, whichever feed carries it; its link is its
page in the feed's language. A text that is a translation gap in the feed's language is
the other language's, with that language on its element (`xml:lang`), as pages show it.

Dates come from the data, never from the build: an entry is `published` on its
session's day and `updated` on the latest of that, its errata and its versions; the
feed is `updated` with its newest entry. Atom dates are times, so each is midnight UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from waqai.data.model import (
    DEFAULT_LANG,
    Lang,
    Paper,
    Proceedings,
    Shown,
    Text,
    lang_root,
    other_lang,
)
from waqai.exports.record import Name, Record
from waqai.urls import base_url, paper_url

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
GENERATOR = "Waqai"


def feed_path(lang: Lang) -> str:
    """`feed.xml` (Arabic), `feed.en.xml` (English), at the site's root."""
    return "feed.xml" if lang == DEFAULT_LANG else f"feed.{lang}.xml"


def atom_time(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def updated_on(paper: Paper, published: dt.date) -> dt.date:
    """The latest day the item changed: its session's, an erratum's, a version's."""
    days = [published, *(note.date for note in paper.errata),
            *(version.date for version in paper.versions)]
    return max(days)


def volume_feed(proc: Proceedings, items: Sequence[tuple[Paper, Record]], lang: Lang) -> str:
    """The feed in `lang` of the volume's `items` (each with its record), as XML text."""
    conf = proc.conference
    home = f"{base_url(conf)}{lang_root(lang)}"
    listed = [(paper, record) for paper, record in items if paper.in_volume]
    # Names without a namespace, and Atom's declared as an attribute: ElementTree's
    # registry of prefixes is global, and the Crossref deposit's owns the default one.
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: lang})
    _add(feed, "id", home)
    _text(feed, "title", conf.title, lang)
    _add(feed, "link", rel="self", href=f"{base_url(conf)}{feed_path(lang)}",
         type="application/atom+xml")
    _add(feed, "link", rel="alternate", href=home, type="text/html")
    author = _add(feed, "author")
    _text(author, "name", conf.publisher, lang)
    days = [updated_on(paper, record.date) for paper, record in listed]
    _add(feed, "updated", atom_time(max(days, default=conf.end)))
    _add(feed, "generator", GENERATOR)
    for (paper, record), updated in zip(listed, days, strict=True):
        _entry(feed, proc, paper, record, updated, lang)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _entry(feed: ET.Element, proc: Proceedings, paper: Paper, record: Record,
           updated: dt.date, lang: Lang) -> None:
    entry = _add(feed, "entry")
    # One work in both feeds: the item's page in its own language names it.
    _add(entry, "id", f"{base_url(proc.conference)}{lang_root(paper.lang)}{paper_url(paper)}")
    _text(entry, "title", record.title, lang)
    _add(entry, "link", rel="alternate", href=record.urls.get(lang), type="text/html")
    if record.doi:
        _add(entry, "link", rel="related", href=f"https://doi.org/{record.doi}")
    _add(entry, "published", atom_time(record.date))
    _add(entry, "updated", atom_time(updated))
    for pair in record.authors:
        author = _add(entry, "author")
        text, name_lang = _shown_name(pair, lang)
        name = _add(author, "name", text)
        if name_lang != lang:
            name.set(XML_LANG, name_lang)
    own, other = (0, 1) if lang == "ar" else (1, 0)
    keywords_lang = lang if record.keywords[own] else other_lang(lang)
    for word in record.keywords[own] or record.keywords[other]:
        category = _add(entry, "category", term=word)
        if keywords_lang != lang:
            category.set(XML_LANG, keywords_lang)
    if record.abstract.shown(lang).text:
        _text(entry, "summary", record.abstract, lang)


def _shown_name(pair: tuple[Name, Name], lang: Lang) -> tuple[str, Lang]:
    """The name in the feed's script, else in the other one (a gap), and that script's
    language."""
    name_lang = lang
    name = pair[0] if lang == "ar" else pair[1]
    if not (name.given or name.family):
        name_lang = other_lang(lang)
        name = pair[0] if name_lang == "ar" else pair[1]
    return " ".join(part for part in (name.given, name.family) if part), name_lang


def _text(parent: ET.Element, tag: str, text: Text, lang: Lang) -> ET.Element:
    """A text element in `lang`, or in the other language (with `xml:lang`) for a gap."""
    shown: Shown = text.shown(lang)
    element = _add(parent, tag, shown.text)
    if shown.lang != lang:
        element.set(XML_LANG, shown.lang)
    return element


def _add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text:
        element.text = text
    return element
