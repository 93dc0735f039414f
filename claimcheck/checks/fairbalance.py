"""Warn about a document that makes benefit claims and carries no safety information at all.

## What it does
Runs without any `required:` entry. A document whose claims state a benefit (an effect,
comparison, superlative, absolute or red-flag wording, or any claim strength above "no
relationship") and none of whose sentences carries a safety cue of the detector (risks,
complications, side effects, contraindications, warnings, precautions, "do not use",
"results may vary", ...; `rules/lexicon-safety.yaml`) gets one warning, shown at its first
benefit claim. A heading ("Important Safety Information") with nothing under it is not
safety information. When a required statement that is itself safety information is
reported missing (CC401), this warning is left out: CC401 says more.

## Why is this bad?
Fair balance: promotion must present risks with benefits. A post or sales aid with efficacy
claims and no risk information is the single most common omission finding of FDA OPDP, and
the ASA and PMCPA rule the same way.

## Example
```text
ArcGuide saved a mean of 11 minutes of operating-room time per case.
```

## Use instead
```text
ArcGuide saved a mean of 11 minutes of operating-room time per case.
Complications may include infection, bleeding and pin-site fracture.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.document import HEADING_KINDS, DocumentContext, where_list
from claimcheck.detect import CLAIM_KINDS
from claimcheck.model import STRENGTH_NONE, Hit, Sentence

CODE = "CC404"
NAME = "fair-balance"
VERDICT = "document"

# Live cue kinds that make a claim a benefit claim: the detector's claim cues but regulatory
# standing and bare attributes ("is CE marked", "comes in a 5 mL applicator"), which state
# no benefit.
BENEFIT_KINDS = CLAIM_KINDS - {"standing", "attribute"}


def check(ctx: DocumentContext) -> Iterator[Hit]:
    """Yield one warning when benefit claims stand in a document with no safety information."""
    from claimcheck.detect import states

    benefits = [result.sentence for result in ctx.claims if _states_benefit(result.sentence)]
    if not benefits:
        return
    if any(s.kind not in HEADING_KINDS and states(s, "safety") for s in ctx.sentences):
        return
    if ctx.settings.is_enabled("CC401", "missing-required-statement") and any(
        not r.found.complete and _is_safety(r.statement.text) for r in ctx.requirements()
    ):
        return  # CC401 names the missing safety statement itself
    n = len(benefits)
    yield Hit(
        f"no safety information: the document makes {n} benefit claim{'s' if n > 1 else ''} "
        f"(at {where_list(benefits)}) and states no risks, complications, contraindications "
        "or warnings",
        VERDICT,
        suggestion=(
            "the product's safety information (risks, complications, contraindications, "
            "warnings) where its benefits are claimed"
        ),
        claims=tuple(benefits),
    )


def _states_benefit(sentence: Sentence) -> bool:
    """True when the detector reads a claim strength or a live benefit cue in the sentence
    (cached by text: drafts repeat claims)."""
    from claimcheck.detect import text_fact

    return text_fact(sentence, "states a benefit", _benefit)  # not a cue kind: a space


def _benefit(sentence: Sentence, _: str) -> bool:
    from claimcheck.detect import analyse

    claim = analyse(sentence)
    return claim.strength > STRENGTH_NONE or any(
        c.kind in BENEFIT_KINDS and not c.negated for c in claim.cues
    )


def _is_safety(text: str) -> bool:
    """True when a statement carries a safety cue itself."""
    from claimcheck.checks.document import parts_of
    from claimcheck.detect import analyse
    from claimcheck.segment import sentence_of

    return any(analyse(sentence_of(p.text)).of("safety") for p in parts_of(text))
