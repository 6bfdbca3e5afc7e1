"""What `import` reads of `papers/` costs no more than what `check` reads: a paper.yaml
or people.yaml nested 100,000 deep, or with aliases of aliases, is passed over (the
import plans as though it were absent, and `check` names it), never a crash.

Before, the import read these files with PyYAML's own loader: libyaml's composer recurses
in C, so a list nested 100,000 deep ended the process (SIGSEGV), and the pure-Python
one, which edits a re-imported paper.yaml, raised RecursionError at a few hundred.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project
from waqai.data import schema
from waqai.importers.yamltext import edited, has_field, with_field

DEEP = "notes: " + "[" * 100_000 + "]" * 100_000 + "\n"
LAUGHS = "".join(f"n{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i else '"laugh"'] * 9)
                 + "]\n" for i in range(9))
PAPER = "papers/absher/paper.yaml"


@pytest.mark.parametrize("added", [DEEP, LAUGHS], ids=["100,000 deep", "aliases of aliases"])
@pytest.mark.parametrize("file", [PAPER, "papers/people.yaml", "papers/sessions.yaml"])
def test_reading_the_volume_for_an_import_passes_over_a_costly_file(
        tmp_path: Path, file: str, added: str) -> None:
    """In a process of its own, so that a crash is this test's failure alone."""
    project = copy_project(tmp_path / "p")
    path = project / file
    path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    script = ("import sys; from pathlib import Path; "
              "from waqai.importers.existing import read_existing; "
              "e = read_existing(Path(sys.argv[1])); "
              "print(len(e.people), len(e.sessions), len(e.papers_by_source))")
    result = subprocess.run([sys.executable, "-c", script, str(project / "papers")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    people, sessions, _ = map(int, result.stdout.split())
    assert (people == 0) == file.endswith("people.yaml")
    assert (sessions == 0) == file.endswith("sessions.yaml")


@pytest.mark.parametrize("added", [DEEP, LAUGHS], ids=["100,000 deep", "aliases of aliases"])
def test_a_costly_paper_yaml_is_left_as_it_is_by_a_re_import(tmp_path: Path, added: str) -> None:
    text = (copy_project(tmp_path / "p") / PAPER).read_text(encoding="utf-8") + added
    assert edited(text, {("title", "en"): '"Changed"'}) == text
    assert with_field(text, "language", "language: en", "kind") == text
    assert not has_field(text, "title")


def test_a_paper_yaml_within_the_bounds_is_still_edited(tmp_path: Path) -> None:
    """The counterpart: the same edit of the example's own file changes it."""
    text = (copy_project(tmp_path / "p") / PAPER).read_text(encoding="utf-8")
    assert '"Changed"' in edited(text, {("title", "en"): '"Changed"'})
    assert has_field(text, "title")


def test_the_schema_reader_refuses_a_costly_file_by_name(tmp_path: Path) -> None:
    path = copy_project(tmp_path / "p") / PAPER
    path.write_text(path.read_text(encoding="utf-8") + DEEP, encoding="utf-8")
    with pytest.raises(ValueError, match=r"paper\.yaml nests lists and mappings more than 64"):
        schema.read_instance(path)
