"""Contributors' files are untrusted: no link in papers/ is followed, and a PDF is
published only when it is a whole PDF, unencrypted, within the size limit, with
nothing in it that a viewer would run (issue 15)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_waqai
from pdf_files import (
    ASCII_MARK,
    annotation_actions_pdf,
    clean_pdf,
    edited,
    embedded_file_pdf,
    encrypted_pdf,
    in_object_streams,
    javascript_name_tree_pdf,
    launch_link_pdf,
    open_action_launch_pdf,
    open_action_script_pdf,
    open_at_page_pdf,
    padded_pdf,
    page_actions_pdf,
    remote_go_to_pdf,
    submit_form_link_pdf,
    truncated,
    web_link_pdf,
    xfa_form_pdf,
)
from test_incremental import files_under
from test_timezone import error_lines
from waqai.data import load as load_module
from waqai.data.checks import validate
from waqai.data.load import Reads, load
from waqai.data.pdfread import judge_pdf
from waqai.data.problems import Problem

SECRET = "SECRET-TEXT-FROM-OUTSIDE-THE-REPOSITORY"


def add_pdf(project: Path, paper: str, content: bytes | None) -> int:
    """Write `pdf: paper.pdf` into the paper's paper.yaml (and the file, unless None);
    return the field's line."""
    path = project / "papers" / paper / "paper.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text}pdf: paper.pdf\n", encoding="utf-8")
    if content is not None:
        (path.parent / "paper.pdf").write_bytes(content)
    return len(text.splitlines()) + 1


def errors(project: Path) -> list[Problem]:
    return [problem for problem in validate(project).problems if problem.is_error]


# -- the acceptance ------------------------------------------------------

def test_five_bad_files_are_each_refused_once_and_none_reaches_the_site(
        project: Path, tmp_path: Path) -> None:
    assert run_waqai(project, "build").code == 0
    site = project / "site"
    before = files_under(site)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "abstract.md").write_text(f"{SECRET}\n", encoding="utf-8")
    lines = {
        "absher": add_pdf(project, "absher", None),
        "safeer": add_pdf(project, "safeer", b"<!DOCTYPE html><html><body><script>alert(1)"
                                             b"</script></body></html>\n"),
        "labour-services": add_pdf(project, "labour-services", truncated(clean_pdf(3))),
        "patient-experience": add_pdf(project, "patient-experience", open_action_script_pdf()),
    }
    (project / "papers/absher/paper.pdf").symlink_to("/etc/passwd")
    abstract = project / "papers/ten-strategies/abstract.ar.md"
    abstract.unlink()
    abstract.symlink_to(outside / "abstract.md")

    result = run_waqai(project, "check")
    assert result.code == 1
    found = error_lines(result.output)
    expected = {f"papers/{paper}/paper.yaml:{line}: error: pdf: “paper.pdf” "
                for paper, line in lines.items()}
    expected.add("papers/ten-strategies/abstract.ar.md: error: is a symbolic link")
    for start in expected:
        assert len([line for line in found if line.startswith(start)]) == 1, (start, found)
    assert len(found) == len(expected), result.output
    reasons = "\n".join(found)
    assert "“paper.pdf” is a symbolic link" in reasons
    assert "is not a PDF" in reasons
    assert "is incomplete" in reasons
    assert "/OpenAction" in reasons

    result = run_waqai(project, "build")
    assert result.code == 1
    assert files_under(site) == before
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []


# -- links ------------------------------------------------------------------------

@pytest.mark.parametrize("place", [
    "papers/conference.yaml",
    "papers/people.yaml",
    "papers/about.en.md",
    "papers/absher/paper.yaml",
    "papers/absher/abstract.en.md",
])
def test_a_file_the_loader_reads_is_never_read_through_a_link(
        project: Path, tmp_path: Path, place: str) -> None:
    """The link is refused, once. (What cannot be read is missing: the ids a linked
    people.yaml declares are then unknown to the papers, as with a broken people.yaml.)"""
    path = project / place
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(copy)
    assert [(p.file, p.message.split(":")[0]) for p in errors(project) if p.file == place] == [
        (place, "is a symbolic link to a file")]


