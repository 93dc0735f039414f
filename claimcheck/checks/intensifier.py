"""Flag an intensifier that the approved wording does not use.

## What it does
Reports words such as "dramatically", "significantly" or "remarkably" that make a matched
claim sound stronger than its approved wording. Negated intensifiers and ones the approved
wording itself uses are left alone; on a claim no approved claim backs, every live
intensifier is reported.

## Why is this bad?
An intensifier claims a size of effect the evidence does not state. "Significantly" also
suggests statistical significance that may not have been shown for this endpoint.

## Example
```text
ArcGuide dramatically reduced mean operative time by 12% compared with conventional instrumentation.
```

## Use instead
```text
ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, new_cues, wording_hit
from claimcheck.model import Claim, Hit, Match

CODE = "CC201"
NAME = "intensifier"
VERDICT = "overstated"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each live intensifier absent from the approved wordings."""
    for cue in new_cues(claim, match, "intensifier"):
        yield wording_hit(
            claim,
            match,
            cue,
            "overstates {id}: the approved wording has no intensifier",
            "is an intensifier no approved claim backs",
        )
