"""The page of one paper or talk."""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup

from waqai.data.dois import item_doi
from waqai.data.model import Lang, Paper, Proceedings, Shown, other_lang
from waqai.exports.files import paper_files
from waqai.exports.record import FORM_LANG, FORMS, corporate_author, status_heading
from waqai.site.head import absolute_url, paper_head
from waqai.site.pages import BuildData, Context, Links, PageKind, PageSpec
from waqai.site.pages.common import (
    chairs_view,
    doi_view,
    marked,
    person_brief,
    session_brief,
    shown,
    zone_view,
)
from waqai.text.dates import format_date
from waqai.text.labels import ATTACHMENT_KINDS, ITEM_KINDS, LABELS
from waqai.urls import base_url, paper_url, pdf_path


def specs(proc: Proceedings) -> Iterable[PageSpec]:
    for paper in proc.papers:
        yield PageSpec(stem=paper_url(paper).rstrip("/"), kind="paper", title=paper.title,
                       key=paper.id)


FORMATS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))


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
    """Both forms of the item's citation, the page's language's first."""
    forms, bibtex = [], data.bibtex(paper)
    for form in FORMS if lang == "ar" else FORMS[::-1]:
        paths = paper_files(paper, key, form)
        forms.append({"form": form, "label": LABELS[f"cite_form_{form}"].get(lang),
                      "lang": FORM_LANG[form],
                      "lines": bibtex_lines(bibtex[form]),
                      "files": _downloads(paths, links)})
    return forms


def _downloads(paths: dict[str, str], links: Links) -> list[Context]:
    return [{"format": label, "url": links.asset(paths[fmt]), "name": paths[fmt].rsplit("/", 1)[-1]}
            for fmt, label in FORMATS]


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
    other = other_lang(lang)
    key = data.keys[paper.id]
    page_url = absolute_url(proc, lang, spec.url)
    pdf = pdf_path(paper, lang)  # beside this page: the page links it by its name
    # A retracted or withdrawn item's PDF is linked as such, and not named to Scholar.
    pdf_url = f"{base_url(proc.conference)}{pdf}" if pdf and paper.in_volume else ""
    return {
        "head": paper_head(proc, paper, lang, page_url, pdf_url),
        "cite": {"key": key, "forms": _cite_forms(data, paper, key, lang, links)},
        "paper": {
            "id": paper.id,
            "title": shown(paper.title, lang),
            "title_other": paper.title.alongside(lang),
            "lang_other": other,
            "kind": ITEM_KINDS[paper.kind].get(lang),
            "kind_id": paper.kind.value,
            "people": [person_brief(p, lang, links) for p in proc.people_of(paper)],
            # An item without people is cited under the publisher (exports/record.py).
            "cited_under": "" if paper.people else shown(corporate_author(proc), lang),
            "keywords": keywords_view(paper, lang),
            "pages": paper.pages or "",
            "doi": doi_view(item_doi(proc, paper)),
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


def keywords_view(paper: Paper, lang: Lang) -> list[Markup]:
    """The keywords in `lang`; the other language's, marked, where those are a gap."""
    words, really = paper.keywords_shown(lang)
    return [marked(Shown(word, really), lang) for word in words]


def abstract(proc: Proceedings, spec: PageSpec, lang: Lang) -> Shown:
    return proc.paper(spec.key).abstract.shown(lang)


KIND = PageKind("paper", "waqai/paper.html", specs, context, abstract)
