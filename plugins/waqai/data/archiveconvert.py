"""Make a one-volume papers/ the first volume of an archive
(`python3 build.py init --archive --first-volume ID`).

What moves, by renaming (each file keeps its bytes, so git sees a move): everything the
data folder holds into `papers/<ID>/`, but people.yaml (an archive has one, for every
volume), `_schema/` (the archive's schemas, made anew) and hidden entries. What changes,
edited as text so that the editors' comments and layout stay: the first line of each moved
YAML file, which names its schema for editors' tools, one folder deeper (conference.yaml's
now names the volume's schema); and conference.yaml's `site_url`, which is the archive's
now, moves to archive.yaml with the comments written on and above it (one fact, one
place). archive.yaml is new: that address, a title (the volume's, until the editors write
the series'), and `moved_from_root: ID`, by which the build keeps the volume's old
addresses working (`site.redirects`). The publisher stays the volume's: a volume's
conference.yaml names its own.

Every refusal is found, and every text made, before anything changes; then each change is
made with its undoing kept, and a failure undoes all of them: papers/ is as it was.
archive.yaml, the file that makes papers/ an archive, is written last.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from waqai.data.archiveload import (
    ARCHIVE_FILE,
    CONFERENCE_FILE,
    MOVED_VOLUME_FOLDERS,
    PEOPLE_FILE,
    RESERVED_VOLUME_IDS,
    is_archive,
    layout_refusal,
)
from waqai.data.archiveskeleton import README
from waqai.data.fields import MOVED_FROM_ROOT, SITE_URL
from waqai.data.links import link_problem, symlinks_under
from waqai.data.load import Sources
from waqai.data.problems import Problem
from waqai.data.schema import SCHEMA_DIR, modeline, render_all
from waqai.data.yamlread import MAX_FILE_BYTES, check_slug, compose, slug_like
from waqai.published import write_whole

MODELINE = "# yaml-language-server: $schema="
STAYS = frozenset({PEOPLE_FILE, SCHEMA_DIR})  # at the archive's root


@dataclass
class Conversion:
    """What converting `data_dir` does: the entries it moves into `volume/`, then the files
    it writes (path below `data_dir`, after the moves -> text), in order."""

    data_dir: Path
    volume_id: str
    moves: list[str] = field(default_factory=list)
    writes: dict[str, str] = field(default_factory=dict)

    @property
    def volume(self) -> Path:
        return self.data_dir / self.volume_id


def plan_conversion(root: Path, data_dir: str, volume_id: str) -> Conversion | list[Problem]:
    """What converting `root/data_dir` into an archive with the first volume `volume_id`
    does, or why it is refused (nothing is changed either way)."""
    root = root.resolve()
    base = root / data_dir
    sources = Sources(root, base)
    refused = layout_problems(root, data_dir, base, sources)
    if refused:
        return refused
    conference = base / CONFERENCE_FILE
    text = editors_text(conference)
    if text is None:
        return [Problem(sources.shown(conference), "", f"is not UTF-8 text of at most "
                        f"{MAX_FILE_BYTES // 1024} KB, which this command edits; nothing was "
                        "changed.", "Run `python3 build.py check` and fix what it says of the "
                        "file, then run the command again.")]
    refused = id_problems(volume_id, base, sources, suggested_id(text))
    if refused:
        return refused
    problems: list[Problem] = []
    taken = taken_fields(text, sources.shown(conference), problems)
    if taken is None:
        return problems
    plan = Conversion(base, volume_id, moves=sorted(
        entry.name for entry in base.iterdir()
        if entry.name not in STAYS and not entry.name.startswith(".")))
    for path in yaml_files(base, plan.moves):
        before = text if path == conference else editors_text(path)
        if before is None:  # moved as it is: `check` says what is wrong with it
            continue
        after = schema_deeper(taken.rest if path == conference else before,
                              volume=path == conference)
        if after != before:
            plan.writes[f"{volume_id}/{path.relative_to(base).as_posix()}"] = after
    plan.writes.update({f"{SCHEMA_DIR}/{name}": schema for name, schema in render_all().items()})
    plan.writes["README.md"] = README  # the volume's own, if it had one, moved with it
    plan.writes[ARCHIVE_FILE] = archive_yaml(taken, volume_id)
    return plan


def editors_text(path: Path) -> str | None:
    """The text of an editors' file, or None when it is too large for one or not UTF-8."""
    if path.stat().st_size > MAX_FILE_BYTES:
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None


