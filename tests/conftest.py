"""Fixtures shared by the suite: a copy of the example project, and one built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("papers", "docs", "overrides", "mkdocs.yml")


def copy_project(dest: Path) -> Path:
    """A copy of the example project (data, pages, theme, config) to break or build."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    return dest


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err


def run_waqai(project: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    """Run `python -m waqai ARGS` in a project folder, as an editor would."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "false",
                   **(env or {})}
    result = subprocess.run([sys.executable, "-m", "waqai", *args], cwd=project,
                            capture_output=True, text=True, env=environment, timeout=600)
    return Run(result.returncode, result.stdout, result.stderr)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example proceedings, built once for the whole run by the real command."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"
