"""Contributor text cannot hurt the site: attacks in an abstract reach the page as text only.

A copy of the example gets an abstract (both languages) full of attacks and is
built by the real command. The built pages are then *parsed* (html.parser),
not searched for strings: no script element, event-handler attribute,
`javascript:`/`data:` link, iframe or style element may come from the abstract,
in either language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from conftest import copy_project, run_waqai
from waqai.data.checks import validate
from waqai.site.render import render_untrusted

ATTACKS = {
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "javascript link": "[x](javascript:alert(1))",
    "data link": "[d](data:text/html,<script>alert(1)</script>)",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "style": "<style>body{display:none}</style>",
    "attribute list": "A paragraph.\n{onclick=alert(1)}",
    "inline attribute list": "Some *text*{: onclick=\"alert(1)\" } here.",
    "mixed-case scheme": "[y](JaVaScRiPt:alert(1))",
    "entity-encoded scheme": "[z](&#106;avascript:alert(1))",
    "svg": "<svg onload=alert(1)></svg>",
}
ABSTRACT = "Plain first paragraph.\n\n" + "\n\n".join(ATTACKS.values()) + "\n"
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcset"}
# Script elements that hold data, never run (JSON-LD in the page head).
DATA_SCRIPTS = {"application/ld+json", "application/json"}
FORBIDDEN_IN_ABSTRACT = {"script", "iframe", "style", "img", "svg", "object", "embed", "form"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    in_abstract: bool
    text: str = ""


class Page(HTMLParser):
    """Every element of a page, and whether it sits inside the abstract's <section>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.abstract_text: list[str] = []
        self._sections = 0
        self._abstract_at: int | None = None
        self._open_script: Element | None = None

    @property
    def in_abstract(self) -> bool:
        return self._abstract_at is not None and self._sections >= self._abstract_at

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "section":
            self._sections += 1
            if "waqai-abstract" in values.get("class", "").split():
                self._abstract_at = self._sections
        element = Element(tag, values, self.in_abstract)
        self.elements.append(element)
        if tag in ("script", "style"):
            self._open_script = element

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._open_script = None
        if tag == "section":
            if self._abstract_at == self._sections:
                self._abstract_at = None
            self._sections -= 1

    def handle_data(self, data: str) -> None:
        if self._open_script is not None:
            self._open_script.text += data
        if self.in_abstract:
            self.abstract_text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def scheme(url: str) -> str:
    """The scheme a browser would see: controls and whitespace removed, lowercased."""
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned else ""


def dangers(page: Page) -> list[str]:
    """What an attacker could use on this page."""
    found = []
    for el in page.elements:
        for name, value in el.attrs.items():
            if name.startswith("on"):
                found.append(f"<{el.tag} {name}=…>")
            if name in URL_ATTRS and scheme(value) in ("javascript", "data", "vbscript"):
                found.append(f"<{el.tag} {name}={value!r}>")
        if el.tag in ("iframe", "style", "object", "embed"):
            found.append(f"<{el.tag}> element")
        if (el.tag == "script" and "alert(" in el.text
                and el.attrs.get("type") not in DATA_SCRIPTS):
            found.append("a script running alert()")
        if el.in_abstract and el.tag in FORBIDDEN_IN_ABSTRACT:
            found.append(f"<{el.tag}> inside the abstract")
    return found


@dataclass(frozen=True)
class Built:
    project: Path
    output: str
    script_line: int  # line of `<script>` in the English abstract


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = copy_project(tmp_path_factory.mktemp("render") / "project")
    for lang in ("ar", "en"):
        path = project / f"papers/absher/abstract.{lang}.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + ABSTRACT, encoding="utf-8")
    lines = (project / "papers/absher/abstract.en.md").read_text(encoding="utf-8").split("\n")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return Built(project, result.output, lines.index(ATTACKS["script"]) + 1)


@pytest.mark.parametrize("page", ["papers/absher/index.html", "en/papers/absher/index.html"])
def test_attacks_in_an_abstract_never_reach_the_page(attacked: Built, page: str) -> None:
    parsed = parse((attacked.project / "site" / page).read_text(encoding="utf-8"))
    assert dangers(parsed) == []
    # The abstract was rendered (so the test is not vacuous): attacks are visible as text.
    shown = "".join(parsed.abstract_text)
    assert "Plain first paragraph." in shown
    for attack in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe",
                   "<style>", "{onclick=alert(1)}"):
        assert attack in shown, attack
    # No link keeps a dangerous target; the parser leaves such a link as the text written.
    links = [el for el in parsed.elements if el.in_abstract and el.tag == "a"]
    assert all(scheme(el.attrs.get("href", "")) in ("http", "https", "mailto") for el in links)
    assert "[x](javascript:alert(1))" in shown and "[y](JaVaScRiPt:alert(1))" in shown


def test_the_build_warns_about_raw_html_with_file_and_line(attacked: Built) -> None:
    assert re.search(rf"papers/absher/abstract\.en\.md:{attacked.script_line}: warning: "
                     r"contains raw HTML \(`<script>`", attacked.output), attacked.output
    assert "papers/absher/abstract.ar.md:" in attacked.output


def test_raw_html_warning_is_a_warning_not_an_error(project: Path) -> None:
    path = project / "papers/safeer/abstract.en.md"
    path.write_text("Intro.\n\nA `<b>` in code is fine.\n\nBut <b>this</b> is shown as text.\n",
                    encoding="utf-8")
    result = validate(project)
    assert result.ok
    warnings = [p for p in result.problems if p.file == "papers/safeer/abstract.en.md"]
    assert [(p.severity.value, p.line) for p in warnings] == [("warning", 5)]
    assert "`<b>`" in warnings[0].message and "Markdown" in warnings[0].fix


def in_abstract(html: str) -> Page:
    return parse(f'<section class="waqai-abstract">{html}</section>')


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_each_attack_is_neutralised_by_the_renderer(name: str) -> None:
    assert dangers(in_abstract(render_untrusted(f"Before.\n\n{ATTACKS[name]}\n"))) == []


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_each_attack_is_seen_when_nothing_is_sanitised(name: str) -> None:
    """The detector is not blind: plain Python-Markdown (with attr_list) lets each one through."""
    html = markdown.markdown(f"Before.\n\n{ATTACKS[name]}\n", extensions=["attr_list"])
    assert dangers(in_abstract(html))


def test_a_title_cannot_inject_html(project: Path) -> None:
    path = project / "papers/absher/paper.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "  en: \"The Ministry of Interior's experience with e-services: Absher\""
    assert marker in text
    path.write_text(text.replace(marker, '  en: "Absher <img src=x onerror=alert(1)>"'),
                    encoding="utf-8")
    assert run_waqai(project, "build").code == 0
    site = project / "site"
    found = {}
    for page in ("en/papers/absher/", "papers/absher/", "en/sessions/s3-local-experiences/",
                 "en/people/abdulrahman-aljulaifi/"):
        found[page] = dangers(parse((site / page / "index.html").read_text(encoding="utf-8")))
    assert all(not d for d in found.values()), found
