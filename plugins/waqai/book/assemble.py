"""Join the book's separately typeset documents into one PDF with pikepdf.

Each document (the front, each part of the body, the indexes; see `documents.py`) comes
from Typst with its own tagged structure, bookmarks, page labels and links. The book
keeps them all: one structure tree, whose Document holds each document as a Part; the
bookmarks in reading order; the page labels of each page; a named destination for each
session and item; and the contents' links, which the front writes as `waqai:` and an
id (its targets are in other documents), pointed at their pages here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

LINK_SCHEME = "waqai:"  # the front's links to sessions and items (templates/front.typ)
# Kept from the front: the language, the tagging and reading direction, the metadata.
CATALOGUE_KEYS = ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata")


@dataclass(frozen=True)
class Target:
    """Where a session or an item begins: a page of the book, the top left of its
    heading (from the page's top, in points), and how a screen reader names a link
    to it."""

    page: Any  # pikepdf.Page
    x: float
    y: float
    description: str


@dataclass
class Part:
    """One typeset document, its pages added to the book; what is its own, copied."""

    source: Any  # pikepdf.Pdf: the document as Typst wrote it
    pages: list[Any]  # its pages in the book (pikepdf.Page)
    structure: Any  # its structure's Document element
    bookmarks: list[Any] = field(default_factory=list)  # its top-level outline items
    labels: list[tuple[int, Any]] = field(default_factory=list)  # (its page, from 0; label)


class Assembly:
    """The book being put together: `add` each typeset document as it comes, then
    `write` them in reading order."""

    def __init__(self) -> None:
        import pikepdf

        self.pdf = pikepdf.new()
        # The page tree is built here, one node per document: pikepdf's page list lists
        # all the book's pages again at each insertion or index, and the book has
        # thousands. The book's pages are never touched through that list.
        self._pages = self.pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Pages, Kids=pikepdf.Array(), Count=0))
        self.pdf.Root.Pages = self._pages
        self._parent_tree: list[tuple[int, Any]] = []  # (key, the structure it marks)
        self._next_key = 0
        self._role_map: dict[str, Any] = {}

    def add(self, pdf: bytes, *, first: bool = False) -> Part:
        """Add a typeset document's pages at the end of the book (`first`: before all
        others), and copy its structure, bookmarks and page labels."""
        import pikepdf

        source = pikepdf.open(io.BytesIO(pdf))
        # qpdf copies a page without its /Parent: it goes into this document's own node.
        node = self.pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Pages, Parent=self._pages,
            Kids=pikepdf.Array([self.pdf.copy_foreign(page.obj) for page in source.pages]),
            Count=len(source.pages)))
        for page in node.Kids:
            page.Parent = node
        if first:
            self._pages.Kids.insert(0, node)
        else:
            self._pages.Kids.append(node)
        self._pages.Count = int(self._pages.Count) + len(source.pages)
        pages = [pikepdf.Page(page) for page in node.Kids]
        # The structure's keys (a page's marked content, an annotation) go on from the
        # documents added before; the copies below refer to the pages just added.
        offset = self._next_key
        tree = source.Root.StructTreeRoot
        self._next_key += int(tree.ParentTreeNextKey)
        for added in pages:
            if "/StructParents" in added.obj:
                added.obj.StructParents = int(added.obj.StructParents) + offset
            for annotation in added.obj.get("/Annots", ()):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + offset
        tree = _copy(self.pdf, source, tree)
        self._parent_tree += [(key + offset, value) for key, value in _numbers(tree.ParentTree)]
        self._role_map.update(tree.get("/RoleMap", {}).items())
        kids = tree.K if isinstance(tree.K, pikepdf.Array) else [tree.K]
        [document] = kids  # Typst's root element: the Document
        part = Part(source, pages, document)
        if "/Outlines" in source.Root and "/First" in source.Root.Outlines:
            part.bookmarks = list(_siblings(_copy(self.pdf, source, source.Root.Outlines).First))
        if "/PageLabels" in source.Root:
            part.labels = list(_numbers(_copy(self.pdf, source, source.Root.PageLabels)))
        return part

    def write(self, parts: list[Part], targets: Mapping[str, Target]) -> bytes:
        """The book: `parts` (the front first) joined in reading order, the front's
        catalogue and metadata, and a destination named after each of `targets`
        ("s-" or "i-" and an id), which the contents' links go to."""
        import pikepdf

        pdf = self.pdf
        front = parts[0].source
        for key in CATALOGUE_KEYS:
            if key in front.Root:
                pdf.Root[key] = _copy(pdf, front, front.Root[key])
        pdf.docinfo = _copy(pdf, front, front.docinfo)
        _count_pages(pdf)
        destinations = {name: pikepdf.Array([t.page.obj, pikepdf.Name.XYZ, t.x,
                                             float(t.page.mediabox[3]) - t.y, 0])
                        for name, t in targets.items()}
        _point_links(parts[0].pages, destinations, targets)
        pdf.Root.Names = pikepdf.Dictionary(Dests=pdf.make_indirect(pikepdf.Dictionary(
            Names=pikepdf.Array([x for name in sorted(destinations)
                                 for x in (pikepdf.String(name), destinations[name])]))))
        pdf.Root.StructTreeRoot = self._structure(parts)
        pdf.Root.Outlines = _outline(pdf, [mark for part in parts for mark in part.bookmarks])
        labels: list[tuple[int, Any]] = []
        first = 0
        for part in parts:
            labels += [(first + n, label) for n, label in part.labels]
            first += len(part.pages)
        pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array(
            [x for n, label in _runs(labels) for x in (n, label)]))
        written = io.BytesIO()
        # Streams are written as Typst and the papers compressed them, not decoded and
        # compressed again (a third of the time of writing). The other objects (the
        # structure tree's tens of thousands, the pages, the bookmarks) go into
        # compressed object streams: a third smaller, and faster to write.
        pdf.save(written, deterministic_id=True, min_version=front.pdf_version,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return written.getvalue()

    def _structure(self, parts: list[Part]) -> Any:
        """One structure tree: a Document holding each typeset document as a Part."""
        import pikepdf

        pdf = self.pdf
        root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        document = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root,
            K=pikepdf.Array()))
        for part in parts:
            part.structure.S = pikepdf.Name.Part
            part.structure.P = document
            document.K.append(part.structure)
        root.K = pikepdf.Array([document])
        root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(
            [x for key, value in sorted(self._parent_tree, key=lambda kv: kv[0])
             for x in (key, value)])))
        root.ParentTreeNextKey = self._next_key
        root.RoleMap = pikepdf.Dictionary(self._role_map)
        return root


