"""`claimcheck registry test`: each claim's examples, run through the real pipeline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

EVIDENCE = """\
evidence:
  - id: EV-RCT
    citation: "Lee M. J Arthroplasty. 2024."
    type: rct
    findings:
      - endpoint: mean operative time
        result: 78 vs 89 minutes (-12%)
"""
CLAIM = """\
version: 1
claims:
  - id: ARC-OPTIME
    text: ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
    evidence: [EV-RCT]
    scope: {{audiences: [hcp]}}
    examples:
{examples}
"""


def registry(tmp_path: Path, examples: str, config: str = "") -> Path:
    (tmp_path / "claims.yaml").write_text(CLAIM.format(examples=examples), encoding="utf-8")
    (tmp_path / "evidence.yaml").write_text(EVIDENCE, encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text(
        "registry: claims.yaml\nevidence: evidence.yaml\n" + config, encoding="utf-8"
    )
    return tmp_path


def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str):
    monkeypatch.chdir(tmp_path)
    return CliRunner(env={"NO_COLOR": "1"}).invoke(cli, ["registry", "test", *args])


def test_the_demo_registry_passes_its_own_examples(monkeypatch):
    result = run(ROOT, monkeypatch)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1] == "14 example(s): 14 passed, 0 failed"
    assert all(line.startswith("PASS ") for line in lines[:-1])
    # every kind of example is there: supported copy and each flagged verdict but one
    kinds = {line.split(":")[0].split()[-1] for line in lines[:-1]}
    assert kinds == {"supported", "overstated", "off-scope", "prohibited", "expired", "unsupported"}


def test_a_failing_example_says_where_it_is_what_it_got_and_exits_1(tmp_path, monkeypatch):
    registry(
        tmp_path,
        "      supported:\n"
        "        - ArcGuide reduced mean operative time by 12% compared with conventional"
        " instrumentation.\n"
        "        - ArcGuide dramatically reduced mean operative time by 12% compared with"
        " conventional instrumentation.\n",
    )
    result = run(tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "PASS ARC-OPTIME supported: 'ArcGuide reduced mean operative time by 12% compared with "
        "conventional instrumentation.'",
        "FAIL ARC-OPTIME supported: 'ArcGuide dramatically reduced mean operative time by 12% "
        "compared with conventional instrumentation.'",
        "     claims.yaml:10: got overstated against ARC-OPTIME (CC201)",
        "",
        "FAILED claims.yaml:10 ARC-OPTIME supported: got overstated against ARC-OPTIME (CC201)",
        "2 example(s): 1 passed, 1 failed",
    ]
    quiet = run(tmp_path, monkeypatch, "--quiet")
    assert quiet.exit_code == 1
    assert quiet.stdout.splitlines()[0].startswith("FAIL ARC-OPTIME supported:")
    assert "PASS" not in quiet.stdout


@pytest.mark.parametrize(
    ("flagged", "reason"),
    [
        # the wrong verdict
        (
            "        - text: ArcGuide reduced mean operative time by 12% compared with"
            " conventional instrumentation.\n          verdict: overstated\n",
            "got supported against ARC-OPTIME",
        ),
        # the right verdict, but a rule the example names does not fire
        (
            "        - text: ArcGuide dramatically reduced mean operative time by 12% compared"
            " with conventional instrumentation.\n          verdict: overstated\n"
            "          rules: [CC201, absolute]\n",
            "absolute did not fire (fired: CC201)",
        ),
        # copy that is not a claim at all
        (
            "        - text: Ask your rep for a demo.\n          verdict: unsupported\n",
            "no claim found in it",
        ),
    ],
    ids=["verdict", "rule", "not-a-claim"],
)
def test_a_flagged_example_fails_for_the_reason_it_gives(tmp_path, monkeypatch, flagged, reason):
    registry(tmp_path, "      flagged:\n" + flagged)
    result = run(tmp_path, monkeypatch)
    assert result.exit_code == 1, result.output
    assert reason in result.stdout


def test_examples_are_judged_in_their_own_context_not_the_configs(tmp_path, monkeypatch):
    # the repository's drafts are for patients; the registry's examples are not drafts
    registry(
        tmp_path,
        "      supported:\n"
        "        - ArcGuide reduced mean operative time by 12% compared with conventional"
        " instrumentation.\n"
        "      flagged:\n"
        "        - text: ArcGuide reduced mean operative time by 12% compared with conventional"
        " instrumentation.\n"
        "          verdict: off-scope\n"
        "          context: {audience: Patient}\n",
        config="audience: patient\noverrides:\n  - files: '**'\n    audience: patient\n",
    )
    result = run(tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "2 example(s): 2 passed, 0 failed"


def test_claim_filters_and_their_errors(tmp_path, monkeypatch):
    registry(tmp_path, "      supported: [ArcGuide is blue.]\n")
    assert run(tmp_path, monkeypatch, "--claim", "arc-optime").exit_code == 1
    result = run(tmp_path, monkeypatch, "--claim", "NOPE")
    assert result.exit_code == 2
    assert result.stderr == "claimcheck: error: --claim NOPE: no such claim in the registry\n"


def test_a_registry_without_examples_says_so(tmp_path, monkeypatch):
    registry(tmp_path, "      supported: []\n")
    result = run(tmp_path, monkeypatch)
    assert result.exit_code == 0
    assert result.stdout == "0 example(s): 0 passed, 0 failed\n"
    assert "no examples in claims.yaml" in result.stderr


def test_a_malformed_example_is_a_registry_error_naming_file_and_line(tmp_path, monkeypatch):
    registry(
        tmp_path, "      flagged:\n        - text: ArcGuide is the best.\n          verdit: x\n"
    )
    result = run(tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: claims.yaml:10: unknown key 'verdit'")


def test_the_console_script_runs_the_demo_examples_from_outside_the_repository(tmp_path):
    done = subprocess.run(
        [
            str(BIN / "claimcheck"),
            "registry",
            "test",
            "-q",
            "--config",
            str(ROOT / "claimcheck.yaml"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "14 example(s): 14 passed, 0 failed\n"
