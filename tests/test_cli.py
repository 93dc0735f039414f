"""The command line as a user meets it: verdicts, exit codes, errors, output files."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "report.schema.json").read_text())

REGISTRY = """\
version: 1
claims:
  - id: ARC-OPTIME
    text: >-
      ArcGuide reduced mean operative time by 12% compared with conventional
      instrumentation in a randomized controlled trial.
    variants:
      - Mean operative time was 78 minutes with ArcGuide versus 89 minutes with
        conventional instrumentation.
    evidence: [EV-ARC-RCT-2024]
    expires: 2027-12-31
    scope:
      products: [arcguide]
      audiences: [hcp]
    requires: ["compared with conventional instrumentation"]
prohibited:
  - id: NO-RECOVERY
    phrases: [accelerated recovery, faster recovery, recover faster]
    reason: The trial found no difference in length of stay.
evidence:
  - id: EV-ARC-RCT-2024
    citation: "Lee M, et al. J Arthroplasty. 2024;39(2):210-218."
    type: rct
    date: 2024-02-01
    population: 212 patients undergoing primary total knee arthroplasty
    findings:
      - endpoint: mean operative time
        result: 78 vs 89 minutes (-12%), p=0.003
"""

SUPPORTED = (
    "ArcGuide reduced mean operative time by 12% compared with conventional instrumentation "
    "in a randomized controlled trial."
)
OVERSTATED = (
    "ArcGuide dramatically cuts operative time by 25% compared with conventional instrumentation."
)
PROHIBITED = "With ArcGuide, your patients recover faster."


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content repo with a registry and a config, as the cwd."""
    (tmp_path / "claims.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text(
        "registry: claims.yaml\naudience: hcp\nchannel: email\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def draft(root: Path, text: str, name: str = "draft.md") -> Path:
    """Write a Markdown draft."""
    path = root / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_supported_claim_exits_0_and_is_listed_with_verbose(workspace: Path) -> None:
    draft(workspace, f"# ArcGuide\n\n{SUPPORTED}")
    code, out, err = run("check", "draft.md", "--verbose", "--as-of", "2026-11-23")
    assert code == 0, out + err
    assert "SUPPORTED" in out
    assert "matches ARC-OPTIME" in out
    assert "1 claim (1 supported)" in out


def test_overstated_claim_exits_1_marks_words_and_suggests_wording(workspace: Path) -> None:
    draft(workspace, OVERSTATED)
    code, out, _ = run("check", "draft.md", "--as-of", "2026-11-23")
    assert code == 1
    assert "OVERSTATED" in out
    assert "[dramatically]" in out
    assert "[25%]" in out
    assert "use instead: ArcGuide reduced mean operative time by 12%" in out
    assert "EV-ARC-RCT-2024 Lee M, et al." in out


def test_fail_on_never_exits_0_even_with_findings(workspace: Path) -> None:
    draft(workspace, OVERSTATED)
    code, _, _ = run("check", "draft.md", "--fail-on", "never")
    assert code == 0


def test_prohibited_phrase_inflected(workspace: Path) -> None:
    draft(workspace, PROHIBITED)
    code, out, _ = run("check", "draft.md", "--format", "json", "--as-of", "2026-11-23")
    assert code == 1
    claims = json.loads(out)["documents"][0]["claims"]
    assert [c["verdict"] for c in claims] == ["prohibited"]
    assert claims[0]["findings"][0]["rule"] == "CC102"


def test_json_report_validates_against_formats_schema(workspace: Path) -> None:
    draft(workspace, f"{SUPPORTED}\n\n{OVERSTATED}\n\nCall us today to book a demo.")
    code, out, _ = run("check", "draft.md", "--format", "json", "--as-of", "2026-11-23")
    assert code == 1
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert report["as_of"] == "2026-11-23"
    verdicts = [c["verdict"] for c in report["documents"][0]["claims"]]
    assert verdicts == ["supported", "overstated"]  # the call to action is not a claim
    assert report["summary"]["verdicts"]["overstated"] == 1
    doc = report["documents"][0]
    assert doc["context"]["audience"] == "hcp"
    assert doc["claims"][1]["location"]["line"] == 3


def test_expiry_and_scope_follow_context_flags(workspace: Path) -> None:
    draft(workspace, SUPPORTED)
    _, out, _ = run("check", "draft.md", "--format", "json", "--as-of", "2028-01-15")
    assert json.loads(out)["documents"][0]["claims"][0]["verdict"] == "expired"
    _, out, _ = run(
        "check", "draft.md", "--format", "json", "--audience", "patient", "--as-of", "2026-11-23"
    )
    assert json.loads(out)["documents"][0]["claims"][0]["verdict"] == "off-scope"


def test_output_file_and_inputs_unchanged(workspace: Path) -> None:
    path = draft(workspace, OVERSTATED)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, _ = run("check", "draft.md", "--format", "json", "-o", "out/report.json")
    assert code == 1
    assert out == ""
    assert json.loads((workspace / "out" / "report.json").read_text())["summary"]["claims"] == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_malformed_registry_is_one_line_exit_2(workspace: Path) -> None:
    (workspace / "claims.yaml").write_text(
        REGISTRY.replace(
            "    expires: 2027-12-31\n", "    expires: 2027-12-31\n    evidance: [X]\n"
        ),
        encoding="utf-8",
    )
    draft(workspace, SUPPORTED)
    code, out, err = run("check", "draft.md")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "claims.yaml:" in lines[0] and "evidance" in lines[0]
    assert "Traceback" not in err + out


def test_bad_file_does_not_stop_the_others(workspace: Path) -> None:
    draft(workspace, OVERSTATED, "good.md")
    (workspace / "bad.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    (workspace / "latin1.txt").write_bytes(
        "Caf\xe9 ArcGuide reduces pain by 50%.".encode("latin-1")
    )
    code, out, err = run("check", "good.md", "bad.pdf", "latin1.txt", "--format", "json")
    assert code == 2
    assert "bad.pdf" in err and "latin1.txt" in err
    assert len([line for line in err.splitlines() if "error" in line]) == 2
    assert "Traceback" not in err
    report = json.loads(out)
    good = next(d for d in report["documents"] if d["path"] == "good.md")
    assert good["claims"][0]["verdict"] == "overstated"
    assert report["summary"]["input_errors"] == 2


def test_unknown_file_type_named_explicitly_is_an_input_error(workspace: Path) -> None:
    (workspace / "notes.xyz").write_text("ArcGuide is the best.", encoding="utf-8")
    code, _, err = run("check", "notes.xyz")
    assert code == 2
    assert "notes.xyz" in err and "unsupported file type" in err


def test_missing_path_is_an_input_error(workspace: Path) -> None:
    code, _, err = run("check", "nope.md")
    assert code == 2
    assert "nope.md" in err


def test_directory_skips_unknown_types(workspace: Path) -> None:
    (workspace / "copy").mkdir()
    draft(workspace / "copy", OVERSTATED, "a.md")
    (workspace / "copy" / "logo.png").write_bytes(b"\x89PNG\r\n")
    code, out, err = run("check", "copy", "--format", "json")
    assert code == 1, err
    assert [d["path"] for d in json.loads(out)["documents"]] == ["copy/a.md"]


def test_without_a_registry_claims_are_unsupported_and_it_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    draft(tmp_path, f"{OVERSTATED}\n\n{SUPPORTED}")
    code, out, err = run("check", "draft.md", "--format", "json")
    assert code == 1
    assert err.count("no claim registry found") == 1
    claims = json.loads(out)["documents"][0]["claims"]
    assert {c["verdict"] for c in claims} == {"unsupported"}
    # rule findings still work without a registry
    assert "CC201" in {f["rule"] for c in claims for f in c["findings"]}


def test_bad_as_of_is_a_usage_error(workspace: Path) -> None:
    draft(workspace, SUPPORTED)
    code, _, err = run("check", "draft.md", "--as-of", "23/11/2026")
    assert code == 2
    assert "not a date" in err


def test_installed_console_script(workspace: Path) -> None:
    exe = shutil.which("claimcheck") or str(Path(sys.executable).parent / "claimcheck")
    draft(workspace, OVERSTATED)
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [exe, "check", "draft.md", "--format", "json"],
        cwd=workspace,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["summary"]["verdicts"]["overstated"] == 1


def test_docx_footer_claims_are_checked_and_labelled(workspace: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(SUPPORTED)
    document.sections[0].footer.paragraphs[0].text = "ArcGuide guarantees perfect alignment."
    document.save(str(workspace / "brochure.docx"))
    code, out, _ = run("check", "brochure.docx", "--as-of", "2026-11-23")
    assert code == 1
    assert "footer: UNSUPPORTED: ArcGuide [guarantees] [perfect] alignment." in out
    code, out, _ = run("check", "brochure.docx", "--format", "json", "--as-of", "2026-11-23")
    claims = json.loads(out)["documents"][0]["claims"]
    assert [c["verdict"] for c in claims] == ["supported", "unsupported"]
    assert claims[0]["location"]["paragraph"] == 1


def test_missing_registry_named_by_the_config_points_at_the_config(workspace: Path) -> None:
    (workspace / "claimcheck.yaml").write_text("registry: nope.yaml\n", encoding="utf-8")
    draft(workspace, SUPPORTED)
    code, _, err = run("check", "draft.md")
    assert code == 2
    assert (
        err.strip()
        == "claimcheck: error: claimcheck.yaml: 'registry' names nope.yaml, which does not exist"
    )
    code, _, err = run("check", "draft.md", "--registry", "missing.yaml")
    assert code == 2
    assert err.strip() == "claimcheck: error: no such registry path: missing.yaml"


def test_empty_include_list_checks_every_draft_in_a_directory(workspace: Path) -> None:
    (workspace / "claimcheck.yaml").write_text(
        "registry: claims.yaml\ninclude: []\nexclude: ['copy/old/**']\n", encoding="utf-8"
    )
    (workspace / "copy" / "old").mkdir(parents=True)
    draft(workspace / "copy", OVERSTATED, "a.md")
    draft(workspace / "copy" / "old", OVERSTATED, "b.md")
    code, out, err = run("check", "copy", "--format", "json")
    assert code == 1, err
    assert [d["path"] for d in json.loads(out)["documents"]] == ["copy/a.md"]
