"""May two romanised spellings name the same person? (issue 31)

One person turns up under several spellings as volumes are imported: «Rawan Almatham» as
an editor and «Rawan Al-Matham» as an author, «K Vijay-Shanker» in one volume and
«Vijay Shanker» in the year before. `check` warns about such pairs of entries. Equal keys
(`arabic.latin_identity`) cannot catch them: an initial stands for a name, a middle name
or initial is left out, the given name ends one word earlier. Nor is the relation here an
equivalence («K. Omar» is near «Kamal Omar» and «Karim Omar», which are not near each
other), so it is not a key either. `latin_matches` files each spelling in buckets by its
last word and the words a shorter name may match it on, and compares only names that
share a bucket: every pair the relation accepts shares one (`_filed`), and a
volume of 10,000 people costs near-linear time.

Case, accents, ʿ ʾ marks and hyphens never tell people apart. What else may be set aside
is a `Leeway`; `least_leeway` says which ones a pair needed, for the warning to say so.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Flag
from itertools import combinations, product

from waqai.data.model import LatinName
from waqai.text.arabic import latin_bare, latin_family_without_article

__all__ = ["Leeway", "LatinMatch", "LatinIndex", "may_be_same", "least_leeway", "set_aside",
           "latin_matches"]


class Leeway(Flag):
    """A difference between two spellings that does not make them two people."""

    ARTICLE = 1  # al / el before a family name, apart or glued: El Khbir, Elkhbir
    SPACES = 2  # spaces inside the family name: Abu Farha, Abufarha
    ABD = 4  # the «Abd» compounds: Abdulrahman, Abdurrahman, Abdel Rahman, Abd al-Rahman
    INITIALS = 8  # an initial for a name: K. V. for Kumar Vijay
    EXTRA = 16  # a middle name or initial in one spelling only: Samhaa R., Samhaa
    SPLIT = 32  # the given name ends elsewhere: K / Vijay-Shanker, Vijay / Shanker


EVERY = ~Leeway(0)

# What the warning says was set aside, in this order.
_SAID = {
    Leeway.ARTICLE: "the article (al-, el-)",
    Leeway.SPACES: "spaces",
    Leeway.ABD: "the spelling of «Abd» compounds",
    Leeway.INITIALS: "initials",
    Leeway.EXTRA: "a middle name or initial in one of them only",
    Leeway.SPLIT: "where the given name ends",
}

# Every combination, fewest first and, among as many, the mildest: `least_leeway` names
# the first that makes a pair match.
_COMBINATIONS = sorted((Leeway(bits) for bits in range(EVERY.value + 1)),
                       key=lambda leeway: (leeway.value.bit_count(), leeway.value))

_WORD = re.compile(r"[^\W\d_]+")  # hyphens, dots, commas and spaces part words
_ARTICLES = ("al", "el")
# The first words of an «Abd» compound written apart: «Abd al-Rahman», «Abdul Rahman».
_ABD_HEAD = re.compile(r"abd(?:[aeiou][a-z]?)?")

Form = tuple[str, ...]  # a whole name as words, the filing word last


def _abd_folded(word: str) -> str:
    """«abdulrahman», «abdurrahman», «abdelrahman», «abdurahman» -> "abd-rahman".

    Romanisations of «عبد» + name differ in the vowel after abd, the article's l and a sun
    letter's doubling; these go. A word that leaves fewer than two letters (Abdu, Abdi) is
    not a compound and stays as it is.
    """
    if not word.startswith("abd"):
        return word
    rest = word[3:]
    if rest[:1] in ("a", "e", "i", "o", "u"):
        rest = rest[1:]
    if len(rest) > 1 and rest[0] == rest[1]:
        rest = rest[1:]  # abdur-rahman, abdus-salam, abdullah
    rest = rest.removeprefix("l")  # abdul-aziz, abdel-kader
    return f"abd-{rest}" if len(rest) >= 2 else word


def _abd_joined(words: tuple[str, ...]) -> tuple[str, ...]:
    """«abd al rahman», «abdul rahman» as one word, each compound folded (`_abd_folded`).
    A head before an initial stays apart: «Abdul R.» may be «Abdul Rahman»."""
    if not any(word.startswith("abd") for word in words):
        return words
    joined: list[str] = []
    for word in words:
        if joined and _ABD_HEAD.fullmatch(joined[-1]) and len(word) > 1:
            joined[-1] += word
        else:
            joined.append(word)
    return tuple(_abd_folded(word) for word in joined)


def _unglued(word: str) -> str:
    """«elkhbir» -> "khbir", «almatham» -> "matham"; a short word (Alam, Ali) keeps it."""
    return word[2:] if word.startswith(_ARTICLES) and len(word) >= 5 else word


@functools.lru_cache(maxsize=8192)  # family names recur across a volume
def _words(text: str, family: bool) -> tuple[str, ...]:
    """A given or family name as words. A family name loses the article, apart
    («El Khbir», «Abu El Atta») or glued («Elkhbir»); the only word stays."""
    if not family:
        return tuple(_WORD.findall(latin_bare(text)))
    words = _WORD.findall(latin_family_without_article(text))
    kept = [word for word in words if word not in _ARTICLES] or words
    return tuple(_unglued(word) for word in kept)


def _forms(name: LatinName, leeway: Leeway) -> tuple[Form, ...]:
    """The ways `name` is compared under `leeway`: the given words then the family name as
    one word (spaces kept, or dropped with SPACES); with SPLIT, also the family's own words;
    with ABD, each both as written and with the «Abd» compounds folded."""
    given = _words(name.given, family=False)
    family = _words(name.family, family=Leeway.ARTICLE in leeway)
    variants = [(given, family)]
    if Leeway.ABD in leeway:
        variants.append((_abd_joined(given), _abd_joined(family)))
    joiner = "" if Leeway.SPACES in leeway else " "
    split = Leeway.SPLIT in leeway
    forms: dict[Form, None] = {}
    for first, last in variants:
        forms[(*first, joiner.join(last)) if last else first] = None
        if split and len(last) > 1:
            forms[first + last] = None
    return tuple(form for form in forms if form)


def _same_word(one: str, other: str, leeway: Leeway) -> bool:
    return one == other or (Leeway.INITIALS in leeway and min(len(one), len(other)) == 1
                            and one[0] == other[0])


def _fits(short: Form, long: Form, leeway: Leeway) -> bool:
    """Each word of `short` stands, in order, for one of `long` (the same word, or its
    initial). With EXTRA `long` may have more: initials before them, anything after the
    first (a middle name). A name `long` has first that `short` lacks is another person's:
    a son is named before his father."""
    if not short or Leeway.EXTRA not in leeway:
        return len(short) == len(long) and all(
            _same_word(one, other, leeway) for one, other in zip(short, long))
    position = 0
    for index, word in enumerate(short):
        while position < len(long) and not _same_word(word, long[position], leeway):
            if index == 0 and len(long[position]) > 1:
                return False
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def _forms_match(one: Form, other: Form, leeway: Leeway) -> bool:
    """The filing words are the same and the rest fits (`_fits`), the shorter in the longer."""
    short, long = sorted((one, other), key=len)
    return short[-1] == long[-1] and _fits(short[:-1], long[:-1], leeway)


def _match(one: Sequence[Form], other: Sequence[Form], leeway: Leeway) -> bool:
    return any(_forms_match(a, b, leeway) for a in one for b in other)


def may_be_same(one: LatinName, other: LatinName) -> bool:
    """Whether two spellings may name one person, all leeway given."""
    return _match(_forms(one, EVERY), _forms(other, EVERY), EVERY)


def least_leeway(one: LatinName, other: LatinName) -> Leeway | None:
    """The fewest, mildest differences that have to be set aside for the spellings to
    match; None if they do not. `Leeway(0)`: they differ in case, accents or hyphens."""
    return next((leeway for leeway in _COMBINATIONS
                 if _match(_forms(one, leeway), _forms(other, leeway), leeway)), None)


def set_aside(leeway: Leeway) -> str:
    """What a warning says the names match once they are set aside: «case, accents,
    hyphens, spaces and initials»."""
    said = ["case", "accents", "hyphens", *(text for flag, text in _SAID.items()
                                            if flag in leeway)]
    return ", ".join(said[:-1]) + " and " + said[-1]


def _filed(forms: Sequence[Form]) -> Iterator[tuple[tuple[str, str], bool]]:
    """Where a spelling is filed, and whether as an initial: under its filing word with each
    word a shorter name's first word may stand for, its leading initials and its first full
    word, that word also under its first letter (to meet initials). Two spellings that
    match meet in one bucket, both under the same full word or one as an initial."""
    for *leading, last in forms:
        if not leading:
            yield (last, ""), False
        for word in leading:
            yield (last, word), len(word) == 1
            if len(word) > 1:
                yield (last, word[0]), False
                break


@dataclass(frozen=True)
class LatinMatch:
    """Two entries (their indexes, the earlier first) that may be one person."""

    first: int
    second: int
    spellings: tuple[LatinName, LatinName]  # the first spellings of each that match
    leeway: Leeway  # what had to be set aside (`least_leeway`)


def _candidates(forms: Sequence[Sequence[Sequence[Form]]]) -> list[tuple[int, int]]:
    """Pairs of entries filed in a common bucket (`_filed`), each pair once, in order. Under
    a first letter only pairs with an initial are compared: two full words meet under
    the word itself."""
    buckets: dict[tuple[str, str], tuple[dict[int, None], dict[int, None]]] = {}
    for entry, spellings in enumerate(forms):
        for spelling in spellings:
            for key, initial in _filed(spelling):
                full_words, initials = buckets.setdefault(key, ({}, {}))
                (initials if initial else full_words)[entry] = None
    pairs: set[tuple[int, int]] = set()
    for (_, word), (full_words, initials) in buckets.items():
        pairs.update(combinations(initials, 2), product(initials, full_words))
        if len(word) != 1:
            pairs.update(combinations(full_words, 2))
    return sorted({(min(pair), max(pair)) for pair in pairs if pair[0] != pair[1]})


def latin_matches(entries: Sequence[Sequence[LatinName]]) -> Iterator[LatinMatch]:
    """The pairs of entries, each given as its spellings, that may be one person; a pair
    once, however many of its spellings match."""
    forms = [[_forms(name, EVERY) for name in names] for names in entries]
    for first, second in _candidates(forms):
        spelling_pairs = ((a, b) for a, a_forms in zip(entries[first], forms[first])
                          for b, b_forms in zip(entries[second], forms[second])
                          if _match(a_forms, b_forms, EVERY))
        spellings = next(spelling_pairs, None)
        if spellings is not None:
            leeway = least_leeway(*spellings)
            assert leeway is not None, "EVERY is the last combination tried"
            yield LatinMatch(first, second, spellings, leeway)


class LatinIndex:
    """Entries' spellings filed once as `latin_matches` files them, to ask which entries may
    be the person one more name is (an import's question, one author at a time): each
    question compares only the entries that share a bucket with the name."""

    def __init__(self, entries: Sequence[Sequence[LatinName]]) -> None:
        self._forms = [[_forms(name, EVERY) for name in names] for names in entries]
        self._buckets: dict[tuple[str, str], tuple[set[int], set[int]]] = {}
        for entry, spellings in enumerate(self._forms):
            for spelling in spellings:
                for key, initial in _filed(spelling):
                    full_words, initials = self._buckets.setdefault(key, (set(), set()))
                    (initials if initial else full_words).add(entry)

    def near(self, name: LatinName) -> list[int]:
        """The indexes of the entries that may be the person `name` is, in order."""
        forms = _forms(name, EVERY)
        found: set[int] = set()
        for key, initial in _filed(forms):
            full_words, initials = self._buckets.get(key, (set(), set()))
            found |= initials  # the pairs `_candidates` makes: an initial meets everyone
            if initial or len(key[1]) != 1:
                found |= full_words
        return sorted(entry for entry in found
                      if any(_match(forms, other, EVERY) for other in self._forms[entry]))
