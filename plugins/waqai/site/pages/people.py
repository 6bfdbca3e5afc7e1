"""The speaker index and a page per person."""

from __future__ import annotations

from collections.abc import Iterable

from waqai.data.model import Lang, Proceedings
from waqai.site.head import absolute_url, person_page_ld
from waqai.site.pages import BuildData, Context, Links, PageKind, PageSpec
from waqai.site.pages.common import paper_brief, person_brief, session_brief, shown
from waqai.text.labels import LABELS, role_label
from waqai.urls import PEOPLE_URL, person_url


def index_specs(proc: Proceedings) -> Iterable[PageSpec]:
    yield PageSpec(stem="people/index", kind="people", title=LABELS["speakers"])


def index_context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    proc = data.proc
    from waqai.text.arabic import person_index_letter, person_sort_key

    people = sorted(proc.people, key=lambda p: person_sort_key(p, lang))
    groups: list[Context] = []
    for person in people:
        letter = person_index_letter(person, lang)
        if not groups or groups[-1]["letter"] != letter:
            groups.append({"letter": letter, "people": []})
        groups[-1]["people"].append(person_brief(person, lang, links))
    return {"groups": groups}


def person_specs(proc: Proceedings) -> Iterable[PageSpec]:
    for person in proc.people:
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
        "head": {"json_ld": person_page_ld(person, lang, absolute_url(proc, lang, spec.url))},
        "person": {
            **person_brief(person, lang, links),
            # The name in each script as written: "" and [] where one is a gap.
            "name_ar": person.name.ar,
            "names_latin": [n.full for n in person.names_latin],
            "affiliation": shown(person.affiliation, lang),
            "position": shown(person.position, lang),
            "orcid": person.orcid or "",
        },
        "contributions": contributions,
        "index_url": links.page(PEOPLE_URL),
    }


INDEX = PageKind("people", "waqai/people.html", index_specs, index_context)
PERSON = PageKind("person", "waqai/person.html", person_specs, person_context)
