"""Answering a query from a written index, as the browser does.

This mirrors `search()` in `overrides/assets/javascripts/waqai-search.js` step
for step, so tests and the benchmark can see which files a first query fetches
and what it returns without a browser. The browser tests check the script itself.

Matching: the query is folded and split into tokens (no proclitic stripping:
the index already holds the variants). A token matches an index term that
equals it, or, from two letters on, that starts with it (search as you type).
Every token must match. A document scores, per token, its best field weight
times 2 for an exact match or 1 for a prefix, summed over tokens; ties keep
document order (papers, sessions, people, in programme order).
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from waqai.search.index import decode, order
from waqai.text.arabic import fold

PAGE = 10  # results shown at once, and whose document blocks a query fetches
PREFIX_MIN = 2  # shorter tokens match whole terms only
PREFIX_SHARDS = 2  # a prefix reads at most this many shards
EXACT, PREFIX = 2, 1

_TOKEN = re.compile(r"[^\W_]+")


def query_tokens(query: str) -> list[str]:
    return list(dict.fromkeys(_TOKEN.findall(fold(query))))


def shards_for(token: str, firsts: list[str]) -> list[int]:
    """The shards that may hold TOKEN, or terms starting with it."""
    keys = [order(f) for f in firsts]
    shards = [max(0, bisect.bisect_right(keys, order(token)) - 1)]
    if len(token) >= PREFIX_MIN:
        while (len(shards) < PREFIX_SHARDS and shards[-1] + 1 < len(firsts)
               and firsts[shards[-1] + 1].startswith(token)):
            shards.append(shards[-1] + 1)
    return shards


@dataclass
class Answer:
    ids: list[int]  # every matching document, best first
    results: list[list[str]]  # [url, title, kind, sub] of the first PAGE
    fetched: list[str] = field(default_factory=list)  # file names, in order, no repeats
    volumes: list[list[str]] = field(default_factory=list)  # an archive's [path, label]s


class IndexReader:
    """Reads one language's index folder, remembering which files it opened."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fetched: list[str] = []
        self._cache: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        """One file of the index, parsed JSON (a manifest, a shard or a block of records)."""
        if name not in self._cache:
            self._cache[name] = json.loads((self.folder / name).read_text(encoding="utf-8"))
            self.fetched.append(name)
        return self._cache[name]

    def search(self, query: str) -> Answer:
        manifest = self.get("index.json")
        tokens = query_tokens(query)
        if not tokens:
            return Answer([], [], list(self.fetched))
        totals: dict[int, int] | None = None
        for token in tokens:
            scores: dict[int, int] = {}
            for shard in shards_for(token, manifest["shards"]):
                for term, values in self.get(f"t{shard}.json").items():
                    if term == token:
                        factor = EXACT
                    elif len(token) >= PREFIX_MIN and term.startswith(token):
                        factor = PREFIX
                    else:
                        continue
                    for doc_id, weight in decode(values).items():
                        scores[doc_id] = max(scores.get(doc_id, 0), weight * factor)
            totals = scores if totals is None else {
                d: s + scores[d] for d, s in totals.items() if d in scores}
        assert totals is not None  # there was at least one token
        ids = sorted(totals, key=lambda d: (-totals[d], d))
        block = manifest["block"]
        results = [self.get(f"d{d // block}.json")[d % block] for d in ids[:PAGE]]
        return Answer(ids, results, list(self.fetched), manifest.get("volumes", []))


def search(site_dir: Path, lang: str, query: str) -> Answer:
    return IndexReader(Path(site_dir) / "search" / lang).search(query)
