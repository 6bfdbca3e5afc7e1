"""Which export files a volume has, where they live, and what they hold.

One place for the paths, so pages link to exactly the files the plugin writes.
All exports are language-neutral and live once, at the site root.
"""

from __future__ import annotations

from ..model import Paper, Proceedings, Session
from .bibtex import join_entries, paper_bibtex
from .csl import csl_item, csl_json
from .ics import programme_ics, session_ics
from .keys import citation_keys
from .ris import join_records, paper_ris

VOLUME_FILES = {"bib": "proceedings.bib", "ris": "proceedings.ris", "json": "proceedings.json"}
PROGRAMME_ICS = "programme.ics"


def paper_files(paper: Paper, key: str) -> dict[str, str]:
    return {fmt: f"papers/{paper.id}/{key}.{fmt}" for fmt in ("bib", "ris", "json")}


def session_ics_path(session: Session) -> str:
    return f"sessions/{session.id}/{session.id}.ics"


def export_files(proc: Proceedings, keys: dict[str, str] | None = None) -> dict[str, str]:
    """Every export file of the volume: site-relative path -> text."""
    keys = keys if keys is not None else citation_keys(proc)
    # Each item is formatted once, for its own file and for the volume file.
    bib = [paper_bibtex(proc, paper, keys) for paper in proc.papers]
    ris = [paper_ris(proc, paper, keys) for paper in proc.papers]
    csl = [csl_item(proc, paper, keys) for paper in proc.papers]
    files = {
        VOLUME_FILES["bib"]: join_entries(bib),
        VOLUME_FILES["ris"]: join_records(ris),
        VOLUME_FILES["json"]: csl_json(csl),
        PROGRAMME_ICS: programme_ics(proc),
    }
    for session in proc.sessions:
        files[session_ics_path(session)] = session_ics(proc, session)
    for index, paper in enumerate(proc.papers):
        paths = paper_files(paper, keys[paper.id])
        files[paths["bib"]] = bib[index]
        files[paths["ris"]] = ris[index]
        files[paths["json"]] = csl_json([csl[index]])
    return files
