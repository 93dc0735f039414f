"""`claimcheck model train|eval|explain` end to end through click's CliRunner.

The training data is written here: 48 short sentences, 12 per strength label, built on the
patterns the labels stand for (measured in / associated with / may reduce / reduces).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.model import STRENGTH_NAMES
from claimcheck.strength import claims_of, load_model, macro_f1

SENTENCES = {
    0: [
        "Operative time was measured in 40 patients.",
        "The trial enrolled 120 adults with knee osteoarthritis.",
        "Participants completed a questionnaire at baseline and at six weeks.",
        "Blood pressure was recorded every morning for two weeks.",
        "The study population included 300 women aged 40 to 65.",
        "Patients were randomised to ArcGuide or conventional instruments.",
        "Follow-up visits took place at three and twelve months.",
        "Data were collected from four hospitals in Germany.",
        "Mean age of the cohort was 62 years.",
        "Surgeons recorded blood loss after each procedure.",
        "The device is available in three sizes.",
        "Serum vitamin D levels were assessed in 250 children.",
    ],
    1: [
        "Higher coffee intake was associated with lower risk of liver disease.",
        "Daily walking was linked to better sleep quality.",
        "Vitamin D levels correlated with bone density in older women.",
        "Use of ArcGuide was associated with shorter operative time.",
        "Obesity was associated with a higher rate of wound infection.",
        "Smoking was linked to slower fracture healing.",
        "Statin use was associated with fewer cardiac events.",
        "Low income was correlated with poorer adherence.",
        "Screen time was associated with more headaches in teenagers.",
        "Early mobilisation was linked with shorter hospital stays.",
        "Higher fibre intake was associated with lower cholesterol.",
        "Poor sleep was correlated with higher pain scores.",
    ],
    2: [
        "Aspirin may reduce the risk of stroke.",
        "ArcGuide might shorten operative time.",
        "Regular exercise could improve sleep quality.",
        "Vitamin D may prevent fractures in older women.",
        "The new dressing may lower infection rates.",
        "Early mobilisation might reduce hospital stay.",
        "Green tea could lower blood pressure.",
        "Statins may prevent heart attacks in high-risk patients.",
        "The app may improve adherence to medication.",
        "Physiotherapy might speed recovery after surgery.",
        "Fibre supplements could reduce cholesterol.",
        "Cooling caps may prevent hair loss during chemotherapy.",
    ],
    3: [
        "Aspirin reduces the risk of stroke.",
        "ArcGuide shortens operative time.",
        "Regular exercise improves sleep quality.",
        "Vitamin D prevents fractures in older women.",
        "The new dressing lowers infection rates.",
        "Early mobilisation reduces hospital stay.",
        "Smoking causes lung cancer.",
        "Statins prevent heart attacks.",
        "The app improves adherence to medication.",
        "Physiotherapy speeds recovery after surgery.",
        "High salt intake raises blood pressure.",
        "Cooling caps prevent hair loss during chemotherapy.",
    ],
}
ROWS = [(s, label) for label, group in SENTENCES.items() for s in group]
NAMES = {0: "none", 1: "correlational", 2: "conditional", 3: "causal"}


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr (never a traceback)."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def write_csv(path: Path, rows: list[tuple[str, object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["sentence", "label"])
        out.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[tuple[str, object]]) -> Path:
    lines = [json.dumps({"sentence": s, "label": label}) for s, label in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_one_line_error(code: int, out: str, err: str, *needles: str) -> None:
    assert code == 2
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("claimcheck: error: ")
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """train.csv, the model trained on it with 2-fold cross-validation, and train's output."""
    root = tmp_path_factory.mktemp("model")
    data = write_csv(root / "train.csv", ROWS)
    model = root / "strength.json"
    code, out, err = run("model", "train", data, "-o", model, "--folds", "2", "--seed", "3")
    assert code == 0, err
    return data, model, out


