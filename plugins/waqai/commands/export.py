"""`python3 build.py export --out DIR`: the volume's export files and search indexes,
without building the site.

Writes what a build puts in `site/` from the data alone: the BibTeX, RIS, CSL-JSON
and iCalendar files (volume, sessions and items) and both languages' search
indexes, at the same paths. It needs no MkDocs: it is the core of the pipeline
(data -> exports, search) run on its own, and a test runs it with MkDocs unimportable.
The search indexes hold the generated pages only; the hand-written pages
(`docs/`) are indexed by a full build.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.commands.report import print_problems
from waqai.data.checks import validate
from waqai.exports.files import export_files
from waqai.exports.keys import citation_keys
from waqai.search import write_search_indexes


def cmd_export(args: argparse.Namespace, root: Path) -> int:
    result = validate(root, args.data_dir)
    print_problems(result.problems)
    proc = result.proceedings
    if proc is None:
        print("Nothing was exported.", file=sys.stderr)
        return 1
    out = (root / args.out).resolve()
    files = export_files(proc, citation_keys(proc))
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        # Bytes, as MkDocs writes the generated files: "\n" stays "\n" everywhere.
        path.write_bytes(text.encode("utf-8"))
    write_search_indexes(proc, out)
    print(f"Wrote {len(files)} export files and the search indexes to {out}.")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("export", help="write the export files (BibTeX, RIS, CSL-JSON, "
                              "iCalendar) and the search indexes, without building the site")
    p.add_argument("--out", required=True, type=Path,
                   help="folder to write into, laid out as site/ (relative paths start at the "
                   "project folder)")
    p.set_defaults(run=cmd_export)
