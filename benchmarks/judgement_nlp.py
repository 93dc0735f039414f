"""Measure the NLP core: segment speed, hedge detection (BioScope), claim strength (Yu et al.).

    python benchmarks/judgement_nlp.py speed
    python benchmarks/judgement_nlp.py bioscope [path]
    python benchmarks/judgement_nlp.py strength [path ...]

The datasets live in ../shared/datasets (never copied into the repo). The detector is a
rule/lexicon method, so "folds" only say which part the lexicons were tuned on: BioScope folds
are by document (crc32 of doc_id mod 10, fold 0 held out); Yu folds are stratified by label
(5 folds by position within each label, fold 4 held out).
"""

from __future__ import annotations

import csv
import json
import random
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

from claimcheck.detect import analyse
from claimcheck.model import Block, Document
from claimcheck.segment import segment, sentence_of

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets"
if not DATA.exists():
    DATA = Path("/work/shared/datasets")
BIOSCOPE = DATA / "bioscope_hedging" / "bioscope_abstracts.jsonl"
YU = [
    DATA / "claim_strength_yu2019_2020" / n
    for n in ("annotated_pubmed.csv", "annotated_eureka.csv")
]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def hedged(text: str, ignore: frozenset[str] = frozenset()) -> bool:
    """The sentence-level speculation prediction: a live hedge cue (not one of `ignore`)."""
    return any(
        c.kind == "hedge" and not c.negated and c.text.lower() not in ignore
        for c in analyse(sentence_of(text)).cues
    )


def bench_bioscope(path: str | Path = BIOSCOPE, ignore: tuple[str, ...] = ()) -> dict:
    """Sentence-level hedge P/R/F1 (uncertain class) overall and on held-out fold 0.

    `ignore` drops cue words BioScope's guidelines do not count as speculation (e.g. the
    ability "can"), to show how much of the gap is a difference of definition.
    """
    skip = frozenset(ignore)
    rows = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line]
    counts = {"all": [0, 0, 0], "heldout": [0, 0, 0]}
    for row in rows:
        pred, gold = hedged(row["text"], skip), bool(row["speculative"])
        idx = 0 if pred and gold else 1 if pred else 2 if gold else None
        if idx is None:
            continue
        counts["all"][idx] += 1
        if zlib.crc32(row["doc_id"].encode()) % 10 == 0:
            counts["heldout"][idx] += 1
    out = {
        k: dict(zip(("precision", "recall", "f1"), _prf(*v), strict=True))
        for k, v in counts.items()
    }
    out["sentences"] = len(rows)
    for k in ("all", "heldout"):
        m = out[k]
        print(
            f"bioscope {k:8s} ignore={list(ignore)} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}"
        )
    return out


def _macro_f1(pairs: list[tuple[int, int]]) -> tuple[float, dict[int, float]]:
    per = {}
    for label in range(4):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        per[label] = _prf(tp, fp, fn)[2]
    return sum(per.values()) / 4, per


def bench_strength(path: str | Path) -> dict:
    """Claim-strength macro-F1 over the 4 Yu labels: held-out fold 4 and the 5-fold average."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [(r["sentence"], int(r["label"])) for r in csv.DictReader(fh)]
    seen: Counter[int] = Counter()
    folds: dict[int, list[tuple[int, int]]] = {f: [] for f in range(5)}
    for text, gold in rows:
        fold = seen[gold] % 5
        seen[gold] += 1
        # Yu et al. label a negated relation with its class ("does not increase" = 3), so the
        # comparison uses `relation`; the product's `strength` counts it as no relationship.
        folds[fold].append((gold, analyse(sentence_of(text)).relation))
    per_fold = [_macro_f1(pairs)[0] for pairs in folds.values()]
    every = [p for pairs in folds.values() for p in pairs]
    macro, per = _macro_f1(every)
    out = {
        "rows": len(rows),
        "heldout_macro_f1": per_fold[4],
        "fold_avg_macro_f1": sum(per_fold) / 5,
        "macro_f1": macro,
        "per_class_f1": per,
        "accuracy": sum(1 for g, p in every if g == p) / len(every),
        "confusion": Counter(every),
    }
    name = Path(path).name
    print(
        f"{name}: macro-F1 held-out={out['heldout_macro_f1']:.3f} 5-fold avg="
        f"{out['fold_avg_macro_f1']:.3f} acc={out['accuracy']:.3f} per-class="
        + " ".join(f"{k}:{v:.2f}" for k, v in per.items())
    )
    return out


SYNTHETIC = [
    "ArcGuide reduces operating time by 23% compared with conventional instruments.",
    "Surgeons report approx. 2.1 days shorter hospital stay (p=0.003) vs. manual technique.",
    "The system includes a tablet, two trackers and a single-use cutting guide, e.g. for TKA.",
    "Trusted by 500 hospitals across the U.S., it may help patients recover faster.",
    "Ask your doctor whether ArcGuide is right for you.",
    "Complications may include infection, bleeding and nerve damage.",
    "Smith et al. found alignment within ±3° in 97% of cases (Fig. 2).",
    "Our navigation platform is the most accurate way to balance a knee.",
    "Request a demo and see how teams save $1,200 per procedure.",
]


def bench_speed(words: int = 1_000_000) -> dict:
    """Words per second of segment() and of analyse() on a synthetic marketing corpus."""
    rng = random.Random(1)
    blocks, count = [], 0
    while count < words:
        text = " ".join(rng.choice(SYNTHETIC) for _ in range(rng.randint(1, 6)))
        count += len(text.split())
        blocks.append(Block(text, line=2 * len(blocks) + 1))
    doc = Document("synthetic.md", "markdown", tuple(blocks), "")
    segment(Document("warm.md", "markdown", (Block("Warm up. Now."),), ""))
    start = time.perf_counter()
    sentences = segment(doc)
    seg = count / (time.perf_counter() - start)
    sample = sentences[: len(sentences) // 10]
    sample_words = sum(len(s.text.split()) for s in sample)
    start = time.perf_counter()
    for s in sample:
        analyse(s)
    det = sample_words / (time.perf_counter() - start)
    print(f"segment: {count:,} words, {len(sentences):,} sentences, {seg:,.0f} words/s")
    print(f"analyse (tokens_of + cues, cached repeats): {det:,.0f} words/s")
    return {"words": count, "segment_wps": seg, "analyse_wps": det}


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    if what in ("speed", "all"):
        bench_speed()
    if what in ("bioscope", "all"):
        path = sys.argv[2] if len(sys.argv) > 2 and what == "bioscope" else BIOSCOPE
        bench_bioscope(path)
        bench_bioscope(path, ignore=("can", "up to"))
    if what in ("strength", "all"):
        for p in sys.argv[2:] if what == "strength" and len(sys.argv) > 2 else YU:
            bench_strength(p)
