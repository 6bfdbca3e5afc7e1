"""Which language a text from an export is in, and ASCII slugs for the ids it gets.

A submission system holds one language per field and does not say which: the script
decides. Arabic letters outnumbering Latin ones make a text Arabic.
"""

from __future__ import annotations

import re
import unicodedata

from waqai.data.fields import LANGUAGE_TAG
from waqai.data.model import Lang
from waqai.data.yamlread import MAX_SLUG

ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F"
                           r"\u08A0-\u08C9\uFB50-\uFDFF\uFE70-\uFEFC]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")

# A plain letter-for-letter romanisation, for ids only (an id is never shown as a
# name): short vowels are not written in Arabic, so none are guessed here.
ROMAN = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "", "ئ": "",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a", "ی": "y", "ک": "k",
})


def language_of(text: str) -> Lang:
    """"ar" when `text` has more Arabic letters than Latin ones, else "en"."""
    arabic = len(ARABIC_LETTER.findall(text))
    return "ar" if arabic and arabic >= len(LATIN_LETTER.findall(text)) else "en"


def item_language(stored: Lang, said: str) -> tuple[str, str]:
    """The `language:` tag of an imported item whose title is stored under `stored` (by its
    script), and a note when the system said something else (`said`, its own code; "" if
    it says nothing). The tag is the system's when it names the stored language (“en-GB”),
    else the stored language: never a tag that contradicts where the text is."""
    if not said:
        return stored, ""
    if said.split("-", 1)[0].lower() == stored:
        return (said if LANGUAGE_TAG.match(said) else stored), ""
    return stored, (f"the system says “{said}”; Waqai shows items in Arabic or English "
                    f"only, and the title is in {'Arabic' if stored == 'ar' else 'Latin'} "
                    "script")


def slug(text: str, limit: int = MAX_SLUG) -> str:
    """An id from `text` in either script: lowercase ASCII words joined by hyphens
    («خالد الحربي» → "khald-alhrby", «Nour Haddad» → "nour-haddad"); "" if nothing is
    left."""
    romanised = unicodedata.normalize("NFKD", text.translate(ROMAN))
    ascii_text = romanised.encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return words[:limit].rstrip("-")


def free_id(base: str, taken: set[str], fallback: str) -> str:
    """`base` (or `fallback` if empty), with -2, -3 … added if it is in `taken`; the
    id returned is added to `taken`."""
    base = base or fallback
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base[:MAX_SLUG - len(str(n)) - 1]}-{n}"
    taken.add(candidate)
    return candidate
