"""Flag a claim used after its approval expired.

## What it does
Reports a sentence that matches an approved claim whose `expires` date is before the review
date (`as_of`, today unless set with `--as-of`).

## Why is this bad?
Claims are approved for a period: the evidence ages, labels change, and the claim must be
reviewed again. After its expiry date a claim is no longer approved.

## Example
```text
OrthoNav improves registration accuracy in cadaver knees.   # NAV-OLD expired 2024-01-01
```

## Use instead
Have the claim re-approved with a new `expires` date, or remove it from the copy.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext
from claimcheck.model import Claim, Hit, Match

CODE = "CC301"
NAME = "expired-claim"
VERDICT = "expired"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the matched claim expired before the review date."""
    if match is None or match.claim.expires is None:
        return
    if match.claim.expires < ctx.context.as_of:
        yield Hit(
            f"{match.claim.id} expired on {match.claim.expires.isoformat()} "
            f"(review date {ctx.context.as_of.isoformat()})",
            VERDICT,
        )
