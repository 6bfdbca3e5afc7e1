"""Metadata for a paper page's <head>: Google Scholar tags, JSON-LD, OpenGraph.

Returns plain data; `overrides/partials/waqai/head.html` writes the tags (and
Jinja's `tojson` escapes the JSON-LD so a title cannot close the script).
Also makes the `hreflang` alternates absolute, as search engines require.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from waqai.data.model import DEFAULT_LANG, Lang, Paper, Proceedings

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def paper_head(proc: Proceedings, paper: Paper, lang: Lang, page_url: str,
               pdf_url: str = "") -> dict[str, Any]:
    conf = proc.conference
    people = proc.people_of(paper)
    # Scholar wants "Family, Given"; Arabic names are given in their own order.
    if lang == "ar":
        authors = [p.name_ar.full for p in people]
    else:
        authors = [f"{p.name_en.family}, {p.name_en.given}" if p.name_en.family else p.name_en.given
                   for p in people]
    date = conf.start
    event = {
        "@type": "Event",
        "name": conf.title.get(lang),
        "startDate": conf.start.isoformat(),
        "endDate": conf.end.isoformat(),
        "location": {"@type": "Place", "name": conf.venue.get(lang),
                     "address": f"{conf.city.get(lang)}, {conf.country.get(lang)}"},
        "organizer": [{"@type": "Organization", "name": o.name.get(lang)} for o in conf.organisers],
    }
    json_ld = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": page_url,
        "url": page_url,
        "headline": paper.title.get(lang),
        "name": paper.title.get(lang),
        "inLanguage": lang,
        "author": [{"@type": "Person", "name": p.display_name(lang).strip(),
                    **({"sameAs": f"https://orcid.org/{p.orcid}"} if p.orcid else {})}
                   for p in people],
        "datePublished": date.isoformat(),
        "keywords": list(paper.keywords_in(lang)),
        # The proceedings volume the item belongs to, and the event it was presented at.
        "isPartOf": {"@type": "Book", "name": conf.title.get(lang), "url": conf.site_url,
                     "publisher": {"@type": "Organization", "name": conf.publisher.get(lang)}},
        "recordedAt": event,
    }
    if paper.doi:
        json_ld["identifier"] = f"https://doi.org/{paper.doi}"
    return {
        "citation": {
            "title": paper.title.get(lang),
            "authors": authors,
            "publication_date": date.strftime("%Y/%m/%d"),
            "conference_title": conf.title.get(lang),
            "language": lang,
            "publisher": conf.publisher.get(lang),
            "pdf_url": pdf_url,
            "keywords": "; ".join(paper.keywords_in(lang)),
            "doi": paper.doi or "",
            "firstpage": (paper.pages or "").replace("–", "-").split("-")[0],
            "lastpage": (paper.pages or "").replace("–", "-").split("-")[-1],
            "abstract_html_url": page_url,
        },
        "og": {
            "type": "article",
            "title": paper.title.get(lang),
            "url": page_url,
            "locale": "ar_SA" if lang == "ar" else "en_GB",
            "locale_alternate": "en_GB" if lang == "ar" else "ar_SA",
            "site_name": conf.title.get(lang),
            "description": first_sentence(paper.abstract.get(lang)),
        },
        "json_ld": json_ld,
    }


def first_sentence(markdown_text: str, limit: int = 200) -> str:
    """A plain, short description for OpenGraph, from the abstract's first paragraph."""
    paragraph = markdown_text.strip().split("\n\n")[0]
    plain = re.sub(r"[*_`#>\[\]()]|<[^>]*>", "", " ".join(paragraph.split()))
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"


def absolute_alternates(output: str, canonical_url: str | None) -> str:
    """Make `<link rel="alternate" hreflang>` absolute; add `x-default` (the default language)."""
    if not canonical_url:
        return output
    default_href = None

    def absolute(match: re.Match) -> str:
        nonlocal default_href
        href = urljoin(canonical_url, match.group(1))
        if match.group(2) == DEFAULT_LANG:
            default_href = href
        return f'<link rel="alternate" href="{href}" hreflang="{match.group(2)}">'

    output = ALTERNATE.sub(absolute, output)
    if default_href and 'hreflang="x-default"' not in output:
        marker = f'hreflang="{DEFAULT_LANG}">'
        at = output.find(marker) + len(marker)
        output = f'{output[:at]}\n    <link rel="alternate" href="{default_href}" ' \
                 f'hreflang="x-default">{output[at:]}'
    return output
