"""The page of one paper or talk."""

from __future__ import annotations

from collections.abc import Iterable

from waqai.data.model import Lang, Proceedings
from waqai.exports.files import paper_files
from waqai.site.head import absolute_url, paper_head
from waqai.site.pages import BuildData, Context, Links, PageKind, PageSpec
from waqai.site.pages.common import chairs_view, person_brief, session_brief, zone_view
from waqai.text.labels import ITEM_KINDS
from waqai.urls import base_url, paper_url, pdf_path


def specs(proc: Proceedings) -> Iterable[PageSpec]:
    for paper in proc.papers:
        yield PageSpec(stem=paper_url(paper).rstrip("/"), kind="paper", title=paper.title,
                       key=paper.id)


def context(data: BuildData, spec: PageSpec, lang: Lang, links: Links) -> Context:
    proc = data.proc
    paper = proc.paper(spec.key)
    session = proc.session(paper.session)
    other: Lang = "en" if lang == "ar" else "ar"
    key = data.keys[paper.id]
    files = paper_files(paper, key)
    page_url = absolute_url(proc, lang, spec.url)
    pdf = pdf_path(paper)
    pdf_url = f"{base_url(proc.conference)}{pdf}" if pdf else ""
    return {
        "head": paper_head(proc, paper, lang, page_url, pdf_url),
        "cite": {
            "key": key,
            "bibtex": data.exports[files["bib"]],
            "files": [{"format": label, "url": links.asset(files[fmt]),
                       "name": files[fmt].rsplit("/", 1)[-1]}
                      for fmt, label in (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))],
        },
        "paper": {
            "id": paper.id,
            "title": paper.title.get(lang),
            "title_other": paper.title.get(other),
            "lang_other": other,
            "kind": ITEM_KINDS[paper.kind].get(lang),
            "kind_id": paper.kind.value,
            "people": [person_brief(p, lang, links) for p in proc.people_of(paper)],
            "keywords": list(paper.keywords_in(lang)),
            "pages": paper.pages or "",
            "doi": paper.doi or "",
            "pdf_url": links.asset(pdf) if pdf else "",
        },
        "session": {**session_brief(session, lang, links),
                    "chairs": chairs_view(proc, session, lang, links)},
        "zone": zone_view(proc.conference, (session.day,)),
    }


def abstract(proc: Proceedings, spec: PageSpec, lang: Lang) -> str:
    return proc.paper(spec.key).abstract.get(lang)


KIND = PageKind("paper", "waqai/paper.html", specs, context, abstract)
