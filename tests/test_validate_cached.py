"""One load per build: validate_cached reuses its result until a data file changes."""

from __future__ import annotations

import os
from pathlib import Path

from waqai.checks import validate_cached
from waqai.synthetic import write_synthetic
from waqai.yamlread import MAX_FILE_BYTES


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
