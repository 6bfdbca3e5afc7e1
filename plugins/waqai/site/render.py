"""Contributor Markdown -> safe HTML.

Abstracts are untrusted. They are rendered with a restricted Markdown set (no
raw HTML passthrough, no attribute lists) and the result is sanitised by nh3
(the Rust ammonia sanitiser) with a short allow-list, so scripts, event
handlers, styles, iframes and `javascript:`/`data:` links never reach a page.
"""

from __future__ import annotations

import nh3

from waqai.text.plain import markdown_html

ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "code", "pre", "blockquote",
                "h3", "h4", "sub", "sup"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_untrusted(text: str) -> str:
    """Safe HTML for an abstract written by a contributor."""
    return sanitise(markdown_html(text))


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=ALLOWED_URL_SCHEMES, link_rel="nofollow noopener noreferrer",
                     strip_comments=True)
