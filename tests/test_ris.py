from __future__ import annotations

import rispy

from factories import citation, citations, make_example_proceedings, make_paper, make_proceedings
from waqai.data.model import Text
from waqai.exports.ris import paper_ris, volume_ris

SITE = "https://proceedings.example.org/csc-2015/"
CONF_AR = "ثقافة خدمة العملاء في القطاع الحكومي"


def _volume(proc=None, form: str = "original") -> list[dict]:
    proc = proc or make_example_proceedings()
    return rispy.loads(volume_ris(citations(proc, form)))


def test_volume_reads_back_one_record_per_item_in_programme_order() -> None:
    records = _volume()
    assert [r["id"] for r in records] == [
        "duwailaa2015improving", "csc2015building", "omari2015ministrya",
        "omari2015ministryb", "rice2015ten",
    ]
    assert {r["type_of_reference"] for r in records} == {"CONF"}


def test_record_fields_read_back() -> None:
    record = _volume()[2]  # labour-services
    assert record == {
        "type_of_reference": "CONF",
        "id": "omari2015ministrya",
        "authors": ["العمري, نايف بن صالح"],
        "title": "خدمات وزارة العمل",
        "secondary_title": CONF_AR,
        "custom3": CONF_AR,
        "place_published": "الرياض",
        "custom1": "الرياض",
        "publisher": "معهد الإدارة العامة",
        "year": "2015/11/17/",
        "date": "2015/11/17/",
        "language": "ar",
        "urls": [f"{SITE}papers/labour-services/"],
        "doi": "10.5555/csc_2015.12",
        "start_page": "12",
        "end_page": "20",
    }
    english = _volume(form="romanised")[2]
    assert english == {
        **record,
        "authors": ["Al-Omari, Nayef bin Saleh"],
        "title": "[The Ministry of Labour's services]",
        "secondary_title": "Customer Service Culture in the Government Sector",
        "custom3": "Customer Service Culture in the Government Sector",
        "place_published": "Riyadh",
        "custom1": "Riyadh",
        "publisher": "Institute of Public Administration",
        "urls": [f"{SITE}en/papers/labour-services/"],
    }


def test_keywords_editors_and_corporate_author() -> None:
    proc = make_example_proceedings(editors=("badr-alomari",))
    records = _volume(proc)
    assert records[0]["keywords"] == ["تجربة المريض", "الرعاية الصحية"]
    assert _volume(proc, "romanised")[0]["keywords"] == ["patient experience", "health care"]
    assert records[0]["secondary_authors"] == ["العُمري, بدر بن عبدالله"]
    assert records[1]["authors"] == ["معهد الإدارة العامة"]  # panel of unnamed experts
    assert records[4]["authors"] == ["رايس, بادي"]


def test_single_paper_record_and_text_layout() -> None:
    proc = make_example_proceedings()
    text = paper_ris(citation(proc, "patient-experience"))
    lines = text.splitlines()
    assert lines[0] == "TY  - CONF"
    assert lines[-1] == "ER  - "
    assert "AU  - الضويلع, حمد بن محمد" in lines
    assert "TI  - تحسين تجربة المريض" in lines
    assert all(line[2:6] == "  - " for line in lines)
    volume = volume_ris(citations(proc))
    assert volume.count("ER  - \n") == 5
    assert "ER  - \n\nTY  - CONF\n" in volume


def test_newlines_in_untrusted_titles_cannot_start_a_new_record() -> None:
    title = Text("عنوان\nER  - \nTY  - JOUR", "Title\r\nAU  - Mallory\u2028end")
    proc = make_proceedings(papers=(make_paper(title=title),))
    records = _volume(proc)
    assert len(records) == 1
    assert records[0]["title"] == "عنوان ER - TY - JOUR"
    assert records[0]["authors"] == ["العمري, نايف بن صالح"]
    [english] = _volume(proc, "romanised")
    assert english["title"] == "[Title AU - Mallory end]"
    assert english["authors"] == ["Al-Omari, Nayef bin Saleh"]
