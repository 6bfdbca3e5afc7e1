"""The end-of-build invariant: every paper is everywhere it belongs, or the paper is named."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from waqai.data.checks import validate
from waqai.data.model import Proceedings
from waqai.exports.keys import citation_keys
from waqai.site.invariants import check_site, paper_ids

SESSION_PAGE = "sessions/s3-local-experiences/index.html"


@pytest.fixture(scope="module")
def proceedings(built_site: Path) -> Proceedings:
    result = validate(built_site.parent)
    assert result.ok
    return result.proceedings


@pytest.fixture
def site(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built example, to tamper with."""
    return Path(shutil.copytree(built_site, tmp_path / "site"))


def drop_paper_id(page: Path, paper_id: str) -> None:
    html = page.read_text(encoding="utf-8")
    attribute = f'data-paper-id="{paper_id}"'
    assert attribute in html, page
    page.write_text(html.replace(attribute, 'data-removed="1"'), encoding="utf-8")


def test_the_example_build_passes(proceedings: Proceedings, built_site: Path) -> None:
    assert check_site(proceedings, built_site) == []


def test_a_paper_missing_from_its_session_page_is_named(proceedings: Proceedings,
                                                       site: Path) -> None:
    drop_paper_id(site / SESSION_PAGE, "absher")
    assert check_site(proceedings, site) == [
        f"absher: missing from its session's page {SESSION_PAGE}."]


def test_each_language_is_checked(proceedings: Proceedings, site: Path) -> None:
    drop_paper_id(site / "en" / SESSION_PAGE, "safeer")
    drop_paper_id(site / "en/people/abdulrahman-aljulaifi/index.html", "absher")
    assert check_site(proceedings, site) == [
        "absher: missing from the page of abdulrahman-aljulaifi "
        "en/people/abdulrahman-aljulaifi/index.html.",
        f"safeer: missing from its session's page en/{SESSION_PAGE}."]


def test_a_page_not_built_is_named(proceedings: Proceedings, site: Path) -> None:
    (site / "en/papers/absher/index.html").unlink()
    assert check_site(proceedings, site) == [
        "absher: its own page en/papers/absher/index.html was not built."]


def test_an_id_in_text_is_not_an_appearance(proceedings: Proceedings, site: Path) -> None:
    """Only a data-paper-id attribute of a tag counts; the same words in text do not."""
    page = site / SESSION_PAGE
    drop_paper_id(page, "absher")
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<p>data-paper-id="absher"</p></article>', 1),
                    encoding="utf-8")
    assert check_site(proceedings, site) == [
        f"absher: missing from its session's page {SESSION_PAGE}."]


def test_a_paper_missing_from_an_export_is_named(proceedings: Proceedings, site: Path) -> None:
    key = citation_keys(proceedings)["absher"]
    items = json.loads((site / "proceedings.json").read_text(encoding="utf-8"))
    (site / "proceedings.json").write_text(
        json.dumps([item for item in items if item["id"] != key]), encoding="utf-8")
    ris = (site / "proceedings.ris").read_text(encoding="utf-8")
    assert f"ID  - {key}\n" in ris
    (site / "proceedings.ris").write_text(ris.replace(f"ID  - {key}\n", ""), encoding="utf-8")
    bib = (site / "proceedings.bib").read_text(encoding="utf-8")
    assert re.search(rf"@\w+\{{{key},", bib)
    (site / "proceedings.bib").write_text(re.sub(rf"(@\w+\{{){key},", r"\1renamed,", bib),
                                          encoding="utf-8")
    assert check_site(proceedings, site) == [
        f"absher: missing from proceedings.bib (citation key {key}).",
        f"absher: missing from proceedings.ris (citation key {key}).",
        f"absher: missing from proceedings.json (citation key {key}).",
    ]


def test_exports_that_were_not_written_are_not_required(proceedings: Proceedings,
                                                        site: Path) -> None:
    for name in ("proceedings.bib", "proceedings.ris", "proceedings.json"):
        (site / name).unlink()
    assert check_site(proceedings, site) == []


def test_an_unreadable_export_is_reported(proceedings: Proceedings, site: Path) -> None:
    (site / "proceedings.json").write_text("[{", encoding="utf-8")
    problems = check_site(proceedings, site)
    assert len(problems) == 1 and problems[0].startswith("proceedings.json cannot be read")


def test_paper_ids_are_read_from_tags_only() -> None:
    html = ('<li class="x" data-paper-id="a"><p>data-paper-id="b" and data-paper-id="c"</p>'
            '<a\ndata-paper-id="d"><span xdata-paper-id="e">')
    assert paper_ids(html) == {"a", "d"}


def test_a_build_that_loses_a_paper_fails_and_keeps_the_last_site(project: Path) -> None:
    """The plugin runs the invariant check at the end of every build."""
    from conftest import run_waqai
    from test_bad_inputs import tree_digest

    assert run_waqai(project, "build").code == 0
    before = tree_digest(project / "site")
    template = project / "overrides/partials/waqai/item-list.html"
    text = template.read_text(encoding="utf-8")
    assert "{% for item in papers %}" in text
    template.write_text(text.replace("{% for item in papers %}",
                                     "{% for item in papers if item.id != 'safeer' %}"),
                        encoding="utf-8")
    result = run_waqai(project, "build")
    assert result.code == 1
    assert "safeer" in result.err and "Traceback" not in result.output
    assert tree_digest(project / "site") == before
