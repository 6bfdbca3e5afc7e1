"""Metadata for the <head>: Google Scholar tags of a paper page, Schema.org JSON-LD
(a paper's `ScholarlyArticle`, a person's `ProfilePage`, the home page's `Event`).

Returns plain data; `overrides/partials/waqai/head.html` writes the tags (and
Jinja's `tojson` escapes the JSON-LD so a title cannot close the script). The
OpenGraph tags of every page are `share.py`'s. Also makes the `hreflang`
alternates absolute, as search engines require.

Names, the same way on both language pages:

- `citation_author` is "Family, Given": Scholar's guidelines accept "Last, First", and
  the comma marks where the family name ends, which no harvester can guess for an
  Arabic name. The family name keeps its article as it is written («الجليفي»,
  "Al-Julaifi"): it is the name a person is filed under. The nasab («بن راشد»,
  "bin Rashid") goes with the given name, as in every export. The comma is the ASCII
  one the guidelines show, not the Arabic «،». Arabic pages give the Arabic name,
  English pages the preferred romanisation.
- JSON-LD `Person`: `name` is the full name without honorific, `givenName` and
  `familyName` its parts (split as above), and the honorific («د.») is
  `honorificPrefix`, never part of `name`. English pages give the English
  counterpart of the honorific where English has one (`labels.HONORIFICS_EN`).

Affiliations: each person's on the item (`record.author_affiliations`: the one the item
gives them, else their own), as `citation_author_institution` right after that person's
`citation_author` (Scholar reads each institution as the author's before it), and as the
`affiliation` of their JSON-LD `Person`; nothing for a person without one.

Nodes are tied together by `@id`s that are the same on both language pages (`node_id`):
the item is one work (`#work` on its page in its own language), each person one person
(`#person` on their page in the default language, with `url` their page in the page's
language), the volume one `Book` (`#volume`) and the conference one `Event` (`#event`),
both on the home page in the default language; the publisher is `#publisher` there.

Signposting (signposting.org, FAIR Signposting level 1, as `<link>`s in a paper page's
head, since a static host sends no `Link` headers): `cite-as` the DOI's address, else
its version of record (the page where it was first published), else the item's page in its
own language; `describedby` each of its citation files with its
media type; `item` the PDF; `author` each ORCID; `type` ScholarlyArticle and AboutPage.

A text or name that is a translation gap in the page's language is the other
language's, and says so: a `lang` on its Scholar tag (`langs` beside the values),
and a JSON-LD value object, `{"@value": "…", "@language": "ar"}`, in place of a
string.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from waqai.data.dois import doi_url, item_doi, volume_doi
from waqai.data.model import (
    DEFAULT_LANG,
    AttachmentKind,
    Conference,
    Lang,
    Paper,
    Person,
    Proceedings,
    Shown,
    Text,
    lang_root,
)
from waqai.exports.common import page_range
from waqai.exports.files import FORMATS, MEDIA_TYPES, paper_files
from waqai.exports.record import FORMS, author_affiliations, person_names
from waqai.text.labels import HONORIFICS_EN
from waqai.text.plain import plain_text
from waqai.urls import base_url, paper_url, person_url

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


Ld = str | dict[str, str]  # a JSON-LD string, or a value object naming its language


def ld_text(text: Shown, lang: Lang) -> Ld:
    """A string of a page in `lang`'s JSON-LD; in the other language (in place of a
    translation gap), a value object that says which."""
    return text.text if text.lang == lang else {"@value": text.text, "@language": text.lang}


def ld(text: Text, lang: Lang) -> Ld:
    """`text` as a page in `lang` shows it, for its JSON-LD (`ld_text`)."""
    return ld_text(text.shown(lang), lang)


def foreign(text: Shown, lang: Lang) -> str:
    """The `lang` of a Scholar tag of a page in `lang`: "" for its own language."""
    return "" if text.lang == lang else text.lang


def name_parts(person: Person, lang: Lang) -> tuple[str, str, str]:
    """(given, family, honorific) of a person in `lang`, split as the exports split it
    (`exports/record.py`: the nasab is part of `given`); in the other script where the
    person's name in this one is a gap."""
    original, romanised = person_names(person)
    if lang == "ar":
        return original.given, original.family, original.honorific
    arabic_honorific = person.name_ar.honorific if person.name_ar else ""
    return romanised.given, romanised.family, HONORIFICS_EN.get(arabic_honorific, "")


def scholar_name(person: Person, lang: Lang) -> str:
    """A `citation_author` value: "Family, Given" (the given name alone when there is no
    family name)."""
    given, family, _ = name_parts(person, lang)
    return f"{family}, {given}" if family and given else family or given


