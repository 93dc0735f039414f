"""Write every output file atomically: a report, a baseline, an annotated copy, a model.

The bytes go to a fresh temporary file created exclusively (O_EXCL, so a planted symlink or
leftover file at any name is never followed or reused) in the target's own directory; it is
flushed and fsynced, then renamed over the target in one step. A reader sees the old file or
the new one, never half of either; two runs writing the same baseline at once each replace
it whole; a failed write (disk full, no permission) leaves the previous file as it was and
removes the temporary one. Renaming replaces a symlink at the target itself, never the file
it points to. A target that is a device, a pipe or a socket (`-o /dev/null`, `-o /dev/stdout`)
is written to in place: renaming over it would replace the device with a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from claimcheck.errors import UsageError


def write_text(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Write `text` as UTF-8 to `path` atomically (see the module docstring)."""
    write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def write_bytes(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` atomically; `overwrite=False` refuses an existing name."""
    with open_atomic(path, overwrite=overwrite) as fh:
        fh.write(data)


@contextlib.contextmanager
def open_atomic(path: Path, *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """A binary file whose content replaces `path` when the block ends without an error.

    Any OSError (here or in the block) becomes a UsageError naming the file; the previous
    file is left untouched and the temporary one removed. With `overwrite=False` the file
    must not exist yet, not even as a dangling symlink.
    """
    path = Path(path)
    if overwrite and _special(path):
        try:
            with open(path, "wb") as fh:
                yield fh
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    directory = path.parent if str(path.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode(path))
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path, follow_symlinks=False)  # fails if the name exists in any form
            os.unlink(tmp)
        tmp = None
        _sync_directory(directory)
    except FileExistsError:
        raise UsageError(f"{path} already exists; not overwriting it") from None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _special(path: Path) -> bool:
    """True when the target exists and is a device, a pipe or a socket (through links)."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _mode(path: Path) -> int:
    """The permissions the file gets: those of the file it replaces, else 0666 less umask."""
    try:
        st = os.lstat(path)
        if not os.path.islink(path):
            return st.st_mode & 0o7777
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
