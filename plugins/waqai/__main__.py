"""`python -m waqai COMMAND` runs a command on the project in the current folder."""

import sys
from pathlib import Path

from waqai.commands.cli import main

sys.exit(main(sys.argv[1:], root=Path.cwd()))
