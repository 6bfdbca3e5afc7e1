"""An archive of real volumes (issue 31): the ACL Anthology's WANLP 2022 and ArabicNLP 2023
written as one archive of volumes by tests/anthology_volume.py (`write_archive`).

These tests read the written files with yaml.safe_load and the XML with ElementTree, and
need no archive loader: the layout, every paper of both XMLs once, one people.yaml whose
people are shared across the volumes as the Anthology identifies them and whose ids are
unique, and affiliations only where the XML gives them. Then what the archive loader and
`check` make of it (issue 31's acceptance): `check` passes, each of the 40 shared people is
one person in both volumes, the five real spelling pairs are warned of, and every item is
cited with its own volume's title, year and city.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from anthology_volume import ARCHIVE, write_archive
from conftest import copy_tool, run_waqai
from waqai.data.archive import Archive
from waqai.data.archivecheck import validate_archive
from waqai.data.problems import Problem
from waqai.exports.keys import citation_keys
from waqai.exports.record import paper_record

SHARED = 40  # the people the two volumes have in common, editors included
Spelling = tuple[str, str]  # (<first>, <last>)


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _spelling(element: ET.Element) -> Spelling:
    return _text(element.find("first")), _text(element.find("last"))


def _papers(xml: Path) -> list[ET.Element]:
    return ET.parse(xml).getroot().findall("volume/paper")


def _anthology_ids(xml: Path) -> list[str]:
    root = ET.parse(xml).getroot()
    volume = root.find("volume")
    assert volume is not None
    return [f"{root.get('id')}-{volume.get('id')}.{paper.get('id')}"
            for paper in volume.findall("paper")]


def _everyone(xml: Path) -> set[Spelling]:
    """Every spelling of an <editor> or <author> of the volume."""
    root = ET.parse(xml).getroot()
    return {_spelling(element) for tag in ("editor", "author") for element in root.iter(tag)}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    papers = copy_tool(tmp_path_factory.mktemp("archive") / "project") / "papers"
    assert write_archive(ARCHIVE, papers) == {
        volume_id: len(_papers(xml)) for volume_id, xml in ARCHIVE}
    return papers


def _paper_files(archive: Path, volume_id: str) -> dict[str, Any]:
    """The volume's paper.yaml files, read, by their `source`'s Anthology id."""
    files = [_load(path) for path in sorted((archive / volume_id).glob("*/paper.yaml"))]
    by_source = {file["source"].removeprefix("aclanthology:"): file for file in files}
    assert len(by_source) == len(files)
    return by_source


def _ids_by_spelling(archive: Path) -> dict[Spelling, str]:
    """people.yaml's every Latin spelling → the id of its entry (one entry each)."""
    found: dict[Spelling, str] = {}
    for person_id, entry in _load(archive / "people.yaml").items():
        for latin in entry["latin"]:
            spelling = (latin["given"], latin["family"]) if "family" in latin else (
                "", latin["given"])
            assert found.setdefault(spelling, person_id) == person_id, spelling
    return found


def _volume_people(archive: Path, volume_id: str) -> set[str]:
    """The ids of a volume's editors and authors, as its files name them."""
    people = set(_load(archive / volume_id / "conference.yaml")["editors"])
    for paper in _paper_files(archive, volume_id).values():
        people.update(paper["people"])
    return people


def test_the_layout(archive: Path) -> None:
    top = _load(archive / "archive.yaml")
    assert top["title"]["en"] and top["title"]["ar"] == ""  # derived; Arabic a gap
    assert top["site_url"].endswith("/")
    assert top["publisher"]["en"] == "Association for Computational Linguistics"
    assert sorted(path.name for path in archive.iterdir()) == sorted(
        ["archive.yaml", "people.yaml", *(volume_id for volume_id, _ in ARCHIVE)])
    for volume_id, _ in ARCHIVE:
        conference = _load(archive / volume_id / "conference.yaml")
        assert "site_url" not in conference and conference["title"]["en"]
        assert set(_load(archive / volume_id / "sessions.yaml")) == {"papers"}
        assert not (archive / volume_id / "people.yaml").exists()


def test_abu_dhabi(archive: Path) -> None:
    conference = _load(archive / "wanlp-2022" / "conference.yaml")
    assert (conference["city"]["en"], conference["country"]["en"], conference["timezone"]) == (
        "Abu Dhabi", "United Arab Emirates", "Asia/Dubai")


@pytest.mark.parametrize(("volume_id", "xml"), ARCHIVE, ids=[v for v, _ in ARCHIVE])
def test_every_paper_of_the_xml_is_there_once(archive: Path, volume_id: str,
                                              xml: Path) -> None:
    written = Counter(_load(path)["source"].removeprefix("aclanthology:")
                      for path in (archive / volume_id).glob("*/paper.yaml"))
    assert written == Counter(_anthology_ids(xml))
    assert set(written.values()) == {1}
    assert all((archive / volume_id / path.parent.name / "abstract.en.md").is_file()
               for path in (archive / volume_id).glob("*/paper.yaml"))


