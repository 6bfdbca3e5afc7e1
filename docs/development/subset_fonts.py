"""Make the site's web fonts (overrides/assets/fonts/) from IBM's own packages.

Not part of the build: run it by hand when the fonts change, then commit the files.

    python3 -m venv /tmp/fonts && /tmp/fonts/bin/pip install fonttools==4.68.0 brotli==1.2.1
    cd FOLDER && npm pack @ibm/plex-sans-arabic@1.1.0 @ibm/plex-sans@1.1.0
    mkdir plex-sans-arabic plex-sans
    tar -xzf ibm-plex-sans-arabic-1.1.0.tgz -C plex-sans-arabic
    tar -xzf ibm-plex-sans-1.1.0.tgz -C plex-sans
    /tmp/fonts/bin/python docs/development/subset_fonts.py FOLDER overrides/assets/fonts

Why these cuts (docs/development/performance.en.md, "Reader speed"):
- The Arabic file holds Basic Latin and Latin-1 as well as the Arabic block, so an
  Arabic page (whose font stack puts Arabic first) fetches no Latin file for its spaces,
  digits, «» and English words. An English page puts the Latin face first and fetches the
  Arabic file only when Arabic letters occur.
- The rarer Arabic letters (Arabic Supplement, Extended-A/B) and the presentation forms
  are a second file, fetched only by a page that uses them; likewise Latin Extended.
- Hinting is dropped: a quarter of the bytes, and browsers other than on Windows ignore it.
- "Plex" is a Reserved Font Name (SIL OFL 1.1, section 3), and a subset is a Modified
  Version, so the files are renamed Waqai Sans and Waqai Sans Arabic; the copyright
  notices and the licence stay (OFL-*.txt beside the files).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ARABIC = ("U+0020-007E, U+00A0-00FF, U+0131, U+0152-0153, U+02C6, U+02DA, U+02DC, "
          "U+2000-206F, U+20AC, U+2122, U+0600-06FF")
ARABIC_EXT = ("U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, "
              "U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC")
LATIN = ("U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, "
         "U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, "
         "U+FEFF, U+FFFD")
LATIN_EXT = ("U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+1D00-1DBF, "
             "U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, "
             "U+2C60-2C7F, U+A720-A7FF")

# (output name, package folder, file stem, family name in the output, unicode ranges)
CUTS = [
    ("waqai-sans-arabic", "plex-sans-arabic", "IBMPlexSansArabic", "Waqai Sans Arabic", ARABIC),
    ("waqai-sans-arabic-ext", "plex-sans-arabic", "IBMPlexSansArabic", "Waqai Sans Arabic",
     ARABIC_EXT),
    ("waqai-sans-latin", "plex-sans", "IBMPlexSans", "Waqai Sans", LATIN),
    ("waqai-sans-latin-ext", "plex-sans", "IBMPlexSans", "Waqai Sans", LATIN_EXT),
]
WEIGHTS = {400: "Regular", 700: "Bold"}


def unicodes(ranges: str) -> list[int]:
    """The code points of a CSS unicode-range list ("U+0600-06FF, U+0020")."""
    points: list[int] = []
    for part in ranges.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.extend(range(int(first, 16), int(last or first, 16) + 1))
    return points


def rename(font: TTFont, family: str, style: str, source: str) -> None:
    """Give the Modified Version its own name (OFL section 3) and say what it came from."""
    postscript = f"{family.replace(' ', '')}-{style}"
    names = {1: family, 2: style, 3: f"Waqai;{postscript}", 4: f"{family} {style}",
             6: postscript, 16: family, 17: style}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names or record.nameID in (21, 22):
            table.removeNames(nameID=record.nameID)
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
    table.setName(f"A subset of {source} (IBM), without hinting, for Waqai's web pages.",
                  10, 3, 1, 0x409)


def make(packages: Path, dest: Path) -> None:
    for out, package, stem, family, ranges in CUTS:
        for weight, style in WEIGHTS.items():
            source = packages / package / "package/fonts/complete/woff2" / f"{stem}-{style}.woff2"
            options = subset.Options(layout_features=["*"], hinting=False, flavor="woff2")
            font = subset.load_font(str(source), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=unicodes(ranges))
            subsetter.subset(font)
            rename(font, family, style, stem)
            subset.save_font(font, str(dest / f"{out}-{weight}.woff2"), options)


if __name__ == "__main__":
    make(Path(sys.argv[1]), Path(sys.argv[2]))
