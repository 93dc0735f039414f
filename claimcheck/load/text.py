"""Read plain UTF-8 text: paragraphs separated by blank lines, bullet lines as list items.

A block keeps its line breaks as "\\n" so a sentence's source line is
`block.line + text[:offset].count("\\n")`. A line starting with a bullet marker
("-", "*", "•", "–", "▪") starts a new list-item block; the marker itself is dropped.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.load._common import BULLET, DEFAULT_LIMITS, decode_text, document, read_bytes
from claimcheck.model import Block, Document, Limits


def read(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a plain-text file into a Document."""
    data = read_bytes(path, display, limit_mb=limits.max_text_file_mb, limit_key="max_text_file_mb")
    return document(display, "text", data, parse(decode_text(data, display)), limits=limits)


def parse(text: str) -> list[Block]:
    """Blocks of a plain text, with 1-based first lines."""
    blocks: list[Block] = []
    lines: list[str] = []
    start = 0
    kind = "paragraph"

    def flush() -> None:
        if lines:
            body = "\n".join(lines).rstrip()
            if body:
                blocks.append(Block(text=body, kind=kind, line=start))
        lines.clear()

    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        bullet = BULLET.match(line)
        if bullet:
            flush()
            kind, start = "list-item", n
            lines.append(line[bullet.end() :])
            continue
        if not lines:
            kind, start = "paragraph", n
        lines.append(line.lstrip())
    flush()
    return blocks
