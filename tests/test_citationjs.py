"""citation-js reads our RIS and BibTeX as the model says, for every item of the example
and of a synthetic conference, in both forms.

citation-js (https://citation.js.org) is the JavaScript library behind many web
reference tools; its RIS mapping differs from Zotero's (see `waqai/exports/ris.py`),
so a RIS record that rispy reads well can still lose its title or volume there. The
reader is a tiny Node project in tests/citationjs/ (exact versions, package-lock.json);
its `read.mjs` prints the CSL-JSON citation-js makes of a file. The packages are
installed once with `npm ci` when node_modules/ is missing. Without node and npm the
module is skipped locally and fails under `CI=true` (.ci/run installs them).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import missing
from test_citations_agree import FORMS, expected, exported
from waqai.data.model import Proceedings

READER = Path(__file__).resolve().parent / "citationjs"
INSTALL_HINT = ("node and npm are not installed; install them with `apt-get install nodejs npm` "
                "to check the RIS and BibTeX exports with citation-js")

if shutil.which("node") is None or shutil.which("npm") is None:
    missing(INSTALL_HINT, whole_module=True)

Reader = Callable[[Path], list[dict]]


@pytest.fixture(scope="session")
def citation_js() -> Reader:
    """A function from a .ris or .bib file to the CSL-JSON items citation-js reads in it."""
    if not (READER / "node_modules").is_dir():
        install = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=READER,
                                 capture_output=True, text=True, check=False)
        assert install.returncode == 0, f"npm ci failed in {READER}:\n{install.stderr}"

    def read(path: Path) -> list[dict]:
        run = subprocess.run(["node", str(READER / "read.mjs"), str(path)],
                             capture_output=True, text=True, encoding="utf-8", check=False)
        assert run.returncode == 0, f"citation-js could not read {path.name}:\n{run.stderr}"
        items: list[dict] = json.loads(run.stdout)
        return items

    return read


@pytest.fixture(scope="module", params=["example", "synthetic"])
def volume(request, tmp_path_factory) -> tuple[Proceedings, dict[str, str], Path]:
    """The conference, its citation keys and the folder its exports are written to."""
    proc, keys, files = exported(request.param, tmp_path_factory)
    folder = tmp_path_factory.mktemp(f"{request.param}-exports")
    for name, text in files.items():
        if name.startswith("proceedings"):
            (folder / name).write_text(text, encoding="utf-8")
    return proc, keys, folder


def name(author: dict) -> tuple[str, str]:
    """(family, given) of a CSL name; a corporate author (`literal`) has no given part."""
    if "literal" in author:
        return author["literal"], ""
    return author.get("family", ""), author.get("given", "")


@pytest.mark.parametrize("fmt", ["ris", "bib"])
@pytest.mark.parametrize("form", FORMS)
def test_citation_js_reads_the_model(volume, citation_js: Reader, form: str, fmt: str) -> None:
    proc, keys, folder = volume
    suffix, lang = FORMS[form]
    items = citation_js(folder / f"proceedings{suffix}.{fmt}")
    assert [item["id"] for item in items] == [keys[p.id] for p in proc.papers]
    for paper, item in zip(proc.papers, items):
        want = expected(proc, paper, lang)
        assert item["type"] == "paper-conference", item["id"]
        assert item["title"] == want["title"]
        assert "original-title" not in item  # what citation-js makes of TI when TT is present
        assert item.get("container-title") == item.get("event-title") == want["container"]
        assert [name(a) for a in item["author"]] == want["authors"]
        assert dt.date(*item["issued"]["date-parts"][0]) == want["date"]
        assert item.get("DOI", "") == want["doi"]
        assert item.get("page", "") == "-".join(want["pages"])
        assert item.get("event-place") == item.get("publisher-place") == want["place"]