def test_train_reports_counts_folds_and_the_rules_and_writes_a_loadable_model(trained):
    data, model_path, out = trained
    for label, name in STRENGTH_NAMES.items():
        assert re.search(rf"^  {name} +{len(SENTENCES[label])}$", out, re.M), out
    assert re.search(r"^  +macro-F1 +model +rules$", out, re.M)
    assert re.search(r"^  fold 1 +[01]\.\d{3} +[01]\.\d{3}$", out, re.M)
    assert re.search(r"^  fold 2 +[01]\.\d{3} +[01]\.\d{3}$", out, re.M)
    assert not re.search(r"^  fold 3 ", out, re.M)
    # The rules column is the rules' own macro-F1 on the same sentences (Claim.relation).
    claims = claims_of(s for s, _ in ROWS)
    rules = macro_f1([(label, c.relation) for (_, label), c in zip(ROWS, claims, strict=True)])[0]
    assert re.search(rf"^  pooled +[01]\.\d{{3}} +{rules:.3f}$", out, re.M), out
    assert re.search(r"^  accuracy +[01]\.\d{3} +[01]\.\d{3}$", out, re.M)
    assert re.search(r"the (model beats the rules|rules beat the model|model and)", out)
    assert re.search(r"\(\d+\.\ds\)", out)  # timings
    # The same sha256 the JSON and audit reports give for the model file.
    assert (
        f"Wrote {model_path} (sha256 {hashlib.sha256(model_path.read_bytes()).hexdigest()})" in out
    )

    model = load_model(model_path)
    meta = model.meta
    assert meta["data"] == {
        "file": "train.csv",
        "sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
        "rows": len(ROWS),
    }
    assert meta["date"] == date.today().isoformat()
    assert meta["claimcheck_version"]
    assert meta["training"]["seed"] == 3
    cv = meta["cross_validation"]
    assert cv["folds"] == 2 and len(cv["macro_f1_per_fold"]) == 2
    assert cv["rules_macro_f1"] == round(rules, 4)
    assert set(cv["per_label_f1"]) == set(STRENGTH_NAMES.values())
    # The model learned the patterns: a fresh hedged sentence is conditional causal.
    (claim,) = claims_of(["Coffee might lower blood pressure."])
    assert model.predict(claim) == 2


def test_train_reads_jsonl_with_label_names_and_can_skip_cross_validation(tmp_path):
    data = write_jsonl(tmp_path / "train.jsonl", [(s, NAMES[label]) for s, label in ROWS])
    model = tmp_path / "m.json"
    code, out, err = run("model", "train", data, "-o", model, "--folds", "0", "--epochs", "5")
    assert code == 0, err
    assert "Cross-validation skipped" in out
    assert "fold 1" not in out
    meta = load_model(model).meta
    assert meta["cross_validation"] is None
    assert meta["training"]["epochs"] == 5
    assert meta["label_counts"]["causal"] == 12


def test_eval_shows_figures_for_the_model_and_the_rules(trained):
    data, model, _ = trained
    code, out, err = run("model", "eval", model, data)
    assert code == 0, err
    assert re.search(r"^model: macro-F1 [01]\.\d{3}, accuracy [01]\.\d{3}$", out, re.M), out
    assert re.search(r"^rules: macro-F1 [01]\.\d{3}, accuracy [01]\.\d{3}$", out, re.M), out
    for name in STRENGTH_NAMES.values():
        # per-label P R F1 n, then the confusion row, in both tables
        assert (
            len(
                re.findall(
                    rf"^  {name} +[01]\.\d{{3}} +[01]\.\d{{3}} +[01]\.\d{{3}} +12$", out, re.M
                )
            )
            == 2
        )
        assert len(re.findall(rf"^  {name}( +\d+){{4}}$", out, re.M)) == 2
    assert re.search(r"^ +none +corr +cond +causal$", out, re.M)


