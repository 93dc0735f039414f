"""Helpers shared by the readers: reading bytes safely, decoding, normalising, directives."""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import hashlib
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError, escape_text, shown
from claimcheck.model import Block, Document, DocumentResult, Limits, Suppression
from claimcheck.safeio import read_regular
from claimcheck.safeio import why as why_os

# `<!-- claimcheck: ignore CC201 CC203 reason="approved by MLR" -->`; the comment body only.
_DIRECTIVE = re.compile(r"^\s*claimcheck\s*:\s*(?P<body>.*?)\s*$", re.DOTALL)
_REASON = re.compile(r"""\breason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_RULE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)

# Lines a plain-text or PDF reader treats as the start of a bullet point.
BULLET = re.compile(r"^\s*(?:[•▪◦●‣∙*–-])\s+(?=\S)")


DEFAULT_LIMITS = Limits()
_MB = 1 << 20


def read_bytes(
    path: Path,
    display: str,
    *,
    empty: str = "empty file",
    limit_mb: float | None = None,
    limit_key: str = "max_file_mb",
) -> bytes:
    """The bytes of a regular file, opened read-only; anything else raises InputError.

    A FIFO, device or socket is refused before it is read (reading a FIFO waits for a
    writer forever; /dev/zero never ends); a file larger than `limit_mb` megabytes (the
    config's `limits: {limit_key: ...}`) is refused without reading it all.
    """
    limit = None if limit_mb is None else int(limit_mb * _MB)
    try:
        data = read_regular(path, limit)
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=display) from None
    except OSError as exc:
        if exc.errno == errno.EFBIG:
            raise _too_big(display, limit_mb, limit_key) from None
        if exc.errno == errno.EINVAL and str(exc.strerror).startswith("not a regular"):
            raise InputError(str(exc.strerror), path=display) from None
        if exc.errno == errno.ELOOP:
            raise InputError("symbolic link loop", path=display) from None
        raise InputError(f"cannot read file ({why_os(exc)})", path=display) from None
    if not data:
        raise InputError(empty, path=display)
    return data


def _too_big(display: str, limit_mb: float | None, key: str) -> InputError:
    return InputError(
        f"larger than {limit_mb:g} MB (raise limits: {{{key}: ...}} in claimcheck.yaml to read it)",
        path=display,
    )


def limit_error(display: str, what: str, limit: float, key: str, **where: Any) -> InputError:
    """The error for a draft past one of its limits: what, the limit and how to raise it."""
    return InputError(
        f"{what} (limit {limit:,g}; raise limits: {{{key}: ...}} in claimcheck.yaml)",
        path=display,
        **where,
    )


def too_many_blocks(display: str, limits: Limits) -> InputError:
    """The error for a draft of more than `max_blocks` paragraphs, cells, items..."""
    return limit_error(
        display, f"more than {limits.max_blocks:,} blocks of text", limits.max_blocks, "max_blocks"
    )


# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, display: str, *, declared: str | None = None) -> str:
    """Decode a text draft: a byte-order mark (UTF-8, UTF-16, UTF-32) wins, then the charset
    the file declares (HTML `<meta charset>`), else UTF-8. Anything else is an InputError
    naming the byte and line, with a hint when the bytes read as a legacy encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return universal_newlines(body.decode(encoding))
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {encoding.upper()} text (byte {exc.start + len(bom)}) "
                    "although it starts with that byte-order mark",
                    path=display,
                ) from None
    if declared is not None:
        try:
            codec = codecs.lookup(declared)
        except LookupError:
            raise InputError(
                f"declares charset {shown(declared)}, which claimcheck does not know; "
                "save it as UTF-8",
                path=display,
            ) from None
        if codec.name not in ("utf-8", "ascii"):
            try:
                return universal_newlines(data.decode(codec.name))
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                raise InputError(
                    f"not valid {declared} text as it declares "
                    f"(byte 0x{data[exc.start]:02x} at line {line})",
                    path=display,
                    line=line,
                ) from None
    return decode_utf8(data, display)


def decode_utf8(data: bytes, display: str) -> str:
    """Decode UTF-8 (a BOM is dropped); anything else is an InputError naming byte and line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # utf-8-sig offsets are relative to the data after a BOM.
        start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data[:start].count(b"\n") + 1
        hint = ""
        if b"\x00" in data[:200]:
            hint = "; it looks like UTF-16 without a byte-order mark: save it as UTF-8"
        else:
            try:
                data.decode("cp1252")
                hint = "; it may be Windows-1252 or Latin-1: save it as UTF-8"
            except UnicodeDecodeError:
                hint = "; save it as UTF-8"
        raise InputError(
            f"not UTF-8 text (byte 0x{data[start]:02x} at line {line}){hint}",
            path=display,
            line=line,
        ) from None
    return universal_newlines(text)


def universal_newlines(text: str) -> str:
    """CRLF and CR as LF, so that line counts agree with what an editor shows."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- normalising

# Text needing a closer look: anything but printable ASCII, tab and newline.
_UNUSUAL = re.compile(r"[^\t\n\x20-\x7e]")
# Compatibility forms NFKC must leave alone: they change meaning (x², ½ -> "12", ①, ™).
_KEEP = ("<super>", "<sub>", "<fraction>", "<circle>")


def _keeps(ch: str) -> bool:
    return unicodedata.decomposition(ch).startswith(_KEEP)


@functools.lru_cache(maxsize=4096)
def _char(ch: str) -> str | None:
    """What one character becomes: itself (None), a replacement, or "" (removed)."""
    category = unicodedata.category(ch)
    if category == "Cf":  # soft hyphen, zero-width space and joiners, bidi controls, BOM
        return ""
    if category == "Cc":
        if ch in "\t\n":
            return None
        return " " if ch.isspace() else ""  # \f \v \x85 separate words; NUL, ESC... go
    if _keeps(ch):
        return None
    folded = unicodedata.normalize("NFKC", ch)
    return None if folded == ch else folded


def normalize(text: str) -> tuple[str, tuple[int, ...] | None]:
    """Text as claimcheck analyses it, and where each of its characters is in `text`.

    Unicode NFKC where it is safe (ligatures, full-width forms, no-break spaces, "…"; not
    superscripts, subscripts, fractions or circled numbers), format characters removed
    (soft hyphen, zero-width space, word joiner, bidi controls), control characters removed
    or, when they separate words, made spaces. Tabs and newlines stay, so line arithmetic
    holds. The offsets have one more entry than the text (its end); None: text unchanged.
    """
    if not _UNUSUAL.search(text):
        return text, None
    if all(_char(ch) is None for ch in set(text)) and unicodedata.is_normalized("NFKC", text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        # A character with the combining marks that follow it composes as one.
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        if j - i == 1:
            folded = _char(text[i])
            piece = text[i] if folded is None else folded
        else:
            cluster = text[i:j]
            if any(_char(ch) == "" or _keeps(ch) for ch in cluster):
                piece = "".join(ch if _char(ch) is None else _char(ch) for ch in cluster)
            else:
                piece = unicodedata.normalize("NFKC", cluster)
        out.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    offsets.append(n)
    normalized = "".join(out)
    if normalized == text:
        return text, None
    return normalized, tuple(offsets)


def invisible(ch: str) -> bool:
    """True for a character normalising removes (annotate skips them when it searches)."""
    return _char(ch) == ""


def normalized_block(block: Block) -> Block:
    """The block with its text normalised and the offsets back to the text as read."""
    text, offsets = normalize(block.text)
    if offsets is None:
        return block
    if block.source_offsets is not None:  # already normalised once: compose the maps
        offsets = tuple(block.source_offsets[k] for k in offsets)
    return replace(block, text=text, source_offsets=offsets)


def source_locations(result: DocumentResult, blocks: Sequence[Block]) -> DocumentResult:
    """The result with each claim's start/end moved from normalised text to the text as read."""
    claims = []
    changed = False
    for claim in result.claims:
        index = claim.sentence.block
        block = blocks[index] if 0 <= index < len(blocks) else None
        if block is None or block.source_offsets is None:
            claims.append(claim)
            continue
        loc = claim.sentence.location
        moved = replace(loc, start=block.to_source(loc.start), end=block.to_source(loc.end))
        claims.append(replace(claim, sentence=replace(claim.sentence, location=moved)))
        changed = True
    return replace(result, claims=tuple(claims)) if changed else result


def document(
    display: str,
    fmt: str,
    data: bytes,
    blocks: list[Block],
    context: dict[str, Any] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    skipped: Sequence[str] = (),
) -> Document:
    """Assemble a Document: blocks normalised, sized against `limits`, sha256 of the bytes."""
    if len(blocks) > limits.max_blocks:
        raise too_many_blocks(display, limits)
    total = 0
    for block in blocks:
        total += len(block.text)
        if total > limits.max_text_chars:
            raise limit_error(
                display,
                f"more than {limits.max_text_chars:,} characters of text",
                limits.max_text_chars,
                "max_text_chars",
            )
    return Document(
        path=display,
        format=fmt,
        blocks=tuple(normalized_block(b) for b in blocks),
        sha256=hashlib.sha256(data).hexdigest(),
        context=dict(context or {}),
        skipped=tuple(dict.fromkeys(skipped)),
    )


# --------------------------------------------------------------------------- packages

_MAX_PARTS = 50_000  # zip entries of a DOCX/PPTX package (a 1,000-slide deck has ~5,000)
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def check_package(data: bytes, display: str, kind: str, limits: Limits) -> None:
    """Refuse a DOCX/PPTX package that would cost more to open than its limits allow.

    python-docx and python-pptx inflate every part and parse every XML part whole: a 1 MB
    file can inflate to gigabytes or hold tens of millions of empty elements. Declared sizes
    are checked before anything is inflated (zipfile never inflates past them); XML elements
    are counted in the inflated XML before any tree is built.
    """
    where = {"path": display}
    if not zipfile.is_zipfile(io.BytesIO(data)):
        reason = "not a zip archive"
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            old = {"DOCX": ".doc", "PPTX": ".ppt"}.get(kind, "Office")
            reason += f"; an old {old} file must be saved as .{kind.lower()}"
        raise InputError(f"not a valid {kind} file ({reason})", **where)
    if data.count(b"PK\x01\x02") > _MAX_PARTS:  # central-directory entries, counted in C
        raise InputError(f"not a valid {kind} file (more than {_MAX_PARTS:,} parts)", **where)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise InputError(f"not a valid {kind} file ({why(exc)})", **where) from None
    inflated, cap = 0, limits.max_inflated_mb * _MB
    for info in infos:
        inflated += info.file_size
        if inflated > cap:
            raise limit_error(
                display,
                f"its parts inflate to more than {limits.max_inflated_mb:g} MB",
                limits.max_inflated_mb,
                "max_inflated_mb",
            )
        if info.file_size > _MB and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise limit_error(
                display,
                f"part {shown(info.filename)} inflates {ratio:,.0f} times (a zip bomb?)",
                limits.max_ratio,
                "max_ratio",
            )
    elements = 0
    for info in infos:
        if not info.filename.lower().endswith(_XML_SUFFIXES):
            continue
        try:
            raw = package.read(info)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError) as exc:
            raise InputError(
                f"not a valid {kind} file (part {shown(info.filename)}: {why(exc)})", **where
            ) from None
        # Start tags and empty-element tags; an upper bound, counted without parsing.
        elements += raw.count(b"<") - raw.count(b"</") - raw.count(b"<?") - raw.count(b"<!")
        if elements > limits.max_xml_elements:
            raise limit_error(
                display,
                f"more than {limits.max_xml_elements:,} XML elements",
                limits.max_xml_elements,
                "max_xml_elements",
            )


@contextlib.contextmanager
def damaged(display: str, kind: str, part: str) -> Iterator[None]:
    """A library error while reading `part` of a package is a one-line InputError naming it.

    python-docx and python-pptx raise KeyError for a missing relationship, ValueError for an
    unknown placeholder or enumeration value, AttributeError/TypeError for a part of the
    wrong type: in a package that opened, each means a damaged file, not a bug here.
    """
    try:
        yield
    except InputError:
        raise
    except KeyError as exc:
        key = exc.args[0] if exc.args else ""
        if isinstance(key, str) and " " in key:  # python-pptx words its own: "no relationship..."
            what = escape_text(key[:160])
        else:
            what = f"relationship {shown(key)} not found" if key else "missing part"
        raise InputError(f"damaged {kind} file ({part}: {what})", path=display) from None
    except (ValueError, AttributeError, TypeError, IndexError, LookupError) as exc:
        raise InputError(f"damaged {kind} file ({part}: {why(exc)})", path=display) from None
    except Exception as exc:  # lxml and zipfile errors of a damaged package
        if type(exc).__module__.split(".")[0] not in ("lxml", "zipfile", "zlib", "docx", "pptx"):
            raise
        raise InputError(f"damaged {kind} file ({part}: {why(exc)})", path=display) from None


def why(exc: BaseException) -> str:
    """A short, single-line reason for an exception (no object reprs)."""
    text = str(exc).strip().splitlines()
    if not text:
        return type(exc).__name__
    # python-docx names the stream it was given: "file '<_io.BytesIO object at 0x...>' is".
    line = re.sub(r"^file '<[^>]*>' is ", "", text[0])
    return escape_text(line[:160])


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
