from __future__ import annotations

import re

import pytest

from factories import make_conference, make_paper, make_person, make_proceedings, make_session
from waqai.data.model import ItemKind, Text
from waqai.exports.keys import citation_keys, name_part, title_word


def _one(family: str, title_en: str, short_name: str = "CSC-2015", people: bool = True) -> str:
    proc = make_proceedings(
        conference=make_conference(short_name=short_name),
        people=(make_person(latin=(("Given", family),)),),
        papers=(make_paper(title=Text("عنوان", title_en), people=("p1",) if people else ()),),
    )
    return citation_keys(proc)["paper-1"]


@pytest.mark.parametrize(
    ("family", "title_en", "key"),
    [
        ("Al-Duwailaa", "Improving the Patient Experience", "duwailaa2015improving"),
        ("al-Omari", "The Ten Strategies", "omari2015ten"),
        ("El-Sayed", "On the Role of Absher", "sayed2015role"),
        ("Al Qahtani", "A Portal for Students", "qahtani2015portal"),
        ("Alamri", "Quality", "alamri2015quality"),  # no separator: not an article
        ("ash-Shuaibi", "Quality", "shuaibi2015quality"),  # sun letter, as the index files it
        ("ʿUmarī", "Ṣafīr: a Portal", "umari2015safir"),
        ("O'Brien-Smith", "Œuvres", "obriensmith2015oeuvres"),
        ("Al-Omari", "The Of And", "omari2015"),  # nothing significant
        ("العمري", "Quality", "anon2015quality"),  # no Latin letters at all
    ],
)
def test_key_rule(family: str, title_en: str, key: str) -> None:
    assert _one(family, title_en) == key


def test_item_without_people_uses_the_short_name_letters() -> None:
    assert _one("Al-Omari", "Building a Culture", people=False) == "csc2015building"
    assert _one("Al-Omari", "Building", short_name="ICCS 2015", people=False) == "iccs2015building"


def test_name_and_title_helpers() -> None:
    assert name_part("Al-Duwailaa") == "duwailaa"
    assert name_part("EL’Hadi") == "hadi"
    assert title_word("  The 10 Strategies") == "10"
    assert title_word("") == ""
    assert title_word("E-government and Yesser") == "egovernment"
    assert title_word("The Ministry’s Portal") == "ministry"
    assert title_word("O'Neill's Rule") == "oneill"


def _two_omaris(first_session_order: int) -> dict[str, str]:
    people = (
        make_person("nayef", latin=(("Nayef bin Saleh", "Al-Omari"),)),
        make_person("badr", family="العُمري", latin=(("Badr bin Abdullah", "Al-Omari"),)),
    )
    sessions = (
        make_session("s1", order=first_session_order),
        make_session("s2", order=2),
    )
    title = Text("عنوان", "Ministry Services")
    papers = (
        make_paper("labour", session="s1", people=("nayef",), title=title),
        make_paper("yesser", session="s2", people=("badr",), title=title),
    )
    return citation_keys(make_proceedings(people=people, sessions=sessions, papers=papers))


def test_collisions_get_suffixes_in_programme_order() -> None:
    assert _two_omaris(first_session_order=1) == {
        "labour": "omari2015ministrya",
        "yesser": "omari2015ministryb",
    }
    # Move s1 after s2: the programme order, not the input order, decides.
    assert _two_omaris(first_session_order=3) == {
        "yesser": "omari2015ministrya",
        "labour": "omari2015ministryb",
    }


def test_suffix_skips_a_key_another_item_already_has() -> None:
    people = (make_person(latin=(("Nayef", "Al-Omari"),)),)
    papers = (
        make_paper("x1", order=1, title=Text("أ", "Service")),
        make_paper("x2", order=2, title=Text("ب", "Service")),
        make_paper("x3", order=3, title=Text("ج", "Servicea")),
    )
    keys = citation_keys(make_proceedings(people=people, papers=papers))
    assert keys == {"x1": "omari2015serviceb", "x2": "omari2015servicec", "x3": "omari2015servicea"}


def test_keys_are_unique_ascii_and_stable() -> None:
    people = tuple(make_person(f"p{n}", latin=(("G", "Al-Omari" if n % 2 else "El-Sayed"),))
                   for n in range(6))
    papers = tuple(
        make_paper(f"item-{n}", order=n, people=(f"p{n % 6}",) if n % 5 else (),
                   kind=ItemKind.TALK, title=Text("عنوان", "Government Services" if n % 3 else "The Panel"))
        for n in range(40)
    )
    build = lambda: make_proceedings(people=people, papers=papers)  # noqa: E731
    keys = citation_keys(build())
    assert len(keys) == 40
    assert len(set(keys.values())) == 40
    assert all(re.fullmatch(r"[a-z0-9]+", key) for key in keys.values())
    assert citation_keys(build()) == keys
