"""`python3 build.py book [--out PATH] [--paper a4|a5|us-letter]`: the printed proceedings
as one PDF (`book/`), by default `site/proceedings.pdf`.

The book is made only from valid data, and written whole (a temporary file renamed
into place), so a failed run leaves the last good book.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.book import BOOK_FILE
from waqai.commands.report import print_problems
from waqai.data.checks import validate
from waqai.data.model import PaperSize
from waqai.published import write_whole

PAPER_SIZES = tuple(size.value for size in PaperSize)


def cmd_book(args: argparse.Namespace, root: Path) -> int:
    from waqai.book.render import make_book

    result = validate(root, args.data_dir)
    print_problems(result.problems)
    if result.proceedings is None or not result.ok:
        print("No book was written.", file=sys.stderr)
        return 1
    pdf = make_book(result.proceedings, root / args.data_dir, args.paper).pdf
    out = root / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    write_whole(out, pdf)
    print(f"Wrote the book ({len(pdf):,} bytes) to {args.out}.")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("book", help="typeset the printed proceedings as one PDF")
    p.add_argument("--out", default=Path("site") / BOOK_FILE, type=Path,
                   help=f"where to write it (default site/{BOOK_FILE})")
    p.add_argument("--paper", choices=PAPER_SIZES,
                   help="paper size (default: `book: paper:` in conference.yaml, else a4)")
    p.set_defaults(run=cmd_book)
