"""What `papers/` already holds, read for an import: the people to match authors with,
the sessions, and the items imported before (by their `source:`).

Read leniently, file by file, with the safe loader: a volume that does not pass
`check` yet (an earlier import waiting for its translations or a session) must still
take a re-import without duplicating anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from waqai.data.links import read_bytes
from waqai.data.model import ArabicName, LatinName
from waqai.data.yamlread import MAX_FILE_BYTES, MAX_LIST_FILE_BYTES, load

PAPER_FILE = "paper.yaml"


@dataclass(frozen=True)
class KnownPerson:
    id: str
    arabic: ArabicName | None
    latin: tuple[LatinName, ...]
    orcid: str = ""

    @property
    def shown(self) -> str:
        names = ([self.arabic.full] if self.arabic else []) + [n.full for n in self.latin[:1]]
        return " / ".join(names) or self.id


@dataclass(frozen=True)
class KnownPaper:
    id: str
    folder: Path
    text: str  # paper.yaml as it is
    session: str
    order: int


@dataclass
class Existing:
    people: list[KnownPerson] = field(default_factory=list)
    sessions: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (day, order)
    papers_by_source: dict[str, KnownPaper] = field(default_factory=dict)
    paper_ids: set[str] = field(default_factory=set)  # every folder's name
    orders: dict[str, int] = field(default_factory=dict)  # session id -> its last order


def _load(path: Path, limit: int) -> tuple[str, object]:
    """The text of `path` and the YAML document in it, or ("", None) when it is absent
    or unreadable (`check` reports those files; the import only needs what can be read)."""
    try:
        text = read_bytes(path, limit).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return "", None
    # Within the bounds `check` reads it with: a file nested 100,000 deep would end
    # libyaml's composer, and aliases of aliases would stand for gigabytes.
    document = load(text, path.name, [], limit)
    return (text, document) if document is not None else ("", None)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _person(person_id: str, entry: dict[str, object]) -> KnownPerson:
    name = entry.get("name")
    arabic = None
    if isinstance(name, dict) and (_text(name.get("given")) or _text(name.get("family"))):
        arabic = ArabicName(_text(name.get("given")), _text(name.get("family")),
                            _text(name.get("nasab")))
    latin = entry.get("latin")
    spellings = tuple(LatinName(_text(n.get("given")), _text(n.get("family")))
                      for n in (latin if isinstance(latin, list) else [])
                      if isinstance(n, dict))
    return KnownPerson(person_id, arabic, spellings, _text(entry.get("orcid")))


def read_existing(data_dir: Path) -> Existing:
    existing = Existing()
    _, people = _load(data_dir / "people.yaml", MAX_LIST_FILE_BYTES)
    if isinstance(people, dict):
        existing.people = [_person(str(pid), entry) for pid, entry in people.items()
                           if isinstance(entry, dict)]
    _, sessions = _load(data_dir / "sessions.yaml", MAX_LIST_FILE_BYTES)
    if isinstance(sessions, dict):
        for sid, entry in sessions.items():
            if isinstance(entry, dict):
                order = entry.get("order")
                existing.sessions[str(sid)] = (str(entry.get("day", "")),
                                               order if isinstance(order, int) else 0)
    for folder in sorted(p for p in data_dir.iterdir() if p.is_dir() and not p.is_symlink()):
        existing.paper_ids.add(folder.name)
        text, paper = _load(folder / PAPER_FILE, MAX_FILE_BYTES)
        if not isinstance(paper, dict):
            continue
        session, order = _text(paper.get("session")), paper.get("order")
        if isinstance(order, int) and session:
            existing.orders[session] = max(existing.orders.get(session, 0), order)
        source = _text(paper.get("source"))
        if source:
            existing.papers_by_source[source] = KnownPaper(
                folder.name, folder, text, session, order if isinstance(order, int) else 0)
    return existing
