"""Arabic text for search and for the speaker index: folding, tokens, filing.

Two normal forms live here, on purpose different:

* `fold` is for *matching* (search index and query, duplicate detection). It
  merges every spelling a reader may type for the same word: ا for أ إ آ, ه for
  ة, ي for ى.
* `collation_form` is for *sorting*. It follows ICU's Arabic collation (the
  CLDR `ar` tailoring) at primary strength, which differs from `fold` in three
  places: آ counts as two alifs (rule `&ءا<<آ`), ة sorts with ت (`&[before 2]ت<<ة`),
  and ؤ ئ ء are alif (`&ء<<أ<<ؤ<<إ<<ئ<<ىٕ<<ا`). Behaviour checked against ICU
  78.2 (Node's Intl.Collator("ar", {sensitivity: "base"})).

Standard library only.
"""

from __future__ import annotations

import re
import unicodedata

from waqai.data.model import ArabicName, Lang, LatinName, Person

__all__ = [
    "fold",
    "collation_form",
    "expand",
    "search_tokens",
    "filing_word",
    "arabic_sort_key",
    "index_letter",
    "latin_sort_key",
    "latin_index_letter",
    "name_identity",
    "latin_identity",
    "latin_bare",
    "latin_family_without_article",
    "filed_name",
    "person_sort_key",
    "person_index_letter",
]

ALEF = "ا"
TATWEEL = "\u0640"

_DIGITS = {chr(base + n): str(n) for base in (0x0660, 0x06F0) for n in range(10)}

# fold(): one line per choice.
_FOLD = str.maketrans(
    {
        "أ": ALEF,  # hamza on alif is spelt inconsistently: أحمد / احمد
        "إ": ALEF,  # likewise إبراهيم / ابراهيم
        "آ": ALEF,  # آمر is commonly typed امر
        "ٱ": ALEF,  # alif wasla: Quranic spelling of a plain alif
        "ؤ": "و",  # hamza seat dropped: مسؤول matches مسوول
        "ئ": "ي",  # hamza seat dropped: هيئة matches هييه
        "ى": "ي",  # final ى / ي are written interchangeably (Egypt, keyboards)
        "ة": "ه",  # final ة / ه likewise: تجربة / تجربه
        "ی": "ي",  # Persian yeh, produced by Persian keyboards
        "ک": "ك",  # Persian keheh, likewise
        **_DIGITS,  # Arabic-Indic and extended (Persian) digits are ASCII digits
    }
)

# collation_form(): ICU `ar` primary strength.
_COLLATE = str.maketrans(
    {
        "أ": ALEF,  # CLDR ar: أ is a secondary variant of ء, which is primary-equal to ا
        "إ": ALEF,  # likewise
        "ء": ALEF,  # likewise
        "ؤ": ALEF,  # likewise (not و)
        "ئ": ALEF,  # likewise (not ي)
        "آ": ALEF + ALEF,  # CLDR ar `&ءا<<آ`: madda counts as hamza + alif, so آمنة < إبراهيم
        "ٱ": ALEF,  # deviation: ICU sorts ٱ as its own letter between ا and ب; unused in names
        "ى": "ي",  # CLDR ar `&[before 2]ي<<ی<<ى`
        "ی": "ي",  # likewise
        "ة": "ت",  # CLDR ar `&[before 2]ت<<ة` (DUCET too puts ة right before ت, not near ه)
        "ک": "ك",
        **_DIGITS,
    }
)

# Words that are link words of a nasab, not names: «بن صالح» sorts as «صالح».
_NASAB_LINKS = frozenset({"بن", "ابن", "بنت", "ابنت"})  # collation forms (ة -> ت)

# Family names where a leading ال is part of the name, not the article (folded).
_NOT_ARTICLE = frozenset({"الياس", "الهام"})

