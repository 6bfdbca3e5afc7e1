"""The JSON of `check`'s cache entries (`checkcache`): a volume's results (`VolumeCheck`)
and people.yaml's reading (its people, problems and where each field is).

An entry is untrusted input: `decode_*` returns exactly what was encoded, or raises
`Refused` (a ValueError) for anything else (a wrong type, a missing field, a number
where a string should be), and the caller then makes the results again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from waqai.data.archivecheck import VolumeCheck
from waqai.data.doicheck import DoiClaim, VolumeDois
from waqai.data.load import Reference
from waqai.data.model import ArabicName, Gender, LatinName, Person, Text
from waqai.data.problems import Problem, Severity


class Refused(ValueError):
    """A cache entry that does not hold what it should."""


def encode_volume(checked: VolumeCheck) -> dict[str, Any]:
    dois = checked.dois
    return {
        "id": checked.id,
        "problems": encode_problems(checked.problems),
        "referenced": sorted(checked.referenced), "cited": sorted(checked.cited),
        "keys": [list(key) for key in checked.keys],
        "dois": {"folder": dois.folder, "prefixed": dois.prefixed,
                 "volume": _claim(dois.volume) if dois.volume else None,
                 "items": [_claim(claim) for claim in dois.items]},
        "conference_file": checked.conference_file, "loaded": checked.loaded,
        "strict": checked.strict, "dates": list(checked.dates),
        "derived": None if checked.derived is None else [list(d) for d in checked.derived],
        "items": checked.items, "sessions": checked.sessions,
    }


def _claim(claim: DoiClaim) -> list[Any]:
    return [claim.doi, claim.file, claim.field, claim.line, claim.stated]


def decode_volume(data: object) -> VolumeCheck:
    """The `VolumeCheck` an entry holds; `Refused` if it holds anything else."""
    d = _dict(data)
    dois = _dict(d["dois"])
    volume_claim = dois["volume"]
    return VolumeCheck(
        id=_str(d["id"]),
        problems=tuple(decode_problems(d["problems"])),
        referenced=frozenset(_str(item) for item in _list(d["referenced"])),
        cited=frozenset(_str(item) for item in _list(d["cited"])),
        keys=tuple(_key(item) for item in _list(d["keys"])),
        dois=VolumeDois(_str(dois["folder"]), None if volume_claim is None
                        else _decode_claim(volume_claim),
                        tuple(_decode_claim(item) for item in _list(dois["items"])),
                        _bool(dois["prefixed"])),
        conference_file=_str(d["conference_file"]), loaded=_bool(d["loaded"]),
        strict=_bool(d["strict"]), dates=_pair(d["dates"]),
        derived=None if d["derived"] is None else tuple(_derived(item)
                                                        for item in _list(d["derived"])),
        items=_count(d["items"]), sessions=_count(d["sessions"]))


def encode_problems(problems: Iterable[Problem]) -> list[list[Any]]:
    return [[p.file, p.field, p.message, p.fix, p.line, p.severity.value] for p in problems]


def decode_problems(data: object) -> list[Problem]:
    return [_problem(item) for item in _list(data)]


def _problem(data: object) -> Problem:
    file, field, message, fix, line, severity = _fields(data, 6)
    return Problem(_str(file), _str(field), _str(message), _str(fix), _line(line),
                   Severity(_str(severity)))


def _key(data: object) -> tuple[str, str, int | None]:
    file, key, line = _fields(data, 3)
    return _str(file), _str(key), _line(line)


def _derived(data: object) -> tuple[str, str, str, int | None]:
    paper_id, key, file, line = _fields(data, 4)
    return _str(paper_id), _str(key), _str(file), _line(line)


def _decode_claim(data: object) -> DoiClaim:
    doi, file, field, line, stated = _fields(data, 5)
    return DoiClaim(_str(doi), _str(file), _str(field), _line(line), _bool(stated))


def _pair(data: object) -> tuple[str, str]:
    first, second = _fields(data, 2)
    return _str(first), _str(second)


def _fields(data: object, count: int) -> list[object]:
    items = _list(data)
    if len(items) != count:
        raise Refused(f"{count} values expected")
    return items


def _dict(data: object) -> dict[str, object]:
    if not isinstance(data, dict):
        raise Refused("an object expected")
    return data


def _list(data: object) -> list[object]:
    if not isinstance(data, list):
        raise Refused("a list expected")
    return data


def _str(data: object) -> str:
    if not isinstance(data, str):
        raise Refused("a string expected")
    return data


def _bool(data: object) -> bool:
    if not isinstance(data, bool):
        raise Refused("true or false expected")
    return data


def _count(data: object) -> int:
    if isinstance(data, bool) or not isinstance(data, int) or data < 0:
        raise Refused("a count expected")
    return data


def _line(data: object) -> int | None:
    return None if data is None else _count(data)


# -- people.yaml -------------------------------------------------------------------

def encode_people(people: Iterable[Person]) -> list[list[Any]]:
    return [[p.id, None if p.name_ar is None else [p.name_ar.given, p.name_ar.family,
                                                    p.name_ar.nasab, p.name_ar.honorific],
             [[name.given, name.family] for name in p.names_latin], _text(p.affiliation),
             _text(p.position), p.orcid, list(p.distinct_from),
             None if p.gender is None else p.gender.value] for p in people]


def decode_people(data: object) -> list[Person]:
    people = []
    for item in _list(data):
        person_id, arabic, latin, affiliation, position, orcid, distinct, gender = _fields(item, 8)
        name = None if arabic is None else ArabicName(*(_str(part) for part in _fields(arabic, 4)))
        people.append(Person(
            _str(person_id), name, tuple(LatinName(*_pair(spelling)) for spelling in _list(latin)),
            _decode_text(affiliation), _decode_text(position),
            None if orcid is None else _str(orcid), tuple(_str(other) for other in _list(distinct)),
            None if gender is None else Gender(_str(gender))))
    return people


def _text(text: Text | None) -> list[str] | None:
    return None if text is None else [text.ar, text.en]


def _decode_text(data: object) -> Text | None:
    return None if data is None else Text(*_pair(data))


def encode_references(references: Iterable[Reference]) -> list[list[str]]:
    return [[ref.file, ref.field, ref.what, ref.value] for ref in references]


def decode_references(data: object) -> list[Reference]:
    return [Reference(*(_str(part) for part in _fields(item, 4))) for item in _list(data)]


def encode_lines(lines: dict[tuple[str, str], int]) -> list[list[Any]]:
    return [[file, field, line] for (file, field), line in lines.items()]


def decode_lines(data: object) -> dict[tuple[str, str], int]:
    lines = {}
    for item in _list(data):
        file, field, line = _fields(item, 3)
        lines[(_str(file), _str(field))] = _count(line)
    return lines


def decode_strings(data: object) -> list[str]:
    return [_str(item) for item in _list(data)]
