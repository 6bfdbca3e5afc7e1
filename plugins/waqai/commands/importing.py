"""`python3 build.py import FORMAT PATH… [--session ID] [--dry-run]`: a submission
system's export into `papers/` (`importers/`), then `check`.

Nothing is written when the export has an error (every problem is printed, with its
file, row and column); `--dry-run` prints the changes as a diff and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.commands.report import print_problems
from waqai.data.archivecheck import validate_any
from waqai.data.load import load
from waqai.data.problems import Problem
from waqai.data.scaffold import key_parts
from waqai.data.yamlread import check_slug
from waqai.importers import anthology
from waqai.importers.anthologyplan import plan_anthology, refusal
from waqai.importers.changes import apply, diff
from waqai.importers.formats import READERS, VOLUME_FORMATS, read_export
from waqai.importers.plan import Plan, Volume, plan_import


def volume_of(data_dir: Path) -> Volume:
    loaded = load(data_dir.parent, data_dir.name)
    parts, conference = key_parts(loaded), loaded.conference
    return Volume(parts.short_name, parts.year,
                  conference.timezone if conference else "",
                  conference.start.isoformat() if conference else "", parts.taken)


def _summary(plan: Plan, dry_run: bool) -> str:
    would = "would be" if dry_run else "were"
    counts = [(len(plan.added_papers), "new items"), (len(plan.updated_papers), "items updated"),
              (len(plan.added_people), "new people"), (len(plan.added_sessions), "new sessions")]
    done = ", ".join(f"{n} {what}" for n, what in counts if n)
    return (f"{done[:1].upper()}{done[1:]} {would} written." if done
            else "Nothing to change: papers/ already holds this export.")


def _finish(plan: Plan, args: argparse.Namespace, root: Path) -> int:
    """Write (or show) the plan, print its notes and summary, and check the result."""
    if args.dry_run:
        sys.stdout.write(diff(plan.changes, root))
    else:
        apply(plan.changes)
    for note in plan.notes:
        print(f"note: {note}")
    print(_summary(plan, args.dry_run))
    if args.dry_run:
        return 0
    result = validate_any(root, args.data_dir)
    print_problems(result.problems)
    return 0 if result.ok else 1


def import_volumes(args: argparse.Namespace, root: Path) -> int:
    """`import acl-anthology FILE.xml…`: each <volume> a volume of the archive."""
    data_dir = root / args.data_dir
    if args.session is not None:
        print("--session is for exports without volumes: the Anthology's papers go into "
              "their volume's one session.", file=sys.stderr)
        return 1
    volumes, problems = anthology.read([Path(p) for p in args.paths])
    refused = refusal(data_dir, volumes, args.data_dir) if volumes else None
    print_problems(problems + ([refused] if refused else []))
    if refused or any(p.is_error for p in problems):
        print("Nothing was imported: correct what is named above and run the import again.",
              file=sys.stderr)
        return 1
    if not volumes:
        print("The files hold no volume: nothing to import.", file=sys.stderr)
        return 1
    return _finish(plan_anthology(volumes, data_dir), args, root)


def cmd_import(args: argparse.Namespace, root: Path) -> int:
    if args.format in VOLUME_FORMATS:
        return import_volumes(args, root)
    data_dir = root / args.data_dir
    problems: list[Problem] = []
    if args.session is not None and check_slug(args.session, "", "--session", problems, None,
                                               "session id") is None:
        print_problems(problems)
        return 1
    export = read_export(args.format, [Path(p) for p in args.paths])
    print_problems(export.problems)
    if any(p.is_error for p in export.problems):
        print("Nothing was imported: correct the export (or the file named) and run the "
              "import again.", file=sys.stderr)
        return 1
    if not export.submissions:
        print("The export holds no accepted submission: nothing to import.", file=sys.stderr)
        return 1
    plan = plan_import(export, data_dir, args.format, volume_of(data_dir), args.session)
    return _finish(plan, args, root)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("import", help="import a submission system's export into papers/")
    p.add_argument("format", choices=sorted((*READERS, *VOLUME_FORMATS)),
                   help="the system that wrote the export")
    p.add_argument("paths", nargs="+", help="its files, or the folder holding them")
    p.add_argument("--session", help="put the imported items in this session (created with a "
                   "placeholder title if sessions.yaml lacks it); for exports with no programme")
    p.add_argument("--dry-run", action="store_true",
                   help="print the changes as a diff and write nothing")
    p.set_defaults(run=cmd_import)
