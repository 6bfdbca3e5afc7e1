"""Each item of the printed book in its own language (issue 30): an English item's page
and its contents line read left to right, the Arabic items' right to left, and the PDF
tags each item's text with its language. Read from the PDF's text positions (poppler's
`pdftotext -bbox-layout`) and its structure tree (pypdf)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import copy_project, missing, run_waqai
from waqai.book.content import MARGINS_PT
from waqai.data.checks import validate
from waqai.text.plain import plain_paragraphs

ENGLISH = "eastern-province-satisfaction"  # made an English item, as published
PERSON = "abdulrahman-aljulaifi"  # named by the contents' test items
# English items whose titles grow a short word at a time, each ending in a long word:
# one of them is just too long for its contents line, where that word would go down
# alone (the words added are shorter than it, so none of the titles steps over that
# place).
NAMES = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot")
FILLER = ("a survey of the way in which the public bodies of the east of the kingdom "
          "serve all the people who come to them day by day").split()
FIRST_LENGTH = 14  # filler words of the first such title (its whole title: two more)
TOLERANCE = 2.0  # points: a glyph's side bearing, poppler's rounding


def english_title(n: int) -> str:
    """A test title: its first word the item's name, its last the name and -borough."""
    name = NAMES[n]
    return " ".join((name, *FILLER[:FIRST_LENGTH + n], f"{name}borough"))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with one of its items English, as an Arabic conference has them:
    `language: en`, its English title and abstract, no Arabic title or abstract. Then
    the test items of the contents, English (one of them British, `en-GB`)."""
    needs_poppler()
    project = copy_project(tmp_path_factory.mktemp("language") / "project")
    papers = project / "papers"
    paper = papers / ENGLISH
    yaml = paper / "paper.yaml"
    text = yaml.read_text(encoding="utf-8")
    text, count = re.subn(r'(?m)^(title:\n  ar: )".*"$', r'\1""', text)
    assert count == 1, text
    yaml.write_text(text + "language: en\n", encoding="utf-8")
    (paper / "abstract.ar.md").unlink()
    for n, name in enumerate(NAMES):
        folder = papers / f"test-{name.lower()}"
        folder.mkdir()
        (folder / "paper.yaml").write_text(
            f"id: test-{name.lower()}\nsession: s3-local-experiences\norder: {10 + n}\n"
            f'kind: talk\ntitle:\n  ar: ""\n  en: "{english_title(n)}"\n'
            f"people: [{PERSON}]\nlanguage: {'en-GB' if n == 0 else 'en'}\n",
            encoding="utf-8")
        (folder / "abstract.en.md").write_text(f"The abstract of {name}.\n", encoding="utf-8")
    result = run_waqai(project, "book")
    assert result.code == 0, result.output
    return project


@pytest.fixture(scope="module")
def book(project: Path) -> Path:
    return project / "site" / "proceedings.pdf"


@pytest.fixture(scope="module")
def proc(project: Path):  # noqa: ANN201 - the project's model
    return validate(project).proceedings


def needs_poppler() -> None:
    if shutil.which("pdftotext") is None:
        missing("pdftotext is not installed (apt-get install poppler-utils)")


@dataclass
class Word:
    text: str
    x_min: float
    x_max: float


@dataclass
class Line:
    """A line as printed: poppler may cut one in pieces (a justified Arabic line at a
    wide space, a contents line at its leader); they are joined again here."""

    page: int  # from 1
    y: float  # the top, from the page's top
    words: list[Word]  # left to right as printed (an Arabic word's letters reversed)

    @property
    def x_min(self) -> float:
        return min(word.x_min for word in self.words)

    @property
    def x_max(self) -> float:
        return max(word.x_max for word in self.words)

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


NS = "{http://www.w3.org/1999/xhtml}"


def printed_lines(pdf: Path) -> list[Line]:
    """Every line of `pdf`, page after page, top to bottom, with its words' places."""
    xhtml = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    lines: list[Line] = []
    for number, page in enumerate(root.iter(f"{NS}page"), start=1):
        pieces = []
        for piece in page.iter(f"{NS}line"):
            # pdftotext marks each run's direction with embedding controls; the word
            # joiners are the book's, holding a contents line's leader to its neighbours.
            words = [Word(re.sub("[\u202a-\u202e\u2060]", "", word.text or ""),
                          float(word.get("xMin", 0)), float(word.get("xMax", 0)))
                     for word in piece.iter(f"{NS}word")]
            pieces.append((float(piece.get("yMin", 0)), [w for w in words if w.text]))
        on_page: list[Line] = []
        for y, words in sorted(pieces, key=lambda piece: piece[0]):
            if on_page and y - on_page[-1].y < 4:  # the same line, another piece of it
                on_page[-1].words += words
            elif words:
                on_page.append(Line(number, y, words))
        for line in on_page:
            line.words.sort(key=lambda word: word.x_min)
        lines += on_page
    return lines


