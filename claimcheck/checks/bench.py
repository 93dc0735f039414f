"""Flag a claim about patients that rests only on bench evidence.

## What it does
Reports a sentence that matches an approved claim whose evidence is all of `type: bench`
(laboratory, cadaver or simulation data) when the sentence speaks of patients or clinical
outcomes (patients, recovery, pain, complications, length of stay, survival ...).

## Why is this bad?
Bench results show how a device performs in a test set-up. Presenting them as outcomes in
patients claims a clinical benefit no clinical study has shown.

## Example
```text
OrthoNav can shorten navigation setup time by up to 5 minutes for patients.
```

## Use instead
```text
OrthoNav can shorten navigation setup time by up to 5 minutes (bench testing).
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, suggestion
from claimcheck.model import Claim, Hit, Match
from claimcheck.registry.normalize import terms

CODE = "CC309"
NAME = "bench-evidence-human-claim"
VERDICT = "overstated"

# Concepts (rules/synonyms.yaml) and words that put a claim in patients.
HUMAN = frozenset(
    {
        "PATIENT",
        "RECOVERY",
        "PAIN",
        "LOS",
        "COMPLICATION",
        "BLOODLOSS",
        "outcome",
        "survival",
        "mortality",
        "clinical",
        "clinically",
        "life",
        "hospital",
        "readmission",
        "satisfaction",
        "woman",
        "man",
        "child",
        "adult",
        "everyone",
        "anyone",
        "gut",
        "intestine",
        "body",
        "bloodstream",
        "skin",
        "people",
    }
)
# Copy addressed to the reader is about people, whatever else it says ("reach your gut").
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself"})


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when a human-outcome sentence rests on bench evidence alone."""
    if match is None:
        return
    cited = [ctx.registry.evidence[e] for e in match.claim.evidence if e in ctx.registry.evidence]
    if not cited or any((ev.type or "") != "bench" for ev in cited):
        return
    from claimcheck.registry.normalize import tokens

    said = [t for t in terms(claim.sentence) if t.key in HUMAN]
    said += [t for t in tokens(claim.sentence) if t.lower in SECOND_PERSON]
    for t in sorted(said, key=lambda t: t.start)[:1]:
        if t:
            yield Hit(
                f"'{claim.sentence.text[t.start : t.end]}' speaks of patients but "
                f"{match.claim.id} rests on bench evidence only",
                VERDICT,
                span=(t.start, t.end),
                suggestion=suggestion(match),
            )
            return
