"""What `check` says about DOIs: suffix patterns that give characters Crossref refuses,
placeholders it does not know, and two DOIs that are one (see `dois.py`)."""

from __future__ import annotations

import re

from waqai.data.dois import (
    ITEM_PLACEHOLDERS,
    ITEM_SUFFIX,
    NOT_SUFFIX,
    SUFFIX_CHARACTERS,
    VOLUME_PLACEHOLDERS,
    VOLUME_SUFFIX,
    bad_characters,
    fill,
    item_doi,
    unknown_placeholders,
    volume_doi,
)
from waqai.data.load import Loaded
from waqai.data.model import Conference
from waqai.data.problems import Problem, Severity


def check_dois(loaded: Loaded) -> None:
    conf = loaded.conference
    if conf is not None:
        _check_patterns(loaded, conf)
    _check_unique(loaded)


def _hyphens(text: str) -> str:
    return re.sub(f"(?:{NOT_SUFFIX.pattern})+", "-", text)


def _repaired(pattern: str, conf: Conference) -> str:
    """`pattern` with each run of refused characters made a hyphen, and `{short_name}` written out
    (repaired) when the short name is what gives refused characters."""
    short = _hyphens(conf.short_name.lower()).strip("-") or "conf"
    parts = re.split(r"(\{[^{}]*\})", pattern)  # literal, placeholder, literal, …
    return "".join(
        _hyphens(part) if index % 2 == 0
        else short if part == "{short_name}" and bad_characters(conf.short_name) else part
        for index, part in enumerate(parts))


def _check_patterns(loaded: Loaded, conf: Conference) -> None:
    sources = loaded.sources
    file = sources.shown(sources.data_dir / "conference.yaml")
    fields = (("doi_suffix", conf.doi_suffix, ITEM_SUFFIX, ITEM_PLACEHOLDERS, "the items'"),
              ("doi_volume_suffix", conf.doi_volume_suffix, VOLUME_SUFFIX, VOLUME_PLACEHOLDERS,
               "the volume's"))
    for field, written, default, known, whose in fields:
        line = sources.line(file, field)
        if conf.doi_prefix is None:
            if written is not None:
                loaded.problems.append(Problem(
                    file, field, "has no effect without `doi_prefix`.",
                    'Write the prefix Crossref gave you, e.g. `doi_prefix: "10.5555"`, or '
                    "remove the line.", line, Severity.WARNING))
            continue
        pattern = written if written is not None else default
        where = field if written is not None else "short_name"
        line = line if written is not None else sources.line(file, "short_name")
        unknown = unknown_placeholders(pattern, known)
        if unknown:
            loaded.problems.append(Problem(
                file, where,
                f"“{pattern}” uses {', '.join(unknown)}, which is not a placeholder here.",
                f"Use only {' and '.join('{' + name + '}' for name in known)}.", line))
            continue
        if field == "doi_suffix" and "{id}" not in pattern:
            loaded.problems.append(Problem(
                file, where, f"“{pattern}” does not hold {{id}}, so every item would get the "
                "same DOI.", f'Put the item\'s id in it, e.g. "{pattern}.{{id}}".', line))
            continue
        # An item's id is a slug (a-z, 0-9, -): what is refused comes from elsewhere.
        suffix = fill(pattern, conf, min((p.id for p in loaded.papers), default="id"))
        bad = bad_characters(suffix)
        if bad:
            shown = " ".join(f"“{char}”" for char in bad)
            given = (f"“{pattern}” gives {whose} DOI suffix “{suffix}”" if written is not None
                     else f"“{conf.short_name}” gives {whose} DOI suffix “{suffix}” "
                          f"(the default pattern {default})")
            loaded.problems.append(Problem(
                file, where, f"{given}, with {shown}: a DOI suffix uses only "
                f"{SUFFIX_CHARACTERS}.",
                f'Write `{field}: "{_repaired(pattern, conf)}"`.', line))


def _check_unique(loaded: Loaded, earlier: dict[str, str] | None = None) -> None:
    """No two items, nor an item and the volume, share a DOI (DOIs are case-insensitive).

    With `earlier` (an archive's volumes checked before this one: folded DOI -> where it
    is first given, which this volume's are added to), only a DOI given in an earlier
    volume is reported: the volume's own clashes are its `check_dois`'s."""
    sources, conf = loaded.sources, loaded.conference
    across = earlier is not None
    first: dict[str, str] = earlier if earlier is not None else {}
    before = set(first)
    volume = volume_doi(conf) if conf else None
    if volume and volume.lower() in first:  # an archive's earlier volume gives it
        file = sources.shown(sources.data_dir / "conference.yaml")
        loaded.problems.append(Problem(
            file, "doi_volume_suffix", f"gives the volume the DOI “{volume}”, already the DOI "
            f"of {first[volume.lower()]}.", "Give each volume its own `doi_volume_suffix`.",
            sources.line(file, "doi_volume_suffix") or sources.line(file, "doi_prefix")))
    elif volume:
        first[volume.lower()] = (f"the volume {sources.shown(sources.data_dir)}/" if across
                                 else "the volume")
    for paper in sorted(loaded.papers, key=lambda p: sources.paper_files[p.id]):
        doi = item_doi(conf, paper) if conf else paper.doi
        if doi is None:
            continue
        file = sources.paper_files[paper.id]
        field = "doi" if paper.doi else "id"
        if doi.lower() not in first:
            first[doi.lower()] = f"{file}:{sources.line(file, field)}"
            continue
        if across and doi.lower() not in before:
            continue
        if paper.doi:
            fix = "Correct the `doi:` of one of them"
            fix += " (or remove it here, so the item gets the DOI the prefix gives it)." \
                if conf and conf.doi_prefix else "."
        else:
            fix = f"Correct the DOI given in {first[doi.lower()]}: it takes this item's DOI."
        loaded.problems.append(Problem(
            file, field, f"“{doi}” is already the DOI of {first[doi.lower()]}.", fix,
            sources.line(file, field)))


def check_dois_across(volumes: list[Loaded]) -> None:
    """An archive's DOIs: none is given in two volumes (each volume's own clashes are its
    `check_dois`'s), reported in the later volume."""
    earlier: dict[str, str] = {}
    for volume in volumes:
        _check_unique(volume, earlier)
