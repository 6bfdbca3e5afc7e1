"""Checks that need the whole volume: references, duplicates, dates, names.

`validate()` is the one entry point for one volume, used by the commands, by the
plugin and by the tests: it loads, checks, and returns the model only when no error
was found. An archive of volumes is validated by `archivecheck`, with these checks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from waqai.data.archiveload import layout_refusal
from waqai.data.citekeys import citation_keys, free_key, same_key
from waqai.data.doicheck import check_dois
from waqai.data.fields import ABSTRACT, LANGUAGE_NAMES
from waqai.data.load import (
    PERSON_ID,
    SESSION_ID,
    Loaded,
    Reads,
    Sources,
    assemble,
    cited_people,
    has_errors,
    load,
)
from waqai.data.model import (
    DEFAULT_LANG,
    LANGS,
    ItemKind,
    Person,
    Proceedings,
    TranslationPolicy,
    other_lang,
    tag_lang,
)
from waqai.data.placeholders import CONFERENCE_FILE, placeholder_warnings
from waqai.data.problems import Problem, Severity, sort_problems
from waqai.text.arabic import name_identity
from waqai.text.dates import check_pair
from waqai.text.latin_names import latin_matches, set_aside


@dataclass(frozen=True)
class Validation:
    proceedings: Proceedings | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.proceedings is not None


def validate(root: Path, data_dir: str = "papers", reads: Reads | None = None) -> Validation:
    """One volume's data folder; an archive, or a volume of one, is refused with one problem
    (`archivecheck.validate_archive` reads those)."""
    refused = layout_refusal(root, data_dir)
    if refused is not None:
        return Validation(None, [refused])
    loaded = load(root, data_dir, reads)
    for check in CHECKS:
        check(loaded)
    problems = sort_problems(loaded.problems)
    if has_errors(problems) or loaded.conference is None:
        return Validation(None, problems)
    return Validation(assemble(loaded), problems)


Fingerprint = tuple[tuple[str, str, int, int], ...]  # (folder, name, size, mtime_ns) per file


def fingerprint(folder: Path) -> Fingerprint:
    """Cheap identity of the data: every file's path, size and modification time, and
    every link's (to a folder too: `os.walk` lists it but does not enter it), which the
    loader refuses."""
    entries = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        links = [name for name in dirnames if os.path.islink(os.path.join(dirpath, name))]
        for name in sorted(filenames + links):
            stat = os.lstat(os.path.join(dirpath, name))
            entries.append((dirpath, name, stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


_last: tuple[Fingerprint, Validation] | None = None


_reads = Reads()  # files read by validate_cached(reuse_files=True), kept between calls


def validate_cached(root: Path, data_dir: str = "papers", stamp: Fingerprint | None = None, *,
                    reuse_files: bool = False) -> Validation:
    """`validate()`, reusing the last result while no data file has changed.

    `build.py build` validates before building and the plugin validates again
    inside the build; without this the data would be read twice per build.
    `stamp` is the data folder's `fingerprint()`, if the caller has it already.
    With `reuse_files` (under `serve`), the files that did not change since the
    last call with it are not parsed again (see `load.Reads`).
    """
    global _last
    if stamp is None:
        stamp = fingerprint(root.resolve() / data_dir)
    if _last is not None and _last[0] == stamp:
        return _last[1]
    result = validate(root, data_dir, _reads if reuse_files else None)
    _last = (stamp, result)
    return result


def _suggest(value: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=1)
    if close:
        return f"Did you mean `{close[0]}`?"
    listed = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
    return f"Use one of: {listed}." if known else "Define it first."


# Where each kind of id is declared.
DECLARED_IN = {PERSON_ID: "people.yaml", SESSION_ID: "sessions.yaml"}


def check_references(loaded: Loaded) -> None:
    """Every id a file refers to is declared, by an entry that loaded or not.

    An entry with a mistake of its own (a session's malformed day, a person's
    missing name) has already been reported; the items that cite it are not
    told a second time that its id is unknown.
    """
    sources = loaded.sources
    for ref in sources.references:
        known = sources.declared.get(ref.what, set())
        if ref.value in known:
            continue
        where = (sources.people_file() if ref.what == PERSON_ID
                 else sources.shown(sources.data_dir / DECLARED_IN[ref.what]))
        loaded.problems.append(Problem(
            ref.file, ref.field, f"“{ref.value}” is not a known {ref.what}.",
            f"{_suggest(ref.value, known)} New {ref.what}s are added in {where}.",
            sources.line(ref.file, ref.field)))


def check_repeated_people(loaded: Loaded) -> None:
    """A person written twice in one list (an item's `people:`, a session's `chairs:`)
    would be cited twice, `author = {Said, Karim and … and Said, Karim}`: each repeat is an
    error, once, at the list's line."""
    sources = loaded.sources
    seen: dict[tuple[str, str], set[str]] = {}  # (file, field) -> the ids listed so far
    told: set[tuple[str, str, str]] = set()
    for ref in sources.references:
        if ref.what != PERSON_ID:
            continue
        listed = seen.setdefault((ref.file, ref.field), set())
        if ref.value in listed and (ref.file, ref.field, ref.value) not in told:
            told.add((ref.file, ref.field, ref.value))
            loaded.problems.append(Problem(
                ref.file, ref.field, f"lists “{ref.value}” more than once.",
                f"Keep “{ref.value}” once, where they come in the order of the list.",
                sources.line(ref.file, ref.field)))
        listed.add(ref.value)


