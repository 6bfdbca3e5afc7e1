"""`python3 build.py import acl-anthology FILE.xml…` (issue 31, "Migration from the ACL
Anthology"): WANLP 2022 and ArabicNLP 2023 imported into an archive made by `init
--archive`, then checked, exported and imported again.

Every expected value comes from the XML itself, read here with ElementTree (the
fixtures are files of the repository, not untrusted input) or through
tests/anthology_volume.py, never from the importer.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from pybtex.database import parse_string

from anthology_volume import FIXTURE, WANLP_2022, read_volume
from conftest import EXAMPLE_PAPERS, copy_project, copy_tool, run_waqai
from waqai.data.archive import Archive
from waqai.data.archivecheck import validate_archive
from waqai.data.model import LatinName
from waqai.exports.bibtex import bib_title, paper_bibtex
from waqai.exports.keys import citation_keys
from waqai.exports.record import paper_record
from waqai.importers.texmath import readable
from waqai.text.latin_names import LatinIndex, may_be_same

FILES = (WANLP_2022, FIXTURE)
VOLUMES = {"wanlp-2022": WANLP_2022, "arabicnlp-2023": FIXTURE}  # folder -> its XML
SHARED = 40  # the people of both volumes, as the XML spells them (test_anthology_archive)


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _papers(xml: Path) -> list[ET.Element]:
    return ET.parse(xml).getroot().findall("volume/paper")


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _archive_project(parent: Path) -> Path:
    project = copy_tool(parent / "project")
    assert run_waqai(project, "init", "--archive").code == 0
    return project


def _import(project: Path, *files: Path) -> Any:
    return run_waqai(project, "import", "acl-anthology", *map(str, files))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = _archive_project(tmp_path_factory.mktemp("anthology"))
    result = _import(project, *FILES)
    assert result.code == 0, result.output
    return project, result.output


@pytest.fixture(scope="module")
def model(imported: tuple[Path, str]) -> Archive:
    result = validate_archive(imported[0])
    assert result.archive is not None, "\n".join(p.format() for p in result.problems)
    return result.archive


def _sources(papers: Path, volume: str) -> dict[str, dict[str, Any]]:
    """The volume's paper.yaml files, by the Anthology id their `source` names."""
    files = [_load(path) for path in (papers / volume).glob("*/paper.yaml")]
    return {file["source"].removeprefix("aclanthology:"): file for file in files}


def test_every_volume_and_item_is_imported_once(imported: tuple[Path, str]) -> None:
    project, output = imported
    papers = project / "papers"
    assert sorted(p.name for p in papers.iterdir() if p.is_dir() and p.name != "_schema") == \
        sorted(VOLUMES)
    for folder, xml in VOLUMES.items():
        ids = [item.anthology_id for item in read_volume(xml).items]
        assert sorted(_sources(papers, folder)) == sorted(ids)
        assert len(list((papers / folder).glob("*/paper.yaml"))) == len(_papers(xml))
    assert f"{66 + 91} new items" in output


def test_check_passes_with_only_the_warnings_that_make_sense(
        imported: tuple[Path, str]) -> None:
    result = run_waqai(imported[0], "check")
    assert result.code == 0, result.output
    assert "OK: 2 volumes, 157 items" in result.output
    warnings = [line for line in result.output.splitlines() if ": warning:" in line]
    # Only spellings that may be one person's, which the editors decide (issue 31's five
    # pairs among them): the XML alone cannot tell.
    assert warnings and all("may be the same person" in line for line in warnings), warnings
    assert ": error:" not in result.output


# Issue 31's five spellings that are likely one person each, as the XML spells them.
PAIRS = [(("Niama", "El Khbir"), ("Niama", "El Elkhbir")),
         (("Rawan", "Al-Matham"), ("Rawan", "Almatham")),
         (("Vijay", "Shanker"), ("K", "Vijay-Shanker")),
         (("Samhaa R.", "El-Beltagy"), ("Samhaa", "El-Beltagy")),
         (("Abdulrahman Khalifa", "AAlAbdulsalam"), ("Abdurahman", "AAlAbdulsalam"))]


