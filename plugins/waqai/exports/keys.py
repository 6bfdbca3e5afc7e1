"""Citation keys: one stable, ASCII key per item, shared by BibTeX, RIS and CSL-JSON.

The rule
--------
A key is ``<name><year><word>``, all lowercase ASCII letters and digits:

- ``name``: the family name of the item's first person, in its preferred
  romanised spelling, transliterated to ASCII (diacritics dropped: «ʿUmarī» →
  ``umari``), with a leading article removed as the English speaker index
  removes it (``al-``, ``Al ``, ``El’``, and ``ash-Sh…``-style sun-letter forms;
  ``arabic.latin_family_without_article``) and every character that is not a
  letter removed
  («Al-Duwailaa» → ``duwailaa``). An item with no people (a panel whose
  experts are unnamed) uses the conference's ``short_name`` instead, reduced
  the same way to its letters («CONF-2024» → ``conf``). If nothing is left, the
  name is ``anon``.
- ``year``: the year the conference starts.
- ``word``: the first significant word of the English title, transliterated
  to ASCII; a word is significant unless it is in a short list of English
  stopwords (a, an, the, of, on, in, for, and, to, …). A hyphen or apostrophe
  inside a word joins it and a possessive ``'s`` is dropped («E-government» →
  ``egovernment``, «Ministry's» → ``ministry``). No such word: nothing.

Items that end up with the same key all get a suffix ``a``, ``b``, ``c`` … (then
``aa``, ``ab`` …) in programme order, like the ``2015a``/``2015b`` of
author–year styles; a suffixed key that would equal another item's key is
skipped. The same data always yields the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator

from waqai.data.model import Paper, Proceedings
from waqai.text.arabic import latin_family_without_article

STOPWORDS = frozenset(
    "a an the of on in for and to at by from with as or into about its is are "
    "be via vs versus toward towards".split()
)

# Latin letters that NFKD does not split into a base letter plus marks.
_FOLD = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
     "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ł": "l",
     "Ł": "L", "ı": "i", "ħ": "h", "Ħ": "H"}
)


def ascii_fold(text: str) -> str:
    """Transliterate Latin text to ASCII; characters with no ASCII form vanish."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", ascii_fold(text).lower())


def name_part(family: str) -> str:
    """«Al-Duwailaa» → ``duwailaa``; «ash-Shuaibi» → ``shuaibi``: the article rule of
    the English speaker index, so a key starts with the name the person is filed under."""
    return _letters(latin_family_without_article(family))


def title_word(title_en: str) -> str:
    text = ascii_fold(title_en.replace("’", "'")).lower()
    text = re.sub(r"(?<=[a-z0-9])'s\b", "", text)
    text = re.sub(r"(?<=[a-z0-9])['-](?=[a-z0-9])", "", text)
    for word in re.split(r"[^a-z0-9]+", text):
        if word and word not in STOPWORDS:
            return word
    return ""


def base_key(proc: Proceedings, paper: Paper) -> str:
    if paper.people:
        name = name_part(proc.person(paper.people[0]).name_en.family)
    else:
        name = _letters(proc.conference.short_name)
    return f"{name or 'anon'}{proc.conference.year}{title_word(paper.title.en)}"


def _suffixes() -> Iterator[str]:
    """a … z, aa … az, ba … (bijective base 26)."""
    n = 1
    while True:
        out, m = "", n
        while m:
            m, r = divmod(m - 1, 26)
            out = chr(ord("a") + r) + out
        yield out
        n += 1


def citation_keys(proc: Proceedings) -> dict[str, str]:
    """Paper id → citation key, for every item of the volume."""
    bases = {paper.id: base_key(proc, paper) for paper in proc.papers}
    groups: dict[str, list[str]] = defaultdict(list)
    for paper in proc.papers:  # programme order
        groups[bases[paper.id]].append(paper.id)
    keys = {ids[0]: base for base, ids in groups.items() if len(ids) == 1}
    taken = set(bases.values())
    for base, ids in groups.items():
        if len(ids) == 1:
            continue
        suffixes = _suffixes()
        for paper_id in ids:
            key = base + next(suffixes)
            while key in taken:
                key = base + next(suffixes)
            taken.add(key)
            keys[paper_id] = key
    return {paper.id: keys[paper.id] for paper in proc.papers}
