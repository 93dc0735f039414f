"""Flag a claim used outside the audiences it is approved for.

## What it does
Reports a sentence that matches an approved claim when the document's audience (from the
config, front matter or `--audience`) is set and is not in the claim's `scope.audiences`.
A claim without a `audiences` list may be used for any audience; the comparison ignores case.

## Why is this bad?
A claim approved for one audience was reviewed for that use only; the same words in
a patient leaflet may break the rules that apply there.

## Example
```text
audience: patient      # the claim's scope.audiences is [hcp]
```

## Use instead
Use a claim approved for the audience 'patient', or ask for the claim's scope to be extended.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, off_scope
from claimcheck.model import Claim, Hit, Match

CODE = "CC304"
NAME = "off-scope-audience"
VERDICT = "off-scope"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the document's audience is outside the claim's scope."""
    allowed = match.claim.scope.audiences if match is not None else None
    message = off_scope(match, ctx.context.audience, allowed, "audience")
    if message:
        yield Hit(message, VERDICT)
