"""How good is claimcheck's judgement? Run the real pipeline on external labelled datasets.

    python benchmarks/judgement.py [--datasets DIR] [--split test|train] [--json FILE]
                                   [--parts insciout,yu,bioscope,scifact[,retrieval]
                                            [,strength-model]]

Every part goes through claimcheck's own stages (`segment.sentence_of` -> `detect.analyse` ->
`registry.match.Matcher` -> `checks.judge.judge`) on records built in memory with
`claimcheck.model`; nothing is read from or written to YAML. The datasets live outside the repo
(default ../shared/datasets from the repo root) and are never copied into it; a part whose
files are missing is reported as skipped.

Parts:
  insciout  Wright & Augenstein 2021 press-release vs abstract pairs (exaggerates / same /
            downplays), judged with every rule and with the strength rules only (CC205, CC207).
  retrieval (only when named) The same InSciOut split as a retrieval task: every abstract conclusion of the split is
            one approved claim of a single registry, every press-release conclusion a copy
            sentence; does the real Matcher find the pair's own abstract among all of them?
  yu        Yu et al. 2019/2020 claim-strength sentences (0-3), via judgement_nlp.bench_strength.
  strength-model (only when named) The optional trainable strength model (claimcheck.strength),
            Training() defaults: Yu 5-fold CV (trained per fold on both corpora pooled) next
            to the rules on the same rows, then a model trained on all Yu rows on the InSciOut
            split: strength compare (T1), the judge's strength rules on rescored claims, and
            each side's strength 0-3. Timed per sub-part, training included.
  bioscope  BioScope hedge detection, abstracts and full papers, via judgement_nlp.bench_bioscope.
  scifact   SciFact dev claim/abstract pairs: supported vs not (claimcheck does no NLI).

Tuning discipline: only insciout_train.jsonl (`--split train`) may be looked at to tune
lexicons or rules; the test split is for reporting.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import importlib.util
import io
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATASETS = (ROOT / ".." / "shared" / "datasets").resolve()
PARTS = ("insciout", "yu", "bioscope", "scifact")  # run by default
OPTIONAL_PARTS = ("retrieval", "strength-model")  # run when named in --parts

EXAGGERATION = ("exaggerates", "same", "downplays")
# The only rules whose verdicts depend on claim strength; the InSciOut labels are a
# deterministic function of the two sentences' strengths, so these are the fair comparison.
STRENGTH_RULES = ("CC205", "CC207")  # dropped-hedge, causal-overstatement

WRIGHT = "scientific_exaggeration_wright2021"
YU = "claim_strength_yu2019_2020"
BIOSCOPE = "bioscope_hedging"
SCIFACT = "scifact"

# Figures published by the dataset authors (numbers to beat). Every entry names its source.
# Wright & Augenstein 2021 (arXiv:2108.13493): their Tables 2-3 could not be retrieved from the
# stored copies available here, so no number is quoted (see docs/quality.md).
PUBLISHED: dict[str, list[dict[str, Any]]] = {
    "insciout": [],
    "yu": [
        {
            "data": "annotated_pubmed.csv",
            "system": "BioBERT, 5-fold CV (Yu et al. EMNLP 2019)",
            "macro_f1": 0.883,
            "accuracy": 0.900,
            "source": "https://github.com/junwang4/causal-language-use-in-science (README)",
        },
        {
            "data": "annotated_pubmed.csv",
            "system": "BioBERT, 5-fold CV, no augmentation (Yu et al. COLING 2020)",
            "macro_f1": 0.878,
            "accuracy": 0.895,
            "source": "https://github.com/junwang4/correlation-to-causation-exaggeration (README)",
        },
        {
            "data": "annotated_eureka.csv",
            "system": "BioBERT, 5-fold CV, with augmentation (Yu et al. COLING 2020)",
            "macro_f1": 0.892,
            "accuracy": 0.890,
            "source": "https://github.com/junwang4/correlation-to-causation-exaggeration (README)",
        },
    ],
    "bioscope": [
        {
            "data": "CoNLL-2010 Task 1 biological evaluation set (not in this folder)",
            "system": "Vlachos & Craven 2010, uncertain-class F1",
            "f1": 0.8521,
            "source": "CoNLL-2010 shared task, W10-3003 abstract (via bioscope_hedging/SOURCE.md)",
        }
    ],
    "scifact": [],
}
PUBLISHED["strength-model"] = PUBLISHED["yu"]


# --------------------------------------------------------------------------- metrics


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def binary(pairs: Sequence[tuple[Any, Any]], positive: Any) -> dict[str, float]:
    """P/R/F1 of one positive class and accuracy of the positive-vs-rest decision."""
    tp = sum(1 for g, p in pairs if g == positive and p == positive)
    fp = sum(1 for g, p in pairs if g != positive and p == positive)
    fn = sum(1 for g, p in pairs if g == positive and p != positive)
    out = prf(tp, fp, fn)
    out["accuracy"] = _ratio(
        sum(1 for g, p in pairs if (g == positive) == (p == positive)), len(pairs)
    )
    return out


def multiclass(pairs: Sequence[tuple[Any, Any]], labels: Sequence[Any]) -> dict[str, Any]:
    """Macro-P/R/F1, accuracy, per-class F1 and the confusion matrix (gold -> predicted)."""
    per = {label: binary(pairs, label) for label in labels}
    return {
        "n": len(pairs),
        "accuracy": _ratio(sum(1 for g, p in pairs if g == p), len(pairs)),
        "macro_precision": sum(m["precision"] for m in per.values()) / len(labels),
        "macro_recall": sum(m["recall"] for m in per.values()) / len(labels),
        "macro_f1": sum(m["f1"] for m in per.values()) / len(labels),
        "per_class_f1": {str(label): per[label]["f1"] for label in labels},
        "confusion": {
            str(g): {str(p): sum(1 for x in pairs if x == (g, p)) for p in labels} for g in labels
        },
    }


def majority_floor(gold: Sequence[Any], labels: Sequence[Any]) -> dict[str, Any]:
    """The trivial 'always the most frequent label' baseline."""
    top = Counter(gold).most_common(1)[0][0] if gold else labels[0]
    scores = multiclass([(g, top) for g in gold], labels)
    return {"label": str(top), "accuracy": scores["accuracy"], "macro_f1": scores["macro_f1"]}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
                if limit is not None and len(rows) >= limit:
                    break
    return rows


# --------------------------------------------------------------------------- pipeline


class Stages:
    """claimcheck's real stages, with each distinct sentence analysed once."""

    def __init__(self, as_of: date | None = None) -> None:
        from claimcheck.checks import CHECKS
        from claimcheck.model import Context, RuleSettings

        self.ctx = Context(as_of=as_of or date.today())
        self.all_rules = RuleSettings()
        self.strength_only = RuleSettings(
            disabled=frozenset(code for code in CHECKS if code not in STRENGTH_RULES)
        )
        self._claims: dict[str, Any] = {}

    def claim(self, text: str) -> Any:
        """`analyse(sentence_of(text))`, cached by text."""
        found = self._claims.get(text)
        if found is None:
            from claimcheck.detect import analyse
            from claimcheck.segment import sentence_of

            found = self._claims[text] = analyse(sentence_of(text))
        return found

    @staticmethod
    def registry(key: str, wordings: Sequence[str], evidence_type: str | None = None) -> Any:
        """A one-claim registry: approved wordings backed by one current evidence record."""
        from claimcheck.model import ApprovedClaim, Evidence, Registry

        ev = Evidence(id=f"EV-{key}", citation=f"benchmark record {key}", type=evidence_type)
        approved = ApprovedClaim(
            id=f"BENCH-{key}",
            text=wordings[0],
            variants=tuple(wordings[1:]),
            evidence=(ev.id,),
            status="approved",
            source=f"benchmark:{key}",
        )
        return Registry(claims=(approved,), evidence={ev.id: ev})

    def match(self, registry: Any, claim: Any) -> Any:
        """The real Matcher's match for this claim, or None."""
        from claimcheck.registry.match import Matcher

        return Matcher(registry).match(claim, self.ctx)

    def judge(self, claim: Any, match: Any, registry: Any, settings: Any) -> Any:
        """The real judge's ClaimResult."""
        from claimcheck.checks.judge import judge

        return judge(claim, match, registry, self.ctx, settings)


