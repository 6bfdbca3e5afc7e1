from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pybtex.database import parse_string

from conftest import missing
from factories import (
    citation,
    citations,
    make_conference,
    make_example_proceedings,
    make_paper,
    make_person,
    make_proceedings,
)
from waqai.data.model import Text
from waqai.exports.bibtex import (
    escape_latex,
    paper_bibtex,
    unescape_latex,
    volume_bibtex,
    write_bibliography,
)
from waqai.text.braces import validate_bibtex_text

SPECIALS = "& % $ # _ { } ~ ^ \\"
SITE = "https://proceedings.example.org/csc-2015/"


def _bib(proc, form: str = "original") -> str:
    return volume_bibtex(citations(proc, form))


def _field_lines(text: str, name: str) -> list[str]:
    return re.findall(rf"^    {name} = (.*?),?$", text, flags=re.MULTILINE)


def _unbrace(part: str) -> str:
    """Drop the protective braces the writer puts round a name part."""
    return part[1:-1] if part.startswith("{") and part.endswith("}") else part


def test_specials_in_titles_round_trip_exactly() -> None:
    title = Text(f"عنوان {SPECIALS} نهاية", f"Title {SPECIALS} end")
    proc = make_proceedings(papers=(make_paper(title=title),))
    entry = parse_string(_bib(proc), "bibtex").entries["omari2015title"]
    assert unescape_latex(entry.fields["title"]) == title.ar
    text = _bib(proc, "romanised")
    assert unescape_latex(parse_string(text, "bibtex").entries["omari2015title"]
                          .fields["title"]) == f"[{title.en}]"
    # Written as hand-checked LaTeX, each special escaped once.
    assert _field_lines(text, "title") == [
        r"{[Title \& \% \$ \# \_ \{ \} \textasciitilde{} \textasciicircum{} \textbackslash{} end]}"
    ]


def test_reading_back_and_writing_again_gives_the_same_bytes() -> None:
    proc = make_example_proceedings(editors=("nayef-alomari",))
    text = _bib(proc)
    again = write_bibliography(parse_string(text, "bibtex"))
    assert again == text


def test_read_back_gives_the_data() -> None:
    people = (make_person(given="x_y & z", nasab="بن {صالح}", family="A & B, and C ~^"),)
    proc = make_proceedings(people=people, papers=(make_paper(title=Text("ع % ن", "T # i")),))
    entry = parse_string(_bib(proc), "bibtex").entries["omari2015t"]
    person = entry.persons["author"][0]
    first = " ".join(person.first_names + person.middle_names)
    last = " ".join(person.prelast_names + person.last_names)
    assert unescape_latex(_unbrace(first)) == "x_y & z بن {صالح}"
    assert unescape_latex(_unbrace(last)) == "A & B, and C ~^"
    assert unescape_latex(entry.fields["title"]) == "ع % ن"


def test_escape_is_inverted_by_unescape() -> None:
    rng = random.Random(2015)
    alphabet = SPECIALS.replace(" ", "") + "ab ع{}\\textbackslash"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30)))
        text = " ".join(text.split())  # escape_latex collapses whitespace
        assert unescape_latex(escape_latex(text)) == text


def test_arabic_is_written_as_utf8_text() -> None:
    text = _bib(make_example_proceedings())
    assert "title = {تحسين تجربة المريض}" in text
    assert "author = {الضويلع, حمد بن محمد}" in text
    assert "langid = {arabic}" in text
    assert "\\'" not in text and "\\u" not in text


def test_month_is_a_macro_and_the_date_is_the_sessions_day() -> None:
    text = _bib(make_example_proceedings())
    assert _field_lines(text, "month") == ["nov"] * 5  # classic BibTeX prints «11» for 11
    assert _field_lines(text, "year") == ["{2015}"] * 5
    assert _field_lines(text, "date") == ["{2015-11-17}"] * 5
    assert _field_lines(text, "eventdate") == ["{2015-11-17/2015-11-19}"] * 5
    entry = next(iter(parse_string(text, "bibtex").entries.values()))
    assert entry.fields["month"] == "November"  # pybtex expands BibTeX's month macros


def test_url_and_doi_are_never_escaped() -> None:
    paper = make_paper("a_b", doi="10.5555/x_y%z#1&2")
    text = _bib(make_proceedings(papers=(paper,)))
    assert _field_lines(text, "doi") == ["{10.5555/x_y%z#1&2}"]
    assert _field_lines(text, "url") == [f"{{{SITE}papers/a_b/}}"]


