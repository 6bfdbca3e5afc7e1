"""The speaker index by letter: which people each page of one language's index lists.

Each language has its own index: the Arabic one files people by their Arabic names,
alef to yeh, then those with no Arabic name by their romanised ones; the English one
A to Z, then those with no romanised name by their Arabic ones (`arabic.person_sort_key`
and `person_index_letter`). Within `bounds.people` the index is one page, as the
example's. Past it `people/` lists the letters, and each letter has a page of its own
(`names/<slug>/`, slugs in text/index_letters.py), split into numbered pages
(`names/<slug>/2/` …) when one letter has more people than a page holds.

The index is a volume's or, as one for all its volumes, an archive's (`PeoplePlan`).

A letter page is in the languages whose index files someone under that letter. The
two indexes share only the letters that are one letter in both (the Latin letters of
names with no Arabic spelling, the Arabic letters of names with no romanised one), and
those pages pair up across languages; an Arabic letter of the Arabic index has no
English page, since the English index files the same people under other letters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from waqai.data.model import Lang, Person
from waqai.site.pages import PeoplePlan
from waqai.site.pages.bounds import split
from waqai.text.arabic import person_index_letter, person_sort_key
from waqai.text.index_letters import letter_heading, letter_slug
from waqai.urls import PEOPLE_URL, letter_url


@dataclass(frozen=True)
class Letter:
    """One heading of an index and the people filed under it, in filing order."""

    heading: str  # as shown: «ع», "O", "#"
    slug: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class LetterPage:
    """One page of a letter: all its people, or one numbered part of them."""

    letter: Letter
    part: int
    parts: int
    people: Sequence[Person]

    @property
    def url(self) -> str:
        return letter_url(self.letter.slug, self.part)


def filed_letters(plan: PeoplePlan, lang: Lang) -> list[Letter]:
    """The letters of the index of `lang` in filing order, each with its people (made
    once per build: sorting a large volume's people takes a noticeable part of a second)."""
    return plan.once(("letters", lang), lambda: _group(plan.people, lang))


def _group(people: Sequence[Person], lang: Lang) -> list[Letter]:
    """People under their letters, letters in the order of their first person. Letters
    are told apart by slug, so "i" and "I" are one heading."""
    headings: dict[str, str] = {}
    grouped: dict[str, list[Person]] = {}
    for person in sorted(people, key=lambda p: person_sort_key(p, lang)):
        letter = person_index_letter(person, lang)
        slug = letter_slug(letter)
        headings.setdefault(slug, letter_heading(letter))
        grouped.setdefault(slug, []).append(person)
    return [Letter(headings[slug], slug, tuple(group)) for slug, group in grouped.items()]


def by_letter(plan: PeoplePlan) -> bool:
    """Whether the index is split by letter: more people than one page holds."""
    return len(plan.people) > plan.bounds.people


def letter_pages(plan: PeoplePlan, lang: Lang) -> dict[str, LetterPage]:
    """URL -> page of every letter page of the index of `lang`, in order; none within
    the bound."""
    return plan.once(("letter pages", lang), lambda: _pages(plan, lang))


def _pages(plan: PeoplePlan, lang: Lang) -> dict[str, LetterPage]:
    if not by_letter(plan):
        return {}
    pages: dict[str, LetterPage] = {}
    for letter in filed_letters(plan, lang):
        parts = split(letter.people, plan.bounds.people)
        for number, people in enumerate(parts, start=1):
            page = LetterPage(letter, number, len(parts), people)
            pages[page.url] = page
    return pages


def index_page_of(plan: PeoplePlan, lang: Lang) -> dict[str, str]:
    """Person id -> the URL of the index page that lists them in `lang`."""
    pages = letter_pages(plan, lang)
    if not pages:
        return {person.id: PEOPLE_URL for person in plan.people}
    return {person.id: url for url, page in pages.items() for person in page.people}
