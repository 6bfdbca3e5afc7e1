"""How commands print the editors' problems: on the terminal, and as pull-request
annotations when run by GitHub Actions."""

from __future__ import annotations

import os
import sys

from waqai.data.problems import Problem, gaps_apart, summary


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def print_problems(problems: list[Problem], gaps: bool = False) -> None:
    """Every problem, but translation gaps (warnings under `translations: welcome`) only
    counted, in one line, unless `gaps` (`check --gaps`): a volume English on purpose has
    hundreds of them, and one real warning must not drown among them."""
    shown, gap_count = (problems, 0) if gaps else gaps_apart(problems)
    for problem in shown:
        print(problem.format(), file=sys.stderr)
        if in_github_actions():
            print(problem.format_github())
    if gap_count:
        print(f"{gap_count} translation(s) welcome (`translations: welcome`): "
              "`python3 build.py check --gaps` lists each at its file and line.",
              file=sys.stderr)
    if shown:
        print(summary(shown), file=sys.stderr)