@pytest.mark.parametrize("place", [
    "papers/absher",  # a paper's folder
    "papers/_extra",  # a folder the loader skips
    "papers/absher/figures",  # inside a paper's folder
    "papers/_schema/more",  # inside a skipped folder
])
def test_a_link_to_a_folder_is_refused(project: Path, tmp_path: Path, place: str) -> None:
    path = project / place
    target = tmp_path / "target"
    if path.is_dir():
        path.rename(target)
    else:
        target.mkdir()
    path.symlink_to(target, target_is_directory=True)
    [problem] = errors(project)
    assert (problem.file, problem.field) == (place, "")
    assert problem.message.startswith("is a symbolic link to a folder: ")
    assert problem.fix == "Replace the link with the folder itself (a copy of it), or delete it."


def test_a_dangling_link_deep_in_the_data_folder_is_refused(project: Path,
                                                             tmp_path: Path) -> None:
    (project / "papers/absher/notes/old").mkdir(parents=True)
    (project / "papers/absher/notes/old/draft.md").symlink_to(tmp_path / "gone.md")
    [problem] = errors(project)
    assert problem.file == "papers/absher/notes/old/draft.md"
    assert problem.message.startswith("is a symbolic link to nothing (the target does not "
                                      f"exist): “{tmp_path / 'gone.md'}”.")


def test_a_linked_pdf_is_refused_at_its_field_only(project: Path) -> None:
    line = add_pdf(project, "absher", None)
    (project / "papers/absher/paper.pdf").symlink_to("/etc/passwd")
    [problem] = errors(project)
    assert (problem.file, problem.field, problem.line) == ("papers/absher/paper.yaml", "pdf",
                                                           line)


def test_a_new_link_is_seen_by_the_cached_check(project: Path, tmp_path: Path) -> None:
    """`serve` and `build` reuse a check while the data's fingerprint is unchanged: a link
    to a folder, which os.walk does not enter, still changes it."""
    from waqai.data.checks import validate_cached

    assert validate_cached(project).ok
    (tmp_path / "elsewhere").mkdir()
    (project / "papers/_extra").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert not validate_cached(project).ok


# -- what a PDF holds ---------------------------------------------------------------

@pytest.mark.parametrize("make, marks", [
    (open_action_script_pdf, "/JS, /JavaScript, /OpenAction"),
    (open_action_launch_pdf, "/Launch, /OpenAction"),
    (javascript_name_tree_pdf, "/JS, /JavaScript"),
    (page_actions_pdf, "/AA, /JS, /JavaScript"),
    (annotation_actions_pdf, "/AA, /JS, /JavaScript"),
    (launch_link_pdf, "/Launch"),
    (submit_form_link_pdf, "/SubmitForm"),
    (remote_go_to_pdf, "/GoToR"),
    (embedded_file_pdf, "/EF, /EmbeddedFiles"),
    (xfa_form_pdf, "/XFA"),
])
def test_a_pdf_with_scripts_or_actions_is_refused(make: Callable[[], bytes],
                                                  marks: str) -> None:
    refusal = judge_pdf("paper.pdf", make(), "papers/x/")
    assert not isinstance(refusal, int)
    assert refusal.message == ("“paper.pdf” carries scripts or actions that a PDF viewer would "
                               f"run ({marks}).")
    assert refusal.fix.startswith("Make the PDF again from the paper's source")


@pytest.mark.parametrize("make, pages", [
    (lambda: clean_pdf(3), 3),
    (open_at_page_pdf, 2),  # an /OpenAction that opens a page runs nothing
    (web_link_pdf, 1),  # nor does a link to a web page
])
def test_a_clean_pdf_gives_its_pages(make: Callable[[], bytes], pages: int) -> None:
    assert judge_pdf("paper.pdf", make(), "papers/x/") == pages


def test_an_encrypted_pdf_is_refused(project: Path) -> None:
    line = add_pdf(project, "absher", encrypted_pdf())
    [problem] = errors(project)
    assert (problem.file, problem.field, problem.line) == ("papers/absher/paper.yaml", "pdf",
                                                           line)
    assert problem.message.startswith("“paper.pdf” is encrypted")


