"""Braces that nest: what any text must keep to be written into a BibTeX field."""

from __future__ import annotations


def validate_bibtex_text(value: str) -> str | None:
    """A problem with `value` as raw BibTeX field text, or None.

    Braces must nest: BibTeX counts them even after a backslash, so an
    unbalanced brace ends a field early or swallows the rest of the file.
    """
    depth = 0
    for ch in value:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return "a closing brace '}' has no matching opening brace '{'"
    if depth:
        return "an opening brace '{' is never closed"
    return None
