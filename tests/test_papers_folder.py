"""The one test of the repository's `papers/`: whatever conference it holds is valid,
its schemas are current, and it builds.

Every other test stands on the fixture conference in tests/fixtures/example/ (see
conftest.py), so replacing `papers/` with another conference changes nothing else in the
suite. This file must therefore assume nothing about the conference: no ids, titles,
dates or counts. It works on a copy, so the repository is never written to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_waqai
from linkcheck import check_links
from waqai.data.load import load

PAPERS = ROOT / "papers"


@pytest.fixture(scope="module")
def papers_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tool's parts of the repository with the repository's own `papers/`."""
    assert PAPERS.is_dir(), "the repository has no papers/ folder"
    return copy_project(tmp_path_factory.mktemp("papers-folder") / "project", papers=PAPERS)


def test_papers_folder_is_valid(papers_project: Path) -> None:
    result = run_waqai(papers_project, "check")
    assert result.code == 0, result.output
    assert result.out.startswith("OK:"), result.output


def test_papers_folder_schemas_are_current(papers_project: Path) -> None:
    """`papers/_schema/` (and the contributing guide's field tables) are what the field
    declarations generate: `python3 build.py schema` rewrites them when they are not."""
    result = run_waqai(papers_project, "schema", "--check")
    assert result.code == 0, result.output


def test_papers_folder_builds_and_every_link_resolves(papers_project: Path) -> None:
    """The build, and the link checker on it: a data pull request runs this file
    (.github/workflows/data.yml) instead of the whole suite."""
    result = run_waqai(papers_project, "build")
    assert result.code == 0, result.output
    site = papers_project / "site"
    assert (site / "index.html").is_file(), sorted(p.name for p in site.iterdir())
    assert (site / "en" / "index.html").is_file(), sorted(p.name for p in site.iterdir())
    conference = load(papers_project).conference
    assert conference is not None
    assert [str(broken) for broken in check_links(site, conference.site_url).broken] == []