def test_a_pdf_that_is_not_whole_is_refused() -> None:
    whole = clean_pdf(2)
    cut_short = judge_pdf("paper.pdf", truncated(whole), "papers/x/")
    assert not isinstance(cut_short, int) and "is incomplete" in cut_short.message
    # Its end kept, its middle lost: the marker is there, the objects are not.
    broken = judge_pdf("paper.pdf", whole[:120] + whole[-40:], "papers/x/")
    assert not isinstance(broken, int)
    assert broken.message.startswith("“paper.pdf” cannot be read as a PDF (")


@pytest.mark.parametrize("make, marks", [
    (open_action_script_pdf, "/JS, /JavaScript, /OpenAction"),
    (annotation_actions_pdf, "/AA, /JS, /JavaScript"),
    (embedded_file_pdf, "/EF, /EmbeddedFiles"),
])
def test_a_script_in_an_object_stream_is_refused(make: Callable[[], bytes],
                                                 marks: str) -> None:
    """Objects packed in compressed object streams are read like the others."""
    data = in_object_streams(make())
    assert b"/ObjStm" in data and b"/JavaScript" not in data and b"/EF" not in data
    refusal = judge_pdf("paper.pdf", data, "papers/x/")
    assert not isinstance(refusal, int)
    assert refusal.message.endswith(f"would run ({marks}).")


def test_a_clean_pdf_in_object_streams_gives_its_pages() -> None:
    assert judge_pdf("paper.pdf", in_object_streams(clean_pdf(3)), "papers/x/") == 3


def test_a_pdf_with_a_small_flaw_is_accepted() -> None:
    """A comment after the header: every offset of the cross-reference table is off, so
    the objects are looked for in the file, and found."""
    flawed = edited(clean_pdf(2), ASCII_MARK + b"\n", ASCII_MARK + b"\n%one line more\n")
    assert judge_pdf("paper.pdf", flawed, "papers/x/") == 2


@pytest.mark.parametrize("make, old, new, reason", [
    # The annotation that holds the script, its header spoilt: qpdf does not find it...
    (annotation_actions_pdf, b"\n5 0 obj", b"\n5 0 ob ",
     "object 5 0 not found in file after regenerating cross reference table"),
    # ... nor here, where the offsets are off and qpdf looks for the objects' headers
    # at the start of lines; a viewer that looks anywhere in a line finds the script.
    (annotation_actions_pdf, b"\n5 0 obj", b"\nxx5 0 obj", "objects it refers to are missing"),
    # A dictionary with a value where a key should be: qpdf drops what it cannot read.
    (clean_pdf, b"/Type /Page\n", b"/Type /Page 12\n",
     "expected dictionary keys but found non-name objects; ignoring"),
])
def test_a_pdf_read_only_in_part_is_refused(make: Callable[[], bytes], old: bytes,
                                            new: bytes, reason: str,
                                            capfd: pytest.CaptureFixture[str],
                                            caplog: pytest.LogCaptureFixture) -> None:
    """What qpdf cannot read, it cannot check: such a file is refused, and what qpdf
    says of it goes into the refusal, not onto the terminal."""
    caplog.set_level(logging.DEBUG)
    refusal = judge_pdf("paper.pdf", edited(make(), old, new), "papers/x/")
    assert not isinstance(refusal, int)
    assert refusal.message == f"“paper.pdf” cannot be read as a PDF ({reason})."
    assert refusal.fix == "Export the paper as PDF again and replace the file in papers/x/."
    assert capfd.readouterr() == ("", "")
    assert caplog.records == []