def check_placeholders(loaded: Loaded) -> None:
    """A warning per placeholder of `init` left in conference.yaml (`placeholders.py`)."""
    sources = loaded.sources
    loaded.problems.extend(placeholder_warnings(
        sources.data_dir, sources.shown(sources.data_dir / CONFERENCE_FILE)))


def check_people_named(loaded: Loaded) -> None:
    """Only a panel may leave its people unnamed."""
    sources = loaded.sources
    for paper in loaded.papers:
        if paper.people or paper.kind is ItemKind.PANEL:
            continue
        file = sources.paper_files[paper.id]
        loaded.problems.append(Problem(
            file, "people", "is empty.",
            "List the authors or speakers by their ids in people.yaml, e.g. "
            "`people: [first-author]`.", sources.line(file, "people")))


def check_book_pages(loaded: Loaded) -> None:
    """With `book.pages_in_citations` the book gives each item its pages: an item may
    not give its own as well (one fact, one place)."""
    conference = loaded.conference
    if conference is None or conference.book is None or not conference.book.pages_in_citations:
        return
    sources = loaded.sources
    for paper in loaded.papers:
        if paper.pages is not None:
            file = sources.paper_files[paper.id]
            loaded.problems.append(Problem(
                file, "pages", "is given, but the book gives each item its pages "
                "(`book: pages_in_citations: true` in conference.yaml).",
                "Delete this line, or set `pages_in_citations: false` to keep your own "
                "page ranges.", sources.line(file, "pages")))


def check_orders(loaded: Loaded) -> None:
    """Two items may not share a place in a session, nor two sessions a place in a day."""
    sources = loaded.sources
    seen: dict[tuple[str, int], str] = {}
    for paper in loaded.papers:
        file = sources.paper_files[paper.id]
        slot = (paper.session, paper.order)
        if slot in seen:
            loaded.problems.append(Problem(
                file, "order", f"{paper.order} is already taken in session “{paper.session}” by "
                f"{seen[slot]}.", "Give each item of a session its own order number.",
                sources.line(file, "order")))
        else:
            seen[slot] = file
    sessions_file = sources.shown(sources.data_dir / "sessions.yaml")
    days: dict[tuple[dt.date, int], str] = {}
    for session in loaded.sessions:
        day_slot = (session.day, session.order)
        if day_slot in days:
            loaded.problems.append(Problem(
                sessions_file, f"{session.id}.order", f"{session.order} is already taken on "
                f"{session.day} by session “{days[day_slot]}”.",
                "Give each session of a day its own order number.",
                sources.line(sessions_file, f"{session.id}.order")))
        else:
            days[day_slot] = session.id
        conference = loaded.conference
        if conference and not conference.start <= session.day <= conference.end:
            loaded.problems.append(Problem(
                sessions_file, f"{session.id}.day", f"{session.day} is outside the conference "
                f"dates ({conference.start} to {conference.end}).",
                "Write a day within the conference dates, or fix the dates in conference.yaml.",
                sources.line(sessions_file, f"{session.id}.day")))


