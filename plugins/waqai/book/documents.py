"""The JSON of each document the book is typeset from (`templates/`): the body in parts
of whole sessions, then the front and the indexes, which print the pages the body gave.

Typst holds a whole document while it lays it out, about 0.7 MB a page of text: one
document for a volume of 1,000 papers took 1.5 GB. In parts of `PART_ITEMS` items each
part takes a fifth of that, whatever the volume's size (`assemble.py` joins them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Json = dict[str, Any]
PART_ITEMS = 200  # items per part of the body, at least (a part ends with a session)


def body_parts(data: Json, part_items: int = PART_ITEMS) -> list[list[Json]]:
    """The sessions of `content.book_data`, in programme order, in parts of whole sessions
    with at least `part_items` items each (the last part may have fewer)."""
    parts: list[list[Json]] = []
    part: list[Json] = []
    items = 0
    for day in data["days"]:
        for session in day["sessions"]:
            part.append(session)
            items += len(session["items"])
            if items >= part_items:
                parts.append(part)
                part, items = [], 0
    if part:
        parts.append(part)
    return parts


def body_document(data: Json, sessions: list[Json], start: int) -> Json:
    """One part of the body (`templates/body.typ`): its sessions with their items
    (`content.with_items`), numbered from `start`."""
    return {**data["common"], "sessions": sessions, "start": start}


def front_document(data: Json, pages: Mapping[str, int]) -> Json:
    """The title page, the front matter and the contents (`templates/front.typ`), with
    each session's and item's printed page from `pages` ("s-" or "i-" and its id)."""
    contents = [{"title": day["title"], "sessions": [
        {"id": s["id"], "title": s["title"], "page": pages["s-" + s["id"]],
         "items": [{**item, "page": pages["i-" + item["id"]]} for item in s["items"]]}
        for s in day["sessions"]]} for day in data["days"]]
    return {**data["common"], **data["front"], "contents": contents}


def index_document(data: Json, pages: Mapping[str, int], start: int) -> Json:
    """The indexes of people (`templates/index.typ`), numbered from `start`: each name
    with the pages its items begin on, in order, each once."""
    def entries(index: list[Json]) -> list[Json]:
        return [{"name": entry["name"],
                 "pages": sorted({pages["i-" + item] for item in entry["items"]})}
                for entry in index]
    return {**data["common"], "start": start,
            "index_ar": entries(data["index_ar"]), "index_en": entries(data["index_en"])}
