"""The site's own scripts and style sheets, minified where the built site holds them.

The repository keeps them readable (overrides/assets/); readers download the minified
copies. Material ships its own assets minified, so only `extra_css` and `extra_javascript`
are minified: Waqai's, and any an organiser adds. A file already named `.min.css` or
`.min.js`, or held elsewhere (a URL), is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minify_assets(site_dir: Path, paths: Iterable[str]) -> None:
    """Minify, in place, each of `paths` (relative to `site_dir`) that is a .css or .js file."""
    for path in sorted(set(paths)):
        file = site_dir / path
        minify = MINIFIERS.get(file.suffix)
        if minify is None or "://" in path or file.stem.endswith(".min") or not file.is_file():
            continue
        text = file.read_text(encoding="utf-8")
        smaller = minify(text)
        if smaller != text:
            file.write_text(smaller, encoding="utf-8")
