"""The editors' data folder, made into pages once per version of its files."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from waqai.book.render import book_for_site
from waqai.data.archivecheck import validate_archive_cached
from waqai.data.checks import Fingerprint, fingerprint, validate_cached
from waqai.data.problems import DataError, Problem
from waqai.exports.files import ExportCache
from waqai.site.generated import GeneratedPages
from waqai.site.pages.bounds import PageBounds

log = get_plugin_logger(__name__)
Model = TypeVar("Model")  # a volume's Proceedings, an Archive


class DataFolder:
    """The pages made from the data folder, read again only when its files change
    (by their fingerprint) or the bounds of a page do: not once per language pass, nor
    on every `serve` rebuild."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self._made_from: tuple[Fingerprint, PageBounds] | None = None
        self._pages: GeneratedPages | None = None
        self._export_cache = ExportCache()  # each version of the data reuses what it can

    def pages(self, config: MkDocsConfig, name: str, serving: bool,
              bounds: PageBounds, volume: str = "") -> GeneratedPages:
        """The pages of the data folder `name` (as the plugin option gives it) beside
        mkdocs.yml, or of its `volume` when it is an archive, less those a hand-written
        page in `docs_dir` replaces."""
        root = Path(config.config_file_path).resolve().parent
        self.path = root / name
        current = fingerprint(self.path)
        if self._pages is None or (current, bounds) != self._made_from:
            self._pages = load_pages(root, name, current, self._export_cache, serving, bounds,
                                     volume)
            self._made_from = (current, bounds)
        self._pages.yield_to(Path(config.docs_dir))  # docs/ may change while the data does not
        return self._pages


def load_pages(root: Path, name: str, current: Fingerprint, export_cache: ExportCache,
               serving: bool, bounds: PageBounds, volume: str = "") -> GeneratedPages:
    """The pages of the data in `root/name` (of its `volume` if it is an archive), whose
    fingerprint is `current`.

    Every problem is logged; errors stop the build.
    """
    # The same result `build.py build` validated just before, when nothing changed.
    if volume:
        archive = validate_archive_cached(root, name, current)
        # The parent printed the archive's warnings once; a volume's build tells only errors.
        problems = [problem for problem in archive.problems if problem.is_error]
        found = archive.archive.volume(volume).proceedings if archive.archive else None
        data_path = root / name / volume
    else:
        result = validate_cached(root, name, current, reuse_files=serving)
        problems, found, data_path = result.problems, result.proceedings, root / name
    proc = loaded_or_refused(found, problems, name)
    # The printed book, when the conference has one: typeset first, because with
    # `pages_in_citations` its page ranges go into the pages and exports.
    proc, book = book_for_site(proc, data_path)
    return GeneratedPages(proc, export_cache, keep_views=serving, data_path=data_path,
                          book=book, bounds=bounds, in_archive=bool(volume))


def loaded_or_refused(model: Model | None, problems: list[Problem], name: str) -> Model:
    """`model`, once every problem is logged; a PluginError when there is none to build."""
    for problem in problems:
        # Logged as info: strict mode aborts on any WARNING record, and a data
        # warning does not stop `check` either (format() says "warning:").
        (log.error if problem.is_error else log.info)(problem.format())
    if model is None:
        raise PluginError(f"The data in {name}/ has errors "
                          f"({DataError(problems)}); nothing was built.")
    return model
