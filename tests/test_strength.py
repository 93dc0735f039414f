"""A trained strength model in `claimcheck check`: config, CLI flag, verdicts, bad files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import strength
from claimcheck.cli import cli

REGISTRY = """\
version: 1
claims:
  - id: SEAL-TRANSFUSION
    text: Use of FlexiSeal was associated with lower transfusion rates in a registry study.
    evidence: [EV-SEAL-REG]
evidence:
  - id: EV-SEAL-REG
    citation: "Ng P, et al. Bone Joint J. 2023;105(4):400-406."
    type: registry
"""

# The organisation's house jargon: "turbocharges" is a causal verb the shipped lexicons do not
# know, so the rules read the copy below as correlational (its only cue is "lower").
COPY = "FlexiSeal turbocharges lower transfusion rates."

OBJECTS = [
    "lower transfusion rates",
    "shorter hospital stays",
    "faster wound healing",
    "fewer readmissions",
    "lower infection rates",
    "better alignment",
    "less blood loss",
    "shorter operative time",
]
TRAINING = (
    [(f"The new protocol turbocharges {o}.", 3) for o in OBJECTS]
    + [(f"Early mobilisation reduces {o}.", 3) for o in OBJECTS]
    + [(f"Statin use was associated with {o}.", 1) for o in OBJECTS]
    + [(f"Tranexamic acid may lead to {o}.", 2) for o in OBJECTS]
    + [(f"We recorded {o} in 40 patients.", 0) for o in OBJECTS]
)


def _model(tmp_path: Path) -> Path:
    claims = strength.claims_of([s for s, _ in TRAINING])
    model = strength.train(claims, [label for _, label in TRAINING])
    path = tmp_path / "strength.json"
    model.save(path)
    return path


def _project(tmp_path: Path, model: str | None = None) -> Path:
    (tmp_path / "claims.yaml").write_text(REGISTRY, encoding="utf-8")
    config = "version: 1\nregistry: claims.yaml\n"
    if model:
        config += f"strength_model: {model}\n"
    (tmp_path / "claimcheck.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "draft.md").write_text(COPY + "\n", encoding="utf-8")
    return tmp_path


def _check(where: Path, *args: str) -> tuple[int, str, str]:
    """`claimcheck check draft.md ARGS` run from `where`."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(where)
        result = CliRunner().invoke(cli, ["check", "draft.md", *args])
    return result.exit_code, result.stdout, result.stderr


def _verdict(out: str) -> dict:
    [claim] = json.loads(out)["documents"][0]["claims"]
    return claim


def test_rules_alone_miss_the_house_jargon(tmp_path: Path) -> None:
    code, out, _ = _check(_project(tmp_path), "--format", "json")
    claim = _verdict(out)
    assert claim["verdict"] == "supported"
    assert code == 0


def test_a_configured_model_flags_the_causal_jargon_and_names_the_word(tmp_path: Path) -> None:
    model = _model(tmp_path)
    code, out, err = _check(_project(tmp_path, model.name), "--format", "json")
    assert err == ""
    claim = _verdict(out)
    assert claim["verdict"] == "overstated"
    [finding] = [f for f in claim["findings"] if f["rule"] == "CC207"]
    assert finding["message"].startswith("'turbocharges' states a causal effect")
    assert "SEAL-TRANSFUSION is correlational" in finding["message"]
    assert code == 1
    # The report records which model scored strength, for the audit trail.
    used = json.loads(out)["strength_model"]
    assert used == {
        "path": "strength.json",
        "sha256": hashlib.sha256(model.read_bytes()).hexdigest(),
        "examples": len(TRAINING),
    }


def test_the_audit_report_names_the_model(tmp_path: Path) -> None:
    model = _model(tmp_path)
    _project(tmp_path, model.name)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        result = CliRunner().invoke(cli, ["report", "draft.md", "-o", "audit.md"])
    assert result.exit_code in (0, 1), result.stderr
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    assert (
        f"- **Claim-strength model:** strength.json, trained on {len(TRAINING)} sentences; "
        f"sha256 {digest}" in (tmp_path / "audit.md").read_text(encoding="utf-8")
    )


def test_the_cli_flag_overrides_the_config(tmp_path: Path) -> None:
    model = _model(tmp_path)
    _project(tmp_path)  # config without a model
    code, out, _ = _check(tmp_path, "--format", "json", "--strength-model", str(model))
    assert _verdict(out)["verdict"] == "overstated"
    assert code == 1


def test_a_missing_model_named_by_the_config_is_a_config_error(tmp_path: Path) -> None:
    code, _, err = _check(_project(tmp_path, "models/none.json"))
    assert code == 2
    assert err.strip().splitlines() == [
        "claimcheck: error: claimcheck.yaml: 'strength_model' names models/none.json, "
        "which does not exist"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a strength model (invalid JSON"),
        ('{"format": "something-else"}', "not a strength model"),
        ('{"format": "claimcheck-strength-model", "version": 9}', "version 9 is not supported"),
        (
            '{"format": "claimcheck-strength-model", "version": 1, "weights": {"word:x": [1]}}',
            "weights of feature 'word:x' must be 4 finite numbers",
        ),
    ],
)
def test_a_bad_model_file_is_one_line_naming_it(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    code, out, err = _check(_project(tmp_path, "bad.json"))
    assert code == 2
    assert out == ""
    [line] = err.strip().splitlines()
    assert "bad.json" in line and message in line
    assert "Traceback" not in err


def test_output_never_overwrites_the_model(tmp_path: Path) -> None:
    model = _model(tmp_path)
    before = model.read_bytes()
    code, _, err = _check(_project(tmp_path, model.name), "-o", model.name)
    assert code == 2
    assert "refusing to overwrite an input" in err
    assert model.read_bytes() == before


def test_a_saved_model_predicts_what_the_trained_one_did(tmp_path: Path) -> None:
    claims = strength.claims_of([s for s, _ in TRAINING])
    trained = strength.train(claims, [label for _, label in TRAINING])
    trained.save(tmp_path / "m.json")
    loaded = strength.load_model(tmp_path / "m.json")
    assert loaded.weights == trained.weights
    probe = strength.claims_of([COPY, "Statin use was associated with fewer falls."])
    assert [loaded.predict(c) for c in probe] == [3, 1]
    assert loaded.sha256 == hashlib.sha256((tmp_path / "m.json").read_bytes()).hexdigest()
