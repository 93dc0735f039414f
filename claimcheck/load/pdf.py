"""Read PDFs into blocks: text per page, lines rebuilt into paragraphs, headings and bullets.

pypdf gives the text of a page line by line, with each line's position and font size. Lines
are joined back into paragraphs with a space; a paragraph ends at a vertical gap larger than
the line spacing, at a jump back up the page (a new column), before a bullet ("•", "-", "–",
"▪", ...: kind list-item, marker dropped) and around a heading. A line is a heading when it is
short, has no final punctuation and follows a finished sentence, and is set in a larger font,
or (with no lower-case line after it) is in Title Case / ALL CAPS or much shorter than the
page's lines; consecutive heading lines of one size are one heading. A word hyphenated at a
line end is mended ("recov-" + "ery" -> "recovery") when the next line starts in lower case
(so "well-" + "known" also loses its hyphen: the price of having no dictionary). Pages are
1-based; blocks carry no line numbers. A sentence running over a page break is split there.
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.load._common import DEFAULT_LIMITS, document, limit_error, read_bytes
from claimcheck.model import Block, Document, Limits

# U+F0B7 / U+F0A7 are the Symbol-font bullets Word writes into PDFs.
_BULLET = re.compile(r"^(?:[•▪◦●‣∙*–\-\uf0b7\uf0a7\uf076\uf0d8])(?:\s+|$)")
_FINAL = ".,;:!?…"
_MINOR = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or")
    + ("per", "the", "to", "vs", "vs.", "via", "with")
)


@dataclass
class _Line:
    """One line of a page as pypdf laid it out."""

    text: str
    x: float | None = None
    y: float | None = None
    size: float | None = None


def read(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a PDF file into a Document."""
    data = read_bytes(path, display, empty="empty PDF", limit_mb=limits.max_file_mb)
    with _quiet():
        pages = _page_lines(data, display, limits)
    if not any(line.text.strip() for lines in pages for line in lines):
        raise InputError("no extractable text (scanned PDF?)", path=display)
    body = _body_size(pages)
    blocks: list[Block] = []
    for number, lines in enumerate(pages, start=1):
        for kind, text in _blocks(lines, body):
            blocks.append(Block(text=text, kind=kind, page=number))
    return document(display, "pdf", data, blocks, limits=limits)


@contextmanager
def _quiet() -> Iterator[None]:
    """Keep pypdf's warnings about sloppy PDFs off the user's terminal."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def open_pdf(data: bytes, display: str) -> Any:
    """A PdfReader over the bytes, decrypted when an empty password opens it."""
    from pypdf import PasswordType, PdfReader

    if b"%PDF-" not in data[:1024]:  # the header may follow some junk bytes
        raise InputError("not a PDF file (no %PDF header)", path=display)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # pypdf raises many types for a damaged file
        raise InputError(f"corrupt PDF ({_why(exc)})", path=display) from None
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as exc:  # e.g. AES without the optional crypto dependency
            raise InputError(f"encrypted PDF (cannot decrypt: {_why(exc)})", path=display) from None
        if opened == PasswordType.NOT_DECRYPTED:
            raise InputError("encrypted PDF (a password is needed to open it)", path=display)
    return reader


def _page_lines(data: bytes, display: str, limits: Limits) -> list[list[_Line]]:
    """Every page's lines, with position and font size where pypdf reports them."""
    reader = open_pdf(data, display)
    try:
        count = len(reader.pages)
        if count > limits.max_pages:
            raise limit_error(
                display, f"more than {limits.max_pages:,} pages", limits.max_pages, "max_pages"
            )
        pages = list(reader.pages)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"corrupt PDF ({_why(exc)})", path=display) from None
    out = []
    for number, page in enumerate(pages, start=1):
        try:
            out.append(_lines_of(page))
        except Exception as exc:
            raise InputError(
                f"cannot extract text ({_why(exc)})", path=display, page=number
            ) from None
    return out


def _lines_of(page: Any) -> list[_Line]:
    """The lines of one page, built from pypdf's text visitor."""
    lines: list[_Line] = [_Line("")]

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append(_Line(""))
            line = lines[-1]
            if piece.strip() and line.y is None:
                m = _multiply(tm, cm)
                line.x, line.y = m[4], m[5]
                line.size = abs(size or 0) * math.hypot(m[2], m[3]) or None
            elif piece.strip() and size:
                m = _multiply(tm, cm)
                eff = abs(size) * math.hypot(m[2], m[3])
                line.size = max(line.size or 0, eff) or None
            line.text += piece

    text = page.extract_text(visitor_text=visit) or ""
    got = [ln for ln in lines if ln.text.strip()]
    if not got and text.strip():
        # The visitor saw nothing (unusual producers): fall back to bare lines.
        got = [_Line(t) for t in text.split("\n")]
    return [_Line(ln.text.strip(), ln.x, ln.y, ln.size) for ln in got if ln.text.strip()]


def _multiply(tm: list[float], cm: list[float]) -> list[float]:
    """The text rendering matrix Tm x CTM."""
    a, b, c, d, e, f = (list(tm) + [1, 0, 0, 1, 0, 0][len(tm) :])[:6]
    A, B, C, D, E, F = (list(cm) + [1, 0, 0, 1, 0, 0][len(cm) :])[:6]
    return [
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    ]


