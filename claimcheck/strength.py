"""A trainable claim-strength model: a linear classifier over words and the detector's cues.

The rules in `claimcheck.detect` give every sentence a claim strength (0 no relationship,
1 correlational, 2 conditional causal, 3 causal). An organisation that has labelled its own
sentences can train a `StrengthModel` on them (`claimcheck model train`) and point
`strength_model:` in the config at the file. The model then re-scores the strength of copy and
of approved wordings alike; claim detection, hedges, negation and every other rule stay
rule-based.

The model is multinomial logistic regression over named features: lemma unigrams and bigrams
plus what the rules found (their strength, each cue's kind and word, negation and hedge
scope). Every feature is a word or a rule a reviewer can read, so a verdict can name the words
that pushed the sentence to its strength (`StrengthModel.explain`). It trains in seconds on
CPU with numpy, and predicts with dictionary lookups.

No model ships with claimcheck: the public strength corpora (Yu et al. 2019/2020) carry no
licence that allows redistributing a model derived from them. `benchmarks/judgement.py`
measures what one trained on them reaches.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from claimcheck.errors import ClaimcheckError, about, shown
from claimcheck.model import STRENGTH_NAMES, Claim, Cue
from claimcheck.safeio import read_regular, why

FORMAT = "claimcheck-strength-model"
VERSION = 1
LABELS = (0, 1, 2, 3)
# Label words accepted in training files, besides the digits 0-3.
LABEL_NAMES = {
    "none": 0,
    "no relationship": 0,
    "correlational": 1,
    "conditional": 2,
    "conditional causal": 2,
    "causal": 3,
    "direct causal": 3,
}
CUE_KIND = "strength"  # the cue kind that carries the model's explanation
# Words a model may weigh but an explanation never names on their own: they carry no claim.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "as",
        "with",
        "and",
        "or",
        "but",
        "than",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "our",
        "your",
        "his",
        "her",
        "they",
        "we",
        "you",
        "he",
        "she",
        "i",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "which",
        "who",
        "whom",
        "whose",
        "there",
        "here",
    ]
)


class ModelError(ClaimcheckError):
    """A strength-model or training file that cannot be used."""

    kind = "model error"


# --------------------------------------------------------------------------- features


@dataclass(frozen=True, slots=True)
class Feature:
    """One named feature of a sentence and the span of the words it stands for."""

    name: str
    start: int
    end: int


def features(claim: Claim) -> list[Feature]:
    """The model's features of an analysed sentence: words, word pairs and the rules' cues."""
    from claimcheck.detect import tokens_of

    words = [t for t in tokens_of(claim.sentence) if not t.is_punct]
    lemmas = [(t.lemma or t.lower).lower() for t in words]
    out = [Feature("bias", 0, 0)]
    for i, (tok, lemma) in enumerate(zip(words, lemmas, strict=True)):
        out.append(Feature(f"word:{lemma}", tok.start, tok.end))
        if i + 1 < len(words):
            out.append(Feature(f"pair:{lemma} {lemmas[i + 1]}", tok.start, words[i + 1].end))
    out.append(Feature(f"rule:relation={claim.relation}", 0, 0))
    out.append(Feature(f"rule:strength={claim.strength}", 0, 0))
    for cue in claim.cues:
        scope = f"{'negated ' if cue.negated else ''}{'hedged ' if cue.hedged else ''}"
        # The kind alone is a rule, not words: it has no span, so `explain` never names it.
        out.append(Feature(f"cue:{scope}{cue.kind}", 0, 0))
        out.append(Feature(f"cue:{scope}{cue.kind}:{cue.text.lower()}", cue.start, cue.end))
    return out


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True, slots=True, eq=False)
class StrengthModel:
    """Weights per feature and label; `meta` says what it was trained on (hashed by identity)."""

    weights: dict[str, tuple[float, ...]]
    meta: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    sha256: str | None = None  # of the file it was loaded from

    def scores(self, claim: Claim) -> list[float]:
        """One score per label (higher is likelier)."""
        return self._scores(features(claim))

    def predict(self, claim: Claim) -> int:
        """The likeliest strength label, 0-3 (the lower label wins a tie)."""
        return _best(self.scores(claim))

    def explain(self, claim: Claim, label: int | None = None, n: int = 3) -> list[Feature]:
        """The sentence's word features that pushed hardest towards `label` (default: predicted).

        A feature's push is its weight for the label minus its mean weight over the labels;
        only features with a span in the sentence (words, pairs, cues) are returned, never a
        function word on its own ("the", "of").
        """
        feats = features(claim)
        return self._explain(feats, _best(self._scores(feats)) if label is None else label, n)

    def rescore(self, claim: Claim) -> Claim:
        """The claim with the model's strength, and its top words as a `strength` cue.

        The model predicts the relation the sentence states (as its training labels do); a
        relation the rules found negated ("did not reduce") still states no relationship.
        """
        feats = features(claim)
        relation = _best(self._scores(feats))
        cues = claim.cues
        for f in self._explain(feats, relation, 1):
            cue = Cue(
                CUE_KIND,
                claim.sentence.text[f.start : f.end],
                f.start,
                f.end,
                rule="strength-model",
                value=STRENGTH_NAMES[relation],
            )
            cues = tuple(sorted((*cues, cue), key=lambda c: (c.start, c.end)))
        strength = 0 if claim.negated else relation
        return replace(claim, strength=strength, relation=relation, cues=cues)

    def _scores(self, feats: Iterable[Feature]) -> list[float]:
        total = [0.0] * len(LABELS)
        for f in feats:
            w = self.weights.get(f.name)
            if w is not None:
                for i, x in enumerate(w):
                    total[i] += x
        return total

    def _explain(self, feats: Iterable[Feature], label: int, n: int) -> list[Feature]:
        pushes: dict[tuple[int, int], tuple[float, Feature]] = {}
        for f in feats:
            w = self.weights.get(f.name)
            if w is None or f.end <= f.start or _function_only(f.name):
                continue
            push = w[label] - sum(w) / len(w)
            key = (f.start, f.end)
            if push > 0 and (key not in pushes or push > pushes[key][0]):
                pushes[key] = (push, f)
        ranked = sorted(pushes.values(), key=lambda pf: (-pf[0], pf[1].start))
        return [f for _, f in ranked[:n]]

    # ------------------------------------------------------------------ files

    def to_json(self) -> dict[str, Any]:
        """The model as the JSON object `save` writes."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "labels": [STRENGTH_NAMES[label] for label in LABELS],
            "meta": self.meta,
            "weights": {k: list(v) for k, v in sorted(self.weights.items())},
        }

    def save(self, path: str | Path) -> None:
        """Write the model as JSON (UTF-8, one feature per line, stable order)."""
        data = self.to_json()
        weights = data.pop("weights")
        head = json.dumps(data, indent=2, sort_keys=True)[:-2]
        lines = [f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in weights.items()]
        body = ",\n".join(lines)
        from claimcheck.atomic import write_text

        write_text(Path(path), f'{head},\n "weights": {{\n{body}\n }}\n}}\n')


