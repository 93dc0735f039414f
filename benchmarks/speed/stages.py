"""Where one process spends its time: the real pipeline on 100 drafts, each stage timed.

Each stage function the pipeline calls (read, segment, detect, match, judge, the document
checks, fingerprints, waivers, rendering) is wrapped with a timer where the pipeline looks it
up, so the run is the pipeline's own (one process, no cache); "other" is what the wrappers do
not cover (context and settings, the loop itself). Timers nest: a stage that calls another
stage is counted without it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

from speed import corpus
from speed.bench import Bench

DRAFTS = 100
# (module, attribute, stage): what check_document and the writers look up at call time.
STAGES = (
    ("claimcheck.load", "read", "read"),
    ("claimcheck.segment", "segment", "segment"),
    ("claimcheck.detect", "screen", "detect"),
    ("claimcheck.detect", "reading", "detect"),
    ("claimcheck.registry.match", "Matcher.match", "match"),
    ("claimcheck.checks.judge", "judge", "judge"),
    ("claimcheck.checks.judge", "judge_document", "document checks"),
    ("claimcheck.fingerprint", "assign_fingerprints", "fingerprints"),
    ("claimcheck.waivers", "apply_waivers", "waivers"),
    ("claimcheck.report.json", "Writer.document", "render (json)"),
)


def run(bench: Bench) -> dict[str, Any]:
    """Time the stages over DRAFTS drafts; print and return seconds per stage."""
    import importlib

    from claimcheck import pipeline
    from claimcheck.report import writer

    c = corpus.write_corpus(bench.out, DRAFTS, bench.claims, bench.words)
    spent: dict[str, float] = defaultdict(float)
    stack: list[float] = []  # time of nested stages, to subtract from the outer one
    for module_name, attr, stage in STAGES:
        module = importlib.import_module(module_name)
        owner, name = (module, attr) if "." not in attr else _split(module, attr)
        setattr(owner, name, _timed(getattr(owner, name), stage, spent, stack))
    options = pipeline.Options(
        paths=(str(c.folder),), cwd=bench.out, config=c.config, jobs=1, cache=False
    )
    session = pipeline.prepare(options)
    pipeline.Checker(session, {})  # spaCy, lexicons and the index are start-up, not stages
    start = time.perf_counter()
    for _ in pipeline.stream(options, session, writer("json")):
        pass
    total = time.perf_counter() - start
    spent["other"] = total - sum(spent.values())
    print(f"\nwhere one process spends {total:.2f} s on {DRAFTS} drafts ({c.words:,} words)")
    for stage, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<16} {seconds:6.2f} s  {100 * seconds / total:4.0f}%")
    return {"total": total, "stages": dict(spent)}


def _split(module: Any, attr: str) -> tuple[Any, str]:
    cls, name = attr.split(".")
    return getattr(module, cls), name


def _timed(fn: Any, stage: str, spent: dict[str, float], stack: list[float]) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        stack.append(0.0)
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            inner = stack.pop()
            spent[stage] += elapsed - inner
            if stack:
                stack[-1] += elapsed

    return timed
