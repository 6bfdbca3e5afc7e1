"""The benchmark's baseline: the same proceedings as plain, pre-written Markdown.

`write_baseline(dest, project, pages)` reads a (synthetic) project and writes a
plain mkdocs-material project — the project's theme settings, one language pass, no
i18n, no Waqai plugin, no theme overrides — whose pages hold the same text and links
as the real site's: each page of each language becomes a Markdown file, Arabic at
the root and English under `en/`, exactly where the real build puts them, and each
paper's PDF is copied beside its page in both trees (static files MkDocs copies).
When the real build makes more HTML files than this mirror (a page kind the mirror
does not know), plain filler pages make up the difference, so both builds write the
same number of HTML files.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from typing import Any

from waqai.bench.plain import plain_theme, read_config, write_config
from waqai.data.archivecheck import validate_archive
from waqai.data.checks import validate
from waqai.data.model import LANGS, Lang, Paper, Person, Proceedings, Session
from waqai.text.dates import format_date


def baseline_config(project_config: dict[str, Any]) -> dict[str, Any]:
    """The baseline's mkdocs.yml: the project's theme settings (`plain.plain_theme`), one
    language, Material's own search, no i18n and no Waqai plugin."""
    return {"site_name": "Baseline", "site_url": "https://proceedings.example.org/synthetic/",
            "docs_dir": "docs", "site_dir": "site", "theme": plain_theme(project_config),
            "nav": ["index.md", "programme/index.md", "people/index.md", "about.md"],
            "plugins": ["search"]}

HEADINGS = {"abstract": ("الملخص", "Abstract"), "keywords": ("الكلمات المفتاحية", "Keywords"),
            "contributions": ("المشاركات", "Contributions")}


class Mirror:
    """Writes the Markdown pages of one language tree."""

    def __init__(self, proc: Proceedings, docs: Path, lang: Lang,
                 data: Path | None = None) -> None:
        self.proc, self.lang, self.data = proc, lang, data
        self.root = docs if lang == "ar" else docs / lang
        self.written = 0

    def heading(self, key: str) -> str:
        return HEADINGS[key][0 if self.lang == "ar" else 1]

    def page(self, src: str, text: str) -> None:
        path = self.root / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.written += 1

    @staticmethod
    def link(src: str, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(src) or ".")

    def names(self, src: str, people: tuple[Person, ...]) -> str:
        sep = "، " if self.lang == "ar" else ", "
        return sep.join(f"[{p.display_name(self.lang)}]({self.link(src, f'people/{p.id}.md')})"
                        for p in people)

    def item_line(self, src: str, paper: Paper) -> str:
        title = paper.title.get(self.lang)
        return (f"1. [{title}]({self.link(src, f'papers/{paper.id}.md')}) — "
                f"{self.names(src, self.proc.people_of(paper))}")

    def session_block(self, src: str, session: Session, level: str) -> list[str]:
        lines = [f"{level} [{session.title.get(self.lang)}]"
                 f"({self.link(src, f'sessions/{session.id}.md')})", ""]
        lines += [self.item_line(src, p) for p in self.proc.papers_in(session.id)]
        return lines + [""]

    def day_lines(self, src: str, day) -> list[str]:
        lines = []
        for session in self.proc.sessions_on(day):
            lines += self.session_block(src, session, "###")
        return lines

    def copy_pdf(self, paper: Paper) -> list[str]:
        """Copy the paper's PDF beside its page, as a static file, and link it."""
        if not paper.pdf or self.data is None:
            return []
        dest = self.root / "papers" / paper.id / paper.pdf
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.data / paper.id / paper.pdf, dest)
        return [f"[PDF]({paper.id}/{paper.pdf})", ""]

    def write_all(self, docs_text: dict[str, str]) -> None:
        proc, lang = self.proc, self.lang
        for name, text in docs_text.items():
            self.page(name, text)
        for paper in proc.papers:
            src = f"papers/{paper.id}.md"
            session = proc.session(paper.session)
            pdf = self.copy_pdf(paper)
            self.page(src, "\n".join([*pdf,
                f"# {paper.title.get(lang)}", "", self.names(src, proc.people_of(paper)), "",
                f"[{session.title.get(lang)}]({self.link(src, f'sessions/{session.id}.md')})", "",
                f"## {self.heading('abstract')}", "", paper.abstract.get(lang), "",
                f"**{self.heading('keywords')}:** {', '.join(paper.keywords_in(lang))}", ""]))
        for session in proc.sessions:
            src = f"sessions/{session.id}.md"
            chairs = tuple(proc.person(c) for c in session.chairs)
            self.page(src, "\n".join([f"# {session.title.get(lang)}", "",
                                      format_date(session.day, lang), "",
                                      self.names(src, chairs), "",
                                      *[self.item_line(src, p) for p in proc.papers_in(session.id)],
                                      ""]))
        lines = ["# Programme", ""]
        for day in proc.conference.days:
            src = f"programme/{day.isoformat()}.md"
            self.page(src, "\n".join([f"# {format_date(day, lang)}", "",
                                      *self.day_lines(src, day)]))
            lines += [f"## {format_date(day, lang)}", "",
                      *self.day_lines("programme/index.md", day)]
        self.page("programme/index.md", "\n".join(lines))
        index = ["# People", ""]
        for person in proc.people:
            src = f"people/{person.id}.md"
            contributions = [f"- [{link.paper.title.get(lang)}]"
                             f"({self.link(src, f'papers/{link.paper.id}.md')})"
                             for link in proc.links_of(person.id) if link.paper]
            other_name = person.name.alongside(lang)
            self.page(src, "\n".join([f"# {person.display_name(lang)}", "",
                                      other_name,
                                      "", f"## {self.heading('contributions')}", "",
                                      *contributions, ""]))
            index.append(f"- [{person.display_name(lang)}]({self.link('people/index.md', src)})")
        self.page("people/index.md", "\n".join(index) + "\n")


