"""Flag a claim whose cited evidence is all superseded or withdrawn.

## What it does
Reports a sentence that matches an approved claim when every evidence record it cites has
`status: superseded` or `status: withdrawn`.

## Why is this bad?
A claim is only as good as its evidence. When the study behind it was withdrawn or replaced,
the claim has nothing left to stand on, even if its own entry was never updated.

## Example
```text
OrthoNav reduced postoperative pain scores in an observational study.   # EV-NAV-OLD withdrawn
```

## Use instead
Cite current evidence for the claim, or retire it.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext
from claimcheck.model import Claim, Hit, Match

CODE = "CC303"
NAME = "evidence-withdrawn"
VERDICT = "expired"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when no cited evidence of the matched claim is current."""
    if match is None:
        return
    cited = [ctx.registry.evidence[e] for e in match.claim.evidence if e in ctx.registry.evidence]
    if cited and all(ev.status in ("superseded", "withdrawn") for ev in cited):
        listed = ", ".join(f"{ev.id} ({ev.status})" for ev in cited)
        yield Hit(f"all evidence for {match.claim.id} is out of date: {listed}", VERDICT)
