"""The skeleton of a new, empty archive (`python3 build.py init --archive`).

archive.yaml is made from its declarations (`waqai.data.scaffold`), each required field
written with its example, as `init` writes a volume: placeholders the organiser
replaces. people.yaml is empty but for its comments (a file of comments holds no
entry), and README.md says how to add the first volume. `check` on it fails with one
error, that the archive holds no volume yet, which only the organiser can add.
"""

from __future__ import annotations

from waqai.data.archiveload import ARCHIVE_FILE, PEOPLE_FILE
from waqai.data.fields import ARCHIVE, EXAMPLE_PERSON, PERSON
from waqai.data.scaffold import Filling, document
from waqai.data.schema import SCHEMA_DIR, modeline, render_all

INTRO = (
    "# هذا الملف من إنشاء الأمر python3 build.py init --archive. كل قيمة فيه مثالٌ يُستبدل بما\n"
    "# يخص أرشيفك، والتعليق فوق كل حقل يشرح ما يُكتب فيه. ثم شغّل: python3 build.py check\n"
    "# Written by python3 build.py init --archive. Every value is a placeholder for your\n"
    "# archive's own; the comment above each field says what it takes. Then run:\n"
    "# python3 build.py check\n"
)
PEOPLE_INTRO = (
    "# أشخاص الأرشيف كله: مُدخل واحد لكل شخص مهما تعدّدت المجلدات التي يظهر فيها، تحت معرّف\n"
    "# من حروف لاتينية صغيرة a–z وأرقام 0–9 وشرطات. والمُدخل أدناه مثالٌ معلَّق: اكتب مثله، بلا #،\n"
    "# لكل شخص. وحقول المُدخل كلها في دليل المساهمة docs/contributing.ar.md.\n"
    "# The people of the whole archive: one entry per person, however many volumes they\n"
    "# appear in, under an id (lowercase a–z, 0–9 and hyphens). The entry below is a\n"
    "# commented-out example: write one like it, without the #, for each person. Every field\n"
    "# of an entry is in the contributing guide, docs/contributing.en.md.\n"
)
EXAMPLE_FIELDS = ("name", "latin", "affiliation")  # of a person, in the commented example

README = """\
# أرشيف وقائع · An archive of proceedings

هذا المجلد أرشيف: وقائع مؤتمرات عدة في موقع واحد، لكل مؤتمر مجلدٌ هنا. لإضافة أول مجلد:

1. أنشئ مجلد ملفات باسم معرّف المجلد، مثل `papers/csc-2015/`: حروف لاتينية صغيرة a–z وأرقام
   0–9 وشرطات. المعرّف جزء من عنوان كل صفحة من صفحات المجلد، فلا يُغيَّر بعد النشر.
2. اكتب فيه `conference.yaml` كما تُكتب وقائع المجلد الواحد، بلا `site_url`: عنوان المجلد هو
   `site_url` في `archive.yaml` يتبعه معرّفه.
3. واكتب فيه `sessions.yaml`، ومجلدًا لكل بند فيه `paper.yaml` و`abstract.ar.md`
   و`abstract.en.md`، و`about.ar.md` و`about.en.md` إن شئت.
4. اكتب أشخاص المجلد في `papers/people.yaml`، وهو ملف واحد للأرشيف كله.
5. شغّل `python3 build.py check`.

ولجعل وقائع مجلد واحد قائمة مجلدًا في الأرشيف: انقل ما في مجلدها `papers/` (إلا `_schema/`) إلى
`papers/<معرّف المجلد>/`، وانقل مُدخلات `people.yaml` إلى `papers/people.yaml`، واحذف `site_url`
من `conference.yaml`؛ وفي السطر الأول من كل ملف YAML، الذي يسمّي مخططه لأدوات المحررين، زد `../`
واحدة (فيصير في `conference.yaml`: `../_schema/volume.schema.json`).

وأما وقائع مجلد واحد ليست في أرشيف بعد، فيجعلها الأمر
`python3 build.py init --archive --first-volume <معرّف المجلد>` أولَ مجلد في أرشيف جديد، في مكانها،
ويُبقي البناءُ عناوين صفحاتها القديمة عاملة.

This folder is an archive: the proceedings of several conferences in one site, each
conference a volume here. To add the first volume:

1. Make a folder named by the volume's id, e.g. `papers/csc-2015/`: lowercase a–z, digits
   0–9 and hyphens. The id is part of the address of every page of the volume, so it is
   not changed once published.
2. Write its `conference.yaml` as one volume's is written, without `site_url`: the
   volume's address is `site_url` in `archive.yaml` followed by its id.
3. Write its `sessions.yaml`, a folder per item with its `paper.yaml`, `abstract.ar.md`
   and `abstract.en.md`, and, if you like, `about.ar.md` and `about.en.md`.
4. Write the volume's people in `papers/people.yaml`, one file for the whole archive.
5. Run `python3 build.py check`.

To make an existing one-volume `papers/` a volume of the archive: move what it holds (but
`_schema/`) to `papers/<volume-id>/`, move the entries of its `people.yaml` to
`papers/people.yaml`, and delete `site_url` from its `conference.yaml`; in the first line of
each YAML file, which names its schema for editors' tools, add one `../` (conference.yaml's
becomes `../_schema/volume.schema.json`).

One-volume proceedings not yet in an archive become the first volume of a new one, in
place, with `python3 build.py init --archive --first-volume <volume-id>`; the build keeps
the old addresses of their pages working.
"""


def archive_skeleton() -> dict[str, str]:
    """Path inside the data folder -> text, for every file of a new archive."""
    person = [f"#   {f.name}: {f.example}" for f in PERSON.fields if f.name in EXAMPLE_FIELDS]
    files = {
        ARCHIVE_FILE: modeline("archive", depth=0) + "\n" + INTRO + "\n"
        + document(ARCHIVE, Filling(examples=True)),
        PEOPLE_FILE: modeline("people", depth=0) + "\n" + PEOPLE_INTRO + "\n"
        + f"# {EXAMPLE_PERSON}:\n" + "\n".join(person) + "\n",
        "README.md": README,
    }
    files.update({f"{SCHEMA_DIR}/{name}": text for name, text in render_all().items()})
    return files
