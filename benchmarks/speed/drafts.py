"""1,000 Markdown drafts: claimcheck's first run and re-run against write-good and proselint.

Every variant is the whole process of the real command line on the same files: claimcheck
on `jobs` workers with an empty cache (first run) and with the result cache of an earlier
run (re-run of unchanged files), each linter as `jobs` processes over halves of the files.
"""

from __future__ import annotations

import json
from typing import Any

from speed import corpus, harness, tools
from speed.bench import Bench


def run(bench: Bench) -> dict[str, Any]:
    """Time the variants interleaved; print the table; return medians."""
    c = corpus.write_corpus(bench.out, bench.drafts, bench.claims, bench.words)
    print(
        f"\ncorpus: {len(c.files)} drafts, {c.words:,} words, {c.sentences:,} sentences, "
        f"{c.claim_sentences:,} written as claims (1 in {c.sentences / max(1, c.claim_sentences):.1f}); "
        f"registry {bench.claims} claims"
    )
    summary = verify(bench, c)
    first = tools.claimcheck([c.folder], c.config, jobs=bench.jobs)
    print("  claimcheck:", harness.show(first))
    variants = {
        "claimcheck first run": lambda: harness.timed(
            [first], cwd=bench.out, env=bench.empty_cache("drafts-first")
        ),
    }
    before = None
    if bench.before:
        before = tools.claimcheck([c.folder], c.config, jobs=bench.jobs, exe=bench.before)
        print("  before:", harness.show(before))
        variants["claimcheck first run (before)"] = lambda: harness.timed(
            [before], cwd=bench.out, env=bench.empty_cache("drafts-before")
        )
    warm = bench.empty_cache("drafts-warm")
    harness.timed([first], cwd=bench.out, env=warm)  # fills the result cache
    variants["claimcheck re-run (cache warm)"] = lambda: harness.timed(
        [first], cwd=bench.out, env=warm
    )
    linters = {
        "write-good": (tools.find("write-good", bench.write_good), tools.write_good),
        "proselint": (tools.find("proselint", bench.proselint), tools.proselint),
    }
    for name, (exe, command) in linters.items():
        if exe is None:
            print(f"  {name}: not installed (skipped)")
            continue
        cmds = command(exe, c.files, bench.jobs)
        print(f"  {name}:", " & ".join(harness.show(cmd) for cmd in cmds))
        variants[f"{name} x{len(cmds)}"] = lambda cmds=cmds: harness.timed(
            cmds, cwd=bench.out, ok=None
        )
    results = harness.interleave(variants, bench.runs)
    reference = next((n for n in results if n.startswith("write-good")), "claimcheck first run")
    harness.print_table(
        f"{len(c.files)} drafts x {bench.claims} claims, medians of {bench.runs} interleaved runs",
        results,
        reference=reference,
        words=c.words,
    )
    first_wall = harness.median(results["claimcheck first run"], "wall")
    warm_wall = harness.median(results["claimcheck re-run (cache warm)"], "wall")
    print(f"  re-run / first run: x{warm_wall / first_wall:.3f}")
    if before is not None:
        before_wall = harness.median(results["claimcheck first run (before)"], "wall")
        print(f"  first run, this build / before: x{first_wall / before_wall:.3f}")
    return {
        "summary": summary,
        "words": c.words,
        "medians": {n: harness.median(r, "wall") for n, r in results.items()},
    }


def verify(bench: Bench, c: corpus.Corpus) -> dict[str, Any]:
    """One JSON run: every draft checked, no input error; the verdict counts."""
    out = bench.out / "drafts.json"
    cmd = tools.claimcheck([c.folder], c.config, jobs=bench.jobs, fmt="json", output=out)
    run = harness.timed([cmd], cwd=bench.out, env=bench.empty_cache("drafts-verify"))
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    if summary["documents"] != len(c.files) or summary["input_errors"]:
        raise SystemExit(f"the corpus was not fully checked: {summary}\n{run.stderr}")
    print(
        f"  checked: {summary['claims']:,} claims judged "
        f"(1 sentence in {c.sentences / max(1, summary['claims']):.1f}), verdicts {summary['verdicts']}"
    )
    return summary
