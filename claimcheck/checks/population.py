"""Flag a population broader than the approved wording's.

## What it does
Reports "all patients", "everyone", "the whole family", "anyone" and similar in a matched
claim when no approved wording of that claim speaks of that population; and a group of
people the matched claim does not name ("children", "women", "responders"): a result stated
for a subgroup or another group is not the finding the claim gives.

## Why is this bad?
Trials enrol a defined population and report averages. Extending a result to everyone
promises it to patients the study never included.

## Example
```text
ArcGuide reduces operative time for all patients compared with conventional instrumentation.
```

## Use instead
```text
ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import (
    CheckContext,
    in_approved,
    lemmas_in,
    new_cues,
    suggestion,
    wording_hit,
)
from claimcheck.model import Claim, Hit, Match

CODE = "CC208"
NAME = "population-generalisation"
VERDICT = "overstated"


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each live population cue absent from the approved wordings, and for
    a group of people the matched claim does not name."""
    broad = new_cues(claim, match, "population")
    for cue in broad:
        yield wording_hit(
            claim,
            match,
            cue,
            "generalises {id} beyond the population it was shown in",
            "generalises to a population no approved claim covers",
        )
    if match is None or broad:
        return
    names = {w for n in ctx.product_names for w in n}
    approved = {
        c.rule for w in match.claim.wordings for c in ctx.approved(w).cues if c.kind == "group"
    }
    for cue in claim.of("group"):
        words = lemmas_in(claim, cue.start, cue.end) or (cue.text.lower(),)
        if (set(words) | {cue.text.lower()}) & names or cue.rule in approved:
            continue  # "Lumara Kids" names a product; the claim speaks of the group
        if in_approved(match.claim, words):
            continue
        yield Hit(
            f"states a result for '{cue.text}'; {match.claim.id} does not name that group",
            VERDICT,
            span=(cue.start, cue.end),
            suggestion=suggestion(match),
        )
        return
