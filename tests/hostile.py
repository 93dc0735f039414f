"""Shared by the hostile-input tests: run claimcheck as a user does, under resource limits.

A hostile input must end within SECONDS and MEMORY_MB with one error line naming the file,
the other drafts of the run still checked, and no input modified. `run` starts the installed
package in a fresh interpreter with an address-space limit and a timeout, so a regression
(an alias bomb expanding, a reader looping) fails the test instead of taking the machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The ARC-OPTIME registry the API and language-server tests share, and copy overstating it.
from arcguide import OVERSTATED, REGISTRY

SECONDS = 15
MEMORY_MB = 600


@dataclass
class Run:
    """What a limited run of claimcheck gave back."""

    returncode: int
    stdout: str
    stderr: str

    def errors(self) -> list[str]:
        """The `claimcheck: error:` lines of stderr."""
        return [ln for ln in self.stderr.splitlines() if ln.startswith("claimcheck: error:")]

    def json(self) -> dict:
        """stdout as the JSON report."""
        return json.loads(self.stdout)


def _limits(memory_mb: int, file_size: int | None) -> None:
    cap = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    if file_size is not None:
        # Writes past file_size bytes then fail with EFBIG, as on a full disk.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))


def run(
    *args: str | Path,
    cwd: Path,
    seconds: float = SECONDS,
    memory_mb: int = MEMORY_MB,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    file_size: int | None = None,
    prelude: str | None = None,
    encoding: str = "utf-8",
) -> Run:
    """`python -m claimcheck ARGS` in `cwd`, killed after `seconds`, capped at `memory_mb`.

    `prelude` is Python run first in the same interpreter (to stand in for a bug or a
    Ctrl-C at a precise moment); `file_size` caps the size of any file written.
    """
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("CLAIMCHECK_DEBUG", None)
    start = ["-m", "claimcheck"]
    if prelude is not None:
        start = ["-c", prelude + "\nfrom claimcheck.cli import main\nmain()\n"]
    proc = subprocess.run(
        [sys.executable, *start, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        encoding=encoding,
        timeout=seconds,
        preexec_fn=lambda: _limits(memory_mb, file_size),
        env=full_env,
        input=stdin,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "MemoryError" not in proc.stderr, proc.stderr[-3000:]
    return Run(proc.returncode, proc.stdout, proc.stderr)


def cli(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """claimcheck ARGS in this process (click's CliRunner) from `cwd`: for runs that need no
    resource limits, so the spaCy pipeline loads once for all of them."""
    from click.testing import CliRunner

    from claimcheck.cli import cli as group

    here = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(group, [str(a) for a in args], env=env)
    finally:
        os.chdir(here)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr, result.stderr
    return Run(result.exit_code, result.stdout, result.stderr)


def repo(root: Path) -> Path:
    """A content repository: registry, config and one overstated draft (`good.md`)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "claims.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "claimcheck.yaml").write_text("registry: claims.yaml\n", encoding="utf-8")
    (root / "good.md").write_text(OVERSTATED + "\n", encoding="utf-8")
    return root


def digests(root: Path) -> dict[str, str]:
    """sha256 of every regular file under root (symlinks and special files skipped)."""
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            if path.is_symlink() or not path.is_file():
                continue
            out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def good_was_checked(result: Run) -> bool:
    """The good draft's overstated claim is in the JSON report."""
    docs = {d["path"]: d for d in result.json()["documents"]}
    good = docs.get("good.md")
    return good is not None and any(c["verdict"] == "overstated" for c in good["claims"])
