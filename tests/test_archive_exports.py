"""An archive's exports (issue 31): `export` on an archive writes each volume's files under its
folder, as a one-volume export of it does, and the whole archive's BibTeX (with and without
abstracts), RIS and CSL-JSON, and each person's BibTeX.

Two archives: the small one made from the example (`archive_project.py`), whose later
volume has one item retracted, and the real WANLP 2022 + ArabicNLP 2023 archive
(`anthology_volume.write_archive`, 157 items). The files are read back with pybtex, biber,
rispy and the CSL schema, never with the code that wrote them.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
import rispy
from pybtex.database import BibliographyData, Entry, parse_file

from anthology_volume import ARCHIVE, write_archive
from archive_project import FIRST, LATER, make_archive, rewrite
from conftest import copy_tool
from test_bibtex import _biber_problems
from test_citations_agree import SCHEMA
from waqai.commands.cli import main
from waqai.data.archive import Archive, Volume
from waqai.data.archivecheck import validate_archive
from waqai.data.model import Paper
from waqai.exports.bibtex import unescape_latex
from waqai.exports.files import export_files
from waqai.exports.keys import citation_keys
from waqai.search import write_search_indexes

FORMS = {"original": "", "romanised": ".en"}  # the form -> what its file names add
SHARED = "hamad-alduwailaa"  # the small archive's: speaker of patient-experience in both
RETRACTED = "absher-2016"  # retracted in the small archive's later volume
RETRACTION = ('order: 1\nstatus: retracted\nnotice: {date: "2017-01-10", '
              'ar: "سُحب البند.", en: "Retracted."}')


@dataclass(frozen=True)
class Exported:
    project: Path
    archive: Archive
    out: Path
    seconds: float  # how long `export` took

    def bib(self, name: str, form: str = "original") -> BibliographyData:
        return parse_file(str(self.out / f"{name}{FORMS[form]}.bib"), bib_format="bibtex")


def export(project: Path) -> Exported:
    result = validate_archive(project)
    assert result.archive is not None, "\n".join(p.format() for p in result.problems)
    started = time.perf_counter()
    assert main(["export", "--out", "out"], project) == 0
    return Exported(project, result.archive, project / "out", time.perf_counter() - started)


def small_archive(project: Path) -> Path:
    make_archive(project)
    rewrite(project / "papers" / LATER / RETRACTED / "paper.yaml", (r"^order: 1$", RETRACTION))
    return project


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    return export(small_archive(tmp_path_factory.mktemp("small") / "project"))


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    project = tmp_path_factory.mktemp("real") / "project"
    write_archive(ARCHIVE, copy_tool(project) / "papers")
    made = export(project)
    print(f"\nexport of the real archive (157 items): {made.seconds:.2f} s")
    return made


@pytest.fixture(params=["small", "real"])
def exported(request: pytest.FixtureRequest) -> Exported:
    made: Exported = request.getfixturevalue(request.param)
    return made


def listed(volume: Volume) -> Iterator[tuple[Paper, str]]:
    """The volume's items its files list, with their keys, in programme order."""
    keys = citation_keys(volume.proceedings)
    for paper in volume.proceedings.papers:
        if paper.in_volume:
            yield paper, keys[paper.id]


def every_listed_key(archive: Archive) -> list[str]:
    return [key for volume in archive.volumes for _, key in listed(volume)]


def field(entry: Entry, name: str) -> str:
    return unescape_latex(entry.fields[name])


# -- the whole archive --------------------------------------------------------------------

@pytest.mark.parametrize("name", ["archive", "archive+abstracts"])
@pytest.mark.parametrize("form", FORMS)
def test_the_whole_archive_bibtex_is_accepted_by_biber(exported: Exported, name: str,
                                                       form: str) -> None:
    path = exported.out / f"{name}{FORMS[form]}.bib"
    assert _biber_problems(path) == (0, [])


@pytest.mark.parametrize("form", FORMS)
def test_every_listed_item_is_in_the_archive_once_with_its_own_volume(exported: Exported,
                                                                      form: str) -> None:
    entries = exported.bib("archive", form).entries
    keys = every_listed_key(exported.archive)
    assert list(entries) == keys
    assert len({key.lower() for key in keys}) == len(keys)
    booktitles = set()
    for volume in exported.archive.volumes:
        conf = volume.conference
        for _, key in listed(volume):
            entry = entries[key]
            assert field(entry, "booktitle") in (conf.title.ar, conf.title.en), key
            assert field(entry, "address") in (conf.city.ar, conf.city.en), key
            assert field(entry, "year") == str(conf.start.year), key
            assert field(entry, "url").startswith(exported.archive.volume_url(volume))
            booktitles.add(field(entry, "booktitle"))
    assert len(booktitles) >= len(exported.archive.volumes)  # no volume cited as another


def test_a_retracted_item_is_left_out_of_the_archive(small: Exported) -> None:
    later = small.archive.volume(LATER).proceedings
    key = citation_keys(later)[RETRACTED]
    assert not later.paper(RETRACTED).in_volume
    assert key not in small.bib("archive").entries
    assert key not in (small.out / "archive.ris").read_text("utf-8")
    assert key not in (small.out / "people/abdulrahman-aljulaifi/abdulrahman-aljulaifi.bib"
                       ).read_text("utf-8")
    assert (small.out / LATER / "papers" / RETRACTED / f"{key}.bib").is_file()


