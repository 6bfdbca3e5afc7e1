"""`python3 build.py init`: write the skeleton of new proceedings into an empty papers/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.data.fields import EXAMPLE_PAPER
from waqai.data.schema import SCHEMA_DIR
from waqai.data.skeleton import start


def cmd_init(args: argparse.Namespace, root: Path) -> int:
    problems = start(root / args.data_dir)
    if problems:
        for problem in problems:
            print(f"Cannot start new proceedings: {problem.file} {problem.message}\n"
                  f"    fix: {problem.fix}", file=sys.stderr)
        return 1
    folder = args.data_dir.rstrip("/")
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
    p.set_defaults(run=cmd_init)
