"""A static host for `bench --lighthouse`, serving a built site as a real host would.

Lighthouse's figures depend on how the files arrive. Python's own
`SimpleHTTPRequestHandler` speaks HTTP/1.0 (a new connection for every file) and
never compresses, so a page measured behind it pays for bytes and round trips that
readers of a real host (GitHub Pages, Netlify, nginx) never pay. This one keeps
connections alive (HTTP/1.1), gzips text when the browser accepts it, and sends the
types a host sends (`font/woff2` for the fonts). It runs in a thread of the bench.
"""

from __future__ import annotations

import gzip
import mimetypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

HOST = "127.0.0.1"
# Text a host compresses, with the type it sends for it.
TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
}
OTHER_TYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".png": "image/png",
               ".ico": "image/x-icon", ".pdf": "application/pdf"}
IDLE_SECONDS = 30  # an idle kept-alive connection is closed after this


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    known = TEXT_TYPES.get(suffix) or OTHER_TYPES.get(suffix)
    return known or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip (`gzip;q=0` refuses it)."""
    for part in (header or "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() not in ("gzip", "*"):
            continue
        quality = params.strip().lower()
        return not (quality.startswith("q=") and _number(quality[2:]) == 0)
    return False


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 1.0


@lru_cache(maxsize=1024)
def _gzipped(path: Path, mtime_ns: int, size: int) -> bytes:
    """A file's gzip, kept while the file is unchanged (Lighthouse loads each page thrice)."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class StaticHandler(BaseHTTPRequestHandler):
    """GET and HEAD of the files under `root`, mounted at the URL path `prefix`."""

    protocol_version = "HTTP/1.1"  # keep-alive: every response carries Content-Length
    timeout = IDLE_SECONDS
    root: Path
    prefix: str

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        self.respond(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.respond(with_body=False)

    def respond(self, with_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if not path.endswith("/") and (path + "/" == self.prefix or self.folder(path)):
            self.send_response(301)  # a folder without its slash, as hosts redirect it
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        found = self.file_for(path)
        if found is None:
            missing = self.root / "404.html"
            self.send_file(404, missing if missing.is_file() else None, with_body)
        else:
            self.send_file(200, found, with_body)

    def folder(self, path: str) -> bool:
        target = self.inside(path)
        return target is not None and target.is_dir()

    def inside(self, path: str) -> Path | None:
        """The file system path a URL path names, or None when it is outside the site."""
        if not path.startswith(self.prefix):
            return None
        root = self.root.resolve()
        target = (root / path[len(self.prefix):]).resolve()
        return target if target.is_relative_to(root) else None

    def file_for(self, path: str) -> Path | None:
        """The file to send for a URL path: index.html for a folder; None when missing."""
        target = self.inside(path)
        if target is not None and target.is_dir():
            target = target / "index.html"
        return target if target is not None and target.is_file() else None

    def send_file(self, status: int, file: Path | None, with_body: bool) -> None:
        if file is None:
            body, kind = b"Not found\n", "text/plain; charset=utf-8"
        else:
            body, kind = file.read_bytes(), content_type(file)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if file is not None and file.suffix.lower() in TEXT_TYPES:
            self.send_header("Vary", "Accept-Encoding")
            if accepts_gzip(self.headers.get("Accept-Encoding")):
                stat = file.stat()
                body = _gzipped(file, stat.st_mtime_ns, stat.st_size)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class StaticServer(ThreadingHTTPServer):
    daemon_threads = True  # a connection kept alive must not hold the bench open

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closing a connection mid-response is normal, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(root: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ROOT at PREFIX on 127.0.0.1 at a port the system picks, from a thread;
    yield the base URL (ending in /)."""
    handler = type("SiteHandler", (StaticHandler,), {"root": root, "prefix": prefix})
    server = StaticServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="static-server", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
