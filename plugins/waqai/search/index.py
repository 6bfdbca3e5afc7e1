"""The search index on disk: one folder per language, split so a query fetches little.

Layout of `search/<lang>/` (JSON, UTF-8):

    index.json   {"v": 1, "id": hash, "docs": N, "block": B, "shards": [first term, …]};
                 an archive's index adds "volumes": [[path, label], …] (search/archive.py)
    t<i>.json    shard i of the terms, sorted: {"term": postings, …}; shard i holds
                 the terms from shards[i] up to (not including) shards[i + 1]
    d<j>.json    documents j·B … j·B + B − 1: [[url, title, kind, sub], …]; a title
                 in the other language (a translation gap) adds its language:
                 [url, title, kind, sub, lang]

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from waqai.search.records import Record
from waqai.text.arabic import fold, search_tokens

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


def row(record: Record) -> list[str]:
    """A document as its block holds it: [url, title, kind, sub], and the title's language
    when it is not the index's (a translation gap: the other language's title)."""
    return [record.url, record.title, record.kind, record.sub,
            *((record.title_lang,) if record.title_lang else ())]


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class IndexFolder:
    """One language's index and the folder it is written to.

    A new instance builds everything. One kept between `serve` rebuilds redoes
    only what the records that changed touch: their postings, the serialised
    terms and document blocks they are in, and the files whose text changed
    (test_search_index checks the result equals a fresh build's, file by file).
    """

    def __init__(self, terms_of: Terms | None = None,
                 volumes: Sequence[tuple[str, str]] = ()) -> None:
        self.terms_of = terms_of if terms_of is not None else Terms()
        self.volumes = [list(volume) for volume in volumes]  # an archive's (path, label)s
        self.docs: list[Record] = []
        self.doc_terms: list[dict[str, int]] = []  # per doc: term -> best weight
        self.postings: dict[str, dict[int, int]] = {}  # term -> {doc id: best weight}
        self.parts: dict[str, str] = {}  # term -> its entry in a shard, serialised
        self.blocks: dict[int, str] = {}  # block number -> its file's text
        self.written: dict[str, str] = {}  # file name -> text, as last written

    def update(self, records: Iterable[Record]) -> None:
        records = list(records)
        if [r.url for r in records] != [r.url for r in self.docs]:  # doc ids moved
            self.postings, self.parts, self.blocks = {}, {}, {}
            self.doc_terms = [{} for _ in records]
            changed: Sequence[int] = range(len(records))
        else:
            changed = [i for i, record in enumerate(records) if record != self.docs[i]]
        for doc_id in changed:
            old, new = self.doc_terms[doc_id], self._weights(records[doc_id])
            for term in old.keys() | new.keys():
                if old.get(term) == new.get(term):
                    continue
                posting = self.postings.setdefault(term, {})
                if term in new:
                    posting[doc_id] = new[term]
                else:
                    del posting[doc_id]
                    if not posting:
                        del self.postings[term]
                self.parts.pop(term, None)
            self.doc_terms[doc_id] = new
            self.blocks.pop(doc_id // BLOCK, None)
        self.docs = records

    def _weights(self, record: Record) -> dict[str, int]:
        weights: dict[str, int] = {}
        for weight, text in record.fields:
            for term in self.terms_of(text):
                if weights.get(term, 0) < weight:
                    weights[term] = weight
        return weights

    def _part(self, term: str) -> str:
        part = self.parts.get(term)
        if part is None:
            part = self.parts[term] = f"{_dump(term)}:{_dump(encode(self.postings[term]))}"
        return part

    def files(self) -> tuple[dict[str, str], int]:
        """Every file of the index, by name, and the number of shards."""
        files: dict[str, str] = {}
        firsts: list[str] = []
        parts: list[str] = []
        size = 0
        for term in sorted(self.postings, key=order):
            part = self._part(term)
            if parts and size + len(part.encode()) > SHARD_BYTES:
                files[f"t{len(firsts) - 1}.json"] = "{" + ",".join(parts) + "}"
                parts, size = [], 0
            if not parts:
                firsts.append(term)
            parts.append(part)
            size += len(part.encode()) + 1
        if parts:
            files[f"t{len(firsts) - 1}.json"] = "{" + ",".join(parts) + "}"

        for block in range(-(-len(self.docs) // BLOCK)):
            if block not in self.blocks:
                rows = [row(d) for d in self.docs[block * BLOCK: (block + 1) * BLOCK]]
                self.blocks[block] = _dump(rows)
            files[f"d{block}.json"] = self.blocks[block]

        digest = hashlib.sha256(_dump(self.volumes).encode() if self.volumes else b"")
        for name in sorted(files):
            digest.update(name.encode() + b"\0" + files[name].encode())
        manifest: dict[str, object] = {"v": FORMAT, "id": digest.hexdigest()[:12],
                                       "docs": len(self.docs), "block": BLOCK, "shards": firsts}
        if self.volumes:
            manifest["volumes"] = self.volumes
        files["index.json"] = _dump(manifest)
        return files, len(firsts)

    def write(self, folder: Path) -> IndexStats:
        """Bring FOLDER to this index: all of it the first time, later only what changed."""
        files, shards = self.files()
        if not self.written or not folder.is_dir():
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            self.written = {}
        for name in self.written.keys() - files.keys():
            (folder / name).unlink(missing_ok=True)
        for name, text in files.items():
            if self.written.get(name) != text:
                (folder / name).write_bytes(text.encode())
        self.written = files
        total = sum(len(text.encode()) for text in files.values())
        return IndexStats(len(self.docs), len(self.postings), shards,
                          -(-len(self.docs) // BLOCK), total)


def write_index(records: Iterable[Record], folder: Path, terms_of: Terms | None = None
                ) -> IndexStats:
    """Replace FOLDER with the index of RECORDS."""
    index = IndexFolder(terms_of)
    index.update(records)
    return index.write(folder)
