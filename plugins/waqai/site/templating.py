"""Jinja settings for the theme's environment: what Waqai changes, and why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

from waqai.data.model import LANGS
from waqai.text.labels import labels_for

WAQAI_TEMPLATES = ("waqai/", "partials/waqai/")


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates, kept in memory for the plugin's lifetime.

    MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n
    runs one build per language, so Material's templates were compiled twice
    per build, and again on every `serve` rebuild. Jinja checks each bucket
    against the template's source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def autoescape_waqai_templates(env: Environment) -> Callable[[str | None], bool]:
    """Waqai's own templates autoescape: every value they print is contributor text.

    MkDocs turns autoescaping off; the theme's templates keep that setting.
    """
    default = env.autoescape

    def autoescape(name: str | None) -> bool:
        if name and name.startswith(WAQAI_TEMPLATES):
            return True
        return default(name) if callable(default) else bool(default)

    return autoescape


def prepare_env(env: Environment, compiled: MemoryBytecodeCache, card: dict[str, Any],
                search_scope: str = "", feeds: dict[str, str] | None = None) -> None:
    """Waqai's settings for one build's theme environment.

    Besides autoescaping and the kept bytecode, every template (Material's
    overridden partials on hand-written pages too) gets the interface words of both
    languages as `waqai_labels[lang]`, the volume's card (`share.card_globals`) as
    `waqai_card`, and what the search box searches in an archive of volumes as
    `waqai_search_scope`: "archive" (its home page), "volume" (a volume's pages, which
    can widen to the archive) or "" (a one-volume site), and the address of the volume's
    Atom feed in each language as `waqai_feeds` (empty on an archive's home page).
    """
    env.autoescape = autoescape_waqai_templates(env)
    env.bytecode_cache = compiled
    env.globals["waqai_labels"] = {lang: labels_for(lang) for lang in LANGS}
    env.globals["waqai_card"] = card
    env.globals["waqai_search_scope"] = search_scope
    env.globals["waqai_feeds"] = feeds or {}
