"""Flag a number that neither the approved claim nor its evidence gives.

## What it does
Compares every figure of a matched claim with the figures of its approved wordings and of
its evidence (findings and population). "12 percent" equals "12%", "78 min" equals
"78 minutes", and a figure rounded from the evidence ("12%" for 12.3%) is accepted. p-values,
years and "n=" sample sizes are ignored.

## Why is this bad?
A number is the most specific claim copy can make. A figure nobody can trace to a study is
either a mistake or an invented result.

## Example
```text
ArcGuide reduced mean operative time by 25% compared with conventional instrumentation.
```

## Use instead
```text
ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
```
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from claimcheck.checks.base import CheckContext, suggestion
from claimcheck.model import ApprovedClaim, Claim, Hit, Match, Registry
from claimcheck.registry.frame import time_points
from claimcheck.registry.memo import registry_memo
from claimcheck.registry.normalize import Number, numbers

CODE = "CC206"
NAME = "unsupported-number"
VERDICT = "overstated"


@lru_cache(maxsize=4096)
def _numbers_of(text: str) -> tuple[Number, ...]:
    from claimcheck.segment import sentence_of

    return tuple(n for n in numbers(sentence_of(text)) if n.role in ("value", "n"))


# Units of a measured result: such a figure must be the claim's own. A dose strength, a
# sample size or a duration may come from the evidence ("150 mg", "212 patients", "52 weeks").
RESULT_UNITS = frozenset({"PERCENT", "POINT", "MMHG", "MGDL", "ML", "TIMES", "MM", "DEGREE"})


def approved_numbers(approved: ApprovedClaim, registry: Registry) -> list[Number]:
    """Every figure the claim's wordings and cited evidence state."""
    texts = list(approved.wordings)
    for ev_id in approved.evidence:
        ev = registry.evidence.get(ev_id)
        if ev is None:
            continue
        texts += [ev.population or ""]
        texts += [f"{f.endpoint}: {f.result}" for f in ev.findings]
    return [n for t in texts if t for n in _numbers_of(t)]


def _approved(
    approved: ApprovedClaim, registry: Registry
) -> tuple[list[Number], list[Number], bool]:
    """What the copy's figures are compared with: every figure approved (`approved_numbers`),
    the wordings' own, and whether the wordings state time points; kept per approved claim
    of the registry, since every copy matched to it asks the same."""
    memo = registry_memo(registry)
    key = ("numbers", id(approved))
    found = memo.get(key)
    if found is None or found[0] is not approved:
        found = memo[key] = (
            approved,
            approved_numbers(approved, registry),
            # A measured result (a percentage, mL, points, minutes...) must be the claim's
            # own: the evidence also holds the figures of other endpoints, subgroups and
            # time points, which the claim does not approve ("205 mL in patients with a low
            # baseline FEV1").
            [n for w in approved.wordings for n in _numbers_of(w)],
            # A time point of a claim that states time points is CC211's to judge.
            any(time_points(w) for w in approved.wordings),
        )
    return found[1], found[2], found[3]


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each figure of the copy that nothing approved states."""
    if match is None:
        return
    known, worded, timed = _approved(match.claim, ctx.registry)
    points = [_span(claim.sentence.text, words) for words, _ in time_points(claim.sentence.text)]
    for n in numbers(claim.sentence):
        if n.role in ("p", "year"):
            continue
        if timed and any(s and s[0] <= n.start < s[1] for s in points):
            continue
        result = n.unit in RESULT_UNITS
        if any(n.same(k) for k in (worded if result else known)):
            continue
        elsewhere = result and any(n.same(k) for k in known)
        same_unit = {
            (abs(k.value), k.unit): k.text.lstrip("+-")
            for k in (worded if elsewhere else known)
            if k.unit and k.unit == n.unit
        }
        given = ", ".join(same_unit.values())
        hint = f" (approved: {given})" if given else ""
        where = (
            "is in the evidence but not in what " + match.claim.id + " approves"
            if elsewhere
            else f"is not in {match.claim.id} or its evidence"
        )
        yield Hit(
            f"'{n.text}' {where}{hint}",
            VERDICT,
            span=(n.start, n.end),
            suggestion=suggestion(match),
        )


def _span(text: str, words: str) -> tuple[int, int] | None:
    start = text.find(words)
    return (start, start + len(words)) if start >= 0 else None