_TOKEN = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")
# Apostrophes and their look-alikes (after NFKC; ´ is mapped to ' first, as NFKC turns it
# into a space and an accent): nothing inside a Latin word (Qur’an = Qur'an = Quran), a
# word break elsewhere, so they never glue Arabic words. waqai-search.js has the same.
APOSTROPHES = "'\u2018\u2019\u201b\u02bc\u02bb\u2032`\u02be\u02bf"  # ' ‘ ’ ‛ ʼ ʻ ′ ` ʾ ʿ
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_IN_LATIN_WORD = re.compile(f"([{_LATIN}\u0300-\u036f])[{APOSTROPHES}]+(?=[{_LATIN}])")
_APOSTROPHE_BREAK = str.maketrans(dict.fromkeys(APOSTROPHES, " "))
# «عبد الرحمن» / «العبد الله»: the space after عبد is not a word break in a name.
_ABD_SPACE = re.compile(r"(?<!\S)((?:ال)?عبد)\s+(?=\S)")
_ABD_JOINED = re.compile(r"^عبد(ال..+)$")


def _is_arabic_mark(ch: str) -> bool:
    """Harakat, superscript alef, Quranic marks (all Mn in the Arabic blocks)."""
    cp = ord(ch)
    if cp in (0x06E5, 0x06E6):  # small waw / small yeh: Quranic, category Lm
        return True
    return unicodedata.category(ch) == "Mn" and (
        0x0610 <= cp <= 0x061A or 0x064B <= cp <= 0x065F or cp == 0x0670
        or 0x06D6 <= cp <= 0x06ED or 0x08D3 <= cp <= 0x08FF
    )


def _clean(text: str) -> str:
    """The readable form: NFKC, without marks, tatweel and format characters.

    Hamza forms and ة stay as written, so the result can be shown.
    """
    text = unicodedata.normalize("NFKC", text)  # presentation forms and ligatures -> letters
    return _SPACES.sub(" ", text.translate(_DROP)).strip()


class _DropTable(dict[int, int | None]):
    """A `str.translate` table that deletes what `_clean` removes.

    Each code point is classified the first time it is seen and remembered, so
    folding a large index costs one dictionary lookup per character.
    """

    def __missing__(self, code: int) -> int | None:
        ch = chr(code)
        drop = (
            ch == TATWEEL  # tatweel only stretches a line
            or unicodedata.category(ch) == "Cf"  # bidi controls, ZWJ/ZWNJ, ALM, soft hyphen, BOM
            or _is_arabic_mark(ch)  # diacritics never decide a match or an order
        )
        self[code] = None if drop else code
        return self[code]


_DROP = _DropTable()


def _strip_latin_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not 0x0300 <= ord(ch) <= 0x036F)
    return unicodedata.normalize("NFC", bare)


def _normalise(text: str, table: dict[int, str]) -> str:
    # casefold lowercases Latin; accents go after it (casefold of İ adds U+0307).
    return _strip_latin_accents(_clean(text).translate(table).casefold())


def fold(text: str) -> str:
    """The matching form used for both the search index and the query.

    NFKC; no diacritics, Quranic marks, tatweel or bidi/format characters;
    أ إ آ ٱ -> ا, ؤ -> و, ئ -> ي, ى -> ي, ة -> ه, Persian ی ک -> ي ك;
    Arabic-Indic digits -> ASCII; Latin casefolded and without accents.
    Apostrophes (`APOSTROPHES`, and ´) removed inside a Latin word, a space elsewhere.
    ء is kept (a letter, not a seat). Idempotent.
    """
    text = unicodedata.normalize("NFKC", text.replace("\u00b4", "'"))
    return _normalise(_IN_LATIN_WORD.sub(r"\1", text).translate(_APOSTROPHE_BREAK), _FOLD)


def _join_compounds(text: str) -> str:
    return _ABD_SPACE.sub(r"\1", text)


def collation_form(text: str) -> str:
    """The primary-strength sort form of Arabic text (ICU `ar`, see module doc).

    After mapping, code-point order of the 28 letters is the alphabetical order
    ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي, and a space sorts
    before every letter (word by word: «سعد علي» before «سعدان»). «عبد X» is joined.
    Non-Arabic characters keep code-point order (so Latin sorts before
    Arabic, unlike ICU's `[reorder Arab]`).
    """
    return _join_compounds(_normalise(text, _COLLATE))


# ------------------------------------------------------------------ search

