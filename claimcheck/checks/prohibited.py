"""Flag a claim that the registry lists as prohibited.

## What it does
Looks for every phrase of the registry's `prohibited:` entries in the sentence, on lemmas and
in any word order ("recovers faster" and "faster recoveries" both hit "faster recovery").
A negated mention ("does not speed recovery") is not a hit. A phrase that holds a negation
keeps it in place: "never have another migraine" needs the negation before "migraine", so
"migraine with or without aura" does not make it.

## Why is this bad?
Prohibited claims are ones the evidence contradicts or regulators have rejected. Making one
is the most serious kind of promotional non-compliance.

## Example
```text
Patients recover faster with ArcGuide.
```

## Use instead
Drop the claim, or state what the evidence shows:
```text
Mean length of stay was 2.1 days with ArcGuide versus 2.4 days with conventional instrumentation.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, find_phrase, quote
from claimcheck.model import Claim, Hit, Match, Registry

CODE = "CC102"
NAME = "prohibited-claim"
VERDICT = "prohibited"


def mentions(claim: Claim, registry: Registry) -> tuple[str, tuple[int, int]] | None:
    """The first prohibited entry the sentence makes, with the span of its words."""
    for entry in registry.prohibited:
        for phrase in entry.phrases:
            span = find_phrase(claim, phrase)
            if span is not None:
                return entry.id, span
    return None


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each prohibited entry the sentence makes."""
    for entry in ctx.registry.prohibited:
        for phrase in entry.phrases:
            span = find_phrase(claim, phrase)
            if span is None:
                continue
            yield Hit(
                f"'{quote(claim, *span)}' is prohibited by {entry.id}: {entry.reason}",
                VERDICT,
                span=span,
                severity=entry.severity,
                claim_id=entry.id,
            )
            break
