"""`python3 build.py init [--archive]`: write the skeleton of new proceedings, or of a new
archive of volumes, into an empty papers/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.data.archiveskeleton import archive_skeleton
from waqai.data.fields import EXAMPLE_PAPER
from waqai.data.schema import SCHEMA_DIR
from waqai.data.skeleton import start


def cmd_init(args: argparse.Namespace, root: Path) -> int:
    problems = start(root / args.data_dir, archive_skeleton() if args.archive else None)
    if problems:
        for problem in problems:
            print(f"Cannot start new proceedings: {problem.file} {problem.message}\n"
                  f"    fix: {problem.fix}", file=sys.stderr)
        return 1
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


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("init", help="start new proceedings: write a commented skeleton "
                              "(conference, people, sessions, one example item, schemas) into "
                              "an empty papers/")
    p.add_argument("--archive", action="store_true",
                   help="start an archive of several volumes instead: archive.yaml, an empty "
                        "people.yaml and a README.md on adding the first volume")
    p.set_defaults(run=cmd_init)
