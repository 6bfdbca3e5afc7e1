"""The browser folds queries exactly as Python folds the index.

`fold` and the query split in overrides/assets/javascripts/waqai-search.js are
a port of `waqai.text.arabic.fold`; here both run on the same tricky strings, in
Node and in Debian's chromium (whichever is installed; CI has both).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import missing
from waqai.search.query import query_tokens
from waqai.text.arabic import APOSTROPHES, fold

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "overrides/assets/javascripts/waqai-search.js"

TRICKY = [
    # hamza seats, alif forms, ى ة, Persian letters, digits
    "أَحْمَد", "إبراهيم", "آمر", "ٱلرحمن", "مسؤول", "هيئة", "مستشفى", "تجربة", "ی ک",
    "١٤٣٧ ۱۴۳۷", "ء",
    # tatweel, harakat, Quranic marks (removed) and Quranic signs (kept)
    "مـــدرســة", "بِسْمِ ٱللَّهِ", "قُرْآن ۖ ۗ ٰ", "\u06E5\u06E6", "۞ ۩", "العُمري",
    # combining hamza and madda, composed by NFKC first
    "ي\u0654", "ا\u0653", "و\u0654",
    # presentation forms and ligatures
    "ﻻ ﷲ ﷺ", "ﻣﺪﺭﺳﺔ", "ﬁne ﬀ", "Ⅻ ½ ①", "𝐀𝐫𝐚𝐛", "ＡＢＣ",
    # bidi controls, joiners, BOM, soft hyphen (format characters, removed)
    "عبد\u200cالله", "\u202bأبشر\u202c", "\u2067x\u2069", "\ufeffBOM", "soft\u00adhyphen",
    # Latin case folding and accents
    "Straße ẞ", "İstanbul ısı", "ÉCOLE Café naïve", "ǅemal ſ ς Σ", "Ω K", "e\u0301",
    "Al-Omari’s", "snake_case", "مدرسة_الرياض",
    # whitespace Python and JavaScript disagree on unless told
    "  many\t\x0bspaces\x1c\x1f\x85\u3000end  ", "\u00a0nbsp\u2007figure\u202f", "", "   ",
    # other scripts pass through
    "中文 日本語", "हिन्दी", "emoji 😀 test",
    # apostrophes (issue 30): nothing inside a Latin word, a word break elsewhere, even in
    # Arabic; double quotes break words; fullwidth and double prime come through NFKC
    "“Arabic” „x“ «y» \"z\"", "Ｑｕｒ＇ａｎ Qur″an Qur’’an", "Qura\u0323’n ŉ", "ʿAbd al-ʾAzīz",
    *(f"Qur{c}an Ā{c}é {c}Arabic{c} 80{c}s مدرسة{c}الرياض qur{c}ان" for c in APOSTROPHES + "´"),
]


def python_side() -> list[list]:
    return [[fold(text), query_tokens(text)] for text in TRICKY]


def test_fold_examples_checked_by_hand():
    """The reference itself, on forms a reader types differently."""
    assert fold("أَحْمَد") == fold("احمد") == "احمد"
    assert fold("مـــدرســة") == "مدرسه"
    assert fold("مستشفى") == "مستشفي"
    assert fold("ٱلرحمن") == fold("آلرحمن") == "الرحمن"
    assert fold("ي\u0654") == "ي"
    assert query_tokens("Straße, ÉCOLE!") == ["strasse", "ecole"]


@pytest.mark.parametrize("spelling", ["Qur’an", "Qur'an", "Qur‘an", "Qur‛an", "Qurʼan", "Qurʻan",
                                      "Qur′an", "Qur`an", "Qur´an", "Qurʾān", "QUR’AN"])
def test_apostrophes_vanish_inside_a_latin_word(spelling: str):
    assert fold(spelling) == fold("Quran") == "quran"
    assert query_tokens(f"the {spelling}’s “reading”") == ["the", "qurans", "reading"]


def test_apostrophes_and_quotes_break_other_words():
    assert query_tokens("‘Arabic’ “NLP” „x“ «y» \"z\" ʻw") == ["arabic", "nlp", "x", "y", "z", "w"]
    for c in APOSTROPHES + "´":  # never glue Arabic words, nor Latin to Arabic or digits
        assert query_tokens(f"مدرسة{c}الرياض") == ["مدرسه", "الرياض"], c
        assert query_tokens(f"Qur{c}ان 80{c}s") == ["qur", "ان", "80", "s"], c


def test_node_folds_like_python():
    node = shutil.which("node")
    if node is None:
        missing("node is not installed (apt-get install nodejs)")
    program = ("const s = require(process.argv[1]);"
               "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
               "process.stdout.write(JSON.stringify(input.map(x => [s.fold(x), s.tokens(x)])));")
    result = subprocess.run([node, "-e", program, str(SCRIPT)], input=json.dumps(TRICKY),
                            capture_output=True, text=True, timeout=60, check=True)
    assert list(zip(TRICKY, json.loads(result.stdout))) == list(zip(TRICKY, python_side()))


def test_chromium_folds_like_python(browser):
    page = browser.new_page()
    try:
        page.add_script_tag(path=str(SCRIPT))
        got = page.evaluate("input => input.map(x => [WaqaiSearch.fold(x), WaqaiSearch.tokens(x)])",
                            TRICKY)
    finally:
        page.close()
    assert list(zip(TRICKY, got)) == list(zip(TRICKY, python_side()))
