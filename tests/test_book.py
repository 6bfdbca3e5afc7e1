"""The printed proceedings (`python3 build.py book`), read by poppler and pypdf."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import copy_project, missing, run_waqai, set_book_section
from waqai.bench.pdf import minimal_pdf
from waqai.data.checks import validate


def needs_pdftotext() -> None:
    if shutil.which("pdftotext") is None:
        missing("pdftotext is not installed (apt-get install poppler-utils)")


# pdftotext marks each run's direction with embedding controls; they are not in the PDF.
EMBEDDINGS = re.compile("[\u202a-\u202e]")


def pdftotext(pdf: Path, page: int | None = None) -> str:
    """The PDF's text (or one page's), every run of white space one space."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return " ".join(EMBEDDINGS.sub("", text).split())


FULL_TEXT = "The full text of the paper, as its PDF shows it."
SECOND_PAGE = "The second page of the full text."


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's book, with a DOI for every item (a prefix in conference.yaml)."""
    project = copy_project(tmp_path_factory.mktemp("book") / "project")
    conference = project / "papers" / "conference.yaml"
    conference.write_text(conference.read_text(encoding="utf-8") + 'doi_prefix: "10.5555"\n',
                          encoding="utf-8")
    paper = project / "papers" / "absher"
    (paper / "paper.pdf").write_bytes(minimal_pdf([FULL_TEXT], "A full text",
                                                  more_pages=[[SECOND_PAGE]]))
    yaml = paper / "paper.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + "pdf: paper.pdf\n", encoding="utf-8")
    result = run_waqai(project, "book")
    assert result.code == 0, result.output
    return project / "site" / "proceedings.pdf"


@pytest.fixture(scope="module")
def proc(book: Path):  # noqa: ANN201 - the example's model
    return validate(book.parents[1]).proceedings


def outline(reader: PdfReader) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(entries: list, depth: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, entry.title))
    walk(reader.outline, 0)
    return found


def test_the_book_is_arabic_with_a_bookmark_per_session_and_item(book: Path, proc) -> None:
    reader = PdfReader(book)
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    bookmarks = outline(reader)
    sessions = [(0, s.title.ar) for s in proc.sessions if proc.papers_in(s.id)]
    items = [(1, p.title.ar) for p in proc.papers]
    assert all(bookmarks.count(mark) == 1 for mark in sessions + items), bookmarks
    labels = reader.page_labels
    assert "i" in labels and "1" in labels  # front matter in roman numbers, then 1, 2, …
    assert reader.metadata.title.startswith(proc.conference.title.ar)


def test_the_text_holds_every_english_title_and_an_index_with_pages(book: Path, proc) -> None:
    needs_pdftotext()
    text = pdftotext(book)
    for paper in proc.papers:
        assert " ".join(paper.title.en.split()) in text, paper.id
    # The index as laid out: each line a name, a dotted leader (a line, not text), and
    # the pages of the person's items.
    laid_out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(book), "-"],
                              capture_output=True, text=True, check=True).stdout
    index = laid_out[laid_out.rindex("Index of authors and speakers"):].splitlines()
    for person in proc.people:
        if any(person.id in p.people for p in proc.papers):
            name = re.escape(person.display_name("en"))
            lines = [line for line in index if re.match(rf"\s*{name}\s", line)]
            assert len(lines) == 1 and re.fullmatch(rf"\s*{name}\s+\d+(, \d+)*\s*", lines[0]), \
                (person.id, lines)


