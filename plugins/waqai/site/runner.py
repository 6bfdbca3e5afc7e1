"""MkDocs run for the commands: `build` (into a staging folder, swapped in on success)
and `serve` (dirty rebuilds, served at the path of the site's address).

The command line (`commands/cli.py`) loads and checks the data first, without MkDocs,
and calls these only when there is a site to make: nothing outside this package
imports MkDocs, Material or mkdocs-static-i18n.
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from waqai.published import staging_folder


def show_mkdocs_log(verbose: bool) -> None:
    """MkDocs' log on the terminal, as `mkdocs build` prints it."""
    logging.basicConfig(format="%(levelname)-7s -  %(message)s",
                        level=logging.DEBUG if verbose else logging.INFO)


class DirtyBuildNotices(logging.Filter):
    """Drops MkDocs' notices that a dirty build may leave navigation and links wrong,
    and that the site folder holds files this build did not list.

    Waqai's `serve` builds dirty by design and takes care of both (each language
    pass lists only its own pages; test_incremental compares the served site with
    a fresh build). Printed on every rebuild, they would teach editors to ignore
    what the log says.
    """

    NOTICES = ("A 'dirty' build is being performed", "The directory contains stale files")

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(self.NOTICES)


def build_site(config_file: Path, site_dir: Path) -> int:
    """Build into a fresh staging folder; replace `site_dir` only when the build succeeded."""
    return build_staged(site_dir, lambda staging: build_part(config_file, staging))


def build_part(config_file: Path, site_dir: Path, volume: str | None = None) -> str | None:
    """One MkDocs build into `site_dir`: the whole site of a one-volume data folder, or with
    `volume` one part of an archive's (that volume, or "": its home). Why it failed, or None.

    MkDocs reads plugin options from mkdocs.yml only, so the volume is set on the loaded
    config, where mkdocs.yml would have set it."""
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        if volume is not None:
            config.plugins["proceedings"].config["volume"] = volume
        build(config)
    except MkDocsException as err:
        return f"Build failed: {err}"
    return None


def build_staged(site_dir: Path, build_into: Callable[[Path], str | None]) -> int:
    """Build into a fresh staging folder with `build_into` (which says why it failed, or
    None); replace `site_dir` by it only when the build succeeded."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_folder(site_dir)
    try:
        failure = build_into(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if failure is not None:
        shutil.rmtree(staging, ignore_errors=True)
        print(failure, file=sys.stderr)
        print(f"The previous site in {site_dir.name}/ was left as it was.", file=sys.stderr)
        return 1
    swap_in(staging, site_dir)
    return 0


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace site_dir by staging with two renames, so readers never see half a site."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def serve_site(config_file: Path, dev_addr: str, site_url: str | None) -> None:
    """Serve on `dev_addr` at the path of `site_url`, rebuilding (dirty) on every change.

    mkdocs-static-i18n builds its second language dirty only when "--dirty" is on the
    command line, as with `mkdocs serve --dirty`, which is what this is. Strict mode is
    for `build`: a dirty build always logs a warning.
    """
    sys.argv = [sys.argv[0], "serve", "--dirty"]
    logging.getLogger("mkdocs.commands.build").addFilter(DirtyBuildNotices())
    serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True,
          build_type="dirty", strict=False, site_url=site_url)
