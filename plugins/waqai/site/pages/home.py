"""The home page and the about page, made from conference.yaml (and papers/about.*.md).

An organiser who wants other words writes `docs/index.<lang>.md` or
`docs/about.<lang>.md`: a hand-written page wins (see `generated.py`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from markupsafe import Markup

from waqai.book import BOOK_FILE
from waqai.data.dois import volume_doi
from waqai.data.model import Conference, Lang, Proceedings, Shown, other_lang
from waqai.exports.files import (
    FORMAT_NAMES,
    FORMATS,
    programme_ics_path,
    volume_abstracts_file,
    volume_file,
)
from waqai.exports.record import FORMS, Form
from waqai.site.head import absolute_url, home_ld
from waqai.site.pages import BuildData, Context, Links, PageKind, PageSpec, SitePlan
from waqai.site.pages.common import doi_view, person_brief, shown
from waqai.text.labels import LABELS
from waqai.urls import ABOUT_URL, PEOPLE_URL, PROGRAMME_URL, base_url

VOLUME_FORMATS = tuple((fmt, FORMAT_NAMES[fmt]) for fmt in FORMATS)


def _place(conf: Conference, lang: Lang) -> Context:
    return {"venue": shown(conf.venue, lang),
            "place": Markup(LABELS["comma"].get(lang)).join((shown(conf.city, lang),
                                                             shown(conf.country, lang)))}


def listed_langs(proc: Proceedings) -> set[Lang]:
    """The languages of the items the volume's files list (`Paper.in_volume`); without any,
    the volume's own language."""
    return {paper.lang for paper in proc.papers if paper.in_volume} or {proc.conference.lang}


def makeup(langs: set[Lang]) -> str:
    """What citation files of items in `langs` hold, as the suffix of the labels describing
    their forms: "" when every item is Arabic (the original form in Arabic script, the
    romanised one with English titles in brackets), "_english" when every item is English
    (both forms the same records, in English), "_mixed" when there are items in each."""
    if len(langs) > 1:
        return "_mixed"
    return "" if langs == {"ar"} else "_english"


def volume_makeup(proc: Proceedings) -> str:
    """What the volume's citation files hold (`makeup`)."""
    return makeup(listed_langs(proc))


# A form's files: (format's name, site path, what it adds or "") for each.
FormFiles = Callable[[Form], Iterable[tuple[str, str, str]]]


def citation_files(lang: Lang, suffix: str, links: Links, files_of: FormFiles) -> list[Context]:
    """Both forms of some citation files, the page's own language's first, each described as
    it is for their items (`suffix`: `makeup`'s), each with its files (`files_of`)."""
    forms = FORMS if lang == "ar" else tuple(reversed(FORMS))
    return [{"form": form, "label": LABELS[f"form_{form}{suffix}"].get(lang),
             "files": [{"format": name, "url": links.asset(path), "file": path, "note": note}
                       for name, path, note in files_of(form)]} for form in forms]


def form_files(file_of: Callable[[str, Form], str], with_abstracts: str, form: Form,
               lang: Lang) -> list[tuple[str, str, str]]:
    """Some citation files of one form (`FormFiles`), each format's `file_of(fmt, form)`:
    BibTeX, then the BibTeX `with_abstracts` (its path), then the other formats."""
    files = [(name, file_of(fmt, form), "") for fmt, name in VOLUME_FORMATS]
    files.insert(1, ("BibTeX", with_abstracts, LABELS["with_abstracts"].get(lang)))
    return files


def volume_files(form: Form, lang: Lang) -> list[tuple[str, str, str]]:
    """The volume's files of one form (`FormFiles`)."""
    return form_files(volume_file, volume_abstracts_file(form), form, lang)


def home_specs(plan: SitePlan) -> Iterable[PageSpec]:
    yield PageSpec(stem="index", kind="home", title=plan.proc.conference.title)


def home_context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    from waqai.text.dates import format_range

    proc = data.proc
    conf = proc.conference
    programme, people = links.page(PROGRAMME_URL), links.page(PEOPLE_URL)
    figures = (("items", len(proc.papers), programme), ("sessions", len(proc.sessions), programme),
               ("speakers", len(proc.people), people), ("days", len(conf.days), programme))
    calendar = programme_ics_path(lang)  # the calendar in the page's language
    exports = [{"label": LABELS["programme_calendar"].get(lang), "format": "ics",
                "url": links.asset(calendar), "file": calendar}]
    if conf.book is not None:  # the site build typesets it (`waqai.book`)
        exports.append({"label": LABELS["printed_book"].get(lang), "format": "PDF",
                        "url": links.asset(BOOK_FILE), "file": BOOK_FILE})
    return {
        "head": {"json_ld": home_ld(proc, lang, absolute_url(proc, lang, spec.url))},
        "conference": {
            "title": shown(conf.title, lang),
            "title_other": conf.title.alongside(lang),
            "lang_other": other_lang(lang),
            "dates": format_range(conf.start, conf.end, lang),
            **_place(conf, lang),
            "description": shown(conf.description, lang),
            "themes": [shown(theme, lang) for theme in conf.themes],
        },
        "figures": [{"name": name, "count": count, "label": LABELS[name].get(lang), "url": url}
                    for name, count, url in figures],
        "citation_files": citation_files(lang, volume_makeup(proc), links,
                                         functools.partial(volume_files, lang=lang)),
        "exports": exports,
        "about_url": links.page(ABOUT_URL),
        "volume_doi": doi_view(volume_doi(conf)),
    }


def about_specs(plan: SitePlan) -> Iterable[PageSpec]:
    yield PageSpec(stem=ABOUT_URL.rstrip("/"), kind="about", title=LABELS["about"])


def volume_citation(proc: Proceedings, lang: Lang) -> Context:
    """The parts of a citation of the whole volume: the record every export gives each
    item as its container (title in both languages, editors, city, publisher, year), and
    its DOI when it has one."""
    conf = proc.conference
    editors = [proc.person(pid) for pid in conf.editors]
    return {
        "title": shown(conf.title, lang),
        "title_other": conf.title.alongside(lang),
        "editors": [shown(p.full_name, lang) for p in editors],
        "city": shown(conf.city, lang),
        "publisher": shown(conf.publisher, lang),
        "year": conf.year,
        "url": base_url(conf),
        "doi": doi_view(volume_doi(conf)),
    }


def about_context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    proc = data.proc
    conf = proc.conference
    return {
        "organisers": [{"role": shown(org.role, lang), "name": shown(org.name, lang)}
                       for org in conf.organisers],
        "publisher": shown(conf.publisher, lang),
        **_place(conf, lang),
        "official_url": conf.official_url or "",
        "statements": [{"text": shown(st.text, lang), "source": shown(st.source, lang),
                        "person": person_brief(proc.person(st.person), lang, links)}
                       for st in conf.statements],
        "citation": volume_citation(proc, lang),
        "tool_other": LABELS["waqai"].get(other_lang(lang)),
        "lang_other": other_lang(lang),
    }


def about_notes(proc: Proceedings, spec: PageSpec, lang: Lang) -> Shown:
    # Both files or neither (fields.ABOUT): never a translation gap.
    return Shown(proc.about.get(lang) if proc.about else "", lang)


HOME = PageKind("home", "waqai/home.html", home_specs, home_context)
ABOUT = PageKind("about", "waqai/about.html", about_specs, about_context, about_notes)
