"""A new paper folder, ready to fill in (`python3 build.py new <id>`).

The `paper.yaml` it writes is made from the schema's description of the file
(`waqai.data.fields.PAPER`): every field with its help in Arabic and English.
Required fields are left empty, so `build.py check` names each one still to
fill ("is empty. fix: Fill it in, e.g. …"); optional fields are commented out
with an example. The abstracts are created empty, for the same reason.
"""

from __future__ import annotations

from pathlib import Path

from waqai.data.fields import PAPER, Bilingual, Field
from waqai.data.load import ABSTRACT_FILES
from waqai.data.problems import Problem
from waqai.data.schema import modeline
from waqai.data.yamlread import check_slug

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
        elif isinstance(field.value, Bilingual):
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
