"""`python3 build.py bench --lighthouse`: the readers' side of speed, measured by Lighthouse.

Builds the project's site (the data folder, in a child process as `build.py build`
does, into a temporary folder) and a plain Material site: the project's theme settings
without its overrides, no plugin, one page holding the Markdown of one of Waqai's
hand-written pages (`PLAIN_PAGE`), so that the two are compared like for like. Serves
both as a host would (`static_server`: keep-alive, gzip) and runs Lighthouse
(`LIGHTHOUSE_VERSION`, installed from npm into `.waqai/lighthouse/`, driving Debian's
chromium, with its defaults: mobile emulation and simulated throttling) on one page of
each kind in both languages, and on the plain page. `ROUNDS` rounds go through every
page once each, so that the machine's drift hits every page alike; each figure is the
median of its page's runs. Prints a Markdown table for docs/development/performance.en.md,
then a line per requirement not met.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, redirect_stdout
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from waqai.bench.measure import load_average, run_child, site_path
from waqai.bench.plain import plain_theme, read_config, write_config
from waqai.bench.static_server import serve

LIGHTHOUSE_VERSION = "12.8.2"
INSTALL_DIR = Path(".waqai") / "lighthouse"  # under the project's root; git-ignored
CHROMIUM = Path("/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
HELD_TO_100 = (("accessibility", "accessibility"), ("best-practices", "best practices"),
               ("seo", "SEO"))
MAX_CLS = 0.02
ROUNDS = 3  # odd: each median is one run's figure
RUN_TIMEOUT = 300  # seconds for one Lighthouse run (one takes about 12 s)
PLAIN_PAGE = "start.ar.md"  # in the project's docs_dir; Waqai publishes it at /start/
EXAMPLES = 3  # elements named per failing audit

# Where each language's pages are in the built site (README: Arabic at /, English at /en/).
LANG_ROOTS = (("ar", ""), ("en", "en/"))
# The page kinds: name, folder in a language's tree, and whether the folder holds one
# page of that kind per sub-folder (then one is chosen: see `chosen`).
KINDS = (("home", "", False), ("about", "about", False), ("programme", "programme", False),
         ("day", "programme", True), ("session", "sessions", True), ("paper", "papers", True),
         ("people", "people", False), ("person", "people", True),
         ("contributing", "contributing", False), ("start", "start", False))
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


class Unavailable(Exception):
    """Lighthouse cannot run here; the message says what to install."""


class LighthouseFailed(Exception):
    """Lighthouse gave no usable report for a page; the message is its error."""


# -- the pages -------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    kind: str
    lang: str
    path: str  # the URL path from the site's root: "/", "/en/papers/x/"
    plain: bool = False  # the plain Material page, the reference

    @property
    def label(self) -> str:
        return f"plain Material ({self.kind})" if self.plain else f"{self.kind} ({self.lang})"


def _html_bytes(folder: Path) -> int:
    page = folder / "index.html"
    return page.stat().st_size if page.is_file() else 0


def chosen(site: Path, folder: str) -> str | None:
    """Of the pages in `folder`'s sub-folders, the one with the most HTML in both
    languages together, the first in sorted order among equals; None when there is none.

    The heaviest page of its kind (for a paper, mostly the longest abstract and the
    most authors) is the one a reader waits longest for, and it is found from the
    built site alone, the same way for every kind.
    """
    parent = site / folder
    names = sorted(child.name for child in parent.iterdir()
                   if (child / "index.html").is_file()) if parent.is_dir() else []
    if not names:
        return None
    return max(names, key=lambda name: sum(_html_bytes(site / root / folder / name)
                                           for _, root in LANG_ROOTS))


def find_pages(site: Path) -> list[Page]:
    """One page of each kind the built site has, in each language that has it."""
    pages = []
    for kind, folder, several in KINDS:
        relative = f"{folder}/" if folder else ""
        if several:
            name = chosen(site, folder)
            if name is None:
                continue
            relative += f"{name}/"
        for lang, root in LANG_ROOTS:
            if (site / root / relative / "index.html").is_file():
                pages.append(Page(kind, lang, f"/{root}{relative}"))
    return pages


# -- the plain Material site -------------------------------------------------------

def plain_config(config: dict[str, Any]) -> dict[str, Any]:
    """The plain site's mkdocs.yml from the project's: its theme settings without its
    overrides (`custom_dir`), and no plugin (MkDocs adds `search` unless told `plugins: []`)."""
    return {"site_name": config.get("site_name") or "Plain Material", "docs_dir": "docs",
            "site_dir": "site", "theme": plain_theme(config), "plugins": []}


def plain_page() -> Page:
    """`PLAIN_PAGE` in the plain site: "start.ar.md" is "/start/", in Arabic."""
    name, lang = PLAIN_PAGE.split(".")[:2]
    return Page(name, lang, f"/{name}/", plain=True)


def write_plain_project(dest: Path, config_file: Path) -> Path:
    """The plain site's project: its mkdocs.yml, and `PLAIN_PAGE` without front matter."""
    config = read_config(config_file)
    source = config_file.parent / config.get("docs_dir", "docs") / PLAIN_PAGE
    text = FRONT_MATTER.sub("", source.read_text(encoding="utf-8"), count=1)
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (docs / f"{plain_page().kind}.md").write_text(text, encoding="utf-8")
    write_config(dest / "mkdocs.yml", plain_config(config),
                 "bench --lighthouse: plain Material, the project's theme, no plugin.")
    return dest


