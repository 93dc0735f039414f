"""Flag a claim that no approved claim of the registry backs.

## What it does
Reports a claim-like sentence that matches no approved claim (or only a draft one). When an
approved claim comes close, the message names it and the suggestion gives its wording.

## Why is this bad?
Every product claim in promotional material must be substantiated by an approved claim and
its evidence. A claim nobody approved has not been checked against the data at all.

## Example
```text
ArcGuide speeds recovery after knee replacement.
```

## Use instead
Use an approved wording, or submit the claim with its evidence for approval:
```text
ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext
from claimcheck.model import Claim, Hit, Match

CODE = "CC101"
NAME = "unsupported-claim"
VERDICT = "unsupported"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when nothing approved backs the claim."""
    if match is not None:
        if match.claim.status == "draft":
            yield Hit(
                f"matches {match.claim.id}, which is a draft and not approved for use",
                VERDICT,
            )
        return
    if not ctx.registry.claims:
        yield Hit("no approved claim supports this (the registry is empty)", VERDICT)
        return
    near = ctx.matcher.nearest(claim, ctx.context)
    if near is not None and near.claim.status != "draft":
        yield Hit(
            f"no approved claim supports this; nearest is {near.claim.id} (score {near.score:.2f})",
            VERDICT,
            suggestion=near.wording,
        )
    else:
        yield Hit("no approved claim supports this", VERDICT)
