"""Flag a claim used outside the products it is approved for.

## What it does
Reports a sentence that matches an approved claim when the document's product (from the
config, front matter or `--product`) is set and is not in the claim's `scope.products`.
A claim without a `products` list may be used for any product; the comparison ignores case.

## Why is this bad?
A claim approved for one product was reviewed for that use only; the same words in
an OrthoNav brochure may break the rules that apply there.

## Example
```text
product: orthonav      # the claim's scope.products is [arcguide]
```

## Use instead
Use a claim approved for the product 'orthonav', or ask for the claim's scope to be extended.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, off_scope
from claimcheck.model import Claim, Hit, Match

CODE = "CC307"
NAME = "off-scope-product"
VERDICT = "off-scope"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the document's product is outside the claim's scope."""
    allowed = match.claim.scope.products if match is not None else None
    message = off_scope(match, ctx.context.product, allowed, "product")
    if message:
        yield Hit(message, VERDICT)
