"""Where a claim stands in an editor's buffer: source offsets of its sentence and flagged words.

A Sentence knows its source line and its offsets in the block's plain text, with the markup
removed (`**`, links, tags, list markers), not its columns in the source. So the words of
the block's text on that line before the sentence, then the sentence's own words, are found
in order in the source from the start of that line; each word found verbatim is an anchor
that maps sentence offsets back to source offsets. A word the source spells differently (an
HTML entity) is skipped rather than guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.model import Sentence

_WORD = re.compile(r"\S+")
_PIECE = re.compile(r"\w+|[^\w\s]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
WINDOW = 400  # how far past the previous word the next one may start (tags, URLs between)
PIECE_WINDOW = 40  # the same for the pieces of a word that markup splits (`**25%**.`)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A run of the sentence text found verbatim in the source."""

    start: int  # offset in the sentence text
    end: int
    source: int  # offset in the source where the run starts


@dataclass(frozen=True, slots=True)
class Located:
    """A sentence's place in the source: its first and last anchored characters."""

    start: int
    end: int
    anchors: tuple[Anchor, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the sentence offsets [start, end) (the sentence when unknown)."""
        inside = [a for a in self.anchors if a.end > start and a.start < end]
        if not inside:
            return self.start, self.end
        first, last = inside[0], inside[-1]
        return (
            first.source + max(0, start - first.start),
            last.source + min(last.end, end) - last.start,
        )


def line_starts(source: str) -> list[int]:
    """The offset of every line's first character (lines end at CRLF, CR or LF, as in LSP)."""
    return [0, *(m.end() for m in _NEWLINE.finditer(source))]


def locate(
    source: str,
    starts: Sequence[int],
    sentence: Sentence,
    block_text: str,
    floor: int = 0,
) -> Located | None:
    """The sentence's place in `source`, searching from its line (and not before `floor`, the
    end of the previous claim when it ends on that line); None when no word is found."""
    line = (sentence.location.line or 1) - 1
    if line >= len(starts):
        return None
    cursor = starts[line]
    next_line = starts[line + 1] if line + 1 < len(starts) else len(source)
    if cursor <= floor < next_line:
        cursor = floor
    # The block's text on this line before the sentence: earlier sentences, a table row's
    # earlier cells are not in it, hence `floor`.
    begin = sentence.location.start
    before = block_text[block_text.rfind("\n", 0, begin) + 1 : begin]
    for m in _WORD.finditer(before):
        cursor = _anchor(source, m.group(), 0, cursor, [])
    anchors: list[Anchor] = []
    for m in _WORD.finditer(sentence.text):
        cursor = _anchor(source, m.group(), m.start(), cursor, anchors)
    if not anchors:
        return None
    last = anchors[-1]
    return Located(anchors[0].source, last.source + last.end - last.start, tuple(anchors))


def _anchor(source: str, word: str, at: int, cursor: int, anchors: list[Anchor]) -> int:
    """Find `word` (at sentence offset `at`) after `cursor`; append its anchors, return the
    new cursor (unchanged when not found)."""
    pos = source.find(word, cursor, cursor + WINDOW + len(word))
    if pos >= 0:
        anchors.append(Anchor(at, at + len(word), pos))
        return pos + len(word)
    # Markup inside the word (`**25%**.`, `time</b>.`): its pieces, each close to the last.
    found = cursor
    first = True
    for m in _PIECE.finditer(word):
        piece = m.group()
        limit = (WINDOW if first else PIECE_WINDOW) + len(piece)
        pos = source.find(piece, found, found + limit)
        if pos < 0:
            continue
        anchors.append(Anchor(at + m.start(), at + m.end(), pos))
        found = pos + len(piece)
        first = False
    return found


class Positions:
    """Offsets in a buffer to LSP positions and back, in the client's position encoding."""

    def __init__(self, source: str, encoding: str = "utf-16") -> None:
        self.source = source
        self.starts = line_starts(source)
        self.encoding = encoding

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a character offset."""
        offset = max(0, min(offset, len(self.source)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, self._units(self.source[self.starts[line] : offset])

    def line_end(self, line: int) -> int:
        """The offset of the end of a line, before its line break."""
        line = min(max(0, line), len(self.starts) - 1)
        m = _NEWLINE.search(self.source, self.starts[line])
        return m.start() if m else len(self.source)

    def offset(self, line: int, character: int) -> int:
        """The character offset of an LSP (line, character), clamped to the line."""
        if line >= len(self.starts):
            return len(self.source)
        start = self.starts[max(0, line)]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.source)
        text = self.source[start:end].rstrip("\r\n")
        if self.encoding == "utf-32" or text.isascii():
            return start + min(character, len(text))
        units = 0
        for i, char in enumerate(text):
            if units >= character:
                return start + i
            units += self._units(char)
        return start + len(text)

    def _units(self, text: str) -> int:
        if self.encoding == "utf-32" or text.isascii():
            return len(text)
        if self.encoding == "utf-8":
            return len(text.encode("utf-8"))
        return len(text.encode("utf-16-le")) // 2
