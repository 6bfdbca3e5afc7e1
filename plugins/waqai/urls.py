"""Where each page of the built site lives: one rule for the site, the exports and the search.

Page paths are relative to a language's root (`/` for Arabic, `/en/` for
English, see `data.model.lang_root`), with directory URLs.
"""

from __future__ import annotations

import datetime as dt

from waqai.data.model import Conference, Lang, Paper, Person, Session, lang_root

HOME_URL = ""  # the language root
ABOUT_URL = "about/"
PROGRAMME_URL = "programme/"
PEOPLE_URL = "people/"
LETTERS_URL = "names/"  # the speaker index's letter pages
PAPERS_URL = "papers/"  # each item's page, below it
SESSIONS_URL = "sessions/"


def person_url(person: Person) -> str:
    return f"people/{person.id}/"


def letter_url(slug: str, part: int = 1) -> str:
    """A letter page of the speaker index (`waqai.text.index_letters`): `names/ain/`, and
    `names/ain/2/` … for the further pages of a letter with more people than one holds.
    Not below `people/`, whose folders are the people's ids: any id stays free."""
    return part_url(f"{LETTERS_URL}{slug}/", part)


def part_url(url: str, part: int) -> str:
    """Page `part` of a listing split into numbered pages, the first of which is at `url`."""
    return url if part == 1 else f"{url}{part}/"


def paper_url(paper: Paper) -> str:
    return f"{PAPERS_URL}{paper.id}/"


def pdf_path(paper: Paper, lang: Lang) -> str | None:
    """Where a paper's PDF is in the site beside its page in `lang`: `papers/<id>/paper.pdf`,
    `en/papers/<id>/paper.pdf`. Google Scholar reads `citation_pdf_url` only when it names
    a file in the page's own folder; the build hard-links the copies where it can."""
    return file_path(paper, paper.pdf, lang) if paper.pdf else None


def file_path(paper: Paper, name: str, lang: Lang) -> str:
    """Where one of the item's published files (`Paper.files`) is beside its page in `lang`."""
    return f"{lang_root(lang)}{paper_url(paper)}{name}"


def session_url(session: Session) -> str:
    return f"{SESSIONS_URL}{session.id}/"


def day_url(day: dt.date, part: int = 1) -> str:
    """A day's programme; `programme/<date>/2/` … for a day with more sessions than one
    page lists."""
    return part_url(f"programme/{day.isoformat()}/", part)


def base_url(conference: Conference) -> str:
    """The site URL with exactly one trailing slash."""
    return conference.site_url.rstrip("/") + "/"
