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


def changed_paths(ref: str, cwd: Path) -> list[Path]:
    """Absolute paths git reports as changed since the merge base with ref, or uncommitted.

    Deleted files are included (a registry file removed from a registry directory changes
    what every draft is judged against); a rename is its old path deleted and its new one
    added.
    """
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
        ["diff", "--name-only", "-z", "--no-renames", f"{ref}...HEAD"],
        ["diff", "--name-only", "-z", "--no-renames", "HEAD"],
        ["ls-files", "--others", "--exclude-standard", "-z", "--full-name"],
    ):
        # ls-files lists relative to cwd unless --full-name; diff always lists from the top.
        out = _git(args, root)
        if out.returncode != 0:
            raise UsageError(f"--changed-since {ref}: {_first_line(out.stderr)}")
        names.update(n for n in out.stdout.split("\0") if n)
    return sorted(root / n for n in names)


def changed_files(ref: str, cwd: Path) -> list[Path]:
    """The files of `changed_paths` that exist: added, modified or renamed, never deleted."""
    return [p for p in changed_paths(ref, cwd) if p.is_file()]
