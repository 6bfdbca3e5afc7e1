"""The published JSON Schemas of the editors' files, and the one description they come from.

`DOCUMENTS` describes each file (`paper.yaml`, `people.yaml`, `sessions.yaml`,
`conference.yaml`) field by field: name, value, whether it is required, help in
Arabic and English, an example. From it come the JSON Schemas in
`papers/_schema/` (`python3 build.py schema` writes them) and the commented
`paper.yaml` that `python3 build.py new` creates (`waqai.data.scaffold`).

The loader (`waqai.data.load`) reads the files with its own code; tests/test_schema.py
drives it with the example data and with deliberately unknown fields and
fails if it reads a field the schema lacks, or the reverse, or disagrees on
which fields are required. Patterns and kinds are taken from the loader's and
the model's own constants, never retyped.

The schemas are never looser than the loader: a file they accept, the loader
reads without a problem, except for what only the whole volume can tell
(references, duplicates, dates across files) and what a pattern cannot
(an ORCID check digit, 31 November, a leading zero in `010`). They can be
stricter: text that YAML 1.2 reads as a number or an empty optional field is
accepted by the loader but flagged by an editor's tool, which is the safer
direction.

Editors' tools read YAML 1.2 (yaml-language-server), where an unquoted
`2015-11-17`, `09:30` or `no` is text. `instance()` reads a file the same way,
to validate data against the schemas in tests.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Union

import yaml

from waqai.text.labels import ITEM_KINDS, SESSION_KINDS
from waqai.data.load import DOI, ORCID, PAGES, PDF_NAME, SITE_URL
from waqai.data.model import ItemKind, SessionKind, Text
from waqai.data.yamlread import BIDI_CONTROLS, MAX_SLUG, OTHER_CONTROLS, SLUG, TIME_TEXT

Json = dict[str, Any]
DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = "_schema"  # inside the data folder; the loader skips folders starting with "_"


def _regex_class(pattern: re.Pattern[str]) -> str:
    """The inside of a one-class pattern like `[\\x00-\\x08]`, with every character as \\uXXXX.

    Escapes keep invisible characters out of the JSON files, and both Python's
    `re` and ECMAScript (editors' tools) read them.
    """
    inside = pattern.pattern
    assert inside.startswith("[") and inside.endswith("]"), inside
    return "".join(ch if ch == "-" else f"\\u{ord(ch):04x}" for ch in inside[1:-1])


# Text the loader accepts: no bidi controls, no control characters but tab and newline.
PLAIN_TEXT = f"^[^{_regex_class(OTHER_CONTROLS)}{_regex_class(BIDI_CONTROLS)}]*$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


# -- values ---------------------------------------------------------------------

def text(required: bool = True, pattern: str = PLAIN_TEXT) -> Json:
    value: Json = {"type": "string", "pattern": pattern}
    if required:
        value["minLength"] = 1
    return value


BILINGUAL: Json = {"$ref": "#/definitions/bilingual"}
ID: Json = {"$ref": "#/definitions/id"}
ORDER: Json = {"type": "integer", "minimum": 1}
DAY: Json = {"type": "string", "pattern": DATE, "format": "date"}


def ids(min_items: int = 0) -> Json:
    value: Json = {"type": "array", "items": ID}
    if min_items:
        value["minItems"] = min_items
    return value


def kinds(enum: type[ItemKind] | type[SessionKind]) -> Json:
    return {"type": "string", "enum": [member.value for member in enum]}


def kind_help(labels: dict[Any, Text], ar: str, en: str) -> Text:
    """Help listing every kind with its label, e.g. «paper (بحث)»."""
    return Text(f"{ar}: " + "، ".join(f"{k.value} ({v.ar})" for k, v in labels.items()) + ".",
                f"{en}: " + ", ".join(f"{k.value} ({v.en})" for k, v in labels.items()) + ".")


@dataclass(frozen=True)
class Field:
    name: str
    value: Union[Json, "Obj", "ListOf"]
    help: Text
    required: bool = True
    example: str = ""  # the value as an editor would write it in YAML


@dataclass(frozen=True)
class Obj:
    """A mapping with a fixed set of fields; any other key is an error."""

    name: str  # its name under `definitions`
    fields: tuple[Field, ...]
    help: Text | None = None
    extra: Json | None = None  # further schema keywords (e.g. if/then)

    def schema(self) -> Json:
        out: Json = {"type": "object"}
        if self.help:
            out["description"] = describe(self.help)
        out["properties"] = {f.name: field_schema(f) for f in self.fields}
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        out.update(self.extra or {})
        return out


@dataclass(frozen=True)
class ListOf:
    item: Obj
    min_items: int = 0


def describe(help_: Text) -> str:
    return f"{help_.ar}\n{help_.en}"


def value_schema(value: Json | Obj | ListOf) -> Json:
    if isinstance(value, Obj):
        return {"$ref": f"#/definitions/{value.name}"}
    if isinstance(value, ListOf):
        out: Json = {"type": "array", "items": value_schema(value.item)}
        if value.min_items:
            out["minItems"] = value.min_items
        return out
    return value


def field_schema(f: Field) -> Json:
    out = dict(value_schema(f.value))
    if "$ref" in out:
        # draft-07 ignores keywords beside $ref; wrap it so the help is kept.
        out = {"allOf": [out]}
    out["description"] = describe(f.help)
    if f.example:
        out["examples"] = [yaml.safe_load(f.example)]
    return out


def nested_objects(obj: Obj) -> Iterator[Obj]:
    """`obj` and every Obj under it, depth first, each once."""
    seen: set[str] = set()

    def walk(o: Obj) -> Iterator[Obj]:
        if o.name in seen:
            return
        seen.add(o.name)
        yield o
        for f in o.fields:
            inner = f.value.item if isinstance(f.value, ListOf) else f.value
            if isinstance(inner, Obj):
                yield from walk(inner)

    return walk(obj)


BILINGUAL_OBJ = Obj("bilingual", (
    Field("ar", text(), Text("النص بالعربية.", "The Arabic text."), example='"النص العربي"'),
    Field("en", text(), Text("النص بالإنجليزية.", "The English text."),
          example='"English text"'),
), Text("نص باللغتين: ar للعربية و en للإنجليزية، وكلاهما مطلوب.",
        "Text in both languages: ar for Arabic and en for English; both are required."))

DEFINITIONS: Json = {
    "id": {"type": "string", "pattern": SLUG.pattern, "maxLength": MAX_SLUG,
           "description": "معرّف: حروف لاتينية صغيرة a–z وأرقام 0–9 وشرطة مفردة بينها.\n"
                          "An id: lowercase a–z, digits 0–9 and single hyphens between them."},
}


# -- paper.yaml -------------------------------------------------------------------

PAPER = Obj("paper", (
    Field("id", ID, Text("معرّف البند، وهو اسم مجلده نفسه.",
                         "The item's id: the name of its folder."), example="absher"),
    Field("session", ID, Text("معرّف الجلسة التي يُقدَّم فيها البند، كما هو في sessions.yaml.",
                              "The id of the item's session, as written in sessions.yaml."),
          example="s3-local-experiences"),
    Field("order", ORDER, Text("ترتيب البند في جلسته: 1 للأول، 2 للثاني… (أرقام بلا صفر في أولها).",
                               "The item's place in its session: 1 for the first, 2 for the "
                               "second … (digits, no leading zero)."), example="1"),
    Field("kind", kinds(ItemKind),
          kind_help(ITEM_KINDS, "نوع البند، واحد من", "What the item is, one of"),
          example="paper"),
    Field("title", BILINGUAL, Text("عنوان البند بالعربية (ar) والإنجليزية (en).",
                                   "The item's title in Arabic (ar) and English (en)."),
          example='{ar: "العنوان بالعربية", en: "The title in English"}'),
    Field("people", ids(), Text(
        "معرّفات المؤلفين أو المتحدثين بالترتيب، كما هي في people.yaml. القائمة الفارغة [] "
        "لحلقة نقاش لا تُعرف أسماء المشاركين فيها فقط.",
        "The ids of the authors or speakers, in order, as written in people.yaml. An empty "
        "list [] only for a panel whose panellists are not named."), example="[nayef-alomari]"),
    Field("keywords", Obj("keywords", (
        Field("ar", {"type": "array", "items": text()}, Text("الكلمات المفتاحية بالعربية.",
                                                             "Keywords in Arabic."),
              required=False, example='["خدمة العملاء"]'),
        Field("en", {"type": "array", "items": text()}, Text("الكلمات المفتاحية بالإنجليزية.",
                                                             "Keywords in English."),
              required=False, example='["customer service"]'),
    )), Text("الكلمات المفتاحية في كل لغة.", "Keywords in each language."), required=False,
          example='{ar: ["خدمة العملاء"], en: ["customer service"]}'),
    Field("pages", text(False, PAGES.pattern), Text("صفحات البحث في الكتاب المطبوع.",
                                                    "The pages of the paper in the printed "
                                                    "volume."), required=False, example='"12-19"'),
    Field("doi", text(False, DOI.pattern), Text("معرّف DOI مجردًا، بلا https://doi.org/.",
                                                "The bare DOI, without https://doi.org/."),
          required=False, example='"10.1234/abcd"'),
    Field("pdf", text(False, PDF_NAME.pattern), Text("اسم ملف PDF للبحث، موضوعًا في مجلد البند.",
                                                     "The file name of the paper's PDF, put in "
                                                     "the item's folder."),
          required=False, example='"paper.pdf"'),
), Text("بند واحد من برنامج المؤتمر: بحث أو عرض أو كلمة أو حلقة نقاش أو ورشة عمل. الملخص في "
        "abstract.ar.md و abstract.en.md في المجلد نفسه.",
        "One item of the programme: a paper, talk, keynote, panel or workshop. Its abstract is "
        "in abstract.ar.md and abstract.en.md in the same folder."),
    # Only a panel may have no named people (checks.check_references).
    extra={"if": {"properties": {"kind": {"not": {"const": ItemKind.PANEL.value}}}},
           "then": {"properties": {"people": {"minItems": 1}}}})


# -- people.yaml ------------------------------------------------------------------

PERSON = Obj("person", (
    Field("name", Obj("arabic_name", (
        Field("honorific", text(False), Text("اللقب، مثل «أ.» أو «د.»؛ يظهر ولا يُرتَّب عليه.",
                                             "The honorific, e.g. «أ.» or «د.»; shown, never "
                                             "sorted on."), required=False, example='"د."'),
        Field("given", text(), Text("الاسم الأول.", "The given name."), example='"نايف"'),
        Field("nasab", text(False), Text("سلسلة النسب «بن …».", "The «بن …» chain."),
              required=False, example='"بن صالح"'),
        Field("family", text(False), Text("اسم العائلة الذي يُفهرَس به الشخص.",
                                          "The family name the person is filed under."),
              required=False, example='"العمري"'),
    )), Text("الاسم بالعربية مقسّمًا إلى أجزائه.", "The Arabic name, in its parts."),
          example='{given: "نايف", nasab: "بن صالح", family: "العمري"}'),
    Field("latin", ListOf(Obj("latin_name", (
        Field("given", text(), Text("الاسم الأول بالحروف اللاتينية.", "The given name in Latin "
                                    "letters."), example='"Nayef bin Saleh"'),
        Field("family", text(False), Text("اسم العائلة بالحروف اللاتينية.",
                                          "The family name in Latin letters."),
              required=False, example='"Al-Omari"'),
    )), min_items=1), Text("كتابة الاسم بالحروف اللاتينية؛ الأولى هي المفضّلة والبقية صيغ أخرى.",
                           "The name in Latin letters; the first spelling is preferred, the "
                           "rest are variants."),
          example='[{given: "Nayef bin Saleh", family: "Al-Omari"}]'),
    Field("affiliation", BILINGUAL, Text("جهة العمل.", "The affiliation."), required=False),
    Field("position", BILINGUAL, Text("المنصب.", "The position held."), required=False),
    Field("orcid", text(False, ORCID.pattern), Text("معرّف ORCID من 16 خانة، بلا الرابط.",
                                                    "The 16-character ORCID iD, not the URL."),
          required=False, example='"0000-0002-1825-0097"'),
    Field("distinct_from", ids(), Text(
        "معرّفات أشخاص تتشابه أسماؤهم مع هذا الشخص وهم غيره.",
        "Ids of people whose names look like this person's but who are different people."),
          required=False, example="[badr-alomari]"),
), Text("شخص واحد: مؤلف أو متحدث أو رئيس جلسة.", "One person: an author, speaker or chair."))


# -- sessions.yaml ----------------------------------------------------------------

SESSION = Obj("session", (
    Field("kind", kinds(SessionKind),
          kind_help(SESSION_KINDS, "نوع الجلسة، واحد من", "What the session is, one of"),
          example="paper-session"),
    Field("title", BILINGUAL, Text("عنوان الجلسة.", "The session's title.")),
    Field("day", DAY, Text("يوم الجلسة بالتقويم الميلادي.", "The session's day, Gregorian."),
          example='"2015-11-17"'),
    Field("order", ORDER, Text("ترتيب الجلسة في يومها: 1، 2، 3…",
                               "The session's place in its day: 1, 2, 3 …"), example="1"),
    Field("start", text(False, TIME_TEXT.pattern), Text("وقت البدء بنظام 24 ساعة.",
                                                        "Start time, 24-hour clock."),
          required=False, example='"09:30"'),
    Field("end", text(False, TIME_TEXT.pattern), Text("وقت الانتهاء بنظام 24 ساعة.",
                                                      "End time, 24-hour clock."),
          required=False, example='"11:00"'),
    Field("room", BILINGUAL, Text("القاعة.", "The room."), required=False),
    Field("chairs", ids(), Text("معرّفات رؤساء الجلسة، كما هي في people.yaml.",
                                "The ids of the session's chairs, as written in people.yaml."),
          required=False, example="[nayef-alomari]"),
    Field("description", BILINGUAL, Text("وصف قصير للجلسة.", "A short description of the "
                                         "session."), required=False),
), Text("جلسة واحدة من برنامج المؤتمر.", "One session of the programme."))


# -- conference.yaml --------------------------------------------------------------

CONFERENCE = Obj("conference", (
    Field("title", BILINGUAL, Text("اسم المؤتمر.", "The conference's title.")),
    Field("short_name", text(), Text("اسم قصير بحروف لاتينية لهذا الموقع.",
                                     "A short ASCII label for this site."), example='"CSC-2015"'),
    Field("description", BILINGUAL, Text("وصف المؤتمر.", "A description of the conference."),
          required=False),
    Field("organisers", ListOf(Obj("organiser", (
        Field("name", BILINGUAL, Text("اسم الجهة.", "The organisation's name.")),
        Field("role", BILINGUAL, Text("دورها، مثل «تعقده».", 'Its role, e.g. "Held by".')),
    ))), Text("الجهات التي تعقد المؤتمر أو تنظّمه.", "The bodies that hold or organise the "
              "conference.")),
    Field("venue", BILINGUAL, Text("مكان الانعقاد.", "The venue.")),
    Field("city", BILINGUAL, Text("المدينة.", "The city.")),
    Field("country", BILINGUAL, Text("الدولة.", "The country.")),
    Field("dates", Obj("dates", (
        Field("start", DAY, Text("يوم البدء بالتقويم الميلادي.", "First day, Gregorian."),
              example='"2015-11-17"'),
        Field("end", DAY, Text("يوم الانتهاء بالتقويم الميلادي.", "Last day, Gregorian."),
              example='"2015-11-19"'),
        Field("hijri_start", text(False, DATE), Text(
            "يوم البدء بتقويم أم القرى؛ يُتحقَّق من مطابقته للميلادي.",
            "First day in the Umm al-Qura calendar; checked against the Gregorian date."),
              required=False, example='"1437-02-05"'),
        Field("hijri_end", text(False, DATE), Text(
            "يوم الانتهاء بتقويم أم القرى.", "Last day in the Umm al-Qura calendar."),
              required=False, example='"1437-02-07"'),
    )), Text("أيام المؤتمر.", "The days of the conference.")),
    Field("publisher", BILINGUAL, Text("ناشر الوقائع.", "The publisher of the proceedings.")),
    Field("site_url", text(True, SITE_URL.pattern), Text("عنوان هذا الموقع، منتهيًا بـ /.",
                                                 "This site's address, ending in /."),
          example='"https://proceedings.example.org/2015/"'),
    Field("official_url", text(False), Text("الصفحة الرسمية للمؤتمر.",
                                            "The conference's official page."), required=False),
    Field("themes", ListOf(BILINGUAL_OBJ), Text("محاور المؤتمر.", "The conference's themes.")),
    Field("editors", ids(), Text("معرّفات محرري الوقائع.", "The ids of the volume's editors."),
          required=False),
    Field("statements", ListOf(Obj("statement", (
        Field("person", ID, Text("معرّف صاحب التصريح.", "The id of the person quoted.")),
        Field("text", BILINGUAL, Text("نص التصريح.", "What was said.")),
        Field("source", BILINGUAL, Text("مصدره، مثل صحيفة.", "Where it was published.")),
    ))), Text("تصريحات عن المؤتمر.", "Public statements about the conference."),
          required=False),
), Text("المؤتمر نفسه: اسمه ومكانه وأيامه وناشره.",
        "The conference itself: its title, place, days and publisher."))


@dataclass(frozen=True)
class Document:
    """One kind of file and its schema. `keyed`: a mapping of id -> `body`."""

    name: str  # <name>.schema.json
    title: str
    body: Obj
    keyed: bool = False

    def schema(self) -> Json:
        objects = [BILINGUAL_OBJ, *nested_objects(self.body)]
        definitions = {**DEFINITIONS, **{o.name: o.schema() for o in objects}}
        if self.keyed:
            root: Json = {"type": "object", "propertyNames": ID,
                          "additionalProperties": {"$ref": f"#/definitions/{self.body.name}"}}
        else:
            root = definitions.pop(self.body.name)
        used = self._used_definitions(root, definitions)
        return {"$schema": DRAFT, "title": self.title, **root,
                "definitions": {k: v for k, v in definitions.items() if k in used}}

    @staticmethod
    def _used_definitions(root: Json, definitions: Json) -> set[str]:
        used: set[str] = set()
        todo = [root]
        while todo:
            text_ = json.dumps(todo.pop())
            for name in re.findall(r'"#/definitions/([a-z_]+)"', text_):
                if name not in used:
                    used.add(name)
                    todo.append(definitions[name])
        return used


DOCUMENTS: tuple[Document, ...] = (
    Document("conference", "conference.yaml", CONFERENCE),
    Document("people", "people.yaml", PERSON, keyed=True),
    Document("sessions", "sessions.yaml", SESSION, keyed=True),
    Document("paper", "papers/<id>/paper.yaml", PAPER),
)


def schema_of(name: str) -> Json:
    """The schema of one document: "paper", "people", "sessions" or "conference"."""
    return next(doc for doc in DOCUMENTS if doc.name == name).schema()


def render_all() -> dict[str, str]:
    """File name -> text of every published schema."""
    return {f"{doc.name}.schema.json":
            json.dumps(doc.schema(), ensure_ascii=False, indent=2) + "\n" for doc in DOCUMENTS}


def modeline(doc_name: str, depth: int) -> str:
    """The first line of a data file `depth` folders below the data folder."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{doc_name}.schema.json"


# -- YAML as editors' tools read it -----------------------------------------------

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
# PyYAML's (1.1) tag for a plain scalar; a node with another tag had it written out.
_RESOLVER = yaml.resolver.Resolver()


def instance(node: yaml.Node) -> Any:
    """A composed YAML node as JSON data, by YAML 1.2's core schema (what editors' tools use)."""
    if isinstance(node, yaml.MappingNode):
        return {instance(k): instance(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [instance(item) for item in node.value]
    value = node.value
    if node.style is not None or node.tag != _RESOLVER.resolve(yaml.ScalarNode, value,
                                                               (True, False)):
        return value  # quoted or block text, or an explicit tag (`!!str 7`): text
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def read_instance(path: Path) -> Any:
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return None if node is None else instance(node)
