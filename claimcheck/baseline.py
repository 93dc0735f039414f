"""Baselines: record today's findings so that CI fails only on new ones.

Representation: applying a baseline removes the baselined findings from the report (each
claim keeps its verdict and its other findings), so every format reports only what is new;
`Report.baseline` carries the counts {"new", "baselined", "fixed"} so that the JSON summary
stays honest about what was set aside. Findings already waived are
neither written to nor matched against a baseline: their waiver covers them.

"Fixed" counts baseline entries for documents checked in this run whose finding is gone;
entries for documents outside the run (--changed-since, --shard) are not counted as fixed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimcheck import atomic
from claimcheck.errors import InputError
from claimcheck.fingerprint import posix_path
from claimcheck.model import DocumentResult, Finding, Report
from claimcheck.safeio import read_regular, why

BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One recorded finding."""

    fingerprint: str
    rule: str
    path: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Baseline:
    """The findings recorded by `--write-baseline`, keyed by fingerprint."""

    path: str
    entries: tuple[BaselineEntry, ...]

    def fingerprints(self) -> frozenset[str]:
        """Every recorded fingerprint."""
        return frozenset(e.fingerprint for e in self.entries)


@dataclass(frozen=True, slots=True)
class BaselineStats:
    """What applying a baseline did: new findings, baselined ones, fixed entries."""

    new: int
    baselined: int
    fixed: int

    def to_json(self) -> dict[str, int]:
        """The counts as stored in Report.baseline."""
        return {"new": self.new, "baselined": self.baselined, "fixed": self.fixed}


def _entries(report: Report) -> Iterator[tuple[DocumentResult, str, Finding]]:
    """(document, sentence, finding) for every unwaived finding of the report."""
    for doc in report.documents:
        for claim in doc.claims:
            for finding in claim.findings:
                if finding.waived is None:
                    yield doc, claim.sentence.text, finding
        for finding in doc.findings:
            if finding.waived is None:
                yield doc, "", finding


def write_baseline(report: Report, path: Path) -> int:
    """Write the report's unwaived findings to a baseline file; return how many."""
    rows = {
        f.fingerprint: {
            "fingerprint": f.fingerprint,
            "rule": f.rule,
            "path": posix_path(doc.path),
            "sentence": " ".join(sentence.split()),
        }
        for doc, sentence, f in _entries(report)
        if f.fingerprint
    }
    findings = sorted(
        rows.values(), key=lambda r: (r["path"], r["rule"], r["sentence"], r["fingerprint"])
    )
    data = {
        "version": BASELINE_VERSION,
        "tool": {"name": "claimcheck", "version": report.version},
        "findings": findings,
    }
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    # Atomic: a concurrent run or a full disk never leaves half a baseline behind.
    atomic.write_text(path, text)
    return len(findings)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing or malformed one is an InputError naming it."""
    shown = str(path)
    try:
        text = read_regular(path, 512 << 20).decode("utf-8")
    except FileNotFoundError:
        raise InputError(
            "baseline file not found (create it with --write-baseline)", path=shown
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read baseline: {why(exc)}", path=shown) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read baseline: {exc}", path=shown) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", path=shown, line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise InputError(
            f'not a claimcheck baseline (expected "version": {BASELINE_VERSION})', path=shown
        )
    rows = data.get("findings")
    if not isinstance(rows, list):
        raise InputError("'findings' must be a list", path=shown)
    entries = []
    for i, row in enumerate(rows):
        entries.append(_entry(row, i, shown))
    return Baseline(path=shown, entries=tuple(entries))


def _entry(row: Any, index: int, shown: str) -> BaselineEntry:
    if (
        not isinstance(row, dict)
        or not isinstance(row.get("fingerprint"), str)
        or not row["fingerprint"]
    ):
        raise InputError(f"findings[{index}] needs a 'fingerprint' string", path=shown)
    return BaselineEntry(
        fingerprint=row["fingerprint"],
        rule=str(row.get("rule", "")),
        path=str(row.get("path", "")),
        sentence=str(row.get("sentence", "")),
    )


def apply_baseline(report: Report, baseline: Baseline) -> tuple[Report, BaselineStats]:
    """Drop findings recorded in the baseline; count new, baselined and fixed ones."""
    known = baseline.fingerprints()
    found: set[str] = set()
    new = baselined = 0

    def keep(finding: Finding) -> bool:
        nonlocal new, baselined
        if finding.waived is not None:
            return True
        found.add(finding.fingerprint)
        if finding.fingerprint in known:
            baselined += 1
            return False
        new += 1
        return True

    documents = []
    for doc in report.documents:
        claims = tuple(
            replace(c, findings=tuple(f for f in c.findings if keep(f))) for c in doc.claims
        )
        findings = tuple(f for f in doc.findings if keep(f))
        documents.append(replace(doc, claims=claims, findings=findings))

    checked = {posix_path(d.path) for d in report.documents if d.error is None}
    fixed = sum(
        1 for e in baseline.entries if posix_path(e.path) in checked and e.fingerprint not in found
    )
    stats = BaselineStats(new=new, baselined=baselined, fixed=fixed)
    return replace(report, documents=tuple(documents), baseline=stats.to_json()), stats