def check_unused_people(loaded: Loaded) -> None:
    if has_errors(loaded.problems):
        return  # items that failed to load would make their people look unused
    report_unused_people(loaded, cited_people(loaded))


def report_unused_people(loaded: Loaded, used: set[str], where: str = "") -> None:
    """A warning for each person of `loaded` not in `used`; `where`: " of any volume"."""
    sources = loaded.sources
    people_file = sources.people_file()
    for person in loaded.people:
        if person.id not in used:
            loaded.problems.append(Problem(
                people_file, person.id, f"appears in no paper, session or statement{where}.",
                "Add the person to an item's `people` or a session's `chairs`, or remove the "
                "entry.", sources.line(people_file, person.id), Severity.WARNING))


def check_orcids(loaded: Loaded) -> None:
    """An ORCID iD names one person: two entries with the same iD are one person twice,
    or one iD is mistyped."""
    sources = loaded.sources
    people_file = sources.people_file()
    first: dict[str, str] = {}  # ORCID iD -> the id of the first entry with it
    for person in loaded.people:
        if person.orcid is None:
            continue
        if person.orcid not in first:
            first[person.orcid] = person.id
            continue
        other = first[person.orcid]
        loaded.problems.append(Problem(
            people_file, f"{person.id}.orcid", f"“{person.orcid}” is already the ORCID iD of "
            f"{other} (line {sources.line(people_file, f'{other}.orcid')}).",
            f"If they are one person, keep one entry and cite it wherever {person.id} is "
            "cited; if they are two, correct the iD that is wrong (orcid.org shows whose it "
            "is).", sources.line(people_file, f"{person.id}.orcid")))


def check_calendar_pairs(loaded: Loaded) -> None:
    """A Hijri date entered beside a Gregorian one must name the same day."""
    conference = loaded.conference
    if conference is None:
        return
    file = loaded.sources.shown(loaded.sources.data_dir / "conference.yaml")
    pairs = (("dates.hijri_start", conference.start, conference.hijri_start),
             ("dates.hijri_end", conference.end, conference.hijri_end))
    for field, gregorian, hijri in pairs:
        if hijri is None:
            continue
        message = check_pair(gregorian, hijri)
        if message:
            loaded.problems.append(Problem(
                file, field, "does not match the Gregorian date: " + message,
                "Make the two dates name the same day (the Gregorian date is the canonical one).",
                loaded.sources.line(file, field)))


ARABIC_SET_ASIDE = "hamza, diacritics, ى/ي and the honorific"


def _arabic_collisions(people: Iterable[Person]) -> Iterator[tuple[Person, Person]]:
    """Pairs of people, the earlier first, whose Arabic names fold to one given + filing
    name (`name_identity`)."""
    by_identity: dict[str, list[Person]] = {}
    for person in people:
        if person.name_ar is not None:
            by_identity.setdefault(name_identity(person.name_ar), []).append(person)
    for group in by_identity.values():
        yield from itertools.combinations(group, 2)


