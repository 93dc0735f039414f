"""Flag a claim used outside the indications it is approved for.

## What it does
Reports a sentence that matches an approved claim when the document's indication (from the
config, front matter or `--indication`) is set and is not in the claim's `scope.indications`.
A claim without a `indications` list may be used for any indication; the comparison ignores case.

## Why is this bad?
A claim approved for one indication was reviewed for that use only; the same words in
copy about revision knee surgery may break the rules that apply there.

## Example
```text
indication: revision-tka      # the claim's scope.indications is [primary-tka]
```

## Use instead
Use a claim approved for the indication 'revision-tka', or ask for the claim's scope to be extended.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, off_scope
from claimcheck.model import Claim, Hit, Match

CODE = "CC308"
NAME = "off-scope-indication"
VERDICT = "off-scope"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the document's indication is outside the claim's scope."""
    allowed = match.claim.scope.indications if match is not None else None
    message = off_scope(match, ctx.context.indication, allowed, "indication")
    if message:
        yield Hit(message, VERDICT)
