"""Flag a claim that drops the hedge of its approved wording.

## What it does
When every approved wording of the matched claim hedges an effect, a cause or a number
("can reduce", "may improve", "up to 40%"), reports a sentence that states an effect, cause
or number with no hedge over it. A hedge that only qualifies an association ("results
suggest X is associated with Y") does not count: "X is linked to Y" has the same strength.

## Why is this bad?
The hedge is the approved strength of the claim: "can shorten setup time by up to 5 minutes"
is a best case, "shortens setup time by 5 minutes" promises it every time.

## Example
```text
OrthoNav shortens navigation setup time by 5 minutes.
```

## Use instead
```text
OrthoNav can shorten navigation setup time by up to 5 minutes.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, suggestion
from claimcheck.model import Claim, Cue, Hit, Match

CODE = "CC205"
NAME = "dropped-hedge"
VERDICT = "overstated"

# What a hedge must scope over to set a claim's strength: an effect or cause, or a number.
# A hedge over an association ("results suggest X is associated with Y") only expresses the
# authors' caution; "X is linked to Y" says the same thing and is not flagged here.
HEDGEABLE = frozenset({"effect", "causal", "number"})


def _hedged_effect(claim: Claim) -> tuple[Cue, Cue] | None:
    """The first live effect/cause/number under a hedge, with the hedge word before it."""
    for cue in claim.cues:
        if cue.kind in HEDGEABLE and cue.hedged and not cue.negated:
            before = [h for h in claim.of("hedge", live=False) if h.start < cue.start]
            hedge = before[-1] if before else claim.of("hedge", live=False)[0]
            return hedge, cue
    return None


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when every approved wording hedges an effect the copy states unhedged."""
    if match is None or _hedged_effect(claim) is not None:
        return
    stated = [c for c in claim.cues if c.kind in HEDGEABLE and not c.negated and not c.hedged]
    if not stated:
        return
    hedges = []
    for wording in match.claim.wordings:
        found = _hedged_effect(ctx.approved(wording))
        if found is None:
            return
        hedges.append(found[0].text)
    effect = claim.of("effect")
    span = (effect[0].start, effect[0].end) if effect else None
    said = f"'{claim.sentence.text[span[0] : span[1]]}' " if span else ""
    yield Hit(
        f"{said}drops the hedge '{hedges[0]}' of {match.claim.id}",
        VERDICT,
        span=span,
        suggestion=suggestion(match),
    )
