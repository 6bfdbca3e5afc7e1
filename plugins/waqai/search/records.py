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

from waqai.data.model import (
    DEFAULT_LANG,
    LANGS,
    Lang,
    Person,
    Proceedings,
    Shown,
    Text,
    lang_root,
)
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
    # The language of `title` when it is not the index's: a translation gap shows the
    # other language's title, and the results mark it with its `lang` and `dir`.
    title_lang: Lang | None = None


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
    return " ".join((person.full_name.ar, *(name.full for name in person.names_latin))).strip()


def person_label(person: Person, lang: Lang) -> str:
    return person.full_name.shown(lang).text


def foreign(shown: Shown, lang: Lang) -> Lang | None:
    """The language of a text shown in an index of `lang`, when it is not `lang`."""
    return None if shown.lang == lang else shown.lang


def records(proc: Proceedings, lang: Lang) -> Iterator[Record]:
    """Papers first, then sessions, then people, each in programme/file order, then the
    home and about pages."""
    root = lang_root(lang)
    comma = LABELS["comma"].get(lang)
    names = {person.id: person_names(person) for person in proc.people}  # each once
    # What a page shows is what its record finds: a translation gap's other text.
    for paper in proc.papers:
        people = proc.people_of(paper)
        title = paper.title.shown(lang)
        yield Record(
            url=root + paper_url(paper),
            title=title.text, title_lang=foreign(title, lang),
            kind=ITEM_KINDS[paper.kind].get(lang),
            sub=comma.join(person_label(p, lang) for p in people),
            fields=((TITLE, title.text),
                    (BODY, paper.title.alongside(lang)),  # shown on the page too
                    (NAME, " ".join(paper.keywords_shown(lang)[0])),
                    (NAME, " ".join(names[p.id] for p in people)),
                    (BODY, markdown_words(paper.abstract.shown(lang).text))),
        )
    for session in proc.sessions:
        chairs = [proc.person(c) for c in session.chairs]
        description = session.description.shown(lang).text if session.description else ""
        title = session.title.shown(lang)
        yield Record(
            url=root + session_url(session),
            title=title.text, title_lang=foreign(title, lang),
            kind=SESSION_KINDS[session.kind].get(lang),
            sub=format_date(session.day, lang, weekday=False),
            fields=((TITLE, title.text),
                    (NAME, " ".join(names[p.id] for p in chairs)),
                    (BODY, description)),
        )
    for person in proc.people:
        yield person_record(person, lang, names[person.id])
    yield from volume_pages(proc, lang)


def person_record(person: Person, lang: Lang, names: str | None = None) -> Record:
    """The person's record in LANG, for their page (`names`: `person_names`, if made)."""
    about = [t.shown(lang).text for t in (person.position, person.affiliation)
             if t is not None]
    return Record(
        url=lang_root(lang) + person_url(person),
        title=person.display_name(lang),
        title_lang=foreign(person.name.shown(lang), lang),
        kind=PERSON.get(lang),
        sub=LABELS["comma"].get(lang).join(about),
        fields=((TITLE, names if names is not None else person_names(person)),
                (BODY, " ".join(about))),
    )


def volume_pages(proc: Proceedings, lang: Lang) -> Iterator[Record]:
    """The home page (the conference) and the about page (its organisers, statements and
    the editors' notes)."""
    conf, root = proc.conference, lang_root(lang)
    home = [conf.venue, conf.city, *conf.themes, *((conf.description,) if conf.description
                                                   else ())]
    title = conf.title.shown(lang)
    yield Record(url=root + HOME_URL, title=title.text, title_lang=foreign(title, lang),
                 kind=PAGE.get(lang), sub="", fields=((TITLE, title.text),
                         (BODY, " ".join(text.shown(lang).text for text in home))))
    about = [conf.publisher, *(org.name for org in conf.organisers),
             *(st.text for st in conf.statements)]
    notes = markdown_words(proc.about.get(lang)) if proc.about else ""
    yield Record(url=root + ABOUT_URL, title=LABELS["about"].get(lang), kind=PAGE.get(lang),
                 sub="", fields=((TITLE, LABELS["about"].get(lang)),
                                 (BODY, " ".join(text.shown(lang).text for text in about)),
                                 (BODY, notes)))
