"""A registry ten times larger that holds the benchmark's: the same best claims, and the time.

The drafts are the ones written for the `claims`-claim registry; the larger registry is the
first 10 x `claims` claims of the same generator, so its first `claims` claims are the
smaller registry. Both runs are the whole real command line (first run, `--format json`,
`jobs` workers), interleaved. Then each sentence the smaller registry matches is looked up
in the larger run: it keeps its claim, or gets another one the smaller registry also holds
(scores moved: idf changes with the registry), or one only the larger holds (the generator
writes about 13 claims on each product and endpoint, with other figures, verbs, comparators
and settings, and some copy restates one of those better), or none (the claim was lost).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from speed import corpus, harness, tools
from speed.bench import Bench

FACTOR = 10


def run(bench: Bench) -> dict[str, Any]:
    """Time both registries interleaved; compare every matched sentence; print and return."""
    c = corpus.write_corpus(bench.out, bench.drafts, bench.claims, bench.words)
    big = bench.claims * FACTOR
    registry = bench.out / f"registry-{big}.yaml"
    if not registry.exists():
        registry.write_text(corpus.registry_yaml(big), encoding="utf-8")
    config = bench.out / f"claimcheck-{big}.yaml"
    config.write_text(f"registry: {registry.name}\n", encoding="utf-8")
    sizes = {bench.claims: c.config, big: config}
    outputs = {n: bench.out / f"scale-{n}.json" for n in sizes}
    variants = {}
    for n, cfg in sizes.items():
        cmd = tools.claimcheck([c.folder], cfg, jobs=bench.jobs, fmt="json", output=outputs[n])
        print(f"  {n:,} claims:", harness.show(cmd))
        variants[f"{n:,} claims"] = lambda cmd=cmd, n=n: harness.timed(
            [cmd], cwd=bench.out, env=bench.empty_cache(f"scale-{n}")
        )
    results = harness.interleave(variants, bench.runs)
    small_name = f"{bench.claims:,} claims"
    harness.print_table(
        f"{len(c.files)} drafts, {bench.claims:,} vs {big:,} claims, first run, "
        f"medians of {bench.runs} interleaved runs",
        results,
        reference=small_name,
        words=c.words,
    )
    found = compare(outputs[bench.claims], outputs[big], bench.claims)
    ratio = harness.median(results[f"{big:,} claims"], "wall") / harness.median(
        results[small_name], "wall"
    )
    print(f"  time x{ratio:.2f} of the {bench.claims:,}-claim run")
    return {"medians": {n: harness.median(r, "wall") for n, r in results.items()}, **found}


def compare(small: Path, big: Path, claims: int) -> dict[str, Any]:
    """Per sentence the smaller registry matches: what the larger one matched instead."""
    subset = {corpus.approved(i).id for i in range(claims)}
    a, b = _matches(small), _matches(big)
    if a.keys() != b.keys():
        raise SystemExit("the two runs judged different sentences")
    matched = [k for k, (claim_id, _) in a.items() if claim_id]
    outcome: Counter[str] = Counter()
    for k in matched:
        other = b[k][0]
        if other == a[k][0]:
            outcome["same claim"] += 1
        elif other is None:
            outcome["lost (no claim)"] += 1
        elif other in subset:
            outcome["another claim of the smaller registry"] += 1
        else:
            outcome["a claim only the larger registry holds"] += 1
    verdicts = {
        name: json.loads(path.read_text(encoding="utf-8"))["summary"]["verdicts"]
        for name, path in (("small", small), ("big", big))
    }
    print(f"\n  sentences the {claims:,}-claim registry matches: {len(matched):,}")
    for name, count in outcome.most_common():
        print(f"    {name}: {count:,} ({count / max(1, len(matched)):.1%})")
    print(f"  verdicts: {verdicts['small']}\n        vs  {verdicts['big']}")
    return {"matched": len(matched), "outcome": dict(outcome), "verdicts": verdicts}


def _matches(path: Path) -> dict[tuple[str, int], tuple[str | None, str]]:
    """(document, claim number) -> (claim id, verdict) of a JSON report."""
    report = json.loads(path.read_text(encoding="utf-8"))
    return {
        (doc["path"], i): (claim.get("claim_id"), claim["verdict"])
        for doc in report["documents"]
        for i, claim in enumerate(doc["claims"])
    }
