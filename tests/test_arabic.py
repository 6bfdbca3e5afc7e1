"""Tests of waqai.text.arabic: folding, search tokens, name filing and index order.

The pinned orders and letters below were worked out by hand, letter by letter,
from the alphabet ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي
and the rules in the module docstring (ICU `ar` primary strength); the
reasoning is written next to each group. While writing them they were also
checked against ICU 78.2 (Node's Intl.Collator("ar", {sensitivity: "base"})),
which is not a test dependency.
"""

from __future__ import annotations

import pytest
from pyuca import Collator

from waqai.data.model import ArabicName as AN
from waqai.data.model import LatinName as LN
from waqai.data.model import Person
from waqai.text.arabic import (
    arabic_sort_key,
    collation_form,
    expand,
    filing_word,
    fold,
    index_letter,
    latin_index_letter,
    latin_sort_key,
    name_identity,
    person_index_letter,
    person_sort_key,
    search_tokens,
)

# ------------------------------------------------------------------ folding


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("إبراهيم", "ابراهيم"),  # hamza below
        ("أحمد", "احمد"),  # hamza above
        ("آمر", "امر"),  # madda
        ("ٱلله", "الله"),  # alif wasla
        ("مُحَمَّد", "محمد"),  # harakat and shadda
        ("العُمري", "العمري"),
        ("الرَّحْمٰن", "الرحمن"),  # superscript alef
        ("القحـــطاني", "القحطاني"),  # tatweel
        ("تجربة", "تجربه"),  # teh marbuta
        ("مصطفى", "مصطفي"),  # alef maksura
        ("العمرى", "العمري"),
        ("مسؤول", "مسوول"),  # waw seat
        ("هيئة", "هييه"),  # yeh seat
        ("ﺍﻟﻌﻤﺮﻱ", "العمري"),  # presentation forms (U+FE8D …)
        ("ﻻ", "لا"),  # lam-alif ligature
        ("فی", "في"),  # Persian yeh
        ("عام ١٤٣٧ / ۲۰۱۵", "عام 1437 / 2015"),  # Arabic-Indic and Persian digits
        ("Absher ÉCOLE", "absher ecole"),
        ("الع\u200fمري\u202e", "العمري"),  # bidi controls (CVE-2021-42574)
        ("عبد\u200cالله", "عبدالله"),  # zero-width non-joiner
    ],
)
def test_fold_merges_spellings(a: str, b: str) -> None:
    assert fold(a) == fold(b) == b


def test_fold_keeps_letters_apart() -> None:
    assert fold("ء") == "ء"  # a letter, not a seat
    assert fold("عمري") != fold("عمر")
    assert fold("ت") != fold("ه")  # only the final ة merges with ه, not ت


def test_fold_is_idempotent() -> None:
    for text in ("أَحْمَد العُمَرِيّ", "ﷲ", "ﺍﻟﻤﺪﺭﺳﺔ", "Al-ʿUtaybī", "İstanbul"):
        assert fold(fold(text)) == fold(text)


# ------------------------------------------------------------------ search


@pytest.mark.parametrize("text", ["والمدرسة", "بالمدرسة", "للمدرسة", "فالمدرسة", "وللمدرسة", "المدرسة"])
def test_proclitics_do_not_stop_a_match(text: str) -> None:
    terms = search_tokens(text)
    assert fold("مدرسة") in terms
    assert fold("المدرسة") in terms


def test_expand_contract() -> None:
    assert expand("والمدرسه") == ("المدرسه", "مدرسه")
    # ل + اللغه is written للغه: the doubled-lam reading is kept beside «الغه»
    assert {"اللغه", "لغه"} <= set(expand("للغه"))
    assert {"اللجنه", "لجنه"} <= set(expand(fold("وللجنة")))
    assert expand("ومدرسه") == ("مدرسه",)
    assert expand("المدرسه") == ("مدرسه",)
    assert expand("مدرسه") == ()


