"""Flag a claim that drops the hedge of its approved wording.

## What it does
When the approved wording the sentence matches hedges an effect, a cause or a number ("can
reduce", "may help reduce", "up to 40%"), reports a sentence that states an effect, cause or
number with no hedge over it; "helps reduce" drops the "may" of "may help reduce" as surely
as "reduces" drops both. A claim's hedged general wording also binds copy that matched one
of its study-result variants but drops the study ("SomnaPath helps you fall asleep 19 minutes
faster" against "may help ... fall asleep faster" and "In the trial, users fell asleep 19
minutes faster"). A hedge that only qualifies an association ("results suggest X is
associated with Y") does not count: "X is linked to Y" has the same strength.

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
from claimcheck.registry.normalize import terms

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


def _weaker(claim: Claim, stated: list[Cue]) -> bool:
    """True when an effect of a partly hedged copy stands outside every hedge ("may help X
    and eliminates Y")."""
    return any(c.kind == "effect" for c in stated)


def _study_framed(claim: Claim) -> bool:
    """True when the copy reports a study ("In the trial, ...", "in a clinical study")."""
    return any(t.kind == "design" for t in terms(claim.sentence))


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the approved wording hedges an effect the copy states unhedged."""
    if match is None:
        return
    stated = [c for c in claim.cues if c.kind in HEDGEABLE and not c.negated and not c.hedged]
    if not stated:
        return
    hedged = {w: _hedged_effect(ctx.approved(w)) for w in match.claim.wordings}
    found = hedged.get(match.wording)
    if found is None:
        # The copy matched an unhedged wording (a study result): the claim's hedged general
        # wording still binds a sentence that leaves the study out.
        if _study_framed(claim):
            return
        found = next((h for h in hedged.values() if h is not None), None)
        if found is None:
            return
    if _hedged_effect(claim) is not None and not _weaker(claim, stated):
        return
    hedges = [found[0].text]
    effect = claim.of("effect")
    span = (effect[0].start, effect[0].end) if effect else None
    said = f"'{claim.sentence.text[span[0] : span[1]]}' " if span else ""
    yield Hit(
        f"{said}drops the hedge '{hedges[0]}' of {match.claim.id}",
        VERDICT,
        span=span,
        suggestion=suggestion(match),
    )
