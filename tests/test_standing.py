"""The published record: a retracted item and an item with errata, built with the example.

A retracted item keeps its page (with a dated notice above its struck-through
title), its DOI and its own citation files, and leaves the volume's citation
files and calendars; an erratum is shown on the page and carried in the note
field of the item's files. Each written file is read back by a parser the
code under test did not write (pybtex, rispy, json, icalendar).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pybtex.database
import pytest
import rispy

from conftest import copy_project, run_waqai
from pdf_files import clean_pdf

RETRACTED, RETRACTED_KEY = "absher", "julaifi2015ministry"
CORRECTED, CORRECTED_KEY = "safeer", "ohali2015ministry"
SESSION = "s3-local-experiences"
PERSON = "abdulrahman-aljulaifi"

STANDING = """status: retracted
notice:
  date: "2025-02-01"
  ar: "سُحب البند لأن الجهة المقدِّمة طلبت ذلك."
  en: "Retracted at the request of the presenting body."
pdf: paper.pdf
"""
ERRATA = """errata:
  - date: "2025-01-10"
    ar: "صُحّح اسم الجهة في الملخص."
    en: "The name of the body in the abstract was corrected."
  - date: "2025-03-05"
    ar: "أضيفت صفحات البحث."
    en: "The pages were added."
"""


def append(project: Path, paper: str, text: str) -> None:
    path = project / "papers" / paper / "paper.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("standing") / "project")
    append(project, RETRACTED, STANDING)
    (project / "papers" / RETRACTED / "paper.pdf").write_bytes(clean_pdf())
    append(project, CORRECTED, ERRATA)
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


def page(site: Path, lang: str, path: str) -> str:
    return (site / ("" if lang == "ar" else "en") / path / "index.html").read_text("utf-8")


def json_ld(html: str) -> dict:
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


@pytest.mark.parametrize(("lang", "heading", "reason", "pdf_label"), [
    ("ar", "مسحوب في", "سُحب البند لأن الجهة المقدِّمة طلبت ذلك.", "النص الكامل كما نُشر قبل سحبه"),
    ("en", "Retracted on", "Retracted at the request of the presenting body.",
     "The full text as published before it was taken back"),
])
def test_the_retracted_page_shows_the_notice_above_a_struck_title(
        site: Path, lang: str, heading: str, reason: str, pdf_label: str) -> None:
    html = page(site, lang, f"papers/{RETRACTED}")
    notice = re.search(r'<div class="admonition danger waqai-notice"[^>]*data-status="retracted"'
                       r'.*?<time datetime="2025-02-01">([^<]*)</time>.*?<p>([^<]*)</p>', html, re.S)
    assert notice, "no dated notice"
    assert notice.group(1).startswith(heading) and "2025" in notice.group(1)
    assert notice.group(2) == reason
    assert notice.start() < html.index("<h1><s>")  # above the title, which is struck through
    assert f">{pdf_label} <bdi>(PDF)</bdi></a>" in html  # linked, but not as the current text
    assert "citation_pdf_url" not in html  # nor named to Scholar as the full text
    ld = json_ld(html)
    assert ld["creativeWorkStatus"] == "Retracted"
    assert ld["correction"] == [{"@type": "CorrectionComment", "datePublished": "2025-02-01",
                                 "text": reason}]


@pytest.mark.parametrize("suffix", ["", ".en"])
def test_the_retracted_item_is_in_no_volume_file_and_keeps_its_own(
        site: Path, suffix: str) -> None:
    bib = pybtex.database.parse_file(site / f"proceedings{suffix}.bib", bib_format="bibtex")
    ris = rispy.loads((site / f"proceedings{suffix}.ris").read_text(encoding="utf-8"))
    csl = json.loads((site / f"proceedings{suffix}.json").read_text(encoding="utf-8"))
    listed = [set(bib.entries), {entry["id"] for entry in ris}, {item["id"] for item in csl}]
    for keys in listed:
        assert RETRACTED_KEY not in keys and CORRECTED_KEY in keys
    assert listed[0] == listed[1] == listed[2]
    own = pybtex.database.parse_file(site / f"papers/{RETRACTED}/{RETRACTED_KEY}{suffix}.bib",
                                     bib_format="bibtex")
    note = own.entries[RETRACTED_KEY].fields["note"]
    assert note.startswith("مسحوب في 2025-02-01: " if suffix == "" else
                           "Retracted on 2025-02-01: ")


def test_the_retracted_item_leaves_the_calendars(site: Path) -> None:
    titles = {lang: re.search(r"<h1><s>(.*?)</s></h1>", page(site, lang, f"papers/{RETRACTED}"))
              .group(1) for lang in ("ar", "en")}
    calendars = [site / "programme.ics", site / "programme.en.ics",
                 site / f"sessions/{SESSION}/{SESSION}.ics",
                 site / f"sessions/{SESSION}/{SESSION}.en.ics"]
    for path in calendars:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        described = " ".join(str(event.get("DESCRIPTION", ""))
                             for event in calendar.walk("VEVENT"))
        assert not any(title.replace("&#39;", "'") in described for title in titles.values())
        assert "Safeer" in described or "سفير" in described  # the session's other items stay


@pytest.mark.parametrize(("lang", "label"), [("ar", "مسحوب"), ("en", "retracted")])
def test_lists_of_items_mark_the_retracted_one(site: Path, lang: str, label: str) -> None:
    person = page(site, lang, f"people/{PERSON}")
    assert re.search(rf'data-paper-id="{RETRACTED}">[^<]*</a>\s*'
                     rf'<strong class="waqai-standing">\({label}\)</strong>', person)
    session = page(site, lang, f"sessions/{SESSION}")
    item = re.search(rf'<li class="waqai-item" data-paper-id="{RETRACTED}">.*?</li>', session,
                     re.S)
    assert item and f'<strong class="waqai-standing">{label}</strong>' in item.group(0)
    other = re.search(rf'<li class="waqai-item" data-paper-id="{CORRECTED}">.*?</li>', session,
                      re.S)
    assert other and "waqai-standing" not in other.group(0)


@pytest.mark.parametrize(("lang", "first", "second"), [
    ("ar", "صُحّح اسم الجهة في الملخص.", "أضيفت صفحات البحث."),
    ("en", "The name of the body in the abstract was corrected.", "The pages were added."),
])
def test_errata_are_on_the_page_and_in_every_file_of_the_item(
        site: Path, lang: str, first: str, second: str) -> None:
    html = page(site, lang, f"papers/{CORRECTED}")
    errata = re.findall(r'<li><time datetime="([\d-]+)">[^<]*</time>: ([^<]*)</li>', html)
    assert errata == [("2025-01-10", first), ("2025-03-05", second)]
    assert "<h1><s>" not in html and "waqai-notice" not in html
    assert [c["datePublished"] for c in json_ld(html)["correction"]] == ["2025-01-10",
                                                                         "2025-03-05"]
    suffix = "" if lang == "ar" else ".en"
    word = "تصويب" if lang == "ar" else "Erratum"
    expected = f"{word} (2025-01-10): {first} {word} (2025-03-05): {second}"
    stem = site / f"papers/{CORRECTED}/{CORRECTED_KEY}{suffix}"
    bib = pybtex.database.parse_file(f"{stem}.bib", bib_format="bibtex")
    assert bib.entries[CORRECTED_KEY].fields["note"] == expected
    [ris] = rispy.loads(Path(f"{stem}.ris").read_text(encoding="utf-8"))
    assert ris["notes"] == [expected]
    [csl] = json.loads(Path(f"{stem}.json").read_text(encoding="utf-8"))
    assert csl["note"] == expected


@pytest.mark.parametrize(("text", "field", "says"), [
    ("status: withdrawn\n", "status", "A withdrawn item needs a notice."),
    ('notice: {date: "2025-02-01", ar: "نص", en: "Text"}\n', "notice",
     "A notice is only for a retracted or withdrawn item"),
    ("status: removed\n", "status", "“removed” is not a known status."),
])
def test_a_standing_without_its_notice_is_refused(project: Path, text: str, field: str,
                                                  says: str) -> None:
    append(project, RETRACTED, text)
    result = run_waqai(project, "check")
    assert result.code == 1
    assert f"papers/{RETRACTED}/paper.yaml" in result.output
    assert field in result.output and says in result.output


# -- versions and attachments --------------------------------------------------------

VERSIONED = "labour-services"
MATERIAL = f"""pdf: paper.pdf
versions:
  - file: paper-v1.pdf
    date: "2015-11-17"
    note: {{ar: "كما قُدّم في المؤتمر", en: "As presented at the conference"}}
  - file: paper.pdf
    date: "2016-01-10"
    note: {{ar: "بعد التصويب", en: "As corrected"}}
