"""Helpers shared by the readers: reading bytes, UTF-8 decoding, suppression directives."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError, shown
from claimcheck.model import Block, Document, Suppression

# `<!-- claimcheck: ignore CC201 CC203 reason="approved by MLR" -->`; the comment body only.
_DIRECTIVE = re.compile(r"^\s*claimcheck\s*:\s*(?P<body>.*?)\s*$", re.DOTALL)
_REASON = re.compile(r"""\breason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_RULE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)

# Lines a plain-text or PDF reader treats as the start of a bullet point.
BULLET = re.compile(r"^\s*(?:[•▪◦●‣∙*–-])\s+(?=\S)")


def read_bytes(path: Path, display: str, *, empty: str = "empty file") -> bytes:
    """The file's bytes, opened read-only; unreadable or empty files raise InputError."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=display) from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", path=display) from None
    if not data:
        raise InputError(empty, path=display)
    return data


def decode_utf8(data: bytes, display: str) -> str:
    """Decode UTF-8 (a BOM is dropped); anything else is an InputError naming byte and line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # utf-8-sig offsets are relative to the data after a BOM.
        start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data[:start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 text (byte 0x{data[start]:02x} at line {line})", path=display, line=line
        ) from None
    return universal_newlines(text)


def universal_newlines(text: str) -> str:
    """CRLF and CR as LF, so that line counts agree with what an editor shows."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document(
    display: str,
    fmt: str,
    data: bytes,
    blocks: list[Block],
    context: dict[str, Any] | None = None,
) -> Document:
    """Assemble a Document, with the sha256 of the bytes that were read."""
    return Document(
        path=display,
        format=fmt,
        blocks=tuple(blocks),
        sha256=hashlib.sha256(data).hexdigest(),
        context=dict(context or {}),
    )


def parse_directive(comment: str, display: str, line: int | None) -> Suppression | None:
    """The Suppression a `claimcheck:` comment body declares, or None for any other comment."""
    m = _DIRECTIVE.match(comment)
    if not m:
        return None
    body = m.group("body")
    verb, rest = (body.split(None, 1) + ["", ""])[:2] if body else ("", "")
    if verb != "ignore":
        raise InputError(
            f"unknown claimcheck directive {shown(verb or body)} (expected 'ignore')",
            path=display,
            line=line,
        )
    reason_m = _REASON.search(rest)
    if not reason_m:
        raise InputError(
            'suppression needs a reason: <!-- claimcheck: ignore CC201 reason="..." -->',
            path=display,
            line=line,
        )
    reason = reason_m.group("dq") if reason_m.group("dq") is not None else reason_m.group("sq")
    if not reason.strip():
        raise InputError("suppression needs a reason (reason is empty)", path=display, line=line)
    rules: list[str] = []
    for word in (rest[: reason_m.start()] + " " + rest[reason_m.end() :]).replace(",", " ").split():
        if not _RULE.match(word):
            raise InputError(
                f"bad rule {shown(word)} in claimcheck directive", path=display, line=line
            )
        rules.append(word.upper() if word[:2].upper() == "CC" else word)
    return Suppression(rules=tuple(rules), reason=reason.strip(), line=line)


def directives_in(html: str, display: str, line: int | None) -> list[Suppression]:
    """Every suppression directive in a piece of HTML; `line` is where the piece starts."""
    found = []
    for m in _COMMENT.finditer(html):
        at = None if line is None else line + html[: m.start()].count("\n")
        sup = parse_directive(m.group(1), display, at)
        if sup is not None:
            found.append(sup)
    return found


def without_comments(html: str) -> str:
    """HTML with its comments removed, keeping the newlines they spanned."""
    return _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), html)


def strip_block(text: str, line: int | None) -> tuple[str, int | None]:
    """Strip surrounding whitespace, moving `line` past any leading newlines removed."""
    stripped = text.lstrip()
    if line is not None:
        line += text[: len(text) - len(stripped)].count("\n")
    return stripped.rstrip(), line
