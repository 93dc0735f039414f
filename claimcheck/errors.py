"""Errors that claimcheck reports to the user as one line and exit code 2."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date


class ClaimcheckError(Exception):
    """An error about user input, shown as `path:line: message` with no traceback."""

    kind = "error"

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        page: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.page = page

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            elif self.page is not None:
                where += f": page {self.page}"
            where += ": "
        return f"{where}{one_line(self.message)}"


SHOWN_LIMIT = 60  # characters of a user's value that a message quotes


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """A user's value as every message quotes it: short, on one line, invisible chars escaped.

    Text is quoted ('like this') and cut after `limit` characters; a list or mapping is named
    by its type, never printed (a YAML alias can make one billions of items long); a number
    too long to print is described.
    """
    if isinstance(value, str):
        clipped = value if len(value) <= limit else value[:limit] + "…"
        return "'" + escape_text(clipped) + "'"
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        if value.bit_length() > 3 * limit:  # str() of a huge int is slow, then refused
            return f"a number of about {int(value.bit_length() * 0.30103)} digits"
        text = str(value)
    elif isinstance(value, float | date):
        text = str(value)
    elif isinstance(value, dict):
        return "a mapping"
    elif isinstance(value, list | tuple | set | frozenset):
        return "a list"
    else:
        text = type(value).__name__
    return escape_text(text if len(text) <= limit else text[:limit] + "…")


def escape_text(text: str) -> str:
    """Control, format and line-separator characters as visible escapes (\\x1b, \\u200b)."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
    return "".join(out)


def printable(text: str) -> str:
    """Text safe to print on a terminal: line breaks and tabs as spaces, other controls escaped.

    Drafts and file names can carry escape sequences (an OSC window title, an OSC 8 link, a
    clear-screen); printed raw, the terminal would obey them.
    """
    if text.isprintable():
        return text
    return escape_text(text.replace("\r\n", " ").translate(_BREAKS))


_BREAKS = {ord(c): " " for c in "\n\r\t\v\f\u2028\u2029\x85"}


def one_line(text: str) -> str:
    """The text on one line: messages quote parser output and file text, which may wrap."""
    return " ".join(part.strip() for part in str(text).splitlines() if part.strip())


class InternalError(ClaimcheckError):
    """A bug met while handling one file: reported against that file like any other error."""

    kind = "internal error"


@contextlib.contextmanager
def about(path: str | None) -> Iterator[None]:
    """Anything but a ClaimcheckError escaping the block becomes an InternalError naming `path`.

    Set CLAIMCHECK_DEBUG=1 to let the original exception through, with its traceback.
    """
    try:
        yield
    except ClaimcheckError:
        raise
    except Exception as exc:
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        raise InternalError(internal_message(exc), path=path) from exc


def internal_message(exc: BaseException) -> str:
    """'internal error (KeyError: 'rId9'); please report it' for an unexpected exception."""
    detail = str(exc).strip().splitlines()
    what = f"{type(exc).__name__}: {escape_text(detail[0][:160])}" if detail else type(exc).__name__
    return f"internal error ({what}); please report it"


class UsageError(ClaimcheckError):
    """Bad command-line usage."""

    kind = "usage error"


class ConfigError(ClaimcheckError):
    """A bad claimcheck.yaml / pyproject.toml [tool.claimcheck] file."""

    kind = "config error"


class RegistryError(ClaimcheckError):
    """A bad claim registry or evidence library file."""

    kind = "registry error"


class InputError(ClaimcheckError):
    """A draft that cannot be read (corrupt, encrypted, not UTF-8, ...)."""

    kind = "input error"