def _copy(pdf: Any, source: Any, foreign: Any) -> Any:
    """`foreign`, an object of the PDF `source`, copied into `pdf` with all it refers
    to (qpdf maps the pages already added to their copies). qpdf copies only indirect
    objects: a direct one is made indirect in `source` first."""
    return pdf.copy_foreign(foreign if foreign.is_indirect else source.make_indirect(foreign))


def _numbers(tree: Any) -> Iterator[tuple[int, Any]]:
    """The (key, value) pairs of a PDF number tree, in order."""
    if "/Nums" in tree:
        nums = list(tree.Nums)
        for n in range(0, len(nums), 2):
            yield int(nums[n]), nums[n + 1]
    for kid in tree.get("/Kids", ()):
        yield from _numbers(kid)


def _siblings(item: Any) -> Iterator[Any]:
    while item is not None:
        yield item
        item = item.get("/Next")


def _outline(pdf: Any, bookmarks: list[Any]) -> Any:
    """The outline's root over `bookmarks`, chained in order."""
    import pikepdf

    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines))
    if not bookmarks:
        root.Count = 0
        return root
    for before, after in zip(bookmarks, bookmarks[1:]):
        before.Next, after.Prev = after, before
    for mark in bookmarks:
        mark.Parent = root
    if "/Prev" in bookmarks[0]:
        del bookmarks[0]["/Prev"]
    if "/Next" in bookmarks[-1]:
        del bookmarks[-1]["/Next"]
    root.First, root.Last = bookmarks[0], bookmarks[-1]
    # Visible entries: each top-level one, and the children of an open one (Count > 0).
    root.Count = sum(1 + max(0, int(mark.get("/Count", 0))) for mark in bookmarks)
    return root


def _runs(labels: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    """The page labels without the entries that only go on counting from the one
    before (Typst writes one per page)."""
    kept: list[tuple[int, Any]] = []
    for n, label in labels:
        if kept:
            at, last = kept[-1]
            if (label.get("/S") == last.get("/S") and label.get("/P") == last.get("/P")
                    and int(label.get("/St", 1)) == int(last.get("/St", 1)) + n - at):
                continue
        kept.append((n, label))
    return kept


def _point_links(pages: list[Any], destinations: Mapping[str, Any],
                 targets: Mapping[str, Target]) -> None:
    """The contents' links (`waqai:` and an id) go to their session's or item's page."""
    import pikepdf

    for page in pages:
        for annotation in page.obj.get("/Annots", ()):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(LINK_SCHEME):
                name = uri.removeprefix(LINK_SCHEME)
                del annotation["/A"]
                annotation.Dest = destinations[name]
                annotation.Contents = pikepdf.String(targets[name].description)


_PAGES = re.compile(rb"<xmpTPg:NPages>\d+</xmpTPg:NPages>")


def _count_pages(pdf: Any) -> None:
    """The metadata's page count is the front's: make it the book's."""
    if "/Metadata" not in pdf.Root:
        return
    xmp = pdf.Root.Metadata.read_bytes()
    pdf.Root.Metadata.write(_PAGES.sub(
        b"<xmpTPg:NPages>%d</xmpTPg:NPages>" % int(pdf.Root.Pages.Count), xmp))
