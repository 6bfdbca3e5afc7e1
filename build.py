#!/usr/bin/env python3
"""Waqai's command line: python3 build.py {build,serve,check,test,new,bench} …

Needs nothing but Python 3.11+. On first use it creates `.venv/`, installs the
pinned dependencies (requirements.lock) and this project, then runs itself
again inside that environment. Only the standard library is imported here;
the commands themselves live in `plugins/waqai/commands/`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
MARKER = VENV / ".waqai-installed"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def wanted_state() -> str:
    """Changes whenever the pinned set or the project's metadata changes."""
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_environment() -> None:
    if MARKER.is_file() and MARKER.read_text().strip() == wanted_state():
        return
    # Run by whichever python3 the editor has, possibly older than the project needs.
    if sys.version_info < (3, 11):  # noqa: UP036
        sys.exit("Waqai needs Python 3.11 or newer; this is " + sys.version.split()[0])
    if not venv_python().is_file():
        print("Setting up .venv (first run; this takes a minute) …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    else:
        print("Updating .venv to match requirements.lock …", flush=True)
    pip = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check",
           "--no-input", "--quiet"]
    for args in (["-r", str(LOCK)], ["--no-deps", "--no-build-isolation", "-e", str(ROOT)]):
        result = subprocess.run(pip + args, cwd=ROOT)
        if result.returncode != 0:
            sys.exit("Installing the dependencies failed (see pip's message above). "
                     "Check the network access to the package index, then run the command again.")
    MARKER.write_text(wanted_state())


def inside_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def main() -> None:
    if not inside_venv():
        ensure_environment()
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        python = str(venv_python())
        os.execv(python, [python, str(Path(__file__).resolve()), *sys.argv[1:]])
    sys.path.insert(0, str(ROOT / "plugins"))
    from waqai.commands.cli import main as cli_main

    sys.exit(cli_main(sys.argv[1:], root=ROOT))


if __name__ == "__main__":
    main()
