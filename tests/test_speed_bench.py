"""The speed benchmark's generators tell the truth (issue 10: 7).

Drafts and registry come from separate seeds: a draft is the same whatever registry exists,
the first claims of a bigger registry are the smaller registry, the claim density is that of
real copy (one sentence in five to eight), and few ordinary sentences repeat.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def corpus():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from speed import corpus
    finally:
        sys.path.remove(str(BENCHMARKS))
    return corpus


def test_drafts_do_not_depend_on_the_registry_files(corpus, tmp_path):
    with_registry = corpus.write_corpus(tmp_path / "a", 3, 40, 200)
    (tmp_path / "b").mkdir()
    without = [corpus.draft_markdown(i, 200, 40)[0] for i in range(3)]
    assert [p.read_text(encoding="utf-8") for p in with_registry.files] == without
    assert corpus.draft_markdown(1, 200, 40) != corpus.draft_markdown(2, 200, 40)


def test_a_bigger_registry_starts_with_the_smaller_one(corpus):
    small = corpus.registry_yaml(30)
    big = corpus.registry_yaml(300)
    claims = small.split("evidence:\n")[0]
    assert big.startswith(claims)


def test_claim_density_and_variety_are_those_of_real_copy(corpus):
    sentences = claims = 0
    ordinary: list[str] = []
    for i in range(20):
        text, n, m = corpus.draft_markdown(i, 1000, 1000)
        sentences += n
        claims += m
    assert 5 <= sentences / claims <= 8
    import random

    rng = random.Random(7)
    ordinary = [corpus.ordinary(rng) for _ in range(2000)]
    assert len(set(ordinary)) > 0.75 * len(ordinary)


def test_the_linters_run_on_the_same_files_in_as_many_processes(tmp_path):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from speed import tools
    finally:
        sys.path.remove(str(BENCHMARKS))
    files = [tmp_path / f"d{i}.md" for i in range(5)]
    cmds = tools.write_good("write-good", files, 2)
    assert [c[0] for c in cmds] == ["write-good", "write-good"]
    assert sorted(f for c in cmds for f in c[1:]) == sorted(map(str, files))
    cc = tools.claimcheck([tmp_path], tmp_path / "c.yaml", jobs=2, fmt="json")
    assert cc[-6:] == ["--config", str(tmp_path / "c.yaml"), "--jobs", "2", "--format", "json"]
