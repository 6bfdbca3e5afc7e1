"""The words of a title whose case a citation keeps as written (`fixed_case:` of
paper.yaml, from the ACL Anthology's `<fixed-case>`): BERT, Arabic, COVID-19.

BibTeX styles may lower-case a title but for its braced parts, so each such word is
braced there; a page shows the title as it is. A word is a run of letters, digits and
the marks inside names (`-`, `'`, `’`, `.`, `+`, `/`), so that “CAraNER:” is the word
“CAraNER” and “COVID-19” one word. One tokeniser for the importer that finds the words,
the check that they are in the title and the export that braces them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

WORD = re.compile(r"[^\W_](?:[\w'’.+/-]*[^\W_])?")


def words(title: str) -> Iterator[re.Match[str]]:
    """The words of `title`, each with its place."""
    return WORD.finditer(title)


def parts(title: str, fixed: Collection[str]) -> list[tuple[str, bool]]:
    """`title` cut into (text, whether its case is kept) runs, in order: each word that is
    one of `fixed` is a kept run of its own."""
    runs: list[tuple[str, bool]] = []
    end = 0
    for word in words(title) if fixed else ():
        if word[0] in fixed:
            runs += [(title[end:word.start()], False)] if word.start() > end else []
            runs.append((word[0], True))
            end = word.end()
    if end < len(title):
        runs.append((title[end:], False))
    return runs
