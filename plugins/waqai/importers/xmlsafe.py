"""Untrusted XML read with the standard library, within bounds.

An export's XML is a contributor's file: it may declare entities that expand a few
bytes to gigabytes (“billion laughs”), point at files on this machine (external
entities), nest elements 100,000 deep, or simply be huge. No Anthology file needs a
DTD, so any `<!DOCTYPE` or `<!ENTITY` is refused before parsing; the file is read up
to `MAX_BYTES`; and the parser is fed in pieces, counting depth, so that a deep file
is refused at `MAX_DEPTH` before its tree is built.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import cast

from waqai.data.problems import Problem
from waqai.data.yamlread import read_text_file

# The Anthology's XML takes 1.7 KB a paper (the fixtures): this is some 37,000 papers.
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32  # an Anthology file nests 6 deep (collection/volume/paper/title/fixed-case)
CHUNK = 64 * 1024
DECLARATIONS = ("<!DOCTYPE", "<!ENTITY")


def read_xml(path: Path, shown: str, problems: list[Problem],
             fix: str) -> ET.Element | None:
    """The root element of the XML file `path`, or None with a problem (naming `shown`,
    `fix` saying where a correct file comes from)."""
    text = read_text_file(path, shown, problems, MAX_BYTES)  # UTF-8, within the size
    if text is None:
        return None
    if any(mark in text for mark in DECLARATIONS):
        problems.append(Problem(shown, "", "declares a DTD or entities (<!DOCTYPE or "
                                "<!ENTITY>), which are not read: they can expand a few bytes "
                                "into gigabytes or read other files.", fix))
        return None
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    depth, root = 0, None
    try:
        for start in range(0, len(text), CHUNK):
            parser.feed(text[start:start + CHUNK])
            # Only "start" and "end" were asked for: each comes with its element.
            events = cast("Iterator[tuple[str, ET.Element]]", parser.read_events())
            for event, element in events:
                depth += 1 if event == "start" else -1
                root = element if root is None else root
                if depth > MAX_DEPTH:
                    problems.append(Problem(shown, "", f"nests elements more than {MAX_DEPTH} "
                                            "deep, which no export does.", fix))
                    return None
        parser.close()
    except ET.ParseError as err:
        line = err.position[0] if err.position else None
        problems.append(Problem(shown, "", f"is not well-formed XML ({err}).", fix, line))
        return None
    if root is None:
        problems.append(Problem(shown, "", "holds no XML element.", fix))
    return root