@pytest.mark.parametrize("new, pages", [
    (b"/Kids [ 4 0 R 7", 3),  # a number beside the three pages
    (b"/Kids [ 99 0 R", 2),  # in place of the first page, an object the file does not have
])
def test_what_is_not_a_page_in_the_page_tree_is_not_counted(
        new: bytes, pages: int, capfd: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    """As viewers and the book do; and what qpdf says of it (through pikepdf's logger,
    here) is neither logged nor shown."""
    caplog.set_level(logging.DEBUG)
    assert judge_pdf("paper.pdf", edited(clean_pdf(3), b"/Kids [ 4 0 R", new),
                     "papers/x/") == pages
    assert capfd.readouterr() == ("", "")
    assert caplog.records == []


def test_a_pdf_over_the_conference_limit_is_refused(project: Path) -> None:
    conference = project / "papers/conference.yaml"
    conference.write_text(conference.read_text(encoding="utf-8") + "max_pdf_mb: 1\n",
                          encoding="utf-8")
    size = 1024 * 1024 + 1000
    line = add_pdf(project, "absher", padded_pdf(size))
    [problem] = errors(project)
    assert (problem.file, problem.field, problem.line) == ("papers/absher/paper.yaml", "pdf",
                                                           line)
    actual = (project / "papers/absher/paper.pdf").stat().st_size
    assert problem.message == (f"“paper.pdf” is {actual / 2**20:.1f} MB ({actual:,} bytes); "
                               "the limit is 1 MB (1,048,576 bytes).")
    # Under the default limit (20 MB) the same file is published.
    conference.write_text(conference.read_text(encoding="utf-8").replace("max_pdf_mb: 1\n", ""),
                          encoding="utf-8")
    assert errors(project) == []


def test_a_clean_pdf_has_its_page_count_in_the_model(project: Path) -> None:
    add_pdf(project, "absher", clean_pdf(pages=7))
    result = validate(project)
    assert result.proceedings is not None, [p.format() for p in result.problems]
    pages = {paper.id: paper.pdf_pages for paper in result.proceedings.papers}
    assert pages["absher"] == 7
    assert {pages[paper] for paper in pages if paper != "absher"} == {None}


def test_a_pdf_named_by_several_fields_is_opened_once(project: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`pdf` is always one of the `versions`, and may be attached as well."""
    add_pdf(project, "absher", clean_pdf(2))
    paper = project / "papers/absher/paper.yaml"
    paper.write_text(paper.read_text(encoding="utf-8") + (
        'versions:\n  - {file: paper.pdf, date: "2015-11-17"}\n'
        'attachments:\n  - {type: slides, file: paper.pdf, label: {ar: "شرائح", en: "Slides"}}\n'
    ), encoding="utf-8")
    opened: list[str] = []
    inspect = load_module.inspect_pdf

    def counting(name: str, folder: Path, *args: object) -> object:
        opened.append(name)
        return inspect(name, folder, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(load_module, "inspect_pdf", counting)
    [absher] = [p for p in load(project).papers if p.id == "absher"]
    assert opened == ["paper.pdf"]
    assert absher.pdf_pages == 2 and len(absher.versions) == len(absher.attachments) == 1


def test_each_pdf_is_opened_once_per_change(project: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Under `serve` a reload reads again only what changed: an unchanged PDF is not opened
    again; a changed one, or a changed size limit, is."""
    add_pdf(project, "absher", clean_pdf(2))
    opened: list[str] = []
    inspect = load_module.inspect_pdf

    def counting(name: str, folder: Path, *args: object) -> object:
        opened.append(folder.name)
        return inspect(name, folder, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(load_module, "inspect_pdf", counting)
    reads = Reads()
    assert load(project, reads=reads).papers
    assert opened == ["absher"]
    load(project, reads=reads)
    assert opened == ["absher"]
    pdf = project / "papers/absher/paper.pdf"
    pdf.write_bytes(clean_pdf(3))
    os.utime(pdf, ns=(0, pdf.stat().st_mtime_ns + 1_000_000))
    assert next(p.pdf_pages for p in load(project, reads=reads).papers if p.id == "absher") == 3
    assert opened == ["absher"] * 2
    conference = project / "papers/conference.yaml"
    conference.write_text(conference.read_text(encoding="utf-8") + "max_pdf_mb: 5\n",
                          encoding="utf-8")
    load(project, reads=reads)
    assert opened == ["absher"] * 3