def check_name_collisions(loaded: Loaded) -> None:
    """Two entries may be one person: their Arabic names fold to the same given + filing
    name, or (`text.latin_names`) a romanised spelling of each may be the other's. One
    warning a pair, on the later entry; `distinct_from` silences it."""
    warned: set[tuple[str, str]] = set()
    for first, second in _arabic_collisions(loaded.people):
        _warn_collision(loaded, warned, (first, second), (
            first.full_name.ar, second.full_name.ar), ARABIC_SET_ASIDE)
    for match in latin_matches([person.names_latin for person in loaded.people]):
        pair = (loaded.people[match.first], loaded.people[match.second])
        spellings = (match.spellings[0].full, match.spellings[1].full)
        _warn_collision(loaded, warned, pair, spellings, set_aside(match.leeway))


def _warn_collision(loaded: Loaded, warned: set[tuple[str, str]], pair: tuple[Person, Person],
                    names: tuple[str, str], what_set_aside: str) -> None:
    """The warning that `pair` may be one person, unless it was given already or the
    entries say `distinct_from`."""
    first, second = pair
    if (first.id, second.id) in warned or (
            second.id in first.distinct_from or first.id in second.distinct_from):
        return
    warned.add((first.id, second.id))
    sources = loaded.sources
    people_file = sources.people_file()
    loaded.problems.append(Problem(
        people_file, second.id,
        f"«{names[1]}» ({second.id}) may be the same person as «{names[0]}» ({first.id}, "
        f"line {sources.line(people_file, first.id)}): the names match once "
        f"{what_set_aside} are set aside.",
        f"If they are one person, keep one entry and add the other spelling to its "
        f"`latin` list; if they are two, write `distinct_from: [{first.id}]` in "
        f"{second.id}.", sources.line(people_file, second.id), Severity.WARNING))


def check_keys(loaded: Loaded) -> None:
    """A stored citation key is used once (case aside: see `citekeys`); an item without
    one is told the key to store before it is published."""
    check_key_clashes(loaded.sources, loaded.problems)
    check_keys_written(loaded)


def check_key_clashes(sources: Sources, problems: list[Problem]) -> None:
    """No two items store the same citation key: in one volume, or, given the sources of
    every volume (`Sources.absorb`), in an archive."""
    first: dict[str, tuple[str, str]] = {}  # same_key -> (file, key)
    stored = {same_key(key) for key in sources.keys.values()}
    for file, key in sorted(sources.keys.items()):
        if same_key(key) not in first:
            first[same_key(key)] = (file, key)
            continue
        other, other_key = first[same_key(key)]
        where = f"{other}:{sources.line(other, 'key')}"
        same = "" if other_key == key else f" as “{other_key}” (case does not tell keys apart)"
        problems.append(Problem(
            file, "key", f"“{key}” is already the key of {where}{same}.",
            f"Give each item its own key: keep the key of the one published first and change "
            f"the other's, e.g. `key: {free_key(key, stored)}`.", sources.line(file, "key")))


def check_keys_written(loaded: Loaded) -> None:
    """An item without a stored key is told the key to store before it is published."""
    sources = loaded.sources
    if has_errors(loaded.problems) or loaded.conference is None:
        return  # the key to suggest depends on every item, person and key loading cleanly
    keys = citation_keys(assemble(loaded))
    for paper in loaded.papers:
        if not paper.key:
            file = sources.paper_files[paper.id]
            loaded.problems.append(Problem(
                file, "key", "is not written, so the item's citation key may still change: "
                f"“{keys[paper.id]}” is derived from its data and moves when that changes.",
                f"Before the item is published, write `key: {keys[paper.id]}` under `id:`; "
                "authors then cite it by that key for good.",
                sources.line(file, "id"), Severity.WARNING))


# A raw HTML tag or comment in Markdown: `<script>`, `</p>`, `<img src=…>`, `<!--`.
# Autolinks (`<https://…>`, `<a@b.org>`) do not match: no space, / or > after the name.
RAW_HTML = re.compile(r"<(?:!--|/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]))[^<>\n]{0,40}>?")
# Inline code spans and indented code blocks show their text as code: tags there are fine.
CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)|^(?: {4}|\t)[^\n]*$", re.MULTILINE)


