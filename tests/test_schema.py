"""The published JSON Schemas agree with the loader, and the committed files are current.

The loader is driven with the example data while recording which fields each
mapping is asked for (`Fields._get`): every field it reads must be in the
schema at the same place, and the reverse, with the same required fields.
Then an unknown field is slipped into every kind of mapping: the loader and
the schema must both refuse it. Bad inputs of the corpus that a schema can
express are refused by the schema too.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from archive_project import FIRST, make_archive
from conftest import EXAMPLE, EXAMPLE_PAPERS, set_book_section
from pdf_files import clean_pdf
from test_bad_inputs import CASES
from waqai.commands.cli import main
from waqai.data import schema
from waqai.data.archiveload import is_archive, load_archive
from waqai.data.fields import DOCUMENTS
from waqai.data.load import load
from waqai.data.yamlread import SLUG, Fields

SCHEMAS = {doc.name: schema.document_schema(doc) for doc in DOCUMENTS}
UNKNOWN = "zz_unknown"


def validator(name: str) -> Draft7Validator:
    return Draft7Validator(SCHEMAS[name], format_checker=Draft7Validator.FORMAT_CHECKER)


def document_of(file: str) -> str:
    """Which schema a data file follows: papers/x/paper.yaml -> paper, papers/people.yaml ->
    people, papers/<volume-id>/conference.yaml (an archive's volume) -> volume."""
    path = Path(file)
    if path.name == "paper.yaml":
        return "paper"
    return "volume" if path.stem == "conference" and path.parent.name != "papers" else path.stem


def load_errors(project: Path) -> list:
    """The errors of reading the project's papers/, one volume or an archive."""
    if not is_archive(project / "papers"):
        return [p for p in load(project).problems if p.is_error]
    loaded = load_archive(project)
    return [p for part in (loaded.own, *loaded.volumes.values()) for p in part.problems
            if p.is_error]


def data_files(project: Path) -> list[Path]:
    papers = project / "papers"
    folders = [p for p in sorted(papers.iterdir()) if p.is_dir() and not p.name.startswith("_")]
    return [papers / f"{name}.yaml" for name in ("conference", "people", "sessions")] + [
        folder / "paper.yaml" for folder in folders]


# -- walking a schema ---------------------------------------------------------------

SEGMENT = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def segments(path: str) -> list[str | int]:
    return [int(index) if index else key for index, key in SEGMENT.findall(path)]


def follow(root: dict, pointer: str, sub: dict) -> tuple[str, dict]:
    """Through `$ref` and one-element `allOf` wrappers to the schema that says something."""
    while True:
        if "$ref" in sub:
            pointer = sub["$ref"]
            sub = root["definitions"][pointer.rsplit("/", 1)[1]]
        elif list(sub) and "allOf" in sub and len(sub["allOf"]) == 1:
            pointer, sub = f"{pointer}/allOf/0", sub["allOf"][0]
        else:
            return pointer, sub


def locate(root: dict, path: str) -> tuple[str, dict]:
    """The schema (and its canonical pointer) of the mapping at a loader field path."""
    pointer, sub = follow(root, "#", root)
    for seg in segments(path):
        if isinstance(seg, int):
            pointer, sub = follow(root, f"{pointer}/items", sub["items"])
        elif seg in sub.get("properties", {}):
            pointer, sub = follow(root, f"{pointer}/properties/{seg}", sub["properties"][seg])
        else:
            pointer, sub = follow(root, f"{pointer}/additionalProperties",
                                  sub["additionalProperties"])
    return pointer, sub


def mappings(root: dict) -> Iterator[str]:
    """The canonical pointer of every mapping the schema describes."""
    for pointer, sub in [("#", root)] + [(f"#/definitions/{k}", v)
                                         for k, v in root["definitions"].items()]:
        if "properties" in sub or "propertyNames" in sub:
            yield pointer


# -- recording what the loader reads ---------------------------------------------------

@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Fields]:
    """Every Fields the loader makes; each gets `.asked_required`: keys asked for as required."""
    made: list[Fields] = []
    init, get = Fields.__init__, Fields._get

    def recording_init(self: Fields, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        self.asked_required = set()
        made.append(self)

    def recording_get(self: Fields, key: str, required: bool, *args: Any, **kwargs: Any):
        if required:
            self.asked_required.add(key)
        return get(self, key, required, *args, **kwargs)

    monkeypatch.setattr(Fields, "__init__", recording_init)
    monkeypatch.setattr(Fields, "_get", recording_get)
    return made


# Every optional mapping a paper.yaml may hold, which the example's real data has no
# occasion for (a retraction's notice, errata, versions, attachments): plainly made up,
# only ever loaded here.
EVERY_OPTION = """status: retracted
notice: {date: "2016-02-01", ar: "نص للاختبار", en: "A test text"}
errata:
  - {date: "2016-01-10", ar: "نص للاختبار", en: "A test text"}
pdf: paper.pdf
versions:
  - {file: paper.pdf, date: "2016-01-10", note: {ar: "نص للاختبار", en: "A test text"}}
attachments:
  - {type: slides, file: paper.pdf, label: {ar: "نص للاختبار", en: "A test text"}}
  - {type: video, url: "https://video.example.org/test", label: {ar: "نص", en: "Text"}}
affiliations:
  abdulrahman-aljulaifi: {ar: "نص للاختبار", en: "A test text"}
"""


BOOK_OPTIONS = """book:
  isbn: "978-3-16-148410-0"
  copyright: {ar: "نص للاختبار", en: "A test text"}
  preface: {ar: "نص للاختبار", en: "A test text"}
  paper: a5
  digits: arabic-indic
  pages_in_citations: false
"""


def use_every_option(project: Path, data_dir: str = "papers") -> None:
    """One paper of the volume in `data_dir` using every optional mapping, its book too."""
    folder = project / data_dir / "absher"
    path = folder / "paper.yaml"
    path.write_text(path.read_text(encoding="utf-8") + EVERY_OPTION, encoding="utf-8")
    (folder / "paper.pdf").write_bytes(clean_pdf())
    set_book_section(project, BOOK_OPTIONS, data_dir)


@pytest.fixture
def every_option(project: Path) -> Path:
    """The example's copy, with one paper using every optional mapping."""
    use_every_option(project)
    return project


@pytest.fixture
def every_option_archive(tmp_path: Path) -> Path:
    """An archive of the example (archive_project.py) whose first volume uses every option,
    and whose archive.yaml has every field."""
    project = make_archive(tmp_path / "archive")
    use_every_option(project, f"papers/{FIRST}")
    archive_yaml = project / "papers/archive.yaml"
    archive_yaml.write_text(archive_yaml.read_text(encoding="utf-8")
                            + 'description: {ar: "نص للاختبار", en: "A test text"}\n',
                            encoding="utf-8")
    return project


def loaded_mappings(reads: list[Fields]) -> dict[tuple[str, str], Fields]:
    """One Fields per (document, schema pointer): the first met."""
    first: dict[tuple[str, str], Fields] = {}
    for fields in reads:
        if fields.ok:
            name = document_of(fields.file)
            pointer, _ = locate(SCHEMAS[name], fields.path)
            first.setdefault((name, pointer), fields)
    return first


# -- the committed files -------------------------------------------------------------

def test_committed_schemas_are_what_schema_py_generates() -> None:
    folder = EXAMPLE_PAPERS / schema.SCHEMA_DIR
    generated = schema.render_all()
    assert sorted(p.name for p in folder.iterdir()) == sorted(generated), \
        "run `python3 build.py schema`"
    for name, text in generated.items():
        assert (folder / name).read_text(encoding="utf-8") == text, \
            f"{name} is stale: run `python3 build.py schema`"


def test_schema_command_checks_and_rewrites(project: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--check"], project) == 0
    stale = project / "papers/_schema/people.schema.json"
    stale.write_text("{}", encoding="utf-8")
    assert main(["schema", "--check"], project) == 1
    assert "people.schema.json" in capsys.readouterr().err
    assert main(["schema"], project) == 0
    assert stale.read_text(encoding="utf-8") == schema.render_all()["people.schema.json"]
    assert main(["schema", "--check"], project) == 0


def test_schemas_are_valid_draft_07_without_invisible_characters() -> None:
    for name, text in schema.render_all().items():
        Draft7Validator.check_schema(SCHEMAS[name.split(".")[0]])
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), name


def test_every_data_file_points_to_its_schema() -> None:
    for path in data_files(EXAMPLE):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: first line {first!r}"
        target = (path.parent / match.group(1)).resolve()
        name = document_of(path.relative_to(EXAMPLE).as_posix())
        assert target == (EXAMPLE_PAPERS / f"_schema/{name}.schema.json").resolve(), path


# -- the schemas agree with the data and the loader --------------------------------

def test_an_archive_is_valid_and_a_volume_may_not_give_its_address(tmp_path: Path) -> None:
    project = make_archive(tmp_path / "archive")
    papers = project / "papers"
    files = [papers / "archive.yaml", papers / "people.yaml"] + sorted(
        path for path in papers.glob("*/*.yaml")) + sorted(papers.glob("*/*/paper.yaml"))
    assert {document_of(path.as_posix()) for path in files} == set(SCHEMAS) - {"conference"}
    for path in files:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        target = (path.parent / first.rpartition("=")[2]).resolve()
        assert target == (papers / f"_schema/{document_of(path.as_posix())}.schema.json"
                          ).resolve(), path
        errors = [e.message for e in validator(document_of(path.as_posix())).iter_errors(
            schema.read_instance(path))]
        assert errors == [], path
    volume = papers / FIRST / "conference.yaml"
    data = schema.read_instance(volume)
    assert list(validator("conference").iter_errors(data))  # site_url is required there
    data["site_url"] = "https://proceedings.example.org/csc-2015/"
    assert list(validator("volume").iter_errors(data))



def test_the_example_data_is_valid() -> None:
    for path in data_files(EXAMPLE):
        instance = schema.read_instance(path)
        errors = [e.message for e in validator(document_of(path.as_posix())).iter_errors(instance)]
        assert errors == [], path


def test_every_example_in_the_schemas_is_valid() -> None:
    count = 0
    for name, root in SCHEMAS.items():
        for sub in walk(root):
            for example in sub.get("examples", ()):
                field_schema = {k: v for k, v in sub.items() if k != "examples"}
                errors = list(Draft7Validator({**field_schema, "definitions": root["definitions"]})
                              .iter_errors(example))
                assert errors == [], (name, example)
                count += 1
    assert count > 20


def walk(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def assert_read_as_declared(reads: list[Fields]) -> None:
    """Every mapping the loader read asked for exactly the fields of its schema."""
    for fields in reads:
        if not fields.ok:
            continue
        name = document_of(fields.file)
        pointer, sub = locate(SCHEMAS[name], fields.path)
        where = f"{fields.file} {fields.path or '(top)'} = {name} {pointer}"
        if "properties" in sub:
            assert fields.used == set(sub["properties"]), where
            assert fields.asked_required == set(sub.get("required", ())), where
        else:  # a mapping of ids (people, sessions, an item's affiliations)
            assert "propertyNames" in sub, where
            assert all(SLUG.match(key) for key in fields.used), where


def test_the_loader_reads_exactly_the_fields_of_the_schema(reads: list[Fields]) -> None:
    loaded = load(EXAMPLE)
    assert not [p for p in loaded.problems if p.is_error]
    assert_read_as_declared(reads)


def test_an_archive_is_read_as_its_schemas_say(reads: list[Fields],
                                               every_option_archive: Path) -> None:
    assert load_errors(every_option_archive) == []
    assert {document_of(fields.file) for fields in reads} == set(SCHEMAS) - {"conference"}
    assert_read_as_declared(reads)


def test_every_mapping_of_the_schemas_is_read_by_the_loader(
        reads: list[Fields], every_option: Path, every_option_archive: Path) -> None:
    assert load_errors(every_option) == load_errors(every_option_archive) == []
    seen = set(loaded_mappings(reads))
    for name, root in SCHEMAS.items():
        for pointer in mappings(root):
            assert (name, pointer) in seen, f"{name}.schema.json {pointer} is never read"


# The documents whose every mapping is tried in each layout (an archive's volumes are
# read as one volume is: the rest are tried once, in one volume).
LAYOUTS = {"every_option": set(SCHEMAS), "every_option_archive": {"archive", "volume"}}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_an_unknown_field_is_refused_by_the_loader_and_the_schema(
        reads: list[Fields], layout: str, request: pytest.FixtureRequest) -> None:
    project = request.getfixturevalue(layout)
    load_errors(project)
    places = {place: fields for place, fields in loaded_mappings(reads).items()
              if place[0] in LAYOUTS[layout]}
    assert len(places) >= (12 if layout == "every_option" else 5), sorted(places)
    for (name, pointer), fields in places.items():
        path = project / fields.file
        original = path.read_bytes()
        data = schema.read_instance(path)
        target = data
        for seg in segments(fields.path):
            target = target[seg]
        target[UNKNOWN] = "x"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        try:
            expected = f"{fields.path}.{UNKNOWN}" if fields.path else UNKNOWN
            problems = load_errors(project)
            assert [p.field for p in problems] == [expected], (name, pointer, problems)
            assert list(validator(name).iter_errors(schema.read_instance(path))), (name, pointer)
        finally:
            path.write_bytes(original)


# Corpus cases a schema can express (the rest need other files, the calendar, the
# YAML parser, or the file system).
SCHEMA_CASES = ["English title under a misspelt key", "title in neither language", "unsafe id",
                "unknown kind", "order is text", "misspelt field", "bidi control in title",
                "bidi control in a name", "yes/no word as a date"]


@pytest.mark.parametrize("case", [c for c in CASES if c.name in SCHEMA_CASES],
                         ids=lambda c: c.name)
def test_bad_inputs_are_refused_by_the_schema_too(case, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE_PAPERS, project / "papers")
    path = project / case.file
    assert not list(validator(document_of(case.file)).iter_errors(schema.read_instance(path)))
    case.breaks(project)
    assert list(validator(document_of(case.file)).iter_errors(schema.read_instance(path)))


def test_all_schema_cases_exist() -> None:
    assert set(SCHEMA_CASES) <= {c.name for c in CASES}


def test_yaml_is_read_as_editors_tools_read_it() -> None:
    """YAML 1.2 core schema: unquoted dates, times and yes/no words are text; 010 is ten."""
    text = 'a: 2015-11-17\nb: 09:30\nc: no\nd: 010\ne: "1"\nf: true\ng:\nh: 1.5\ni: !!str 7\n'
    assert schema.instance(yaml.compose(text, Loader=yaml.SafeLoader)) == {
        "a": "2015-11-17", "b": "09:30", "c": "no", "d": 10, "e": "1", "f": True, "g": None,
        "h": 1.5, "i": "7"}


# -- the contributing guide's field tables ---------------------------------------------

GUIDE_ROW = re.compile(r"<tr>\s*<td><code>([^<]+)</code></td>\s*<td>([^<]+)</td>")
GUIDE_REQUIRED = {"ar": {"مطلوب": True, "اختياري": False},
                  "en": {"required": True, "optional": False}}


def test_the_guide_lists_every_field_the_loader_reads(reads: list[Fields], every_option: Path,
                                                      built_site: Path) -> None:
    """Every field of a paper, person or session the loader reads is a row of the published
    guide, in both languages, marked required exactly when the loader requires it."""
    load(every_option)
    wanted: dict[str, bool] = {}
    for fields in reads:
        name = document_of(fields.file)
        if not fields.ok or name == "conference" or "propertyNames" in locate(
                SCHEMAS[name], fields.path)[1]:
            continue
        if locate(SCHEMAS[name], fields.path)[0] == "#/definitions/bilingual":
            continue  # a bilingual pair {ar, en}: its field's help describes it
        # Entries of people.yaml and sessions.yaml are under their id: "<id>.latin[0]".
        path = fields.path.partition(".")[2] if name in ("people", "sessions") else fields.path
        prefix = re.sub(r"\[\d+\]", "[]", path) + "." if path else ""
        for key in fields.used:
            wanted[prefix + key] = key in fields.asked_required
    assert {"title", "latin[].given", "keywords.en", "chairs"} <= set(wanted)
    for lang, words in GUIDE_REQUIRED.items():
        page = built_site / ("" if lang == "ar" else "en") / "contributing/index.html"
        rows = {name: words[required] for name, required in
                GUIDE_ROW.findall(page.read_text(encoding="utf-8"))}
        for name, required in wanted.items():
            assert rows.get(name) == required, (lang, name)
