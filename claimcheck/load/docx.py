"""Read Word documents (.docx) into blocks, in reading order.

Paragraph numbering rule (the `paragraph` of a Block, a JSON location, and the anchor the
annotate command uses): body paragraphs and table cells are numbered 1, 2, 3... in reading
order, counting only those that hold visible text. Empty paragraphs (spacing lines) and empty
cells are skipped, so "paragraph 7" is the seventh piece of text a reviewer sees, not a count of
invisible line breaks. A table cell is one paragraph whatever it holds: its paragraphs joined
with "\\n" (a table nested in a cell follows the cell, its cells numbered in turn). Merged cells
are read once.

Text is the document as it reads with tracked changes accepted: insertions are kept, deletions
dropped. Text boxes and shapes with text (read once, not again from their VML fallback) come
after the paragraph they are anchored in as "text-box" blocks carrying that paragraph's
number (or the previous one's, when the anchor holds no text); they are not numbered
themselves. Charts, SmartArt and embedded objects are not read: the Document says so
(`skipped`, "paragraph 7: a chart was not read") and the run prints a note. Headings (style "Heading N"/"Title", or an outline level) are
kinds "heading"/"title". Headers and footers of every section, each read once, come after the
body as "header"/"footer" blocks with no paragraph number.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.load._common import (
    DEFAULT_LIMITS,
    check_package,
    damaged,
    document,
    read_bytes,
    too_many_blocks,
    why,
)
from claimcheck.model import Block, Document, Limits

# Runs whose text a reader sees: not deleted, not inside a text box (or its VML fallback).
RUNS_XPATH = (
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)]"
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {
    "w": _W,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    f"{{{_W}}}{tag}" for tag in ("p", "tbl", "tr", "tc", "sdt", "sdtContent")
)


@cache
def _xpaths() -> tuple[Any, Any, Any, Any]:
    """Compiled queries: the runs of a paragraph at a text-box depth, its text boxes, the
    charts, diagrams and embedded objects of a part, and how many paragraphs hold text."""
    from lxml import etree

    runs = etree.XPath(
        ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
        " and count(ancestor::w:txbxContent) = $depth]",
        namespaces=_NS,
    )
    # Word writes a text box twice: as DrawingML and as a VML fallback. Read the first.
    boxes = etree.XPath(
        ".//w:txbxContent[not(ancestor::mc:Fallback) and count(ancestor::w:txbxContent) = $depth]",
        namespaces=_NS,
    )
    unread = etree.XPath(".//a:graphicData | .//w:object", namespaces=_NS)
    # Paragraphs with text of their own: at least as many as the blocks they make.
    texts = etree.XPath("count(.//w:p[.//w:t])", namespaces=_NS)
    return runs, boxes, unread, texts


def read(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a .docx file into a Document."""
    data = read_bytes(path, display, limit_mb=limits.max_file_mb)
    check_package(data, display, "DOCX", limits)
    doc = open_docx(data, display)
    styles = _Styles(doc)
    blocks: list[Block] = []
    numbers: dict[Any, int | None] = {}  # w:p element -> the paragraph number it reads as
    with damaged(display, "DOCX", "word/document.xml"):
        # Counted in C before a Python object is made per paragraph: a 200,000-paragraph
        # body is refused in a second instead of after reading half of it.
        if _xpaths()[3](doc.element.body) > limits.max_blocks:
            raise too_many_blocks(display, limits)
        for number, item, kind, text in _numbered(doc, styles):
            blocks.append(Block(text=text, kind=kind, paragraph=number))
            if len(blocks) > limits.max_blocks:  # stop now, not after the whole body
                raise too_many_blocks(display, limits)
            if item is not None and kind != "table-cell":
                numbers[item._p] = number
        skipped = list(_unread(doc.element.body, numbers))
    blocks.extend(_headers_footers(doc, styles, display))
    return document(display, "docx", data, blocks, limits=limits, skipped=skipped)


def open_docx(data: bytes, display: str) -> Any:
    """A python-docx Document over the bytes; a file that is not a .docx raises InputError."""
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        reason = "not a zip archive"
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            reason += "; an old .doc file must be saved as .docx"
        raise InputError(f"not a valid DOCX file ({reason})", path=display)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a damaged package
        raise InputError(f"not a valid DOCX file ({why(exc)})", path=display) from None


def docx_paragraphs(doc: Any) -> Iterator[tuple[int, Any]]:
    """(paragraph number, python-docx Paragraph or _Cell) in the order `read` numbers them."""
    for number, item, _kind, _text in _numbered(doc, _Styles(doc)):
        if item is not None:
            yield number, item


def _numbered(doc: Any, styles: _Styles) -> Iterator[tuple[int | None, Any, str, str]]:
    """(number, item, kind, text) for every body paragraph or cell holding text.

    A text box's paragraphs (item None, kind "text-box") take the number of the paragraph
    they are anchored in, or of the one before it when that one holds no text of its own.
    """
    number = 0
    for item, kind, text in _items(doc.element.body.iterchildren(), doc._body, styles):
        if item is not None:
            number += 1
        yield (number or None), item, kind, text


