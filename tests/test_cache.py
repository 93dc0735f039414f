"""The on-disk caches: the registry index and the results of unchanged drafts (issue 10: 2, 3).

What a user would notice: the same report bytes with and without the cache, a re-run that
checks nothing it checked before, edits to a draft, the registry or the config taken into
account at once, and a cache that is corrupt, foreign or shared never changing a verdict.
Every run here uses the demo (Markdown, DOCX, PDF, PPTX and HTML drafts), copied to a
temporary folder so that it can be edited.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import cache, pipeline
from claimcheck.cli import cli
from claimcheck.registry import match, memo, products

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-12-01"
FORMATS = ("text", "json", "sarif", "junit", "github")


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo drafts, registry, evidence and config in a folder of their own (the cwd)."""
    for name in ("examples", "evidence"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "claimcheck.yaml", tmp_path / "claimcheck.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "examples/", "--as-of", AS_OF, *args])
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stdout, result.stderr


class Counted:
    """Count the drafts the pipeline really checks (forked workers report through a file)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
        real = pipeline.Checker.check
        self.log = log

        def counted(checker, path, display):
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(display + "\n")
            return real(checker, path, display)

        monkeypatch.setattr(pipeline.Checker, "check", counted)

    def take(self) -> list[str]:
        names = sorted(self.log.read_text(encoding="utf-8").split()) if self.log.exists() else []
        self.log.unlink(missing_ok=True)
        return names


def test_reports_are_the_same_bytes_with_and_without_the_cache(demo):
    uncached = {fmt: check("--format", fmt, "--no-cache") for fmt in FORMATS}
    assert not (demo / "cache").exists()  # --no-cache writes nothing
    for fmt in FORMATS:
        first = check("--format", fmt)
        again = check("--format", fmt)
        assert first == uncached[fmt], fmt
        assert again == uncached[fmt], fmt
    assert uncached["text"][0] == 1 and "files checked" in uncached["text"][1]


def test_a_rerun_checks_nothing_and_an_edited_draft_alone_again(demo, monkeypatch):
    counted = Counted(monkeypatch, demo / "checked.log")
    first = check("--format", "json")
    assert len(counted.take()) == 6  # every demo draft
    assert check("--format", "json") == first
    assert counted.take() == []  # read and hashed only
    email = demo / "examples" / "hcp-email.md"
    email.write_text(
        email.read_text(encoding="utf-8") + "\nArcGuide guarantees perfect alignment.\n",
        encoding="utf-8",
    )
    code, out, _ = check("--format", "json")
    assert counted.take() == ["examples/hcp-email.md"]
    assert "ArcGuide guarantees perfect alignment." in out and out != first[1]


def test_a_warm_index_neither_reads_the_yaml_nor_builds_the_matcher(demo, monkeypatch):
    monkeypatch.setattr(memo, "_MEMOS", [])  # nothing kept from earlier tests
    first = check("--format", "json", "--no-cache")
    check("--format", "json")  # fills the caches

    def refused(*args, **kwargs):
        raise AssertionError("the registry was loaded or indexed again")

    monkeypatch.setattr("claimcheck.registry.load.load_registry", refused)
    monkeypatch.setattr(match.Matcher, "_build", refused)
    monkeypatch.setattr(products, "_collect", refused)
    # Results come from the cache too; a new draft needs the index itself.
    assert check("--format", "json") == first
    (demo / "examples" / "new.md").write_text(
        "# New\n\nArcGuide dramatically cuts operative time by 25%.\n", encoding="utf-8"
    )
    code, out, err = check("--format", "json")
    assert code == 1 and '"path": "examples/new.md"' in out


def test_an_edited_registry_changes_the_verdicts_at_once(demo):
    code, out, _ = check("--format", "json")
    assert '"claim_id": "ARC-OPTIME"' in out
    registry = demo / "examples" / "claims.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("id: ARC-OPTIME", "id: ARC-OPTIME-2"), encoding="utf-8")
    fresh = check("--format", "json", "--no-cache")
    assert check("--format", "json") == fresh
    assert '"claim_id": "ARC-OPTIME"' not in fresh[1] and "ARC-OPTIME-2" in fresh[1]


def test_an_edited_config_changes_the_results_at_once(demo):
    check("--format", "json")
    config = demo / "claimcheck.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "severity:\n  CC201: warning\n", encoding="utf-8"
    )
    fresh = check("--format", "json", "--no-cache")
    assert check("--format", "json") == fresh
    severities = {
        f["severity"]
        for d in json.loads(fresh[1])["documents"]
        for c in d["claims"]
        for f in c["findings"]
        if f["rule"] == "CC201"
    }
    assert severities == {"warning"}


def test_other_options_and_review_dates_are_other_results(demo):
    for args in (("--as-of", "2030-01-01"), ("--audience", "patient"), ("--verbose",)):
        check("--format", "text")
        assert check("--format", "text", *args) == check("--format", "text", "--no-cache", *args)


def entries(folder: Path) -> sqlite3.Connection:
    """The cache database, opened as another process would."""
    return sqlite3.connect(folder / cache.DB, isolation_level=None)


def test_corrupt_and_truncated_entries_are_misses(demo):
    first = check("--format", "sarif")
    db = entries(demo / "cache")
    rows = db.execute("SELECT kind, key, data FROM entries").fetchall()
    assert {"index", "result"} <= {kind for kind, _, _ in rows}
    for i, (kind, key, data) in enumerate(rows):
        # Cut short, bytes flipped inside the payload, or not a cache entry at all.
        damaged = [data[: len(data) // 2], data[:-9] + b"garbage!!", b"\x00" * 40][i % 3]
        db.execute("UPDATE entries SET data = ? WHERE kind = ? AND key = ?", (damaged, kind, key))
    assert check("--format", "sarif") == first
    fresh = cache.Store(demo / "cache")  # every entry was rewritten good
    assert all(fresh.get(kind, key) is not None for kind, key, _ in rows)
    assert check("--format", "sarif") == first


def test_an_entry_found_under_another_key_is_a_miss(demo, monkeypatch):
    # As after damage to the database's index: every draft's row holds another draft's
    # entry, each intact. None of them is trusted; each draft is checked again.
    first = check("--format", "json")
    db = entries(demo / "cache")
    rows = db.execute("SELECT key, data FROM entries WHERE kind = 'result'").fetchall()
    assert len(rows) == 6
    for (key, _), (_, data) in zip(rows, rows[1:] + rows[:1], strict=True):
        db.execute("UPDATE entries SET data = ? WHERE kind = 'result' AND key = ?", (data, key))
    counted = Counted(monkeypatch, demo / "checked.log")
    assert check("--format", "json") == first
    assert len(counted.take()) == 6


def test_entries_kept_for_later_are_written_together(tmp_path):
    store = cache.Store(tmp_path / "c")
    data = [store.encode("result", f"{i:064x}", i) for i in range(cache.BATCH + 3)]
    for i, d in enumerate(data):
        store.later("result", f"{i:064x}", d)
    assert store.writes == cache.BATCH  # one batch written, three waiting
    assert cache.Store(tmp_path / "c").get("result", f"{cache.BATCH:064x}") is None
    assert store.flush() and store.writes == cache.BATCH + 3
    other = cache.Store(tmp_path / "c")
    assert [other.get("result", f"{i:064x}") for i in range(len(data))] == list(range(len(data)))


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_cache_database_is_replaced(demo, monkeypatch, damage):
    first = check("--format", "json")
    path = demo / "cache" / cache.DB
    data = path.read_bytes()
    path.write_bytes(
        {"truncated": data[: len(data) // 3], "garbage": b"not sqlite " * 500}.get(damage, b"")
    )
    assert check("--format", "json") == first
    counted = Counted(monkeypatch, demo / "checked.log")
    assert check("--format", "json") == first
    assert counted.take() == []  # the cache works again: nothing checked twice


def test_entries_written_by_other_code_are_not_trusted(demo, monkeypatch):
    first = check("--format", "json")
    counted = Counted(monkeypatch, demo / "checked.log")
    monkeypatch.setattr(cache, "_STAMP", "0" * 64)  # another version or edited code
    assert check("--format", "json") == first
    assert len(counted.take()) == 6


def test_a_cache_folder_others_can_write_is_not_used(demo, monkeypatch):
    if os.name != "posix":
        pytest.skip("permissions are POSIX")
    folder = demo / "shared"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(folder))
    first = check("--format", "json")
    assert [p for p in folder.rglob("*") if p.is_file()] == []
    assert check("--format", "json") == first
    # Nor is anything read from it: entries planted there by someone else are ignored.
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(demo / "mine"))
    check("--format", "json")
    shutil.copytree(demo / "mine", folder, dirs_exist_ok=True)
    os.chmod(folder, 0o777)
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(folder))
    counted = Counted(monkeypatch, demo / "checked.log")
    assert check("--format", "json") == first
    assert len(counted.take()) == 6


def _write_many(root: str, start: int, value: object) -> int:
    """A process of its own writing entries 0..39 (from `start` on, wrapping round)."""
    store = cache.Store(Path(root))
    return sum(store.put("result", f"{(start + i) % 40:064x}", value) for i in range(40))


def test_concurrent_writers_and_readers_never_see_half_an_entry(tmp_path):
    store = cache.Store(tmp_path / "c")
    value = {"claims": list(range(20_000))}
    seen: list[object] = []
    store.put("result", f"{0:064x}", value)  # the database exists before the others start

    def read() -> None:
        for i in range(400):
            seen.append(store.get("result", f"{i % 40:064x}"))

    def write() -> None:
        for i in range(40):
            store.put("result", f"{i:064x}", value)

    context = multiprocessing.get_context("spawn")  # other processes, each with its own lock
    with context.Pool(2) as pool:
        written = pool.starmap_async(
            _write_many, [(str(tmp_path / "c"), 0, value), (str(tmp_path / "c"), 20, value)]
        )
        threads = [threading.Thread(target=f) for f in (read, read, write)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert written.get(timeout=120) == [40, 40]  # every write made it, none was refused
    assert all(v is None or v == value for v in seen)
    assert any(v == value for v in seen)
    assert all(store.get("result", f"{i:064x}") == value for i in range(40))
    count = entries(tmp_path / "c").execute("SELECT count(*) FROM entries").fetchone()
    assert count == (40,)


def test_a_cache_that_cannot_be_written_stops_caching_and_the_run_goes_on(demo, tmp_path):
    first = check("--format", "json", "--no-cache")
    folder = tmp_path / "blocked"
    (folder / cache.DB).mkdir(parents=True)  # where the database should be: cannot open
    store = cache.Store(folder)
    assert store.put("result", "cd" * 32, [1, 2, 3]) is False
    assert store.get("result", "cd" * 32) is None
    assert store.usable is False
    os.environ["CLAIMCHECK_CACHE_DIR"] = str(folder)  # restored by the demo fixture
    assert check("--format", "json") == first
    assert [p for p in folder.rglob("*") if p.is_file()] == []


def test_entries_nobody_used_for_a_month_are_pruned_once_a_day(tmp_path):
    store = cache.Store(tmp_path / "c")
    store.put("result", "ee" * 32, "old")
    store.put("result", "ff" * 32, "new")
    db = entries(tmp_path / "c")
    month = 31 * 86400

    def age(key: str) -> None:
        db.execute("UPDATE entries SET used = used - ? WHERE key = ?", (month, key))

    age("ee" * 32)
    assert store.prune() == 1
    assert store.get("result", "ee" * 32) is None
    assert store.get("result", "ff" * 32) == "new"
    store.put("result", "ee" * 32, "old")
    age("ee" * 32)
    assert store.prune() == 0  # pruned today already
    assert store.get("result", "ee" * 32) == "old"  # and this use keeps it another month
    age("ff" * 32)
    db.execute("DELETE FROM meta")  # as if the last prune was yesterday
    assert store.prune() == 1
    assert store.get("result", "ee" * 32) == "old" and store.get("result", "ff" * 32) is None
