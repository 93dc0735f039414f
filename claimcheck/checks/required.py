"""Flag a document that lacks a statement the registry requires of it.

## What it does
Checks every `required:` entry of the registry that applies to the document: its `scope`
matches the document's context (audience, channel, market, indication; a value the context
leaves unset never rules a document out) and, with `when: claims` (the default), the document
makes a claim about one of its products (the claim names the product, its approved claim is
scoped to it, or the document's context product is it); with `when: always` the document
need only be in scope. The statement is looked for in every part of the draft (body,
headers, footers, slide notes) as a claim wording is: on lemmas and synonyms, in any
reasonable rewording, across line and paragraph breaks. Every sentence of the statement
must be found; a label such as "Important Safety Information" is optional, and a heading
alone never counts for a statement that names sentences. The finding names the
requirement, the part that is missing and the claims that call for it; the suggestion is
the statement to add.

## Why is this bad?
Omitting or minimising risk information is among the commonest reasons regulators rule
promotion misleading (FDA OPDP untitled letters, FTC, ASA and PMCPA rulings): a benefit
claim must travel with the safety information, indication or limitation that balances it.

## Example
```yaml
required:
  - id: REQ-ARC-ISI
    text: >-
      Important Safety Information: Complications may include infection, blood clots
      and stiffness.
    scope: {products: [arcguide], audiences: [patient]}
```
```text
ArcGuide gives your surgeon real-time measurements to help position your new knee.

Important Safety Information
```

## Use instead
```text
ArcGuide gives your surgeon real-time measurements to help position your new knee.

Important Safety Information: like any surgery, knee replacement carries risks.
Complications can include stiffness, blood clots and infection.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.document import DocumentContext, clip, parts_of, where_list
from claimcheck.model import Hit

CODE = "CC401"
NAME = "missing-required-statement"
VERDICT = "document"


def check(ctx: DocumentContext) -> Iterator[Hit]:
    """Yield a hit for each applicable required statement the document does not carry."""
    for req in ctx.requirements():
        if req.found.complete:
            continue
        statement = req.statement
        parts = len([p for p in parts_of(statement.text) if not p.label]) or 1
        if len(req.found.absent) >= parts:
            what = f"required statement {statement.id} is missing"
        else:
            more = len(req.found.absent) - 1
            what = (
                f"required statement {statement.id} is incomplete: {clip(req.found.absent[0])} "
                f"is missing"
                + (f" (and {more} more part{'s' if more > 1 else ''})" if more else "")
            )
        # A statement required always is owed by the document, not by its claims: the finding
        # stands at the document start.
        claims = req.claims if statement.when == "claims" else ()
        why = (
            f"; the claim{'s' if len(claims) > 1 else ''} at {where_list(claims)} "
            f"call{'' if len(claims) > 1 else 's'} for it"
            if claims
            else "; every document in its scope must carry it"
        )
        yield Hit(
            what + why,
            VERDICT,
            suggestion=statement.text,
            severity=statement.severity,
            claim_id=statement.id,
            claims=claims,
        )