def person_ld(person: Person, lang: Lang) -> dict[str, Any]:
    """A Schema.org `Person`, with the honorific apart from the name."""
    given, family, honorific = name_parts(person, lang)
    script = person.name.shown(lang).lang  # the page's, unless its script is a gap

    def value(text: str) -> Ld:
        return ld_text(Shown(text, script), lang)

    data: dict[str, Any] = {"@type": "Person",
                            "name": value(" ".join(p for p in (given, family) if p))}
    if given:
        data["givenName"] = value(given)
    if family:
        data["familyName"] = value(family)
    if honorific:
        data["honorificPrefix"] = honorific
    if person.orcid:
        data["sameAs"] = f"https://orcid.org/{person.orcid}"
    return data


def node_id(proc: Proceedings, url: str, name: str, lang: Lang = DEFAULT_LANG) -> str:
    """The `@id` of a JSON-LD node described on the page at `url` (as in `PageSpec.url`)
    in `lang`: that page's address with `#name`, the same on every page that names it."""
    return f"{absolute_url(proc, lang, url)}#{name}"


def work_id(proc: Proceedings, paper: Paper) -> str:
    """The item's `@id`: one work on both language pages, named after its page in its
    own language."""
    return node_id(proc, paper_url(paper), "work", paper.lang)


def person_node(proc: Proceedings, person: Person, lang: Lang) -> dict[str, Any]:
    """`person_ld` with the person's `@id` and the address of their page in `lang`."""
    return {"@id": node_id(proc, person_url(person), "person"),
            **person_ld(person, lang), "url": absolute_url(proc, lang, person_url(person))}


def organization_ld(name: Text, lang: Lang) -> dict[str, Any]:
    """A Schema.org `Organization` of that name."""
    return {"@type": "Organization", "name": ld(name, lang)}


def publisher_ld(proc: Proceedings, lang: Lang) -> dict[str, Any]:
    return {"@id": node_id(proc, "", "publisher"),
            **organization_ld(proc.conference.publisher, lang)}


def affiliation_ld(affiliation: Text | None, lang: Lang) -> dict[str, Any]:
    """A `Person`'s `affiliation`, an `Organization`; nothing when there is none."""
    return {"affiliation": organization_ld(affiliation, lang)} if affiliation else {}


def absolute_url(proc: Proceedings, lang: Lang, url: str) -> str:
    """The address under `site_url` of a generated page (`url` as in `PageSpec.url`)."""
    return f"{base_url(proc.conference)}{lang_root(lang)}{url}"


def doi_ld(doi: str | None) -> dict[str, Any]:
    """A DOI as Schema.org gives it: an `identifier` that names its scheme (a bare URL
    names none), and `sameAs` its resolver address. Nothing when there is no DOI."""
    if not doi:
        return {}
    return {"identifier": {"@type": "PropertyValue", "propertyID": "DOI", "value": doi},
            "sameAs": doi_url(doi)}


def volume_ld(proc: Proceedings, lang: Lang) -> dict[str, Any]:
    """The proceedings volume as a Schema.org `Book`."""
    conf = proc.conference
    return {"@id": node_id(proc, "", "volume"), "@type": "Book", "name": ld(conf.title, lang),
            "url": conf.site_url, "publisher": publisher_ld(proc, lang),
            **doi_ld(volume_doi(conf))}


def event_ld(proc: Proceedings, lang: Lang) -> dict[str, Any]:
    """The conference as a Schema.org `Event`."""
    conf = proc.conference
    return {
        "@id": node_id(proc, "", "event"),
        "@type": "Event",
        "name": ld(conf.title, lang),
        "startDate": conf.start.isoformat(),
        "endDate": conf.end.isoformat(),
        "location": {"@type": "Place", "name": ld(conf.venue, lang),
                     "address": place_address(conf, lang)},
        "organizer": [organization_ld(o.name, lang) for o in conf.organisers],
    }


def place_address(conf: Conference, lang: Lang) -> str:
    """"City, Country", with the Arabic comma «،» between two Arabic names."""
    city, country = conf.city.shown(lang), conf.country.shown(lang)
    comma = "، " if city.lang == country.lang == "ar" else ", "
    return f"{city.text}{comma}{country.text}"


def home_ld(proc: Proceedings, lang: Lang, page_url: str) -> dict[str, Any]:
    """The home page's JSON-LD: the event the proceedings record."""
    return {"@context": "https://schema.org", **event_ld(proc, lang), "url": page_url,
            "inLanguage": lang}


