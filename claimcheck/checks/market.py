"""Flag a claim used outside the markets it is approved for.

## What it does
Reports a sentence that matches an approved claim when the document's market (from the
config, front matter or `--market`) is set and is not in the claim's `scope.markets`.
A claim without a `markets` list may be used for any market; the comparison ignores case.

## Why is this bad?
A claim approved for one market was reviewed for that use only; the same words in
copy for the EU market may break the rules that apply there.

## Example
```text
market: EU      # the claim's scope.markets is [US]
```

## Use instead
Use a claim approved for the market 'EU', or ask for the claim's scope to be extended.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, off_scope
from claimcheck.model import Claim, Hit, Match

CODE = "CC306"
NAME = "off-scope-market"
VERDICT = "off-scope"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the document's market is outside the claim's scope."""
    allowed = match.claim.scope.markets if match is not None else None
    message = off_scope(match, ctx.context.market, allowed, "market")
    if message:
        yield Hit(message, VERDICT)