def test_editors_typst_markup_prints_as_written(tmp_path: Path) -> None:
    needs_pdftotext()
    project = copy_project(tmp_path / "project")
    path = project / "papers" / "absher" / "abstract.en.md"
    marked = "Markup stays text: #set page(width: 1cm) #import \"x\" $x^2$ [a] ] as written"
    path.write_text(marked + "\n", encoding="utf-8")
    result = run_waqai(project, "book", "--out", "book.pdf")
    assert result.code == 0, result.output
    text = pdftotext(project / "book.pdf")
    assert "#set page(width: 1cm) #import \"x\" $x^2$ [a] ] as written" in text
    # That one-line English paragraph starts at the left margin, as English does.
    reader = PdfReader(project / "book.pdf")
    [page] = [n for n in range(len(reader.pages))
              if "Markup stays text" in pdftotext(project / "book.pdf", n + 1)]
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", str(page + 1), "-l", str(page + 1),
                            str(project / "book.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout
    [x_min] = re.findall(r'<word xMin="([\d.]+)"[^>]*>Markup</word>', boxes)
    assert float(x_min) < float(reader.pages[page].mediabox.width) / 4


def test_the_same_data_gives_the_same_bytes(book: Path, tmp_path: Path) -> None:
    project = book.parents[1]
    result = run_waqai(project, "book", "--out", str(tmp_path / "again.pdf"))
    assert result.code == 0, result.output
    assert (tmp_path / "again.pdf").read_bytes() == book.read_bytes()


def test_bad_data_writes_no_book(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "papers" / "absher" / "paper.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("order: 1", "order: one"),
                    encoding="utf-8")
    result = run_waqai(project, "book")
    assert result.code == 1 and "No book was written." in result.output
    assert not (project / "site" / "proceedings.pdf").exists()


def test_a_doi_inside_arabic_text_reads_left_to_right(book: Path, proc) -> None:
    needs_pdftotext()
    text = pdftotext(book)
    for paper in proc.papers:
        doi = f"10.5555/{proc.conference.short_name.lower()}.{paper.id}"
        assert doi in text, doi  # not "patient-experience.csc-2015/10.5555"


def gray_page(pdf: Path, page: int) -> tuple[int, int, bytes]:
    """Page `page` drawn by poppler as 8-bit gray pixels: width, height, rows."""
    if shutil.which("pdftoppm") is None:
        missing("pdftoppm is not installed (apt-get install poppler-utils)")
    pgm = subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", str(page), "-l", str(page),
                          str(pdf)], capture_output=True, check=True).stdout
    magic, width, height, depth, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    return int(width), int(height), pixels


def ink_lines(width: int, height: int, pixels: bytes) -> list[tuple[int, int]]:
    """Each line of ink (rows with a dark pixel, between blank rows): its leftmost and
    rightmost dark pixel, top to bottom."""
    lines: list[tuple[int, int]] = []
    inside = False
    for y in range(height):
        dark = [x for x, value in enumerate(pixels[y * width:(y + 1) * width]) if value < 128]
        if dark and inside:
            left, right = lines[-1]
            lines[-1] = (min(left, dark[0]), max(right, dark[-1]))
        elif dark:
            lines.append((dark[0], dark[-1]))
        inside = bool(dark)
    return lines


def test_a_session_page_is_set_right_to_left(book: Path, proc) -> None:
    """The first session's page: under the running head, the session's short Arabic
    heading ends at the right margin and starts far from the left one."""
    reader = PdfReader(book)
    first = next(number for number, label in enumerate(reader.page_labels) if label == "1")
    width, height, pixels = gray_page(book, first + 1)
    head, heading, *body = ink_lines(width, height, pixels)
    left_margin = min(left for left, _ in [head, *body])
    right_margin = max(right for _, right in [head, *body])
    assert heading[1] >= right_margin - 3  # flush right
    assert heading[0] > left_margin + (right_margin - left_margin) // 3  # a short line


def test_the_title_page_sets_arabic_from_the_right_and_english_from_the_left(book: Path) -> None:
    width, height, pixels = gray_page(book, 1)
    lines = ink_lines(width, height, pixels)
    left_margin = min(left for left, _ in lines)
    right_margin = max(right for _, right in lines)
    english = next(n for n, (left, _) in enumerate(lines) if left <= left_margin + 3)
    assert english >= 3  # the Arabic title, organisers, place and dates come first
    for left, right in lines[:english]:  # each Arabic line starts at the right
        assert right >= right_margin - 10 and left > left_margin + 20
    assert lines[english][1] < right_margin - 20  # the English title starts at the left


def test_a_full_text_follows_its_item_under_the_running_head(book: Path, proc) -> None:
    needs_pdftotext()
    reader = PdfReader(book)
    pages = [pdftotext(book, number + 1) for number in range(len(reader.pages))]
    [where] = [number for number, text in enumerate(pages) if FULL_TEXT in text]
    item = proc.paper("absher")
    assert item.title.en in pages[where - 1]  # the item's own page comes just before
    # The running head (the volume and the session, as extracted): each of its words is
    # on the item's page too, in that page's head and the session's heading.
    head = pages[where].split(FULL_TEXT)[0].split()
    assert len(head) > 4 and set(head) <= set(pages[where - 1].split())
    assert pages[where].endswith(reader.page_labels[where])  # and the book's page number
    assert reader.page_labels[where].isdigit()
    # The PDF's second page follows on the next page, under the same head.
    assert SECOND_PAGE in pages[where + 1] and FULL_TEXT not in pages[where + 1]
    assert pages[where + 1].split(SECOND_PAGE)[0].split() == head
    assert reader.page_labels[where + 1] == str(int(reader.page_labels[where]) + 1)