def test_person_ids_are_unique_and_every_one_is_used(archive: Path) -> None:
    node = yaml.compose((archive / "people.yaml").read_text("utf-8"))
    assert isinstance(node, yaml.MappingNode)
    keys = [key.value for key, _ in node.value]  # safe_load would hide a repeated key
    assert len(keys) == len(set(keys))
    used = set().union(*(_volume_people(archive, volume_id) for volume_id, _ in ARCHIVE))
    assert used == set(keys)
    assert len(keys) == len(set().union(*(_everyone(xml) for _, xml in ARCHIVE)))


@pytest.mark.parametrize(("volume_id", "xml"), ARCHIVE, ids=[v for v, _ in ARCHIVE])
def test_each_paper_names_its_authors_as_people_yaml_spells_them(
        archive: Path, volume_id: str, xml: Path) -> None:
    ids = _ids_by_spelling(archive)
    papers = _paper_files(archive, volume_id)
    for anthology_id, paper in zip(_anthology_ids(xml), _papers(xml), strict=True):
        assert papers[anthology_id]["people"] == [
            ids[_spelling(author)] for author in paper.findall("author")]
    editors = ET.parse(xml).getroot().findall("volume/meta/editor")
    assert _load(archive / volume_id / "conference.yaml")["editors"] == [
        ids[_spelling(editor)] for editor in editors]


def test_the_people_of_both_volumes_are_one_person_each(archive: Path) -> None:
    (_, older), (_, newer) = ARCHIVE
    in_both = _everyone(older) & _everyone(newer)
    ids = _ids_by_spelling(archive)
    shared = _volume_people(archive, "wanlp-2022") & _volume_people(archive, "arabicnlp-2023")
    assert shared == {ids[spelling] for spelling in in_both}
    assert len(shared) == SHARED


@pytest.mark.parametrize("pair", [
    (("Niama", "El Khbir"), ("Niama", "El Elkhbir")),
    (("Rawan", "Al-Matham"), ("Rawan", "Almatham")),
    (("Samhaa R.", "El-Beltagy"), ("Samhaa", "El-Beltagy")),
])
def test_another_spelling_is_another_person(archive: Path,
                                            pair: tuple[Spelling, Spelling]) -> None:
    ids = _ids_by_spelling(archive)
    first, second = pair
    assert ids[first] != ids[second]


@pytest.mark.parametrize(("volume_id", "xml"), ARCHIVE, ids=[v for v, _ in ARCHIVE])
def test_affiliations_only_where_the_xml_gives_them(archive: Path, volume_id: str,
                                                   xml: Path) -> None:
    ids = _ids_by_spelling(archive)
    papers = _paper_files(archive, volume_id)
    for anthology_id, paper in zip(_anthology_ids(xml), _papers(xml), strict=True):
        given = {ids[_spelling(author)]: {"ar": "", "en": _text(author.find("affiliation"))}
                 for author in paper.findall("author") if author.find("affiliation") is not None}
        assert papers[anthology_id].get("affiliations", {}) == given, anthology_id
        if not given:
            assert "affiliations" not in papers[anthology_id]


def test_the_affiliations_as_counted(archive: Path) -> None:
    """WANLP 2022 gives every author's affiliation, three people two different ones;
    ArabicNLP 2023 gives none."""
    given: dict[str, set[str]] = {}
    for paper in _paper_files(archive, "wanlp-2022").values():
        for person_id, affiliation in paper["affiliations"].items():
            given.setdefault(person_id, set()).add(affiliation["en"])
    assert set(given) == _volume_people(archive, "wanlp-2022")
    assert sorted(person for person, said in given.items() if len(said) > 1) == [
        "abdulrahman-aloraini", "hatem-haddad", "massimo-poesio"]
    assert not any("affiliations" in paper
                   for paper in _paper_files(archive, "arabicnlp-2023").values())


