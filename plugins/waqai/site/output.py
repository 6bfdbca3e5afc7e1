"""Fix-ups of the HTML that MkDocs and Material write."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from waqai.data.model import LANGS, lang_root

HTML_OPEN = re.compile(r'<html lang="([A-Za-z-]+)"')
RTL_LANGS = {"ar"}


def direction(lang: str) -> str:
    """The `dir` of text in `lang`: "rtl" or "ltr"."""
    return "rtl" if lang in RTL_LANGS else "ltr"


def set_html_dir(output: str) -> str:
    """Add `dir` to the `<html>` element, from its `lang` (Material sets it on `<body>` only)."""
    match = HTML_OPEN.search(output)
    if match is None or "dir=" in output[match.start(): output.find(">", match.start())]:
        return output
    lang = match.group(1).split("-")[0]
    return f'{output[:match.end()]} dir="{direction(lang)}"{output[match.end():]}'


HEADER_TOPIC = re.compile(r'(<div class="md-header__topic" data-md-component="header-topic">\s*'
                          r'<span class="md-ellipsis")>')


def mark_header_title(output: str, lang: str) -> str:
    """Say the language of the page's title in Material's header, where the title is in
    `lang`, not the page's (a translation gap: the other language's title stands in)."""
    return HEADER_TOPIC.sub(lambda m: f'{m.group(1)} lang="{lang}" dir="{direction(lang)}">',
                            output, count=1)


def point_alternates_to_home(output: str, site_url: str) -> str:
    """A 404 page has no translation: its language links lead to each language's home."""
    base = urlsplit(site_url).path or "/"
    homes: dict[str, str] = {lang: base + lang_root(lang) for lang in LANGS}
    return re.sub(r'href="[^"]*" hreflang="([a-z]+)"',
                  lambda m: f'href="{homes.get(m.group(1), base)}" hreflang="{m.group(1)}"', output)


def lead_switch_to(extra: Mapping[str, Any], lang: str, path: str) -> None:
    """Point the language switch's entry for `lang` (in MkDocs' `config.extra`) at `path`,
    a site path, on a page that is not in `lang`. mkdocs-static-i18n sets the entries page
    by page, before Waqai's `on_page_context`, and leaves such a page's at `lang`'s home;
    it sets them as an attribute of `extra`, which templates read before its items."""
    alternates = getattr(extra, "alternate", None) or extra.get("alternate") or ()
    for alternate in alternates:
        if alternate.get("lang") == lang:
            alternate["link"] = path


def drop_alternate(output: str, lang: str) -> str:
    """Leave out of the head Material's `hreflang` link to `lang`, on a page that is not in
    `lang`: no page there is this one (its language switch leads elsewhere all the same)."""
    end = output.find("</head>")
    end = end if end >= 0 else len(output)
    head = re.sub(rf'\s*<link rel="alternate" href="[^"]*" hreflang="{lang}">', "",
                  output[:end], count=1)
    return head + output[end:]
