"""`python3 build.py schema [--check]`: write, or check, the published JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.data.schema import SCHEMA_DIR, render_all


def cmd_schema(args: argparse.Namespace, root: Path) -> int:
    folder = root / args.data_dir / SCHEMA_DIR
    shown = f"{args.data_dir}/{SCHEMA_DIR}"
    stale = [name for name, text_ in render_all().items()
             if not (folder / name).is_file()
             or (folder / name).read_text(encoding="utf-8") != text_]
    if args.check:
        if stale:
            print(f"{shown}/ is out of date: {', '.join(stale)}.\n"
                  f"    fix: run `python3 build.py schema` and commit the result.",
                  file=sys.stderr)
            return 1
        print(f"OK: the schemas in {shown}/ are up to date.")
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    for name, text_ in render_all().items():
        if name in stale:
            (folder / name).write_text(text_, encoding="utf-8")
    print(f"Wrote {len(stale)} schema file(s) to {shown}/." if stale
          else f"The schemas in {shown}/ were already up to date.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("schema", help="write the JSON Schemas of the data files "
                              "(papers/_schema/)")
    p.add_argument("--check", action="store_true",
                   help="only check that the committed schemas are up to date")
    p.set_defaults(run=cmd_schema)
