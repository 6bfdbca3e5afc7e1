"""An archive's export files: each volume's, and the archive's own, made from the same records.

Each volume's files are what a one-volume export of it writes (`files.export_files`), under
its folder, `<volume-id>/`. The archive adds, at its root, in both forms as the volume
files are (`files.form_file`: `archive.bib` original, `archive.en.bib` romanised):

- `archive.bib`, `archive.ris`, `archive.json`, `archive.mods.xml`, `archive.enw`: every
  listed item of every volume, volume by volume in year order (`archive.volume_order`),
  each volume's in programme order; the BibTeX also as `archive+abstracts.bib`, each
  entry with its abstract, as the ACL Anthology's `anthology.bib` and `anthology+abstracts.bib`;
- `people/<person-id>/<person-id>.bib`: every listed item of one person across the
  archive, in year order, beside the person's page (`urls.person_url`), for each person
  with one at least.

Nothing is formatted twice: each item's texts are those its volume's export made (the
volume's `ExportCache`), from a record made with its own volume's `Proceedings`, so its
booktitle, year and city are its volume's. A retracted or withdrawn item is left out, as
the volume files leave it out. A citation key is an item's across the archive: `check`
refuses two items with one key, stored or derived (`archivecheck.derived_key_clashes`).

`export` writes them all (`archive_export_files`); the archive's site build writes only the
archive's own (`archive_site_files`), as each volume's build writes that volume's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from waqai.data.archive import Archive, Volume
from waqai.data.model import Paper, Person
from waqai.exports.bibtex import join_entries
from waqai.exports.csl import join_items
from waqai.exports.endnote import join_records as join_endnote
from waqai.exports.files import ExportCache, PaperExports, export_files, form_file
from waqai.exports.kept import KeptItems
from waqai.exports.keys import citation_keys
from waqai.exports.mods import join_records as join_mods
from waqai.exports.record import FORMS, Form, Record
from waqai.exports.ris import join_records
from waqai.urls import person_url

ARCHIVE_STEM = "archive"
WITH_ABSTRACTS = "archive+abstracts"


def archive_file(fmt: str, form: Form = "original") -> str:
    return form_file(ARCHIVE_STEM, fmt, form)


def abstracts_file(form: Form = "original") -> str:
    return form_file(WITH_ABSTRACTS, "bib", form)


def person_file(person: Person, form: Form = "original") -> str:
    return form_file(f"{person_url(person)}{person.id}", "bib", form)


@dataclass(frozen=True)
class ListedItem:
    """One item the archive's files list, with what its volume's export made of it."""

    volume: Volume
    paper: Paper
    record: Record
    texts: dict[Form, PaperExports]


@dataclass(frozen=True)
class ArchiveExports:
    """Every export file of the archive (path below the archive's root -> text), and how
    many belong to its volumes."""

    files: dict[str, str]
    volume_files: int


def listed_items(volume: Volume, keys: dict[str, str], cache: ExportCache) -> list[ListedItem]:
    """The volume's listed items, each formatted by `cache` (unless it holds them already)."""
    proc = volume.proceedings
    return [ListedItem(volume, paper, *cache.item(proc, paper, keys))
            for paper in proc.papers if paper.in_volume]


def volume_exports(volume: Volume) -> tuple[dict[str, str], list[ListedItem]]:
    """The volume's own files, at their paths below the archive's root, and its listed items."""
    proc = volume.proceedings
    keys, cache = citation_keys(proc), ExportCache()
    files = {f"{volume.path}{path}": text
             for path, text in export_files(proc, keys, cache).items()}
    return files, listed_items(volume, keys, cache)


def joined_files(items: list[ListedItem]) -> dict[str, str]:
    """The archive's whole files of `items`, in the order given."""
    files: dict[str, str] = {}
    for form in FORMS:
        files[archive_file("bib", form)] = join_entries(item.texts[form].bib for item in items)
        files[abstracts_file(form)] = join_entries(item.texts[form].bib_abstract
                                                   for item in items)
        files[archive_file("ris", form)] = join_records(item.texts[form].ris for item in items)
        files[archive_file("json", form)] = join_items(item.texts[form].csl for item in items)
        files[archive_file("mods.xml", form)] = join_mods(item.texts[form].mods
                                                         for item in items)
        files[archive_file("enw", form)] = join_endnote(item.texts[form].enw for item in items)
    return files


def people_files(archive: Archive, items: list[ListedItem]) -> dict[str, str]:
    """Each person's BibTeX, both forms: their listed items in year order (`items_of`)."""
    by_item = {(item.volume.id, item.paper.id): item for item in items}
    files: dict[str, str] = {}
    for person in archive.people:
        theirs = [by_item[found.volume.id, found.paper.id]
                  for found in archive.items_of(person.id)
                  if (found.volume.id, found.paper.id) in by_item]
        if theirs:
            for form in FORMS:
                files[person_file(person, form)] = join_entries(item.texts[form].bib
                                                                for item in theirs)
    return files


def archive_own_files(archive: Archive, items: list[ListedItem]) -> dict[str, str]:
    """The archive's whole files and each person's, of `items` (every volume's listed ones)."""
    return {**joined_files(items), **people_files(archive, items)}


def archive_export_files(archive: Archive) -> ArchiveExports:
    """Every export file of the archive: each volume's under its folder, then the archive's."""
    files: dict[str, str] = {}
    items: list[ListedItem] = []
    for volume in archive.volumes:
        own, listed = volume_exports(volume)
        files.update(own)
        items += listed
    volume_count = len(files)
    files.update(archive_own_files(archive, items))
    return ArchiveExports(files, volume_count)


def archive_site_files(archive: Archive, kept: Path | None = None) -> dict[str, str]:
    """The archive's own files without its volumes' (the archive's site builds each volume's
    exports in that volume's build): only the listed items are formatted, once each here.
    With `kept`, a folder (`kept.items_folder(root)`), an item whose record was formatted
    by an earlier run is not formatted again: its texts are read from there, the new kept."""
    if kept is None:
        items = [item for volume in archive.volumes for item in
                 listed_items(volume, citation_keys(volume.proceedings), ExportCache())]
        return archive_own_files(archive, items)
    store, items = KeptItems(kept), []
    for volume in archive.volumes:
        cache = store.volume(volume.id)
        items += listed_items(volume, citation_keys(volume.proceedings), cache)
        cache.save()
    store.keep_only(volume.id for volume in archive.volumes)
    return archive_own_files(archive, items)