attachments:
  - type: slides
    file: slides.pdf
    label: {{ar: "شرائح العرض", en: "The slides"}}
  - type: video
    url: "https://video.example.org/{VERSIONED}"
    label: {{ar: "تسجيل الجلسة", en: "Recording of the talk"}}
errata:
  - date: "2016-01-10"
    ar: "صُحّح الجدول الثاني."
    en: "The second table was corrected."
"""


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("material") / "project")
    append(project, VERSIONED, MATERIAL)
    folder = project / "papers" / VERSIONED
    for name, title in (("paper-v1.pdf", "first"), ("paper.pdf", "second"),
                        ("slides.pdf", "slides")):
        (folder / name).write_bytes(clean_pdf(title=title))
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    return project / "site"


@pytest.mark.parametrize(("lang", "current", "slides", "video"), [
    ("ar", "النسخة الحالية", "شرائح العرض", "تسجيل الجلسة"),
    ("en", "current version", "The slides", "Recording of the talk"),
])
def test_every_version_and_attachment_is_linked_beside_the_page(
        material: Path, lang: str, current: str, slides: str, video: str) -> None:
    folder = material / ("" if lang == "ar" else "en") / "papers" / VERSIONED
    html = (folder / "index.html").read_text(encoding="utf-8")
    versions = re.findall(r'<li( aria-current="true")?><a href="([^"]+)"><time datetime="'
                          r'([\d-]+)">', html)
    assert versions == [(' aria-current="true"', "paper.pdf", "2016-01-10"),
                        ("", "paper-v1.pdf", "2015-11-17")]  # newest first, current marked
    assert f"<strong>({current})</strong>" in html
    assert f'<a href="slides.pdf">{slides}</a>' in html
    assert f'<a href="https://video.example.org/{VERSIONED}" rel="noopener">{video}</a>' in html
    for name in ("paper.pdf", "paper-v1.pdf", "slides.pdf"):
        assert (folder / name).is_file()
    [citation] = re.findall(r'<meta name="citation_pdf_url" content="([^"]+)"', html)
    assert citation.endswith(f"papers/{VERSIONED}/paper.pdf")  # the current one
    ld = json_ld(html)
    assert [(m["@type"], m["name"]) for m in ld["associatedMedia"]] == [
        ("MediaObject", slides), ("VideoObject", video)]
    assert ld["associatedMedia"][0]["contentUrl"].endswith(
        f"{'en/' if lang == 'en' else ''}papers/{VERSIONED}/slides.pdf")
    # The same item's erratum, beside its versions and attachments.
    assert re.search(r'<section class="waqai-errata">.*<time datetime="2016-01-10">', html,
                     re.S)


@pytest.mark.parametrize(("text", "says"), [
    ("versions:\n  - {file: paper-v1.pdf, date: \"2015-11-17\"}\n",
     "The current full text (`pdf`) is not one of the `versions`."),
    ("attachments:\n  - {type: slides, url: \"https://x.example.org/s\", label: {ar: ش, en: S}}\n",
     "A slides attachment has no `url`."),
    ("attachments:\n  - {type: video, label: {ar: ت, en: V}}\n",
     "A video attachment needs a `url`."),
    ("attachments:\n  - {type: code, url: \"http://x.example.org/c\", label: {ar: ش, en: C}}\n",
     "“http://x.example.org/c” does not start with “https://”."),
    ("attachments:\n  - {type: poster, file: poster.pdf, label: {ar: م, en: P}}\n",
     "“poster.pdf” is not a file in papers/labour-services/."),
])
def test_a_version_or_attachment_that_cannot_be_published_is_refused(
        project: Path, text: str, says: str) -> None:
    folder = project / "papers" / VERSIONED
    (folder / "paper-v1.pdf").write_bytes(clean_pdf())
    append(project, VERSIONED, text)
    result = run_waqai(project, "check")
    assert result.code == 1
    assert f"papers/{VERSIONED}/paper.yaml" in result.output and says in result.output