def test_the_five_spelling_pairs_are_kept_apart_and_warned_of(
        imported: tuple[Path, str]) -> None:
    project, _ = imported
    ids = {(n["given"], n["family"]): pid
           for pid, entry in _load(project / "papers" / "people.yaml").items()
           for n in entry["latin"]}
    output = run_waqai(project, "check").output
    for one, other in PAIRS:
        assert ids[one] != ids[other]
        assert any("may be the same person" in line and f"({ids[one]}" in line
                   and f"({ids[other]}" in line for line in output.splitlines()), (one, other)


def test_the_importers_index_finds_what_may_be_same_finds() -> None:
    """The import asks, author by author, which known people a name may be: through
    `LatinIndex`, which must find exactly the pairs the relation holds."""
    names = sorted({LatinName(_text(e.find("first")), _text(e.find("last")))
                    for xml in FILES for tag in ("author", "editor")
                    for e in ET.parse(xml).getroot().iter(tag)},
                   key=lambda n: (n.family, n.given))
    known, asked = names[::2], names[1::2] + [LatinName(*pair[1]) for pair in PAIRS]
    index = LatinIndex([[name] for name in known])
    for name in asked:
        assert index.near(name) == [i for i, k in enumerate(known) if may_be_same(name, k)]


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    project = _archive_project(tmp_path)
    before = _tree(project / "papers")
    result = run_waqai(project, "import", "acl-anthology", str(WANLP_2022), "--dry-run")
    assert result.code == 0, result.output
    assert "+++ b/papers/wanlp-2022/2022-wanlp-1-1/paper.yaml" in result.out
    assert "66 new items" in result.out and "would be written" in result.out
    assert _tree(project / "papers") == before


def test_the_people_of_both_volumes_are_one_entry_each(imported: tuple[Path, str]) -> None:
    papers = imported[0] / "papers"
    node = yaml.compose((papers / "people.yaml").read_text("utf-8"))
    assert isinstance(node, yaml.MappingNode)
    keys = [key.value for key, _ in node.value]
    assert len(keys) == len(set(keys))

    def spellings(xml: Path) -> set[tuple[str, str]]:
        root = ET.parse(xml).getroot()
        return {(_text(e.find("first")), _text(e.find("last")))
                for tag in ("author", "editor") for e in root.iter(tag)}

    def people(folder: str) -> set[str]:
        found = set(_load(papers / folder / "conference.yaml")["editors"])
        for paper in _sources(papers, folder).values():
            found.update(paper["people"])
        return found

    in_both = people("wanlp-2022") & people("arabicnlp-2023")
    assert len(in_both) == len(spellings(WANLP_2022) & spellings(FIXTURE)) == SHARED
    assert len(keys) == len(spellings(WANLP_2022) | spellings(FIXTURE))


def test_each_volume_says_what_its_meta_says(imported: tuple[Path, str]) -> None:
    papers = imported[0] / "papers"
    for folder, xml in VOLUMES.items():
        meta = ET.parse(xml).getroot().find("volume/meta")
        assert meta is not None
        conference = _load(papers / folder / "conference.yaml")
        assert _text(meta.find("booktitle")).endswith(conference["title"]["en"])
        assert conference["publisher"]["en"] == _text(meta.find("publisher"))
        assert conference["venue"]["en"] == _text(meta.find("address"))
        assert conference["dates"]["start"].startswith(_text(meta.find("year")))
        assert conference["language"] == "en"
        assert "site_url" not in conference  # the archive gives a volume its address
    wanlp = _load(papers / "wanlp-2022" / "conference.yaml")
    assert (wanlp["city"]["en"], wanlp["country"]["en"]) == ("Abu Dhabi", "United Arab Emirates")