def person_page_ld(person: Person, lang: Lang, page_url: str,
                   person_id: str = "") -> dict[str, Any]:
    """A person's page as a Schema.org `ProfilePage` about that `Person` (whose `@id` is
    `person_id`, as the items' pages name them, `node_id`)."""
    about = ({"@id": person_id} if person_id else {}) | person_ld(person, lang) | {
        "url": page_url}
    if person.position:
        about["jobTitle"] = ld(person.position, lang)
    about |= affiliation_ld(person.affiliation, lang)
    return {"@context": "https://schema.org", "@type": "ProfilePage", "url": page_url,
            "inLanguage": lang, "mainEntity": about}


def attachments_ld(paper: Paper, lang: Lang, page_url: str) -> dict[str, Any]:
    """Slides, a poster and a video as `associatedMedia`; code and a dataset as what the
    item `isBasedOn` (Schema.org's SoftwareSourceCode and Dataset)."""
    media: list[dict[str, Any]] = []
    based_on: list[dict[str, Any]] = []
    for a in paper.attachments:
        name = ld(a.label, lang)
        if a.file:  # slides, poster: beside the page
            media.append({"@type": "MediaObject", "name": name, "encodingFormat":
                          "application/pdf", "contentUrl": urljoin(page_url, a.file)})
        elif a.kind is AttachmentKind.VIDEO:
            media.append({"@type": "VideoObject", "name": name, "url": a.url})
        elif a.kind is AttachmentKind.CODE:
            based_on.append({"@type": "SoftwareSourceCode", "name": name,
                             "codeRepository": a.url})
        else:
            based_on.append({"@type": "Dataset", "name": name, "url": a.url})
    return {key: value for key, value in (("associatedMedia", media),
                                           ("isBasedOn", based_on)) if value}


def standing_ld(paper: Paper, lang: Lang) -> dict[str, Any]:
    """A retracted or withdrawn item's `creativeWorkStatus` (with its notice), and each
    erratum as a `correction` (Schema.org's CorrectionComment)."""
    out: dict[str, Any] = {}
    if not paper.in_volume:
        out["creativeWorkStatus"] = paper.status.value.capitalize()
    notices = (paper.notice,) if paper.notice and not paper.in_volume else ()
    corrections = [{"@type": "CorrectionComment", "datePublished": note.date.isoformat(),
                    "text": ld(note.text, lang)} for note in notices + paper.errata]
    if corrections:
        out["correction"] = corrections
    return out


def signposting(proc: Proceedings, paper: Paper, key: str, pdf_url: str) -> list[dict[str, str]]:
    """The item's signposting links (rel, href, type), the same on both language pages."""
    doi = item_doi(proc.conference, paper)
    base = base_url(proc.conference)
    # The persistent address first: the DOI's, else the page where it was first published.
    cite_as = (doi_url(doi) if doi else paper.version_of_record
               or absolute_url(proc, paper.lang, paper_url(paper)))
    links = [{"rel": "cite-as", "href": cite_as}]
    links += [{"rel": "describedby", "href": f"{base}{paper_files(paper, key, form)[fmt]}",
               "type": MEDIA_TYPES[fmt]} for form in FORMS for fmt in FORMATS]
    if pdf_url:
        links.append({"rel": "item", "href": pdf_url, "type": "application/pdf"})
    links += [{"rel": "author", "href": f"https://orcid.org/{person.orcid}"}
              for person in proc.people_of(paper) if person.orcid]
    links += [{"rel": "type", "href": f"https://schema.org/{kind}"}
              for kind in ("ScholarlyArticle", "AboutPage")]
    return links