def _best(scores: Sequence[float]) -> int:
    """The label with the highest score; the lower label wins a tie."""
    return max(LABELS, key=lambda label: (scores[label], -label))


def _function_only(name: str) -> bool:
    """True for a word or word-pair feature made only of function words ("word:the")."""
    kind, _, words = name.partition(":")
    return kind in ("word", "pair") and all(w in FUNCTION_WORDS for w in words.split())


def load_model(path: str | Path) -> StrengthModel:
    """Read a model file written by `StrengthModel.save`; a bad file raises ModelError."""
    with about(str(path)):
        return _load_model(Path(path))


def _load_model(p: Path) -> StrengthModel:
    try:
        raw = read_regular(p, 512 << 20)
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise ModelError("strength model not found", str(p)) from None
    except OSError as exc:
        raise ModelError(f"cannot read strength model: {why(exc)}", str(p)) from None
    except UnicodeDecodeError as exc:
        raise ModelError(f"cannot read strength model: {exc}", str(p)) from None
    except json.JSONDecodeError as exc:
        raise ModelError(
            f"not a strength model (invalid JSON: {exc.msg})", str(p), exc.lineno
        ) from None
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise ModelError("not a strength model (a number in it is too long)", str(p)) from None
    except RecursionError:
        raise ModelError("not a strength model (nested too deeply)", str(p)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f"not a strength model (no 'format: {FORMAT}')", str(p))
    if data.get("version") != VERSION:
        raise ModelError(
            f"strength model version {shown(data.get('version'))} is not supported "
            f"(this claimcheck reads version {VERSION})",
            str(p),
        )
    weights = data.get("weights")
    if not isinstance(weights, dict) or not weights:
        raise ModelError("strength model has no weights", str(p))
    out: dict[str, tuple[float, ...]] = {}
    for name, w in weights.items():
        if (
            not isinstance(w, list)
            or len(w) != len(LABELS)
            or not all(isinstance(x, int | float) and math.isfinite(x) for x in w)
        ):
            raise ModelError(
                f"weights of feature {shown(name)} must be {len(LABELS)} finite numbers", str(p)
            )
        out[name] = tuple(float(x) for x in w)
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    return StrengthModel(out, meta, str(p), hashlib.sha256(raw).hexdigest())


