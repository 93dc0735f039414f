"""A progress bar on stderr for long runs on a terminal (never in CI logs or pipes).

It appears once a run has taken `AFTER` seconds with files still to go, only when stderr is
a terminal, `CI` is not set, `TERM` is not `dumb`, and the report does not go to the same
terminal (a text report on screen is its own progress). It is transient (gone when the run
ends) and redrawn from the run's own progress calls, at most ten times a second: no thread.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

AFTER = 2.0  # seconds before the bar shows
EVERY = 0.1  # seconds between redraws


def wanted(report_to_file: bool) -> bool:
    """Whether this run may show a bar at all."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        if not sys.stderr.isatty():
            return False
        return report_to_file or not sys.stdout.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


@contextlib.contextmanager
def progress_bar(report_to_file: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A `progress(done, total)` callback drawing the bar, or None when there is none."""
    if not wanted(report_to_file):
        yield None
        return
    bar = _Bar()
    try:
        yield bar.update
    finally:
        bar.stop()


class _Bar:
    def __init__(self) -> None:
        self.start = time.monotonic()
        self.last = 0.0
        self.progress: Any = None
        self.task: Any = None

    def update(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < EVERY or done >= total:
            return
        self.last = now
        if self.progress is None:
            if now - self.start < AFTER:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self.progress = Progress(
                "checking",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(file=sys.stderr),
                auto_refresh=False,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("check", total=total)
        self.progress.update(self.task, completed=done, total=total)
        self.progress.refresh()

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
