"""What reading a PDF would cost, measured from its bytes before qpdf reads them.

qpdf decodes a stream whenever its data is needed: cross-reference streams as it
opens the file, object streams as it reads the objects in them, a page's content
when the book lays the page in. A few megabytes of Flate data can inflate to
gigabytes, and qpdf holds what it decodes, so the file is measured first: every
stream is found in the raw bytes, its dictionary read, and its data decoded
without being kept (zlib in chunks, counting what comes out), until a limit is
passed. Object and cross-reference streams have a smaller limit of their own:
qpdf and the check turn their bytes into objects, which take several times the
room.

Only what can be measured is accepted. A stream is found by its keyword (`>>`
then `stream`), and it must follow the dictionary of an object whose header
(`12 0 obj`) this module read, so that qpdf, wherever it starts reading, finds
no stream this module did not measure with the same filters; an object header
inside another object (in a string or a comment) is refused, as is a dictionary
that cannot be read. The filters are measured as qpdf applies them: Flate,
ASCIIHex and ASCII85 decoded in C (zlib, binascii), each to the end of its own data
whatever /Length says; LZW and RunLength, which qpdf also decodes, only alone (their
sizes are walked in Python, byte by byte; RunLength, which qpdf reads past its end
mark, within a /Length that must be right); a stream qpdf does not decode (an
image's DCT, JPX, JBIG2 or CCITT data, or no filter) counts its own bytes. Any other
chain (Flate twice, Flate then ASCII85) is refused: no producer writes one, and each
step would multiply the last. A file with an /Encrypt key anywhere is encrypted:
its streams cannot be measured before they are decrypted.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import re
import zlib
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

CHUNK = 1 << 16  # the most decoded at a time, from a stream or into one

# The patterns never go back over what they matched (possessive `++`, `*+`): on a
# contributor's bytes (a megabyte of digits, of `%`) backtracking would take hours.
_SPACE = b"\0\t\n\v\f\r "  # PDF's white space, as qpdf's tokenizer reads it
_REGULAR = rb"[^\0\t\n\v\f\r ()<>\[\]{}/%]"  # a character that is not space or delimiter
_REGULAR_BYTES = frozenset(range(256)) - frozenset(b"\0\t\n\v\f\r ()<>[]{}/%")
# An object header (`12 0 obj`) read backwards: beginning with a literal, it is found at
# the speed of a search for “obj” (forwards, it is tried at every digit: 15 times slower).
# Numbers of up to ten digits: leading zeros beyond are left out (the number is the same).
_HEADER_BACKWARDS = re.compile(rb"jbo[\0\t\n\v\f\r ]++(\d{1,10}+)[\0\t\n\v\f\r ]++(\d{1,10}+)")
# A stream's keyword: right after a dictionary, with only space or comments between.
_KEYWORD = re.compile(rb">>(?:[\0\t\n\v\f\r ]++|%[^\r\n]*+)*+(stream)(?!" + _REGULAR + rb")")
_TOKEN = re.compile(rb"""
    (?P<space>[\0\t\n\v\f\r ]++) | (?P<comment>%[^\r\n]*+)
  | (?P<open><<) | (?P<close>>>) | (?P<array>\[) | (?P<end>\])
  | (?P<name>/""" + _REGULAR + rb"""*+) | (?P<hex><[0-9A-Fa-f\0\t\n\v\f\r ]*+>) | (?P<string>\()
  | (?P<word>""" + _REGULAR + rb"""++)""", re.X)
_NUMBER = re.compile(rb"[+-]?+(?:\d++(?:\.\d*+)?+|\.\d++)")
# A stretch of space, comments, names, numbers, words and hexadecimal strings.
_FLAT = re.compile(rb"(?:[\0\t\n\v\f\r ]++|%[^\r\n]*+|/" + _REGULAR
                   + rb"*+|<[0-9A-Fa-f\0\t\n\v\f\r ]*+>|(?:" + _NUMBER.pattern
                   + rb"|R|true|false|null)(?!" + _REGULAR + rb"))++")
_PAREN = re.compile(rb"[()\\]")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# /Encrypt, however its letters are written (a name may spell any of them as #xx).
_ENCRYPT = re.compile(b"/" + b"".join(b"(?:%c|#%x|#%X)" % (c, c, c) for c in b"Encrypt")
                      + b"(?!" + _REGULAR + b")")
MAX_DEPTH = 499  # arrays and dictionaries inside one another, as qpdf reads them

# Filters qpdf decodes (its names and the abbreviations it accepts for them).
_FILTERS = {"/FlateDecode": "/FlateDecode", "/Fl": "/FlateDecode",
            "/LZWDecode": "/LZWDecode", "/LZW": "/LZWDecode",
            "/RunLengthDecode": "/RunLengthDecode", "/RL": "/RunLengthDecode",
            "/ASCII85Decode": "/ASCII85Decode", "/A85": "/ASCII85Decode",
            "/ASCIIHexDecode": "/ASCIIHexDecode", "/AHx": "/ASCIIHexDecode",
            "/Crypt": "/Crypt"}
_OTHER_NAMES = {"/CCF": "/CCITTFaxDecode", "/DCT": "/DCTDecode"}


class Reference(NamedTuple):
    number: int
    generation: int


class Limits(NamedTuple):
    inflated: int  # bytes decoded from all the streams of one PDF
    structure: int  # of them, bytes decoded from object and cross-reference streams
    objects: int  # objects one PDF holds or lists


class Measured(NamedTuple):
    """Each stream object of the file (number, generation) with the filters it was
    measured with (`filter_chain`): the streams qpdf reads must be among these."""

    streams: dict[tuple[int, int], set[tuple[str, ...]]]


class Excess(NamedTuple):
    limit: str  # the field of Limits passed


class Unmeasurable(NamedTuple):
    reason: str


class Encrypted:
    """Its streams are encrypted: what they inflate to is known only once decrypted."""


class _Over(Exception):
    def __init__(self, limit: str) -> None:
        super().__init__(limit)
        self.limit = limit


class _Unreadable(Exception):
    pass


def measure_pdf(data: bytes, limits: Limits) -> Measured | Excess | Unmeasurable | Encrypted:
    """What the PDF `data` holds, or which of `limits` it passes, or why it cannot be
    measured."""
    if _ENCRYPT.search(data):
        return Encrypted()
    try:
        streams, headers = _streams(data, limits.objects)
        _count_objects(streams, headers, limits.objects)
        budget = _Budget(limits)
        measured: dict[tuple[int, int], set[tuple[str, ...]]] = {}
        for stream in streams:
            _measure(data, stream, budget)
            measured.setdefault(stream.object, set()).add(stream.filters)
    except _Over as over:
        return Excess(over.limit)
    except _Unreadable as err:
        return Unmeasurable(str(err))
    return Measured(measured)


def filter_chain(names: list[str]) -> tuple[str, ...]:
    """A stream's filters, each by its full name (qpdf accepts the abbreviations)."""
    return tuple(_FILTERS.get(name) or _OTHER_NAMES.get(name, name) for name in names)


class _Header(NamedTuple):
    start: int
    end: int
    object: tuple[int, int]


def _headers(data: bytes) -> list[_Header]:
    """Every object header in `data`, in order."""
    backwards, size = data[::-1], len(data)
    found = [_Header(size - match.end(), size - match.start(),
                     (int(match[2][::-1]), int(match[1][::-1])))
             for match in _HEADER_BACKWARDS.finditer(backwards)]
    # “obj” is a keyword only where a delimiter or space follows it.
    return [header for header in reversed(found)
            if header.end == size or data[header.end] not in _REGULAR_BYTES]


class _Stream(NamedTuple):
    object: tuple[int, int]
    dictionary: dict[str, Any]
    filters: tuple[str, ...]
    keyword: int  # where its keyword `stream` ends

    @property
    def structural(self) -> bool:
        """Could qpdf read it as an object stream (/N, /First) or a cross-reference
        stream (/W)? Neither needs its /Type for qpdf to try."""
        keys = self.dictionary
        return ("/N" in keys and "/First" in keys) or "/W" in keys

    def unreadable(self, why: str) -> _Unreadable:
        number, generation = self.object
        return _Unreadable(f"object {number} {generation}: {why}")


def _streams(data: bytes, limit: int) -> tuple[list[_Stream], int]:
    """Every stream of `data`, each with its object and dictionary; and the number of
    object headers (more than `limit` are not read)."""
    keywords = [match.start(1) for match in _KEYWORD.finditer(data)]
    headers = _headers(data)
    if len(headers) > limit:
        raise _Over("objects")
    found: dict[int, _Stream] = {}
    for number, header in enumerate(headers):
        # An object ends before the next header: one found inside it (in a string or a
        # comment) is where a reader may begin an object this module does not see.
        stop = headers[number + 1].start if number + 1 < len(headers) else len(data)
        after = bisect.bisect(keywords, header.end)
        keyword = keywords[after] if after < len(keywords) and keywords[after] < stop else None
        obj = header.object
        try:
            read = _dictionary_after(data, header.end, keyword or stop, keyword is not None)
        except _Unreadable as err:
            raise _Unreadable(f"object {obj[0]} {obj[1]}: {err}") from None
        if read is not None and keyword is not None and \
                _skip_space(data, read[1], keyword) == keyword:
            found[keyword] = _Stream(obj, read[0], (), keyword + len(b"stream"))
    for keyword in keywords:
        if keyword not in found:
            raise _Unreadable(f"a stream at byte {keyword:,} that follows no object's "
                              "dictionary")
    return [stream._replace(filters=_filters(stream)) for stream in found.values()], \
        len(headers)


def _filters(stream: _Stream) -> tuple[str, ...]:
    names = stream.dictionary.get("/Filter", [])
    names = [names] if isinstance(names, str) else names
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise stream.unreadable("a stream whose /Filter is not written in it as names")
    return filter_chain(names)


def _dictionary_after(data: bytes, at: int, stop: int,
                      keep: bool) -> tuple[dict[str, Any], int] | None:
    """The dictionary that is the object whose header ends at `at` (its values if `keep`,
    else only where it ends), and where it ends, before `stop`; None if the object is
    not a dictionary (so not a stream)."""
    at = _skip_space(data, at, stop)
    if not data.startswith(b"<<", at):
        return None
    return _value(data, at, stop, keep)


def _skip_space(data: bytes, at: int, stop: int) -> int:
    """Where the first token at or after `at` begins (space and comments skipped)."""
    while (match := _TOKEN.match(data, at, stop)) and match.lastgroup in ("space", "comment"):
        at = match.end()
    return at


_OTHER = object()  # a string, real number, true, false or null: what it says is not needed
# What an object not ended by the next header or stream keyword is (one inside it, in a
# string or a comment, is where a reader may begin what this module does not read).
_CUT_SHORT = "does not end before the object or stream that begins at byte {:,}"


def _value(data: bytes, at: int, stop: int, keep: bool) -> tuple[Any, int]:
    """The value that begins at `at` with “<<” or “[” (a dictionary or array of names,
    integers, references, _OTHER and such values, or, unless `keep`, None), and where it
    ends; read strictly, before `stop`: what a reader could read some other way may hold
    a stream that was not measured."""
    levels: list[tuple[str, list[Any]]] = []  # the arrays and dictionaries begun, and
    while True:                               # (if `keep`) their items so far
        if not keep and levels and (flat := _FLAT.match(data, at, stop)):
            at = flat.end()  # what holds no string, array or dictionary, at once
        match = _TOKEN.match(data, at, stop)
        if match is None:
            raise _Unreadable(f"cannot be read at byte {at:,}" if at < stop else _CUT_SHORT
                              .format(stop))
        kind, at = match.lastgroup, match.end()
        value: Any = None
        if kind in ("space", "comment"):
            continue
        if kind in ("open", "array"):
            if len(levels) == MAX_DEPTH:
                raise _Unreadable(f"arrays or dictionaries nested more than {MAX_DEPTH} deep")
            levels.append((kind, []))
            continue
        if kind in ("close", "end"):
            if not levels or levels[-1][0] != ("open" if kind == "close" else "array"):
                raise _Unreadable(f"an unexpected “{match[0].decode()}” at byte "
                                  f"{match.start():,}")
            items = levels.pop()[1]
            if keep:
                value = _dictionary(items, match.start()) if kind == "close" else items
        elif kind == "string":
            at = _string_end(data, at, stop)
            value = _OTHER
        elif kind == "name":
            value = _NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), match[0]).decode("latin-1")
        elif kind == "hex":
            value = _OTHER
        else:
            value = _word(match[0], levels[-1][1] if levels else [], match.start())
        if not levels:
            return value, at
        if keep and value is not None:
            levels[-1][1].append(value)


