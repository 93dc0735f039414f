"""`claimcheck model train|eval|explain`: the optional trainable claim-strength model.

Every figure is shown next to the rules' own on the same sentences (the rules' strength of a
sentence is `Claim.relation`, the label the training files use), so a user sees whether a
trained model is worth pointing `strength_model:` at.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from claimcheck.cli.options import epilog, fail, guarded
from claimcheck.errors import UsageError
from claimcheck.model import STRENGTH_NAMES
from claimcheck.pipeline import same_file
from claimcheck.strength import Training

LABELS = tuple(sorted(STRENGTH_NAMES))
# Short column heads for the confusion matrix, in label order.
SHORT = {0: "none", 1: "corr", 2: "cond", 3: "causal"}
WIDTH = max(len(n) for n in STRENGTH_NAMES.values())


@click.group(
    "model",
    epilog=epilog(
        [
            "claimcheck model train labels.csv -o strength.json",
            "claimcheck model eval strength.json heldout.csv",
        ],
        [
            (0, "see each command's --help"),
            (2, "bad data or model file, or a usage error (one line on stderr)"),
        ],
    ),
)
def model_group() -> None:
    """Train, evaluate and explain a claim-strength model (see `strength_model:` in config)."""


# --------------------------------------------------------------------------- scoring


def _scores(pairs: Sequence[tuple[int, int]]) -> dict[str, Any]:
    """Macro-F1, accuracy, per-label precision/recall/F1/support and the confusion matrix."""
    from claimcheck.strength import macro_f1

    macro, f1 = macro_f1(pairs)
    confusion = [[0] * len(LABELS) for _ in LABELS]
    for gold, pred in pairs:
        confusion[gold][pred] += 1
    per_label = {}
    for label in LABELS:
        tp = confusion[label][label]
        predicted = sum(row[label] for row in confusion)
        support = sum(confusion[label])
        per_label[STRENGTH_NAMES[label]] = {
            "precision": tp / predicted if predicted else 0.0,
            "recall": tp / support if support else 0.0,
            "f1": f1[label],
            "support": support,
        }
    return {
        "macro_f1": macro,
        "accuracy": sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0,
        "per_label": per_label,
        "confusion": confusion,
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _examples(data: Path) -> tuple[list[Any], list[int], float]:
    """The training file's sentences analysed by the rules, their labels and the seconds taken."""
    from claimcheck.strength import claims_of, read_examples

    start = time.perf_counter()
    rows = read_examples(data)
    claims = claims_of(sentence for sentence, _ in rows)
    return claims, [label for _, label in rows], time.perf_counter() - start


def _diff(model: float, rules: float) -> str:
    if model > rules:
        return f"the model beats the rules by {model - rules:+.3f} macro-F1"
    if model < rules:
        return f"the rules beat the model by {rules - model:.3f} macro-F1; keep the rules"
    return "the model and the rules tie on macro-F1"


# --------------------------------------------------------------------------- train


@model_group.command(
    "train",
    epilog=epilog(
        [
            "claimcheck model train labels.csv -o strength.json",
            "claimcheck model train labels.jsonl -o strength.json --folds 0 --epochs 30",
        ],
        [
            (0, "the model was trained and written"),
            (2, "bad data or model file, or a usage error (one line on stderr)"),
        ],
    ),
)
@click.argument("data", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="MODEL.json",
    help="Where to write the model (never the training file itself).",
)
@click.option(
    "--folds",
    type=click.IntRange(0),
    default=5,
    show_default=True,
    metavar="K",
    help="Cross-validation folds, stratified by label (0 or 1: skip cross-validation).",
)
@click.option(
    "--epochs",
    type=click.IntRange(1),
    default=Training().epochs,
    show_default=True,
    metavar="N",
    help="Passes over the data.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Shuffling seed.")
