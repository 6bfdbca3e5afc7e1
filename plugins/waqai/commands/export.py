"""`python3 build.py export --out DIR`: the volume's export files and search indexes,
without building the site.

Writes what a build puts in `site/` from the data alone: the BibTeX, RIS, CSL-JSON
and iCalendar files (volume, sessions and items) and both languages' search
indexes, at the same paths. It needs no MkDocs: it is the core of the pipeline
(data -> exports, search) run on its own, and a test runs it with MkDocs unimportable.
The search indexes hold the generated pages only; the hand-written pages
(`docs/`) are indexed by a full build.

On an archive of volumes it writes each volume's files, as above, under `<volume-id>/`,
and the archive's own (`exports/archive.py`): the whole archive in BibTeX (also with
abstracts), RIS and CSL-JSON, each person's BibTeX, and the search indexes of every
volume at `search/` (`search/archive.py`), the files a build puts at the archive's root.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.commands.report import print_problems
from waqai.data.archive import Archive
from waqai.data.archivecheck import ArchiveValidation, validate_any
from waqai.exports.archive import archive_export_files
from waqai.exports.files import export_files
from waqai.exports.keys import citation_keys
from waqai.search import write_archive_indexes, write_search_indexes

NOTHING = "Nothing was exported."


def cmd_export(args: argparse.Namespace, root: Path) -> int:
    result = validate_any(root, args.data_dir)  # one volume or an archive
    print_problems(result.problems)
    out = (root / args.out).resolve()
    if isinstance(result, ArchiveValidation):
        return export_archive(result.archive, out)
    proc = result.proceedings
    if proc is None:
        print(NOTHING, file=sys.stderr)
        return 1
    files = export_files(proc, citation_keys(proc))
    write_files(files, out)
    write_search_indexes(proc, out)
    print(f"Wrote {len(files)} export files and the search indexes to {out}.")
    return 0


def export_archive(archive: Archive | None, out: Path) -> int:
    if archive is None:
        print(NOTHING, file=sys.stderr)
        return 1
    made = archive_export_files(archive)
    write_files(made.files, out)
    for volume in archive.volumes:
        write_search_indexes(volume.proceedings, out / volume.id)
    write_archive_indexes(archive, out)
    print(f"Wrote {len(made.files)} export files ({made.volume_files} of the "
          f"{len(archive.volumes)} volumes, under their folders, and "
          f"{len(made.files) - made.volume_files} of the archive), each volume's search "
          f"indexes and the archive's to {out}.")
    return 0


def write_files(files: dict[str, str], out: Path) -> None:
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        # Bytes, as MkDocs writes the generated files: "\n" stays "\n" everywhere.
        path.write_bytes(text.encode("utf-8"))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("export", help="write the export files (BibTeX, RIS, CSL-JSON, "
                              "iCalendar) and the search indexes, without building the site; "
                              "of each volume and of the whole archive, on an archive")
    p.add_argument("--out", required=True, type=Path,
                   help="folder to write into, laid out as site/ (relative paths start at the "
                   "project folder)")
    p.set_defaults(run=cmd_export)
