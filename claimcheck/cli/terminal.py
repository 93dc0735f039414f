"""What the terminal claimcheck prints to can show: colour, and how wide a line may be.

Colour (`--color auto`, the default) is on when the stream is a terminal, off with NO_COLOR
set to anything but the empty string (https://no-color.org), and on with FORCE_COLOR set
to anything but the empty string even when the stream is a pipe or a CI log
(https://force-color.org); NO_COLOR wins when both are set. `--color always|never` wins
over both.

Width is the terminal's (COLUMNS when set, as `shutil.get_terminal_size` reads it) when the
stream is a terminal; output to a pipe or a file is never wrapped, so that it stays one
finding a line for grep and diff.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import IO

COLOR_CHOICES = ("auto", "always", "never")
HELP_WIDTH = 120  # help text: the terminal's width, up to this (longer lines read badly)


def use_color(choice: str = "auto", stream: IO[str] | None = None) -> bool:
    """Whether to print colour to `stream` (default stdout) for a `--color` choice."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return is_terminal(stream)


def is_terminal(stream: IO[str] | None = None) -> bool:
    """True when the stream (default stdout) is an interactive terminal."""
    stream = stream if stream is not None else sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real stream
        return False


def width(stream: IO[str] | None = None) -> int | None:
    """The terminal's width in columns when the stream is a terminal; None (no wrapping)."""
    if not is_terminal(stream):
        return None
    return max(40, shutil.get_terminal_size().columns)


def help_width() -> int:
    """How wide `--help` may be: the terminal's width, capped for readability."""
    return min(HELP_WIDTH, max(40, shutil.get_terminal_size().columns))