@pytest.mark.parametrize(
    ("token", "not_a_variant"),
    [
        ("بدر", "در"),  # a lone ب is never a proclitic
        ("فهد", "هد"),  # nor a lone ف
        ("كريم", "ريم"),  # nor a lone ك
        ("ليلي", "يلي"),  # nor a lone ل
        ("ولد", "لد"),  # و needs three letters after it
        ("الم", "م"),  # the article needs two
        ("والد", "د"),
    ],
)
def test_expand_is_conservative(token: str, not_a_variant: str) -> None:
    assert not_a_variant not in expand(token)


def test_search_tokens_order_and_split() -> None:
    assert search_tokens("قياس، وتحقيق الرضا!") == ["قياس", "وتحقيق", "تحقيق", "الرضا", "رضا"]
    assert search_tokens("Absher: e_services") == ["absher", "e", "services"]


def test_abd_compounds_match_either_spelling() -> None:
    spaced = search_tokens("عبد الرحمن الجليفي")
    joined = search_tokens("عبدالرحمن الجليفي")
    for term in ("عبدالرحمن", "عبد", "الرحمن", "رحمن", "جليفي"):
        assert term in spaced and term in joined


# ------------------------------------------------------------------ names
#
# The test population: the people of the example data (facts page) plus
# invented names that exercise hamza forms, diacritics, ة and «عبد» compounds.

PEOPLE: dict[str, tuple[AN, LN]] = {
    "duwailaa": (AN("حمد", "الضويلع", "بن محمد", "أ."), LN("Hamad", "Al-Duwailaa")),
    "julaifi": (AN("عبدالرحمن", "الجليفي", "بن راشد", "أ."), LN("Abdulrahman", "Al-Julaifi")),
    "ohali": (AN("يوسف", "العوهلي", "بن أحمد", "أ."), LN("Yousef", "Al-Ohali")),
    "omari-nayef": (AN("نايف", "العمري", "بن صالح", "أ."), LN("Nayef", "Al-Omari")),
    "qahtani-saad": (AN("سعد", "القحطاني", "بن عبود", "أ."), LN("Saad", "Al-Qahtani")),
    "omari-badr": (AN("بدر", "العُمري", "بن عبدالله", "م."), LN("Badr", "Al-Omari")),
    "rice": (AN("بادي", "رايس"), LN("Paddy", "Rice")),
    "qahtani-mushabab": (AN("مشبب", "القحطاني", "بن عايض", "د."), LN("Mushabab", "Al-Qahtani")),
    "shuaibi": (AN("أحمد", "الشعيبي", "", "د."), LN("Ahmed", "ash-Shuaibi")),
    "araj": (AN("خالد", "العرج"), LN("Khalid", "El-Araj")),
    # invented
    "atiya": (AN("إبراهيم", "العطية", "بن علي", "د."), LN("Ibrahim", "Al-Atiyah")),
    "utaishan": (AN("هند", "العطيشان", "بنت سعد", "أ."), LN("Hind", "al-ʿUtaishan")),
    "julaifi-2": (AN("عبد الرحمن", "الجليفي", "بن محمد", "أ."), LN("Abdul Rahman", "al Julaifi")),
    "abdullah": (AN("فهد", "عبد الله", "بن ناصر", "د."), LN("Fahd", "Abdullah")),
    "ahmad": (AN("إيمان", "الأحمد", "بنت خالد", "أ."), LN("Eman", "Al-Ahmad")),
    "ibrahim": (AN("مريم", "إبراهيم", "", "أ."), LN("Maryam", "Ibrahim")),
    "amidi": (AN("سلمان", "الآمدي", "", "د."), LN("Salman", "al-Āmidi")),
    "harbi-ahmad": (AN("أحمد", "الحربي", "", "أ."), LN("Ahmed", "Al-Harbi")),
    "harbi-ibrahim": (AN("إبراهيم", "الحربي", "", "د."), LN("Ibrāhīm", "Al-Harbi")),
    "harbi-amna": (AN("آمنة", "الحربي", "", "أ."), LN("Amna", "Al-Harbi")),
}

