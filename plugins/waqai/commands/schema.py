"""`python3 build.py schema [--check]`: write, or check, what is made from the declarations.

That is the JSON Schemas in `papers/_schema/` and the field tables of the
guides: contributing (`docs/contributing.<lang>.md`) and starting new
proceedings (`docs/start.<lang>.md`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waqai.data.guide import refresh
from waqai.data.model import LANGS
from waqai.data.schema import SCHEMA_DIR, render_all

GUIDES = ("contributing", "start")  # docs/<guide>.<lang>.md


def wanted_guides(docs: Path) -> dict[Path, str]:
    """Each guide page that exists -> its text with its field tables made anew."""
    pages = [(docs / f"{guide}.{lang}.md", lang) for guide in GUIDES for lang in LANGS]
    return {page: refresh(page.read_text(encoding="utf-8"), lang)
            for page, lang in pages if page.is_file()}


def cmd_schema(args: argparse.Namespace, root: Path) -> int:
    folder = root / args.data_dir / SCHEMA_DIR
    shown = f"{args.data_dir}/{SCHEMA_DIR}"
    schemas = {folder / name: text for name, text in render_all().items()}
    guides = wanted_guides(root / args.docs_dir)
    stale = [path for path, text in {**schemas, **guides}.items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    stale_schemas = [path.name for path in stale if path in schemas]
    stale_guides = [path.relative_to(root).as_posix() for path in stale if path in guides]
    if args.check:
        if stale_schemas:
            print(f"{shown}/ is out of date: {', '.join(stale_schemas)}.", file=sys.stderr)
        for guide in stale_guides:
            print(f"{guide}: its field tables differ from the declarations.", file=sys.stderr)
        if stale:
            print("    fix: run `python3 build.py schema` and commit the result.",
                  file=sys.stderr)
            return 1
        print(f"OK: the schemas in {shown}/ and the guides' field tables are up to date.")
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    for path in stale:
        path.write_text({**schemas, **guides}[path], encoding="utf-8")
    print(f"Wrote {len(stale_schemas)} schema file(s) to {shown}/ and "
          f"{len(stale_guides)} guide page(s)." if stale
          else f"The schemas in {shown}/ and the guides' field tables were already up to date.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("schema", help="write the JSON Schemas of the data files "
                              "(papers/_schema/) and the guides' field tables")
    p.add_argument("--check", action="store_true",
                   help="only check that the committed files are up to date")
    p.add_argument("--docs-dir", default="docs", help="where the guides are")
    p.set_defaults(run=cmd_schema)