def test_the_book_section_sets_paper_digits_isbn_copyright_and_preface(tmp_path: Path) -> None:
    needs_pdftotext()
    project = copy_project(tmp_path / "project")
    editor = validate(project).proceedings.people[0]
    conference = project / "papers" / "conference.yaml"
    conference.write_text(conference.read_text(encoding="utf-8") + f"editors: [{editor.id}]\n",
                          encoding="utf-8")
    set_book_section(project, """book:
  isbn: "978-3-16-148410-0"
  copyright: {ar: "حقوق الطبع للاختبار", en: "Copyright line of the test"}
  preface: {ar: "تقديم للاختبار", en: "A preface written for the test."}
  paper: a5
  digits: arabic-indic
""")
    result = run_waqai(project, "book", "--out", "book.pdf")
    assert result.code == 0, result.output
    reader = PdfReader(project / "book.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)  # A5, in points
    text = pdftotext(project / "book.pdf")
    assert "ISBN 978-3-16-148410-0" in text and "Copyright line of the test" in text
    assert "A preface written for the test." in text
    front = text[:text.index("المحتويات")]  # the front matter names the editor
    # (Poppler may move the honorific «أ.» past the name: its own ordering of the dot.)
    name = editor.display_name("ar").removeprefix(editor.name_ar.honorific or "")
    assert "تحرير" in front and arabic_words(name) in arabic_words(front)
    contents = text[text.index("المحتويات"):text.index("Index of authors")]
    assert re.search("[١-٩]", contents) and not re.search(r"\.\s*[1-9]", contents)


def test_an_isbn_with_a_wrong_check_digit_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    set_book_section(project, 'book:\n  isbn: "978-3-16-148410-1"\n')
    result = run_waqai(project, "check")
    assert result.code == 1
    assert "book.isbn" in result.output and "is not an ISBN-13" in result.output


def test_a_sessions_first_page_has_the_session_in_its_running_head(book: Path) -> None:
    needs_pdftotext()
    reader = PdfReader(book)
    first = reader.page_labels.index("1")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(first + 1), "-l",
                           str(first + 1), str(book), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [EMBEDDINGS.sub("", line).strip() for line in text.splitlines() if line.strip()]
    volume, head, heading = lines[:3]  # the running head's two parts, then the page's heading
    assert head == heading


# Arabic letters and the marks written on them: a title's words, whatever the
# punctuation between them (extractors place neutral punctuation by their own rules).
ARABIC_WORD = re.compile("[\u0621-\u064a\u064b-\u0652\u0670\u0671-\u06d3]+")


def arabic_words(text: str) -> str:
    return " ".join(ARABIC_WORD.findall(text))


def test_arabic_copied_out_of_the_book_is_the_datas_text(book: Path, proc) -> None:
    """Readers copy a title to cite it, and screen readers read it: the letters come out
    as written, in order, with lam-alef and the other joined pairs whole."""
    needs_pdftotext()
    assert proc.conference.title.ar in pdftotext(book, 1)  # the title page, exactly
    text = pdftotext(book)
    words = arabic_words(text)
    plain = [p for p in proc.papers if re.fullmatch(r"[\u0621-\u064a ]+", p.title.ar)]
    assert plain, "the fixture has a title of letters and spaces only"
    for paper in plain:  # such a title comes out exactly as the data has it
        assert paper.title.ar in text, paper.id
    for paper in proc.papers:  # every title's words, in order
        assert arabic_words(paper.title.ar) in words, paper.id
    assert "لا" in proc.conference.title.ar or any("لا" in p.title.ar for p in plain)


def item_page_labels(pdf: Path) -> dict[str, str]:
    """Each item's bookmark (its Arabic title) -> the label of the page it points to."""
    reader = PdfReader(pdf)
    found: dict[str, str] = {}

    def walk(entries: list) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                found[entry.title] = reader.page_labels[reader.get_destination_page_number(entry)]
    walk(reader.outline)
    return found


def test_the_site_links_the_book_and_cites_its_pages(tmp_path: Path) -> None:
    """With `pages_in_citations`, the page an item's bookmark opens is the first page
    its citation files and Scholar's tags give."""
    project = copy_project(tmp_path / "project")
    set_book_section(project, "book: {pages_in_citations: true}\n")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    site = project / "site"
    for home in (site / "index.html", site / "en" / "index.html"):
        assert re.search(r'href="(\.\./)?proceedings\.pdf" download="proceedings\.pdf"',
                         home.read_text(encoding="utf-8")), home
    proc = validate(project).proceedings
    starts = item_page_labels(site / "proceedings.pdf")
    records = json.loads((site / "proceedings.en.json").read_text(encoding="utf-8"))
    for paper in proc.papers:
        first = starts[paper.title.ar]
        [record] = [r for r in records if paper.title.en in r["title"]]
        assert record["page"].split("-")[0] == first
        if paper.people:  # Scholar's tags are for items with named people only
            page = (site / "papers" / paper.id / "index.html").read_text(encoding="utf-8")
            assert f'<meta name="citation_firstpage" content="{first}">' in page, paper.id
            assert re.search(r'<meta name="citation_lastpage" content="\d+">', page)


def test_pages_given_beside_the_books_are_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    set_book_section(project, "book: {pages_in_citations: true}\n")
    path = project / "papers" / "absher" / "paper.yaml"
    path.write_text(path.read_text(encoding="utf-8") + 'pages: "12-19"\n', encoding="utf-8")
    result = run_waqai(project, "check")
    assert result.code == 1
    assert "absher/paper.yaml" in result.output and "pages" in result.output
    assert "pages_in_citations" in result.output


@pytest.mark.parametrize("line", ["book:\n", "book: ~\n", "book: null\n"])
def test_an_empty_book_line_is_warned_about(tmp_path: Path, line: str) -> None:
    """`book:` alone (or `~`, `null`) is null in YAML: no book, which the editor is told."""
    project = copy_project(tmp_path / "project")
    set_book_section(project, line)
    result = run_waqai(project, "check")
    assert result.code == 0, result.output
    assert "conference.yaml" in result.output and "book" in result.output
    assert "book: {}" in result.output
    assert validate(project).proceedings.conference.book is None


def contents_links(reader: PdfReader) -> list[tuple[str, str]]:
    """Each link of the contents: its description and the label of the page it opens."""
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                target = annotation["/Dest"][0].idnum
                found.append((str(annotation["/Contents"]), reader.page_labels[pages[target]]))
    return found


def test_a_book_typeset_in_parts_is_the_book_typeset_whole(book: Path, proc,
                                                          tmp_path: Path) -> None:
    """The body is typeset in parts of whole sessions, each in its own Typst document;
    joined, they keep one run of page numbers, every bookmark and link, the full texts
    and one structure tree, as the book typeset as one body does."""
    from waqai.book.render import make_book
    needs_pdftotext()
    data_dir = book.parents[1] / "papers"
    whole = make_book(proc, data_dir)
    parts = make_book(proc, data_dir, part_items=1)  # a part per session
    (tmp_path / "whole.pdf").write_bytes(whole.pdf)
    (tmp_path / "parts.pdf").write_bytes(parts.pdf)
    one, many = PdfReader(tmp_path / "whole.pdf"), PdfReader(tmp_path / "parts.pdf")
    assert parts.item_pages == whole.item_pages
    assert many.page_labels == one.page_labels
    assert item_page_labels(tmp_path / "parts.pdf") == item_page_labels(tmp_path / "whole.pdf")
    assert outline(many) == outline(one)
    # The contents link each session and item to the page it starts on.
    links = contents_links(many)
    assert links == contents_links(one)
    assert len(links) == len(proc.papers) + len(proc.sessions)
    assert all(description == f"صفحة {label}" for description, label in links)
    for n in range(len(many.pages)):
        assert pdftotext(tmp_path / "parts.pdf", n + 1) == pdftotext(tmp_path / "whole.pdf", n + 1)
    # One structure tree: a Document of Parts, each page's marked content keyed once.
    root = many.trailer["/Root"]["/StructTreeRoot"]
    [document] = root["/K"]
    sessions = len([s for s in proc.sessions if proc.papers_in(s.id)])
    assert document["/S"] == "/Document"
    assert [part["/S"] for part in document["/K"]] == ["/Part"] * (sessions + 2)
    nums = root["/ParentTree"]["/Nums"]
    keys = [nums[n] for n in range(0, len(nums), 2)]
    marked = [page["/StructParents"] for page in many.pages if "/StructParents" in page]
    assert len(set(marked)) == len(marked) and set(marked) <= set(keys)
    assert max(keys) < root["/ParentTreeNextKey"]
