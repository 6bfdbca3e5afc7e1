"""`serve` rebuilds when an editor changes a file under papers/, not only under docs/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

NOT_YET = object()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | object:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return NOT_YET


def wait_for(condition, what: str, deadline_s: float = 60) -> str:
    """Poll until `condition()` returns text; fail with `what` when the deadline passes."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        result = condition()
        if isinstance(result, str):
            return result
        time.sleep(0.1)  # polling interval of a condition wait, not a fixed delay
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_rebuilds_when_an_abstract_changes(project: Path) -> None:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "waqai", "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/csc-2015/en/papers/absher/"
        first = wait_for(lambda: fetch(url), "the first build")
        marker = "Edited while serving: a sentence the page did not have."
        assert marker not in first
        abstract = project / "papers/absher/abstract.en.md"
        abstract.write_text(abstract.read_text(encoding="utf-8") + f"\n{marker}\n",
                            encoding="utf-8")
        page = wait_for(lambda: (lambda html: html if isinstance(html, str) and marker in html
                                 else NOT_YET)(fetch(url)), "the rebuilt page")
        assert marker in page
    finally:
        server.terminate()
        server.wait(timeout=30)
