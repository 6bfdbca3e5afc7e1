"""The archive's own citation files on its site (issue 31): `build` on an archive publishes
`archive.bib` (and `+abstracts`), `archive.ris`, `archive.json`, each in both forms, and
each person's BibTeX under `people/<person-id>/`, the very texts `export` writes; the
archive's home page lists them in both languages, as a volume's home lists its files."""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from pathlib import Path

import pytest
from pybtex.database import BibliographyData, parse_string

from archive_project import FIRST, LATER, SITE_URL, make_archive, validated
from conftest import run_waqai
from linkcheck import check_links
from waqai.data.archive import Archive
from waqai.exports.archive import abstracts_file, archive_export_files, archive_file
from waqai.exports.keys import citation_keys
from waqai.exports.record import FORMS

FORMATS = ("bib", "ris", "json", "mods.xml", "enw")  # BibTeX, RIS, CSL-JSON, MODS, EndNote
ARCHIVE_FILES = sorted({path for form in FORMS
                        for path in (*(archive_file(fmt, form) for fmt in FORMATS),
                                     abstracts_file(form))})
FILES_SECTION = re.compile(r'<section class="waqai-archive-files">(.*?)</section>', re.DOTALL)
EXPORT_LINK = re.compile(r'<a class="waqai-export" href="([^"]*)" download="([^"]*)">(.*?)</a>')
WITH_ABSTRACTS = {"ar": "مع الملخصات", "en": "with abstracts"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = make_archive(tmp_path_factory.mktemp("archive-exports") / "project")
    previous = os.umask(0o022)  # as a web server's files are made
    try:
        result = run_waqai(built, "build")
    finally:
        os.umask(previous)
    assert result.code == 0, result.err
    return built


@pytest.fixture(scope="module")
def archive(project: Path) -> Archive:
    return validated(project)


def read(site: Path, path: str) -> str:
    return (site / path).read_bytes().decode("utf-8")  # a calendar's lines end in CRLF


def listed_keys(archive: Archive) -> dict[str, str]:
    """Each listed item's citation key -> its volume's id, from the data alone."""
    found: dict[str, str] = {}
    for volume in archive.volumes:
        keys = citation_keys(volume.proceedings)
        for paper in volume.proceedings.papers:
            if paper.in_volume:
                assert keys[paper.id] not in found
                found[keys[paper.id]] = volume.id
    return found


def bibtex(site: Path, path: str) -> BibliographyData:
    return parse_string(read(site, path), "bibtex")


def test_the_site_has_every_file_export_writes(project: Path, archive: Archive) -> None:
    """Each volume's files (its own build's) and the archive's, with export's very texts."""
    site = project / "site"
    exports = archive_export_files(archive)
    own = list(exports.files)[exports.volume_files:]
    assert sorted(path for path in own if "/" not in path) == ARCHIVE_FILES
    people = [path for path in own if path.startswith("people/")]
    assert people and len(people) + len(ARCHIVE_FILES) == len(own)
    differ = [path for path, text in exports.files.items()
              if not (site / path).is_file() or read(site, path) != text]
    assert differ == []


def test_archive_bib_cites_every_item_once_as_its_volume(project: Path,
                                                         archive: Archive) -> None:
    site = project / "site"
    expected = listed_keys(archive)
    assert {volume for volume in expected.values()} == {FIRST, LATER}
    for form, lang in zip(FORMS, ("ar", "en")):
        for path in (archive_file("bib", form), abstracts_file(form)):
            entries = bibtex(site, path).entries
            assert sorted(entries) == sorted(expected), path
            for key, entry in entries.items():
                title = archive.volume(expected[key]).conference.title.get(lang)
                assert title in entry.fields["booktitle"], (path, key)
                assert ("abstract" in entry.fields) == (path == abstracts_file(form)), (path, key)


def test_each_person_has_their_items_across_the_archive(project: Path,
                                                        archive: Archive) -> None:
    site = project / "site"
    theirs: dict[str, set[str]] = {}
    for volume in archive.volumes:
        keys = citation_keys(volume.proceedings)
        for paper in volume.proceedings.papers:
            for person in paper.people if paper.in_volume else ():
                theirs.setdefault(person, set()).add(keys[paper.id])
    in_both = [person for person, keys in theirs.items()
               if {listed_keys(archive)[key] for key in keys} == {FIRST, LATER}]
    assert in_both  # the test archive's shared people
    for person, keys in theirs.items():
        for suffix in ("bib", "en.bib"):
            path = f"people/{person}/{person}.{suffix}"
            assert set(bibtex(site, path).entries) == keys, path
    # Beside each person's page (people/<id>/index.html): a person without a listed item
    # (a chair, an editor) has a page and no file.
    files = Counter(path.parent.name for path in (site / "people").glob("*/*.bib"))
    assert files == {person: 2 for person in theirs}  # .bib and .en.bib


@pytest.mark.parametrize(("lang", "root"), [("ar", ""), ("en", "en/")])
def test_the_archive_home_links_each_file(project: Path, lang: str, root: str) -> None:
    site = project / "site"
    section = FILES_SECTION.search(read(site, f"{root}index.html"))
    assert section is not None
    links = EXPORT_LINK.findall(section.group(1))
    assert sorted(file for _, file, _ in links) == ARCHIVE_FILES
    for href, file, text in links:
        assert (site / root / href).resolve() == (site / file).resolve(), href
        assert (WITH_ABSTRACTS[lang] in text) == ("+abstracts" in file), (file, text)
    # The forms in the page's language first, each described.
    forms = re.findall(r'<li data-form="(\w+)">([^:<]+):', section.group(1))
    assert [form for form, _ in forms] == (list(FORMS) if lang == "ar" else list(FORMS)[::-1])
    assert all(label.strip() for _, label in forms)


def test_every_link_resolves_and_reaches_the_files(project: Path) -> None:
    report = check_links(project / "site", SITE_URL)
    assert [str(broken) for broken in report.broken] == []
    assert set(ARCHIVE_FILES) <= report.targets


def test_the_files_are_readable_by_everyone(project: Path) -> None:
    site = project / "site"
    paths = [*(site / path for path in ARCHIVE_FILES), site / "people",
             *(site / "people").rglob("*")]
    closed = [str(path) for path in paths
              if not path.stat().st_mode & stat.S_IROTH
              or (path.is_dir() and not path.stat().st_mode & stat.S_IXOTH)]
    assert closed == []
