"""Contributions written by an attacker (issue 29): refused at `check` with file, field,
line and fix, or rendered inert; never a traceback, never a live script, never a
damaged site.

Each case was reproduced against the code before this test: it passed `check` and
then published a script, a live `javascript:` link, a file that is not XML, or
crashed the build with "Internal error".
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import EXAMPLE_PAPERS, copy_project, copy_tool, run_waqai
from hostile import MARKER, write_hostile_papers
from waqai.data.checks import validate
from waqai.data.problems import Problem
from waqai.data.yamlread import MAX_FILE_BYTES
from waqai.text.plain import MAX_BRACKETS


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_line(path: Path, after: str, line: str) -> None:
    edit(path, after, f"{after}\n{line}")


CONFERENCE = "papers/conference.yaml"
ABSHER = "papers/absher/paper.yaml"
SITE_URL = 'site_url: "https://proceedings.example.org/csc-2015/"'
OFFICIAL = re.compile(r'^official_url: .*$', re.MULTILINE)


def official(value: str) -> Callable[[Path], None]:
    def breaks(project: Path) -> None:
        path = project / CONFERENCE
        path.write_text(OFFICIAL.sub(f"official_url: {value}", path.read_text("utf-8")),
                        encoding="utf-8")
    return breaks


def attachment(url: str) -> Callable[[Path], None]:
    return lambda p: add_line(p / ABSHER, "order: 1", "attachments: [{type: video, label: "
                              f'{{ar: "تسجيل", en: "Recording"}}, url: {url}}}]')


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Path], None]
    file: str
    field: str  # the end of the problem's field path
    says: str  # a piece of the message or the fix


CASES = [
    # Addresses: every field that becomes a link is one kind, https (or http where allowed).
    Case("site_url that ends an attribute", lambda p: edit(
        p / CONFERENCE, SITE_URL,
        'site_url: "https://proceedings.example.org/csc-2015\\"><script>alert(1)</script>/"'),
         CONFERENCE, "site_url", "never has"),
    Case("site_url with a query", lambda p: edit(
        p / CONFERENCE, SITE_URL, 'site_url: "https://proceedings.example.org/?a=/"'),
         CONFERENCE, "site_url", "query"),
    Case("site_url without a host", lambda p: edit(p / CONFERENCE, SITE_URL,
                                                   'site_url: "https:///csc-2015/"'),
         CONFERENCE, "site_url", "no host"),
    Case("javascript official_url", official('"javascript:alert(1)"'), CONFERENCE,
         "official_url", "https://"),
    Case("JAVASCRIPT in capitals", official('"JAVASCRIPT:alert(1)"'), CONFERENCE,
         "official_url", "https://"),
    Case("javascript with a tab", official('"java\\tscript:alert(1)"'), CONFERENCE,
         "official_url", "https://"),
    Case("data official_url", official('"data:text/html,<script>alert(1)</script>"'),
         CONFERENCE, "official_url", "https://"),
    Case("vbscript official_url", official('"vbscript:msgbox(1)"'), CONFERENCE,
         "official_url", "https://"),
    Case("network-path official_url", official('"//evil.example/"'), CONFERENCE,
         "official_url", "https://"),
    Case("user before the host", official('"https://ipa.edu.sa@evil.example/"'), CONFERENCE,
         "official_url", "disguises"),
    Case("attachment link that ends an attribute",
         attachment('"https://video.example.org/\\"onmouseover=\\"alert(1)"'),
         ABSHER, "attachments[0].url", "never has"),
    Case("attachment host with a quote", attachment('"https://a\\"b.example/talk"'),
         ABSHER, "attachments[0].url", "no host"),
    Case("plain http attachment", attachment('"http://video.example.org/talk"'),
         ABSHER, "attachments[0].url", "https://"),
    # Braces reach BibTeX from every text: a lone one crashed the build after `check`.
    Case("brace in a keyword", lambda p: edit(p / ABSHER, '"Absher"', '"Absher {"'),
         ABSHER, "keywords.en[0]", "Balance every {"),
    Case("brace in the publisher", lambda p: edit(
        p / CONFERENCE, 'publisher: {ar: "معهد الإدارة العامة", en: "Institute',
        'publisher: {ar: "معهد الإدارة العامة", en: "} Institute'), CONFERENCE, "publisher.en",
         "Balance every {"),
    Case("brace in the conference title", lambda p: edit(
        p / CONFERENCE, '"Customer Service Culture in the Government Sector"',
        '"Customer Service Culture in the Government Sector {"'), CONFERENCE, "title.en",
         "Balance every {"),
    Case("brace in the city", lambda p: edit(p / CONFERENCE, 'en: "Riyadh"', 'en: "Riyadh}"'),
         CONFERENCE, "city.en", "Balance every {"),
    Case("brace in an erratum", lambda p: add_line(
        p / ABSHER, "order: 1",
        'errata: [{date: "2016-01-10", ar: "تصحيح {", en: "A correction"}]'),
         ABSHER, "errata[0].ar", "Balance every {"),
    Case("brace in a notice", lambda p: add_line(
        p / ABSHER, "order: 1", 'status: retracted\nnotice: {date: "2016-01-10", '
        'ar: "سُحب", en: "Retracted {"}'), ABSHER, "notice.en", "Balance every {"),
    Case("brace in site_url", lambda p: edit(
        p / CONFERENCE, SITE_URL, 'site_url: "https://proceedings.example.org/{csc/"'),
         CONFERENCE, "site_url", "never has"),
    Case("brace in a DOI", lambda p: add_line(p / ABSHER, "order: 1", 'doi: "10.5555/ab{c"'),
         ABSHER, "doi", "Balance every {"),
    # A date the Hijri table cannot convert crashed every page after a clean `check`.
    Case("a date beyond the Hijri table", lambda p: edit(
        p / CONFERENCE, 'end: "2015-11-19"', 'end: "9999-12-31"'), CONFERENCE, "dates.end",
         "Umm al-Qura"),
    Case("a session before the Hijri table", lambda p: edit(
        p / "papers/sessions.yaml", 'day: "2015-11-17"', 'day: "1900-01-01"'),
         "papers/sessions.yaml", "keynote.day", "Umm al-Qura"),
    # Digits are ASCII: \\d took Arabic-Indic ones, which no resolver knows.
    Case("ORCID in Arabic-Indic digits", lambda p: edit(
        p / "papers/people.yaml", "  latin:", '  orcid: "٠٠٠٠-٠٠٠٢-١٨٢٥-٠٠٩٧"\n  latin:'),
         "papers/people.yaml", "orcid", "16-character"),
    Case("DOI in Arabic-Indic digits", lambda p: add_line(p / ABSHER, "order: 1",
                                                          'doi: "10.٥٥٥٥/absher"'),
         ABSHER, "doi", "bare DOI"),
    Case("DOI prefix in Arabic-Indic digits", lambda p: add_line(
        p / CONFERENCE, SITE_URL, 'doi_prefix: "10.٥٥٥٥"'), CONFERENCE, "doi_prefix",
         "prefix"),
    # What a file may cost: libyaml's composer recursed in C (SIGSEGV), the pure-Python
    # one raised RecursionError; aliases made a few kilobytes read as gigabytes.
    Case("a flow list 100,000 deep", lambda p: add_line(
        p / ABSHER, "order: 1", "notes: " + "[" * 100_000 + "]" * 100_000),
         ABSHER, "", "more than 64 deep"),
    Case("1,000 deep and a syntax error", lambda p: add_line(
        p / ABSHER, "order: 1", "notes: " + "[" * 1_000 + "x: : }"), ABSHER, "",
         "more than 64 deep"),
    Case("block lists 2,000 deep", lambda p: add_line(
        p / ABSHER, "order: 1", "notes:\n  " + "- " * 2_000 + "x"), ABSHER, "",
         "more than 64 deep"),
    Case("one long keyword aliased 200 times", lambda p: edit(
        p / ABSHER, '["Absher", "e-services", "Ministry of Interior"]',
        '[&k "' + "Absher " * 7_000 + '", ' + ", ".join(["*k"] * 200) + "]"),
         ABSHER, "", "aliases (*k)"),
    Case("aliases of aliases", lambda p: edit(
        p / ABSHER, 'people: [abdulrahman-aljulaifi]', "people: [abdulrahman-aljulaifi]\n"
        + "\n".join(f"n{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i else '"laugh"'] * 9) + "]"
                    for i in range(9))), ABSHER, "", "once its aliases"),
    # Markdown nested deeper than a page can show raised RecursionError in the build.
    Case("a list nested 350 deep", lambda p: (p / ABSHER).with_name("abstract.en.md").write_text(
        "".join("  " * level + "- point\n" for level in range(350)), encoding="utf-8"),
         "papers/absher/abstract.en.md", "", "more than 16 deep"),
    Case("a whole abstract of brackets", lambda p: (p / ABSHER).with_name(
        "abstract.ar.md").write_text("أ\n\n" + "![" * 100_000, encoding="utf-8"),
         "papers/absher/abstract.ar.md", "", "more than 1,000 “[”"),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("hostile") / "pristine")


def errors_of(project: Path) -> list[Problem]:
    result = validate(project)
    assert not result.ok
    return [problem for problem in result.problems if problem.is_error]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_refused_at_check_with_file_field_line_and_fix(case: Case, pristine: Path,
                                                        tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(pristine, project)
    case.breaks(project)
    errors = errors_of(project)
    matching = [p for p in errors if p.file == case.file and p.field.endswith(case.field)]
    assert matching, "\n".join(p.format() for p in errors)
    problem = matching[0]
    assert case.says in problem.message + problem.fix, problem.format()
    assert problem.line, problem.format()


def test_the_cases_reach_no_traceback_and_leave_the_site(pristine: Path, tmp_path: Path) -> None:
    """Through the real commands: `check` and `build` exit 1 with the file named and no
    traceback, and the site built before is left as it was."""
    project = tmp_path / "p"
    shutil.copytree(pristine, project)
    assert run_waqai(project, "build").code == 0
    before = {path: path.read_bytes() for path in (project / "site").rglob("*") if path.is_file()}
    papers = {path: path.read_bytes() for path in (project / "papers").rglob("*")
              if path.is_file()}
    for case in CASES[::4]:  # one in four: each command costs a second or two
        case.breaks(project)
        for command in ("check", "build"):
            result = run_waqai(project, command)
            assert result.code == 1, (case.name, command, result.output)
            assert "Traceback" not in result.output and "Internal error" not in result.output
            assert case.file in result.output, (case.name, result.output)
        for path, data in papers.items():
            path.write_bytes(data)
    after = {path: path.read_bytes() for path in (project / "site").rglob("*") if path.is_file()}
    assert after == before


def test_the_costliest_markdown_at_the_size_limit_is_checked_and_built_within_bounds(
        project: Path) -> None:
    """Unmatched brackets made python-markdown quadratic: 14 KB took the build from 3 s
    to 74 s. A whole abstract of the costliest text the limits allow (every bracket it
    may have, then emphasis markers to the 256 KiB limit) costs `check` and `build`
    each less than a minute and a gigabyte (a slower run fails the test)."""
    abstract = project / ABSHER.replace("paper.yaml", "abstract.en.md")
    text = "![" * MAX_BRACKETS + "**a" * ((MAX_FILE_BYTES - 2 * MAX_BRACKETS) // 3)
    abstract.write_text(text, encoding="utf-8")
    for command in ("check", "build"):
        result = run_waqai(project, command, bounded=True)
        assert result.code == 0, result.output


# -- markup in every text ------------------------------------------------------------


class Injected(HTMLParser):
    """What of the payload became markup: a MARKER element or attribute, or an event
    handler attribute, anywhere in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == MARKER:
            self.found.append(f"<{tag}>")
        self.found += [f"<{tag} {name}>" for name, _ in attrs
                       if name == MARKER or name.startswith("on")]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_tool(tmp_path_factory.mktemp("hostile-site") / "project")
    write_hostile_papers(EXAMPLE_PAPERS, project / "papers")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


