"""The export formats `import` reads, each by its own module with `read(paths)`."""

from __future__ import annotations

import importlib
from pathlib import Path

from waqai.importers.records import Export

READERS = {
    "easychair": "waqai.importers.easychair",  # submission.csv and author.csv
    "cmt": "waqai.importers.cmt",  # the Papers export, .xlsx or .csv
    "aclpub2": "waqai.importers.aclpub2",  # papers.yml from OpenReview, with the PDFs
    "pretalx": "waqai.importers.pretalx",  # schedule.json or the frab schedule.xml
}
# Formats whose files are whole volumes (their conference and items), read by
# `anthology.read` and planned by `anthologyplan`, not by `plan.plan_import`.
VOLUME_FORMATS = ("acl-anthology",)  # the Anthology's collection XML


def read_export(system: str, paths: list[Path]) -> Export:
    reader = importlib.import_module(READERS[system])
    export: Export = reader.read(paths)
    return export
