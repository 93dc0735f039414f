"""Read Word documents (.docx) into blocks, in reading order.

Paragraph numbering rule (the `paragraph` of a Block, a JSON location, and the anchor the
annotate command uses): body paragraphs and table cells are numbered 1, 2, 3... in reading
order, counting only those that hold visible text. Empty paragraphs (spacing lines) and empty
cells are skipped, so "paragraph 7" is the seventh piece of text a reviewer sees, not a count of
invisible line breaks. A table cell is one paragraph whatever it holds: its paragraphs joined
with "\\n" (a table nested in a cell follows the cell, its cells numbered in turn). Merged cells
are read once.

Text is the document as it reads with tracked changes accepted: insertions are kept, deletions
dropped; text boxes are not read. Headings (style "Heading N"/"Title", or an outline level) are
kinds "heading"/"title". Headers and footers of every section, each read once, come after the
body as "header"/"footer" blocks with no paragraph number.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.load._common import document, read_bytes
from claimcheck.model import Block, Document

# Runs whose text a reader sees: not deleted, not inside a text box (or its VML fallback).
RUNS_XPATH = (
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)]"
)


def read(path: Path, display: str) -> Document:
    """Read a .docx file into a Document."""
    data = read_bytes(path, display)
    doc = open_docx(data, display)
    blocks = [
        Block(text=text, kind=kind, paragraph=number)
        for number, _item, kind, text in _numbered(doc)
    ]
    blocks.extend(_headers_footers(doc))
    return document(display, "docx", data, blocks)


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
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"not a valid DOCX file ({detail})", path=display) from None


def docx_paragraphs(doc: Any) -> Iterator[tuple[int, Any]]:
    """(paragraph number, python-docx Paragraph or _Cell) in the order `read` numbers them."""
    for number, item, _kind, _text in _numbered(doc):
        yield number, item


def _numbered(doc: Any) -> Iterator[tuple[int, Any, str, str]]:
    """(number, item, kind, text) for every body paragraph or cell holding text."""
    body = doc.element.body.iterchildren()
    for number, (item, kind, text) in enumerate(_items(body, doc._body), start=1):
        yield number, item, kind, text


def _items(children: Iterable[Any], parent: Any) -> Iterator[tuple[Any, str, str]]:
    """(Paragraph or _Cell, kind, text) for the non-empty paragraphs and cells among elements."""
    from docx.oxml.ns import qn
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    for child in children:
        if child.tag == qn("w:p"):
            text = _text(child).strip()
            if text:
                para = Paragraph(child, parent)
                yield para, _kind(para), text
        elif child.tag == qn("w:tbl"):
            table = Table(child, parent)
            for tr in child.iterchildren(qn("w:tr")):
                for tc in _cells_of_row(tr):
                    if tc.vMerge == "continue":
                        continue  # the cell above holds a vertically merged cell's text
                    cell = _Cell(tc, table)
                    paras = [_text(p).strip() for p in tc.iterchildren(qn("w:p"))]
                    text = "\n".join(t for t in paras if t)
                    if text:
                        yield cell, "table-cell", text
                    # A table nested in a cell follows the cell.
                    yield from _items(tc.iterchildren(qn("w:tbl")), cell)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _items(content.iterchildren(), parent)


def _cells_of_row(tr: Any) -> Iterator[Any]:
    """The w:tc elements of a row, looking inside content controls."""
    from docx.oxml.ns import qn

    for child in tr.iterchildren():
        if child.tag == qn("w:tc"):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from content.iterchildren(qn("w:tc"))


def _text(p: Any) -> str:
    """A paragraph's text with tracked insertions accepted and deletions dropped."""
    return "".join(r.text for r in p.xpath(RUNS_XPATH))


def _kind(para: Any) -> str:
    """heading, title, list-item, caption or paragraph, from the style and outline level."""
    try:
        style = para.style
    except (KeyError, ValueError):
        style = None
    name = (style.name or "") if style is not None else ""
    if name == "Title":
        return "title"
    if name.startswith("Heading") or _outline_level(para._p, style) is not None:
        return "heading"
    if name == "Caption":
        return "caption"
    if name.startswith("List") or para._p.pPr is not None and para._p.pPr.numPr is not None:
        return "list-item"
    return "paragraph"


def _outline_level(p: Any, style: Any) -> int | None:
    """The outline level (0-8) set on the paragraph or its style chain; 9 means body text."""
    candidates = [p.pPr]
    seen = 0
    while style is not None and seen < 20:
        candidates.append(getattr(style.element, "pPr", None))
        style = getattr(style, "base_style", None)
        seen += 1
    for ppr in candidates:
        if ppr is not None and ppr.outlineLvl is not None:
            level = ppr.outlineLvl.val
            return level if level is not None and level < 9 else None
    return None


def _headers_footers(doc: Any) -> Iterator[Block]:
    """Blocks of each distinct header and footer, sections in order."""
    seen: set[int] = set()
    for section in doc.sections:
        for kind, parts in (
            ("header", (section.header, section.first_page_header, section.even_page_header)),
            ("footer", (section.footer, section.first_page_footer, section.even_page_footer)),
        ):
            for hf in parts:
                if hf.is_linked_to_previous:
                    continue  # no definition of its own; reading it would add one
                part = hf._definition
                if id(part) in seen:
                    continue
                seen.add(id(part))
                for _item, _k, text in _items(part.element.iterchildren(), hf):
                    yield Block(text=text, kind=kind)
