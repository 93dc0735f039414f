"""Hostile files other than YAML: strength models, special files, loops, bombs, odd encodings.

Each ends in one error line naming the file (exit 2) within the limits of `hostile`, the
other drafts of the run still checked, and no input modified.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import digests, repo, run

FORMAT = '"format": "claimcheck-strength-model", "version": 1'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "{" + FORMAT + ', "weights": {"word:x": [1' + "0" * 5000 + ", 0, 0, 0]}}",
            "not a strength model (a number in it is too long)",
        ),
        (
            "{" + FORMAT + ', "meta": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "not a strength model (nested too deeply)",
        ),
    ],
    ids=["huge-integer", "deep-nesting"],
)
def test_hostile_strength_model_is_one_line(tmp_path: Path, body: str, message: str) -> None:
    root = repo(tmp_path / "repo")
    (root / "model.json").write_text(body, encoding="utf-8")
    before = digests(root)
    result = run("check", "--strength-model", "model.json", "good.md", cwd=root)
    assert result.returncode == 2
    (line,) = result.errors()
    assert line.startswith("claimcheck: error: ") and line.endswith(f"model.json: {message}")
    assert digests(root) == before
