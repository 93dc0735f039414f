"""Read HTML pages and HTML e-mails: visible text only, one block per text element.

Skipped: head, script, style, noscript, template, svg, math; the <title> is read as a "title"
block and an image's alt text as an "alt-text" block after the block it stands in; a
skipped element left open to the end of the page, with text after it, is an input error.
The charset a `<meta>` declares is honoured (UTF-8 by default; a byte-order mark wins). Blocks: p
(paragraph), li (list-item), h1-h6 (heading), td/th (table-cell), blockquote (quote), dt/dd,
figcaption (caption), and loose text in div/section/body/td... (kind of the nearest enclosing
li/td/blockquote, else paragraph). Entities are decoded; whitespace runs collapse to one space,
or to the newlines they held, so `block.line + text[:offset].count("\\n")` stays the source
line; a `<br>` not followed by a source newline adds one "\\n". `<!-- claimcheck: ignore ...
reason="..." -->` comments attach a Suppression to the next block.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.load._common import (
    DEFAULT_LIMITS,
    decode_text,
    directives_in,
    document,
    read_bytes,
    strip_block,
)
from claimcheck.model import Block, Document, Limits, Suppression

_SKIP = frozenset({"head", "script", "style", "noscript", "template", "svg", "math", "title"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_KIND = {
    "p": "paragraph",
    "li": "list-item",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "td": "table-cell",
    "th": "table-cell",
    "blockquote": "quote",
    "figcaption": "caption",
    "caption": "caption",
}
# Elements that break text into separate blocks but carry no kind of their own.
_BREAK = frozenset(
    {
        "address",
        "article",
        "aside",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figure",
        "footer",
        "form",
        "header",
        "hr",
        "html",
        "main",
        "nav",
        "ol",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
        "option",
        "select",
        "label",
        "button",
    }
)
# A p/div inside one of these takes its kind, mirroring Markdown list items and quotes.
_INHERIT = frozenset({"list-item", "table-cell", "quote", "caption"})
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")


# `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">`
_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read an HTML file into a Document (in the charset it declares, UTF-8 by default)."""
    data = read_bytes(path, display, limit_mb=limits.max_text_file_mb, limit_key="max_text_file_mb")
    declared = _CHARSET.search(data[:4096])
    text = decode_text(data, display, declared=declared.group(1).decode() if declared else None)
    return document(display, "html", data, parse(text, display), limits=limits)


def parse(text: str, display: str) -> list[Block]:
    """Blocks of an HTML source."""
    parser = _Parser(display)
    parser.feed(text)
    parser.close()
    parser.flush()
    parser.finish()
    return parser.blocks


