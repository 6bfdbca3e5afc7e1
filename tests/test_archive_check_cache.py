"""`check` on an archive reuses each unchanged volume's results (issue 31): it reads again
only what changed, finds what a fresh validation finds, and trusts no cache entry blindly."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from archive_project import FIRST, LATER, make_archive
from conftest import run_waqai
from test_archive_data import NEW_PERSON
from test_bad_inputs import edit
from waqai.cachedir import CACHE_DIR
from waqai.data import checkcache
from waqai.data.archivecheck import validate_archive
from waqai.data.checkcache import MAX_ENTRY_BYTES, CheckCache, check_archive

SHARED = "abdulrahman-aljulaifi"  # cited by both volumes
LATER_ITEM = "absher-2016"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return make_archive(tmp_path / "archive")


@pytest.fixture
def volumes_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the volumes `check_archive` read and checked, in order."""
    read: list[str] = []
    real = checkcache.check_volume

    def counted(volume_id, volume):
        read.append(volume_id)
        return real(volume_id, volume)

    monkeypatch.setattr(checkcache, "check_volume", counted)
    return read


def checked_again(archive: Path, read: list[str]) -> list[str]:
    """The volumes a `check_archive` now reads; its problems are a fresh validation's."""
    read.clear()
    assert check_archive(archive).problems == validate_archive(archive).problems
    return list(read)


def test_an_unchanged_archive_is_not_read_again(archive: Path, volumes_read: list[str]) -> None:
    assert checked_again(archive, volumes_read) == [FIRST, LATER]
    assert checked_again(archive, volumes_read) == []
    assert (archive / CACHE_DIR / "check" / "people.json").is_file()


def test_only_the_changed_volume_is_read_again(archive: Path, volumes_read: list[str]) -> None:
    checked_again(archive, volumes_read)
    abstract = archive / "papers" / LATER / LATER_ITEM / "abstract.en.md"
    abstract.write_text(abstract.read_text(encoding="utf-8") + "\nOne more sentence.\n",
                        encoding="utf-8")
    assert checked_again(archive, volumes_read) == [LATER]
    assert checked_again(archive, volumes_read) == []


def test_a_person_s_entry_changed_reads_the_volumes_citing_them(archive: Path,
                                                                volumes_read: list[str]) -> None:
    checked_again(archive, volumes_read)
    people = archive / "papers/people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + NEW_PERSON, encoding="utf-8")
    assert checked_again(archive, volumes_read) == []  # nobody cites the new entry yet
    edit(people, "new-person:\n", "new-person:\n  position: {ar: \"باحث\", en: \"Researcher\"}\n")
    assert checked_again(archive, volumes_read) == []
    edit(archive / "papers" / LATER / LATER_ITEM / "paper.yaml", f"people: [{SHARED}]",
         f"people: [{SHARED}, new-person]")
    assert checked_again(archive, volumes_read) == [LATER]
    edit(people, 'family: "Al-Harbi"', 'family: "Al-Harbiy"')  # cited by the later volume only
    assert checked_again(archive, volumes_read) == [LATER]


def test_an_unknown_id_s_suggestion_follows_people_yaml(archive: Path,
                                                         volumes_read: list[str]) -> None:
    edit(archive / "papers" / LATER / LATER_ITEM / "paper.yaml", f"people: [{SHARED}]",
         f"people: [{SHARED}, new-persn]")
    checked_again(archive, volumes_read)
    unused_person(archive)  # now the closest known id, which the fix suggests
    assert checked_again(archive, volumes_read) == [LATER]
    assert any("Did you mean `new-person`?" in p.fix for p in check_archive(archive).problems)


