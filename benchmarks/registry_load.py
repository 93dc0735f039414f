"""Generate a large registry + evidence library and time `load_registry` on it.

Usage: python benchmarks/registry_load.py [N_CLAIMS] [REPEATS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from claimcheck.registry.load import load_registry
from claimcheck.yamlutil import parse


def generate(directory: Path, n: int) -> tuple[Path, Path]:
    """Write an n-claim registry and an n-record evidence library into `directory`."""
    claims = ["version: 1", "claims:"]
    for i in range(n):
        claims += [
            f"  - id: CLAIM-{i:05d}",
            "    text: >-",
            f"      Product {i % 37} reduced mean operative time by {i % 50 + 1}% compared",
            "      with conventional instrumentation in a randomized controlled trial.",
            "    variants:",
            f"      - Mean operative time was {60 + i % 30} minutes with product {i % 37}.",
            f"    evidence: [EV-{i:05d}]",
            "    status: approved",
            "    expires: 2030-12-31",
            "    scope:",
            f"      products: [product-{i % 37}]",
            "      audiences: [hcp]",
            "      channels: [print, web]",
            "      markets: [US, EU]",
            "    requires: [compared with conventional instrumentation]",
            "    notes: generated",
        ]
    claims += ["prohibited:"]
    for i in range(n // 10):
        claims += [
            f"  - id: NO-{i:05d}",
            f"    phrases: [forbidden phrase {i}, another phrase {i}]",
            "    reason: The trial found no difference.",
        ]
    evidence = ["evidence:"]
    for i in range(n):
        evidence += [
            f"  - id: EV-{i:05d}",
            f'    citation: "Author {i} et al. J Test. 2024;{i}:1-10."',
            "    type: rct",
            "    date: 2024-02-01",
            "    population: 212 patients undergoing primary total knee arthroplasty",
            "    findings:",
            "      - endpoint: mean operative time",
            "        result: 78 vs 89 minutes (-12%), p=0.003",
        ]
    reg, ev = directory / "claims.yaml", directory / "evidence.yaml"
    reg.write_text("\n".join(claims) + "\n", encoding="utf-8")
    ev.write_text("\n".join(evidence) + "\n", encoding="utf-8")
    return reg, ev


def main() -> None:
    """Print the best-of-N load time."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        reg, ev = generate(Path(tmp), n)
        texts = {p.name: p.read_text(encoding="utf-8") for p in (reg, ev)}
        for name, text in texts.items():
            ms = best_of(repeats, lambda text=text, name=name: parse(text, name))
            print(f"parse {name} ({len(text) // 1024} KiB): {ms:.1f} ms")
        registry = load_registry([reg], [ev])
        ms = best_of(repeats, lambda: load_registry([reg], [ev]))
        print(
            f"load_registry: {len(registry.claims)} claims, {len(registry.prohibited)} "
            f"prohibited, {len(registry.evidence)} evidence: best of {repeats} = {ms:.1f} ms"
        )


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The fastest of `repeats` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000


if __name__ == "__main__":
    main()