# --------------------------------------------------------------------------- training


def read_examples(path: str | Path) -> list[tuple[str, int]]:
    """Labelled sentences from CSV (columns `sentence`, `label`) or JSONL (same keys).

    A label is 0-3 or a name ("none", "correlational", "conditional", "causal"). Raises
    ModelError naming the file and line of the first bad row.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ModelError("training file not found", str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"cannot read training file: {exc}", str(p)) from None
    rows: list[tuple[int, dict[str, Any]]] = []
    if p.suffix.lower() in (".jsonl", ".ndjson"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ModelError(f"invalid JSON: {exc.msg}", str(p), n) from None
            if not isinstance(row, dict):
                raise ModelError("each line must be a JSON object", str(p), n)
            rows.append((n, row))
    else:
        reader = csv.DictReader(text.splitlines())
        if not reader.fieldnames or not {"sentence", "label"} <= set(reader.fieldnames):
            raise ModelError("a training CSV needs the columns 'sentence' and 'label'", str(p), 1)
        rows = [(reader.line_num, row) for row in reader]
    out = []
    for n, row in rows:
        sentence, label = row.get("sentence"), _label(row.get("label"))
        if not isinstance(sentence, str) or not sentence.strip():
            raise ModelError("row has no sentence", str(p), n)
        if label is None:
            raise ModelError(
                f"label {shown(row.get('label'))} is not 0-3 or one of "
                + ", ".join(sorted(LABEL_NAMES)),
                str(p),
                n,
            )
        out.append((sentence, label))
    if not out:
        raise ModelError("training file has no labelled sentences", str(p))
    return out


def _label(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value in LABELS else None
    if isinstance(value, str):
        v = value.strip().lower()
        if v.isdigit():
            return int(v) if int(v) in LABELS else None
        return LABEL_NAMES.get(v)
    return None


def claims_of(sentences: Iterable[str]) -> list[Claim]:
    """Each sentence analysed by the rules, as the model sees it."""
    from claimcheck.detect import analyse
    from claimcheck.segment import sentence_of

    return [analyse(sentence_of(s)) for s in sentences]


@dataclass(frozen=True, slots=True)
class Training:
    """How to train: passes over the data, learning rate and its decay, L2, feature pruning."""

    epochs: int = 50
    rate: float = 0.05
    decay: float = 0.95
    l2: float = 0.0
    min_count: int = 2
    seed: int = 0


def train(
    claims: Sequence[Claim], labels: Sequence[int], how: Training = Training(), **meta: Any
) -> StrengthModel:
    """Fit the model by stochastic gradient descent on the softmax loss.

    Deterministic for a given input order and `how.seed`. Features seen fewer than
    `how.min_count` times are dropped.
    """
    import numpy as np

    if len(claims) != len(labels) or not claims:
        raise ValueError("train needs one label per claim and at least one claim")
    names = [sorted({f.name for f in features(c)}) for c in claims]
    counts = Counter(n for row in names for n in row)
    vocab = {n: i for i, n in enumerate(sorted(k for k, v in counts.items() if v >= how.min_count))}
    vocab.setdefault("bias", len(vocab))
    rows = [np.array([vocab[n] for n in row if n in vocab], dtype=np.int64) for row in names]
    y = np.asarray(labels, dtype=np.int64)
    w = np.zeros((len(vocab), len(LABELS)))
    rng = np.random.default_rng(how.seed)
    rate = how.rate
    for _ in range(how.epochs):
        for i in rng.permutation(len(rows)):
            idx = rows[i]
            z = w[idx].sum(axis=0)
            z = np.exp(z - z.max())
            grad = z / z.sum()
            grad[y[i]] -= 1.0
            if how.l2:
                w[idx] *= 1.0 - rate * how.l2
            w[idx] -= rate * grad
        rate *= how.decay
    weights = {
        n: tuple(round(float(x), 5) for x in w[i])
        for n, i in vocab.items()
        if np.any(np.abs(w[i]) >= 5e-6)
    }
    meta = {
        "examples": len(claims),
        "label_counts": {STRENGTH_NAMES[k]: int(v) for k, v in sorted(Counter(labels).items())},
        "features": len(weights),
        "training": {
            "epochs": how.epochs,
            "rate": how.rate,
            "decay": how.decay,
            "l2": how.l2,
            "min_count": how.min_count,
            "seed": how.seed,
        },
        **meta,
    }
    return StrengthModel(weights, meta)


def folds_of(labels: Sequence[int], k: int = 5) -> list[int]:
    """Each example's fold, stratified by label: its position within its label, mod k."""
    seen: Counter[int] = Counter()
    out = []
    for label in labels:
        out.append(seen[label] % k)
        seen[label] += 1
    return out


