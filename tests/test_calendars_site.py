"""The built site's calendars: one per language with the same events, each page linking its own.

Run on the example (all-day events, as its sources give no times) and on the synthetic
conference (timed sessions in Asia/Muscat); what is expected is read from the data files.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import icalendar
import pytest
import vobject
import yaml

LANG_FILES = {"ar": "programme.ics", "en": "programme.en.ics"}
When = dt.datetime | dt.date | None


def _data(site: Path, name: str) -> Any:
    return yaml.safe_load((site.parent / "papers" / name).read_text(encoding="utf-8"))


def _utc(value: When) -> When:
    return value.astimezone(dt.UTC) if isinstance(value, dt.datetime) else value


def _read_icalendar(text: str) -> list[tuple[str, When, When, str, str]]:
    return [(str(e["UID"]), _utc(e["DTSTART"].dt), _utc(e["DTEND"].dt) if "DTEND" in e else None,
             str(e["SUMMARY"]), e["SUMMARY"].params["LANGUAGE"])
            for e in icalendar.Calendar.from_ical(text).walk("VEVENT")]


def _read_vobject(text: str) -> list[tuple[str, When, When, str, str]]:
    return [(e.uid.value, _utc(e.dtstart.value),
             _utc(e.dtend.value) if "dtend" in e.contents else None,
             e.summary.value, e.summary.params["LANGUAGE"][0])
            for e in vobject.readOne(text).vevent_list]


@pytest.fixture(params=["example", "synthetic"])
def site(request: pytest.FixtureRequest) -> Path:
    fixture = "built_site" if request.param == "example" else "built_synthetic_site"
    built: Path = request.getfixturevalue(fixture)
    return built


def test_both_programme_calendars_parse_alike_and_agree(site: Path) -> None:
    sessions: dict[str, Any] = _data(site, "sessions.yaml")
    address = urlsplit(_data(site, "conference.yaml")["site_url"])
    namespace = address.netloc + address.path.rstrip("/")  # e.g. host/csc-2015
    seen = {}
    for lang, name in LANG_FILES.items():
        text = (site / name).read_text("utf-8")
        events = _read_icalendar(text)
        assert _read_vobject(text) == events  # two independent parsers read the same
        assert len(events) == len(sessions)
        assert {uid for uid, *_ in events} == {f"sessions/{sid}@{namespace}" for sid in sessions}
        by_uid = {uid: rest for uid, *rest in events}
        for sid, session in sessions.items():
            _, _, summary, language = by_uid[f"sessions/{sid}@{namespace}"]
            assert (summary, language) == (session["title"][lang], lang)
        seen[lang] = [event[:3] for event in events]  # UID, start and end
    assert seen["ar"] == seen["en"]


def test_times_are_the_data_s_local_times_in_utc(built_synthetic_site: Path) -> None:
    sessions: dict[str, Any] = _data(built_synthetic_site, "sessions.yaml")
    zone = _data(built_synthetic_site, "conference.yaml")["timezone"]
    assert zone == "Asia/Muscat"  # UTC+4 all year, no summer time
    plus4 = dt.timezone(dt.timedelta(hours=4))
    for name in LANG_FILES.values():
        text = (built_synthetic_site / name).read_text("utf-8")
        for read in (_read_icalendar, _read_vobject):
            starts = {uid.split("@")[0]: start for uid, start, *_ in read(text)}
            for sid, session in sessions.items():
                local = dt.datetime.fromisoformat(f"{session['day']}T{session['start']}")
                assert starts[f"sessions/{sid}"] == local.replace(tzinfo=plus4)


def test_each_session_has_a_calendar_per_language(built_site: Path) -> None:
    sessions: dict[str, Any] = _data(built_site, "sessions.yaml")
    programme = {lang: {e[0]: e for e in _read_icalendar((built_site / name).read_text("utf-8"))}
                 for lang, name in LANG_FILES.items()}
    for sid in sessions:
        for lang, suffix in (("ar", ".ics"), ("en", ".en.ics")):
            text = (built_site / f"sessions/{sid}/{sid}{suffix}").read_text("utf-8")
            [event] = _read_icalendar(text)
            assert _read_vobject(text) == [event]
            assert event == programme[lang][event[0]]
            assert event[0].startswith(f"sessions/{sid}@")


def _calendar_links(site: Path) -> dict[str, list[str]]:
    """Each page that links a calendar -> the site paths of the calendars it links."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        base = "http://site.invalid/" + relative
        for href in re.findall(r'href="([^"]+)"', page.read_text("utf-8")):
            path = urlsplit(urljoin(base, html.unescape(href))).path.lstrip("/")
            if path.endswith(".ics"):
                found.setdefault(relative, []).append(path)
    return found


def test_each_page_links_the_calendar_of_its_language(built_site: Path) -> None:
    links = _calendar_links(built_site)
    assert links, "no page links a calendar"
    for page, calendars in links.items():
        english = page.startswith("en/")
        for path in calendars:
            assert path.endswith(".en.ics") == english, (page, path)
            assert (built_site / path).is_file(), (page, path)
    for prefix, programme in (("", "programme.ics"), ("en/", "programme.en.ics")):
        assert programme in links[f"{prefix}index.html"]
        assert links[f"{prefix}programme/index.html"] == [programme]
        for sid in _data(built_site, "sessions.yaml"):
            suffix = ".en.ics" if prefix else ".ics"
            assert links[f"{prefix}sessions/{sid}/index.html"] == [f"sessions/{sid}/{sid}{suffix}"]