# Arabic order, by hand. Collation forms of the filing words:
#   ا: آمدي = «اامدي» (آ is two alifs) < إبراهيم = «ابراهيم» < أحمد = «احمد»
#      (second letters ا < ب < ح)
#   ج: جليفي ×2, same given name once «عبد الرحمن» is joined; nasab راشد < محمد
#   ح: حربي ×3, given names آمنة «اامنت» < إبراهيم «ابراهيم» < أحمد «احمد»
#   ر: رايس   ش: شعيبي   ض: ضويلع
#   ع: second letters ب (عبدالله) < ر (عرج) < ط (عطية, عطيشان) < م (عمري ×2)
#      < و (عوهلي); عطية = «عطيت» < «عطيشان» (ت < ش); عمري: بدر < نايف
#   ق: قحطاني ×2, given names سعد < مشبب
ARABIC_ORDER = [
    ("amidi", "ا"),
    ("ibrahim", "ا"),
    ("ahmad", "ا"),
    ("julaifi", "ج"),
    ("julaifi-2", "ج"),
    ("harbi-amna", "ح"),
    ("harbi-ibrahim", "ح"),
    ("harbi-ahmad", "ح"),
    ("rice", "ر"),
    ("shuaibi", "ش"),
    ("duwailaa", "ض"),
    ("abdullah", "ع"),
    ("araj", "ع"),
    ("atiya", "ع"),
    ("utaishan", "ع"),
    ("omari-badr", "ع"),
    ("omari-nayef", "ع"),
    ("ohali", "ع"),
    ("qahtani-saad", "ق"),
    ("qahtani-mushabab", "ق"),
]

# English order, by hand: family names without the article —
# abdullah < ahmad < amidi < araj < atiyah < duwailaa < harbi (ahmed < amna
# < ibrahim) < ibrahim < julaifi ("abdul rahman" < "abdulrahman": a space
# sorts first) < ohali < omari (badr < nayef) < qahtani (mushabab < saad)
# < rice < shuaibi < utaishan.
LATIN_ORDER = [
    ("abdullah", "A"),
    ("ahmad", "A"),
    ("amidi", "A"),
    ("araj", "A"),
    ("atiya", "A"),
    ("duwailaa", "D"),
    ("harbi-ahmad", "H"),
    ("harbi-amna", "H"),
    ("harbi-ibrahim", "H"),
    ("ibrahim", "I"),
    ("julaifi-2", "J"),
    ("julaifi", "J"),
    ("ohali", "O"),
    ("omari-badr", "O"),
    ("omari-nayef", "O"),
    ("qahtani-mushabab", "Q"),
    ("qahtani-saad", "Q"),
    ("rice", "R"),
    ("shuaibi", "S"),
    ("utaishan", "U"),
]


def _person(pid: str) -> Person:
    ar, en = PEOPLE[pid]
    return Person(id=pid, name_ar=ar, names_latin=(en,))


def test_population_is_complete() -> None:
    assert len(PEOPLE) >= 15
    assert sorted(PEOPLE) == sorted(pid for pid, _ in ARABIC_ORDER) == sorted(pid for pid, _ in LATIN_ORDER)


def test_arabic_index_order_is_pinned() -> None:
    shuffled = sorted(PEOPLE, reverse=True)  # any order but the expected one
    got = sorted(shuffled, key=lambda pid: arabic_sort_key(PEOPLE[pid][0], pid))
    assert got == [pid for pid, _ in ARABIC_ORDER]


def test_arabic_index_letters() -> None:
    assert [index_letter(PEOPLE[pid][0]) for pid, _ in ARABIC_ORDER] == [letter for _, letter in ARABIC_ORDER]


def test_both_omari_file_under_ain() -> None:
    for pid in ("omari-nayef", "omari-badr"):
        assert index_letter(PEOPLE[pid][0]) == "ع"
        assert index_letter(PEOPLE[pid][0]) != "ا"
    assert filing_word(PEOPLE["omari-nayef"][0]) == filing_word(PEOPLE["omari-badr"][0]) == "عمري"


