"""aclpub2's `papers.yml`, as its OpenReview tool (`openreview/or2papers.py`) writes it,
with the PDFs in the `papers/` folder next to it.

Each paper is `{id, title, abstract, file, authors: [...], attributes, attachments}`.
aclpub2 documents the authors' keys as `email` and `openreview`; or2papers.py writes
`emails` (with `_` escaped as `\\_`, for LaTeX) and `username`: both are read.
`file` is relative to `papers/`, as aclpub2 reads it; a name relative to papers.yml's
own folder is accepted too. Attachments, `attributes` and the identifiers other than
ORCID and OpenReview's are not imported.

The YAML is parsed as a node tree with the safe loader (`yamlread.compose`): nothing
is constructed from a tag, every value keeps its line (each problem names it), and
a value is read as the text written (`No` stays “No”, `0012` stays “0012”).

`export_file` and `SAFE_ID` are shared with `pretalx.py`.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from waqai.data.fields import valid_orcid
from waqai.data.links import FileTooLarge, read_bytes
from waqai.data.pdfread import judge_pdf
from waqai.data.problems import Problem, Severity
from waqai.data.yamlread import compose, describe_node, line_of, read_text_file
from waqai.importers.cells import clean, errors_since, problem
from waqai.importers.records import Author, Export, Submission, Where

FORMAT = "aclpub2"
FILE_NAMES = ("papers.yml", "papers.yaml")
PDF_FOLDER = "papers"
MAX_BYTES = 20 * 1024 * 1024  # papers.yml takes about 2.5 MB per 1,000 papers
MAX_PDF_BYTES = 100 * 1024 * 1024  # the conference's own limit is checked on `check`
# The ids a source or a person's key may carry: letters, digits, . _ ~ -
SAFE_ID = re.compile(r"^[A-Za-z0-9~][A-Za-z0-9._~-]{0,99}$")
ORCID_URL = re.compile(r"^(?:https?://)?(?:www\.)?orcid\.org/", re.IGNORECASE)
TEXT_TAGS = frozenset(f"tag:yaml.org,2002:{name}"
                      for name in ("str", "int", "float", "bool", "timestamp", "null"))
NULL_TAG = "tag:yaml.org,2002:null"
NO_INSTITUTION = frozenset({"na", "n/a"})  # what or2papers.py writes when it has none
FALSE = frozenset({"false", "no", "off"})
AGAIN = "Correct it in OpenReview (or in papers.yml) and export again."


# -- Shared with pretalx.py ------------------------------------------------------------

def export_file(path: Path, names: tuple[str, ...], problems: list[Problem]) -> Path | None:
    """The file `path` names: itself, or the first of `names` in the folder it is."""
    if path.is_dir():
        for name in names:
            if (path / name).is_file():
                return path / name
        problems.append(Problem(str(path), "", f"holds no {' or '.join(names)}.",
                                "Give the export's file, or the folder that holds it."))
        return None
    if not path.exists():
        problems.append(Problem(str(path), "", "does not exist.",
                                "Check the path of the export you give to `import`."))
        return None
    return path


# -- papers.yml --------------------------------------------------------------------------

@dataclass(frozen=True)
class _File:
    """papers.yml being read: as shown in messages, its folder, the problems met."""

    shown: str
    folder: Path  # resolved
    problems: list[Problem]

    @property
    def pdf_folder(self) -> str:
        return f"{PurePosixPath(self.shown).parent / PDF_FOLDER}/"


@dataclass(frozen=True)
class _Fields:
    """One mapping of papers.yml; each value is read as text through `clean`."""

    entries: dict[str, yaml.Node]
    where: Where  # the mapping's line; its column is the prefix of its keys' names
    problems: list[Problem]

    def found(self, *keys: str) -> tuple[str, yaml.Node] | None:
        """The first of `keys` present with a value (aclpub2's name before or2papers')."""
        for key in keys:
            node = self.entries.get(key)
            if node is not None and not (isinstance(node, yaml.ScalarNode)
                                         and node.tag == NULL_TAG):
                return key, node
        return None

    def at(self, key: str, node: yaml.Node | None = None) -> Where:
        """The place of `key`'s value (of the mapping, when the key is absent)."""
        node = node if node is not None else self.entries.get(key)
        prefix = f"{self.where.column}." if self.where.column else ""
        line = line_of(node) if node is not None else self.where.row
        return Where(self.where.file, line, prefix + key, "line")

    def text(self, *keys: str, multiline: bool = False) -> str:
        """The value of the first of `keys` present; "" when none is, or with a problem."""
        found = self.found(*keys)
        if found is None:
            return ""
        key, node = found
        where = self.at(key, node)
        if not isinstance(node, yaml.ScalarNode) or node.tag not in TEXT_TAGS:
            self.problems.append(problem(where, f"should be text, found {_what(node)}.",
                                         "Write the value as text on the line of its key."))
            return ""
        return clean(node.value, where, self.problems, multiline=multiline) or ""

    def required(self, key: str, what: str) -> str:
        """The value of `key`, with a problem when it is absent or empty (but not a
        second one when `clean` refused it)."""
        before = len(self.problems)
        value = self.text(key)
        if not value and not errors_since(self.problems, before):
            self.problems.append(problem(self.at(key), f"{what} is missing.", AGAIN))
        return value


