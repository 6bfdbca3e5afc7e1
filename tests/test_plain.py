"""Plain prose skips python-markdown (text/plain.py) and must come out as it would."""

from __future__ import annotations

import random
from pathlib import Path

import markdown
import pytest

from waqai.bench.synthetic import write_synthetic
from waqai.text.plain import markdown_html, restricted_markdown

EXAMPLE = Path(__file__).resolve().parent / "fixtures" / "example" / "papers"


def by_markdown(source: str) -> str:
    md: markdown.Markdown = restricted_markdown()
    return md.convert(source)


def test_the_example_abstracts_come_out_as_python_markdown_writes_them() -> None:
    abstracts = sorted(EXAMPLE.glob("*/abstract.*.md"))
    assert len(abstracts) > 10
    for path in abstracts:
        text = path.read_text(encoding="utf-8")
        assert markdown_html(text) == by_markdown(text), path


def test_synthetic_abstracts_come_out_as_python_markdown_writes_them(tmp_path: Path) -> None:
    write_synthetic(tmp_path, 40, 7)
    abstracts = sorted((tmp_path / "papers").glob("*/abstract.*.md"))
    assert len(abstracts) >= 40
    for path in abstracts:
        text = path.read_text(encoding="utf-8")
        assert markdown_html(text) == by_markdown(text), path


# Pieces of prose and of what python-markdown reads as markup, at any place in a line.
PIECES = ["خدمة", " ", "service", "\n", "\n\n", "\n \n", "  \n", "1", "2015.", ". ", "-", "+",
          "*", "_", "#", ">", "<", "&", "&amp;", "`", "[a](b)", "(", ")", "،", "«", "»", "'",
          '"', ":", "\t", "\u00a0", "    code", "===", "---", "؟", "!", "\\", "|"]


@pytest.mark.parametrize("seed", range(8))
def test_any_mix_of_prose_and_markup_comes_out_as_python_markdown_writes_it(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        assert markdown_html(text) == by_markdown(text), repr(text)