# Leading proclitics, tried in order; the first prefix that fits gives the
# readings (prefix, replacements, minimum letters left). Rules are
# conservative: a lone ب ك ل ف is never removed (بدر, كريم, ليلى, فهد), a lone و
# only before ≥ 3 letters (ولد stays, وليد gives ليد), the article only before
# ≥ 2 letters (الم, الف stay; الحق gives حق).
_PROCLITICS: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("ولل", ("ال", "الل"), 2),  # وللمدرسة -> المدرسة; وللجنة -> اللجنة
    ("وال", ("ال",), 2),  # والمدرسة -> المدرسة
    ("فال", ("ال",), 2),
    ("بال", ("ال",), 2),
    ("كال", ("ال",), 2),
    # ل + ال drops the alif (للمدرسة); before a word in ل it also drops the
    # article's lam (للجنة = ل + اللجنة). Spelling cannot tell: both readings.
    ("لل", ("ال", "الل"), 2),
    ("ال", ("",), 2),  # المدرسة -> مدرسة
    ("و", ("",), 3),  # ومدرسة -> مدرسة
)


def _strip_proclitic(token: str) -> tuple[str, ...]:
    for prefix, replacements, minimum in _PROCLITICS:
        rest = token[len(prefix):]
        if token.startswith(prefix) and len(rest) >= minimum:
            return tuple(r + rest for r in replacements)
    return ()


def expand(token: str) -> tuple[str, ...]:
    """Variants of one *folded* token with leading proclitics removed.

    Breadth first, one proclitic at a time: «والمدرسه» gives («المدرسه»,
    «مدرسه»). The token itself is not included; a token without a proclitic
    gives (). Contract: a folded query token q matches an index token t when
    q == t or q in expand(t); `search_tokens` puts both in the index, so the
    query side only folds and splits.
    """
    variants: dict[str, None] = {}
    frontier = [token]
    while frontier:
        frontier = [v for t in frontier for v in _strip_proclitic(t) if v not in variants]
        variants.update(dict.fromkeys(frontier))
    return tuple(variants)


def search_tokens(text: str) -> list[str]:
    """The index terms of a text: folded tokens, each followed by its variants.

    Variants are `expand(token)` plus, for names, the other spelling of an
    «عبد» compound: «عبد الرحمن» adds «عبدالرحمن»; «عبدالرحمن» adds «عبد»,
    «الرحمن» and «رحمن». A token is a run of letters/digits of the folded text.
    """
    tokens = _TOKEN.findall(fold(text))
    terms: list[str] = []
    for i, token in enumerate(tokens):
        group = [token, *expand(token)]
        if token in ("عبد", "العبد") and i + 1 < len(tokens):
            joined = token + tokens[i + 1]
            group += [joined, *expand(joined)]
        elif match := _ABD_JOINED.match(token):
            tail = match.group(1)
            group += ["عبد", tail, *expand(tail)]
        terms.extend(dict.fromkeys(group))
    return terms


# ------------------------------------------------------------------ names


def _strip_article(word: str) -> str:
    if word.startswith("ال") and len(word) >= 4 and fold(word) not in _NOT_ARTICLE:
        return word[2:]
    return word


def filing_word(name: ArabicName) -> str:
    """The word a person is filed under, readable (hamza and ة kept).

    The family name without the article (العُمري -> عمري); the given name if
    there is no family name. «عبد X» compounds are one word (عبدالرحمن).
    """
    family = _join_compounds(_clean(name.family))
    if not family:
        return _join_compounds(_clean(name.given))
    return _strip_article(family)


def _nasab_key(nasab: str) -> str:
    words = collation_form(nasab).split(" ")
    return " ".join(w for w in words if w not in _NASAB_LINKS)


def arabic_sort_key(name: ArabicName, tiebreak: str = "") -> tuple[str, ...]:
    """Index order: filing word, given name, nasab (without بن/بنت), each at
    ICU `ar` primary strength; honorific ignored. Exact ties are broken by
    the unfolded name, the honorific, then `tiebreak` (pass the person id).
    """
    return (
        collation_form(filing_word(name)),
        collation_form(name.given),
        _nasab_key(name.nasab),
        name.full,
        name.honorific,
        tiebreak,
    )


def _heading(key: str) -> str:
    first = key[:1]
    return first if first.isalpha() else "#"


def index_letter(name: ArabicName) -> str:
    """The heading letter: first letter of the folded filing word (أحمد -> ا,
    العمري -> ع); ء files under ا as in the sort; "#" if not a letter."""
    letter = _heading(fold(filing_word(name)))
    return ALEF if letter == "ء" else letter


