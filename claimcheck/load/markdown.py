"""Read Markdown (CommonMark + tables + YAML front matter) into blocks.

Headings, paragraphs, list items, block quotes and table cells become blocks; code blocks and
fences are not linted; HTML blocks are read as the HTML reader reads a page (their text, the
<title>, images' alt text). Lists and quotes nested deeper than MAX_NESTING / 2 levels are an
input error (markdown-it would skip the rest of the file). Block text is the plain inline text: emphasis and
link markup are dropped (link text and image alt text stay), inline HTML is removed, and soft
line breaks stay "\\n" so `block.line + text[:offset].count("\\n")` is the source line.

Front matter is not linted; its `claimcheck:` mapping becomes `Document.context`. An HTML
comment `<!-- claimcheck: ignore CC201 reason="..." -->` on its own attaches a Suppression to
the next text block; inside a paragraph it applies to that paragraph.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.load import html
from claimcheck.load._common import (
    DEFAULT_LIMITS,
    decode_text,
    directives_in,
    document,
    read_bytes,
    strip_block,
    without_comments,
)
from claimcheck.model import Block, Document, Limits, Suppression


def read(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a Markdown file into a Document."""
    data = read_bytes(path, display, limit_mb=limits.max_text_file_mb, limit_key="max_text_file_mb")
    text = decode_text(data, display)
    blocks, context = parse(text, display)
    return document(display, "markdown", data, blocks, context, limits=limits)


def parse(text: str, display: str) -> tuple[list[Block], dict[str, Any]]:
    """Blocks and front-matter context of a Markdown source."""
    # CommonMark turns NUL into U+FFFD, a visible character that would split a word; as a
    # word joiner it stays invisible and is removed with the others (one character for one).
    text = text.replace("\x00", "\u2060")
    try:
        tokens = _parser().parse(text)
    except _TooDeep as exc:
        raise InputError(
            f"lists or quotes nested more than {MAX_NESTING // 2} levels deep; claimcheck "
            "cannot read the file past this line",
            path=display,
            line=exc.line,
        ) from None

    blocks: list[Block] = []
    context: dict[str, Any] = {}
    pending: list[Suppression] = []
    containers: list[str] = []  # enclosing list-item / quote, innermost last
    row_line: int | None = None

    def emit(raw: str, kind: str, line: int | None, inline_sups: list[Suppression]) -> None:
        body, at = strip_block(raw, line)
        if not body:
            # An empty block (e.g. an empty table cell) carries nothing to attach to.
            pending.extend(inline_sups)
            return
        blocks.append(Block(text=body, kind=kind, line=at, suppressions=(*pending, *inline_sups)))
        pending.clear()

    for i, tok in enumerate(tokens):
        line = tok.map[0] + 1 if tok.map else None
        t = tok.type
        if t == "front_matter":
            context = _front_matter(tok.content, display)
        elif t in ("blockquote_open", "list_item_open"):
            containers.append("quote" if t == "blockquote_open" else "list-item")
        elif t in ("blockquote_close", "list_item_close"):
            if containers:
                containers.pop()
        elif t == "tr_open":
            row_line = line
        elif t == "html_block":
            pending.extend(directives_in(tok.content, display, line))
            # HTML in Markdown (<div>, <p>, <table>, text on a comment's line) is prose a
            # reader sees: its text is read as an HTML page's is, at its source lines.
            for piece in html.parse(without_comments(tok.content), display):
                kind = piece.kind
                if kind == "paragraph" and containers:
                    kind = containers[-1]
                at = None if line is None or piece.line is None else line + piece.line - 1
                emit(piece.text, kind, at, [])
        elif t == "inline":
            opener = tokens[i - 1] if i else None
            otype = opener.type if opener else ""
            at = opener.map[0] + 1 if opener is not None and opener.map else line
            if otype == "heading_open":
                kind = "heading"
            elif otype in ("td_open", "th_open"):
                kind, at = "table-cell", row_line
            else:
                kind = containers[-1] if containers else "paragraph"
            inline_text, inline_sups = _inline_text(tok, display, at)
            emit(inline_text, kind, at, inline_sups)
    return blocks, context


# Lists and quotes nest at most this deep (markdown-it counts a list and its item as two
# levels). Deeper, markdown-it silently skips the rest of the file; we refuse it instead.
MAX_NESTING = 100


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


@functools.cache
def _parser() -> Any:
    """One CommonMark parser with tables and front matter per process."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    md.use(front_matter_plugin)
    tokenize = md.block.tokenize

    def tokenize_or_refuse(state: Any, start: int, end: int) -> None:
        # The same test markdown-it makes before it drops the rest of the input.
        if state.level >= MAX_NESTING:
            line = state.skipEmptyLines(start)
            if line < end and state.sCount[line] >= state.blkIndent:
                raise _TooDeep(line + 1)
        tokenize(state, start, end)

    md.block.tokenize = tokenize_or_refuse
    return md


def _inline_text(tok: Any, display: str, line: int | None) -> tuple[str, list[Suppression]]:
    """Plain text of an inline token, with any suppression directives found in its HTML."""
    parts: list[str] = []
    sups: list[Suppression] = []
    for child in tok.children or ():
        ct = child.type
        if ct in ("text", "code_inline"):
            parts.append(child.content)
        elif ct in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif ct == "image":
            # The alt text is in `content`; the URL is never text a reader sees.
            parts.append(child.content)
        elif ct == "html_inline":
            at = None if line is None else line + "".join(parts).count("\n")
            sups.extend(directives_in(child.content, display, at))
            # Keep the newlines a dropped tag spanned, so line arithmetic stays right.
            parts.append("\n" * child.content.count("\n"))
        # link_open/close, em/strong markers carry no text of their own.
    return "".join(parts), sups


def _front_matter(content: str, display: str) -> dict[str, Any]:
    """The `claimcheck:` mapping of YAML front matter (the rest is the author's business).

    Read like every claimcheck YAML file (`yamlutil.parse`: aliases capped, tags checked,
    duplicate keys refused); an impossible date (2026-13-01) stays text, so a bad `as_of` is
    reported by the config's context check and any other key is ignored.
    """
    from claimcheck.yamlutil import Map, parse

    # Front matter starts on line 2 (after the opening `---`).
    meta = parse(content, display, InputError, first_line=2, what="bad YAML front matter")
    if not isinstance(meta, dict):
        return {}
    section = meta.get("claimcheck")
    if section is None:
        return {}
    if not isinstance(section, dict):
        raise InputError(
            "front matter 'claimcheck' must be a mapping (e.g. claimcheck: {audience: hcp})",
            path=display,
            line=meta.line_of("claimcheck") if isinstance(meta, Map) else None,
        )
    return {str(k): v for k, v in section.items()}