# --------------------------------------------------------------------------- parts


def bench_insciout(path: Path, limit: int | None = None) -> dict[str, Any]:
    """Exaggerates / same / downplays on press-release vs abstract pairs, through the judge."""
    from claimcheck.model import Match

    rows = _jsonl(path, limit)
    stages = Stages()
    modes = {"all_rules": stages.all_rules, "strength_only": stages.strength_only}
    preds: dict[str, list[tuple[str, str]]] = {m: [] for m in modes}
    preds["strength_compare"] = []
    rules: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    matched = forced = 0
    scores: list[float] = []
    press_strength: list[tuple[int, int]] = []
    abstract_strength: list[tuple[int, int]] = []
    for i, row in enumerate(rows):
        gold = row["exaggeration_label"]
        abstract, press = row["abstract_conclusion"], row["press_release_conclusion"]
        registry = stages.registry(f"INSCIOUT-{i}", [abstract])
        copy, approved = stages.claim(press), stages.claim(abstract)
        match = stages.match(registry, copy)
        if match is None:
            forced += 1
            match = Match(claim=registry.claims[0], score=0.0, wording=abstract)
        else:
            matched += 1
            scores.append(match.score)
        for mode, settings in modes.items():
            result = stages.judge(copy, match, registry, settings)
            if mode == "all_rules":
                verdicts[result.verdict] += 1
                rules.update({f.rule for f in result.findings})
            preds[mode].append(
                (gold, _exaggeration(result.verdict, copy.strength, approved.strength))
            )
        # What the strength classifier alone says, with no rule between it and the label (T1).
        # InSciOut's 0 is "statement of no relationship", which a negated relation is, so
        # this part uses the product's `strength` (Yu's corpora use `relation`; quality.md).
        preds["strength_compare"].append((gold, _compare(copy.strength, approved.strength)))
        if "press_release_strength" in row:
            press_strength.append((int(row["press_release_strength"]), copy.strength))
            abstract_strength.append((int(row["abstract_strength"]), approved.strength))
    gold = [g for g, _ in preds["all_rules"]]
    out: dict[str, Any] = {
        "file": path.name,
        "pairs": len(rows),
        "gold": dict(Counter(gold)),
        "matched": matched,
        "forced": forced,
        "match_rate": _ratio(matched, len(rows)),
        "mean_match_score": sum(scores) / len(scores) if scores else 0.0,
        "verdicts": dict(verdicts),
        "rules_fired": dict(rules.most_common()),
    }
    for mode, pairs in preds.items():
        out[mode] = {
            "binary_exaggerates": binary(pairs, "exaggerates"),
            "three_way": multiclass(pairs, EXAGGERATION),
        }
    out["floors"] = {
        "always_same": majority_floor(gold, EXAGGERATION)
        | {"binary_exaggerates": binary([(g, "same") for g in gold], "exaggerates")},
    }
    if press_strength:
        both = press_strength + abstract_strength
        out["strength_classifier"] = {
            "press_release": multiclass(press_strength, range(4)),
            "abstract": multiclass(abstract_strength, range(4)),
            "both": multiclass(both, range(4)),
        }
    return out


