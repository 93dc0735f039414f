"""A registry, evidence, rule-pack or config change re-checks every draft.

Retiring a claim changes the verdict of every draft that uses it, though no draft changed.
`--changed-since REF` (pull requests) and the pre-commit hook (`--changed-files`, given the
staged files) must therefore check every draft when such a file changed. Each test builds a
real git repository: main holds the approved content, a branch makes one change.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from gitrepo import git

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CONFIG = """\
registry: claims/
evidence: evidence.yaml
rules: [packs/house.yaml]
audience: hcp
market: US
include: ["drafts/**"]
"""
ARC = """\
claims:
  - id: ARC-OPTIME
    text: >-
      ArcGuide reduced mean operative time by 12% compared with conventional
      instrumentation in a randomized controlled trial.
    evidence: [EV-ARC]
    status: approved
"""
FLEXI = """\
claims:
  - id: FLEXI-HEMO
    text: FlexiSeal achieved haemostasis within 3 minutes in 90% of bleeding sites.
    evidence: [EV-FLEXI]
    scope: {markets: [US]}
"""
EVIDENCE = """\
evidence:
  - id: EV-ARC
    citation: "Lee M, et al. J Arthroplasty. 2024;39(2):210-218."
    type: rct
    status: current
    findings:
      - endpoint: mean operative time
        result: 78 vs 89 minutes (-12%), p=0.003
  - id: EV-FLEXI
    citation: "Ng P, et al. Spine J. 2023;12:1-9."
    type: rct
"""
PACK = """\
version: 1
rules:
  - code: HX1
    name: game-changer
    message: "'{text}' is house-banned hype"
    why: The brand guide bans it.
    patterns: [game changer]
"""
ARC_DRAFT = (
    "# Email\n\nArcGuide reduced mean operative time by 12% compared with conventional "
    "instrumentation in a randomized controlled trial.\n"
)
FLEXI_DRAFT = (
    "# Web\n\nIn spinal surgery, FlexiSeal achieved haemostasis within 3 minutes in 90% of "
    "bleeding sites.\n"
)
DRAFTS = {"drafts/arc.md", "drafts/flexi.md"}


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Approved content on main; a branch `change` checked out, with nothing changed yet."""
    root = tmp_path / "content"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    for rel, text in {
        "claimcheck.yaml": CONFIG,
        "claims/arcguide.yaml": ARC,
        "claims/flexiseal.yaml": FLEXI,
        "evidence.yaml": EVIDENCE,
        "packs/house.yaml": PACK,
        "drafts/arc.md": ARC_DRAFT,
        "drafts/flexi.md": FLEXI_DRAFT,
        ".github/workflows/site.yml": "on: push\n",
    }.items():
        write(root, rel, text)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "approved content")
    git(root, "checkout", "-q", "-b", "change")
    return root


