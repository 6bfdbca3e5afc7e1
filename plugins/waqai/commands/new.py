"""`python3 build.py new <id>`: create papers/<id>/ from the scaffold."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.data.load import ABSTRACT_FILES
from waqai.data.scaffold import create


def cmd_new(args: argparse.Namespace, root: Path) -> int:
    problems = create(root / args.data_dir, args.id)
    if problems:
        for problem in problems:
            print(f"Cannot create the paper: {problem.file}{' ' if problem.file else ''}"
                  f"{problem.message}\n    fix: {problem.fix}", file=sys.stderr)
        return 1
    folder = f"{args.data_dir}/{args.id}"
    print(f"Created {folder}/ with paper.yaml, {' and '.join(ABSTRACT_FILES.values())}.\n"
          f"Fill them in, then run `python3 build.py check`: it names every field still empty.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("new", help="create papers/<id>/ with a commented paper.yaml "
                              "and empty abstracts")
    p.add_argument("id", help="the new paper's id: lowercase a-z, 0-9 and hyphens, "
                   "e.g. first-paper")
    p.set_defaults(run=cmd_new)
