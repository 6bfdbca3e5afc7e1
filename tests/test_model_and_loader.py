"""The model and the loader on good input: what is read, and how YAML 1.1 is defused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_bad_inputs import edit
from waqai.data.checks import validate
from waqai.data.model import ArabicName, ItemKind, Role, SessionKind


def test_example_loads_in_programme_order(project: Path) -> None:
    result = validate(project)
    assert result.ok, [p.format() for p in result.problems]
    proc = result.proceedings
    assert [s.id for s in proc.sessions][:2] == ["keynote", "s1-service-quality"]
    assert [p.id for p in proc.papers_in("s3-local-experiences")] == [
        "absher", "safeer", "labour-services", "eastern-province-satisfaction",
        "amer-contact-centre"]
    assert proc.session("panel-1").kind is SessionKind.PANEL
    assert proc.paper("panel-building-culture").people == ()
    assert proc.conference.days == (dt.date(2015, 11, 17), dt.date(2015, 11, 18),
                                    dt.date(2015, 11, 19))


def test_names_keep_honorific_apart() -> None:
    name = ArabicName(given="نايف", nasab="بن صالح", family="العمري", honorific="أ.")
    assert name.full == "نايف بن صالح العمري"
    assert name.display == "أ. نايف بن صالح العمري"


def test_links_give_each_role(project: Path) -> None:
    proc = validate(project).proceedings
    roles = {(link.role, link.paper.id if link.paper else None)
             for link in proc.links_of("hamad-alduwailaa")}
    assert roles == {(Role.SPEAKER, "patient-experience")}
    assert [link.role for link in proc.links_of("mushabab-alqahtani")] == [Role.STATEMENT]
    assert proc.paper("absher").kind is ItemKind.TALK


def test_yaml_words_are_read_as_the_schema_says(project: Path) -> None:
    """Unquoted `no` in a text field stays the text "no"; an unquoted date is a date."""
    edit(project / "papers/absher/paper.yaml", 'ar: ["أبشر"', 'ar: [no, "أبشر"')
    edit(project / "papers/sessions.yaml", 'day: "2015-11-17"', "day: 2015-11-17")
    result = validate(project)
    assert result.ok, [p.format() for p in result.problems]
    assert result.proceedings.paper("absher").keywords[0][0] == "no"
    assert result.proceedings.session("keynote").day == dt.date(2015, 11, 17)


def test_times_are_read_as_written(project: Path) -> None:
    """YAML 1.1 reads unquoted 09:30 as the base-60 number 570; the loader keeps 09:30."""
    edit(project / "papers/sessions.yaml", "  order: 1\n", "  order: 1\n  start: 09:30\n"
         '  end: "10:15"\n')
    result = validate(project)
    assert result.ok, [p.format() for p in result.problems]
    keynote = result.proceedings.session("keynote")
    assert (keynote.start, keynote.end) == (dt.time(9, 30), dt.time(10, 15))


def test_a_python_tag_is_never_constructed(project: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    edit(project / "papers/absher/paper.yaml", "order: 1",
         f'order: 1\npdf: !!python/object/apply:os.system ["touch {marker}"]')
    result = validate(project)
    assert not result.ok
    assert not marker.exists()
