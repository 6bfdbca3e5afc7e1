"""What a page says about itself when shared or listed: its description and its card.

- The description (`<meta name="description">`, `og:description`) of a generated
  page: a paper's abstract, the home page's conference description, else a
  sentence of `labels.py` naming the page and the conference; in the page's
  language, plain text, cut at a word near 160 characters (`text/summary.py`).
  Hand-written pages get the site's description (`site_description`, set per
  language by `identity.py`) unless their front matter has one.
- The card: the volume's image (`waqai/media/card.py`), one file for every page,
  named in `og:image` by its absolute address under `site_url`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from waqai.data.model import LANGS, Conference, Lang, Proceedings
from waqai.exports.feed import feed_path
from waqai.media.card import CARD_FILE, HEIGHT, WIDTH, CardText
from waqai.site.pages import PageSpec
from waqai.text.labels import ITEM_KINDS, LABELS
from waqai.text.plain import plain_text
from waqai.text.summary import shorten

# The label of each page kind whose description is a sentence (home and paper have text).
SENTENCES = {"about": "describe_about", "programme": "describe_programme", "day": "describe_day",
             "session": "describe_session", "people": "describe_people",
             "letters": "describe_people", "letter": "describe_letter",
             "person": "describe_person"}


def site_sentence(conf: Conference, lang: Lang) -> str:
    """The description of a page that has none of its own: the site's."""
    return shorten(LABELS["describe_site"].get(lang).format(
        conference=conf.title.shown(lang).text))


def describe(proc: Proceedings, spec: PageSpec, lang: Lang) -> str:
    """The description of a generated page. It is in the page's language even where the
    abstract or the description is a translation gap (the sentence names the item then),
    since Material writes it without a `lang` of its own."""
    conf = proc.conference
    conference = conf.title.shown(lang).text
    text = ""
    if spec.kind == "paper":
        paper = proc.paper(spec.key)
        text = plain_text(paper.abstract.get(lang)) or LABELS["describe_item"].get(lang).format(
            title=paper.title.shown(lang).text, kind=ITEM_KINDS[paper.kind].get(lang),
            conference=conference)
    elif spec.kind == "home" and conf.description:
        text = plain_text(conf.description.get(lang))
    elif spec.kind in SENTENCES:
        text = LABELS[SENTENCES[spec.kind]].get(lang).format(
            title=spec.title.shown(lang).text, conference=conference)
    return shorten(text) if text else site_sentence(conf, lang)


def share_view(proc: Proceedings, spec: PageSpec, lang: Lang) -> dict[str, str]:
    """The OpenGraph values of a generated page (`waqai.share` in its template); a title
    in the other language (a translation gap) has its language, for its tag's `lang`."""
    title = spec.title.shown(lang)
    return {"type": "article" if spec.kind == "paper" else "website",
            "title": title.text, "title_lang": "" if title.lang == lang else title.lang,
            "description": describe(proc, spec, lang)}


def card_globals(proc: Proceedings, site_url: str | None) -> dict[str, Any]:
    """`waqai_card` in every template: where the card is and what it shows."""
    text = CardText.of(proc.conference)
    return {"url": urljoin(site_url or "/", CARD_FILE), "width": WIDTH, "height": HEIGHT,
            "alt": {lang: text.alt(lang) for lang in LANGS}}


def feed_urls(site_url: str | None) -> dict[str, str]:
    """`waqai_feeds`: the address of the volume's Atom feed in each language."""
    return {lang: urljoin(site_url or "/", feed_path(lang)) for lang in LANGS}
