"""The conference's time zone (`timezone` in conference.yaml): read, checked, used."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar

from conftest import run_waqai
from factories import make_conference, make_proceedings, make_session
from test_bad_inputs import edit
from waqai.exports.ics import programme_ics

ZONE_LINE = 'timezone: "Asia/Riyadh"'


def zone_line_number(project: Path) -> int:
    lines = (project / "papers/conference.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index(ZONE_LINE) + 1


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error:" in line]


def test_sessions_are_in_the_conference_zone(project: Path, tmp_path: Path) -> None:
    edit(project / "papers/conference.yaml", ZONE_LINE, 'timezone: "Asia/Muscat"')
    edit(project / "papers/sessions.yaml", "  day: \"2015-11-17\"\n  order: 1\n",
         "  day: \"2015-11-17\"\n  order: 1\n  start: \"09:00\"\n  end: \"10:00\"\n")
    out = tmp_path / "out"
    result = run_waqai(project, "export", "--out", str(out))
    assert result.code == 0, result.output
    calendar = icalendar.Calendar.from_ical((out / "programme.ics").read_text("utf-8"))
    keynote = next(e for e in calendar.walk("VEVENT")
                   if str(e["UID"]).startswith("sessions/keynote@"))
    start = keynote["DTSTART"]
    assert start.params["TZID"] == "Asia/Muscat"
    assert start.dt.replace(tzinfo=None) == dt.datetime(2015, 11, 17, 9, 0)
    assert start.dt.astimezone(dt.UTC) == dt.datetime(2015, 11, 17, 5, 0, tzinfo=dt.UTC)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Muscat"
    [standard] = zone.walk("STANDARD")
    assert standard["TZOFFSETTO"].td == dt.timedelta(hours=4)


def test_a_misspelt_zone_is_one_error_with_the_closest_name(project: Path) -> None:
    line = zone_line_number(project)
    edit(project / "papers/conference.yaml", ZONE_LINE, 'timezone: "Asia/Riyad"')
    result = run_waqai(project, "check")
    assert result.code == 1
    assert error_lines(result.output) == [
        f"papers/conference.yaml:{line}: error: timezone: “Asia/Riyad” is not a known IANA "
        "time zone."]
    assert "fix: Did you mean `Asia/Riyadh`?" in result.output


def test_the_zone_is_required(project: Path) -> None:
    edit(project / "papers/conference.yaml", ZONE_LINE + "\n", "")
    result = run_waqai(project, "check")
    assert result.code == 1
    assert error_lines(result.output) == [
        "papers/conference.yaml:2: error: timezone: is missing."]


def test_vtimezone_follows_a_change_to_winter_time_during_the_conference() -> None:
    conference = make_conference(timezone="Europe/Berlin", start=dt.date(2024, 10, 25),
                                 end=dt.date(2024, 10, 28))
    sessions = (make_session(day=dt.date(2024, 10, 25), start=dt.time(9)),
                make_session("s2", day=dt.date(2024, 10, 28), start=dt.time(9), order=1))
    calendar = icalendar.Calendar.from_ical(
        programme_ics(make_proceedings(conference=conference, sessions=sessions, papers=()), "en"))
    [zone] = calendar.walk("VTIMEZONE")
    summer, winter = zone.subcomponents
    assert (summer.name, summer["TZOFFSETTO"].td) == ("DAYLIGHT", dt.timedelta(hours=2))
    assert (winter.name, winter["TZOFFSETTO"].td) == ("STANDARD", dt.timedelta(hours=1))
    assert winter["DTSTART"].dt == dt.datetime(2024, 10, 27, 3, 0)
    starts = [e["DTSTART"].dt.astimezone(dt.UTC).hour for e in calendar.walk("VEVENT")]
    assert starts == [7, 8]


def test_the_programme_page_names_the_zone_in_both_languages(built_site: Path) -> None:
    def zone_paragraph(page: str) -> str:
        html = (built_site / page).read_text("utf-8")
        found = re.search(r'<p class="waqai-timezone">(.*?)</p>', html)
        assert found, page
        return re.sub(r"<[^>]+>", "", found.group(1))

    assert zone_paragraph("programme/index.html") == "التوقيت: Asia/Riyadh (UTC+03:00)"
    assert zone_paragraph("en/programme/index.html") == "Times are in Asia/Riyadh (UTC+03:00)"
