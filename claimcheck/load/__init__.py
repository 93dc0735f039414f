"""Readers: `path -> Document` for Markdown, DOCX, PDF, plain text, PPTX and HTML.

`read(path, display)` picks the reader from the file suffix (`SUFFIXES`, `READERS`). Every
reader opens its file read-only, computes the sha256 of the bytes it read, and raises
`InputError(msg, path=display, line=/page=)` for input it cannot read. The heavy libraries
(python-docx, pypdf, python-pptx, markdown-it) are imported inside the reader that needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from claimcheck.errors import InputError, shown
from claimcheck.load import docx, html, markdown, pdf, pptx, text
from claimcheck.model import Document

SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".pdf": "pdf",
    ".txt": "text",
    ".text": "text",
    ".pptx": "pptx",
    ".html": "html",
    ".htm": "html",
}

READERS: dict[str, Callable[[Path, str], Document]] = {
    "markdown": markdown.read,
    "docx": docx.read,
    "pdf": pdf.read,
    "text": text.read,
    "pptx": pptx.read,
    "html": html.read,
}

docx_paragraphs = docx.docx_paragraphs

__all__ = ["READERS", "SUFFIXES", "docx_paragraphs", "format_of", "read"]


def format_of(path: Path | str) -> str | None:
    """The format name for a file's suffix (case-insensitive), or None when unsupported."""
    return SUFFIXES.get(Path(path).suffix.lower())


def read(path: Path, display: str) -> Document:
    """Read a draft into a Document with the reader its suffix calls for."""
    fmt = format_of(path)
    if fmt is None:
        suffix = Path(path).suffix
        what = shown(suffix) if suffix else "(no file extension)"
        known = ", ".join(sorted(SUFFIXES))
        raise InputError(f"unsupported file type {what} (supported: {known})", path=display)
    return READERS[fmt](Path(path), display)
