"""The ACL Anthology's `<tex-math>` as text a page can show: Unicode where the formula is
simple (`\\kappa` → κ, `F_1` → F₁, `\\approx` → ≈, `7^\\text{th}` → 7th), else its TeX
source between dollars, `$\\frac{a}{b}$`, as written: never dropped, never half-converted.
"""

from __future__ import annotations

import re

GREEK = dict(zip(("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi "
                  "pi rho sigma tau upsilon phi chi psi omega").split(), "αβγδεζηθικλμνξπρστυφχψω",
                 strict=True))
CAPITALS = dict(zip("Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split(),
                    "ΓΔΘΛΞΠΣΥΦΨΩ", strict=True))
SYMBOLS = {
    **GREEK, **CAPITALS,
    "varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ", "ell": "ℓ", "infty": "∞",
    "times": "×", "cdot": "·", "pm": "±", "mp": "∓", "div": "÷", "leq": "≤", "le": "≤",
    "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃",
    "equiv": "≡", "propto": "∝", "rightarrow": "→", "to": "→", "leftarrow": "←",
    "Rightarrow": "⇒", "leftrightarrow": "↔", "in": "∈", "notin": "∉", "subset": "⊂",
    "subseteq": "⊆", "cup": "∪", "cap": "∩", "sum": "∑", "prod": "∏", "partial": "∂",
    "nabla": "∇", "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨",
    "circ": "∘", "degree": "°", "dots": "…", "ldots": "…", "cdots": "⋯", "%": "%", "$": "$",
    "&": "&", "#": "#", "_": "_", "{": "{", "}": "}", ",": " ", ";": " ", " ": " ",
    "sqrt": "√", "uparrow": "↑", "downarrow": "↓",
}
# Commands whose one argument is shown as it is: words written in a formula.
TEXT_COMMANDS = frozenset({"text", "textrm", "textit", "textbf", "mathrm", "mathit", "mathbf",
                           "mathsf", "mathtt", "emph", "operatorname", "mbox"})
SUPER = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", strict=True))
SUB = dict(zip("0123456789+-=()aeoxijkmnt", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₘₙₜ", strict=True))
TOKEN = re.compile(r"\\([A-Za-z]+|.)|([{}^_])|(\s+)|(.)", re.DOTALL)


class _Unreadable(Exception):
    """The formula has what this conversion does not know: it is shown as TeX."""


def readable(tex: str) -> str:
    """The formula `tex` (without its dollars) as Unicode, or `$tex$` as written."""
    try:
        return _Reader(tex).text().strip() or f"${tex}$"
    except _Unreadable:
        return f"${' '.join(tex.split())}$"


class _Reader:
    def __init__(self, tex: str) -> None:
        self.tokens = [m.groups() for m in TOKEN.finditer(tex)]
        self.at = 0

    def text(self, until: str = "") -> str:
        out: list[str] = []
        while self.at < len(self.tokens):
            command, mark, space, char = self.tokens[self.at]
            self.at += 1
            if mark == until == "}":
                return "".join(out)
            if command is not None:
                out.append(self._command(command))
            elif mark == "{":
                out.append(self.text("}"))
            elif mark in ("^", "_"):
                out.append(self._script(SUPER if mark == "^" else SUB))
            elif mark == "}":
                raise _Unreadable
            else:
                out.append(" " if space else char)
        if until:
            raise _Unreadable
        return "".join(out)

    def _command(self, name: str) -> str:
        if name in TEXT_COMMANDS:
            return self._argument()
        if name in SYMBOLS:
            return SYMBOLS[name]
        raise _Unreadable

    def _argument(self) -> str:
        """The next group's text, or the next token's."""
        while self.at < len(self.tokens) and self.tokens[self.at][2]:
            self.at += 1
        if self.at >= len(self.tokens):
            raise _Unreadable
        command, mark, _, char = self.tokens[self.at]
        self.at += 1
        if mark == "{":
            return self.text("}")
        if command is not None:
            return self._command(command)
        if mark is not None:
            raise _Unreadable
        return char

    def _script(self, table: dict[str, str]) -> str:
        """A super- or subscript: in Unicode's small figures where it has them all, as
        letters after the base where it is words (7^\\text{th} → 7th), else not read."""
        start = self.at
        command = self.tokens[start][0] if start < len(self.tokens) else None
        argument = self._argument()
        if all(char in table for char in argument):
            return "".join(table[char] for char in argument)
        if command in TEXT_COMMANDS and argument.isalpha():
            return argument
        raise _Unreadable
