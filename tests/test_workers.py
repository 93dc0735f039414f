"""The worker pool: a killed worker, Ctrl-C and platforms without fork (issue 12: 7, 12, 16).

The runs that must not hang or print tracebacks happen in a child process with a time limit,
started the way a user starts claimcheck; the child replaces `Checker.check` for one file
(forked workers inherit the replacement) to play the OOM killer or a slow file.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimcheck import detect, pipeline, workers

REGISTRY = """\
version: 1
claims:
  - id: ARC-OPTIME
    text: ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
    evidence: [EV-1]
evidence:
  - id: EV-1
    citation: "Author, et al. J Synthetic Med. 2024;1:1-9."
"""
FILES = 10  # over pipeline.PARALLEL_MIN_FILES, so two workers are used


def drafts(folder: Path) -> Path:
    """FILES small drafts and a registry; returns the drafts folder."""
    (folder / "claims.yaml").write_text(REGISTRY, encoding="utf-8")
    (folder / "claimcheck.yaml").write_text("registry: claims.yaml\n", encoding="utf-8")
    docs = folder / "drafts"
    docs.mkdir()
    for i in range(FILES):
        (docs / f"d{i}.md").write_text(
            f"# Page {i}\n\nArcGuide dramatically reduced operative time by {10 + i}%.\n",
            encoding="utf-8",
        )
    return docs


CHILD = """
import os, signal, sys, time
from pathlib import Path
from claimcheck import pipeline
from claimcheck.cli import main

# As in a terminal's foreground job (a background job may start with SIGINT ignored).
signal.signal(signal.SIGINT, signal.default_int_handler)
real = pipeline.Checker.check
mode, target, ready = sys.argv[1], sys.argv[2], Path(sys.argv[3])

def check(self, path, display):
    if mode == "kill" and path.name == target:
        os.kill(os.getpid(), signal.SIGKILL)
    if mode == "sleep":
        ready.touch()
        time.sleep(60)
    return real(self, path, display)

pipeline.Checker.check = check
sys.argv = ["claimcheck", *sys.argv[4:]]
main()
"""


def child(tmp_path: Path, mode: str, target: str, *args: str) -> subprocess.Popen:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), mode, target, str(tmp_path / "ready"), *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )


def finish(proc: subprocess.Popen, timeout: float, hung: str) -> tuple[str, str]:
    """The child's stdout and stderr; a child still running after `timeout` fails the test."""
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(hung)


def test_a_killed_worker_names_its_file_and_the_other_files_are_checked(tmp_path):
    drafts(tmp_path)
    proc = child(tmp_path, "kill", "d3.md", "check", "drafts", "--jobs", "2", "--format", "json")
    out, err = finish(proc, 90, "the run hung after a worker was killed")
    assert proc.returncode == 2
    assert err.splitlines()[0] == (
        "claimcheck: error: drafts/d3.md: the worker process checking it was killed by "
        "SIGKILL (the system may have run out of memory)"
    )
    assert "Traceback" not in err
    docs = {d["path"]: d for d in json.loads(out)["documents"]}
    assert len(docs) == FILES
    assert docs["drafts/d3.md"]["error"].startswith("drafts/d3.md: the worker process")
    others = [d for p, d in docs.items() if p != "drafts/d3.md"]
    assert all(d["error"] is None and d["claims"] for d in others)


def test_ctrl_c_with_two_workers_is_one_line_and_no_worker_traceback(tmp_path):
    drafts(tmp_path)
    proc = child(tmp_path, "sleep", "-", "check", "drafts", "--jobs", "2", "--no-cache")
    deadline = time.monotonic() + 60
    while not (tmp_path / "ready").exists():  # a worker holds a file
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no worker started"
        time.sleep(0.05)
    time.sleep(0.2)  # let the second worker reach its file too
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    _, err = finish(proc, 30, "the run did not stop on Ctrl-C")
    assert err == "claimcheck: error: interrupted\n"
    assert proc.returncode == 2


def _no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """A platform without fork (Windows): asking for it fails as it does there."""
    real = multiprocessing.get_context

    def get_context(method=None):
        if method == "fork":
            raise ValueError("cannot find context for 'fork'")
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_context", get_context)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])


def _verdicts(report) -> list:
    return [(d.path, d.error, [c.verdict for c in d.claims]) for d in report.documents]


