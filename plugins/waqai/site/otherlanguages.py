"""The other languages' passes in a child process, beside the default language's.

mkdocs-static-i18n builds its languages one after the other, the later ones from inside
the default language's `on_post_build`. Each pass makes its pages from the same loaded
data and writes them into its own folder (`en/`); none reads what another renders. So on
a machine with two cores they can run side by side: at 1,000 papers rendering is two
thirds of a build, and a sequential build's wall time was about 1.3 times plain
Material's building the same number of pages in one language.

Once the default pass has its files (the data loaded and checked, the exports' writer
started, the staging folder cleaned), the build forks. The child runs i18n's passes for
the other languages as i18n's loop would (the same set-up: no cleaning of the site
folder, its "built in" lines filtered, i18n marked as building), and sends back what
the whole-site steps at the end need from them (`PassRecords`). The parent renders the
default language, tells i18n its loop has nothing left to do, and waits for the child
before those steps; a failure in the child fails the build with the child's message.

One file both kinds of pass write: i18n's `sitemap.xml`, which a later pass renders with
every earlier pass's pages. The child's pass sends its text back instead of writing it
(its entries are its own languages' pages: the default pass's had no pages yet when it
forked), and the parent adds them to its own (`sitemap.join_sitemaps`), in the order a
sequential build lists them.

A build forks only when it is whole: not under `serve` (its passes are dirty and partial,
and their records are kept between rebuilds), not for an archive's home (one page), not
while another thread runs (a fork copies the calling thread only, so a lock another
thread held would stay held in the child), and only where the platform forks.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
import threading
import traceback
from contextlib import suppress
from typing import Any, Literal, NamedTuple, Protocol

from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException, PluginError

from waqai import search
from waqai.site.invariants import PageIds

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
# The log lines i18n filters out of its later passes (mkdocs_static_i18n/plugin.py).
_NESTED_BUILD_LINES = ("Documentation built in", "Building documentation to directory",
                       "Template skipped: 'sitemap.xml'")  # the child's is sent back


class PassRecords(NamedTuple):
    """What the other languages' passes recorded for the whole-site steps."""

    page_ids: PageIds  # each page's listed ids and unsafe addresses
    hand_written: dict[str, search.Record]  # the hand-written pages' search records
    hand_written_now: set[str]  # the hand-written pages' output paths
    sitemap: str | None  # i18n's sitemap as their pass rendered it: their pages' entries


class Failure(NamedTuple):
    """Why the child's passes failed: as MkDocs said it (`abort`: strict mode's count of
    warnings; `build`: an error with its message), or a traceback (`bug`)."""

    message: str
    kind: Literal["abort", "build", "bug"]


class Passes(Protocol):
    """The open build (`passes.OpenBuild`) whose passes fork."""

    in_child: bool  # set in the child: its last pass leaves the whole-site steps alone

    def pass_records(self) -> PassRecords: ...
    def absorb(self, records: PassRecords) -> None: ...


class _NestedBuildLines(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_NESTED_BUILD_LINES)


class OtherLanguages:
    """The child building the languages other than the default."""

    def __init__(self, pid: int, reader: int, locales: list[str], i18n: Any) -> None:
        self.pid, self.reader, self.locales = pid, reader, locales
        self.i18n = i18n  # mkdocs-static-i18n's plugin, whose loop the child runs

    @classmethod
    def start(cls, config: MkDocsConfig, passes: Passes) -> OtherLanguages | None:
        """Fork the other languages' passes of the build `passes`, if this is its default
        pass and forking is safe (see the module's text); None: the build stays sequential."""
        i18n: Any = config.plugins.get("i18n")
        if (i18n is None or not hasattr(os, "fork") or threading.active_count() > 1
                or i18n.building or i18n.current_language != i18n.default_language):
            return None
        locales = [locale for locale in i18n.build_languages if locale != i18n.current_language]
        if not locales:
            return None
        log.info(f"Building {', '.join(locales)} in a second process, beside "
                 f"{i18n.current_language}")
        sys.stdout.flush()
        sys.stderr.flush()
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: it never returns into the default pass
            os.close(reader)
            os._exit(_build_in_child(config, i18n, locales, passes, writer))
        os.close(writer)
        return cls(pid, reader, locales, i18n)

    def hold_i18n(self) -> None:
        """Before i18n's `on_post_build` in the default pass: its loop would build the
        other languages again; marked as building, i18n leaves them to the child."""
        self.i18n.building = True

    def join(self, passes: Passes) -> None:
        """Wait for the child; add what its passes recorded to `passes`, or raise its failure."""
        self.i18n.building = False
        with os.fdopen(self.reader, "rb") as pipe:
            sent = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        outcome = pickle.loads(sent) if sent else None
        if isinstance(outcome, PassRecords) and status == 0:
            passes.absorb(outcome)
            return
        if isinstance(outcome, Failure) and outcome.kind == "abort":
            raise Abort(outcome.message)  # as a sequential build ends: the same lines
        if isinstance(outcome, Failure) and outcome.kind == "build":
            raise PluginError(outcome.message)
        detail = outcome.message if isinstance(outcome, Failure) else f"exit status {status}"
        raise RuntimeError(f"the pages in {', '.join(self.locales)} were not built: {detail}")

    def stop(self) -> None:
        """The default pass failed: end the child without waiting for its pages."""
        with suppress(OSError):
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        with suppress(OSError):
            os.close(self.reader)


def _build_in_child(config: MkDocsConfig, i18n: Any, locales: list[str],
                    passes: Passes, writer: int) -> int:
    """Run i18n's later passes as its own `on_post_build` would; send back their records
    or why they failed. The exit status."""
    outcome: PassRecords | Failure
    try:
        passes.in_child = True
        mkdocs_utils.clean_directory = lambda directory: None  # the default pass's files stay
        logging.getLogger("mkdocs.commands.build").addFilter(_NestedBuildLines())
        i18n.building = True
        for locale in locales:
            i18n.current_language = locale
            build(config)
        outcome = passes.pass_records()
    except Abort as error:
        outcome = Failure(str(error), "abort")
    except MkDocsException as error:
        outcome = Failure(str(error), "build")
    except BaseException:  # noqa: BLE001 - the parent reports it as a bug
        outcome = Failure(traceback.format_exc(), "bug")
    try:
        with os.fdopen(writer, "wb") as pipe:
            pickle.dump(outcome, pipe)
    except BaseException:  # noqa: BLE001 - the parent sees the exit status
        return 2
    return 0 if isinstance(outcome, PassRecords) else 1
