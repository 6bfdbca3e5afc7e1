"""`check` on an archive: every volume checked as one volume is, people.yaml and the
citation keys once across the volumes.

Each check of one volume (`checks.CHECKS`) runs on each volume, its problems naming
that volume's files, but for those that belong to the archive as a whole: the checks of
people.yaml (`PEOPLE_CHECKS`: a person no volume cites, two entries that may be one
person, an ORCID iD given twice), run once over the archive's people.yaml, and the
clash of stored citation keys, run over the items of every volume (a key is one item's
for good, whichever volume it is in). A translation gap in people.yaml is an error when
a volume that cites the person says `translations: required`.

`validate_any` is what `build.py check` calls: it reads either layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from waqai.data.archive import Archive
from waqai.data.archiveload import (
    ARCHIVE_FILE,
    MOVED_VOLUME_FOLDERS,
    LoadedArchive,
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
from waqai.data.doicheck import check_dois_across
from waqai.data.fields import MOVED_FROM_ROOT
from waqai.data.load import Reads, Sources, cited_people, has_errors
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


def validate_archive(root: Path, data_dir: str = "papers",
                     reads: Reads | None = None) -> ArchiveValidation:
    """Load and check the archive in `root/data_dir`; the model only when no error was found.
    `reads` as for `load.load`: kept between calls, unchanged files are not parsed again."""
    loaded = load_archive(root, data_dir, reads)
    own, volumes = loaded.own, list(loaded.volumes.values())
    check_references(own)  # the ids people.yaml itself cites (distinct_from)
    for volume in volumes:
        for check in VOLUME_CHECKS:
            check(volume)
    check_key_clashes(every_volume(loaded), own.problems)
    check_moved_from_root(loaded)
    check_dois_across(volumes)
    for check in PEOPLE_CHECKS:
        if check is check_unused_people:
            if not any(has_errors(part.problems) for part in (own, *volumes)):
                # items that failed to load would make their people look unused
                report_unused_people(own, set().union(*map(cited_people, volumes)),
                                     " of any volume")
        else:
            check(own)
    settle_people_gaps(loaded)
    problems = sort_problems([*own.problems, *(p for v in volumes for p in v.problems)])
    if (has_errors(problems) or loaded.info is None
            or any(volume.conference is None for volume in volumes)):
        return ArchiveValidation(None, problems)
    archive = assemble_archive(loaded)
    clashes = derived_key_clashes(archive, loaded)
    if clashes:
        return ArchiveValidation(None, sort_problems([*problems, *clashes]))
    return ArchiveValidation(archive, problems)


def derived_key_clashes(archive: Archive, loaded: LoadedArchive) -> list[Problem]:
    """An item whose citation key, derived from its data (no `key:` stored), is already
    another volume's item's: the archive's files would cite two items by one key. Stored
    keys are `check_key_clashes`'s; within a volume `citation_keys` keeps keys apart."""
    first: dict[str, tuple[str, str]] = {}  # same_key -> (volume id, item id)
    problems = []
    for volume in archive.volumes:
        sources = loaded.volumes[volume.id].sources
        keys = citation_keys(volume.proceedings)
        for paper in volume.proceedings.papers:
            key = keys[paper.id]
            other = first.setdefault(same_key(key), (volume.id, paper.id))
            if other[0] == volume.id:
                continue
            file = sources.paper_files[paper.id]
            problems.append(Problem(
                file, "key", f"“{key}”, the citation key its data gives it, is already the key "
                f"of {other[1]} in the volume {other[0]}, so the archive's files would cite "
                "two items by one key.", f"Store this item's own key on the line under `id:`, "
                f"e.g. `key: {free_key(key, set(first))}`.", sources.line(file, "id")))
    return problems


def check_moved_from_root(loaded: LoadedArchive) -> None:
    """archive.yaml's `moved_from_root` names a volume of the archive, and no volume's folder
    takes one of that volume's old page folders at the root (papers/, sessions/ …): its
    redirect pages are there."""
    moved = loaded.info.moved_from_root if loaded.info else None
    if moved is None:
        return
    sources = loaded.own.sources
    shown = sources.shown(sources.data_dir / ARCHIVE_FILE)
    line = sources.line(shown, MOVED_FROM_ROOT)
    if moved not in loaded.volumes:
        loaded.own.problems.append(Problem(
            shown, MOVED_FROM_ROOT, f"“{moved}” is no volume of the archive: it names the "
            "volume that was the site's root, whose old addresses the build keeps.",
            f"Write the id (folder name) of that volume, one of {', '.join(loaded.volumes)}; "
            "or delete the line if no volume was ever at the site's root.", line))
    for volume_id in loaded.volumes:
        if volume_id in MOVED_VOLUME_FOLDERS:
            loaded.own.problems.append(Problem(
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


def every_volume(loaded: LoadedArchive) -> Sources:
    """The sources of every volume as one, for what is checked across them (their shown
    paths differ: each starts with its volume's folder)."""
    merged = Sources(loaded.own.sources.root, loaded.own.sources.data_dir)
    for volume in loaded.volumes.values():
        merged.absorb(volume.sources)
    return merged


def settle_people_gaps(loaded: LoadedArchive) -> None:
    """A translation gap in people.yaml is an error where a volume citing the person says
    `translations: required` (one volume does: "conference.yaml says …")."""
    own = loaded.own
    people_file = own.sources.people_file()
    strict = {volume.sources.shown(volume.sources.data_dir / "conference.yaml"):
              cited_people(volume) for volume in loaded.volumes.values()
              if volume.conference is not None
              and volume.conference.translations is TranslationPolicy.REQUIRED}

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


def ok_line(result: Validation | ArchiveValidation, data_dir: str) -> str:
    """What `check` prints when the data is valid."""
    if isinstance(result, ArchiveValidation):
        assert result.archive is not None, "ok_line() is for valid data"
        procs = [volume.proceedings for volume in result.archive.volumes]
        counted = f"{len(procs)} volumes, "
        people = len(result.archive.people)
    else:
        assert result.proceedings is not None, "ok_line() is for valid data"
        procs, counted, people = [result.proceedings], "", len(result.proceedings.people)
    return (f"OK: {counted}{sum(len(p.papers) for p in procs)} items, "
            f"{sum(len(p.sessions) for p in procs)} sessions, {people} people in {data_dir}/.")
