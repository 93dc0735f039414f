"""Flag a population broader than the approved wording's.

## What it does
Reports "all patients", "everyone", "every surgeon", "anyone" and similar in a matched claim
when no approved wording of that claim speaks of that population.

## Why is this bad?
Trials enrol a defined population and report averages. Extending a result to everyone
promises it to patients the study never included.

## Example
```text
ArcGuide reduces operative time for all patients compared with conventional instrumentation.
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

CODE = "CC208"
NAME = "population-generalisation"
VERDICT = "overstated"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each live population cue absent from the approved wordings."""
    for cue in new_cues(claim, match, "population"):
        yield wording_hit(
            claim,
            match,
            cue,
            "generalises {id} beyond the population it was shown in",
            "generalises to a population no approved claim covers",
        )
