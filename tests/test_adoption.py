"""Adoption: another conference in `papers/`, nothing else changed, gives that conference's
site and no word of the example (issue 13's acceptance, run in every suite).

The other conference is the synthetic generator's (another city, time zone, dates, times,
rooms, and PDFs); the example's words to look for are read from the fixture conference.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE_PAPERS, run_waqai

TEXT_SUFFIXES = {".html", ".xml", ".ics", ".bib", ".ris", ".json", ".txt", ".md"}


def example_words() -> list[str]:
    """Strings only the example conference has: its titles, address, place and years."""
    conference = yaml.safe_load((EXAMPLE_PAPERS / "conference.yaml").read_text("utf-8"))
    words = [conference["title"]["ar"], conference["title"]["en"], conference["short_name"],
             conference["site_url"], conference["venue"]["en"], conference["city"]["en"],
             conference["city"]["ar"], conference["official_url"]]
    for paper in sorted(EXAMPLE_PAPERS.glob("*/paper.yaml")):
        title = yaml.safe_load(paper.read_text("utf-8"))["title"]
        words += [title["ar"], title["en"]]
    return words


@pytest.fixture(scope="module")
def adopted(built_synthetic_site: Path) -> tuple[Path, dict]:
    """The project whose papers/ holds the synthetic conference (built once by conftest)."""
    project = built_synthetic_site.parent
    conference = yaml.safe_load((project / "papers" / "conference.yaml").read_text("utf-8"))
    return project, conference


def test_the_adopted_data_passes_check(adopted: tuple[Path, dict]) -> None:
    project, _ = adopted
    result = run_waqai(project, "check")
    assert result.code == 0, result.output


def published_text(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text("utf-8", errors="replace")
            for path in sorted(site.rglob("*"))
            if path.suffix in TEXT_SUFFIXES and "assets" not in path.relative_to(site).parts}


def test_the_adopted_site_has_no_word_of_the_example(adopted: tuple[Path, dict]) -> None:
    project, conference = adopted
    texts = published_text(project / "site")
    assert len(texts) > 100
    years = re.compile(r"(?<!\d)(2015|1437)(?!\d)")
    found = [(name, word) for name, text in texts.items()
             for word in example_words() if word in text]
    found += [(name, m.group()) for name, text in texts.items() for m in years.finditer(text)]
    assert found == []


def test_both_home_pages_show_the_new_title_and_hijri_year(adopted: tuple[Path, dict]) -> None:
    project, conference = adopted
    hijri_year = conference["dates"]["hijri_start"][:4]
    for lang, home, era in (("ar", "index.html", "هـ"), ("en", "en/index.html", "AH")):
        html = (project / "site" / home).read_text("utf-8")
        assert conference["title"][lang] in html
        assert f"{hijri_year} {era}" in html


def test_calendar_events_carry_the_new_time_zone(adopted: tuple[Path, dict]) -> None:
    project, conference = adopted
    ics = (project / "site" / "programme.ics").read_text("utf-8")
    zone = conference["timezone"]
    assert zone != "Asia/Riyadh"
    events = ics.split("BEGIN:VEVENT")[1:]
    starts = [line for event in events for line in event.splitlines()
              if line.startswith("DTSTART") and "VALUE=DATE" not in line]
    assert starts and all(line.startswith(f"DTSTART;TZID={zone}:") for line in starts)
    assert f"BEGIN:VTIMEZONE\nTZID:{zone}\n" in ics  # read_text turns CRLF into LF
