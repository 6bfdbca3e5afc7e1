"""The skeleton of new proceedings (`python3 build.py init`).

Every file is made from the field declarations (`waqai.data.scaffold`), with each
required field written with its example: plainly placeholders («عنوان المؤتمر»,
"Conference title", `first-author`) that agree across files, so the skeleton
passes `check` and builds as it is. The one paper is marked as an example to
replace. The schemas of `papers/_schema/` are written too, for editors' tools.

`start` writes it only into a data folder that holds no data: nothing, or only
folders the loader skips (`_schema/`, or any name starting with "_" or ".").
"""

from __future__ import annotations

from pathlib import Path

from waqai.data.fields import (
    CONFERENCE,
    EXAMPLE_PAPER,
    EXAMPLE_PERSON,
    EXAMPLE_SESSION,
    PAPER,
    PERSON,
    SESSION,
    Group,
)
from waqai.data.load import ABSTRACT_FILES
from waqai.data.problems import Problem
from waqai.data.scaffold import Filling, document, group_lines
from waqai.data.schema import SCHEMA_DIR, modeline, render_all

INTRO = (
    "# هذا الملف من إنشاء الأمر python3 build.py init. كل قيمة فيه مثالٌ يُستبدل بما يخص\n"
    "# مؤتمرك، والتعليق فوق كل حقل يشرح ما يُكتب فيه. ثم شغّل: python3 build.py check\n"
    "# Written by python3 build.py init. Every value is a placeholder for your conference's\n"
    "# own; the comment above each field says what it takes. Then run: python3 build.py check\n"
)
ENTRIES = (
    "# مُدخل لكل {ar}، يبدأ بمعرّف من حروف لاتينية صغيرة a–z وأرقام 0–9 وشرطات. وهذا مُدخل مثال.\n"
    "# One entry per {en}, under its id (lowercase a–z, 0–9 and hyphens); this one is an example.\n"
)
EXAMPLE_ITEM = (
    "# بند مثال: ضع مكانه بندًا من برنامج مؤتمرك، أو أضف بنودك بالأمر python3 build.py new <id>\n"
    "# ثم احذف هذا المجلد.\n"
    "# An example item: make it one of your programme's items, or add yours with\n"
    "# python3 build.py new <id> and then delete this folder.\n"
)
PAPER_TITLE = ('{ar: "بند مثال: ضع هنا عنوان بند من برنامج مؤتمرك", '
               'en: "Example item: write here the title of one of your programme\'s items"}')
ABSTRACTS = {
    "ar": "ملخص مثال: اكتب مكانه ملخص البند بصيغة Markdown، في فقرات يفصل بينها سطر فارغ. "
          "يُسمح بـ *المائل* و**العريض** والقوائم والروابط، ولا يُسمح بـ HTML.\n",
    "en": "An example abstract: write the item's abstract in its place, in Markdown, with an "
          "empty line between paragraphs. *Italic*, **bold**, lists and links are allowed; "
          "HTML is not.\n",
}


def _entries(doc_name: str, entry_id: str, group: Group, what: tuple[str, str],
             filling: Filling) -> str:
    lines = group_lines(group, filling, pad="  ")
    return (modeline(doc_name, depth=0) + "\n" + INTRO + ENTRIES.format(ar=what[0], en=what[1])
            + f"\n{entry_id}:\n" + "\n".join(lines) + "\n")


def skeleton() -> dict[str, str]:
    """Path inside the data folder -> text, for every file of new proceedings."""
    conference = Filling(examples=True, optional=frozenset({"dates.hijri_start",
                                                            "dates.hijri_end"}))
    # A person needs a name in one script at least; the example has both.
    person = Filling(examples=True, optional=frozenset({"name", "name.family", "latin",
                                                        "latin[].family"}))
    paper = Filling(examples=True, optional=frozenset({"key"}), values={"title": PAPER_TITLE})
    files = {
        "conference.yaml": modeline("conference", depth=0) + "\n" + INTRO + "\n"
        + document(CONFERENCE, conference),
        "people.yaml": _entries("people", EXAMPLE_PERSON, PERSON, ("شخص", "person"), person),
        "sessions.yaml": _entries("sessions", EXAMPLE_SESSION, SESSION, ("جلسة", "session"),
                                  Filling(examples=True)),
        f"{EXAMPLE_PAPER}/paper.yaml": modeline("paper", depth=1) + "\n" + INTRO + EXAMPLE_ITEM
        + "\n" + document(PAPER, paper),
    }
    files.update({f"{EXAMPLE_PAPER}/{name}": ABSTRACTS[lang]
                  for lang, name in ABSTRACT_FILES.items()})
    files.update({f"{SCHEMA_DIR}/{name}": text for name, text in render_all().items()})
    return files


def data_entries(data_dir: Path) -> list[str]:
    """What the data folder holds that is data: every entry but "_" and "." ones."""
    if not data_dir.is_dir():
        return []
    return sorted(entry.name + ("/" if entry.is_dir() else "") for entry in data_dir.iterdir()
                  if not entry.name.startswith(("_", ".")))


def start(data_dir: Path, files: dict[str, str] | None = None) -> list[Problem]:
    """Write the skeleton (or `files`: an archive's, `archiveskeleton`) into `data_dir`;
    the problems say why not, if it was refused."""
    shown = f"{data_dir.name}/"
    if data_dir.exists() and not data_dir.is_dir():
        return [Problem(shown, "", "is not a folder.",
                        "Remove or rename that file, or choose another folder with --data-dir.")]
    held = data_entries(data_dir)
    if held:
        listed = ", ".join(held[:4]) + (f" and {len(held) - 4} more" if len(held) > 4 else "")
        return [Problem(shown, "", f"already holds data ({listed}); init writes only into an "
                        "empty folder, and changed nothing.",
                        f"To start new proceedings, move or delete what {shown} holds (its "
                        f"{SCHEMA_DIR}/ may stay), or write them elsewhere: `python3 build.py "
                        f"--data-dir OTHER-FOLDER init`. To add a paper to these proceedings, "
                        f"use `python3 build.py new <id>`.")]
    for name, text in (files if files is not None else skeleton()).items():
        path = data_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return []
