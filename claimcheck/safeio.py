"""Open only regular files: the one place claimcheck opens a file it was given to read.

Drafts, registries, evidence, configs, rule packs, strength models and baselines are all
named by users. A FIFO would block the run on open, /dev/zero would be read until memory ran
out, and a directory or a link loop is not a file: each is refused with an OSError whose
`strerror` says what it is, before anything is read. Reading stops one byte past `limit`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


def read_regular(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file; OSError for anything else, or past `limit` bytes."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory, not a file", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, f"not a regular file ({kind(info.st_mode)})", str(path))
        if limit is not None and info.st_size > limit:
            raise OSError(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
        data = fh.read() if limit is None else fh.read(limit + 1)
    if limit is not None and len(data) > limit:  # the file grew while it was read
        raise OSError(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
    return data


def kind(mode: int) -> str:
    """What a special file is: 'a named pipe', 'a device', 'a socket'."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def why(exc: OSError) -> str:
    """The reason an OSError gives, as a message says it ('symbolic link loop', ...)."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return str(exc.strerror or exc)