def bench_retrieval(path: Path, limit: int | None = None) -> dict[str, Any]:
    """Find each press release's own abstract among every abstract of the split (real Matcher).

    One registry holds every abstract conclusion as an approved claim (ids by row); each press
    release goes through `analyse(sentence_of(...))` and `Matcher.match` / `nearest`. A hit is
    a claim whose text is the row's own abstract (identical abstracts of two rows both count).
    The candidate figure reads the Matcher's own retrieval step (the postings of the sentence's
    rarest terms, every wording of which is scored or bounded) to tell "never retrieved" apart
    from "retrieved but outscored".
    """
    from claimcheck.model import ApprovedClaim, Evidence, Registry
    from claimcheck.registry import match as match_mod

    rows = _jsonl(path, limit)
    stages = Stages()
    ev = Evidence(id="EV-RETRIEVAL", citation="benchmark retrieval record")
    claims = tuple(
        ApprovedClaim(
            id=f"ABSTRACT-{i}",
            text=row["abstract_conclusion"],
            evidence=(ev.id,),
            status="approved",
            source=f"benchmark:{path.name}:{i}",
        )
        for i, row in enumerate(rows)
    )
    registry = Registry(claims=claims, evidence={ev.id: ev})
    start = time.perf_counter()
    matcher = match_mod.Matcher(registry)
    build = time.perf_counter() - start
    matched = correct = top1 = nearest_found = retrieved = 0
    retrieved_counts: list[int] = []
    scored_counts: list[int] = []
    scores_ok: list[float] = []
    scores_wrong: list[float] = []
    start = time.perf_counter()
    for row in rows:
        own = row["abstract_conclusion"]
        copy = stages.claim(row["press_release_conclusion"])
        match = matcher.match(copy, stages.ctx)
        retrieved_counts.append(matcher.stats.candidates)
        scored_counts.append(matcher.stats.scored)
        # The top candidate at any score (guards applied), as `claimcheck explain` lists them.
        scored = [c for c in matcher.explain(copy, stages.ctx) if not c.vetoed]
        best = max(scored, key=lambda c: c.score, default=None)
        if best is not None and registry.claim(best.claim_id).text == own:
            top1 += 1
        near = matcher.nearest(copy, stages.ctx)
        nearest_found += near is not None and near.claim.text == own
        if match is not None:
            matched += 1
            ok = match.claim.text == own
            correct += ok
            (scores_ok if ok else scores_wrong).append(match.score)
        # Is the own abstract among the candidates at all?
        features = match_mod._features(copy.sentence)
        rarest = matcher._rarest(features.weights)
        own_ids = {j for j, w in enumerate(matcher._wordings) if w.claim.text == own}
        hits: set[int] = set()
        for key in rarest:
            hits.update(matcher._postings[key])
        retrieved += bool(own_ids & hits)
    secs = time.perf_counter() - start
    n = len(rows)
    return {
        "file": path.name,
        "pairs": n,
        "registry_claims": len(claims),
        "distinct_abstracts": len({c.text for c in claims}),
        "threshold": matcher.threshold,
        "matched": matched,
        "match_rate": _ratio(matched, n),
        "correct": correct,
        "precision": _ratio(correct, matched),
        "recall": _ratio(correct, n),
        "top1": top1,
        "top1_accuracy": _ratio(top1, n),
        "nearest_correct": nearest_found,
        "own_in_postings": _ratio(retrieved, n),
        "candidates": _spread(retrieved_counts),
        "scored": _spread(scored_counts),
        "mean_score_correct": sum(scores_ok) / len(scores_ok) if scores_ok else 0.0,
        "mean_score_wrong": sum(scores_wrong) / len(scores_wrong) if scores_wrong else 0.0,
        "build_seconds": round(build, 3),
        "sentences_per_second": round(n / secs, 1) if secs else 0.0,
    }


