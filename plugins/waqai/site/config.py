"""Options of the `proceedings` plugin, as MkDocs declares plugin options."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ProceedingsConfig(base.Config):
    # The editors' data folder, relative to the folder that holds mkdocs.yml.
    data_dir = c.Type(str, default="papers")
    # When data_dir is an archive of volumes: the id of the volume this build makes, at
    # the archive's site_url + "<id>/"; "" makes the archive's own home page. `build`
    # sets it for each of its builds (`runner.build_archive`); a one-volume data_dir has none.
    volume = c.Type(str, default="")
    # Verify after each build that every paper appears everywhere it belongs.
    check_invariants = c.Type(bool, default=True)
