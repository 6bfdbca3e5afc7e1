"""The search index of an archive of volumes: every volume's records, in one index per
language at the archive's root, each result labelled with its volume.

The records are those each volume's own index is made of (`records.records`), their
URLs below the volume's folder ("wanlp-2022/en/papers/x/"). Results of equal score keep
the index's order, so the volumes take turns in it, newest first: the first item of each
volume, then the second of each, …; then the sessions and the pages alike. A person is one
result, for their page across the archive (`/people/<id>/`), whichever volumes cite them.
A query whose words are in many titles (e.g. "dialect") thus shows every volume on its
first page of results, not the newest volume's items only.

A row does not repeat its volume's label: the manifest lists the volumes once,
`"volumes": [[path, label], …]`, and a row's volume is the one whose path starts its URL
(`volume_of`). The archive's home page build writes it (`site/passes.py`), not the
archive build after the volumes: that build has the whole archive loaded, from the data,
runs beside the volumes' builds, and the index needs none of their output.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path

from waqai.data.archive import Archive, Volume, volume_order
from waqai.data.model import LANGS, Lang
from waqai.search.index import IndexFolder, IndexStats
from waqai.search.records import Record, person_record, records

VolumeLabel = tuple[str, str]  # (path "<id>/", label "CSC-2015")
PEOPLE = 2  # the people's section of `sections`: papers, sessions, people, pages


def volume_label(volume: Volume, lang: Lang) -> str:
    """What names a volume in a result: its short name, with its year when the short name
    has none ("CSC-2015", "WANLP 2022"); its title and year when it has no short name."""
    conf = volume.conference
    name = conf.short_name.strip() or conf.title.shown(lang).text
    year = str(conf.year)
    return name if year in name else f"{name} {year}"


def newest_first(archive: Archive) -> list[Volume]:
    return sorted(archive.volumes, key=volume_order, reverse=True)


def volume_records(volume: Volume, lang: Lang) -> Iterator[Record]:
    """The volume's own index's records in LANG, their URLs below the volume's folder."""
    for record in records(volume.proceedings, lang):
        yield dataclasses.replace(record, url=volume.path + record.url)


def sections(volume: Volume, lang: Lang) -> list[list[Record]]:
    """The volume's records in LANG as `records` gives them, cut into its papers, sessions,
    people and pages."""
    found = list(volume_records(volume, lang))
    proc = volume.proceedings
    ends = list(itertools.accumulate((len(proc.papers), len(proc.sessions), len(proc.people))))
    return [found[start:end] for start, end in zip([0, *ends], [*ends, len(found)])]


def archive_records(archive: Archive, lang: Lang) -> Iterator[Record]:
    """Each section (papers, sessions, pages) of every volume, the volumes taking turns,
    newest first; the people once each, for their page across the archive
    (`/people/<id>/`, no volume's), in people.yaml's order, before the pages."""
    per_volume = [sections(volume, lang) for volume in newest_first(archive)]
    for at, section in enumerate(zip(*per_volume)):
        if at == PEOPLE:
            yield from (person_record(person, lang) for person in archive.people
                        if archive.volumes_of(person.id))
            continue
        for turn in itertools.zip_longest(*section):
            yield from (record for record in turn if record is not None)


def volume_labels(archive: Archive, lang: Lang) -> list[VolumeLabel]:
    return [(volume.path, volume_label(volume, lang)) for volume in newest_first(archive)]


def volume_of(url: str, volumes: Sequence[Sequence[str]]) -> str:
    """The label of the volume a row's URL is in (the manifest's `volumes`), or ""."""
    return next((label for path, label in volumes if url.startswith(path)), "")


def write_archive_indexes(archive: Archive, site_dir: Path) -> dict[Lang, IndexStats]:
    """Both languages' archive-wide indexes, in `site_dir`/search/<lang>/."""
    stats = {}
    for lang in LANGS:
        index = IndexFolder(volumes=volume_labels(archive, lang))
        index.update(archive_records(archive, lang))
        stats[lang] = index.write(Path(site_dir) / "search" / lang)
    return stats
