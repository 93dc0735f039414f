"""Flag a claim that matches a retired registry entry.

## What it does
Reports a sentence that matches an approved claim whose `status` is `retired`.

## Why is this bad?
A retired claim was withdrawn from use, usually because the evidence or the label changed.
Old copy that still makes it is out of date.

## Example
```text
OrthoNav reduced operative time by 8% versus manual instrumentation.   # NAV-OPTIME retired
```

## Use instead
Remove the claim, or use a current approved claim for the same endpoint.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext
from claimcheck.model import Claim, Hit, Match

CODE = "CC302"
NAME = "retired-claim"
VERDICT = "expired"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the matched claim is retired."""
    if match is not None and match.claim.status == "retired":
        yield Hit(f"{match.claim.id} is retired", VERDICT)
