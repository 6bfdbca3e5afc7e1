"""What `check` says about DOIs: suffix patterns that give characters Crossref refuses,
placeholders it does not know, and two DOIs that are one (see `dois.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class DoiClaim:
    """A DOI a volume gives, and where: the volume's own (its conference.yaml) or an
    item's (`stated`: its `doi:`, not the one the prefix gives it)."""

    doi: str
    file: str
    field: str
    line: int | None
    stated: bool = False


@dataclass(frozen=True)
class VolumeDois:
    """Every DOI one volume gives, what the checks across an archive's volumes need of it
    (kept with a volume's cached results: `checkcache`)."""

    folder: str  # the volume's data folder, shown
    volume: DoiClaim | None
    items: tuple[DoiClaim, ...]  # in the order of their files
    prefixed: bool  # conference.yaml gives a `doi_prefix`


def volume_dois(loaded: Loaded) -> VolumeDois:
    sources, conf = loaded.sources, loaded.conference
    conference_file = sources.shown(sources.data_dir / "conference.yaml")
    doi = volume_doi(conf) if conf else None
    volume = DoiClaim(doi, conference_file, "doi_volume_suffix",
                      sources.line(conference_file, "doi_volume_suffix")
                      or sources.line(conference_file, "doi_prefix")) if doi else None
    items = []
    for paper in sorted(loaded.papers, key=lambda p: sources.paper_files[p.id]):
        doi = item_doi(conf, paper) if conf else paper.doi
        if doi is not None:
            file, field = sources.paper_files[paper.id], "doi" if paper.doi else "id"
            items.append(DoiClaim(doi, file, field, sources.line(file, field), bool(paper.doi)))
    return VolumeDois(sources.shown(sources.data_dir), volume, tuple(items),
                      conf is not None and conf.doi_prefix is not None)


def _check_unique(loaded: Loaded) -> None:
    loaded.problems.extend(unique_dois(volume_dois(loaded)))


def unique_dois(dois: VolumeDois, earlier: dict[str, str] | None = None) -> list[Problem]:
    """No two items, nor an item and the volume, share a DOI (DOIs are case-insensitive).

    With `earlier` (an archive's volumes checked before this one: folded DOI -> where it
    is first given, which this volume's are added to), only a DOI given in an earlier
    volume is reported: the volume's own clashes are its `check_dois`'s."""
    across = earlier is not None
    first: dict[str, str] = earlier if earlier is not None else {}
    before = set(first)
    problems = []
    volume = dois.volume
    if volume and volume.doi.lower() in first:  # an archive's earlier volume gives it
        problems.append(Problem(
            volume.file, volume.field, f"gives the volume the DOI “{volume.doi}”, already the "
            f"DOI of {first[volume.doi.lower()]}.", "Give each volume its own "
            "`doi_volume_suffix`.", volume.line))
    elif volume:
        first[volume.doi.lower()] = f"the volume {dois.folder}/" if across else "the volume"
    for item in dois.items:
        folded = item.doi.lower()
        if folded not in first:
            first[folded] = f"{item.file}:{item.line}"
            continue
        if across and folded not in before:
            continue
        if item.stated:
            fix = "Correct the `doi:` of one of them"
            fix += " (or remove it here, so the item gets the DOI the prefix gives it)." \
                if dois.prefixed else "."
        else:
            fix = f"Correct the DOI given in {first[folded]}: it takes this item's DOI."
        problems.append(Problem(item.file, item.field, f"“{item.doi}” is already the DOI of "
                                f"{first[folded]}.", fix, item.line))
    return problems


def check_dois_across(volumes: list[VolumeDois]) -> list[Problem]:
    """An archive's DOIs: none is given in two volumes (each volume's own clashes are its
    `check_dois`'s), reported in the later volume."""
    earlier: dict[str, str] = {}
    return [problem for volume in volumes for problem in unique_dois(volume, earlier)]
