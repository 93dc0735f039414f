"""`path:line:col: CODE message`, one finding a line, for editors (quickfix lists) and grep.

Markdown, text and HTML findings point at the flagged words: their line and 1-based column
(in characters) in the draft as written, found in the draft's source (its file, or the draft
read from stdin) the way the language server places them. Without the source, or when the
words cannot be found in it, the finding points at the sentence's line, column 1. PDF, DOCX and PPTX have no lines: their findings point at 1:1 and the message starts
with the page, paragraph or slide, as in the GitHub annotations. A waived finding ends
"(waived: reason)"; formatters drop nothing. Document findings point at the first claim
that calls for them, or at 1:1.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from claimcheck.errors import printable
from claimcheck.fingerprint import posix_path
from claimcheck.model import DocumentResult, Finding, Report, Sentence
from claimcheck.report.stream import StreamWriter


def render(report: Report, **opts: Any) -> str:
    """One line per finding (claim and document findings), in document order."""
    return Writer(**opts).render(report)


class Writer(StreamWriter):
    """Writes each document's findings, one a line; there is no header and no summary.

    `sources` (path as in the report -> text) gives a draft's source when it is not the file
    at that path (the draft read from stdin); other drafts are read from their file.
    """

    def __init__(self, **opts: Any) -> None:
        # The sources are not a rendering option: kept out of `opts`, the cache key.
        self.sources: dict[str, str] = dict(opts.pop("sources", None) or {})
        super().__init__(**opts)

    def document(self, doc: DocumentResult, report: Report) -> tuple[str, Any]:
        if doc.error:  # input errors are on stderr, one line each, as with every format
            return "", None
        source = self.sources.get(doc.path)
        if source is None and doc.format in _LINE_FORMATS:
            source = _read(doc.path)
        place = _Placer(doc, source)
        lines: list[str] = []
        for claim in doc.claims:
            for finding in claim.findings:
                lines.append(_line(doc, place(claim.sentence, finding), claim.sentence, finding))
        for finding in doc.findings:
            anchor = finding.anchor
            where = place(anchor, finding) if anchor is not None else (1, 1)
            lines.append(_line(doc, where, anchor, finding))
        return "".join(line + "\n" for line in lines), None


_LINE_FORMATS = ("markdown", "text", "html")


def _read(path: str) -> str | None:
    """A draft's text as written (relative paths are the run's cwd's, as the report shows
    them); None when it cannot be read now."""
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def _line(
    doc: DocumentResult, where: tuple[int, int], sentence: Sentence | None, finding: Finding
) -> str:
    line, column = where
    message = finding.message
    location = sentence.location if sentence is not None else None
    if location is not None and location.line is None and location.label() != "-":
        message = f"{sentence.where}: {message}"  # type: ignore[union-attr]
    if finding.waived is not None:
        message = f"{message} (waived: {finding.waived})"
    return printable(f"{posix_path(doc.path)}:{line}:{column}: {finding.rule} {message}")


class _Placer:
    """(line, column) of a finding in a draft's source, claims placed in document order."""

    def __init__(self, doc: DocumentResult, source: str | None) -> None:
        self.source = source
        self.blocks: tuple[Any, ...] = ()
        self.starts: list[int] = []
        self.placed: dict[tuple[int, int | None, int], Any] = {}
        if source is None or doc.format not in _LINE_FORMATS:
            self.source = None
            return
        from claimcheck.errors import ClaimcheckError
        from claimcheck.load import parse_text
        from claimcheck.lsp.locate import line_starts, locate

        try:
            draft = parse_text(source, doc.format, doc.path)
        except ClaimcheckError:  # it read once; if not now, fall back to lines
            self.source = None
            return
        self.blocks = draft.blocks
        self.starts = line_starts(source)
        floor = 0
        done: dict[int, int] = {}  # block -> end (block offset) of its last claim placed
        for claim in doc.claims:
            sentence = claim.sentence
            if not 0 <= sentence.block < len(self.blocks):
                continue
            text = self.blocks[sentence.block].text
            end = done.get(sentence.block, 0)
            # The block's words before this sentence are looked for after `floor`, the end of
            # the previous claim: only those after that claim may be, or they would be found
            # again further on (lines below) and carry the search past this sentence.
            before = " " * end + text[end:] if end <= sentence.location.start else text
            at = locate(source, self.starts, sentence, before, floor)
            if at is not None:
                floor = at.end
                done[sentence.block] = sentence.location.end
                self.placed[_key(sentence)] = at

    def __call__(self, sentence: Sentence, finding: Finding) -> tuple[int, int]:
        fallback = (sentence.location.line or 1, 1)
        at = self.placed.get(_key(sentence))
        if at is None:
            if self.source is not None and sentence.location.line is not None:
                return self._position(self._locate_alone(sentence), fallback)
            return fallback
        offset = at.span(*finding.span)[0] if finding.span else at.start
        return self._position(offset, fallback)

    def _locate_alone(self, sentence: Sentence) -> int | None:
        """A document finding's anchor that is not one of the claims: placed on its own."""
        from claimcheck.lsp.locate import locate

        if self.source is None or not 0 <= sentence.block < len(self.blocks):
            return None
        at = locate(self.source, self.starts, sentence, self.blocks[sentence.block].text)
        return None if at is None else at.start

    def _position(self, offset: int | None, fallback: tuple[int, int]) -> tuple[int, int]:
        if offset is None:
            return fallback
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def _key(sentence: Sentence) -> tuple[int, int | None, int]:
    """A sentence's identity within its document (a document finding's anchor is a copy)."""
    return sentence.block, sentence.location.line, sentence.location.start
