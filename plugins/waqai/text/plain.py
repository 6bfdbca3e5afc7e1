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


@lru_cache(maxsize=ABSTRACTS)
def markdown_html(source: str) -> str:
    """The editor's Markdown as HTML, *not yet sanitised* (`site.render` does that)."""
    _MARKDOWN.reset()
    return _MARKDOWN.convert(source)


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
