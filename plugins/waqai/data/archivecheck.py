"""`check` on an archive: every volume checked as one volume is, people.yaml and the
citation keys once across the volumes.

Each check of one volume (`checks.CHECKS`) runs on each volume, its problems naming
that volume's files, but for those that belong to the archive as a whole: the checks of
people.yaml (`PEOPLE_CHECKS`: a person no volume cites, two entries that may be one
person, an ORCID iD given twice), run once over the archive's people.yaml, and the
clash of stored citation keys, run over the items of every volume (a key is one item's
for good, whichever volume it is in). A translation gap in people.yaml is an error when
a volume that cites the person says `translations: required`.

`validate_any` reads either layout (`build.py export` calls it; `build.py check` calls
`checkcache.check_any`, which reuses each unchanged volume's results).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from waqai.data.archive import Archive, ArchiveInfo
from waqai.data.archiveload import (
    ARCHIVE_FILE,
    MOVED_VOLUME_FOLDERS,
    assemble_archive,
    is_archive,
    load_archive,
)
from waqai.data.checks import (
    CHECKS,
    PEOPLE_CHECKS,
    Fingerprint,
    Validation,
    check_key_clashes,
    check_keys,
    check_keys_written,
    check_references,
    check_unused_people,
    fingerprint,
    report_unused_people,
    required_gap,
    validate,
)
from waqai.data.citekeys import citation_keys, free_key, same_key
from waqai.data.doicheck import VolumeDois, check_dois_across, volume_dois
from waqai.data.fields import MOVED_FROM_ROOT
from waqai.data.load import PERSON_ID, Loaded, Reads, Sources, assemble, cited_people, has_errors
from waqai.data.model import TranslationPolicy
from waqai.data.problems import Problem, sort_problems

# The checks each volume gets: one volume's, but those the archive runs once.
VOLUME_CHECKS = [check_keys_written if check is check_keys else check
                 for check in CHECKS if check not in PEOPLE_CHECKS]


@dataclass(frozen=True)
class ArchiveValidation:
    archive: Archive | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.archive is not None


@dataclass(frozen=True)
class VolumeCheck:
    """One volume checked (`VOLUME_CHECKS`), and what the checks across the volumes need of
    it: all that `check` keeps of a volume between runs (`checkcache`)."""

    id: str
    problems: tuple[Problem, ...]  # its own, found by its own checks
    referenced: frozenset[str]  # every person id its files cite (items that failed too)
    cited: frozenset[str]  # the people its items, sessions and statements cite (`cited_people`)
    keys: tuple[tuple[str, str, int | None], ...]  # stored keys: (paper.yaml, key, its line)
    dois: VolumeDois
    conference_file: str  # shown
    loaded: bool  # conference.yaml was read cleanly
    strict: bool  # `translations: required`
    dates: tuple[str, str]  # the conference's start and end (ISO), for the volume order
    # Without an error: each item's derived key, in programme order (id, key, file, line).
    derived: tuple[tuple[str, str, str, int | None], ...] | None
    items: int
    sessions: int


def check_volume(volume_id: str, volume: Loaded) -> VolumeCheck:
    """Run one volume's checks on its reading, and keep what the archive needs of it."""
    for check in VOLUME_CHECKS:
        check(volume)
    sources, conf = volume.sources, volume.conference
    derived = None
    if conf is not None and not has_errors(volume.problems):
        proc = assemble(volume)
        keys = citation_keys(proc)
        derived = tuple((paper.id, keys[paper.id], sources.paper_files[paper.id],
                         sources.line(sources.paper_files[paper.id], "id"))
                        for paper in proc.papers)
    referenced = {ref.value for ref in sources.references if ref.what == PERSON_ID}
    return VolumeCheck(
        volume_id, tuple(volume.problems), frozenset(referenced), frozenset(cited_people(volume)),
        tuple((file, key, sources.line(file, "key")) for file, key in sorted(sources.keys.items())),
        volume_dois(volume), sources.shown(sources.data_dir / "conference.yaml"),
        conf is not None, conf is not None and conf.translations is TranslationPolicy.REQUIRED,
        (conf.start.isoformat(), conf.end.isoformat()) if conf else ("", ""), derived,
        len(volume.papers), len(volume.sessions))


def validate_archive(root: Path, data_dir: str = "papers",
                     reads: Reads | None = None) -> ArchiveValidation:
    """Load and check the archive in `root/data_dir`; the model only when no error was found.
    `reads` as for `load.load`: kept between calls, unchanged files are not parsed again."""
    loaded = load_archive(root, data_dir, reads)
    checks = [check_volume(volume_id, volume) for volume_id, volume in loaded.volumes.items()]
    problems = check_across(loaded.own, loaded.info, checks, people_checks(loaded.own))
    if has_errors(problems) or loaded.info is None or not all(c.loaded for c in checks):
        return ArchiveValidation(None, problems)
    return ArchiveValidation(assemble_archive(loaded), problems)


def people_checks(own: Loaded) -> list[Problem]:
    """The problems of the checks of people.yaml alone (`PEOPLE_CHECKS` but the unused
    people, which needs every volume): they depend on that one file."""
    alone = Loaded(own.sources, problems=[], people=own.people)
    for check in PEOPLE_CHECKS:
        if check is not check_unused_people:
            check(alone)
    return alone.problems


