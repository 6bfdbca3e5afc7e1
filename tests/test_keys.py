"""The citation key rule (waqai.data.citekeys): the form of a key, the derived key of an
item without a stored one, and how stored keys win over derived ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factories import make_conference, make_paper, make_person, make_proceedings, make_session
from waqai.data.checks import validate
from waqai.data.citekeys import is_key, new_item_key, repaired_key
from waqai.data.fields import EXAMPLE_KEY
from waqai.data.model import ItemKind, Text
from waqai.data.skeleton import skeleton
from waqai.exports.keys import base_key, citation_keys, name_part, title_word


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
    """Between items with no stored key (a volume not yet published)."""
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


# -- stored keys ----------------------------------------------------------------------

def _volume(*papers_: tuple[str, int, str | None], title_en: str = "Ministry Services") -> dict[str, str]:
    """Items (id, order, stored key) by one person, all with the same English title."""
    people = (make_person(latin=(("Nayef", "Al-Omari"),)),)
    papers = tuple(make_paper(pid, order=order, key=key, title=Text("عنوان", title_en))
                   for pid, order, key in papers_)
    return citation_keys(make_proceedings(people=people, papers=papers))


def test_a_stored_key_is_used_as_written() -> None:
    assert _volume(("x1", 1, "Omari_2015-services")) == {"x1": "Omari_2015-services"}


def test_a_derived_key_avoids_stored_keys_and_only_the_new_item_is_suffixed() -> None:
    # The new item comes first in the programme; the old rule gave it the "a".
    assert _volume(("new", 1, None), ("old", 2, "omari2015ministry")) == {
        "new": "omari2015ministrya", "old": "omari2015ministry"}
    # Keys that differ in case are the same key; a suffix already stored is skipped.
    assert _volume(("new", 1, None), ("old", 2, "Omari2015Ministry"),
                   ("older", 3, "omari2015ministrya")) == {
        "new": "omari2015ministryb", "old": "Omari2015Ministry", "older": "omari2015ministrya"}


def test_stored_keys_ignore_titles_order_and_new_items() -> None:
    stored = {"x1": "omari2015ministry", "x2": "omari2015ministryb"}
    first = _volume(("x1", 1, stored["x1"]), ("x2", 2, stored["x2"]))
    later = _volume(("x2", 1, stored["x2"]), ("x1", 2, stored["x1"]), ("x3", 3, None),
                    ("x4", 4, None), title_en="Other Words")
    assert first == stored
    assert later == {**stored, "x3": "omari2015othera", "x4": "omari2015otherb"}


@pytest.mark.parametrize(("key", "ok"), [
    ("julaifi2015ministry", True), ("Smith_2015-b", True), ("a", True), ("a" * 80, True),
    ("a" * 81, False), ("2015smith", False), ("_smith", False), ("smith-", False),
    ("smith--2015", False), ("smith 2015", False), ("smith:2015", False), ("smith,2015", False),
    ("smith{2015}", False), ("smith%2015", False), ("smith~2015", False), ("smith.2015", False),
    ("ʿumari2015", False), ("عمري2015", False), ("", False),
])
def test_the_form_of_a_key(key: str, ok: bool) -> None:
    assert is_key(key) is ok


def test_repaired_keys_are_keys() -> None:
    for bad in ("smith 2015", "2015 smith", "-smith--2015-", "Ṣafīr:2015", "a b" * 60):
        assert is_key(repaired_key(bad)), bad
    assert repaired_key("عمري") == ""


def test_the_key_of_a_new_item() -> None:
    assert new_item_key("CSC-2015", 2015, "the-absher-story", ()) == "csc2015absher"
    assert new_item_key("CSC-2015", 2015, "absher", ["CSC2015Absher", "csc2015abshera"]) \
        == "csc2015absherb"
    assert new_item_key("", None, "absher", ()) == "anonabsher"  # conference.yaml unread


def test_the_skeleton_stores_the_key_its_example_item_would_derive(tmp_path: Path) -> None:
    """`build.py init`'s item has a key, and it is the one the rule gives, not an odd one."""
    for name, text in skeleton().items():
        (tmp_path / "papers" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "papers" / name).write_text(text, encoding="utf-8")
    proc = validate(tmp_path).proceedings
    assert proc is not None
    (paper,) = proc.papers
    assert paper.key == EXAMPLE_KEY == base_key(proc, paper)
