"""Read an archive of volumes into the model, collecting every problem.

Layout of an archive's data folder (a data folder holding archive.yaml is one):

    papers/archive.yaml                  the archive: title, site_url; publisher, description,
                                         moved_from_root (`archiveconvert`)
    papers/people.yaml                   person id -> person, for every volume
    papers/<volume-id>/conference.yaml   a volume, as a one-volume papers/ has it, without
                                         site_url: its address is the archive's + "<volume-id>/"
    papers/<volume-id>/sessions.yaml     … and the rest of the volume as in one volume:
    papers/<volume-id>/<paper-id>/       its items, and its optional about.*.md

Every folder of papers/ whose name does not start with "_" or "." is a volume, and its
name is its id. archive.yaml and people.yaml are read once; each volume is read by
`load.load`, lent the archive's people and its own address (`ArchiveShare`), so its
reading is what one volume's would be. What only the archive can tell (people unused
in every volume, a citation key stored in two volumes) is checked by `archivecheck`.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from waqai.data.archive import Archive, ArchiveInfo, Volume
from waqai.data.fields import ABOUT, ARCHIVE, MOVED_FROM_ROOT, SITE_URL, read_group
from waqai.data.links import link_problem, symlinks_under
from waqai.data.load import (
    PERSON_ID,
    ArchiveShare,
    Loaded,
    Reads,
    Sources,
    assemble,
    cited_people,
    load,
    paper_folders,
    read_mapping_file,
    read_people_file,
)
from waqai.data.problems import Problem
from waqai.data.yamlread import Fields, check_slug, slug_like
from waqai.urls import ABOUT_URL, PAPERS_URL, PROGRAMME_URL, SESSIONS_URL

ARCHIVE_FILE = "archive.yaml"
PEOPLE_FILE = "people.yaml"
CONFERENCE_FILE = "conference.yaml"
# A volume's own files, which have no place beside archive.yaml.
VOLUME_FILES = (CONFERENCE_FILE, "sessions.yaml", *ABOUT.files().values())
# Beside the volumes, the archive's site has folders of its own: no volume may take them.
RESERVED_VOLUME_IDS = {"en": "its English pages", "assets": "its styles, scripts and fonts",
                       "search": "its search indexes",
                       "people": "its pages of the people across the volumes",
                       "names": "its speaker index's letters"}
# With `moved_from_root`, the volume's old addresses keep its pages' folders at the root
# (`site.redirects`): no volume may take them either.
MOVED_VOLUME_FOLDERS = tuple(url.rstrip("/") for url in (
    PAPERS_URL, SESSIONS_URL, PROGRAMME_URL, ABOUT_URL))


def is_archive(data_dir: Path) -> bool:
    """Whether the data folder is an archive: it holds archive.yaml (even as a link,
    which is then reported)."""
    return os.path.lexists(data_dir / ARCHIVE_FILE)


@dataclass
class LoadedArchive:
    """What the loader read of an archive. `own`: archive.yaml and people.yaml (their
    sources, the people, their problems and the layout's); each volume's reading is a
    `Loaded` of its own, by volume id in the order of the folders."""

    own: Loaded
    info: ArchiveInfo | None = None
    volumes: dict[str, Loaded] = field(default_factory=dict)


@dataclass(frozen=True)
class VolumeFolder:
    """A volume of the archive, before it is read: its folder, the data folder it is read
    as ("papers/<id>") and what the archive lends it."""

    folder: Path
    data_dir: str
    share: ArchiveShare

    @property
    def id(self) -> str:
        return self.folder.name

    def load(self, root: Path, reads: Reads) -> Loaded:
        return load(root, self.data_dir, reads, self.share)


def load_archive(root: Path, data_dir: str = "papers", reads: Reads | None = None) -> LoadedArchive:
    """Read the archive in `root/data_dir`; `reads` as for `load.load`."""
    reads = reads if reads is not None else Reads(keep=False)
    loaded, volumes = open_archive(root, data_dir, reads)
    for volume in volumes:
        loaded.volumes[volume.id] = volume.load(loaded.own.sources.root, reads)
    return loaded


def open_archive(root: Path, data_dir: str,
                 reads: Reads) -> tuple[LoadedArchive, list[VolumeFolder]]:
    """archive.yaml, people.yaml and the layout's problems read; the volumes still to read
    (`check` reads only those it has no result of: `checkcache`)."""
    root = root.resolve()
    base = root / data_dir
    loaded = LoadedArchive(Loaded(Sources(root=root, data_dir=base), problems=[]))
    own = loaded.own
    archive_yaml, people_yaml = base / ARCHIVE_FILE, base / PEOPLE_FILE
    loaded.info = reads.file(archive_yaml, own, lambda into: read_archive_file(archive_yaml, into))
    # A copy: the list kept by `reads` is not for the caller to change.
    own.people = list(reads.file(people_yaml, own,
                                 lambda into: read_people_file(people_yaml, into)))
    own.problems.extend(misplaced_files(base, own.sources))
    folders = paper_folders(base)
    if not folders:
        own.problems.append(no_volume_yet(base, own.sources))
    share = people_share(own, people_yaml)
    site_url = loaded.info.site_url if loaded.info else None
    volumes = [VolumeFolder(folder, f"{data_dir}/{folder.name}",
                            dataclasses.replace(share, volume_id=folder.name,
                                                site_url=site_url and f"{site_url}{folder.name}/"))
               for folder in folders if is_volume(folder, own)]
    # Each volume's reading reports the links in its folder; these are the others.
    read = [volume.folder for volume in volumes]
    own.problems.extend(link_problem(link, own.sources.shown(link))
                        for link in symlinks_under(base)
                        if not any(link.is_relative_to(folder) for folder in read))
    return loaded, volumes


def read_archive_file(path: Path, loaded: Loaded) -> ArchiveInfo | None:
    fields = read_mapping_file(path, loaded.sources, loaded.problems)
    return read_archive(fields, loaded.sources) if fields else None


def read_archive(fields: Fields, sources: Sources) -> ArchiveInfo | None:
    sources.remember(fields.file, fields, "title", SITE_URL, MOVED_FROM_ROOT)
    v = read_group(ARCHIVE, fields)
    if v["title"] is None or v[SITE_URL] is None:
        return None
    return ArchiveInfo(title=v["title"], site_url=v[SITE_URL], publisher=v["publisher"],
                       description=v["description"], moved_from_root=v[MOVED_FROM_ROOT])


def people_share(own: Loaded, people_yaml: Path) -> ArchiveShare:
    """What every volume is lent of people.yaml (its volume's id and address to be set)."""
    shown = own.sources.shown(people_yaml)
    return ArchiveShare(
        volume_id="", site_url=None, people_yaml=people_yaml, people=tuple(own.people),
        person_ids=frozenset(own.sources.declared.get(PERSON_ID, ())),
        lines={key: line for key, line in own.sources.lines.items() if key[0] == shown})


def is_volume(folder: Path, own: Loaded) -> bool:
    """Whether the folder is a volume to read (it holds conference.yaml); the problems of
    its layout go to `own`."""
    sources, problems = own.sources, own.problems
    shown = sources.shown(folder)
    check_volume_id(folder.name, f"{shown}/", problems)
    if not os.path.lexists(folder / CONFERENCE_FILE):
        problems.append(no_conference(folder, sources))
        return False
    if os.path.lexists(folder / PEOPLE_FILE):
        problems.append(Problem(
            f"{shown}/{PEOPLE_FILE}", "", "is inside a volume, but an archive has one "
            f"people.yaml for every volume, {sources.people_file()}.",
            f"Move its entries to {sources.people_file()} (an entry already there stays "
            "once: one person, one entry), then delete this file."))
    return True


def check_volume_id(volume_id: str, shown: str, problems: list[Problem]) -> None:
    """A volume's id is its folder's name, and part of the address of its every page."""
    refused: list[Problem] = []
    if check_slug(volume_id, shown, "", refused, None, "volume id") is None:
        problems.extend(dataclasses.replace(
            problem, fix=f"Rename the folder, e.g. to {slug_like(volume_id)}/.")
            for problem in refused)
    elif volume_id in RESERVED_VOLUME_IDS:
        problems.append(Problem(
            shown, "", f"“{volume_id}” cannot be a volume's id: the archive's site keeps "
            f"{volume_id}/ for {RESERVED_VOLUME_IDS[volume_id]}.",
            "Rename the folder, e.g. to the conference's short name and year (csc-2015/)."))


def no_conference(folder: Path, sources: Sources) -> Problem:
    shown = sources.shown(folder)
    if (folder / "paper.yaml").is_file():
        fix = (f"{shown}/ holds an item (paper.yaml), and an archive's items are in their "
               f"volume's folder: move it to {sources.shown(sources.data_dir)}/<volume-id>/"
               f"{folder.name}/.")
    else:
        fix = ("Write the volume's conference.yaml (its title, dates, venue …, as a one-volume "
               "papers/ has, without site_url); or, if the folder is not a volume, start its "
               "name with “_”.")
    return Problem(f"{shown}/{CONFERENCE_FILE}", "", "is missing: every folder of an "
                   "archive is a volume, and a volume is described by its conference.yaml.", fix)


def misplaced_files(base: Path, sources: Sources) -> list[Problem]:
    """A volume's file written beside archive.yaml (an archive made from one volume)."""
    data = sources.shown(base)
    problems = []
    for name in VOLUME_FILES:
        if not os.path.lexists(base / name):
            continue
        fix = f"Move it into its volume's folder: {data}/<volume-id>/{name}."
        if name == CONFERENCE_FILE:
            fix = (f"{fix[:-1]}, and delete its `site_url` (a volume's address is archive.yaml's "
                   "`site_url` followed by the volume's id); the volume's sessions.yaml, items "
                   "and about notes go into that folder too.")
        problems.append(Problem(sources.shown(base / name), "", "is beside archive.yaml, but in "
                                "an archive each volume has its own, in the volume's folder.",
                                fix))
    return problems


def no_volume_yet(base: Path, sources: Sources) -> Problem:
    data = sources.shown(base)
    steps = (f"{data}/README.md" if (base / "README.md").is_file()
             else "README.md (“An archive of volumes”)")
    return Problem(f"{data}/", "", "holds no volume yet: each volume of an archive is a "
                   "folder of it, named by the volume's id.",
                   f"Add the first: {data}/<volume-id>/ with its conference.yaml (without "
                   f"site_url), sessions.yaml and a folder per item, its people in "
                   f"{data}/{PEOPLE_FILE}; {steps} gives the steps.")


def assemble_archive(loaded: LoadedArchive) -> Archive:
    """The model. Only call when there are no errors. Each volume's `Proceedings` holds the
    people it cites, the very `Person`s of the archive's people.yaml."""
    assert loaded.info is not None, "assemble_archive() needs an archive.yaml read cleanly"
    volumes = []
    for volume_id, volume in loaded.volumes.items():
        cited = cited_people(volume)
        own_people = [person for person in volume.people if person.id in cited]
        volumes.append(Volume(volume_id, assemble(dataclasses.replace(volume,
                                                                      people=own_people))))
    return Archive(loaded.info, tuple(loaded.own.people), tuple(volumes))


def archive_refusal(root: Path, data_dir: Path, command: str = "") -> Problem:
    """What a command for one volume says of an archive, in this version."""
    reader = f"`{command}`" if command else "this reading"
    return Problem(Sources(root, data_dir).shown(data_dir / ARCHIVE_FILE), "",
                   f"{reader} works on one volume, and this data folder is an archive of "
                   "volumes; this version builds an archive's site (`build`) and checks it "
                   "(`check`).",
                   "Run `python3 build.py build` to build the archive's site, each volume at its "
                   f"id. To {command or 'read'} one conference on its own meanwhile, give it a "
                   "data folder "
                   "of its own, laid out as one volume (conference.yaml with its site_url, "
                   "people.yaml, sessions.yaml, its items), and use --data-dir.")


def volume_refusal(root: Path, data_dir: Path) -> Problem:
    """What is said of a volume of an archive read on its own, as if it were one volume."""
    sources = Sources(root, data_dir)
    archive = sources.shown(data_dir.parent)
    return Problem(f"{sources.shown(data_dir)}/", "", f"is a volume of the archive in "
                   f"{archive}/, which is read as a whole.",
                   f"Run the command on the archive: `python3 build.py --data-dir {archive} "
                   "check` checks every volume.")


def layout_refusal(root: Path, data_dir: str, command: str = "") -> Problem | None:
    """Why `root/data_dir` cannot be read as one volume by `command`, if it cannot: it is
    an archive, or a volume of one."""
    base = root.resolve() / data_dir
    if is_archive(base):
        return archive_refusal(root.resolve(), base, command)
    if is_archive(base.parent) and os.path.lexists(base / CONFERENCE_FILE):
        return volume_refusal(root.resolve(), base)
    return None