@pytest.mark.parametrize("folder", list(VOLUMES))
def test_items_are_cited_with_their_own_volume(model: Archive, folder: str) -> None:
    meta = ET.parse(VOLUMES[folder]).getroot().find("volume/meta")
    assert meta is not None
    booktitle, year = _text(meta.find("booktitle")), _text(meta.find("year"))
    city = _text(meta.find("address")).split(",")[0].removesuffix(" (Hybrid)")
    proc = model.volume(folder).proceedings
    keys = citation_keys(proc)
    by_key = {_text(p.find("bibkey")): p for p in _papers(VOLUMES[folder])}
    for paper in proc.papers:
        bib = parse_string(paper_bibtex(paper_record(proc, paper, keys[paper.id]).form(
            "original")), "bibtex")
        (key, entry), = bib.entries.items()
        assert key in by_key  # the Anthology's bibkey is the citation key
        assert booktitle.endswith(entry.fields["booktitle"])
        assert (entry.fields["year"], entry.fields["address"]) == (year, city)
        assert entry.fields["doi"] == _text(by_key[key].find("doi"))
        assert entry.fields["pages"] == _text(by_key[key].find("pages")).replace("-", "--")


def _braced(title: str) -> list[str]:
    return re.findall(r"\{([^{}]*)\}", title)


@pytest.mark.parametrize("folder", list(VOLUMES))
def test_fixed_case_is_braced_in_bibtex_and_plain_on_pages(model: Archive, folder: str) -> None:
    proc = model.volume(folder).proceedings
    keys = citation_keys(proc)
    papers = {_text(p.find("bibkey")): p for p in _papers(VOLUMES[folder])}
    checked = 0
    for paper in proc.papers:
        title = papers[keys[paper.id]].find("title")
        assert title is not None
        assert paper.title.en == _text(title)  # no markup, no braces on the page
        bib = parse_string(paper_bibtex(paper_record(proc, paper, keys[paper.id]).form(
            "romanised")), "bibtex")
        braced = _braced(next(iter(bib.entries.values())).fields["title"])
        for fixed in title.iter("fixed-case"):
            assert any(_text(fixed) in group for group in braced), (_text(fixed), braced)
            checked += 1
        if title.find("fixed-case") is None:
            assert braced == []
    assert checked > 50


def test_tex_math_is_readable_never_dropped(imported: tuple[Path, str]) -> None:
    papers = imported[0] / "papers"
    seen = 0
    for folder, xml in VOLUMES.items():
        for paper in _papers(xml):
            abstract = paper.find("abstract")
            maths = list(abstract.iter("tex-math")) if abstract is not None else []
            if not maths:
                continue
            anthology_id = f"{ET.parse(xml).getroot().get('id')}-1.{paper.get('id')}"
            folder_id = re.sub(r"[^a-z0-9]+", "-", anthology_id)
            text = (papers / folder / folder_id / "abstract.en.md").read_text("utf-8")
            assert "tex-math" not in text
            for math in maths:
                assert readable(_text(math)) in text
                seen += 1
    assert seen >= 5


@pytest.mark.parametrize(("tex", "shown"), [
    ("\\kappa", "κ"), ("\\approx", "≈"), ("_1", "₁"), ("7^\\text{th}", "7th"), ("6K", "6K"),
    ("x^2 + y_{ij}", "x² + yᵢⱼ"), ("\\frac{a}{b}", "$\\frac{a}{b}$"), ("a}", "$a}$"),
])
def test_tex_math_as_unicode_where_simple_else_as_tex(tex: str, shown: str) -> None:
    assert readable(tex) == shown


@pytest.mark.parametrize(("title", "fixed", "written"), [
    ("R&D on BERT: BERT-based", ("BERT",), r"R\&D on {BERT}: BERT-based"),
    ("The COVID-19 Arabic  corpus", ("COVID-19", "Arabic"), "The {COVID-19} {Arabic} corpus"),
    ("No words kept_here", (), r"No words kept\_here"),
])
def test_bibtex_braces_each_fixed_case_word(title: str, fixed: tuple[str, ...],
                                           written: str) -> None:
    assert bib_title(title, fixed) == written