def test_fields_of_one_item() -> None:
    proc = make_example_proceedings()
    paper = proc.paper("labour-services")
    text = paper_bibtex(citation(proc, paper.id))
    assert text.startswith("@inproceedings{omari2015ministrya,\n")
    assert text.count("@inproceedings") == 1
    assert _field_lines(text, "author") == ["{العمري, نايف بن صالح}"]  # honorific dropped
    assert _field_lines(text, "title") == ["{خدمات وزارة العمل}"]
    assert _field_lines(text, "langid") == ["{arabic}"]
    assert _field_lines(text, "language") == ["{arabic}"]
    assert _field_lines(text, "booktitle") == ["{ثقافة خدمة العملاء في القطاع الحكومي}"]
    assert _field_lines(text, "eventtitle") == ["{ثقافة خدمة العملاء في القطاع الحكومي}"]
    assert _field_lines(text, "venue") == ["{الرياض}"]  # the city, never the building
    assert _field_lines(text, "address") == ["{الرياض}"]
    assert _field_lines(text, "publisher") == ["{معهد الإدارة العامة}"]
    assert _field_lines(text, "pages") == ["{12--20}"]
    assert _field_lines(text, "doi") == ["{10.5555/csc_2015.12}"]
    assert _field_lines(text, "url") == [f"{{{SITE}papers/labour-services/}}"]
    assert _field_lines(text, "editor") == []
    english = paper_bibtex(citation(proc, paper.id, "romanised"))
    assert english.startswith("@inproceedings{omari2015ministrya,\n")
    assert _field_lines(english, "author") == ["{Al-Omari, Nayef bin Saleh}"]
    assert _field_lines(english, "title") == ["{[The Ministry of Labour's services]}"]
    assert _field_lines(english, "langid") == ["{english}"]
    assert _field_lines(english, "language") == ["{arabic}"]
    assert _field_lines(english, "booktitle") == ["{Customer Service Culture in the Government Sector}"]
    assert _field_lines(english, "venue") == ["{Riyadh}"]
    assert _field_lines(english, "publisher") == ["{Institute of Public Administration}"]
    assert _field_lines(english, "url") == [f"{{{SITE}en/papers/labour-services/}}"]


def test_keywords_as_plain_text_and_no_abstract() -> None:
    """The abstract is in RIS and CSL-JSON, not BibTeX (see exports/bibtex.py)."""
    proc = make_proceedings(papers=(make_paper(
        keywords=(("خدمة", "جودة"), ("service", "quality")),
        abstract=Text("ملخص *مهم*.", "An *important* [abstract](https://x.org/a_b).\n\nTwo.")),))
    entry = parse_string(_bib(proc), "bibtex").entries["omari2015services"]
    assert entry.fields["keywords"] == "خدمة, جودة"
    assert "abstract" not in entry.fields
    entry = parse_string(_bib(proc, "romanised"), "bibtex").entries["omari2015services"]
    assert entry.fields["keywords"] == "service, quality"
    assert "abstract" not in entry.fields

def test_item_without_people_has_the_publisher_as_corporate_author() -> None:
    proc = make_example_proceedings()
    text = paper_bibtex(citation(proc, "panel-building-culture"))
    assert _field_lines(text, "author") == ["{{معهد الإدارة العامة}}"]
    english = paper_bibtex(citation(proc, "panel-building-culture", "romanised"))
    assert _field_lines(english, "author") == ["{{Institute of Public Administration}}"]
    persons = parse_string(text, "bibtex").entries["csc2015building"].persons["author"]
    assert len(persons) == 1
    assert persons[0].first_names == []


def test_editors_when_the_conference_names_them() -> None:
    proc = make_example_proceedings(editors=("badr-alomari", "nayef-alomari"))
    text = paper_bibtex(citation(proc, "ten-strategies"))
    assert _field_lines(text, "editor") == ["{العُمري, بدر بن عبدالله and العمري, نايف بن صالح}"]
    assert _field_lines(text, "author") == ["{رايس, بادي}"]


def test_no_pages_or_doi_fields_when_unknown() -> None:
    text = _bib(make_proceedings())
    assert _field_lines(text, "pages") == [] and _field_lines(text, "doi") == []


