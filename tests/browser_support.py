"""Helpers for the browser tests: drive Debian's chromium on a built site served on 127.0.0.1.

The browser is always the system one at /usr/bin/chromium (CI installs it with apt);
Playwright never downloads a browser of its own here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from conftest import missing

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
INSTALL_HINT = ("Chromium is not installed at /usr/bin/chromium; "
                "install it with `apt-get install chromium` to run the browser tests")
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
LOCAL_HOST = "127.0.0.1"

# Screenshots taken during the run, listed by the terminal summary in conftest.py.
SCREENSHOTS: list[Path] = []


def require_chromium(*, whole_module: bool = False) -> None:
    """Skip (locally) or fail (in CI, where .ci/run installs it) without chromium.
    Called at the top of a test module with whole_module=True, the module is skipped
    at once and the run reports one line."""
    if not CHROMIUM.exists():
        missing(INSTALL_HINT, whole_module=whole_module)


CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def site_path(site: Path) -> str:
    """The path the site is built to live under (`/csc-2015/` for site_url
    https://host/csc-2015/), read from the home page's canonical link; `/` without one.
    A few links (the language switcher on the home page, the 404 page) are absolute."""
    found = CANONICAL.search((site / "index.html").read_text(encoding="utf-8"))
    path = urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


def first_page(site: Path, folder: str) -> str:
    """Path of the first page (in name order) in FOLDER of the built site, e.g. `papers/x/`."""
    names = sorted(d.name for d in (site / folder).iterdir() if (d / "index.html").is_file())
    assert names, f"no pages in {folder}/"
    return f"{folder}/{names[0]}/"


def page_paths(site: Path) -> dict[str, str]:
    """One page of each kind, generated and hand-written, as a path under the Arabic root."""
    return {"home": "", "about": "about/", "programme": "programme/",
            "day": first_page(site, "programme"), "session": first_page(site, "sessions"),
            "paper": first_page(site, "papers"), "speakers": "people/",
            "person": first_page(site, "people"), "contributing": "contributing/",
            "start": "start/"}


def url_of(base: str, path: str, lang: str) -> str:
    """The URL of the page at PATH (under the Arabic root) in LANG."""
    return base + ("" if lang == "ar" else f"{lang}/") + path


@contextmanager
def launch() -> Iterator[Browser]:
    """One headless chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Traffic:
    """What one page did on the network and in its console."""
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.requests.clear()
        self.blocked.clear()
        self.errors.clear()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == LOCAL_HOST


def watch(context: BrowserContext, page: Page) -> Traffic:
    """Record every request of CONTEXT (aborting those that leave 127.0.0.1) and
    every console error or uncaught exception of PAGE."""
    traffic = Traffic()

    def route(route: Route) -> None:
        url = route.request.url
        traffic.requests.append(url)
        if is_local(url):
            route.continue_()
        else:
            traffic.blocked.append(url)
            route.abort("blockedbyclient")

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            traffic.errors.append(f"{message.text} ({message.location.get('url')})")

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda error: traffic.errors.append(f"uncaught: {error}"))
    return traffic


def axe_violations(page: Page) -> list[str]:
    """Inject axe-core (vendored from npm) into PAGE and return its violations, one line each."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    # Colours measured halfway through a fade-in are not the page's colours: wait
    # until no CSS transition or animation is running.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(" ".join(node["target"]) if isinstance(node["target"][0], str)
                        else str(node["target"]) for node in v["nodes"][:5])
            for v in result["violations"]]
