"""Synthetic proceedings of any size, for benchmarks and scale tests.

`write_synthetic(dest, papers)` writes a complete project folder — the editors'
files in `papers/` exactly as an editor would write them (the about notes
included; the home and about pages are generated from them), a copy of the
repository's `overrides/` and its `mkdocs.yml` — so the folder builds with the
project's real configuration.

It is deliberately another conference than the built-in example: another city
and IANA time zone (Muscat, `Asia/Muscat`, UTC+4), other dates (October 2024,
with their Hijri dates computed), timed sessions in named rooms, and a small
generated PDF for the first few papers (`pdfs`). CI runs the test suite on it
a second time, so nothing may depend on the example's facts.

Everything is drawn from one seeded `random.Random`, so the same seed gives the
same bytes. Every title carries the marker «[اصطناعي]» / "[synthetic]": nothing
here may be mistaken for a real paper, person or event. The text is word salad
from a small vocabulary, sized like real titles (8–14 words) and abstracts
(120–250 words).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from waqai.bench.pdf import minimal_pdf
from waqai.data.model import Proceedings
from waqai.text.dates import to_hijri

MARK_AR = "[اصطناعي]"
MARK_EN = "[synthetic]"
REPO_ROOT = Path(__file__).resolve().parents[3]
START_DAY = dt.date(2024, 10, 13)  # a Sunday, the first day of Oman's working week
TIMEZONE = "Asia/Muscat"
CITY = ("مسقط", "Muscat")
COUNTRY = ("سلطنة عمان", "Oman")
MAX_DAYS = 5
ITEMS_PER_SESSION = (8, 12)  # paper sessions hold about ten items
SLOTS_PER_DAY = 4  # parallel sessions share these time slots, one room each
MIN_ROOMS = 2  # even a small volume has parallel sessions
SLOT_TIMES = (("08:30", "10:00"), ("10:20", "11:50"), ("12:15", "13:45"), ("16:00", "17:30"))
PDF_FILE = "paper.pdf"
FULL_TEXT_PAGES = 4  # pages of each generated PDF: small, and more than one
PDFS = 3  # papers given a generated PDF by default (the tests); the benchmark gives every paper one

# -- vocabulary ----------------------------------------------------------------
# Nouns and adjectives from public administration; grammar is not the point.
AR_NOUNS = (
    "الخدمة", "الجودة", "الرضا", "المستفيد", "الإدارة", "التنظيم", "الحوكمة", "الثقافة",
    "الأداء", "القياس", "المؤشرات", "التحول", "الرقمنة", "البيانات", "الموظف", "القيادة",
    "التدريب", "الابتكار", "الشفافية", "المساءلة", "الكفاءة", "الفاعلية", "التخطيط",
    "الاستراتيجية", "المعرفة", "التواصل", "الشراكة", "الأنظمة", "الإجراءات", "التقنية",
    "المنصات", "التطبيقات", "الاستجابة", "الشكاوى", "المقترحات", "التجربة", "الرحلة",
    "القنوات", "المراكز", "الأجهزة", "البلديات", "الوزارات", "الموارد", "الميزانية",
    "المخاطر", "الامتثال", "التميز", "التقييم", "المراجعة", "السياسات",
)
AR_ADJECTIVES = (
    "الحكومية", "الإلكترونية", "الرقمية", "المتكاملة", "المستدامة", "الفعالة", "الحديثة",
    "المؤسسية", "البشرية", "التنظيمية", "الإدارية", "الوطنية", "المحلية", "الدولية",
    "الذكية", "الموحدة", "المتميزة", "الشاملة", "المرنة", "الاستباقية",
)
AR_LINKS = ("في", "من", "على", "نحو", "عبر", "لدى", "بين", "و")
AR_VERBS = (
    "تناقش", "تستعرض", "تقترح", "تحلل", "تقيس", "تقارن", "تبين", "ترصد", "تختبر", "تقدم",
)
AR_OPENERS = ("هذه الدراسة", "الورقة", "البحث", "النموذج المقترح", "النتائج", "العينة")

EN_NOUNS = (
    "service", "quality", "satisfaction", "citizen", "administration", "organisation",
    "governance", "culture", "performance", "measurement", "indicators", "transformation",
    "digitisation", "data", "staff", "leadership", "training", "innovation", "transparency",
    "accountability", "efficiency", "effectiveness", "planning", "strategy", "knowledge",
    "communication", "partnership", "systems", "procedures", "technology", "platforms",
    "applications", "response", "complaints", "feedback", "experience", "journey", "channels",
    "centres", "agencies", "municipalities", "ministries", "resources", "budgets", "risk",
    "compliance", "excellence", "evaluation", "review", "policy",
)
EN_ADJECTIVES = (
    "government", "electronic", "digital", "integrated", "sustainable", "effective", "modern",
    "institutional", "human", "organisational", "administrative", "national", "local",
    "international", "smart", "unified", "outstanding", "comprehensive", "flexible",
    "proactive",
)
EN_LINKS = ("of", "in", "for", "and", "through", "across", "within", "towards")
EN_VERBS = (
    "discusses", "reviews", "proposes", "analyses", "measures", "compares", "shows",
    "tracks", "tests", "presents",
)
EN_OPENERS = ("This study", "The paper", "The research", "The proposed model", "The findings",
              "The sample")

# Names: (Arabic, Latin). Sixty given and sixty family names make 3,600
# given + family pairs, each used once before any recurs (see Writer.people).
GIVEN = (
    ("أحمد", "Ahmed"), ("محمد", "Mohammed"), ("عبدالله", "Abdullah"), ("خالد", "Khalid"),
    ("سعد", "Saad"), ("فهد", "Fahad"), ("نايف", "Nayef"), ("بدر", "Badr"), ("يوسف", "Yousef"),
    ("إبراهيم", "Ibrahim"), ("عمر", "Omar"), ("علي", "Ali"), ("حسن", "Hassan"),
    ("سلمان", "Salman"), ("ماجد", "Majed"), ("تركي", "Turki"), ("سلطان", "Sultan"),
    ("ناصر", "Nasser"), ("عادل", "Adel"), ("هشام", "Hisham"), ("وليد", "Waleed"),
    ("طارق", "Tariq"), ("زياد", "Ziyad"), ("منصور", "Mansour"), ("راشد", "Rashid"),
    ("صالح", "Saleh"), ("حمد", "Hamad"), ("مشعل", "Mishal"), ("فيصل", "Faisal"),
    ("عبدالرحمن", "Abdulrahman"), ("نورة", "Noura"), ("سارة", "Sarah"), ("هند", "Hind"),
    ("ريم", "Reem"), ("لطيفة", "Latifa"), ("منى", "Mona"), ("أمل", "Amal"), ("هيفاء", "Haifa"),
    ("دلال", "Dalal"), ("عبير", "Abeer"), ("غادة", "Ghada"), ("مها", "Maha"), ("نوف", "Nouf"),
    ("جواهر", "Jawaher"), ("العنود", "Alanoud"), ("شهد", "Shahad"), ("رهف", "Rahaf"),
    ("لمى", "Lama"), ("أسماء", "Asma"), ("فاطمة", "Fatimah"), ("مريم", "Maryam"),
    ("خديجة", "Khadija"), ("عائشة", "Aisha"), ("حصة", "Hessa"), ("وفاء", "Wafa"),
    ("ندى", "Nada"), ("رنا", "Rana"), ("بشرى", "Bushra"), ("إيمان", "Iman"), ("سمر", "Samar"),
)
FATHERS = GIVEN[:30]  # the nasab names a father, so only the men's names
FAMILY = (
    ("العتيبي", "Alotaibi"), ("الشمري", "Alshammari"), ("الدوسري", "Aldosari"),
    ("الزهراني", "Alzahrani"), ("الغامدي", "Alghamdi"), ("المطيري", "Almutairi"),
    ("الحربي", "Alharbi"), ("السبيعي", "Alsubaie"), ("العنزي", "Alanazi"), ("الشهري", "Alshehri"),
    ("الأحمدي", "Alahmadi"), ("البقمي", "Albaqami"), ("الرشيدي", "Alrashidi"),
    ("السهلي", "Alsahli"), ("الجهني", "Aljuhani"), ("العمراني", "Alomrani"),
    ("الخالدي", "Alkhalidi"),
    ("الفيفي", "Alfaifi"), ("المالكي", "Almalki"), ("الثبيتي", "Althubaiti"),
    ("البلوي", "Albalawi"), ("الرويلي", "Alruwaili"), ("الشريف", "Alsharif"),
    ("العسيري", "Alasiri"), ("القرني", "Alqarni"), ("الزامل", "Alzamil"), ("السديري", "Alsudairi"),
    ("الراجحي", "Alrajhi"), ("الخثلان", "Alkhathlan"), ("التويجري", "Altuwaijri"),
    ("الحميدي", "Alhumaidi"), ("النعيمي", "Alnuaimi"), ("الكثيري", "Alkathiri"),
    ("المري", "Almarri"), ("الهاجري", "Alhajri"), ("العجمي", "Alajmi"), ("اليامي", "Alyami"),
    ("الصقير", "Alsuqair"), ("الفوزان", "Alfawzan"), ("الحقيل", "Alhuqail"),
    ("البسام", "Albassam"), ("الجبر", "Aljabr"), ("المنيع", "Almanea"), ("السالم", "Alsalem"),
    ("الدخيل", "Aldakheel"), ("العيسى", "Aleissa"), ("الحمدان", "Alhamdan"),
    ("الغنام", "Alghannam"), ("الملحم", "Almulhim"), ("العمير", "Alomair"),
    ("الشثري", "Alshathri"), ("الصالح", "Alsaleh"), ("الراشد", "Alrashed"),
    ("المحيسن", "Almuhaisen"), ("الدريس", "Aldrees"), ("القاسم", "Alqasim"),
    ("العقيل", "Alaqeel"), ("الموسى", "Almousa"), ("الناصر", "Alnasser"), ("الحسن", "Alhassan"),
)
HONORIFICS = ("أ.", "د.", "م.", "")


@dataclass
class Plan:
    """The volume before it is written: ids and people per item, sessions per day."""

    people: int
    items: list[dict] = field(default_factory=list)  # kind, session, order, slots, people
    sessions: list[dict] = field(default_factory=list)  # kind, chairs, day, order
    days: int = 1


class Writer:
    """Draws every value from one seeded random source, in a fixed order."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    # -- text ----------------------------------------------------------------
    def _phrase_ar(self, words: int) -> list[str]:
        out: list[str] = []
        while len(out) < words:
            out.append(self.rng.choice(AR_NOUNS))
            if len(out) < words and self.rng.random() < 0.6:
                out.append(self.rng.choice(AR_ADJECTIVES))
            if len(out) < words - 1:
                out.append(self.rng.choice(AR_LINKS))
        return out[:words]

    def _phrase_en(self, words: int) -> list[str]:
        out: list[str] = []
        while len(out) < words:
            if self.rng.random() < 0.6:
                out.append(self.rng.choice(EN_ADJECTIVES))
            out.append(self.rng.choice(EN_NOUNS))
            if len(out) < words - 1:
                out.append(self.rng.choice(EN_LINKS))
        return out[:words]

    def title(self) -> tuple[str, str]:
        ar = " ".join(self._phrase_ar(self.rng.randint(7, 13)))
        en = " ".join(self._phrase_en(self.rng.randint(8, 14)))
        return f"{MARK_AR} {ar}", f"{MARK_EN} {en[0].upper()}{en[1:]}"

    def _sentence_ar(self) -> str:
        return " ".join([self.rng.choice(AR_OPENERS), self.rng.choice(AR_VERBS),
                         *self._phrase_ar(self.rng.randint(8, 18))]) + "."

    def _sentence_en(self) -> str:
        return " ".join([self.rng.choice(EN_OPENERS), self.rng.choice(EN_VERBS),
                         *self._phrase_en(self.rng.randint(9, 20))]) + "."

    def abstract(self) -> tuple[str, str]:
        paragraphs = self.rng.choice((1, 2, 2, 3))
        ar, en = [], []
        for _ in range(paragraphs):
            ar.append(" ".join(self._sentence_ar() for _ in range(self.rng.randint(3, 6))))
            en.append(" ".join(self._sentence_en() for _ in range(self.rng.randint(3, 6))))
        # One emphasised term, as editors write them: exercises the Markdown path.
        en[0] = en[0].replace(" service ", " *service* ", 1)
        return "\n\n".join(ar) + "\n", "\n\n".join(en) + "\n"

    def keywords(self) -> tuple[list[str], list[str]]:
        count = self.rng.randint(3, 5)
        ar = self.rng.sample(AR_NOUNS, count)
        en = self.rng.sample(EN_NOUNS, count)
        return ar, en

    # -- structure -------------------------------------------------------------
    def plan(self, papers: int) -> Plan:
        """Sessions of about ten items, a keynote and a panel now and then, over 1–5 days."""
        items: list[dict] = []
        sessions: list[dict] = []
        while len(items) < papers:
            index = len(sessions)
            kind = ("keynote" if index % 12 == 0 else "panel" if index % 12 == 6
                    else "paper-session")
            size = 1 if kind != "paper-session" else self.rng.randint(*ITEMS_PER_SESSION)
            size = min(size, papers - len(items))
            item_kind = {"keynote": "keynote", "panel": "panel"}.get(kind, "paper")
            sessions.append({"kind": kind, "chairs": []})
            for order in range(1, size + 1):
                if kind == "keynote":
                    authors = 1
                elif kind == "panel":
                    authors = self.rng.randint(3, 4)
                else:
                    authors = self.rng.choices((1, 2, 3, 4), weights=(3, 4, 2, 1))[0]
                items.append({"kind": item_kind, "session": index, "order": order,
                              "slots": authors, "people": []})
        days = max(1, min(MAX_DAYS, math.ceil(len(sessions) / 4)))
        per_day = math.ceil(len(sessions) / days)
        for index, session in enumerate(sessions):
            day, order = divmod(index, per_day)
            session.update(day=day, order=order + 1)
        plan = Plan(people=0, items=items, sessions=sessions, days=days)
        self._cast(plan, papers)
        return plan

    def _cast(self, plan: Plan, papers: int) -> None:
        """Give every slot a person: each person at least once, a few people many times."""
        slots: list[list[int]] = []  # one entry per seat; an item's seats share its list
        for item in plan.items:
            slots.extend([item["people"]] * item["slots"])
        for session in plan.sessions:
            if session["kind"] == "paper-session":
                slots.append(session["chairs"])
        count = max(1, min(round(papers * 1.2), len(slots)))
        plan.people = count
        order = list(range(len(slots)))
        self.rng.shuffle(order)
        for person, slot in enumerate(order[:count]):  # everyone once …
            slots[slot].append(person)
        prolific = max(1, count // 10)
        for slot in order[count:]:  # … and the other slots half to a prolific tenth
            target = slots[slot]
            if len(target) >= count:
                continue
            while True:
                pool = prolific if self.rng.random() < 0.5 else count
                person = self.rng.randrange(pool)
                if person not in target:
                    break
            target.append(person)

    def people(self, count: int) -> list[dict]:
        """`count` people with distinct full names.

        Given + family name is what the checks compare to flag a possible
        duplicate entry. Pairs are used once each while they last; past that (a
        very large volume), a name recurs with another father and the entries
        say `distinct_from`, as an editor would write for two real namesakes.
        """
        pairs = len(GIVEN) * len(FAMILY)
        order = self.rng.sample(range(pairs), pairs)
        fathers = [self.rng.randrange(len(FATHERS)) for _ in range(pairs)]
        namesakes: dict[int, list[str]] = {}
        out = []
        for number in range(1, count + 1):
            rank, slot = divmod(number - 1, pairs)
            pair = order[slot]
            given, family = divmod(pair, len(FAMILY))
            father = (fathers[slot] + rank) % len(FATHERS)
            g_ar, g_en = GIVEN[given]
            f_ar, f_en = FATHERS[father]
            fam_ar, fam_en = FAMILY[family]
            woman = given >= len(FATHERS)
            link_ar, link_en = ("بنت", "bint") if woman else ("بن", "bin")
            person: dict[str, Any] = {
                "id": f"{g_en}-{fam_en}-{number}".lower(),
                "honorific": self.rng.choice(HONORIFICS),
                "given": g_ar, "nasab": f"{link_ar} {f_ar}", "family": fam_ar,
                "latin": [(f"{g_en} {link_en} {f_en}", fam_en)],
                "distinct_from": list(namesakes.get(pair, ())),
            }
            namesakes.setdefault(pair, []).append(person["id"])
            if self.rng.random() < 0.2:  # a second spelling, as editors often keep
                person["latin"].append((f"{g_en} {link_en} {f_en}", fam_en.replace("Al", "Al-", 1)))
            if self.rng.random() < 0.5:
                inst = self.rng.randint(1, 40)
                person["affiliation"] = (f"مؤسسة اصطناعية رقم {inst}",
                                         f"Synthetic Institute No. {inst}")
            out.append(person)
        return out


# -- writing files ---------------------------------------------------------------

def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def text_yaml(pair: tuple[str, str]) -> str:
    return f"{{ar: {q(pair[0])}, en: {q(pair[1])}}}"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


@dataclass(frozen=True)
class VolumeStyle:
    """What sets one volume of a synthetic archive apart from the others: its number
    (in its short name, keys and DOIs) and its year; `None` is a one-volume project."""

    number: int

    @property
    def start(self) -> dt.date:
        """A year before the next volume: the archive's volumes are yearly."""
        return START_DAY.replace(year=START_DAY.year - 40 + self.number)


def conference_yaml(papers: int, days: int, editors: list[str],
                    volume: VolumeStyle | None = None) -> str:
    start = volume.start if volume else START_DAY
    end = start + dt.timedelta(days=days - 1)
    h_start, h_end = to_hijri(start), to_hijri(end)
    title = (f"{MARK_AR} وقائع اصطناعية لقياس الأداء",
             f"{MARK_EN} Synthetic proceedings for benchmarking")
    if volume:
        title = (f"{title[0]}: المجلد {volume.number}", f"{title[1]}: volume {volume.number}")
    short_name = f"SYN-V{volume.number:02d}" if volume else f"SYN-{papers}"
    # A volume of an archive has the archive's address, not one of its own.
    site_url = [] if volume else ["site_url: \"https://proceedings.example.org/synthetic/\""]
    about_ar = f"وقائع اصطناعية فيها {papers} مشاركة، وُلّدت آليًا لقياس سرعة البناء."
    about_en = f"Machine-generated proceedings with {papers} items, made to measure build speed."
    return "\n".join([
        "# Synthetic proceedings for benchmarks: no real paper, person or event.",
        f"title: {text_yaml(title)}",
        f"short_name: \"{short_name}\"",
        "description:",
        f"  ar: {q(about_ar)}",
        f"  en: {q(about_en)}",
        "organisers:",
        f"  - role: {text_yaml(('تعقده', 'Held by'))}",
        f"    name: {text_yaml(('جمعية اصطناعية', 'A synthetic society'))}",
        f"venue: {text_yaml(('قاعة اصطناعية', 'A synthetic hall'))}",
        f"city: {text_yaml(CITY)}",
        f"country: {text_yaml(COUNTRY)}",
        "dates:",
        f"  start: \"{start.isoformat()}\"",
        f"  end: \"{end.isoformat()}\"",
        f"  hijri_start: \"{h_start.year:04d}-{h_start.month:02d}-{h_start.day:02d}\"",
        f"  hijri_end: \"{h_end.year:04d}-{h_end.month:02d}-{h_end.day:02d}\"",
        f"timezone: {q(TIMEZONE)}",
        f"publisher: {text_yaml(('جمعية اصطناعية', 'A synthetic society'))}",
        *site_url,
        # Crossref's test prefix: the items with no stated DOI get one from the default pattern.
        "doi_prefix: \"10.5555\"",
        "themes:",
        f"  - {text_yaml(('جودة الخدمات الحكومية', 'Quality of government services'))}",
        f"  - {text_yaml(('التحول الرقمي', 'Digital transformation'))}",
        f"editors: [{', '.join(editors)}]",
        "",
    ])


def people_yaml(people: list[dict]) -> str:
    lines = ["# Synthetic people: every name is generated, none is a real person.", ""]
    for person in people:
        name = [f"given: {q(person['given'])}", f"nasab: {q(person['nasab'])}",
                f"family: {q(person['family'])}"]
        if person["honorific"]:
            name.insert(0, f"honorific: {q(person['honorific'])}")
        lines.append(f"{person['id']}:")
        lines.append(f"  name: {{{', '.join(name)}}}")
        lines.append("  latin:")
        for given, family in person["latin"]:
            lines.append(f"    - {{given: {q(given)}, family: {q(family)}}}")
        if "affiliation" in person:
            lines.append(f"  affiliation: {text_yaml(person['affiliation'])}")
        if person["distinct_from"]:
            lines.append(f"  distinct_from: [{', '.join(person['distinct_from'])}]")
        lines.append("")
    return "\n".join(lines)


def sessions_yaml(plan: Plan, ids: list[str], titles: list[tuple[str, str]],
                  people: list[str], start: dt.date = START_DAY) -> str:
    per_day = math.ceil(len(plan.sessions) / plan.days)
    rooms = max(MIN_ROOMS, math.ceil(per_day / SLOTS_PER_DAY))
    lines = ["# Synthetic sessions for benchmarks.", ""]
    for session, sid, title in zip(plan.sessions, ids, titles):
        slot, room = divmod(session["order"] - 1, rooms)
        begins, ends = SLOT_TIMES[min(slot, len(SLOT_TIMES) - 1)]
        day = start + dt.timedelta(days=session["day"])
        lines += [f"{sid}:", f"  kind: {session['kind']}", f"  title: {text_yaml(title)}",
                  f"  day: \"{day.isoformat()}\"", f"  order: {session['order']}",
                  f"  start: \"{begins}\"", f"  end: \"{ends}\"",
                  f"  room: {text_yaml(room_name(room))}"]
        if session["chairs"]:
            lines.append(f"  chairs: [{', '.join(people[p] for p in session['chairs'])}]")
        lines.append("")
    return "\n".join(lines)


def room_name(index: int) -> tuple[str, str]:
    """The name of the room of parallel session `index` (0, 1, …) of a time slot."""
    return f"{MARK_AR} قاعة {index + 1}", f"{MARK_EN} Hall {index + 1}"


def paper_pdf(pid: str, title_en: str, pages: str) -> bytes:
    """The paper's PDF: a first page that says what it is, and `FULL_TEXT_PAGES` - 1
    more (the book lays each under its own running head)."""
    return minimal_pdf([MARK_EN, f"Synthetic paper {pid}, pages {pages}.", "",
                        *textwrap.wrap(title_en, 70),
                        "", "Generated by waqai.bench.synthetic; not a real paper."],
                       title_en,
                       more_pages=[[MARK_EN, f"Synthetic paper {pid}, page {n}."]
                                   for n in range(2, FULL_TEXT_PAGES + 1)])


def paper_yaml(pid: str, session_id: str, item: dict, title: tuple[str, str],
               people: list[str], keywords: tuple[list[str], list[str]], pages: str,
               pdf: bool = False, volume: VolumeStyle | None = None) -> str:
    # Stored, as in a published volume: "synthetic", the volume's number in an archive
    # (keys and DOIs are the archive's), and the item's (paper-00042).
    number = pid.rsplit("-", 1)[1]
    tag = f"v{volume.number:02d}" if volume else ""
    lines = [f"id: {pid}", f"key: synthetic{tag}{number}", f"session: {session_id}",
             f"order: {item['order']}",
             f"kind: {item['kind']}", "title:", f"  ar: {q(title[0])}", f"  en: {q(title[1])}",
             f"people: [{', '.join(people)}]", "keywords:",
             f"  ar: [{', '.join(q(k) for k in keywords[0])}]",
             f"  en: [{', '.join(q(k) for k in keywords[1])}]"]
    if item["kind"] == "paper":
        lines += [f"pages: \"{pages}\"",
                  f"doi: \"10.5555/synthetic.{tag + '.' if tag else ''}{pid}\""]
    if pdf:
        lines.append(f"pdf: {PDF_FILE}")
    return "\n".join(lines) + "\n"


# papers/about.<lang>.md: the editors' notes, shown on the generated about page.
ABOUT_NOTES = {
    "ar": "{mark} وقائع اصطناعية فيها {papers} مشاركة في {sessions} جلسة، وُلّدت بالأمر "
          "`python3 build.py bench` لقياس سرعة بناء الموقع. العناوين والأسماء والملخصات كلها "
          "كلمات مختارة عشوائيًا من مفردات صغيرة، ولا يصف شيء هنا بحثًا أو شخصًا حقيقيًا.\n",
    "en": "{mark_en} Synthetic proceedings with {papers} items in {sessions} sessions, generated "
          "by `python3 build.py bench` to measure how fast the site builds. Every title, name "
          "and abstract is drawn at random from a small vocabulary; nothing here describes a "
          "real paper or person.\n",
}


def write_synthetic(dest: Path, papers: int, seed: int = 2015, *,
                    template_root: Path = REPO_ROOT, pdfs: int = PDFS) -> None:
    """Write a complete synthetic project with `papers` items into `dest` (created).

    `template_root` supplies `mkdocs.yml` and `overrides/` (the repository by default).
    The first `pdfs` items of kind paper get a PDF (made without drawing on the
    seeded random source, so the rest of the volume is the same whatever `pdfs` is).
    """
    if papers < 1:
        raise ValueError("papers must be at least 1")
    writer = Writer(seed)
    plan = writer.plan(papers)
    people = writer.people(plan.people)
    data = dest / "papers"
    data.mkdir(parents=True, exist_ok=True)
    write(data / "people.yaml", people_yaml(people))
    write_volume(data, writer, plan, [person["id"] for person in people], pdfs)
    write_tool(dest, template_root)


def write_volume(data: Path, writer: Writer, plan: Plan, people: list[str], pdfs: int,
                 volume: VolumeStyle | None = None) -> None:
    """A volume's files in `data`, but people.yaml: `people` gives the id of each person
    of `plan` (an archive's volumes cite the people of one people.yaml)."""
    session_ids = [f"s{n:04d}" for n in range(1, len(plan.sessions) + 1)]
    session_titles = [writer.title() for _ in plan.sessions]
    papers = len(plan.items)
    write(data / "conference.yaml", conference_yaml(papers, plan.days, people[:1], volume))
    write(data / "sessions.yaml", sessions_yaml(plan, session_ids, session_titles, people,
                                                volume.start if volume else START_DAY))
    page = 1
    numbers = [n for n, item in enumerate(plan.items, start=1) if item["kind"] == "paper"]
    with_pdf = set(numbers[:pdfs])
    for number, item in enumerate(plan.items, start=1):
        pid = f"paper-{number:05d}"
        title = writer.title()
        abstract_ar, abstract_en = writer.abstract()
        keywords = writer.keywords()
        length = writer.rng.randint(6, 20)
        folder = data / pid
        pages = f"{page}-{page + length - 1}"
        write(folder / "paper.yaml", paper_yaml(
            pid, session_ids[item["session"]], item, title,
            [people[p] for p in item["people"]], keywords, pages, number in with_pdf, volume))
        write(folder / "abstract.ar.md", abstract_ar)
        write(folder / "abstract.en.md", abstract_en)
        if number in with_pdf:
            (folder / PDF_FILE).write_bytes(paper_pdf(pid, title[1], pages))
        page += length
    values = {"mark": MARK_AR, "mark_en": MARK_EN, "papers": papers,
              "sessions": len(plan.sessions)}
    for lang, text in ABOUT_NOTES.items():
        write(data / f"about.{lang}.md", text.format(**values))


def write_tool(dest: Path, template_root: Path, proc: Proceedings | None = None) -> None:
    """The tool's parts beside papers/: overrides/, mkdocs.yml and the nav's stand-ins
    (for the pages of `proc`, by default those of the one volume in papers/)."""
    (dest / "docs").mkdir(exist_ok=True)  # MkDocs needs the folder, even with no page in it
    shutil.copytree(template_root / "overrides", dest / "overrides", dirs_exist_ok=True)
    shutil.copy2(template_root / "mkdocs.yml", dest / "mkdocs.yml")
    write_nav_stand_ins(dest, proc)


def nav_pages(config_text: str) -> list[str]:
    """The Markdown pages a mkdocs.yml lists in `nav`, in order."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold tags such as !ENV or !!python/name:; their values do not matter here.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(config_text, Loader=Loader) or {}
    pages: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str) and node.endswith(".md"):
            pages.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(config.get("nav") or [])
    return pages


def write_nav_stand_ins(dest: Path, proc: Proceedings | None = None) -> None:
    """A plainly synthetic page for each nav entry that the plugin does not generate
    (e.g. the repository's contributing page), so the copied mkdocs.yml builds in
    strict mode unchanged. `proc`: the volume whose pages are generated (by default
    the one of papers/)."""
    from waqai.data.checks import validate
    from waqai.site.pages import SitePlan, page_kinds

    proc = proc or validate(dest).proceedings
    assert proc is not None, "the synthetic data did not validate"
    plan = SitePlan(proc)
    generated = {f"{spec.stem}.md" for kind in page_kinds() for spec in kind.specs(plan)}
    for page in nav_pages((dest / "mkdocs.yml").read_text(encoding="utf-8")):
        stem = page[: -len(".md")]
        if page in generated or (dest / "docs" / f"{stem}.ar.md").exists():
            continue
        for lang, mark in (("ar", MARK_AR), ("en", MARK_EN)):
            write(dest / "docs" / f"{stem}.{lang}.md",
                  f"# {mark} {stem}\n\nA stand-in for the repository's page `{page}`.\n")


def main(argv: list[str] | None = None) -> int:
    """`python -m waqai.bench.synthetic DEST [--papers N] [--seed S] [--pdfs P]`: write a
    synthetic project into DEST, with the JSON Schemas in `papers/_schema/` as a conference has
    them. `.ci/run` takes its `papers/` to run the test suite a second time on a
    conference other than the example (every test but tests/test_papers_folder.py
    stands on tests/fixtures/, so the suite must pass whatever `papers/` holds)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m waqai.bench.synthetic",
                                     description="Write a synthetic project (papers/, docs/, "
                                     "overrides/, mkdocs.yml) into DEST, which must not exist.")
    parser.add_argument("dest", type=Path, help="the folder to create")
    parser.add_argument("--papers", type=int, default=30, help="number of items (default 30)")
    parser.add_argument("--seed", type=int, default=2015, help="seed of the synthetic data")
    parser.add_argument("--pdfs", type=int, default=PDFS,
                        help=f"number of papers given a PDF (default {PDFS})")
    args = parser.parse_args(argv)
    if args.dest.exists():
        parser.error(f"{args.dest} already exists")
    write_synthetic(args.dest, args.papers, args.seed, pdfs=args.pdfs)
    # A conference's papers/ holds its JSON Schemas too (`python3 build.py schema`).
    from waqai.data.schema import SCHEMA_DIR, render_all

    for name, text in render_all().items():
        write(args.dest / "papers" / SCHEMA_DIR / name, text)
    print(f"Wrote a synthetic project with {args.papers} items to {args.dest}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