def test_latin_index_order_is_pinned() -> None:
    shuffled = sorted(PEOPLE, reverse=True)
    got = sorted(shuffled, key=lambda pid: latin_sort_key(PEOPLE[pid][1], pid))
    assert got == [pid for pid, _ in LATIN_ORDER]
    assert [latin_index_letter(PEOPLE[pid][1]) for pid, _ in LATIN_ORDER] == [letter for _, letter in LATIN_ORDER]


def test_person_helpers_follow_the_language() -> None:
    people = [_person(pid) for pid in sorted(PEOPLE)]
    assert [p.id for p in sorted(people, key=lambda p: person_sort_key(p, "ar"))] == [pid for pid, _ in ARABIC_ORDER]
    assert [p.id for p in sorted(people, key=lambda p: person_sort_key(p, "en"))] == [pid for pid, _ in LATIN_ORDER]
    assert person_index_letter(_person("omari-badr"), "ar") == "ع"
    assert person_index_letter(_person("omari-badr"), "en") == "O"


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("العمري", "عمري"),
        ("العُمري", "عمري"),
        ("الأحمد", "أحمد"),  # hamza kept in the readable form
        ("عبد الله", "عبدالله"),
        ("العبد الله", "عبدالله"),
        ("رايس", "رايس"),
        ("الياس", "الياس"),  # ال is part of the name
        ("الم", "الم"),  # too short to carry an article
    ],
)
def test_filing_word(family: str, expected: str) -> None:
    assert filing_word(AN("سعد", family)) == expected


def test_filing_word_without_family_is_the_given_name() -> None:
    name = AN("عبد الرحمن", "")
    assert filing_word(name) == "عبدالرحمن"
    assert index_letter(name) == "ع"


def test_abd_compounds_file_identically() -> None:
    spaced = arabic_sort_key(AN("عبد الرحمن", "الجليفي", "بن راشد"))
    joined = arabic_sort_key(AN("عبدالرحمن", "الجليفي", "بن راشد"))
    assert spaced[:3] == joined[:3]  # equal up to the deterministic tie-break
    assert spaced != joined
    assert filing_word(AN("فهد", "عبد الله")) == filing_word(AN("فهد", "عبدالله"))


def test_honorific_and_marks_do_not_move_a_name() -> None:
    plain = arabic_sort_key(AN("بدر", "العمري", "بن عبدالله"))
    marked = arabic_sort_key(AN("بَدْر", "العُمَـري", "بن عبدالله", "م."))
    assert plain[:3] == marked[:3]


def test_ties_are_broken_by_id() -> None:
    name = AN("نايف", "العمري")
    assert sorted(["b", "a", "c"], key=lambda pid: arabic_sort_key(name, pid)) == ["a", "b", "c"]
    latin = LN("Nayef", "Al-Omari")
    assert sorted(["b", "a"], key=lambda pid: latin_sort_key(latin, pid)) == ["a", "b"]


@pytest.mark.parametrize(
    ("family", "letter", "key"),
    [
        ("Al-Omari", "O", "omari"),
        ("al-Omari", "O", "omari"),
        ("AL OMARI", "O", "omari"),
        ("el-Araj", "A", "araj"),
        ("El Sayed", "S", "sayed"),
        ("ash-Shuaibi", "S", "shuaibi"),
        ("ad-Duwailaa", "D", "duwailaa"),
        ("al-ʿUtaybī", "U", "utaybi"),
        ("Alam", "A", "alam"),  # no separator: not an article
        ("El’Hadi", "H", "hadi"),  # an apostrophe joins the article too
        ("Asher", "A", "asher"),
        ("as-Maari", "A", "as maari"),  # assimilated form needs the doubled consonant
        ("Rice", "R", "rice"),
    ],
)
def test_latin_article(family: str, letter: str, key: str) -> None:
    name = LN("X", family)
    assert latin_index_letter(name) == letter
    assert latin_sort_key(name)[0] == key


