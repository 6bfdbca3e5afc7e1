"""The pages of an archive's own build: what they are made from, and their kinds.

A volume's pages are made from one `Proceedings` (`SitePlan`, `PageKind`); the archive's
home build makes its pages from the `Archive` already loaded, never from a volume's HTML:
its home page (pages/archive.py), its speaker index and a page per person across the
volumes (pages/archivepeople.py). Each kind says, as a volume's does, which of the
after-build check's attributes its template writes (`lists`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from waqai.data.archive import Archive
from waqai.data.model import Lang, Person
from waqai.site.pages import Context, Links, PageSpec, Plan
from waqai.site.pages.bounds import PageBounds


@dataclass(frozen=True)
class ArchivePlan(Plan):
    """The archive, and the bounds of what one of its pages may list."""

    archive: Archive
    bounds: PageBounds = field(default_factory=PageBounds)

    @property
    def people(self) -> Sequence[Person]:
        """Who has a page: everyone some volume cites, in people.yaml's order (`check`
        warns of an entry none cites)."""
        archive = self.archive
        return self.once("people", lambda: tuple(person for person in archive.people
                                                 if archive.volumes_of(person.id)))


ArchiveContextFn = Callable[[ArchivePlan, PageSpec, Lang, Links], Context]


@dataclass(frozen=True)
class ArchivePageKind:
    name: str
    template: str
    specs: Callable[[ArchivePlan], Iterable[PageSpec]]
    context: ArchiveContextFn
    lists: tuple[str, ...] = ()  # the attributes of site/pages/__init__.py it writes


def archive_page_kinds() -> list[ArchivePageKind]:
    from waqai.site.pages import archive, archivepeople

    return [archive.HOME, *archivepeople.KINDS]
