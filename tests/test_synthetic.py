"""The synthetic-proceedings generator: deterministic, valid, plainly synthetic, realistic."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from conftest import EXAMPLE, ROOT
from waqai.bench.pdf import minimal_pdf
from waqai.bench.synthetic import (
    FULL_TEXT_PAGES,
    MARK_AR,
    MARK_EN,
    Writer,
    nav_pages,
    write_synthetic,
)
from waqai.data.checks import validate
from waqai.data.model import ArabicName, HijriDate, ItemKind, Proceedings, SessionKind
from waqai.exports.files import export_files
from waqai.text.arabic import name_identity

PAPERS = 120


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def volume(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Proceedings]:
    dest = tmp_path_factory.mktemp("synthetic") / "project"
    write_synthetic(dest, PAPERS)
    result = validate(dest)
    assert result.proceedings is not None, [p.format() for p in result.problems]
    return dest, result.proceedings


def test_same_seed_same_bytes_other_seed_other_data(tmp_path: Path) -> None:
    write_synthetic(tmp_path / "a", 30, seed=7)
    write_synthetic(tmp_path / "b", 30, seed=7)
    write_synthetic(tmp_path / "c", 30, seed=8)
    a, b, c = tree(tmp_path / "a"), tree(tmp_path / "b"), tree(tmp_path / "c")
    assert a == b
    assert a["papers/people.yaml"] != c["papers/people.yaml"]
    assert a["papers/paper-00001/abstract.en.md"] != c["papers/paper-00001/abstract.en.md"]


def test_validates_without_any_problem(volume: tuple[Path, Proceedings]) -> None:
    dest, proc = volume
    result = validate(dest)
    assert [p.format() for p in result.problems] == []
    assert len(proc.papers) == PAPERS


def test_is_a_complete_project(volume: tuple[Path, Proceedings]) -> None:
    dest, _ = volume
    for lang, mark in (("ar", MARK_AR), ("en", MARK_EN)):  # the notes of the about page
        assert (dest / "papers" / f"about.{lang}.md").read_text(encoding="utf-8").startswith(mark)
    assert (dest / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    assert (dest / "overrides" / "waqai" / "paper.html").is_file()
    assert (dest / "papers" / "paper-00001" / "paper.yaml").is_file()


def test_every_title_is_marked_synthetic(volume: tuple[Path, Proceedings]) -> None:
    _, proc = volume
    titles = [p.title for p in proc.papers] + [s.title for s in proc.sessions]
    titles.append(proc.conference.title)
    for title in titles:
        assert title.ar.startswith(MARK_AR + " "), title.ar
        assert title.en.startswith(MARK_EN + " "), title.en


def test_text_lengths_are_realistic(volume: tuple[Path, Proceedings]) -> None:
    _, proc = volume
    for paper in proc.papers:
        assert 8 <= len(paper.title.ar.split()) <= 15
        assert 9 <= len(paper.title.en.split()) <= 16
        assert 30 <= len(paper.abstract.ar.split()) <= 450
        assert 30 <= len(paper.abstract.en.split()) <= 450
    mean_en = sum(len(p.abstract.en.split()) for p in proc.papers) / len(proc.papers)
    assert 120 <= mean_en <= 260


def test_sessions_of_about_ten_over_several_days(volume: tuple[Path, Proceedings]) -> None:
    _, proc = volume
    paper_sessions = [s for s in proc.sessions if s.kind is SessionKind.PAPERS]
    sizes = [len(proc.papers_in(s.id)) for s in paper_sessions]
    assert all(8 <= n <= 12 for n in sizes[:-1]), sizes
    assert 9 <= sum(sizes) / len(sizes) <= 11
    days = {s.day for s in proc.sessions}
    assert len(days) >= 3
    assert days <= set(proc.conference.days)
    assert {s.kind for s in proc.sessions} >= {SessionKind.KEYNOTE, SessionKind.PANEL}


def test_people_are_shared(volume: tuple[Path, Proceedings]) -> None:
    _, proc = volume
    items = Counter(pid for paper in proc.papers for pid in paper.people)
    assert set(items) | {c for s in proc.sessions for c in s.chairs} == {p.id for p in proc.people}
    assert sum(1 for n in items.values() if n >= 3) >= 5  # some people give several papers
    assert any(len(p.people) >= 3 for p in proc.papers)


def test_namesakes_beyond_the_name_space_are_marked_distinct() -> None:
    people = Writer(1).people(4000)  # more than the 3,600 given + family pairs
    assert len({p["id"] for p in people}) == 4000
    by_id = {p["id"]: p for p in people}
    groups: dict[str, list[str]] = {}
    for person in people:
        name = ArabicName(given=person["given"], family=person["family"], nasab=person["nasab"])
        groups.setdefault(name_identity(name), []).append(person["id"])
    shared = [g for g in groups.values() if len(g) > 1]
    assert shared  # the test would prove nothing without namesakes
    for group in shared:
        for first, second in itertools.combinations(group, 2):
            assert first in by_id[second]["distinct_from"] or second in by_id[first]["distinct_from"]
        full = {(by_id[i]["given"], by_id[i]["nasab"], by_id[i]["family"]) for i in group}
        assert len(full) == len(group)  # namesakes differ by their father's name


def test_nav_pages_reads_nested_nav_and_ignores_tags() -> None:
    text = ("site_name: !ENV [NAME, x]\nnav:\n  - index.md\n  - Guide:\n"
            "      - guide/a.md\n      - Ext: https://example.org/\n  - Rel: about.md\n"
            "markdown_extensions:\n  - pymdownx.emoji:\n"
            "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    assert nav_pages(text) == ["index.md", "guide/a.md", "about.md"]


def test_nav_entries_the_volume_lacks_get_plain_stand_ins(tmp_path: Path) -> None:
    template = tmp_path / "template"
    shutil.copytree(ROOT / "overrides", template / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("\nnav:\n", "\nnav:\n  - guide/extra.md\n", 1)
    (template / "mkdocs.yml").write_text(config, encoding="utf-8")
    dest = tmp_path / "project"
    write_synthetic(dest, 12, template_root=template)
    for lang, mark in (("ar", MARK_AR), ("en", MARK_EN)):
        assert (dest / "docs" / "guide" / f"extra.{lang}.md").read_text(
            encoding="utf-8").startswith(f"# {mark} ")
    # Pages the plugin generates are not shadowed by stand-ins.
    assert not (dest / "docs" / "programme").exists()
    assert not (dest / "docs" / "people").exists()


# -- another conference than the example ------------------------------------------------

def test_differs_from_the_example_in_place_zone_dates_times_and_rooms(
        volume: tuple[Path, Proceedings]) -> None:
    _, proc = volume
    example = validate(EXAMPLE).proceedings
    assert example is not None
    mine, theirs = proc.conference, example.conference
    assert mine.city != theirs.city and mine.country != theirs.country
    assert mine.timezone == "Asia/Muscat" != theirs.timezone
    assert ZoneInfo(mine.timezone).utcoffset(dt.datetime(2024, 10, 13)) == dt.timedelta(hours=4)
    assert (mine.start.year, mine.start.month) != (theirs.start.year, theirs.start.month)
    assert not set(mine.days) & set(theirs.days)
    # 1 Rabi' al-Akhir 1446 was 4 October 2024 (Umm al-Qura): the start is the 10th.
    assert mine.start == dt.date(2024, 10, 13)
    assert mine.hijri_start == HijriDate(1446, 4, 10)
    example_times = {(s.start, s.end, s.room) for s in example.sessions}
    for session in proc.sessions:
        assert session.start and session.end and session.room
        assert (session.start, session.end, session.room) not in example_times
        assert session.room.ar.startswith(MARK_AR) and session.room.en.startswith(MARK_EN)
    assert len({s.room for s in proc.sessions}) > 1


def test_its_calendar_is_in_its_own_zone(volume: tuple[Path, Proceedings]) -> None:
    _, proc = volume
    text = export_files(proc)["programme.ics"]
    calendar = icalendar.Calendar.from_ical(text)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Muscat"]
    events = calendar.walk("VEVENT")
    assert len(events) == len(proc.sessions)
    for event in events:
        assert event["DTSTART"].params["TZID"] == "Asia/Muscat"
        assert event["DTEND"].params["TZID"] == "Asia/Muscat"
    first = min(events, key=lambda event: event["DTSTART"].dt)
    assert first["DTSTART"].dt.astimezone(dt.UTC) == dt.datetime(2024, 10, 13, 4, 30,
                                                                   tzinfo=dt.UTC)
    assert "Riyadh" not in text


def pdf_objects_where_the_xref_says(data: bytes) -> bool:
    """`startxref` points at the cross-reference table, and each of its entries at the
    start of its object."""
    end = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    assert end is not None
    table = data[int(end.group(1)):].split(b"trailer")[0].splitlines()
    if not table or table[0] != b"xref":
        return False
    entries = [line.split() for line in table[2:]]
    return all(data[int(offset):].startswith(f"{number} 0 obj".encode())
               for number, (offset, _, kind) in enumerate(entries) if kind == b"n")


def test_the_first_papers_have_a_small_valid_pdf(volume: tuple[Path, Proceedings]) -> None:
    dest, proc = volume
    with_pdf = [paper for paper in proc.papers if paper.pdf]
    papers = sorted((p for p in proc.papers if p.kind is ItemKind.PAPER), key=lambda p: p.id)
    assert [p.id for p in sorted(with_pdf, key=lambda p: p.id)] == [p.id for p in papers[:3]]
    for paper in with_pdf:
        path = dest / "papers" / paper.id / str(paper.pdf)
        data = path.read_bytes()
        assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
        assert len(data) < 3000  # four short pages
        assert pdf_objects_where_the_xref_says(data)
        if shutil.which("pdfinfo") and shutil.which("pdftotext"):  # poppler, when installed
            info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
            assert info.returncode == 0 and info.stderr == "", info.stderr
            assert f"Pages:           {FULL_TEXT_PAGES}\n" in info.stdout
            assert f"Title:           {paper.title.en}\n" in info.stdout
            shown = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True).stdout
            assert shown.startswith(f"{MARK_EN}\nSynthetic paper {paper.id}, pages ")


def test_a_broken_xref_is_noticed() -> None:
    """The structural check above can fail."""
    data = minimal_pdf(["[synthetic]"], "[synthetic] t")
    assert pdf_objects_where_the_xref_says(data)
    shifted = data.replace(b"%PDF-1.4\n", b"%PDF-1.4\n\n", 1)  # every object one byte later
    assert not pdf_objects_where_the_xref_says(shifted)


def test_pdfs_can_be_left_out_without_changing_the_rest(tmp_path: Path) -> None:
    write_synthetic(tmp_path / "with", 30)
    write_synthetic(tmp_path / "without", 30, pdfs=0)
    with_pdfs, without = tree(tmp_path / "with"), tree(tmp_path / "without")
    added = {name for name in with_pdfs if name.endswith(".pdf")}
    assert len(added) == 3 and not any(name.endswith(".pdf") for name in without)
    assert with_pdfs.keys() - added == without.keys()
    differ = {name for name in without if with_pdfs[name] != without[name]}
    assert differ == {name.replace("paper.pdf", "paper.yaml") for name in added}
