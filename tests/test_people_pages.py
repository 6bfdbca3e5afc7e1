"""Issue 4: person pages, the speaker index, and name collisions."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import EXAMPLE_PAPERS, run_waqai


class IndexParser(HTMLParser):
    """Reads the speaker index: letter sections and the person ids under each."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "section" and "data-letter" in attributes:
            self.sections.append((attributes["data-letter"], []))
        if tag == "li" and "data-person-id" in attributes and self.sections:
            self.sections[-1][1].append(attributes["data-person-id"])


def read_index(path: Path) -> list[tuple[str, list[str]]]:
    parser = IndexParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.sections


def test_a_page_per_person_in_both_languages(built_site: Path) -> None:
    people = yaml.safe_load((EXAMPLE_PAPERS / "people.yaml").read_text(encoding="utf-8"))
    for person_id in people:
        for prefix in ("", "en/"):
            page = built_site / f"{prefix}people/{person_id}/index.html"
            assert f'data-person-id="{person_id}"' in page.read_text(encoding="utf-8")


def test_arabic_index_files_both_alomari_under_ain(built_site: Path) -> None:
    sections = dict(read_index(built_site / "people/index.html"))
    assert {"nayef-alomari", "badr-alomari"} <= set(sections["ع"])
    assert not {"nayef-alomari", "badr-alomari"} & set(sections.get("ا", []))
    # Al-Qahtani (both) under ق, Al-Duwailaa under ض, Paddy Rice under ر.
    assert {"saad-alqahtani", "mushabab-alqahtani"} <= set(sections["ق"])
    assert "hamad-alduwailaa" in sections["ض"]
    assert "paddy-rice" in sections["ر"]


def test_index_letters_follow_the_alphabet(built_site: Path) -> None:
    letters = [letter for letter, _ in read_index(built_site / "people/index.html")]
    alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    assert letters == sorted(letters, key=alphabet.index)
    english = [letter for letter, _ in read_index(built_site / "en/people/index.html")]
    assert english == sorted(english)
    sections = dict(read_index(built_site / "en/people/index.html"))
    assert {"nayef-alomari", "badr-alomari"} <= set(sections["O"])


def test_the_two_alomari_have_different_pages(built_site: Path) -> None:
    nayef = (built_site / "people/nayef-alomari/index.html").read_text(encoding="utf-8")
    badr = (built_site / "people/badr-alomari/index.html").read_text(encoding="utf-8")
    assert 'data-paper-id="labour-services"' in nayef and 'data-paper-id="labour-services"' not in badr
    assert 'data-paper-id="amer-contact-centre"' in badr
    assert "العُمري" in badr  # shown as written, damma included


def test_person_page_shows_honorific_role_and_links(built_site: Path) -> None:
    page = (built_site / "people/badr-alomari/index.html").read_text(encoding="utf-8")
    assert "م. بدر بن عبدالله العُمري" in page
    assert re.search(r'data-role="speaker"', page)
    assert 'href="../../papers/amer-contact-centre/"' in page


def test_check_warns_about_a_colliding_spelling(project: Path) -> None:
    people = project / "papers/people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + (
        '\nnayef-alomari-2:\n'
        '  name: {honorific: "أ.", given: "نايف", family: "العمرى"}\n'
        '  latin:\n    - {given: "Nayef", family: "Al-Omari"}\n'), encoding="utf-8")
    paper = project / "papers/labour-services/paper.yaml"
    paper.write_text(paper.read_text(encoding="utf-8").replace(
        "people: [nayef-alomari]", "people: [nayef-alomari, nayef-alomari-2]"), encoding="utf-8")
    result = run_waqai(project, "check")
    assert result.code == 0, result.output  # a warning, not an error
    warning = [line for line in result.err.splitlines() if "warning" in line and "nayef-alomari-2" in line]
    assert warning, result.output
    assert "nayef-alomari" in warning[0].replace("nayef-alomari-2", "")
    assert "distinct_from" in result.err


def test_check_reports_a_person_who_appears_nowhere(project: Path) -> None:
    people = project / "papers/people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + (
        '\nkhalid-alaraj:\n  name: {given: "خالد", family: "العرج"}\n'
        '  latin:\n    - {given: "Khalid", family: "Al-Araj"}\n'), encoding="utf-8")
    result = run_waqai(project, "check")
    assert "khalid-alaraj: appears in no paper, session or statement" in result.err


def test_a_volume_of_its_own_links_to_no_archive(built_site: Path) -> None:
    """Only a volume of an archive links each person to their page across its volumes."""
    people = yaml.safe_load((EXAMPLE_PAPERS / "people.yaml").read_text(encoding="utf-8"))
    for person_id in people:
        for prefix in ("", "en/"):
            html = (built_site / f"{prefix}people/{person_id}/index.html").read_text("utf-8")
            assert f'data-person-id="{person_id}"' in html
            assert "waqai-archive-person" not in html
