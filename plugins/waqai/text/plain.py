"""An editor's Markdown as HTML, and as plain text: what a citation record or a meta tag
carries.

The Markdown is CommonMark, read by markdown-it-py with raw HTML switched off (an
editor's `<b>` stays the text «<b>»). markdown-it-py is built to take time linear in
its input: python-markdown, which read abstracts before, took a minute over 14 KB of
unmatched `[` and raised RecursionError on a list nested 350 deep. Two limits remain,
which `beyond_limits` finds for `check`: lists and quotes nest at most `MAX_NESTING`
deep (the parser stops reading a block nested deeper than its own limit, set well
above ours, so nothing an accepted file holds is dropped), and a file has at most
`MAX_BRACKETS` opening brackets, each of which the parser reads as a link's start. It
then looks for the link's end as far as the paragraph goes, so a thousand brackets
before 250 KB of text took a minute; here it looks `MAX_LINK_TEXT` characters ahead at
most (a bracket with no `]` that near stays a bracket, as an unclosed one does).

For plain text the tags of the HTML are dropped and entities decoded, and every run
of whitespace becomes one space. Link targets vanish, link text stays.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from types import SimpleNamespace

from markdown_it import MarkdownIt, helpers
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_TAG = re.compile(r"<[^>]*>")
# Lists and block quotes inside each other: an abstract needs two or three.
MAX_NESTING = 16
# The parser's own limit counts every open element (a list, its item, a paragraph):
# three levels of it per level of ours, and room to spare.
_PARSER_NESTING = 4 * MAX_NESTING + 8
# Links and images (`[`): an abstract cites a few, a long one a few dozen.
MAX_BRACKETS = 1_000
# A link's text: a title, a name, a sentence at most.
MAX_LINK_TEXT = 1_000
_NESTED = frozenset({"list_item_open", "blockquote_open"})
_UNNESTED = frozenset({"list_item_close", "blockquote_close"})
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "maxNesting": _PARSER_NESTING})


def _near_link_label(state: StateInline, start: int, disableNested: bool = False) -> int:  # noqa: N803 - markdown-it's name
    """markdown-it's `parseLinkLabel`, looking for the `]` MAX_LINK_TEXT characters ahead
    at most: the end of a link's text, or -1."""
    end = state.posMax
    state.posMax = min(end, start + MAX_LINK_TEXT)
    try:
        return helpers.parseLinkLabel(state, start, disableNested)
    finally:
        state.posMax = end


# The link and image rules find their helpers on the parser (`state.md.helpers`).
_MARKDOWN.helpers = SimpleNamespace(  # type: ignore[assignment]
    parseLinkDestination=helpers.parseLinkDestination, parseLinkTitle=helpers.parseLinkTitle,
    parseLinkLabel=_near_link_label)

# Each abstract is asked for several times per build (the record, the description in
# each language pass, the page), so the caches hold every abstract of a large volume:
# both languages of 30,000 items. With 4,096 entries a 10,000-paper build missed every
# time and rendered each abstract three times over.
ABSTRACTS = 1 << 16


# What CommonMark could read as markup, or treats in a way of its own: a character of
# its syntax, an entity, whitespace other than spaces and line ends, a control or
# format character; at the start of a line a space (code, lists), a digit (ordered
# lists), a dash or a plus (lists, rules, headings); at the end of a line a space (a
# line break). Text with none of these is plain prose.
_MARKUP = re.compile(r"[\\`*_\[\]<>#&!|~=+{}]|[^\S \n]|[\x00-\x09\x0b-\x1f\ufeff]"
                     r"|^[ \d+-]|[ ]$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{2,}")


def markdown_html(source: str) -> str:
    """The editor's Markdown as HTML, *not yet sanitised* (`site.render` does that).

    Plain prose, which most abstracts are, is written as the parser writes it
    (paragraphs in <p>, lines kept) without running it: a second of every build of
    1,000 papers, and of the printed book. tests/test_plain.py holds the two to the
    same output.
    """
    return _rendered(source)[0]


def beyond_limits(source: str) -> tuple[int, str] | None:
    """Where `source` goes beyond a limit above, and which: (its line from 1, what it
    does, for a message), or None if it stays within them. (`check` asks first; the page
    then finds its HTML cached.)"""
    return _rendered(source)[1]


def prose_html(source: str) -> str:
    """Plain prose (see `_MARKUP`) as markdown-it-py writes it (without the last line end)."""
    paragraphs = _BLANK_LINES.split(source.strip("\n").replace('"', "&quot;"))
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs if paragraph)


@lru_cache(maxsize=ABSTRACTS)
def _rendered(source: str) -> tuple[str, tuple[int, str] | None]:
    """`source` as HTML, and where it goes beyond a limit (None if nowhere). Text with
    too many brackets is not parsed: it comes out escaped, a paragraph per line."""
    if _MARKUP.search(source) is None:
        return prose_html(source), None
    if source.count("[") > MAX_BRACKETS:
        return _as_text(source), (_line_of_bracket(source, MAX_BRACKETS + 1),
                                  f"has more than {MAX_BRACKETS:,} “[” (links)")
    tokens = _MARKDOWN.parse(source)
    html = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})
    too_deep = _too_deep(tokens)
    return html.removesuffix("\n"), None if too_deep is None else (
        too_deep, f"nests lists and quotes more than {MAX_NESTING} deep")


def _too_deep(tokens: list[Token]) -> int | None:
    depth = 0
    for token in tokens:
        if token.type in _NESTED:
            depth += 1
            if depth > MAX_NESTING:
                return token.map[0] + 1 if token.map else 1
        elif token.type in _UNNESTED:
            depth -= 1
    return None


def _line_of_bracket(source: str, nth: int) -> int:
    """The line (from 1) of the `nth` “[” of `source`."""
    at = -1
    for _ in range(nth):
        at = source.index("[", at + 1)
    return source.count("\n", 0, at) + 1


def _as_text(source: str) -> str:
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in source.splitlines() if line)


@lru_cache(maxsize=ABSTRACTS)
def plain_text(source: str) -> str:
    """«A *short* [note](https://x.org)\\n\\non two lines» → «A short note on two lines»."""
    return _untagged(markdown_html(source))


def _untagged(markup: str) -> str:
    """HTML as text: its tags dropped, entities decoded, each run of whitespace one space."""
    return " ".join(html.unescape(_TAG.sub("", markup)).split())


_BLOCK_END = re.compile(r"</(?:p|li|blockquote|pre|h[1-6])>")


def plain_paragraphs(source: str) -> list[str]:
    """The editor's Markdown as paragraphs of plain text (each list item one): what the
    printed book sets. It renders the whole text once, as the site's pages do."""
    return [text for block in _BLOCK_END.split(markdown_html(source))
            if (text := _untagged(block))]
