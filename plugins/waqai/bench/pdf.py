"""A minimal, valid PDF of a few pages, written without a PDF library.

The synthetic proceedings give a few papers a PDF so that every build and test
run publishes one. The file has what a reader needs and nothing else: a
catalog, A4 pages each showing a few lines in Helvetica (one of the standard 14
fonts, so nothing is embedded), document information, and a cross-reference
table whose byte offsets are computed as the objects are written.
"""

from __future__ import annotations

from collections.abc import Sequence

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4, in points
FONT_SIZE, LEADING, MARGIN = 12, 18, 72


def pdf_string(text: str) -> bytes:
    """A PDF literal string; only printable ASCII, so no encoding question arises."""
    if not all(" " <= char <= "~" for char in text):
        raise ValueError(f"only printable ASCII goes into this PDF: {text!r}")
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("ascii") + b")"


def minimal_pdf(lines: Sequence[str], title: str, *,
                more_pages: Sequence[Sequence[str]] = ()) -> bytes:
    """A PDF showing `lines` on its first page, one under the other, and each of
    `more_pages` (its lines) on a page of its own, with `title` as its Title."""
    pages = [lines, *more_pages]
    # Objects: 1 catalog, 2 page tree, 3 font, 4 info, then a page and its content each.
    kids = " ".join(f"{5 + 2 * n} 0 R" for n in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode("ascii"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title " + pdf_string(title) + b" /Producer (waqai.bench) >>",
    ]
    for n, page_lines in enumerate(pages):
        shown = b" ".join(pdf_string(line) + b" Tj T*" for line in page_lines)
        content = (f"BT /F1 {FONT_SIZE} Tf {LEADING} TL {MARGIN} {PAGE_HEIGHT - MARGIN} Td "
                   .encode("ascii") + shown + b" ET")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {6 + 2 * n} 0 R >>"
                       .encode("ascii"))
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode("ascii") + content
                       + b"\nendstream")
    # A comment of bytes above 127 after the header tells tools the file is binary.
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += b"".join(f"{offset:010d} 00000 n \n".encode("ascii") for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode("ascii")
    return bytes(out)
