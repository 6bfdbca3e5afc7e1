"""Which generated files a dirty rebuild may skip."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from waqai.incremental import PageDigests, digest, stamp


def generated(tmp_path: Path, uri: str = "papers/x/index.html") -> File:
    site = tmp_path / "site"
    file = File(uri, src_dir=None, dest_dir=str(site), use_directory_urls=False)
    file.content_string = "content"
    return file


def write_dest(file: File) -> None:
    Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
    Path(file.abs_dest_path).write_text("old", encoding="utf-8")


def test_an_unchanged_page_on_disk_is_skipped(tmp_path: Path) -> None:
    digests = PageDigests()
    digests.start(("theme", 1))
    first = generated(tmp_path)
    digests.skip_if_unchanged(first, digest("view", 1))
    assert first.is_modified()  # never built before
    write_dest(first)
    again = generated(tmp_path)
    digests.start(("theme", 1))
    digests.skip_if_unchanged(again, digest("view", 1))
    assert not again.is_modified()


def test_a_changed_view_or_theme_or_missing_output_rebuilds(tmp_path: Path) -> None:
    digests = PageDigests()
    digests.start(("theme", 1))
    digests.skip_if_unchanged(generated(tmp_path), digest("view", 1))
    changed = generated(tmp_path)
    write_dest(changed)
    digests.start(("theme", 1))
    digests.skip_if_unchanged(changed, digest("view", 2))
    assert changed.is_modified()
    theme = generated(tmp_path)
    digests.start(("theme", 2))  # a template or config changed: every page again
    digests.skip_if_unchanged(theme, digest("view", 2))
    assert theme.is_modified()
    missing = generated(tmp_path, "papers/y/index.html")
    digests.start(("theme", 2))
    digests.skip_if_unchanged(missing, digest("view", 2))
    digests.start(("theme", 2))
    digests.skip_if_unchanged(missing, digest("view", 2))
    assert missing.is_modified()  # same digest, but nothing on disk


def test_stamp_changes_when_a_file_changes(tmp_path: Path) -> None:
    folder = tmp_path / "overrides"
    folder.mkdir()
    (folder / "a.html").write_text("one", encoding="utf-8")
    before = stamp(folder)
    (folder / "a.html").write_text("one, two", encoding="utf-8")
    assert stamp(folder) != before
