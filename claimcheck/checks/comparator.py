"""Flag a claim that drops the comparator its approved wording states.

## What it does
When the approved wording the sentence matches states its result against a comparator
("compared with 29% taking placebo", "than with Solvexa", "versus a sleep education app"),
reports a sentence that states the result (a figure, an effect or a comparison) and names
none of the comparator's words.

## Why is this bad?
A result is only as large as its comparison: "19 minutes faster" means something else when
the control group fell asleep 7 minutes faster too. Dropping the placebo or active arm turns
a difference between groups into an absolute promise, and a head-to-head result into a claim
against no one in particular.

## Example
```text
SomnaPath helps you fall asleep 19 minutes faster.
```

## Use instead
```text
In the trial, SomnaPath users fell asleep 19 minutes faster on average at week 9, compared
with 7 minutes with a sleep education app.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, suggestion
from claimcheck.model import Claim, Hit, Match
from claimcheck.registry.frame import comparators
from claimcheck.registry.normalize import terms

CODE = "CC210"
NAME = "dropped-comparator"
VERDICT = "overstated"


def _keys(phrase: str) -> frozenset[str]:
    from claimcheck.segment import sentence_of

    return frozenset(t.key for t in terms(sentence_of(phrase)))


def _states_result(claim: Claim) -> bool:
    """True when the copy states a figure, an effect or a comparison."""
    kinds = {c.kind for c in claim.cues if not c.negated}
    return bool(kinds & {"number", "effect", "comparative"})


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the copy states the result without the matched wording's comparator."""
    if match is None or not _states_result(claim):
        return
    wanted = comparators(match.wording)
    if not wanted:
        return
    said = {t.key for t in terms(claim.sentence)}
    if any(keys & said for _, keys in wanted):
        return
    required = {k for phrase in match.claim.requires for k in _keys(phrase)}
    if any(keys & required for _, keys in wanted):
        return  # a required comparator: CC202 reports it
    yield Hit(
        f"drops the comparator '{wanted[0][0]}' of {match.claim.id}",
        VERDICT,
        suggestion=suggestion(match),
    )
