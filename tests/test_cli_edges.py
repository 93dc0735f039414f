"""The command line a user expects: stdin, concise output, help, colour, width, completion."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import click
import pytest
from arcguide import REGISTRY, SUPPORTED
from click.testing import CliRunner

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ANSI = re.compile(r"\x1b\[[0-9;]*m")

CONFIG = """\
registry: claims.yaml
audience: hcp
overrides:
  - files: patient/**
    audience: patient
"""
DRAFT = f"# Email\n\n{SUPPORTED} ArcGuide **dramatically** cuts operative time by 25%.\n"


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claims.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str, input: bytes | str | None = None, env: dict[str, str] | None = None):
    base = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None}
    return CliRunner(env={**base, **(env or {})}).invoke(cli, list(args), input=input)


# --------------------------------------------------------------------------- stdin


def test_a_draft_on_stdin_is_checked_as_the_file_it_names(ws):
    (ws / "patient").mkdir()
    (ws / "patient/page.md").write_text(DRAFT, encoding="utf-8")
    from_file = invoke("check", "patient/page.md", "--format", "json")
    from_stdin = invoke(
        "check", "-", "--stdin-filename", "patient/page.md", "--format", "json", input=DRAFT
    )
    assert from_file.exit_code == from_stdin.exit_code == 1
    a, b = json.loads(from_file.stdout), json.loads(from_stdin.stdout)
    assert a["documents"] == b["documents"]  # path, sha256, the override's context, findings
    assert b["documents"][0]["context"]["audience"] == "patient"


def test_stdin_without_a_name_is_markdown_called_stdin(ws):
    result = invoke("check", "-", "--format", "json", input=DRAFT)
    [doc] = json.loads(result.stdout)["documents"]
    assert (doc["path"], doc["format"]) == ("<stdin>", "markdown")
    assert [c["verdict"] for c in doc["claims"]] == ["supported", "overstated"]


def test_a_docx_on_stdin_is_read_like_the_file(ws, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Brochure")
    document.add_paragraph("ArcGuide dramatically cuts operative time by 25%.")
    document.save(str(ws / "brochure.docx"))
    data = (ws / "brochure.docx").read_bytes()
    from_stdin = invoke(
        "check", "-", "--stdin-filename", "brochure.docx", "--format", "json", input=data
    )
    from_file = invoke("check", "brochure.docx", "--format", "json")
    assert json.loads(from_stdin.stdout)["documents"] == json.loads(from_file.stdout)["documents"]
    assert not [p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("claimcheck-stdin-*")]


def test_stdin_mistakes_are_one_line_errors(ws):
    empty = invoke("check", "-", input="")
    assert empty.exit_code == 2 and empty.stderr == "claimcheck: error: <stdin>: empty input\n"
    unnamed = invoke("check", "x.md", "--stdin-filename", "a.md")
    assert unnamed.exit_code == 2
    assert "--stdin-filename names the draft read from stdin" in unnamed.stderr
    odd = invoke("check", "-", "--stdin-filename", "notes.xyz", input="text")
    assert odd.exit_code == 2
    assert odd.stderr.startswith("claimcheck: error: notes.xyz: --stdin-filename needs a draft's")


# --------------------------------------------------------------------------- concise


def test_concise_points_at_the_flagged_words_line_and_column(ws):
    (ws / "email.md").write_text(DRAFT, encoding="utf-8")
    result = invoke("check", "email.md", "--format", "concise")
    assert result.exit_code == 1
    column = DRAFT.splitlines()[2].index("dramatically") + 1  # after the `**` markup
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"email.md:3:{column}: CC201 'dramatically' overstates ARC-OPTIME: the approved wording "
        "has no intensifier"
    )
    assert all(re.fullmatch(r"email\.md:3:\d+: CC\d{3} .+", line) for line in lines), lines
    number = DRAFT.splitlines()[2].index("25%") + 1
    assert any(line.startswith(f"email.md:3:{number}: CC206 '25%'") for line in lines)


def test_concise_on_stdin_and_on_a_docx(ws):
    result = invoke("check", "-", "--format", "concise", input="\n\n" + DRAFT)
    assert result.stdout.splitlines()[0].startswith("<stdin>:5:")
    import docx

    document = docx.Document()
    document.add_paragraph("ArcGuide dramatically cuts operative time by 25%.")
    document.save(str(ws / "b.docx"))
    out = invoke("check", "b.docx", "--format", "concise").stdout.splitlines()
    assert out[0] == (
        "b.docx:1:1: CC201 paragraph 1: 'dramatically' overstates ARC-OPTIME: the approved "
        "wording has no intensifier"
    )


def test_concise_keeps_waived_findings_marked(ws):
    (ws / "email.md").write_text(
        '<!-- claimcheck: ignore CC201 reason="quoted from the IFU" -->\n'
        "ArcGuide dramatically reduced mean operative time by 12% compared with conventional "
        "instrumentation.\n",
        encoding="utf-8",
    )
    result = invoke("check", "email.md", "--format", "concise")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "email.md:2:10: CC201 'dramatically' overstates ARC-OPTIME: the approved wording has no "
        "intensifier (waived: quoted from the IFU)"
    )


# --------------------------------------------------------------------------- help


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


def test_every_command_help_has_an_example_and_the_exit_codes():
    seen = 0
    for path, _ in [((), cli), *commands(cli)]:
        result = invoke(*path, "--help")
        assert result.exit_code == 0, path
        text = result.stdout
        assert "Examples:\n    claimcheck" in text or "Examples:\n  claimcheck" in text, path
        assert re.search(r"Exit codes:\n\s+0  .+\n(\s+1  .+\n)?\s+2  .+", text), path
        seen += 1
    assert seen >= 14


def test_registry_validate_help_lists_only_its_own_options():
    text = invoke("registry", "validate", "--help").stdout
    assert set(re.findall(r"(?m)^\s+(?:-\w, )?(--[a-z-]+)", text)) == {
        "--registry",
        "--evidence",
        "--config",
        "--as-of",
        "--expiring-within",
        "--strict",
        "--help",
    }


def test_help_is_as_wide_as_the_terminal_up_to_120_columns():
    done = subprocess.run(
        [str(BIN / "claimcheck"), "check", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "110"},
    )
    widths = [len(line) for line in done.stdout.splitlines()]
    assert 90 < max(widths) <= 110
    assert "Output format (concise: path:line:col: CODE message, for editors and grep)." in (
        " ".join(done.stdout.split())
    )


# --------------------------------------------------------------------------- colour


def test_force_color_colours_a_pipe_and_no_color_wins(ws):
    (ws / "email.md").write_text(DRAFT, encoding="utf-8")
    plain = invoke("check", "email.md")
    assert not ANSI.search(plain.stdout)
    forced = invoke("check", "email.md", env={"FORCE_COLOR": "1"})
    assert ANSI.search(forced.stdout)
    assert (
        ANSI.sub("", forced.stdout).split()
        == plain.stdout.replace("[", "").replace("]", "").split()
    )
    for env, args in (
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, ()),
        ({"FORCE_COLOR": "1"}, ("--color", "never")),
        ({"FORCE_COLOR": ""}, ()),  # set but empty: not forcing
    ):
        assert not ANSI.search(invoke("check", "email.md", *args, env=env).stdout), env


def test_rules_explain_is_markdown_source_in_a_pipe_and_rendered_with_colour():
    plain = invoke("rules", "explain", "CC202").stdout
    assert plain.startswith("CC202 dropped-qualifier (overstated, default error)\n")
    assert "\n## What it does\n" in plain and "```" in plain
    rendered = invoke("rules", "explain", "CC202", env={"FORCE_COLOR": "1"}).stdout
    assert ANSI.search(rendered)
    text = ANSI.sub("", rendered)
    assert "What it does" in text and "## What it does" not in text and "```" not in text


# --------------------------------------------------------------------------- a real terminal


def run_in_terminal(args: list[str], cwd: Path, columns: int, **env: str) -> str:
    """Run the console script with stdout on a pseudo-terminal `columns` wide; its output."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [str(BIN / "claimcheck"), *args],
        cwd=cwd,
        stdout=slave,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": str(columns), "TERM": "xterm", **env},
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {}], ids=["plain", "colour"])
def test_on_a_terminal_lines_wrap_at_its_width_between_words(ws, env):
    env = {k: v for k, v in env.items()}
    os_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    (ws / "email.md").write_text(DRAFT, encoding="utf-8")
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(os_env)
        out = run_in_terminal(["check", "email.md"], ws, 60, **env)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    text = ANSI.sub("", out)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 60, text
    assert ("\x1b[" in out) == (not env), "colour only without NO_COLOR"
    # nothing cut inside a word: every word of the unwrapped report is there whole
    piped = invoke("check", "email.md").stdout
    assert text.split() == piped.replace("[", "").replace("]", "").split() or (
        text.split() == piped.split()
    )
    # a continuation is indented deeper than the line it continues
    finding = next(i for i, line in enumerate(lines) if "CC201" in line)
    assert lines[finding + 1].startswith(" " * 6)


# --------------------------------------------------------------------------- completion


def test_shell_completion_scripts_and_rule_codes():
    env = {**os.environ, "_CLAIMCHECK_COMPLETE": "bash_source"}
    script = subprocess.run([str(BIN / "claimcheck")], capture_output=True, text=True, env=env)
    assert script.returncode == 0 and "complete -o nosort -F" in script.stdout
    env = {
        **os.environ,
        "_CLAIMCHECK_COMPLETE": "bash_complete",
        "COMP_WORDS": "claimcheck rules explain CC20",
        "COMP_CWORD": "3",
    }
    words = subprocess.run([str(BIN / "claimcheck")], capture_output=True, text=True, env=env)
    assert words.returncode == 0
    assert {"plain,CC201", "plain,CC202", "plain,CC209"} <= set(words.stdout.split())