def macro_f1(pairs: Sequence[tuple[int, int]]) -> tuple[float, dict[int, float]]:
    """Macro-F1 over the four labels of (gold, predicted) pairs, and F1 per label."""
    per = {}
    for label in LABELS:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        per[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return sum(per.values()) / len(LABELS), per


def cross_validate(
    claims: Sequence[Claim],
    labels: Sequence[int],
    k: int = 5,
    how: Training = Training(),
    baseline: Sequence[int] | None = None,
) -> dict[str, Any]:
    """k-fold cross-validated macro-F1 (folds stratified by label), per fold and pooled.

    `baseline` (another system's label for each claim, e.g. the rules') is scored on the same
    folds, as `baseline_folds`.
    """
    fold = folds_of(labels, k)
    per_fold, base_folds, pooled = [], [], []
    for f in range(k):
        train_idx = [i for i in range(len(claims)) if fold[i] != f]
        test_idx = [i for i in range(len(claims)) if fold[i] == f]
        if not test_idx or not train_idx:
            continue
        model = train([claims[i] for i in train_idx], [labels[i] for i in train_idx], how)
        pairs = [(labels[i], model.predict(claims[i])) for i in test_idx]
        per_fold.append(macro_f1(pairs)[0])
        pooled.extend(pairs)
        if baseline is not None:
            base_folds.append(macro_f1([(labels[i], baseline[i]) for i in test_idx])[0])
    macro, per = macro_f1(pooled)
    out = {
        "folds": per_fold,
        "mean_macro_f1": sum(per_fold) / len(per_fold) if per_fold else 0.0,
        "macro_f1": macro,
        "per_label_f1": per,
        "accuracy": sum(1 for g, p in pooled if g == p) / len(pooled) if pooled else 0.0,
    }
    if baseline is not None:
        out["baseline_folds"] = base_folds
    return out