def test_eval_json_parses_and_adds_up(trained):
    data, model, _ = trained
    code, out, err = run("model", "eval", model, data, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["labels"] == list(STRENGTH_NAMES.values())
    assert report["data"]["rows"] == len(ROWS)
    assert report["model"]["sha256"] == hashlib.sha256(model.read_bytes()).hexdigest()
    for who in ("model", "rules"):
        scores = report[who]
        matrix = scores["confusion"]
        assert len(matrix) == 4 and all(len(row) == 4 for row in matrix)
        assert [sum(row) for row in matrix] == [12, 12, 12, 12]
        assert scores["accuracy"] == sum(matrix[i][i] for i in range(4)) / len(ROWS)
        assert set(scores["per_label"]) == set(STRENGTH_NAMES.values())
    # On its own training sentences the model is (near) perfect.
    assert report["model"]["macro_f1"] >= 0.9


def test_explain_names_strengths_and_quotes_words_of_the_sentence(trained):
    _, model, _ = trained
    hedged, plain = "Coffee might lower blood pressure.", "Walking was linked to better mood."
    code, out, err = run("model", "explain", model, hedged, plain)
    assert code == 0, err
    first, second = out.split("\n\n")
    assert first.splitlines()[0] == f'"{hedged}"'
    assert "  model: conditional causal" in first
    assert re.search(
        r"^  rules: (no relationship|correlational|conditional causal|causal)", first, re.M
    )
    quoted = re.findall(r'^    "([^"]+)"  [+-]\d', first, re.M)
    assert quoted and all(q in hedged for q in quoted)
    assert "might" in quoted
    assert second.splitlines()[0] == f'"{plain}"'
    assert "  model: correlational" in second
    assert any(q in plain for q in re.findall(r'^    "([^"]+)"', second, re.M))


@pytest.mark.parametrize(
    ("name", "rows", "where"),
    [
        ("bad.csv", [("X reduces Y.", 3), ("X may reduce Y.", "maybe")], "bad.csv:3:"),
        ("bad.jsonl", [("X reduces Y.", "causal"), ("X cuts Y.", 7)], "bad.jsonl:2:"),
    ],
)
def test_a_bad_label_is_one_line_naming_file_and_line(tmp_path, name, rows, where):
    write = write_jsonl if name.endswith(".jsonl") else write_csv
    data = write(tmp_path / name, rows)
    code, out, err = run("model", "train", data, "-o", tmp_path / "m.json")
    assert_one_line_error(code, out, err, where, "label")
    assert not (tmp_path / "m.json").exists()


def test_missing_files_are_errors(tmp_path, trained):
    data, model, _ = trained
    missing = tmp_path / "nope.csv"
    assert_one_line_error(*run("model", "train", missing, "-o", tmp_path / "m.json"), "nope.csv")
    assert_one_line_error(*run("model", "eval", model, missing), "nope.csv", "not found")
    assert_one_line_error(*run("model", "eval", tmp_path / "no.json", data), "no.json")
    assert_one_line_error(*run("model", "explain", tmp_path / "no.json", "X reduces Y."))
    # A training file is not a model.
    assert_one_line_error(*run("model", "eval", data, data), "not a strength model")


def test_output_may_not_overwrite_the_training_file(tmp_path, monkeypatch):
    data = write_csv(tmp_path / "train.csv", ROWS)
    before = data.read_bytes()
    monkeypatch.chdir(tmp_path)
    for output in (data, "train.csv", tmp_path / "." / "train.csv"):
        code, out, err = run("model", "train", data, "-o", output, "--folds", "0")
        assert_one_line_error(code, out, err, "training file")
        assert data.read_bytes() == before


def test_output_directory_and_folds_are_checked(tmp_path):
    data = write_csv(tmp_path / "train.csv", ROWS[:6])
    code, out, err = run("model", "train", data, "-o", tmp_path / "no" / "m.json")
    assert_one_line_error(code, out, err, "does not exist")
    code, out, err = run("model", "train", data, "-o", tmp_path / "m.json", "--folds", "7")
    assert_one_line_error(code, out, err, "--folds 7", "train.csv has 6")
    assert not (tmp_path / "m.json").exists()
