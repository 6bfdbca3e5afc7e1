"""PDFs for tests, written with pypdf (not by the code under test): clean ones, and
ones carrying what a viewer would run, encrypted, cut short or damaged."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

# pypdf's second line marks the file as binary; plain ASCII of the same length keeps every
# offset and lets a test edit the file as text.
BINARY_MARK, ASCII_MARK = b"%\xe2\xe3\xcf\xd3", b"%text"


def name(value: str) -> NameObject:
    return NameObject(value)


def script(code: str = "app.alert('hello');") -> DictionaryObject:
    return DictionaryObject({name("/S"): name("/JavaScript"), name("/JS"): TextStringObject(code)})


def written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    assert data.count(BINARY_MARK) <= 1
    return data.replace(BINARY_MARK, ASCII_MARK)


def writer_with(pages: int = 1, title: str = "A test paper") -> PdfWriter:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": title})
    return writer


def clean_pdf(pages: int = 1, title: str = "A test paper") -> bytes:
    return written(writer_with(pages, title))


def open_action_script_pdf() -> bytes:
    """A script run when the file is opened: /OpenAction → a JavaScript action."""
    writer = writer_with()
    writer.root_object[name("/OpenAction")] = writer._add_object(script())
    return written(writer)


def open_action_launch_pdf() -> bytes:
    """A program launched when the file is opened, the action written inline."""
    writer = writer_with()
    writer.root_object[name("/OpenAction")] = DictionaryObject({
        name("/S"): name("/Launch"), name("/F"): TextStringObject("calc.exe")})
    return written(writer)


def open_at_page_pdf() -> bytes:
    """An /OpenAction that only opens the first page, fitted: nothing runs."""
    writer = writer_with(pages=2)
    first = writer.pages[0].indirect_reference
    writer.root_object[name("/OpenAction")] = ArrayObject([first, name("/Fit")])
    return written(writer)


def javascript_name_tree_pdf() -> bytes:
    """Document-level JavaScript (the catalog's /Names /JavaScript), as pypdf adds it."""
    from pypdf.actions import JavaScript

    writer = writer_with()
    writer.add_open_action(JavaScript("app.alert('hello');"))
    return written(writer)


def page_actions_pdf() -> bytes:
    """A script run when a page opens: the page's /AA."""
    writer = writer_with()
    writer.pages[0][name("/AA")] = DictionaryObject({name("/O"): script()})
    return written(writer)


def annotation_pdf(action: DictionaryObject, key: str = "/A") -> bytes:
    """A link annotation on the page whose `key` (/A, or /AA with a trigger) is `action`."""
    writer = writer_with()
    rect = ArrayObject([FloatObject(v) for v in (72, 72, 200, 100)])
    link = DictionaryObject({name("/Type"): name("/Annot"), name("/Subtype"): name("/Link"),
                             name("/Rect"): rect, name("/Border"): ArrayObject(
                                 [NumberObject(0)] * 3),
                             name(key): action})
    writer.pages[0][name("/Annots")] = ArrayObject([writer._add_object(link)])
    return written(writer)


def launch_link_pdf() -> bytes:
    return annotation_pdf(DictionaryObject({name("/S"): name("/Launch"),
                                            name("/F"): TextStringObject("run.sh")}))


def annotation_actions_pdf() -> bytes:
    return annotation_pdf(DictionaryObject({name("/E"): script()}), key="/AA")


def web_link_pdf() -> bytes:
    """A link to a web page: an action, but one that runs nothing."""
    return annotation_pdf(DictionaryObject({name("/S"): name("/URI"),
                                            name("/URI"): TextStringObject("https://example.org/")}))


def submit_form_link_pdf() -> bytes:
    """A link that sends the form's fields to an address."""
    return annotation_pdf(DictionaryObject({name("/S"): name("/SubmitForm"),
                                            name("/F"): TextStringObject("https://x.example/")}))


def remote_go_to_pdf() -> bytes:
    """A link that opens another file."""
    return annotation_pdf(DictionaryObject({name("/S"): name("/GoToR"),
                                            name("/F"): TextStringObject("other.pdf"),
                                            name("/D"): ArrayObject([NumberObject(0),
                                                                     name("/Fit")])}))


def embedded_file_pdf() -> bytes:
    """A file carried inside the PDF, as pypdf attaches one (/Names /EmbeddedFiles)."""
    writer = writer_with()
    writer.add_attachment("run.sh", b"echo attached\n")
    return written(writer)


def xfa_form_pdf() -> bytes:
    """An XML (XFA) form in the catalog's /AcroForm."""
    writer = writer_with()
    writer.root_object[name("/AcroForm")] = DictionaryObject({
        name("/Fields"): ArrayObject(), name("/XFA"): TextStringObject("<xdp:xdp/>")})
    return written(writer)


def encrypted_pdf() -> bytes:
    """Restricted by an owner password only: it opens without one, yet is encrypted."""
    writer = writer_with()
    writer.encrypt(user_password="", owner_password="owner")
    return written(writer)


def padded_pdf(size: int) -> bytes:
    """A clean PDF of at least `size` bytes (a long subject in its metadata)."""
    writer = writer_with()
    writer.add_metadata({"/Subject": "x" * size})
    return written(writer)


def truncated(data: bytes) -> bytes:
    """The first half of a file, as an interrupted copy leaves it."""
    return data[: len(data) // 2]


def in_object_streams(data: bytes) -> bytes:
    """The same PDF with its objects packed into compressed object streams, as most
    producers write them (pypdf does not write them: qpdf, through pikepdf, does)."""
    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def edited(data: bytes, old: bytes, new: bytes) -> bytes:
    """`data` with its one `old` replaced by `new`, the cross-reference table left as it
    was (so its offsets may be off)."""
    assert data.count(old) == 1, old
    return data.replace(old, new)
