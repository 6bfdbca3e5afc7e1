"""The child process that makes and writes the exports while the pages render."""

from __future__ import annotations

from pathlib import Path

import pytest

from waqai.site.writer import BackgroundWriter, Job

# A stand-in for `export_files`: `dict` is pickled by name too, and run in the child.
TWO_FILES = Job(dict, ((("a/one.txt", "made «واحد»"), ("a/b/two.txt", "made")),), {})


def test_the_child_makes_and_writes_every_file(tmp_path: Path) -> None:
    job = TWO_FILES._replace(ready={"card.png": b"\x89PNG"})
    writer = BackgroundWriter(str(tmp_path), job, ["a/one.txt", "a/b/two.txt", "card.png"])
    writer.wait()
    assert (tmp_path / "a/one.txt").read_text(encoding="utf-8") == "made «واحد»"
    assert (tmp_path / "a/b/two.txt").read_text(encoding="utf-8") == "made"
    assert (tmp_path / "card.png").read_bytes() == b"\x89PNG"
    assert not Path(writer.bundle).exists()  # the child removed it once read


def test_files_other_than_those_the_pages_link_to_are_refused(tmp_path: Path) -> None:
    writer = BackgroundWriter(str(tmp_path), TWO_FILES,
                              ["a/one.txt", "a/b/two.txt", "a/three.txt"])
    with pytest.raises(OSError, match="a/three.txt"):
        writer.wait()
    assert not (tmp_path / "a").exists()


def test_a_folder_it_cannot_write_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "a"
    blocker.write_text("a file where a folder must go", encoding="utf-8")
    writer = BackgroundWriter(str(tmp_path), TWO_FILES,
                              ["a/one.txt", "a/b/two.txt"])
    with pytest.raises(OSError, match="Not a directory|File exists"):
        writer.wait()
