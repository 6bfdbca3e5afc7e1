"""Running one of Waqai's own modules in a child Python process (`python -m ...`).

The child must import this same `waqai`, whether it is installed or run from the
repository's `plugins/` folder: the folder that holds the package goes first on the
child's PYTHONPATH, before whatever the parent's held.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

PACKAGES = str(Path(__file__).resolve().parents[1])  # the folder that holds `waqai`


def run_module(module: str, *args: str, **popen: Any) -> subprocess.Popen[bytes]:
    """`python -m module args...` started with this interpreter; `popen` goes to Popen
    (its pipes)."""
    inherited = os.environ.get("PYTHONPATH")
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join([PACKAGES, inherited] if inherited else [PACKAGES])}
    return subprocess.Popen([sys.executable, "-m", module, *args], env=env, **popen)