def test_a_new_tool_reads_every_volume_again(archive: Path, volumes_read: list[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    checked_again(archive, volumes_read)
    monkeypatch.setattr(checkcache, "tool_digest", lambda: "another version")
    assert checked_again(archive, volumes_read) == [FIRST, LATER]


def distinct_from_typo(archive: Path) -> None:
    edit(archive / "papers/people.yaml", "distinct_from: [badr-alomari]",
         "distinct_from: [badr-alomary]")


def unknown_person(archive: Path) -> None:
    edit(archive / "papers" / LATER / LATER_ITEM / "paper.yaml", SHARED, "abdulrahman-aljulayfi")


def unused_person(archive: Path) -> None:
    people = archive / "papers/people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + NEW_PERSON, encoding="utf-8")


def twins_in_both_volumes(archive: Path) -> None:
    people = archive / "papers/people.yaml"
    twin = NEW_PERSON + NEW_PERSON.replace("new-person:", "new-person-twin:")
    people.write_text(people.read_text(encoding="utf-8") + twin, encoding="utf-8")
    for volume, item in ((FIRST, "absher"), (LATER, LATER_ITEM)):
        edit(archive / "papers" / volume / item / "paper.yaml", f"people: [{SHARED}]",
             f"people: [{SHARED}, new-person, new-person-twin]")


def key_in_two_volumes(archive: Path) -> None:
    edit(archive / "papers" / LATER / LATER_ITEM / "paper.yaml", "key: julaifi2016ministry",
         "key: Julaifi2015ministry")


def derived_key_in_two_volumes(archive: Path) -> None:
    """Neither item stores its key; both derive one from the same data."""
    for volume, item in ((FIRST, "absher"), (LATER, LATER_ITEM)):
        paper = archive / "papers" / volume / item / "paper.yaml"
        text = paper.read_text(encoding="utf-8")
        paper.write_text("\n".join(line for line in text.splitlines()
                                   if not line.startswith("key:")) + "\n", encoding="utf-8")
    edit(archive / "papers" / LATER / "conference.yaml", 'start: "2016-11-15"',
         'start: "2015-11-15"')


def gap_required_by_the_later_volume(archive: Path) -> None:
    edit(archive / "papers/people.yaml", f"{SHARED}:\n", f"{SHARED}:\n  position: "
         '{ar: "باحث", en: ""}\n')
    edit(archive / "papers" / LATER / "conference.yaml", "translations: welcome",
         "translations: required")


def doi_in_two_volumes(archive: Path) -> None:
    paper = archive / "papers" / FIRST / "absher" / "paper.yaml"
    doi = 'doi: "10.5555/same-doi"\n'
    paper.write_text(paper.read_text(encoding="utf-8") + doi, encoding="utf-8")
    later = archive / "papers" / LATER / LATER_ITEM / "paper.yaml"
    later.write_text(later.read_text(encoding="utf-8") + doi, encoding="utf-8")


def broken_session(archive: Path) -> None:
    edit(archive / "papers" / LATER / LATER_ITEM / "paper.yaml", "session: ", "session: none-")


EDITS: list[Callable[[Path], None]] = [
    distinct_from_typo, unknown_person, unused_person, twins_in_both_volumes,
    key_in_two_volumes, derived_key_in_two_volumes, gap_required_by_the_later_volume,
    doi_in_two_volumes, broken_session]


@pytest.mark.parametrize("change", EDITS, ids=[change.__name__ for change in EDITS])
def test_reused_results_find_what_a_fresh_check_finds(archive: Path, volumes_read: list[str],
                                                      change: Callable[[Path], None]) -> None:
    checked_again(archive, volumes_read)
    change(archive)
    checked_again(archive, volumes_read)  # the changed parts read again …
    assert checked_again(archive, volumes_read) == []  # … then every result reused
    assert check_archive(archive).problems, "the change is meant to give a problem"


def entries(archive: Path) -> list[Path]:
    return sorted((archive / CACHE_DIR / "check").rglob("*.json"))


@pytest.mark.parametrize("spoilt", [
    b"", b"not json", b"[]", b'{"format": 1}', b"[" * 100_000,
    json.dumps({"format": 1, "key": "0" * 64, "check": {}}).encode(),
], ids=["empty", "text", "a list", "no key", "deep", "another key"])
def test_a_spoilt_entry_is_ignored_and_made_again(archive: Path, volumes_read: list[str],
                                                  spoilt: bytes) -> None:
    checked_again(archive, volumes_read)
    for entry in entries(archive):
        entry.write_bytes(spoilt)
    assert checked_again(archive, volumes_read) == [FIRST, LATER]
    assert checked_again(archive, volumes_read) == []


def test_an_entry_holding_the_wrong_types_is_ignored(archive: Path,
                                                     volumes_read: list[str]) -> None:
    checked_again(archive, volumes_read)
    path = CheckCache(archive / CACHE_DIR / "check" / "volumes").path(LATER)
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["check"]["items"] = "many"
    path.write_text(json.dumps(entry), encoding="utf-8")
    assert checked_again(archive, volumes_read) == [LATER]


def test_an_entry_too_large_is_not_read(archive: Path, volumes_read: list[str]) -> None:
    checked_again(archive, volumes_read)
    path = CheckCache(archive / CACHE_DIR / "check" / "volumes").path(FIRST)
    with path.open("ab") as file:
        file.truncate(MAX_ENTRY_BYTES + 1)
    assert checked_again(archive, volumes_read) == [FIRST]


def test_a_removed_volume_s_entry_goes(archive: Path, volumes_read: list[str]) -> None:
    checked_again(archive, volumes_read)
    assert len(entries(archive)) == 3  # two volumes and people.yaml
    (archive / "papers" / LATER).rename(archive / "papers" / f"_{LATER}")  # no volume now
    checked_again(archive, volumes_read)
    assert len(entries(archive)) == 2


def test_check_says_the_same_with_and_without_the_cache(archive: Path) -> None:
    unused_person(archive)
    first, again = run_waqai(archive, "check"), run_waqai(archive, "check")
    assert first.code == again.code == 0
    assert first.output == again.output
    assert "OK: 2 volumes," in again.out and "new-person" in again.output
