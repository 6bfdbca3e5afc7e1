"""Archives of volumes made from the example conference, for the tests of issue 31.

`make_archive` lays out a project whose papers/ is an archive: archive.yaml, the
example's people.yaml as the one people.yaml, the example itself as the volume
`FIRST`, and a smaller, later volume made from it: other dates, title, short name,
item ids and keys, two of the example's items (so two of its people are in both
volumes, the others in the first only) and its statement.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import EXAMPLE_PAPERS, copy_tool, run_waqai
from waqai.data.archive import Archive
from waqai.data.archivecheck import validate_archive

FIRST, LATER = "csc-2015", "csc-2016"
LATER_ITEMS = ("absher", "patient-experience")  # by id in the example
SITE_URL = "https://proceedings.example.org/"
ARCHIVE_YAML = f"""# yaml-language-server: $schema=_schema/archive.schema.json
title: {{ar: "أرشيف وقائع المؤتمرات", en: "Archive of conference proceedings"}}
site_url: "{SITE_URL}"
publisher: {{ar: "معهد الإدارة العامة", en: "Institute of Public Administration"}}
"""


def make_archive(project: Path, later: str = LATER) -> Path:
    """The tool's parts in `project`, and papers/ an archive of the volumes FIRST and `later`."""
    copy_tool(project)
    papers = project / "papers"
    papers.mkdir()
    shutil.copytree(EXAMPLE_PAPERS / "_schema", papers / "_schema")
    shutil.copy2(EXAMPLE_PAPERS / "people.yaml", papers / "people.yaml")
    (papers / "archive.yaml").write_text(ARCHIVE_YAML, encoding="utf-8")
    add_volume(papers, FIRST)
    later_volume(add_volume(papers, later))
    return project


def add_volume(papers: Path, volume_id: str) -> Path:
    """A copy of the example as the volume `volume_id`: without its people.yaml and
    its site_url, each file's schema one folder up."""
    folder = papers / volume_id
    shutil.copytree(EXAMPLE_PAPERS, folder, ignore=shutil.ignore_patterns("_schema",
                                                                          "people.yaml"))
    for path in folder.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("$schema=../", "$schema=../../")
        text = text.replace("$schema=_schema/", "$schema=../_schema/")
        path.write_text(text.replace("_schema/conference.schema", "_schema/volume.schema"),
                        encoding="utf-8")
    rewrite(folder / "conference.yaml", (r"^site_url: .*\n", ""))
    return folder


def later_volume(folder: Path) -> None:
    """Make the copy of the example in `folder` another, later conference."""
    rewrite(folder / "conference.yaml",
            (r'short_name: "CSC-2015"', 'short_name: "CSC-2016"'),
            (r'start: "2015-11-17"\n  end: "2015-11-19"', 'start: "2016-11-15"\n  end: "2016-11-16"'),
            (r"^  hijri_(start|end): .*\n", ""),
            (r"^title:\n  ar: \"(.*)\"\n  en: \"(.*)\"",
             r'title:\n  ar: "\1: الدورة الثانية"\n  en: "\2: the second conference"'))
    rewrite(folder / "sessions.yaml", ('day: "2015-11-17"', 'day: "2016-11-15"'))
    for item in sorted(p for p in folder.iterdir() if (p / "paper.yaml").is_file()):
        if item.name not in LATER_ITEMS:
            shutil.rmtree(item)
            continue
        renamed = item.rename(folder / f"{item.name}-2016")
        rewrite(renamed / "paper.yaml", (rf"^id: {item.name}$", f"id: {renamed.name}"),
                (r"^key: (\w+)2015(\w+)$", r"key: \g<1>2016\g<2>"))


def rewrite(path: Path, *changes: tuple[str, str]) -> None:
    """Each (pattern, replacement) applied to the file, each of them found there."""
    text = path.read_text(encoding="utf-8")
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
        assert count, f"{pattern!r} not found in {path}"
    path.write_text(text, encoding="utf-8")


def line_of(path: Path, start: str) -> int:
    """The number of the first line of `path` starting with `start`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))


def built_site(project: Path) -> Path:
    """`build` run in `project` (an archive), which must succeed; the site it built."""
    result = run_waqai(project, "build")
    assert result.code == 0, result.err
    return project / "site"


def validated(project: Path) -> Archive:
    """The archive of `project`'s papers/, as `check` validates it (valid, or the test fails)."""
    result = validate_archive(project)
    assert result.archive is not None, result.problems
    return result.archive
