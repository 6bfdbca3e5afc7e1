"""The site's title and address come from papers/conference.yaml alone.

A conference that changes its title and site_url in its own file gets them in
every page title, canonical link, `hreflang` alternate and the sitemap, in both
languages; a mkdocs.yml that still names another title or address is refused,
naming both files.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_waqai

NEW_AR = "مؤتمر تجريبي للاختبار"
NEW_EN = "A test conference"
NEW_URL = "https://conference.test/volume-7/"


def rename(project: Path) -> None:
    path = project / "papers/conference.yaml"
    text = path.read_text(encoding="utf-8")
    text, titles = re.subn(r"^title:\n  ar: .*\n  en: .*\n",
                           f'title:\n  ar: "{NEW_AR}"\n  en: "{NEW_EN}"\n', text, flags=re.M)
    text, urls = re.subn(r"^site_url: .*$", f'site_url: "{NEW_URL}"', text, flags=re.M)
    assert titles == urls == 1
    path.write_text(text, encoding="utf-8")


def test_title_and_address_come_from_the_conference(project: Path) -> None:
    old_url = re.search(r'^site_url: "([^"]+)"',
                        (project / "papers/conference.yaml").read_text(encoding="utf-8"),
                        re.M).group(1)
    rename(project)
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    site = project / "site"
    for page, title in ((site / "index.html", NEW_AR), (site / "en/index.html", NEW_EN),
                        (site / "programme/index.html", NEW_AR),
                        (site / "en/programme/index.html", NEW_EN)):
        html = page.read_text(encoding="utf-8")
        assert re.search(r"<title>[^<]*" + re.escape(title) + r"[^<]*</title>", html), page
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert canonical.startswith(NEW_URL), (page, canonical)
        alternates = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang=', html)
        assert alternates and all(a.startswith(NEW_URL) for a in alternates), page
        assert old_url not in html, page
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert NEW_URL in sitemap and old_url not in sitemap


def test_a_different_address_in_mkdocs_yml_is_refused(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "site_url: https://old.example.org/2015/\n", encoding="utf-8")
    result = run_waqai(project, "build")
    assert result.code == 1
    assert "mkdocs.yml and papers/conference.yaml disagree" in result.output
    assert "https://old.example.org/2015/" in result.output
    assert "Traceback" not in result.output


def test_an_old_english_title_in_the_i18n_options_is_refused(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, count = re.subn(r"(- locale: en\n(\s+)name: English\n)",
                          r"\1\2site_name: An older conference\n", text)
    assert count == 1
    config.write_text(text, encoding="utf-8")
    result = run_waqai(project, "build")
    assert result.code == 1
    assert "An older conference" in result.output and "title.en" in result.output
