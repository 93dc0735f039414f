"""Speed of the real `claimcheck check` command, side by side with write-good and proselint.

    python benchmarks/throughput.py [--parts drafts,cold,memory,pdf,stages,scale] [--runs 3]
        [--jobs 2] [--drafts 1000 --claims 1000 --words 1000] [--pdfs 200]
        [--write-good PATH] [--proselint PATH] [--before PATH] [--json FILE]

Parts (benchmarks/speed/): `drafts` times the first run and the result-cache re-run of
1,000 generated Markdown drafts against write-good and proselint on the same files; `cold`
measures the CPU time of one small draft in a fresh process (no cache, index cache warm,
re-run); `memory` the peak memory of the 1,000-draft run with --format json; `pdf` a PDF
corpus against the pypdf extract_text floor; `stages` times each stage of one process on 100
drafts (where the time goes); `scale` runs the drafts against a registry ten times larger
that holds theirs, times both and compares each sentence's matched claim. Every other figure
is whole-process, the median of `--runs` interleaved runs. The linters are optional (found
on PATH or given by path): install them outside claimcheck's venv, e.g. `python -m venv
/tmp/pl && /tmp/pl/bin/pip install proselint` and `npm install --prefix /tmp/wg write-good`
(then /tmp/wg/node_modules/.bin/). `--before` names another build's `claimcheck`
executable (e.g. an older commit's venv): the `drafts` part then times its first run in the
same interleaved rounds and prints after / before.

The corpus is written to benchmarks/out/ (git-ignored) and reused; drafts and registry come
from separate seeds (speed/corpus.py), so neither depends on the other's files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import cold, drafts, memory, pdf, scale, stages  # noqa: E402
from speed.bench import Bench  # noqa: E402

PARTS = {
    "drafts": drafts.run,
    "cold": cold.run,
    "memory": memory.run,
    "pdf": pdf.run,
    "stages": stages.run,
    "scale": scale.run,
}
OUT = Path(__file__).resolve().parent / "out"


def main(argv: list[str] | None = None) -> int:
    """Run the parts asked for and print their tables."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--parts", default=",".join(PARTS), help="comma-separated: " + ", ".join(PARTS))
    ap.add_argument("--runs", type=int, default=3, help="interleaved runs per variant")
    ap.add_argument("--jobs", type=int, default=2, help="claimcheck workers / linter processes")
    ap.add_argument("--drafts", type=int, default=1000)
    ap.add_argument("--claims", type=int, default=1000, help="claims in the registry")
    ap.add_argument("--words", type=int, default=1000, help="words per draft")
    ap.add_argument("--pdfs", type=int, default=200)
    ap.add_argument("--write-good", dest="write_good", help="the write-good executable")
    ap.add_argument("--proselint", help="the proselint executable")
    ap.add_argument("--before", help="another build's claimcheck executable, timed beside this one")
    ap.add_argument("--out", type=Path, default=OUT, help="where the corpus and caches go")
    ap.add_argument("--json", type=Path, help="also write the medians to this file")
    args = ap.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        ap.error(f"unknown part(s): {', '.join(unknown)}")
    bench = Bench(
        out=args.out.resolve(),
        runs=args.runs,
        jobs=args.jobs,
        drafts=args.drafts,
        claims=args.claims,
        words=args.words,
        pdfs=args.pdfs,
        proselint=args.proselint,
        write_good=args.write_good,
        before=args.before,
    )
    results = {part: PARTS[part](bench) for part in parts}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
