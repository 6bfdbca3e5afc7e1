"""The command line hands pytest's own options to `test`, in any order."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from waqai.commands import cli


@pytest.mark.parametrize("argv, passed", [
    (["test", "-q", "-x", "tests/test_dates.py"], ["-q", "-x", "tests/test_dates.py"]),
    (["test", "tests", "-q"], ["tests", "-q"]),
    (["--data-dir", "papers", "test", "-k", "fold"], ["-k", "fold"]),
    (["test"], []),
])
def test_pytest_options_reach_pytest(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                     argv: list[str], passed: list[str]) -> None:
    ran: list[list[str]] = []

    def fake_run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        ran.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(cli.subprocess, "run", fake_run)
    assert cli.main(argv, tmp_path) == 0
    assert ran[0][1:3] == ["-m", "pytest"] and ran[0][3:] == passed


def test_an_unknown_option_of_another_command_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["check", "--quiet"], tmp_path)
    assert stopped.value.code == 2
