"""The benchmark command works end to end at a tiny size (no test asserts a time)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, run_waqai
from waqai.bench.measure import Sample, run_child, site_path
from waqai.bench.run import Build, Result, linearity, parse_sizes


def test_bench_at_five_papers_writes_every_field(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "bench.json"
    result = run_waqai(project, "bench", "--papers", "5", "--repeat", "2", "--serve-edit",
                       "--book", "--json", str(out))
    assert result.code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    [row] = data["results"]
    base = row["baseline"]
    assert row["papers"] == 5
    assert row["pages"] > 2 * 5  # a page per paper in each language, and more
    assert base["pages"] == row["pages"]
    assert row["output_bytes"] > 100_000 and base["output_bytes"] > 100_000
    for figures in (row, base):
        assert len(figures["samples"]) == 2
        assert figures["wall_seconds"] == min(s["wall_seconds"] for s in figures["samples"])
        assert figures["peak_rss_mb"] == max(s["peak_rss_mb"] for s in figures["samples"])
        assert figures["peak_rss_mb"] > 20 and figures["cpu_seconds"] > 0
    assert row["baseline_ratio"] == pytest.approx(row["wall_seconds"] / base["wall_seconds"],
                                                  rel=0.01)
    assert row["baseline_cpu_ratio"] == pytest.approx(row["cpu_seconds"] / base["cpu_seconds"],
                                                      rel=0.01)
    assert row["serve_edit_seconds"] > 0
    assert row["book"]["wall_seconds"] > 0 and row["book_pages"] > 5  # title, contents, items
    assert row["book"]["tree_peak_mb"] > 20  # the book's processes together, sampled
    assert "book (5 papers): " in result.out
    assert "serve, one abstract edited (5 papers):" in result.out
    if row["first_query_bytes"] is None:  # search not there: said so, not skipped silently
        assert row["first_query_note"].startswith("not measured: ")
        assert "first-query bytes (5 papers): not measured" in result.out
    else:
        assert set(row["first_query_bytes"]) == {"ar", "en"}
        assert min(row["first_query_bytes"].values()) > 0
    header = next(line for line in result.out.splitlines() if line.lstrip().startswith("papers"))
    assert "ratio" in header and "peak MB" in header


PEAKS = """
import json, sys
from pathlib import Path
from waqai.bench.measure import run_child
big = "b = bytearray(300_000_000); b[::4096] = b'x' * len(b[::4096])"
here = Path(sys.argv[1])
large = run_child([sys.executable, "-c", big], here, here / "big.log", "big")
small = run_child([sys.executable, "-c", "pass"], here, here / "s.log", "small")
print(json.dumps([large.peak_rss_mb, small.peak_rss_mb]))
"""


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4")
def test_peak_rss_is_each_childs_own(tmp_path: Path) -> None:
    """A later, small child must not inherit the peak of an earlier, big one. Measured
    from a small parent: Linux counts the memory of the process that starts a child
    into the child's peak until its exec, and this test run's grows with the suite."""
    run = subprocess.run([sys.executable, "-c", PEAKS, str(tmp_path)], capture_output=True,
                         text=True, check=True)
    large, small = json.loads(run.stdout.splitlines()[-1])
    assert large >= 300
    assert small < 100


HOLDER = """
import sys
b = bytearray(150_000_000); b[::4096] = b'x' * len(b[::4096])
print("ready", flush=True)
sys.stdin.read()
"""
PARENT = """
import subprocess, sys
holders = [subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True) for _ in range(2)]
for holder in holders:
    holder.stdout.readline()
