"""Flag a superlative that the approved wording does not use.

## What it does
Reports superlatives and rank claims ("most accurate", "safest", "best", "leading", "#1",
"first") in a matched claim when no approved wording of that claim uses them.
A superlative that is part of an endpoint another approved claim of the product names ("the
most bothersome symptom") names what was measured and is not reported.

## Why is this bad?
A superlative is a comparison with every competitor. It needs head-to-head evidence against
all of them, which a single trial against conventional instrumentation does not give.

## Example
```text
ArcGuide gives the best alignment accuracy compared with conventional instrumentation.
```

## Use instead
```text
ArcGuide may improve implant alignment accuracy compared with conventional instrumentation.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, contains, new_cues, wording_hit, wording_lemmas
from claimcheck.model import Claim, Cue, Hit, Match
from claimcheck.registry.normalize import tokens

CODE = "CC204"
NAME = "superlative"
VERDICT = "overstated"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each live superlative absent from the approved wordings."""
    for cue in new_cues(claim, match, "superlative"):
        if match is not None and _named_endpoint(claim, cue, match, ctx):
            continue
        yield wording_hit(
            claim,
            match,
            cue,
            "overstates {id}: the approved wording makes no superlative claim",
            "is a superlative no approved claim backs",
        )


def _named_endpoint(claim: Claim, cue: Cue, match: Match, ctx: CheckContext) -> bool:
    """True when the superlative is part of a named endpoint an approved claim of the same
    product uses ("freedom from the most bothersome symptom" in copy summarising two claims,
    "most bothersome symptom" in the other one's wording): the superlative word and the two
    words after it stand in that wording, so it names what was measured, not a ranking."""
    toks = [t for t in tokens(claim.sentence) if not t.is_punct]
    after = [t.lemma.lower() for t in toks if t.start >= cue.end][:2]
    words = tuple(t.lemma.lower() for t in toks if cue.start <= t.start and t.end <= cue.end)
    if len(after) < 2 or not words:
        return False
    run = words + tuple(after)
    products = set(match.claim.scope.products or ())
    for other in ctx.registry.claims:
        if other is match.claim or not products & set(other.scope.products or ()):
            continue
        if any(contains(wording_lemmas(w), run) for w in other.wordings):
            return True
    return False
