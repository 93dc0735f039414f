"""Every output is written atomically: no symlink followed, no half file, no input touched."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from hostile import OVERSTATED, cli, digests, repo, run

from claimcheck.atomic import write_text
from claimcheck.errors import UsageError


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(OVERSTATED)
    document.save(str(path))
    return path


def _pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, OVERSTATED)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_annotate_never_follows_a_planted_temporary_symlink(tmp_path: Path, suffix: str) -> None:
    root = repo(tmp_path / "repo")
    draft = (_docx if suffix == ".docx" else _pdf)(root / f"draft{suffix}")
    # The old writer wrote "<out>.tmp" and renamed it: a symlink there overwrote the draft.
    (root / f"out{suffix}.tmp").symlink_to(draft.name)
    before = digests(root)
    result = cli("annotate", draft.name, "-o", f"out{suffix}", cwd=root)
    assert result.returncode == 0, result.stderr
    assert digests(root) == {**before, f"out{suffix}": digests(root)[f"out{suffix}"]}
    assert (root / f"out{suffix}").read_bytes() != draft.read_bytes()
    assert (root / f"out{suffix}.tmp").is_symlink()  # left as it was, never written through
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".out")) == []


def test_output_that_is_a_symlink_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_text("keep me\n")
    (root / "report.json").symlink_to(elsewhere)
    result = cli("check", "good.md", "--format", "json", "-o", "report.json", cwd=root)
    assert result.returncode == 1
    assert elsewhere.read_text() == "keep me\n"
    assert not (root / "report.json").is_symlink()
    assert json.loads((root / "report.json").read_text())["documents"][0]["path"] == "good.md"


@pytest.mark.parametrize(
    "args",
    [
        ("check", "good.md", "--format", "json", "-o", "out.txt"),
        ("report", "good.md", "-o", "out.txt", "--format", "html"),
        ("check", "good.md", "--write-baseline", "out.txt"),
    ],
    ids=["check", "report", "baseline"],
)
def test_a_failed_write_leaves_the_previous_file_intact(tmp_path: Path, args: tuple) -> None:
    root = repo(tmp_path / "repo")
    (root / "out.txt").write_text("previous\n")
    # RLIMIT_FSIZE makes any write past 200 bytes fail as a full disk would (EFBIG).
    result = run(*args, cwd=root, file_size=200)
    assert result.returncode == 2
    assert result.errors() == ["claimcheck: error: cannot write out.txt: File too large"]
    assert (root / "out.txt").read_text() == "previous\n"
    assert sorted(p.name for p in root.iterdir()) == [
        "claimcheck.yaml",
        "claims.yaml",
        "good.md",
        "out.txt",
    ]


def test_baseline_is_replaced_whole_under_a_reader(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    (root / "second.md").write_text("ArcGuide is the safest system.\n")
    assert cli("check", "good.md", "--write-baseline", "base.json", cwd=root).returncode == 0
    old = (root / "base.json").read_text()
    with open(root / "base.json") as reader:  # a concurrent run reading the baseline
        result = cli("check", "good.md", "second.md", "--write-baseline", "base.json", cwd=root)
        assert result.returncode == 0
        assert reader.read() == old  # never truncated or rewritten in place
    new = json.loads((root / "base.json").read_text())
    assert {f["path"] for f in new["findings"]} == {"good.md", "second.md"}


def test_init_refuses_a_dangling_symlink_where_a_starter_file_goes(tmp_path: Path) -> None:
    target = tmp_path / "outside.yaml"
    (tmp_path / "claimcheck.yaml").symlink_to(target)
    result = cli("init", cwd=tmp_path)
    assert result.returncode == 2
    assert not target.exists()
    assert result.errors() == [
        "claimcheck: error: claimcheck.yaml already exists; not overwriting it"
    ]


def test_write_text_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("old")
    os.chmod(path, 0o640)
    write_text(path, "new")
    assert path.read_text() == "new" and (path.stat().st_mode & 0o777) == 0o640
    with pytest.raises(UsageError, match="cannot write"):
        write_text(tmp_path / "missing-dir" / "a.txt", "x")


def test_output_to_a_pipe_or_device_is_written_in_place(tmp_path: Path) -> None:
    # `-o /dev/null` as root must not replace the device with a regular file: a pipe stands
    # in for it here (no privileges needed), and its reader gets the whole report.
    import stat
    import threading

    root = repo(tmp_path / "repo")
    fifo = root / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = run("check", "good.md", "--format", "json", "-o", "out.fifo", cwd=root)
    reader.join(timeout=20)
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(got[0])["documents"][0]["path"] == "good.md"
