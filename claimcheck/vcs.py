"""Which files changed: `--changed-since REF` for pull-request checks.

"Changed" means added, modified or renamed in the commits since the merge base of REF and
HEAD (`git diff REF...HEAD`, what a pull request shows), plus staged and unstaged changes in
the working tree and untracked files that git does not ignore, so a local run before a
commit sees the same files CI will. Deleted files are left out: there is nothing to check.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from claimcheck.errors import UsageError


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, and git is not installed") from None


def _first_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[0].removeprefix("fatal: ") if lines else "git failed"


def toplevel(directory: Path) -> Path | None:
    """The root of the git work tree holding `directory`, or None outside one."""
    top = _git(["rev-parse", "--show-toplevel"], directory)
    return Path(top.stdout.strip()) if top.returncode == 0 else None


def changed_files(ref: str, cwd: Path) -> list[Path]:
    """Absolute paths of files added/modified/renamed since the merge base with ref, or uncommitted."""
    root = toplevel(cwd)
    if root is None:
        raise UsageError(f"--changed-since: {cwd} is not inside a git repository")
    if (
        ref.startswith("-")
        or _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd).returncode
    ):
        raise UsageError(
            f"--changed-since: unknown git ref '{ref}' (in CI, fetch it: actions/checkout with fetch-depth: 0)"
        )
    names: set[str] = set()
    for args in (
        ["diff", "--name-only", "-z", "--diff-filter=AMR", f"{ref}...HEAD"],
        ["diff", "--name-only", "-z", "--diff-filter=AMR", "HEAD"],
        ["ls-files", "--others", "--exclude-standard", "-z", "--full-name"],
    ):
        # ls-files lists relative to cwd unless --full-name; diff always lists from the top.
        out = _git(args, root)
        if out.returncode != 0:
            raise UsageError(f"--changed-since {ref}: {_first_line(out.stderr)}")
        names.update(n for n in out.stdout.split("\0") if n)
    return sorted(p for p in (root / n for n in names) if p.is_file())
