"""Whole-process measurement: wall time, CPU time and peak memory of real command lines.

`timed(commands)` starts every command at once (two commands = two processes side by side,
as a linter is run on two cores) and waits for each with os.wait4, so CPU time and peak RSS
include the worker processes a command reaped. With `sample=True` a thread also adds up the
proportional set size (PSS: shared pages counted once) of every process of the tree each
20 ms, which is the memory a run really takes when forked workers share the parent's pages.

`interleave(variants, runs)` runs the variants round-robin, so that the noise of a shared
machine falls on all of them alike; `median_row` and `print_table` report medians and ratios.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One timed run of one or more processes started together."""

    wall: float  # seconds until the last process ended
    cpu: float  # user + system seconds, reaped children included
    max_rss: int  # bytes: the largest single process
    peak_pss: int | None  # bytes: the largest sampled sum over the process trees
    codes: tuple[int, ...]
    stderr: str  # the first process's standard error (the end of it)


def timed(
    commands: Sequence[Sequence[str]],
    *,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    sample: bool = False,
    ok: tuple[int, ...] | None = (0, 1),
) -> Run:
    """Run the commands side by side (stdout discarded) and measure them.

    Any exit code outside `ok` is a failure of the benchmark (None: any code will do, for
    linters whose exit code counts their findings).
    """
    full_env = {**os.environ, **(env or {})}
    with contextlib.ExitStack() as stack:
        errs = [stack.enter_context(tempfile.TemporaryFile()) for _ in commands]
        start = time.perf_counter()
        procs = [
            subprocess.Popen(
                list(cmd), cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=err
            )
            for cmd, err in zip(commands, errs, strict=True)
        ]
        sampler = _Sampler([p.pid for p in procs]) if sample else None
        cpu, rss, codes = 0.0, 0, []
        for p in procs:
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
            codes.append(p.returncode)
            cpu += usage.ru_utime + usage.ru_stime
            rss = max(rss, usage.ru_maxrss * 1024)  # KiB on Linux
        wall = time.perf_counter() - start
        peak = sampler.stop() if sampler else None
        errs[0].seek(0)
        stderr = errs[0].read()[-2000:].decode("utf-8", "replace")
    if ok is not None and any(code not in ok for code in codes):
        raise SystemExit(f"{show(commands[0])} failed (exit {codes}):\n{stderr}")
    return Run(wall, cpu, rss, peak, tuple(codes), stderr)


class _Sampler:
    """Peak of the summed PSS of some process trees, sampled from /proc."""

    def __init__(self, roots: list[int], every: float = 0.02) -> None:
        self.roots, self.every, self.peak = roots, every, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def stop(self) -> int | None:
        self._done.set()
        self._thread.join()
        return self.peak or None

    def _loop(self) -> None:
        while not self._done.is_set():
            total = sum(_pss(pid) for pid in self._tree())
            self.peak = max(self.peak, total)
            self._done.wait(self.every)

    def _tree(self) -> list[int]:
        out, todo = [], list(self.roots)
        while todo:
            pid = todo.pop()
            out.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as fh:
                        todo.extend(int(c) for c in fh.read().split())
            except OSError:
                continue
        return out


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def interleave(variants: Mapping[str, Callable[[], Run]], runs: int) -> dict[str, list[Run]]:
    """Run each variant `runs` times, round-robin, rotating the order each round."""
    names = list(variants)
    out: dict[str, list[Run]] = {name: [] for name in names}
    for r in range(runs):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            run = variants[name]()
            out[name].append(run)
            print(
                f"  round {r + 1}: {name}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU", flush=True
            )
    return out


def median(runs: Sequence[Run], field: str) -> float:
    """The median of one field over runs (None values left out)."""
    values = [getattr(r, field) for r in runs if getattr(r, field) is not None]
    return statistics.median(values) if values else float("nan")


def print_table(
    title: str,
    results: Mapping[str, Sequence[Run]],
    *,
    reference: str | None = None,
    words: int | None = None,
    field: str = "wall",
) -> None:
    """Medians (and min-max) per variant; ratio = variant / reference on `field`."""
    print(f"\n{title}")
    ref = median(results[reference], field) if reference in results else None
    width = max(len(n) for n in results)
    for name, runs in results.items():
        value = median(runs, field)
        spread = f"[{min(getattr(r, field) for r in runs):.2f}-{max(getattr(r, field) for r in runs):.2f}]"
        line = f"  {name:<{width}}  {field} {value:6.2f} s {spread:>13}"
        line += (
            f"  CPU {median(runs, 'cpu'):6.2f} s  max RSS {median(runs, 'max_rss') / 2**20:5.0f} MB"
        )
        if words and field == "wall":
            line += f"  {words / value:>9,.0f} words/s"
        if ref:
            line += f"  x{value / ref:.2f} of {reference}"
        print(line)


def show(command: Sequence[str]) -> str:
    """A command line as a shell would take it (long file lists shortened)."""
    parts = [str(c) for c in command]
    if len(parts) > 12:
        parts = [*parts[:8], f"... ({len(parts) - 10} more)", *parts[-2:]]
    return " ".join(shlex.quote(p) for p in parts)


def python() -> str:
    """The interpreter running the benchmark (claimcheck's venv)."""
    return sys.executable
