"""Read PowerPoint decks (.pptx): slide text, tables and speaker notes.

Per slide, shapes are read in their stacking (XML) order, groups recursed: each non-empty
paragraph of a text frame is a block (line breaks inside it become "\\n"); a title placeholder
is one "title" block; each table cell is a "table-cell" block (merged cells once); speaker
notes paragraphs come last as "notes" blocks. `slide` is 1-based.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.load._common import document, read_bytes
from claimcheck.model import Block, Document


def read(path: Path, display: str) -> Document:
    """Read a .pptx file into a Document."""
    data = read_bytes(path, display)
    deck = _open(data, display)
    blocks: list[Block] = []
    for number, slide in enumerate(deck.slides, start=1):
        for kind, text in _slide_blocks(slide):
            blocks.append(Block(text=text, kind=kind, slide=number))
    return document(display, "pptx", data, blocks)


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
        lines = str(exc).strip().splitlines()
        detail = lines[0][:160] if lines else type(exc).__name__
        raise InputError(f"not a valid PPTX file ({detail})", path=display) from None


def _slide_blocks(slide: Any) -> Iterator[tuple[str, str]]:
    """(kind, text) for one slide: shapes in order, then speaker notes."""
    yield from _shapes(slide.shapes)
    if slide.has_notes_slide:
        frame = slide.notes_slide.notes_text_frame
        if frame is not None:
            for text in _paragraphs(frame):
                yield "notes", text


def _shapes(shapes: Any) -> Iterator[tuple[str, str]]:
    """(kind, text) for a shape collection, recursing into groups."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

    titles = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE}
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
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
            if shape.is_placeholder and shape.placeholder_format.type in titles:
                yield "title", "\n".join(paras)
            else:
                for text in paras:
                    yield "paragraph", text


def _paragraphs(frame: Any) -> Iterator[str]:
    """Non-empty paragraph texts of a text frame; a line break (vertical tab) becomes "\\n"."""
    for para in frame.paragraphs:
        text = para.text.replace("\v", "\n").replace("\x0b", "\n").strip()
        if text:
            yield text