def _dictionary(items: list[Any], at: int) -> dict[str, Any]:
    keys = items[::2]
    if len(items) % 2 or not all(isinstance(key, str) for key in keys) or \
            len(set(keys)) < len(keys):
        raise _Unreadable(f"a dictionary whose keys cannot be read, ending at byte {at:,}")
    return dict(zip(keys, items[1::2]))


def _word(word: bytes, items: list[Any], at: int) -> Any:
    """A number; a reference (`12 0 R`: it replaces the two numbers before it in `items`,
    and None is returned); true, false or null."""
    if _NUMBER.fullmatch(word):
        return int(word) if word.lstrip(b"+-").isdigit() else _OTHER
    if word == b"R" and len(items) >= 2 and all(type(item) is int for item in items[-2:]):
        items[-2:] = [Reference(items[-2], items[-1])]
        return None
    if word in (b"true", b"false", b"null"):
        return _OTHER
    raise _Unreadable(f"“{word[:20].decode('latin-1')}” in a dictionary, at byte {at:,}")


_NESTING = {ord("("): 1, ord(")"): -1, ord("\\"): 0}


def _string_end(data: bytes, at: int, stop: int) -> int:
    """Where the literal string whose “(” ends at `at` ends: parentheses nest, and a
    backslash escapes the character after it."""
    depth = 1
    while depth:
        match = _PAREN.search(data, at, stop)
        if match is None:
            raise _Unreadable(f"a string in it, from byte {at:,}, " + _CUT_SHORT.format(stop))
        character = data[match.start()]
        depth += _NESTING[character]
        at = match.end() + (character == ord("\\"))
    return at


