"""Annotate a PDF draft: a highlight on each flagged sentence, the finding in its note.

A document finding (a missing required statement, fair balance) is a sticky note in the
margin beside the first claim behind it, or at the top left of page 1.

pypdf reports each text fragment it extracts together with its text and transformation
matrices; the sentence is found in that stream (whitespace and line-break hyphens
ignored) and its glyph extent measured with the font's widths. A sentence that cannot be
found on its page is returned in `AnnotateStats.unplaced` rather than guessed at.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.annotate import (
    AUTHOR,
    AnnotateStats,
    Unplaced,
    check_paths,
    comment_lines,
    document_comment_lines,
    is_flagged,
)
from claimcheck.atomic import open_atomic
from claimcheck.errors import InputError
from claimcheck.load._common import invisible
from claimcheck.model import ClaimResult, DocumentResult, Finding, Registry

# Highlight colours per verdict (pale enough to keep the text readable in print).
HIGHLIGHT = {
    "supported": "a5d6a7",
    "overstated": "ffcc80",
    "unsupported": "ef9a9a",
    "prohibited": "ce93d8",
    "expired": "b0bec5",
    "off-scope": "90caf9",
}
# When the sentence as a whole is not found (e.g. text reflowed), its first words are.
PREFIX_WORDS = 6
MIN_PREFIX_WORDS = 3


@dataclass(slots=True)
class _Fragment:
    text: str
    x: float
    y: float
    size: float  # effective font size in user space
    font: Any  # pypdf Font or None

    def advance(self, upto: int) -> float:
        """Width in points of text[:upto]."""
        chunk = self.text[:upto]
        if self.font is not None:
            return self.font.get_text_width(chunk) / 1000.0 * self.size
        return 0.5 * self.size * len(chunk)  # average glyph width when metrics are unknown


def _font(font_dict: Any, cache: dict[int, Any]) -> Any:
    if not font_dict:
        return None
    key = id(font_dict)
    if key not in cache:
        try:
            from pypdf.generic._font import Font

            cache[key] = Font.from_font_resource(font_dict)
        except Exception:  # pypdf internals moved or an odd font: fall back to an estimate
            cache[key] = None
    return cache[key]


def _fragments(page: Any) -> list[_Fragment]:
    """Text fragments of a page with their position in default user space."""
    out: list[_Fragment] = []
    fonts: dict[int, Any] = {}

    def visit(
        text: str, cm: list[float], tm: list[float], font_dict: Any, font_size: float
    ) -> None:
        if not text or not text.strip():
            return
        # Device position = Tm x CTM (row vectors, PDF convention).
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        e = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        f = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(a * d - b * c)) ** 0.5 or 1.0
        out.append(_Fragment(text, e, f, (font_size or 12.0) * scale, _font(font_dict, fonts)))

    page.extract_text(visitor_text=visit)
    return out


def _stream(fragments: list[_Fragment], drop: str) -> tuple[str, list[tuple[int, int]]]:
    """Fragment text without whitespace (and `drop` chars), with each char's origin."""
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    for fi, frag in enumerate(fragments):
        for ci, ch in enumerate(frag.text):
            for n in unicodedata.normalize("NFKC", ch):
                if n.isspace() or n in drop or invisible(n):
                    continue
                chars.append(n)
                where.append((fi, ci))
    return "".join(chars), where


_STREAMS: dict[tuple[int, str], tuple[list[_Fragment], tuple[str, list[tuple[int, int]]]]] = {}


def _stream_of(fragments: list[_Fragment], drop: str) -> tuple[str, list[tuple[int, int]]]:
    """`_stream`, built once per page and drop set (it was rebuilt for every claim)."""
    key = (id(fragments), drop)
    cached = _STREAMS.get(key)
    if cached is None or cached[0] is not fragments:
        if len(_STREAMS) > 64:
            _STREAMS.clear()
        cached = _STREAMS[key] = (fragments, _stream(fragments, drop))
    return cached[1]


def _squash(text: str, drop: str) -> str:
    return "".join(
        ch
        for ch in unicodedata.normalize("NFKC", text)
        if not ch.isspace() and ch not in drop and not invisible(ch)
    )


