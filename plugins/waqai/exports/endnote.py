"""EndNote tagged export (`.enw`, what EndNote's "Import → EndNote Import" and most
reference managers read): one `%0 Conference Paper` record per item, from a `Citation`.

Tags (EndNote's tagged format, as bibutils `end2xml` reads them back): `%T` the title,
`%A` each author "Family, Given" (a corporate author its name and a comma, EndNote's
sign that the name is not to be split), `%E` each editor, `%B` the volume's title (a
conference paper's "Conference Name" field in EndNote, the booktitle bibutils makes of
it), `%C` the city, `%I` the publisher, `%D` the year, `%8` the item's day as EndNote
writes a date ("November 17"), `%P` pages, `%G` the item's language (BCP 47), `%K` one
keyword a line, `%X` the abstract, `%R` the DOI, `%U` the item's page, `%F` the citation
key shared with every other format, `%Z` its retraction or withdrawal and errata.

Values are put on one line (`one_line`), so an untrusted title holding a newline cannot
start a new tag or end the record; a record ends with a blank line.
"""

from __future__ import annotations

from collections.abc import Iterable

from waqai.exports.common import tagged_lines
from waqai.exports.record import Citation, Name

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def endnote_name(name: Name) -> str:
    if name.corporate:
        return f"{name.family},"
    return f"{name.family}, {name.given}" if name.given else name.family


def _tags(cite: Citation) -> list[tuple[str, str]]:
    tags = [("0", "Conference Paper"), ("T", cite.title)]
    tags += [("A", endnote_name(name)) for name in cite.authors]
    tags += [("E", endnote_name(name)) for name in cite.editors]
    day = f"{MONTHS[cite.date.month - 1]} {cite.date.day}"
    tags += [("B", cite.container), ("C", cite.place), ("I", cite.publisher),
             ("D", str(cite.date.year)), ("8", day)]
    pages = "-".join(p for p in (cite.first_page, cite.last_page) if p)
    tags += [("P", pages), ("G", cite.language)]
    tags += [("K", word) for word in cite.keywords]
    tags += [("X", cite.abstract), ("R", cite.doi), ("U", cite.url), ("F", cite.key),
             ("Z", cite.note)]
    return tags


def paper_endnote(cite: Citation) -> str:
    return tagged_lines(_tags(cite), "%{tag} {value}")


def join_records(records: Iterable[str]) -> str:
    """An .enw text of records, a blank line after each (EndNote's separator)."""
    return "".join(f"{record}\n" for record in records)
