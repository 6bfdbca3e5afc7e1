"""`check` on an archive, reusing each unchanged volume's results from the last run.

Checking an archive is mostly reading its volumes (20 volumes of 500 items: 14 s). A
volume's own checks (`archivecheck.check_volume`) depend on its folder, the people.yaml
entries it cites, archive.yaml and the tool; their results, and what the checks across
the volumes need of it (`VolumeCheck`), are kept in `.waqai/cache/check/`, one file
per volume, under a key made of those inputs (`volume_key`). So after one volume
changed, `check` reads that volume, people.yaml and archive.yaml, and runs the
archive-wide checks on every volume's results, as `validate_archive` does.

An entry is untrusted input: one larger than `MAX_ENTRY_BYTES`, not JSON, of another
format, for another key or not holding what a `VolumeCheck` holds is ignored, and the
volume is checked again. An entry names the people it was keyed on; the key is made
again from today's people.yaml before the entry is believed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from waqai.cachedir import (
    cache_folder,
    digest,
    read_bounded,
    stat_digest,
    tool_digest,
    write_entry,
)
from waqai.data.archive import ArchiveInfo
from waqai.data.archivecheck import VolumeCheck, check_across, check_volume, people_checks
from waqai.data.archiveload import PEOPLE_FILE, VolumeFolder, is_archive, open_archive
from waqai.data.cachecodec import (
    decode_lines,
    decode_people,
    decode_problems,
    decode_references,
    decode_strings,
    decode_volume,
    encode_lines,
    encode_people,
    encode_problems,
    encode_references,
    encode_volume,
)
from waqai.data.checks import Validation, validate
from waqai.data.load import PERSON_ID, Loaded, Reads, Sources, has_errors
from waqai.data.model import Person
from waqai.data.problems import Problem

T = TypeVar("T")

FORMAT = 1  # of an entry; changed with `VolumeCheck`
MAX_ENTRY_BYTES = 32 * 2**20  # a volume of 10,000 items with every translation missing: 9 MB


@dataclass(frozen=True)
class ArchiveCheck:
    """What `check` says of an archive: every problem, and the figures of its OK line."""

    problems: list[Problem]
    ok: bool
    volumes: int
    items: int
    sessions: int
    people: int


def check_archive(root: Path, data_dir: str = "papers") -> ArchiveCheck:
    """The problems `validate_archive` finds, each unchanged volume's from the cache, and
    people.yaml's reading and checks too while it is unchanged."""
    root = root.resolve()
    folder = cache_folder(root, "check")
    people = PeopleReads(folder / "people.json", root / data_dir / PEOPLE_FILE)
    loaded, folders = open_archive(root, data_dir, people)
    own, cache = loaded.own, CheckCache(folder / "volumes")
    checks = []
    for volume in folders:
        checked = cache.get(volume, own, loaded.info)
        if checked is None:
            checked = check_volume(volume.id, volume.load(root, Reads(keep=False)))
            cache.put(volume, own, loaded.info, checked)
        checks.append(checked)
    cache.keep_only(volume.id for volume in folders)
    people_problems = people.checked if people.checked is not None else people_checks(own)
    people.write(people_problems)
    problems = check_across(own, loaded.info, checks, people_problems)
    ok = not has_errors(problems) and loaded.info is not None and all(c.loaded for c in checks)
    return ArchiveCheck(problems, ok, len(checks), sum(c.items for c in checks),
                        sum(c.sessions for c in checks), len(own.people))


class PeopleReads(Reads):
    """`Reads` that keeps people.yaml's reading (its people, problems, ids and lines) and
    the problems of `people_checks` in `entry`, while the file's bytes stay the same: at
    7,200 people, reading it and looking for likely-same people took 2.5 s."""

    def __init__(self, entry: Path, people_yaml: Path) -> None:
        super().__init__(keep=False)
        self.entry, self.people_yaml = entry, people_yaml
        self.checked: list[Problem] | None = None  # people_checks' problems, when kept
        self._fresh: tuple[str, list[Person], Loaded] | None = None  # read now, to keep

    def file(self, path: Path, loaded: Loaded, read: Callable[[Loaded], T], *also: Any) -> T:
        if path != self.people_yaml or path.is_symlink() or not path.is_file():
            return super().file(path, loaded, read, *also)
        key = digest([str(FORMAT), tool_digest(), loaded.sources.shown(path),
                      hashlib.sha256(path.read_bytes()).hexdigest()])
        kept = self._kept(key)
        scratch = kept or Loaded(Sources(loaded.sources.root, loaded.sources.data_dir), [])
        if kept is None:
            self._fresh = (key, cast(list[Person], read(scratch)), scratch)
            scratch.people = self._fresh[1]
        loaded.problems.extend(scratch.problems)
        loaded.sources.absorb(scratch.sources)
        return cast(T, scratch.people)

    def _kept(self, key: str) -> Loaded | None:
        """The kept reading for `key` (people_checks' problems in `checked`), or None."""
        data = read_bounded(self.entry, MAX_ENTRY_BYTES)
        if data is None:
            return None
        try:
            entry = json.loads(data)
            if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get(
                    "key") != key:
                return None
            sources = Sources(self.people_yaml.parent, self.people_yaml.parent)
            sources.lines = decode_lines(entry["lines"])
            sources.declared = {PERSON_ID: set(decode_strings(entry["declared"]))}
            sources.references = decode_references(entry["references"])
            reading = Loaded(sources, decode_problems(entry["problems"]),
                             people=decode_people(entry["people"]))
            self.checked = decode_problems(entry["checked"])
        except (ValueError, KeyError, TypeError, RecursionError):
            return None
        return reading

    def write(self, checked: list[Problem]) -> None:
        """Write the reading made now, with `people_checks`' problems, for the next run."""
        if self._fresh is None:
            return
        key, people, reading = self._fresh
        sources = reading.sources
        if set(sources.declared) - {PERSON_ID} or sources.keys or sources.paper_files:
            return  # not a reading of people.yaml alone: not kept
        entry = {"format": FORMAT, "key": key, "people": encode_people(people),
                 "problems": encode_problems(reading.problems),
                 "lines": encode_lines(sources.lines),
                 "declared": sorted(sources.declared.get(PERSON_ID, ())),
                 "references": encode_references(sources.references),
                 "checked": encode_problems(checked)}
        write_json(self.entry, entry)


