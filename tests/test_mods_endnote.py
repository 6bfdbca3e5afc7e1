"""Issue 33: MODS 3.8 and EndNote files, per item and per volume, in both forms.

Every MODS file is valid against the Library of Congress's MODS 3.8 schema (vendored,
tests/schemas/README.md), offline. Then clients nobody here wrote read them: bibutils
(Debian `bibutils`) turns our MODS into BibTeX (`xml2bib`) and EndNote (`xml2end`), and
our EndNote into MODS (`end2xml`); what they make must keep the item's day, volume,
editors, keywords, abstract and DOI. Expected values come from the data files (PyYAML)
and from our own BibTeX export read by pybtex (the formats must agree), never from the
MODS or EndNote writers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pybtex.database
import pytest
import yaml
from lxml import etree

from conftest import missing

SCHEMAS = Path(__file__).parent / "schemas"
LOCAL_COPIES = {  # the MODS schema's imports, offline
    "http://www.loc.gov/mods/xml.xsd": SCHEMAS / "crossref/standard-modules/xml.xsd",
    "http://www.loc.gov/standards/xlink/xlink.xsd": SCHEMAS / "crossref/standard-modules/xlink.xsd",
}
MODS = {"m": "http://www.loc.gov/mods/v3"}
FORMS = {"original": "", "romanised": ".en"}
SITES = ["built_site", "built_synthetic_site"]

if shutil.which("xml2bib") is None:
    missing("bibutils is not installed (apt-get install bibutils)", whole_module=True)


class Offline(etree.Resolver):
    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        if url in LOCAL_COPIES:
            return self.resolve_filename(str(LOCAL_COPIES[url]), context)
        if re.match(r"(?i)(https?|ftp):", url):
            raise OSError(f"network access refused: {url}")
        return None


XS = "{http://www.w3.org/2001/XMLSchema}"


@cache
def schema() -> etree.XMLSchema:
    """The MODS 3.8 schema, less one line libxml2 refuses: `accessConditionDefinition`
    extends `extensionDefinition`, which has the `IDAttributeGroup` already, and adds it
    again ("Duplicate attribute use 'IDREF'"); the group stays, once (README there)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(Offline())
    tree = etree.parse(str(SCHEMAS / "mods/mods-3-8.xsd"), parser)
    (extension,) = tree.xpath("//xs:complexType[@name='accessConditionDefinition']"
                              "//xs:extension", namespaces={"xs": XS[1:-1]})
    (again,) = [group for group in extension.findall(f"{XS}attributeGroup")
                if group.get("ref") == "IDAttributeGroup"]
    extension.remove(again)
    return etree.XMLSchema(tree)