def _find(
    fragments: list[_Fragment], sentence: str, used: list[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """(fragment, char) positions of the sentence's characters, or None when not on the page."""
    words = sentence.split()
    targets = [sentence]
    for n in range(min(PREFIX_WORDS, len(words) - 1), MIN_PREFIX_WORDS - 1, -1):
        targets.append(" ".join(words[:n]))
    # Line-end hyphenation ("opera-\ntive") only matches when hyphens are ignored.
    for drop in ("", "-\u00ad\u2010"):
        stream, where = _stream_of(fragments, drop)
        for target in targets:
            needle = _squash(target, drop)
            if not needle:
                continue
            i = stream.find(needle)
            while i >= 0:
                span = (i, i + len(needle))
                if not any(span[0] < u[1] and u[0] < span[1] for u in used):
                    used.append(span)
                    return where[span[0] : span[1]]
                i = stream.find(needle, i + 1)
    return None


def _quads(fragments: list[_Fragment], chars: list[tuple[int, int]]) -> list[tuple[float, ...]]:
    """One (x0, y0, x1, y1) box per text line the characters cover."""
    per_frag: dict[int, list[int]] = {}
    for fi, ci in chars:
        per_frag.setdefault(fi, []).append(ci)
    lines: list[list[float]] = []
    for fi, cis in per_frag.items():
        frag = fragments[fi]
        x0 = frag.x + frag.advance(min(cis))
        x1 = frag.x + frag.advance(max(cis) + 1)
        y0, y1 = frag.y - 0.25 * frag.size, frag.y + 0.9 * frag.size
        for box in lines:
            if abs(box[1] - y0) < 0.5 * frag.size:  # same baseline: extend the line's box
                box[0], box[2] = min(box[0], x0), max(box[2], x1)
                box[1], box[3] = min(box[1], y0), max(box[3], y1)
                break
        else:
            lines.append([x0, y0, x1, y1])
    return [tuple(box) for box in lines]


def _highlight(boxes: list[tuple[float, ...]], claim: ClaimResult, text: str) -> Any:
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    quad: list[FloatObject] = []
    for x0, y0, x1, y1 in boxes:
        # Upper-left, upper-right, lower-left, lower-right: the order viewers expect.
        quad += [FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0)]
    rect = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    annot = Highlight(
        rect=rect,
        quad_points=ArrayObject(quad),
        highlight_color=HIGHLIGHT.get(claim.verdict, "ffeb3b"),
        printing=True,
        title_bar=AUTHOR,
    )
    annot[NameObject("/Contents")] = TextStringObject(text)
    rules = ", ".join(dict.fromkeys(f.rule for f in claim.findings)) or claim.verdict
    annot[NameObject("/Subj")] = TextStringObject(f"claimcheck {rules}")
    return annot


def _note(rect: tuple[float, float, float, float], finding: Finding) -> Any:
    """A sticky note (a Text annotation) holding a document finding."""
    from pypdf.annotations import Text
    from pypdf.generic import NameObject, TextStringObject

    annot = Text(rect=rect, text="\n".join(document_comment_lines(finding)), open=False)
    annot[NameObject("/T")] = TextStringObject(AUTHOR)
    annot[NameObject("/Subj")] = TextStringObject(f"claimcheck {finding.rule}")
    return annot


def _note_rect(
    reader: Any, finding: Finding, fragments: dict[int, list[_Fragment]]
) -> tuple[int, tuple[float, float, float, float]]:
    """(page index, rect) for a document finding's note: in the margin beside its first claim,
    or at the top left of page 1 when no claim stands behind it (or it cannot be found)."""
    anchor = finding.anchor
    page_no = anchor.location.page if anchor is not None else None
    if anchor is not None and page_no is not None and 1 <= page_no <= len(reader.pages):
        if page_no not in fragments:
            fragments[page_no] = _fragments(reader.pages[page_no - 1])
        chars = _find(fragments[page_no], anchor.text, [])  # a claim's own highlight may be there
        if chars:
            x0, _, _, y1 = _quads(fragments[page_no], chars)[0]
            left = max(0.0, x0 - 22)
            return page_no - 1, (left, y1 - 18, left + 18, y1)
    box = reader.pages[0].mediabox
    left, top = float(box.left) + 8, float(box.top) - 8
    return 0, (left, top - 18, left + 18, top)


def annotate_pdf(
    src: Path,
    dst: Path,
    result: DocumentResult,
    *,
    include_supported: bool = False,
    registry: Registry | None = None,
) -> AnnotateStats:
    """Write a copy of a PDF draft with a highlight annotation on each flagged sentence."""
    from pypdf import PdfWriter

    from claimcheck.load.pdf import open_pdf

    src, dst = Path(src), Path(dst)
    check_paths(src, dst)
    try:
        # Opened exactly as `check` reads it: a PDF that an empty password decrypts is
        # annotated (the reviewed copy is written without encryption); others are refused.
        reader = open_pdf(src.read_bytes(), str(src))
        writer = PdfWriter(clone_from=reader)
    except InputError:
        raise
    except Exception as exc:  # PdfReadError and friends: a corrupt file is bad input, not a bug
        raise InputError(f"cannot read PDF: {exc}", path=str(src)) from None
    stats = AnnotateStats(dst=dst)
    fragments: dict[int, list[_Fragment]] = {}
    used: dict[int, list[tuple[int, int]]] = {}
    for claim in result.claims:
        flagged = is_flagged(claim)
        if not (flagged or include_supported):
            continue
        stats.flagged += flagged
        page_no = claim.sentence.location.page
        if page_no is None or not 1 <= page_no <= len(reader.pages):
            stats.unplaced.append(
                Unplaced(claim.sentence.text, claim.verdict, page=page_no, reason="no such page")
            )
            continue
        if page_no not in fragments:
            fragments[page_no] = _fragments(reader.pages[page_no - 1])
        chars = _find(fragments[page_no], claim.sentence.text, used.setdefault(page_no, []))
        if not chars:
            stats.unplaced.append(Unplaced(claim.sentence.text, claim.verdict, page=page_no))
            continue
        boxes = _quads(fragments[page_no], chars)
        text = "\n".join(comment_lines(claim, registry))
        writer.add_annotation(page_number=page_no - 1, annotation=_highlight(boxes, claim, text))
        stats.placed += 1
    for finding in result.findings:
        if not reader.pages:
            stats.unplaced.append(Unplaced(finding.message, "document", reason="no page"))
            continue
        index, rect = _note_rect(reader, finding, fragments)
        writer.add_annotation(page_number=index, annotation=_note(rect, finding))
        stats.placed += 1
    with open_atomic(dst) as fh:
        writer.write(fh)
    return stats
