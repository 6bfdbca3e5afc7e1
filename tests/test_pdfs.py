"""A paper's PDF (`pdf:` in its paper.yaml): published where both pages link it, or refused."""

from __future__ import annotations

import base64
import random
import re
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_waqai
from linkcheck import Site
from pdf_files import (
    CATALOG,
    MIB,
    PAGE,
    PAGES,
    clean_pdf,
    content_bomb_pdf,
    deep_open_action_pdf,
    in_object_streams,
    link_pdf,
    many_objects_pdf,
    object_stream_bomb_pdf,
    page_with,
    raw_pdf,
    raw_stream,
)
from test_incremental import files_under, serve_twice
from test_timezone import error_lines
from waqai.data.pdfread import (
    MAX_INFLATED,
    MAX_OBJECTS,
    MAX_PAGES,
    MAX_STRUCTURE,
    PdfRefusal,
    judge_pdf,
)

# A real PDF, written by pypdf (tests/pdf_files.py), not by the code under test.
PDF_BYTES = clean_pdf(title="version one")
PAPER = "papers/absher/paper.yaml"
SITE_URL = "https://proceedings.example.org/csc-2015/"


def add_pdf(project: Path, content: bytes = PDF_BYTES, name: str = "paper.pdf") -> int:
    """Write `pdf: NAME` into absher's paper.yaml (and the file, unless `content` is empty);
    return the line of the field."""
    paper = project / PAPER
    text = paper.read_text(encoding="utf-8")
    paper.write_text(f"{text}pdf: {name}\n", encoding="utf-8")
    if content:
        (paper.parent / name).write_bytes(content)
    return len(text.splitlines()) + 1


def pdf_links(page: str) -> tuple[str, str]:
    """The page's PDF link and its citation_pdf_url."""
    [link] = re.findall(r'<a href="([^"]+\.pdf)"', page)
    [citation] = re.findall(r'<meta name="citation_pdf_url" content="([^"]+)"', page)
    return link, citation


def test_the_pdf_is_published_beside_each_page_that_links_it(project: Path) -> None:
    """Google Scholar reads citation_pdf_url only when it names a file in the folder of
    the page that carries it: each language's page has its own copy, hard-linked."""
    add_pdf(project)
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    site = project / "site"
    resolver = Site(site, SITE_URL)
    for folder in ("papers/absher/", "en/papers/absher/"):
        page = f"{folder}index.html"
        link, citation = pdf_links((site / page).read_text(encoding="utf-8"))
        assert citation == f"{SITE_URL}{folder}paper.pdf"
        for url in (link, citation):
            target, _, why = resolver.resolve(page, url, set())
            assert (target, why) == (f"{folder}paper.pdf", ""), (page, url)
        assert (site / folder / "paper.pdf").read_bytes() == PDF_BYTES
    assert sorted(path.relative_to(site).as_posix() for path in site.rglob("*.pdf")) == [
        "en/papers/absher/paper.pdf", "papers/absher/paper.pdf", "proceedings.pdf"]  # the book
    # One file on disk, not a copy per language.
    arabic, english = (site / "papers/absher/paper.pdf").stat(), \
        (site / "en/papers/absher/paper.pdf").stat()
    assert (english.st_ino, english.st_dev) == (arabic.st_ino, arabic.st_dev)
    # Not a link to the editors' file: the site does not change when it does.
    assert arabic.st_ino != (project / "papers/absher/paper.pdf").stat().st_ino


def refused(project: Path, line: int) -> tuple[str, str]:
    """The one error of `check`, at the pdf field of absher's paper.yaml, and its fix."""
    result = run_waqai(project, "check")
    assert result.code == 1
    [error] = error_lines(result.output)
    prefix = f"{PAPER}:{line}: error: pdf: "
    assert error.startswith(prefix), result.output
    fix = result.output.split(error, 1)[1].strip().splitlines()[0]
    return error.removeprefix(prefix), fix


def test_a_symlinked_pdf_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.pdf"
    outside.write_bytes(PDF_BYTES)
    line = add_pdf(project, b"")
    (project / "papers/absher/paper.pdf").symlink_to(outside)
    message, fix = refused(project, line)
    assert message == "“paper.pdf” is a symbolic link; a link is not published."
    assert fix == "fix: Replace the link with a copy of the PDF in papers/absher/."


def test_a_dangling_link_is_refused_not_a_crash(project: Path, tmp_path: Path) -> None:
    line = add_pdf(project, b"")
    (project / "papers/absher/paper.pdf").symlink_to(tmp_path / "gone.pdf")
    message, _ = refused(project, line)
    assert message == "“paper.pdf” is a symbolic link; a link is not published."


def test_a_file_that_is_not_a_pdf_is_refused(project: Path) -> None:
    line = add_pdf(project, b"<html><script>alert(1)</script></html>\n")
    message, fix = refused(project, line)
    assert message == "“paper.pdf” is not a PDF: it does not start with “%PDF-”."
    assert fix.startswith("fix: Save the paper as PDF")


