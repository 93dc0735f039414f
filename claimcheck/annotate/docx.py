"""Annotate a DOCX draft: a Word comment anchored on each flagged sentence.

Sentences carry the DOCX `paragraph` number (body paragraphs and table cells in reading
order, FORMATS.md section 7) and `start`/`end` offsets into that block's text. The runs
covering [start, end) are split at the sentence boundaries when needed (each half keeps
the run's formatting) and the comment is anchored on exactly those runs.
"""

from __future__ import annotations

import contextlib
import copy
import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from claimcheck import clock
from claimcheck.annotate import (
    AUTHOR,
    INITIALS,
    AnnotateStats,
    Unplaced,
    check_paths,
    comment_lines,
    document_comment_lines,
    is_flagged,
)
from claimcheck.atomic import open_atomic
from claimcheck.load._common import normalize
from claimcheck.load.docx import RUNS_XPATH as READER_RUNS  # the runs the reader reads, no others
from claimcheck.load.docx import docx_paragraphs, open_docx
from claimcheck.model import DocumentResult, Location, Registry, Sentence

# Run children that carry text, as python-docx's Run.text counts them.
_TEXT_TAGS = ("t", "tab", "br", "cr", "noBreakHyphen", "ptab")


def _paragraphs(unit: Any) -> list[Any]:
    """The w:p elements of a block: the paragraph itself, or a cell's own paragraphs."""
    from docx.oxml.ns import qn

    if unit._element.tag == qn("w:p"):
        return [unit._element]
    return list(unit._element.iterchildren(qn("w:p")))


def _child_text(child: Any) -> str:
    from docx.oxml.ns import qn

    if any(child.tag == qn(f"w:{t}") for t in _TEXT_TAGS):
        return str(child)
    return ""


def _runs(paragraphs: list[Any], parent: Any) -> tuple[str, list[tuple[Any, Any, int, int]]]:
    """The block's text and its runs as (w:r, Paragraph, start, end) offsets into that text.

    Built exactly as the reader builds a block: each paragraph's text stripped, empty ones
    skipped, a cell's paragraphs joined with "\\n".
    """
    from docx.text.paragraph import Paragraph

    runs = []
    parts: list[str] = []
    pos = 0
    for p in paragraphs:
        elms = p.xpath(READER_RUNS)
        raw = "".join(r.text for r in elms)
        if not raw.strip():
            continue
        if parts:
            parts.append("\n")
            pos += 1
        lead = len(raw) - len(raw.lstrip())
        para = Paragraph(p, parent)
        offset = pos - lead
        for r in elms:
            text = r.text
            runs.append((r, para, offset, offset + len(text)))
            offset += len(text)
        parts.append(raw.strip())
        pos += len(parts[-1])
    return "".join(parts), runs


def _trim(r: Any, lo: int, hi: int | None, keep_empty: bool) -> None:
    """Keep only the run content in [lo, hi) (run-relative offsets)."""
    from docx.oxml.ns import qn

    pos = 0
    for child in list(r):
        if child.tag == qn("w:rPr"):
            continue
        text = _child_text(child)
        start, end = pos, pos + len(text)
        pos = end
        upper = end + 1 if hi is None else hi
        if not text:
            if not keep_empty:
                r.remove(child)
        elif end <= lo or start >= upper:
            r.remove(child)
        elif child.tag == qn("w:t"):
            a, b = max(lo, start) - start, min(upper, end) - start
            child.text = text[a:b]
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _split(r: Any, k: int) -> None:
    """Split run `r` at character k into two runs with the same formatting."""
    right = copy.deepcopy(r)
    _trim(r, 0, k, keep_empty=True)
    _trim(right, k, None, keep_empty=False)
    r.addnext(right)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _locate(text: str, target: Sentence) -> tuple[int, int] | None:
    """The sentence's [start, end) in the unit text: its offsets, else a search for it.

    The offsets point into the text as read; the sentence is that text normalised (soft
    hyphens and zero-width characters removed, NFKC), so both sides are compared normalised.
    """
    loc = target.location
    sentence = target.text
    if loc.end > loc.start and _normal(normalize(text[loc.start : loc.end])[0]) == _normal(
        sentence
    ):
        return loc.start, loc.end
    plain, offsets = normalize(text)

    def source(k: int) -> int:
        return k if offsets is None else offsets[k]

    i = plain.find(sentence)
    if i >= 0:
        return source(i), source(i + len(sentence))
    # Whitespace may differ (tabs, line breaks): match word by word.
    words = sentence.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), plain)
    return (source(m.start()), source(m.end())) if m else None