def _count_objects(streams: list[_Stream], headers: int, limit: int) -> None:
    """The objects qpdf would hold: each header in the file and each object an object
    stream says it holds; or each entry the cross-reference streams list, if more."""
    held, listed = headers, 0
    for stream in streams:
        keys = stream.dictionary
        if stream.structural and "/N" in keys:
            held += _integer(stream, "/N")
        if "/W" in keys:
            index = keys.get("/Index")
            listed += sum(_integer(stream, "/Index", count) for count in index[1::2]) \
                if isinstance(index, list) else _integer(stream, "/Size")
    if max(held, listed) > limit:
        raise _Over("objects")


def _integer(stream: _Stream, key: str, value: Any = None) -> int:
    """The integer `value` (else the value of `key`), which must be written as one."""
    value = stream.dictionary.get(key) if value is None else value
    if type(value) is not int:
        raise stream.unreadable(f"{key} is not an integer written in its dictionary")
    return max(value, 0)


Chunks = Iterator[bytes]


class _Budget:
    """What the streams decode to, counted against `limits` as it is decoded."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.inflated = self.structure = 0

    def spend(self, size: int, structural: bool) -> None:
        self.inflated += size
        if self.inflated > self.limits.inflated:
            raise _Over("inflated")
        self.structure += size * structural
        if self.structure > self.limits.structure:
            raise _Over("structure")

    def passing(self, chunks: Chunks, structural: bool) -> Chunks:
        for chunk in chunks:
            self.spend(len(chunk), structural)
            yield chunk


def _measure(data: bytes, stream: _Stream, budget: _Budget) -> None:
    """Decode the stream's data as qpdf would, counting what each step makes."""
    start = _data_start(data, stream.keyword)
    filters, structural = stream.filters, stream.structural
    if not filters or not set(filters) <= set(_FILTERS.values()):
        # qpdf leaves it as it is (an image for a viewer to decode; or not compressed).
        budget.spend(_written_length(data, start, stream) or _to_endstream(data, start),
                     structural)
        return
    *steps, last = _measured_chain(stream)
    # Flate, LZW and the ASCII filters end their data themselves: read to the end of the
    # file, whatever /Length says. RunLength's ends where qpdf's does (qpdf reads on past
    # its end-of-data mark), so its /Length must be right.
    end = len(data)
    if last == "/RunLengthDecode":
        length = _written_length(data, start, stream)
        if length is None:
            raise stream.unreadable("a RunLength stream whose /Length is not written in it "
                                    "or is wrong")
        end = start + length
    chunks = _chunks(data, start, end)
    for step in steps:
        chunks = budget.passing(_STEPS[step](chunks), structural)
    for size in _output_sizes(last, chunks, stream):
        budget.spend(size, structural)


