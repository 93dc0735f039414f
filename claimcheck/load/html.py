"""Read HTML pages and HTML e-mails: visible text only, one block per text element.

Skipped: head (title included), script, style, noscript, template, svg, math. Blocks: p
(paragraph), li (list-item), h1-h6 (heading), td/th (table-cell), blockquote (quote), dt/dd,
figcaption (caption), and loose text in div/section/body/td... (kind of the nearest enclosing
li/td/blockquote, else paragraph). Entities are decoded; whitespace runs collapse to one space,
or to the newlines they held, so `block.line + text[:offset].count("\\n")` stays the source
line; a `<br>` not followed by a source newline adds one "\\n". `<!-- claimcheck: ignore ...
reason="..." -->` comments attach a Suppression to the next block.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from claimcheck.load._common import decode_utf8, directives_in, document, read_bytes, strip_block
from claimcheck.model import Block, Document, Suppression

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


def read(path: Path, display: str) -> Document:
    """Read an HTML file into a Document."""
    data = read_bytes(path, display)
    return document(display, "html", data, parse(decode_utf8(data, display), display))


def parse(text: str, display: str) -> list[Block]:
    """Blocks of an HTML source."""
    parser = _Parser(display)
    parser.feed(text)
    parser.close()
    parser.flush()
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
        self.skip = 0  # depth of open skipped elements
        self.parts: list[str] = []
        self.line: int | None = None
        self.br = False  # a <br> whose newline has not been written yet

    # -- text --------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        """Add visible text, collapsing whitespace but keeping its newlines."""
        if self.skip or not data:
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
        """Open skipped regions and blocks; <br> becomes a line break."""
        if self.skip == 1 and "head" in self.stack and (tag in _KIND or tag in _BREAK):
            # An unclosed <head> ends where body content starts, as in a browser.
            while self._pop() != "head":
                pass
        if tag in _SKIP:
            self.stack.append(tag)
            self.kinds.append("")
            self.skip += 1
            return
        if self.skip:
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
            self.stack.append(tag)
            self.kinds.append(kind)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<br/>` and friends: no end tag follows."""
        if tag in _SKIP:
            return
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and (tag in _KIND or tag in _BREAK) and not self.skip:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close the element (and anything left open inside it)."""
        if tag not in self.stack or (self.skip and tag not in _SKIP):
            return
        if not self.skip or tag in _SKIP:
            self.flush()
        while self.stack:
            if self._pop() == tag:
                break

    def _pop(self) -> str:
        tag = self.stack.pop()
        self.kinds.pop()
        if tag in _SKIP:
            self.skip -= 1
        return tag

    def flush(self) -> None:
        """End the current block, if it holds any text."""
        text, line = strip_block("".join(self.parts), self.line)
        self.parts.clear()
        self.line = None
        self.br = False
        if not text:
            return
        kind = next((k for k in reversed(self.kinds) if k), "paragraph")
        # Spaces around a line break are layout, not text.
        text = re.sub(r" *\n *", "\n", text)
        self.blocks.append(Block(text=text, kind=kind, line=line, suppressions=tuple(self.pending)))
        self.pending.clear()
