"""Split the files of a run over N CI jobs: `--shard I/N`.

A file's shard depends only on its own path (a sha256 of the posix path), so every job of a
matrix agrees on the split without talking to the others, the union of the shards is every
file, and no file is checked twice. Python's hash() is salted per process, so it is not used.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from claimcheck.errors import UsageError
from claimcheck.fingerprint import posix_path

_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def parse_shard(spec: str) -> tuple[int, int]:
    """'2/4' -> (2, 4): 1-based index of N shards; anything else is a UsageError."""
    m = _SPEC.fullmatch(spec)
    if not m:
        raise UsageError(f"--shard must look like I/N (for example 2/4), not '{spec}'")
    index, total = int(m.group(1)), int(m.group(2))
    if total < 1 or not 1 <= index <= total:
        raise UsageError(f"--shard {spec}: I must be between 1 and N, and N at least 1")
    return index, total


def shard_of(path: str, total: int) -> int:
    """The 1-based shard a path falls in."""
    digest = hashlib.sha256(posix_path(path).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % total + 1


def select(paths: Sequence[str], index: int, total: int) -> list[str]:
    """The paths of shard `index` of `total`, in their given order."""
    if total < 1 or not 1 <= index <= total:
        raise UsageError(f"--shard {index}/{total}: I must be between 1 and N, and N at least 1")
    return [p for p in paths if shard_of(p, total) == index]
