"""The code's own checks: package boundaries (import-linter), lint (ruff), types (mypy),
and the core of the pipeline running with MkDocs absent.

Each tool reads its configuration from pyproject.toml and runs from the repo root,
as the venv's own executable, so a failure here is what a developer sees running it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT, run_waqai

BIN = Path(sys.executable).parent


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def assert_passes(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"


def test_import_contracts() -> None:
    assert_passes(run_tool("lint-imports", "--no-cache"))


def test_ruff() -> None:
    assert_passes(run_tool("ruff", "check", "--no-cache", "plugins", "tests", "build.py"))


def test_mypy() -> None:
    # Incremental, with its cache in .mypy_cache/ (git-ignored): a second run takes ~1 s.
    assert_passes(run_tool("mypy"))


# Makes mkdocs, material and mkdocs_static_i18n (and their submodules) unimportable,
# then runs the `export` command on the project folder given as argv[1].
WITHOUT_MKDOCS = textwrap.dedent("""
    import sys
    from pathlib import Path

    BLOCKED = ("mkdocs", "material", "mkdocs_static_i18n")

    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked: the core must run without MkDocs")
            return None

    sys.meta_path.insert(0, Blocker())
    for name in list(sys.modules):
        if name.split(".")[0] in BLOCKED:
            del sys.modules[name]

    from waqai.commands.cli import main

    project, out = Path(sys.argv[1]), sys.argv[2]
    code = main(["export", "--out", out], root=project)
    loaded = sorted(n for n in sys.modules if n.split(".")[0] in BLOCKED)
    assert not loaded, loaded
    sys.exit(code)
""")


def test_export_runs_without_mkdocs(project: Path, built_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "exported"
    result = subprocess.run([sys.executable, "-c", WITHOUT_MKDOCS, str(project), str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "search/ar/index.json").is_file()
    assert (out / "search/en/index.json").is_file()
    assert (out / "programme.ics").is_file()
    assert (out / "proceedings.bib").read_bytes() == (built_site / "proceedings.bib").read_bytes()
    assert (out / "proceedings.ris").read_bytes() == (built_site / "proceedings.ris").read_bytes()


def test_export_stops_on_invalid_data(project: Path, tmp_path: Path) -> None:
    conference = project / "papers/conference.yaml"
    conference.write_text(conference.read_text(encoding="utf-8").replace(
        'start: "2015-11-17"', 'start: "2015-11-18"'), encoding="utf-8")
    out = tmp_path / "exported"
    result = run_waqai(project, "export", "--out", str(out))
    assert result.code == 1, result.output
    assert "dates.hijri_start" in result.err
    assert not out.exists()
