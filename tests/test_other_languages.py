"""The other languages rendered in a second process (site/otherlanguages.py): the same site,
byte for byte, as mkdocs-static-i18n's one pass after the other, and the same failures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import copy_project, run_waqai

FORKED = "Building en in a second process, beside ar"


def one_after_the_other(project: Path) -> Path:
    """`project` with `parallel_languages: false` set in its mkdocs.yml."""
    config = project / "mkdocs.yml"
    text, found = re.subn(r"^(  - proceedings:\n)", r"\1      parallel_languages: false\n",
                          config.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert found == 1, "mkdocs.yml lists the proceedings plugin"
    config.write_text(text, encoding="utf-8")
    return project


def with_bounds(project: Path) -> Path:
    """Small page bounds: letter pages, some of them in one language only."""
    config = project / "mkdocs.yml"
    text = re.sub(r"^(  - proceedings:\n)",
                  r"\1      people_per_page: 4\n      items_per_page: 3\n",
                  config.read_text(encoding="utf-8"), flags=re.MULTILINE)
    config.write_text(text, encoding="utf-8")
    return project


def tree(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def assert_same_sites(forked: Path, sequential: Path) -> None:
    first, second = tree(forked), tree(sequential)
    assert sorted(first) == sorted(second)
    differing = [path for path in first if first[path] != second[path]]
    assert differing == [], f"{len(differing)} files differ, e.g. {differing[:5]}"


def build(project: Path) -> str:
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return result.output


def test_the_example_is_the_same_site_either_way(tmp_path: Path) -> None:
    forked = copy_project(tmp_path / "forked")
    sequential = one_after_the_other(copy_project(tmp_path / "sequential"))
    assert FORKED in build(forked)
    assert FORKED not in build(sequential)
    assert_same_sites(forked / "site", sequential / "site")
    # Both languages' pages in the one sitemap, each once, as the sequential build has them.
    sitemap = (forked / "site" / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert len(locations) == len(set(locations))
    assert any("/en/" in url for url in locations)
    assert any("/en/" not in url for url in locations)


def test_a_synthetic_volume_with_letter_pages_is_the_same_site_either_way(
        tmp_path: Path) -> None:
    from waqai.bench.synthetic import write_synthetic

    write_synthetic(tmp_path / "generated", 24)
    papers = tmp_path / "generated" / "papers"
    forked = with_bounds(copy_project(tmp_path / "forked", papers))
    sequential = one_after_the_other(with_bounds(copy_project(tmp_path / "sequential", papers)))
    build(forked)
    build(sequential)
    assert list((forked / "site" / "en" / "names").iterdir()), "the bounds made letter pages"
    assert_same_sites(forked / "site", sequential / "site")


@pytest.mark.parametrize("parallel", [True, False], ids=["forked", "sequential"])
def test_a_warning_in_the_english_pass_fails_the_build_as_before(
        tmp_path: Path, parallel: bool) -> None:
    project = copy_project(tmp_path / "project")
    if not parallel:
        one_after_the_other(project)
    build(project)
    kept = (project / "site" / "index.html").read_bytes()
    # A hand-written page in English only, linking to a page that does not exist: only
    # the English pass sees it, and strict mode makes its warning a failure.
    (project / "docs" / "notes.en.md").write_text("# Notes\n\nSee [the list](missing.md).\n",
                                                  encoding="utf-8")
    result = run_waqai(project, "build")
    assert result.code == 1, result.output
    assert result.output.count("missing.md") == 1, result.output
    assert "Aborted with 1 warnings in strict mode!" in result.output
    assert "Traceback" not in result.output and "Internal error" not in result.output
    assert (project / "site" / "index.html").read_bytes() == kept
    assert not list(project.glob(".site.*")), "no staging folder is left behind"
