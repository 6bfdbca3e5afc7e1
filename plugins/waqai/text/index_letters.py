"""The speaker index's letters in addresses: one ASCII slug per letter.

A letter's slug follows from the letter alone, never from the volume, so a letter page
keeps its address as the volume grows. The 28 Arabic letters take the names Unicode
gives them («ع» is ARABIC LETTER AIN: `ain`), Latin letters their lowercase selves
(`o`), the heading "#" (a filing word that starts with no letter) `other`, and a letter
of any other script its code point (`u05d0`). A letter that both indexes file under is
one letter whichever page it is on: "O" in the English index and "O" among the Arabic
index's names without an Arabic spelling both have the slug `o`.

Letter pages have a folder of their own (`names/ain/`, beside `people/nayef-alomari/`),
so a person's id may be anything, a letter's slug too.
"""

from __future__ import annotations

OTHER = "#"  # the heading of names that start with no letter (waqai.text.arabic)
OTHER_SLUG = "other"

ARABIC_SLUGS = {
    "ا": "alef", "ب": "beh", "ت": "teh", "ث": "theh", "ج": "jeem", "ح": "hah", "خ": "khah",
    "د": "dal", "ذ": "thal", "ر": "reh", "ز": "zain", "س": "seen", "ش": "sheen", "ص": "sad",
    "ض": "dad", "ط": "tah", "ظ": "zah", "ع": "ain", "غ": "ghain", "ف": "feh", "ق": "qaf",
    "ك": "kaf", "ل": "lam", "م": "meem", "ن": "noon", "ه": "heh", "و": "waw", "ي": "yeh",
}


def letter_heading(letter: str) -> str:
    """The letter as an index heading shows it: a Latin letter in capitals, whichever
    index it comes from ("i" of an Arabic name's Latin filing word is "I")."""
    return letter.upper() if letter.isascii() else letter


def letter_slug(letter: str) -> str:
    """The slug of an index heading (one character, as `arabic.person_index_letter` gives it)."""
    if letter in ARABIC_SLUGS:
        return ARABIC_SLUGS[letter]
    if letter == OTHER:
        return OTHER_SLUG
    if letter.isascii() and letter.isalpha():
        return letter.lower()
    return f"u{ord(letter):04x}"

