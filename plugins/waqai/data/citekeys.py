"""Citation keys: one ASCII key per item, shared by BibTeX, RIS and CSL-JSON.

A key that authors have cited must never change, so a key is stored in the data
(`key:` in `paper.yaml`) and the key in the data always wins. An item without one
gets a derived key until an editor stores it (`check` warns and says what to write).

The form of a key
-----------------
ASCII letters and digits, starting with a letter, with single ``-`` or ``_`` between
them, at most `MAX_KEY` characters (``name2024word``, ``Name_2024-b``). That
is what BibTeX, biber, LaTeX's ``\\cite{}`` (no comma, brace, backslash, ``%``,
``#`` or ``~``; no ``:`` that babel makes active), pandoc's ``@key`` and a file
name on every system (the per-item downloads are named ``<key>.bib``) all accept.
Two keys that differ only in case are the same key: classic BibTeX stops on them
("case mismatch"), and their downloads would overwrite each other in one folder on
a case-insensitive file system.

The derived key
---------------
``<name><year><word>``, all lowercase ASCII letters and digits:

- ``name``: the family name of the item's first person, in its preferred
  romanised spelling, transliterated to ASCII (diacritics dropped: «ʿUmarī» →
  ``umari``), with a leading article removed as the English speaker index
  removes it (``al-``, ``Al ``, ``El’``, and ``ash-Sh…``-style sun-letter forms;
  ``arabic.latin_family_without_article``) and every character that is not a
  letter removed («Al-Duwailaa» → ``duwailaa``). An item with no people (a panel
  whose experts are unnamed), or whose first person has no romanised name yet (a
  translation gap: Arabic script folds to no ASCII at all), uses the conference's
  ``short_name`` instead, reduced the same way to its letters («CONF-2024» →
  ``conf``). If nothing is left, the name is ``anon``.
- ``year``: the year the conference starts.
- ``word``: the first significant word of the English title, transliterated
  to ASCII; a word is significant unless it is in a short list of English
  stopwords (a, an, the, of, on, in, for, and, to, …). A hyphen or apostrophe
  inside a word joins it and a possessive ``'s`` is dropped («E-government» →
  ``egovernment``, «Ministry's» → ``ministry``). An item whose English title is a
  gap takes the word from its id instead, as `new_item_key` does. No such word:
  nothing.

Stored keys are taken first. Derived keys then avoid them: items without a
stored key that end up with the same key, or with a key already stored, all get
a suffix ``a``, ``b``, ``c`` … (then ``aa``, ``ab`` …) in programme order, like the
``2015a``/``2015b`` of author–year styles, skipping any suffixed key that is
taken. So a new item never changes a stored key; only the new item is suffixed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence

from waqai.data.model import Paper, Proceedings
from waqai.text.arabic import latin_family_without_article

MAX_KEY = 80
KEY = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$")
KEY_RULE = ("ASCII letters and digits, starting with a letter, with single - or _ between "
            f"them, at most {MAX_KEY} characters")

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


def is_key(value: str) -> bool:
    return len(value) <= MAX_KEY and KEY.match(value) is not None


def same_key(key: str) -> str:
    """What two keys are compared by: their case ignored (they are ASCII)."""
    return key.lower()


def ascii_fold(text: str) -> str:
    """Transliterate Latin text to ASCII; characters with no ASCII form vanish."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", ascii_fold(text).lower())


def repaired_key(value: str) -> str:
    """The nearest key to a malformed one («Name 2024/word» → ``Name2024word``), or ""
    when nothing usable is left (an Arabic-script key)."""
    text = re.sub(r"[^A-Za-z0-9_-]", "", ascii_fold(value))
    text = re.sub(r"([-_])[-_]+", r"\1", text)  # one separator between two parts
    return re.sub(r"^[^A-Za-z]+", "", text)[:MAX_KEY].rstrip("-_")


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
    """The derived key of `paper` before any suffix."""
    first = proc.person(paper.people[0]).name_en if paper.people else None
    name = name_part(first.family) if first else _letters(proc.conference.short_name)
    title = paper.title.en or paper.id.replace("-", " ")  # no English title: a gap
    return f"{name or 'anon'}{proc.conference.year}{title_word(title)}"


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


def free_key(base: str, taken: Collection[str]) -> str:
    """`base` with the first suffix that makes it differ from every key in `taken`
    (compared with `same_key`)."""
    return next(base + s for s in _suffixes() if same_key(base + s) not in taken)


def assign_keys(papers: Sequence[Paper], base: Callable[[Paper], str]) -> dict[str, str]:
    """Paper id → key, in the order of `papers`: stored keys first, then derived ones
    (`base`, suffixed where they meet a stored key or one another)."""
    taken = {same_key(p.key) for p in papers if p.key}
    groups: dict[str, list[str]] = defaultdict(list)
    for paper in papers:
        if not paper.key:
            groups[base(paper)].append(paper.id)
    # A suffixed key may not be another group's base either, nor a stored key.
    reserved = taken | {same_key(b) for b in groups}
    keys = {p.id: p.key for p in papers if p.key}
    for key_base, ids in groups.items():
        if len(ids) == 1 and same_key(key_base) not in taken:
            keys[ids[0]] = key_base
            continue
        for paper_id in ids:
            keys[paper_id] = free_key(key_base, reserved)
            reserved.add(same_key(keys[paper_id]))
    return {paper.id: keys[paper.id] for paper in papers}


def citation_keys(proc: Proceedings) -> dict[str, str]:
    """Paper id → citation key, for every item of the volume, in programme order."""
    return assign_keys(proc.papers, lambda paper: base_key(proc, paper))


def new_item_key(short_name: str, year: int | None, paper_id: str,
                 taken: Collection[str]) -> str:
    """The key `build.py new` writes: the derived form with what a new item has, the
    conference's letters for the name and the id for the title («conf2024portal»),
    suffixed if any key in `taken` is the same."""
    word = title_word(paper_id.replace("-", " "))
    return unique_key(f"{_letters(short_name) or 'anon'}{year or ''}{word}", taken)


def unique_key(base: str, taken: Collection[str]) -> str:
    """`base`, or if a key in `taken` is the same, `base` with the first free suffix."""
    folded = {same_key(key) for key in taken}
    return base if same_key(base) not in folded else free_key(base, folded)