def _measured_chain(stream: _Stream) -> tuple[str, ...]:
    """The stream's filters, if they are one filter or an ASCII filter then Flate: what
    producers write, and what is measured here."""
    filters = stream.filters
    if len(filters) == 1 and filters != ("/Crypt",) or filters in _TWO_STEPS:
        return filters
    raise stream.unreadable(f"a stream decoded by {' then '.join(filters)}, which is not "
                            "measured")


_TWO_STEPS = {("/ASCII85Decode", "/FlateDecode"), ("/ASCIIHexDecode", "/FlateDecode")}


def _output_sizes(name: str, chunks: Chunks, stream: _Stream) -> Iterator[int]:
    """The sizes of what the last filter `name` makes of `chunks`, as it makes it."""
    if name == "/LZWDecode":
        return _lzw_sizes(chunks, _early_change(stream))
    if name == "/RunLengthDecode":
        return _run_length_sizes(chunks)
    return (len(chunk) for chunk in _STEPS[name](chunks))


def _chunks(data: bytes, start: int, end: int) -> Chunks:
    view = memoryview(data)
    for at in range(start, end, CHUNK):
        yield bytes(view[at:min(at + CHUNK, end)])


def _data_start(data: bytes, at: int) -> int:
    """Where qpdf begins a stream's data, `at` being the end of its keyword: after the end
    of line (CR LF, LF, or a lone CR), any other space before it skipped."""
    while data[at:at + 1] in (b"\t", b"\v", b"\f", b" "):
        at += 1
    if data.startswith(b"\r\n", at):
        return at + 2
    return at + 1 if data[at:at + 1] in (b"\n", b"\r") else at