class _Parser(HTMLParser):
    """Collects visible text into blocks while tracking the source line of each."""

    def __init__(self, display: str) -> None:
        super().__init__(convert_charrefs=True)
        self.display = display
        self.blocks: list[Block] = []
        self.pending: list[Suppression] = []
        self.stack: list[str] = []  # open elements that matter: block-level and skipped
        self.kinds: list[str] = []  # kind of each block-level entry in `stack`, parallel
        self.lines: list[int] = []  # line each entry of `stack` opened at, parallel
        self.open = Counter[str]()  # how many of each tag `stack` holds: O(1) membership
        self.skip = 0  # depth of open skipped elements
        self.parts: list[str] = []
        self.line: int | None = None
        self.br = False  # a <br> whose newline has not been written yet
        self.title: list[str] | None = None  # text of an open <title>
        self.title_line: int | None = None
        self.alts: list[Block] = []  # alt text of images in the current block, emitted after it
        self.dropped = False  # text seen inside a skipped element since it opened

    # -- text --------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        """Add visible text, collapsing whitespace but keeping its newlines."""
        if self.title is not None:
            self.title.append(data)
            return
        if self.skip:
            self.dropped = self.dropped or bool(data.strip())
            return
        if not data:
            return
        if self.line is None:
            if not data.strip() and not self.br:
                return
            self.line = self.getpos()[0]
        pieces = []
        pos = 0
        for m in _SPACE.finditer(data):
            pieces.append(data[pos : m.start()])
            newlines = m.group().count("\n")
            if newlines and self.br and m.start() == 0:
                self.br = False  # the source newline stands for the <br>
            pieces.append("\n" * newlines if newlines else " ")
            pos = m.end()
        pieces.append(data[pos:])
        if self.br:
            self.parts.append("\n")
            self.br = False
        self.parts.append("".join(pieces))

    def handle_comment(self, data: str) -> None:
        """Suppression directives attach to the next block."""
        line = self.getpos()[0]
        self.pending.extend(directives_in(f"<!--{data}-->", self.display, line))

    # -- structure ---------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open skipped regions and blocks; <br> becomes a line break; <title> and alt text
        are read."""
        if self.skip == 1 and self.open["head"] and (tag in _KIND or tag in _BREAK):
            # An unclosed <head> ends where body content starts, as in a browser.
            while self._pop() != "head":
                pass
        if tag == "title" and self.title is None and not self.open["svg"]:
            self.title, self.title_line = [], self.getpos()[0]
        if tag in _SKIP:
            self._push(tag, "")
            self.skip += 1
            self.dropped = False
            return
        if self.skip:
            return
        if tag == "img":
            alt = next((v for k, v in attrs if k == "alt" and v), None)
            if alt and alt.strip():
                text = re.sub(r"\s+", " ", alt).strip()
                self.alts.append(Block(text=text, kind="alt-text", line=self.getpos()[0]))
            return
        if tag == "br":
            if self.line is not None:
                self.br = True
            return
        if tag in _VOID:
            if tag == "hr":
                self.flush()
            return
        if tag in _KIND or tag in _BREAK:
            self.flush()
            kind = _KIND.get(tag)
            if kind is None or kind == "paragraph":
                outer = self.kinds[-1] if self.kinds else ""
                kind = outer if outer in _INHERIT else "paragraph"
            self._push(tag, kind)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<br/>` and friends: no end tag follows."""
        if tag in _SKIP:
            return
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and (tag in _KIND or tag in _BREAK) and not self.skip:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close the element (and anything left open inside it)."""
        if tag == "title" and self.title is not None:
            self._title()
        if not self.open[tag] or (self.skip and tag not in _SKIP):
            return
        if not self.skip or tag in _SKIP:
            self.flush()
        while self.stack:
            if self._pop() == tag:
                break

    def _push(self, tag: str, kind: str) -> None:
        self.stack.append(tag)
        self.kinds.append(kind)
        self.lines.append(self.getpos()[0])
        self.open[tag] += 1

    def _pop(self) -> str:
        tag = self.stack.pop()
        self.kinds.pop()
        self.lines.pop()
        self.open[tag] -= 1
        if tag in _SKIP:
            self.skip -= 1
        return tag

    def _title(self) -> None:
        """The page title (the browser tab, search results) as a 'title' block."""
        text = re.sub(r"\s+", " ", "".join(self.title or ())).strip()
        if text:
            self.blocks.append(Block(text=text, kind="title", line=self.title_line))
        self.title = self.title_line = None

    def flush(self) -> None:
        """End the current block, if it holds any text, and the alt text read inside it."""
        text, line = strip_block("".join(self.parts), self.line)
        self.parts.clear()
        self.line = None
        self.br = False
        if text:
            kind = next((k for k in reversed(self.kinds) if k), "paragraph")
            # Spaces around a line break are layout, not text.
            text = re.sub(r" *\n *", "\n", text)
            self.blocks.append(
                Block(text=text, kind=kind, line=line, suppressions=tuple(self.pending))
            )
            self.pending.clear()
        self.blocks.extend(self.alts)
        self.alts.clear()

    def finish(self) -> None:
        """At the end of the page: refuse a skipped element that swallowed the rest of it.

        A <script>, <svg>, <template>... never closed hides all the text after it; reading
        on would pass that text unchecked.
        """
        if self.title is not None:
            self._title()
        # An unclosed <script>/<style> keeps the rest of the page unparsed in `rawdata`.
        leftover = bool(getattr(self, "cdata_elem", None)) and bool(self.rawdata.strip())
        if not self.skip or not (self.dropped or leftover):
            return
        for tag, line in zip(self.stack, self.lines, strict=True):
            if tag in _SKIP and tag != "head":
                raise InputError(
                    f"<{tag}> opened at line {line} is never closed: the rest of the page "
                    "would not be read",
                    path=self.display,
                    line=line,
                )
