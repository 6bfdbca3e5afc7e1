"""The commands behind `python3 build.py …`.

Every command prints problems the editors can act on and exits 1 on failure;
no Python traceback reaches an editor (an unexpected crash is summarised in
one line, with the full traceback saved to `.waqai/last-error.txt`).
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import traceback
from pathlib import Path

from waqai.bench import run as bench
from waqai.commands import book, compare, deposit, export, importing, init, layout, new, schema
from waqai.commands.report import print_problems
from waqai.data.archivecheck import ArchiveValidation, validate_archive_cached
from waqai.data.archiveload import is_archive
from waqai.data.checkcache import check_any, ok_line
from waqai.data.checks import validate_cached

DEFAULT_ADDR = "127.0.0.1:8000"


def cmd_check(args: argparse.Namespace, root: Path) -> int:
    # One volume, or an archive: each unchanged volume's results from .waqai/cache/check/.
    result = check_any(root, args.data_dir)
    print_problems(result.problems, gaps=args.gaps)
    if not result.ok:
        return 1
    print(ok_line(result, args.data_dir))
    return 0


def collect_garbage_for_one_build() -> None:
    """Tune Python's cyclic garbage collector for a one-off build process.

    A build makes millions of short-lived objects while it keeps the loaded data and
    MkDocs' file list for its whole run; with the default thresholds every 700
    allocations start a collection, and full ones walk everything kept. At 10,000
    papers that took 11.5 s of a 110 s build, a larger share than at 1,000 papers.
    The loaded data is moved out of the collector's sight (`gc.freeze`), and
    collections run after 20,000 allocations instead of 700: 5 s, and a lower peak.
    `serve` keeps the defaults: it runs for hours and rebuilds from new data.
    """
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)


def cmd_build(args: argparse.Namespace, root: Path) -> int:
    # Validated here once; the plugin reuses the result: one load per build (on an archive,
    # in each volume's process too, where it is forked from this one).
    archive = is_archive(root / args.data_dir)
    result = (validate_archive_cached if archive else validate_cached)(root, args.data_dir)
    print_problems(result.problems)
    if not result.ok:
        print(f"Nothing was built; the previous site in {args.site_dir}/ is unchanged.",
              file=sys.stderr)
        return 1
    from waqai.site.archivebuild import build_archive
    from waqai.site.runner import build_site, show_mkdocs_log

    show_mkdocs_log(args.verbose)
    collect_garbage_for_one_build()
    config_file, site_dir = root / args.config_file, root / args.site_dir
    if isinstance(result, ArchiveValidation) and result.archive is not None:
        volumes = len(result.archive.volumes)
        status, reused, home_reused = build_archive(config_file, site_dir, result.archive,
                                                    root / args.data_dir, args.verbose)
        kept = ", ".join(([f"{reused} unchanged"] if reused else [])
                         + (["the home page's pages"] if home_reused else []))
        kept = f" ({kept}, from .waqai/cache/build/)" if kept else ""
        built = (f"the archive's site in {args.site_dir}/: its home page and {volumes} "
                 f"volume{'s' if volumes != 1 else ''}{kept}")
    else:
        status = build_site(config_file, site_dir)
        built = f"the site in {args.site_dir}/"
    if status == 0:
        print(f"Built {built}.")
    return status


def cmd_serve(args: argparse.Namespace, root: Path) -> int:
    from waqai.site.runner import serve_site, show_mkdocs_log

    show_mkdocs_log(args.verbose)
    result = validate_cached(root, args.data_dir, reuse_files=True)
    print_problems(result.problems)
    # Dirty builds: after the first, only what changed is rebuilt (the plugin tells
    # MkDocs which generated pages did), served at the path of the conference's site_url.
    site_url = result.proceedings.conference.site_url if result.proceedings else None
    serve_site(root / args.config_file, args.dev_addr, site_url)
    return 0


def cmd_test(args: argparse.Namespace, root: Path) -> int:
    command = [sys.executable, "-m", "pytest", *args.pytest_args]
    status = subprocess.run(command, cwd=root).returncode
    if status == 5:
        print("pytest collected no tests: that is a failure here.", file=sys.stderr)
        return 1
    return status


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="build.py", description="Waqai: build, check and test the "
                                 "proceedings site.")
    ap.add_argument("--data-dir", default="papers", help="the editors' data folder")
    ap.add_argument("--config-file", default="mkdocs.yml")
    ap.add_argument("-v", "--verbose", action="store_true")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the site into site/ (replaced only on success)")
    b.add_argument("--site-dir", default="site")
    b.set_defaults(run=cmd_build)
    s = sub.add_parser("serve", help=f"serve the site on {DEFAULT_ADDR}, rebuilding on changes")
    s.add_argument("--dev-addr", default=DEFAULT_ADDR)
    s.set_defaults(run=cmd_serve)
    c = sub.add_parser("check", help="validate papers/ (one volume or an archive of volumes) "
                       "and report every problem")
    c.add_argument("--gaps", action="store_true",
                   help="list every translation gap at its file and line (by default they are "
                        "counted in one line)")
    c.set_defaults(run=cmd_check)
    t = sub.add_parser("test", help="run the whole test suite (pytest)")
    t.add_argument("pytest_args", nargs=argparse.REMAINDER)
    t.set_defaults(run=cmd_test)
    # Commands that live in their own modules add their own subparsers.
    for register in (init.register, new.register, schema.register, export.register,
                     deposit.register, book.register, importing.register, bench.register,
                     compare.register):
        register(sub)
    return ap


def main(argv: list[str], root: Path) -> int:
    ap = parser()
    args, unknown = ap.parse_known_args(argv)
    if args.command == "test":  # pytest's own options, in any order: `test -q -x tests/`
        args.pytest_args = [*unknown, *args.pytest_args]
    elif unknown:
        ap.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        refused = layout.refusal(args.command, root, args.data_dir, getattr(args, "format", ""))
        if refused is not None:
            print(refused.format(), file=sys.stderr)
            return 1
        return args.run(args, root)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # noqa: BLE001 - the editor gets one line, the file the rest
        log_dir = root / ".waqai"
        log_dir.mkdir(exist_ok=True)
        (log_dir / "last-error.txt").write_text(traceback.format_exc(), encoding="utf-8")
        print(f"Internal error: {type(err).__name__}: {err}\n"
              f"This is a bug in Waqai, not in your data. The details are in "
              f".waqai/last-error.txt; please attach that file to an issue.", file=sys.stderr)
        return 2