def _written_length(data: bytes, start: int, stream: _Stream) -> int | None:
    """The stream's /Length, if it is written in its dictionary and ends where
    `endstream` begins (qpdf then reads that much)."""
    length = stream.dictionary.get("/Length")
    if type(length) is int and length >= 0 and \
            data[start + length:start + length + 20].lstrip(_SPACE).startswith(b"endstream"):
        return length
    return None


def _to_endstream(data: bytes, start: int) -> int:
    end = data.find(b"endstream", start)
    return (len(data) if end < 0 else end) - start


def _early_change(stream: _Stream) -> int:
    """LZW's /EarlyChange: 1 unless its /DecodeParms says 0."""
    parms = stream.dictionary.get("/DecodeParms")
    parms = parms[0] if isinstance(parms, list) and parms else parms
    early = parms.get("/EarlyChange", 1) if isinstance(parms, dict) else 1
    if isinstance(parms, Reference) or type(early) is not int:
        raise stream.unreadable("an LZW stream whose /DecodeParms are not written in it")
    return early


def _inflate(chunks: Chunks) -> Chunks:
    """zlib's output, CHUNK bytes at most at a time, to the end of its data."""
    inflater = zlib.decompressobj()
    try:
        for chunk in chunks:
            while chunk and not inflater.eof:
                yield inflater.decompress(chunk, CHUNK)
                chunk = inflater.unconsumed_tail
            if inflater.eof:
                return
    except zlib.error:
        # What zlib made in the call that failed is not returned: counted as a whole chunk
        # (qpdf keeps it, and takes a wrong checksum at the end for the end).
        yield bytes(CHUNK)


