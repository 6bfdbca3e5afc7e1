"""The speaker index and a page per person.

Within the bound of one page (`bounds.people`) the index is one page of letter headings
(kind `people`); past it, `people/` lists the letters (`letters`) and each letter has
pages of its own (`letter`; which people each holds: letters.py). The index's views are
made from a `PeoplePlan` alone, so an archive's index (pages/archivepeople.py) is these
same pages of the archive's people.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from waqai.data.model import LANGS, Lang, Person, Text, lang_root
from waqai.site.head import absolute_url, node_id, person_page_ld
from waqai.site.pages import (
    PERSON_ID,
    BuildData,
    Context,
    Links,
    PageKind,
    PageSpec,
    PeoplePlan,
    SitePlan,
)
from waqai.site.pages.common import paper_brief, person_brief, session_brief, shown
from waqai.site.pages.letters import (
    Letter,
    LetterPage,
    by_letter,
    filed_letters,
    letter_pages,
)
from waqai.text.labels import LABELS, role_label
from waqai.urls import PEOPLE_URL, letter_url, person_url

INDEX_STEM = PEOPLE_URL + "index"


# The view of an index page made from its plan alone (a volume's or an archive's).
PlanView = Callable[[PeoplePlan, PageSpec, Lang, Links], Context]


def from_plan(view: PlanView) -> Callable[[BuildData, PageSpec, Lang, Links], Context]:
    """A volume's page context that is `view` of the build's plan."""
    return lambda data, spec, lang, links: view(data.plan, spec, lang, links)


def index_specs(plan: PeoplePlan) -> Iterable[PageSpec]:
    if not by_letter(plan):
        yield PageSpec(stem=INDEX_STEM, kind="people", title=LABELS["speakers"])


def index_view(plan: PeoplePlan, spec: PageSpec, lang: Lang, links: Links) -> Context:
    return {"groups": [{"letter": letter.heading,
                        "people": [person_brief(p, lang, links) for p in letter.people]}
                       for letter in filed_letters(plan, lang)]}


def letters_specs(plan: PeoplePlan) -> Iterable[PageSpec]:
    if by_letter(plan):
        yield PageSpec(stem=INDEX_STEM, kind="letters", title=LABELS["speakers"])


def letters_view(plan: PeoplePlan, spec: PageSpec, lang: Lang, links: Links) -> Context:
    return {"letters": [{"heading": letter.heading, "slug": letter.slug,
                         "count": len(letter.people),
                         "url": links.page(letter_url(letter.slug))}
                        for letter in filed_letters(plan, lang)]}


def letter_specs(plan: PeoplePlan) -> Iterable[PageSpec]:
    """A spec per letter page URL, in the languages that have it (letters.py)."""
    pages = {lang: letter_pages(plan, lang) for lang in LANGS}
    for url in dict.fromkeys(url for lang in LANGS for url in pages[lang]):
        langs = tuple(lang for lang in LANGS if url in pages[lang])
        page = pages[langs[0]][url]
        missing = [lang for lang in LANGS if lang not in langs]
        elsewhere = ""
        if missing:  # the same letter's first page in the other index, else the index
            first = letter_url(page.letter.slug)
            elsewhere = first if first in pages[missing[0]] else PEOPLE_URL
        title = Text(*(_letter_title(pages[lang].get(url, page), lang) for lang in LANGS))
        yield PageSpec(stem=url.rstrip("/"), kind="letter", title=title,
                       key=page.letter.slug, part=page.part, langs=langs, elsewhere=elsewhere)


def _letter_title(page: LetterPage, lang: Lang) -> str:
    title = LABELS["speakers_under"].get(lang).format(letter=page.letter.heading)
    if page.parts == 1:
        return title
    return LABELS["page_of"].get(lang).format(title=title, part=page.part, parts=page.parts)


def letter_view(plan: PeoplePlan, spec: PageSpec, lang: Lang, links: Links) -> Context:
    pages = letter_pages(plan, lang)
    page = pages[spec.url]
    letters = filed_letters(plan, lang)
    at = [letter.slug for letter in letters].index(page.letter.slug)
    return {
        "letter": page.letter.heading,
        "people": [person_brief(p, lang, links) for p in page.people],
        "parts": [_part_view(pages[letter_url(page.letter.slug, number)], page, lang, links)
                  for number in range(1, page.parts + 1)] if page.parts > 1 else [],
        "previous": _letter_link(letters[at - 1], links) if at > 0 else None,
        "next": _letter_link(letters[at + 1], links) if at + 1 < len(letters) else None,
        "index_url": links.page(PEOPLE_URL),
    }


def _part_view(part: LetterPage, current: LetterPage, lang: Lang, links: Links) -> Context:
    """One of a letter's numbered pages, named by its first and last person."""
    return {"number": part.part, "url": links.page(part.url), "current": part.part == current.part,
            "first": shown(part.people[0].name, lang), "last": shown(part.people[-1].name, lang)}


def _letter_link(letter: Letter, links: Links) -> Context:
    return {"heading": letter.heading, "url": links.page(letter_url(letter.slug))}


def person_specs(plan: SitePlan) -> Iterable[PageSpec]:
    for person in plan.proc.people:
        yield PageSpec(stem=person_url(person).rstrip("/"), kind="person", title=person.name,
                       key=person.id)


def person_context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    proc = data.proc
    person = proc.person(spec.key)
    contributions = []
    for link in proc.links_of(person.id):
        contributions.append({
            "role": role_label(link.role, lang, person.gender),
            "role_id": link.role.value,
            "paper": paper_brief(proc, link.paper, lang, links) if link.paper else None,
            "session": session_brief(link.session, lang, links) if link.session else None,
        })
    return {
        "head": {"json_ld": person_page_ld(person, lang, absolute_url(proc, lang, spec.url),
                                           node_id(proc, person_url(person), "person"))},
        "person": person_view(person, lang, links),
        "contributions": contributions,
        "index_url": links.page(PEOPLE_URL),
        # The person's page of the archive (pages/archivepeople.py), beside the volume's
        # folder: "../people/<id>/", from /en/ "../en/people/<id>/".
        "archive_url": links.asset(f"../{lang_root(lang)}{person_url(person)}")
        if data.plan.in_archive else "",
    }


def person_view(person: Person, lang: Lang, links: Links) -> Context:
    """Who the person is, as their page says it (`partials/waqai/person-meta.html`)."""
    return {
        **person_brief(person, lang, links),
        # The name in each script as written: "" and [] where one is a gap.
        "name_ar": person.name.ar,
        "names_latin": [n.full for n in person.names_latin],
        "affiliation": shown(person.affiliation, lang),
        "position": shown(person.position, lang),
        "orcid": person.orcid or "",
    }


INDEX = PageKind("people", "waqai/people.html", index_specs, from_plan(index_view),
                 lists=(PERSON_ID,))
LETTERS = PageKind("letters", "waqai/letters.html", letters_specs, from_plan(letters_view))
LETTER = PageKind("letter", "waqai/letter.html", letter_specs, from_plan(letter_view),
                  lists=(PERSON_ID,))
PERSON = PageKind("person", "waqai/person.html", person_specs, person_context)