def valid(path: Path) -> etree._Element:
    root = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    assert schema().validate(root), (path, schema().error_log)
    return root.getroot()


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def bibutils(tool: str, path: Path) -> str:
    done = subprocess.run([tool, "-i", "utf8", "-o", "utf8", str(path)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.lstrip("\ufeff")


def bibtex_entries(text: str) -> dict:
    return pybtex.database.parse_string(text, "bibtex").entries


def bibutils_bibtex(text: str) -> dict:
    """bibutils' BibTeX, less the second `url` it writes for a DOI (its resolver address:
    `doi` says the same), which pybtex refuses as a field written twice."""
    return bibtex_entries(re.sub(r'(?m)^url="https://doi\.org/[^"]*",?\n', "", text))


def unquoted(text: str | None) -> str | None:
    """bibutils writes a double quote in BibTeX as TeX's ``…'': compared as one mark."""
    return None if text is None else text.replace("``", '"').replace("''", '"')


def listed(site: Path) -> dict[str, dict]:
    """Paper id -> paper.yaml of each item the volume files list."""
    papers = {p.parent.name: load(p) for p in (site.parent / "papers").glob("*/paper.yaml")}
    return {pid: paper for pid, paper in papers.items()
            if paper.get("status", "published") not in ("retracted", "withdrawn")}


def item_days(site: Path) -> dict[str, dt.date]:
    """An item's page address -> the day of its session (the date every export gives)."""
    days = {sid: dt.date.fromisoformat(str(s["day"]))
            for sid, s in load(site.parent / "papers/sessions.yaml").items()}
    return {pid: days[paper["session"]] for pid, paper in listed(site).items()}


def day_of(site: Path, url: str) -> dt.date:
    return item_days(site)[url.rstrip("/").rsplit("/", 1)[-1]]


def our_abstracts(site: Path, suffix: str) -> dict[str, str | None]:
    """Key -> abstract, from each listed item's own CSL-JSON (BibTeX files hold none)."""
    found = {}
    for pid in listed(site):
        (path,) = [p for p in (site / "papers" / pid).glob(f"*{suffix}.json")
                   if suffix or not p.name.endswith(".en.json")]
        (item,) = json.loads(path.read_text(encoding="utf-8"))
        found[item["id"]] = item.get("abstract")
    return found


def our_bibtex(site: Path, suffix: str) -> dict:
    """Key -> entry of each listed item's own BibTeX file of the form (`suffix`)."""
    entries = {}
    for pid in listed(site):
        (path,) = [p for p in (site / "papers" / pid).glob(f"*{suffix}.bib")
                   if suffix or not p.name.endswith(".en.bib")]
        entries.update(bibtex_entries(path.read_text(encoding="utf-8")))
    return entries


@pytest.mark.parametrize("suffix", FORMS.values())
@pytest.mark.parametrize("which", SITES)
def test_every_mods_file_is_valid_mods_3_8(request: pytest.FixtureRequest, which: str,
                                           suffix: str) -> None:
    site = request.getfixturevalue(which)
    volume = valid(site / f"proceedings{suffix}.mods.xml")
    records = volume.findall("m:mods", MODS)
    assert len(records) == len(listed(site))
    items = [p for p in (site / "papers").glob(f"*/*{suffix}.mods.xml")
             if suffix or not p.name.endswith(".en.mods.xml")]
    assert len(items) == len(list((site.parent / "papers").glob("*/paper.yaml")))
    for path in items:
        (record,) = valid(path).findall("m:mods", MODS)
        assert record.get("version") == "3.8"


@pytest.mark.parametrize("suffix", FORMS.values())
@pytest.mark.parametrize("which", SITES)
def test_bibutils_reads_our_mods_as_our_bibtex(request: pytest.FixtureRequest, which: str,
                                               suffix: str) -> None:
    site = request.getfixturevalue(which)
    theirs = bibutils_bibtex(bibutils("xml2bib", site / f"proceedings{suffix}.mods.xml"))
    ours, abstracts = our_bibtex(site, suffix), our_abstracts(site, suffix)
    assert set(theirs) == set(ours)
    editors = 0
    for key, entry in theirs.items():
        mine = ours[key]
        assert entry.type.lower() == "inproceedings"
        for field in ("title", "booktitle", "publisher", "doi"):
            assert unquoted(entry.fields.get(field)) == unquoted(mine.fields.get(field)), \
                (key, field)
        assert unquoted(entry.fields.get("abstract")) == abstracts[key]
        day = day_of(site, mine.fields["url"])
        assert (entry.fields["year"], entry.fields["day"]) == (str(day.year), str(day.day))
        assert entry.fields["month"].lower() == day.strftime("%b").lower()
        assert [str(p) for p in entry.persons.get("author", [])] == \
            [str(p) for p in mine.persons.get("author", [])]
        assert [str(p) for p in entry.persons.get("editor", [])] == \
            [str(p) for p in mine.persons.get("editor", [])]
        editors += len(entry.persons.get("editor", []))
        keywords = [k.strip() for k in re.split(r"[;,]", mine.fields.get("keywords", "")) if k.strip()]
        assert [k.strip() for k in entry.fields.get("keywords", "").split(";") if k.strip()] == keywords
    assert editors or which == "built_site"  # the synthetic volume has an editor


@pytest.mark.parametrize("which", SITES)
def test_bibutils_writes_endnote_from_our_mods_with_day_doi_and_editors(
        request: pytest.FixtureRequest, which: str) -> None:
    site = request.getfixturevalue(which)
    ours, abstracts = our_bibtex(site, ".en"), our_abstracts(site, ".en")
    records = bibutils("xml2end", site / "proceedings.en.mods.xml").strip().split("\n\n")
    assert len(records) == len(ours)
    for record in records:
        tags = [(line[1], line[3:]) for line in record.splitlines() if line.startswith("%")]
        mine = ours[dict(tags)["F"]]
        day = day_of(site, mine.fields["url"])
        assert dict(tags)["8"] == f"{day.strftime('%B')} {day.day}"
        assert dict(tags).get("R") == mine.fields.get("doi")
        assert [v for t, v in tags if t == "Y"] == [str(p) for p in mine.persons.get("editor", [])]
        assert dict(tags).get("X") == abstracts[dict(tags)["F"]]


@pytest.mark.parametrize("suffix", FORMS.values())
@pytest.mark.parametrize("which", SITES)
def test_bibutils_reads_our_endnote(request: pytest.FixtureRequest, which: str, suffix: str,
                                    tmp_path: Path) -> None:
    site = request.getfixturevalue(which)
    mods = tmp_path / "from-endnote.xml"
    mods.write_text(bibutils("end2xml", site / f"proceedings{suffix}.enw"), encoding="utf-8")
    theirs = bibutils_bibtex(bibutils("xml2bib", mods))
    ours, abstracts = our_bibtex(site, suffix), our_abstracts(site, suffix)
    assert set(theirs) == set(ours)
    for key, entry in theirs.items():
        mine = ours[key]
        assert entry.type.lower() == "inproceedings"
        for field in ("title", "booktitle", "year", "url"):
            assert unquoted(entry.fields.get(field)) == unquoted(mine.fields.get(field)), \
                (key, field)
        assert unquoted(entry.fields.get("abstract")) == abstracts[key]
        assert entry.fields["day"] == str(day_of(site, mine.fields["url"]).day)
        # bibutils splits every name at its last word, a corporate one too (EndNote keeps
        # a name with a trailing comma whole); a person comes back as written.
        people = [str(p) for p in mine.persons.get("author", [])]
        if people and "," in people[0]:
            assert [str(p) for p in entry.persons["author"]] == people