def build_sites(root: Path, data_dir: str, config_file: str, work: Path) -> tuple[Path, Path]:
    """The project's site and the plain one, built by child processes into `work`
    (never into the project's own site/); their progress goes to stderr."""
    python = sys.executable
    site = work / "waqai-site"
    with redirect_stdout(sys.stderr):
        run_child([python, "-m", "waqai", "--data-dir", data_dir, "--config-file", config_file,
                   "build", "--site-dir", str(site)], root, work / "waqai.log",
                  f"building the site from {data_dir}/")
        plain = write_plain_project(work / "plain", root / config_file)
        run_child([python, "-m", "mkdocs", "build"], plain, work / "plain.log",
                  "building the plain Material page")
    return site, plain / "site"


# -- Lighthouse --------------------------------------------------------------------

def installed_version(prefix: Path) -> str | None:
    try:
        manifest = prefix / "node_modules" / "lighthouse" / "package.json"
        return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None


def ensure_lighthouse(root: Path) -> Path:
    """The pinned Lighthouse's command, installed with npm on first use.
    Raises Unavailable, saying what to install, when it cannot run here."""
    if not CHROMIUM.is_file():
        raise Unavailable(f"Lighthouse needs Debian's chromium at {CHROMIUM}: install it with "
                          "`apt-get install chromium`.")
    npm, node = shutil.which("npm"), shutil.which("node")
    prefix = root / INSTALL_DIR
    binary = prefix / "node_modules" / ".bin" / "lighthouse"
    installed = installed_version(prefix) == LIGHTHOUSE_VERSION
    if node is None or (npm is None and not installed):
        raise Unavailable("Lighthouse needs Node.js and npm: install them with "
                          "`apt-get install nodejs npm`.")
    if installed and binary.exists():
        return binary
    assert npm is not None  # checked above
    print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {INSTALL_DIR}/ (first use) …",
          file=sys.stderr, flush=True)
    done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(prefix),
                           f"lighthouse@{LIGHTHOUSE_VERSION}"], capture_output=True, text=True)
    if done.returncode != 0 or installed_version(prefix) != LIGHTHOUSE_VERSION:
        raise Unavailable(f"npm could not install lighthouse@{LIGHTHOUSE_VERSION} into "
                          f"{INSTALL_DIR}/ ({_last_line(done.stderr)}); check the access to "
                          "the npm registry and run the command again.")
    return binary


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def lighthouse_error(report: dict | None, returncode: int, stderr: str) -> str | None:
    """What went wrong in a Lighthouse run, from its report and exit; None when nothing."""
    if report is None:
        return f"Lighthouse exited with {returncode} and wrote no report: {_last_line(stderr)}"
    runtime = report.get("runtimeError")
    if runtime:
        return f"{runtime.get('code')}: {runtime.get('message')}"
    categories = report.get("categories") or {}
    unscored = [key for key in CATEGORIES if (categories.get(key) or {}).get("score") is None]
    if unscored:
        errored = [f"{audit_id}: {audit.get('errorMessage')}"
                   for audit_id, audit in (report.get("audits") or {}).items()
                   if audit.get("scoreDisplayMode") == "error"]
        return (f"no {', '.join(unscored)} score"
                + (f" (audits in error: {'; '.join(errored)})" if errored else ""))
    if returncode != 0:
        return f"Lighthouse exited with {returncode}: {_last_line(stderr)}"
    return None