def paper_head(proc: Proceedings, paper: Paper, lang: Lang, page_url: str,
               pdf_url: str = "", key: str = "") -> dict[str, Any]:
    """The head of the item's page in `lang`: its Scholar tags, its JSON-LD, and (given its
    citation `key`) its signposting links."""
    conf = proc.conference
    people = proc.people_of(paper)
    # What each of them gave as their affiliation on this item, as the record has it.
    affiliations = author_affiliations(proc, paper)
    institutions = [a.shown(lang) if a else Shown("", lang) for a in affiliations]
    # The day of the item's session: the date every export gives it (exports/record.py).
    date = proc.session(paper.session).day
    title = paper.title.shown(lang)
    keywords, keywords_lang = paper.keywords_shown(lang)
    json_ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": work_id(proc, paper),
        "url": page_url,
        "mainEntityOfPage": page_url,
        "headline": ld_text(title, lang),
        "name": ld_text(title, lang),
        "inLanguage": paper.language,  # the item's, the same on both pages (not the page's)
        "author": [person_node(proc, p, lang) | affiliation_ld(a, lang)
                   for p, a in zip(people, affiliations, strict=True)]
        or [publisher_ld(proc, lang)],  # cited under the publisher (`corporate_author`)
        "datePublished": date.isoformat(),
        "keywords": [ld_text(Shown(word, keywords_lang), lang) for word in keywords],
        # The proceedings volume the item belongs to, and the event it was presented at.
        "isPartOf": volume_ld(proc, lang),
        "recordedAt": event_ld(proc, lang),
    }
    shown_abstract = paper.abstract.shown(lang)
    abstract = plain_text(shown_abstract.text).strip()  # as the exports give it
    if abstract:
        json_ld["abstract"] = ld_text(Shown(abstract, shown_abstract.lang), lang)
    doi = item_doi(conf, paper)
    json_ld |= doi_ld(doi)
    if paper.version_of_record:  # the same work, where it was first published
        same_as: list[str] = [doi_url(doi)] if doi else []
        same_as.append(paper.version_of_record)
        json_ld["sameAs"] = same_as if len(same_as) > 1 else same_as[0]
    if paper.pages:
        json_ld["pagination"] = paper.pages
    json_ld |= standing_ld(paper, lang)
    json_ld |= attachments_ld(paper, lang, page_url)
    # The exports' reading of a page range (any dash, spaces around it); a single page or
    # a page that is not a range is both the first and the last.
    pages = paper.pages or ""
    first_page, last_page = page_range(pages) or (pages.strip(), pages.strip())
    # Google Scholar indexes an item only with at least one person as its author; an item
    # whose sources name no one (a panel) gets no `citation_*` record rather than one that
    # names its publisher as a person would be named. Its exports and JSON-LD name the
    # publisher as an organisation.
    conference, publisher = conf.title.shown(lang), conf.publisher.shown(lang)
    return {
        "citation": {} if not people else {
            "title": title.text,
            "authors": [scholar_name(p, lang) for p in people],
            # Each author's `citation_author_institution` ("" for none), in their order.
            "institutions": [institution.text for institution in institutions],
            "publication_date": date.strftime("%Y/%m/%d"),
            "conference_title": conference.text,
            "language": paper.language,  # the item's, as every export says
            "publisher": publisher.text,
            "pdf_url": pdf_url,
            "keywords": "; ".join(keywords),
            "doi": doi or "",
            "firstpage": first_page,
            "lastpage": last_page,
            "abstract_html_url": page_url,
            # The language of each value in the other one (a translation gap), for its tag.
            "langs": {"title": foreign(title, lang), "conference_title": foreign(conference, lang),
                      "publisher": foreign(publisher, lang),
                      "keywords": foreign(Shown("", keywords_lang), lang),
                      "authors": [foreign(p.name.shown(lang), lang) for p in people],
                      "institutions": [foreign(i, lang) for i in institutions]},
        },
        "json_ld": json_ld,
        "links": signposting(proc, paper, key, pdf_url) if key else [],
    }


def join_url(base: str, href: str) -> str:
    """`urljoin(base, href)`, with urljoin's own steps for a relative path (two per page:
    its general parsing was a tenth of a second per 1,000 papers); any other `href`,
    or a `base` with a query or fragment, goes to urljoin itself."""
    scheme, sep, rest = base.partition("://")
    if not href or not sep or any(c in href for c in ":?#") or href.startswith("/") \
            or any(c in rest for c in "?#"):
        return urljoin(base, href)
    host, _, path = rest.partition("/")
    base_parts = ("/" + path).split("/")
    if base_parts[-1] != "":
        del base_parts[-1]
    segments = base_parts + href.split("/")
    segments[1:-1] = filter(None, segments[1:-1])
    resolved: list[str] = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment != ".":
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")
    joined = "/".join(resolved) or "/"
    return f"{scheme}://{host}{joined if joined.startswith('/') else '/' + joined}"


def absolute_alternates(output: str, canonical_url: str | None) -> str:
    """Make `<link rel="alternate" hreflang>` absolute; add `x-default` (the default language)."""
    if not canonical_url:
        return output
    default_href = None

    def absolute(match: re.Match) -> str:
        nonlocal default_href
        href = join_url(canonical_url, match.group(1))
        if match.group(2) == DEFAULT_LANG:
            default_href = href
        return f'<link rel="alternate" href="{href}" hreflang="{match.group(2)}">'

    end = output.find("</head>")  # the links are in the head: the body is not searched
    head, body = (output[:end], output[end:]) if end >= 0 else (output, "")
    head = ALTERNATE.sub(absolute, head)
    if default_href and 'hreflang="x-default"' not in head:
        marker = f'hreflang="{DEFAULT_LANG}">'
        at = head.find(marker) + len(marker)
        head = f'{head[:at]}\n    <link rel="alternate" href="{default_href}" ' \
               f'hreflang="x-default">{head[at:]}'
    return head + body
