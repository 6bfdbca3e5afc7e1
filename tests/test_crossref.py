"""The Crossref deposit (`python3 build.py deposit`): a 5.4.0 `doi_batch` that validates
against the official XSDs kept in tests/schemas/crossref/, offline, and says what the
pages and the exports say."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

import lxml.html
import pytest
import rispy
from lxml import etree

from conftest import EXAMPLE_PAPERS, copy_project, run_waqai
from factories import make_conference, make_paper, make_person, make_proceedings
from waqai.bench.synthetic import write_synthetic
from waqai.data.checks import validate
from waqai.data.model import DatedNote, Proceedings, Status, Text
from waqai.exports import crossref
from waqai.exports.crossref import Depositor, crossref_xml, deposit_problems
from waqai.exports.keys import citation_keys
from waqai.exports.record import paper_record

SCHEMAS = Path(__file__).parent / "schemas" / "crossref"
# The two schemas the 5.4.0 set imports by URL, and their copies in the set.
LOCAL_COPIES = {
    "http://www.w3.org/2009/01/xml.xsd": SCHEMAS / "standard-modules" / "xml.xsd",
    "http://www.w3.org/Math/XMLSchema/mathml3/mathml3.xsd":
        SCHEMAS / "standard-modules" / "mathml3" / "mathml3.xsd",
}
CR = {"cr": crossref.NS, "jats": crossref.JATS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EMAIL = "deposits@registrar.example"
WHO = Depositor("Registrar of the test", EMAIL)
STAMP = 20261125120000


class Offline(etree.Resolver):
    """Resolves the schema's URL imports to the local copies and refuses any other URL."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        self.asked.append(url)
        if url in LOCAL_COPIES:
            return self.resolve_filename(str(LOCAL_COPIES[url]), context)
        if re.match(r"(?i)(https?|ftp):", url):
            raise OSError(f"network access refused: {url}")
        return None


def load_schema(path: Path) -> tuple[etree.XMLSchema, Offline]:
    resolver = Offline()
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(resolver)
    return etree.XMLSchema(etree.parse(str(path), parser)), resolver


@cache
def schema() -> etree.XMLSchema:
    return load_schema(SCHEMAS / "crossref5.4.0.xsd")[0]


def assert_valid(xml: bytes) -> etree._Element:
    root = etree.fromstring(xml, etree.XMLParser(no_network=True, resolve_entities=False))
    assert schema().validate(root), schema().error_log
    return root


def with_dois(papers: Path, prefix: str = "10.5555/test") -> None:
    """Give every paper.yaml that has none a `doi:` (as an editor writes it)."""
    for path in sorted(papers.glob("*/paper.yaml")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^doi:", text, re.M):
            path.write_text(f"{text.rstrip()}\ndoi: \"{prefix}.{path.parent.name}\"\n",
                            encoding="utf-8")


def dois_by_paper(root: etree._Element, site_url: str) -> dict[str, str]:
    """paper id -> DOI, from each conference_paper's doi_data."""
    found = {}
    for data in root.iterfind(".//cr:conference_paper/cr:doi_data", CR):
        url = data.findtext("cr:resource", namespaces=CR)
        assert url.startswith(f"{site_url}papers/")
        found[url.removeprefix(f"{site_url}papers/").strip("/")] = data.findtext("cr:doi",
                                                                                 namespaces=CR)
    return found


# -- the schema set -------------------------------------------------------------------

def test_the_schema_set_loads_offline_from_the_local_copies() -> None:
    compiled, resolver = load_schema(SCHEMAS / "crossref5.4.0.xsd")
    assert compiled is not None
    urls = [url for url in resolver.asked if re.match(r"https?:", url)]
    assert urls and set(urls) <= set(LOCAL_COPIES), urls


def test_the_resolver_refuses_the_network(tmp_path: Path) -> None:
    importer = tmp_path / "importer.xsd"
    importer.write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        '<xsd:import namespace="urn:elsewhere" schemaLocation="http://example.org/x.xsd"/>'
        "</xsd:schema>", encoding="utf-8")
    with pytest.raises((etree.XMLSchemaParseError, OSError)):
        load_schema(importer)


def test_the_schema_set_has_its_provenance() -> None:
    import hashlib

    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    files = sorted(p for p in SCHEMAS.rglob("*.xsd"))
    assert files
    for path in files:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert f"`{path.relative_to(SCHEMAS).as_posix()}`" in readme
        assert digest in readme, path


# -- the example, deposited, built and exported ----------------------------------------

