"""`python3 build.py compare OLD NEW`: the pages a data pull request adds, removes or changes,
for its job summary; and the workflows that publish and check pull requests."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT, copy_project, run_waqai


def write(site: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def test_pages_added_removed_and_changed_are_listed_by_address(tmp_path: Path) -> None:
    write(tmp_path / "old", {"index.html": "home", "papers/a/index.html": "a",
                             "papers/b/index.html": "b", "proceedings.bib": "@x"})
    write(tmp_path / "new", {"index.html": "home", "papers/a/index.html": "a, fixed",
                             "papers/c/index.html": "c", "proceedings.bib": "@y",
                             "en/papers/c/index.html": "c"})
    result = run_waqai(tmp_path, "compare", "old", "new")
    assert result.code == 0, result.output
    lines = result.out.splitlines()
    added = lines.index("**Added: 2 page(s)**")
    assert lines[added + 1: added + 3] == ["- `en/papers/c/`", "- `papers/c/`"]
    removed = lines.index("**Removed: 1 page(s)**")
    assert lines[removed + 1] == "- `papers/b/`"
    changed = lines.index("**Changed: 1 page(s)**, and 1 other file(s)")
    assert lines[changed + 1] == "- `papers/a/`"
    assert "- `/`" not in lines  # the home page did not change


def test_the_same_data_builds_the_same_pages(tmp_path: Path) -> None:
    """What makes the summary worth reading: two builds of one `papers/` differ in nothing."""
    project = copy_project(tmp_path / "p")
    assert run_waqai(project, "build", "--site-dir", "one").code == 0
    assert run_waqai(project, "build", "--site-dir", "two").code == 0
    result = run_waqai(project, "compare", "one", "two")
    assert "**Added: 0 page(s)**" in result.out and "**Changed: 0 page(s)**" in result.out


def workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def steps(flow: dict) -> list[dict]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def test_publishing_dates_pages_from_the_whole_history() -> None:
    checkout = [s for s in steps(workflow("publish.yml")) if "checkout" in s.get("uses", "")]
    assert checkout and checkout[0]["with"]["fetch-depth"] == 0


def test_a_data_pull_request_checks_builds_and_links_without_the_tool_suite() -> None:
    data, tool = workflow("data.yml"), workflow("pull-request.yml")
    # PyYAML reads the key `on` as True (YAML 1.1).
    assert data[True]["pull_request"]["paths"] == ["papers/**"]
    assert tool[True]["pull_request"]["paths-ignore"] == ["papers/**"]
    commands = " ".join(step.get("run", "") for step in steps(data))
    for command in ("build.py check", "build.py build", "tests/test_papers_folder.py",
                    "build.py compare", "GITHUB_STEP_SUMMARY"):
        assert command in commands
    assert ".ci/run" not in commands
