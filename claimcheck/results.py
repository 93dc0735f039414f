"""Document outcomes and the result cache: a draft that did not change is not checked again.

An `Outcome` is what a run hands on per document: its Tally, and either its DocumentResult or
the output a report writer rendered for it. `Results` keeps them in the on-disk cache
(claimcheck.cache) under a key made of

- the run stamp: the code stamp, the whole resolved config (context, overrides, rule
  settings, waivers, include/exclude), the bytes of the user rule packs it names, the
  registry's and evidence library's sha256 and sources, the strength model's sha256, the
  command line's context, the review date (`as_of`, today unless given) and the cwd;
- the draft: its path as shown, its absolute path, and the sha256 of its bytes.

So a re-run of unchanged drafts only reads and hashes them. A rendered fragment is kept
under that key plus the writer and its options, so a re-run does not even render. A result
is only stored when the draft the checker read has the bytes the key was made from, and
input errors are never stored (they cost little and may depend on more than the bytes).
"""

from __future__ import annotations

import os
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
        if fragment_key is not None:
            found = self.store.get("fragment", fragment_key)
            if isinstance(found, Outcome):
                return found
        found = self.store.get("result", result_key)
        if not (isinstance(found, tuple) and len(found) == 2):
            return None
        result, notices = found
        if not isinstance(result, DocumentResult):
            return None
        outcome = outcome_of(result, notices, self.writer, head)
        if fragment_key is not None:
            self.store.put("fragment", fragment_key, outcome)
        return outcome

    def save(
        self, key: Key | None, result: DocumentResult, notices: Sequence[str], outcome: Outcome
    ) -> None:
        """Keep a fresh result (and its rendered outcome) for the next run."""
        if key is None or self.store is None:
            return
        result_key, sha, fragment_key = key
        if result.error is not None or result.sha256 != sha:
            return  # an input error, or the file changed while it was being checked
        self.store.put("result", result_key, (result, tuple(notices)))
        if fragment_key is not None and outcome.fragment is not None:
            self.store.put("fragment", fragment_key, outcome)


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
