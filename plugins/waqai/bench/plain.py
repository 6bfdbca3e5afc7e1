"""The project's theme settings, for the plain Material sites the benchmarks compare with.

Both comparisons (`baseline.py`, the build's; `lighthouse.py`, the readers') build plain
Material with the project's own `theme:` from its mkdocs.yml, less its overrides
(`custom_dir`), so a change of theme settings reaches both without being written again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TagsIgnored(yaml.SafeLoader):
    """`yaml.safe_load`, reading a tagged value (`!ENV`, `!!python/name:…`) as None."""


_TagsIgnored.add_multi_constructor("!", lambda loader, suffix, node: None)
_TagsIgnored.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TagsIgnored) or {}


def plain_theme(config: dict[str, Any]) -> dict[str, Any]:
    """A mkdocs.yml's theme settings without its overrides (`custom_dir`)."""
    theme = config.get("theme") or {"name": "material"}
    if isinstance(theme, str):
        theme = {"name": theme}
    return {key: value for key, value in theme.items() if key != "custom_dir"}


def write_config(path: Path, settings: dict[str, Any], comment: str) -> None:
    """A plain site's mkdocs.yml, headed by a comment line saying what it is."""
    text = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
    path.write_text(f"# {comment}\n{text}", encoding="utf-8")
