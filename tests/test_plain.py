"""Plain prose skips the Markdown parser (text/plain.py) and must come out as it would;
the parser takes time linear in what it reads and keeps all of it up to the limit."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from waqai.bench.synthetic import write_synthetic
from waqai.text.plain import (
    MAX_BRACKETS,
    MAX_LINK_TEXT,
    MAX_NESTING,
    beyond_limits,
    markdown_html,
    plain_text,
)

EXAMPLE = Path(__file__).resolve().parent / "fixtures" / "example" / "papers"


def by_markdown(source: str) -> str:
    """CommonMark without raw HTML, as markdown-it-py writes it (the last line end left
    out, as pages have always had it): the reference."""
    return MarkdownIt("commonmark", {"html": False}).render(source).removesuffix("\n")


def test_the_example_abstracts_come_out_as_the_parser_writes_them() -> None:
    abstracts = sorted(EXAMPLE.glob("*/abstract.*.md"))
    assert len(abstracts) > 10
    for path in abstracts:
        text = path.read_text(encoding="utf-8")
        assert markdown_html(text) == by_markdown(text), path


def test_synthetic_abstracts_come_out_as_the_parser_writes_them(tmp_path: Path) -> None:
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
def test_any_mix_of_prose_and_markup_comes_out_as_the_parser_writes_it(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        assert markdown_html(text) == by_markdown(text), repr(text)


def nested_list(levels: int) -> str:
    return "".join("  " * level + f"- level {level + 1}\n" for level in range(levels))


def test_lists_and_quotes_nested_to_the_limit_keep_every_line() -> None:
    source = nested_list(MAX_NESTING)
    assert beyond_limits(source) is None
    assert all(f"level {n}" in plain_text(source) for n in range(1, MAX_NESTING + 1))
    quoted = "> " * MAX_NESTING + "deepest"
    assert beyond_limits(quoted) is None and plain_text(quoted) == "deepest"


@pytest.mark.parametrize("source", [nested_list(MAX_NESTING + 1), nested_list(400),
                                    "intro\n\n" + "> " * (MAX_NESTING + 1) + "x",
                                    "> " * 50_000 + "x"])
def test_deeper_nesting_is_found_at_its_line(source: str) -> None:
    """python-markdown raised RecursionError at 350 levels; the parser drops what is
    nested beyond its own limit, so `check` must refuse it first."""
    assert beyond_limits(source) == (
        3 if source.startswith("intro") else 1 if source.startswith(">") else MAX_NESTING + 1,
        f"nests lists and quotes more than {MAX_NESTING} deep")


@pytest.mark.parametrize("source", ["[" * MAX_BRACKETS, "[a " * MAX_BRACKETS,
                                    "*a " * 80_000, "a " + "`" * 200_000, "<" * 200_000,
                                    "![" * MAX_BRACKETS, "[x](" * MAX_BRACKETS, "**a" * 80_000,
                                    "a\n" * 100_000])
def test_pathological_text_within_the_limits_is_read_whole(source: str) -> None:
    """14 KB of unmatched `[` took python-markdown 74 s, quadratic; at the 256 KiB limit
    it would take hours (`check` and `build` on whole files of the costliest text are
    bounded in test_hostile_contributions.py). Each keeps all its letters."""
    assert beyond_limits(source) is None
    letters = [ch for ch in source if ch.isalnum()]
    assert [ch for ch in plain_text(source) if ch.isalnum()] == letters


def test_more_brackets_than_the_limit_are_found_at_the_line_of_the_first_too_many() -> None:
    source = "intro\n\n" + "[1] " * MAX_BRACKETS + "\n[one more]"
    assert beyond_limits(source) == (4, f"has more than {MAX_BRACKETS:,} “[” (links)")
    assert "[one more]" in plain_text(source)  # not parsed, but all of it there, as text


def test_a_link_is_found_within_its_text_limit_and_not_beyond() -> None:
    near = "[" + "a" * (MAX_LINK_TEXT - 10) + "](https://example.org/)"
    assert '<a href="https://example.org/">' in markdown_html(near)
    far = "[" + "a" * (MAX_LINK_TEXT + 10) + "](https://example.org/)"
    assert "<a " not in markdown_html(far) and "a" * (MAX_LINK_TEXT + 10) in plain_text(far)
