"""A person's name split into given and family names, for systems that keep one name
field (pretalx, frab).

The family name is the last word, with the particles written before it (“عبد الله”,
“أبو زيد”, “bin Saleh”, “van der Berg”); the given name is the rest. A name written
“Family, Given” is split at its comma. A single word is taken as the family name.
The split is a guess: the editors check the new people in people.yaml.
"""

from __future__ import annotations

# Words that begin a family name rather than end a given one (compared casefolded).
PARTICLES = frozenset({
    "عبد", "أبو", "ابو", "أبي", "بن", "ابن", "بنت", "آل",
    "abd", "abdel", "abdul", "abu", "al", "el", "bin", "ibn", "bint", "ben",
    "da", "de", "del", "della", "der", "di", "dos", "du", "la", "le", "van", "von",
})


def split_name(full: str) -> tuple[str, str]:
    """(given, family) of the one-field name `full`; ("", "") for an empty one."""
    if full.count(",") == 1:
        family, given = (part.strip() for part in full.split(","))
        if family and given:
            return " ".join(given.split()), " ".join(family.split())
    words = full.split()
    if len(words) < 2:
        return "", " ".join(words)
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])