def _unhex(chunks: Chunks) -> Chunks:
    """ASCIIHex: two digits a byte, space ignored, up to “>”."""
    carry = b""
    for chunk in chunks:
        text, end, _ = chunk.partition(b">")
        digits = carry + text.translate(None, _SPACE)
        whole = len(digits) & ~1
        try:
            yield binascii.unhexlify(digits[:whole])
        except binascii.Error:
            return  # qpdf stops at a character that is not a digit
        carry = digits[whole:]
        if end:
            break
    if carry:
        yield binascii.unhexlify(carry + b"0")  # a last odd digit makes one byte


_A85_GROUPS = re.compile(rb"(?:z|[!-u]{5})*+")
_A85_DIGITS = bytes(range(ord("!"), ord("u") + 1))


def _un85(chunks: Chunks) -> Chunks:
    """ASCII85: five characters for four bytes (“z” for four zeros), up to “~”."""
    carry = b""
    for chunk in chunks:
        text, end, _ = chunk.partition(b"~")
        text = carry + text.translate(None, _SPACE)
        groups = _A85_GROUPS.match(text)
        whole = groups.end() if groups else 0
        yield base64.a85decode(text[:whole])
        carry = text[whole:]
        if end or len(carry) >= 5:  # the end, or a character qpdf stops at
            break
    if 1 < len(carry) < 5 and not carry.strip(_A85_DIGITS):
        yield base64.a85decode(carry)  # a last short group of n makes n - 1 bytes


def _lzw_sizes(chunks: Chunks, early_change: int) -> Iterator[int]:
    """The size of LZW data's output, chunk by chunk, as qpdf decodes it: codes of 9 to 12
    bits, each a byte (< 256) or an entry of the table (from 258); 256 empties the table,
    257 ends. Only the entries' lengths are kept, not their bytes."""
    lengths: list[int] = []
    width, last, bits, held = 9, 256, 0, 0
    for chunk in chunks:
        size = 0
        for byte in chunk:  # a code is at least 9 bits: at most one ends in each byte
            bits, held = (bits << 8) | byte, held + 8
            if held < width:
                continue
            held -= width
            code, bits = bits >> held, bits & ((1 << held) - 1)
            if code == 256:
                lengths.clear()
                width = 9
            elif code == 257 or code - 258 > len(lengths) or len(lengths) == 4096 - 258:
                yield size  # the end, or a code qpdf stops at
                return
            else:
                if last != 256:
                    lengths.append((1 if last < 256 else lengths[last - 258]) + 1)
                    width += (257 + len(lengths) + early_change) in (511, 1023, 2047)
                if code - 258 >= len(lengths):
                    yield size
                    return
                size += 1 if code < 256 else lengths[code - 258]
            last = code
        yield size


def _run_length_sizes(chunks: Chunks) -> Iterator[int]:
    """The size of RunLength data's output (at most): a byte n < 128 copies the n + 1
    bytes after it, n > 128 repeats the next byte 257 - n times, 128 makes nothing."""
    at = 0  # where the next run begins, from the start of the chunk
    for chunk in chunks:
        size = 0
        while at < len(chunk):
            n = chunk[at]
            if n < 128:
                size, at = size + n + 1, at + n + 2
            elif n > 128:
                size, at = size + 257 - n, at + 2
            else:
                at += 1
        at -= len(chunk)
        yield size


_STEPS: dict[str, Callable[[Chunks], Chunks]] = {
    "/FlateDecode": _inflate, "/ASCIIHexDecode": _unhex, "/ASCII85Decode": _un85}
