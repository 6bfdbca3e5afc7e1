from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from factories import make_example_proceedings
from waqai.exports.csl import csl_json, paper_csl, volume_csl
from waqai.exports.keys import citation_keys

SCHEMA_PATH = Path(__file__).parent / "schemas" / "csl-data.json"
SITE = "https://proceedings.example.org/csc-2015/"
CONF_AR = "ثقافة خدمة العملاء في القطاع الحكومي"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # The file declares no $schema; it is written in draft 3 ("required": true
    # inside properties), so say so rather than let a later draft ignore it.
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft3Validator)
    cls.check_schema(schema)
    return cls(schema)


def _errors(validator, document) -> list[str]:
    return [error.message for error in validator.iter_errors(document)]


def test_volume_is_valid_csl_json(validator) -> None:
    proc = make_example_proceedings(editors=("nayef-alomari",))
    document = json.loads(volume_csl(proc, citation_keys(proc)))
    assert len(document) == 5
    assert _errors(validator, document) == []


def test_schema_is_strict_enough_to_catch_mistakes(validator) -> None:
    proc = make_example_proceedings()
    item = paper_csl(proc, proc.paper("patient-experience"), citation_keys(proc))[0]
    assert _errors(validator, [{**item, "translated-titel": "x"}])
    assert _errors(validator, [{**item, "type": "conference-paper"}])
    assert _errors(validator, [{**item, "author": [{"surname": "x"}]}])
    assert _errors(validator, [{k: v for k, v in item.items() if k != "id"}])


def test_item_fields() -> None:
    proc = make_example_proceedings(editors=("badr-alomari",))
    [item] = paper_csl(proc, proc.paper("labour-services"), citation_keys(proc))
    assert item == {
        "id": "omari2015ministrya",
        "type": "paper-conference",
        "language": "ar",
        "title": "خدمات وزارة العمل",
        "note": "English title: The Ministry of Labour's services",
        "author": [{"family": "العمري", "given": "نايف بن صالح"}],
        "editor": [{"family": "العُمري", "given": "بدر بن عبدالله"}],
        "container-title": CONF_AR,
        "event": CONF_AR,
        "event-place": "الرياض",
        "event-date": {"date-parts": [[2015, 11, 17], [2015, 11, 19]]},
        "publisher": "معهد الإدارة العامة",
        "publisher-place": "الرياض",
        "issued": {"date-parts": [[2015, 11]]},
        "page": "12-20",
        "DOI": "10.5555/csc_2015.12",
        "URL": f"{SITE}papers/labour-services/",
    }


def test_keywords_and_institutional_author() -> None:
    proc = make_example_proceedings()
    keys = citation_keys(proc)
    [keynote] = paper_csl(proc, proc.paper("patient-experience"), keys)
    assert keynote["keyword"] == "تجربة المريض, الرعاية الصحية, patient experience, health care"
    [panel] = paper_csl(proc, proc.paper("panel-building-culture"), keys)
    assert panel["author"] == [{"literal": "معهد الإدارة العامة"}]
    [workshop] = paper_csl(proc, proc.paper("ten-strategies"), keys)
    assert workshop["author"] == [{"family": "رايس", "given": "بادي"}]
    assert "keyword" not in workshop and "editor" not in workshop


def test_json_text_is_utf8_stable_and_ordered(validator) -> None:
    proc = make_example_proceedings()
    keys = citation_keys(proc)
    text = volume_csl(proc, keys)
    assert "تحسين تجربة المريض" in text and "\\u" not in text
    assert text.endswith("]\n")
    assert volume_csl(make_example_proceedings(), keys) == text
    assert list(json.loads(text)[0])[:4] == ["id", "type", "language", "title"]
    single = csl_json(paper_csl(proc, proc.paper("amer-contact-centre"), keys))
    assert _errors(validator, json.loads(single)) == []