def test_a_fixed_case_word_the_title_lacks_is_warned_of(tmp_path: Path) -> None:
    project = _archive_project(tmp_path)
    assert _import(project, WANLP_2022).code == 0
    paper = project / "papers" / "wanlp-2022" / "2022-wanlp-1-2" / "paper.yaml"
    paper.write_text(paper.read_text("utf-8").replace(
        'fixed_case: ["Arabic"]', 'fixed_case: ["Arabic", "Hebrew"]'), "utf-8")
    result = run_waqai(project, "check")
    assert result.code == 0
    line = paper.read_text("utf-8").splitlines().index('fixed_case: ["Arabic", "Hebrew"]') + 1
    assert (f"2022-wanlp-1-2/paper.yaml:{line}: warning: fixed_case[1]: “Hebrew” is not a "
            "word of the English title") in result.output


def test_revisions_videos_and_the_version_of_record(imported: tuple[Path, str]) -> None:
    papers = imported[0] / "papers"
    for folder, xml in VOLUMES.items():
        items = _sources(papers, folder)
        collection = ET.parse(xml).getroot().get("id")
        for paper in _papers(xml):
            item = items[f"{collection}-1.{paper.get('id')}"]
            anthology_id = item["source"].removeprefix("aclanthology:")
            assert item["version_of_record"] == f"https://aclanthology.org/{anthology_id}/"
            assert item["language"] == "en"
            videos = [f"https://aclanthology.org/{v.get('href')}" for v in paper.iter("video")]
            assert [a["url"] for a in item.get("attachments", [])
                    if a["type"] == "video"] == videos
            later = [r for r in paper.iter("revision") if int(r.get("id", "1")) > 1]
            assert [(e["date"], _text(r) in e["en"], f"{anthology_id}v{r.get('id')}.pdf"
                     in e["en"]) for e, r in zip(item.get("errata", []), later, strict=True)] \
                == [(r.get("date"), True, True) for r in later]


def test_a_second_import_changes_nothing(tmp_path: Path) -> None:
    project = _archive_project(tmp_path)
    assert _import(project, *FILES).code == 0
    before = _tree(project / "papers")
    again = _import(project, *FILES)
    assert again.code == 0, again.output
    assert "Nothing to change" in again.output
    assert _tree(project / "papers") == before


def test_a_second_import_keeps_the_editors_lines(tmp_path: Path) -> None:
    project = _archive_project(tmp_path)
    assert _import(project, WANLP_2022).code == 0
    paper = project / "papers" / "wanlp-2022" / "2022-wanlp-1-1" / "paper.yaml"
    text = paper.read_text("utf-8")
    translated = text.replace('  ar: ""  # translation needed\n  en: "CAraNER',
                              '  ar: "كارانير"\n  en: "CAraNER', 1)
    assert translated != text
    paper.write_text(translated.replace('en: "Kacst"', 'en: "KACST"', 1), "utf-8")
    assert _import(project, WANLP_2022).code == 0
    # The translation stays; what the Anthology says of the affiliation comes back.
    assert paper.read_text("utf-8") == translated


def test_a_newer_file_renames_an_author_and_their_affiliation_follows(tmp_path: Path) -> None:
    project = _archive_project(tmp_path)
    assert _import(project, WANLP_2022).code == 0
    paper = project / "papers" / "wanlp-2022" / "2022-wanlp-1-1" / "paper.yaml"
    text = paper.read_text("utf-8")
    paper.write_text(text.replace('    ar: ""  # translation needed\n    en: "Kacst"',
                                  '    ar: "كاكست"\n    en: "Kacst"', 1), "utf-8")
    newer = tmp_path / "2022.wanlp.xml"
    newer.write_text(WANLP_2022.read_text("utf-8").replace(
        "<first>Sakhar</first><last>Alkhereyf</last>", "<first>Sakhr</first><last>Alkhereyf</last>",
        1), "utf-8")
    result = _import(project, newer)
    assert result.code == 0, result.output
    item = _load(paper)
    assert item["people"][1] == "sakhr-alkhereyf"
    assert item["affiliations"]["sakhr-alkhereyf"] == {"ar": "", "en": "Kacst"}
    assert item["affiliations"]["abdulmohsen-al-thubaity"] == {"ar": "كاكست", "en": "Kacst"}
    assert "sakhar-alkhereyf" not in item["affiliations"]


