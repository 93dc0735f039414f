"""On-disk caches: the compiled registry index, and the results of drafts that did not change.

Where: `$CLAIMCHECK_CACHE_DIR`, else the platform's cache folder (`$XDG_CACHE_HOME` or
`~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows) + `claimcheck`.
`claimcheck check --no-cache` neither reads nor writes it; deleting the folder is always safe.

Keys are sha256 digests over everything a value depends on, always with `code_stamp()`: the
claimcheck version, a hash of claimcheck's own source and rule files (the version string
stays the same while the code changes under development), the Python version and the files
of the libraries that read drafts and split sentences. A cache is never trusted across any
of these.

Each entry is one file, written to a temporary file in its folder and renamed into place,
so concurrent runs never see half an entry (two runs that miss at once both write the same
value). An entry starts with a header holding the code stamp and the sha256 of its payload;
a short, corrupt or foreign file is a miss and is overwritten. Entries are pickles, so the
cache folder must belong to the user and not be writable by others (otherwise it is not
used); a store that cannot be written to simply stops caching.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from claimcheck import __version__
from claimcheck.safeio import read_regular

ENV = "CLAIMCHECK_CACHE_DIR"
MAGIC = b"claimcheck-cache-1\n"
# Libraries whose behaviour is part of a result: readers, sentence splitting, lemmas.
LIBRARIES = (
    "spacy",
    "spacy_lookups_data",
    "markdown_it",
    "mdit_py_plugins",
    "yaml",
    "pypdf",
    "docx",
    "pptx",
    "rapidfuzz",
)
# A run prunes entries older than this (by last use) at most once a day.
MAX_AGE_DAYS = 30
PRUNE_EVERY = 24 * 3600

_STAMP: str | None = None


def default_dir() -> Path:
    """The cache folder: $CLAIMCHECK_CACHE_DIR, else the platform's user cache folder."""
    given = os.environ.get(ENV)
    if given:
        return Path(given)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "claimcheck" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "claimcheck"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck"


def code_stamp() -> str:
    """A hash of what claimcheck's results depend on besides its inputs (once per process)."""
    global _STAMP
    if _STAMP is None:
        digest = hashlib.sha256()
        digest.update(f"{__version__}\0{sys.version}\0".encode())
        for name, path in stamped_files():
            digest.update(name.encode() + b"\0")
            digest.update(path.read_bytes())
        for name in LIBRARIES:
            digest.update(_library_stamp(name).encode() + b"\0")
        _STAMP = digest.hexdigest()
    return _STAMP


def stamped_files() -> list[tuple[str, Path]]:
    """claimcheck's source and rule files, each with its name relative to the install root."""
    from importlib import resources  # not at import: `claimcheck --help` reads no rules

    package = Path(__file__).resolve().parent
    roots = [package]
    rules = Path(str(resources.files("claimcheck.rules"))).resolve()
    if not rules.is_relative_to(package):
        roots.append(rules)  # an editable install: rules/ beside claimcheck/, not inside it
    return [
        (path.relative_to(root.parent).as_posix(), path)
        for root in roots
        for path in _package_files(root)
    ]


