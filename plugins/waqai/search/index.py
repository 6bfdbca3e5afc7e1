"""The search index on disk: one folder per language, split so a query fetches little.

Layout of `search/<lang>/` (JSON, UTF-8):

    index.json   {"v": 1, "id": hash, "docs": N, "block": B, "shards": [first term, …]}
    t<i>.json    shard i of the terms, sorted: {"term": postings, …}; shard i holds
                 the terms from shards[i] up to (not including) shards[i + 1]
    d<j>.json    documents j·B … j·B + B − 1: [[url, title, kind, sub], …]

Postings are a doc-id-sorted list of integers, each `(id − previous id) << 2 | weight`
(the previous id starts at −1; weight 1–3 is the best field the term occurs in).
Terms are `arabic.search_tokens` of each field: folded, with proclitic variants.
The browser folds and splits the query the same way
(`overrides/assets/javascripts/waqai-search.js`), so a lookup is exact or by prefix.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..arabic import fold, search_tokens
from .records import Record

FORMAT = 1
SHARD_BYTES = 16_000  # target size of a term shard; one term's postings are never split
BLOCK = 16  # documents per document block
ABD = "عبد"  # «عبد X» is one name: arabic.search_tokens joins it across a space


@dataclass(frozen=True)
class IndexStats:
    docs: int
    terms: int
    shards: int
    blocks: int
    bytes: int


class Terms:
    """`set(search_tokens(text))`, computed word by word with a cache.

    Folding and proclitic variants are local to a whitespace-separated word,
    except that «عبد X» also yields the joined «عبدX»: a word ending in عبد is
    looked up together with the next one. Abstracts repeat most of their
    words, so this is several times faster than `search_tokens` on whole texts.
    """

    def __init__(self, remember_texts: bool = False) -> None:
        self._cache: dict[str, tuple[tuple[str, ...], bool]] = {}
        # Whole texts, for an instance kept between `serve` rebuilds: most texts recur.
        self._texts: dict[str, frozenset[str]] | None = {} if remember_texts else None

    def _of(self, chunk: str) -> tuple[tuple[str, ...], bool]:
        """The chunk's terms, and whether it ends in عبد."""
        entry = self._cache.get(chunk)
        if entry is None:
            entry = self._cache[chunk] = (tuple(search_tokens(chunk)), fold(chunk).endswith(ABD))
        return entry

    def __call__(self, text: str) -> set[str] | frozenset[str]:
        if self._texts is None:
            return self._terms(text)
        found = self._texts.get(text)
        if found is None:
            found = self._texts[text] = frozenset(self._terms(text))
        return found

    def _terms(self, text: str) -> set[str]:
        words = text.split()
        out: set[str] = set()
        joins = False
        for word in set(words):
            terms, abd = self._of(word)
            out.update(terms)
            joins = joins or abd
        if joins:
            for word, after in zip(words, words[1:]):
                if self._of(word)[1]:
                    out.update(self._of(f"{word} {after}")[0])
        return out


def postings(records: Iterable[Record], terms_of: Terms | None = None
             ) -> tuple[list[Record], dict[str, dict[int, int]]]:
    """term -> {doc id: best weight}, and the records in doc-id order."""
    docs: list[Record] = []
    terms: dict[str, dict[int, int]] = {}
    terms_of = terms_of if terms_of is not None else Terms()
    for doc_id, record in enumerate(records):
        docs.append(record)
        for weight, text in record.fields:
            for term in terms_of(text):
                seen = terms.setdefault(term, {})
                if seen.get(doc_id, 0) < weight:
                    seen[doc_id] = weight
    return docs, terms


def encode(doc_weights: dict[int, int]) -> list[int]:
    out, previous = [], -1
    for doc_id in sorted(doc_weights):
        out.append((doc_id - previous) << 2 | doc_weights[doc_id])
        previous = doc_id
    return out


def decode(values: list[int]) -> dict[int, int]:
    out, doc_id = {}, -1
    for value in values:
        doc_id += value >> 2
        out[doc_id] = value & 3
    return out


def order(term: str) -> bytes:
    """Sort key of terms: UTF-16 code units, the order of JavaScript's `<` on strings."""
    return term.encode("utf-16-be")


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_index(records: Iterable[Record], folder: Path, terms_of: Terms | None = None
                ) -> IndexStats:
    """Replace FOLDER with the index of RECORDS."""
    docs, terms = postings(records, terms_of)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    files: dict[str, str] = {}

    firsts: list[str] = []
    parts: list[str] = []
    size = 0
    for term in sorted(terms, key=order):
        part = f"{_dump(term)}:{_dump(encode(terms[term]))}"
        if parts and size + len(part.encode()) > SHARD_BYTES:
            files[f"t{len(firsts) - 1}.json"] = "{" + ",".join(parts) + "}"
            parts, size = [], 0
        if not parts:
            firsts.append(term)
        parts.append(part)
        size += len(part.encode()) + 1
    if parts:
        files[f"t{len(firsts) - 1}.json"] = "{" + ",".join(parts) + "}"

    rows = [[d.url, d.title, d.kind, d.sub] for d in docs]
    for j in range(0, len(rows), BLOCK):
        files[f"d{j // BLOCK}.json"] = _dump(rows[j: j + BLOCK])

    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode())
    manifest = {"v": FORMAT, "id": digest.hexdigest()[:12], "docs": len(docs), "block": BLOCK,
                "shards": firsts}
    files["index.json"] = _dump(manifest)
    total = 0
    for name, text in files.items():
        data = text.encode()
        (folder / name).write_bytes(data)
        total += len(data)
    return IndexStats(len(docs), len(terms), len(firsts), -(-len(docs) // BLOCK), total)
