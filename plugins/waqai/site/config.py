"""Options of the `proceedings` plugin, as MkDocs declares plugin options."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ProceedingsConfig(base.Config):
    # The editors' data folder, relative to the folder that holds mkdocs.yml.
    data_dir = c.Type(str, default="papers")
    # Verify after each build that every paper appears everywhere it belongs.
    check_invariants = c.Type(bool, default=True)