def run_lighthouse(binary: Path, url: str, out: Path) -> dict:
    """One Lighthouse run of `url`; its JSON report. Raises LighthouseFailed."""
    command = [str(binary), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    out.unlink(missing_ok=True)
    # A session of its own, so that a run past its time is ended with its chromium.
    proc = subprocess.Popen(command, env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise LighthouseFailed(f"no report after {RUN_TIMEOUT} s") from None
    try:
        report = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        report = None
    error = lighthouse_error(report, proc.returncode, stderr)
    if error is not None:
        raise LighthouseFailed(error)
    assert report is not None  # no error
    return report


# -- figures ---------------------------------------------------------------------

@dataclass
class Figures:
    """One page's figures from one run (or the medians of several)."""

    performance: int  # scores 0-100, rounded as Lighthouse shows them
    accessibility: int
    best_practices: int
    seo: int
    fcp_ms: float
    lcp_ms: float
    cls: float
    tbt_ms: float
    total_bytes: int  # total-byte-weight: bytes transferred, compressed as sent

    @classmethod
    def of(cls, report: dict) -> Figures:
        def score(key: str) -> int:
            return int(report["categories"][key]["score"] * 100 + 0.5)  # JavaScript's round

        def value(audit_id: str) -> float:
            return float(report["audits"][audit_id]["numericValue"])

        try:
            return cls(score("performance"), score("accessibility"), score("best-practices"),
                       score("seo"), value("first-contentful-paint"),
                       value("largest-contentful-paint"), value("cumulative-layout-shift"),
                       value("total-blocking-time"), int(value("total-byte-weight")))
        except (KeyError, TypeError) as err:
            raise LighthouseFailed(f"the report has no {err}") from None

    @classmethod
    def median(cls, runs: list[Figures]) -> Figures:
        """Each figure's median; with an even number of runs, the lower middle one."""
        return cls(**{f.name: statistics.median_low([getattr(run, f.name) for run in runs])
                      for f in fields(cls)})


def _element(item: dict) -> str | None:
    """How Lighthouse names what an audit found: an element's selector, else a URL."""
    node = item.get("node")
    if isinstance(node, dict):
        return node.get("selector") or node.get("snippet")
    for key in ("url", "source"):
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("url")
        if isinstance(value, str):
            return value
    return None


def failing_audits(report: dict) -> dict[str, dict[str, list[str]]]:
    """The audits that keep a category held to 100 below it: per category, each failing
    audit's id with the first elements (or URLs) it names."""
    failing: dict[str, dict[str, list[str]]] = {}
    for key, _ in HELD_TO_100:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if not ref.get("weight") or audit.get("score") is None or audit["score"] >= 1:
                continue
            items = (audit.get("details") or {}).get("items") or []
            named = [name for name in map(_element, items) if name]
            failing.setdefault(key, {})[ref["id"]] = named[:EXAMPLES]
    return failing


@dataclass
class Run:
    figures: Figures
    failing: dict[str, dict[str, list[str]]]  # `failing_audits`
    benchmark_index: float | None  # Lighthouse's gauge of the machine's speed at the time
    seconds: float


@dataclass
class Measured:
    """One page and its runs."""

    page: Page
    url: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> Figures:
        return Figures.median([run.figures for run in self.runs])

    def failing(self, category: str) -> list[str]:
        """The audits of `category` that failed in any run."""
        return sorted({audit for run in self.runs for audit in run.failing.get(category, {})})


def measure(binary: Path, targets: list[Measured], work: Path, rounds: int = ROUNDS,
            json_path: Path | None = None) -> None:
    """`rounds` rounds, each through every target once, adding to each its runs."""
    total, done = rounds * len(targets), 0
    for round_ in range(1, rounds + 1):
        for target in targets:
            start = time.perf_counter()
            try:
                report = run_lighthouse(binary, target.url, work / "report.json")
                figures = Figures.of(report)
            except LighthouseFailed as err:
                raise LighthouseFailed(f"on {target.page.label}, {target.url}: {err}") from None
            seconds = round(time.perf_counter() - start, 1)
            index = (report.get("environment") or {}).get("benchmarkIndex")
            target.runs.append(Run(figures, failing_audits(report), index, seconds))
            done += 1
            print(f"  [{done}/{total}] round {round_}: {target.page.label} {target.page.path}: "
                  f"performance {figures.performance}, LCP {figures.lcp_ms / 1000:.1f} s, "
                  f"CLS {figures.cls:.3f} ({seconds:.0f} s)", file=sys.stderr, flush=True)
        if json_path is not None:  # after every round, so a long run keeps what it measured
            write_json(json_path, targets)


# -- report ----------------------------------------------------------------------

COLUMNS = ("Page", "URL", "Performance", "Accessibility", "Best practices", "SEO", "FCP s",
           "LCP s", "CLS", "TBT ms", "KB")


def table(measured: list[Measured]) -> str:
    """The medians as a Markdown table, a row per page."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for target in measured:
        m = target.median
        cells = (target.page.label, f"`{target.page.path}`", str(m.performance),
                 str(m.accessibility), str(m.best_practices), str(m.seo),
                 f"{m.fcp_ms / 1000:.1f}", f"{m.lcp_ms / 1000:.1f}", f"{m.cls:.3f}",
                 f"{m.tbt_ms:,.0f}", f"{m.total_bytes / 1000:,.0f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdict(measured: list[Measured]) -> list[str]:
    """A line per requirement some Waqai page does not meet, naming those pages; or one
    line saying all are met. Performance is held to the plain page's of the same run."""
    plain = next(target.median.performance for target in measured if target.page.plain)
    waqai = [target for target in measured if not target.page.plain]

    def where(target: Measured) -> str:
        return f"{target.page.label} `{target.page.path}`"

    lines = []
    slower = [f"{where(t)} {t.median.performance}" for t in waqai
              if t.median.performance < plain]
    if slower:
        lines.append(f"- Not met: performance ≥ the plain page's ({plain}): "
                     + ", ".join(slower) + ".")
    shifting = [f"{where(t)} {t.median.cls:.3f}" for t in waqai if t.median.cls >= MAX_CLS]
    if shifting:
        lines.append(f"- Not met: CLS < {MAX_CLS}: " + ", ".join(shifting) + ".")
    for key, name in HELD_TO_100:
        attr = key.replace("-", "_")
        below = [f"{where(t)} {getattr(t.median, attr)} ({', '.join(t.failing(key)) or '?'})"
                 for t in waqai if getattr(t.median, attr) < 100]
        if below:
            lines.append(f"- Not met: {name} 100: " + ", ".join(below) + ".")
    return lines or [f"- All requirements are met: every Waqai page's performance ≥ the plain "
                     f"page's ({plain}), CLS < {MAX_CLS}, accessibility, best practices and "
                     "SEO 100."]


@functools.cache  # asked for by every round's JSON and by the summary
def chromium_version() -> str:
    try:
        return subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True,
                              timeout=60).stdout.strip() or "chromium"
    except (OSError, subprocess.SubprocessError):
        return "chromium"


def write_json(path: Path, measured: list[Measured]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"lighthouse": LIGHTHOUSE_VERSION, "chromium": chromium_version(),
            "rounds": ROUNDS, "cpus": os.cpu_count(), "load_average": load_average(),
            "pages": [{**asdict(target.page), "url": target.url,
                       "median": asdict(target.median) if target.runs else None,
                       "runs": [asdict(run) for run in target.runs]} for target in measured]}
    if all(target.runs for target in measured):
        data["verdict"] = verdict(measured)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def summary(measured: list[Measured]) -> Iterator[str]:
    yield (f"Lighthouse {LIGHTHOUSE_VERSION} ({chromium_version()}), its defaults (mobile, "
           f"simulated throttling), median of {ROUNDS} rounds; the plain page is "
           f"docs/{PLAIN_PAGE} built by plain Material. KB: 1,000 bytes as transferred.")
    yield ""
    yield table(measured)
    yield ""
    yield from verdict(measured)


# -- the command -------------------------------------------------------------------

def cmd_lighthouse(args: argparse.Namespace, root: Path) -> int:
    started = time.perf_counter()
    try:
        binary = ensure_lighthouse(root)
    except Unavailable as err:
        print(err, file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="waqai-lighthouse-"))
    try:
        site, plain = build_sites(root, args.data_dir, args.config_file, work)
        with ExitStack() as stack:
            base = stack.enter_context(serve(site, site_path(root, args.data_dir)))
            plain_base = stack.enter_context(serve(plain))
            targets = [Measured(page, base + page.path[1:]) for page in find_pages(site)]
            plain_target = plain_page()
            targets.append(Measured(plain_target, plain_base + plain_target.path[1:]))
            measure(binary, targets, work, json_path=args.json)
    except LighthouseFailed as err:
        print(f"Lighthouse failed {err}", file=sys.stderr)
        return 1
    except RuntimeError as err:  # run_child: a build failed
        print(f"Building the sites failed: {err}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(summary(targets)))
    minutes = (time.perf_counter() - started) / 60
    print(f"Measured {len(targets)} pages × {ROUNDS} rounds in {minutes:.1f} min"
          + (f"; wrote {args.json}." if args.json else "."), file=sys.stderr)
    return 0
