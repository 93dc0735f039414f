"""Throughput benchmark: generate N Markdown drafts and an M-claim registry, time `check`.

    python benchmarks/throughput.py --drafts 1000 --claims 1000 --words 1000

Prints words per second end to end (load, segment, detect, match, judge; report rendering
excluded) and the wall time of one `claimcheck check` on a small file in a fresh process.
The corpus is written to benchmarks/out/ (git-ignored) and reused when the sizes match.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).parent / "out"

PRODUCTS = [
    "ArcGuide",
    "FlexiSeal",
    "NovaStent",
    "CardioPulse",
    "OrthoLink",
    "VisiScan",
    "GlucoTrack",
    "DermaHeal",
    "NeuroCalm",
    "PulmoClear",
]
ENDPOINTS = [
    "operative time",
    "blood loss",
    "length of stay",
    "readmission rate",
    "infection rate",
    "pain score",
    "alignment accuracy",
    "revision rate",
    "procedure cost",
    "fluoroscopy time",
    "wound healing time",
    "time to mobilisation",
    "transfusion rate",
    "implant survival",
    "patient satisfaction",
    "setup time",
]
VERBS = ["reduced", "lowered", "decreased", "shortened", "improved", "increased"]
FILLER = [
    "Our team supports every site during installation and training.",
    "The system includes a tablet, two trackers and a single-use instrument kit.",
    "Complications may include infection, bleeding and implant loosening.",
    "Ask your representative for a demonstration at your hospital.",
    "Procedures were performed by surgeons with at least two years of experience.",
    "The workflow integrates with existing operating room equipment.",
    "See the instructions for use for the full list of warnings and precautions.",
    "Data were collected at twelve centres between 2021 and 2023.",
]


def make_registry(n: int, rng: random.Random) -> str:
    """A registry of n approved claims over products x endpoints, with evidence."""
    lines = ["version: 1", "claims:"]
    evidence = ["evidence:"]
    for i in range(n):
        product = PRODUCTS[i % len(PRODUCTS)]
        endpoint = ENDPOINTS[(i // len(PRODUCTS)) % len(ENDPOINTS)]
        pct = 5 + (i * 7) % 40
        setting = (
            f"cohort {i // (len(PRODUCTS) * len(ENDPOINTS))}" if i >= 160 else "a randomized trial"
        )
        lines += [
            f"  - id: C-{i:05d}",
            f"    text: {product} {rng.choice(VERBS)} {endpoint} by {pct}% in {setting}.",
            f"    evidence: [EV-{i:05d}]",
            f"    scope: {{products: [{product.lower()}]}}",
        ]
        evidence += [
            f"  - id: EV-{i:05d}",
            f'    citation: "Author {i}, et al. J Synthetic Med. 2024;{i % 50}:{i}-{i + 9}."',
            "    type: rct",
            "    date: 2024-01-01",
            f"    findings: [{{endpoint: {endpoint}, result: '-{pct}%'}}]",
        ]
    return "\n".join(lines) + "\n" + "\n".join(evidence) + "\n"


def make_draft(words: int, rng: random.Random) -> str:
    """A Markdown draft of about `words` words mixing claims and ordinary copy."""
    product = rng.choice(PRODUCTS)
    parts = [
        "---",
        "claimcheck: {audience: hcp, channel: web}",
        "---",
        f"# {product} for your practice",
        "",
    ]
    count = 0
    while count < words:
        para = []
        for _ in range(rng.randint(2, 5)):
            r = rng.random()
            if r < 0.3:
                s = (
                    f"{product} {rng.choice(VERBS)} {rng.choice(ENDPOINTS)} by "
                    f"{rng.randint(5, 45)}% compared with standard care."
                )
            elif r < 0.35:
                s = f"{product} dramatically improves {rng.choice(ENDPOINTS)} for every patient."
            else:
                s = rng.choice(FILLER)
            para.append(s)
            count += len(s.split())
        parts += [" ".join(para), ""]
    return "\n".join(parts)


def ensure_corpus(drafts: int, claims: int, words: int) -> tuple[Path, Path, int]:
    """Write (or reuse) the corpus; return its folder, the registry file and the word count."""
    folder = OUT / f"corpus-{drafts}x{words}"
    registry = OUT / f"registry-{claims}.yaml"
    rng = random.Random(42)
    OUT.mkdir(parents=True, exist_ok=True)
    if not registry.exists():
        registry.write_text(make_registry(claims, rng), encoding="utf-8")
    if not folder.exists() or len(list(folder.glob("*.md"))) != drafts:
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(drafts):
            (folder / f"draft-{i:05d}.md").write_text(make_draft(words, rng), encoding="utf-8")
    total = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.md"))
    return folder, registry, total


def main() -> None:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--drafts", type=int, default=1000)
    ap.add_argument("--claims", type=int, default=1000)
    ap.add_argument("--words", type=int, default=1000, help="words per draft")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (0 = one per core)")
    ap.add_argument(
        "--strength-model",
        type=Path,
        default=None,
        help="a trained strength model (claimcheck model train) to score strength with",
    )
    args = ap.parse_args()

    folder, registry, total = ensure_corpus(args.drafts, args.claims, args.words)
    from claimcheck import pipeline

    # Our own config, so discovery does not pick up the repository's demo claimcheck.yaml.
    config = OUT / "claimcheck.yaml"
    config.write_text(f"registry: {registry.name}\n", encoding="utf-8")
    options = pipeline.Options(
        paths=(str(folder),),
        jobs=args.jobs,
        config=config,
        cwd=OUT,
        strength_model=args.strength_model.resolve() if args.strength_model else None,
    )
    t0 = time.perf_counter()
    session = pipeline.prepare(options)
    t1 = time.perf_counter()
    report = pipeline.run(options, session)
    t2 = time.perf_counter()
    claims = sum(len(d.claims) for d in report.documents)
    errors = [d.error for d in report.documents if d.error]
    print(f"corpus: {args.drafts} drafts, {total:,} words; registry: {args.claims} claims")
    print(f"prepare (config + registry): {t1 - t0:.2f} s")
    print(
        f"check: {t2 - t1:.2f} s = {total / (t2 - t1):,.0f} words/s "
        f"({len(report.documents)} documents, {claims:,} claims judged, "
        f"{len(errors)} input errors)"
    )
    if len(report.documents) != args.drafts or errors:
        raise SystemExit("the benchmark corpus was not fully checked")
    print(f"total: {t2 - t0:.2f} s = {total / (t2 - t0):,.0f} words/s end to end")

    small = OUT / "small.md"
    small.write_text(make_draft(300, random.Random(1)), encoding="utf-8")
    t3 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "claimcheck",
            "check",
            str(small),
            "--config",
            str(config),
            "--format",
            "json",
            "--output",
            str(OUT / "small.json"),
        ],
        cwd=OUT,
        check=False,
        capture_output=True,
    )
    print(f"one small file (300 words), fresh process: {time.perf_counter() - t3:.2f} s")


if __name__ == "__main__":
    main()