def read(paths: list[Path]) -> Export:
    """The papers of each papers.yml in `paths` (a file, or the folder holding it)."""
    export = Export()
    seen: dict[str, Where] = {}
    for path in paths:
        found = export_file(path, FILE_NAMES, export.problems)
        if found is None:
            continue
        for submission in _papers(found, export.problems):
            if _first(submission, seen, export.problems):
                export.submissions.append(submission)
    return export


def _papers(path: Path, problems: list[Problem]) -> Iterator[Submission]:
    shown = str(path)
    text = read_text_file(path, shown, problems, MAX_BYTES)
    if text is None:
        return
    before = len(problems)
    root = compose(text, shown, problems, MAX_BYTES)
    if not isinstance(root, yaml.SequenceNode):
        if len(problems) == before:  # not a problem of YAML's syntax
            found = "nothing" if root is None else _what(root)
            problems.append(Problem(shown, "", f"should be a list of papers, found {found}.",
                                    "Give the papers.yml that or2papers.py wrote (it starts "
                                    "with “- abstract:”).",
                                    line_of(root) if root is not None else None))
        return
    file = _File(shown, path.parent.resolve(), problems)
    for node in root.value:
        submission = _paper(node, file)
        if submission is not None:
            yield submission


def _first(submission: Submission, seen: dict[str, Where], problems: list[Problem]) -> bool:
    """Whether `submission` is the first with its id; a problem if it is not."""
    earlier = seen.get(submission.source)
    if earlier is None:
        seen[submission.source] = submission.where
        return True
    problems.append(problem(submission.where.at("id"),
                            f"the id “{submission.source}” is also the id of the paper at "
                            f"{earlier.file}:{earlier.row}.",
                            "Give each paper its own id (or import each papers.yml once)."))
    return False


def _paper(node: yaml.Node, file: _File) -> Submission | None:
    """One paper, or None when any of its values has an error."""
    before = len(file.problems)
    where = Where(file.shown, line_of(node), unit="line")
    fields = _fields(node, where, file.problems)
    if fields is None:
        return None
    paper_id = fields.required("id", "the paper's id")
    if paper_id and not SAFE_ID.match(paper_id):
        file.problems.append(problem(fields.at("id"), f"“{paper_id}” is not an id (letters, "
                                     "digits, “.”, “_”, “~”, “-”).",
                                     "Give the paper the number OpenReview gave it."))
    title = fields.required("title", "the paper's title")
    abstract = fields.text("abstract", multiline=True)
    authors = _authors(fields, file)
    pdf = _pdf(fields, file)
    if fields.text("archival").casefold() in FALSE:
        file.problems.append(problem(fields.at("archival"), "the paper is marked “archival: "
                                     "false”, so aclpub2 leaves it out of the proceedings; "
                                     "it is imported all the same.",
                                     "Delete it from papers/ after the import if it is not to "
                                     "be published.", Severity.WARNING))
    if errors_since(file.problems, before):
        return None
    return Submission(f"{FORMAT}:{paper_id}", title, where, abstract=abstract,
                      authors=authors, pdf=pdf)


def _fields(node: yaml.Node, where: Where, problems: list[Problem]) -> _Fields | None:
    if not isinstance(node, yaml.MappingNode):
        problems.append(problem(where, f"should be a mapping (key: value lines), found "
                                f"{_what(node)}.", "Give the papers.yml that or2papers.py "
                                "wrote, or write each entry as its example does."))
        return None
    fields = _Fields({}, where, problems)
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if key in fields.entries:
            problems.append(problem(fields.at(key, key_node), "the key is written twice in "
                                    "one entry.", "Keep the right one of the two."))
        fields.entries[key] = value_node
    return fields


def _what(node: yaml.Node) -> str:
    """What was found: a mapping or a list as the loader names them, a scalar by its tag
    (only a scalar whose tag is not text is reported)."""
    if isinstance(node, yaml.ScalarNode):
        return f"a value tagged {node.tag}"
    return describe_node(node)


# -- Authors ---------------------------------------------------------------------------

def _authors(paper: _Fields, file: _File) -> tuple[Author, ...]:
    found = paper.found("authors")
    if found is None or not isinstance(found[1], yaml.SequenceNode) or not found[1].value:
        file.problems.append(problem(paper.at("authors"), "the paper has no list of authors.",
                                     "List its authors under “authors:”, as or2papers.py "
                                     "writes them, or export again."))
        return ()
    authors = []
    for index, node in enumerate(found[1].value, start=1):
        fields = _fields(node, Where(file.shown, line_of(node), f"authors[{index}]", "line"),
                         file.problems)
        author = _author(fields, file) if fields is not None else None
        if author is not None:
            authors.append(author)
    return tuple(authors)


