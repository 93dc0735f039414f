"""Flag a claim that drops the hedge of its approved wording.

## What it does
When every approved wording of the matched claim is hedged ("can", "may", "up to",
"suggests"), reports a sentence that states the same claim without any hedge.

## Why is this bad?
The hedge is the approved strength of the claim: "can shorten setup time by up to 5 minutes"
is a best case, "shortens setup time by 5 minutes" promises it every time.

## Example
```text
OrthoNav shortens navigation setup time by 5 minutes.
```

## Use instead
```text
OrthoNav can shorten navigation setup time by up to 5 minutes.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, suggestion
from claimcheck.model import Claim, Hit, Match

CODE = "CC205"
NAME = "dropped-hedge"
VERDICT = "overstated"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the approved wordings are all hedged and the copy is not."""
    if match is None or claim.of("hedge", live=False):
        return
    hedges = []
    for wording in match.claim.wordings:
        found = ctx.approved(wording).of("hedge", live=False)
        if not found:
            return
        hedges.append(found[0].text)
    effect = claim.of("effect")
    span = (effect[0].start, effect[0].end) if effect else None
    said = f"'{claim.sentence.text[span[0] : span[1]]}' " if span else ""
    yield Hit(
        f"{said}drops the hedge '{hedges[0]}' of {match.claim.id}",
        VERDICT,
        span=span,
        suggestion=suggestion(match),
    )
