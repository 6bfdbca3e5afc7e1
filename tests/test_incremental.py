"""What a `serve` rebuild may leave out: the decisions of incremental.py.

The end-to-end behaviour (an edit reaches every page it belongs on) is in
test_serve.py; these tests pin the rules it relies on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import run_waqai
from factories import make_example_proceedings
from waqai.data.model import Proceedings, Text
from waqai.site.generated import GeneratedPages
from waqai.site.incremental import ServeMemory, abstract_edits, page_digests, pages_to_build, stamp

STAMP = ("theme", 1)
LONG_AGO = 1_262_304_000  # 2010-01-01, as a file time


def digests_of(proc: Proceedings) -> dict[str, str]:
    return page_digests(GeneratedPages(proc))


def with_abstract(proc: Proceedings, paper_id: str, abstract: Text) -> Proceedings:
    return replace(proc, papers=tuple(replace(p, abstract=abstract) if p.id == paper_id else p
                                      for p in proc.papers))


def test_an_abstract_is_read_by_its_own_page_alone() -> None:
    """The rule behind the abstract-only shortcut, checked on every page kind."""
    proc = make_example_proceedings()
    paper = proc.papers[0]
    edited = with_abstract(proc, paper.id, Text("ملخص آخر.", "Another abstract."))
    before, after = digests_of(proc), digests_of(edited)
    assert before.keys() == after.keys()
    changed = {uri for uri in before if before[uri] != after[uri]}
    assert changed == {f"papers/{paper.id}.ar.md", f"papers/{paper.id}.en.md"}


def test_abstract_edits_names_the_papers_or_gives_up() -> None:
    proc = make_example_proceedings()
    first, second = proc.papers[0], proc.papers[1]
    edited = with_abstract(with_abstract(proc, first.id, Text("أ", "a")), second.id, Text("ب", "b"))
    assert abstract_edits(proc, proc) == set()
    assert abstract_edits(proc, edited) == {first.id, second.id}
    retitled = replace(edited, papers=(replace(edited.papers[0], title=Text("ع", "t")),
                                       *edited.papers[1:]))
    assert abstract_edits(proc, retitled) is None
    assert abstract_edits(proc, replace(proc, people=proc.people[1:])) is None
    assert abstract_edits(proc, replace(proc, papers=proc.papers[1:])) is None


def built(memory: ServeMemory, site: Path, digests: dict[str, str], proc: Proceedings) -> None:
    """One build; like MkDocs, it writes a sitemap of the pages it was given."""
    memory.begin(STAMP, proc)
    memory.decide(digests)
    given = memory.changed if memory.partial else digests.keys()
    (site / "sitemap.xml").write_text(" ".join(sorted(given)), encoding="utf-8")
    memory.finish(site)


def test_a_build_is_partial_only_when_theme_and_pages_are_unchanged(tmp_path: Path) -> None:
    proc = make_example_proceedings()
    memory = ServeMemory()
    memory.begin(STAMP, proc)
    memory.decide({"a.ar.md": "1", "b.ar.md": "1"})
    assert not memory.partial  # nothing built yet
    memory.finish(tmp_path)
    memory.begin(STAMP, proc)
    memory.decide({"a.ar.md": "1", "b.ar.md": "2"})
    assert memory.partial and memory.changed == {"b.ar.md"}
    memory.finish(tmp_path)
    memory.begin(STAMP, proc)
    memory.decide({"a.ar.md": "1", "b.ar.md": "2", "c.ar.md": "1"})  # a new page
    assert not memory.partial
    memory.finish(tmp_path)
    memory.begin(("theme", 2), proc)  # a template or the configuration changed
    memory.decide({"a.ar.md": "1", "b.ar.md": "2", "c.ar.md": "1"})
    assert not memory.partial


def test_a_failed_build_makes_the_next_one_full(tmp_path: Path) -> None:
    proc = make_example_proceedings()
    memory = ServeMemory()
    for _ in range(2):
        memory.begin(STAMP, proc)
        memory.decide({"a.ar.md": "1"})
        memory.finish(tmp_path)
    memory.begin(STAMP, proc)
    memory.decide({"a.ar.md": "2"})
    memory.abandon()
    memory.begin(STAMP, proc)
    memory.decide({"a.ar.md": "1"})
    assert not memory.partial
    assert memory.abstract_edits() is None


def test_a_partial_build_puts_back_the_full_sitemap(tmp_path: Path) -> None:
    proc = make_example_proceedings()
    memory = ServeMemory()
    full = {"a.ar.md": "1", "b.ar.md": "1"}
    built(memory, tmp_path, full, proc)
    full_sitemap = (tmp_path / "sitemap.xml").read_text()
    built(memory, tmp_path, {"a.ar.md": "1", "b.ar.md": "2"}, proc)
    assert (tmp_path / "sitemap.xml").read_text() == full_sitemap


def test_a_page_is_current_only_with_its_digest_and_its_output(tmp_path: Path) -> None:
    proc = make_example_proceedings()
    memory = ServeMemory()
    built(memory, tmp_path, {"a.ar.md": "1", "b.ar.md": "1"}, proc)
    memory.begin(STAMP, proc)
    memory.decide({"a.ar.md": "1", "b.ar.md": "2"})
    output = tmp_path / "a" / "index.html"
    assert not memory.page_is_current("a.ar.md", str(output))  # never written
    output.parent.mkdir()
    output.write_text("a")
    assert memory.page_is_current("a.ar.md", str(output))
    assert not memory.page_is_current("b.ar.md", str(output))


@pytest.mark.parametrize("what", ["file", "folder"])
def test_stamp_changes_when_a_file_changes(tmp_path: Path, what: str) -> None:
    folder = tmp_path / "overrides"
    folder.mkdir()
    file = folder / "main.html"
    file.write_text("one", encoding="utf-8")
    target = file if what == "file" else folder
    first = stamp(target)
    file.write_text("three", encoding="utf-8")
    assert stamp(target) != first


# Two builds in one process, as `serve` makes them: the first full, the second
# after an edit of PATH (OLD=>NEW replaces text; "delete" removes a folder).
# Prints whether the second build was partial, and how many pages it rebuilt.
SERVE_TWICE = """
import shutil
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, edited, text = sys.argv[1:4]
sys.argv = ["mkdocs", "serve", "--dirty"]  # how mkdocs-static-i18n learns a build is dirty
config = load_config("mkdocs.yml", site_dir=site, strict=False)
config.plugins.on_startup(command="serve", dirty=True)
build(config, dirty=True)
path = Path(edited)
if text == "delete":
    shutil.rmtree(path)