# ------------------------------------------------------------------ identity


def test_name_identity() -> None:
    nayef = name_identity(AN("نايف", "العمري", "بن صالح", "أ."))
    assert nayef == name_identity(AN("نايف", "العمرى"))  # ى / ي, nasab and honorific dropped
    assert nayef == name_identity(AN("نايف", "عمري"))  # the article does not matter
    assert nayef != name_identity(AN("بدر", "العُمري", "بن عبدالله", "م."))
    assert name_identity(AN("إبراهيم", "العطية")) == name_identity(AN("ابراهيم", "العطيه"))
    assert name_identity(AN("عبد الرحمن", "الجليفي")) == name_identity(AN("عبدالرحمن", "الجليفي"))
    assert name_identity(AN("سعد", "القحطاني")) != name_identity(AN("مشبب", "القحطاني"))
    # the same word as given name or as family name is not the same name
    assert name_identity(AN("عمر", "")) != name_identity(AN("", "العمر"))


# ------------------------------------------------------------------ UCA (pyuca)

_UCA = Collator()  # DUCET, no locale tailoring


def _primary(text: str) -> tuple[int, ...]:
    key = _UCA.sort_key(text)
    return tuple(key[: key.index(0)])  # the primary level ends at the first 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # primary-equal in ICU 78.2 with locale "ar" (checked with Node's Intl.Collator)
        ("رؤوف", "رءوف"),  # ؤ, ء and ا are one primary
        ("مسؤول", "مسئول"),  # ئ too
        ("آمنة", "اامنت"),  # آ = two alifs, ة = ت
        ("مصطفى", "مصطفي"),
        ("العُمـري", "العمري"),
    ],
)
def test_collation_form_is_icu_primary(a: str, b: str) -> None:
    assert collation_form(a) == collation_form(b)


def _filing_words() -> list[str]:
    """Distinct filing words in our index order."""
    return list(dict.fromkeys(filing_word(PEOPLE[pid][0]) for pid, _ in ARABIC_ORDER))


def test_uca_agrees_on_collation_forms() -> None:
    forms = [collation_form(word) for word in _filing_words()]
    assert sorted(forms, key=_primary) == forms
    # and no two different filing words share a primary key
    assert len({_primary(f) for f in forms}) == len(forms)


def test_uca_on_search_fold_differs_only_where_documented() -> None:
    # DUCET on fold(): آمدي becomes «امدي» (madda folded to one alif) and moves
    # after احمد; عطية becomes «عطيه» and moves after عطيشان (ه > ش). Both are
    # fold's choices for *matching*; sorting follows CLDR ar, where آ = ءا
    # (two alifs) and ة is primary-equal to ت (DUCET, too, puts ة just before ت).
    folded = sorted((fold(word) for word in _filing_words()), key=_primary)
    assert folded == [
        "ابراهيم", "احمد", "امدي", "جليفي", "حربي", "رايس", "شعيبي", "ضويلع",
        "عبدالله", "عرج", "عطيشان", "عطيه", "عمري", "عوهلي", "قحطاني",
    ]  # fmt: skip


def test_raw_ducet_separates_hamza_forms() -> None:
    # Without folding, DUCET gives ء آ أ ؤ إ ئ ا distinct primaries in that order,
    # so أحمد sorts before إبراهيم and آمدي before both; ICU's Arabic tailoring
    # (CLDR ar) and this module treat them as one letter, giving آمدي, إبراهيم, أحمد.
    raw = sorted(["أحمد", "إبراهيم", "آمدي"], key=_primary)
    assert raw == ["آمدي", "أحمد", "إبراهيم"]
    ours = sorted(["أحمد", "إبراهيم", "آمدي"], key=collation_form)
    assert ours == ["آمدي", "إبراهيم", "أحمد"]
    # Diacritics and tatweel are primary-ignorable in DUCET, as here.
    assert _primary("العُمـري") == _primary("العمري")