@pytest.mark.parametrize(
    ("value", "ok"),
    [("plain", True), ("a {b} c", True), (r"\{x\}", True), ("{", False), ("a}", False),
     ("}{", False), (r"\{", False), ("{{}", False)],
)
def test_validate_bibtex_text(value: str, ok: bool) -> None:
    problem = validate_bibtex_text(value)
    assert (problem is None) is ok
    if not ok:
        assert "brace" in problem


def test_writer_refuses_text_that_would_break_the_file() -> None:
    # An unbalanced title must be rejected by the loader (validate_bibtex_text);
    # the writer refuses it rather than write a file BibTeX cannot read.
    proc = make_proceedings(papers=(make_paper(title=Text("} @misc{x,", "T")),))
    with pytest.raises(ValueError, match="brace"):
        _bib(proc)
    proc = make_proceedings(papers=(make_paper(doi="10.1/{"),))
    with pytest.raises(ValueError, match="brace"):
        _bib(proc)


def test_newlines_in_titles_are_collapsed() -> None:
    proc = make_proceedings(papers=(make_paper(title=Text("سطر\nثان", "Line\n@misc{x,\ny}\n")),))
    entries = parse_string(_bib(proc), "bibtex").entries
    assert list(entries) == ["omari2015line"]
    assert unescape_latex(entries["omari2015line"].fields["title"]) == "سطر ثان"
    entries = parse_string(_bib(proc, "romanised"), "bibtex").entries
    assert list(entries) == ["omari2015line"]
    assert unescape_latex(entries["omari2015line"].fields["title"]) == "[Line @misc{x, y}]"


# --- biber ----------------------------------------------------------------


def _biber_problems(path: Path) -> tuple[int, list[str]]:
    """biber's exit code and its WARN/ERROR lines for `path`.

    `--dieondatamodel` only makes biber exit non-zero on data-model *errors*
    (e.g. a missing mandatory field); a field unknown to the data model is a
    WARN that biber ignores, so warnings count as failures here.
    """
    if shutil.which("biber") is None:
        missing("biber is not installed (apt-get install biber)")
    result = subprocess.run(
        ["biber", "--nolog", "--tool", "--validate-datamodel", "--dieondatamodel",
         "--output-file=/dev/null", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    output = result.stdout + result.stderr
    return result.returncode, [ln for ln in output.splitlines() if re.match(r"(WARN|ERROR) ", ln)]


@pytest.mark.parametrize("form", ["original", "romanised"])
def test_biber_validates_a_volume_like_the_example(form: str, tmp_path: Path) -> None:
    proc = make_example_proceedings(editors=("nayef-alomari",))
    bib = tmp_path / "proceedings.bib"
    bib.write_text(_bib(proc, form), encoding="utf-8")
    assert _biber_problems(bib) == (0, [])


def test_biber_check_catches_an_unknown_field(tmp_path: Path) -> None:
    text = _bib(make_example_proceedings()).replace("eventtitle = ", "translatedtitle = ")
    bib = tmp_path / "bad.bib"
    bib.write_text(text, encoding="utf-8")
    code, problems = _biber_problems(bib)
    assert any("translatedtitle" in line for line in problems)


def test_biber_accepts_specials(tmp_path: Path) -> None:
    conf = make_conference(publisher=Text(f"ناشر {SPECIALS}", "Publisher"))
    proc = make_proceedings(conference=conf, papers=(
        make_paper("p-1", title=Text(f"ع {SPECIALS}", f"T {SPECIALS}")),
        make_paper("p-2", order=2, people=(), title=Text("لجنة", "Panel")),
    ))
    bib = tmp_path / "specials.bib"
    bib.write_text(_bib(proc), encoding="utf-8")
    assert _biber_problems(bib) == (0, [])


def test_entries_written_one_by_one_join_into_the_same_file_as_all_at_once() -> None:
    """volume_bibtex joins per-item texts; that must equal pybtex writing every entry in one go."""
    from pybtex.database import BibliographyData

    from waqai.exports.bibtex import bib_entry, join_entries, paper_bibtex, write_bibliography

    cites = citations(make_example_proceedings())
    all_at_once = write_bibliography(BibliographyData(
        entries=[(cite.key, bib_entry(cite)) for cite in cites]))
    assert join_entries(paper_bibtex(cite) for cite in cites) == all_at_once
    assert volume_bibtex(cites) == all_at_once
