"""Issue 33, affiliations: the one a person gave on an item (`affiliations:` in its
paper.yaml, else their own in people.yaml) on the item's page head (Scholar's
`citation_author_institution`, JSON-LD), in the Crossref deposit and in the book."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import copy_project, run_waqai
from test_book import needs_pdftotext, pdftotext
from test_crossref import CR, EMAIL, WHO, assert_valid

# The example's people, as these items name them.
HAMAD = ("الضويلع, حمد بن محمد", "Al-Duwailaa, Hamad bin Mohammed")
MUSHABAB = ("القحطاني, مشبب بن عايض", "Al-Qahtani, Mushabab bin Ayed")
NAYEF = ("العمري, نايف بن صالح", "Al-Omari, Nayef bin Saleh")
PADDY = ("رايس, بادي", "Rice, Paddy")
# Hamad's affiliation on the keynote, not his own (the Ministry of Health).
ON_ITEM = ("مستشفى الملك فيصل التخصصي", "King Faisal Specialist Hospital")
OWN = {"hamad": ("وزارة الصحة", "Ministry of Health"),
       "mushabab": ("وزارة الخدمة المدنية", "Ministry of Civil Service")}
# Paddy Rice has none of his own; the English workshop gives him one in Arabic only.
ARABIC_ONLY = "خبير مستقل في خدمة العملاء"
SIDES = {"ar": 0, "en": 1}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example where the keynote has two people and gives the first an affiliation of
    its own; a talk has two people and no `affiliations:`; the workshop is an English
    item giving its speaker an affiliation in Arabic only. Deposited, built, and its book."""
    project = copy_project(tmp_path_factory.mktemp("affiliations") / "project")
    papers = project / "papers"
    edit(papers / "conference.yaml", "timezone:", 'doi_prefix: "10.5555"\ntimezone:')
    edit(papers / "patient-experience" / "paper.yaml", "people: [hamad-alduwailaa]",
         "people: [hamad-alduwailaa, mushabab-alqahtani]\naffiliations:\n"
         f'  hamad-alduwailaa: {{ar: "{ON_ITEM[0]}", en: "{ON_ITEM[1]}"}}')
    edit(papers / "labour-services" / "paper.yaml", "people: [nayef-alomari]",
         "people: [nayef-alomari, hamad-alduwailaa]")
    edit(papers / "ten-strategies" / "paper.yaml", "people: [paddy-rice]",
         f'people: [paddy-rice]\nlanguage: "en"\naffiliations:\n'
         f'  paddy-rice: {{ar: "{ARABIC_ONLY}"}}')
    for command in (("deposit", "--depositor", WHO.name, "--email", EMAIL), ("build",),
                    ("book",)):
        result = run_waqai(project, *command)
        assert result.code == 0, result.output
    return project


def page(project: Path, paper_id: str, lang: str) -> lxml.html.HtmlElement:
    prefix = "" if lang == "ar" else f"{lang}/"
    return lxml.html.parse(str(project / "site" / f"{prefix}papers/{paper_id}/index.html")
                           ).getroot()


def scholar_people(tree: lxml.html.HtmlElement) -> list[tuple[str, str, str]]:
    """Each citation_author and citation_author_institution tag, in the page's order:
    (name, content, lang)."""
    return [(meta.get("name").removeprefix("citation_"), meta.get("content"),
             meta.get("lang", "")) for meta in tree.iter("meta")
            if meta.get("name") in ("citation_author", "citation_author_institution")]


def authors_ld(tree: lxml.html.HtmlElement) -> list[dict]:
    blocks = map(json.loads, tree.xpath('//script[@type="application/ld+json"]/text()'))
    return next(b for b in blocks if b["@type"] == "ScholarlyArticle")["author"]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_scholar_names_each_authors_institution_right_after_them(project: Path,
                                                                 lang: str) -> None:
    side = SIDES[lang]
    assert scholar_people(page(project, "patient-experience", lang)) == [
        ("author", HAMAD[side], ""), ("author_institution", ON_ITEM[side], ""),
        ("author", MUSHABAB[side], ""),
        ("author_institution", OWN["mushabab"][side], "")]
    # No `affiliations:`: each person's own; none for one without.
    assert scholar_people(page(project, "labour-services", lang)) == [
        ("author", NAYEF[side], ""), ("author", HAMAD[side], ""),
        ("author_institution", OWN["hamad"][side], "")]


def test_an_institution_in_the_other_language_says_so(project: Path) -> None:
    assert scholar_people(page(project, "ten-strategies", "en")) == [
        ("author", PADDY[1], ""), ("author_institution", ARABIC_ONLY, "ar")]
    assert scholar_people(page(project, "ten-strategies", "ar")) == [
        ("author", PADDY[0], ""), ("author_institution", ARABIC_ONLY, "")]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_json_ld_authors_have_their_affiliation_on_the_item(project: Path, lang: str) -> None:
    side = SIDES[lang]

    def affiliations(paper_id: str) -> list[object]:
        return [author.get("affiliation") for author in authors_ld(page(project, paper_id,
                                                                        lang))]

    def organisation(name: object) -> dict:
        return {"@type": "Organization", "name": name}

    assert affiliations("patient-experience") == [organisation(ON_ITEM[side]),
                                                  organisation(OWN["mushabab"][side])]
    assert affiliations("labour-services") == [None, organisation(OWN["hamad"][side])]
    gap = ARABIC_ONLY if lang == "ar" else {"@value": ARABIC_ONLY, "@language": "ar"}
    assert affiliations("ten-strategies") == [organisation(gap)]


def test_the_deposit_gives_each_contributor_their_affiliation_on_the_item(
        project: Path) -> None:
    root = assert_valid((project / "dist" / "crossref-CSC-2015.xml").read_bytes())

    def institutions(paper_id: str) -> list[list[str]]:
        item = next(item for item in root.iterfind(".//cr:conference_paper", CR)
                    if item.findtext("cr:doi_data/cr:doi", namespaces=CR).endswith(paper_id))
        return [[name.text for name in person.iterfind(
                    "cr:affiliations/cr:institution/cr:institution_name", CR)]
                for person in item.iterfind("cr:contributors/cr:person_name", CR)]

    # Arabic items: the Arabic text; the English workshop's is a gap, so the Arabic.
    assert institutions("patient-experience") == [[ON_ITEM[0]], [OWN["mushabab"][0]]]
    assert institutions("labour-services") == [[], [OWN["hamad"][0]]]
    assert institutions("ten-strategies") == [[ARABIC_ONLY]]
    # The schema's place: after the name, before the ORCID.
    person = root.find(".//cr:person_name[cr:affiliations]", CR)
    assert [etree.QName(child).localname for child in person] == [
        "given_name", "surname", "affiliations"]


def test_the_book_prints_the_affiliation_given_on_the_item(project: Path) -> None:
    needs_pdftotext()
    text = pdftotext(project / "site" / "proceedings.pdf")
    # Each item's people line: «name — affiliation», in the item's language.
    assert f"الضويلع — {ON_ITEM[0]}" in text
    assert f"القحطاني — {OWN['mushabab'][0]}" in text
    # His own only on the talk that gives none.
    assert text.count(f"الضويلع — {OWN['hamad'][0]}") == 1
    assert f"Rice — {ARABIC_ONLY}" in text
