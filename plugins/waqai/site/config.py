"""Options of the `proceedings` plugin, as MkDocs declares plugin options."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from waqai.site.pages.bounds import (
    ITEMS_PER_PAGE,
    PEOPLE_PER_PAGE,
    SESSIONS_PER_PAGE,
    PageBounds,
)


class PerPage(c.Type[int]):
    """How many entries one page may list: a whole number of at least 1."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 1:
            raise ValidationError(f"must be at least 1, not {number}")
        return number


class ProceedingsConfig(base.Config):
    # The editors' data folder, relative to the folder that holds mkdocs.yml.
    data_dir = c.Type(str, default="papers")
    # When data_dir is an archive of volumes: the id of the volume this build makes, at
    # the archive's site_url + "<id>/"; "" makes the archive's own home page. `build`
    # sets it for each of its builds (`runner.build_archive`); a one-volume data_dir has none.
    volume = c.Type(str, default="")
    # Render the languages other than the default in a second process, beside it
    # (site/otherlanguages.py); false: one after the other, as mkdocs-static-i18n does.
    parallel_languages = c.Type(bool, default=True)
    # Verify after each build that every paper appears everywhere it belongs.
    check_invariants = c.Type(bool, default=True)
    # How much one page may list (site/pages/bounds.py says why these defaults). Lower
    # them to see a small volume's index by letter and its programme by session.
    people_per_page = PerPage(PEOPLE_PER_PAGE)
    items_per_page = PerPage(ITEMS_PER_PAGE)
    sessions_per_page = PerPage(SESSIONS_PER_PAGE)

    def bounds(self) -> PageBounds:
        return PageBounds(people=self.people_per_page, items=self.items_per_page,
                          sessions=self.sessions_per_page)
