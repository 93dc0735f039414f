"""Smoke test of benchmarks/judgement.py on a tiny invented copy of each dataset's file format.

The rows are written here (invented sentences, never the real data), so the test needs
nothing from ../shared and runs in a few seconds.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[1] / "benchmarks" / "judgement.py"


@pytest.fixture(scope="module")
def judgement():
    spec = importlib.util.spec_from_file_location("judgement_bench", HARNESS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _csv(path: Path, header: list[str], rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


INSCIOUT = [
    # press release causal, abstract correlational -> exaggerates
    (
        "Drinking green tea lowers the risk of knee pain.",
        3,
        "Green tea intake was associated with a lower risk of knee pain in older adults.",
        1,
        "exaggerates",
    ),
    # both correlational -> same
    (
        "Walking was linked to better sleep in office workers.",
        1,
        "Daily walking was associated with better sleep quality in office workers.",
        1,
        "same",
    ),
    # press release hedged, abstract causal -> downplays
    (
        "Cold compresses may reduce swelling after ankle sprains.",
        2,
        "Cold compresses reduced swelling after ankle sprains in a randomised trial.",
        3,
        "downplays",
    ),
    # both causal -> same
    (
        "The new splint shortens recovery time after wrist fractures.",
        3,
        "The splint shortened recovery time after wrist fractures compared with casts.",
        3,
        "same",
    ),
]


def _insciout(root: Path) -> None:
    """Write the INSCIOUT pairs as the test split of the Wright et al. folder under `root`."""
    _jsonl(
        root / "scientific_exaggeration_wright2021" / "insciout_test.jsonl",
        [
            {
                "original_file_id": f"x{i}",
                "press_release_conclusion": press,
                "press_release_strength": ps,
                "abstract_conclusion": abstract,
                "abstract_strength": ab,
                "exaggeration_label": label,
            }
            for i, (press, ps, abstract, ab, label) in enumerate(INSCIOUT)
        ],
    )


@pytest.fixture(scope="module")
def datasets(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("datasets")
    _insciout(root)
    abstract = [
        "Knee braces are widely used after ligament surgery.",
        "In 120 patients, the brace reduced knee swelling at six weeks.",
        "Pain scores did not differ between groups.",
    ]
    _jsonl(
        root / "scifact" / "pairs_dev.jsonl",
        [
            {
                "claim_id": 1,
                "claim": "The brace reduced knee swelling at six weeks.",
                "doc_id": 10,
                "title": "A brace trial",
                "abstract": abstract,
                "label": "SUPPORT",
                "rationale_sentence_ids": [1],
                "rationale_sentences": [abstract[1]],
            },
            {
                "claim_id": 2,
                "claim": "Knee braces lower pain scores.",
                "doc_id": 10,
                "title": "A brace trial",
                "abstract": abstract,
                "label": "CONTRADICT",
                "rationale_sentences": [abstract[2]],
                "rationale_sentence_ids": [2],
            },
            {
                "claim_id": 3,
                "claim": "Vitamin pills prevent hair loss in teenagers.",
                "doc_id": 10,
                "title": "A brace trial",
                "abstract": abstract,
                "label": "NOT_ENOUGH_INFO",
                "rationale_sentences": [],
                "rationale_sentence_ids": [],
            },
        ],
    )
    yu = root / "claim_strength_yu2019_2020"
    sentences = [
        ("Coffee intake was associated with fewer headaches.", 1),
        ("Exercise may improve mood in older adults.", 2),
        ("Smoking increases the risk of stroke.", 3),
        ("The survey was completed by 300 nurses.", 0),
    ]
    _csv(yu / "annotated_pubmed.csv", ["sentence", "label"], [list(s) for s in sentences])
    _csv(
        yu / "annotated_eureka.csv",
        ["sentId", "sentence", "label"],
        [[f"s{i}", s, lab] for i, (s, lab) in enumerate(sentences)],
    )
    bio = [
        ("These results suggest that the protein may regulate growth.", True),
        ("The gene is expressed in liver cells.", False),
        ("It is likely that the receptor binds the ligand.", True),
        ("Cells were cultured for 48 hours.", False),
    ]
    for name in ("bioscope_abstracts.jsonl", "bioscope_full_papers.jsonl"):
        _jsonl(
            root / "bioscope_hedging" / name,
            [
                {"doc_id": f"d{i}", "sentence_id": f"d{i}.s0", "text": t, "speculative": s}
                for i, (t, s) in enumerate(bio)
            ],
        )
    return root


@pytest.fixture(scope="module")
def table(judgement, datasets) -> dict:
    return judgement.run(datasets)


def _in_unit(value: float) -> bool:
    return isinstance(value, float) and 0.0 <= value <= 1.0


def test_every_part_runs_and_is_timed(table):
    assert set(table["parts"]) == {"insciout", "yu", "bioscope", "scifact"}
    for name, part in table["parts"].items():
        assert "skipped" not in part and "error" not in part, (name, part)
        assert part["seconds"] >= 0.0


def test_insciout_counts_and_ranges(table):
    part = table["parts"]["insciout"]
    assert part["pairs"] == 4
    assert part["matched"] + part["forced"] == 4
    assert part["gold"] == {"exaggerates": 1, "same": 2, "downplays": 1}
    for mode in ("all_rules", "strength_only", "strength_compare"):
        three = part[mode]["three_way"]
        assert sum(sum(row.values()) for row in three["confusion"].values()) == 4
        for key in ("macro_precision", "macro_recall", "macro_f1", "accuracy"):
            assert _in_unit(three[key])
        assert set(part[mode]["binary_exaggerates"]) == {"precision", "recall", "f1", "accuracy"}
    assert part["floors"]["always_same"]["accuracy"] == 0.5
    assert set(part["strength_classifier"]) == {"press_release", "abstract", "both"}
    assert part["strength_classifier"]["both"]["n"] == 8


def test_insciout_clear_causal_inflation_is_caught(table):
    # "associated with a lower risk" -> "lowers the risk" is the case the strength rules exist for.
    confusion = table["parts"]["insciout"]["strength_only"]["three_way"]["confusion"]
    assert confusion["exaggerates"]["exaggerates"] == 1


def test_scifact_counts_and_floors(table):
    part = table["parts"]["scifact"]
    assert part["pairs"] == 3
    assert sum(sum(c.values()) for c in part["verdicts_by_gold"].values()) == 3
    floor = part["floors"]["always_support"]["binary_support"]
    assert floor["recall"] == 1.0 and abs(floor["precision"] - 1 / 3) < 1e-9
    assert _in_unit(part["binary_support"]["f1"]) and _in_unit(part["three_way"]["accuracy"])


def test_nlp_parts_report_their_figures(table):
    yu = table["parts"]["yu"]
    for name in ("annotated_pubmed.csv", "annotated_eureka.csv"):
        assert yu[name]["rows"] == 4
        assert _in_unit(yu[name]["macro_f1"])
        assert yu[name]["floor"]["accuracy"] == 0.25
    bio = table["parts"]["bioscope"]
    for name in ("bioscope_abstracts.jsonl", "bioscope_full_papers.jsonl"):
        assert bio[name]["sentences"] == 4
        assert _in_unit(bio[name]["all"]["f1"])
        assert bio[name]["floor"]["speculative_rate"] == 0.5


def test_render_and_json(judgement, datasets, tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert (
        judgement.main(["--datasets", str(datasets), "--parts", "insciout", "--json", str(out)])
        == 0
    )
    text = capsys.readouterr().out
    assert (
        "| insciout | insciout_test.jsonl | claimcheck, all rules: exaggerates vs not | 4 |" in text
    )
    assert "forced Match(score=0)" in text
    data = json.loads(out.read_text())
    assert set(data["parts"]) == {"insciout"}


def test_missing_dataset_is_skipped_not_fatal(judgement, tmp_path):
    table = judgement.run(tmp_path, parts=("scifact",))
    assert "not found" in table["parts"]["scifact"]["skipped"]


# -------------------------------------------------------------- strength-model part

EXPOSURES = ("Coffee", "Green tea", "Daily walking", "Smoking", "Late-night screen use")
OUTCOMES = ("headaches", "stroke", "low mood", "fatigue", "asthma attacks")
TEMPLATES = {
    0: "The survey about {x} and {y} was completed by 300 nurses.",
    1: "{x} was associated with fewer {y} in adults.",
    2: "{x} may reduce {y} in older adults.",
    3: "{x} increases the risk of {y}.",
}


@pytest.fixture(scope="module")
def strength_datasets(tmp_path_factory) -> Path:
    """Five invented sentences per label in each Yu file (one per fold) and the InSciOut rows."""
    root = tmp_path_factory.mktemp("strength_datasets")
    rows = [
        (TEMPLATES[label].format(x=x, y=y), label)
        for x, y in zip(EXPOSURES, OUTCOMES, strict=True)
        for label in TEMPLATES
    ]
    yu = root / "claim_strength_yu2019_2020"
    _csv(yu / "annotated_pubmed.csv", ["sentence", "label"], [list(r) for r in rows])
    _csv(
        yu / "annotated_eureka.csv",
        ["sentId", "sentence", "label"],
        [[f"s{i}", s.replace("adults", "people"), lab] for i, (s, lab) in enumerate(rows)],
    )
    _insciout(root)
    return root


def test_strength_model_part_trains_per_fold_and_reports_in_unit(judgement, strength_datasets):
    table = judgement.run(strength_datasets, parts=("strength-model",))
    part = table["parts"]["strength-model"]
    assert "error" not in part and "skipped" not in part, part
    for name in ("annotated_pubmed.csv", "annotated_eureka.csv"):
        corpus = part["yu"][name]
        assert corpus["rows"] == 20
        for system in ("model", "rules"):
            scores = corpus[system]
            assert scores["heldout_fold4"]["n"] == 4  # one sentence per label in each fold
            assert scores["out_of_fold"]["n"] == 20
            assert len(scores["fold_macro_f1"]) == 5
            assert all(_in_unit(x) for x in scores["fold_macro_f1"])
            assert _in_unit(scores["fold_avg_macro_f1"])
            for m in (scores["heldout_fold4"], scores["out_of_fold"]):
                assert _in_unit(m["macro_f1"]) and _in_unit(m["accuracy"])
                assert all(_in_unit(f) for f in m["per_class_f1"].values())
    # each fold's model trains on the other four folds of both corpora: 2 x 16 rows
    assert part["yu"]["folds"]["train_rows"] == [32] * 5
    ins = part["insciout"]
    assert ins["pairs"] == 4 and ins["train_rows"] == 40
    assert ins["judge_rescores_approved"] is True
    for runs in (ins["compare"], ins["judge_strength_only"]):
        assert set(runs) == {"model", "rules"}
        for m in runs.values():
            three = m["three_way"]
            assert sum(sum(row.values()) for row in three["confusion"].values()) == 4
            assert _in_unit(three["macro_f1"]) and _in_unit(m["binary_exaggerates"]["f1"])
    assert ins["strength"]["model"]["both"]["n"] == 8
    for seconds in (part["yu"]["seconds"], ins["seconds"]):
        assert all(s >= 0.0 for s in seconds.values())


def test_strength_model_part_renders_its_rows(judgement, strength_datasets, tmp_path, capsys):
    out = tmp_path / "bench.json"
    args = ["--datasets", str(strength_datasets), "--parts", "strength-model", "--json", str(out)]
    assert judgement.main(args) == 0
    text = capsys.readouterr().out
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith("| strength-model")]
    systems = {r[2] for r in rows}
    for system in (
        "model (CV, trained on both corpora): 0-3 macro, held-out fold 4",
        "model (CV, trained on both corpora): 0-3 macro, 5-fold mean",
        "rules (relation): 0-3 macro, held-out fold 4",
        "model strengths compared (T1): exaggerates vs not",
        "judge, CC205+CC207, model-rescored: 3-way macro",
        "model strength 0-3 macro (both)",
    ):
        assert system in systems, system
    figures = [cell for r in rows for cell in r[4:8] if cell.strip() not in ("", "-")]
    assert figures and all(0.0 <= float(cell) <= 1.0 for cell in figures)
    assert "strength-model yu timings:" in text and "strength-model insciout timings:" in text
    assert set(json.loads(out.read_text())["parts"]) == {"strength-model"}