def page_text(pdf: Path, page: int) -> str:
    """A page's text in reading order (Arabic letters as written)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page),
                           str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@dataclass
class Book:
    lines: list[Line]
    contents: list[Line]  # the contents' lines
    body: list[Line]  # the lines of the body and the indexes, inside the margins
    left: float  # where lines start on the left, and end on the right
    right: float


@pytest.fixture(scope="module")
def printed(book: Path) -> Book:
    reader = PdfReader(book)
    first = reader.page_labels.index("1") + 1  # the body's first page, from 1
    heading = next(n for n in range(1, first) if "المحتويات" in page_text(book, n))
    lines = printed_lines(book)
    width, height = (float(side) for side in reader.pages[0].mediabox[2:])
    return Book(lines, [line for line in lines if heading <= line.page < first],
                # No running head, no page number: they stand in the margins (a Latin
                # line's top, as poppler gives it, is above the text's top edge).
                [line for line in lines if line.page >= first
                 and MARGINS_PT[1] - 12 < line.y < height - MARGINS_PT[1]],
                MARGINS_PT[0], width - MARGINS_PT[0])


ARABIC = re.compile("[\u0621-\u064a]")
LATIN = re.compile("[A-Za-z]")


def run_of(lines: list[Line], text: str) -> list[Line]:
    """The consecutive lines that print `text`, a paragraph in English, whole."""
    wanted = " ".join(text.split())
    for start in range(len(lines)):
        joined = ""
        for end in range(start, len(lines)):
            joined = f"{joined} {lines[end].text}".strip()
            if joined == wanted:
                return lines[start:end + 1]
            if not wanted.startswith(joined):
                break
    raise AssertionError(f"no lines print {text!r}")


def entry(lines: list[Line], title: str) -> list[Line]:
    """The contents lines of an English title: from the line its first word is on to
    the one its last word is on."""
    words = title.split()
    first = next(n for n, line in enumerate(lines) if words[0] in line.text.split())
    last = next(n for n in range(first, len(lines))
                if words[-1] in lines[n].text.split())
    return lines[first:last + 1]


def title_words(line: Line) -> list[Word]:
    """A contents line's words but its page number."""
    return [word for word in line.words if not word.text.isdigit()]


def test_an_english_items_page_reads_from_the_left(printed: Book, proc) -> None:
    """The English item's title, its speaker's name (in English) and its abstract: each
    of their lines starts at the left margin."""
    paper = proc.paper(ENGLISH)
    [person] = proc.people_of(paper)
    [abstract] = plain_paragraphs(paper.abstract.en)
    title = run_of(printed.body, paper.title.en)
    assert len(title) >= 2  # its wrapped line too, not only the first
    for line in title:
        assert abs(line.x_min - printed.left) < TOLERANCE, (line.text, line.x_min)
    name = run_of(printed.body, person.name.en)  # its speaker named in English
    text = run_of(printed.body, abstract)
    assert len(text) >= 2
    for line in name + text:
        assert abs(line.x_min - printed.left) < TOLERANCE, (line.text, line.x_min)
    # In the order it was published: the title, the speaker, then the abstract.
    body = printed.body
    assert body.index(title[-1]) < body.index(name[0]) < body.index(text[0])


def test_arabic_lines_end_at_the_right_margin(printed: Book, proc) -> None:
    """Every line of Arabic in the body and the indexes (the Arabic items' titles,
    people, abstracts and keywords; the English item's Arabic keywords, a translation)
    ends at the right margin."""
    arabic = [line for line in printed.body
              if ARABIC.search(line.text) and not LATIN.search(line.text)]
    arabic_items = [paper for paper in proc.papers if paper.lang == "ar"]
    assert len(arabic) > 3 * len(arabic_items)  # a title, a name, an abstract each
    for line in arabic:
        assert abs(line.x_max - printed.right) < TOLERANCE, (line.text, line.x_max)