def check_across(own: Loaded, info: ArchiveInfo | None, checks: list[VolumeCheck],
                 people_problems: list[Problem]) -> list[Problem]:
    """The checks of the archive as a whole, on `own` (archive.yaml and people.yaml), each
    volume's results and `people_checks`' problems: every problem, the volumes' own
    included, sorted."""
    check_references(own)  # the ids people.yaml itself cites (distinct_from)
    check_moved_from_root(own, info, [check.id for check in checks])
    check_key_clashes(stored_keys(own.sources, checks), own.problems)
    across = check_dois_across([check.dois for check in checks])
    if not has_errors([*own.problems, *across]) and not any(
            has_errors(list(volume.problems)) for volume in checks):
        # items that failed to load would make their people look unused
        report_unused_people(own, set().union(*(volume.cited for volume in checks)),
                             " of any volume")
    own.problems.extend(people_problems)
    settle_people_gaps(own, checks)
    problems = sort_problems([*own.problems, *across,
                              *(problem for volume in checks for problem in volume.problems)])
    if has_errors(problems) or info is None or not all(volume.loaded for volume in checks):
        return problems
    clashes = derived_key_clashes(checks)
    return sort_problems([*problems, *clashes]) if clashes else problems


def derived_key_clashes(checks: list[VolumeCheck]) -> list[Problem]:
    """An item whose citation key, derived from its data (no `key:` stored), is already
    another volume's item's: the archive's files would cite two items by one key. Stored
    keys are `check_key_clashes`'s; within a volume `citation_keys` keeps keys apart."""
    first: dict[str, tuple[str, str]] = {}  # same_key -> (volume id, item id)
    problems = []
    for volume in sorted(checks, key=lambda volume: (*volume.dates, volume.id)):
        for paper_id, key, file, line in volume.derived or ():
            other = first.setdefault(same_key(key), (volume.id, paper_id))
            if other[0] == volume.id:
                continue
            problems.append(Problem(
                file, "key", f"“{key}”, the citation key its data gives it, is already the key "
                f"of {other[1]} in the volume {other[0]}, so the archive's files would cite "
                "two items by one key.", f"Store this item's own key on the line under `id:`, "
                f"e.g. `key: {free_key(key, set(first))}`.", line))
    return problems


def check_moved_from_root(own: Loaded, info: ArchiveInfo | None,
                          volumes: list[str]) -> None:
    """archive.yaml's `moved_from_root` names a volume of the archive (`volumes`: their ids),
    and no volume's folder takes one of that volume's old page folders at the root
    (papers/, sessions/ …): its redirect pages are there."""
    moved = info.moved_from_root if info else None
    if moved is None:
        return
    sources = own.sources
    shown = sources.shown(sources.data_dir / ARCHIVE_FILE)
    line = sources.line(shown, MOVED_FROM_ROOT)
    if moved not in volumes:
        own.problems.append(Problem(
            shown, MOVED_FROM_ROOT, f"“{moved}” is no volume of the archive: it names the "
            "volume that was the site's root, whose old addresses the build keeps.",
            f"Write the id (folder name) of that volume, one of {', '.join(volumes)}; "
            "or delete the line if no volume was ever at the site's root.", line))
    for volume_id in volumes:
        if volume_id in MOVED_VOLUME_FOLDERS:
            own.problems.append(Problem(
                f"{sources.shown(sources.data_dir / volume_id)}/", "", f"“{volume_id}” cannot "
                f"be a volume's id here: {volume_id}/ at the site's root holds the old "
                f"addresses of the volume {moved}, which was the site's root "
                f"(archive.yaml's `{MOVED_FROM_ROOT}`).",
                "Rename the folder, e.g. to the conference's short name and year (csc-2016/)."))


_last: tuple[Fingerprint, ArchiveValidation] | None = None


def validate_archive_cached(root: Path, data_dir: str = "papers",
                            stamp: Fingerprint | None = None) -> ArchiveValidation:
    """`validate_archive()`, reusing the last result while no file of the archive has changed:
    `build` validates before building, and each volume's build (a child process, forked with
    that result where the platform forks) asks again."""
    global _last
    if stamp is None:
        stamp = fingerprint(root.resolve() / data_dir)
    if _last is None or _last[0] != stamp:
        _last = (stamp, validate_archive(root, data_dir))
    return _last[1]


def stored_keys(own: Sources, checks: list[VolumeCheck]) -> Sources:
    """The keys stored in every volume as the sources of one, for `check_key_clashes`
    across them (their shown paths differ: each starts with its volume's folder)."""
    merged = Sources(own.root, own.data_dir)
    for volume in checks:
        for file, key, line in volume.keys:
            merged.keys[file] = key
            if line is not None:
                merged.lines[(file, "key")] = line
    return merged


def settle_people_gaps(own: Loaded, checks: list[VolumeCheck]) -> None:
    """A translation gap in people.yaml is an error where a volume citing the person says
    `translations: required` (one volume does: "conference.yaml says …")."""
    people_file = own.sources.people_file()
    strict = {volume.conference_file: volume.cited for volume in checks
              if volume.loaded and volume.strict}

    def settled(problem: Problem) -> Problem:
        if not problem.is_gap or problem.file != people_file:
            return problem
        person_id = problem.field.partition(".")[0]
        requiring = next((file for file, cited in strict.items() if person_id in cited), None)
        return problem if requiring is None else required_gap(problem, requiring)

    own.problems[:] = [settled(problem) for problem in own.problems]


def validate_any(root: Path, data_dir: str = "papers") -> Validation | ArchiveValidation:
    """`validate` of one volume, or `validate_archive` of an archive: what the data folder
    holds (`archiveload.is_archive`)."""
    if is_archive(root.resolve() / data_dir):
        return validate_archive(root, data_dir)
    return validate(root, data_dir)
