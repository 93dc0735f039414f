"""Defects a demanding user found by running claimcheck on real files, each pinned down here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.config import load_config
from claimcheck.errors import ConfigError, InputError

REGISTRY = """\
version: 1
claims:
  - id: ARC-OPTIME
    text: >-
      ArcGuide reduced mean operative time by 12% compared with conventional
      instrumentation in a randomized controlled trial.
    evidence: [EV-ARC-RCT-2024]
    requires: ["compared with conventional instrumentation"]
evidence:
  - id: EV-ARC-RCT-2024
    citation: "Lee M, et al. J Arthroplasty. 2024;39(2):210-218."
    type: rct
    date: 2024-02-01
"""
OVERSTATED = "ArcGuide dramatically cuts operative time by 25%."


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content repository with a registry, a config and one overstated draft; cwd is it."""
    (tmp_path / "claims.yaml").write_text(REGISTRY)
    (tmp_path / "claimcheck.yaml").write_text("registry: claims.yaml\n")
    (tmp_path / "draft.md").write_text(OVERSTATED + "\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def _one_error_line(result: object) -> str:
    """The run failed as a user error: exit 2, one stderr line, no traceback."""
    assert result.exit_code == 2, (result.output, result.exception)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in result.stderr
    return lines[0]


def test_color_always_keeps_highlighting_when_piped(repo: Path) -> None:
    # `--color always | less -R` and CI logs: stdout is not a terminal, yet the user asked.
    result = _run("check", "draft.md", "--color", "always")
    assert result.exit_code == 1
    assert "\x1b[" in result.stdout
    plain = _run("check", "draft.md", "--color", "never")
    assert "\x1b[" not in plain.stdout
    assert "[dramatically]" in plain.stdout


@pytest.mark.parametrize(
    ("config", "line", "glob"),
    [
        ("overrides:\n  - files: '**/[z-a].md'\n    audience: hcp\n", 3, "**/[z-a].md"),
        ("exclude: [ok.md, '[b-a]*']\n", 2, "[b-a]*"),
        ("waivers:\n  - file: '[z-a]'\n    sentence: x\n    reason: y\n", 3, "[z-a]"),
    ],
)
def test_bad_glob_in_config_is_a_config_error(
    repo: Path, config: str, line: int, glob: str
) -> None:
    (repo / "claimcheck.yaml").write_text("registry: claims.yaml\n" + config)
    message = _one_error_line(_run("check", "draft.md"))
    assert message.startswith(f"claimcheck: error: claimcheck.yaml:{line}: bad glob '{glob}'")
    with pytest.raises(ConfigError, match="bad character range"):
        load_config(None, repo)


def test_impossible_date_in_front_matter_is_an_input_error(repo: Path) -> None:
    (repo / "draft.md").write_text(
        "---\ndate: 2026-02-30\nclaimcheck:\n  as_of: 2026-13-01\n---\n" + OVERSTATED + "\n"
    )
    result = _run("check", "draft.md")
    message = _one_error_line(result)
    assert "internal error" not in message
    assert message == (
        "claimcheck: error: draft.md: front matter 'claimcheck: as_of': "
        "invalid date '2026-13-01' (expected YYYY-MM-DD)"
    )


def test_impossible_date_elsewhere_in_front_matter_is_the_authors_business(repo: Path) -> None:
    (repo / "draft.md").write_text("---\ndate: 2026-02-30\n---\n" + OVERSTATED + "\n")
    result = _run("check", "draft.md")
    assert result.exit_code == 1
    assert "line 4: OVERSTATED" in result.stdout


def test_broken_pyproject_found_by_search_is_named_like_other_config_errors(
    repo: Path,
) -> None:
    (repo / "claimcheck.yaml").unlink()
    (repo / "pyproject.toml").write_text(
        '[tool.claimcheck]\nregistry = "claims.yaml"\n[tool.claimcheck.x\n'
    )
    message = _one_error_line(_run("check", "draft.md"))
    assert message.startswith("claimcheck: error: pyproject.toml:3: invalid TOML"), message


def test_config_waiver_matches_sentences_as_the_run_does(repo: Path) -> None:
    # docs/ci.md: case, whitespace, typographic quotes and edge punctuation are ignored.
    (repo / "claimcheck.yaml").write_text(
        "registry: claims.yaml\n"
        "waivers:\n"
        "  - sentence: 'arcguide dramatically cuts operative time by 25%'\n"
        "    reason: approved for one booth\n"
    )
    waiver = load_config(None, repo).waivers[0]
    assert waiver.applies(
        rule="CC201",
        name="intensifier",
        fingerprint="f",
        sentence=OVERSTATED,
        path=repo / "draft.md",
        root=repo,
        as_of=date(2026, 1, 1),
    )
    result = _run("check", "draft.md")
    assert result.exit_code == 0, result.stdout
    assert "(waived: approved for one booth)" in result.stdout


def test_error_messages_stay_on_one_line() -> None:
    error = InputError("corrupt PDF (xref table\nis damaged)", path="a.pdf", page=2)
    assert str(error) == "a.pdf: page 2: corrupt PDF (xref table is damaged)"


def test_directory_with_no_drafts_says_so(repo: Path) -> None:
    (repo / "claimcheck.yaml").write_text("registry: claims.yaml\ninclude: ['drafts/**']\n")
    (repo / "other").mkdir()
    (repo / "other" / "a.md").write_text(OVERSTATED + "\n")
    result = _run("check", "other")
    # Like ESLint: a directory that yields nothing is an error, never "0 files checked", exit 0.
    assert _one_error_line(result) == (
        "claimcheck: error: other: no drafts in this directory (no .docx, .htm, .html, "
        ".markdown, .md, .pdf, .pptx, .text or .txt file that the config's include/exclude "
        "selects)"
    )
