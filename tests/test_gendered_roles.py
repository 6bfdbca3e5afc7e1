"""Arabic role names agree with a person's `gender` (f|m); without it they stay as they were.

The example's people have no `gender`: the sources do not state it. These tests add two
invented people to a copy of the example, a woman and a man, and give them roles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import copy_project, run_waqai
from test_bad_inputs import edit
from waqai.data.checks import validate
from waqai.data.model import Gender, Role
from waqai.text.labels import ROLES, role_label

INVENTED_PEOPLE = """
test-woman:
  name: {given: "هدى", family: "المثالية"}
  latin: [{given: "Huda", family: "Al-Mithaliya"}]
  gender: f

test-man:
  name: {given: "خالد", family: "المثالي"}
  latin: [{given: "Khalid", family: "Al-Mithali"}]
  gender: m
"""


def add_invented_people(project: Path) -> None:
    """The woman chairs the keynote, speaks in a talk and sits on the panel; the man chairs
    the session of local experiences and speaks in a talk."""
    papers = project / "papers"
    with (papers / "people.yaml").open("a", encoding="utf-8") as people:
        people.write(INVENTED_PEOPLE)
    edit(papers / "sessions.yaml", "  day: \"2015-11-17\"\n  order: 1\n",
         "  day: \"2015-11-17\"\n  order: 1\n  chairs: [test-woman]\n")
    edit(papers / "sessions.yaml", "  day: \"2015-11-17\"\n  order: 5\n",
         "  day: \"2015-11-17\"\n  order: 5\n  chairs: [test-man]\n")
    edit(papers / "safeer/paper.yaml", "people: [yousef-alohali]",
         "people: [yousef-alohali, test-woman]")
    edit(papers / "absher/paper.yaml", "people: [abdulrahman-aljulaifi]",
         "people: [abdulrahman-aljulaifi, test-man]")
    edit(papers / "panel-building-culture/paper.yaml", "people: []", "people: [test-woman]")


@pytest.fixture(scope="module")
def gendered_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("gendered") / "project")
    add_invented_people(project)
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


def roles_on(site: Path, page: str) -> list[tuple[str, str]]:
    """(role id, role name) of each contribution listed on a person's page."""
    html = (site / page / "index.html").read_text("utf-8")
    return re.findall(r'<li data-role="([a-z]+)">\s*<span class="waqai-role">([^<]+)</span>', html)


def test_a_woman_s_roles_are_feminine_in_arabic(gendered_site: Path) -> None:
    assert roles_on(gendered_site, "people/test-woman") == [
        ("chair", "رئيسة الجلسة"), ("panellist", "مشاركة في النقاش"), ("speaker", "متحدثة")]


def test_english_role_names_do_not_change(gendered_site: Path) -> None:
    assert roles_on(gendered_site, "en/people/test-woman") == [
        ("chair", "Chair"), ("panellist", "Panellist"), ("speaker", "Speaker")]


def test_a_man_s_roles_and_roles_without_gender_stay_as_they_were(gendered_site: Path) -> None:
    assert roles_on(gendered_site, "people/test-man") == [
        ("chair", "رئيس الجلسة"), ("speaker", "متحدث")]
    assert roles_on(gendered_site, "people/yousef-alohali") == [("speaker", "متحدث")]


def chair_label(site: Path, page: str) -> tuple[str, str]:
    """(label, names) of the chairs in the when-and-where list of a session or paper page."""
    html = (site / page / "index.html").read_text("utf-8")
    found = re.search(r'<dt>([^<]+)</dt>\s*<dd class="waqai-chairs">(.*?)</dd>', html, re.S)
    assert found, page
    return found.group(1), re.sub(r"<[^>]+>", "", found.group(2))


def test_a_session_s_one_chair_is_named_with_their_gender(gendered_site: Path) -> None:
    """Where the woman chairs, the session's page and its items' pages say «رئيسة الجلسة»."""
    for page in ("sessions/keynote", "papers/patient-experience"):
        assert chair_label(gendered_site, page) == ("رئيسة الجلسة", "هدى المثالية")
        assert chair_label(gendered_site, f"en/{page}") == ("Chair", "Huda Al-Mithaliya")
    assert chair_label(gendered_site, "papers/absher") == ("رئيس الجلسة", "خالد المثالي")


def test_several_chairs_are_introduced_without_agreement(project: Path) -> None:
    """Two chairs, a woman and a man: «رئاسة الجلسة» fits both (so does "Chairs")."""
    add_invented_people(project)
    edit(project / "papers/sessions.yaml", "chairs: [test-woman]", "chairs: [test-woman, test-man]")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    assert chair_label(project / "site", "sessions/keynote") == (
        "رئاسة الجلسة", "هدى المثالية، خالد المثالي")
    assert chair_label(project / "site", "en/sessions/keynote")[0] == "Chairs"


def test_role_label_for_every_role_and_gender() -> None:
    for role in Role:
        assert role_label(role, "en", Gender.FEMALE) == ROLES[role].en
        assert role_label(role, "ar", None) == ROLES[role].ar
        assert role_label(role, "ar", Gender.MALE) == ROLES[role].ar
    assert role_label(Role.AUTHOR, "ar", Gender.FEMALE) == "مؤلفة"
    assert role_label(Role.STATEMENT, "ar", Gender.FEMALE) == ROLES[Role.STATEMENT].ar


def test_an_unknown_gender_is_refused_with_the_choices(project: Path) -> None:
    add_invented_people(project)
    edit(project / "papers/people.yaml", "  gender: f\n", "  gender: female\n")
    [problem] = [p for p in validate(project).problems if p.is_error]
    assert (problem.field, problem.message) == ("test-woman.gender",
                                                "“female” is not a known gender.")
    assert problem.fix == "Write one of: f, m."
    lines = (project / "papers/people.yaml").read_text("utf-8").splitlines()
    assert problem.line == lines.index("  gender: female") + 1
