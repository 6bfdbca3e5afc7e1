"""The commands behind `python3 build.py …` (`cli.main` dispatches them)."""
