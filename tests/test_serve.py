"""`serve` rebuilds when an editor changes a file under papers/, and only what changed.

Under `serve` the build is dirty: generated pages whose inputs did not change are
not written again. These tests make sure that saving a change still reaches
every page it belongs on.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from waqai.bench.measure import POLL, fetch, free_port, site_path, stop_serve, wait_for

DEADLINE_S = 120


@contextmanager
def serving(project: Path) -> Iterator[str]:
    """`python -m waqai serve` in `project`; yields the site's base URL once it answers.

    The server's output goes to `serve.log` beside the project (see `log_shows`).
    """
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with (project.parent / "serve.log").open("wb") as log:
        server = subprocess.Popen([sys.executable, "-m", "waqai", "serve", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, env=env,
                                  stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}{site_path(project)}"
        try:
            wait_for(base, None, time.monotonic() + DEADLINE_S)
            yield base
        finally:
            stop_serve(server, timeout=30)


def log_shows(project: Path, text: str) -> None:
    """Wait until the output of `serving(project)` holds `text`."""
    log, deadline = project.parent / "serve.log", time.monotonic() + DEADLINE_S
    while text not in log.read_text(encoding="utf-8", errors="replace"):
        assert time.monotonic() < deadline, f"serve never printed {text!r}"
        time.sleep(POLL)


def sitemap_urls(base: str) -> set[str]:
    return set(re.findall(r"<loc>([^<]+)</loc>", fetch(f"{base}sitemap.xml")))


def test_an_edited_abstract_shows_on_its_page(project: Path) -> None:
    with serving(project) as base:
        url = f"{base}en/papers/absher/"
        marker = "Edited while serving: a sentence the page did not have."
        before = fetch(url)
        assert marker not in before
        urls = sitemap_urls(base)
        abstract = project / "papers/absher/abstract.en.md"
        abstract.write_text(abstract.read_text(encoding="utf-8") + f"\n{marker}\n",
                            encoding="utf-8")
        wait_for(url, marker, time.monotonic() + DEADLINE_S)
        # MkDocs serves from a temporary folder of its own, made for its owner only; each
        # build opens it to readers, as it does site/ (test_hostile_contributions).
        log = (project.parent / "serve.log").read_text(encoding="utf-8")
        served = Path(re.findall(r"documentation to directory: (\S+)", log)[0])
        assert served.stat().st_mode & 0o005 == 0o005
        assert [p for p in served.rglob("*") if not p.stat().st_mode & 0o004] == []
        # The rebuild handled two pages; the site around them is whole.
        assert sitemap_urls(base) == urls and len(urls) > 50
        # Its language links (head alternates and the switcher) are those of the full build.
        links = re.compile(r'href="([^"]*)" hreflang="([\w-]+)"')
        assert links.findall(fetch(url)) == links.findall(before)
        assert ("../../../papers/absher/", "ar") in links.findall(before)
    # MkDocs' notices about dirty builds are not passed on: the rebuild is exact.
    log = (project.parent / "serve.log").read_text(encoding="utf-8")
    assert "Detected file changes" in log
    assert "'dirty' build" not in log and "stale files" not in log


def test_a_paper_added_while_serving_is_on_its_session_page(project: Path) -> None:
    with serving(project) as base:
        session = f"{base}en/sessions/s3-local-experiences/"
        title = "A paper added while serving"
        assert title not in fetch(session)
        added = project / "papers/added-paper"
        shutil.copytree(project / "papers/absher", added)
        text = (added / "paper.yaml").read_text(encoding="utf-8")
        text = text.replace("id: absher", "id: added-paper").replace("order: 1", "order: 99")
        # A copied key would be a key used twice (an error): the new item has none yet.
        text = re.sub(r"(?m)^key: .*\n", "", text)
        old = next(line for line in text.splitlines() if line.startswith("  en: "))
        (added / "paper.yaml").write_text(text.replace(old, f'  en: "{title}"', 1),
                                          encoding="utf-8")
        wait_for(session, title, time.monotonic() + DEADLINE_S)
        wait_for(f"{base}en/papers/added-paper/", title, time.monotonic() + DEADLINE_S)
        assert f"{base}papers/added-paper/" in sitemap_urls(base)


def test_an_edited_title_reaches_the_session_and_person_pages(project: Path) -> None:
    with serving(project) as base:
        pages = [f"{base}en/papers/safeer/", f"{base}en/sessions/s3-local-experiences/",
                 f"{base}en/people/yousef-alohali/", f"{base}en/programme/"]
        new_title = "Safeer, retitled while serving"
        assert all(new_title not in fetch(page) for page in pages)
        paper = project / "papers/safeer/paper.yaml"
        text = paper.read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.startswith("  en: "))
        paper.write_text(text.replace(old, f'  en: "{new_title}"', 1), encoding="utf-8")
        for page in pages:
            wait_for(page, new_title, time.monotonic() + DEADLINE_S)


@pytest.mark.parametrize("broken, good, bad", [
    # Bad data: the build stops while loading it.
    ("papers/absher/paper.yaml", "order: 1", "order: first"),
    # A broken template: the build stops part way, after the data was loaded.
    ("overrides/waqai/paper.html", "{% if", "{% if %}{% if"),
])
def test_serve_recovers_after_a_failed_rebuild(project: Path, broken: str, good: str,
                                               bad: str) -> None:
    """A rebuild that fails keeps serving the last site; the next good edit shows."""
    with serving(project) as base:
        url = f"{base}en/papers/absher/"
        path = project / broken
        text = path.read_text(encoding="utf-8")
        assert good in text
        path.write_text(text.replace(good, bad, 1), encoding="utf-8")
        log_shows(project, "An error happened during the rebuild")
        marker = "Fixed while serving"
        abstract = project / "papers/absher/abstract.en.md"
        abstract.write_text(abstract.read_text(encoding="utf-8") + f"\n{marker}.\n",
                            encoding="utf-8")
        path.write_text(text, encoding="utf-8")
        wait_for(url, marker, time.monotonic() + DEADLINE_S)