def check(repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, dict, str]:
    """`claimcheck check ... --format json` in the repository: exit code, report, stderr."""
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(cli, ["check", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout), result.stderr


def verdicts(report: dict) -> dict[str, list[str]]:
    return {d["path"]: [c["verdict"] for c in d["claims"]] for d in report["documents"]}


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_a_draft_change_alone_checks_only_that_draft(repo, monkeypatch):
    write(repo, "drafts/arc.md", ARC_DRAFT.replace("# Email", "# Email to surgeons"))
    commit(repo, "edit a draft")
    code, report, err = check(repo, monkeypatch, "drafts/", "--changed-since", "main")
    assert code == 0, err
    assert verdicts(report) == {"drafts/arc.md": ["supported"]}
    assert "every draft" not in err


def test_retiring_a_claim_checks_every_draft(repo, monkeypatch):
    write(repo, "claims/arcguide.yaml", ARC.replace("status: approved", "status: retired"))
    commit(repo, "retire ARC-OPTIME")
    code, report, err = check(repo, monkeypatch, "drafts/", "--changed-since", "main")
    assert code == 1
    assert verdicts(report) == {"drafts/arc.md": ["expired"], "drafts/flexi.md": ["supported"]}
    assert (
        "claimcheck: note: claims/arcguide.yaml changed since main: checking every draft, "
        "not only the changed ones" in err
    )


@pytest.mark.parametrize(
    ("rel", "change", "arc", "flexi"),
    [
        # the evidence behind ARC-OPTIME withdrawn: the claim is expired
        (
            "evidence.yaml",
            lambda t: t.replace("status: current", "status: withdrawn"),
            "expired",
            "supported",
        ),
        # a house rule that the Flexi draft now breaks
        (
            "packs/house.yaml",
            lambda t: t.replace("[game changer]", "[spinal surgery]"),
            "supported",
            "overstated",
        ),
        # the drafts now run in the EU, where the FlexiSeal claim is not approved
        (
            "claimcheck.yaml",
            lambda t: t.replace("market: US", "market: EU"),
            "supported",
            "off-scope",
        ),
    ],
    ids=["evidence", "rule-pack", "config"],
)
def test_an_evidence_pack_or_config_change_checks_every_draft(
    repo, monkeypatch, rel, change, arc, flexi
):
    write(repo, rel, change((repo / rel).read_text("utf-8")))
    commit(repo, f"change {rel}")
    _, report, err = check(repo, monkeypatch, "drafts/", "--changed-since", "main")
    assert verdicts(report) == {"drafts/arc.md": [arc], "drafts/flexi.md": [flexi]}
    assert f"{rel} changed since main: checking every draft" in err


def test_a_registry_file_deleted_from_the_registry_directory_checks_every_draft(repo, monkeypatch):
    git(repo, "rm", "-q", "claims/flexiseal.yaml")
    commit(repo, "drop the FlexiSeal claims")
    code, report, err = check(repo, monkeypatch, "drafts/", "--changed-since", "main")
    assert code == 1
    assert verdicts(report) == {"drafts/arc.md": ["supported"], "drafts/flexi.md": ["unsupported"]}
    assert "claims/flexiseal.yaml changed since main" in err


def test_an_uncommitted_registry_edit_counts_too(repo, monkeypatch):
    write(repo, "claims/arcguide.yaml", ARC.replace("status: approved", "status: retired"))
    _, report, err = check(repo, monkeypatch, "drafts/", "--changed-since", "main")
    assert set(verdicts(report)) == DRAFTS


def test_other_yaml_changes_do_not_widen_the_run(repo, monkeypatch):
    write(repo, ".github/workflows/site.yml", "on: [push, pull_request]\n")
    write(repo, "drafts/notes.yaml", "not: a registry\n")
    commit(repo, "CI and notes")
    code, report, err = check(repo, monkeypatch, "drafts/", "--changed-since", "main")
    assert (code, verdicts(report)) == (0, {})
    assert "every draft" not in err


# --------------------------------------------------------------------------- pre-commit


def hook() -> dict:
    [spec] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return spec


def run_hook(repo: Path) -> subprocess.CompletedProcess[str]:
    """What pre-commit runs: the hook's entry with the staged files its `files` matches,
    through the installed console script, from the repository root."""
    spec = hook()
    staged = git(repo, "diff", "--cached", "--name-only", "--diff-filter=ACMR").split()
    files = [f for f in staged if re.search(spec["files"], f)]
    entry = spec["entry"].split()
    assert entry[0] == "claimcheck"
    return subprocess.run(
        [str(BIN / "claimcheck"), *entry[1:], *spec.get("args", []), *files],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


def test_the_hook_passes_registry_evidence_pack_and_config_files():
    pattern = hook()["files"]
    for name in ("claims.yaml", "reg/x.yml", "evidence.yaml", "pyproject.toml", "strength.json"):
        assert re.search(pattern, name), name
    for name in ("drafts/a.md", "b.DOCX", "deck.pptx", "page.html"):
        assert re.search(pattern, name), name


def test_pre_commit_on_a_registry_change_blocks_every_draft_using_it(repo):
    write(repo, "claims/arcguide.yaml", ARC.replace("status: approved", "status: retired"))
    git(repo, "add", "-A")
    done = run_hook(repo)
    assert done.returncode == 1, done.stderr
    assert "drafts/arc.md" in done.stdout and "EXPIRED" in done.stdout
    assert "2 files checked, 2 claims (1 supported, 1 expired)" in done.stdout
    assert "claims/arcguide.yaml changed: checking every draft" in done.stderr


def test_pre_commit_checks_only_the_staged_drafts_and_skips_other_files(repo):
    write(repo, "drafts/flexi.md", FLEXI_DRAFT.replace("In spinal", "A game changer in spinal"))
    write(repo, ".github/workflows/site.yml", "on: [push, pull_request]\n")
    git(repo, "add", "-A")
    done = run_hook(repo)
    assert done.returncode == 1, done.stderr
    assert "drafts/flexi.md" in done.stdout and "HX1" in done.stdout
    assert "drafts/arc.md" not in done.stdout
    assert "error" not in done.stderr  # the workflow file is not a draft, not an input error


def test_pre_commit_with_only_unrelated_files_passes_quietly(repo):
    write(repo, ".github/workflows/site.yml", "on: [push, pull_request]\n")
    git(repo, "add", "-A")
    done = run_hook(repo)
    assert (done.returncode, done.stderr) == (0, "")
