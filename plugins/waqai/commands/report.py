"""How commands print the editors' problems: on the terminal, and as pull-request
annotations when run by GitHub Actions."""

from __future__ import annotations

import os
import sys

from waqai.data.problems import Problem, summary


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)
        if in_github_actions():
            print(problem.format_github())
    if problems:
        print(summary(problems), file=sys.stderr)