print("ready", flush=True)
sys.stdin.read()
for holder in holders:
    holder.stdin.close()
    holder.wait()
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_a_process_trees_memory_is_the_sum_of_its_processes() -> None:
    """The book's children run side by side: its memory is their sum, which the
    kernel's peak (the largest process's) does not give."""
    from waqai.bench.measure import _tree_rss_kb
    parent = subprocess.Popen([sys.executable, "-c", PARENT, HOLDER], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().strip() == "ready"
        assert _tree_rss_kb(parent.pid) > 2 * 150_000  # KiB: both holders and the parent
    finally:
        parent.communicate("")
    assert _tree_rss_kb(parent.pid) == 0  # gone: nothing to count


def test_failed_child_is_reported_with_its_output(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "import sys; print('broken data'); sys.exit(3)"]
    with pytest.raises(RuntimeError, match="exited with 3(.|\n)*broken data"):
        run_child(command, tmp_path, tmp_path / "log", "failing")


def test_serve_path_comes_from_site_url(tmp_path: Path) -> None:
    for line, path in (("site_url: https://example.org/csc-2015/", "/csc-2015/"),
                       ("site_url: 'https://example.org'", "/"),
                       ('site_url: "http://example.org/a/b"', "/a/b/")):
        (tmp_path / "papers").mkdir(exist_ok=True)
        (tmp_path / "papers/conference.yaml").write_text(f"{line}\n", encoding="utf-8")
        assert site_path(tmp_path) == path


def test_parse_sizes() -> None:
    assert parse_sizes("100,1000, 10_000") == [100, 1000, 10000]
    for bad in ("", "0", "ten", "100,-5"):
        with pytest.raises(argparse.ArgumentTypeError):
            parse_sizes(bad)


def test_linearity_compares_tenfold_steps() -> None:
    def result(papers: int, seconds: float) -> Result:
        build = Build(1, 1, seconds, None, None, [Sample(seconds, None, None)])
        return Result.of(papers, build, build)

    notes = linearity([result(100, 2.0), result(1000, 13.0), result(10000, 140.0),
                       result(3000, 40.0)])
    assert notes == [
        "1,000 vs 100 papers: 6.50× the time (linear is 10×; target ≤ 10.5×)",
        "10,000 vs 1,000 papers: 10.77× the time (linear is 10×; target ≤ 10.5×)",
    ]


def test_the_baseline_publishes_the_same_pdfs_beside_its_pages(tmp_path: Path) -> None:
    from waqai.bench.baseline import write_baseline
    from waqai.bench.synthetic import write_synthetic
    from waqai.data.checks import validate

    project = tmp_path / "project"
    write_synthetic(project, 12, pdfs=12)
    proc = validate(project).proceedings
    with_pdf = [paper for paper in proc.papers if paper.pdf]
    assert len(with_pdf) >= 5  # every item of kind paper has one
    write_baseline(tmp_path / "baseline", project)
    docs = tmp_path / "baseline" / "docs"
    for paper in with_pdf:
        source = (project / "papers" / paper.id / paper.pdf).read_bytes()
        for tree in (docs, docs / "en"):
            assert (tree / "papers" / paper.id / paper.pdf).read_bytes() == source
            page = (tree / "papers" / f"{paper.id}.md").read_text(encoding="utf-8")
            assert f"]({paper.id}/{paper.pdf})" in page


def test_bench_of_an_archive_writes_every_figure(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "archive.json"
    result = run_waqai(project, "bench", "--archive", "2x3", "--json", str(out))
    assert result.code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["archive"] == "2x3" and data["pages"] > 2 * 2 * 3
    for sample in ("full", "edit", "baseline"):
        assert data[sample]["wall_seconds"] > 0 and data[sample]["cpu_seconds"] > 0
    assert data["ratio"] == pytest.approx(data["full"]["wall_seconds"]
                                          / data["baseline"]["wall_seconds"], rel=0.01)
    assert data["edit_fraction"] == pytest.approx(data["edit"]["wall_seconds"]
                                                  / data["full"]["wall_seconds"], rel=0.01)
    assert data["max_process_rss_mb"] == data["full"]["peak_rss_mb"] > 20
    assert data["serve_edit_seconds"] is None  # serve refuses an archive: said why
    assert data["serve_edit_note"].startswith("not measured: ")
    assert "edit_fraction" in result.out


def test_parse_archive_shape() -> None:
    from waqai.bench.archive import parse_shape

    assert parse_shape("20x500") == (20, 500) and parse_shape(" 2 × 1_000") == (2, 1000)
    for bad in ("", "20", "0x5", "5x0", "axb", "2x3x4"):
        with pytest.raises(argparse.ArgumentTypeError):
            parse_shape(bad)


def test_a_synthetic_archive_shares_its_people_and_is_marked(tmp_path: Path) -> None:
    from waqai.bench.baseline import write_archive_baseline
    from waqai.bench.synthetic import MARK_AR, MARK_EN
    from waqai.bench.synthetic_archive import write_synthetic_archive
    from waqai.data.archivecheck import validate_archive

    write_synthetic_archive(tmp_path / "project", 3, 20)
    result = validate_archive(tmp_path / "project")
    assert result.archive is not None and result.problems == []  # every person cited
    archive = result.archive
    assert [len(volume.proceedings.papers) for volume in archive.volumes] == [20, 20, 20]
    in_several = [p for p in archive.people if len(archive.volumes_of(p.id)) > 1]
    assert len(in_several) > len(archive.people) / 10
    titles = [archive.info.title, *(v.conference.title for v in archive.volumes),
              *(paper.title for v in archive.volumes for paper in v.proceedings.papers)]
    assert all(MARK_AR in t.ar and MARK_EN in t.en for t in titles)
    pages = write_archive_baseline(tmp_path / "baseline", tmp_path / "project")
    assert pages > 3 * 2 * 20
    assert (tmp_path / "baseline/docs" / archive.volumes[0].id / "papers").is_dir()
