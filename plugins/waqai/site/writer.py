"""The files made from the data, made and written by a second process while the
pages render.

At 1,000 papers a build makes some 6,500 export files (each item in three formats
and two forms, the calendars): more files than pages. Formatting them takes about
a second, and creating that many files costs the kernel seconds more; a second
core can do both while the first renders the pages. A thread would share the GIL
with the rendering, so a child process does it: the build hands it a `Job` (what
makes the files, from what; pickled into a private temporary file that only this
build writes and only the child reads) and the paths the pages link to, and waits
for it in its last `on_post_build`. The child refuses to write a file set other
than the one the pages were given.

The child also places the files copied as they are (the papers' PDFs): a copy
beside the paper's page in each language, hard-linked to the first where the file
system allows, so the site does not grow by a copy per language.

`serve` writes the few changed exports itself (`write_files`), and leaves the
copies to MkDocs, which copies a file again only when its source is newer.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from waqai.children import run_module

Content = str | bytes  # an export's text, or the bytes of a file made from the data


class Job(NamedTuple):
    """`make(*args)` gives site path -> content; `ready` holds files already made."""

    make: Callable[..., Mapping[str, Content]]  # a module-level function: pickled by name
    args: tuple[Any, ...]
    ready: Mapping[str, Content]


def write_files(files: Iterable[tuple[str, Content]]) -> None:
    """Write each `(path, content)`, making each folder once: thousands share a few."""
    made: set[str] = set()
    for dest, content in files:
        folder = os.path.dirname(dest)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(dest, "wb") as out:
            out.write(content.encode("utf-8") if isinstance(content, str) else content)


def place_copies(copies: Mapping[str, str]) -> None:
    """Copy each source to its first destination (`copies`: destination -> source) and
    hard-link its other destinations to that copy, or copy again where links fail."""
    first: dict[str, str] = {}
    for dest, source in copies.items():
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if source in first:
            try:
                os.link(first[source], dest)
                continue
            except OSError:  # another file system, or one without hard links
                pass
        shutil.copyfile(source, dest)
        first.setdefault(source, dest)


class BackgroundWriter:
    """Runs `job` in a child process and writes its files under `site_dir`, and places
    `copies` (site path -> source file); `wait` returns when all are on disk, and raises
    OSError with the child's message if it could not make or write them."""

    def __init__(self, site_dir: str, job: Job, paths: Iterable[str],
                 copies: Mapping[str, str] | None = None) -> None:
        handle, self.bundle = tempfile.mkstemp(prefix="waqai-files-", suffix=".pickle")
        with os.fdopen(handle, "wb") as out:
            pickle.dump((site_dir, job, sorted(paths), dict(copies or {})), out,
                        protocol=pickle.HIGHEST_PROTOCOL)
        self._child = run_module(__name__, self.bundle, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def wait(self) -> None:
        _, errors = self._child.communicate()
        if self._child.returncode != 0:
            lines = errors.decode("utf-8", "replace").strip().splitlines()
            raise OSError(lines[-1] if lines else f"exit status {self._child.returncode}")


def run_bundle(bundle: str) -> None:
    """The child's work: read the bundle (and remove it), make the files, write them."""
    with open(bundle, "rb") as source:
        site_dir, job, paths, copies = pickle.load(source)  # noqa: S301 - this build's own
    os.unlink(bundle)
    files = {**job.make(*job.args), **job.ready}
    if sorted(files) != paths:
        differ = sorted(set(files).symmetric_difference(paths))
        raise ValueError(f"the files made are not those the pages link to: {differ[:3]}")
    write_files((os.path.join(site_dir, path), content) for path, content in files.items())
    place_copies({os.path.join(site_dir, path): source for path, source in copies.items()})


if __name__ == "__main__":
    try:
        run_bundle(sys.argv[1])
    except Exception as error:  # the parent reports the last line
        import traceback

        traceback.print_exc()
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
