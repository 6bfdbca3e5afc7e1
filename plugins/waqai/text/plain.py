"""Plain text from an editor's Markdown: what a citation record or a meta tag carries.

The Markdown is rendered with raw HTML switched off (an editor's `<b>` stays the
text «<b>»), the tags of the result are dropped and entities decoded, and every
run of whitespace becomes one space. Link targets vanish, link text stays.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown

_TAG = re.compile(r"<[^>]*>")


def restricted_markdown() -> markdown.Markdown:
    """The Markdown editors may write: the core syntax, with raw HTML blocks and inline
    tags shown as text instead of passed through (the site renders abstracts with it too)."""
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MARKDOWN = restricted_markdown()

# Each abstract is asked for several times per build (the record, the description in
# each language pass, the page), so the caches hold every abstract of a large volume:
# both languages of 30,000 items. With 4,096 entries a 10,000-paper build missed every
# time and rendered each abstract three times over.
ABSTRACTS = 1 << 16


# What python-markdown could read as markup, or treats in a way of its own: a character
# of its syntax, an entity, whitespace other than spaces and line ends, a control or
# format character; at the start of a line a space (code, lists), a digit (ordered
# lists), a dash or a plus (lists, rules, headings); at the end of a line a space (a
# line break). Text with none of these is plain prose.
_MARKUP = re.compile(r"[\\`*_\[\]<>#&!|~=+{}]|[^\S \n]|[\x00-\x09\x0b-\x1f\ufeff]"
                     r"|^[ \d+-]|[ ]$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{2,}")


@lru_cache(maxsize=ABSTRACTS)
def markdown_html(source: str) -> str:
    """The editor's Markdown as HTML, *not yet sanitised* (`site.render` does that).

    Plain prose, which most abstracts are, is written as python-markdown writes it
    (paragraphs in <p>, lines kept) without running it: half a millisecond per
    abstract, a second of every build of 1,000 papers, and of the printed book.
    tests/test_plain.py holds the two to the same output.
    """
    if _MARKUP.search(source) is None:
        return prose_html(source)
    _MARKDOWN.reset()
    return _MARKDOWN.convert(source)


def prose_html(source: str) -> str:
    """Plain prose (see `_MARKUP`) as python-markdown writes it."""
    paragraphs = _BLANK_LINES.split(source.strip("\n"))
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs if paragraph)


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
