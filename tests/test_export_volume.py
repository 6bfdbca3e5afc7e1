"""export_files formats each item once; its files must equal the formats' own functions."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from waqai.checks import validate
from waqai.exports.bibtex import paper_bibtex, volume_bibtex
from waqai.exports.csl import csl_json, paper_csl, volume_csl
from waqai.exports.files import VOLUME_FILES, export_files, paper_files
from waqai.exports.keys import citation_keys
from waqai.exports.ris import paper_ris, volume_ris
from waqai.synthetic import write_synthetic


@pytest.mark.parametrize("source", ["example", "synthetic"])
def test_export_files_equal_the_per_format_functions(source: str, tmp_path: Path) -> None:
    root = ROOT
    if source == "synthetic":
        root = tmp_path / "project"
        write_synthetic(root, 25)
    proc = validate(root).proceedings
    keys = citation_keys(proc)
    files = export_files(proc, keys)
    assert files[VOLUME_FILES["bib"]] == volume_bibtex(proc, keys)
    assert files[VOLUME_FILES["ris"]] == volume_ris(proc, keys)
    assert files[VOLUME_FILES["json"]] == volume_csl(proc, keys)
    for paper in proc.papers:
        paths = paper_files(paper, keys[paper.id])
        assert files[paths["bib"]] == paper_bibtex(proc, paper, keys)
        assert files[paths["ris"]] == paper_ris(proc, paper, keys)
        assert files[paths["json"]] == csl_json(paper_csl(proc, paper, keys))
