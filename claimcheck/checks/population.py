"""Flag a population broader than the approved wording's.

## What it does
Reports "all patients", "everyone", "the whole family", "anyone" and similar in a matched
claim when no approved wording of that claim speaks of that population; and a group of
people the matched claim does not name ("children", "women", "responders"): a result stated
for a subgroup or another group is not the finding the claim gives. An approval, clearance
or indication that names a condition or group no wording of the matched claim names
("approved for adults with COPD or asthma" against a COPD approval) extends it.

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

import re
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
    added = _added_use(claim, match, ctx)
    if added is not None:
        yield Hit(
            f"extends what {match.claim.id} is approved for to '{added}'",
            VERDICT,
            suggestion=suggestion(match),
        )
        return
    groups = claim.of("group")
    if not groups:
        return
    names = {w for n in ctx.product_names for w in n}
    approved = {
        c.rule for w in match.claim.wordings for c in ctx.approved(w).cues if c.kind == "group"
    }
    for cue in groups:
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


# An approval and what it is for, with up to four words between ("FDA-approved prescription
# medicine for ...", "cleared OTC hearing aid for ...").
_APPROVAL = re.compile(
    r"\b(?:approved|cleared|authori[sz]ed|indicated|licensed|marked)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:for|in)\s+(?P<use>[^.;]+)",
    re.IGNORECASE,
)
_NOT_BEFORE = re.compile(r"\b(?:not|never|no)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _added_use(claim: Claim, match: Match, ctx: CheckContext) -> str | None:
    """The first word of what the copy says the product is approved for that no wording of
    the matched claim has (on lemmas and synonyms), or None."""
    from claimcheck.checks.qualifier import _AGE_WORDS, _close
    from claimcheck.registry.normalize import terms

    text = claim.sentence.text
    found = _APPROVAL.search(text)
    if found is None or _NOT_BEFORE.search(text[: found.start()]):
        return None
    if not any(_APPROVAL.search(w) for w in match.claim.wordings):
        return None
    names = {w for n in ctx.product_names for w in n}
    approved: set[str] = set()
    for wording in match.claim.wordings:
        approved |= {t.key for t in terms(ctx.approved(wording).sentence)}
    start = found.start("use")
    for t in terms(claim.sentence):
        if t.start < start or t.kind not in ("word", "endpoint"):
            continue
        if t.key.lower() in _AGE_WORDS or t.key.lower() in names or _close(t.key, approved):
            continue
        return text[t.start : t.end]
    return None