def _author(fields: _Fields, file: _File) -> Author | None:
    before = len(file.problems)
    given, family = fields.text("first_name"), fields.text("last_name")
    openreview = fields.text("openreview", "username")
    if not family:  # a one-word name may come as its first name only
        given, family = "", given
    if not family:
        if not errors_since(file.problems, before):
            file.problems.append(problem(fields.at("last_name"), "the author's name is "
                                         "missing.", AGAIN))
        return None
    if family == given and family.startswith("~"):
        file.problems.append(problem(
            fields.where, f"the OpenReview profile “{family}” could not be read when "
            "papers.yml was made: or2papers.py wrote its id as the author's name.",
            "Run or2papers.py again, or write the author's first_name and last_name."))
        return None
    if openreview and not SAFE_ID.match(openreview):
        found = fields.found("openreview", "username")
        file.problems.append(problem(fields.at(found[0] if found else "openreview"),
                                     f"“{openreview}” is not an OpenReview id.",
                                     "Write the author's id as OpenReview shows it, e.g. "
                                     "“~Jane_Doe1”."))
        return None
    institution = fields.text("institution", "instituion")  # sic: in aclpub2's example
    email = fields.text("email", "emails").replace("\\_", "_")
    return Author(given, family, fields.where, middle=fields.text("middle_name"),
                  email=email if "@" in email else "",  # only used to match people
                  orcid=_orcid(fields), key=f"openreview:{openreview}" if openreview else "",
                  affiliation="" if institution.casefold() in NO_INSTITUTION else institution)


def _orcid(fields: _Fields) -> str:
    """The ORCID iD, bare (0000-0002-1825-0097); "" with a warning when it is not one."""
    value = fields.text("orcid")
    bare = ORCID_URL.sub("", value).rstrip("/").upper()
    if not value or valid_orcid(bare):
        return bare
    fields.problems.append(problem(
        fields.at("orcid"), f"“{value}” is not an ORCID iD; it is left out.",
        "Correct it in the author's OpenReview profile (16 characters, e.g. "
        "0000-0002-1825-0097), or add it to people.yaml after the import.", Severity.WARNING))
    return ""


# -- The PDF ---------------------------------------------------------------------------

def _pdf(paper: _Fields, file: _File) -> Path | None:
    """The paper's PDF, inside the export's folder and fit to publish; None when the entry
    names none (without a problem) or with a problem when it names a PDF refused."""
    name = paper.text("file")
    if not name:
        return None
    where = paper.at("file")
    path, why = _locate(name, file.folder)
    if path is None:
        file.problems.append(problem(where, f"the PDF “{name}” {why}",
                                     _fix_for(name, file.pdf_folder)))
        return None
    try:
        data = read_bytes(path, MAX_PDF_BYTES)
    except FileTooLarge as err:
        file.problems.append(problem(where, f"the PDF “{name}” is {err.size:,} bytes; at "
                                     f"most {MAX_PDF_BYTES:,} are read.",
                                     "Make the PDF smaller (e.g. with compressed images)."))
        return None
    except OSError as err:
        file.problems.append(problem(where, f"the PDF “{name}” cannot be read "
                                     f"({err.strerror}).", "Check that the file is readable."))
        return None
    verdict = judge_pdf(name, data, file.pdf_folder)
    if isinstance(verdict, int):
        return path
    file.problems.append(problem(where, verdict.message, verdict.fix))
    return None


def _fix_for(name: str, pdf_folder: str) -> str:
    return (f"Put the paper's PDF itself in {pdf_folder} (or2papers.py downloads it there "
            f"with --pdfs) and write its name, e.g. “file: {PurePosixPath(name).name}”.")


def _locate(name: str, folder: Path) -> tuple[Path | None, str]:
    """The regular file `name` means, in `papers/` or else in `folder` itself, reached
    without a symbolic link; or None and why not."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return None, "is an absolute path; a PDF must be inside the export's folder."
    parts = PurePosixPath(name).parts
    if not parts:
        return None, "is not the name of a file."
    if ".." in parts or "\\" in name:
        return None, ("climbs out of its folder (“..” or “\\”); a PDF must be inside the "
                      "export's folder.")
    for candidate in ((PDF_FOLDER, *parts), parts):
        path, why = _walk(folder, candidate)
        if path is not None or why:
            return path, why
    return None, "is missing: it is not in the export's papers/ folder."


def _walk(folder: Path, parts: tuple[str, ...]) -> tuple[Path | None, str]:
    """`folder`/`parts` if it is a regular file and no part of the way is a link;
    else None and why ("" when a part does not exist)."""
    path = folder
    for depth, part in enumerate(parts, start=1):
        path = path / part
        try:
            status = os.lstat(path)
        except OSError:
            return None, ""
        if stat.S_ISLNK(status.st_mode):
            link = "/".join(parts[:depth])
            return None, (f"is or passes through a symbolic link (“{link}”). Links are not "
                          "followed: they could lead anywhere on this machine.")
    if not stat.S_ISREG(status.st_mode):
        return None, "is not a file."
    return path, ""
