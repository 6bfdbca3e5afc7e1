"""The DOI of each item and of the volume: the one place every page and export reads them.

With `doi_prefix` in conference.yaml, every item and the volume have a DOI:

- an item's is the DOI its paper.yaml states (`doi:`), if any, else
  `<prefix>/<doi_suffix>` with the pattern's placeholders filled in;
- the volume's is `<prefix>/<doi_volume_suffix>`.

Without a prefix only the DOIs that paper.yaml files state exist, and the volume has none.

Placeholders: `{id}` (the item's id, which is also its page's address), `{short_name}`
and `{year}`. The citation key is deliberately not one: a key the data does not store
is derived from the whole volume and may still change, and a DOI is forever. The
default patterns are `{short_name}.{id}` and `{short_name}`. Made suffixes are
lower-cased: DOIs are case-insensitive, and one spelling avoids two that look different.

A made suffix may use only the characters Crossref allows (`SUFFIX_CHARACTERS`);
`checks.check_dois` tells an editor which pattern gives what. A stated DOI is taken as
written (it may have been registered elsewhere, under older rules).
"""

from __future__ import annotations

import re

from waqai.data.model import Conference, Paper, Proceedings

PREFIX = re.compile(r"^10\.[0-9]{4,9}$")  # ASCII digits: \d takes Arabic-Indic ones
ITEM_SUFFIX = "{short_name}.{id}"
VOLUME_SUFFIX = "{short_name}"
# The characters Crossref allows in a suffix it registers.
SUFFIX_CHARACTERS = "a-z A-Z 0-9 - . _ ; ( ) /"
SUFFIX = re.compile(r"^[a-zA-Z0-9\-._;()/]+$")
NOT_SUFFIX = re.compile(r"[^a-zA-Z0-9\-._;()/]")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
ITEM_PLACEHOLDERS = ("id", "short_name", "year")
VOLUME_PLACEHOLDERS = ("short_name", "year")
# A pattern as the JSON Schema states it: allowed characters and known placeholders.
ITEM_PATTERN = r"^(?:[a-zA-Z0-9\-._;()/]|\{(?:id|short_name|year)\})*\{id\}" \
               r"(?:[a-zA-Z0-9\-._;()/]|\{(?:id|short_name|year)\})*$"
VOLUME_PATTERN = r"^(?:[a-zA-Z0-9\-._;()/]|\{(?:short_name|year)\})+$"


def fill(pattern: str, conf: Conference, paper_id: str = "") -> str:
    """The suffix `pattern` gives, lower-cased; an unknown placeholder is left as written."""
    values = {"id": paper_id, "short_name": conf.short_name, "year": str(conf.year)}
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group()), pattern).lower()


def _conference(source: Proceedings | Conference) -> Conference:
    return source.conference if isinstance(source, Proceedings) else source


def item_doi(source: Proceedings | Conference, paper: Paper) -> str | None:
    """The item's DOI: the one its paper.yaml states, else the one the prefix gives it."""
    if paper.doi:
        return paper.doi
    conf = _conference(source)
    if conf.doi_prefix is None:
        return None
    return f"{conf.doi_prefix}/{fill(conf.doi_suffix or ITEM_SUFFIX, conf, paper.id)}"


def volume_doi(source: Proceedings | Conference) -> str | None:
    """The volume's DOI, when conference.yaml gives a prefix."""
    conf = _conference(source)
    if conf.doi_prefix is None:
        return None
    return f"{conf.doi_prefix}/{fill(conf.doi_volume_suffix or VOLUME_SUFFIX, conf)}"


def doi_url(doi: str) -> str:
    """The resolver address of a DOI."""
    return f"https://doi.org/{doi}"


def bad_characters(suffix: str) -> list[str]:
    """The characters of `suffix` Crossref does not allow, each once, in order."""
    return list(dict.fromkeys(NOT_SUFFIX.findall(suffix)))


def unknown_placeholders(pattern: str, known: tuple[str, ...]) -> list[str]:
    return [f"{{{name}}}" for name in PLACEHOLDER.findall(pattern) if name not in known]
