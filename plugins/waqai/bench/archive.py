"""`python3 build.py bench --archive VOLUMESxPAPERS`: an archive's build, measured (issue 31).

It writes a synthetic archive (`synthetic_archive.py`: VOLUMES volumes of PAPERS items,
sharing people, every paper with its PDF) and reports, in its JSON:

- `ratio`: the full build (no cache) against plain Material building the same pages
  (`baseline.write_archive_baseline`) as one site, wall time; `cpu_ratio` the same in CPU
  seconds (all processes), which the archive's build spreads over the cores;
- `edit_fraction`: the build after one abstract of one volume changed (the other volumes
  reused from `.waqai/cache/build/`), over the full build;
- `max_process_rss_mb`: the largest peak of any one process of the full build (`os.wait4`
  on `build`: the largest of its own and its children's);
- `serve_edit_seconds`: None while `serve` refuses an archive, with the reason.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from waqai.bench.baseline import write_archive_baseline
from waqai.bench.measure import Sample, load_average, run_child, work_folder
from waqai.bench.synthetic_archive import volume_id, write_synthetic_archive
from waqai.cachedir import CACHE_DIR

SERVE_NOTE = ("not measured: `serve` refuses an archive in this version (it would rebuild "
              "the whole archive; rebuilding only the edited volume is still to come)")


def parse_shape(text: str) -> tuple[int, int]:
    """"20x500" -> (20, 500)."""
    found = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text.replace("_", ""))
    if found is None or min(int(found[1]), int(found[2])) < 1:
        raise argparse.ArgumentTypeError(f"“{text}” is not VOLUMESxPAPERS, e.g. 20x500")
    return int(found[1]), int(found[2])


@dataclass
class ArchiveResult:
    archive: str  # "20x500"
    pages: int  # HTML files of the full build
    ratio: float
    cpu_ratio: float | None
    edit_fraction: float
    max_process_rss_mb: float | None
    serve_edit_seconds: float | None
    serve_edit_note: str
    full: Sample
    edit: Sample
    baseline: Sample


def bench_archive(volumes: int, papers: int, seed: int, root: Path, work: Path) -> ArchiveResult:
    print(f"an archive of {volumes} volumes of {papers:,} items:", flush=True)
    project, base = work / "project", work / "baseline"
    write_synthetic_archive(project, volumes, papers, seed, template_root=root, pdfs=papers)
    python = sys.executable
    shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
    full = run_child([python, "-m", "waqai", "build"], project, work / "full.log",
                     "building the whole archive (no cache)")
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    abstract = project / "papers" / volume_id(volumes) / "paper-00001" / "abstract.en.md"
    abstract.write_text(abstract.read_text(encoding="utf-8") + "\nOne sentence more.\n",
                        encoding="utf-8")
    edit = run_child([python, "-m", "waqai", "build"], project, work / "edit.log",
                     "building again after one abstract changed")
    write_archive_baseline(base, project, pages)
    baseline = run_child([python, "-m", "mkdocs", "build"], base, work / "baseline.log",
                         "building the plain-Material baseline (one site)")
    cpu_ratio = (round(full.cpu_seconds / baseline.cpu_seconds, 3)
                 if full.cpu_seconds and baseline.cpu_seconds else None)
    return ArchiveResult(
        f"{volumes}x{papers}", pages, round(full.wall_seconds / baseline.wall_seconds, 3),
        cpu_ratio, round(edit.wall_seconds / full.wall_seconds, 3), full.peak_rss_mb, None,
        SERVE_NOTE, full, edit, baseline)


def cmd_bench_archive(args: argparse.Namespace, root: Path) -> int:
    volumes, papers = args.archive
    work = work_folder(args.keep, f"archive-{volumes}x{papers}")
    try:
        result = bench_archive(volumes, papers, args.seed, root, work)
    except RuntimeError as err:
        print(f"Benchmark failed at {volumes}x{papers}: {err}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{result.archive}: {result.pages:,} pages; full build "
          f"{result.full.wall_seconds:.1f} s against {result.baseline.wall_seconds:.1f} s for "
          f"plain Material: ratio "
          f"{result.ratio:.2f} (CPU {result.cpu_ratio}); after one abstract changed "
          f"{result.edit.wall_seconds:.1f} s, edit_fraction {result.edit_fraction:.3f}; "
          f"largest process {result.max_process_rss_mb} MB; serve: {result.serve_edit_note}.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = {"python": sys.version.split()[0], "platform": sys.platform,
                "load_average": load_average(), **asdict(result)}
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        print(f"Wrote {args.json}.")
    return 0
