"""The pages say what the exports say: each paper page's Google Scholar tags and its
Schema.org JSON-LD, read back from the built HTML, against the model itself, on both
language pages, for the example and for a synthetic conference. (The export files are
read back by their clients in test_citations_agree.py, against the same facts.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_citations_agree import expected
from test_head import head
from waqai.data.checks import validate
from waqai.data.model import Paper, Proceedings


@pytest.fixture(scope="module", params=["example", "synthetic"])
def site(request, built_site: Path, built_synthetic_site: Path) -> tuple[Path, Proceedings]:
    root = built_site if request.param == "example" else built_synthetic_site
    result = validate(root.parent)
    assert result.proceedings is not None
    return root, result.proceedings


def scholarly_article(json_ld: list) -> dict:
    found = [block for block in json_ld if block.get("@type") == "ScholarlyArticle"]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_scholar_tags_and_json_ld_say_what_the_exports_say(site, lang: str) -> None:
    root, proc = site
    for paper in proc.papers:
        page = root / ("" if lang == "ar" else "en") / "papers" / paper.id / "index.html"
        tags, facts = head(page), expected(proc, paper, lang)
        meta = {name: values[0] if len(values) == 1 else values
                for name, values in tags.meta.items()}
        article = scholarly_article(tags.json_ld)
        check_json_ld(article, paper, lang, facts)
        if not paper.people:  # Scholar needs a person as author: no citation_* record at all
            assert not [name for name in meta if name.startswith("citation_")], paper.id
            continue
        authors = tags.meta.get("citation_author", [])
        assert [tuple(a.split(", ", 1)) for a in authors] == facts["authors"], paper.id
        assert meta["citation_title"] == paper.title.get(lang)
        assert meta["citation_conference_title"] == facts["container"]
        assert meta["citation_publication_date"] == facts["date"].strftime("%Y/%m/%d")
        assert meta.get("citation_doi", "") == facts["doi"]
        pages = [meta[f] for f in ("citation_firstpage", "citation_lastpage") if meta.get(f)]
        assert pages == ([facts["pages"][0], facts["pages"][-1]] if facts["pages"] else [])


def check_json_ld(article: dict, paper: Paper, lang: str, facts: dict) -> None:
    """The page's ScholarlyArticle says the same facts as the exports."""
    people = [(a.get("familyName", a["name"]), a.get("givenName", ""))
              for a in article["author"]]
    assert people == facts["authors"], paper.id
    assert article["name"] == paper.title.get(lang)
    assert article["isPartOf"]["name"] == facts["container"]
    assert article["datePublished"] == facts["date"].isoformat()
    if facts["doi"]:
        assert article["identifier"] == {"@type": "PropertyValue", "propertyID": "DOI",
                                         "value": facts["doi"]}
        assert article["sameAs"] == f"https://doi.org/{facts['doi']}"
    else:
        assert "identifier" not in article and "sameAs" not in article
    assert article.get("pagination", "") == (paper.pages or "")
