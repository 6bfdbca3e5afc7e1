"""`python3 build.py deposit --depositor NAME --email ADDRESS [--out dist/]`: the Crossref
deposit of the volume's DOIs (`dist/crossref-<short_name>.xml`).

The file carries the depositor's e-mail, so it is written outside the site (by
default into `dist/`, which git ignores) and a folder inside `site/` is refused.
Name and e-mail come from the command line or the environment
(`WAQAI_DEPOSITOR`, `WAQAI_DEPOSITOR_EMAIL`), never from the published data.
The file is written only when the data is valid and the deposit would be too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from waqai.commands.report import print_problems
from waqai.data.checks import validate
from waqai.data.load import has_errors
from waqai.exports.crossref import (
    Depositor,
    crossref_xml,
    deposit_file_name,
    deposit_problems,
    deposited,
)

NAME_ENV = "WAQAI_DEPOSITOR"
EMAIL_ENV = "WAQAI_DEPOSITOR_EMAIL"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def depositor(args: argparse.Namespace) -> Depositor | str:
    """Who deposits, or what is missing."""
    name = (args.depositor or os.environ.get(NAME_ENV, "")).strip()
    email = (args.email or os.environ.get(EMAIL_ENV, "")).strip()
    missing = [what for what, value in (("--depositor NAME", name), ("--email ADDRESS", email))
               if not value]
    if missing:
        return (f"The deposit needs {' and '.join(missing)}: who sends it to Crossref, and "
                f"the address Crossref reports to (or set {NAME_ENV} and {EMAIL_ENV}). "
                "They are written only into the deposit file, never into the site.")
    if not _EMAIL.match(email) or len(email) < 6:
        return f"“{email}” is not an e-mail address: --email takes one, e.g. name@example.org."
    return Depositor(name, email)


def timestamp(now: dt.datetime) -> int:
    """Crossref's version of a deposit: the UTC time as digits, e.g. 20261125143000."""
    return int(now.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S"))


def cmd_deposit(args: argparse.Namespace, root: Path) -> int:
    who = depositor(args)
    if isinstance(who, str):
        print(who, file=sys.stderr)
        return 1
    out = (root / args.out).resolve()
    if out.is_relative_to((root / "site").resolve()):
        print(f"The deposit carries the depositor's e-mail: it is not written into site/ "
              f"({args.out}). Choose another folder, e.g. --out dist/.", file=sys.stderr)
        return 1
    result = validate(root, args.data_dir)
    proc = result.proceedings
    problems = result.problems + (deposit_problems(proc, args.data_dir) if proc else [])
    print_problems(problems)
    if proc is None or has_errors(problems):
        print("No deposit was written.", file=sys.stderr)
        return 1
    path = out / deposit_file_name(proc.conference)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(crossref_xml(proc, who, timestamp(dt.datetime.now(dt.UTC))))
    print(f"Wrote the Crossref deposit of {len(deposited(proc))} of {len(proc.papers)} items "
          f"to {path}.")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("deposit", help="write the Crossref deposit (schema 5.4.0) of "
                              "the volume's DOIs into dist/")
    p.add_argument("--depositor", help=f"who sends the deposit (or {NAME_ENV})")
    p.add_argument("--email", help=f"the address Crossref reports to (or {EMAIL_ENV})")
    p.add_argument("--out", default=Path("dist"), type=Path,
                   help="folder to write into (default dist/; never inside site/)")
    p.set_defaults(run=cmd_deposit)
