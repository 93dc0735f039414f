"""Flag a claim used outside the channels it is approved for.

## What it does
Reports a sentence that matches an approved claim when the document's channel (from the
config, front matter or `--channel`) is set and is not in the claim's `scope.channels`.
A claim without a `channels` list may be used for any channel; the comparison ignores case.

## Why is this bad?
A claim approved for one channel was reviewed for that use only; the same words in
a social media post may break the rules that apply there.

## Example
```text
channel: social      # the claim's scope.channels is [print]
```

## Use instead
Use a claim approved for the channel 'social', or ask for the claim's scope to be extended.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, off_scope
from claimcheck.model import Claim, Hit, Match

CODE = "CC305"
NAME = "off-scope-channel"
VERDICT = "off-scope"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the document's channel is outside the claim's scope."""
    allowed = match.claim.scope.channels if match is not None else None
    message = off_scope(match, ctx.context.channel, allowed, "channel")
    if message:
        yield Hit(message, VERDICT)
