"""Each listed item's formatted texts, kept between runs in `.waqai/cache/items/`.

The archive's own citation files (`archive.archive_site_files`) hold every listed item of
every volume in each format and form: formatting 4,000 items took 9 to 20 s, at every
build, though an edit touches one item. An item's texts are made from its `Record` alone
and Waqai's code, so they are kept under the digest of both (`record_digest`), one file
per volume: {record digest: {form: [bib, bib_abstract, ris, csl, mods, enw]}}. A kept text
is the very string formatting made (JSON keeps a string exactly, a lone surrogate too).

A file is untrusted input: one too large, not JSON or of another format is ignored, and
so is each entry not holding six strings per form; what is ignored is formatted again.
A volume's file is written again, whole, only when its items changed; the entries of
items no longer listed are left out of it, the files of volumes gone deleted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import Any

from waqai.cachedir import cache_folder, digest, read_bounded, tool_digest, write_entry
from waqai.data.checkcache import CheckCache
from waqai.data.model import Paper, Proceedings
from waqai.exports.files import ExportCache, PaperExports
from waqai.exports.record import FORMS, Form, Record, paper_record

FORMAT = 1  # of a file; changed with what it holds
PART = "items"  # the folder below `cachedir.CACHE_DIR`
TEXTS = tuple(field.name for field in fields(PaperExports))  # in the order a file holds them
MAX_FILE_BYTES = 512 * 2**20  # 28 KB an item with 1,500-character abstracts: 10,000 take 280 MB

Kept = dict[Form, PaperExports]


def items_folder(root: Path) -> Path:
    """Where the project in `root` keeps its items' texts (what `archive_site_files` takes)."""
    return cache_folder(root, PART)


def record_digest(record: Record) -> str:
    """The key of an item's texts: its record and the tool. A record's `repr` says every
    value of it (frozen dataclasses of strings, dates, tuples and an enum; no set), the
    same in every process."""
    return digest([str(FORMAT), tool_digest(), repr(record)])


class KeptItems:
    """The kept texts of an archive's items, in `folder`, one file per volume, named and
    pruned as `check`'s are (`CheckCache.path`, `CheckCache.keep_only`)."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.files = folder, CheckCache(folder)

    def path(self, volume_id: str) -> Path:
        return self.files.path(volume_id)

    def volume(self, volume_id: str) -> KeptVolume:
        """The volume's kept texts, as an `ExportCache` of its items (`KeptVolume.item`)."""
        return KeptVolume(self.path(volume_id))

    def keep_only(self, volume_ids: Iterable[str]) -> None:
        """Delete the files of volumes that are gone, so the folder does not grow."""
        self.files.keep_only(volume_ids)


class KeptVolume(ExportCache):
    """An `ExportCache` whose items' texts are first looked for in a volume's file;
    `save` writes the texts used since back to it, if any was made or one is no longer
    used."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.found = _read(path)
        self.used: dict[str, Kept] = {}
        self.made = False

    def item(self, proc: Proceedings, paper: Paper,
             keys: dict[str, str]) -> tuple[Record, Kept]:
        record = paper_record(proc, paper, keys[paper.id])
        key = record_digest(record)
        texts = self.used.get(key) or _decode(self.found.get(key))
        if texts is None:
            texts, self.made = {form: PaperExports.of(record.form(form)) for form in FORMS}, True
        self.used[key] = texts
        return record, texts

    def save(self) -> None:
        if not self.made and self.used.keys() == self.found.keys():
            return
        items = {key: {form: [getattr(texts[form], name) for name in TEXTS] for form in FORMS}
                 for key, texts in self.used.items()}
        data = json.dumps({"format": FORMAT, "items": items}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8", "surrogatepass")
        if len(data) <= MAX_FILE_BYTES:  # a larger one would be refused when read
            write_entry(self.path, data)


def _read(path: Path) -> dict[str, Any]:
    """A volume file's entries (each still to check, `_decode`), or none."""
    data = read_bounded(path, MAX_FILE_BYTES)
    if data is None:
        return {}
    try:
        kept = json.loads(data)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(kept, dict) or kept.get("format") != FORMAT:
        return {}
    items = kept.get("items")
    return items if isinstance(items, dict) else {}


def _decode(entry: object) -> Kept | None:
    """An entry's texts, or None unless it holds six strings for each form and no more."""
    if not isinstance(entry, dict) or entry.keys() != set(FORMS):
        return None
    texts: Kept = {}
    for form in FORMS:
        values = entry[form]
        if not (isinstance(values, list) and len(values) == len(TEXTS)
                and all(isinstance(value, str) for value in values)):
            return None
        texts[form] = PaperExports(*values)
    return texts
