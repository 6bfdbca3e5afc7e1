"""The site's name and address come from `papers/conference.yaml`, and from nowhere else
(an archive's home page: from `papers/archive.yaml`; a volume of it: from its
`Proceedings`, whose `site_url` is the archive's followed by the volume's id).

MkDocs insists on a `site_name` in `mkdocs.yml`; Waqai's says `Waqai`, a
placeholder that the conference's Arabic title replaces, and i18n's English
`site_name` is set to the English title. `site_url` is the conference's
`site_url`. A `mkdocs.yml` that still names another title or address (say, an
older conference's) is refused, naming both files, rather than publishing
canonical links, `hreflang` alternates and a sitemap at the old address while
the citation tags use the new one.

Material prints `site_name` and `site_description` as they are, in `<title>`, in
attributes and in the header (Waqai's own templates escape). So while pages render
(`escape_identity`, from `on_env`) both are escaped and marked safe (`Markup`):
printed raw they are already escaped, and an escaping template (`| e`, Waqai's
autoescaped partials) leaves them as they are, so a title holding `"`, `<` or `&`
reads as written and never ends a tag. They are plain text again once the pages are
written (`unescape_identity`): mkdocs-static-i18n overrides per language only
options whose value is exactly a `str`. The description in each language is a
sentence naming the conference.

Under `serve`, MkDocs has already replaced `site_url` by the local server's
address (whose path `commands.cli` takes from the conference), so that one is
left as it is.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, cast

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from waqai.data.model import DEFAULT_LANG, LANGS, Conference, Lang, Text
from waqai.site.share import site_sentence

PLACEHOLDER_NAME = "Waqai"


class SiteIdentity(NamedTuple):
    """What names a site: its title, its address, and the sentence describing it in a
    language (its `site_description`)."""

    title: Text
    site_url: str
    sentence: Callable[[Lang], str]


def conference_identity(conference: Conference) -> SiteIdentity:
    return SiteIdentity(conference.title, conference.site_url,
                        functools.partial(site_sentence, conference))


def apply_identity(config: MkDocsConfig, identity: SiteIdentity, data_file: str, *,
                   serving: bool) -> None:
    """Set the site's name in every language and its address from `identity`."""
    config_file = Path(config.config_file_path).name
    conflicts = []
    title = identity.title.shown(DEFAULT_LANG).text  # a gap: the English title
    if config.site_name not in (PLACEHOLDER_NAME, title):
        conflicts.append(f"site_name is “{config.site_name}”; {data_file} has title.ar “{title}”")
    if not serving and config.site_url and config.site_url != identity.site_url:
        conflicts.append(f"site_url is “{config.site_url}”; {data_file} has "
                         f"“{identity.site_url}”")
    for language in translated_languages(config):
        wanted = identity.title.shown(cast(Lang, language.locale)).text
        if language.site_name not in (None, wanted):
            conflicts.append(f"the i18n site_name of “{language.locale}” is "
                             f"“{language.site_name}”; {data_file} has title.{language.locale} "
                             f"“{wanted}”")
        language.site_name = wanted
        language.site_description = identity.sentence(cast(Lang, language.locale))
    if conflicts:
        raise PluginError(
            f"{config_file} and {data_file} disagree on the site's identity: "
            + "; ".join(conflicts) + f". The conference's own file is the one source: remove "
            f"those values from {config_file} (site_name may stay “{PLACEHOLDER_NAME}”).")
    config.site_name = title
    config.site_description = identity.sentence(DEFAULT_LANG)
    if not (serving and config.site_url):
        config.site_url = identity.site_url


IDENTITY_TEXTS = ("site_name", "site_description")


def escape_identity(config: MkDocsConfig) -> None:
    """The site's name and description, escaped and marked safe, for the pages to print."""
    for option in IDENTITY_TEXTS:
        if config[option] is not None and not isinstance(config[option], Markup):
            config[option] = escape(config[option])


def unescape_identity(config: MkDocsConfig) -> None:
    """The site's name and description as plain text again, once the pages are written."""
    for option in IDENTITY_TEXTS:
        if isinstance(config[option], Markup):
            config[option] = config[option].unescape()


def translated_languages(config: MkDocsConfig) -> list[Any]:
    """i18n's configured languages other than the default one that Waqai writes."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return []
    return [language for language in i18n.config.languages
            if not language.default and language.locale in LANGS]
