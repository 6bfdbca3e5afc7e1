"""Citation keys that never move: stored keys survive edits, new items and a new
programme order; `check` refuses a malformed or repeated key and warns for a missing one;
`build.py new` writes a key no item has."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rispy
from pybtex.database import parse_file

from conftest import copy_project, run_waqai
from waqai.data.checks import validate

PAPERS = "papers"


def _yaml(project: Path, paper_id: str) -> Path:
    return project / PAPERS / paper_id / "paper.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _add_item(project: Path, paper_id: str, session: str, order: int, person: str,
              title_en: str, key: str | None = None) -> None:
    folder = project / PAPERS / paper_id
    folder.mkdir()
    stored = f"key: {key}\n" if key else ""
    (folder / "paper.yaml").write_text(
        f"id: {paper_id}\n{stored}session: {session}\norder: {order}\nkind: paper\n"
        f'title:\n  ar: "بحث للاختبار"\n  en: "{title_en}"\npeople: [{person}]\n',
        encoding="utf-8")
    for lang in ("ar", "en"):
        (folder / f"abstract.{lang}.md").write_text("Text.\n", encoding="utf-8")


def _swap_session_orders(project: Path, first: str, second: str) -> None:
    """Exchange the `order:` of two sessions of one day in sessions.yaml."""
    path = project / PAPERS / "sessions.yaml"
    blocks = re.split(r"(?m)^(?=[a-z0-9-]+:\n)", path.read_text(encoding="utf-8"))
    by_id = {block.split(":", 1)[0]: n for n, block in enumerate(blocks)}
    orders = {sid: re.search(r"(?m)^  order: (\d+)$", blocks[by_id[sid]]) for sid in (first, second)}
    for sid, other in ((first, second), (second, first)):
        found = orders[other]
        assert found is not None
        blocks[by_id[sid]] = re.sub(r"(?m)^  order: \d+$", f"  order: {found.group(1)}",
                                    blocks[by_id[sid]])
    path.write_text("".join(blocks), encoding="utf-8")


def _built(project: Path) -> Path:
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def _item_keys(site: Path) -> dict[str, str]:
    """Paper id → key, read off the names of the per-item downloads (the original form's:
    the romanised form's files are named `<key>.en.bib`)."""
    keys: dict[str, str] = {}
    for path in (site / "papers").glob("*/*.bib"):
        if path.name.endswith(".en.bib"):
            assert (path.parent / path.name.replace(".en.bib", ".bib")).is_file(), path
            continue
        assert path.parent.name not in keys, path
        keys[path.parent.name] = path.stem
    return keys


def _volume_keys(site: Path) -> dict[str, list[str]]:
    """The keys of proceedings.bib/.ris/.json, each read by a client library, in file order."""
    with (site / "proceedings.ris").open(encoding="utf-8") as ris:
        return {
            "bib": list(parse_file(str(site / "proceedings.bib"), "bibtex").entries),
            "ris": [entry["id"] for entry in rispy.load(ris)],
            "json": [item["id"] for item in
                     json.loads((site / "proceedings.json").read_text(encoding="utf-8"))],
        }


def test_edits_a_new_colliding_item_and_a_new_order_move_no_key(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = _built(project)
    files, keys, volume = _files(before), _item_keys(before), _volume_keys(before)
    assert keys["labour-services"] == "omari2015ministry"  # what the fixture stores
    assert all(sorted(found) == sorted(keys.values()) for found in volume.values())

    # A new English title: its derived key would now be omari2015raising.
    _edit(_yaml(project, "labour-services"),
          "The Ministry of Labour's experience in raising",
          "Raising, at the Ministry of Labour,")
    # A new item by the same person, earlier in the programme, whose derived key is the
    # stored omari2015ministry: the old rule suffixed both (…a, …b).
    _add_item(project, "ministry-services", "s1-service-quality", 9, "nayef-alomari",
              "Ministry services online")
    _swap_session_orders(project, "panel-1", "s3-local-experiences")
    after = _built(project)

    new_files = _files(after) - files
    assert files <= _files(after)  # every address and download name still there
    assert new_files and all("/ministry-services/" in f"/{name}" for name in new_files)
    new_keys = _item_keys(after)
    assert new_keys == {**keys, "ministry-services": "omari2015ministrya"}
    for fmt, found in _volume_keys(after).items():
        assert sorted(found) == sorted([*volume[fmt], "omari2015ministrya"]), fmt
    # The programme order did change: the panel now comes after the local experiences.
    order = _volume_keys(after)["json"]
    assert order.index(keys["panel-building-culture"]) > order.index(keys["labour-services"])
    assert volume["json"].index(keys["panel-building-culture"]) < \
        volume["json"].index(keys["labour-services"])


def _problems(project: Path, severity: str) -> list:
    return [p for p in validate(project).problems if p.severity.value == severity]


@pytest.mark.parametrize("second", ["omari2015ministry", "Omari2015Ministry"])
def test_a_key_used_twice_is_one_error_naming_both_places(project: Path, second: str) -> None:
    _edit(_yaml(project, "safeer"), "key: ohali2015ministry", f"key: {second}")
    errors = _problems(project, "error")
    assert len(errors) == 1, errors
    error = errors[0]
    # labour-services sorts before safeer: the later file is told, and told where the first is.
    assert (error.file, error.field, error.line) == ("papers/safeer/paper.yaml", "key", 3)
    assert "papers/labour-services/paper.yaml:3" in error.message
    assert ("case" in error.message) == (second != "omari2015ministry")
    assert "`key: " in error.fix and "omari2015ministrya" in error.fix.lower()


@pytest.mark.parametrize(("written", "repaired"), [
    ('"julaifi 2015/ministry"', "julaifi2015ministry"),
    ('"2015-julaifi"', "julaifi"),
    ("julaifi2015:ministry", "julaifi2015ministry"),
    ("ʿUmarī2015", "Umari2015"),
    ('"مفتاح"', None),
])
def test_a_malformed_key_is_one_error_with_a_fix(project: Path, written: str,
                                                 repaired: str | None) -> None:
    _edit(_yaml(project, "absher"), "key: julaifi2015ministry", f"key: {written}")
    errors = _problems(project, "error")
    assert [(e.file, e.field, e.line) for e in errors] == [("papers/absher/paper.yaml", "key", 3)]
    assert "citation key" in errors[0].message
    assert "ASCII letters and digits" in errors[0].fix
    if repaired:
        assert f"`key: {repaired}`" in errors[0].fix
    else:
        assert "familyname2024example" in errors[0].fix  # the declared example instead


def test_a_missing_key_is_a_warning_saying_what_to_write(project: Path) -> None:
    _edit(_yaml(project, "ten-strategies"), "key: rice2015ten\n", "")
    _edit(_yaml(project, "ten-strategies"), '  en: "', '  en: "Our ')
    result = validate(project)
    assert result.ok  # a warning, not an error: the item still builds
    warnings = [p for p in result.problems if p.field == "key"]
    assert [(w.file, w.line, w.severity.value) for w in warnings] == \
        [("papers/ten-strategies/paper.yaml", 2, "warning")]  # the line of `id:`
    # The derived key follows the edited title: that is why it must be stored.
    assert "rice2015our" in warnings[0].message
    assert "`key: rice2015our`" in warnings[0].fix


def test_a_derived_key_never_takes_a_stored_one(project: Path) -> None:
    """The new item is suffixed; the stored key, later in the programme, keeps its key."""
    _add_item(project, "early-item", "keynote", 9, "abdulrahman-aljulaifi", "Ministry")
    result = run_waqai(project, "check")
    assert result.code == 0, result.output
    assert "papers/early-item/paper.yaml:1: warning: key:" in result.err
    assert "`key: julaifi2015ministrya`" in result.err


def test_new_writes_a_key_no_item_has(project: Path) -> None:
    # One stored key and one derived key (the panel's) are in the way of the new ones.
    _edit(_yaml(project, "absher"), "key: julaifi2015ministry", "key: csc2015portal")
    _edit(_yaml(project, "panel-building-culture"), "key: csc2015building\n", "")
    for paper_id, expected in (("portal", "csc2015portala"), ("building-blocks",
                                                              "csc2015buildinga"),
                               ("the-absher-story", "csc2015absher")):
        result = run_waqai(project, "new", paper_id)
        assert result.code == 0, result.output
        text = _yaml(project, paper_id).read_text(encoding="utf-8")
        assert re.findall(r"(?m)^key: (.*)$", text) == [expected], paper_id
    # The written key is taken: the next new item avoids it too.
    assert run_waqai(project, "new", "portal-two").code == 0
    assert "\nkey: csc2015portalb\n" in _yaml(project, "portal-two").read_text(encoding="utf-8")


def test_every_character_a_key_may_have_goes_through_the_build(project: Path) -> None:
    key = "Julaifi_2015-Absher"
    _edit(_yaml(project, "absher"), "key: julaifi2015ministry", f"key: {key}")
    site = _built(project)  # the build's own invariants match every page to its exports
    assert _item_keys(site)["absher"] == key
    assert {path.name for path in (site / "papers/absher").iterdir()} >= {
        f"{key}.bib", f"{key}.ris", f"{key}.json"}
    assert all(key in found for found in _volume_keys(site).values())