@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with a DOI in every paper.yaml: deposited, then built."""
    project = copy_project(tmp_path_factory.mktemp("deposit") / "project")
    with_dois(project / "papers", "10.5555/csc2015")
    deposit = run_waqai(project, "deposit", "--depositor", WHO.name, "--email", EMAIL)
    assert deposit.code == 0, deposit.output
    build = run_waqai(project, "build")
    assert build.code == 0, build.output
    return project


@pytest.fixture(scope="module")
def example_proc(example: Path) -> Proceedings:
    proc = validate(example).proceedings
    assert proc is not None
    return proc


@pytest.fixture(scope="module")
def example_deposit(example: Path) -> etree._Element:
    return assert_valid((example / "dist" / "crossref-CSC-2015.xml").read_bytes())


def test_the_deposit_holds_every_item_with_its_doi_and_both_abstracts(
        example_deposit: etree._Element, example_proc: Proceedings) -> None:
    root = example_deposit
    assert root.get("version") == "5.4.0"
    assert root.findtext("cr:head/cr:depositor/cr:email_address", namespaces=CR) == EMAIL
    assert re.fullmatch(r"\d+", root.findtext("cr:head/cr:timestamp", namespaces=CR))
    items = root.findall(".//cr:conference_paper", CR)
    assert len(items) == len(example_proc.papers)
    site = example_proc.conference.site_url
    assert dois_by_paper(root, site) == {p.id: f"10.5555/csc2015.{p.id}"
                                         for p in example_proc.papers}
    keys = citation_keys(example_proc)
    for paper, item in zip(example_proc.papers, items, strict=True):
        record = paper_record(example_proc, paper, keys[paper.id])
        abstracts = {a.get(XML_LANG): "".join(a.itertext()).strip()
                     for a in item.findall("jats:abstract", CR)}
        assert abstracts == {"ar": record.abstract.ar, "en": record.abstract.en}
        assert item.findtext("cr:titles/cr:title", namespaces=CR) == paper.title.ar


def test_language_codes_are_iso_639(example_deposit: etree._Element) -> None:
    languages = {e.get("language") for e in example_deposit.iter() if e.get("language")}
    assert languages == {"ar"}
    assert {e.get(XML_LANG) for e in example_deposit.iter() if e.get(XML_LANG)} == {"ar", "en"}
    # The schema itself refuses a region: the check above is not the only guard.
    regional = etree.fromstring(etree.tostring(example_deposit))
    regional.find(".//cr:conference_paper", CR).set("language", "ar-SA")
    assert not schema().validate(regional)


def test_dois_agree_with_the_pages_and_every_export(
        example: Path, example_deposit: etree._Element, example_proc: Proceedings) -> None:
    deposited = dois_by_paper(example_deposit, example_proc.conference.site_url)
    site = example / "site"
    for prefix in ("", "en/"):
        pages = {}
        for paper in example_proc.papers:
            tree = lxml.html.parse(str(site / f"{prefix}papers/{paper.id}/index.html"))
            # The JSON-LD's DOI: every item has one (an item with no named people has no
            # Scholar tags); the Scholar tag, where there is one, says the same.
            ld = next(block for block in map(json.loads, tree.xpath(
                '//script[@type="application/ld+json"]/text()'))
                if block["@type"] == "ScholarlyArticle")
            doi = ld.get("identifier", {}).get("value", "")
            assert tree.xpath('//meta[@name="citation_doi"]/@content') in ([doi], [])
            pages[paper.id] = doi
        assert pages == deposited, prefix
    by_key = {key: pid for pid, key in citation_keys(example_proc).items()}
    for suffix in ("", ".en"):
        bib = (site / f"proceedings{suffix}.bib").read_text(encoding="utf-8")
        from_bib = {by_key[key]: doi for key, doi in re.findall(
            r"@inproceedings\{([^,]+),.*?\n    doi = \{([^}]*)\}", bib, re.S)}
        ris = rispy.loads((site / f"proceedings{suffix}.ris").read_text(encoding="utf-8"))
        from_ris = {by_key[entry["id"]]: entry["doi"] for entry in ris}
        csl = json.loads((site / f"proceedings{suffix}.json").read_text(encoding="utf-8"))
        from_csl = {by_key[item["id"]]: item["DOI"] for item in csl}
        assert from_bib == from_ris == from_csl == deposited, suffix


def test_the_depositors_address_is_nowhere_in_the_site(example: Path) -> None:
    for path in (example / "site").rglob("*"):
        if path.is_file():
            assert EMAIL.encode() not in path.read_bytes(), path


# -- the synthetic conference ----------------------------------------------------------

def test_the_synthetic_conference_deposits_every_item(tmp_path: Path) -> None:
    write_synthetic(tmp_path, 25)
    with_dois(tmp_path / "papers", "10.5555/synthetic")
    proc = validate(tmp_path).proceedings
    assert proc is not None
    assert not deposit_problems(proc)
    root = assert_valid(crossref_xml(proc, WHO, STAMP))
    dois = dois_by_paper(root, proc.conference.site_url)
    assert dois == {p.id: p.doi for p in proc.papers}
    full_text = {item.findtext("cr:doi_data/cr:doi", namespaces=CR)
                 for item in root.iterfind(".//cr:conference_paper", CR)
                 if item.get("publication_type") == "full_text"}
    assert full_text == {p.doi for p in proc.papers if p.pdf} != set()


# -- the command -----------------------------------------------------------------------

def test_the_command_refuses_without_a_depositor(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with_dois(project / "papers")
    env = {"WAQAI_DEPOSITOR": "", "WAQAI_DEPOSITOR_EMAIL": ""}
    for args in ((), ("--depositor", WHO.name), ("--email", EMAIL)):
        result = run_waqai(project, "deposit", *args, env=env)
        assert result.code == 1, result.output
        assert "--email ADDRESS" in result.err or "--depositor NAME" in result.err
        assert "Traceback" not in result.output
    bad = run_waqai(project, "deposit", "--depositor", WHO.name, "--email", "nobody", env=env)
    assert bad.code == 1 and "not an e-mail address" in bad.err
    inside = run_waqai(project, "deposit", "--depositor", WHO.name, "--email", EMAIL,
                       "--out", "site/dist", env=env)
    assert inside.code == 1 and "site/" in inside.err
    assert not (project / "dist").exists() and not (project / "site").exists()


def test_the_command_reads_the_environment(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with_dois(project / "papers")
    result = run_waqai(project, "deposit", "--out", "out",
                       env={"WAQAI_DEPOSITOR": WHO.name, "WAQAI_DEPOSITOR_EMAIL": EMAIL})
    assert result.code == 0, result.output
    root = assert_valid((project / "out" / "crossref-CSC-2015.xml").read_bytes())
    assert root.findtext(".//cr:depositor_name", namespaces=CR) == WHO.name


def test_the_command_prints_every_data_problem_first(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "papers" / "absher" / "paper.yaml").write_text(
        (EXAMPLE_PAPERS / "absher" / "paper.yaml").read_text(encoding="utf-8")
        .replace("session: s3-local-experiences", "session: nowhere"), encoding="utf-8")
    result = run_waqai(project, "deposit", "--depositor", WHO.name, "--email", EMAIL)
    assert result.code == 1
    assert "papers/absher/paper.yaml" in result.err and "nowhere" in result.err
    assert "No deposit was written." in result.err
    assert not (project / "dist").exists()


def test_items_without_a_doi_are_left_out_with_a_warning(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with_dois(project / "papers")
    yaml_path = project / "papers" / "absher" / "paper.yaml"
    yaml_path.write_text(re.sub(r"^doi:.*\n", "", yaml_path.read_text(encoding="utf-8"),
                                flags=re.M), encoding="utf-8")
    result = run_waqai(project, "deposit", "--depositor", WHO.name, "--email", EMAIL)
    assert result.code == 0, result.output
    assert "papers/absher/paper.yaml" in result.err and "no DOI" in result.err
    root = assert_valid((project / "dist" / "crossref-CSC-2015.xml").read_bytes())
    dois = dois_by_paper(root, "https://proceedings.example.org/csc-2015/")
    assert "absher" not in dois and len(dois) == 7


def test_a_volume_without_any_doi_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = run_waqai(project, "deposit", "--depositor", WHO.name, "--email", EMAIL)
    assert result.code == 1
    assert "nothing to deposit" in result.err
    assert not (project / "dist").exists()


# -- what the deposit says, on small cases ---------------------------------------------

def one_item(**paper: object) -> Proceedings:
    return make_proceedings(
        people=(make_person(orcid="0000-0002-1825-0097"),
                make_person("p2", given="بدر", nasab="", family="العتيبي")),
        papers=(make_paper(people=("p1", "p2"), doi="10.1234/one", **paper),))


def test_people_orcid_pages_and_editors() -> None:
    proc = one_item(pages="12–19")
    proc = make_proceedings(conference=make_conference(editors=("p2",)), people=proc.people,
                            papers=proc.papers)
    root = assert_valid(crossref_xml(proc, WHO, STAMP))
    authors = root.findall(".//cr:conference_paper/cr:contributors/cr:person_name", CR)
    assert [(a.get("sequence"), a.get("contributor_role"),
             a.findtext("cr:given_name", namespaces=CR), a.findtext("cr:surname", namespaces=CR),
             a.findtext("cr:ORCID", namespaces=CR)) for a in authors] == [
        ("first", "author", "نايف بن صالح", "العمري", "https://orcid.org/0000-0002-1825-0097"),
        ("additional", "author", "بدر", "العتيبي", None)]
    editors = root.findall("cr:body/cr:conference/cr:contributors/cr:person_name", CR)
    assert [(e.get("contributor_role"), e.findtext("cr:surname", namespaces=CR))
            for e in editors] == [("editor", "العتيبي")]
    pages = root.find(".//cr:conference_paper/cr:pages", CR)
    assert [pages.findtext("cr:first_page", namespaces=CR),
            pages.findtext("cr:last_page", namespaces=CR)] == ["12", "19"]


def test_an_item_without_people_has_no_contributors() -> None:
    proc = make_proceedings(papers=(make_paper(people=(), doi="10.1234/panel"),))
    root = assert_valid(crossref_xml(proc, WHO, STAMP))
    assert root.find(".//cr:conference_paper/cr:contributors", CR) is None


def test_the_volume_doi_is_deposited_when_there_is_one(monkeypatch: pytest.MonkeyPatch) -> None:
    proc = one_item()
    root = assert_valid(crossref_xml(proc, WHO, STAMP))
    volume = root.find(".//cr:proceedings_metadata", CR)
    assert volume.find("cr:noisbn", CR).get("reason") == "simple_series"
    if crossref.volume_doi(proc.conference) is None:
        assert volume.find("cr:doi_data", CR) is None
    monkeypatch.setattr(crossref, "volume_doi", lambda conf: "10.1234/volume")
    root = assert_valid(crossref_xml(proc, WHO, STAMP))
    data = root.find(".//cr:proceedings_metadata/cr:doi_data", CR)
    assert data.findtext("cr:doi", namespaces=CR) == "10.1234/volume"
    assert data.findtext("cr:resource", namespaces=CR) == proc.conference.site_url


def test_names_crossref_refuses_are_problems_before_the_file() -> None:
    proc = make_proceedings(people=(make_person(given="ا" * 50, nasab="بن " + "ب" * 10),
                                    make_person("p2", family="العمري 2")),
                            papers=(make_paper(people=("p1", "p2"), doi="10.1234/x"),))
    problems = [p for p in deposit_problems(proc) if p.is_error]
    assert [(p.file, p.field) for p in problems] == [("papers/people.yaml", "p1.name"),
                                                    ("papers/people.yaml", "p2.name")]
    assert not schema().validate(etree.fromstring(crossref_xml(proc, WHO, STAMP)))


def test_text_xml_cannot_carry_is_dropped() -> None:
    proc = make_proceedings(papers=(make_paper(doi="10.1234/c",
                                               abstract=Text("ملخص\x0b", "An\x01 abstract")),))
    root = assert_valid(crossref_xml(proc, WHO, STAMP))
    texts = ["".join(a.itertext()).strip() for a in root.iterfind(".//jats:abstract", CR)]
    assert texts == ["ملخص", "An abstract"]


def test_a_retracted_item_keeps_its_doi_and_its_deposit_says_why() -> None:
    notice = DatedNote(dt.date(2025, 2, 1), Text("سُحب لخطأ في البيانات.",
                                                 "Retracted for an error in the data."))
    kept = make_paper("kept", order=1, doi="10.1234/kept", abstract=Text("ملخص", "Abstract"))
    retracted = make_paper("gone", order=2, doi="10.1234/gone", status=Status.RETRACTED,
                           notice=notice, abstract=Text("ملخص", "Abstract"))
    proc = make_proceedings(papers=(kept, retracted))
    root = assert_valid(crossref_xml(proc, WHO, STAMP))
    assert set(dois_by_paper(root, proc.conference.site_url).values()) == {"10.1234/kept",
                                                                          "10.1234/gone"}
    first = {}
    for item in root.iterfind(".//cr:conference_paper", CR):
        doi = item.findtext("cr:doi_data/cr:doi", namespaces=CR)
        first[doi] = {a.get(XML_LANG): a.findtext("jats:p", namespaces=CR)
                      for a in item.findall("jats:abstract", CR)}
    assert first["10.1234/gone"] == {"ar": "مسحوب في 2025-02-01: سُحب لخطأ في البيانات.",
                                     "en": "Retracted on 2025-02-01: Retracted for an error "
                                           "in the data."}
    assert first["10.1234/kept"] == {"ar": "ملخص", "en": "Abstract"}


def test_a_doi_under_another_prefix_is_left_to_its_registrant() -> None:
    conference = make_conference(doi_prefix="10.5555")
    ours = make_paper("ours", order=1)
    theirs = make_paper("theirs", order=2, doi="10.1234/elsewhere")
    proc = make_proceedings(conference=conference, papers=(ours, theirs))
    root = assert_valid(crossref_xml(proc, WHO, STAMP))
    assert list(dois_by_paper(root, conference.site_url)) == ["ours"]
    [warning] = [p for p in deposit_problems(proc) if p.field == "doi"]
    assert warning.file == "papers/theirs/paper.yaml" and not warning.is_error
    assert "10.1234/elsewhere" in warning.message and "10.5555" in warning.message