@guarded
def train_command(data: Path, output: Path, folds: int, epochs: int, seed: int) -> None:
    """Train a strength model on DATA (CSV `sentence,label` or JSONL) and write it to -o.

    Labels are 0-3 or names: none, correlational, conditional, causal. Cross-validation
    reports the model's macro-F1 next to the rules' on the same sentences; the model written
    is then trained on every row.
    """
    from claimcheck import __version__
    from claimcheck.strength import cross_validate, train

    if same_file(output, data):
        raise UsageError(f"-o {output} is the training file; write the model somewhere else")
    if not output.parent.is_dir():
        raise UsageError(f"-o {output}: directory {output.parent} does not exist")
    how = Training(epochs=epochs, seed=seed)

    claims, labels, took = _examples(data)
    click.echo(f"{len(labels)} labelled sentences in {data} (read and analysed in {took:.1f}s)")
    for label in LABELS:
        click.echo(f"  {STRENGTH_NAMES[label]:<{WIDTH}}  {labels.count(label):>6}")
    for label in LABELS:
        if label not in labels:
            click.echo(
                f"  note: no '{STRENGTH_NAMES[label]}' sentences; the model never predicts it"
            )
    rules_pairs = [(g, c.relation) for g, c in zip(labels, claims, strict=True)]

    cv: dict[str, Any] | None = None
    if folds > 1:
        if folds > len(labels):
            raise UsageError(
                f"--folds {folds} needs at least {folds} labelled sentences "
                f"({data} has {len(labels)}); use fewer folds or --folds 0"
            )
        start = time.perf_counter()
        result = cross_validate(claims, labels, folds, how, baseline=[p for _, p in rules_pairs])
        took = time.perf_counter() - start
        rules_folds = result["baseline_folds"]
        rules = _scores(rules_pairs)
        click.echo(f"\nCross-validation, {folds} folds stratified by label ({took:.1f}s):")
        click.echo(f"  {'macro-F1':<{WIDTH}}  {'model':>6}  {'rules':>6}")
        for i, (m, r) in enumerate(zip(result["folds"], rules_folds, strict=True), 1):
            click.echo(f"  {f'fold {i}':<{WIDTH}}  {m:>6.3f}  {r:>6.3f}")
        mean_rules = sum(rules_folds) / len(rules_folds) if rules_folds else 0.0
        click.echo(f"  {'mean':<{WIDTH}}  {result['mean_macro_f1']:>6.3f}  {mean_rules:>6.3f}")
        click.echo(f"  {'pooled':<{WIDTH}}  {result['macro_f1']:>6.3f}  {rules['macro_f1']:>6.3f}")
        click.echo(f"  {'F1 per label (pooled)':<{WIDTH}}")
        for label in LABELS:
            name = STRENGTH_NAMES[label]
            m, r = result["per_label_f1"][label], rules["per_label"][name]["f1"]
            click.echo(f"  {name:<{WIDTH}}  {m:>6.3f}  {r:>6.3f}")
        click.echo(
            f"  {'accuracy':<{WIDTH}}  {result['accuracy']:>6.3f}  {rules['accuracy']:>6.3f}"
        )
        click.echo(f"  -> {_diff(result['macro_f1'], rules['macro_f1'])}")
        cv = {
            "folds": folds,
            "macro_f1_per_fold": [round(x, 4) for x in result["folds"]],
            "mean_macro_f1": round(result["mean_macro_f1"], 4),
            "macro_f1": round(result["macro_f1"], 4),
            "per_label_f1": {
                STRENGTH_NAMES[k]: round(v, 4) for k, v in result["per_label_f1"].items()
            },
            "accuracy": round(result["accuracy"], 4),
            "rules_macro_f1": round(rules["macro_f1"], 4),
            "rules_mean_macro_f1": round(mean_rules, 4),
            "rules_accuracy": round(rules["accuracy"], 4),
        }
    else:
        click.echo("\nCross-validation skipped (--folds 0 or 1).")

    start = time.perf_counter()
    model = train(
        claims,
        labels,
        how,
        data={"file": data.name, "sha256": _sha256(data), "rows": len(labels)},
        date=date.today().isoformat(),
        cross_validation=cv,
        claimcheck_version=__version__,
    )
    took = time.perf_counter() - start
    try:
        model.save(output)
    except OSError as exc:
        fail(f"{output}: cannot write the model: {exc.strerror or exc}")
    click.echo(
        f"\nTrained on all {len(labels)} sentences, {how.epochs} epochs, "
        f"{model.meta['features']} features ({took:.1f}s)"
    )
    click.echo(f"Wrote {output} (sha256 {_sha256(output)})")


# --------------------------------------------------------------------------- eval


