"""The home page of an archive of volumes, made from archive.yaml and each volume's data.

Its volumes are listed by year, newest first (as the ACL Anthology's venue pages),
each with its title, dates, city and figures, linking to the volume's own home page
in the same language, then a link to the archive's speaker index (pages/archivepeople.py)
and the archive's own citation files, in both forms (as a volume's home page lists the
volume's). A volume's pages are built by a build of their own
(`runner.build_archive`): this page reads the model, never their HTML.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable

from markupsafe import Markup

from waqai.data.archive import Archive, ArchiveInfo, Volume, volume_order
from waqai.data.model import Lang, lang_root, other_lang
from waqai.exports.archive import abstracts_file, archive_file
from waqai.exports.record import Form
from waqai.site.pages import Context, Links, PageSpec
from waqai.site.pages.archiveplan import ArchivePageKind, ArchivePlan
from waqai.site.pages.common import shown
from waqai.site.pages.home import citation_files, form_files, listed_langs, makeup
from waqai.text.dates import format_range
from waqai.text.labels import LABELS
from waqai.text.plain import plain_text
from waqai.text.summary import shorten
from waqai.urls import PEOPLE_URL

TEMPLATE = "waqai/archive.html"


def archive_home_spec(info: ArchiveInfo) -> PageSpec:
    return PageSpec(stem="index", kind="archive", title=info.title)


def archive_sentence(info: ArchiveInfo, lang: Lang) -> str:
    """What describes the archive's site: its description, else a sentence naming it."""
    if info.description is not None and (text := plain_text(info.description.get(lang))):
        return shorten(text)
    return shorten(LABELS["describe_archive"].get(lang).format(
        archive=info.title.shown(lang).text))


def volume_view(volume: Volume, lang: Lang, links: Links) -> Context:
    proc = volume.proceedings
    conf = proc.conference
    figures = (("items", len(proc.papers)), ("sessions", len(proc.sessions)),
               ("people", len(proc.people)))
    return {
        "id": volume.id,
        "title": shown(conf.title, lang),
        "dates": format_range(conf.start, conf.end, lang),
        "place": Markup(LABELS["comma"].get(lang)).join((shown(conf.city, lang),
                                                         shown(conf.country, lang))),
        # The volume's home in this page's language: "<id>/" or, from /en/, "../<id>/en/".
        "url": links.asset(f"{volume.path}{lang_root(lang)}"),
        "figures": [{"name": name, "count": count, "label": LABELS[name].get(lang)}
                    for name, count in figures],
    }


def archive_files(lang: Lang, form: Form) -> list[tuple[str, str, str]]:
    """The archive's files of one form (`home.FormFiles`)."""
    return form_files(archive_file, abstracts_file(form), form, lang)


def archive_citation_files(archive: Archive, lang: Lang, links: Links) -> list[Context]:
    """The archive's whole citation files, listed as a volume's home lists the volume's,
    each form described as it is for the items of every volume."""
    langs = set().union(*(listed_langs(volume.proceedings) for volume in archive.volumes))
    return citation_files(lang, makeup(langs), links, functools.partial(archive_files, lang))


def home_specs(plan: ArchivePlan) -> Iterable[PageSpec]:
    yield archive_home_spec(plan.archive.info)


def archive_home_context(plan: ArchivePlan, spec: PageSpec, lang: Lang, links: Links) -> Context:
    archive = plan.archive
    info = archive.info
    newest_first = sorted(archive.volumes, key=volume_order, reverse=True)
    years = itertools.groupby(newest_first, key=lambda volume: volume.conference.year)
    return {
        "archive": {
            "title": shown(info.title, lang),
            "title_other": info.title.alongside(lang),
            "lang_other": other_lang(lang),
            "description": shown(info.description, lang),
            "publisher": shown(info.publisher, lang),
        },
        "years": [{"year": year, "volumes": [volume_view(volume, lang, links)
                                             for volume in volumes]}
                  for year, volumes in years],
        "people_url": links.page(PEOPLE_URL),
        "citation_files": archive_citation_files(archive, lang, links),
    }


HOME = ArchivePageKind("archive", TEMPLATE, home_specs, archive_home_context)
