"""Flag a claim that states its result at a time point its approved claim does not give.

## What it does
Reads the time points of the sentence and of the matched claim's wordings ("at week 16",
"through 3 years", "after 8 weeks", "a 24-hour endpoint", "week 52 responders") and reports a
time point of the sentence that no approved wording states. Equal spans count as one ("through
week 156" is "through 3 years"); ages ("aged 2 years and older"), dosing intervals ("every 12
weeks") and best-case spans ("up to 15 days") are not time points.

## Why is this bad?
A result holds at the time it was measured. The week 16 response rate is not the week 12
rate, and a 2-hour result is not a 24-hour one: moving a figure to another time point claims
a finding no study made, even when the evidence file holds the same number.

## Example
```text
In VELA-1, 84% of patients taking Velzura achieved PASI 75 at week 12.
```

## Use instead
```text
In VELA-1, 84% of patients taking Velzura achieved PASI 75 at week 16.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, suggestion
from claimcheck.model import Claim, Hit, Match
from claimcheck.registry.frame import time_points

CODE = "CC211"
NAME = "different-timepoint"
VERDICT = "overstated"


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.06 * max(a, b) + 1e-9


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for a time point of the copy that no approved wording of the claim states."""
    if match is None:
        return
    stated = time_points(claim.sentence.text)
    if not stated:
        return
    approved = [p for w in match.claim.wordings for p in time_points(w)]
    if not approved:
        return
    for words, days in stated:
        if any(_same(days, other) for _, other in approved):
            continue
        given = ", ".join(dict.fromkeys(w for w, _ in approved))
        yield Hit(
            f"'{words}' is not a time point of {match.claim.id} (approved: {given})",
            VERDICT,
            span=_span(claim.sentence.text, words),
            suggestion=suggestion(match),
        )
        return


def _span(text: str, words: str) -> tuple[int, int] | None:
    start = text.find(words)
    return (start, start + len(words)) if start >= 0 else None
