"""On-disk caches: the compiled registry index, and the results of drafts that did not change.

Where: `$CLAIMCHECK_CACHE_DIR`, else the platform's cache folder (`$XDG_CACHE_HOME` or
`~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows) + `claimcheck`.
`claimcheck check --no-cache` neither reads nor writes it; deleting the folder is always safe.

Keys are sha256 digests over everything a value depends on, always with `code_stamp()`: the
claimcheck version, a hash of claimcheck's own source and rule files (the version string
stays the same while the code changes under development), the Python version and the files
of the libraries that read drafts and split sentences. A cache is never trusted across any
of these.

The entries are rows of one SQLite database in the folder (`cache.sqlite3`): one file for
the whole cache, so a first run over 1,000 drafts does not create 1,000 files. Each entry is
written in one transaction, so concurrent runs and workers never see half an entry (two runs
that miss at once both write the same value). An entry starts with a header holding the code
stamp and the sha256 of its payload; a short, corrupt or foreign entry is a miss and is
overwritten, and a database that is not one (damaged, truncated) is replaced. Entries are
pickles, so the cache folder must belong to the user and not be writable by others
(otherwise it is not used); a store that cannot be written to simply stops caching.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import sys
import threading
import time
import weakref
from collections.abc import Callable
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any

try:
    import sqlite3
except ImportError:  # pragma: no cover - every CPython build we know of has it
    sqlite3 = None  # type: ignore[assignment]

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
    """One cache folder: `get(kind, key)` and `put(kind, key, value)`, never raising.

    The entries live in one SQLite database in the folder (`DB`), one row per entry, so a
    first run of 1,000 drafts appends 1,000 rows to one file instead of creating 1,000 files
    (file creation cost ~1 ms each on some file systems, more than the write itself). Each
    process opens its own connection (a forked worker never uses its parent's: it is
    closed before every fork), and one lock serialises the threads of a process. Concurrent
    processes take SQLite's locks, waiting up to BUSY_SECONDS; an entry they could not
    read or write in that time is a miss, or not stored, never an error.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.usable = True
        self.checked = False  # the root's ownership and permissions, before the first read
        self.hits = self.misses = self.writes = 0
        self._db: sqlite3.Connection | None = None
        self._pid = 0  # the process that opened `_db`
        self._lock = threading.Lock()
        self._resets = 0  # damaged databases replaced in this process
        self._pending: list[tuple[str, str, bytes]] = []  # entries `later` keeps for `flush`
        if sqlite3 is None:  # a Python built without SQLite: no cache
            self.usable = False
        _STORES.add(self)

    def __getstate__(self) -> dict[str, Any]:  # a spawned worker opens its own connection
        state = {k: v for k, v in self.__dict__.items() if k not in ("_db", "_lock")}
        return {**state, "_pid": 0, "_pending": []}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _db=None, _lock=threading.Lock())
        _STORES.add(self)

    @property
    def path(self) -> Path:
        """The database file."""
        return self.root / DB

    def get(self, kind: str, key: str) -> Any | None:
        """The value stored under `key`, or None (missing, corrupt, or from other code)."""
        with self._lock:
            row = self._run(False, _GET, (kind, key))
        value = None if row is None else self._decode(kind, key, row[0])
        if value is None:
            self.misses += 1
            return None
        now = int(time.time())
        if now - row[1] > TOUCH_EVERY:  # kept by prune while it is used (once a day at most)
            with self._lock:
                self._run(True, _TOUCH, (now, kind, key))
        self.hits += 1
        return value[0]

    def _decode(self, kind: str, key: str, data: bytes) -> tuple[Any] | None:
        header = len(MAGIC) + 64 + 64
        if not isinstance(data, bytes) or len(data) < header or not data.startswith(MAGIC):
            return None
        stamp = data[len(MAGIC) : len(MAGIC) + 64].decode("ascii", "replace")
        check = data[len(MAGIC) + 64 : header]
        payload = data[header:]
        if stamp != code_stamp() or _checksum(kind, key, payload) != check:
            return None
        try:
            return (pickle.loads(payload),)
        except Exception:  # a payload this code cannot read is a miss, never a crash
            return None

    def encode(self, kind: str, key: str, value: Any) -> bytes | None:
        """An entry as stored: header (code stamp, checksum of the kind, key and payload) and
        the pickled value; None when the value does not pickle. (A worker encodes; the
        process that writes need not pickle again.)"""
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a value that does not pickle is simply not cached
            return None
        return MAGIC + code_stamp().encode() + _checksum(kind, key, payload) + payload

    def put(self, kind: str, key: str, value: Any) -> bool:
        """Store a value under `key` (one transaction); False when it could not be stored."""
        if not self.usable:
            return False
        data = self.encode(kind, key, value)
        return data is not None and self._write([(kind, key, data)])

    def later(self, kind: str, key: str, data: bytes) -> None:
        """Store an encoded entry with the next ones, BATCH in one transaction (`flush`
        writes what is left): a run of 1,000 drafts commits 16 times, not 1,000."""
        if not self.usable:
            return
        self._pending.append((kind, key, data))
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> bool:
        """Write the entries `later` kept; False when they could not be stored."""
        rows, self._pending = self._pending, []
        return not rows or self._write(rows)

    def _write(self, rows: list[tuple[str, str, bytes]]) -> bool:
        now = int(time.time())

        def insert(db: sqlite3.Connection) -> bool:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany(_PUT, [(*row, now) for row in rows])
                db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
            return True

        with self._lock:
            done = self._use(True, insert)
        if done:
            self.writes += len(rows)
        return bool(done)

    def prune(self, max_age_days: int = MAX_AGE_DAYS) -> int:
        """Delete entries not used for `max_age_days`, at most once a day; how many went."""
        now = int(time.time())
        with self._lock:
            last = self._run(False, _PRUNED, ())
            if last is not None and now - last[0] < PRUNE_EVERY:
                return 0
            gone = self._run(True, _PRUNE, (now - max_age_days * 86400,))
            self._run(True, _PRUNED_NOW, (now,))
            if gone:
                self._run(True, "PRAGMA incremental_vacuum", ())  # give the space back
        self._drop_old_layout()
        return gone or 0

    def _drop_old_layout(self) -> None:
        """Entries of claimcheck builds that wrote one file per entry (kind/xx/key)."""
        if not self.usable or not safe_folder(self.root):
            return
        for kind in ("index", "result", "detect"):
            folder = self.root / kind
            if folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)

    def _run(self, write: bool, sql: str, args: tuple) -> Any:
        """Run one statement: a SELECT's first row, else the rows it changed (0 included);
        None when nothing could be read or written (no database, busy, damaged, full)."""

        def run(db: sqlite3.Connection) -> Any:
            cursor = db.execute(sql, args)
            if not write:
                return cursor.fetchone()
            cursor.fetchall()  # a PRAGMA runs to its end
            return max(cursor.rowcount, 0)

        return self._use(write, run)

    def _use(self, write: bool, act: Callable[[sqlite3.Connection], Any]) -> Any:
        """`act(connection)`, or None when there is no database to use (a write makes it)
        or the statement failed (`_failed` says what that means for the store)."""
        if not self.usable:
            return None
        try:
            db = self._connect(create=write)
            return None if db is None else act(db)
        except sqlite3.Error as exc:
            self._failed(exc)
            return None

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        """This process's connection, opened on first use; the database and its folder are
        only made for a write (a run that reads nothing leaves no folder behind)."""
        if self._db is not None and self._pid == os.getpid():
            return self._db
        self._db = None  # a connection opened by another process is never used
        if not self.checked:  # never unpickle what others could have planted
            self.checked = True
            if self.root.exists() and not safe_folder(self.root):
                self.usable = False
                return None
        path = self.path
        if not create and not path.is_file():
            return None
        if create:
            try:
                if not self.root.is_dir():
                    self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError:
                self.usable = False  # cannot be made here: stop trying for this run
                return None
            if not safe_folder(self.root):  # entries there could have been planted
                self.usable = False
                return None
        db = sqlite3.connect(
            path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
        )
        try:
            for statement in _SCHEMA:
                db.execute(statement)
        except BaseException:
            db.close()
            raise
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
        self._db, self._pid = db, os.getpid()
        return db

    def _failed(self, exc: sqlite3.Error) -> None:
        """After a failed statement: a busy database is only a miss; a damaged one is
        replaced (once per process); one that is full, read-only or cannot be opened stops
        the caching for this run."""
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (_BUSY, _LOCKED):
            return
        self.close()
        if code in (_CORRUPT, _NOTADB) and self._resets == 0 and safe_folder(self.root):
            self._resets += 1
            for suffix in ("", "-journal", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(f"{self.path}{suffix}")
            return
        self.usable = False

    def close(self) -> None:
        """Close this process's connection (the next statement opens another)."""
        db, self._db = self._db, None
        if db is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                db.close()


# The database file in the cache folder, and how long a process waits for another's lock.
DB = "cache.sqlite3"
BUSY_SECONDS = 5.0
# Entries `Store.later` writes in one transaction.
BATCH = 64
# A read refreshes an entry's last use when it is older than this (few writes on re-runs).
TOUCH_EVERY = 24 * 3600
# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xff).
_BUSY, _LOCKED, _CORRUPT, _NOTADB = 5, 6, 11, 26
# Rollback journal, truncated rather than deleted (no file made per write; safer than WAL on
# network file systems), no fsync: a cache a crash damaged is replaced, never trusted.
_SCHEMA = (
    "PRAGMA journal_mode=TRUNCATE",
    "PRAGMA synchronous=OFF",
    "PRAGMA auto_vacuum=INCREMENTAL",  # before the first table: prune can give space back
    "CREATE TABLE IF NOT EXISTS entries (kind TEXT NOT NULL, key TEXT NOT NULL, "
    "data BLOB NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (kind, key))",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
)
_GET = "SELECT data, used FROM entries WHERE kind = ? AND key = ?"
_TOUCH = "UPDATE entries SET used = ? WHERE kind = ? AND key = ?"
_PUT = "INSERT OR REPLACE INTO entries (kind, key, data, used) VALUES (?, ?, ?, ?)"
_PRUNED = "SELECT value FROM meta WHERE name = 'pruned'"
_PRUNE = "DELETE FROM entries WHERE used < ?"
_PRUNED_NOW = "INSERT OR REPLACE INTO meta (name, value) VALUES ('pruned', ?)"
_STORES: weakref.WeakSet[Store] = weakref.WeakSet()


def _checksum(kind: str, key: str, payload: bytes) -> bytes:
    """The sha256 (hex) of an entry's kind, key and payload: an entry found under another
    key (a damaged index) is a miss like one with damaged bytes."""
    h = hashlib.sha256(f"{kind}\0{key}\0".encode())
    h.update(payload)
    return h.hexdigest().encode()


def _close_all() -> None:
    """Before a fork: no connection is shared with a child (SQLite forbids it)."""
    for store in list(_STORES):
        store.close()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_close_all)


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
