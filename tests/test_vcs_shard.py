"""--changed-since (git) and --shard I/N: which files a CI job checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import git

from claimcheck.errors import UsageError
from claimcheck.shard import parse_shard, select, shard_of
from claimcheck.vcs import changed_files

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "docs").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    for name in ("docs/old.md", "docs/edited.md", "docs/gone.md", "docs/untouched.md"):
        (root / name).write_text(f"{name}\n", encoding="utf-8")
    (root / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    # second commit: modify one file, add one, delete one, rename one
    (root / "docs/edited.md").write_text("changed\n", encoding="utf-8")
    (root / "docs/new brochure.md").write_text("new\n", encoding="utf-8")
    git(root, "rm", "-q", "docs/gone.md")
    git(root, "mv", "docs/old.md", "docs/renamed.md")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "second")
    # uncommitted: a modified tracked file, an untracked file, an ignored file
    (root / "docs/untouched.md").write_text("now touched\n", encoding="utf-8")
    (root / "docs/draft.md").write_text("draft\n", encoding="utf-8")
    (root / "docs/scratch.tmp").write_text("ignored\n", encoding="utf-8")
    return root


def names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root.resolve()).as_posix() for p in paths]


@needs_git
def test_changed_files_since_a_ref(repo: Path):
    got = changed_files("HEAD~1", repo)
    assert all(p.is_absolute() for p in got)
    assert names(got, repo) == [
        "docs/draft.md",  # untracked
        "docs/edited.md",  # modified in the commit
        "docs/new brochure.md",  # added
        "docs/renamed.md",  # renamed
        "docs/untouched.md",  # modified in the working tree
    ]


@needs_git
def test_changed_files_from_a_subdirectory_uses_repository_paths(repo: Path):
    got = changed_files("HEAD~1", repo / "docs")
    assert "docs/draft.md" in names(got, repo)
    assert all(p.exists() for p in got)


@needs_git
def test_nothing_changed_against_head_when_clean(tmp_path: Path):
    git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("a\n", encoding="utf-8")
    git(tmp_path, "add", "a.md")
    git(tmp_path, "commit", "-q", "-m", "a")
    assert changed_files("HEAD", tmp_path) == []


@needs_git
def test_unknown_ref_is_a_usage_error(repo: Path):
    with pytest.raises(UsageError, match="unknown git ref 'origin/nope'"):
        changed_files("origin/nope", repo)
    with pytest.raises(UsageError, match="unknown git ref"):
        changed_files("--output=/tmp/x", repo)  # never passed to git as an option


@needs_git
def test_not_a_repository_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    plain = tmp_path / "plain"
    plain.mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(UsageError, match="not inside a git repository") as err:
        changed_files("main", plain)
    assert "\n" not in str(err.value)


# --------------------------------------------------------------------------- shards


PATHS = [f"docs/section-{i}/page-{j}.md" for i in range(12) for j in range(10)]


def test_parse_shard():
    assert parse_shard("2/4") == (2, 4)
    assert parse_shard(" 1 / 1 ") == (1, 1)
    for bad in ("0/4", "5/4", "2/0", "2", "a/b", "2/4/8", "-1/4", ""):
        with pytest.raises(UsageError):
            parse_shard(bad)


@pytest.mark.parametrize("total", [1, 2, 3, 7])
def test_shards_cover_every_file_once(total: int):
    shards = [select(PATHS, i, total) for i in range(1, total + 1)]
    flat = [p for s in shards for p in s]
    assert sorted(flat) == sorted(PATHS)  # union is everything, nothing twice
    assert len(flat) == len(set(flat))
    if total > 1:
        assert all(shards), "every shard gets some of 120 files"


def test_shards_are_deterministic_and_independent_of_the_list():
    # The same file lands in the same shard whatever else is in the run, in any order.
    assert select(PATHS, 2, 4) == select(list(PATHS), 2, 4)
    subset = PATHS[::3]
    assert set(select(subset, 2, 4)) == set(select(PATHS, 2, 4)) & set(subset)
    assert select(list(reversed(PATHS)), 3, 4) == list(reversed(select(PATHS, 3, 4)))
    # Windows-style and './' prefixed spellings of a path agree.
    assert shard_of("docs\\a.md", 5) == shard_of("./docs/a.md", 5) == shard_of("docs/a.md", 5)


def test_shard_assignment_is_a_stable_hash():
    # Pinned values: a change here would move files between CI jobs across releases.
    files = ("README.md", "docs/a.md", "docs/b.docx", "docs/c.pdf")
    assert [shard_of(p, 4) for p in files] == [2, 3, 2, 1]
    # Python's hash() is salted per process; the shard must not be.
    code = f"from claimcheck.shard import shard_of; print([shard_of(p, 4) for p in {files!r}])"
    other = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    )
    assert other.stdout.strip() == "[2, 3, 2, 1]"
