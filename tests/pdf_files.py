"""PDFs for tests, written with pypdf (not by the code under test): clean ones, and
ones carrying what a viewer would run, encrypted, cut short or damaged; and hostile
ones that pypdf would not write, byte by byte (`raw_pdf`): nested too deep, or
inflating to gigabytes."""

from __future__ import annotations

import io
import zlib

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
    return written_link(writer_with(), action, key)


def written_link(writer: PdfWriter, action: DictionaryObject, key: str = "/A") -> bytes:
    """`writer`'s PDF with a link annotation on its page whose `key` is `action`."""
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


MIB = 1 << 20
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>"


def raw_pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF of `objects` (number: what it is; 1 the catalog), with its cross-reference
    table."""
    out = bytearray(b"%PDF-1.7\n%text\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    size, table = max(objects) + 1, len(out)
    out += b"xref\n0 %d\n" % size + b"".join(
        b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
        for n in range(size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, table)
    return bytes(out)


def raw_stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(data), data)


def page_with(content: bytes, filters: bytes = b"/FlateDecode") -> bytes:
    """One page drawing `content` (data written through `filters`)."""
    return raw_pdf({1: CATALOG, 2: PAGES,
                    3: PAGE.replace(b" >> >>", b" >> /Contents 4 0 R >>"),
                    4: raw_stream(b"/Filter " + filters, content)})


def deflated_zeros(size: int, before: bytes = b"") -> bytes:
    """zlib data that inflates to `before` and then `size` zero bytes, fast to make for
    any size: a mebibyte of zeros is compressed once, flushed on its own (so that it
    refers to nothing before it), and repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: header and sum below
    blocks, rest = divmod(size, MIB)
    data = packer.compress(before) + packer.flush(zlib.Z_FULL_FLUSH)
    data += (packer.compress(bytes(MIB)) + packer.flush(zlib.Z_FULL_FLUSH)) * blocks
    data += packer.compress(bytes(rest)) + packer.flush()
    # Adler-32 after n zeros: its sum of bytes stays, the sum of sums grows n times it.
    total = zlib.adler32(before)
    low, high = total & 0xFFFF, total >> 16
    return b"\x78\xda" + data + (((high + size * low) % 65521) << 16 | low).to_bytes(4, "big")


def content_bomb_pdf(inflated: int) -> bytes:
    """A page whose content stream inflates to `inflated` bytes (a line, then zeros)."""
    return page_with(deflated_zeros(inflated, b"0 0 m 100 100 l S\n"))


def object_stream_bomb_pdf(inflated: int) -> bytes:
    """The catalog, the page tree and the page in an object stream whose data inflates to
    `inflated` bytes more than they take, as qpdf reads it (listed by a cross-reference
    stream, the form object streams need)."""
    header, objects = b"", b""
    for number, body in ((1, CATALOG), (2, PAGES), (3, PAGE)):
        header += b"%d %d " % (number, len(objects))
        objects += body + b"\n"
    out = bytearray(b"%PDF-1.7\n%text\n")
    packed = len(out)
    out += b"4 0 obj\n%s\nendobj\n" % raw_stream(
        b"/Type /ObjStm /N 3 /First %d /Filter /FlateDecode" % len(header),
        deflated_zeros(inflated, header + objects))
    listing = len(out)
    rows = [(0, 0, 65535), (2, 4, 0), (2, 4, 1), (2, 4, 2), (1, packed, 0), (1, listing, 0)]
    table = b"".join(bytes([kind]) + at.to_bytes(4, "big") + more.to_bytes(2, "big")
                     for kind, at, more in rows)
    out += b"5 0 obj\n%s\nendobj\n" % raw_stream(b"/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R",
                                                    table)
    out += b"startxref\n%d\n%%%%EOF\n" % listing
    return bytes(out)


def deep_open_action_pdf(depth: int, in_catalog: bool) -> bytes:
    """A script run when the file opens, inside `depth` arrays (qpdf reads 499 at most),
    in the catalog itself or in an object of its own."""
    action = b"[" * depth + b"<< /S /JavaScript /JS (app.alert(1)) >>" + b"]" * depth
    if in_catalog:
        return raw_pdf({1: CATALOG.replace(b" >>", b" /OpenAction " + action + b" >>"),
                        2: PAGES, 3: PAGE})
    return raw_pdf({1: CATALOG.replace(b" >>", b" /OpenAction 4 0 R >>"), 2: PAGES, 3: PAGE,
                    4: action})


def many_objects_pdf(count: int) -> bytes:
    """A page and `count` small objects more, packed into one object stream."""
    bodies = [CATALOG, PAGES, PAGE] + [b"<< /N %d >>" % n for n in range(count)]
    header, objects = bytearray(), bytearray()
    for number, body in enumerate(bodies, 1):
        header += b"%d %d " % (number, len(objects))
        objects += body + b" "
    packed, listing = len(bodies) + 1, len(bodies) + 2
    out = bytearray(b"%PDF-1.7\n%text\n")
    at = len(out)
    out += b"%d 0 obj\n%s\nendobj\n" % (packed, raw_stream(
        b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode" % (len(bodies), len(header)),
        zlib.compress(bytes(header + objects))))
    rows = [(0, 0, 0)] + [(2, packed, n) for n in range(len(bodies))] + [(1, at, 0),
                                                                          (1, len(out), 0)]
    table = b"".join(bytes([kind]) + place.to_bytes(4, "big") + more.to_bytes(3, "big")
                     for kind, place, more in rows)
    listed = len(out)
    out += b"%d 0 obj\n%s\nendobj\n" % (listing, raw_stream(
        b"/Type /XRef /Size %d /W [1 4 3] /Root 1 0 R /Filter /FlateDecode" % len(rows),
        zlib.compress(table)))
    out += b"startxref\n%d\n%%%%EOF\n" % listed
    return bytes(out)


def link_pdf(target: str, indirect: bool = False) -> bytes:
    """A link whose action opens `target` (a /URI action), the target written in the
    action or as an object of its own."""
    writer = writer_with()
    uri: object = TextStringObject(target)
    if indirect:
        uri = writer._add_object(uri)
    return written_link(writer, DictionaryObject({name("/S"): name("/URI"),
                                                  name("/URI"): uri}))
