"""Issue 34: `init`'s placeholders do not pass unnoticed.

`check` warns of each placeholder left in conference.yaml, at its line; `new` will not
make a citation key from a placeholder short name or year. The fields and their
placeholders are read from the file `init` wrote, with PyYAML.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import copy_tool, run_waqai

TEXT_FIELDS = ("title", "short_name", "organisers", "venue", "city", "country", "publisher",
               "site_url", "themes")  # the required texts `init` writes


def started(tmp_path: Path) -> Path:
    project = copy_tool(tmp_path / "project")
    result = run_waqai(project, "init")
    assert result.code == 0, result.output
    return project


def key_lines(path: Path) -> dict[str, int]:
    return {match.group(1): number
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if (match := re.match(r"([a-z_]+):", line))}


def warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": warning: " in line]


def test_check_names_every_placeholder_at_its_line(tmp_path: Path) -> None:
    project = started(tmp_path)
    conference = project / "papers/conference.yaml"
    lines = key_lines(conference)
    result = run_waqai(project, "check")
    assert result.code == 0, result.output
    found = {line.split(": warning: ", 1)[1].split(":", 1)[0]: line
             for line in warnings(result.output) if "placeholder `init` wrote" in line}
    assert set(found) == set(TEXT_FIELDS)
    values = yaml.safe_load(conference.read_text(encoding="utf-8"))
    for field, line in found.items():
        assert line.startswith(f"papers/conference.yaml:{lines[field]}: warning: "), line
    assert f"“{values['title']['en']}”" in found["title"]
    assert f"“{values['site_url']}”" in found["site_url"]


def test_a_field_of_ones_own_is_no_placeholder(tmp_path: Path) -> None:
    project = started(tmp_path)
    conference = project / "papers/conference.yaml"
    text = conference.read_text(encoding="utf-8")
    values = yaml.safe_load(text)
    text = text.replace(f'"{values["title"]["en"]}"', '"Morphology Workshop"')
    text = text.replace(f'"{values["site_url"]}"', '"https://workshop.example.net/2024/"')
    conference.write_text(text, encoding="utf-8")
    result = run_waqai(project, "check")
    placeholders = [line for line in warnings(result.output) if "placeholder" in line]
    assert not any("site_url:" in line or "title:" in line for line in placeholders)
    assert any("venue:" in line for line in placeholders)


def test_new_makes_no_key_from_placeholders(tmp_path: Path) -> None:
    project = started(tmp_path)
    result = run_waqai(project, "new", "morphology")
    assert result.code == 1
    assert "short_name" in result.err and "dates" in result.err
    assert not (project / "papers/morphology").exists()
    conference = project / "papers/conference.yaml"
    text = conference.read_text(encoding="utf-8")
    values = yaml.safe_load(text)
    text = text.replace(f'"{values["short_name"]}"', '"MORPH-2025"')
    text = text.replace(f'start: "{values["dates"]["start"]}"', 'start: "2025-03-02"')
    text = text.replace(f'end: "{values["dates"]["end"]}"', 'end: "2025-03-03"')
    conference.write_text(text, encoding="utf-8")
    result = run_waqai(project, "new", "morphology")
    assert result.code == 0, result.output
    key = yaml.safe_load((project / "papers/morphology/paper.yaml").read_text("utf-8"))["key"]
    assert "2025" in key and "2024" not in key


def test_the_example_has_no_placeholder(project: Path) -> None:
    result = run_waqai(project, "check")
    assert result.code == 0
    assert not [line for line in warnings(result.output) if "placeholder" in line]