def test_markup_in_every_text_stays_text_on_every_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 60
    injected = {}
    for page in pages:
        scan = Injected()
        scan.feed(page.read_text(encoding="utf-8"))
        if scan.found:
            injected[page.relative_to(hostile_site).as_posix()] = scan.found[:3]
    assert not injected, injected


def test_the_payload_is_on_the_pages_as_text(hostile_site: Path) -> None:
    """The scan above could pass on pages that dropped the text: it is there, escaped."""
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert f"&lt;{MARKER}&gt;" in home
    assert home.count(f"&lt;{MARKER}&gt;") > 3  # title, header, description, card text


def test_json_ld_and_the_sitemap_stay_whole(hostile_site: Path) -> None:
    scripts = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
    for page in hostile_site.rglob("*.html"):
        for script in scripts.findall(page.read_text(encoding="utf-8")):
            json.loads(script)  # a payload that ended the <script> would leave broken JSON
    ET.parse(hostile_site / "sitemap.xml")


def test_a_template_that_links_javascript_fails_the_build(tmp_path: Path) -> None:
    """The after-build scan: whatever a template does, no page links a script."""
    project = copy_project(tmp_path / "p")
    assert run_waqai(project, "build").code == 0
    before = (project / "site" / "about" / "index.html").read_bytes()
    template = project / "overrides" / "waqai" / "about.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{{ waqai.t.official_page }}</a>",
        '{{ waqai.t.official_page }}</a><a href="java&#9;script:alert(1)">x</a>'),
        encoding="utf-8")
    result = run_waqai(project, "build")
    assert result.code == 1, result.output
    assert "about/index.html: href=" in result.output and "javascript" in result.output
    assert (project / "site" / "about" / "index.html").read_bytes() == before