def test_import_into_a_one_volume_papers_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = _tree(project / "papers")
    result = _import(project, WANLP_2022)
    assert result.code == 1
    assert "papers/: error: holds a volume already" in result.output
    assert "init --archive" in result.output and "Nothing was imported" in result.output
    assert _tree(project / "papers") == before == _tree(EXAMPLE_PAPERS)


def test_two_volumes_into_one_volume_papers_are_refused(tmp_path: Path) -> None:
    project = copy_tool(tmp_path / "project")
    result = _import(project, *FILES)
    assert result.code == 1 and "the files hold 2 volumes" in result.output
    assert not (project / "papers").exists()


def test_one_volume_into_an_empty_papers(tmp_path: Path) -> None:
    project = copy_tool(tmp_path / "project")
    result = _import(project, WANLP_2022)
    assert result.code == 0, result.output
    conference = _load(project / "papers" / "conference.yaml")
    assert conference["site_url"].endswith("/wanlp-2022/")
    assert len(list((project / "papers").glob("*/paper.yaml"))) == len(_papers(WANLP_2022))
    assert "OK: 66 items" in run_waqai(project, "check").output


def _collection(authors: str, name: str = "one", year: int = 2020) -> str:
    return (f'<collection id="{year}.{name}"><volume id="1"><meta>'
            f"<booktitle>Proceedings of the {name.upper()} Workshop ({name.upper()})</booktitle>"
            "<publisher>ACL</publisher><address>Marseille, France</address><month>June</month>"
            f"<year>{year}</year></meta><frontmatter><bibkey>x</bibkey></frontmatter>"
            f'<paper id="1"><title>On <fixed-case>BERT</fixed-case></title>{authors}'
            f"<pages>1-9</pages><abstract>A.</abstract><bibkey>lee-{year}-bert</bibkey></paper>"
            "</volume></collection>")


def test_the_anthology_id_makes_one_person_across_spellings_and_imports(tmp_path: Path) -> None:
    project = _archive_project(tmp_path)
    one, two = tmp_path / "2020.one.xml", tmp_path / "2021.two.xml"
    one.write_text(_collection(
        '<author id="ann-lee"><first>Ann</first><last>Lee</last></author>'
        '<author id="bo-wu-1" orcid="0000-0002-1825-0097"><first>Bo</first><last>Wu</last>'
        "<affiliation>Uni A</affiliation></author>"), "utf-8")
    two.write_text(_collection(
        '<author id="ann-lee" orcid="0000-0002-1825-0098"><first>A.</first><last>Lee</last>'
        '</author><author id="bo-wu-2"><first>Bo</first><last>Wu</last></author>', "two",
        2021), "utf-8")
    assert _import(project, one).code == 0
    result = _import(project, two)
    assert result.code == 0, result.output
    assert "warning: paper 2021.two-1.1 <author>: “0000-0002-1825-0098” is not an ORCID " \
        "iD; it is left out." in result.output
    people = _load(project / "papers" / "people.yaml")
    assert {pid: entry["latin"] for pid, entry in people.items()} == {
        "ann-lee": [{"given": "Ann", "family": "Lee"}, {"given": "A.", "family": "Lee"}],
        "bo-wu-1": [{"given": "Bo", "family": "Wu"}],
        "bo-wu-2": [{"given": "Bo", "family": "Wu"}],
    }
    assert people["bo-wu-1"]["orcid"] == "0000-0002-1825-0097"
    assert "affiliation" not in people["bo-wu-1"]  # given on the item, kept there
    item = _load(project / "papers" / "one-2020" / "2020-one-1-1" / "paper.yaml")
    assert item["affiliations"] == {"bo-wu-1": {"ar": "", "en": "Uni A"}}
    assert item["fixed_case"] == ["BERT"] and item["key"] == "lee-2020-bert"
    before = _tree(project / "papers")
    assert _import(project, one, two).code == 0
    assert _tree(project / "papers") == before


