"""Peak memory of the 1,000-draft run with --format json written to a file.

Peak PSS is summed over the parent and its workers (shared pages counted once), sampled
every 20 ms; max RSS is the largest single process.
"""

from __future__ import annotations

from typing import Any

from speed import corpus, harness, tools
from speed.bench import Bench


def run(bench: Bench) -> dict[str, Any]:
    """Measure the run `runs` times; print and return the medians."""
    c = corpus.write_corpus(bench.out, bench.drafts, bench.claims, bench.words)
    cmd = tools.claimcheck(
        [c.folder], c.config, jobs=bench.jobs, fmt="json", output=bench.out / "memory.json"
    )
    print(f"\npeak memory, {len(c.files)} drafts, --format json:", harness.show(cmd))
    runs = harness.interleave(
        {
            "claimcheck json": lambda: harness.timed(
                [cmd], cwd=bench.out, env=bench.empty_cache("memory"), sample=True
            )
        },
        bench.runs,
    )["claimcheck json"]
    pss = harness.median(runs, "peak_pss") / 2**20
    rss = harness.median(runs, "max_rss") / 2**20
    print(f"  peak PSS (parent + workers) {pss:.0f} MB; largest process RSS {rss:.0f} MB")
    return {"peak_pss_mb": pss, "max_rss_mb": rss, "wall": harness.median(runs, "wall")}
