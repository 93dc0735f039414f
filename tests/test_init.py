"""`claimcheck init` gives a new content repository a working starting point."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli


def test_init_writes_a_config_registry_and_evidence_that_check_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner(env={"NO_COLOR": "1"})
    result = runner.invoke(cli, ["init", "--product", "ArcGuide"])
    assert result.exit_code == 0, result.stderr
    assert {p.name for p in tmp_path.iterdir()} == {
        "claimcheck.yaml",
        "claims.yaml",
        "evidence.yaml",
    }
    (tmp_path / "draft.md").write_text(
        "ArcGuide reduced mean procedure time by 10% compared with standard care in a "
        "randomized controlled trial.\n\nArcGuide cures knee pain.\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["check", ".", "--verbose"])
    assert result.exit_code == 1
    assert "SUPPORTED" in result.stdout and "matches ARCGUIDE-EXAMPLE" in result.stdout
    assert "PROHIBITED" in result.stdout and "NO-ARCGUIDE-CURE" in result.stdout
    assert runner.invoke(cli, ["registry", "validate"]).exit_code == 0


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_text("version: 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", "--dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "claims.yaml already exists" in result.stderr
    assert (tmp_path / "claims.yaml").read_text(encoding="utf-8") == "version: 1\n"
    assert not (tmp_path / "claimcheck.yaml").exists()
