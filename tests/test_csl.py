from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from factories import citation, citations, make_example_proceedings
from waqai.exports.csl import csl_json, paper_csl, volume_csl

SCHEMA_PATH = Path(__file__).parent / "schemas" / "csl-data.json"
SITE = "https://proceedings.example.org/csc-2015/"
CONF_AR = "ثقافة خدمة العملاء في القطاع الحكومي"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft7Validator
    cls.check_schema(schema)
    return cls(schema)


def _errors(validator, document) -> list[str]:
    return [error.message for error in validator.iter_errors(document)]


@pytest.mark.parametrize("form", ["original", "romanised"])
def test_volume_is_valid_csl_json(validator, form: str) -> None:
    proc = make_example_proceedings(editors=("nayef-alomari",))
    document = json.loads(volume_csl(citations(proc, form)))
    assert len(document) == 5
    assert _errors(validator, document) == []


def test_schema_is_strict_enough_to_catch_mistakes(validator) -> None:
    proc = make_example_proceedings()
    item = paper_csl(citation(proc, "patient-experience"))[0]
    assert _errors(validator, [{**item, "translated-titel": "x"}])
    assert _errors(validator, [{**item, "type": "conference-paper"}])
    assert _errors(validator, [{**item, "author": [{"surname": "x"}]}])
    assert _errors(validator, [{k: v for k, v in item.items() if k != "id"}])


def test_item_fields() -> None:
    proc = make_example_proceedings(editors=("badr-alomari",))
    [item] = paper_csl(citation(proc, "labour-services"))
    assert item == {
        "id": "omari2015ministrya",
        "type": "paper-conference",
        "language": "ar",
        "title": "خدمات وزارة العمل",
        "author": [{"family": "العمري", "given": "نايف بن صالح"}],
        "editor": [{"family": "العُمري", "given": "بدر بن عبدالله"}],
        "container-title": CONF_AR,
        "event-title": CONF_AR,
        "event-date": {"date-parts": [[2015, 11, 17], [2015, 11, 19]]},
        "event-place": "الرياض",
        "publisher": "معهد الإدارة العامة",
        "publisher-place": "الرياض",
        "issued": {"date-parts": [[2015, 11, 17]]},
        "page": "12-20",
        "DOI": "10.5555/csc_2015.12",
        "URL": f"{SITE}papers/labour-services/",
    }
    [english] = paper_csl(citation(proc, "labour-services", "romanised"))
    conf_en = "Customer Service Culture in the Government Sector"
    assert english == {
        **item,
        "title": "[The Ministry of Labour's services]",
        "author": [{"family": "Al-Omari", "given": "Nayef bin Saleh"}],
        "editor": [{"family": "Al-Omari", "given": "Badr bin Abdullah"}],
        "container-title": conf_en,
        "event-title": conf_en,
        "event-place": "Riyadh",
        "publisher": "Institute of Public Administration",
        "publisher-place": "Riyadh",
        "URL": f"{SITE}en/papers/labour-services/",
    }


def test_keywords_and_institutional_author() -> None:
    proc = make_example_proceedings()
    [keynote] = paper_csl(citation(proc, "patient-experience"))
    assert keynote["keyword"] == "تجربة المريض, الرعاية الصحية"
    [keynote] = paper_csl(citation(proc, "patient-experience", "romanised"))
    assert keynote["keyword"] == "patient experience, health care"
    [panel] = paper_csl(citation(proc, "panel-building-culture"))
    assert panel["author"] == [{"literal": "معهد الإدارة العامة"}]
    [panel] = paper_csl(citation(proc, "panel-building-culture", "romanised"))
    assert panel["author"] == [{"literal": "Institute of Public Administration"}]
    [workshop] = paper_csl(citation(proc, "ten-strategies"))
    assert workshop["author"] == [{"family": "رايس", "given": "بادي"}]
    assert "keyword" not in workshop and "editor" not in workshop


def test_json_text_is_utf8_stable_and_ordered(validator) -> None:
    proc = make_example_proceedings()
    text = volume_csl(citations(proc))
    assert "تحسين تجربة المريض" in text and "\\u" not in text
    assert text.endswith("]\n")
    assert volume_csl(citations(make_example_proceedings())) == text
    assert list(json.loads(text)[0])[:4] == ["id", "type", "language", "title"]
    single = csl_json(paper_csl(citation(proc, "amer-contact-centre")))
    assert _errors(validator, json.loads(single)) == []
