"""MODS 3.8 export (the Library of Congress's Metadata Object Description Schema): one
`<mods>` record per item, written from a `Citation`, as library systems and bibutils
read it.

An item is a part of its volume, as MODS models a conference paper: its own title,
people, language, abstract, keywords, DOI and page are on the record; the volume is a
`relatedItem type="host"` with its title, editors, publisher, city and year, its genre
`conference publication` and the item's `part` (its pages and its day). The conference
itself is a `name type="conference"` of the host. bibutils (`xml2bib`, `xml2end`) reads
the host's title as the booktitle, its editors as editors, the day from the item's own
`originInfo/dateIssued`, the DOI from `identifier type="doi"` and the citation key from
`identifier type="citekey"`, shared with BibTeX, RIS and CSL-JSON.

The record's language is the item's (`languageTerm` in RFC 5646, the BCP 47 tag, and
ISO 639-2/B, which bibutils and most catalogues read); `lang` on a text says the language
it is written in where that is not the item's (a romanised form's English title of an
Arabic item). A person's name is in parts (`given`, `family`), never split again; a
corporate author is `name type="corporate"`. Text is escaped by ElementTree, so an
untrusted title cannot add elements.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree import ElementTree as ET

from waqai.exports.common import one_line
from waqai.exports.record import Citation, Name

NS = "http://www.loc.gov/mods/v3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://www.loc.gov/standards/mods/v3/mods-3-8.xsd"
VERSION = "3.8"
# ISO 639-2/B of the languages Waqai names; another language keeps its BCP 47 tag alone.
ISO_639_2B = {"ar": "ara", "en": "eng", "fr": "fre", "de": "ger", "es": "spa", "tr": "tur",
              "fa": "per", "ur": "urd"}


def _add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text:
        element.text = one_line(text)
    return element


def _name(parent: ET.Element, name: Name, role: str) -> None:
    if name.corporate:
        element = _add(parent, "name", type="corporate")
        _add(element, "namePart", name.family)
    else:
        element = _add(parent, "name", type="personal")
        if name.given:
            _add(element, "namePart", name.given, type="given")
        if name.family:
            _add(element, "namePart", name.family, type="family")
    role_element = _add(element, "role")
    _add(role_element, "roleTerm", role, authority="marcrelator", type="text")


def _language(parent: ET.Element, tag: str) -> None:
    language = _add(parent, "language")
    primary = tag.split("-", 1)[0].lower()
    if primary in ISO_639_2B:
        _add(language, "languageTerm", ISO_639_2B[primary], authority="iso639-2b", type="code")
    _add(language, "languageTerm", tag, authority="rfc5646", type="code")


def mods_record(cite: Citation) -> ET.Element:
    """The item's `<mods>` element."""
    record = ET.Element("mods", {"version": VERSION, "ID": cite.key})
    # The title's language where it is not the item's (a romanised form's bracketed
    # English title of an Arabic item).
    title_lang = {} if cite.text_language == cite.item_lang else {
        "lang": ISO_639_2B[cite.text_language]}
    title_info = _add(record, "titleInfo", **title_lang)
    _add(title_info, "title", cite.title)
    for author in cite.authors:
        _name(record, author, "author")
    _add(record, "typeOfResource", "text")
    origin = _add(record, "originInfo")
    _add(origin, "dateIssued", cite.date.isoformat(), encoding="w3cdtf", keyDate="yes")
    _language(record, cite.language)
    if cite.abstract:
        _add(record, "abstract", cite.abstract)
    if cite.keywords:
        subject = _add(record, "subject")
        for word in cite.keywords:
            _add(subject, "topic", word)
    if cite.note:
        _add(record, "note", cite.note)
    _host(record, cite)
    if cite.doi:
        _add(record, "identifier", cite.doi, type="doi")
    _add(record, "identifier", cite.key, type="citekey")
    if cite.url:
        location = _add(record, "location")
        _add(location, "url", cite.url)
    return record


def _host(record: ET.Element, cite: Citation) -> None:
    """The volume the item is in, and where in it."""
    host = _add(record, "relatedItem", type="host")
    title_info = _add(host, "titleInfo")
    _add(title_info, "title", cite.container)
    conference = _add(host, "name", type="conference")
    _add(conference, "namePart", cite.event_title)
    for editor in cite.editors:
        _name(host, editor, "editor")
    origin = _add(host, "originInfo")
    if cite.publisher:
        _add(origin, "publisher", cite.publisher)
    if cite.place:
        place = _add(origin, "place")
        _add(place, "placeTerm", cite.place, type="text")
    _add(host, "genre", "conference publication", authority="marcgt")
    # Where in the volume: its day and pages (bibutils reads `part` of the record itself).
    part = _add(record, "part")
    _add(part, "date", cite.date.isoformat(), encoding="w3cdtf")
    if cite.first_page:
        extent = _add(part, "extent", unit="page")
        _add(extent, "start", cite.first_page)
        if cite.last_page:
            _add(extent, "end", cite.last_page)


def mods_text(cite: Citation) -> str:
    """The item's `<mods>` element as text, to be joined into a collection."""
    return ET.tostring(mods_record(cite), encoding="unicode")


def mods_collection(cites: Iterable[Citation]) -> str:
    """A `<modsCollection>` of `cites` (one item's file holds one), as XML text."""
    return join_records(mods_text(cite) for cite in cites)


def join_records(records: Iterable[str]) -> str:
    """One collection of `<mods>` records (each as `ET.tostring` wrote it), for a volume's
    file made from its items' records. The records' names have no namespace of their
    own: MODS's is the collection's default one (ElementTree's registry of prefixes is
    global, and the Crossref deposit's owns the default prefix)."""
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<modsCollection xmlns="{NS}" '
            f'xmlns:xsi="{XSI}" xsi:schemaLocation="{SCHEMA_LOCATION}">')
    return f"{head}{''.join(records)}</modsCollection>\n"
