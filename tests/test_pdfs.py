"""A paper's PDF (`pdf:` in its paper.yaml): published where both pages link it, or refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_waqai
from linkcheck import Site
from pdf_files import clean_pdf
from test_incremental import files_under, serve_twice
from test_timezone import error_lines

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