def _items(
    children: Iterable[Any], parent: Any, styles: _Styles, depth: int = 0
) -> Iterator[tuple[Any, str, str]]:
    """(Paragraph or _Cell, kind, text) for the non-empty paragraphs and cells among elements,
    each followed by the text of the text boxes anchored in it as (None, "text-box", text)."""
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    for child in children:
        if child.tag == _P:
            text = _text(child, depth).strip()
            if text:
                yield Paragraph(child, parent), _kind(child, styles), text
            yield from _boxes(child, parent, styles, depth)
        elif child.tag == _TBL:
            table = Table(child, parent)
            for tr in child.iterchildren(_TR):
                for tc in _cells_of_row(tr):
                    if tc.vMerge == "continue":
                        continue  # the cell above holds a vertically merged cell's text
                    cell = _Cell(tc, table)
                    paras = list(tc.iterchildren(_P))
                    text = "\n".join(t for t in (_text(p, depth).strip() for p in paras) if t)
                    if text:
                        yield cell, "table-cell", text
                    for p in paras:
                        yield from _boxes(p, cell, styles, depth)
                    # A table nested in a cell follows the cell.
                    yield from _items(tc.iterchildren(_TBL), cell, styles, depth)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _items(content.iterchildren(), parent, styles, depth)


def _boxes(p: Any, parent: Any, styles: _Styles, depth: int) -> Iterator[tuple[Any, str, str]]:
    """The text of the text boxes (and shapes with text) anchored in paragraph `p`."""
    for box in _xpaths()[1](p, depth=depth):
        for _item, _box_kind, text in _items(box.iterchildren(), parent, styles, depth + 1):
            yield None, "text-box", text


def _cells_of_row(tr: Any) -> Iterator[Any]:
    """The w:tc elements of a row, looking inside content controls."""
    for child in tr.iterchildren():
        if child.tag == _TC:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from content.iterchildren(_TC)


def _text(p: Any, depth: int = 0) -> str:
    """A paragraph's text with tracked insertions accepted and deletions dropped."""
    return "".join(r.text for r in _xpaths()[0](p, depth=depth))


class _Styles:
    """What a paragraph style says about kind, looked up once per style of a document.

    python-docx resolves a paragraph's style by scanning every style of the document (and
    converting each one's type), which made reading a long document take minutes.
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.known: dict[str | None, tuple[str, int | None]] = {}

    def of(self, style_id: str | None) -> tuple[str, int | None]:
        """(style name, outline level set on the style or the styles it is based on)."""
        found = self.known.get(style_id)
        if found is None:
            from docx.enum.style import WD_STYLE_TYPE

            try:
                style = self.doc.part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
            except (KeyError, ValueError):
                style = None
            name = (style.name or "") if style is not None else ""
            level: int | None = None
            seen = 0
            while style is not None and seen < 20:
                ppr = getattr(style.element, "pPr", None)
                if ppr is not None and ppr.outlineLvl is not None:
                    level = ppr.outlineLvl.val
                    break
                style = getattr(style, "base_style", None)
                seen += 1
            found = self.known[style_id] = (name, level)
        return found


def _kind(p: Any, styles: _Styles) -> str:
    """heading, title, list-item, caption or paragraph, from the style and outline level."""
    name, level = styles.of(p.style)
    if name == "Title":
        return "title"
    ppr = p.pPr
    if ppr is not None and ppr.outlineLvl is not None:
        level = ppr.outlineLvl.val  # set on the paragraph: wins over its style
    if name.startswith("Heading") or (level is not None and level < 9):
        return "heading"
    if name == "Caption":
        return "caption"
    if name.startswith("List") or ppr is not None and ppr.numPr is not None:
        return "list-item"
    return "paragraph"


def _unread(root: Any, numbers: dict[Any, int | None]) -> Iterator[str]:
    """A note for each chart, SmartArt diagram or embedded object: their text is not read."""
    for node in _xpaths()[2](root):
        uri = node.get("uri", "") if node.tag.endswith("graphicData") else "object"
        if "chart" in uri:
            what = "a chart"
        elif "diagram" in uri:
            what = "a SmartArt diagram"
        elif uri == "object":
            what = "an embedded object"
        else:
            continue  # pictures, text-box shapes (read), ink...
        number = next((numbers[a] for a in node.iterancestors(_P) if a in numbers), None)
        where = f"paragraph {number}" if number is not None else "the body"
        yield f"{where}: {what} was not read (its text is not checked)"


def _headers_footers(doc: Any, styles: _Styles, display: str) -> Iterator[Block]:
    """Blocks of each distinct header and footer, sections in order."""
    seen: set[int] = set()
    for number, section in enumerate(doc.sections, start=1):
        for kind in ("header", "footer"):
            with damaged(display, "DOCX", f"{kind} of section {number}"):
                parts = (
                    (section.header, section.first_page_header, section.even_page_header)
                    if kind == "header"
                    else (section.footer, section.first_page_footer, section.even_page_footer)
                )
                for hf in parts:
                    if hf.is_linked_to_previous:
                        continue  # no definition of its own; reading it would add one
                    part = hf._definition
                    if id(part) in seen:
                        continue
                    seen.add(id(part))
                    for _item, _k, text in _items(part.element.iterchildren(), hf, styles):
                        yield Block(text=text, kind=kind)