def test_an_english_contents_line_reads_left_to_right(printed: Book, proc) -> None:
    """The English item's contents line: its title from the left (after the items'
    indent), wrapped as one block, then the leader and its page number at the right;
    the Arabic lines as before, from the right, their page numbers at the left."""
    paper = proc.paper(ENGLISH)
    title = entry(printed.contents, paper.title.en)
    assert len(title) >= 2  # the title is long enough to wrap
    first, last = title[0], title[-1]
    # From the left margin after the indent (1.2em), every line of it.
    assert first.words[0].text == paper.title.en.split()[0], first.text
    assert printed.left + 5 < first.x_min < printed.left + 20, first.x_min
    assert all(abs(line.x_min - first.x_min) < TOLERANCE for line in title), title
    # The page number last, at the right margin, the leader between it and the title.
    words = title_words(last)
    assert len(words) >= 2, last.text  # the last word is not alone before the leader
    assert words[-1].text == paper.title.en.split()[-1], last.text
    page = last.words[-1]
    assert page.text.isdigit() and abs(page.x_max - printed.right) < TOLERANCE, last.text
    assert page.x_min - words[-1].x_max > 20  # the leader's dots, not text, between
    # The Arabic lines with a page number (not the heading, not a day's): one per
    # session and per Arabic item, its page number at the left margin.
    arabic = [line for line in printed.contents
              if ARABIC.search(line.text) and line.words[0].text.isdigit()]
    assert len(arabic) == len(proc.sessions) + len([p for p in proc.papers if p.lang == "ar"])
    for line in arabic:
        assert line.x_min - printed.left < TOLERANCE, line.text
        assert printed.right - line.x_max < 15, line.text  # a session's or item's start


def test_a_titles_last_word_never_stands_alone_before_the_leader(printed: Book) -> None:
    """Titles a word longer each: where one no longer fits its line, its last two words
    go down together, never its last word alone before the leader."""
    entries = [entry(printed.contents, english_title(n)) for n in range(len(NAMES))]
    alone = [title[-1].text for title in entries if len(title_words(title[-1])) < 2]
    assert not alone, alone
    for title in entries:  # the page number last, at the right
        assert title[-1].words[-1].text.isdigit(), title[-1].text
    heights = [len(title) for title in entries]
    # The titles cross the line's end: the first fits on one line, the last wraps.
    assert heights[0] == 1 and heights[-1] == 2, heights


def tags(reader: PdfReader) -> tuple[list[tuple[str, str, str]], set[str]]:
    """Each heading of the structure tree (its role, its /Lang, "" for none: the
    book's, Arabic, and its title), and every /Lang the PDF gives, on a structure
    element or a run of text (marked content)."""
    headings: list[tuple[str, str, str]] = []
    langs: set[str] = set()

    def walk(node) -> None:  # noqa: ANN001 - a pypdf object
        node = node.get_object()
        if not isinstance(node, dict):
            return
        role, lang = str(node.get("/S", "")), str(node.get("/Lang", ""))
        langs.add(lang)
        if role in ("/H1", "/H2"):
            headings.append((role, lang, str(node.get("/T", ""))))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)
    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    for page in reader.pages:
        langs.update(tag.decode() for tag in re.findall(
            rb"/Lang\s*\(([^)]*)\)", page.get_contents().get_data()))
    return headings, langs - {""}


def test_each_item_is_tagged_with_its_language(book: Path, proc) -> None:
    """The PDF says the book is Arabic (/Lang ar) and tags an English item's heading
    with its language, region and all (`en-GB`); Arabic items' headings are the book's.
    A British item's Arabic translations are Arabic, not "ar-GB"."""
    reader = PdfReader(book)
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    headings, langs = tags(reader)
    items = {title: lang for role, lang, title in headings if role == "/H2"}
    assert items[proc.paper(ENGLISH).title.en] == "en"  # its title, without isolates
    assert items[english_title(0)] == "en-GB"
    for paper in proc.papers:
        if paper.lang == "ar":
            assert items[paper.title.ar] in ("", "ar"), paper.id
    assert langs == {"ar", "en", "en-GB"}
