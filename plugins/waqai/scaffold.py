"""`python3 build.py new <id>`: a new paper folder, ready to fill in.

The `paper.yaml` it writes is made from the schema's description of the file
(`waqai.schema.PAPER`): every field with its help in Arabic and English.
Required fields are left empty, so `build.py check` names each one still to
fill ("is empty. fix: Fill it in, e.g. …"); optional fields are commented out
with an example. The abstracts are created empty, for the same reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .load import ABSTRACT_FILES
from .problems import Problem
from .schema import BILINGUAL, PAPER, Field, modeline
from .yamlread import check_slug

HEADER = (
    "# بند جديد في برنامج المؤتمر. املأ كل حقل فارغ، واكتب الملخص في abstract.ar.md\n"
    "# و abstract.en.md (بصيغة Markdown، بلا HTML)، ثم شغّل: python3 build.py check\n"
    "# A new item of the programme. Fill in every empty field, write the abstract in\n"
    "# abstract.ar.md and abstract.en.md (Markdown, no HTML), then run: python3 build.py check\n"
)


def _comment(field: Field) -> str:
    optional = ("", "") if field.required else (" (اختياري)", " (optional)")
    return f"# {field.help.ar}{optional[0]}\n# {field.help.en}{optional[1]}\n"


def paper_yaml(paper_id: str) -> str:
    """The text of a new paper.yaml for `paper_id`, with every field explained."""
    parts = [modeline("paper", depth=1) + "\n" + HEADER]
    for field in PAPER.fields:
        if field.name == "id":
            body = f"id: {paper_id}\n"
        elif not field.required:
            body = f"# {field.name}: {field.example}\n"
        elif field.value == BILINGUAL:
            body = f"{field.name}:\n  ar:\n  en:\n"
        else:
            body = f"{field.name}:\n"
        parts.append(_comment(field) + body)
    return "\n".join(parts)


def create(data_dir: Path, paper_id: str) -> list[Problem]:
    """Create `data_dir/paper_id/`; the problems say why not, if it was refused."""
    problems: list[Problem] = []
    shown = f"{data_dir.name}/{paper_id}/"
    if check_slug(paper_id, "", "id", problems, None, "paper id") is None:
        return problems
    if not data_dir.is_dir():
        return [Problem(f"{data_dir.name}/", "", "is not a folder.",
                        "Run the command in the project folder (the one holding mkdocs.yml).")]
    folder = data_dir / paper_id
    try:
        folder.mkdir()
    except FileExistsError:
        return [Problem(shown, "", "already exists.",
                        f"Choose another id, or edit {shown}paper.yaml.")]
    (folder / "paper.yaml").write_text(paper_yaml(paper_id), encoding="utf-8")
    for name in ABSTRACT_FILES.values():
        (folder / name).write_text("", encoding="utf-8")
    return []


def cmd_new(args: argparse.Namespace, root: Path) -> int:
    problems = create(root / args.data_dir, args.id)
    if problems:
        for problem in problems:
            print(f"Cannot create the paper: {problem.file}{' ' if problem.file else ''}"
                  f"{problem.message}\n    fix: {problem.fix}", file=sys.stderr)
        return 1
    folder = f"{args.data_dir}/{args.id}"
    print(f"Created {folder}/ with paper.yaml, {' and '.join(ABSTRACT_FILES.values())}.\n"
          f"Fill them in, then run `python3 build.py check`: it names every field still empty.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("new", help="create papers/<id>/ with a commented paper.yaml "
                              "and empty abstracts")
    p.add_argument("id", help="the new paper's id: lowercase a-z, 0-9 and hyphens, "
                   "e.g. customer-satisfaction-survey")
    p.set_defaults(run=cmd_new)