def _table(name: str, scores: dict[str, Any]) -> list[str]:
    lines = [
        f"{name}: macro-F1 {scores['macro_f1']:.3f}, accuracy {scores['accuracy']:.3f}",
        f"  {'':<{WIDTH}}  {'P':>6}  {'R':>6}  {'F1':>6}  {'n':>5}",
    ]
    for label, s in scores["per_label"].items():
        lines.append(
            f"  {label:<{WIDTH}}  {s['precision']:>6.3f}  {s['recall']:>6.3f}  "
            f"{s['f1']:>6.3f}  {s['support']:>5}"
        )
    lines.append("  confusion (rows: gold label, columns: predicted)")
    lines.append(f"  {'':<{WIDTH}}  " + "  ".join(f"{SHORT[k]:>6}" for k in LABELS))
    for label, row in zip(LABELS, scores["confusion"], strict=True):
        lines.append(f"  {STRENGTH_NAMES[label]:<{WIDTH}}  " + "  ".join(f"{x:>6}" for x in row))
    return lines


@model_group.command(
    "eval",
    epilog=epilog(
        ["claimcheck model eval strength.json heldout.csv --format json"],
        [
            (0, "the scores were printed"),
            (2, "bad data or model file, or a usage error (one line on stderr)"),
        ],
    ),
)
@click.argument("model_path", metavar="MODEL", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("data", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@guarded
def eval_command(model_path: Path, data: Path, fmt: str) -> None:
    """Score MODEL and the rules alone on the labelled sentences in DATA."""
    from claimcheck.strength import load_model

    model = load_model(model_path)
    claims, labels, took = _examples(data)
    start = time.perf_counter()
    model_scores = _scores([(g, model.predict(c)) for g, c in zip(labels, claims, strict=True)])
    rules_scores = _scores([(g, c.relation) for g, c in zip(labels, claims, strict=True)])
    took += time.perf_counter() - start
    if fmt == "json":
        out = {
            "labels": [STRENGTH_NAMES[k] for k in LABELS],
            "data": {"path": str(data), "rows": len(labels), "sha256": _sha256(data)},
            "model": {"path": str(model_path), "sha256": model.sha256, **model_scores},
            "rules": rules_scores,
        }
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(f"{model_path} on {data}: {len(labels)} labelled sentences ({took:.1f}s)")
    click.echo()
    for line in _table("model", model_scores):
        click.echo(line)
    click.echo()
    for line in _table("rules", rules_scores):
        click.echo(line)
    click.echo()
    click.echo(_diff(model_scores["macro_f1"], rules_scores["macro_f1"]))


# --------------------------------------------------------------------------- explain


def _strength(strength: int, relation: int) -> str:
    name = STRENGTH_NAMES[strength]
    return f"{name} (negated {STRENGTH_NAMES[relation]})" if relation > strength else name


@model_group.command(
    "explain",
    epilog=epilog(
        ['claimcheck model explain strength.json "Drug X may reduce pain."'],
        [
            (0, "the strengths were printed"),
            (2, "bad data or model file, or a usage error (one line on stderr)"),
        ],
    ),
)
@click.argument("model_path", metavar="MODEL", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("sentences", metavar="SENTENCE...", nargs=-1, required=True)
@click.option(
    "--top",
    type=click.IntRange(1),
    default=3,
    show_default=True,
    metavar="N",
    help="How many of the words that pushed the strength to show.",
)
@guarded
def explain_command(model_path: Path, sentences: tuple[str, ...], top: int) -> None:
    """Show the model's and the rules' strength of each SENTENCE and the words behind it."""
    from claimcheck.strength import claims_of, load_model

    model = load_model(model_path)
    for i, claim in enumerate(claims_of(sentences)):
        rescored = model.rescore(claim)
        text = claim.sentence.text
        if i:
            click.echo()
        click.echo(f'"{text}"')
        click.echo(f"  model: {_strength(rescored.strength, rescored.relation)}")
        click.echo(f"  rules: {_strength(claim.strength, claim.relation)}")
        why = model.explain(claim, rescored.relation, n=top)
        if not why:
            click.echo("  no word in the sentence pushed it (the model's prior decided)")
            continue
        negated = " (which the sentence negates)" if rescored.strength < rescored.relation else ""
        click.echo(f"  words that pushed it to {STRENGTH_NAMES[rescored.relation]}{negated}:")
        for f in why:
            w = model.weights[f.name]
            push = w[rescored.relation] - sum(w) / len(w)
            click.echo(f'    "{text[f.start : f.end]}"  {push:+.2f}  ({f.name})')
