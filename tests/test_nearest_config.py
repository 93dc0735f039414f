"""Which config governs a draft, and what a run says when a directory yields nothing.

As in ruff and ESLint, a draft is checked with the nearest config above it (its registry,
context, include/exclude, waivers and limits), not only with the one found from where
claimcheck runs; --config names one config for every draft. A directory named on the command
line that yields no draft is an error (exit 2), not "0 files checked".
"""

from __future__ import annotations

from pathlib import Path

from hostile import REGISTRY, cli

OTHER_REGISTRY = """\
version: 1
claims:
  - id: KNEE-PAIN
    text: KneeEase reduced knee pain scores by 30% at six weeks in a randomized trial.
    evidence: [EV-KNEE]
evidence:
  - id: EV-KNEE
    citation: "Park J, et al. Knee. 2025;12:1-9."
    type: rct
    date: 2025-01-01
"""
ARC = "ArcGuide reduced mean operative time by 12% compared with conventional instrumentation."
KNEE = "KneeEase reduced knee pain scores by 30% at six weeks."


def _brands(root: Path) -> Path:
    """A content repository with no config at its top and one config per brand."""
    for brand, registry, draft in (("arc", REGISTRY, ARC), ("knee", OTHER_REGISTRY, KNEE)):
        (root / brand / "drafts").mkdir(parents=True)
        (root / brand / "claims.yaml").write_text(registry)
        (root / brand / "claimcheck.yaml").write_text(
            "registry: claims.yaml\naudience: hcp\ninclude: ['drafts/**']\n"
        )
        (root / brand / "drafts" / "page.md").write_text(draft + "\n")
        (root / brand / "notes.md").write_text("Not a draft: outside include.\n")
    return root


def test_each_draft_is_checked_with_the_nearest_config_above_it(tmp_path: Path) -> None:
    root = _brands(tmp_path)
    result = cli("check", "arc", "knee", "--format", "json", cwd=root)
    assert result.returncode == 0, (result.stdout, result.stderr)
    docs = {d["path"]: d for d in result.json()["documents"]}
    # Each brand's include applies to its own tree: notes.md is skipped in both.
    assert sorted(docs) == ["arc/drafts/page.md", "knee/drafts/page.md"]
    assert [c["claim_id"] for c in docs["arc/drafts/page.md"]["claims"]] == ["ARC-OPTIME"]
    assert [c["claim_id"] for c in docs["knee/drafts/page.md"]["claims"]] == ["KNEE-PAIN"]
    assert docs["knee/drafts/page.md"]["context"]["audience"] == "hcp"
    assert "claimcheck: note: drafts under arc/ are checked with arc/claimcheck.yaml" in (
        result.stderr
    )
    assert set(result.json()["registry"]["sources"]) == {"arc/claims.yaml", "knee/claims.yaml"}


def test_a_nearer_config_wins_over_the_one_where_claimcheck_runs(tmp_path: Path) -> None:
    root = _brands(tmp_path)
    (root / "claimcheck.yaml").write_text("registry: arc/claims.yaml\naudience: patient\n")
    result = cli("check", "knee/drafts/page.md", "arc/drafts/page.md", "-v", cwd=root)
    assert result.returncode == 0, result.stdout
    assert "knee/drafts/page.md (markdown, audience hcp)" in result.stdout
    assert "matches KNEE-PAIN" in result.stdout
    # The evidence of the other config's registry is cited too.
    assert "evidence: EV-KNEE Park J, et al. Knee. 2025;12:1-9." in result.stdout
    # A draft with no nearer config than the run's is checked with the run's.
    (root / "loose.md").write_text(ARC + "\n")
    result = cli("check", "loose.md", "--format", "json", cwd=root)
    (doc,) = result.json()["documents"]
    assert doc["context"]["audience"] == "patient" and doc["claims"][0]["claim_id"] == "ARC-OPTIME"


def test_config_option_governs_every_draft(tmp_path: Path) -> None:
    root = _brands(tmp_path)
    (root / "team.yaml").write_text("registry: arc/claims.yaml\naudience: payer\n")
    result = cli("check", "knee/drafts", "--config", "team.yaml", "--format", "json", cwd=root)
    (doc,) = result.json()["documents"]
    assert doc["context"]["audience"] == "payer"
    assert all(c["claim_id"] != "KNEE-PAIN" for c in doc["claims"])
    assert "checked with" not in result.stderr


def test_a_directory_yielding_no_draft_fails_and_the_others_are_checked(tmp_path: Path) -> None:
    root = _brands(tmp_path)
    (root / "images").mkdir()
    (root / "images" / "logo.png").write_bytes(b"\x89PNG")
    result = cli("check", "images", "arc/drafts", "--format", "json", cwd=root)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "claimcheck: error: images: no drafts in this directory (no .docx, .htm, .html, "
        ".markdown, .md, .pdf, .pptx, .text or .txt file that the config's include/exclude "
        "selects)"
    )
    paths = [d["path"] for d in result.json()["documents"] if d["error"] is None]
    assert paths == ["arc/drafts/page.md"]
