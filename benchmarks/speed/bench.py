"""What every part is given: the sizes, the tools found, where to write, and cache folders."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

# claimcheck reads its cache folder from this variable (the platform cache folder otherwise).
CACHE_ENV = "CLAIMCHECK_CACHE_DIR"


@dataclass(frozen=True)
class Bench:
    """The benchmark's settings, as the command line gave them."""

    out: Path
    runs: int = 3
    jobs: int = 2
    drafts: int = 1000
    claims: int = 1000
    words: int = 1000
    pdfs: int = 200
    proselint: str | None = None
    write_good: str | None = None
    before: str | None = None  # another build's claimcheck, timed beside this one

    def empty_cache(self, name: str) -> dict[str, str]:
        """Environment for a run with a cache folder emptied first (a first run)."""
        folder = self.out / "cache" / name
        shutil.rmtree(folder, ignore_errors=True)
        return {CACHE_ENV: str(folder)}

    def cache(self, name: str) -> dict[str, str]:
        """Environment for a run with a cache folder kept from earlier runs."""
        return {CACHE_ENV: str(self.out / "cache" / name)}
