"""Issue 3: session pages, the programme and day pages, dates in both calendars."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import EXAMPLE_PAPERS, run_waqai
from test_bad_inputs import edit


def items_by_session() -> dict[str, list[str]]:
    """Expected items of each session, read from the data files themselves."""
    sessions = yaml.safe_load((EXAMPLE_PAPERS / "sessions.yaml").read_text(encoding="utf-8"))
    found: dict[str, list[tuple[int, str]]] = {s: [] for s in sessions}
    for folder in EXAMPLE_PAPERS.iterdir():
        if folder.is_dir() and not folder.name.startswith(("_", ".")):
            data = yaml.safe_load((folder / "paper.yaml").read_text(encoding="utf-8"))
            found[data["session"]].append((data["order"], data["id"]))
    return {s: [pid for _, pid in sorted(items)] for s, items in found.items()}


def paper_ids_in(html: str) -> list[str]:
    return re.findall(r'<li class="waqai-item" data-paper-id="([^"]+)"', html)


def test_each_session_page_lists_exactly_its_items_in_order(built_site: Path) -> None:
    expected = items_by_session()
    assert len(expected["s3-local-experiences"]) == 5
    for session, items in expected.items():
        for prefix in ("", "en/"):
            html = (built_site / f"{prefix}sessions/{session}/index.html").read_text("utf-8")
            assert paper_ids_in(html) == items, (prefix, session)


def test_session_kind_is_shown(built_site: Path) -> None:
    assert "حلقة نقاش" in (built_site / "sessions/panel-1/index.html").read_text("utf-8")
    assert "Workshop" in (built_site / "en/sessions/workshop/index.html").read_text("utf-8")
    assert "Keynote" in (built_site / "en/sessions/keynote/index.html").read_text("utf-8")


def test_sessions_without_items_say_so(built_site: Path) -> None:
    html = (built_site / "sessions/s1-service-quality/index.html").read_text("utf-8")
    assert paper_ids_in(html) == []
    assert "لا تذكر المصادر" in html


def test_programme_lists_days_and_sessions_in_order(built_site: Path) -> None:
    sessions = yaml.safe_load((EXAMPLE_PAPERS / "sessions.yaml").read_text(encoding="utf-8"))
    day_one = [s for s, v in sorted(sessions.items(), key=lambda kv: kv[1]["order"])
               if v["day"] == "2015-11-17"]
    for prefix in ("", "en/"):
        html = (built_site / f"{prefix}programme/index.html").read_text("utf-8")
        assert re.findall(r'data-date="([^"]+)"', html) == ["2015-11-17", "2015-11-18",
                                                           "2015-11-19"]
        listed = re.findall(r'class="waqai-day-session" data-session-id="([^"]+)"', html)
        assert listed == day_one


def test_day_page_shows_both_calendars(built_site: Path) -> None:
    arabic = (built_site / "programme/2015-11-17/index.html").read_text("utf-8")
    assert "صفر 1437" in arabic
    assert "الثلاثاء 5 صفر 1437 هـ الموافق 17 نوفمبر 2015 م" in arabic
    english = (built_site / "en/programme/2015-11-17/index.html").read_text("utf-8")
    assert "Tuesday 17 November 2015 (5 Safar 1437 AH)" in english


def test_paper_page_says_which_session_it_is_part_of(built_site: Path) -> None:
    html = (built_site / "en/papers/absher/index.html").read_text("utf-8")
    assert 'class="waqai-session-link" href="../../sessions/s3-local-experiences/"' in html


def test_the_seed_slip_fails_check_with_the_agreeing_date(project: Path) -> None:
    """The news text pairs 5 Safar 1437 with 18 November; Umm al-Qura says 17 November."""
    edit(project / "papers/conference.yaml", 'start: "2015-11-17"', 'start: "2015-11-18"')
    result = run_waqai(project, "check")
    assert result.code == 1
    line = next(ln for ln in result.err.splitlines() if "dates.hijri_start" in ln)
    assert line.startswith("papers/conference.yaml:")
    assert "17 November 2015" in line
    assert "Traceback" not in result.output
