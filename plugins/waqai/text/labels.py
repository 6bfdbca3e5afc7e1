"""The words of the interface, in both languages.

Templates read them as `waqai.t.<name>`; page titles of generated pages use
them too. Data, not locale: nothing here depends on the host.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

from waqai.data.model import (
    AttachmentKind,
    Gender,
    ItemKind,
    Lang,
    PageDigits,
    PaperSize,
    Role,
    SessionKind,
    Status,
    Text,
    TranslationPolicy,
)

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
    # The speaker index by letter and the programme by session, past the bounds of one
    # page (site/pages/bounds.py); filled with str.format.
    "speakers_under": Text("المتحدثون: {letter}", "Speakers: {letter}"),
    "page_of": Text("{title}، الصفحة {part} من {parts}", "{title}, page {part} of {parts}"),
    "letters_intro": Text("الأسماء مرتبة على الحرف الذي تُفهرس به، وبجانب كل حرف عدد من تحته.",
                          "Names by the letter they are filed under, each letter with the "
                          "number of people under it."),
    "letters": Text("حروف الفهرس", "Letters of the index"),
    "previous_letter": Text("الحرف السابق:", "Previous letter:"),  # followed by the letter
    "next_letter": Text("الحرف التالي:", "Next letter:"),
    "letter_pages": Text("صفحات هذا الحرف", "Pages of this letter"),
    "day_pages": Text("صفحات هذا اليوم", "Pages of this day"),
    "item_count": Text("عدد المشاركات: {count}", "Items: {count}"),
    "day_counts": Text("عدد الجلسات: {sessions}، وعدد المشاركات: {items}",
                       "Sessions: {sessions}; items: {items}"),
    "sessions_listed": Text("تسرد هذه الصفحة الجلسات، وتجد مشاركات كل جلسة في صفحتها.",
                            "This page lists the sessions; each session's items are on its "
                            "own page."),
    "days_listed": Text("تسرد هذه الصفحة الأيام، وتجد جلسات كل يوم في صفحته.",
                        "This page lists the days; each day's sessions are on its own page."),
    "home": Text("الرئيسية", "Home"),
    "other_spellings": Text("صيغ أخرى للاسم", "Other spellings"),
    "pdf": Text("النص الكامل", "Full text"),  # followed by "(PDF)"
    "pdf_not_current": Text("النص الكامل كما نُشر قبل سحبه", "The full text as published "
                                                              "before it was taken back"),
    "status_notice": Text("{status} في {date}", "{status} on {date}"),  # «مسحوب في …»
    "errata": Text("تصويبات", "Errata"),
    "attachments": Text("المرفقات", "Attachments"),
    "versions": Text("نسخ النص الكامل", "Versions of the full text"),
    "current_version": Text("النسخة الحالية", "current version"),
    "erratum": Text("تصويب", "Erratum"),
    "pages": Text("الصفحات", "Pages"),
    "comma": Text("، ", ", "),  # between the items of a list written in a sentence
    # The home and about pages (site/pages/home.py).
    "dates": Text("الموعد", "Dates"),
    "venue": Text("المكان", "Venue"),
    "themes": Text("محاور المؤتمر", "Themes"),
    "in_figures": Text("الوقائع في أرقام", "The proceedings in figures"),
    "sessions": Text("الجلسات", "Sessions"),
    "days": Text("الأيام", "Days"),
    "cite_volume": Text("الاستشهاد بالوقائع كاملة", "Cite the whole volume"),
    "volume_files": Text("بيانات الاستشهاد بجميع مشاركات الوقائع، في ملف واحد لكل صيغة:",
                         "Citation data for every item of the proceedings, one file per format:"),
    "form_original": Text(
        "بالحروف العربية، كما نُشرت المشاركات: الأسماء والعناوين بالعربية",
        "In Arabic script, as the items were given: names and titles in Arabic"),
    "form_romanised": Text(
        "بالحروف اللاتينية، لقائمة مراجع بالإنجليزية: الأسماء بحروف لاتينية والعناوين مترجمة "
        "إلى الإنجليزية بين معقوفين",
        "Romanised, for a reference list in English: names in Latin script, titles translated "
        "into English in square brackets"),
    "cite_form_original": Text("بالحروف العربية، كما نُشرت", "Original, in Arabic script"),
    "cite_form_romanised": Text("بالحروف اللاتينية، لقائمة مراجع بالإنجليزية",
                                "Romanised, for a reference list in English"),
    # The volume's files when its items are all in English, or in both languages (issue 30):
    # the home page describes the forms as they are for this volume (site/pages/home.py).
    "form_original_english": Text(
        "بالإنجليزية، كما نُشرت المشاركات: الأسماء بالحروف اللاتينية والعناوين بالإنجليزية",
        "In English, as the items were published: names in Latin script, titles in English"),
    "form_romanised_english": Text(
        "لقائمة مراجع بالإنجليزية: السجلات نفسها، فالمشاركات كلها بالإنجليزية",
        "For a reference list in English: the same records, as every item is in English"),
    "form_original_mixed": Text(
        "كما نُشرت المشاركات، كلٌّ بلغتها: العربية منها بالحروف العربية، والإنجليزية بالإنجليزية",
        "As the items were published, each in its own language: the Arabic ones in Arabic "
        "script, the English ones in English"),
    "form_romanised_mixed": Text(
        "بالحروف اللاتينية، لقائمة مراجع بالإنجليزية: الأسماء بحروف لاتينية، وعناوين المشاركات "
        "العربية مترجمة إلى الإنجليزية بين معقوفين، والإنجليزية كما هي",
        "Romanised, for a reference list in English: names in Latin script, the Arabic items' "
        "titles translated into English in square brackets, the English ones as they are"),
    "programme_calendar": Text("تقويم البرنامج", "Programme calendar"),
    "printed_book": Text("الكتاب المطبوع", "The printed book"),
    "cited_under_publisher": Text(
        "يُستشهد بها باسم ناشر الوقائع:",
        "In citations it is listed under the publisher of the proceedings:"),
    "cite_panel": Text("ولكل مشاركة لوحة «الاستشهاد» في صفحتها.",
                       "Each item's page also has a “Cite” panel."),
    "about": Text("عن هذه الوقائع", "About these proceedings"),
    "publisher": Text("الناشر", "Publisher"),
    # The home page of an archive of volumes.
    "volumes": Text("المجلدات", "Volumes"),
    "volumes_by_year": Text("مجلدات الأرشيف، الأحدث أولًا", "The volumes, newest first"),
    "cite_archive": Text("الاستشهاد بالأرشيف كاملًا", "Cite the whole archive"),
    "archive_files": Text(
        "بيانات الاستشهاد بجميع مشاركات مجلدات الأرشيف، مجلدًا بعد مجلد، في ملف واحد لكل صيغة:",
        "Citation data for every item of every volume, volume by volume, one file per format:"),
    "with_abstracts": Text("مع الملخصات", "with abstracts"),
    "archive_speakers": Text("المتحدثون والمؤلفون في الأرشيف",
                             "Speakers and authors across the archive"),
    # A person's page in an archive (site/pages/archivepeople.py), and the link to it from
    # their page in a volume.
    "across_the_archive": Text("المشاركات في جميع مجلدات الأرشيف",
                               "Every item across the archive"),
    "items_by_year": Text("المشاركات في مجلدات الأرشيف، الأحدث أولًا",
                          "Items across the archive, newest first"),
    "edited_volume": Text("تحرير المجلد", "Editor of the volume"),
    "coauthors": Text("شركاء التأليف", "Co-authors"),
    # {count} the items a co-author shares with the person.
    "items_together": Text("المشاركات المشتركة: {count}", "items together: {count}"),
    "also_published_as": Text("نُشر أيضًا باسم", "Also published as"),
    "affiliations_given": Text("جهات العمل المذكورة في المشاركات", "Affiliations given"),
    "person_files": Text("بيانات الاستشهاد بجميع المشاركات في الأرشيف:",
                         "Citation data for every item across the archive:"),
    "official_page": Text("الصفحة الرسمية للمؤتمر", "The conference's official page"),
    "statements": Text("تصريحات عن المؤتمر", "Statements about the conference"),
    "editors_notes": Text("ملاحظات المحررين", "Notes from the editors"),
    "how_to_cite": Text("كيف تستشهد بهذه الوقائع", "How to cite these proceedings"),
    "edited_by": Text("تحرير:", "Edited by"),
    "generated_by": Text("وُلّد هذا الموقع ببرنامج", "This site was generated by"),
    "waqai": Text("وقائع", "Waqai"),
    # Reader details (issue 13): the day at a glance, the footer, the 404 page.
    "at_a_glance": Text("اليوم في لمحة", "The day at a glance"),
    "no_time": Text("دون وقت محدد", "No time given"),
    "no_room": Text("دون قاعة محددة", "No room given"),
    "doi": Text("المعرّف الرقمي", "DOI"),  # followed by the DOI itself
    # followed by the address of the item's page where it was first published
    "version_of_record": Text("النسخة المعتمدة", "Version of record"),
    "made_with": Text("صُنع باستخدام", "Made with"),  # followed by "Material for MkDocs"
    "not_found": Text("الصفحة غير موجودة", "Page not found"),
    "not_found_hint": Text("ربما نُقلت الصفحة أو كُتب عنوانها خطأً.",
                           "The page may have moved, or its address may be mistyped."),
    # The search box (partials/waqai/search.html; waqai-search.js writes the last three).
    "search": Text("بحث", "Search"),
    "search_placeholder": Text("ابحث في الوقائع", "Search the proceedings"),
    "search_clear": Text("مسح", "Clear"),
    "search_type": Text("اكتب للبحث", "Type to start searching"),
    "search_more": Text("نتائج أخرى", "More results"),
    "search_failed": Text("تعذّر تحميل فهرس البحث", "The search index could not be loaded"),
    # An archive's search (issue 31): its home page's box searches every volume; a
    # volume's box searches the volume, and this box widens it to every volume.
    "search_placeholder_archive": Text("ابحث في مجلدات الأرشيف كلها",
                                       "Search every volume of the archive"),
    "search_all_volumes": Text("البحث في كل المجلدات", "Search all volumes"),
    # Page descriptions (<meta name="description">), filled with str.format:
    # {conference} the conference's title, {title} the page's, {kind} an item's kind.
    "describe_site": Text("وقائع مؤتمر «{conference}»: البحوث والجلسات والمتحدثون، "
                          "بالعربية والإنجليزية.",
                          "The proceedings of {conference}: papers, sessions and speakers, "
                          "in Arabic and English."),
    # {archive} the archive's title.
    "describe_archive": Text("«{archive}»: وقائع مؤتمراته مجلدًا مجلدًا، بالعربية والإنجليزية.",
                             "{archive}: the proceedings of its conferences, volume by volume, "
                             "in Arabic and English."),
    "describe_about": Text("عن وقائع مؤتمر «{conference}»: من عقده ونظّمه، وكيف يُستشهد بها.",
                           "About the proceedings of {conference}: who held and organised it, "
                           "and how to cite it."),
    "describe_programme": Text("برنامج مؤتمر «{conference}» يومًا بيوم، بجلساته ومشاركاته.",
                               "The programme of {conference}, day by day, with its sessions "
                               "and items."),
    "describe_day": Text("جلسات مؤتمر «{conference}» يوم {title}.",
                         "The sessions of {conference} on {title}."),
    "describe_session": Text("«{title}»: جلسة من جلسات مؤتمر «{conference}».",
                             "{title}: a session of {conference}."),
    "describe_people": Text("فهرس المتحدثين والمؤلفين في مؤتمر «{conference}».",
                            "The index of the speakers and authors of {conference}."),
    "describe_letter": Text("{title}، من فهرس المتحدثين والمؤلفين في مؤتمر «{conference}».",
                            "{title}, from the index of the speakers and authors of "
                            "{conference}."),
    "describe_person": Text("{title} في مؤتمر «{conference}»: المشاركات والجلسات.",
                            "{title} at {conference}: contributions and sessions."),
    "describe_archive_person": Text("{title}: المشاركات في جميع مجلدات «{archive}»، سنةً بعد سنة.",
                                    "{title}: every item across {archive}, year by year."),
    "describe_archive_people": Text("فهرس المتحدثين والمؤلفين في جميع مجلدات «{archive}».",
                                    "The index of the speakers and authors of every volume "
                                    "of {archive}."),
    "describe_item": Text("«{title}» ({kind})، من مؤتمر «{conference}».",
                          "{title} ({kind}), from {conference}."),
}

# An item's own language, named beside its title (or its original title) on its page in
# the other language (issue 30), keyed by the primary subtag of the item's `language`.
IN_LANGUAGE: dict[str, Text] = {
    "ar": Text("بالعربية", "In Arabic"),
    "en": Text("بالإنجليزية", "In English"),
}

# The heading of the original form of an item's citation in its Cite panel, keyed like
# IN_LANGUAGE. An English item's original form is also its form for a reference list in
# English, so its panel shows that one form under this heading alone.
CITE_FORM_ORIGINAL: dict[str, Text] = {
    "ar": LABELS["cite_form_original"],
    "en": Text("بالإنجليزية، كما نُشرت", "As published, in English"),
}

# The number of search results (the "#"), in the form of its Intl.PluralRules category,
# which waqai-search.js picks; "zero" is for no result in either language. Arabic has
# six forms, English two.
SEARCH_COUNTS: dict[Lang, dict[str, str]] = {
    "ar": {"zero": "لا نتائج", "one": "نتيجة واحدة", "two": "نتيجتان", "few": "# نتائج",
           "many": "# نتيجة", "other": "# نتيجة"},
    "en": {"zero": "No matching pages", "one": "1 matching page", "other": "# matching pages"},
}

# The English counterpart of an Arabic honorific, where English has one (JSON-LD's
# honorificPrefix on English pages). «أ.» (ustādh, a courtesy title) has none.
HONORIFICS_EN: dict[str, str] = {"د.": "Dr.", "أ.د.": "Prof.", "م.": "Eng."}

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

ATTACHMENT_KINDS: dict[AttachmentKind, Text] = {
    AttachmentKind.SLIDES: Text("شرائح العرض", "Slides"),
    AttachmentKind.POSTER: Text("الملصق", "Poster"),
    AttachmentKind.VIDEO: Text("تسجيل مرئي", "Video"),
    AttachmentKind.CODE: Text("الشيفرة المصدرية", "Code"),
    AttachmentKind.DATASET: Text("البيانات", "Dataset"),
}

PAPER_SIZES: dict[PaperSize, Text] = {
    PaperSize.A4: Text("A4", "A4"),
    PaperSize.A5: Text("A5", "A5"),
    PaperSize.LETTER: Text("الورق الأمريكي", "US Letter"),
}

PAGE_DIGITS: dict[PageDigits, Text] = {
    PageDigits.LATIN: Text("الأرقام 1، 2، 3", "digits 1, 2, 3"),
    PageDigits.ARABIC_INDIC: Text("الأرقام ١، ٢، ٣", "digits ١, ٢, ٣"),
}

TRANSLATION_POLICIES: dict[TranslationPolicy, Text] = {
    TranslationPolicy.REQUIRED: Text("كل ترجمة ناقصة خطأ", "a missing translation is an error"),
    TranslationPolicy.WELCOME: Text("الترجمات مرحّب بها، ويُحصى الناقص منها",
                                    "translations are welcome, and the missing ones counted"),
}

STATUSES: dict[Status, Text] = {
    Status.PUBLISHED: Text("منشور", "published"),
    Status.RETRACTED: Text("مسحوب", "retracted"),
    Status.WITHDRAWN: Text("ملغى", "withdrawn"),
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
    return SimpleNamespace(**{name: text.get(lang) for name, text in LABELS.items()},
                           search_counts=SEARCH_COUNTS[lang])
