"""The Crossref deposit: one `doi_batch` of the 5.4.0 deposit schema for the whole volume.

The file registers the volume's DOIs with Crossref: a `conference` with its
`event_metadata`, its `proceedings_metadata` and one `conference_paper` per item
that has a DOI. Its values come from the citation record (`record.py`), so the
deposit says what every export and page says.

Choices the schema leaves open:

- **One language, the item's.** A conference paper has exactly one `titles`, and
  `original_language_title` is for the registration of a *translation* (its
  definition in the schema), which these items are not. So each item is the
  record's original form, in the item's language (`language` on the
  `conference_paper`, its tag's ISO 639-1 code): an Arabic item's Arabic title
  and names, an English item's English title and romanised names. The event, the
  volume, the publisher and the volume's editors are in the volume's language
  (`Conference.language`, on `proceedings_metadata`). Both abstracts go in, each a
  `jats:abstract` with its `xml:lang`; the other language's title is not carried
  (the schema has no place for it). A translation gap is written as the record
  writes it: in Arabic the other language's text in its place, and a person
  without a name in the script wanted under the other one, with its `language`.
- **Names** are `given_name` (ism and nasab) and `surname` (the name filed
  under), as in every export, without the honorific. The schema has no alternative
  name for a person (its `alt-name` is commented out of `person_name`), so the
  romanised spelling is not deposited. Crossref refuses a name part of more than
  60 characters or with a digit: `deposit_problems` says so before the file is
  written.
- **People.** Every person of an item is an `author` (speakers and panellists
  included: the schema has no role for them), with the affiliation they gave on the
  item (the record's: the item's own for them, else their entry's) as the
  `institution_name` of their `affiliations`, in the item's language as their name
  (the other language's in a gap); the volume's editors are the conference's
  `editor`s. An item whose sources name no one has no contributors
  (the exports cite it under the publisher, a citation convention, not a
  statement of authorship to register).
- **Dates.** An item's `publication_date` is its record's date (the day of its
  session, as in every export); the volume's is the conference's first day. The
  model has no later publication date.
- **No ISBN**: the model records none, so the volume is `noisbn
  reason="simple_series"`.
- `publication_type` is `full_text` when the item has a PDF, else `abstract_only`.
- **Items without a DOI** are left out of the batch, with a warning
  (`deposit_problems`): a deposit registers DOIs, it cannot make one. So are items
  whose paper.yaml states a DOI under another prefix than `doi_prefix`: their
  registrant deposits them, and Crossref would refuse them from this one.
- **Retractions.** A DOI is forever: a retracted or withdrawn item stays in the
  batch with its DOI and its landing page (which shows the notice), and the first
  paragraph of each of its abstracts is the record's note: «Retracted on
  2025-02-01: …», then any errata. A Crossmark `update` would need the publisher's
  Crossmark policy DOI, which the model does not record.

The depositor's name and e-mail are given by whoever runs the deposit and are
written only into this file, never into the site.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from waqai.data.dois import item_doi, volume_doi
from waqai.data.model import LANGS, Conference, Lang, Paper, Person, Proceedings, Text
from waqai.data.problems import Problem, Severity
from waqai.exports.common import one_line
from waqai.exports.keys import citation_keys
from waqai.exports.record import Record, paper_record, person_names
from waqai.text.labels import LABELS
from waqai.urls import base_url

VERSION = "5.4.0"
NS = f"http://www.crossref.org/schema/{VERSION}"
JATS = "http://www.ncbi.nlm.nih.gov/JATS1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{NS} https://www.crossref.org/schemas/crossref{VERSION}.xsd"
NAME_MAX = 60  # characters in a given_name or surname
BATCH_ID_MAX = 100

# Crossref's namespace as the default one (ElementTree's `default_namespace` option
# refuses the schema's unqualified attributes); only this module writes it.
ET.register_namespace("", NS)
ET.register_namespace("jats", JATS)
ET.register_namespace("xsi", XSI)

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Depositor:
    """Who sends the deposit (Crossref writes to this address about it)."""

    name: str
    email: str


def deposit_file_name(conf: Conference) -> str:
    """`crossref-<short_name>.xml`, any character unsafe in a file name made a hyphen."""
    return f"crossref-{_UNSAFE_IN_NAME.sub('-', conf.short_name).strip('-.') or 'volume'}.xml"


def registrant_prefix(proc: Proceedings) -> str | None:
    """The prefix this volume's registrant deposits under (conference.yaml's `doi_prefix`)."""
    return proc.conference.doi_prefix


def _ours(doi: str, prefix: str | None) -> bool:
    """Whether a deposit under `prefix` may register `doi` (any, when no prefix is known).
    DOIs are case-insensitive."""
    return prefix is None or doi.lower().startswith(prefix.lower() + "/")


def deposited(proc: Proceedings) -> tuple[tuple[Paper, str], ...]:
    """The items the deposit registers, with their DOIs, in programme order: those with a
    DOI under the registrant's prefix. An item whose paper.yaml states a DOI under another
    prefix was registered by someone else (Crossref refuses it from this depositor)."""
    prefix = registrant_prefix(proc)
    return tuple((paper, doi) for paper in proc.papers
                 if (doi := item_doi(proc, paper)) and _ours(doi, prefix))


def deposit_problems(proc: Proceedings, data_dir: str = "papers") -> list[Problem]:
    """What keeps the volume, or part of it, out of a valid deposit.

    Items without a DOI are warnings (they are left out); a name Crossref refuses,
    or a volume with no DOI at all, is an error.
    """
    problems = [
        Problem(f"{data_dir}/{paper.id}/paper.yaml", "doi",
                "has no DOI, so the Crossref deposit leaves this item out.",
                'Write its DOI as `doi: "10.…/…"`, or give conference.yaml a DOI prefix.',
                severity=Severity.WARNING)
        for paper in proc.papers if not item_doi(proc, paper)]
    prefix = registrant_prefix(proc)
    problems += [
        Problem(f"{data_dir}/{paper.id}/paper.yaml", "doi",
                f"has the DOI {doi}, not under the volume's prefix {prefix}: its registrant "
                "deposits it, so this deposit leaves the item out.",
                "Nothing to do if the item was registered elsewhere; otherwise remove `doi:` "
                f"and let the prefix {prefix} give it one.", severity=Severity.WARNING)
        for paper in proc.papers
        if (doi := item_doi(proc, paper)) and not _ours(doi, prefix)]
    items = deposited(proc)
    if not items:
        problems.append(Problem(
            f"{data_dir}/conference.yaml", "", "no item has a DOI: there is nothing to deposit.",
            "Give the items DOIs (a `doi:` in each paper.yaml), then run the deposit again."))
    # Each person's name in the script of the items they are deposited with.
    scripts = {(pid, paper.lang) for paper, _ in items for pid in paper.people}
    problems += [problem for person in proc.people for lang in LANGS
                 if (person.id, lang) in scripts
                 for problem in _name_problems(person, lang, data_dir)]
    return problems


def _in_arabic(person: Person, lang: Lang) -> bool:
    """Whether the name deposited for `lang` is Arabic: Arabic is wanted and the person has
    it, or Latin is wanted and the person has none (`record.person_names`)."""
    return person.name_ar is not None if lang == "ar" else person.name_en is None


def _name_problems(person: Person, lang: Lang, data_dir: str) -> list[Problem]:
    name = person_names(person)[0 if lang == "ar" else 1]
    in_arabic = _in_arabic(person, lang)
    parts = {"given": name.given, "family": name.family}
    return [
        Problem(f"{data_dir}/people.yaml",
                f"{person.id}.{'name' if in_arabic else 'latin[0]'}",
                f"Crossref refuses the {part} name «{value}»: a name part may have at most "
                f"{NAME_MAX} characters and no digits.",
                f"Shorten the {part} name (with its nasab, if any) or remove its digits.")
        for part, value in parts.items()
        if len(value) > NAME_MAX or any(ch.isdigit() for ch in value)]


def crossref_xml(proc: Proceedings, depositor: Depositor, timestamp: int) -> bytes:
    """The `doi_batch` of the volume's items with a DOI, as UTF-8 XML.

    `timestamp` is Crossref's version of the deposit: an integer that must grow
    from one deposit of a DOI to the next (e.g. 20261125143000 for its UTC time).
    """
    conf = proc.conference
    batch = ET.Element(f"{{{NS}}}doi_batch", {"version": VERSION,
                                          f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    head = _sub(batch, "head")
    _sub(head, "doi_batch_id", f"{one_line(conf.short_name)}-{timestamp}"[:BATCH_ID_MAX])
    _sub(head, "timestamp", str(timestamp))
    who = _sub(head, "depositor")
    _sub(who, "depositor_name", one_line(depositor.name))
    _sub(who, "email_address", one_line(depositor.email))
    # The registrant is read by Crossref's staff; the publisher's English name.
    _sub(head, "registrant", one_line(conf.publisher.shown("en").text))
    conference = _sub(_sub(batch, "body"), "conference")
    if conf.editors:
        _contributors(conference, "editor", tuple(proc.person(pid) for pid in conf.editors),
                      conf.lang)
    _event_metadata(conference, proc)
    _proceedings_metadata(conference, proc)
    keys = citation_keys(proc)
    for paper, doi in deposited(proc):
        _conference_paper(conference, proc, paper, doi,
                          paper_record(proc, paper, keys[paper.id]))
    ET.indent(batch)
    xml: bytes = ET.tostring(batch, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def _event_metadata(parent: ET.Element, proc: Proceedings) -> None:
    conf = proc.conference
    event = _sub(parent, "event_metadata")
    _sub(event, "conference_name", one_line(conf.title.shown(conf.lang).text))
    _sub(event, "conference_acronym", one_line(conf.short_name))
    _sub(event, "conference_location", LABELS["comma"].get(conf.lang).join(
        one_line(text.shown(conf.lang).text) for text in (conf.city, conf.country)))
    _sub(event, "conference_date", None, {
        "start_day": f"{conf.start.day:02d}", "start_month": f"{conf.start.month:02d}",
        "start_year": str(conf.start.year), "end_day": f"{conf.end.day:02d}",
        "end_month": f"{conf.end.month:02d}", "end_year": str(conf.end.year)})


def _proceedings_metadata(parent: ET.Element, proc: Proceedings) -> None:
    conf = proc.conference
    volume = _sub(parent, "proceedings_metadata", None, {"language": conf.lang})
    _sub(volume, "proceedings_title", one_line(conf.title.shown(conf.lang).text))
    _sub(_sub(volume, "publisher"), "publisher_name",
         one_line(conf.publisher.shown(conf.lang).text))
    _date(volume, conf.start)
    _sub(volume, "noisbn", None, {"reason": "simple_series"})
    doi = volume_doi(conf)
    if doi:  # optional in 5.4.0
        _doi_data(volume, doi, base_url(conf))


def _conference_paper(parent: ET.Element, proc: Proceedings, paper: Paper, doi: str,
                      record: Record) -> None:
    cite = record.form("original")
    item = _sub(parent, "conference_paper", None, {
        "publication_type": "full_text" if paper.pdf else "abstract_only",
        "language": cite.item_lang})
    if paper.people:  # else the record's corporate author: not an authorship to register
        _contributors(item, "author", proc.people_of(paper), cite.text_language,
                      record.affiliations)
    _sub(_sub(item, "titles"), "title", cite.title)
    for lang in LANGS:
        # The item's standing first (a retraction's notice, errata), then its abstract.
        paragraphs = [text for text in (_clean(record.note.get(lang)),
                                        _clean(record.abstract.get(lang))) if text]
        if paragraphs:
            box = _sub(item, "abstract", None, {XML_LANG: lang}, namespace=JATS)
            for text in paragraphs:
                _sub(box, "p", text, namespace=JATS)
    _date(item, cite.date)
    if cite.first_page:
        pages = _sub(item, "pages")
        _sub(pages, "first_page", cite.first_page)
        if cite.last_page:
            _sub(pages, "last_page", cite.last_page)
    # A `crossmark` (before `doi_data`) whose `updates/update type="retraction"` names a
    # retraction notice's DOI would say more, but needs the publisher's Crossmark
    # policy DOI (`crossmark_policy`), which the model does not record.
    _doi_data(item, doi, cite.url)


def _contributors(parent: ET.Element, role: str, people: tuple[Person, ...], lang: Lang,
                  affiliations: tuple[Text | None, ...] = ()) -> None:
    """`person_name`s as the record's form in `lang` has them: in Arabic, given = ism and
    nasab; in English, the preferred romanised spelling; the other script's, in its
    language, for a person whose name in `lang`'s script is a gap. Each person's
    affiliation of `affiliations` (in their order; none given: none) in `lang`, the
    other language's where that is a gap, as their names."""
    box = _sub(parent, "contributors")
    for index, (person, affiliation) in enumerate(zip(
            people, affiliations or (None,) * len(people), strict=True)):
        name = person_names(person)[0 if lang == "ar" else 1]
        in_arabic = _in_arabic(person, lang)
        entry = _sub(box, "person_name", None, {
            "sequence": "first" if index == 0 else "additional", "contributor_role": role,
            "language": "ar" if in_arabic else "en"})
        if name.given:
            _sub(entry, "given_name", name.given)
        _sub(entry, "surname", name.family)
        if affiliation:  # after the name, before the ORCID (the schema's order)
            institution = _sub(_sub(entry, "affiliations"), "institution")
            _sub(institution, "institution_name", affiliation.shown(lang).text)
        if person.orcid:
            _sub(entry, "ORCID", f"https://orcid.org/{person.orcid}")


def _date(parent: ET.Element, day: dt.date) -> None:
    date = _sub(parent, "publication_date", None, {"media_type": "online"})
    _sub(date, "month", f"{day.month:02d}")
    _sub(date, "day", f"{day.day:02d}")
    _sub(date, "year", str(day.year))


def _doi_data(parent: ET.Element, doi: str, url: str) -> None:
    data = _sub(parent, "doi_data")
    _sub(data, "doi", doi)
    _sub(data, "resource", url)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None,
         attrib: dict[str, str] | None = None, *, namespace: str = NS) -> ET.Element:
    element = ET.SubElement(parent, f"{{{namespace}}}{tag}", attrib or {})
    if text is not None:
        element.text = _clean(text)
    return element