def layout_problems(root: Path, data_dir: str, base: Path, sources: Sources) -> list[Problem]:
    """Why the data folder is no one-volume papers/ to convert, if it is not."""
    shown = sources.shown(base)
    if is_archive(base):
        return [Problem(sources.shown(base / ARCHIVE_FILE), "", f"is there: {shown}/ is an "
                        "archive already, and its volumes are its folders; nothing was changed.",
                        f"To add a volume, make its folder as {shown}/README.md says, then run "
                        "`python3 build.py check`.")]
    refused = layout_refusal(root, data_dir)  # a volume of an archive
    if refused is not None:
        return [refused]
    if not (base / CONFERENCE_FILE).is_file():
        return [Problem(sources.shown(base / CONFERENCE_FILE), "", "is missing: there are no "
                        "one-volume proceedings here to make the first volume of an archive.",
                        "To start an empty archive in an empty folder, run `python3 build.py "
                        "init --archive` (without --first-volume).")]
    # The files are moved and read: a link could lead anywhere (the loader refuses them too).
    return [link_problem(link, sources.shown(link)) for link in symlinks_under(base)]


def suggested_id(conference_yaml: str) -> str:
    """An id to suggest: the conference's short name as a slug ("CSC-2015" -> csc-2015)."""
    root = compose(conference_yaml, CONFERENCE_FILE, [])
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "short_name" and isinstance(value, yaml.ScalarNode):
                return slug_like(value.value)
    return slug_like("")


def id_problems(volume_id: str, base: Path, sources: Sources, suggested: str) -> list[Problem]:
    """Why `volume_id` cannot be the first volume's id (its folder's name), if it cannot."""
    shown = f"{sources.shown(base)}/{volume_id}/"  # not joined: it may be any text
    if suggested == volume_id or os.path.lexists(base / suggested):
        suggested = f"{suggested}-proceedings"
    fix = ("Choose another id, e.g. the conference's short name and year: `--first-volume "
           f"{suggested}`.")
    problems: list[Problem] = []
    if check_slug(volume_id, shown, "", problems, None, "volume id") is None:
        return [Problem(p.file, p.field, p.message, fix) for p in problems]
    kept = RESERVED_VOLUME_IDS.get(volume_id) or (
        "the volume's old addresses" if volume_id in MOVED_VOLUME_FOLDERS else None)
    if kept:
        return [Problem(shown, "", f"“{volume_id}” cannot be a volume's id: the archive's site "
                        f"keeps {volume_id}/ for {kept}.", fix)]
    if os.path.lexists(base / volume_id):
        return [Problem(shown, "", f"already exists in {sources.shown(base)}/ (an item of the "
                        "volume, or another folder), and the volume moves into a new folder "
                        "of that name.", fix)]
    return []


@dataclass(frozen=True)
class Taken:
    """conference.yaml split: its text without `site_url` (`rest`), and the lines that go to
    archive.yaml: `site_url` with its comments, and a copy of the title's."""

    rest: str
    site_url: str
    title: str


def taken_fields(text: str, shown: str, problems: list[Problem]) -> Taken | None:
    """`Taken` of conference.yaml's text, or None with the problems that stop it."""
    root = compose(text, shown, problems)
    if problems:
        problems[:] = [Problem(p.file, p.field, p.message, f"{p.fix} Then run the command "
                               "again; nothing was changed.", p.line) for p in problems]
        return None
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        problems.append(Problem(shown, "", "is not a mapping of fields one per line, as "
                                "`init` writes it, which this command edits in place; nothing "
                                "was changed.", "Write its fields one per line (`title:` …, "
                                "`site_url: …`), as `python3 build.py init` writes them, then "
                                "run the command again."))
        return None
    spans: dict[str, tuple[int, int]] = {}
    for name in ("title", SITE_URL):
        span = field_span(root, name, text)
        if span is None:
            problems.append(Problem(shown, name, "is needed: it becomes archive.yaml's, and "
                                    "without it the archive has none; nothing was changed.",
                                    "Write it as `python3 build.py check` says, then run "
                                    "the command again."))
        else:
            spans[name] = span
    if problems:
        return None
    (title_from, title_to), (url_from, url_to) = spans["title"], spans[SITE_URL]

    def taken(start: int, end: int) -> str:  # archive.yaml's lines, each ending its line
        block = text[start:end]
        return block if block.endswith("\n") else block + "\n"

    split = Taken(rest=text[:url_from] + text[url_to:], site_url=taken(url_from, url_to),
                  title=taken(title_from, title_to))
    if not splits_cleanly(text, split):
        problems.append(Problem(shown, SITE_URL, "cannot be moved by editing the file in place: "
                                "its lines hold more than the field; nothing was changed.",
                                "Write `title` and `site_url` each on lines of their own, as "
                                "`python3 build.py init` writes them, then run the command "
                                "again."))
        return None
    return split


def splits_cleanly(text: str, split: Taken) -> bool:
    """Whether the texts read as the whole did: the rest as every field but `site_url`,
    archive.yaml's lines as the title and `site_url` (a check on the cut, whatever line
    breaks the file holds)."""
    whole = yaml.safe_load(text)
    try:
        rest, moved = yaml.safe_load(split.rest), yaml.safe_load(split.title + split.site_url)
    except yaml.YAMLError:
        return False
    return bool(rest == {key: value for key, value in whole.items() if key != SITE_URL}
                and moved == {"title": whole["title"], SITE_URL: whole[SITE_URL]})


