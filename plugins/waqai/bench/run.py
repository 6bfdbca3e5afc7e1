"""`python3 build.py bench`: build synthetic proceedings and compare with plain MkDocs.

For each size N it writes a synthetic project (`waqai.bench.synthetic`) into a
temporary folder, builds it with the project's real configuration in a child
process (`python -m waqai build`, what `build.py build` runs), then builds the
baseline (`waqai.bench.baseline`: the same pages as plain Markdown, plain Material,
one language, no plugin) with `python -m mkdocs build`, and reports for both:
HTML pages, wall and CPU seconds, peak RSS of the child, output bytes, and the
ratio of the two times. Only the builds are timed, not the generation.
`--serve-edit` also times `serve` showing an edited abstract, and `--book` the
printed book (`python -m waqai book`, in each round of `--repeat`, the fastest kept),
with its pages and the memory of all its processes together, and `--import` an
import of an EasyChair export of N rows (`bench/easychair.py`) into a small synthetic
volume, `check` included. The targets
these figures are held to are in docs/development/performance.en.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from waqai.bench.archive import cmd_bench_archive, parse_shape
from waqai.bench.baseline import write_baseline
from waqai.bench.easychair import write_easychair_export
from waqai.bench.lighthouse import cmd_lighthouse
from waqai.bench.measure import (
    Sample,
    load_average,
    run_child,
    serve_edit_seconds,
    work_folder,
)
from waqai.bench.synthetic import write_synthetic

FIRST_QUERY = {"ar": "الخدمة", "en": "service"}  # words every synthetic volume contains
EDITED_PAPER = "paper-00001"


@dataclass
class Build:
    """The runs of one configuration at one size: fastest time, largest memory."""

    pages: int  # HTML files written
    output_bytes: int
    wall_seconds: float
    cpu_seconds: float | None
    peak_rss_mb: float | None
    samples: list[Sample] = field(default_factory=list)

    @classmethod
    def of(cls, site: Path, samples: list[Sample]) -> Build:
        pages, size = site_size(site)
        best = Sample.best_of(samples)
        return cls(pages, size, best.wall_seconds, best.cpu_seconds, best.peak_rss_mb,
                   samples)


@dataclass
class Result:
    """One size. The Waqai build's figures are at the top level, the baseline's beside them."""

    papers: int
    pages: int
    wall_seconds: float
    cpu_seconds: float | None
    peak_rss_mb: float | None
    output_bytes: int
    baseline_ratio: float  # wall seconds / the baseline's
    baseline_cpu_ratio: float | None  # CPU seconds / the baseline's: steadier on a busy machine
    baseline: Build
    samples: list[Sample] = field(default_factory=list)
    first_query_bytes: dict[str, int] | None = None
    first_query_note: str = ""
    serve_edit_seconds: float | None = None
    book: Sample | None = None  # `python -m waqai book`, when asked for
    book_pages: int | None = None
    import_sample: Sample | None = None  # `python -m waqai import easychair`, when asked for

    @classmethod
    def of(cls, papers: int, real: Build, base: Build) -> Result:
        cpu_ratio = (round(real.cpu_seconds / base.cpu_seconds, 3)
                     if real.cpu_seconds and base.cpu_seconds else None)
        return cls(papers=papers, pages=real.pages, wall_seconds=real.wall_seconds,
                   cpu_seconds=real.cpu_seconds, peak_rss_mb=real.peak_rss_mb,
                   output_bytes=real.output_bytes,
                   baseline_ratio=round(real.wall_seconds / base.wall_seconds, 3),
                   baseline_cpu_ratio=cpu_ratio, baseline=base, samples=real.samples)


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not a list of numbers, e.g. 100,1000") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give one or more paper counts of at least 1")
    return sizes


def register(subparsers: argparse._SubParsersAction) -> None:
    b = subparsers.add_parser("bench", help="time builds of synthetic proceedings against "
                              "plain MkDocs (see docs/development/performance.en.md)")
    b.add_argument("--papers", type=parse_sizes, default=[100, 1000],
                   help="comma-separated paper counts, e.g. 100,1000,10000")
    b.add_argument("--json", type=Path, help="also write the results to this JSON file")
    b.add_argument("--repeat", type=int, default=1, choices=range(1, 21), metavar="K",
                   help="build each K times and keep the fastest (steadier on a busy machine)")
    b.add_argument("--serve-edit", action="store_true",
                   help="also time `serve` showing an edited abstract")
    b.add_argument("--book", action="store_true",
                   help="also time the printed book (python -m waqai book) and count its pages")
    b.add_argument("--import", dest="import_", action="store_true",
                   help="also time importing an EasyChair export of as many rows as papers")
    b.add_argument("--seed", type=int, default=2015, help="seed of the synthetic data")
    b.add_argument("--keep", type=Path, help="keep the generated projects in this folder")
    b.add_argument("--archive", type=parse_shape, metavar="VOLUMESxPAPERS",
                   help="instead: build a synthetic archive (e.g. 20x500) in full, then after "
                   "one abstract changed, against plain Material (only --seed, --keep and "
                   "--json apply)")
    b.add_argument("--lighthouse", action="store_true",
                   help="instead of timing builds (only this runs; the options above but "
                   "--json are ignored): measure the pages of the site built from papers/ "
                   "with Lighthouse against a plain Material page, median of 3 rounds "
                   "(needs npm and Debian's chromium)")
    b.set_defaults(run=cmd_bench)


def site_size(site: Path) -> tuple[int, int]:
    """(HTML files, total bytes) of a built site."""
    pages = total = 0
    for dirpath, _, filenames in os.walk(site):
        for name in filenames:
            total += os.path.getsize(os.path.join(dirpath, name))
            pages += name.endswith(".html")
    return pages, total


def first_query(site: Path) -> tuple[dict[str, int] | None, str]:
    """Bytes a reader downloads for a first search, per language, if search offers it."""
    try:
        from waqai.search import first_query_bytes
    except ImportError as err:
        return None, (f"not measured: waqai.search.first_query_bytes is not available ({err}); "
                      "it arrives with Waqai's own search")
    try:
        return {lang: int(first_query_bytes(site, lang, query))
                for lang, query in FIRST_QUERY.items()}, ""
    except FileNotFoundError as err:
        return None, (f"not measured: the built site has no Waqai search index ({err.filename} "
                      "is missing); is Waqai's search enabled in mkdocs.yml?")


# -- one size --------------------------------------------------------------------

def set_aside(site: Path, spent: Path) -> None:
    """Move an earlier run's site out of the way, to delete once every run is timed.

    Deleting it just before the next build made that build pay for the deletion:
    for some seconds after thousands of files are deleted, ext4 looks past each
    recently freed inode when it makes a new file (`recently_deleted` in its inode
    allocator). A build that writes more files paid more, and later runs grew slower
    than earlier ones. A rename frees nothing.
    """
    if site.exists():
        spent.parent.mkdir(parents=True, exist_ok=True)
        site.rename(spent)


def bench_one(papers: int, seed: int, root: Path, work: Path, repeat: int = 1,
              serve_edit: bool = False, book: bool = False, import_: bool = False) -> Result:
    """Generate, then build real and baseline `repeat` times each, alternately, from scratch."""
    print(f"{papers:,} papers:", flush=True)
    project, base = work / "project", work / "baseline"
    start = time.perf_counter()
    # Every item of kind paper has its PDF, as a published volume's papers have.
    write_synthetic(project, papers, seed, template_root=root, pdfs=papers)
    print(f"  generated the synthetic project in {time.perf_counter() - start:.1f} s", flush=True)
    python = sys.executable
    real: list[Sample] = []
    baseline: list[Sample] = []
    books: list[Sample] = []
    spent = work / "spent-sites"
    for run in range(1, repeat + 1):
        suffix = f" (run {run}/{repeat})" if repeat > 1 else ""
        set_aside(project / "site", spent / f"waqai-{run}")
        real.append(run_child([python, "-m", "waqai", "build"], project, work / "waqai.log",
                              "building with Waqai (plugin + i18n)" + suffix))
        if run == 1:
            write_baseline(base, project, Build.of(project / "site", real).pages)
        set_aside(base / "site", spent / f"baseline-{run}")
        baseline.append(run_child([python, "-m", "mkdocs", "build"], base, work / "baseline.log",
                                  "building the plain-Material baseline" + suffix))
        if book:  # in the same rounds as the builds, so that the machine's drift hits both
            books.append(run_child([python, "-m", "waqai", "book", "--out",
                                    str(work / "book.pdf")], project, work / "book.log",
                                   "typesetting the book" + suffix, whole_tree=True))
    shutil.rmtree(spent, ignore_errors=True)
    result = Result.of(papers, Build.of(project / "site", real), Build.of(base / "site", baseline))
    result.first_query_bytes, result.first_query_note = first_query(project / "site")
    if books:
        result.book = Sample.best_of(books)
        result.book_pages = pdf_pages(work / "book.pdf")
    if import_:
        result.import_sample = bench_import(papers, seed, root, work)
    if serve_edit:
        result.serve_edit_seconds = serve_edit_seconds(
            project, f"en/papers/{EDITED_PAPER}/",
            project / "papers" / EDITED_PAPER / "abstract.en.md", work / "serve.log")
    return result


IMPORT_VOLUME = 10  # papers of the volume an export is imported into


def bench_import(rows: int, seed: int, root: Path, work: Path) -> Sample:
    """Time `import easychair` of a `rows`-row export into a small synthetic volume."""
    project = work / "import-project"
    write_synthetic(project, IMPORT_VOLUME, seed, template_root=root)
    export = work / "easychair-export"
    write_easychair_export(export, rows, seed)
    return run_child([sys.executable, "-m", "waqai", "import", "easychair", str(export),
                      "--session", "imported"], project, work / "import.log",
                     f"importing an EasyChair export of {rows:,} rows")


def pdf_pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


# -- report ----------------------------------------------------------------------

def _num(value: float | None, digits: int = 0) -> str:
    return "?" if value is None else f"{value:,.{digits}f}"


def table(results: list[Result]) -> str:
    head = ("papers", "pages", "wall s", "CPU s", "peak MB", "output MB", "base wall s",
            "base CPU s", "base MB", "ratio", "CPU ratio")
    rows = [head] + [(f"{r.papers:,}", f"{r.pages:,}", _num(r.wall_seconds, 2),
                      _num(r.cpu_seconds, 2), _num(r.peak_rss_mb), _num(r.output_bytes / 1e6, 1),
                      _num(r.baseline.wall_seconds, 2), _num(r.baseline.cpu_seconds, 2),
                      _num(r.baseline.peak_rss_mb), _num(r.baseline_ratio, 2),
                      _num(r.baseline_cpu_ratio, 2)) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def linearity(results: list[Result]) -> list[str]:
    """Time per tenfold step, where the sizes include one: 10.5 is the target."""
    by_size = {r.papers: r for r in results}
    notes = []
    for r in results:
        small = by_size.get(r.papers // 10)
        if small and r.papers % 10 == 0:
            notes.append(f"{r.papers:,} vs {small.papers:,} papers: "
                         f"{r.wall_seconds / small.wall_seconds:.2f}× the time "
                         f"(linear is 10×; target ≤ 10.5×)")
    return notes


def report(results: list[Result]) -> None:
    print()
    print(table(results))
    for note in linearity(results):
        print(note)
    for r in results:
        if r.first_query_bytes is None:
            print(f"first-query bytes ({r.papers:,} papers): {r.first_query_note}")
        else:
            shown = ", ".join(f"{lang} “{FIRST_QUERY[lang]}”: {n:,} B"
                              for lang, n in r.first_query_bytes.items())
            print(f"first-query bytes ({r.papers:,} papers): {shown}")
        if r.book is not None:
            print(f"book ({r.papers:,} papers): {r.book_pages:,} pages in "
                  f"{r.book.wall_seconds:.2f} s ({r.book.wall_seconds / r.wall_seconds:.2f} of "
                  f"the site build; target ≤ 0.5), peak {_num(r.book.peak_rss_mb)} MB for "
                  f"the largest of its processes, {_num(r.book.tree_peak_mb)} MB for all of "
                  "them together (sampled; target < 1,024)")
        if r.import_sample is not None:
            print(f"import ({r.papers:,} EasyChair rows, check included): "
                  f"{r.import_sample.wall_seconds:.2f} s (target < 5 s), "
                  f"peak {_num(r.import_sample.peak_rss_mb)} MB")
        if r.serve_edit_seconds is not None:
            print(f"serve, one abstract edited ({r.papers:,} papers): "
                  f"{r.serve_edit_seconds:.2f} s until the page showed it")


def write_json(path: Path, results: list[Result]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"python": sys.version.split()[0], "platform": sys.platform,
            "cpus": os.cpu_count(), "load_average": load_average(),
            "results": [asdict(r) for r in results]}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def cmd_bench(args: argparse.Namespace, root: Path) -> int:
    if args.lighthouse:
        return cmd_lighthouse(args, root)
    if args.archive:
        return cmd_bench_archive(args, root)
    results: list[Result] = []
    for papers in args.papers:
        work = work_folder(args.keep, f"papers-{papers}")
        try:
            results.append(bench_one(papers, args.seed, root, work, args.repeat,
                                     args.serve_edit, args.book, args.import_))
        except RuntimeError as err:
            print(f"Benchmark failed at {papers:,} papers: {err}", file=sys.stderr)
            return 1
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        if args.json:  # written after every size, so a long run keeps what it measured
            write_json(args.json, results)
    report(results)
    if args.json:
        print(f"Wrote {args.json}.")
    return 0
