"""Imported authors matched with the people of `people.yaml`, never duplicated and
never merged on a guess.

An author is the same person as another author of the export when the system gives
both the same person id or e-mail. An author is an existing person when the ORCID is
the same, or the name is: Arabic names compared folded (hamza and alef forms,
diacritics, tatweel, «ال», «عبد» compounds; `text.arabic.name_identity`), Latin ones
against every romanised spelling of the person (`latin_identity`, spaces ignored:
«Abdul Rahman» = «Abdulrahman»). A name that only nearly agrees (the same family name
and a given name one is the start of the other, or a few letters apart) is an
uncertain match: the author becomes a new person and the editor is told whom to check.
So is a Latin name that may be a known person's other spelling (`text.latin_names`:
«Rawan Al-Matham» and «Rawan Almatham», «K Vijay-Shanker» and «Vijay Shanker»).

A system that tells namesakes apart with an id of its own (the ACL Anthology's author
`id`) gives it as `own_id`: the author is the person of that id (in people.yaml, or met
before in the export, their other spellings kept), never a namesake found by name.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from waqai.data.model import ArabicName, LatinName
from waqai.importers.existing import KnownPerson
from waqai.importers.language import free_id, language_of, slug
from waqai.importers.records import Author
from waqai.text.arabic import latin_identity, name_identity
from waqai.text.latin_names import LatinIndex

NEAR = 0.8  # difflib ratio of two given names from which they may be one person's


@dataclass
class NewPerson:
    """A person the import adds to people.yaml, from the first author row met."""

    id: str
    author: Author
    uncertain: list[KnownPerson] = field(default_factory=list)
    variants: list[LatinName] = field(default_factory=list)  # other spellings, as met

    @property
    def spellings(self) -> list[LatinName]:
        """The author's spelling, then the other spellings the export gave the person."""
        return [LatinName(self.author.given, self.author.family), *self.variants]

    def spelled(self, author: Author) -> None:
        """Keep `author`'s spelling as one of the person's, if it is a new one."""
        name = LatinName(author.given, author.family)
        if name not in self.spellings:
            self.variants.append(name)


@dataclass(frozen=True)
class Match:
    person_id: str
    new: NewPerson | None  # set when the author is a person the import adds


def _identity(given: str, family: str) -> str:
    """The matching form of a name, in whichever script it is written."""
    if language_of(f"{given} {family}") == "ar":
        return "ar:" + name_identity(ArabicName(given, family))
    return "en:" + latin_identity(LatinName(given, family)).replace(" ", "")


def _identities(person: KnownPerson) -> set[str]:
    names = {"ar:" + name_identity(person.arabic)} if person.arabic else set()
    return names | {"en:" + latin_identity(n).replace(" ", "") for n in person.latin}


def _near(a: str, b: str) -> bool:
    """Whether two names' matching forms may be one person's: same family, and given
    names one the start of the other or a few letters apart."""
    (script_a, rest_a), (script_b, rest_b) = a.split(":", 1), b.split(":", 1)
    given_a, _, family_a = rest_a.partition("|")
    given_b, _, family_b = rest_b.partition("|")
    if script_a != script_b or family_a != family_b or not given_a or not given_b:
        return False
    return (given_a.startswith(given_b) or given_b.startswith(given_a)
            or difflib.SequenceMatcher(None, given_a, given_b).ratio() >= NEAR)


class People:
    """The people known before the import, and those it adds, in the order met."""

    def __init__(self, known: list[KnownPerson]) -> None:
        self._known = known
        self._by_identity: dict[str, list[KnownPerson]] = {}
        for person in known:
            for identity in _identities(person):
                self._by_identity.setdefault(identity, []).append(person)
        self._by_orcid = {p.orcid: p for p in known if p.orcid}
        self._taken = {p.id for p in known}
        self._known_ids = frozenset(self._taken)
        self._latin = LatinIndex([p.latin for p in known])
        self.added: list[NewPerson] = []
        self._by_key: dict[str, NewPerson] = {}  # system id, e-mail or name -> added
        self._by_own: dict[str, NewPerson] = {}  # `own_id` -> added

    def _identified(self, author: Author, own_id: str) -> Match:
        found = self._by_own.get(own_id)
        if found is not None:
            found.spelled(author)
            return Match(found.id, found)
        if own_id in self._known_ids:
            return Match(own_id, None)
        if author.orcid in self._by_orcid:
            return Match(self._by_orcid[author.orcid].id, None)
        new = NewPerson(free_id(own_id, self._taken, "person"), author)
        self.added.append(new)
        self._by_own[own_id] = new
        return Match(new.id, new)

    def match(self, author: Author, own_id: str = "") -> Match:
        if own_id:
            return self._identified(author, own_id)
        keys = [k for k in (author.key, author.email.casefold(), author.orcid) if k]
        identity = _identity(author.given, author.family)
        for key in (*keys, identity):
            if key in self._by_key:
                return Match(self._by_key[key].id, self._by_key[key])
        if author.orcid in self._by_orcid:
            return Match(self._by_orcid[author.orcid].id, None)
        same = self._by_identity.get(identity, [])
        if len(same) == 1:
            return Match(same[0].id, None)
        new = NewPerson(free_id(slug(f"{author.given} {author.family}"), self._taken,
                                "person"), author)
        # Two known people with this name, or people whose names nearly agree: the
        # editor decides.
        variants = self._latin.near(LatinName(author.given, author.family))
        new.uncertain = same or [p for index, p in enumerate(self._known)
                                 if index in variants
                                 or any(_near(identity, i) for i in _identities(p))]
        self.added.append(new)
        for key in (*keys, identity):
            self._by_key.setdefault(key, new)
        return Match(new.id, new)