def test_the_anthology_id_makes_one_person_of_two_spellings(tmp_path: Path) -> None:
    """Where the XML gives an <author id>, two spellings under one id are one person (both
    spellings kept), and one spelling under two ids two people."""
    def volume(name: str, year: int, authors: str) -> Path:
        path = tmp_path / f"{year}.{name}.xml"
        path.write_text(
            f'<collection id="{year}.{name}"><volume id="1"><meta>'
            f"<booktitle>Proceedings of {name.upper()} {year}</booktitle>"
            "<publisher>P</publisher><address>Singapore</address><month>May</month>"
            f"<year>{year}</year><venue>{name}</venue></meta>"
            f'<paper id="1"><title>T</title>{authors}</paper></volume></collection>',
            "utf-8")
        return path
    one = volume("one", 2020, '<author id="ann-lee"><first>Ann</first><last>Lee</last></author>'
                              '<author id="bo-wu-1"><first>Bo</first><last>Wu</last></author>')
    two = volume("two", 2021, '<author id="ann-lee"><first>A.</first><last>Lee</last></author>'
                              '<author id="bo-wu-2"><first>Bo</first><last>Wu</last></author>')
    write_archive([("one-2020", one), ("two-2021", two)], tmp_path / "papers")
    people = _load(tmp_path / "papers" / "people.yaml")
    assert {person_id: entry["latin"] for person_id, entry in people.items()} == {
        "ann-lee": [{"given": "Ann", "family": "Lee"}, {"given": "A.", "family": "Lee"}],
        "bo-wu": [{"given": "Bo", "family": "Wu"}],
        "bo-wu-2": [{"given": "Bo", "family": "Wu"}],
    }


# -- what check makes of it --------------------------------------------------------------

# The pairs of spellings in the two files that are most likely one person each, as the
# XML spells them: WANLP 2022's first, ArabicNLP 2023's second.
SPELLING_PAIRS = [
    (("Niama", "El Khbir"), ("Niama", "El Elkhbir")),
    (("Rawan", "Al-Matham"), ("Rawan", "Almatham")),
    (("Vijay", "Shanker"), ("K", "Vijay-Shanker")),
    (("Samhaa R.", "El-Beltagy"), ("Samhaa", "El-Beltagy")),
    (("Abdulrahman Khalifa", "AAlAbdulsalam"), ("Abdurahman", "AAlAbdulsalam")),
]


@pytest.fixture(scope="module")
def checked(archive: Path) -> tuple[Archive, list[Problem]]:
    result = validate_archive(archive.parent)
    assert result.archive is not None, "\n".join(p.format() for p in result.problems)
    return result.archive, result.problems


def test_check_passes_on_the_archive(archive: Path) -> None:
    result = run_waqai(archive.parent, "check")
    assert result.code == 0, result.output
    assert "OK: 2 volumes, 157 items" in result.output
    assert ": error:" not in result.output


def test_each_shared_person_is_one_person_in_both_volumes(
        archive: Path, checked: tuple[Archive, list[Problem]]) -> None:
    model, _ = checked
    shared = _volume_people(archive, "wanlp-2022") & _volume_people(archive, "arabicnlp-2023")
    assert len(shared) == SHARED
    for person_id in shared:
        assert [volume.id for volume in model.volumes_of(person_id)] == [
            "wanlp-2022", "arabicnlp-2023"], person_id
        # The same person, not a copy per volume.
        assert all(volume.proceedings.person(person_id) is model.person(person_id)
                   for volume in model.volumes)


@pytest.mark.parametrize("pair", SPELLING_PAIRS, ids=[f"{a[1]}/{b[1]}" for a, b in SPELLING_PAIRS])
def test_each_real_spelling_pair_is_warned_of(archive: Path,
                                              checked: tuple[Archive, list[Problem]],
                                              pair: tuple[Spelling, Spelling]) -> None:
    _, problems = checked
    ids = _ids_by_spelling(archive)
    first, second = ids[pair[0]], ids[pair[1]]
    warned = [p for p in problems if "may be the same person" in p.message
              and {p.field, *(i for i in (first, second) if f"({i}" in p.message)}
              >= {first, second}]
    assert len(warned) == 1, [p.format() for p in problems if "same person" in p.message]
    assert warned[0].file == "papers/people.yaml" and warned[0].line
    assert "distinct_from" in warned[0].fix


@pytest.mark.parametrize(("volume_id", "xml"), ARCHIVE, ids=[v for v, _ in ARCHIVE])
def test_every_item_is_cited_with_its_own_volumes_title_year_and_city(
        checked: tuple[Archive, list[Problem]], volume_id: str, xml: Path) -> None:
    model, _ = checked
    meta = ET.parse(xml).getroot().find("volume/meta")
    assert meta is not None
    booktitle, year = _text(meta.find("booktitle")), int(_text(meta.find("year")))
    city = _text(meta.find("address")).split(",")[0].removesuffix(" (Hybrid)")
    proc = model.volume(volume_id).proceedings
    keys = citation_keys(proc)
    for paper in proc.papers:
        cited = paper_record(proc, paper, keys[paper.id]).form("original")
        # The volume's title, as the converter takes it from "Proceedings of …".
        assert cited.container == proc.conference.title.en and booktitle.endswith(
            cited.container), (cited.container, booktitle)
        assert (cited.date.year, cited.place) == (year, city)
        assert cited.url.startswith(f"{model.info.site_url}{volume_id}/"), cited.url
