"""The words of the interface, in both languages.

Templates read them as `waqai.t.<name>`; page titles of generated pages use
them too. Data, not locale: nothing here depends on the host.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

from waqai.data.model import Gender, ItemKind, Lang, Role, SessionKind, Text

LABELS: dict[str, Text] = {
    "programme": Text("البرنامج", "Programme"),
    "speakers": Text("المتحدثون", "Speakers"),
    "people": Text("الأشخاص", "People"),
    "session": Text("الجلسة", "Session"),
    "part_of_session": Text("ضمن الجلسة", "Part of session"),
    "day": Text("اليوم", "Day"),
    "time": Text("الوقت", "Time"),
    "room": Text("القاعة", "Room"),
    "chairs": Text("رئاسة الجلسة", "Chairs"),
    "items": Text("المشاركات", "Items"),
    "abstract": Text("الملخص", "Abstract"),
    "keywords": Text("الكلمات المفتاحية", "Keywords"),
    "affiliation": Text("جهة العمل", "Affiliation"),
    "position": Text("المنصب", "Position"),
    "romanised": Text("الاسم بالحروف اللاتينية", "Romanised name"),
    "arabic_name": Text("الاسم بالعربية", "Arabic name"),
    "orcid": Text("أوركيد", "ORCID"),
    "contributions": Text("المشاركات في المؤتمر", "Contributions to the conference"),
    "statement": Text("تصريح عن المؤتمر", "Statement about the conference"),
    "no_items": Text("لا تذكر المصادر عناوين مشاركات هذه الجلسة.",
                     "The sources do not record the items of this session."),
    "no_people": Text("لم تذكر المصادر أسماء المشاركين.",
                      "The sources do not name the participants."),
    "unnamed": Text("غير مذكور", "not named"),
    "cite": Text("الاستشهاد", "Cite"),
    "copy": Text("نسخ", "Copy"),
    "copied": Text("نُسخ", "Copied"),
    "download": Text("تنزيل", "Download"),
    "calendar": Text("إضافة إلى التقويم", "Add to calendar"),  # followed by "(.ics)"
    "all_day": Text("طوال اليوم", "all day"),
    "timezone": Text("التوقيت:", "Times are in"),  # followed by the zone's IANA name
    "index_of_speakers": Text("فهرس المتحدثين", "Index of speakers"),
    "home": Text("الرئيسية", "Home"),
    "other_spellings": Text("صيغ أخرى للاسم", "Other spellings"),
    "pdf": Text("النص الكامل", "Full text"),  # followed by "(PDF)"
    "pages": Text("الصفحات", "Pages"),
    # Reader details (issue 13): the day at a glance, the footer, the 404 page.
    "at_a_glance": Text("اليوم في لمحة", "The day at a glance"),
    "no_time": Text("دون وقت محدد", "No time given"),
    "no_room": Text("دون قاعة محددة", "No room given"),
    "doi": Text("المعرّف الرقمي", "DOI"),  # followed by the DOI itself
    "made_with": Text("صُنع باستخدام", "Made with"),  # followed by "Material for MkDocs"
    "not_found": Text("الصفحة غير موجودة", "Page not found"),
    "not_found_hint": Text("ربما نُقلت الصفحة أو كُتب عنوانها خطأً.",
                           "The page may have moved, or its address may be mistyped."),
}

SESSION_KINDS: dict[SessionKind, Text] = {
    SessionKind.KEYNOTE: Text("كلمة رئيسية", "Keynote"),
    SessionKind.PAPERS: Text("جلسة علمية", "Paper session"),
    SessionKind.PANEL: Text("حلقة نقاش", "Panel discussion"),
    SessionKind.WORKSHOP: Text("ورشة عمل", "Workshop"),
}

ITEM_KINDS: dict[ItemKind, Text] = {
    ItemKind.PAPER: Text("بحث", "Paper"),
    ItemKind.TALK: Text("عرض تجربة", "Talk"),
    ItemKind.KEYNOTE: Text("كلمة رئيسية", "Keynote"),
    ItemKind.PANEL: Text("حلقة نقاش", "Panel discussion"),
    ItemKind.WORKSHOP: Text("ورشة عمل", "Workshop"),
}

ROLES: dict[Role, Text] = {
    Role.AUTHOR: Text("مؤلف", "Author"),
    Role.SPEAKER: Text("متحدث", "Speaker"),
    Role.PANELLIST: Text("مشارك في النقاش", "Panellist"),
    Role.CHAIR: Text("رئيس الجلسة", "Chair"),
    Role.STATEMENT: Text("تصريح", "Statement"),
}

# The Arabic role names of a woman; English ones do not change, nor does «تصريح».
ROLES_FEMININE_AR: dict[Role, str] = {
    Role.AUTHOR: "مؤلفة",
    Role.SPEAKER: "متحدثة",
    Role.PANELLIST: "مشاركة في النقاش",
    Role.CHAIR: "رئيسة الجلسة",
}

GENDERS: dict[Gender, Text] = {
    Gender.FEMALE: Text("أنثى", "female"),
    Gender.MALE: Text("ذكر", "male"),
}


def role_label(role: Role, lang: Lang, gender: Gender | None) -> str:
    """The name of a role in `lang`, agreeing in Arabic with the person's gender when known."""
    if lang == "ar" and gender is Gender.FEMALE and role in ROLES_FEMININE_AR:
        return ROLES_FEMININE_AR[role]
    return ROLES[role].get(lang)


@functools.cache  # asked for by every page; one read-only namespace per language
def labels_for(lang: Lang) -> SimpleNamespace:
    """Labels as attributes (`t.items`), so no label can clash with a mapping method."""
    return SimpleNamespace(**{name: text.get(lang) for name, text in LABELS.items()})
