"""export_files formats each item once; its files must equal the formats' own functions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import EXAMPLE
from waqai.bench.synthetic import write_synthetic
from waqai.data.checks import validate
from waqai.data.model import LatinName, Paper, Proceedings, Text
from waqai.exports.bibtex import paper_bibtex, volume_bibtex
from waqai.exports.csl import csl_json, paper_csl, volume_csl
from waqai.exports.files import (
    ExportCache,
    export_files,
    export_paths,
    item_bibtex,
    paper_files,
    volume_file,
)
from waqai.exports.keys import citation_keys
from waqai.exports.record import FORMS, volume_records
from waqai.exports.ris import paper_ris, volume_ris


@pytest.fixture(params=["example", "synthetic"])
def volume(request: pytest.FixtureRequest, tmp_path: Path) -> Proceedings:
    root = EXAMPLE
    if request.param == "synthetic":
        root = tmp_path / "project"
        write_synthetic(root, 25)
    proc = validate(root).proceedings
    assert proc is not None
    return proc


def test_export_files_equal_the_per_format_functions(volume: Proceedings) -> None:
    proc = volume
    keys = citation_keys(proc)
    files = export_files(proc, keys)
    records = volume_records(proc, keys)
    for form in FORMS:
        cites = [record.form(form) for record in records]
        assert files[volume_file("bib", form)] == volume_bibtex(cites)
        assert files[volume_file("ris", form)] == volume_ris(cites)
        assert files[volume_file("json", form)] == volume_csl(cites)
        for paper, cite in zip(proc.papers, cites):
            paths = paper_files(paper, keys[paper.id], form)
            assert files[paths["bib"]] == paper_bibtex(cite)
            assert files[paths["ris"]] == paper_ris(cite)
            assert files[paths["json"]] == csl_json(paper_csl(cite))


def _edits(proc: Proceedings) -> dict[str, Proceedings]:
    """One changed volume per kind of input an export is made from."""
    first, second = proc.papers[0], proc.papers[1]
    person = proc.person(first.people[0])
    session = proc.session(first.session)
    conf = proc.conference

    def with_paper(paper: Paper) -> Proceedings:
        return replace(proc, papers=tuple(paper if p.id == paper.id else p for p in proc.papers))

    renamed = replace(person, name_ar=replace(person.name_ar, family="المعدل"),
                      names_latin=(LatinName("Edited", "Name"),))
    return {
        "abstract": with_paper(replace(first, abstract=Text("ملخص معدل", "An edited abstract"))),
        "title": with_paper(replace(second, title=Text("عنوان معدل", "An edited title"))),
        "pages and doi": with_paper(replace(first, pages="3-9", doi="10.1234/edited")),
        "keywords": with_paper(replace(first, keywords=(("كلمة",), ("word",)))),
        "author's name": replace(proc, people=tuple(renamed if p.id == person.id else p
                                                    for p in proc.people)),
        "session day": replace(proc, sessions=tuple(
            replace(s, day=s.day + dt.timedelta(days=1)) if s.id == session.id else s
            for s in proc.sessions)),
        "conference title": replace(proc, conference=replace(
            conf, title=Text("مؤتمر معدل", "An edited conference"))),
        "editors": replace(proc, conference=replace(conf, editors=(person.id,))),
    }


@pytest.mark.parametrize("edit", ["abstract", "title", "pages and doi", "keywords",
                                  "author's name", "session day", "conference title", "editors"])
def test_cached_exports_equal_fresh_ones_after_an_edit(edit: str, tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_synthetic(root, 25)
    proc = validate(root).proceedings
    cache = ExportCache()
    before = export_files(proc, citation_keys(proc), cache)
    edited = _edits(proc)[edit]
    keys = citation_keys(edited)
    cached = export_files(edited, keys, cache)
    fresh = export_files(edited, keys)
    assert cached == fresh
    assert cached != before


def test_export_paths_are_the_files_export_files_makes(volume: Proceedings) -> None:
    """Pages link to `export_paths` while another process makes `export_files`."""
    proc = volume
    keys = citation_keys(proc)
    paths = export_paths(proc, keys)
    assert len(paths) == len(set(paths))
    assert set(paths) == set(export_files(proc, keys))


def test_item_bibtex_is_what_the_item_files_hold() -> None:
    proc = validate(EXAMPLE).proceedings
    keys = citation_keys(proc)
    files = export_files(proc, keys)
    for paper in proc.papers:
        for form, text in item_bibtex(proc, paper, keys[paper.id]).items():
            assert files[paper_files(paper, keys[paper.id], form)["bib"]] == text
