"""Every field of the editors' files, declared once.

Each file (`conference.yaml`, `people.yaml`, `sessions.yaml`, `papers/<id>/paper.yaml`)
is a `Group` of `Field`s: name, kind of value, whether it is required, help in
Arabic and English, and an example as an editor writes it. Everything else is
derived from these declarations:

- the loader reads each file with `read_group` (`waqai.data.load` then builds the
  model and checks what involves more than one field);
- the JSON Schemas in `papers/_schema/` (`waqai.data.schema`);
- the commented `paper.yaml` of `python3 build.py new` (`waqai.data.scaffold`);
- the field tables of the contributing guide (`waqai.data.guide`).

The Markdown files beside them (a paper's abstract, the optional about notes)
are declared at the end, as `MarkdownPair`s.

A kind of value (`Value`) knows how it is read from YAML, with the problems an
editor gets, and how a JSON Schema describes it. Adding a field means one
`Field` here, then showing it where it belongs (model, pages, exports).

Why not pydantic: it validates Python values after YAML has typed them, so the
YAML 1.1 traps (`no`, `010`, `09:30`) would still need this node-level reading;
its errors carry no line and no "fix:"; and it writes draft 2020-12 schemas
where editors' YAML tools read draft-07. See docs/development/architecture.en.md.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import zoneinfo
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from waqai.data.citekeys import KEY, KEY_RULE, MAX_KEY, is_key, repaired_key
from waqai.data.dois import ITEM_PATTERN, PREFIX, SUFFIX_CHARACTERS, VOLUME_PATTERN
from waqai.data.model import (
    DEFAULT_MAX_PDF_MB,
    LANGS,
    AttachmentKind,
    Gender,
    HijriDate,
    ItemKind,
    Lang,
    PageDigits,
    PaperSize,
    SessionKind,
    Status,
    Text,
    TranslationPolicy,
    other_lang,
)
from waqai.data.problems import TRANSLATION_NEEDED, Problem, Severity
from waqai.data.weblinks import SCHEMA_PATTERN, LinkRule, link_problem
from waqai.data.yamlread import (
    BIDI_CONTROLS,
    MAX_SLUG,
    OTHER_CONTROLS,
    SLUG,
    TIME_TEXT,
    Fields,
    check_slug,
)
from waqai.text.braces import validate_bibtex_text
from waqai.text.dates import outside_table, parse_hijri
from waqai.text.labels import (
    ATTACHMENT_KINDS,
    GENDERS,
    ITEM_KINDS,
    PAGE_DIGITS,
    PAPER_SIZES,
    SESSION_KINDS,
    STATUSES,
    TRANSLATION_POLICIES,
)

Json = dict[str, Any]
Values = dict[str, Any]  # field name -> value read (None when missing or refused)

# Digits are ASCII digits ([0-9], never \d, which takes Arabic-Indic digits too): these
# identifiers are compared, linked and registered as their ASCII form.
# A stated DOI: the prefix, then a suffix of printable ASCII without space, quotes,
# braces (BibTeX), backslash, ^, ` or | (old SICI DOIs hold < and >: links escape them).
DOI = re.compile(r"^10\.[0-9]{4,9}/[!#-\[\]_a-z~]+$")
ORCID = re.compile(r"^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$")
PAGES = re.compile(r"^[0-9]+(?:[-–][0-9]+)?$")
SUBMISSION_SOURCE = re.compile(r"^[a-z0-9]+:[A-Za-z0-9._-]+$")  # a submission system and its id
PDF_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$")
ISBN = re.compile(r"^97[89]-?(?:[0-9]-?){9}[0-9]$")
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# The shape of an IANA time zone name ("Asia/Muscat", "America/Port-au-Prince", "UTC").
ZONE_TEXT = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"


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


def text_schema(required: bool = True, pattern: str = PLAIN_TEXT) -> Json:
    value: Json = {"type": "string", "pattern": pattern}
    if required:
        value["minLength"] = 1
    return value


@dataclass(frozen=True)
class Field:
    name: str
    value: Value
    help: Text
    required: bool = True
    example: str = ""  # the value as an editor would write it in YAML

    def read(self, fields: Fields) -> Any:
        return self.value.read(fields, self)

    @property
    def example_or_default(self) -> str:
        return self.example or '"…"'


def braces_balance(fields: Fields, field: str, value: str, line: int) -> bool:
    """Whether the braces of `value` nest; if not, a problem. Every text may reach a BibTeX
    file (a title, a name, a keyword, the publisher, a note), where an unbalanced brace
    ends a field early or swallows the rest of the file."""
    problem = validate_bibtex_text(value)
    if problem is not None:
        fields.problem(field, f"has unbalanced braces: {problem}.",
                       "Balance every { with a }, or remove the braces (citation files "
                       "cannot hold a lone one).", line)
    return problem is None


class Value(ABC):
    """A kind of value: how the loader reads it and how a JSON Schema describes it."""

    @abstractmethod
    def read(self, fields: Fields, field: Field) -> Any:
        """The value of `field` in `fields`, or None (problems are recorded in `fields`)."""

    @abstractmethod
    def schema(self, required: bool) -> Json:
        """The JSON Schema of the value, without the field's help; `required`: the field's."""


@dataclass(frozen=True)
class Invalid:
    """What an editor is told when a text does not have the form its field needs."""

    message: str  # with {value}
    fix: str


@dataclass(frozen=True)
class Plain(Value):
    """Text in one language (or none: a code, a URL, a file name).

    With `invalid`, the loader refuses a text that `pattern` or `check` does not
    accept, and says so. Without it the pattern is only published in the schema:
    the loader checks such a field itself (`pdf`, against the paper's folder).
    """

    pattern: re.Pattern[str] | None = None
    invalid: Invalid | None = None
    check: Callable[[str], bool] | None = None

    def read(self, fields: Fields, field: Field) -> str | None:
        value = fields.string(field.name, field.required, field.example_or_default)
        if value is None or not braces_balance(fields, fields.sub(field.name), value,
                                                fields.line(field.name)):
            return None
        if self.invalid is None:
            return value
        if (self.pattern and not self.pattern.match(value)) or (self.check
                                                                  and not self.check(value)):
            fields.problem(fields.sub(field.name), self.invalid.message.format(value=value),
                           self.invalid.fix, fields.line(field.name))
            return None
        return value

    def schema(self, required: bool) -> Json:
        return text_schema(required, self.pattern.pattern if self.pattern else PLAIN_TEXT)


@dataclass(frozen=True)
class WebLink(Value):
    """An address that becomes a link on the site (`weblinks.py`: one rule for all of them)."""

    rule: LinkRule = LinkRule()

    def read(self, fields: Fields, field: Field) -> str | None:
        value = fields.string(field.name, field.required, field.example_or_default)
        if value is None:
            return None
        problem = link_problem(value, self.rule)
        if problem is None:
            return value
        fields.problem(fields.sub(field.name), f"“{value}” {problem}.",
                       f'Write the whole address as the browser shows it, starting with '
                       f'{self.rule.starts}, e.g. "{self.rule.example}".', fields.line(field.name))
        return None

    def schema(self, required: bool) -> Json:
        pattern = SCHEMA_PATTERN[self.rule.schemes]
        return text_schema(required, pattern[:-1] + "/$" if self.rule.site else pattern)


class Bilingual(Value):
    """`{ar: "…", en: "…"}`. One language may be a translation gap (left out or ""): a
    warning, and "" in the model (`check_bilingual`); both left out is an error."""

    def read(self, fields: Fields, field: Field) -> Text | None:
        inner = fields.mapping(field.name, field.required, example='{ar: "…", en: "…"}')
        if inner is None:
            return None
        values = read_group(BILINGUAL_GROUP, inner)
        ar, en = values["ar"], values["en"]
        return Text(ar, en) if ar is not None and en is not None else None

    def schema(self, required: bool) -> Json:
        return {"$ref": "#/definitions/bilingual"}


@dataclass(frozen=True)
class Id(Value):
    """An id: a lowercase ASCII slug; `what` names it in messages ("person id")."""

    what: str = "id"

    def read(self, fields: Fields, field: Field) -> str | None:
        return fields.slug(field.name, field.required, what=self.what)

    def schema(self, required: bool) -> Json:
        return {"$ref": "#/definitions/id"}


@dataclass(frozen=True)
class IdList(Value):
    what: str = "id"

    def read(self, fields: Fields, field: Field) -> list[str] | None:
        return fields.slug_list(field.name, field.required, what=self.what)

    def schema(self, required: bool) -> Json:
        return {"type": "array", "items": {"$ref": "#/definitions/id"}}


class Order(Value):
    """A place in a sequence: a whole number from 1, written without a leading zero."""

    def read(self, fields: Fields, field: Field) -> int | None:
        return fields.integer(field.name, field.required)

    def schema(self, required: bool) -> Json:
        return {"type": "integer", "minimum": 1}


class Day(Value):
    """A Gregorian date, "YYYY-MM-DD"."""

    def read(self, fields: Fields, field: Field) -> dt.date | None:
        day = fields.date(field.name, field.required)
        outside = None if day is None else outside_table(day)
        if outside is None:
            return day
        fields.problem(fields.sub(field.name), f"cannot be written in both calendars: {outside}.",
                       "Check the year: the site gives every date in the Gregorian and the "
                       "Hijri calendar, and the Umm al-Qura table covers those years only.",
                       fields.line(field.name))
        return None

    def schema(self, required: bool) -> Json:
        return {"type": "string", "pattern": DATE, "format": "date"}


class ClockTime(Value):
    """A 24-hour time of day, "09:30" (always optional)."""

    def read(self, fields: Fields, field: Field) -> dt.time | None:
        return fields.time(field.name)

    def schema(self, required: bool) -> Json:
        return text_schema(required, TIME_TEXT.pattern)


class HijriDay(Value):
    """A date in the Umm al-Qura calendar, "YYYY-MM-DD"; checked against the Gregorian one."""

    def read(self, fields: Fields, field: Field) -> HijriDate | None:
        value = fields.string(field.name, field.required, field.example_or_default)
        if value is None:
            return None
        try:
            return parse_hijri(value)
        except ValueError as err:
            fields.problem(fields.sub(field.name), f"“{value}” is not a usable Hijri date: {err}",
                           'Write it as "YYYY-MM-DD" in the Umm al-Qura calendar, e.g. '
                           '"1446-04-13" for 13 Rabi\' al-Thani 1446, or leave it out.',
                           fields.line(field.name))
            return None

    def schema(self, required: bool) -> Json:
        return text_schema(required, DATE)


@functools.cache  # the tz database is listed once per process
def known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def closest_zone(value: str) -> str | None:
    """The known zone name nearest to `value`, ignoring case ("asia/muskat" -> "Asia/Muscat")."""
    by_folded = {zone.lower(): zone for zone in known_zones()}
    close = difflib.get_close_matches(value.lower().replace(" ", "_"), by_folded, n=1)
    return by_folded[close[0]] if close else None


# A language tag (BCP 47) of a language Waqai shows: Arabic or English, with an optional
# script and region, e.g. "ar", "en-GB", "ar-SA", "en-Latn-US".
LANGUAGE_TAG = re.compile(r"^(?:ar|en)(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$")


class LanguageTag(Value):
    """The language an item's original texts are in, as a BCP 47 tag of Arabic or English.

    A third language (an item in French at a Maghreb conference) would need its own texts
    beside the two the pages show: the model does not hold them yet, so such a tag is
    refused with what to write meanwhile."""

    def read(self, fields: Fields, field: Field) -> str | None:
        value = fields.string(field.name, field.required, field.example_or_default)
        if value is None or LANGUAGE_TAG.match(value):
            return value
        primary = value.split("-", 1)[0].lower()
        if primary in LANGS:
            fix = (f"Write the tag as BCP 47 spells it, e.g. `{primary}` or "
                   f"`{primary}-{'SA' if primary == 'ar' else 'GB'}` (language in lower case, "
                   "region in capitals).")
        else:
            fix = ("Waqai shows an item in Arabic (`ar`) or English (`en`): write the one its "
                   "title and abstract were published in, or, for an item in another language, "
                   "the language of the text given here and its original title in a note.")
        fields.problem(fields.sub(field.name),
                       f"“{value}” is not the tag of a language Waqai shows.", fix,
                       fields.line(field.name))
        return None

    def schema(self, required: bool) -> Json:
        return text_schema(required, LANGUAGE_TAG.pattern)


class TimeZone(Value):
    """An IANA time zone name, "Asia/Muscat", as the tz database (zoneinfo) knows it."""

    def read(self, fields: Fields, field: Field) -> str | None:
        value = fields.string(field.name, field.required, field.example_or_default)
        if value is None or value in known_zones():
            return value
        closest = closest_zone(value)
        hint = f"Did you mean `{closest}`? " if closest else ""
        fields.problem(fields.sub(field.name), f"“{value}” is not a known IANA time zone.",
                       f'{hint}Write the tz database name of the place, e.g. "Asia/Muscat" '
                       "(see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones).",
                       fields.line(field.name))
        return None

    def schema(self, required: bool) -> Json:
        return text_schema(required, ZONE_TEXT)


@dataclass(frozen=True)
class Choice(Value):
    """One of an enumeration's values; `labels` name each in both languages."""

    enum: type[Enum]
    labels: Mapping[Any, Text]
    what: str = "kind"  # what a value is, in messages: "“lecture” is not a known kind."

    def read(self, fields: Fields, field: Field) -> Enum | None:
        value = fields.string(field.name, field.required, example=next(iter(self.enum)).value)
        if value is None:
            return None
        try:
            return self.enum(value)
        except ValueError:
            allowed = ", ".join(member.value for member in self.enum)
            fields.problem(fields.sub(field.name), f"“{value}” is not a known {self.what}.",
                           f"Write one of: {allowed}.", fields.line(field.name))
            return None

    def schema(self, required: bool) -> Json:
        return {"type": "string", "enum": [member.value for member in self.enum]}

    def help(self, ar: str, en: str) -> Text:
        """Help listing every choice with its label, e.g. «paper (بحث)»."""
        items = self.labels.items()
        return Text(f"{ar}: " + "، ".join(f"{k.value} ({v.ar})" for k, v in items) + ".",
                    f"{en}: " + ", ".join(f"{k.value} ({v.en})" for k, v in items) + ".")


@dataclass(frozen=True)
class Flag(Value):
    """`true` or `false`; left out, `default`."""

    default: bool = False

    def read(self, fields: Fields, field: Field) -> bool:
        return fields.flag(field.name, self.default)

    def schema(self, required: bool) -> Json:
        return {"type": "boolean"}


class CitationKey(Value):
    """A citation key (`waqai.data.citekeys`); a malformed one is refused with the nearest
    well-formed key as the fix."""

    def read(self, fields: Fields, field: Field) -> str | None:
        value = fields.string(field.name, field.required, field.example_or_default)
        if value is None or is_key(value):
            return value
        repaired = repaired_key(value)
        nearest = f"e.g. `{field.name}: {repaired}`" if repaired else f"e.g. {field.example}"
        fields.problem(fields.sub(field.name), f"“{value}” is not a usable citation key.",
                       f"Write {KEY_RULE}, {nearest}.", fields.line(field.name))
        return None

    def schema(self, required: bool) -> Json:
        return {**text_schema(required, KEY.pattern), "maxLength": MAX_KEY}


class Words(Value):
    """A list of short texts (keywords)."""

    def read(self, fields: Fields, field: Field) -> list[str] | None:
        words = fields.str_list(field.name, field.required)
        if words is None:
            return None
        line = fields.line(field.name)
        return [word for index, word in enumerate(words)
                if braces_balance(fields, f"{fields.sub(field.name)}[{index}]", word, line)]

    def schema(self, required: bool) -> Json:
        return {"type": "array", "items": text_schema()}


@dataclass(frozen=True)
class Group(Value):
    """A mapping with a fixed set of fields; any other key is an error."""

    name: str  # its name under the schema's `definitions`
    fields: tuple[Field, ...]
    help: Text | None = None
    extra: Json | None = None  # further schema keywords (e.g. if/then)
    # A rule across its fields, run once they are read: it may report problems and
    # settle values (a translation gap becomes "").
    check: Callable[[Values, Fields], None] | None = None

    def read(self, fields: Fields, field: Field) -> Values | None:
        inner = fields.mapping(field.name, field.required)
        return None if inner is None else read_group(self, inner)

    def schema(self, required: bool) -> Json:
        return {"$ref": f"#/definitions/{self.name}"}


AT = "_at"  # in each item's values (ListOf): the item's own Fields, for the loader's checks


@dataclass(frozen=True)
class ListOf(Value):
    """A list of mappings of one kind. Each item's values also hold its `Fields` under
    `AT`, so a check across its fields can name its lines."""

    item: Group

    def read(self, fields: Fields, field: Field) -> list[Values] | None:
        items = fields.mapping_list(field.name, field.required)
        if items is None:
            return None
        return [{**read_group(self.item, item), AT: item} for item in items]

    def schema(self, required: bool) -> Json:
        return {"type": "array", "items": self.item.schema(True)}


@dataclass(frozen=True)
class TextById(Value):
    """`{<id>: {ar: "…", en: "…"}, …}`: a text in both languages for each of some ids
    (an item's people). A key that is no id is refused and its text left unread."""

    what: str = "id"  # the kind of id the keys are, in messages ("person id")

    def read(self, fields: Fields, field: Field) -> dict[str, Text] | None:
        inner = fields.mapping(field.name, field.required, field.example_or_default)
        if inner is None:
            return None
        texts: dict[str, Text] = {}
        refused: list[str] = []
        for key in inner.keys():  # noqa: SIM118 - Fields is not a dict
            if check_slug(key, inner.file, inner.sub(key), inner.problems, inner.line(key),
                          self.what) is None:
                refused.append(key)
                continue
            text = BILINGUAL.read(inner, Field(key, BILINGUAL, field.help))
            if text is not None:
                texts[key] = text
        inner.finish(allowed_extra=tuple(refused))
        return texts

    def schema(self, required: bool) -> Json:
        return {"type": "object", "propertyNames": {"$ref": "#/definitions/id"},
                "additionalProperties": {"$ref": "#/definitions/bilingual"}}


def read_group(group: Group, fields: Fields) -> Values:
    """Every declared field of `group` from `fields`, then any undeclared key reported."""
    values = {field.name: field.read(fields) for field in group.fields}
    if group.check is not None:
        group.check(values, fields)
    fields.finish()
    return values


# -- translation gaps ---------------------------------------------------------------

LANGUAGE_NAMES: dict[Lang, str] = {"ar": "Arabic", "en": "English"}
TEXT_EXAMPLES: dict[Lang, str] = {"ar": '"النص العربي"', "en": '"English text"'}


def translation_needed(file: str, field: str, missing: Lang, said: str, write: str,
                       instead: str, line: int | None = None) -> Problem:
    """The warning of one translation gap: `field` (or the whole file) has no text in
    `missing`. `said` is what is written and what is not, `write` what to add, `instead`
    what pages in `missing` show meanwhile: the gap is never filled with a copy."""
    return Problem(file, field, f"{TRANSLATION_NEEDED}: {said}.",
                   f"{write} Until then, {LANGUAGE_NAMES[missing]} pages show the {instead} "
                   "instead.", line, Severity.WARNING)


def check_bilingual(values: Values, fields: Fields) -> None:
    """`ar` and `en` of a text: one left out or empty is a gap (a warning; its value
    becomes ""), both an error."""
    blank = [lang for lang in LANGS if fields.blank(lang)]
    if len(blank) == len(LANGS):
        for lang in LANGS:  # as for any required field left out or empty
            written = lang in fields.entries
            fields.problem(fields.sub(lang), "is empty." if written else "is missing.",
                           f"{'Fill it in' if written else 'Add it'}, e.g. `{lang}: "
                           f"{TEXT_EXAMPLES[lang]}`; one language is enough until the other's "
                           "translation is at hand.", fields.line(lang))
        return
    for lang in blank:
        values[lang] = ""
        have, lacking = LANGUAGE_NAMES[other_lang(lang)], LANGUAGE_NAMES[lang]
        fields.problems.append(translation_needed(
            fields.file, fields.sub(lang), lang,
            f"“{fields.path}” has {have} text but no {lacking}",
            f'Write the {lacking} translation: `{lang}: "…"`, never a copy of the {have}.',
            f"{have} text", fields.line(lang)))


def check_keywords(values: Values, fields: Fields) -> None:
    """Keywords in one language only: the other's list is a gap (a warning)."""
    for lang in LANGS:
        if values[lang] == [] and values[other_lang(lang)]:
            have, lacking = LANGUAGE_NAMES[other_lang(lang)], LANGUAGE_NAMES[lang]
            fields.problems.append(translation_needed(
                fields.file, fields.sub(lang), lang,
                f"“{fields.path}” has {have} keywords but no {lacking} ones",
                f'List the {lacking} keywords: `{lang}: ["…"]`, translations, never copies '
                f"of the {have}.", f"{have} keywords", fields.line(lang)))


def check_person_names(values: Values, fields: Fields) -> None:
    """A person's Arabic name (`name`) or Latin spelling (`latin`) may be a gap (a
    warning); a person needs one of them."""
    no_arabic, no_latin = fields.blank("name"), fields.blank("latin")
    if no_arabic and no_latin:
        fields.problem(fields.path, "has neither an Arabic name (`name`) nor a Latin "
                       "spelling (`latin`).",
                       'Write at least one: `name: {given: "…", family: "…"}` or '
                       '`latin: [{given: "…", family: "…"}]`.', fields.line())
    elif no_latin:
        fields.problems.append(translation_needed(
            fields.file, fields.sub("latin"), "en",
            f"“{fields.path}” has an Arabic name but no Latin spelling",
            'Add the romanised name: `latin: [{given: "…", family: "…"}]`.', "Arabic name",
            fields.line("latin")))
    elif no_arabic:
        fields.problems.append(translation_needed(
            fields.file, fields.sub("name"), "ar",
            f"“{fields.path}” has a Latin spelling but no Arabic name",
            'Add the name in Arabic: `name: {given: "…", family: "…"}`.', "Latin spelling",
            fields.line("name")))


def valid_isbn(isbn: str) -> bool:
    """The ISBN-13 check digit: weights 1 and 3 alternately, the total a multiple of 10."""
    digits = [int(c) for c in isbn if c.isdigit()]
    return sum(d * (3 if n % 2 else 1) for n, d in enumerate(digits)) % 10 == 0


def valid_orcid(orcid: str) -> bool:
    """Pattern and ISO 7064 11,2 check digit, as ORCID specifies."""
    if not ORCID.match(orcid):
        return False
    total = 0
    for char in orcid.replace("-", "")[:-1]:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    return orcid[-1] == ("X" if check == 10 else str(check))


# -- the declarations ---------------------------------------------------------------

# The ids the examples use, plainly placeholders. They agree with one another across
# files, so the skeleton of `build.py init` (made from these examples) passes `check`.
EXAMPLE_PAPER = "first-paper"
EXAMPLE_SESSION = "paper-session-1"
EXAMPLE_PERSON = "first-author"
# The derived key of the skeleton's example item (`citekeys.base_key`), so it reads as one.
EXAMPLE_KEY = "familyname2024example"

BILINGUAL = Bilingual()
ORDER = Order()
DAY = Day()

# What the schema says of a text in both languages: at least one of them, not blank.
ONE_LANGUAGE_AT_LEAST: Json = {"anyOf": [
    {"required": [lang], "properties": {lang: {"pattern": r"\S"}}} for lang in LANGS]}

BILINGUAL_GROUP = Group("bilingual", (
    Field("ar", Plain(), Text("النص بالعربية.", "The Arabic text."), required=False,
          example=TEXT_EXAMPLES["ar"]),
    Field("en", Plain(), Text("النص بالإنجليزية.", "The English text."), required=False,
          example=TEXT_EXAMPLES["en"]),
), Text("نص باللغتين: ar للعربية وen للإنجليزية. إن لم تتوفّر إحداهما بعدُ فاكتب الأخرى وحدها، "
        "فينبّه الأمر check إلى الترجمة الناقصة (translation needed) دون أن يوقف البناء، "
        "ولا تُنسخ إليها اللغة الأخرى.",
        "Text in both languages: ar for Arabic and en for English. If one is not at hand "
        "yet, write the other alone: check warns of the missing translation (translation "
        "needed) without stopping the build; never copy the other language into it."),
    extra=ONE_LANGUAGE_AT_LEAST, check=check_bilingual)

ID_HELP = Text("معرّف: حروف لاتينية صغيرة a–z وأرقام 0–9 وشرطة مفردة بينها.",
               "An id: lowercase a–z, digits 0–9 and single hyphens between them.")
ID_SCHEMA: Json = {"type": "string", "pattern": SLUG.pattern, "maxLength": MAX_SLUG}

ITEM_KIND = Choice(ItemKind, ITEM_KINDS)
STATUS = Choice(Status, STATUSES, what="status")

ATTACHMENT_KIND = Choice(AttachmentKind, ATTACHMENT_KINDS, what="attachment type")

ATTACHMENT = Group("attachment", (
    Field("type", ATTACHMENT_KIND, ATTACHMENT_KIND.help(
        "نوع المرفق؛ الشرائح والملصق ملف PDF في مجلد البند (file)، والبقية رابط (url)",
        "What the attachment is; slides and a poster are a PDF in the item's folder (file), "
        "the others a link (url)"), example="slides"),
    Field("label", BILINGUAL, Text("اسم المرفق كما يظهر على الصفحة، باللغتين.",
                                   "The attachment's name as the page shows it, in both "
                                   "languages."),
          example='{ar: "شرائح العرض", en: "Slides"}'),
    # The loader checks that a file is given for slides and a poster, a url for the rest.
    Field("file", Plain(PDF_NAME), Text(
        "للشرائح والملصق: اسم ملف PDF في مجلد البند (بقواعد ملف البحث نفسها).",
        "For slides and a poster: the file name of a PDF in the item's folder (checked as "
        "the paper's PDF is)."), required=False, example='"slides.pdf"'),
    Field("url", WebLink(),
          Text("للتسجيل والشيفرة والبيانات: رابط يبدأ بـ https://.",
               "For a video, code or a dataset: a link starting with https://."),
          required=False, example='"https://video.example.org/talk"'),
), Text("مرفق واحد للبند.", "One attachment of the item."))

VERSION = Group("version", (
    Field("file", Plain(PDF_NAME), Text("اسم ملف PDF هذه النسخة في مجلد البند.",
                                        "The file name of this version's PDF in the item's "
                                        "folder."), example='"paper-v1.pdf"'),
    Field("date", DAY, Text("تاريخ هذه النسخة، بالتقويم الميلادي.",
                            "The date of this version, Gregorian."), example='"2024-10-16"'),
    Field("note", BILINGUAL, Text("ما تغيّر في هذه النسخة، باللغتين.",
                                  "What this version changed, in both languages."),
          required=False, example='{ar: "كما قُدّم في المؤتمر", en: "As presented"}'),
), Text("نسخة واحدة من النص الكامل.", "One version of the full text."))

DATED_NOTE = Group("dated_note", (
    Field("date", DAY, Text("التاريخ، بالتقويم الميلادي.", "The date, Gregorian."),
          example='"2025-02-01"'),
    *BILINGUAL_GROUP.fields,  # the text, in both languages
), Text("ملاحظة مؤرّخة باللغتين.", "A dated note in both languages."),
    extra=ONE_LANGUAGE_AT_LEAST, check=check_bilingual)
SESSION_KIND = Choice(SessionKind, SESSION_KINDS)
TRANSLATIONS = Choice(TranslationPolicy, TRANSLATION_POLICIES, what="translation policy")
GENDER = Choice(Gender, GENDERS, what="gender")

PAPER = Group("paper", (
    Field("id", Id("paper id"), Text("معرّف البند، وهو اسم مجلده نفسه.",
                                     "The item's id: the name of its folder."),
          example=EXAMPLE_PAPER),
    Field("key", CitationKey(), Text(
        "مفتاح الاستشهاد الذي يكتبه المؤلفون في \\cite{}، ويُسمّى به ملف الاستشهاد للتنزيل: حروف "
        "لاتينية وأرقام، يبدأ بحرف، وبينها - أو _ مفردة. يكتبه الأمر build.py new؛ وبعد نشر البند "
        "لا يُغيَّر أبدًا.",
        "The citation key authors write in \\cite{}, and the name of the item's citation "
        "downloads: ASCII letters and digits, starting with a letter, with single - or _ between "
        "them. Written by build.py new; once the item is published, never change it."),
          required=False, example=f'"{EXAMPLE_KEY}"'),
    Field("source", Plain(SUBMISSION_SOURCE, Invalid(
        "“{value}” is not a submission system's id.",
        'Leave the value `import` wrote, e.g. "easychair:17", or delete the line.')), Text(
        "النظام الذي استورد منه الأمر build.py import البند ورقمه فيه، مثل \"easychair:17\"؛ "
        "يعرف به الاستيراد التالي البند نفسه فيحدّثه ولا يكرّره.",
        "The submission system `build.py import` took the item from, and its id there, e.g. "
        "\"easychair:17\": the next import finds the item by it, and updates it rather than "
        "adding it again."), required=False, example='"easychair:17"'),
    Field("session", Id("session id"), Text(
        "معرّف الجلسة التي يُقدَّم فيها البند، كما هو في sessions.yaml.",
        "The id of the item's session, as written in sessions.yaml."),
          example=EXAMPLE_SESSION),
    Field("order", ORDER, Text("ترتيب البند في جلسته: 1 للأول، 2 للثاني… (أرقام بلا صفر في أولها).",
                               "The item's place in its session: 1 for the first, 2 for the "
                               "second … (digits, no leading zero)."), example="1"),
    Field("kind", ITEM_KIND, ITEM_KIND.help("نوع البند، واحد من", "What the item is, one of"),
          example="paper"),
    Field("title", BILINGUAL, Text("عنوان البند بالعربية (ar) والإنجليزية (en).",
                                   "The item's title in Arabic (ar) and English (en)."),
          example='{ar: "العنوان بالعربية", en: "The title in English"}'),
    Field("language", LanguageTag(), Text(
        "لغة البند كما نُشر، بوسم BCP 47: ar أو en (وقد تتبعها منطقة، مثل en-GB). عنوانه وملخصه "
        "بلغته هما الأصل ولا بد منهما، وما بالأخرى ترجمة. إن لم تُكتب فلغة الوقائع "
        "(language في conference.yaml).",
        "The item's language as published, a BCP 47 tag: ar or en (a region may follow, e.g. "
        "en-GB). Its title and abstract in that language are the original and required; the "
        "other language's are translations. Left out: the volume's (language in "
        "conference.yaml)."), required=False, example='"en"'),
    Field("people", IdList("person id"), Text(
        "معرّفات المؤلفين أو المتحدثين بالترتيب، كما هي في people.yaml. القائمة الفارغة [] "
        "لحلقة نقاش لا تُعرف أسماء المشاركين فيها فقط.",
        "The ids of the authors or speakers, in order, as written in people.yaml. An empty "
        "list [] only for a panel whose panellists are not named."), example=f"[{EXAMPLE_PERSON}]"),
    Field("affiliations", TextById("person id"), Text(
        "جهة العمل التي ذكرها الشخص في هذا البند إن خالفت جهته في people.yaml (كأن يكون قد "
        "انتقل إلى جهة أخرى بين مؤتمرين): يُكتب معرّف الشخص، وتحته الجهة بالعربية (ar) "
        "والإنجليزية (en). ولا بد أن يكون المعرّف من أشخاص البند في people، ومن لم يُذكر هنا "
        "فجهته ما في people.yaml.",
        "The affiliation a person gave on this item, where it differs from their affiliation "
        "in people.yaml (they moved between two conferences, say): the person's id, and under "
        "it the affiliation in Arabic (ar) and English (en). Each id must be one of the "
        "item's people; a person not listed here has the affiliation people.yaml gives."),
          required=False,
          example=f'{{{EXAMPLE_PERSON}: {{ar: "اسم الجهة", en: "Organisation name"}}}}'),
    Field("keywords", Group("keywords", (
        Field("ar", Words(), Text("الكلمات المفتاحية بالعربية.", "Keywords in Arabic."),
              required=False, example='["كلمة مفتاحية"]'),
        Field("en", Words(), Text("الكلمات المفتاحية بالإنجليزية.", "Keywords in English."),
              required=False, example='["keyword"]'),
    ), check=check_keywords), Text(
        "الكلمات المفتاحية في كل لغة؛ وإن خلت منها لغةٌ وفي الأخرى كلمات نبّه الأمر check "
        "إلى الترجمة الناقصة.",
        "Keywords in each language; one language without any while the other has some is a "
        "missing translation that check warns of."), required=False,
          example='{ar: ["كلمة مفتاحية"], en: ["keyword"]}'),
    Field("pages", Plain(PAGES, Invalid("“{value}” is not a page range.", 'Write e.g. "12-19".')),
          Text("صفحات البحث في الكتاب المطبوع.", "The pages of the paper in the printed volume."),
          required=False, example='"12-19"'),
    Field("doi", Plain(DOI, Invalid("“{value}” is not a DOI.",
                                    'Write the bare DOI, e.g. "10.1234/abcd" (no '
                                    "https://doi.org/).")),
          Text("معرّف DOI مجردًا، بلا https://doi.org/، حين يكون للبند معرّفه الخاص؛ وإلا أعطته "
               "إياه doi_prefix في conference.yaml إن كُتبت.",
               "The bare DOI, without https://doi.org/, when the item has its own; otherwise "
               "doi_prefix in conference.yaml gives it one, if written."), required=False,
          example='"10.1234/abcd"'),
    # Whether the file is there is checked by the loader, which knows the folder.
    Field("pdf", Plain(PDF_NAME), Text("اسم ملف PDF للبحث، موضوعًا في مجلد البند.",
                                       "The file name of the paper's PDF, put in the item's "
                                       "folder."), required=False, example='"paper.pdf"'),
    Field("versions", ListOf(VERSION), Text(
        "كل نسخ النص الكامل حين يكون له أكثر من نسخة، ومنها النسخة التي يسمّيها pdf (الحالية)؛ "
        "تظهر كلها على صفحة البند.",
        "Every version of the full text, when it has more than one, including the one `pdf` "
        "names (the current one); the item's page links them all."), required=False,
          example='[{file: "paper-v1.pdf", date: "2024-10-16"}, {file: "paper.pdf", '
                  'date: "2025-01-10"}]'),
    Field("attachments", ListOf(ATTACHMENT), Text(
        "مرفقات البند: شرائح العرض والملصق (ملفات PDF في مجلده)، وتسجيل مرئي وشيفرة وبيانات "
        "(روابط).",
        "The item's attachments: slides and a poster (PDFs in its folder), a video, code and "
        "a dataset (links)."), required=False,
          example='[{type: slides, file: "slides.pdf", label: {ar: "شرائح العرض", '
                  'en: "Slides"}}]'),
    Field("status", STATUS, STATUS.help(
        "حال البند في السجل، published إن لم تُكتب. البند المسحوب أو الملغى تبقى صفحته ومعرّفه "
        "DOI وملفات استشهاده، ويخرج من ملفات المجلد وتقاويمه، ويحتاج إلى notice",
        "Where the item stands in the record, published if not written. A retracted or "
        "withdrawn item keeps its page, its DOI and its own citation files, leaves the "
        "volume's files and calendars, and needs a notice"), required=False,
          example="retracted"),
    Field("notice", DATED_NOTE, Text(
        "بيان السحب أو الإلغاء: تاريخه وسببه باللغتين؛ يظهر فوق عنوان البند.",
        "The notice of a retraction or withdrawal: its date and reason in both languages; "
        "shown above the item's title."), required=False,
          example='{date: "2025-02-01", ar: "سُحب البحث لأن …", en: "Retracted because …"}'),
    Field("errata", ListOf(DATED_NOTE), Text(
        "التصويبات بعد النشر، الأقدم أولًا: تاريخ كل تصويب ونصه باللغتين؛ تظهر على صفحة البند "
        "وفي حقل الملاحظة من ملفات استشهاده.",
        "Corrections after publication, oldest first: each one's date and text in both "
        "languages; shown on the item's page and in the note field of its citation files."),
          required=False,
          example='[{date: "2025-01-10", ar: "صُحّح رقم الجدول 2.", en: "Table 2 was corrected."}]'),
), Text("بند واحد من برنامج المؤتمر: بحث أو عرض أو كلمة أو حلقة نقاش أو ورشة عمل. الملخص في "
        "abstract.ar.md و abstract.en.md في المجلد نفسه.",
        "One item of the programme: a paper, talk, keynote, panel or workshop. Its abstract is "
        "in abstract.ar.md and abstract.en.md in the same folder."),
    # Only a panel may have no named people (checks.check_people_named).
    extra={"if": {"properties": {"kind": {"not": {"const": ItemKind.PANEL.value}}}},
           "then": {"properties": {"people": {"minItems": 1}}}})

PERSON = Group("person", (
    Field("name", Group("arabic_name", (
        Field("honorific", Plain(), Text("اللقب، مثل «أ.» أو «د.»؛ يظهر ولا يُرتَّب عليه.",
                                         "The honorific, e.g. «أ.» or «د.»; shown, never "
                                         "sorted on."), required=False, example='"د."'),
        Field("given", Plain(), Text("الاسم الأول.", "The given name."),
              example='"الاسم الأول"'),
        Field("nasab", Plain(), Text("سلسلة النسب «بن …».", "The «بن …» chain."),
              required=False, example='"بن اسم الأب"'),
        Field("family", Plain(), Text("اسم العائلة الذي يُفهرَس به الشخص.",
                                      "The family name the person is filed under."),
              required=False, example='"اسم العائلة"'),
    )), Text("الاسم بالعربية مقسّمًا إلى أجزائه. يُكتب هو أو latin على الأقل، وغياب أحدهما "
             "ترجمةٌ ناقصة ينبّه إليها الأمر check.",
             "The Arabic name, in its parts. This or latin at least: one of them missing is a "
             "missing translation that check warns of."), required=False,
          example='{given: "الاسم الأول", nasab: "بن اسم الأب", family: "اسم العائلة"}'),
    Field("latin", ListOf(Group("latin_name", (
        Field("given", Plain(), Text("الاسم الأول بالحروف اللاتينية.",
                                            "The given name in Latin letters."),
              example='"Given Name"'),
        Field("family", Plain(), Text("اسم العائلة بالحروف اللاتينية.",
                                      "The family name in Latin letters."),
              required=False, example='"Family Name"'),
    ))), Text("كتابة الاسم بالحروف اللاتينية؛ الأولى هي المفضّلة والبقية صيغ أخرى. يُكتب هو "
               "أو name على الأقل.",
               "The name in Latin letters; the first spelling is preferred, the rest are "
               "variants. This or name at least."), required=False,
          example='[{given: "Given Name", family: "Family Name"}]'),
    Field("affiliation", BILINGUAL, Text("جهة العمل.", "The affiliation."), required=False,
          example='{ar: "اسم الجهة", en: "Organisation name"}'),
    Field("position", BILINGUAL, Text("المنصب.", "The position held."), required=False,
          example='{ar: "المنصب", en: "Position"}'),
    Field("gender", GENDER, GENDER.help(
        "جنس الشخص، لتوافقه أسماء أدواره في الصفحات العربية (مثل «رئيسة الجلسة»)؛ يُكتب "
        "حين تذكره المصادر فقط. واحد من",
        "The person's gender, so that the names of their roles on Arabic pages agree with it "
        "(e.g. «رئيسة الجلسة», a woman chair); written only when the sources state it. "
        "One of"), required=False, example="f"),
    Field("orcid", Plain(ORCID, Invalid("“{value}” is not a valid ORCID iD.",
                                        'Write the 16-character iD, e.g. "0000-0002-1825-0097" '
                                        "(not the URL)."), check=valid_orcid),
          Text("معرّف ORCID من 16 خانة، بلا الرابط.", "The 16-character ORCID iD, not the URL."),
          required=False, example='"0000-0002-1825-0097"'),
    Field("distinct_from", IdList("person id"), Text(
        "معرّفات أشخاص تتشابه أسماؤهم مع هذا الشخص وهم غيره.",
        "Ids of people whose names look like this person's but who are different people."),
          required=False, example="[second-author]"),
), Text("شخص واحد: مؤلف أو متحدث أو رئيس جلسة.", "One person: an author, speaker or chair."),
    extra={"anyOf": [{"required": ["name"]},
                     {"required": ["latin"], "properties": {"latin": {"minItems": 1}}}]},
    check=check_person_names)

SESSION = Group("session", (
    Field("kind", SESSION_KIND, SESSION_KIND.help("نوع الجلسة، واحد من",
                                                  "What the session is, one of"),
          example="paper-session"),
    Field("title", BILINGUAL, Text("عنوان الجلسة.", "The session's title."),
          example='{ar: "عنوان الجلسة", en: "Session title"}'),
    Field("day", DAY, Text("يوم الجلسة بالتقويم الميلادي.", "The session's day, Gregorian."),
          example='"2024-10-16"'),
    Field("order", ORDER, Text("ترتيب الجلسة في يومها: 1، 2، 3…",
                               "The session's place in its day: 1, 2, 3 …"), example="1"),
    Field("start", ClockTime(), Text("وقت البدء بنظام 24 ساعة.", "Start time, 24-hour clock."),
          required=False, example='"09:30"'),
    Field("end", ClockTime(), Text("وقت الانتهاء بنظام 24 ساعة.", "End time, 24-hour clock."),
          required=False, example='"11:00"'),
    Field("room", BILINGUAL, Text("القاعة.", "The room."), required=False,
          example='{ar: "اسم القاعة", en: "Room name"}'),
    Field("chairs", IdList("person id"), Text("معرّفات رؤساء الجلسة، كما هي في people.yaml.",
                                              "The ids of the session's chairs, as written in "
                                              "people.yaml."),
          required=False, example=f"[{EXAMPLE_PERSON}]"),
    Field("description", BILINGUAL, Text("وصف قصير للجلسة.", "A short description of the "
                                         "session."), required=False,
          example='{ar: "وصف قصير للجلسة", en: "A short description of the session"}'),
), Text("جلسة واحدة من برنامج المؤتمر.", "One session of the programme."))

SITE_LINK = WebLink(LinkRule(("https", "http"), site=True))  # a site's address, ending in /
ORGANISATION = '{ar: "اسم الجهة", en: "Organisation name"}'
ORGANISER_ROLE = '{ar: "تنظّمه", en: "Organised by"}'
STATEMENT = '{ar: "نص التصريح", en: "What was said"}'
SOURCE = '{ar: "اسم المصدر", en: "Source name"}'

CONFERENCE = Group("conference", (
    Field("title", BILINGUAL, Text("اسم المؤتمر.", "The conference's title."),
          example='{ar: "عنوان المؤتمر", en: "Conference title"}'),
    Field("short_name", Plain(), Text("اسم قصير بحروف لاتينية لهذا الموقع.",
                                             "A short ASCII label for this site."),
          example='"CONF-2024"'),
    Field("description", BILINGUAL, Text("وصف المؤتمر.", "A description of the conference."),
          required=False, example='{ar: "وصف المؤتمر", en: "A description of the conference"}'),
    Field("organisers", ListOf(Group("organiser", (
        Field("name", BILINGUAL, Text("اسم الجهة.", "The organisation's name."),
              example=ORGANISATION),
        Field("role", BILINGUAL, Text("دورها، مثل «تعقده».", 'Its role, e.g. "Held by".'),
              example=ORGANISER_ROLE),
    ))), Text("الجهات التي تعقد المؤتمر أو تنظّمه.", "The bodies that hold or organise the "
              "conference."), example=f"[{{name: {ORGANISATION}, role: {ORGANISER_ROLE}}}]"),
    Field("venue", BILINGUAL, Text("مكان الانعقاد.", "The venue."),
          example='{ar: "مكان الانعقاد", en: "Venue"}'),
    Field("city", BILINGUAL, Text("المدينة.", "The city."), example='{ar: "المدينة", en: "City"}'),
    Field("country", BILINGUAL, Text("الدولة.", "The country."),
          example='{ar: "الدولة", en: "Country"}'),
    Field("dates", Group("dates", (
        Field("start", DAY, Text("يوم البدء بالتقويم الميلادي.", "First day, Gregorian."),
              example='"2024-10-16"'),
        Field("end", DAY, Text("يوم الانتهاء بالتقويم الميلادي.", "Last day, Gregorian."),
              example='"2024-10-17"'),
        Field("hijri_start", HijriDay(), Text(
            "يوم البدء بتقويم أم القرى؛ يُتحقَّق من مطابقته للميلادي.",
            "First day in the Umm al-Qura calendar; checked against the Gregorian date."),
              required=False, example='"1446-04-13"'),
        Field("hijri_end", HijriDay(), Text(
            "يوم الانتهاء بتقويم أم القرى.", "Last day in the Umm al-Qura calendar."),
              required=False, example='"1446-04-14"'),
    )), Text("أيام المؤتمر.", "The days of the conference."),
          example='{start: "2024-10-16", end: "2024-10-17"}'),
    Field("timezone", TimeZone(), Text(
        "المنطقة الزمنية لأوقات الجلسات، باسمها في قاعدة IANA.",
        "The time zone of the sessions' times, by its IANA (tz database) name."),
          example='"Asia/Muscat"'),
    Field("language", LanguageTag(), Text(
        "لغة بنود الوقائع حين لا يذكر البند لغته، بوسم BCP 47: ar (الافتراضي) أو en.",
        "The language of the volume's items where an item does not give its own, a BCP 47 "
        "tag: ar (the default) or en."), required=False, example='"ar"'),
    Field("translations", TRANSLATIONS, TRANSLATIONS.help(
        "سياسة الترجمة، واحدة من", "The translation policy, one of"), required=False,
          example="welcome"),
    Field("max_pdf_mb", Order(), Text(
        f"أكبر حجم مقبول لملف PDF البحث، بالميغابايت ({DEFAULT_MAX_PDF_MB} إن لم يُذكر).",
        f"The largest paper PDF accepted, in megabytes ({DEFAULT_MAX_PDF_MB} if not given)."),
          required=False, example=str(DEFAULT_MAX_PDF_MB)),
    Field("publisher", BILINGUAL, Text("ناشر الوقائع.", "The publisher of the proceedings."),
          example='{ar: "اسم الناشر", en: "Publisher name"}'),
    Field("site_url", SITE_LINK,
          Text("عنوان هذا الموقع، منتهيًا بـ /.", "This site's address, ending in /."),
          example='"https://proceedings.example.org/2024/"'),
    # The suffix patterns are checked by checks.check_dois, which names the wrong characters.
    Field("doi_prefix", Plain(PREFIX, Invalid("“{value}” is not a DOI prefix.",
                                              'Write the prefix Crossref gave you, e.g. '
                                              '"10.5555" (no slash, no suffix).')), Text(
        "بادئة DOI التي منحتها Crossref للناشر. إن كُتبت صار لكل بند وللوقائع معرّف DOI، إلا "
        "بندًا يكتب معرّفه في doi.",
        "The DOI prefix Crossref gave the publisher. With it every item and the volume have a "
        "DOI, except an item that states its own in doi."), required=False, example='"10.5555"'),
    Field("doi_suffix", Plain(re.compile(ITEM_PATTERN)), Text(
        "نمط لاحقة DOI لكل بند، فيه {id} (معرّف البند) ويجوز فيه {short_name} و{year}. "
        "الافتراضي {short_name}.{id}، ويُكتب بأحرف صغيرة. الأحرف المسموح بها: "
        f"{SUFFIX_CHARACTERS}.",
        "The pattern of each item's DOI suffix: it holds {id} (the item's id) and may hold "
        "{short_name} and {year}. Default {short_name}.{id}, lower-cased. Allowed characters: "
        f"{SUFFIX_CHARACTERS}."), required=False, example='"conf2024.{id}"'),
    Field("doi_volume_suffix", Plain(re.compile(VOLUME_PATTERN)), Text(
        "نمط لاحقة DOI للوقائع كلها، ويجوز فيه {short_name} و{year}. الافتراضي {short_name}.",
        "The pattern of the volume's DOI suffix; it may hold {short_name} and {year}. Default "
        "{short_name}."), required=False, example='"conf2024"'),
    Field("official_url", WebLink(LinkRule(("https", "http"))), Text("الصفحة الرسمية للمؤتمر.",
                                        "The conference's official page."), required=False,
          example='"https://example.org/conference/"'),
    Field("themes", ListOf(BILINGUAL_GROUP), Text("محاور المؤتمر.", "The conference's themes."),
          example='[{ar: "المحور الأول", en: "First theme"}]'),
    Field("editors", IdList("person id"), Text("معرّفات محرري الوقائع.",
                                               "The ids of the volume's editors."),
          required=False, example=f"[{EXAMPLE_PERSON}]"),
    Field("book", Group("book", (
        Field("isbn", Plain(ISBN, Invalid("“{value}” is not an ISBN-13.",
                                          'Write the 13 digits, hyphens allowed, e.g. '
                                          '"978-3-16-148410-0".'), check=valid_isbn),
              Text("ردمك الكتاب المطبوع (ISBN-13) إن كان له.",
                   "The printed book's ISBN-13, if it has one."), required=False,
              example='"978-3-16-148410-0"'),
        Field("copyright", BILINGUAL, Text("سطر حقوق النشر.", "The copyright line."),
              required=False, example='{ar: "© الناشر 2024", en: "© The publisher 2024"}'),
        Field("preface", BILINGUAL, Text("تقديم المحررين للكتاب، باللغتين.",
                                         "The editors' preface, in both languages."),
              required=False, example='{ar: "نص التقديم", en: "The preface"}'),
        Field("paper", Choice(PaperSize, PAPER_SIZES, what="paper size"),
              Text("مقاس الورق: a4 (إن لم يُكتب) أو a5 أو us-letter.",
                   "The paper size: a4 (if not written), a5 or us-letter."), required=False,
              example="a4"),
        Field("digits", Choice(PageDigits, PAGE_DIGITS, what="kind of digits"),
              Text("أرقام الصفحات: latin (إن لم يُكتب) أو arabic-indic.",
                   "The page numbers' digits: latin (if not written) or arabic-indic."),
              required=False, example="latin"),
        Field("pages_in_citations", Flag(), Text(
            "إن كانت true: صفحات كل بحث في الكتاب تُكتب في ملفات الاستشهاد ووسوم الباحث العلمي، "
            "ولا يُكتب الحقل pages في ملفات الأبحاث.",
            "If true: each item's pages in the book go into the citation files and Scholar's "
            "tags, and no paper.yaml gives `pages`."), required=False, example="true"),
    )), Text("الكتاب المطبوع: إن وُجد هذا القسم صُنع الكتاب مع الموقع وظهر رابطه في الصفحة "
             "الرئيسية (python3 build.py book يصنعه وحده).",
             "The printed book: with this section the site build makes it and both home pages "
             "link to it (python3 build.py book makes it alone)."), required=False,
          example='{paper: a4, digits: latin}'),
    Field("statements", ListOf(Group("statement", (
        Field("person", Id("person id"), Text("معرّف صاحب التصريح.",
                                              "The id of the person quoted."),
              example=EXAMPLE_PERSON),
        Field("text", BILINGUAL, Text("نص التصريح.", "What was said."), example=STATEMENT),
        Field("source", BILINGUAL, Text("مصدره، مثل صحيفة.", "Where it was published."),
              example=SOURCE),
    ))), Text("تصريحات عن المؤتمر.", "Public statements about the conference."),
          required=False,
          example=f"[{{person: {EXAMPLE_PERSON}, text: {STATEMENT}, source: {SOURCE}}}]"),
), Text("المؤتمر نفسه: اسمه ومكانه وأيامه وناشره.",
        "The conference itself: its title, place, days and publisher."))


SITE_URL = "site_url"
MOVED_FROM_ROOT = "moved_from_root"  # archive.yaml: the volume that was the site's root
# A volume of an archive: its conference.yaml without the address, which the archive gives.
VOLUME = Group("volume", tuple(f for f in CONFERENCE.fields if f.name != SITE_URL), Text(
    "مجلد واحد من الأرشيف، أي وقائع مؤتمر واحد: حقوله حقول conference.yaml كلها إلا site_url، "
    "لأن عنوان المجلد هو عنوان الأرشيف يتبعه معرّف المجلد.",
    "One volume of an archive, the proceedings of one conference: every field of "
    "conference.yaml but site_url, since the volume's address is the archive's followed by "
    "the volume's id."))

ARCHIVE = Group("archive", (
    Field("title", BILINGUAL, Text("اسم الأرشيف الذي يجمع المجلدات، وهو عنوان موقعه.",
                                   "The title of the archive that holds the volumes, and of "
                                   "its site."),
          example='{ar: "عنوان الأرشيف", en: "Archive title"}'),
    Field(SITE_URL, SITE_LINK, Text(
        "عنوان موقع الأرشيف، منتهيًا بـ /. وعنوان كل مجلد هو هذا العنوان يتبعه معرّف المجلد ثم "
        "/، ومعرّف المجلد اسم مجلد ملفاته في papers/.",
        "The archive site's address, ending in /. Each volume's address is this one followed "
        "by the volume's id and /; a volume's id is the name of its folder in papers/."),
          example='"https://proceedings.example.org/"'),
    Field("publisher", BILINGUAL, Text("ناشر الأرشيف، إن كان ناشرًا واحدًا للأرشيف كله.",
                                       "The archive's publisher, if one publishes it all."),
          required=False, example='{ar: "اسم الناشر", en: "Publisher name"}'),
    Field("description", BILINGUAL, Text("وصف الأرشيف.", "A description of the archive."),
          required=False, example='{ar: "وصف الأرشيف", en: "A description of the archive"}'),
    Field(MOVED_FROM_ROOT, Id("volume id"), Text(
        "معرّف المجلد الذي كانت صفحاته في جذر هذا الموقع قبل أن يصير أرشيفًا (يكتبه الأمر "
        "init --archive --first-volume): يكتب البناء في كل عنوان قديم من عناوينه صفحةً تحيل "
        "إلى عنوانه الجديد.",
        "The id of the volume whose pages were at this site's root before it became an "
        "archive (written by init --archive --first-volume): the build writes, at each of its "
        "old addresses, a page that leads to its new one."),
          required=False, example='"conf-2023"'),
), Text("الأرشيف: وقائع مؤتمرات عدة في موقع واحد، ولكل مجلد منها مجلد ملفات خاص به في papers/.",
        "The archive: the volumes of several conferences in one site, each volume in its own "
        "folder of papers/."))


@dataclass(frozen=True)
class Document:
    """One kind of editors' file. `keyed`: a mapping of id -> `body` (people, sessions)."""

    name: str  # <name>.schema.json
    title: str  # where the file is
    body: Group
    keyed: bool = False


DOCUMENTS: tuple[Document, ...] = (
    Document("conference", "conference.yaml", CONFERENCE),
    Document("people", "people.yaml", PERSON, keyed=True),
    Document("sessions", "sessions.yaml", SESSION, keyed=True),
    Document("paper", "papers/<id>/paper.yaml", PAPER),
    Document("archive", "archive.yaml", ARCHIVE),
    Document("volume", "papers/<volume-id>/conference.yaml", VOLUME),
)


@dataclass(frozen=True)
class MarkdownPair:
    """Untrusted Markdown in both languages, one file each: `<name>.ar.md`, `<name>.en.md`.

    Rendered with raw HTML off and sanitised (`site/render.py`). A required pair
    needs one file at least: the other missing (or empty) is a translation gap. An
    optional pair is both files or neither.
    """

    name: str  # "abstract" -> abstract.ar.md, abstract.en.md
    required: bool
    help: Text

    def files(self) -> dict[Lang, str]:
        return {lang: f"{self.name}.{lang}.md" for lang in LANGS}


# In each paper's folder, papers/<id>/.
ABSTRACT = MarkdownPair("abstract", True, Text(
    "ملخص البند، في مجلده. وغياب أحد الملفين ترجمةٌ ناقصة ينبّه إليها الأمر check.",
    "The item's abstract, in its folder. One of the two files missing is a missing "
    "translation that check warns of."))
# In the data folder itself, beside conference.yaml.
ABOUT = MarkdownPair("about", False, Text(
    "ملاحظات المحررين عن الوقائع (مصادرها، وما لا تذكره، والأسماء …)، تُعرض في صفحة «عن "
    "الوقائع».",
    "The editors' notes on the proceedings (their sources, what those do not say, names …), "
    "shown on the about page."))
MARKDOWN_FILES: tuple[MarkdownPair, ...] = (ABSTRACT, ABOUT)