def _anchor_runs(unit: Any, target: Sentence) -> list[Any] | None:
    """The runs covering the sentence, split at its boundaries; None when not found."""
    from docx.text.run import Run

    paragraphs = _paragraphs(unit)
    text, runs = _runs(paragraphs, unit)
    span = _locate(text, target)
    if span is None:
        return None
    start, end = span
    for cut in (start, end):
        for r, _p, a, b in runs:
            if a < cut < b:
                _split(r, cut - a)
                break
        text, runs = _runs(paragraphs, unit)
    inside = [(r, p) for r, p, a, b in runs if a >= start and b <= end and b > a]
    if not inside:
        return None
    return [Run(r, p) for r, p in (inside[0], inside[-1])]


def _start(units: dict[int, Any]) -> Sentence | None:
    """The document's start, as the target of a document finding no claim stands behind."""
    for number in sorted(units):
        text, _ = _runs(_paragraphs(units[number]), units[number])
        if text.strip():
            return Sentence(text=text, block=-1, location=Location(paragraph=number, end=len(text)))
    return None


def annotate_docx(
    src: Path,
    dst: Path,
    result: DocumentResult,
    include_supported: bool = False,
    *,
    registry: Registry | None = None,
) -> AnnotateStats:
    """Write a copy of a DOCX draft with a Word comment on each flagged sentence."""
    src, dst = Path(src), Path(dst)
    check_paths(src, dst)
    document = open_docx(src.read_bytes(), str(src))
    units = dict(docx_paragraphs(document))
    stats = AnnotateStats(dst=dst)
    fixed = clock.fixed()  # SOURCE_DATE_EPOCH: comment dates and zip entries reproducible
    when = fixed or clock.now()
    with _sequential_comment_ids():
        _comment_all(document, units, result, include_supported, registry, stats, when)
    with open_atomic(dst) as fh:
        if fixed is None:
            document.save(fh)
        else:
            fh.write(_stamped(document, fixed))
    return stats


def _comment_all(
    document: Any,
    units: dict[int, Any],
    result: DocumentResult,
    include_supported: bool,
    registry: Registry | None,
    stats: AnnotateStats,
    when: datetime,
) -> None:
    """A comment on each flagged (or, with include_supported, every) claim of the result."""
    for claim in result.claims:
        flagged = is_flagged(claim)
        if not (flagged or include_supported):
            continue
        stats.flagged += flagged
        loc = claim.sentence.location
        unit = units.get(loc.paragraph) if loc.paragraph is not None else None
        runs = _anchor_runs(unit, claim.sentence) if unit is not None else None
        if runs is None:
            reason = "no paragraph number" if loc.paragraph is None else "sentence not found"
            stats.unplaced.append(
                Unplaced(claim.sentence.text, claim.verdict, paragraph=loc.paragraph, reason=reason)
            )
            continue
        lines = [" ".join(line.split()) for line in comment_lines(claim, registry)]
        comment = document.add_comment(
            runs, text="\n".join(lines), author=AUTHOR, initials=INITIALS
        )
        comment._comment_elm.date = when
        stats.placed += 1
    for finding in result.findings:
        # On the first claim behind it; else (a claim in a header or footer has no paragraph
        # number, a statement required always has no claim) on the document's first paragraph.
        runs = None
        for target in (finding.anchor, _start(units)):
            number = target.location.paragraph if target is not None else None
            if target is not None and number is not None and number in units:
                runs = _anchor_runs(units[number], target)
            if runs is not None:
                break
        if runs is None:
            stats.unplaced.append(Unplaced(finding.message, "document", reason="no paragraph"))
            continue
        lines = [" ".join(line.split()) for line in document_comment_lines(finding)]
        comment = document.add_comment(
            runs, text="\n".join(lines), author=AUTHOR, initials=INITIALS
        )
        comment._comment_elm.date = when
        stats.placed += 1


@contextlib.contextmanager
def _sequential_comment_ids() -> Iterator[None]:
    """Number new comments one after another instead of re-reading every id each time.

    python-docx finds the next comment id by listing every comment's id (an XPath over the
    whole comments part) for each comment it adds: annotating 4,000 flagged paragraphs took
    26 s instead of one. Within this block the first id is found that way and the next ones
    count on from it (python-docx's own rule, max + 1, as long as it fits 32 bits).
    """
    from docx.oxml.comments import CT_Comments

    original = getattr(CT_Comments, "_next_available_comment_id", None)
    if original is None:  # another python-docx: nothing to speed up
        yield
        return
    last: list[int] = []

    def next_id(self: Any) -> int:
        if last and last[-1] < 2**31 - 1:
            last[-1] += 1
        else:
            last[:] = [original(self)]
        return last[-1]

    CT_Comments._next_available_comment_id = next_id
    try:
        yield
    finally:
        CT_Comments._next_available_comment_id = original


def _stamped(document: Any, when: datetime) -> bytes:
    """The saved package with every zip entry dated `when` (python-docx stamps them now)."""
    import zipfile

    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    stamp = max(when.timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # zip dates start in 1980
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info))
    return out.getvalue()
