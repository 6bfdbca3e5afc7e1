"""The synthetic submissions the import tests write into each system's export format.

Plainly synthetic: every title carries «[اصطناعي]» or "[synthetic]", every name is made
up for these tests, every address is at example.org/.net/.com. Nothing here is a real
paper, person or event. The same submissions go into every format, so each importer is
held to the same outcome.

What the set holds on purpose:
- Arabic and English submissions (one language per field, as submission systems have);
- an author of two papers (`AHMED`), spelled the same and with the same e-mail;
- two authors who share a family name but are different people (`AHMED`, `SARA`);
- an author already in people.yaml under another spelling (`KHALID`: the tests first
  add `EXISTING_PERSON` to the copy of the example, spelled «خالد الحربي»; the export
  writes «خالد الحربى», with an alef maksura);
- a rejected submission and a deleted one, which are not imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Author:
    given: str
    family: str
    email: str
    affiliation: str
    country: str
    number: int  # the system's own id of the person (EasyChair's "person #")


@dataclass(frozen=True)
class Submission:
    number: int
    title: str
    abstract: str
    keywords: tuple[str, ...]
    authors: tuple[Author, ...]
    language: str  # "ar" or "en": the language the author wrote it in
    decision: str = "accept"
    deleted: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.decision == "accept" and not self.deleted


AHMED = Author("أحمد", "العتيبي", "ahmed.alotaibi@example.org", "جامعة اصطناعية", "SA", 1)
SARA = Author("سارة", "العتيبي", "sara.alotaibi@example.net", "معهد اصطناعي", "SA", 2)
NOUR = Author("Nour", "Haddad", "nour.haddad@example.com", "Synthetic University", "JO", 3)
KHALID = Author("خالد", "الحربى", "khalid.alharbi@example.org", "جامعة اصطناعية", "SA", 4)
LINA = Author("Lina", "Saber", "lina.saber@example.com", "Synthetic Institute", "EG", 5)

# The person the tests add to the example's people.yaml before importing: KHALID,
# spelled with a final yaa and with a Latin spelling of his own.
EXISTING_PERSON_ID = "khalid-alharbi"
EXISTING_PERSON = f"""
{EXISTING_PERSON_ID}:
  # Synthetic: added by the import tests.
  name: {{given: "خالد", family: "الحربي"}}
  latin:
    - {{given: "Khalid", family: "Alharbi"}}
"""

SUBMISSIONS: tuple[Submission, ...] = (
    Submission(
        1, "[اصطناعي] قياس رضا المستفيدين عن الخدمات الحكومية الإلكترونية",
        "تقيس هذه الدراسة الاصطناعية رضا المستفيدين عن الخدمات الإلكترونية.\n\n"
        "وتقترح مؤشرات لقياسه في الأجهزة الحكومية.",
        ("رضا المستفيدين", "الخدمات الإلكترونية"), (AHMED, SARA), "ar"),
    Submission(
        2, "[synthetic] Queue design in municipal service centres",
        "This synthetic study compares queue designs in service centres.",
        ("queues", "service centres"), (NOUR, AHMED), "en"),
    Submission(
        3, "[اصطناعي] تدريب موظفي الخطوط الأمامية على ثقافة الخدمة",
        "تستعرض الورقة الاصطناعية برنامجًا لتدريب موظفي الخطوط الأمامية.",
        ("التدريب",), (KHALID,), "ar"),
    Submission(
        4, "[synthetic] Complaint handling across channels",
        "This synthetic paper reviews how complaints move between channels.",
        ("complaints",), (LINA,), "en"),
    Submission(
        5, "[synthetic] A rejected submission", "Not accepted.", (), (LINA,), "en",
        decision="reject"),
    Submission(
        6, "[synthetic] A deleted submission", "Deleted by its author.", (), (NOUR,), "en",
        deleted=True),
)


def accepted() -> list[Submission]:
    return [s for s in SUBMISSIONS if s.accepted]
