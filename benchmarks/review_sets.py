"""Verdicts on realistic marketing copy: every labelled review set, scored by its score.py.

Usage: python benchmarks/review_sets.py [--claimcheck PATH] [--verbose] [SET_DIR ...]

A review set is a folder in the layout of ../shared/datasets/claimcheck_review_dev: docs/,
registry/, evidence/, gold.jsonl (one reviewer label per sentence) and runs.json (each
document's context). With no SET_DIR, the development set (../shared/datasets, when present)
and every set under benchmarks/review/ are scored. Each set is run through the real CLI by the
development set's own score.py (`--set DIR`), so every set is scored by the same definitions:
verdict accuracy, problem recall, clean lines flagged and problems passed as supported.

benchmarks/review/regulator/cases.jsonl, when present, holds statements that regulators (FDA
OPDP, FTC, ASA, PMCPA) ruled misleading and non-claims from the same materials; they are
checked with no related approved claim, so every claim must be recognised as one (any verdict)
and no non-claim may get a verdict.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEV = REPO.parent / "shared" / "datasets" / "claimcheck_review_dev"
SETS = HERE / "review"
REGULATOR = SETS / "regulator" / "cases.jsonl"


def default_sets() -> list[Path]:
    sets = [DEV] if (DEV / "gold.jsonl").is_file() else []
    if SETS.is_dir():
        sets += sorted(p for p in SETS.iterdir() if (p / "gold.jsonl").is_file())
    return sets


def score_set(claimcheck: str, folder: Path, verbose: bool) -> str:
    """The summary line of score.py on one set (its full output with --verbose)."""
    cmd = [sys.executable, str(DEV / "score.py"), claimcheck, "--set", str(folder)]
    if verbose:
        cmd.append("--verbose")
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1) or not out.stdout.strip():
        return f"{folder.name}: score.py failed: {out.stderr.strip().splitlines()[-1:]}"
    if verbose:
        print(out.stdout)
    return out.stdout.strip().splitlines()[-1]


def regulator(claimcheck: str, cases: Path, verbose: bool) -> str:
    """Claims recognised and non-claims flagged on the regulator cases, no registry match."""
    rows = [json.loads(line) for line in cases.read_text("utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        drafts = root / "drafts"
        drafts.mkdir()
        for i, row in enumerate(rows):
            (drafts / f"case-{i:04d}.md").write_text(row["text"] + "\n", "utf-8")
        registry = root / "claims.yaml"
        registry.write_text(
            "version: 1\nclaims:\n  - id: UNRELATED\n"
            "    text: Unrelated reduces nothing in particular.\n    evidence: [E1]\n"
            "    status: approved\n    scope:\n      products: [unrelated]\n",
            "utf-8",
        )
        (root / "evidence.yaml").write_text(
            "evidence:\n  - id: E1\n    citation: Unrelated.\n    type: rct\n"
            "    date: 2020-01-01\n    status: current\n",
            "utf-8",
        )
        cmd = [
            claimcheck,
            "check",
            str(drafts),
            "--registry",
            str(registry),
            "--evidence",
            str(root / "evidence.yaml"),
            "--format",
            "json",
            "--fail-on",
            "never",
            "--verbose",
            "--no-cache",
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=root, check=False)
        if out.returncode != 0:
            return f"regulator: claimcheck failed: {out.stderr.strip()[:200]}"
        report = json.loads(out.stdout)
    judged = {Path(d["path"]).stem: len(d["claims"]) for d in report["documents"]}
    claims = [(i, r) for i, r in enumerate(rows) if r.get("kind", "claim") == "claim"]
    others = [(i, r) for i, r in enumerate(rows) if r.get("kind") == "nonclaim"]
    found = [r for i, r in claims if judged.get(f"case-{i:04d}", 0)]
    flagged = [r for i, r in others if judged.get(f"case-{i:04d}", 0)]
    if verbose:
        for i, r in claims:
            if not judged.get(f"case-{i:04d}", 0):
                print(f"  missed claim: {r['text']}")
        for r in flagged:
            print(f"  flagged non-claim: {r['text']}")
    return (
        f"regulator cases: claims recognised {len(found)}/{len(claims)} = "
        f"{len(found) / max(1, len(claims)):.2f}; non-claims flagged {len(flagged)}/{len(others)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--claimcheck", default=shutil.which("claimcheck") or "claimcheck")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not (DEV / "score.py").is_file():
        print(f"review_sets: {DEV / 'score.py'} not found", file=sys.stderr)
        return 2
    claimcheck = (
        str(Path(args.claimcheck).resolve()) if Path(args.claimcheck).exists() else args.claimcheck
    )
    for folder in args.sets or default_sets():
        print(score_set(claimcheck, folder.resolve(), args.verbose), flush=True)
    if not args.sets and REGULATOR.is_file():
        print(regulator(claimcheck, REGULATOR, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