def test_a_missing_pdf_is_refused(project: Path) -> None:
    line = add_pdf(project, b"")
    message, fix = refused(project, line)
    assert message == "“paper.pdf” is not a file in papers/absher/."
    assert fix == ('fix: Put the PDF itself in papers/absher/ and write its file name, '
                   'e.g. "paper.pdf".')


def test_a_pdf_in_a_linked_paper_folder_is_not_read(project: Path, tmp_path: Path) -> None:
    """The file is no link, but its folder is: the folder is refused, and not read."""
    add_pdf(project)
    moved = tmp_path / "absher"
    (project / "papers/absher").rename(moved)
    (project / "papers/absher").symlink_to(moved, target_is_directory=True)
    result = run_waqai(project, "check")
    assert result.code == 1
    assert [line.split(": error: ", 1)[0] for line in error_lines(result.output)] == [
        "papers/absher"]


def test_a_pdf_refused_later_leaves_the_last_good_site(project: Path) -> None:
    add_pdf(project)
    assert run_waqai(project, "build").code == 0
    before = files_under(project / "site")
    (project / "papers/absher/paper.pdf").write_bytes(b"not a pdf\n")
    result = run_waqai(project, "build")
    assert result.code == 1
    assert "is not a PDF" in result.output
    assert files_under(project / "site") == before


@pytest.mark.parametrize("edit", [
    "papers/absher/paper.yaml=>pdf: paper.pdf=>",  # no longer published: deleted
    "papers/absher/paper.pdf=>version one=>version two",  # replaced: copied again
])
def test_a_serve_rebuild_follows_the_pdf(project: Path, tmp_path: Path, edit: str) -> None:
    add_pdf(project)
    served = tmp_path / "served"
    serve_twice(project, served, edit)
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    expected, got = files_under(project / "site"), files_under(served)
    assert got.keys() == expected.keys()
    assert [name for name in expected if got[name] != expected[name]] == []


def test_serve_does_not_copy_an_unchanged_pdf_again(project: Path, tmp_path: Path) -> None:
    """An edit elsewhere leaves the PDFs the first build placed as they were."""
    add_pdf(project)
    served = tmp_path / "served"
    serve_twice(project, served, "papers/absher/abstract.en.md=>Absher=>Absher (edited)")
    edited = (project / "papers/absher/abstract.en.md").stat().st_mtime_ns
    for folder in ("papers/absher", "en/papers/absher"):
        placed = served / folder / "paper.pdf"
        assert placed.read_bytes() == PDF_BYTES
        assert placed.stat().st_mtime_ns < edited  # placed by the first build, not again


# Hostile PDFs (issue 29): what qpdf cannot read whole, links a viewer would run, and
# files whose cost is not their size.

def judged(data: bytes) -> PdfRefusal | int:
    return judge_pdf("paper.pdf", data, "papers/x/")


def refusal(data: bytes) -> PdfRefusal:
    verdict = judged(data)
    assert isinstance(verdict, PdfRefusal), verdict
    return verdict


@pytest.mark.parametrize("in_catalog", [True, False])
def test_a_script_nested_deeper_than_qpdf_reads_is_refused(in_catalog: bool) -> None:
    """qpdf makes null of what is nested more than 499 deep, and reads on: the script
    in it would be neither found nor seen by what checks for scripts. A viewer may read
    it. Nested less deep, it is found."""
    deep = refusal(deep_open_action_pdf(600, in_catalog))
    assert deep.message.startswith("“paper.pdf” cannot be read as a PDF (")
    assert "nested" in deep.message
    assert deep.fix == "Export the paper as PDF again and replace the file in papers/x/."
    shallow = refusal(deep_open_action_pdf(400, in_catalog))
    assert shallow.message.endswith("carries scripts or actions that a PDF viewer would run "
                                    "(/JS, /JavaScript).")


@pytest.mark.parametrize(("target", "shown"), [
    ("javascript:alert(1)", "javascript:alert(1)"),
    ("JAVASCRIPT:alert(1)", "JAVASCRIPT:alert(1)"),
    (" javascript:alert(1)", " javascript:alert(1)"),
    ("\tjavascript:alert(1)", "\\tjavascript:alert(1)"),
    ("\x01https://example.org/", "\\x01https://example.org/"),
    ("\u202ehttps://example.org/", "\\u202ehttps://example.org/"),
    ("data:text/html,<script>alert(1)</script>", "data:text/html,<script>alert(1)</script>"),
    ("file:///etc/passwd", "file:///etc/passwd"),
    ("vbscript:msgbox(1)", "vbscript:msgbox(1)"),
    ("other-paper.pdf", "other-paper.pdf"),  # relative: to whatever base a viewer takes
    ("https:/\n/x", "https:/\\n/x"),
])
def test_a_link_to_anything_but_a_web_page_or_mail_is_refused(target: str, shown: str) -> None:
    for data in (link_pdf(target), link_pdf(target, indirect=True)):
        refused_link = refusal(data)
        assert refused_link.message == (
            f"“paper.pdf” has a link to “{shown}”, which is not a web page (http:// or "
            "https://) or an e-mail address (mailto:): a viewer may run it or open a file.")
        assert refused_link.fix.startswith("Make the PDF again from the paper's source")
        assert "links to anything but web pages and e-mail addresses" in refused_link.fix