def _body_size(pages: list[list[_Line]]) -> float | None:
    """The font size most of the document's text is set in."""
    weight: dict[float, int] = {}
    for lines in pages:
        for line in lines:
            if line.size:
                key = round(line.size, 1)
                weight[key] = weight.get(key, 0) + len(line.text)
    return max(weight, key=weight.__getitem__) if weight else None


def _blocks(lines: list[_Line], body: float | None) -> Iterator[tuple[str, str]]:
    """(kind, text) of the paragraphs, headings and bullets of one page."""
    if not lines:
        return
    spacing = _spacing(lines, body)
    widest = max(len(ln.text) for ln in lines)
    parts: list[str] = []
    kind = "paragraph"
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        text = line.text
        bullet = _BULLET.match(text)
        gap_before = prev is None or _gap(prev, line, spacing)
        if bullet:
            yield from _emit(kind, parts)
            kind = "list-item"
            text = text[bullet.end() :].strip()
            if not text:
                continue  # the bullet glyph stood on a line of its own
            parts.append(text)
            continue
        if prev is not None and _BULLET.fullmatch(prev.text.strip()):
            parts.append(text)
            continue
        if kind == "heading":
            if (
                not gap_before
                and _same_size(prev, line)
                and _is_heading(line, nxt, body, spacing, widest)
            ):
                parts.append(text)  # a heading wrapped over two lines
                continue
            yield from _emit(kind, parts)
            kind = "paragraph"
        sentence_done = gap_before or not parts or parts[-1].rstrip()[-1:] in _FINAL
        if sentence_done and _is_heading(line, nxt, body, spacing, widest):
            yield from _emit(kind, parts)
            kind = "heading"
            parts.append(text)
            continue
        if gap_before and parts:
            yield from _emit(kind, parts)
            kind = "paragraph"
        parts.append(text)
    yield from _emit(kind, parts)


def _same_size(a: _Line | None, b: _Line) -> bool:
    """Whether two lines are set in the same font size (unknown sizes never match)."""
    return a is not None and bool(a.size and b.size) and abs(a.size - b.size) < 0.5


def _emit(kind: str, parts: list[str]) -> Iterator[tuple[str, str]]:
    """Join the collected lines into one block (and empty the list)."""
    if parts:
        text = parts[0]
        for nxt in parts[1:]:
            text = _join(text, nxt)
        parts.clear()
        yield kind, text


def _join(left: str, right: str) -> str:
    """Glue two wrapped lines, mending a word hyphenated across them."""
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if len(left) >= 2 and left[-1] in "-\u2010" and left[-2].isalpha() and right[:1].islower():
        return left[:-1] + right
    return f"{left} {right}"


def _spacing(lines: list[_Line], body: float | None) -> float | None:
    """The usual distance between consecutive lines of a page.

    Only steps of up to 2.2 font sizes count as line steps, so that on a page of few lines a
    paragraph gap is not mistaken for the leading.
    """
    steps = []
    for a, b in zip(lines, lines[1:], strict=False):
        size = a.size or body or 10
        if a.y is not None and b.y is not None and 0.3 * size < a.y - b.y <= 2.2 * size:
            steps.append(a.y - b.y)
    if steps:
        return statistics.median(steps)
    return body * 1.2 if body else None


def _gap(prev: _Line, line: _Line, spacing: float | None) -> bool:
    """True when more than a line's spacing separates two lines, or the text jumps up."""
    if prev.y is None or line.y is None or not spacing:
        return False
    dy = prev.y - line.y
    # Large type has larger leading: a 26 pt title's second line is not a paragraph gap.
    limit = max(spacing * 1.4, 1.5 * max(prev.size or 0, line.size or 0))
    return dy > limit or dy < -spacing


def _is_heading(
    line: _Line, nxt: _Line | None, body: float | None, spacing: float | None, widest: int
) -> bool:
    """Whether a line reads as a heading rather than part of a paragraph."""
    text = line.text
    words = text.split()
    if not words or len(text) > 80 or len(words) > 12 or text[-1] in _FINAL:
        return False
    if not any(ch.isalpha() for ch in text):
        return False  # page numbers, figures
    if body and line.size and line.size >= body * 1.15:
        return True  # display type: a heading even when it wraps onto a lower-case line
    next_starts_upper = nxt is None or not nxt.text[:1].islower() or _gap(line, nxt, spacing)
    if not next_starts_upper:
        return False
    if _title_case(words) or text.isupper():
        return True
    return len(text) < 0.5 * widest and nxt is not None and nxt.text[:1].isupper()


def _title_case(words: list[str]) -> bool:
    """Every significant word starts with a capital (or a digit)."""
    significant = [w for w in words if w.lower() not in _MINOR and any(c.isalpha() for c in w)]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _why(exc: BaseException) -> str:
    """A short, single-line reason for an exception."""
    text = str(exc).strip().splitlines()
    return text[0][:160] if text else type(exc).__name__