def _spread(values: Sequence[int]) -> dict[str, float]:
    """Mean, median and max of a list of counts."""
    if not values:
        return {"mean": 0.0, "median": 0.0, "max": 0}
    ordered = sorted(values)
    return {
        "mean": sum(ordered) / len(ordered),
        "median": float(ordered[len(ordered) // 2]),
        "max": ordered[-1],
    }


def _exaggeration(verdict: str, copy_strength: int, approved_strength: int) -> str:
    """Map a verdict to the InSciOut label: overstated, else weaker wording, else the same."""
    if verdict == "overstated":
        return "exaggerates"
    if copy_strength < approved_strength:
        return "downplays"
    return "same"


def bench_scifact(path: Path, limit: int | None = None) -> dict[str, Any]:
    """SUPPORT vs not on claim/abstract pairs: every abstract sentence is an approved wording."""
    rows = _jsonl(path, limit)
    stages = Stages()
    pairs: list[tuple[str, str]] = []
    three: list[tuple[str, str]] = []
    verdicts: dict[str, Counter[str]] = {}
    matched = rationale_hits = rationale_matches = 0
    for i, row in enumerate(rows):
        gold = row["label"]
        sentences = [s for s in row["abstract"] if s.strip()]
        registry = stages.registry(f"SCIFACT-{i}", sentences)
        claim = stages.claim(row["claim"])
        match = stages.match(registry, claim)
        result = stages.judge(claim, match, registry, stages.all_rules)
        verdicts.setdefault(gold, Counter())[result.verdict] += 1
        predicted = "SUPPORT" if result.verdict == "supported" else "NOT_SUPPORT"
        pairs.append(("SUPPORT" if gold == "SUPPORT" else "NOT_SUPPORT", predicted))
        # claimcheck has no "contradicted" verdict, so the 3-way view maps every verdict but
        # supported to NOT_ENOUGH_INFO ("nothing approved backs it"); CONTRADICT is never hit.
        three.append((gold, "SUPPORT" if predicted == "SUPPORT" else "NOT_ENOUGH_INFO"))
        if match is not None:
            matched += 1
            if row.get("rationale_sentences"):
                rationale_matches += 1
                rationale_hits += match.wording in row["rationale_sentences"]
    labels3 = ("SUPPORT", "CONTRADICT", "NOT_ENOUGH_INFO")
    gold2 = [g for g, _ in pairs]
    gold3 = [g for g, _ in three]
    return {
        "file": path.name,
        "pairs": len(rows),
        "gold": dict(Counter(gold3)),
        "matched": matched,
        "match_rate": _ratio(matched, len(rows)),
        "matched_wording_is_rationale": _ratio(rationale_hits, rationale_matches),
        "verdicts_by_gold": {g: dict(c) for g, c in verdicts.items()},
        "binary_support": binary(pairs, "SUPPORT"),
        "three_way": multiclass(three, labels3),
        "floors": {
            "always_support": {
                "binary_support": binary([(g, "SUPPORT") for g in gold2], "SUPPORT"),
                "three_way": _constant(gold3, labels3, "SUPPORT"),
            },
            "always_not": {
                "binary_support": binary([(g, "NOT_SUPPORT") for g in gold2], "SUPPORT"),
            },
        },
    }


def _constant(gold: Sequence[str], labels: Sequence[str], label: str) -> dict[str, Any]:
    scores = multiclass([(g, label) for g in gold], labels)
    return {"label": label, "accuracy": scores["accuracy"], "macro_f1": scores["macro_f1"]}


def _nlp_module() -> Any:
    """benchmarks/judgement_nlp.py (a sibling script, not a package), loaded by path."""
    path = Path(__file__).with_name("judgement_nlp.py")
    spec = importlib.util.spec_from_file_location("judgement_nlp", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _quiet(fn: Callable[..., Any], *args: Any) -> Any:
    """Call a judgement_nlp function without its own progress prints (one table here)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args)


def _plain(value: Any) -> Any:
    """JSON-safe copy: tuple keys (confusion counters) become 'gold->pred' strings."""
    if isinstance(value, dict):
        return {
            ("->".join(map(str, k)) if isinstance(k, tuple) else str(k)): _plain(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def bench_yu(paths: Iterable[Path]) -> dict[str, Any]:
    """4-label claim strength on Yu et al.'s sentences, via judgement_nlp.bench_strength."""
    nlp = _nlp_module()
    out: dict[str, Any] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            gold = [int(r["label"]) for r in csv.DictReader(fh)]
        result = _plain(_quiet(nlp.bench_strength, path))
        result["floor"] = majority_floor(gold, range(4))
        out[path.name] = result
    out["protocol"] = (
        "judgement_nlp.bench_strength: rows split into 5 folds stratified by label (position "
        "within each label mod 5); fold 4 is held out from lexicon tuning. Reports held-out "
        "macro-F1, the 5-fold average and macro-F1 over all rows. The published figures are "
        "5-fold cross-validation of a fine-tuned BioBERT, so only the protocol shape matches."
    )
    return out


def bench_hedges(paths: Iterable[Path]) -> dict[str, Any]:
    """Sentence-level speculative P/R/F1 on BioScope, via judgement_nlp.bench_bioscope."""
    nlp = _nlp_module()
    out: dict[str, Any] = {}
    for path in paths:
        rows = _jsonl(path)
        rate = _ratio(sum(1 for r in rows if r["speculative"]), len(rows))
        result = _plain(_quiet(nlp.bench_bioscope, path))
        result["floor"] = {
            "always_certain_f1": 0.0,
            "always_speculative_f1": 2 * rate / (1 + rate) if rate else 0.0,
            "speculative_rate": rate,
        }
        out[path.name] = result
    out["protocol"] = (
        "judgement_nlp.bench_bioscope: predicted speculative iff analyse() finds a live hedge "
        "cue; 'heldout' = documents with crc32(doc_id) % 10 == 0, never looked at when tuning. "
        "full_papers is a cross-genre check (tuning used abstracts only)."
    )
    return out


def _strength_scores(folds: dict[int, list[tuple[int, int]]]) -> dict[str, Any]:
    """Held-out fold 4, per-fold and 5-fold mean macro-F1, and out-of-fold pooled figures."""
    from claimcheck.strength import macro_f1

    per_fold = {f: macro_f1(pairs)[0] for f, pairs in folds.items() if pairs}
    pooled = [p for f in sorted(folds) for p in folds[f]]
    held = folds.get(4) or []
    return {
        "heldout_fold4": multiclass(held, range(4)) if held else None,
        "fold_macro_f1": [per_fold.get(f) for f in sorted(folds)],
        "fold_avg_macro_f1": sum(per_fold.values()) / len(per_fold) if per_fold else None,
        "out_of_fold": multiclass(pooled, range(4)),
    }


def bench_strength_model(
    yu_paths: Sequence[Path], insciout: Path, limit: int | None = None
) -> dict[str, Any]:
    """The trainable strength model (claimcheck.strength) on Yu et al. and on InSciOut.

    1. Yu 4-label strength, 5 folds stratified by label within each corpus (strength.folds_of,
       the folds of judgement_nlp.bench_strength); fold f is predicted by a model trained on
       both corpora's rows of the other 4 folds pooled; the rules (`relation`) on the same rows.
    2. InSciOut (`insciout`): a model trained on every Yu row of both corpora; (a) the sides'
       model strengths compared directly (T1), (b) the real judge with the strength rules only
       on model-rescored claims, (c) each side's strength 0-3 against InSciOut's labels.
    Hyperparameters are `strength.Training()`'s defaults; nothing is fitted here beyond that.
    """
    from claimcheck.checks.base import CheckContext
    from claimcheck.model import Match
    from claimcheck.strength import Training, claims_of, folds_of, read_examples, train

    how = Training()
    out: dict[str, Any] = {
        "training": {
            k: getattr(how, k) for k in ("epochs", "rate", "decay", "l2", "min_count", "seed")
        },
        "protocol": {
            "hyperparameters": (
                "strength.Training() defaults, chosen on Yu fold 3 with folds 0-2 for training; "
                "never tuned on Yu fold 4 or on insciout_test"
            ),
            "yu": (
                "folds: strength.folds_of per corpus (position within each label mod 5, the folds "
                "of judgement_nlp.bench_strength); fold f of each corpus is predicted by one model "
                "trained on the rows of BOTH corpora outside fold f, pooled (PubMed rows then "
                "EurekAlert rows, file order). Held-out = fold 4 (trained on folds 0-3); 5-fold "
                "mean = mean of the per-fold macro-F1s (the published figures' shape, but BioBERT "
                "was trained per corpus); out-of-fold = all rows' fold predictions pooled. Model "
                "= StrengthModel.predict (the stated relation); rules = Claim.relation, as Yu "
                "et al. label a negated relation with its class."
            ),
            "insciout": (
                "model trained on ALL Yu rows of both corpora; InSciOut labels 0 as a statement "
                "of no relationship, so sides use `strength` (StrengthModel.rescore: a negated "
                "relation is 0), as the insciout part does. (b) judges the rescored copy with "
                "RuleSettings(strength_model=model) and CC205+CC207 only; the judge rescores "
                "approved wordings itself. Rules rows are the same rows without the model."
            ),
        },
    }

    # ---- 1. Yu cross-validation
    start = time.perf_counter()
    corpora = {p.name: read_examples(p) for p in yu_paths}
    if not corpora:
        raise FileNotFoundError("no Yu et al. corpus found: the model has nothing to train on")
    claims = {name: claims_of(s for s, _ in rows) for name, rows in corpora.items()}
    labels = {name: [label for _, label in rows] for name, rows in corpora.items()}
    fold = {name: folds_of(labels[name]) for name in corpora}
    analyse_secs = time.perf_counter() - start
    model_pairs = {name: {f: [] for f in range(5)} for name in corpora}
    rules_pairs = {name: {f: [] for f in range(5)} for name in corpora}
    train_secs: list[float] = []
    train_rows: list[int] = []
    features: list[int] = []
    for f in range(5):
        xs = [c for n in corpora for c, k in zip(claims[n], fold[n], strict=True) if k != f]
        ys = [y for n in corpora for y, k in zip(labels[n], fold[n], strict=True) if k != f]
        if not xs:
            continue
        t = time.perf_counter()
        model = train(xs, ys, how, trained_on=f"Yu folds != {f}")
        train_secs.append(round(time.perf_counter() - t, 2))
        train_rows.append(len(xs))
        features.append(len(model.weights))
        for n in corpora:
            for c, y, k in zip(claims[n], labels[n], fold[n], strict=True):
                if k == f:
                    model_pairs[n][f].append((y, model.predict(c)))
                    rules_pairs[n][f].append((y, c.relation))
    yu: dict[str, Any] = {}
    for n in corpora:
        yu[n] = {
            "rows": len(corpora[n]),
            "model": _strength_scores(model_pairs[n]),
            "rules": _strength_scores(rules_pairs[n]),
            "floor": majority_floor(labels[n], range(4)),
        }
    yu["folds"] = {"train_rows": train_rows, "train_seconds": train_secs, "features": features}
    yu["seconds"] = {
        "analyse": round(analyse_secs, 2),
        "train_total": round(sum(train_secs), 2),
        "total": round(time.perf_counter() - start, 2),
    }
    out["yu"] = yu

    # ---- 2. InSciOut with a model trained on every Yu row
    if not insciout.exists():
        out["insciout"] = {"skipped": f"not found: {insciout}"}
        return out
    start = time.perf_counter()
    every = [c for n in corpora for c in claims[n]]
    model = train(every, [y for n in corpora for y in labels[n]], how, trained_on="all Yu rows")
    trained = time.perf_counter() - start
    t = time.perf_counter()
    rows = _jsonl(insciout, limit)
    stages = Stages()
    yu_text = {_words(s) for rows_ in corpora.values() for s, _ in rows_}
    overlap = {
        s
        for row in rows
        for s in (row["press_release_conclusion"], row["abstract_conclusion"])
        if _words(s) in yu_text
    }
    # (row, press rules, press model, abstract rules, abstract model): index 1/2 = copy by
    # rules/model, +2 = the approved wording by the same system.
    sides = []
    for row in rows:
        press = stages.claim(row["press_release_conclusion"])
        abstract = stages.claim(row["abstract_conclusion"])
        sides.append((row, press, model.rescore(press), abstract, model.rescore(abstract)))
    compare: dict[str, list[tuple[str, str]]] = {"model": [], "rules": []}
    strength: dict[str, dict[str, list[tuple[int, int]]]] = {
        s: {"press_release": [], "abstract": []} for s in ("model", "rules")
    }
    for row, press, press_m, abstract, abstract_m in sides:
        gold = row["exaggeration_label"]
        for system, (c, a) in (("model", (press_m, abstract_m)), ("rules", (press, abstract))):
            compare[system].append((gold, _compare(c.strength, a.strength)))
            if "press_release_strength" in row:
                strength[system]["press_release"].append(
                    (int(row["press_release_strength"]), c.strength)
                )
                strength[system]["abstract"].append((int(row["abstract_strength"]), a.strength))
    t1_secs = time.perf_counter() - t
    t = time.perf_counter()
    judged: dict[str, Any] = {}
    model_settings = dataclasses.replace(stages.strength_only, strength_model=model)
    runs = {"rules": (stages.strength_only, 1), "model": (model_settings, 2)}
    mismatched = 0
    for system, (settings, pick) in runs.items():
        pairs: list[tuple[str, str]] = []
        matched = 0
        verdicts: Counter[str] = Counter()
        for i, entry in enumerate(sides):
            row, copy, approved = entry[0], entry[pick], entry[pick + 2]
            abstract_text = row["abstract_conclusion"]
            registry = stages.registry(f"INSCIOUT-{i}", [abstract_text])
            match = stages.match(registry, copy)
            if match is None:
                match = Match(claim=registry.claims[0], score=0.0, wording=abstract_text)
            else:
                matched += 1
            result = stages.judge(copy, match, registry, settings)
            verdicts[result.verdict] += 1
            gold = row["exaggeration_label"]
            pairs.append((gold, _exaggeration(result.verdict, copy.strength, approved.strength)))
            if system == "model":
                seen = CheckContext(registry, stages.ctx, settings).approved(abstract_text)
                mismatched += seen.strength != approved.strength
        judged[system] = {
            "matched": matched,
            "verdicts": dict(verdicts),
            "binary_exaggerates": binary(pairs, "exaggerates"),
            "three_way": multiclass(pairs, EXAGGERATION),
        }
    judge_secs = time.perf_counter() - t
    gold = [row["exaggeration_label"] for row, *_ in sides]
    result_in: dict[str, Any] = {
        "file": insciout.name,
        "pairs": len(rows),
        "gold": dict(Counter(gold)),
        "train_rows": len(every),
        "features": len(model.weights),
        "sentences_also_in_yu": len(overlap),
        "compare": {
            s: {
                "binary_exaggerates": binary(p, "exaggerates"),
                "three_way": multiclass(p, EXAGGERATION),
            }
            for s, p in compare.items()
        },
        "judge_strength_only": judged,
        "judge_rescores_approved": mismatched == 0,
        "judge_approved_mismatches": mismatched,
        "strength": {
            s: {
                side: multiclass(p, range(4))
                for side, p in (*sides_.items(), ("both", sum(sides_.values(), [])))
            }
            for s, sides_ in strength.items()
            if sides_["press_release"]
        },
        "floor": majority_floor(gold, EXAGGERATION)
        | {"binary_exaggerates": binary([(g, "same") for g in gold], "exaggerates")},
        "seconds": {
            "train": round(trained, 2),
            "analyse_rescore_compare": round(t1_secs, 2),
            "judge": round(judge_secs, 2),
            "total": round(time.perf_counter() - start, 2),
        },
    }
    out["insciout"] = result_in
    return out


def _words(text: str) -> str:
    """Lower-case letters and digits only: a sentence's identity across two corpora."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _compare(copy: int, approved: int) -> str:
    """T1: the InSciOut label the two strengths imply."""
    return "exaggerates" if copy > approved else "downplays" if copy < approved else "same"


# --------------------------------------------------------------------------- run + render


def run(
    datasets: Path = DEFAULT_DATASETS,
    split: str = "test",
    parts: Sequence[str] = PARTS,
    limit: int | None = None,
) -> dict[str, Any]:
    """Run the chosen parts; each reports its figures, its wall time, or why it was skipped."""
    datasets = Path(datasets)
    scifact_file = "pairs_dev.jsonl" if split == "test" else "pairs_train.jsonl"
    jobs: dict[str, tuple[list[Path], Callable[[], dict[str, Any]]]] = {}
    insciout = datasets / WRIGHT / f"insciout_{split}.jsonl"
    jobs["insciout"] = ([insciout], lambda: bench_insciout(insciout, limit))
    jobs["retrieval"] = ([insciout], lambda: bench_retrieval(insciout, limit))
    yu = [datasets / YU / n for n in ("annotated_pubmed.csv", "annotated_eureka.csv")]
    jobs["yu"] = (yu, lambda: bench_yu(p for p in yu if p.exists()))
    jobs["strength-model"] = (
        [*yu, insciout],
        lambda: bench_strength_model([p for p in yu if p.exists()], insciout, limit),
    )
    bio = [
        datasets / BIOSCOPE / n for n in ("bioscope_abstracts.jsonl", "bioscope_full_papers.jsonl")
    ]
    jobs["bioscope"] = (bio, lambda: bench_hedges(p for p in bio if p.exists()))
    scifact = datasets / SCIFACT / scifact_file
    jobs["scifact"] = ([scifact], lambda: bench_scifact(scifact, limit))

    table: dict[str, Any] = {
        "claimcheck": _version(),
        "datasets": str(datasets),
        "split": split,
        "as_of": date.today().isoformat(),
        "parts": {},
    }
    total = time.perf_counter()
    for name in parts:
        files, job = jobs[name]
        if not any(p.exists() for p in files):
            table["parts"][name] = {"skipped": f"not found: {', '.join(str(p) for p in files)}"}
            continue
        start = time.perf_counter()
        try:
            result = job()
        except Exception as exc:  # a broken part must not hide the others' figures
            result = {"error": f"{type(exc).__name__}: {exc}"}
        result["seconds"] = round(time.perf_counter() - start, 2)
        result["published"] = PUBLISHED.get(name, [])
        table["parts"][name] = result
    table["seconds"] = round(time.perf_counter() - total, 2)
    return table


def _version() -> str:
    try:
        from claimcheck import __version__

        return str(__version__)
    except ImportError:
        return "unknown"


def _f(x: Any) -> str:
    return f"{x:.3f}" if isinstance(x, float) else "-" if x is None else str(x)


def render(table: dict[str, Any]) -> str:
    """One plain-text (Markdown) table of every figure, then the confusion matrices."""
    lines = [
        f"claimcheck {table['claimcheck']} judgement benchmark - split={table['split']} "
        f"as_of={table['as_of']} total {table['seconds']:.1f}s",
        "",
        "| part | data | system | n | P | R | F1 | acc | secs |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    extra: list[str] = []

    def row(part: str, data: str, system: str, n: Any, m: dict[str, Any], secs: Any = "") -> None:
        p = m.get("precision", m.get("macro_precision"))
        r = m.get("recall", m.get("macro_recall"))
        f1 = m.get("f1", m.get("macro_f1"))
        lines.append(
            f"| {part} | {data} | {system} | {n} | {_f(p)} | {_f(r)} | {_f(f1)} | "
            f"{_f(m.get('accuracy'))} | {secs} |"
        )

    for name, part in table["parts"].items():
        if "skipped" in part or "error" in part:
            lines.append(f"| {name} | {part.get('skipped') or part.get('error')} | | | | | | | |")
            continue
        secs = f"{part['seconds']:.1f}"
        if name == "insciout":
            data = part["file"]
            n = part["pairs"]
            for mode, label in (
                ("all_rules", "claimcheck, all rules"),
                ("strength_only", "claimcheck, strength rules only (CC205+CC207)"),
                ("strength_compare", "analyse() strength compare, no rules (T1-style)"),
            ):
                row(
                    name,
                    data,
                    f"{label}: exaggerates vs not",
                    n,
                    part[mode]["binary_exaggerates"],
                    secs,
                )
                row(name, data, f"{label}: 3-way macro", n, part[mode]["three_way"])
                secs = ""
            floor = part["floors"]["always_same"]
            row(
                name, data, "floor: always same, exaggerates vs not", n, floor["binary_exaggerates"]
            )
            row(name, data, "floor: always same, 3-way macro", n, floor)
            for side, m in part.get("strength_classifier", {}).items():
                row(name, data, f"strength 0-3 macro ({side.replace('_', ' ')})", m["n"], m)
            extra.append(
                f"insciout: matched {part['matched']}/{part['pairs']} "
                f"(match rate {part['match_rate']:.3f}, mean score {part['mean_match_score']:.3f}); "
                f"forced Match(score=0) for {part['forced']}; verdicts {part['verdicts']}; "
                f"rules fired (pairs) {part['rules_fired']}"
            )
            for mode in ("all_rules", "strength_only", "strength_compare"):
                extra.append(
                    f"insciout {mode} confusion (gold -> predicted): "
                    f"{part[mode]['three_way']['confusion']}"
                )
        elif name == "retrieval":
            data, n = part["file"], part["pairs"]
            row(
                name,
                data,
                f"Matcher over {part['registry_claims']} abstracts: own abstract at threshold "
                f"{part['threshold']}",
                n,
                {"precision": part["precision"], "recall": part["recall"]},
                secs,
            )
            row(
                name,
                data,
                "Matcher: top-1 own abstract, any score",
                n,
                {"accuracy": part["top1_accuracy"]},
            )
            extra.append(
                f"retrieval: matched {part['matched']}/{n} (match rate {part['match_rate']:.3f}), "
                f"{part['correct']} to the own abstract (precision {part['precision']:.3f}, "
                f"recall {part['recall']:.3f}); top-1 {part['top1']}/{n} "
                f"({part['top1_accuracy']:.3f}); nearest() names the own abstract "
                f"{part['nearest_correct']}/{n}; mean score right {part['mean_score_correct']:.3f}"
                f" / wrong {part['mean_score_wrong']:.3f}"
            )
            extra.append(
                f"retrieval candidates: own abstract in the rarest-term postings "
                f"{part['own_in_postings']:.3f}; retrieved per sentence {part['candidates']}; "
                f"scored exactly {part['scored']}; index build {part['build_seconds']}s, "
                f"{part['sentences_per_second']} sentences/s"
            )
        elif name == "yu":
            for data, m in part.items():
                if not isinstance(m, dict):
                    continue
                row(
                    name,
                    data,
                    "strength 0-3 macro, all rows",
                    m["rows"],
                    {"macro_f1": m["macro_f1"], "accuracy": m["accuracy"]},
                    secs,
                )
                row(
                    name,
                    data,
                    "strength 0-3 macro, held-out fold 4",
                    "",
                    {"f1": m["heldout_macro_f1"]},
                )
                row(
                    name,
                    data,
                    "strength 0-3 macro, 5-fold average",
                    "",
                    {"f1": m["fold_avg_macro_f1"]},
                )
                row(name, data, f"floor: always {m['floor']['label']}", m["rows"], m["floor"])
                secs = ""
            extra.append(f"yu protocol: {part['protocol']}")
        elif name == "strength-model":
            _render_strength_model(part, row, extra)
        elif name == "bioscope":
            for data, m in part.items():
                if not isinstance(m, dict):
                    continue
                cross = "full_papers" in data  # every full paper is outside the tuning genre
                label = "cross-genre, all" if cross else "all"
                row(name, data, f"speculative sentences, {label}", m["sentences"], m["all"], secs)
                if not cross:
                    row(name, data, "speculative sentences, held-out docs", "", m["heldout"])
                row(
                    name,
                    data,
                    "floor: always speculative",
                    m["sentences"],
                    {"f1": m["floor"]["always_speculative_f1"]},
                )
                secs = ""
            extra.append(f"bioscope protocol: {part['protocol']}")
        elif name == "scifact":
            data, n = part["file"], part["pairs"]
            row(name, data, "claimcheck: SUPPORT vs not", n, part["binary_support"], secs)
            row(name, data, "claimcheck: 3-way macro (not supported -> NEI)", n, part["three_way"])
            row(
                name,
                data,
                "floor: always SUPPORT, SUPPORT vs not",
                n,
                part["floors"]["always_support"]["binary_support"],
            )
            row(
                name,
                data,
                "floor: always SUPPORT, 3-way macro",
                n,
                part["floors"]["always_support"]["three_way"],
            )
            row(
                name,
                data,
                "floor: never SUPPORT, SUPPORT vs not",
                n,
                part["floors"]["always_not"]["binary_support"],
            )
            extra.append(
                f"scifact: matched {part['matched']}/{n} (match rate {part['match_rate']:.3f}); "
                f"matched wording is a rationale sentence "
                f"{part['matched_wording_is_rationale']:.3f}; verdicts by gold "
                f"{part['verdicts_by_gold']}"
            )
        if name == "insciout" and not part.get("published"):
            extra.append(
                "insciout published: Wright & Augenstein 2021 (arXiv:2108.13493) Tables 2-3 not "
                "quoted - not retrievable here; see docs/quality.md"
            )
        for pub in part.get("published", []):
            fig = {k: pub[k] for k in ("macro_f1", "f1", "accuracy") if k in pub}
            row(
                name,
                pub["data"],
                f"published: {pub['system']}",
                "",
                {"f1": fig.get("macro_f1", fig.get("f1")), "accuracy": fig.get("accuracy")},
            )
            extra.append(f"source of '{pub['system']}': {pub['source']}")
    return "\n".join(lines + [""] + extra) + "\n"


def _render_strength_model(
    part: dict[str, Any], row: Callable[..., None], extra: list[str]
) -> None:
    """The strength-model part's rows (seconds column: each sub-part's time, training included)."""
    name = "strength-model"
    yu = part["yu"]
    secs: Any = f"{yu['seconds']['total']:.1f}"
    for data, m in yu.items():
        if data in ("folds", "seconds"):
            continue
        for system, label in (
            ("model", "model (CV, trained on both corpora)"),
            ("rules", "rules (relation)"),
        ):
            s = m[system]
            held = s["heldout_fold4"] or {}
            row(name, data, f"{label}: 0-3 macro, held-out fold 4", held.get("n", 0), held, secs)
            row(name, data, f"{label}: 0-3 macro, 5-fold mean", "", {"f1": s["fold_avg_macro_f1"]})
            row(
                name, data, f"{label}: 0-3 macro, out-of-fold all rows", m["rows"], s["out_of_fold"]
            )
            secs = ""
            extra.append(
                f"strength-model yu {data} {system}: per-fold macro-F1 "
                f"{[_f(x) for x in s['fold_macro_f1']]}; per-label F1 held-out "
                f"{ {k: _f(v) for k, v in held.get('per_class_f1', {}).items()} }, out-of-fold "
                f"{ {k: _f(v) for k, v in s['out_of_fold']['per_class_f1'].items()} }"
            )
        row(name, data, f"floor: always {m['floor']['label']}", m["rows"], m["floor"])
    folds = yu["folds"]
    extra.append(
        f"strength-model yu timings: analyse {yu['seconds']['analyse']}s, training per fold "
        f"{folds['train_seconds']}s (total {yu['seconds']['train_total']}s) on "
        f"{folds['train_rows']} rows, {folds['features']} features; sub-part total "
        f"{yu['seconds']['total']}s"
    )
    ins = part["insciout"]
    if "skipped" in ins:
        row(name, ins["skipped"], "", "", {})
    else:
        data, n = ins["file"], ins["pairs"]
        secs = f"{ins['seconds']['total']:.1f}"
        modes = [
            ("model", ins["compare"]["model"], "model strengths compared (T1)"),
            ("rules", ins["compare"]["rules"], "rules strengths compared (T1)"),
        ]
        for system, label in (
            ("model", "judge, CC205+CC207, model-rescored"),
            ("rules", "judge, CC205+CC207, rules"),
        ):
            modes.append((system, ins["judge_strength_only"][system], label))
        for _, m, label in modes:
            row(name, data, f"{label}: exaggerates vs not", n, m["binary_exaggerates"], secs)
            row(name, data, f"{label}: 3-way macro", n, m["three_way"])
            secs = ""
        floor = ins["floor"]
        row(name, data, "floor: always same, exaggerates vs not", n, floor["binary_exaggerates"])
        row(name, data, "floor: always same, 3-way macro", n, floor)
        for system, sides in ins["strength"].items():
            for side, m in sides.items():
                row(
                    name, data, f"{system} strength 0-3 macro ({side.replace('_', ' ')})", m["n"], m
                )
        extra.append(
            f"strength-model insciout: model trained on all {ins['train_rows']} Yu rows "
            f"({ins['features']} features); {ins['sentences_also_in_yu']} {data} sentences also "
            "occur in Yu's corpora (same words, case and punctuation aside): the model was "
            "trained on their Yu labels (SOURCE.md: 2 in the test split)"
        )
        if not ins["judge_rescores_approved"]:
            extra.append(
                f"strength-model WARNING: the judge's approved-wording strength differs from "
                f"model.rescore for {ins['judge_approved_mismatches']}/{n} abstracts"
            )
        for how, runs in (("T1 compare", ins["compare"]), ("judge", ins["judge_strength_only"])):
            for system, m in runs.items():
                if "three_way" in m:
                    extra.append(
                        f"strength-model insciout {how}, {system} confusion (gold -> predicted): "
                        f"{m['three_way']['confusion']}"
                    )
        extra.append(
            f"strength-model insciout timings: training {ins['seconds']['train']}s, analyse + "
            f"rescore + compare {ins['seconds']['analyse_rescore_compare']}s, judge (both "
            f"systems) {ins['seconds']['judge']}s; sub-part total {ins['seconds']['total']}s"
        )
    extra.append(f"strength-model training: Training() defaults {part['training']}")
    for key, text in part["protocol"].items():
        extra.append(f"strength-model protocol ({key}): {text}")
    extra.append(f"strength-model part total {part['seconds']}s")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: run the benchmark, print the table, optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--datasets",
        type=Path,
        default=DEFAULT_DATASETS,
        help="folder holding the dataset folders (default: %(default)s)",
    )
    parser.add_argument(
        "--split",
        choices=("test", "train"),
        default="test",
        help="insciout_test/pairs_dev (report) or insciout_train/pairs_train (tune)",
    )
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help="comma-separated subset of: " + ", ".join(PARTS + OPTIONAL_PARTS),
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="first N pairs of insciout/retrieval/scifact (and strength-model's InSciOut) only",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS) - set(OPTIONAL_PARTS))
    if unknown:
        parser.error(f"unknown part(s): {', '.join(unknown)}")
    table = run(args.datasets, args.split, parts, args.limit)
    sys.stdout.write(render(table))
    if args.json is not None:
        args.json.write_text(json.dumps(_plain(table), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
