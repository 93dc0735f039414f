"""Start-up and shut-down of the console script (issue 10: 1, 2).

`claimcheck --help` imports nothing heavy; a check imports spaCy once and not its command
line machinery (while spaCy's own CLI still works in the same process); the process ends
with os._exit once its output is flushed, with the exit code a command chose.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("spacy", "thinc", "numpy", "rich", "docx", "pptx", "pypdf", "markdown_it", "yaml")


def python(code: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_help_imports_nothing_heavy():
    out = python(
        "import sys, contextlib, io\n"
        "from claimcheck.cli import cli\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    cli(['--help'])\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_a_check_imports_spacy_without_its_cli_and_spacy_info_still_works(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nArcGuide cuts operative time by 25%.\n", "utf-8")
    out = python(
        "import sys\n"
        "from pathlib import Path\n"
        "from claimcheck import pipeline\n"
        "options = pipeline.Options(paths=('a.md',), cwd=Path.cwd(), cache=False)\n"
        "report = pipeline.run(options)\n"
        "print(len(report.documents[0].claims), 'spacy.cli' in sys.modules)\n"
        "import spacy\n"
        "print(spacy.info()['spacy_version'] == spacy.__version__)\n",
        cwd=tmp_path,
    )
    assert out.stdout.split() == ["1", "False", "True"], out.stderr


def test_the_process_ends_without_teardown_and_keeps_its_exit_code(tmp_path):
    script = (
        "import atexit, sys\n"
        "from claimcheck.cli import main\n"
        "atexit.register(lambda: print('torn down', flush=True))\n"
        "sys.argv = ['claimcheck', *sys.argv[1:]]\n"
        "main()\n"
    )
    (tmp_path / "run.py").write_text(script, encoding="utf-8")
    version = subprocess.run(
        [sys.executable, "run.py", "--version"], cwd=tmp_path, capture_output=True, text=True
    )
    assert (version.returncode, version.stdout) == (0, "claimcheck, version 0.1.0\n")
    missing = subprocess.run(
        [sys.executable, "run.py", "check", "nothing.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("claimcheck: error: nothing.md: no such file")
    assert "torn down" not in version.stdout + missing.stdout


def test_lexicons_and_parts_of_speech_come_from_the_cache_in_a_new_process(tmp_path):
    """The first process builds detection's data and caches it; the next loads it without
    reading a lexicon file or importing spaCy, and detects with it."""
    build = (
        "from pathlib import Path\n"
        "from claimcheck.cache import Store\n"
        "from claimcheck.detect.warm import warm\n"
        f"warm(Store(Path({str(tmp_path)!r})))\n"
    )
    assert python(build).returncode == 0
    load = (
        "import sys\n"
        "from pathlib import Path\n"
        "from claimcheck.cache import Store\n"
        "from claimcheck.detect import lexicon as _\n"
        "lexicons = sys.modules['claimcheck.detect.lexicon']\n"
        "def refuse(*args): raise SystemExit('read a lexicon file')\n"
        "lexicons._load_file = refuse\n"
        "from claimcheck.detect.warm import warm\n"
        f"warm(Store(Path({str(tmp_path)!r})))\n"
        "print('spacy' in sys.modules)\n"
        "from claimcheck.detect import detect\n"
        "from claimcheck.detect.decide import parts_of_speech\n"
        "from claimcheck.segment import sentence_of\n"
        "claim = detect(sentence_of('ArcGuide dramatically shortens recovery.'))\n"
        "print(sorted({c.kind for c in claim.cues}), sorted(parts_of_speech('shorten')))\n"
    )
    out = python(load)
    assert out.stdout.split("\n")[:2] == [
        "False",
        "['effect', 'intensifier'] ['verb']",
    ], out.stderr
