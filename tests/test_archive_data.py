"""An archive of volumes (issue 31): its data model, and what `check` says of it.

The archives are made from the example conference (`archive_project.py`): the example
as the volume csc-2015, and a later, smaller volume csc-2016 with two of its items,
sharing one people.yaml. One-volume papers/ are the rest of the suite's business, and
must not change: the tests here only add that an archive is refused where one volume
is read.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archive_project import FIRST, LATER, SITE_URL, line_of, make_archive, rewrite
from conftest import copy_tool, run_waqai
from test_bad_inputs import edit
from waqai.commands.cli import main
from waqai.data.archivecheck import ArchiveValidation, validate_any, validate_archive
from waqai.data.archiveload import is_archive
from waqai.data.checks import Validation, validate
from waqai.data.load import Reads
from waqai.data.model import Role, Text
from waqai.data.problems import Problem

SHARED = "hamad-alduwailaa"  # speaker of patient-experience, in both volumes
FIRST_ONLY = "yousef-alohali"  # speaker of safeer, which the later volume leaves out
NEW_PERSON = """
new-person:
  name: {given: "سالم", family: "الحربي"}
  latin: [{given: "Salem", family: "Al-Harbi"}]
"""


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return make_archive(tmp_path / "archive")  # beside conftest's `project`, if a test has both


def errors(result: ArchiveValidation | Validation) -> list[Problem]:
    return [problem for problem in result.problems if problem.is_error]


def only_error(project: Path) -> Problem:
    result = validate_archive(project)
    assert not result.ok
    found = errors(result)
    assert len(found) == 1, "\n".join(p.format() for p in result.problems)
    return found[0]


# -- a valid archive -------------------------------------------------------------------

def test_two_volumes_and_one_people_file_check(archive: Path) -> None:
    result = validate_archive(archive)
    assert result.ok, "\n".join(p.format() for p in result.problems)
    assert result.problems == []
    assert [volume.id for volume in result.archive.volumes] == [FIRST, LATER]
    checked = run_waqai(archive, "check")
    assert checked.code == 0, checked.output
    assert checked.out == "OK: 2 volumes, 10 items, 12 sessions, 8 people in papers/.\n"
    assert checked.err == ""


def test_each_volume_is_a_whole_proceedings_at_its_own_address(archive: Path) -> None:
    model = validate_archive(archive).archive
    assert model.info.title.en == "Archive of conference proceedings"
    assert model.info.site_url == SITE_URL and model.info.description is None
    first, later = model.volume(FIRST), model.volume(LATER)
    assert first.conference.site_url == f"{SITE_URL}{FIRST}/" == model.volume_url(first)
    assert later.conference.site_url == f"{SITE_URL}{LATER}/"
    assert later.conference.short_name == "CSC-2016" and later.conference.year == 2016
    assert [paper.id for paper in later.proceedings.papers] == ["patient-experience-2016",
                                                                 "absher-2016"]
    # Each volume holds the people it cites, no one else.
    assert len(first.proceedings.people) == len(model.people) == 8
    assert {p.id for p in later.proceedings.people} == {
        SHARED, "abdulrahman-aljulaifi", "mushabab-alqahtani"}


def test_a_person_in_two_volumes_is_one_person_with_items_in_both(archive: Path) -> None:
    model = validate_archive(archive).archive
    person = model.person(SHARED)
    assert model.volume(FIRST).proceedings.person(SHARED) is person
    assert model.volume(LATER).proceedings.person(SHARED) is person
    assert [v.id for v in model.volumes_of(SHARED)] == [FIRST, LATER]
    assert [(item.volume.id, item.paper.id) for item in model.items_of(SHARED)] == [
        (FIRST, "patient-experience"), (LATER, "patient-experience-2016")]
    assert [v.id for v in model.volumes_of(FIRST_ONLY)] == [FIRST]
    # A statement is a tie too, not an item.
    statements = model.links_of("mushabab-alqahtani")
    assert [(found.volume.id, found.link.role) for found in statements] == [
        (FIRST, Role.STATEMENT), (LATER, Role.STATEMENT)]
    assert model.items_of("mushabab-alqahtani") == ()


def test_volumes_are_in_the_order_of_their_dates_then_ids(tmp_path: Path) -> None:
    project = make_archive(tmp_path / "p", later="a-later-volume")  # sorts first by name
    model = validate_archive(project).archive
    assert [v.id for v in model.volumes] == [FIRST, "a-later-volume"]
    assert [item.volume.id for item in model.items_of(SHARED)] == [FIRST, "a-later-volume"]
    # Two volumes of the same dates: by id.
    rewrite(project / "papers/a-later-volume/conference.yaml",
            ('start: "2016-11-15"\n  end: "2016-11-16"', 'start: "2015-11-17"\n  end: "2015-11-19"'))
    rewrite(project / "papers/a-later-volume/sessions.yaml",
            ('day: "2016-11-15"', 'day: "2015-11-17"'))
    model = validate_archive(project).archive
    assert [v.id for v in model.volumes] == ["a-later-volume", FIRST]


# -- the layout's errors ---------------------------------------------------------------

def test_a_volume_without_conference_yaml(archive: Path) -> None:
    (archive / "papers/csc-2017").mkdir()
    (archive / "papers/csc-2017/sessions.yaml").write_text("{}\n", encoding="utf-8")
    problem = only_error(archive)
    assert (problem.file, problem.field) == ("papers/csc-2017/conference.yaml", "")
    assert "every folder of an archive is a volume" in problem.message
    assert "without site_url" in problem.fix and "“_”" in problem.fix


def test_a_folder_starting_with_an_underscore_is_no_volume(archive: Path) -> None:
    (archive / "papers/_drafts").mkdir()
    (archive / "papers/_drafts/notes.txt").write_text("x", encoding="utf-8")
    assert validate_archive(archive).ok


def test_an_item_at_the_top_of_an_archive(archive: Path) -> None:
    shutil.copytree(archive / "papers" / FIRST / "safeer", archive / "papers/safeer")
    problem = only_error(archive)
    assert problem.file == "papers/safeer/conference.yaml"
    assert "move it to papers/<volume-id>/safeer/" in problem.fix


def test_a_people_file_inside_a_volume(archive: Path) -> None:
    shutil.copy2(archive / "papers/people.yaml", archive / "papers" / LATER / "people.yaml")
    problem = only_error(archive)
    assert (problem.file, problem.field) == (f"papers/{LATER}/people.yaml", "")
    assert "Move its entries to papers/people.yaml" in problem.fix


def test_a_conference_file_beside_archive_yaml(archive: Path) -> None:
    shutil.copy2(archive / "papers" / FIRST / "conference.yaml",
                 archive / "papers/conference.yaml")
    problem = only_error(archive)
    assert (problem.file, problem.field) == ("papers/conference.yaml", "")
    assert "beside archive.yaml" in problem.message
    assert "papers/<volume-id>/conference.yaml" in problem.fix and "site_url" in problem.fix


def test_a_site_url_in_a_volume(archive: Path) -> None:
    conference = archive / "papers" / LATER / "conference.yaml"
    conference.write_text(conference.read_text(encoding="utf-8")
                          + 'site_url: "https://elsewhere.example.org/"\n', encoding="utf-8")
    problem = only_error(archive)
    assert (problem.file, problem.field) == (f"papers/{LATER}/conference.yaml", "site_url")
    assert problem.line == line_of(conference, "site_url:")
    assert problem.fix == f"Delete this line; the volume is published at {SITE_URL}{LATER}/."


def test_a_volume_id_is_a_safe_id_and_not_a_reserved_one(archive: Path) -> None:
    (archive / "papers" / LATER).rename(archive / "papers/CSC 2016")
    problem = only_error(archive)
    assert (problem.file, problem.field) == ("papers/CSC 2016/", "")
    assert "is not a valid volume id" in problem.message
    assert problem.fix == "Rename the folder, e.g. to csc-2016/."
    (archive / "papers/CSC 2016").rename(archive / "papers/en")
    problem = only_error(archive)
    assert problem.file == "papers/en/" and "English pages" in problem.message


def test_archive_yaml_needs_a_title_and_a_site_url(archive: Path) -> None:
    path = archive / "papers/archive.yaml"
    edit(path, f'site_url: "{SITE_URL}"', 'site_url: "proceedings.example.org"')
    edit(path, "title: ", "name: ")
    result = validate_archive(archive)
    found = sorted((p.field, p.line) for p in errors(result) if p.file == "papers/archive.yaml")
    assert found == [("name", line_of(path, "name:")),
                     ("site_url", line_of(path, "site_url:")),
                     ("title", line_of(path, "name:"))]  # missing: the mapping's first line
    assert all(p.fix for p in errors(result))


def test_an_archive_without_people_yaml(archive: Path) -> None:
    (archive / "papers/people.yaml").unlink()
    result = validate_archive(archive)
    missing = [p for p in errors(result) if p.file == "papers/people.yaml"]
    assert [p.message for p in missing] == ["is missing."]
    # Each cited person is unknown, and told where people are added: the archive's file.
    unknown = [p for p in errors(result) if "is not a known person id" in p.message]
    assert unknown and all("papers/people.yaml" in p.fix for p in unknown)


# -- what is checked per volume, and what once ---------------------------------------------

def test_a_volume_problem_names_the_volume_file(archive: Path) -> None:
    paper = archive / "papers" / LATER / "absher-2016/paper.yaml"
    edit(paper, "abdulrahman-aljulaifi", "abdulrahman-aljulayfi")
    problem = only_error(archive)
    assert (problem.file, problem.field, problem.line) == (
        f"papers/{LATER}/absher-2016/paper.yaml", "people", line_of(paper, "people:"))
    assert "Did you mean `abdulrahman-aljulaifi`?" in problem.fix
    assert "New person ids are added in papers/people.yaml." in problem.fix


def test_people_yaml_s_own_references_are_checked_once(archive: Path) -> None:
    people = archive / "papers/people.yaml"
    edit(people, "distinct_from: [badr-alomari]", "distinct_from: [badr-alomary]")
    problem = only_error(archive)
    assert (problem.file, problem.field, problem.line) == (
        "papers/people.yaml", "nayef-alomari.distinct_from",
        line_of(people, "  distinct_from: [badr-alomary]"))
    assert "Did you mean `badr-alomari`?" in problem.fix


def test_a_person_no_volume_cites_is_reported_once(archive: Path) -> None:
    people = archive / "papers/people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + NEW_PERSON, encoding="utf-8")
    result = validate_archive(archive)
    assert result.ok
    [warning] = result.problems
    assert (warning.file, warning.field, warning.line) == (
        "papers/people.yaml", "new-person", line_of(people, "new-person:"))
    assert warning.message == "appears in no paper, session or statement of any volume."
    # Cited by one volume only is cited: the later volume does not cite FIRST_ONLY.
    assert FIRST_ONLY not in {p.id for p in result.archive.volume(LATER).proceedings.people}


def test_two_entries_that_may_be_one_person_are_reported_once(archive: Path) -> None:
    people = archive / "papers/people.yaml"
    twin = NEW_PERSON + NEW_PERSON.replace("new-person:", "new-person-twin:")
    people.write_text(people.read_text(encoding="utf-8") + twin, encoding="utf-8")
    for volume, item in ((FIRST, "absher"), (LATER, "absher-2016")):
        edit(archive / "papers" / volume / item / "paper.yaml", "people: [abdulrahman-aljulaifi]",
             "people: [abdulrahman-aljulaifi, new-person, new-person-twin]")
    result = validate_archive(archive)
    assert result.ok
    [warning] = result.problems
    assert (warning.file, warning.field) == ("papers/people.yaml", "new-person-twin")
    assert "may be the same person" in warning.message


def test_an_orcid_given_to_two_people(archive: Path) -> None:
    people = archive / "papers/people.yaml"
    orcid = '  orcid: "0000-0002-1825-0097"\n'
    edit(people, "yousef-alohali:\n", "yousef-alohali:\n" + orcid)
    edit(people, f"{SHARED}:\n", f"{SHARED}:\n" + orcid)
    problem = only_error(archive)
    assert (problem.file, problem.field) == ("papers/people.yaml", "yousef-alohali.orcid")
    lines = people.read_text(encoding="utf-8").splitlines()
    first, second = (n for n, line in enumerate(lines, 1) if line == orcid.rstrip("\n"))
    assert problem.message == (f"“0000-0002-1825-0097” is already the ORCID iD of {SHARED} "
                               f"(line {first}).")
    assert problem.line == second
    assert "keep one entry" in problem.fix and "correct the iD" in problem.fix


def test_an_orcid_given_twice_in_one_volume_too(project: Path) -> None:
    people = project / "papers/people.yaml"
    orcid = '  orcid: "0000-0002-1825-0097"\n'
    edit(people, "yousef-alohali:\n", "yousef-alohali:\n" + orcid)
    edit(people, "nayef-alomari:\n", "nayef-alomari:\n" + orcid)
    [problem] = errors(validate(project))
    assert (problem.file, problem.field) == ("papers/people.yaml", "nayef-alomari.orcid")


def test_a_citation_key_stored_in_two_volumes(archive: Path) -> None:
    later = archive / "papers" / LATER / "absher-2016/paper.yaml"
    edit(later, "key: julaifi2016ministry", "key: Julaifi2015ministry")
    problem = only_error(archive)
    first = f"papers/{FIRST}/absher/paper.yaml"
    assert (problem.file, problem.field, problem.line) == (
        f"papers/{LATER}/absher-2016/paper.yaml", "key", line_of(later, "key:"))
    assert problem.message == (f"“Julaifi2015ministry” is already the key of {first}:"
                               f"{line_of(archive / first, 'key:')} as “julaifi2015ministry” "
                               "(case does not tell keys apart).")
    assert "e.g. `key: Julaifi2015ministrya`" in problem.fix


def test_a_citation_key_twice_in_one_volume_is_reported_once(archive: Path) -> None:
    volume = archive / "papers" / FIRST
    edit(volume / "safeer/paper.yaml", "key: ohali2015ministry", "key: julaifi2015ministry")
    problem = only_error(archive)
    assert problem.file == f"papers/{FIRST}/safeer/paper.yaml"
    assert f"papers/{FIRST}/absher/paper.yaml" in problem.message


def test_a_gap_in_people_yaml_follows_the_policy_of_the_volumes_citing_the_person(
        archive: Path) -> None:
    people = archive / "papers/people.yaml"
    edit(people, '    - {given: "Yousef bin Ahmed", family: "Al-Ohali"}\n'
                 '    - {given: "Yusuf bin Ahmad", family: "Al-Ohali"}\n', "    []\n")
    [gap] = validate_archive(archive).problems
    assert (gap.file, gap.field, gap.is_gap) == ("papers/people.yaml", "yousef-alohali.latin",
                                                 True)
    # The later volume requires translations, but does not cite the person: still a gap.
    edit(archive / "papers" / LATER / "conference.yaml", "translations: welcome",
         "translations: required")
    assert validate_archive(archive).ok
    edit(archive / "papers" / FIRST / "conference.yaml", "translations: welcome",
         "translations: required")
    problem = only_error(archive)
    assert problem.field == "yousef-alohali.latin"
    assert f"(papers/{FIRST}/conference.yaml says `translations: required`" in problem.fix


# -- affiliations on an item ------------------------------------------------------------

AFFILIATION = '{ar: "جامعة الملك سعود", en: "King Saud University"}'


def test_an_item_gives_a_person_the_affiliation_they_gave_on_it(archive: Path) -> None:
    later = archive / "papers" / LATER / "patient-experience-2016/paper.yaml"
    edit(later, f"people: [{SHARED}]", f"people: [{SHARED}]\naffiliations:\n"
                                       f"  {SHARED}: {AFFILIATION}")
    model = validate_archive(archive).archive
    first, second = (model.volume(v).proceedings for v in (FIRST, LATER))
    own = Text("وزارة الصحة", "Ministry of Health")
    assert model.person(SHARED).affiliation == own
    assert first.affiliation_on(first.paper("patient-experience"), SHARED) == own
    paper = second.paper("patient-experience-2016")
    assert paper.affiliations == ((SHARED, Text("جامعة الملك سعود", "King Saud University")),)
    assert second.affiliation_on(paper, SHARED) == Text("جامعة الملك سعود",
                                                        "King Saud University")
    # A person with no affiliation of their own, given none on the item: none.
    absher = second.paper("absher-2016")
    assert second.affiliation_on(absher, "abdulrahman-aljulaifi") is None


def test_affiliations_are_in_the_order_of_people_in_one_volume_too(project: Path) -> None:
    paper = project / "papers/labour-services/paper.yaml"
    edit(paper, "people: [nayef-alomari]", "people: [badr-alomari, nayef-alomari]\n"
         'affiliations:\n  nayef-alomari: {en: "Second"}\n  badr-alomari: {ar: "الأول", en: "First"}')
    result = validate(project)
    assert result.ok, "\n".join(p.format() for p in result.problems)
    [gap] = result.problems  # the second's Arabic is a translation gap, a warning
    assert (gap.file, gap.field, gap.is_gap) == ("papers/labour-services/paper.yaml",
                                                 "affiliations.nayef-alomari.ar", True)
    proc = result.proceedings
    item = proc.paper("labour-services")
    assert item.affiliations == (("badr-alomari", Text("الأول", "First")),
                                 ("nayef-alomari", Text("", "Second")))
    assert proc.affiliation_on(item, "nayef-alomari") == Text("", "Second")


def test_an_affiliation_for_someone_not_of_the_item(project: Path) -> None:
    paper = project / "papers/absher/paper.yaml"
    edit(paper, "people: [abdulrahman-aljulaifi]",
         f"people: [abdulrahman-aljulaifi]\naffiliations:\n  abdulrahman-aljulayfi: {AFFILIATION}"
         f"\n  Not-An-Id: {AFFILIATION}")
    found = sorted((p.field, p.line) for p in errors(validate(project)))
    assert found == [("affiliations.Not-An-Id", line_of(paper, "  Not-An-Id:")),
                     ("affiliations.abdulrahman-aljulayfi",
                      line_of(paper, "  abdulrahman-aljulayfi:"))]
    unknown = next(p for p in errors(validate(project)) if "aljulayfi" in p.field)
    assert unknown.message == ("“abdulrahman-aljulayfi” is not one of the item's people "
                               "(abdulrahman-aljulaifi).")
    assert unknown.fix.startswith("Did you mean `abdulrahman-aljulaifi`?")


# -- init --archive, and the commands that do not read an archive yet ------------------------

def test_init_archive_then_check_fails_only_for_the_first_volume(tmp_path: Path) -> None:
    project = copy_tool(tmp_path / "project")
    started = run_waqai(project, "init", "--archive")
    assert started.code == 0, started.output
    papers = project / "papers"
    assert {p.name for p in papers.iterdir()} == {"archive.yaml", "people.yaml", "README.md",
                                                  "_schema"}
    assert is_archive(papers)
    checked = run_waqai(project, "check")
    assert checked.code == 1
    assert checked.err.splitlines()[0] == "papers/: error: holds no volume yet: each volume of " \
        "an archive is a folder of it, named by the volume's id."
    assert "papers/README.md gives the steps" in checked.err
    assert "1 error(s), 0 warning(s)" in checked.err and "Traceback" not in checked.output
    # The steps of README.md: the example as the first volume, its people in people.yaml.
    example = make_archive(tmp_path / "example")
    shutil.copytree(example / "papers" / FIRST, papers / FIRST)
    shutil.copy2(example / "papers/people.yaml", papers / "people.yaml")
    checked = run_waqai(project, "check")
    assert checked.code == 0, checked.output
    assert checked.out == "OK: 1 volumes, 8 items, 6 sessions, 8 people in papers/.\n"
    # init writes only into an empty folder, an archive's too.
    assert run_waqai(project, "init", "--archive").code == 1


@pytest.mark.parametrize("command", [["serve"], ["book"],
                                     ["deposit", "--depositor", "D", "--email", "d@example.org"]])
def test_commands_for_one_volume_refuse_an_archive(archive: Path, command: list[str],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(command, archive) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"papers/archive.yaml: error: `{command[0]}` works on one volume, and this data folder "
        "is an archive of volumes; this version builds an archive's site (`build`) and checks "
        "it (`check`).\n    fix: Run `python3 build.py build` to build the archive's site, each "
        f"volume at its id. To {command[0]} one conference on its own meanwhile, give it a data "
        "folder of its own, laid out as one volume (conference.yaml with its site_url, "
        "people.yaml, sessions.yaml, its items), and use --data-dir.\n")
    assert not (archive / "site").exists() and not (archive / "out").exists()


def test_new_and_a_volume_on_its_own_are_refused(archive: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "a-new-item"], archive) == 1
    assert "`new` adds items to one volume" in capsys.readouterr().err
    assert not (archive / "papers/a-new-item").exists()
    assert main(["--data-dir", f"papers/{FIRST}", "build"], archive) == 1
    assert capsys.readouterr().err.startswith(
        f"papers/{FIRST}/: error: is a volume of the archive in papers/")


def test_validate_refuses_an_archive_and_dispatch_reads_either(archive: Path,
                                                               project: Path) -> None:
    [refused] = validate(archive).problems
    assert refused.file == "papers/archive.yaml"
    assert isinstance(validate_any(archive), ArchiveValidation) and validate_any(archive).ok
    assert isinstance(validate_any(project), Validation) and validate_any(project).ok
    assert not is_archive(project / "papers")


def test_files_read_before_are_reused_and_agree_with_a_fresh_reading(archive: Path) -> None:
    reads = Reads()
    assert validate_archive(archive, reads=reads).ok
    people = archive / "papers/people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + NEW_PERSON, encoding="utf-8")
    edit(archive / "papers/archive.yaml", SITE_URL, "https://archive.example.org/")
    kept, fresh = validate_archive(archive, reads=reads), validate_archive(archive)
    assert kept.problems == fresh.problems and len(kept.problems) == 1  # new-person, unused
    assert kept.archive == fresh.archive
    # The volumes' conference.yaml did not change, but their address did.
    assert kept.archive.volume(LATER).conference.site_url == \
        f"https://archive.example.org/{LATER}/"


def test_a_doi_given_in_two_volumes_is_reported_in_the_later(archive: Path) -> None:
    first = archive / "papers" / FIRST / "absher/paper.yaml"
    later = archive / "papers" / LATER / "absher-2016/paper.yaml"
    for path in (first, later):
        edit(path, "\nkind: ", '\ndoi: "10.5555/CSC.Absher"\nkind: ')
    problem = only_error(archive)
    assert (problem.file, problem.field, problem.line) == (
        f"papers/{LATER}/absher-2016/paper.yaml", "doi", line_of(later, "doi:"))
    assert f"papers/{FIRST}/absher/paper.yaml:{line_of(first, 'doi:')}" in problem.message


def test_a_volume_doi_given_twice_is_reported_at_the_later_volume(archive: Path) -> None:
    for volume in (FIRST, LATER):
        edit(archive / "papers" / volume / "conference.yaml", "\ntimezone:",
             '\ndoi_prefix: "10.5555"\ndoi_volume_suffix: "csc"\ntimezone:')
    problem = only_error(archive)
    conference = archive / "papers" / LATER / "conference.yaml"
    assert (problem.file, problem.line) == (f"papers/{LATER}/conference.yaml",
                                            line_of(conference, "doi_volume_suffix:"))
    assert f"the volume papers/{FIRST}/" in problem.message
