"""The page of one paper or talk."""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import escape

from waqai.data.dois import item_doi
from waqai.data.model import Lang, Paper, Proceedings, Shown, other_lang
from waqai.exports.files import FORMAT_NAMES, FORMATS, paper_files
from waqai.exports.record import FORM_LANG, FORMS, Form, corporate_author, status_heading
from waqai.site.head import absolute_url, paper_head
from waqai.site.pages import BuildData, Context, Links, PageKind, PageSpec, SitePlan
from waqai.site.pages.common import (
    chairs_view,
    doi_view,
    lang_attrs,
    marked,
    person_brief,
    session_brief,
    shown,
    zone_view,
)
from waqai.text.dates import format_date
from waqai.text.labels import ATTACHMENT_KINDS, CITE_FORM_ORIGINAL, IN_LANGUAGE, ITEM_KINDS, LABELS
from waqai.urls import base_url, paper_url, pdf_path


def specs(plan: SitePlan) -> Iterable[PageSpec]:
    for paper in plan.proc.papers:
        yield PageSpec(stem=paper_url(paper).rstrip("/"), kind="paper", title=paper.title,
                       key=paper.id)




# One BibTeX field line as our writer puts it: `  name = {value},` (the value may hold braces).
_FIELD_LINE = re.compile(r"^(\s*[A-Za-z][\w-]*\s*=\s*\{)(.*)(\},?)$")


def bibtex_lines(text: str) -> list[Context]:
    """The lines of a BibTeX entry as `before`, `value`, `after`, so the template can
    isolate each value's direction (<bdi>): an Arabic value then reads right to left
    without pulling the braces and commas of its line out of order."""
    lines = []
    for line in text.rstrip("\n").split("\n"):
        match = _FIELD_LINE.match(line)
        before, value, after = match.groups() if match else (line, "", "")
        lines.append({"before": before, "value": value, "after": after})
    return lines


def _cite_forms(data: BuildData, paper: Paper, key: str, lang: Lang,
                links: Links) -> list[Context]:
    """The forms of the item's citation: an Arabic item's both, the page's language's
    first; an English item's one, its original, which is also its form for a reference list
    in English (the same record, exports/record.py), under a heading naming its language."""
    forms, bibtex = [], data.bibtex(paper)
    if paper.lang == FORM_LANG["romanised"]:
        order: tuple[Form, ...] = ("original",)
    else:
        order = FORMS if lang == "ar" else FORMS[::-1]
    for form in order:
        paths = paper_files(paper, key, form)
        label = (CITE_FORM_ORIGINAL[paper.lang] if form == "original"
                 else LABELS["cite_form_romanised"])
        forms.append({"form": form, "label": label.get(lang),
                      # The language the form's values are written in.
                      "lang": paper.lang if form == "original" else FORM_LANG["romanised"],
                      "lines": bibtex_lines(bibtex[form]),
                      "files": _downloads(paths, links)})
    return forms


def _downloads(paths: dict[str, str], links: Links) -> list[Context]:
    return [{"format": FORMAT_NAMES[fmt], "url": links.asset(paths[fmt]),
             "name": paths[fmt].rsplit("/", 1)[-1]} for fmt in FORMATS]


def versions_view(paper: Paper, lang: Lang) -> list[Context]:
    """Every version of the full text, newest first; the one `pdf` names is current."""
    return [{"date": format_date(v.date, lang, weekday=False), "iso": v.date.isoformat(),
             "note": shown(v.note, lang), "url": v.file,
             "current": v.file == paper.pdf}
            for v in sorted(paper.versions, key=lambda v: v.date, reverse=True)]


def standing_view(paper: Paper, lang: Lang) -> Context | None:
    """A retracted or withdrawn item's notice: «مسحوب في 1 فبراير 2025» and why."""
    if paper.in_volume or paper.notice is None:
        return None
    heading = status_heading(paper, lang, format_date(paper.notice.date, lang, weekday=False))
    return {"status": paper.status.value, "heading": heading,
            "iso": paper.notice.date.isoformat(), "text": shown(paper.notice.text, lang)}


def context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    proc = data.proc
    paper = proc.paper(spec.key)
    session = proc.session(paper.session)
    key = data.keys[paper.id]
    page_url = absolute_url(proc, lang, spec.url)
    pdf = pdf_path(paper, lang)  # beside this page: the page links it by its name
    # A retracted or withdrawn item's PDF is linked as such, and not named to Scholar.
    pdf_url = f"{base_url(proc.conference)}{pdf}" if pdf and paper.in_volume else ""
    return {
        "head": paper_head(proc, paper, lang, page_url, pdf_url, key),
        "cite": {"key": key, "forms": _cite_forms(data, paper, key, lang, links)},
        "paper": {
            "id": paper.id,
            **title_view(paper, lang),
            "kind": ITEM_KINDS[paper.kind].get(lang),
            "kind_id": paper.kind.value,
            "people": [person_brief(p, lang, links) for p in proc.people_of(paper)],
            # An item without people is cited under the publisher (exports/record.py).
            "cited_under": "" if paper.people else shown(corporate_author(proc), lang),
            "keywords": keywords_view(paper, lang),
            "pages": paper.pages or "",
            "doi": doi_view(item_doi(proc, paper)),
            "version_of_record": paper.version_of_record or "",
            "pdf_url": paper.pdf or "",
            "pdf_current": paper.in_volume,
            "standing": standing_view(paper, lang),
            "versions": versions_view(paper, lang),
            "attachments": [{"label": shown(a.label, lang), "type": a.kind.value,
                             "type_label": ATTACHMENT_KINDS[a.kind].get(lang),
                             "url": a.file or a.url, "external": a.url is not None}
                            for a in paper.attachments],
            "errata": [{"date": format_date(note.date, lang, weekday=False),
                        "iso": note.date.isoformat(), "text": shown(note.text, lang)}
                       for note in paper.errata],
        },
        "session": {**session_brief(session, lang, links),
                    "chairs": chairs_view(proc, session, lang, links)},
        "zone": zone_view(proc.conference, (session.day,)),
    }


def title_view(paper: Paper, lang: Lang) -> Context:
    """The item's title on its page in `lang`, and the other language's beside it.

    Where the page shows a title in the other language than its own, the item's original
    (in the heading, in place of a translation gap, or beside the translation), that title
    carries its lang and dir, starts at its own edge, and is followed by the name of its
    language («بالإنجليزية» / "In Arabic"). A translation beside the original lines up with
    the page, as before."""
    title = paper.title.shown(lang)
    other = other_lang(lang)
    original_other = paper.lang == other  # the original beside the page's translation
    return {
        "title": escape(title.text),
        "title_attrs": lang_attrs(title.lang, lang),
        "title_label": IN_LANGUAGE[title.lang].get(lang) if title.lang != lang else "",
        "title_other": paper.title.alongside(lang),
        "lang_other": other,
        "title_other_original": original_other,
        "title_other_label": IN_LANGUAGE[other].get(lang) if original_other else "",
    }


def keywords_view(paper: Paper, lang: Lang) -> Context:
    """The keywords in `lang`; the other language's, marked, where those are a gap: then
    the list as a whole is set in their language and direction, with their commas."""
    words, really = paper.keywords_shown(lang)
    return {"words": [marked(Shown(word, really), lang) for word in words],
            "attrs": lang_attrs(really, lang), "comma": LABELS["comma"].get(really)}


def abstract(proc: Proceedings, spec: PageSpec, lang: Lang) -> Shown:
    return proc.paper(spec.key).abstract.shown(lang)


KIND = PageKind("paper", "waqai/paper.html", specs, context, abstract)
