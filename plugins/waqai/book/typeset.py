"""Typeset one of the book's documents (`templates/`) with Typst, in a child process.

Each document is compiled by its own process (`python -m waqai.book.typeset`): Typst
keeps what it laid out for as long as its process lives, so only a process's end gives
the memory back, and the book's main process meanwhile lays in the papers' full texts.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from waqai.children import run_module

TEMPLATES = Path(__file__).with_name("templates")  # front.typ, body.typ, index.typ
FONTS = Path(__file__).with_name("fonts")  # see fonts/README.md for why these
Json = dict[str, Any]


@dataclass(frozen=True)
class Typeset:
    pdf: bytes
    marks: list[Json]  # the values of the document's `<waqai>` markers, in order


def typeset(document: str, data: Json, stamp: dt.datetime) -> Typeset:
    """`templates/{document}.typ` typeset from `data`, its PDF dated `stamp` (so that
    the same data gives the same bytes), with what its markers say.

    Typst's root is the templates' own folder: a template reads nothing but the JSON,
    so no file of the editors' reaches it, and none of their text is read as markup.
    """
    import typst  # loaded only by the commands that make a book

    compiler = typst.Compiler(TEMPLATES / f"{document}.typ", root=TEMPLATES,
                              font_paths=[FONTS], ignore_system_fonts=True,
                              sys_inputs={"data": json.dumps(data, ensure_ascii=False,
                                                             sort_keys=True)})
    pdf = compiler.compile(format="pdf", timestamp=stamp)
    assert isinstance(pdf, bytes)
    # The markers of the document just compiled: querying it lays nothing out again.
    return Typeset(pdf, json.loads(compiler.query("<waqai>", field="value")))


class Typesetting:
    """A document being typeset by a child process; `result()` waits for it. The request
    and the PDF go through files beside `pdf`: a pipe's writer waits for its reader."""

    def __init__(self, document: str, data: Json, stamp: dt.datetime, pdf: Path) -> None:
        self._pdf = pdf
        request = pdf.with_suffix(".json")
        request.write_text(json.dumps({"document": document, "data": data,
                                       "stamp": stamp.isoformat()}), encoding="utf-8")
        self._process = run_module(__name__, str(request), str(pdf),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def result(self) -> Typeset:
        out, err = self._process.communicate()
        if self._process.returncode != 0:
            raise RuntimeError("Typesetting the book failed:\n"
                               + err.decode("utf-8", errors="replace"))
        return Typeset(self._pdf.read_bytes(), json.loads(out))


def main() -> None:
    """The child's side: the request's path and the PDF's, the markers' values on
    stdout."""
    request = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    result = typeset(request["document"], request["data"],
                     dt.datetime.fromisoformat(request["stamp"]))
    Path(sys.argv[2]).write_bytes(result.pdf)
    json.dump(result.marks, sys.stdout)


if __name__ == "__main__":
    main()