@pytest.mark.parametrize("target", [
    "https://example.org/", "http://example.org/a b", "HTTPS://EXAMPLE.ORG/",
    "mailto:editors@example.org", "https://example.org/بحث?q=1#x"])
def test_a_link_to_a_web_page_or_mail_is_accepted(target: str) -> None:
    assert judged(link_pdf(target)) == 1
    assert judged(link_pdf(target, indirect=True)) == 1


@pytest.mark.parametrize(("make", "limit", "fix"), [
    (lambda: object_stream_bomb_pdf(MAX_STRUCTURE + MIB),
     f"its object and cross-reference streams inflate to more than {MAX_STRUCTURE // MIB} "
     "MiB, the limit for one PDF", "with only the paper in it"),
    (lambda: content_bomb_pdf(MAX_INFLATED + MIB),
     f"its compressed contents inflate to more than {MAX_INFLATED // MIB} MiB, the limit "
     "for one PDF", "with its images compressed as JPEG (e.g. “Reduce file size”)"),
    (lambda: many_objects_pdf(MAX_OBJECTS),  # and the page's three
     f"it holds or lists more than {MAX_OBJECTS:,} objects, the limit for one PDF (a paper "
     "has a few thousand)", "with only the paper in it"),
])
def test_a_pdf_that_costs_more_than_a_limit_is_refused(make: Callable[[], bytes], limit: str,
                                                       fix: str) -> None:
    """Measured from its bytes before qpdf reads it: an object stream is decoded as soon
    as qpdf reads an object in it, a content stream when the book lays its page in."""
    costly = refusal(make())
    assert costly.message == f"“paper.pdf” would take too much memory and time to read: {limit}."
    assert costly.fix == f"Export the paper as PDF again, {fix}, and replace the file in papers/x/."


def test_a_stream_compressed_twice_is_refused() -> None:
    """Each Flate step can multiply the last by a thousand: such a chain is not measured."""
    twice = page_with(zlib.compress(zlib.compress(b"0 0 m 9 9 l S")),
                      b"[/FlateDecode /FlateDecode]")
    assert refusal(twice).message == (
        "“paper.pdf” cannot be read as a PDF (object 4 0: a stream decoded by /FlateDecode "
        "then /FlateDecode, which is not measured).")


def test_compressed_papers_within_the_limits_are_accepted() -> None:
    """Flate pages in object streams (as most producers write them), content in ASCII85
    then Flate (as older ones do), and a paper at the default size limit of 20 MB whose
    images inflate to more than twice that."""
    assert judged(in_object_streams(clean_pdf(12))) == 12
    assert judged(page_with(base64.a85encode(zlib.compress(b"0 0 m 9 9 l S")) + b"~>",
                            b"[/ASCII85Decode /FlateDecode]")) == 1
    # A scan or a plot: pixels of four levels a channel, which Flate compresses 3:1.
    width, height = 4096, 4779
    pixels = random.Random(29).randbytes(width * height * 3).translate(
        bytes(n % 4 for n in range(256)))
    image = raw_stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                       b"/DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
                       zlib.compress(pixels, 1))
    page = PAGE.replace(b"/Resources << >>", b"/Resources << /XObject << /Im1 5 0 R >> >> "
                                             b"/Contents 4 0 R")
    paper = raw_pdf({1: CATALOG, 2: PAGES, 3: page,
                     4: raw_stream(b"/Filter /FlateDecode", zlib.compress(
                         b"q 595 0 0 842 0 0 cm /Im1 Do Q")), 5: image})
    assert 18 * MIB < len(paper) < 20 * MIB
    assert judged(paper) == 1


@pytest.mark.parametrize("make", [
    lambda: object_stream_bomb_pdf(2 << 30), lambda: content_bomb_pdf(2 << 30)])
def test_check_refuses_a_bomb_within_a_gigabyte_and_a_minute(project: Path,
                                                            make: Callable[[], bytes]) -> None:
    """2 MB that inflate to 2 GiB: `check`, as an editor runs it, in 1 GiB of address
    space and 60 s (the bound on any command for one file within the limits)."""
    line = add_pdf(project, make())
    result = run_waqai(project, "check", bounded=True)
    assert result.code == 1, result.output
    [error] = error_lines(result.output)
    assert error.startswith(f"{PAPER}:{line}: error: pdf: “paper.pdf” would take too much "
                            "memory and time to read: "), result.output
    assert "MiB, the limit for one PDF." in error


def test_a_pdf_of_more_pages_than_the_limit_is_refused(project: Path) -> None:
    assert judged(clean_pdf(MAX_PAGES)) == MAX_PAGES
    line = add_pdf(project, clean_pdf(MAX_PAGES + 1))
    message, fix = refused(project, line)
    assert message == (f"“paper.pdf” has {MAX_PAGES + 1:,} pages; the limit for one PDF is "
                       f"{MAX_PAGES:,} (a paper is not a whole book).")
    assert fix == "fix: Put only the paper's own pages in the PDF, and replace the file in " \
        "papers/absher/."
