"""A contribution written by an attacker: the example with markup in every text it has.

`write_hostile_papers` copies the example's `papers/` and appends `PAYLOAD` to every
text an editor writes (titles, names, descriptions, rooms, keywords, notes, errata,
notices, labels, the book's preface, abstracts and the about notes), after giving the
example the fields it lacks (a room and chairs, times, an erratum, a retraction with
its notice, an attachment, a version note, a preface), so that every field that
reaches a page carries it. Each part of the payload tries another way out of where a
template might print it: out of `<title>` or a `<textarea>` or a `<script>`, out of
a double- or single-quoted attribute, and, through Jinja's `striptags` (which decodes
entities), out of the text again.

`MARKER` is an element and attribute name no page may have: a page that has one was
made from data without escaping. `INJECTED` is the global the payload's scripts set.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

MARKER = "x-waqai-injected"
INJECTED = "__waqaiInjected"
PAYLOAD = (f"</title></textarea></script></style><{MARKER}></{MARKER}>"
           f"<script>window.{INJECTED}=1</script>"
           f"<img src=x onerror=\"window.{INJECTED}=2\">"
           f"\" {MARKER}=\"1\" onmouseover=\"window.{INJECTED}=3\" "
           f"' {MARKER}='1' onfocus='window.{INJECTED}=4' "
           f"&lt;/title&gt;&lt;{MARKER}&gt;&lt;script&gt;window.{INJECTED}=5&lt;/script&gt;")
TEXT_KEYS = frozenset({"ar", "en", "given", "family", "nasab", "honorific"})


def _with_payload(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {name: _with_payload(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_with_payload(item, key) for item in value]
    if isinstance(value, str) and key in TEXT_KEYS and value.strip():
        return f"{value} {PAYLOAD}"
    return value


def _every_field(papers: Path) -> None:
    """Give the example the optional fields it leaves out, so each carries the payload."""
    def change(name: str, edit: Any) -> None:
        path = papers / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")

    def sessions(data: dict[str, Any]) -> None:
        data["keynote"].update(start="09:00", end="10:00", chairs=["hamad-alduwailaa"],
                               room={"ar": "القاعة الكبرى", "en": "Main hall"})

    def absher(data: dict[str, Any]) -> None:
        data["errata"] = [{"date": "2016-01-10", "ar": "تصحيح", "en": "A correction"}]
        data["attachments"] = [{"type": "video", "label": {"ar": "تسجيل", "en": "Recording"},
                                "url": "https://video.example.org/talk"}]

    def retracted(data: dict[str, Any]) -> None:
        data["status"] = "retracted"
        data["notice"] = {"date": "2016-02-01", "ar": "سُحب البند", "en": "Retracted"}

    def conference(data: dict[str, Any]) -> None:
        data["book"] = {"paper": "a4", "preface": {"ar": "تقديم", "en": "Preface"},
                        "copyright": {"ar": "حقوق", "en": "Copyright"}}

    change("sessions.yaml", sessions)
    change("absher/paper.yaml", absher)
    change("safeer/paper.yaml", retracted)
    change("conference.yaml", conference)


def write_hostile_papers(source: Path, dest: Path) -> Path:
    """`source` (a `papers/` folder) copied to `dest`, with the payload in every text."""
    shutil.copytree(source, dest)
    _every_field(dest)
    for path in dest.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_with_payload(data), allow_unicode=True,
                                       sort_keys=False), encoding="utf-8")
    for path in dest.rglob("*.md"):
        path.write_text(path.read_text(encoding="utf-8") + f"\n\n{PAYLOAD}\n", encoding="utf-8")
    return dest