def _volume(number: str, title: str, paper: str) -> str:
    return (f'<volume id="{number}"><meta><booktitle>Proceedings of the 61st Meeting (Volume '
            f"{title})</booktitle><publisher>ACL</publisher><address>Toronto, Canada</address>"
            f"<month>July</month><year>2023</year></meta>{paper}</volume>")


def test_each_volume_of_a_collection_is_a_volume_of_the_archive(tmp_path: Path) -> None:
    project = _archive_project(tmp_path)
    author = "<author><first>Ann</first><last>Lee</last></author>"
    paper = (f'<paper id="1"><title>T</title>{author}<abstract>A.</abstract>'
             "<bibkey>lee-2023-{}</bibkey></paper>")
    xml = tmp_path / "2023.acl.xml"
    xml.write_text(f'<collection id="2023.acl">'
                   f'{_volume("long", "1: Long Papers", paper.format("t"))}'
                   f'{_volume("short", "2: Short Papers", paper.format("t-short"))}'
                   "</collection>", "utf-8")
    result = _import(project, xml)
    assert result.code == 0, result.output
    for folder, volume in (("acl-2023-long", "long"), ("acl-2023-short", "short")):
        item = _load(project / "papers" / folder / f"2023-acl-{volume}-1" / "paper.yaml")
        assert item["source"] == f"aclanthology:2023.acl-{volume}.1"
        assert item["people"] == ["ann-lee"]  # one person in both volumes
    assert list(_load(project / "papers" / "people.yaml")) == ["ann-lee"]
    conference = _load(project / "papers" / "acl-2023-short" / "conference.yaml")
    assert conference["timezone"] == "America/Toronto"


OLD_STYLE = r"""<?xml version='1.0' encoding='UTF-8'?>
<collection id="P18">
  <volume id="1" ingest-date="2018-08-01" type="proceedings">
    <meta><booktitle>Proceedings of the 56th Annual Meeting of the Association for
      Computational Linguistics (Volume 1: Long Papers)</booktitle>
      <publisher>Association for Computational Linguistics</publisher>
      <address>Melbourne, Australia</address><month>July</month><year>2018</year></meta>
    <paper id="188">
      <title>A <fixed-case>F</fixed-case>rench Paper on <tex-math>\alpha</tex-math>-Rules</title>
      <author><first>Marie</first><last>Curie</last></author>
      <abstract>About <tex-math>\alpha</tex-math>.</abstract>
      <erratum id="1" hash="8eecd4c3" date="2022-09-20">P18-1188e1</erratum>
      <erratum id="2" hash="8eecd4c4">P18-1188e2</erratum>
      <language>fra</language>
      <attachment hash="12345678" type="software">P18-1188.Software.zip</attachment>
      <attachment hash="a6a7a5a4" type="poster">P18-1188.Poster.pdf</attachment>
      <retracted date="2022-05-06">Paper was intended for the non-archival track.</retracted>
      <bibkey>curie-2018-french</bibkey>
      <pages>1–10</pages>
      <pwccode url="https://github.com/curie/rules" additional="false">curie/rules</pwccode>
      <pwccode url="https://github.com/other/rules" additional="true">other/rules</pwccode>
    </paper>
  </volume>
</collection>
"""


