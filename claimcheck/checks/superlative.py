"""Flag a superlative that the approved wording does not use.

## What it does
Reports superlatives and rank claims ("most accurate", "safest", "best", "leading", "#1",
"first") in a matched claim when no approved wording of that claim uses them.

## Why is this bad?
A superlative is a comparison with every competitor. It needs head-to-head evidence against
all of them, which a single trial against conventional instrumentation does not give.

## Example
```text
ArcGuide gives the best alignment accuracy compared with conventional instrumentation.
```

## Use instead
```text
ArcGuide may improve implant alignment accuracy compared with conventional instrumentation.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, new_cues, wording_hit
from claimcheck.model import Claim, Hit, Match

CODE = "CC204"
NAME = "superlative"
VERDICT = "overstated"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each live superlative absent from the approved wordings."""
    for cue in new_cues(claim, match, "superlative"):
        yield wording_hit(
            claim,
            match,
            cue,
            "overstates {id}: the approved wording makes no superlative claim",
            "is a superlative no approved claim backs",
        )
