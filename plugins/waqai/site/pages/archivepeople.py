"""The archive's speaker index, and a page per person across its volumes (issue 31).

The index is the volume's (pages/people.py, letters.py) made from the archive's people
(`ArchivePlan.people`): within `bounds.people` one page, past it a page per letter, at
the same addresses below the archive's root. A person's page (`people/<id>/`) lists every
item they gave and every volume they edited, by year and then volume, newest first (as
the ACL Anthology's person pages), each item linked to its page in its volume and named as
the volume's pages name it (`common.item_named`: its own language's `lang` and `dir`);
then their co-authors across the archive, the other spellings of their name
(people.yaml's variants: an item names its people by id, so the spellings are the
entry's), the affiliations they gave, year by year, and their citation files
(`exports.archive.person_file`). Everything is read from the loaded archive
(`Archive.links_of`); a person's page costs the items it lists.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable

from markupsafe import Markup

from waqai.data.archive import Archive, Volume, VolumeItem, VolumeLink, volume_order
from waqai.data.model import Lang, Person, Text, lang_root
from waqai.exports.archive import person_file
from waqai.site.head import person_page_ld
from waqai.site.pages import PAPER_ID, PERSON_ID, Context, Links, PageSpec
from waqai.site.pages import people as volume_people
from waqai.site.pages.archiveplan import ArchivePageKind, ArchivePlan
from waqai.site.pages.common import item_named, person_brief, shown
from waqai.site.pages.home import citation_files, makeup
from waqai.text.arabic import person_sort_key
from waqai.text.labels import LABELS
from waqai.urls import PEOPLE_URL, paper_url, person_url


def person_specs(plan: ArchivePlan) -> Iterable[PageSpec]:
    for person in plan.people:
        yield PageSpec(stem=person_url(person).rstrip("/"), kind="archive-person",
                       title=person.name, key=person.id)


def person_context(plan: ArchivePlan, spec: PageSpec, lang: Lang, links: Links) -> Context:
    archive = plan.archive
    person = archive.person(spec.key)
    given = affiliations_given(archive, person.id)
    view = volume_people.person_view(person, lang, links)
    page_url = f"{archive.info.site_url}{lang_root(lang)}{spec.url}"
    return {
        "head": {"json_ld": person_page_ld(person, lang, page_url)},
        "person": {
            **view,
            # The preferred spelling is the name; the others are what it was also printed as.
            "names_latin": view["names_latin"][:1],
            "also_published_as": view["names_latin"][1:],
            # people.yaml's, unless it is one the items gave (listed below with their years).
            "affiliation": "" if person.affiliation in given else view["affiliation"],
        },
        "years": years_view(archive, person, lang, links),
        "coauthors": [{**person_brief(other, lang, links), "count": count,
                       "together": LABELS["items_together"].get(lang).format(count=count)}
                      for other, count in coauthors(archive, person.id, lang)],
        "affiliations": [{"text": shown(text, lang),
                          "years": Markup(LABELS["comma"].get(lang)).join(map(str, years))}
                         for text, years in given.items()],
        "citation_files": person_files(archive, person, lang, links),
        "index_url": links.page(PEOPLE_URL),
    }


def years_view(archive: Archive, person: Person, lang: Lang, links: Links) -> list[Context]:
    """The person's volumes by year, newest first, each with their items in it."""
    items: dict[str, list[VolumeLink]] = {}
    for found in archive.links_of(person.id):
        if found.link.paper is not None:
            items.setdefault(found.volume.id, []).append(found)
    newest_first = sorted(archive.volumes_of(person.id), key=volume_order, reverse=True)
    return [{"year": year, "volumes": [volume_view(volume, items.get(volume.id, []), person,
                                                   lang, links) for volume in volumes]}
            for year, volumes in itertools.groupby(newest_first,
                                                   key=lambda volume: volume.conference.year)]


def volume_view(volume: Volume, found: list[VolumeLink], person: Person, lang: Lang,
                links: Links) -> Context:
    conf = volume.conference
    home = f"{volume.path}{lang_root(lang)}"  # the volume's pages in `lang`, from the root
    return {
        "id": volume.id,
        "short_name": conf.short_name,
        "title": shown(conf.title, lang),
        "url": links.asset(home),
        "edited": person.id in conf.editors,
        "papers": [item_view(volume, link, lang, links) for link in found],
    }


def item_view(volume: Volume, found: VolumeLink, lang: Lang, links: Links) -> Context:
    """An item as the volume's lists show it (`partials/waqai/item-list.html`), linked to its
    page in its volume, its people to their pages in the archive."""
    paper = found.link.paper
    assert paper is not None  # `years_view` lists the links to items only
    return {
        "id": VolumeItem(volume, paper).key,
        **item_named(paper, lang),
        "url": links.asset(f"{volume.path}{lang_root(lang)}{paper_url(paper)}"),
        "people": [person_brief(p, lang, links) for p in volume.proceedings.people_of(paper)],
    }


def coauthors(archive: Archive, person_id: str, lang: Lang) -> list[tuple[Person, int]]:
    """The people the person shares an item with, and on how many: most first, then in
    the index's order of `lang`."""
    counts = Counter(other for item in archive.items_of(person_id)
                     for other in set(item.paper.people) if other != person_id)
    people = [(archive.person(other), count) for other, count in counts.items()]
    return sorted(people, key=lambda pair: (-pair[1], person_sort_key(pair[0], lang)))


def affiliations_given(archive: Archive, person_id: str) -> dict[Text, list[int]]:
    """Each affiliation the person gave on an item (`Proceedings.affiliation_on`) and the
    years they gave it in, the most recently given first."""
    years: dict[Text, list[int]] = {}
    for item in archive.items_of(person_id):
        given = item.volume.proceedings.affiliation_on(item.paper, person_id)
        if given is not None:
            said = years.setdefault(given, [])
            if item.volume.conference.year not in said:
                said.append(item.volume.conference.year)
    return dict(sorted(years.items(), key=lambda pair: -max(pair[1])))


def person_files(archive: Archive, person: Person, lang: Lang, links: Links) -> list[Context]:
    """Their BibTeX across the archive in both forms, when an item of theirs is listed in
    the citation files (`exports.archive.people_files` writes it then)."""
    langs = {item.paper.lang for item in archive.items_of(person.id) if item.paper.in_volume}
    if not langs:
        return []
    return citation_files(lang, makeup(langs), links,
                          lambda form: [("BibTeX", person_file(person, form), "")])


INDEX = ArchivePageKind("people", "waqai/people.html", volume_people.index_specs,
                        volume_people.index_view, lists=(PERSON_ID,))
LETTERS = ArchivePageKind("letters", "waqai/letters.html", volume_people.letters_specs,
                          volume_people.letters_view)
LETTER = ArchivePageKind("letter", "waqai/letter.html", volume_people.letter_specs,
                         volume_people.letter_view, lists=(PERSON_ID,))
PERSON = ArchivePageKind("archive-person", "waqai/archive-person.html", person_specs,
                         person_context, lists=(PAPER_ID,))
KINDS = (INDEX, LETTERS, LETTER, PERSON)
