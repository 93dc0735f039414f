"""The progress bar: on a terminal for long runs, never in CI logs or pipes (issue 10: 4)."""

from __future__ import annotations

import io

import pytest

from claimcheck.cli import progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def terminal(monkeypatch: pytest.MonkeyPatch) -> Tty:
    """stderr and stdout on a terminal (set inside the test: pytest swaps them per phase)."""
    err = Tty()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr("sys.stdout", Tty())
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(progress, "AFTER", 0.0)
    monkeypatch.setattr(progress, "EVERY", 0.0)
    return err


def test_a_long_run_to_a_file_shows_a_bar_on_the_terminal(monkeypatch):
    err = terminal(monkeypatch)
    with progress.progress_bar(report_to_file=True) as update:
        assert update is not None
        update(3, 10)
        assert "3/10" in err.getvalue()
        update(10, 10)


@pytest.mark.parametrize(
    ("setting", "report_to_file"),
    [("CI", True), ("pipe", True), ("dumb", True), ("report on screen", False)],
)
def test_no_bar_in_ci_logs_pipes_or_over_the_report(monkeypatch, setting, report_to_file):
    terminal(monkeypatch)
    if setting == "CI":
        monkeypatch.setenv("CI", "true")
    elif setting == "pipe":
        monkeypatch.setattr("sys.stderr", io.StringIO())
    elif setting == "dumb":
        monkeypatch.setenv("TERM", "dumb")
    with progress.progress_bar(report_to_file) as update:
        assert update is None


def test_a_short_run_shows_nothing(monkeypatch):
    err = terminal(monkeypatch)
    monkeypatch.setattr(progress, "AFTER", 60.0)
    with progress.progress_bar(report_to_file=True) as update:
        update(3, 10)
    assert err.getvalue() == ""
