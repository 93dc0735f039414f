"""Read PowerPoint decks (.pptx): slide text, tables and speaker notes.

Per slide, shapes are read in their stacking (XML) order, groups recursed (shapes wrapped
in mc:AlternateContent, which python-pptx does not list, after the others): each non-empty
paragraph of a text frame is a block (line breaks inside it become "\\n"); a title placeholder
is one "title" block; each table cell is a "table-cell" block (merged cells once); speaker
notes paragraphs come last as "notes" blocks. `slide` is 1-based. A chart, SmartArt diagram
or embedded object is not read: the Document says so (`skipped`), and the run prints a note.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.load._common import (
    DEFAULT_LIMITS,
    check_package,
    damaged,
    document,
    limit_error,
    read_bytes,
    too_many_blocks,
    why,
)
from claimcheck.model import Block, Document, Limits


def read(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a .pptx file into a Document."""
    data = read_bytes(path, display, limit_mb=limits.max_file_mb)
    check_package(data, display, "PPTX", limits)
    deck = _open(data, display)
    blocks: list[Block] = []
    skipped: list[str] = []
    with damaged(display, "PPTX", "ppt/presentation.xml"):
        slides = list(deck.slides)
    if len(slides) > limits.max_pages:
        raise limit_error(
            display, f"more than {limits.max_pages:,} slides", limits.max_pages, "max_pages"
        )
    for number, slide in enumerate(slides, start=1):
        with damaged(display, "PPTX", f"slide {number}"):
            for kind, text in _slide_blocks(slide, skipped, number):
                blocks.append(Block(text=text, kind=kind, slide=number))
                if len(blocks) > limits.max_blocks:
                    raise too_many_blocks(display, limits)
    return document(display, "pptx", data, blocks, limits=limits, skipped=skipped)


def _open(data: bytes, display: str) -> Any:
    """A python-pptx Presentation over the bytes; anything else raises InputError."""
    from pptx import Presentation

    if not zipfile.is_zipfile(io.BytesIO(data)):
        reason = "not a zip archive"
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            reason += "; an old .ppt file must be saved as .pptx"
        raise InputError(f"not a valid PPTX file ({reason})", path=display)
    try:
        return Presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises many types for a damaged package
        raise InputError(f"not a valid PPTX file ({why(exc)})", path=display) from None


def _slide_blocks(slide: Any, skipped: list[str], number: int) -> Iterator[tuple[str, str]]:
    """(kind, text) for one slide: shapes in order, then speaker notes."""
    yield from _shapes(slide.shapes, skipped, number)
    if slide.has_notes_slide:
        frame = slide.notes_slide.notes_text_frame
        if frame is not None:
            for text in _paragraphs(frame):
                yield "notes", text


_UNREAD = {"chart": "a chart", "diagram": "a SmartArt diagram", "ole": "an embedded object"}


def _shapes(shapes: Any, skipped: list[str], number: int) -> Iterator[tuple[str, str]]:
    """(kind, text) for a shape collection, recursing into groups; a note in `skipped` for
    each chart, SmartArt diagram or embedded object, whose text is not read."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes, skipped, number)
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    if cell.is_spanned:
                        continue  # covered by a merge origin, which holds the text
                    text = "\n".join(_paragraphs(cell.text_frame))
                    if text:
                        yield "table-cell", text
        elif shape.has_text_frame:
            paras = list(_paragraphs(shape.text_frame))
            if not paras:
                continue
            if _is_title(shape):
                yield "title", "\n".join(paras)
            else:
                for text in paras:
                    yield "paragraph", text
        else:
            uri = _graphic_uri(shape)
            what = next((v for k, v in _UNREAD.items() if k in uri), None)
            if what is not None:
                skipped.append(f"slide {number}: {what} was not read (its text is not checked)")
    tree = getattr(shapes, "_spTree", None)
    if tree is None:
        tree = getattr(shapes, "_grpSp", None)
    if tree is not None:
        yield from _alternate_content(tree)


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _alternate_content(tree: Any) -> Iterator[tuple[str, str]]:
    """Text of shapes wrapped in mc:AlternateContent, which python-pptx does not list.

    PowerPoint wraps newer shapes (and their fallbacks) this way; the fallback is what any
    reader shows, so its paragraphs are read.
    """
    for alternate in tree.iterchildren(f"{_MC}AlternateContent"):
        branch = alternate.find(f"{_MC}Fallback")
        if branch is None:
            branch = alternate.find(f"{_MC}Choice")
        if branch is None:
            continue
        for para in branch.iter(f"{_A}p"):
            parts = []
            for node in para.iter(f"{_A}t", f"{_A}br"):
                parts.append("\n" if node.tag == f"{_A}br" else (node.text or ""))
            text = "".join(parts).strip()
            if text:
                yield "paragraph", text


def _is_title(shape: Any) -> bool:
    """A title placeholder; an unknown placeholder type (a damaged or newer deck) is not."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    if not shape.is_placeholder:
        return False
    try:
        kind = shape.placeholder_format.type
    except (ValueError, KeyError):
        return False
    return kind in (
        PP_PLACEHOLDER.TITLE,
        PP_PLACEHOLDER.CENTER_TITLE,
        PP_PLACEHOLDER.VERTICAL_TITLE,
    )


def _graphic_uri(shape: Any) -> str:
    """The graphicData uri of a graphic frame (chart, diagram, OLE object), else ""."""
    for node in shape._element.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
    ):
        return node.get("uri", "")
    return ""


def _paragraphs(frame: Any) -> Iterator[str]:
    """Non-empty paragraph texts of a text frame; a line break (vertical tab) becomes "\\n"."""
    for para in frame.paragraphs:
        text = para.text.replace("\v", "\n").replace("\x0b", "\n").strip()
        if text:
            yield text
