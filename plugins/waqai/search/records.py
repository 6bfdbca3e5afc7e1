"""What is searchable: one record per paper, session and person page, per language,
the home and about pages, and one per hand-written page (e.g. contributing).

Records of generated pages come from the model, not from the built HTML, so the
index is written without parsing pages and holds exactly the fields readers look
for: titles, abstracts, keywords and people's names (every spelling, in both
scripts). A hand-written page is indexed from its rendered body, as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from waqai.data.model import DEFAULT_LANG, LANGS, Lang, Person, Proceedings, Text, lang_root
from waqai.text.dates import format_date
from waqai.text.labels import ITEM_KINDS, LABELS, SESSION_KINDS
from waqai.urls import ABOUT_URL, HOME_URL, paper_url, person_url, session_url

# Field weights (two bits in the index): a word in the title counts more than
# one in a name or keyword, which counts more than one in the body.
TITLE, NAME, BODY = 3, 2, 1
PERSON = Text("شخص", "Person")
PAGE = Text("صفحة", "Page")

_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")  # the URL of [text](url)
_MD_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Record:
    url: str  # relative to the site root, language folder included ("en/papers/x/")
    title: str
    kind: str  # shown above the title: «بحث», "Session", …
    sub: str  # one short line under the title: people, date, affiliation
    fields: tuple[tuple[int, str], ...]  # (weight, text) pairs to index


def lang_of_url(url: str) -> Lang:
    """The language of a page from its site-relative URL ("en/about/" is English)."""
    first = url.split("/", 1)[0]
    return first if first in LANGS else DEFAULT_LANG


def html_words(body: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded."""
    return html.unescape(_MD_TAG.sub(" ", body))


def page_record(url: str, title: str, body_html: str) -> Record:
    """A hand-written page, from its URL, title and rendered body."""
    return Record(url=url, title=title, kind=PAGE.get(lang_of_url(url)), sub="",
                  fields=((TITLE, title), (BODY, html_words(body_html))))


def markdown_words(source: str) -> str:
    """Markdown source without link targets and tags: the words a reader sees."""
    return _MD_TAG.sub(" ", _MD_LINK_TARGET.sub("]", source))


def person_names(person: Person) -> str:
    """Every spelling of a name, both scripts (readers type either)."""
    latin = " ".join(name.full for name in person.names_latin)
    return f"{person.name_ar.full} {latin}"


def person_label(person: Person, lang: Lang) -> str:
    return person.name_ar.full if lang == "ar" else person.name_en.full


def records(proc: Proceedings, lang: Lang) -> Iterator[Record]:
    """Papers first, then sessions, then people, each in programme/file order, then the
    home and about pages."""
    root = lang_root(lang)
    other: Lang = "en" if lang == "ar" else "ar"
    comma = "، " if lang == "ar" else ", "
    names = {person.id: person_names(person) for person in proc.people}  # each once
    for paper in proc.papers:
        people = proc.people_of(paper)
        yield Record(
            url=root + paper_url(paper),
            title=paper.title.get(lang),
            kind=ITEM_KINDS[paper.kind].get(lang),
            sub=comma.join(person_label(p, lang) for p in people),
            fields=((TITLE, paper.title.get(lang)),
                    (BODY, paper.title.get(other)),  # shown on the page too
                    (NAME, " ".join(paper.keywords_in(lang))),
                    (NAME, " ".join(names[p.id] for p in people)),
                    (BODY, markdown_words(paper.abstract.get(lang)))),
        )
    for session in proc.sessions:
        chairs = [proc.person(c) for c in session.chairs]
        description = session.description.get(lang) if session.description else ""
        yield Record(
            url=root + session_url(session),
            title=session.title.get(lang),
            kind=SESSION_KINDS[session.kind].get(lang),
            sub=format_date(session.day, lang, weekday=False),
            fields=((TITLE, session.title.get(lang)),
                    (NAME, " ".join(names[p.id] for p in chairs)),
                    (BODY, description)),
        )
    for person in proc.people:
        about = [t.get(lang) for t in (person.position, person.affiliation) if t is not None]
        yield Record(
            url=root + person_url(person),
            title=person.display_name(lang),
            kind=PERSON.get(lang),
            sub=comma.join(about),
            fields=((TITLE, names[person.id]), (BODY, " ".join(about))),
        )
    yield from volume_pages(proc, lang)


def volume_pages(proc: Proceedings, lang: Lang) -> Iterator[Record]:
    """The home page (the conference) and the about page (its organisers, statements and
    the editors' notes)."""
    conf, root = proc.conference, lang_root(lang)
    home = [conf.venue, conf.city, *conf.themes, *((conf.description,) if conf.description
                                                   else ())]
    yield Record(url=root + HOME_URL, title=conf.title.get(lang), kind=PAGE.get(lang), sub="",
                 fields=((TITLE, conf.title.get(lang)),
                         (BODY, " ".join(text.get(lang) for text in home))))
    about = [conf.publisher, *(org.name for org in conf.organisers),
             *(st.text for st in conf.statements)]
    notes = markdown_words(proc.about.get(lang)) if proc.about else ""
    yield Record(url=root + ABOUT_URL, title=LABELS["about"].get(lang), kind=PAGE.get(lang),
                 sub="", fields=((TITLE, LABELS["about"].get(lang)),
                                 (BODY, " ".join(text.get(lang) for text in about)),
                                 (BODY, notes)))
