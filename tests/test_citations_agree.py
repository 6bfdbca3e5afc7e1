"""Every format says the same facts: each written file, read back by the clients readers use
(pybtex and bibtexparser for .bib, rispy for .ris, json + the CSL 1.0.2 schema for .json),
against the model itself, for every item of the example and of a synthetic conference,
in both forms. pandoc 3's citeproc renders the CSL-JSON volume as readers see it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pybtex.database
import pypandoc
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

from conftest import EXAMPLE
from waqai.bench.synthetic import write_synthetic
from waqai.data.checks import validate
from waqai.data.model import Paper, Proceedings
from waqai.exports.files import export_files
from waqai.exports.keys import citation_keys

SCHEMA = json.loads((Path(__file__).parent / "schemas/csl-data.json").read_text("utf-8"))
FORMS = {"original": ("", "ar"), "romanised": (".en", "en")}


def exported(kind: str, tmp_path_factory: pytest.TempPathFactory,
             ) -> tuple[Proceedings, dict[str, str], dict[str, str]]:
    """The example or a synthetic conference (KIND), its citation keys and its export files."""
    root = EXAMPLE
    if kind == "synthetic":
        root = tmp_path_factory.mktemp("synthetic") / "project"
        write_synthetic(root, 30)
    proc = validate(root).proceedings
    keys = citation_keys(proc)
    return proc, keys, export_files(proc, keys)


@pytest.fixture(scope="module", params=["example", "synthetic"])
def volume(request, tmp_path_factory) -> tuple[Proceedings, dict[str, str], dict[str, str]]:
    return exported(request.param, tmp_path_factory)


def expected(proc: Proceedings, paper: Paper, lang: str) -> dict:
    """What a citation of `paper` must say, from the model alone."""
    conf = proc.conference
    if not paper.people:  # cited under the publisher, a corporate author
        authors = [(conf.publisher.get(lang), "")]
    elif lang == "ar":
        authors = [(p.name_ar.family, " ".join(x for x in (p.name_ar.given, p.name_ar.nasab) if x))
                   for p in proc.people_of(paper)]
    else:
        authors = [(p.name_en.family, p.name_en.given) for p in proc.people_of(paper)]
    pages = re.split(r"\s*[-–—]+\s*", paper.pages) if paper.pages else []
    return {"authors": authors,
            "title": paper.title.ar if lang == "ar" else f"[{paper.title.en}]",
            "container": conf.title.get(lang), "place": conf.city.get(lang),
            "date": proc.session(paper.session).day, "doi": expected_doi(proc, paper), "pages": pages}


def expected_doi(proc: Proceedings, paper: Paper) -> str:
    """The item's DOI, written out here from the rule in data/dois.py's docstring: the one
    paper.yaml states, else prefix / the suffix pattern filled in and lower-cased."""
    conf = proc.conference
    if paper.doi or conf.doi_prefix is None:
        return paper.doi or ""
    suffix = (conf.doi_suffix or "{short_name}.{id}").replace("{id}", paper.id)
    suffix = suffix.replace("{short_name}", conf.short_name).replace("{year}", str(conf.year))
    return f"{conf.doi_prefix}/{suffix.lower()}"


def _bib_name(person: pybtex.database.Person) -> tuple[str, str]:
    family = " ".join(person.prelast_names + person.last_names)
    return family.strip("{}"), " ".join(person.first_names + person.middle_names)


@pytest.mark.parametrize("form", FORMS)
def test_bibtex_read_by_pybtex_and_bibtexparser_says_the_model(volume, form: str) -> None:
    proc, keys, files = volume
    suffix, lang = FORMS[form]
    text = files[f"proceedings{suffix}.bib"]
    by_pybtex = pybtex.database.parse_string(text, "bibtex").entries
    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    assert not library.failed_blocks
    by_parser = {entry.key: entry for entry in library.entries}
    assert list(by_pybtex) == list(by_parser) == [keys[p.id] for p in proc.papers]
    for paper in proc.papers:
        want = expected(proc, paper, lang)
        entry, other = by_pybtex[keys[paper.id]], by_parser[keys[paper.id]]
        assert [_bib_name(p) for p in entry.persons["author"]] == want["authors"]
        names = [(" ".join(n.von + n.last).strip("{}"), " ".join(n.first))
                 for n in other.fields_dict["author"].value]
        assert names == want["authors"]
        for fields in (entry.fields, {k: f.value for k, f in other.fields_dict.items()}):
            assert fields["title"] == want["title"]
            assert fields["booktitle"] == want["container"]
            assert fields["venue"] == fields["address"] == want["place"]
            assert fields["date"] == want["date"].isoformat()
            assert fields["year"] == str(want["date"].year)
            assert fields.get("doi", "") == want["doi"]
            assert fields.get("pages", "") == "--".join(want["pages"])
        assert entry.fields["month"] == want["date"].strftime("%B")  # from the macro `nov`


@pytest.mark.parametrize("form", FORMS)
def test_ris_read_by_rispy_says_the_model(volume, form: str) -> None:
    proc, keys, files = volume
    suffix, lang = FORMS[form]
    records = rispy.loads(files[f"proceedings{suffix}.ris"])
    assert [r["id"] for r in records] == [keys[p.id] for p in proc.papers]
    for paper, record in zip(proc.papers, records):
        want = expected(proc, paper, lang)
        assert record["type_of_reference"] == "CONF"
        assert [tuple(a.split(", ", 1)) if ", " in a else (a, "") for a in record["authors"]] \
            == want["authors"]
        assert record["title"] == want["title"]
        assert "translated_title" not in record  # citation-js would make it the title
        assert record["custom3"] == want["container"]
        assert record["place_published"] == record["custom1"] == want["place"]
        day = want["date"].strftime("%Y/%m/%d/")
        assert record["date"] == record["year"] == day
        assert record.get("doi", "") == want["doi"]
        assert [record.get("start_page"), record.get("end_page")][:len(want["pages"])] \
            == want["pages"]


@pytest.mark.parametrize("form", FORMS)
def test_csl_json_is_valid_and_says_the_model(volume, form: str) -> None:
    proc, keys, files = volume
    suffix, lang = FORMS[form]
    items = json.loads(files[f"proceedings{suffix}.json"])
    jsonschema.Draft7Validator(SCHEMA).validate(items)
    assert [item["id"] for item in items] == [keys[p.id] for p in proc.papers]
    conf = proc.conference
    for paper, item in zip(proc.papers, items):
        want = expected(proc, paper, lang)
        assert [(a["literal"], "") if "literal" in a else (a["family"], a.get("given", ""))
                for a in item["author"]] == want["authors"]
        assert item["title"] == want["title"]
        assert item["container-title"] == item["event-title"] == want["container"]
        assert item["event-place"] == item["publisher-place"] == want["place"]
        assert dt.date(*item["issued"]["date-parts"][0]) == want["date"]
        assert [dt.date(*d) for d in item["event-date"]["date-parts"]] \
            == sorted({conf.start, conf.end})
        assert item.get("DOI", "") == want["doi"]
        assert item.get("page", "") == "-".join(want["pages"])


@pytest.mark.parametrize("form", FORMS)
def test_every_items_own_files_say_what_the_volume_says(volume, form: str) -> None:
    proc, keys, files = volume
    suffix, _ = FORMS[form]
    for fmt in ("bib", "ris"):
        own = [files[f"papers/{p.id}/{keys[p.id]}{suffix}.{fmt}"] for p in proc.papers]
        assert "\n".join(own) == files[f"proceedings{suffix}.{fmt}"]
    own_items = [json.loads(files[f"papers/{p.id}/{keys[p.id]}{suffix}.json"])[0]
                 for p in proc.papers]
    assert own_items == json.loads(files[f"proceedings{suffix}.json"])


@pytest.mark.parametrize("form", FORMS)
def test_pandoc_citeproc_prints_paper_presented_at_the_event(volume, form: str,
                                                             tmp_path: Path) -> None:
    """Chicago author-date (pandoc's default style) as a reader of the volume sees it.

    The style prints the event ("Paper presented at …") for a paper of proceedings
    without editors; with editors it cites the paper as part of an edited book."""
    proc, keys, files = volume
    suffix, lang = FORMS[form]
    bibliography = tmp_path / "proceedings.json"
    bibliography.write_text(files[f"proceedings{suffix}.json"], encoding="utf-8")
    rendered = pypandoc.convert_text(
        '---\nnocite: "@*"\n---\n', "plain", format="markdown",
        extra_args=["--citeproc", f"--bibliography={bibliography}", "--wrap=none"])
    entries = [line for line in rendered.splitlines() if line.strip()]
    assert len(entries) == len(proc.papers)
    conf = proc.conference
    start, end = conf.start, conf.end
    days = (f"{start:%B} {start.day}, {start.year}" if start == end
            else f"{start:%B} {start.day}–{end.day}, {start.year}" if start.month == end.month
            else f"{start:%B} {start.day}–{end:%B} {end.day}, {start.year}")
    presented = f"Paper presented at {conf.title.get(lang)}, {days}, {conf.city.get(lang)}."
    if conf.editors:
        presented = f"In {conf.title.get(lang)}, edited by "
    for entry in entries:
        assert presented in entry, entry
        assert "n.d." not in entry