def test_old_ids_errata_attachments_a_retraction_and_a_third_language(tmp_path: Path) -> None:
    project = _archive_project(tmp_path)
    xml = tmp_path / "P18.xml"
    xml.write_text(OLD_STYLE, "utf-8")
    result = _import(project, xml)
    assert result.code == 0, result.output
    item = _load(project / "papers" / "p18-1" / "p18-1188" / "paper.yaml")
    assert item["source"] == "aclanthology:P18-1188"
    assert item["title"]["en"] == "A French Paper on α-Rules"
    assert item["fixed_case"] == ["French"]
    assert item["version_of_record"] == "https://aclanthology.org/P18-1188/"
    assert item["errata"] == [{"date": "2022-09-20", "en": "Erratum 1 "
                               "(https://aclanthology.org/P18-1188e1.pdf)."}]
    assert item["attachments"] == [
        {"type": "code", "url": "https://github.com/curie/rules",
         "label": {"ar": "الشيفرة", "en": "Software"}},
        {"type": "code", "url": "https://aclanthology.org/attachments/P18-1188.Software.zip",
         "label": {"ar": "الشيفرة", "en": "Software"}}]
    assert item["pages"] == "1–10"  # as the Anthology writes them since 2021
    assert (item["status"], item["notice"]) == ("retracted", {
        "date": "2022-05-06", "en": "Paper was intended for the non-archival track."})
    assert item["language"] == "en"  # where the text is: the note says what the XML said
    notes = [line for line in result.output.splitlines() if line.startswith("note: ")]
    assert any("Erratum 2" in n and "has no date" in n for n in notes)
    assert any("poster" in n and "P18-1188.Poster.pdf" in n for n in notes)
    assert any("“fra”" in n for n in notes)
    assert "α" in (project / "papers/p18-1/p18-1188/abstract.en.md").read_text("utf-8")


def _refused(tmp_path: Path, name: str, data: bytes | None = None,
             size: int = 0) -> str:
    project = _archive_project(tmp_path)
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    else:
        with path.open("wb") as handle:
            handle.truncate(size)
    before = _tree(project / "papers")
    started = time.monotonic()
    result = run_waqai(project, "import", "acl-anthology", str(path), bounded=True)
    assert time.monotonic() - started < 20
    assert result.code == 1 and "Traceback" not in result.output
    assert "Nothing was imported" in result.output
    assert _tree(project / "papers") == before
    return result.output


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    laughs = ['<!ENTITY e0 "ha">', *(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">'
                                    for n in range(1, 10))]
    data = (f'<?xml version="1.0"?><!DOCTYPE collection [{"".join(laughs)}]>'
            '<collection id="2020.x"><volume id="1"><meta><booktitle>&e9;</booktitle></meta>'
            "</volume></collection>").encode()
    output = _refused(tmp_path, "laughs.xml", data)
    assert "laughs.xml: error: declares a DTD or entities" in output


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    data = b'<collection id="2020.x">' + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</collection>"
    assert "nests elements more than" in _refused(tmp_path, "deep.xml", data)


def test_a_huge_file_is_refused(tmp_path: Path) -> None:
    output = _refused(tmp_path, "huge.xml", size=100 * 1024 * 1024)
    assert "huge.xml: error: is 104,857,600 bytes" in output


def test_a_bidi_control_in_a_title_is_refused_naming_the_paper(tmp_path: Path) -> None:
    xml = WANLP_2022.read_text("utf-8").replace("Joint Coreference", "Joint \u202eCoreference", 1)
    output = _refused(tmp_path, "2022.wanlp.xml", xml.encode())
    assert "2022.wanlp.xml: error: paper 2022.wanlp-1.2 <title>: contains an invisible " \
        "Unicode bidi control" in output


def test_a_file_given_twice_is_imported_once(tmp_path: Path) -> None:
    project = _archive_project(tmp_path)
    result = _import(project, WANLP_2022, WANLP_2022)
    assert result.code == 0, result.output
    assert "warning: volume 2022.wanlp-1: is given twice" in result.output
    assert "66 new items" in result.output


def test_not_an_anthology_file_is_refused(tmp_path: Path) -> None:
    assert "is not well-formed XML" in _refused(tmp_path, "broken.xml", b"<collection")
    assert "is not an ACL Anthology collection" in _refused(
        tmp_path / "other", "other.xml", b"<html/>")
