"""The typed model of an archive: the volumes of several conferences in one site.

Plain, frozen data like `model.py`, which it is built on: each volume is a whole
`Proceedings`, so the code written for one volume (pages, exports, search) works on
any volume of an archive unchanged. A volume's `Proceedings` holds only the people
its items, sessions and statements cite, and its conference's `site_url` is the
archive's followed by the volume's id. The archive keeps the whole people.yaml, so
that one person is one `Person` (the same object) in every volume, and the lookups
across volumes (a person's volumes and items, in year order) are derived here, never
stored twice. The loader is `archiveload.py`; `archivecheck.validate_archive` gives it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from waqai.data.model import Conference, Link, Paper, Person, Proceedings, Text


@dataclass(frozen=True)
class ArchiveInfo:
    """What archive.yaml says of the archive as a whole."""

    title: Text
    site_url: str  # ends in "/"; each volume is at site_url + "<volume id>/"
    publisher: Text | None = None
    description: Text | None = None
    # The volume whose pages were at the site's root before the site became an archive
    # (`archiveconvert`): the build keeps its old addresses (`site.redirects`).
    moved_from_root: str | None = None


@dataclass(frozen=True)
class Volume:
    """One conference of the archive: its folder's name is its id."""

    id: str
    proceedings: Proceedings

    @property
    def conference(self) -> Conference:
        return self.proceedings.conference

    @property
    def path(self) -> str:
        """Where the volume is below the archive's address: "<id>/"."""
        return f"{self.id}/"


class VolumeLink(NamedTuple):
    """One of a person's ties (`model.Link`) and the volume it is in."""

    volume: Volume
    link: Link


class VolumeItem(NamedTuple):
    """One item and the volume it is in (two volumes may each have an item of one id)."""

    volume: Volume
    paper: Paper

    @property
    def key(self) -> str:
        """The item's id across the archive: "<volume id>/<item id>" (the archive's pages
        list items by it, for the after-build check)."""
        return f"{self.volume.id}/{self.paper.id}"


def volume_order(volume: Volume) -> tuple[object, ...]:
    """Volumes are listed by their conference's dates, then by id."""
    return (volume.conference.start, volume.conference.end, volume.id)


@dataclass(frozen=True)
class Archive:
    info: ArchiveInfo
    people: tuple[Person, ...]  # the whole people.yaml, in its order
    volumes: tuple[Volume, ...]  # kept in `volume_order`, whatever order they are given in
    _volumes_by_id: dict[str, Volume] = field(init=False, repr=False, compare=False)
    _people_by_id: dict[str, Person] = field(init=False, repr=False, compare=False)
    _links_by_person: dict[str, tuple[VolumeLink, ...]] = field(init=False, repr=False,
                                                                compare=False)
    _volumes_by_person: dict[str, tuple[Volume, ...]] = field(init=False, repr=False,
                                                              compare=False)

    def __post_init__(self) -> None:
        volumes = tuple(sorted(self.volumes, key=volume_order))
        links: dict[str, list[VolumeLink]] = {}
        in_volumes: dict[str, list[Volume]] = {}
        for volume in volumes:
            for person in volume.proceedings.people:
                in_volumes.setdefault(person.id, []).append(volume)
                links.setdefault(person.id, []).extend(
                    VolumeLink(volume, link) for link in volume.proceedings.links_of(person.id))
        setattr_ = object.__setattr__
        setattr_(self, "volumes", volumes)
        setattr_(self, "_volumes_by_id", {volume.id: volume for volume in volumes})
        setattr_(self, "_people_by_id", {person.id: person for person in self.people})
        setattr_(self, "_links_by_person", {pid: tuple(found) for pid, found in links.items()})
        setattr_(self, "_volumes_by_person", {pid: tuple(found)
                                              for pid, found in in_volumes.items()})

    def volume(self, volume_id: str) -> Volume:
        return self._volumes_by_id[volume_id]

    def person(self, person_id: str) -> Person:
        return self._people_by_id[person_id]

    def volume_url(self, volume: Volume) -> str:
        """The volume's address: the archive's followed by the volume's id."""
        return self.info.site_url + volume.path

    def links_of(self, person_id: str) -> tuple[VolumeLink, ...]:
        """Every session chaired, item given and statement made across the archive: by
        volume in year order, then in each volume's programme order."""
        return self._links_by_person.get(person_id, ())

    def volumes_of(self, person_id: str) -> tuple[Volume, ...]:
        """The volumes the person is in, in year order: through an item, a session chaired,
        a statement, or as one of the volume's editors (who have no link of their own)."""
        return self._volumes_by_person.get(person_id, ())

    def items_of(self, person_id: str) -> tuple[VolumeItem, ...]:
        """The items the person is one of the people of (author, speaker, panellist), by
        volume in year order, then in programme order."""
        return tuple(VolumeItem(found.volume, found.link.paper)
                     for found in self.links_of(person_id) if found.link.paper is not None)
