"""Fix-ups of the HTML that MkDocs and Material write."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from waqai.data.model import LANGS, lang_root

HTML_OPEN = re.compile(r'<html lang="([A-Za-z-]+)"')
RTL_LANGS = {"ar"}


def set_html_dir(output: str) -> str:
    """Add `dir` to the `<html>` element, from its `lang` (Material sets it on `<body>` only)."""
    match = HTML_OPEN.search(output)
    if match is None or "dir=" in output[match.start(): output.find(">", match.start())]:
        return output
    lang = match.group(1).split("-")[0]
    direction = "rtl" if lang in RTL_LANGS else "ltr"
    return f'{output[:match.end()]} dir="{direction}"{output[match.end():]}'


def point_alternates_to_home(output: str, site_url: str) -> str:
    """A 404 page has no translation: its language links lead to each language's home."""
    base = urlsplit(site_url).path or "/"
    homes: dict[str, str] = {lang: base + lang_root(lang) for lang in LANGS}
    return re.sub(r'href="[^"]*" hreflang="([a-z]+)"',
                  lambda m: f'href="{homes.get(m.group(1), base)}" hreflang="{m.group(1)}"', output)