else:
    path.write_text(path.read_text(encoding="utf-8").replace(*text.split("=>")), encoding="utf-8")
config = load_config("mkdocs.yml", site_dir=site, strict=False)
build(config, dirty=True)
memory = config.plugins["proceedings"].serve.memory
print("partial" if memory.partial else "full", len(memory.changed or ()))
"""


def serve_twice(project: Path, served: Path, edit: str) -> str:
    """Run SERVE_TWICE in `project` for one edit ("PATH=>OLD=>NEW" or "PATH=>delete"),
    the site written to `served`; its output (partial or full, pages rebuilt)."""
    file, text = edit.split("=>", 1)
    run = subprocess.run([sys.executable, "-c", SERVE_TWICE, str(served), file, text],
                         cwd=project, capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout


def files_under(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("edit, kind", [
    # An abstract: only its paper's page changes (the abstract-only shortcut).
    ("papers/absher/abstract.en.md=>Absher=>Absher (edited)", "partial"),
    # A title: the paper's page, every page that lists it, and its citation key.
    ('papers/safeer/paper.yaml=>  en: "=>  en: "Edited: ', "partial"),
    # A paper removed: a full dirty build, which must delete its pages and exports.
    ("papers/ten-strategies=>delete", "full"),
    # A hand-written page: a full dirty build; its search record is updated.
    ("docs/contributing.en.md=>a fork,=>a fork of it,", "full"),
    # The about notes: the about page and its search record change.
    ("papers/about.en.md=>no substitute for=>nothing replaces", "partial"),
])
def test_a_serve_rebuild_leaves_the_site_a_full_build_makes(
        project: Path, tmp_path: Path, edit: str, kind: str) -> None:
    served = tmp_path / "served"
    # Data last changed long ago: the edit moves its pages' sitemap dates to today,
    # which the served site must show as a full build does.
    for path in (project / "papers").rglob("*"):
        os.utime(path, (LONG_AGO, LONG_AGO))
    made, changed = serve_twice(project, served, edit).split()
    assert made == kind and (kind == "full" or int(changed) > 0)
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    expected, got = files_under(project / "site"), files_under(served)
    assert got.keys() == expected.keys()
    assert [name for name in expected if got[name] != expected[name]] == []


def test_a_partial_build_takes_both_languages_of_a_change_and_the_nav_pages() -> None:
    stems = {f"{stem}.{lang}.md": stem for stem in ("papers/a", "papers/b", "programme/index")
             for lang in ("ar", "en")}
    nav = ["index.md", {"Programme": [{"All": "programme/index.md"}]}, "about.md"]
    assert pages_to_build({"papers/a.en.md"}, stems, nav) == {
        "papers/a.ar.md", "papers/a.en.md", "programme/index.ar.md", "programme/index.en.md"}
    assert pages_to_build(set(), stems, None) == set()
