"""Document outcomes and the result cache: a draft that did not change is not checked again.

An `Outcome` is what a run hands on per document: its Tally, and either its DocumentResult or
the output a report writer rendered for it. `Results` keeps them in the on-disk cache
(claimcheck.cache) under a key made of

- the run stamp: the code stamp, the whole resolved config (context, overrides, rule
  settings, waivers, include/exclude), the bytes of the user rule packs it names, the
  registry's and evidence library's sha256 and sources, the strength model's sha256, the
  command line's context, the review date (`as_of`, today unless given) and the cwd;
- the draft: its path as shown, its absolute path, and the sha256 of its bytes.

So a re-run of unchanged drafts only reads and hashes them. One cache entry per draft holds
its result and the output each report writer rendered for it (keyed by the writer and its
options; the last FRAGMENTS writers), so a re-run does not even render, and the result is
only unpickled for a writer that has not rendered it yet.
A result is only stored when the draft the checker read has the bytes the key was made
from, and input errors are never stored (they cost little and may depend on more than the
bytes).
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.cache import Store, canonical, code_stamp, digest, file_digest
from claimcheck.model import DocumentResult, Report, Tally, pickled_by_fields

if TYPE_CHECKING:
    from claimcheck.pipeline import Options, Session
    from claimcheck.report.stream import StreamWriter

Key = tuple[str, str, str | None]  # result key, the draft's sha256, fragment key
# A cache entry: the pickled (DocumentResult, notices), and fragment key -> pickled Outcome.
Entry = tuple[bytes, dict[str, bytes]]
RESULT = "result"  # the cache kind of draft results
# Renderings kept per draft (text, JSON, SARIF...: the formats a project alternates between).
FRAGMENTS = 4


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Outcome:
    """One document as a run hands it on: its tally, and its record or its rendered output."""

    tally: Tally
    result: DocumentResult | None = None  # None when a writer rendered it
    fragment: str | None = None  # the writer's output for this document
    meta: Any = None  # what the writer's `end` needs to know of it
    notices: tuple[str, ...] = ()


def outcome_of(
    result: DocumentResult,
    notices: Sequence[str],
    writer: StreamWriter | None = None,
    head: Report | None = None,
) -> Outcome:
    """The Outcome of a result: rendered (and the record dropped) when there is a writer."""
    tally = Tally.of(result)
    if writer is None or head is None:
        return Outcome(tally, result, notices=tuple(notices))
    fragment, meta = writer.document(result, head)
    return Outcome(tally, None, fragment, meta, tuple(notices))


class Results:
    """The result cache of one run (a no-op when the run has no store)."""

    def __init__(self, session: Session, options: Options, writer: StreamWriter | None) -> None:
        self.store: Store | None = session.store
        self.writer = writer
        self.stamp = run_stamp(session, options) if self.store is not None else None
        self.max_bytes = int(session.config.limits.max_file_mb * (1 << 20))
        self.writer_id = (
            None if writer is None else (type(writer).__module__, canonical(writer.opts))
        )

    def key(self, path: Path, display: str) -> Key | None:
        """The keys of a draft as it is now (None: no cache, or the file cannot be read)."""
        if self.stamp is None:
            return None
        try:
            sha = file_digest(path, limit=self.max_bytes)
        except OSError:
            return None  # the reader will say why, naming the file
        key = digest(self.stamp, display, os.path.abspath(path), sha)
        return key, sha, (digest(key, self.writer_id) if self.writer_id else None)

    def lookup(self, key: Key | None, head: Report | None) -> Outcome | None:
        """The cached outcome for these keys, rendered by the run's writer; None on a miss."""
        if key is None or self.store is None:
            return None
        result_key, _, fragment_key = key
        entry = _entry(self.store.get(RESULT, result_key))
        if entry is None:
            return None
        record, fragments = entry
        if fragment_key is not None and fragment_key in fragments:
            found = _loads(fragments[fragment_key])
            if isinstance(found, Outcome):
                return found
        found = _loads(record)
        if not (isinstance(found, tuple) and len(found) == 2):
            return None
        result, notices = found
        if not isinstance(result, DocumentResult):
            return None
        outcome = outcome_of(result, notices, self.writer, head)
        if fragment_key is not None:
            self.keep(self._encoded(result_key, record, fragments, fragment_key, outcome))
        return outcome

    def entry(
        self, key: Key | None, result: DocumentResult, notices: Sequence[str], outcome: Outcome
    ) -> tuple[str, bytes] | None:
        """A fresh result (and its rendered outcome) encoded as a cache entry, for `keep`
        (made where the draft was checked, so that a worker does the pickling); None when it
        is not to be cached."""
        if key is None or self.store is None:
            return None
        result_key, sha, fragment_key = key
        if result.error is not None or result.sha256 != sha:
            return None  # an input error, or the file changed while it was being checked
        try:
            record = pickle.dumps((result, tuple(notices)), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a value that does not pickle is simply not cached
            return None
        rendered = fragment_key if outcome.fragment is not None else None
        return self._encoded(result_key, record, {}, rendered, outcome)

    def keep(self, entry: tuple[str, bytes] | None) -> None:
        """Store an entry `entry` made, with the next ones (`flush` writes the rest)."""
        if entry is not None and self.store is not None:
            self.store.later(RESULT, *entry)

    def flush(self) -> None:
        """Write the entries kept so far (at the end of a run)."""
        if self.store is not None:
            self.store.flush()

    def _encoded(
        self,
        result_key: str,
        record: bytes,
        fragments: dict[str, bytes],
        fragment_key: str | None,
        outcome: Outcome,
    ) -> tuple[str, bytes] | None:
        """The entry, with this outcome's rendering added, encoded for the store."""
        assert self.store is not None
        entry = _fragments(record, fragments, fragment_key, outcome)
        data = self.store.encode(RESULT, result_key, entry)
        return None if data is None else (result_key, data)


def _fragments(
    record: bytes, fragments: dict[str, bytes], fragment_key: str | None, outcome: Outcome
) -> Entry:
    """An entry with this outcome's rendering added (the oldest beyond FRAGMENTS dropped)."""
    fragments = dict(fragments)
    if fragment_key is not None:
        with contextlib.suppress(Exception):  # the result is still worth keeping
            fragments[fragment_key] = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        while len(fragments) > FRAGMENTS:
            del fragments[next(iter(fragments))]
    return record, fragments


def _entry(value: Any) -> Entry | None:
    """A cache entry as `Results` writes it, or None (written by other code, or damaged)."""
    if not (isinstance(value, tuple) and len(value) == 2):
        return None
    record, fragments = value
    if not isinstance(record, bytes) or not isinstance(fragments, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, bytes) for k, v in fragments.items()):
        return None
    return record, fragments


def _loads(data: bytes) -> Any:
    """What a pickled part of an entry holds; None when this code cannot read it (the entry
    as a whole passed the store's checksum, so this is code that changed, never a crash)."""
    try:
        return pickle.loads(data)
    except Exception:
        return None


def run_stamp(session: Session, options: Options) -> str | None:
    """What every result of this run depends on besides its draft (None: cannot be known)."""
    config = session.config
    registry = session.registry
    model = session.strength_model
    try:
        packs = [(str(p), _tree_digest(Path(p))) for p in getattr(config, "rules", ())]
    except OSError:
        return None
    return digest(
        code_stamp(),
        config,
        packs,
        registry.sha256,
        registry.evidence_sha256,
        registry.sources,
        registry.evidence_sources,
        getattr(model, "sha256", None) if model is not None else None,
        options.context,
        session.as_of,
        str(options.cwd),
    )


def _tree_digest(path: Path) -> str:
    """The sha256 of a file, or of every file below a folder (a missing path is 'missing')."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
        return digest([(p.relative_to(path).as_posix(), file_digest(p)) for p in files])
    if not path.exists():
        return "missing"
    return file_digest(path)
