"""The command lines the benchmark times: claimcheck's CLI and the linters it is compared with.

proselint (PyPI) and write-good (npm) are found on PATH or given by path; they are never
dependencies of claimcheck (install them in a separate venv / npm prefix). Each runs as
`procs` processes over interleaved slices of the files, the way a CI job would use two cores.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

# What the fastest possible PDF reading costs: pypdf opens each file and extracts every page.
PYPDF_FLOOR = """
import sys
from pypdf import PdfReader
for name in sys.argv[1:]:
    for page in PdfReader(name).pages:
        page.extract_text()
"""


def claimcheck(
    paths: Sequence[Path | str],
    config: Path,
    *,
    jobs: int = 2,
    fmt: str = "text",
    output: Path | None = None,
    extra: Sequence[str] = (),
    exe: str | None = None,
) -> list[str]:
    """The installed `claimcheck check` console script (python -m claimcheck without one),
    or the `exe` given (another build's console script)."""
    script = Path(sys.executable).with_name("claimcheck")
    if exe is not None:
        head = [exe]
    else:
        head = [str(script)] if script.exists() else [sys.executable, "-m", "claimcheck"]
    cmd = [*head, "check", *map(str, paths), "--config", str(config), "--jobs", str(jobs)]
    cmd += ["--format", fmt]
    if output is not None:
        cmd += ["--output", str(output)]
    return [*cmd, *extra]


def find(name: str, given: str | None) -> str | None:
    """The executable given, else the one on PATH, else None."""
    if given:
        return given if Path(given).exists() else shutil.which(given)
    return shutil.which(name)


def slices(files: Sequence[Path], procs: int) -> list[list[str]]:
    """`procs` interleaved slices of the files (similar sizes, similar mixes)."""
    return [[str(f) for f in files[i::procs]] for i in range(procs) if files[i::procs]]


def proselint(exe: str, files: Sequence[Path], procs: int = 2) -> list[list[str]]:
    """proselint over the files as `procs` processes (`proselint check` from 0.14 on)."""
    head = [exe, "check"] if _has_check_command(exe) else [exe]
    return [[*head, *part] for part in slices(files, procs)]


def write_good(exe: str, files: Sequence[Path], procs: int = 2) -> list[list[str]]:
    """write-good over the files as `procs` processes."""
    return [[exe, *part] for part in slices(files, procs)]


def pypdf_floor(files: Sequence[Path], procs: int = 2) -> list[list[str]]:
    """pypdf extract_text over every page of the files, as `procs` processes."""
    return [[sys.executable, "-c", PYPDF_FLOOR, *part] for part in slices(files, procs)]


def _has_check_command(exe: str) -> bool:
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, check=False)
    return " check " in out.stdout or "check " in out.stdout.split("commands:")[-1]