def raw_html_tags(markdown: str) -> list[tuple[int, str]]:
    """(line, tag) of each raw HTML tag outside code, in order."""
    blanked = CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), markdown)
    return [(blanked.count("\n", 0, m.start()) + 1, m.group()) for m in RAW_HTML.finditer(blanked)]


def check_raw_html(loaded: Loaded) -> None:
    """Abstracts and the about notes are rendered with raw HTML off: a tag is shown as
    text, which is rarely meant."""
    texts = [(paper.abstract.get(lang), loaded.abstract_files[(paper.id, lang)])
             for paper in loaded.papers for lang in LANGS if paper.abstract.get(lang)]
    if loaded.about is not None:
        texts += [(loaded.about.get(lang), loaded.about_files[lang]) for lang in LANGS]
    for markdown, shown_file in texts:
        tags = raw_html_tags(markdown)
        if not tags:
            continue
        shown = ", ".join(dict.fromkeys(f"`{tag}`" for _, tag in tags[:3]))
        loaded.problems.append(Problem(
            shown_file, "",
            f"contains raw HTML ({shown}), which is shown as text on the page, not as HTML.",
            "Use Markdown instead (*italic*, **bold**, [text](https://…)), or delete the tag.",
            tags[0][0], Severity.WARNING))


def check_translations(loaded: Loaded) -> None:
    """An item's title and abstract in its own language are the original: a gap there is an
    error, whatever the policy. Under `translations: required` every other gap is an error
    too; under `welcome` gaps stay warnings, which commands count (`problems.gaps_apart`)."""
    conference = loaded.conference
    volume = conference.language if conference else DEFAULT_LANG
    required = conference is not None and conference.translations is TranslationPolicy.REQUIRED
    originals: dict[tuple[str, str], str] = {}  # (file, field) of an original -> its tag
    for paper in loaded.papers:
        tag = paper.language or volume
        lang = tag_lang(tag)
        file = loaded.sources.paper_files[paper.id]
        originals[(file, f"title.{lang}")] = tag
        originals[(f"{file.rpartition('/')[0]}/{ABSTRACT.files()[lang]}", "")] = tag

    def settled(problem: Problem) -> Problem:
        if not problem.is_gap:
            return problem
        tag = originals.get((problem.file, problem.field))
        if tag is not None:
            return original_missing(problem, tag)
        return required_gap(problem) if required else problem

    loaded.problems[:] = [settled(problem) for problem in loaded.problems]


def required_gap(gap: Problem, conference_file: str = "conference.yaml") -> Problem:
    """A translation gap made an error by `translations: required` in `conference_file`."""
    fix = gap.fix.partition(" Until then")[0]
    return dataclasses.replace(gap, severity=Severity.ERROR, fix=(
        f"{fix} ({conference_file} says `translations: required`; write "
        "`translations: welcome` there to publish with gaps.)"))


def original_missing(gap: Problem, tag: str) -> Problem:
    """The error for an item without its title or abstract in its own language."""
    lang = tag_lang(tag)
    name, other = LANGUAGE_NAMES[lang], other_lang(lang)
    what = "title" if gap.field else "abstract"
    return Problem(
        gap.file, gap.field,
        f"the item's {what} in its own language ({name}, `language: {tag}`) is missing: it "
        "is the original, the other language's is its translation.",
        f"Write the {what} in {name} as the item was published; or, if the item is in "
        f"{LANGUAGE_NAMES[other]}, write `language: {other}` in its paper.yaml.",
        gap.line)


CHECKS = [check_references, check_repeated_people, check_people_named, check_book_pages,
          check_orders, check_unused_people, check_calendar_pairs, check_name_collisions,
          check_orcids, check_raw_html, check_keys, check_dois, check_translations,
          check_placeholders]
# The checks of people.yaml alone: an archive runs them once, not once per volume.
PEOPLE_CHECKS = (check_unused_people, check_name_collisions, check_orcids)
