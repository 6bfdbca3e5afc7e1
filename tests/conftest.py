"""Fixtures shared by the suite: a copy of the example project, and one built site.

The tests never read the repository's `papers/` (the conference being published, which
an adopter replaces). They stand on a fixture conference instead: `tests/fixtures/example/
papers/`, a copy of the example data (refresh it with
`rm -rf tests/fixtures/example/papers && cp -r papers tests/fixtures/example/papers`, then
set `translations: welcome` in its conference.yaml again: tests open translation gaps in
it and expect warnings).
A test project is the tool's parts of the repository (`TOOL_PARTS`) plus that fixture.
Only tests/test_papers_folder.py looks at `papers/` itself, assuming nothing about it.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The example conference the tests assert on. EXAMPLE is laid out like a project root
# (it holds `papers/`), so `load(EXAMPLE)` and `validate(EXAMPLE)` read it in place.
EXAMPLE = ROOT / "tests" / "fixtures" / "example"
EXAMPLE_PAPERS = EXAMPLE / "papers"
TOOL_PARTS = ("docs", "overrides", "mkdocs.yml")


def missing(hint: str, *, whole_module: bool = False) -> NoReturn:
    """A tool the tests need is not installed: skip locally, fail in CI (`CI=true`),
    where .ci/run installs it. HINT says what is missing and how to install it."""
    if os.environ.get("CI") == "true":
        pytest.fail(hint, pytrace=False)
    pytest.skip(hint, allow_module_level=whole_module)


def copy_tool(dest: Path) -> Path:
    """The tool's parts of the repository (pages, theme, config), without any `papers/`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in TOOL_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    return dest


def copy_project(dest: Path, papers: Path = EXAMPLE_PAPERS) -> Path:
    """A project to break or build: the tool's parts plus a `papers/` folder (by default
    the example fixture; tests/test_papers_folder.py passes the repository's own)."""
    copy_tool(dest)
    shutil.copytree(papers, dest / "papers")
    return dest


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err


BOOK_SECTION = re.compile(r"^book:.*\n(?:[ \t]+.*\n)*", re.MULTILINE)


def set_book_section(project: Path, section: str, data_dir: str = "papers") -> None:
    """Give the project's conference.yaml (in `data_dir`: an archive's volume's, say) the
    `book:` section `section` (YAML, from "book:"), in place of the one it has."""
    conference = project / data_dir / "conference.yaml"
    text = BOOK_SECTION.sub("", conference.read_text(encoding="utf-8"))
    conference.write_text(text + section, encoding="utf-8")


def run_waqai(project: Path, *args: str, env: dict[str, str] | None = None,
              bounded: bool = False) -> Run:
    """Run `python -m waqai ARGS` in a project folder, as an editor would. `bounded`: within
    what any command may cost on one file under the limits (issue 29), 1 GiB of address
    space and 60 s; beyond them the run fails (MemoryError, or TimeoutExpired raised)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "false",
                   **(env or {})}
    result = subprocess.run([sys.executable, "-m", "waqai", *args], cwd=project,
                            capture_output=True, text=True, env=environment,
                            timeout=COMMAND_SECONDS if bounded else 600,
                            preexec_fn=_within_command_memory if bounded else None)
    return Run(result.returncode, result.stdout, result.stderr)


COMMAND_SECONDS, COMMAND_BYTES = 60, 1 << 30


def _within_command_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (COMMAND_BYTES, COMMAND_BYTES))


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


SYNTHETIC_PAPERS = 30  # as .ci/run writes it


@pytest.fixture(scope="session")
def built_synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic conference unlike the example (another city, time zone, dates, rooms;
    a few papers with a PDF), in the tool's parts of the repository, built once."""
    from waqai.bench.synthetic import write_synthetic

    synthetic = tmp_path_factory.mktemp("synthetic") / "generated"
    write_synthetic(synthetic, SYNTHETIC_PAPERS)
    project = copy_project(tmp_path_factory.mktemp("built-synthetic") / "project",
                           synthetic / "papers")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


# --- Browser fixtures (issue 8): the built site over HTTP, one chromium per run. -------
# Helpers live in tests/browser_support.py; tests/test_browser.py and
# tests/test_search_browser.py use these fixtures.

@pytest.fixture(scope="session")
def site_server(built_site: Path):
    """Base URL (ending in /) of `built_site` served on 127.0.0.1 at a free port, under
    the path of its site_url (e.g. http://127.0.0.1:PORT/csc-2015/), as it will be deployed:
    by the benchmark's static host (keep-alive, gzip, the site's 404 page), as a real one."""
    from browser_support import site_path
    from waqai.bench.static_server import serve

    with serve(built_site, site_path(built_site)) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """Debian's headless chromium; skipped with an install hint when absent (failed in CI)."""
    from browser_support import launch, require_chromium

    require_chromium()
    with launch() as chromium:
        yield chromium


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the screenshots the browser tests took, so a person can look at them."""
    import browser_support

    if browser_support.SCREENSHOTS:
        terminalreporter.section("screenshots")
        for path in browser_support.SCREENSHOTS:
            terminalreporter.write_line(str(path))
