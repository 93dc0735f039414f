"""One small draft in a fresh process: CPU time cold, with the index cache warm, and re-run.

"first run" empties the cache folder; "index cache warm" keeps it but edits the draft each
time (a new sentence), so the registry index comes from the cache and the result does not;
"re-run" checks the unchanged draft again. write-good and proselint run on the same file.
"""

from __future__ import annotations

from typing import Any

from speed import corpus, harness, tools
from speed.bench import Bench

WORDS = 300


def run(bench: Bench) -> dict[str, Any]:
    """Time the variants interleaved; print the table; return medians of CPU seconds."""
    c = corpus.write_corpus(bench.out, 0, bench.claims, WORDS)
    small = bench.out / "small.md"
    text, _, _ = corpus.draft_markdown(10_001, WORDS, bench.claims)
    small.write_text(text, encoding="utf-8")
    edited = bench.out / "small-edited.md"
    cmd = tools.claimcheck([small], c.config, jobs=1)
    edit_cmd = tools.claimcheck([edited], c.config, jobs=1)
    print(f"\none draft of {len(text.split())} words, registry {bench.claims} claims")
    print("  claimcheck:", harness.show(cmd))
    edits = iter(range(10**6))

    def index_warm() -> harness.Run:
        edited.write_text(f"{text}\nEdition {next(edits)} of this page.\n", encoding="utf-8")
        return harness.timed([edit_cmd], cwd=bench.out, env=bench.cache("cold-index"))

    harness.timed([cmd], cwd=bench.out, env=bench.empty_cache("cold-index"))
    harness.timed([cmd], cwd=bench.out, env=bench.empty_cache("cold-rerun"))
    variants = {
        "claimcheck first run": lambda: harness.timed(
            [cmd], cwd=bench.out, env=bench.empty_cache("cold-first")
        ),
        "claimcheck index cache warm": index_warm,
        "claimcheck re-run (cache warm)": lambda: harness.timed(
            [cmd], cwd=bench.out, env=bench.cache("cold-rerun")
        ),
    }
    for name, command in (("write-good", tools.write_good), ("proselint", tools.proselint)):
        exe = tools.find(name, getattr(bench, name.replace("-", "_")))
        if exe is not None:
            (line,) = command(exe, [small], 1)
            variants[name] = lambda line=line: harness.timed([line], cwd=bench.out, ok=None)
    results = harness.interleave(variants, max(bench.runs, 5))
    harness.print_table(
        f"one {len(text.split())}-word draft, fresh process, CPU seconds, medians of "
        f"{max(bench.runs, 5)} interleaved runs",
        results,
        reference="claimcheck first run",
        field="cpu",
    )
    return {"cpu": {n: harness.median(r, "cpu") for n, r in results.items()}}
