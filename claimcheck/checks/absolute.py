"""Flag an absolute word that the approved wording does not use.

## What it does
Reports words such as "eliminates", "guarantees", "always", "never" or "100%" in a matched
claim when no approved wording of that claim uses them. Population words ("all patients")
are left to CC208.

## Why is this bad?
Clinical evidence shows averages and proportions, not certainties. An absolute turns a
measured effect into a promise no study can support.

## Example
```text
ArcGuide always reduces operative time compared with conventional instrumentation.
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

CODE = "CC203"
NAME = "absolute"
VERDICT = "overstated"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each live absolute absent from the approved wordings."""
    population = claim.of("population")
    for cue in new_cues(claim, match, "absolute"):
        if any(p.start < cue.end and cue.start < p.end for p in population):
            continue
        yield wording_hit(
            claim,
            match,
            cue,
            "overstates {id}: the approved wording makes no absolute claim",
            "is an absolute no approved claim backs",
        )
