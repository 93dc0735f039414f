"""Readers: `path -> Document` for Markdown, DOCX, PDF, plain text, PPTX and HTML.

`read(path, display, limits)` picks the reader from the file suffix (`SUFFIXES`, `READERS`).
Every reader opens only regular files, read-only, within `limits` (model.Limits, config
`limits:`), computes the sha256 of the bytes it read, normalises block text (`_common.normalize`:
NFKC where safe, invisible characters removed, offsets kept back to the text as read) and
raises `InputError(msg, path=display, line=/page=)` for input it cannot read, or cannot read
whole: a reader never gives up part-way and passes what it got. The heavy libraries
(python-docx, pypdf, python-pptx, markdown-it) are imported inside the reader that needs them.
`parse_text(source, fmt, display)` reads text already in memory (an editor buffer, a CMS field)
in one of the `TEXT_FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from claimcheck.errors import InputError, UsageError, shown
from claimcheck.load import docx, html, markdown, pdf, pptx, text
from claimcheck.load._common import DEFAULT_LIMITS, document, universal_newlines
from claimcheck.model import Document, Limits

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

READERS: dict[str, Callable[[Path, str, Limits], Document]] = {
    "markdown": markdown.read,
    "docx": docx.read,
    "pdf": pdf.read,
    "text": text.read,
    "pptx": pptx.read,
    "html": html.read,
}

# The formats whose drafts are text, which parse_text reads from memory.
TEXT_FORMATS = ("markdown", "html", "text")

docx_paragraphs = docx.docx_paragraphs

__all__ = [
    "READERS",
    "SUFFIXES",
    "TEXT_FORMATS",
    "docx_paragraphs",
    "format_of",
    "parse_text",
    "read",
    "read_data",
]


def format_of(path: Path | str) -> str | None:
    """The format name for a file's suffix (case-insensitive), or None when unsupported."""
    return SUFFIXES.get(Path(path).suffix.lower())


def read(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a draft into a Document with the reader its suffix calls for, within `limits`."""
    fmt = format_of(path)
    if fmt is None:
        suffix = Path(path).suffix
        what = shown(suffix) if suffix else "(no file extension)"
        known = ", ".join(sorted(SUFFIXES))
        raise InputError(f"unsupported file type {what} (supported: {known})", path=display)
    return READERS[fmt](Path(path), display, limits)


def parse_text(source: str, fmt: str, display: str) -> Document:
    """Read text in memory as a draft of a text format, as `read` would read it from a file.

    The sha256 is that of the text's UTF-8 bytes (a file holding exactly this text has it too).
    """
    if fmt not in TEXT_FORMATS:
        raise UsageError(
            f"cannot read {shown(fmt)} from text (text formats: {', '.join(TEXT_FORMATS)})"
        )
    data = source.encode("utf-8")
    source = universal_newlines(source.removeprefix("\ufeff"))
    context: dict = {}
    if fmt == "markdown":
        blocks, context = markdown.parse(source, display)
    elif fmt == "html":
        blocks = html.parse(source, display)
    else:
        blocks = text.parse(source)
    return document(display, fmt, data, blocks, context)


def read_data(data: bytes, fmt: str, display: str) -> Document:
    """Read a draft's bytes (`claimcheck check -` reads them from stdin) as `read` reads a file.

    Text formats are decoded as UTF-8 like a file; DOCX, PDF and PPTX go through their
    reader from a private temporary file, removed at once. The sha256 is the bytes'.
    """
    from claimcheck.load._common import decode_utf8

    if not data:
        raise InputError("empty input", path=display)
    if fmt in TEXT_FORMATS:
        doc = parse_text(decode_utf8(data, display), fmt, display)
        return document(display, fmt, data, list(doc.blocks), doc.context)
    import os
    import tempfile

    suffix = next(s for s, f in SUFFIXES.items() if f == fmt)
    handle, name = tempfile.mkstemp(prefix="claimcheck-stdin-", suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        return READERS[fmt](Path(name), display)
    finally:
        os.unlink(name)