def name_identity(name: ArabicName) -> str:
    """The form under which two person entries may be the same person.

    "given|filing word", both folded, «عبد» compounds joined; the honorific
    and the nasab are dropped (the same person is often cited with and without
    it). So «نايف العمري» = «أ. نايف بن صالح العمرى» = «نايف عمري», while
    «بدر العُمري» differs. A collision is a warning, silenced by `distinct_from`.
    """
    given = fold(_join_compounds(_clean(name.given)))
    family = fold(filing_word(name)) if _clean(name.family) else ""
    return f"{given}|{family}"


# ------------------------------------------------------------------ Latin

_AYN_HAMZA = str.maketrans(dict.fromkeys("ʿʾʻʼ'‘’`", None))
# "al-", "Al ", "el-", and sun-letter forms written with a hyphen whose
# consonant repeats: "ash-Shuaibi", "ad-Duwailaa", "an-Nasser".
# An apostrophe may also join the article ("El’Hadi"), so the article goes before
# the ʿ ʾ marks and apostrophes are removed.
_LATIN_ARTICLE = re.compile(r"^(?:[ae]l[\s\-'’‘ʼ]+|a(sh|th|dh|zh|[tdrzsn])-(?=\1))(?=\S)")


def latin_bare(text: str) -> str:
    """Casefolded, without accents and without ʿ ʾ marks (apostrophes too): how a romanised
    name is compared."""
    text = unicodedata.normalize("NFKC", text).translate(_AYN_HAMZA).casefold()
    return _strip_latin_accents(text).strip()


def _latin_words(text: str) -> str:
    return _SPACES.sub(" ", text.replace("-", " ")).strip()  # Abdul-Rahman = Abdul Rahman


def _latin_key(text: str) -> str:
    return _latin_words(latin_bare(text))


def latin_family_without_article(family: str) -> str:
    """«Al-Omari» -> "omari", «ash-Shuaibi» -> "shuaibi": the romanised name filed on,
    casefolded, without accents and ʿ ʾ marks (the English index and citation keys)."""
    casefolded = _strip_latin_accents(unicodedata.normalize("NFKC", family).casefold()).strip()
    return _LATIN_ARTICLE.sub("", casefolded, count=1).translate(_AYN_HAMZA)


def _latin_family_key(family: str) -> str:
    return _latin_words(latin_family_without_article(family))


def latin_sort_key(name: LatinName, tiebreak: str = "") -> tuple[str, ...]:
    """Family name without a leading Arabic article, then given name;
    casefolded, accents and ʿ ʾ marks ignored, hyphens as spaces. Ties:
    the written name, then `tiebreak` (pass the person id)."""
    return (_latin_family_key(name.family), _latin_key(name.given), name.full, tiebreak)


def latin_identity(name: LatinName) -> str:
    """The form under which two romanised spellings may be the same person: "given|family",
    casefolded, without accents, ʿ ʾ marks, hyphens or the family name's article. So
    «Abdul-Rahman Al-Julaifi» = «abdul rahman Julaifi»."""
    return f"{_latin_key(name.given)}|{_latin_family_key(name.family)}"


def latin_index_letter(name: LatinName) -> str:
    """A–Z heading of the filing word (Al-Omari -> O); "#" otherwise."""
    key = _latin_family_key(name.family) or _latin_key(name.given)
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def filed_name(person: Person, lang: Lang) -> ArabicName | LatinName:
    """The name a person is filed by in the index of `lang`: the Arabic name in the
    Arabic index, the preferred romanised one in the English; the other script's when
    that one is a translation gap."""
    arabic, latin = person.name_ar, person.name_en
    if arabic is not None and (lang == "ar" or latin is None):
        return arabic
    assert latin is not None, "a person has a name in one script at least"
    return latin


def person_sort_key(person: Person, lang: Lang) -> tuple[str, ...]:
    """Index order of a person in one language, ties broken by id. People filed by the
    other script's name (theirs in this one is a gap) come after everyone else."""
    name = filed_name(person, lang)
    if isinstance(name, ArabicName):
        return ("0" if lang == "ar" else "1", *arabic_sort_key(name, person.id))
    return ("0" if lang == "en" else "1", *latin_sort_key(name, person.id))


def person_index_letter(person: Person, lang: Lang) -> str:
    name = filed_name(person, lang)
    return index_letter(name) if isinstance(name, ArabicName) else latin_index_letter(name)
