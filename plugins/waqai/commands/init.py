"""`python3 build.py init [--archive [--first-volume ID]]`: write the skeleton of new
proceedings, or of a new archive of volumes, into an empty papers/; or make the one-volume
proceedings in papers/ the first volume of a new archive (`data.archiveconvert`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.data.archiveconvert import apply_conversion, plan_conversion
from waqai.data.archiveload import CONFERENCE_FILE, PEOPLE_FILE, is_archive
from waqai.data.archiveskeleton import archive_skeleton
from waqai.data.fields import EXAMPLE_PAPER, MOVED_FROM_ROOT
from waqai.data.problems import Problem, shown
from waqai.data.schema import SCHEMA_DIR
from waqai.data.skeleton import start


def cmd_init(args: argparse.Namespace, root: Path) -> int:
    if args.first_volume is not None:
        if not args.archive:
            print("init --first-volume makes an archive: write `init --archive --first-volume "
                  f"{shown(args.first_volume)}`.", file=sys.stderr)
            return 2
        return first_volume(root, args.data_dir, args.first_volume)
    base = root / args.data_dir
    if args.archive and (base / CONFERENCE_FILE).is_file() and not is_archive(base):
        folder = args.data_dir.rstrip("/")
        return refused("Cannot start an archive", [Problem(
            f"{folder}/", "", "holds one volume's proceedings; init --archive starts an archive "
            "only in an empty folder, and changed nothing.",
            "To make these proceedings the first volume of an archive, keeping their addresses "
            "working, run `python3 build.py init --archive --first-volume <id>` (the volume's "
            "id, e.g. its short name and year: csc-2015).")])
    problems = start(base, archive_skeleton() if args.archive else None)
    if problems:
        return refused("Cannot start new proceedings", problems)
    folder = args.data_dir.rstrip("/")
    if args.archive:
        print(f"Started a new archive in {folder}/: archive.yaml, an empty people.yaml, "
              f"README.md, and the schemas in {SCHEMA_DIR}/.\n"
              f"Replace the placeholders of archive.yaml (the comment above each field says "
              f"what it takes), add the first volume as {folder}/README.md says, then run "
              f"`python3 build.py check`.")
        return 0
    print(f"Started new proceedings in {folder}/: conference.yaml, people.yaml, sessions.yaml, "
          f"an example item in {EXAMPLE_PAPER}/, and the schemas in {SCHEMA_DIR}/.\n"
          f"Every value is a placeholder: replace them with your conference's (the comment "
          f"above each field says what it takes), then run `python3 build.py check` and "
          f"`python3 build.py build`. The steps: docs/start.en.md (Arabic: docs/start.ar.md).")
    return 0


def first_volume(root: Path, data_dir: str, volume_id: str) -> int:
    plan = plan_conversion(root, data_dir, volume_id)
    if isinstance(plan, list):
        return refused("Cannot make an archive of these proceedings", plan)
    apply_conversion(plan)
    folder = data_dir.rstrip("/")
    print(f"Made {folder}/ an archive whose first volume, {folder}/{volume_id}/, is the "
          f"proceedings it held: {len(plan.moves)} files and folders moved there; "
          f"{PEOPLE_FILE} stays at {folder}/{PEOPLE_FILE}, one for every volume; site_url "
          f"moved from conference.yaml to {folder}/archive.yaml, whose title is the volume's "
          f"until you write the series'.\n"
          f"The volume's pages move below {volume_id}/; archive.yaml's `{MOVED_FROM_ROOT}` "
          f"makes the build keep each old address, as a page leading to the new one. Run "
          f"`python3 build.py check`, then `python3 build.py build`.")
    return 0


def refused(what: str, problems: list[Problem]) -> int:
    """Each problem as `what: file field: message`, then its fix (invisible characters of a
    value from the command line spelt out)."""
    for p in problems:
        where = f"{p.file}:{p.line}" if p.line else p.file
        field = f" {p.field}:" if p.field else ""
        print(f"{what}: {shown(where)}{shown(field)} {shown(p.message)}\n    fix: {shown(p.fix)}",
              file=sys.stderr)
    return 1


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("init", help="start new proceedings: write a commented skeleton "
                              "(conference, people, sessions, one example item, schemas) into "
                              "an empty papers/")
    p.add_argument("--archive", action="store_true",
                   help="start an archive of several volumes instead: archive.yaml, an empty "
                        "people.yaml and a README.md on adding the first volume")
    p.add_argument("--first-volume", metavar="ID",
                   help="with --archive: make the one-volume proceedings in papers/ the first "
                        "volume of a new archive, papers/ID/, keeping their old addresses "
                        "working (redirect pages)")
    p.set_defaults(run=cmd_init)