def field_span(root: yaml.MappingNode, name: str, text: str) -> tuple[int, int] | None:
    """Where the top-level field `name` is in `text` (start, end: whole lines, with the
    comment lines right above it); None when it is not, or not on lines of its own. By the
    parser's own character offsets, so that what it counts as a line break decides."""
    for key, value in root.value:
        if not (isinstance(key, yaml.ScalarNode) and key.value == name):
            continue
        if key.start_mark.column != 0:
            return None
        start = key.start_mark.index
        while start > 0:
            above = line_start(text, start - 1)
            if not text.startswith("#", above) or text.startswith(MODELINE, above):
                break
            start = above
        end = value.end_mark.index
        if value.end_mark.column != 0:
            end = line_end(text, end)
        elif not isinstance(value, yaml.ScalarNode):
            # A block mapping or list ends where the next field starts: the blank and
            # comment lines before that are the next field's.
            first_line = line_end(text, key.start_mark.index)
            while end > first_line:
                above = line_start(text, end - 1)
                if text[above:end].strip() and not text[above:end].lstrip().startswith("#"):
                    break
                end = above
        return start, end
    return None


def line_start(text: str, at: int) -> int:
    """Where the line holding the character at `at` starts."""
    return text.rfind("\n", 0, at) + 1


def line_end(text: str, at: int) -> int:
    """Past the end of the line holding `at`, its line break included."""
    found = text.find("\n", at)
    return len(text) if found < 0 else found + 1


def yaml_files(base: Path, moves: list[str]) -> list[Path]:
    """Every YAML file among the moved entries, at any depth (no link: refused before)."""
    found = []
    for name in moves:
        entry = base / name
        if entry.is_file():
            found += [entry] if entry.suffix == ".yaml" else []
            continue
        for folder, _, names in os.walk(entry):
            found += [Path(folder, file) for file in sorted(names) if file.endswith(".yaml")]
    return found


def schema_deeper(text: str, volume: bool) -> str:
    """`text` with its first line, if it names a schema by a relative path, one folder
    deeper; conference.yaml's names the volume's schema instead."""
    first, newline, rest = text.partition("\n")
    if not first.startswith(MODELINE) or "://" in first:
        return text
    target = "../" + first[len(MODELINE):]
    if volume:
        target = target.replace("/conference.schema.json", "/volume.schema.json")
    return f"{MODELINE}{target}{newline}{rest}"


ARCHIVE_INTRO = """\
# كتبه الأمر python3 build.py init --archive --first-volume {id}: كانت وقائع المجلد {id}
# هي الموقع كله، فصارت أول مجلد فيه، في {id}/. ونُقل site_url من conference.yaml إلى هنا.
# Written by python3 build.py init --archive --first-volume {id}: the proceedings that were
# the whole site are now its first volume, in {id}/; site_url moved here from conference.yaml.
# Optional fields: publisher (if one publisher publishes every volume; each volume's
# conference.yaml names its own) and description.

# عنوان الأرشيف وموقعه: عنوان المجلد الأول إلى أن تكتب عنوان السلسلة (بلا سنة مثلًا).
# The title of the archive and its site: the first volume's until you write the series'
# own (without the year, say).
"""
MOVED_NOTE = """\
# المجلد الذي كان جذرَ الموقع: يكتب البناء في كل عنوان قديم من عناوينه صفحةً تحيل إلى الجديد.
# The volume that was the site's root: the build writes a page at each of its old addresses
# that leads to the new one.
"""


def archive_yaml(taken: Taken, volume_id: str) -> str:
    return (f"{modeline('archive', depth=0)}\n" + ARCHIVE_INTRO.format(id=volume_id)
            + taken.title + taken.site_url + MOVED_NOTE + f"{MOVED_FROM_ROOT}: {volume_id}\n")


def apply_conversion(plan: Conversion) -> None:
    """Make the changes; at the first failure, undo those made and raise it."""
    undo: list[Callable[[], None]] = []
    try:
        plan.volume.mkdir()
        undo.append(plan.volume.rmdir)
        for name in plan.moves:
            (plan.data_dir / name).rename(plan.volume / name)
            undo.append(functools.partial(os.rename, plan.volume / name, plan.data_dir / name))
        for name, text in plan.writes.items():
            path = plan.data_dir / name
            if not path.parent.is_dir():  # _schema/, where the volume had none
                path.parent.mkdir()
                undo.append(path.parent.rmdir)
            undo.append(restorer(path))
            write_whole(path, text.encode("utf-8"))
    except BaseException:
        for step in reversed(undo):
            step()
        raise


def restorer(path: Path) -> Callable[[], None]:
    """What puts `path` back as it is now: its bytes, or no file."""
    if not path.is_file():
        return lambda: path.unlink(missing_ok=True)
    before = path.read_bytes()
    return lambda: write_whole(path, before)