def write_baseline(dest: Path, project: Path, html_pages: int | None = None) -> int:
    """Write the baseline project into `dest`; return how many HTML files it will build.

    `html_pages`, when given, is the real build's count: filler pages are added
    up to it. The count includes Material's 404 page.
    """
    result = validate(project)
    if result.proceedings is None:
        raise ValueError(f"{project} does not validate; cannot mirror it")
    written = write_volume(result.proceedings, dest / "docs", project, project / "papers")
    return finish(dest, project, written, html_pages)


def write_archive_baseline(dest: Path, project: Path, html_pages: int | None = None) -> int:
    """`write_baseline` of a project whose papers/ is an archive: each volume's pages
    under its id, as the archive's site has them, and a home page listing the volumes,
    built by plain Material as one site."""
    archive = validate_archive(project).archive
    if archive is None:
        raise ValueError(f"{project} does not validate; cannot mirror it")
    docs = dest / "docs"
    written = sum(write_volume(volume.proceedings, docs / volume.id, project,
                               project / "papers" / volume.id) for volume in archive.volumes)
    for lang in LANGS:
        home = (docs if lang == "ar" else docs / lang) / "index.md"
        home.parent.mkdir(parents=True, exist_ok=True)
        home.write_text("\n".join([f"# {archive.info.title.get(lang)}", "", *(
            f"- [{v.conference.title.get(lang)}]({v.id}/index.md)" for v in archive.volumes)])
            + "\n", encoding="utf-8")
        written += 1
    return finish(dest, project, written, html_pages, nav=["index.md"])


def write_volume(proc: Proceedings, docs: Path, project: Path, data: Path) -> int:
    """One volume's pages in both languages below `docs`; how many."""
    written = 0
    for lang in LANGS:
        docs_text = {p.name.replace(f".{lang}.md", ".md"): p.read_text(encoding="utf-8")
                     for p in sorted((project / "docs").glob(f"*.{lang}.md"))}
        mirror = Mirror(proc, docs, lang, data)
        mirror.write_all(docs_text)
        written += mirror.written
    return written


def finish(dest: Path, project: Path, written: int, html_pages: int | None,
           nav: list[str] | None = None) -> int:
    """Filler pages up to `html_pages`, and the baseline's mkdocs.yml; the pages it builds."""
    docs = dest / "docs"
    total = written + 1  # 404.html
    for number in range(max(0, (html_pages or 0) - total)):
        path = docs / "filler" / f"page-{number:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Filler {number}\n\nA page that stands for a page kind the mirror "
                        "does not reproduce.\n", encoding="utf-8")
        total += 1
    config = baseline_config(read_config(project / "mkdocs.yml"))
    if nav is not None:
        config["nav"] = nav
    write_config(dest / "mkdocs.yml", config,
                 "Benchmark baseline: plain Material, one language, no i18n, no Waqai plugin.")
    return total