@pytest.mark.parametrize("form", FORMS)
def test_the_abstracts_file_is_the_other_with_abstracts(exported: Exported, form: str) -> None:
    plain = (exported.out / f"archive{FORMS[form]}.bib").read_text("utf-8")
    with_abstracts = (exported.out / f"archive+abstracts{FORMS[form]}.bib").read_text("utf-8")
    abstract = re.compile(r",\n    abstract = \{.*\}(?=\n\}\n)")
    assert abstract.sub("", with_abstracts) == plain
    csl = json.loads((exported.out / f"archive{FORMS[form]}.json").read_text("utf-8"))
    entries = exported.bib("archive+abstracts", form).entries
    assert [field(entries[item["id"]], "abstract") for item in csl if "abstract" in item] == [
        " ".join(item["abstract"].split()) for item in csl if "abstract" in item]
    assert len(abstract.findall(with_abstracts)) == len([i for i in csl if "abstract" in i]) > 0


@pytest.mark.parametrize("form", FORMS)
def test_ris_and_csl_hold_the_same_items(exported: Exported, form: str) -> None:
    keys = every_listed_key(exported.archive)
    with (exported.out / f"archive{FORMS[form]}.ris").open(encoding="utf-8") as ris:
        assert [record["id"] for record in rispy.load(ris)] == keys
    items = json.loads((exported.out / f"archive{FORMS[form]}.json").read_text("utf-8"))
    jsonschema.Draft7Validator(SCHEMA).validate(items)
    assert [item["id"] for item in items] == keys


def test_the_archive_files_are_the_same_each_time(exported: Exported) -> None:
    again = exported.project / "again"
    assert main(["export", "--out", "again"], exported.project) == 0
    names = sorted(path.relative_to(exported.out) for path in exported.out.rglob("*")
                   if path.is_file())
    assert names == sorted(path.relative_to(again) for path in again.rglob("*")
                           if path.is_file())
    assert all((exported.out / name).read_bytes() == (again / name).read_bytes()
               for name in names)


# -- each person's BibTeX -----------------------------------------------------------------

def test_each_person_with_items_has_one_bibtex_of_them_in_year_order(exported: Exported) -> None:
    archive = exported.archive
    keys = {(volume.id, paper.id): key for volume in archive.volumes
            for paper, key in listed(volume)}
    in_both = 0
    for person in archive.people:
        theirs = [keys[found.volume.id, found.paper.id] for found in archive.items_of(person.id)
                  if (found.volume.id, found.paper.id) in keys]
        files = [exported.out / "people" / person.id / f"{person.id}{suffix}.bib"
                 for suffix in FORMS.values()]
        if not theirs:
            assert not any(path.exists() for path in files), person.id
            continue
        for path in files:
            entries = parse_file(str(path), bib_format="bibtex").entries
            assert list(entries) == theirs, person.id
            years = [int(entry.fields["year"]) for entry in entries.values()]
            assert years == sorted(years), person.id
        in_both += len(set(years)) == len(archive.volumes)
    assert in_both > 0
    assert len(list((exported.out / "people").iterdir())) == len(
        {person for person in archive.people if any(
            (found.volume.id, found.paper.id) in keys for found in archive.items_of(person.id))})


def test_a_person_of_both_small_volumes_has_both_years(small: Exported) -> None:
    entries = parse_file(str(small.out / "people" / SHARED / f"{SHARED}.bib")).entries
    assert [entry.fields["year"] for entry in entries.values()] == ["2015", "2016"]
    assert [field(entry, "booktitle") for entry in entries.values()] == [
        small.archive.volume(volume_id).conference.title.ar for volume_id in (FIRST, LATER)]


# -- each volume's own files --------------------------------------------------------------

def test_each_volume_folder_is_what_a_one_volume_export_writes(
        exported: Exported, tmp_path: Path) -> None:
    for volume in exported.archive.volumes:
        proc = volume.proceedings
        own = export_files(proc, citation_keys(proc))
        indexes = tmp_path / volume.id
        write_search_indexes(proc, indexes)
        folder = exported.out / volume.id
        written = {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}
        index_files = {str(path.relative_to(indexes)) for path in indexes.rglob("*")
                       if path.is_file()}
        assert written == set(own) | index_files
        assert all((folder / path).read_bytes() == text.encode("utf-8") for path, text in own.items())
        assert all((folder / path).read_bytes() == (indexes / path).read_bytes()
                   for path in index_files)


# -- keys across the volumes --------------------------------------------------------------

def test_a_derived_key_another_volume_stores_is_refused(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """`check` refuses it, at the item whose key is derived, so `export` writes nothing."""
    project = make_archive(tmp_path / "project")
    later = project / "papers" / LATER / "absher-2016" / "paper.yaml"
    rewrite(later, (r"^key: .*\n", ""))
    archive = validate_archive(project).archive
    assert archive is not None
    derived = citation_keys(archive.volume(LATER).proceedings)["absher-2016"]
    rewrite(project / "papers" / FIRST / "safeer" / "paper.yaml", (r"^key: .*$", f"key: {derived}"))
    result = validate_archive(project)
    [problem] = [p for p in result.problems if p.is_error]
    assert (problem.file, problem.field, problem.line) == (
        f"papers/{LATER}/absher-2016/paper.yaml", "key", 1 + next(
            n for n, line in enumerate(later.read_text("utf-8").splitlines()) if
            line.startswith("id:")))
    assert f"is already the key of safeer in the volume {FIRST}" in problem.message
    assert f"key: {derived}a" in problem.fix
    capsys.readouterr()
    assert main(["export", "--out", "out"], project) == 1
    err = capsys.readouterr().err
    assert f"papers/{LATER}/absher-2016/paper.yaml:{problem.line}: error: key: “{derived}”" in err
    assert err.endswith("Nothing was exported.\n")
    assert not (project / "out").exists()
