"""Which language a text from an export is in, and ASCII slugs for the ids it gets.

A submission system holds one language per field and mostly does not say which: the
script decides where a text is stored. Arabic letters outnumbering Latin ones make a
text Arabic. Where an export does name an item's language (pretalx's talk `language`),
`source_code` checks the code and `item_language` makes paper.yaml's `language:` of it.
"""

from __future__ import annotations

import re
import unicodedata

from waqai.data.fields import LANGUAGE_TAG
from waqai.data.model import LANGS, Lang
from waqai.data.yamlread import MAX_SLUG

ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F"
                           r"\u08A0-\u08C9\uFB50-\uFDFF\uFE70-\uFEFC]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
# A language code as systems write them: BCP 47 ("en-GB") or Django's locale names, which
# pretalx uses ("en-gb", "pt_BR", "zh-hans", "de-formal"). Nothing else is kept: the code
# goes into a YAML comment and a message.
SOURCE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$")
OTHER_LANGUAGE = "Waqai shows Arabic or English items only"

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


def source_code(value: str) -> bool:
    """Whether `value` is written as a language code (see SOURCE_CODE)."""
    return bool(SOURCE_CODE.match(value))


def bcp47(code: str) -> str:
    """A system's code as BCP 47 spells it: "en_gb" -> "en-GB", "zh-hans" -> "zh-Hans",
    "EN" -> "en"."""
    primary, *rest = re.split(r"[-_]", code)
    subtags = [primary.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            subtags.append(part.title())  # a script
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            subtags.append(part.upper())  # a region
        else:
            subtags.append(part.lower())
    return "-".join(subtags)


def item_language(stored: Lang, said: str, system: str = "the system") -> tuple[str, str]:
    """The `language:` tag of an imported item whose title is stored under `stored` (by its
    script), and a note when `system` said something else (`said`, its own code, checked
    by `source_code`; "" if it says nothing). The tag is the system's, as BCP 47 spells
    it, when it names the stored language ("en-gb" -> “en-GB”; only the language when the
    rest is not a script or region Waqai reads: "en-formal" -> “en”); else the stored
    language, never a tag that contradicts where the text is: the note says what the
    system said, a third language (“de”) or the other of the two."""
    if not said:
        return stored, ""
    tag = bcp47(said)
    primary = tag.partition("-")[0]
    if primary == stored:
        return (tag if LANGUAGE_TAG.match(tag) else stored), ""
    if primary not in LANGS:
        return stored, f"{system} says “{said}”; {OTHER_LANGUAGE}"
    return stored, (f"{system} says “{said}”; the title is "
                    f"{'' if stored == 'ar' else 'not '}in Arabic letters")


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