# -- what the terminal and GitHub Actions are told -----------------------------------


def test_a_folder_name_cannot_issue_workflow_commands(project: Path) -> None:
    """A folder name with a line break printed as is would start a line GitHub Actions
    obeys (`::stop-commands::`, a forged annotation)."""
    shutil.copytree(project / "papers/absher", project / "papers/x\n::stop-commands::pwn")
    result = run_waqai(project, "check", env={"GITHUB_ACTIONS": "true"})
    assert result.code == 1
    for line in result.output.splitlines():
        assert not line.startswith("::") or re.match(r"::(error|warning) file=", line), line
    assert "::stop-commands::" not in result.output.replace("%3A", ":").split("<U+000A>")[0]
    assert "<U+000A>" in result.err


# -- a site every server can read ----------------------------------------------------


def unreadable(folder: Path) -> list[str]:
    """What under `folder` (itself included) others may not read (or enter)."""
    paths = [folder, *folder.rglob("*")]
    return [str(path) for path in paths
            if not path.stat().st_mode & stat.S_IROTH
            or (path.is_dir() and not path.stat().st_mode & stat.S_IXOTH)]


def test_the_site_and_the_book_are_readable_by_the_web_server(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    previous = os.umask(0o022)
    try:
        assert run_waqai(project, "build").code == 0
        assert run_waqai(project, "book", "--out", "site/book.pdf").code == 0
    finally:
        os.umask(previous)
    assert (project / "site" / "book.pdf").is_file()
    assert unreadable(project / "site") == []
