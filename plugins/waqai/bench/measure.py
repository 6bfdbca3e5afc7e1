"""Measuring child processes for `build.py bench`: time, CPU, peak memory, serve latency.

Peak RSS and CPU come from `os.wait4` on each child: the kernel's figures for
that one process (a delta of RUSAGE_CHILDREN cannot give a child's own peak,
only the largest of all children so far).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

PROGRESS_EVERY = 0.5  # seconds between redraws of the progress line on a terminal
PROGRESS_LOG_EVERY = 30.0  # seconds between progress lines when output is not a terminal
POLL = 0.05  # seconds between two requests while waiting for `serve`
CHILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "false"}


@dataclass
class Sample:
    """One child process, measured."""

    wall_seconds: float
    cpu_seconds: float | None  # user + system
    peak_rss_mb: float | None  # the largest of the child and each of its own children
    # The child and its children together, sampled (`run_child(whole_tree=True)`).
    tree_peak_mb: float | None = None

    @classmethod
    def best_of(cls, samples: list[Sample]) -> Sample:
        """Runs of one command: the fastest time and least CPU, the largest memory."""
        def known(values: list[float | None]) -> list[float]:
            return [v for v in values if v is not None]
        cpus = known([s.cpu_seconds for s in samples])
        rss = known([s.peak_rss_mb for s in samples])
        trees = known([s.tree_peak_mb for s in samples])
        return cls(min(s.wall_seconds for s in samples), min(cpus) if cpus else None,
                   max(rss) if rss else None, max(trees) if trees else None)


class Progress:
    """A line that counts the seconds of a long step, from a background thread.

    On a terminal the line is redrawn every half second; otherwise (CI, a log
    file) a line is printed every 30 seconds.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stdout.isatty()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Progress:
        print(f"  {self.label} …", end="" if self.tty else "\n", flush=True)
        self.start = time.perf_counter()
        self.thread.start()
        return self

    def _run(self) -> None:
        every = PROGRESS_EVERY if self.tty else PROGRESS_LOG_EVERY
        while not self.stop.wait(every):
            elapsed = time.perf_counter() - self.start
            if self.tty:
                print(f"\r  {self.label} … {elapsed:5.0f} s", end="", flush=True)
            else:
                print(f"  … {self.label}: {elapsed:.0f} s so far", flush=True)

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def done(self, text: str) -> None:
        prefix = f"\r  {self.label} … " if self.tty else f"  {self.label}: "
        print(f"{prefix}{text}", flush=True)


def _max_rss_mb(rusage) -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # Linux reports KiB, macOS bytes
    return round(rusage.ru_maxrss * scale / 1e6, 1)


def run_child(command: list[str], cwd: Path, log: Path, label: str,
              whole_tree: bool = False) -> Sample:
    """Run one command to its end, measured. Raises RuntimeError (with its output) on failure.

    The kernel's peak for a child is the largest of its own and its children's, not their
    sum: with `whole_tree`, the memory of the child and all its children together is
    also sampled every `TREE_EVERY` seconds, for a command whose children run side by side.
    """
    env = {**os.environ, **CHILD_ENV}
    cpu = rss = None
    with log.open("wb") as out, Progress(label) as progress:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        tree = TreeMemory(proc.pid) if whole_tree else None
        if hasattr(os, "wait4"):
            _, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            cpu = round(rusage.ru_utime + rusage.ru_stime, 3)
            rss = _max_rss_mb(rusage)
        else:  # pragma: no cover - Windows has no per-child rusage
            proc.wait()
        wall = time.perf_counter() - start
        tree_peak = tree.stop() if tree is not None else None
    if proc.returncode != 0:
        progress.done("FAILED")
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
        raise RuntimeError(f"{' '.join(command)} exited with {proc.returncode} in {cwd}:\n"
                           + "\n".join(tail))
    progress.done(f"{wall:.2f} s, {cpu if cpu is not None else '?'} s CPU, "
                  f"{rss if rss is not None else '?'} MB")
    return Sample(round(wall, 3), cpu, rss, tree_peak)


TREE_EVERY = 0.02  # seconds between two samples of a process tree's memory


class TreeMemory:
    """The largest resident memory of a process and its descendants together, sampled
    from /proc by a background thread (Linux; elsewhere it stays None)."""

    def __init__(self, pid: int) -> None:
        self._pid = pid
        self._peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(TREE_EVERY):
            self._peak_kb = max(self._peak_kb, _tree_rss_kb(self._pid))

    def stop(self) -> float | None:
        self._stop.set()
        self._thread.join()
        return round(self._peak_kb * 1024 / 1e6, 1) if self._peak_kb else None


def _tree_rss_kb(pid: int) -> int:
    """The resident memory of `pid` and all its descendants now, in KiB."""
    total, waiting = 0, [pid]
    while waiting:
        current = waiting.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:  # gone, or no /proc
            continue
        total += next((int(line.split()[1]) for line in status.splitlines()
                       if line.startswith("VmRSS:")), 0)
        waiting += [int(child) for child in children]
    return total


def work_folder(keep: Path | None, name: str) -> Path:
    """An empty folder for one benchmark: `keep/name` (emptied) when the projects are kept,
    else a new temporary one, which the caller deletes."""
    if keep is None:
        return Path(tempfile.mkdtemp(prefix=f"waqai-bench-{name}-"))
    work = keep / name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    return work


# -- serve ---------------------------------------------------------------------

def load_average() -> list[float] | None:
    """The machine's load over 1, 5 and 15 minutes, where the system says it."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, marker: str | None, deadline: float) -> None:
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and (marker is None or marker in page):
            return
        time.sleep(POLL)
    raise RuntimeError(f"timed out waiting for {url}" + (" to change" if marker else ""))


def site_path(project: Path, data_dir: str = "papers") -> str:
    """The path part of the conference's `site_url`, where `serve` mounts the site."""
    conference = yaml.safe_load((project / data_dir / "conference.yaml").read_text("utf-8"))
    path = urlsplit(str(conference.get("site_url") or "/")).path or "/"
    return path if path.endswith("/") else path + "/"


def stop_serve(server: subprocess.Popen, timeout: float = 60) -> None:
    """Stop `serve` as Ctrl-C would: MkDocs then deletes its temporary site folder
    (on SIGTERM it leaves it behind, a copy of the whole site per run)."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def serve_edit_seconds(project: Path, page: str, abstract: Path, log: Path,
                       timeout: float = 1800) -> float:
    """Seconds from saving an edited abstract to `serve` showing it on `page`.

    Starts `python -m waqai serve` in `project`, waits for its first build,
    appends a sentence to `abstract`, then polls `page` (a site-relative URL)
    until the sentence appears. The abstract is restored afterwards.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}{site_path(project)}{page}"
    env = {**os.environ, **CHILD_ENV}
    original = abstract.read_bytes()
    marker = f"Edited under serve at {time.time_ns()}."
    with log.open("wb") as out, Progress("serve: editing one abstract") as progress:
        server = subprocess.Popen([sys.executable, "-m", "waqai", "serve", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, stdout=out,
                                  stderr=subprocess.STDOUT, env=env)
        try:
            wait_for(url, None, time.monotonic() + timeout)
            abstract.write_bytes(original + f"\n{marker}\n".encode())
            start = time.perf_counter()
            wait_for(url, marker, time.monotonic() + timeout)
            seconds = time.perf_counter() - start
        finally:
            stop_serve(server)
            abstract.write_bytes(original)
    progress.done(f"{seconds:.2f} s until the page showed the change")
    return round(seconds, 3)
