"""One load per build: validate_cached reuses its result until a data file changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from waqai.bench.synthetic import write_synthetic
from waqai.data.checks import validate_cached
from waqai.data.load import Reads, load
from waqai.data.yamlread import MAX_FILE_BYTES


def test_reused_while_unchanged_and_reloaded_after_an_edit(project: Path) -> None:
    first = validate_cached(project)
    assert first.ok
    assert validate_cached(project) is first
    abstract = project / "papers" / "absher" / "abstract.en.md"
    abstract.write_text(abstract.read_text(encoding="utf-8") + "\nOne more sentence.\n",
                        encoding="utf-8")
    second = validate_cached(project)
    assert second is not first
    assert second.proceedings.paper("absher").abstract.en.endswith("One more sentence.\n")


def test_reloaded_when_only_the_modification_time_changes(project: Path) -> None:
    first = validate_cached(project)
    people = project / "papers" / "people.yaml"
    stat = people.stat()
    os.utime(people, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert validate_cached(project) is not first


def test_a_people_file_larger_than_one_abstract_may_be_is_read(tmp_path: Path) -> None:
    write_synthetic(tmp_path / "big", 1000)
    assert (tmp_path / "big" / "papers" / "people.yaml").stat().st_size > MAX_FILE_BYTES
    result = validate_cached(tmp_path / "big")
    assert result.ok, [p.format() for p in result.problems][:3]
    assert len(result.proceedings.people) == 1200


def loads_agree(kept, fresh) -> None:
    assert kept.problems == fresh.problems
    assert kept.sources.lines == fresh.sources.lines
    assert kept.sources.paper_files == fresh.sources.paper_files
    assert kept.abstract_files == fresh.abstract_files
    assert (kept.conference, kept.people, kept.sessions, kept.papers) == \
        (fresh.conference, fresh.people, fresh.sessions, fresh.papers)


def test_reused_files_give_what_a_fresh_load_gives(project: Path) -> None:
    reads = Reads()
    loads_agree(load(project, reads=reads), load(project))
    abstract = project / "papers" / "absher" / "abstract.en.md"
    abstract.write_text(abstract.read_text(encoding="utf-8") + "\nOne more.\n", encoding="utf-8")
    people = project / "papers" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    again = load(project, reads=reads)
    loads_agree(again, load(project))
    assert again.papers[[p.id for p in again.papers].index("absher")].abstract.en.endswith(
        "One more.\n")


def test_a_read_with_a_problem_is_not_reused(project: Path) -> None:
    """Its message may depend on other files: here, on whether the other folder exists."""
    reads = Reads()
    paper = project / "papers" / "absher" / "paper.yaml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("id: absher", "id: safeer", 1),
                     encoding="utf-8")

    def id_problem() -> str:
        loaded = load(project, reads=reads)
        return next(p.message for p in loaded.problems
                    if p.file.endswith("absher/paper.yaml") and p.field == "id")

    assert "already used by papers/safeer/paper.yaml" in id_problem()
    shutil.rmtree(project / "papers" / "safeer")
    assert "but the folder is “absher”" in id_problem()