def _package_files(package: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(package):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        out += [Path(dirpath) / f for f in sorted(filenames) if f.endswith((".py", ".yaml"))]
    return out


def _library_stamp(name: str) -> str:
    """Where a library is and when its entry file was written (a new install changes both)."""
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return f"{name}:-"
    try:
        st = os.stat(spec.origin)
    except OSError:
        return f"{name}:{spec.origin}"
    return f"{name}:{spec.origin}:{st.st_size}:{st.st_mtime_ns}"


def digest(*parts: Any) -> str:
    """A sha256 over values, stable across processes (sets and dicts in sorted order)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(canonical(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1e")
    return h.hexdigest()


def canonical(value: Any) -> str:
    """A text form of a value that does not depend on hash seeds or insertion order of sets."""
    if value is None or isinstance(value, bool | int | float | str | bytes):
        return repr(value)
    if isinstance(value, Path):
        return f"Path({str(value)!r})"
    if isinstance(value, date):
        return f"{type(value).__name__}({value.isoformat()})"
    if isinstance(value, dict):
        items = sorted((canonical(k), canonical(v)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(canonical(v) for v in value)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    fields = getattr(value, "__dataclass_fields__", None)
    if fields is not None:
        inner = ",".join(f"{name}={canonical(getattr(value, name))}" for name in fields)
        return f"{type(value).__qualname__}({inner})"
    return f"{type(value).__qualname__}:{value!r}"


def file_digest(path: Path, limit: int | None = None) -> str:
    """The sha256 of a regular file's bytes; OSError for anything else or past `limit` bytes.

    (A FIFO must not block the run, /dev/zero must not be read forever: safeio refuses both,
    and the reader reports them, naming the file.)
    """
    return hashlib.sha256(read_regular(path, limit)).hexdigest()


class Store:
    """One cache folder: `get(kind, key)` and `put(kind, key, value)`, never raising."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.usable = True
        self.checked = False  # the root's ownership and permissions, before the first read
        self.hits = self.misses = self.writes = 0
        self.ready: set[Path] = set()  # folders made ready for writing in this run

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> Any | None:
        """The value stored under `key`, or None (missing, corrupt, or from other code)."""
        if not self.usable:
            return None
        if not self.checked:  # never unpickle what others could have planted
            self.checked = True
            if self.root.exists() and not safe_folder(self.root):
                self.usable = False
                return None
        path = self._path(kind, key)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            self.misses += 1
            return None
        value = self._decode(data)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        return value[0]

    def _decode(self, data: bytes) -> tuple[Any] | None:
        header = len(MAGIC) + 64 + 64
        if len(data) < header or not data.startswith(MAGIC):
            return None
        stamp = data[len(MAGIC) : len(MAGIC) + 64].decode("ascii", "replace")
        check = data[len(MAGIC) + 64 : header]
        payload = data[header:]
        if stamp != code_stamp() or hashlib.sha256(payload).hexdigest().encode() != check:
            return None
        try:
            return (pickle.loads(payload),)
        except Exception:  # a payload this code cannot read is a miss, never a crash
            return None

    def put(self, kind: str, key: str, value: Any) -> bool:
        """Store a value under `key` (atomically); False when it could not be stored."""
        if not self.usable:
            return False
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a value that does not pickle is simply not cached
            return False
        data = MAGIC + code_stamp().encode() + hashlib.sha256(payload).hexdigest().encode()
        path = self._path(kind, key)
        try:
            if not self._ready(path.parent):
                return False
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.write(payload)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            self.usable = False  # read-only or full: stop trying for this run
            return False
        self.writes += 1
        return True

    def _ready(self, folder: Path) -> bool:
        """Create the folder, private to the user; refuse a root others could write to.
        Checked once per folder and run (a folder removed since makes the write fail, and
        the store stop caching)."""
        if folder in self.ready:
            return True
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not safe_folder(self.root):  # entries there could have been planted
            self.usable = False
            return False
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.ready.add(folder)
        return True

    def prune(self, max_age_days: int = MAX_AGE_DAYS) -> int:
        """Delete entries not used for `max_age_days`, at most once a day; how many went."""
        marker = self.root / ".pruned"
        now = time.time()
        try:
            if now - marker.stat().st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            pass
        if not self.root.is_dir() or not safe_folder(self.root):
            return 0
        removed = 0
        for path in _entries(self.root):
            try:
                st = path.stat()  # last read (atime, where the mount keeps it) or written
                if now - max(st.st_atime, st.st_mtime) > max_age_days * 86400:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        with contextlib.suppress(OSError):
            marker.touch()
        return removed


def _entries(root: Path) -> Iterable[Path]:
    for kind in root.iterdir():
        if kind.is_dir():
            for shard in kind.iterdir():
                if shard.is_dir():
                    yield from shard.iterdir()


def safe_folder(path: Path) -> bool:
    """True unless the folder belongs to someone else or others may write to it (POSIX)."""
    if os.name != "posix":
        return True
    try:
        st = os.stat(path)
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def open_store(enabled: bool = True, root: Path | None = None) -> Store | None:
    """The cache store for a run, or None when caching is off."""
    if not enabled:
        return None
    return Store(root or default_dir())
