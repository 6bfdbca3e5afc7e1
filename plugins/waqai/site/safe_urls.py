"""After a build: no page links, loads or submits to anything but http(s), mailto or itself.

`check` refuses every address an editor writes that is not http(s) (`data/weblinks.py`),
and everything from the data reaches a page escaped. This scan holds the built pages
to the same rule whatever a template does, so the next template cannot reopen the
hole: every URL-valued attribute (`href`, `src`, `srcset`, `action`, `formaction`, …)
of every tag, the URL-valued `<meta content>`s (OpenGraph, Scholar's tags, a refresh),
and every URL in JSON-LD must be relative to the site or use `http`, `https` or
`mailto`. A network-path reference (`//host/…`) leaves the site without naming a
scheme and is refused too, as is any `on…=` event-handler attribute: no template
writes one, so one found was made from data.

Values are read as a browser reads them: entities decoded, ASCII tabs and line
breaks dropped, leading and trailing controls and spaces stripped
(`java&#9;script:` is `javascript:`). Attributes are found as text, inside tags only
(the nearest `<` before them is nearer than the nearest `>`), like
`invariants.paper_ids`: contributor text is escaped, so text cannot fake a tag.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "imagesrcset", "action", "formaction",
                            "poster", "cite", "background", "data", "xlink:href", "ping",
                            "manifest", "codebase", "longdesc", "usemap", "icon"})
# `<meta content>`s that are addresses: OpenGraph's and X's images and URLs, Scholar's
# citation_*_url.
META_URL_NAMES = re.compile(r"(?:url|image|secure_url)$")
# A quoted attribute value that may start with a scheme or a network path: its first
# character a space, a control, an entity's `&` or a slash, or letters, digits, `+.-`,
# tabs and line breaks (which browsers drop) and entities (which may spell any of them)
# up to a colon or an entity's `;`. Each candidate is then decoded and judged
# (`url_problem`). Every other value (a relative path, a class name, text) fails at its
# first characters, so one pass over a page costs little more than finding its `="`; a
# value that starts "https://", "http://" or "mailto:" as written (most of a page's
# absolute addresses) is safe whatever follows, and is passed over at once.
_SCHEME_START = re.compile(r"""=(["'])(?!https?://|mailto:)"""
                           r"""(?=[\x00-\x20&/\\]|[a-zA-Z][\w+.\-\t\n\r&#]*+[:;])""")
# `srcset` lists addresses (only the first starts the value) and a refresh's address
# follows its delay: both are rare (looked for only on a page that has the word), and
# judged whole.
_WHOLE_VALUE_WORDS = (b"srcset", b"refresh")
_WHOLE_VALUE = re.compile(r"""\s(?:srcset|imagesrcset)=(["'])(.*?)\1"""
                          r"""|http-equiv=["']refresh["'][^>]*content=(["'])(.*?)\3""",
                          re.IGNORECASE | re.DOTALL)
_JSON_LD = re.compile(r"<script type=\"application/ld\+json\">(.*?)</script>", re.DOTALL)
# A JSON-LD string that starts like a scheme, and its key (in a list, the list's key).
_LD_SCHEME = re.compile(r'"([@A-Za-z]+)"\s*:\s*\[?(?:"[^"]*",\s*)*"([a-zA-Z][a-zA-Z0-9+.-]*):')
_LD_URL_KEYS = frozenset({"url", "@id", "sameAs", "image", "logo", "license", "contentUrl",
                          "embedUrl", "thumbnailUrl", "codeRepository", "mainEntityOfPage",
                          "discussionUrl", "archivedAt"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED_BY_BROWSERS = re.compile(r"[\t\n\r]")


def unsafe_urls(page: str) -> list[str]:
    """What in the HTML `page` links to, loads or submits to another scheme than http(s)
    and mailto, or to another host without a scheme; one line each, empty if none."""
    return list(dict.fromkeys([*_attribute_problems(page), *_whole_value_problems(page),
                               *_json_ld_problems(page)]))


def url_problem(value: str) -> str | None:
    """Why the address `value` (as written in the HTML, entities and all) is unsafe."""
    url = _IGNORED_BY_BROWSERS.sub("", html.unescape(value)).strip("\x00- ")
    scheme = _SCHEME.match(url)
    if scheme is not None:
        return None if scheme[1].lower() in SAFE_SCHEMES else f"the scheme “{scheme[1]}:”"
    if url[:2].replace("\\", "/") == "//":
        return "an address on another host without a scheme (“//…”)"
    return None


def _attribute_problems(page: str) -> Iterator[str]:
    for match in _SCHEME_START.finditer(page):
        at, quote = match.start(), match[1]
        tag = page.rfind("<", 0, at)
        if tag <= page.rfind(">", 0, at):
            continue  # text between tags, not an attribute
        name = page[max(page.rfind(" ", tag, at), page.rfind("\n", tag, at)) + 1: at].lower()
        end = page.find(quote, match.end())
        value = page[at + 2: end if end != -1 else len(page)]
        if name in URL_ATTRIBUTES or (name == "content" and _is_url_meta(page[tag: at])):
            problem = url_problem(value)
            if problem:
                yield f"{name}=“{value[:60]}”: {problem}"


def _whole_value_problems(page: str) -> Iterator[str]:
    lowered = page.encode().lower()  # ASCII only: four times faster than str.lower
    if not any(word in lowered for word in _WHOLE_VALUE_WORDS):
        return
    for match in _WHOLE_VALUE.finditer(page):
        if match[2] is not None:
            name, urls = "srcset", _srcset(match[2])
        else:
            name = "refresh"
            urls = [re.sub(r"^[^;,]*[;,]\s*url\s*=\s*", "", html.unescape(match[4]),
                           flags=re.IGNORECASE).strip("'\"")]
        for url in urls:
            problem = url_problem(url)
            if problem:
                yield f"{name} “{url[:60]}”: {problem}"


def _is_url_meta(tag_start: str) -> bool:
    """Whether the `<meta …` before a `content=` names an address."""
    named = re.search(r"""\s(?:name|property)=["']([^"']*)""", tag_start)
    return (tag_start.startswith("<meta") and named is not None
            and bool(META_URL_NAMES.search(named[1].lower())))


def _json_ld_problems(page: str) -> Iterator[str]:
    for script in _JSON_LD.finditer(page):
        for key, scheme in _LD_SCHEME.findall(script[1]):
            if key in _LD_URL_KEYS and scheme.lower() not in SAFE_SCHEMES:
                yield f"JSON-LD {key}: the scheme “{scheme}:”"


def _srcset(value: str) -> list[str]:
    """The addresses of a `srcset` ("a.png 1x, b.png 2x")."""
    return [part.split()[0] for part in html.unescape(value).split(",") if part.split()]
