"""Flag causal wording for a claim approved only as an association.

## What it does
Compares the claim strength of the copy (none, correlational, conditional causal, causal)
with the strongest approved wording of the matched claim, and reports copy that states a
stronger relationship: "reduces" where the claim says "was associated with lower".
A dropped hedge ("may reduce" -> "reduces") is left to CC205, and a wording that compares
trial arms ("2.1 versus 2.4 days") without association words ("associated with", "linked
to") is taken to support an effect when its evidence is a randomised trial or meta-analysis.
Copy that keeps the wording's relationship words ("similar to", "associated with") and states
no effect the claim's wordings do not is not stronger than the wording.

## Why is this bad?
Observational and registry data show associations, not causes. Turning "associated with"
into "reduces" claims a result the study design cannot give.

## Example
```text
ArcGuide lowers blood loss.
```

## Use instead
```text
Use of ArcGuide was associated with lower blood loss in a registry study.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, in_approved, lemmas_in, suggestion
from claimcheck.model import (
    STRENGTH_CAUSAL,
    STRENGTH_CONDITIONAL,
    STRENGTH_NAMES,
    Claim,
    Hit,
    Match,
)
from claimcheck.strength import CUE_KIND as STRENGTH_CUE

CODE = "CC207"
NAME = "causal-overstatement"
VERDICT = "overstated"

RANDOMISED = frozenset({"rct", "meta-analysis"})


def _randomised(match: Match, ctx: CheckContext) -> bool:
    evidence = ctx.registry.evidence
    return any(
        (evidence[e].type or "") in RANDOMISED for e in match.claim.evidence if e in evidence
    )


_STATES = {0: "states no relationship", 1: "is correlational", 2: "is conditional", 3: "is causal"}


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the copy is stronger than every approved wording."""
    if match is None:
        return
    approved = max(ctx.approved(w).strength for w in match.claim.wordings)
    if claim.strength <= approved or approved == STRENGTH_CONDITIONAL:
        return
    if claim.strength < STRENGTH_CONDITIONAL:
        return  # a comparison or association is not causal wording
    if _keeps_relation(claim, match, ctx):
        return
    explicit = any(ctx.approved(w).of("correlational") for w in match.claim.wordings)
    if not explicit and _randomised(match, ctx):
        return  # trial arms compared ("2.1 vs 2.4 days") in an RCT support the effect
    # A trained strength model (config `strength_model:`) names the words it weighed most.
    cues = claim.of(STRENGTH_CUE) or claim.of("causal") or claim.of("effect")
    span = (cues[0].start, cues[0].end) if cues else None
    said = f"'{claim.sentence.text[span[0] : span[1]]}' " if span else ""
    kind = (
        "a causal effect" if claim.strength == STRENGTH_CAUSAL else STRENGTH_NAMES[claim.strength]
    )
    yield Hit(
        f"{said}states {kind} where {match.claim.id} {_STATES[approved]}",
        VERDICT,
        span=span,
        suggestion=suggestion(match),
    )


def _keeps_relation(claim: Claim, match: Match, ctx: CheckContext) -> bool:
    """True when the copy keeps the words the matched wording states its relationship with
    ("similar to", "associated with") and states no effect or cause the claim's wordings do
    not: "self-fitting gave benefit similar to professional fitting" relates what the
    approved "benefit with self-fitting was similar to benefit with professional fitting"
    does."""
    approved = ctx.approved(match.wording).of("correlational")
    if not approved:
        return False
    kept = {lemmas_in(claim, c.start, c.end) for c in claim.of("correlational")}
    wanted = {lemmas_in(ctx.approved(match.wording), c.start, c.end) for c in approved}
    if not wanted <= kept:
        return False
    stated = claim.of("effect") + claim.of("causal")
    return all(in_approved(match.claim, lemmas_in(claim, c.start, c.end)) for c in stated)