def check_any(root: Path, data_dir: str = "papers") -> Validation | ArchiveCheck:
    """What `build.py check` runs: `validate` of one volume, or `check_archive`."""
    if is_archive(root.resolve() / data_dir):
        return check_archive(root, data_dir)
    return validate(root, data_dir)


def ok_line(result: Validation | ArchiveCheck, data_dir: str) -> str:
    """What `check` prints when the data is valid."""
    if isinstance(result, ArchiveCheck):
        counted, items, sessions, people = (f"{result.volumes} volumes, ", result.items,
                                            result.sessions, result.people)
    else:
        proc = result.proceedings
        assert proc is not None, "ok_line() is for valid data"
        counted, items, sessions, people = "", len(proc.papers), len(proc.sessions), len(
            proc.people)
    return f"OK: {counted}{items} items, {sessions} sessions, {people} people in {data_dir}/."


def volume_key(volume: VolumeFolder, own: Loaded, info: ArchiveInfo | None,
               referenced: Iterable[str]) -> str:
    """What a volume's checks depend on: its folder (each file's path, size and times), the
    entries of the people it cites as read from people.yaml (or that they are missing, when
    the ids known are what a suggestion is drawn from), archive.yaml, and the tool."""
    people = {person.id: person for person in own.people}
    declared = own.sources.declared.get(PERSON_ID, set())
    parts = [str(FORMAT), tool_digest(), volume.data_dir, repr(info),
             stat_digest(volume.folder)]
    unknown = False
    for person_id in sorted(referenced):
        if person_id in people:
            parts.append(repr(people[person_id]))
        else:  # an entry that did not load, or no entry: its problem names the id
            parts.append(f"{person_id} {'declared' if person_id in declared else 'unknown'}")
            unknown = unknown or person_id not in declared
    if unknown:  # "Did you mean …?" is drawn from every id people.yaml gives
        parts.append(repr(sorted(declared)))
    return digest(parts)


class CheckCache:
    """One file per volume in `folder`, named by the volume's id."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, volume_id: str) -> Path:
        return self.folder / f"{digest([volume_id])[:32]}.json"

    def get(self, volume: VolumeFolder, own: Loaded,
            info: ArchiveInfo | None) -> VolumeCheck | None:
        """The volume's kept results, if they are for its inputs as they are now."""
        data = read_bounded(self.path(volume.id), MAX_ENTRY_BYTES)
        if data is None:
            return None
        try:
            entry = json.loads(data)
            if not isinstance(entry, dict) or entry.get("format") != FORMAT:
                return None
            checked = decode_volume(entry["check"])
        except (ValueError, KeyError, TypeError, RecursionError):
            return None  # not an entry: made again, and written over
        if checked.id != volume.id or entry.get("key") != volume_key(
                volume, own, info, checked.referenced):
            return None
        return checked

    def put(self, volume: VolumeFolder, own: Loaded, info: ArchiveInfo | None,
            checked: VolumeCheck) -> None:
        entry = {"format": FORMAT, "key": volume_key(volume, own, info, checked.referenced),
                 "check": encode_volume(checked)}
        write_json(self.path(volume.id), entry)

    def keep_only(self, volume_ids: Iterable[str]) -> None:
        """Delete the entries of volumes that are gone, so the cache does not grow."""
        if not self.folder.is_dir():
            return
        kept = {self.path(volume_id).name for volume_id in volume_ids}
        for path in self.folder.glob("*.json"):
            if path.name not in kept:
                path.unlink(missing_ok=True)


def write_json(path: Path, entry: dict[str, Any]) -> None:
    data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(data) <= MAX_ENTRY_BYTES:  # a larger one would be refused when read
        write_entry(path, data)