def test_the_pool_works_without_fork(tmp_path, monkeypatch):
    docs = drafts(tmp_path)
    options = pipeline.Options(paths=(str(docs),), cwd=tmp_path, jobs=1, cache=False)
    alone = _verdicts(pipeline.run(options))
    _no_fork(monkeypatch)
    assert workers.start_method() == "spawn"
    spawned = _verdicts(pipeline.run(dataclasses.replace(options, jobs=2)))
    assert spawned == alone
    assert all(error is None and verdicts for _, error, verdicts in spawned)


def test_without_worker_processes_the_files_are_checked_here(tmp_path, monkeypatch):
    docs = drafts(tmp_path)

    def start(self):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", start)
    options = pipeline.Options(paths=(str(docs),), cwd=tmp_path, jobs=2, cache=False)
    report = pipeline.run(options)
    assert len(report.documents) == FILES
    assert all(d.error is None and d.claims for d in report.documents)


@pytest.mark.skipif(
    workers.start_method() != "fork", reason="workers are recycled only when forked"
)
def test_recycled_workers_check_every_file_as_one_process_does(tmp_path, monkeypatch):
    docs = drafts(tmp_path)
    options = pipeline.Options(paths=(str(docs),), cwd=tmp_path, jobs=1, cache=False)
    alone = _verdicts(pipeline.run(options))
    started = []
    real = workers._Pool._start

    def start(self):
        started.append(1)
        return real(self)

    grows = itertools.count(0, 1 << 40)  # every file checked makes a worker 1 TB bigger
    monkeypatch.setattr(workers, "_resident", lambda: next(grows))
    monkeypatch.setattr(workers._Pool, "_start", start)
    recycled = _verdicts(pipeline.run(dataclasses.replace(options, jobs=2)))
    assert recycled == alone
    assert all(error is None and verdicts for _, error, verdicts in recycled)
    assert len(started) >= FILES  # a fresh fork after every file


@pytest.mark.skipif(
    workers.start_method() != "fork", reason="the test's hooks are inherited by forked workers"
)
def test_a_sentence_one_worker_read_is_not_read_or_examined_again_by_the_other(
    tmp_path, monkeypatch
):
    docs = drafts(tmp_path)
    shared = "ArcGuide reduced operative time by 12% compared with conventional instrumentation."
    for name in ("d0.md", "d3.md"):
        with open(docs / name, "a", encoding="utf-8") as fh:
            fh.write(f"\n{shared}\n")
    log = tmp_path / "read.log"
    real_read, real_check = pipeline.read_sentence, pipeline.Checker.check

    def read_sentence(sentence, names, registry):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {sentence.text}\n")
        return real_read(sentence, names, registry)

    facts = tmp_path / "facts.log"
    real_states = detect._states

    def states(sentence, kind):  # what the document checks ask of every sentence
        with open(facts, "a", encoding="utf-8") as fh:
            fh.write(f"{kind} {sentence.text}\n")
        return real_states(sentence, kind)

    def wait_for(name):
        deadline = time.monotonic() + 30
        while not (tmp_path / name).exists() and time.monotonic() < deadline:
            time.sleep(0.01)

    def check(self, path, display):
        # One worker reads d0 and is then held in d2 until the other, held in d1 until
        # then, has taken d3: so d3, which repeats a sentence of d0, goes to the other.
        (tmp_path / f"started-{path.stem}").touch()
        if path.stem == "d1":
            wait_for("started-d2")
        if path.stem == "d2":
            wait_for("started-d3")
        return real_check(self, path, display)

    monkeypatch.setattr(pipeline, "read_sentence", read_sentence)
    monkeypatch.setattr(pipeline.Checker, "check", check)
    monkeypatch.setattr(detect, "_states", states)
    monkeypatch.setattr(detect, "_FACTS", {})
    options = pipeline.Options(paths=(str(docs),), cwd=tmp_path, jobs=2, cache=False)
    report = pipeline.run(options)
    reads = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    assert len({pid for pid, _ in reads}) == 2  # both workers read sentences
    assert [text for _, text in reads].count(shared) == 1
    asked = [line.split(" ", 1) for line in facts.read_text(encoding="utf-8").splitlines()]
    about = [kind for kind, text in asked if text == shared]
    assert about and len(about) == len(set(about))  # each question asked of it once
    verdicts = {
        d.path: [c.verdict for c in d.claims if c.sentence.text == shared] for d in report.documents
    }
    assert verdicts["drafts/d0.md"] == verdicts["drafts/d3.md"] == ["supported"]
