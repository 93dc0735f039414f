"""What the user sees when things go wrong, print badly or must be reproducible.

The top-level guard (one line naming the file, exit 2, never a traceback or exit 1),
Ctrl-C at any moment, terminal escape sequences in drafts, consoles that cannot encode a
character, and SOURCE_DATE_EPOCH for byte-identical reports and annotated copies.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from hostile import OVERSTATED, cli, digests, repo, run

EPOCH = 1_700_000_000  # 2023-11-14T22:13:20+00:00

BUG = """
import claimcheck.registry.load as load
def boom(self, f, data):
    raise KeyError("rId999")
load._Loader.load_file = boom
"""


def test_a_bug_while_loading_a_file_is_one_line_naming_it(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    result = run("check", "good.md", cwd=root, prelude=BUG)
    assert result.returncode == 2
    assert result.errors() == [
        "claimcheck: error: claims.yaml: internal error (KeyError: 'rId999'); please report it"
    ]


def test_a_bug_outside_any_file_is_one_line_and_exit_2_not_1(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    prelude = """
import claimcheck.report.text as text
def boom(*args, **kwargs):
    raise ZeroDivisionError("division by zero")
text.Writer.end = boom  # the summary line, written after every file
"""
    result = run("check", "good.md", cwd=root, prelude=prelude)
    assert result.returncode == 2
    assert result.errors() == [
        "claimcheck: error: internal error (ZeroDivisionError: division by zero); please report it"
    ]


def test_ctrl_c_during_the_run_is_one_line_and_exit_2(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    prelude = """
import os, signal
import claimcheck.pipeline as pipeline
original = pipeline.Checker.check
def check(self, path, display):
    os.kill(os.getpid(), signal.SIGINT)
    return original(self, path, display)
pipeline.Checker.check = check
"""
    result = run(
        "check", "good.md", "--format", "json", "-o", "out.json", cwd=root, prelude=prelude
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == "claimcheck: error: interrupted"
    assert result.errors() == ["claimcheck: error: interrupted"]
    assert sorted(p.name for p in root.iterdir()) == ["claimcheck.yaml", "claims.yaml", "good.md"]


def test_ctrl_c_while_python_shuts_down_is_one_line_and_exit_2(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    # The interrupt arrives once the command has finished, as the process ends (claimcheck
    # ends with os._exit after flushing: no atexit teardown, so that is the moment).
    prelude = """
import os, signal, time
import claimcheck.cli as cli
real_exit = cli._exit
def late_exit(status):
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(1)
    real_exit(status)
cli._exit = late_exit
"""
    result = run("check", "good.md", cwd=root, prelude=prelude)
    assert result.returncode == 2
    assert "OVERSTATED" in result.stdout  # the report was complete before the interrupt
    assert result.errors() == ["claimcheck: error: interrupted"]
    assert "Exception ignored" not in result.stderr


HOSTILE_TEXT = (
    "ArcGuide \x1b]0;owned\x07dramatically\x1b]8;;https://evil.example\x1b\\ cuts "
    "operative time by 25%.\x1b[2J\n"
)


def test_escape_sequences_from_drafts_never_reach_the_terminal(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    (root / "good.md").write_text(HOSTILE_TEXT)
    (root / "evil\x1b]0;x\x07.md").write_text("ArcGuide cures arthritis.\n")
    (root / "bad\x1b[2J.md").write_bytes(b"\xff\xfe not text")
    before = digests(root)
    for color in ("never", "always"):
        result = run("check", ".", "-v", "--color", color, cwd=root)
        assert result.returncode == 2  # bad*.md cannot be read
        # The only ESC bytes in coloured output are claimcheck's own SGR colour codes.
        colours = result.stdout.count("\x1b[")
        assert result.stdout.count("\x1b") == colours and "\x07" not in result.stdout
        assert "\x1b[2J" not in result.stdout and "\x1b]" not in result.stdout
        assert "\x1b" not in result.stderr
        assert "\\x1b]0;x\\x07.md" in result.stdout  # the file name, escaped
        # The draft's own sequences lose their ESC and BEL when it is read (see test_normalise).
        assert "ArcGuide ]0;owneddramatically]8;;https://evil.example\\ cuts" in result.stdout
        assert "bad\\x1b[2J.md" in result.errors()[0]
    assert digests(root) == before


def test_a_console_that_cannot_encode_a_character_gets_escapes(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    (root / "good.md").write_text("ArcGuide’s dramatically faster recovery — 25% → fewer days.\n")
    # cp1252, a Windows console's encoding, has no arrow (click rewraps a plain ASCII stream).
    result = run(
        "check", "good.md", cwd=root, env={"PYTHONIOENCODING": "cp1252"}, encoding="cp1252"
    )
    assert result.returncode == 1
    assert "ArcGuide’s" in result.stdout and "25% \\u2192 fewer" in result.stdout


def test_source_date_epoch_makes_reports_byte_identical(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    env = {"SOURCE_DATE_EPOCH": str(EPOCH)}
    outputs = {}
    for name in ("a", "b"):
        for suffix in ("html", "md"):
            out = f"{name}.{suffix}"
            assert cli("report", "good.md", "-o", out, cwd=root, env=env).returncode == 0
            outputs[out] = (root / out).read_bytes()
    assert outputs["a.html"] == outputs["b.html"] and outputs["a.md"] == outputs["b.md"]
    assert b"2023-11-14T22:13:20+00:00" in outputs["a.md"]
    result = cli("report", "good.md", "-o", "c.md", cwd=root, env={"SOURCE_DATE_EPOCH": "soon"})
    assert result.errors() == [
        "claimcheck: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, "
        "not 'soon'"
    ]


def test_source_date_epoch_dates_docx_comments_and_entries(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    document = docx.Document()
    document.add_paragraph(OVERSTATED)
    document.save(str(root / "draft.docx"))
    env = {"SOURCE_DATE_EPOCH": str(EPOCH)}
    for out in ("a.docx", "b.docx"):
        assert cli("annotate", "draft.docx", "-o", out, cwd=root, env=env).returncode == 0
    assert (root / "a.docx").read_bytes() == (root / "b.docx").read_bytes()
    annotated = docx.Document(str(root / "a.docx"))
    comments = list(annotated.comments)  # the claim's, and the document's (CC404 fair balance)
    assert len(comments) == 2
    assert {c.timestamp for c in comments} == {datetime.fromtimestamp(EPOCH, UTC)}
    with zipfile.ZipFile(root / "a.docx") as package:
        assert {i.date_time for i in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
