"""Flag a claim that drops the hedge of its approved wording.

## What it does
When the approved wording the sentence matches hedges an effect, a cause or a number ("can
reduce", "may help reduce", "up to 40%"), reports a sentence that states an effect, cause or
number with no hedge over it; "helps reduce" drops the "may" of "may help reduce" as surely
as "reduces" drops both. A claim's hedged general wording also binds copy that matched one
of its study-result variants but drops the study ("SomnaPath helps you fall asleep 19 minutes
faster" against "may help ... fall asleep faster" and "In the trial, users fell asleep 19
minutes faster"). A hedge that only qualifies an association ("results suggest X is
associated with Y") does not count: "X is linked to Y" has the same strength. Only figures
the approved wording states are bound by its hedges: "with firmware 2.0" is not a number
"up to" should scope over.

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
from claimcheck.registry.frame import study_framed
from claimcheck.registry.normalize import numbers, terms

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


def _study_framed(claim: Claim) -> bool:
    """True when the copy reports a study ("In the trial, ...", "In ARC-1, 59% of adults")."""
    return study_framed(claim.sentence.text) or any(
        t.kind == "design" for t in terms(claim.sentence)
    )


def hedge_level(claim: Claim, figures: frozenset[float] | None = None) -> int:
    """How hedged the claim's least hedged effect, cause or number is: "may help reduce" 2,
    "helps reduce" and "may reduce" 1, "reduces" 0 ("help" before an effect is a hedge of
    its own). With `figures`, only numbers of those values count: what the approved wording
    hedges binds the copy, not a figure it does not state ("with firmware 2.0")."""
    from claimcheck.detect.decide import label_number

    text = claim.sentence.text
    cues = [
        c
        for c in _hedgeable_cues(claim, figures)
        if not (c.kind == "number" and label_number(text, c))
    ]
    helpers = [c for c in cues if c.kind == "effect" and c.text.lower().startswith("help")]
    main = [c for c in cues if c not in helpers]
    if not main:
        return min((1 + c.hedged for c in helpers), default=0)
    return min(_hedged(c) + any(h.start < c.start for h in helpers) for c in main)


def _hedgeable_cues(claim: Claim, figures: frozenset[float] | None) -> list[Cue]:
    """The live effects, causes and numbers of a claim; with `figures`, numbers only when
    they state one of those values."""
    cues = [c for c in claim.cues if _hedgeable(c) and not c.negated]
    if figures is None:
        return cues
    values = [(n.start, n.end, abs(n.value)) for n in numbers(claim.sentence)]
    return [
        c
        for c in cues
        if c.kind != "number"
        or any(a < c.end and c.start < b and v in figures for a, b, v in values)
    ]


def _figures(claim: Claim) -> frozenset[float]:
    return frozenset(abs(n.value) for n in numbers(claim.sentence) if n.role == "value")


def _hedgeable(cue: Cue) -> bool:
    """An effect, cause or number, or an equivalence ("as well as"): what a hedge qualifies."""
    return cue.kind in HEDGEABLE or (cue.kind == "attribute" and cue.rule == "equivalence")


APPROXIMATORS = ("about ", "nearly ", "almost ", "roughly ", "approximately ")


def _hedged(cue: Cue) -> int:
    """1 when a hedge scopes over the cue or the cue carries its own ("about as well as")."""
    return 1 if cue.hedged or cue.text.lower().startswith(APPROXIMATORS) else 0


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit when the copy is less hedged than the approved wording that binds it."""
    if match is None:
        return
    levels = _approved_levels(ctx, match.claim.wordings)
    if not any(levels.values()):
        return  # no approved wording is hedged: nothing binds the copy to a hedge
    if levels.get(match.wording):
        bound = match.wording
    elif not _study_framed(claim):
        # The copy matched an unhedged wording (a study result) but leaves the study out:
        # the claim's hedged general wording binds it.
        bound = next((w for w, level in levels.items() if level), None)
    else:
        bound = None
    if bound is None:
        return
    approved = ctx.approved(bound)
    figures = _figures(approved)
    if not _hedgeable_cues(claim, figures) or hedge_level(claim, figures) >= levels[bound]:
        return
    found = _hedged_effect(approved)
    hedge = found[0].text if found else _helper(approved)
    effect = claim.of("effect")
    span = (effect[0].start, effect[0].end) if effect else None
    said = f"'{claim.sentence.text[span[0] : span[1]]}' " if span else ""
    yield Hit(
        f"{said}drops the hedge '{hedge}' of {match.claim.id}",
        VERDICT,
        span=span,
        suggestion=suggestion(match),
    )


# (wordings of an approved claim, strength model) -> each wording's hedge level, the same for
# every copy (the model is held with it, so its id is never reused for another model)
_LEVELS: dict[tuple[tuple[str, ...], int], tuple[dict[str, int], object]] = {}
_LEVELS_SIZE = 8192


def _approved_levels(ctx: CheckContext, wordings: tuple[str, ...]) -> dict[str, int]:
    """The hedge level of each approved wording (callers must not modify the dict)."""
    model = ctx.settings.strength_model
    key = (wordings, id(model))
    found = _LEVELS.get(key)
    if found is None:
        if len(_LEVELS) >= _LEVELS_SIZE:
            _LEVELS.clear()
        levels = {w: hedge_level(ctx.approved(w)) for w in wordings}
        found = _LEVELS[key] = (levels, model)
    return found[0]


def _helper(claim: Claim) -> str:
    return next((c.text for c in claim.of("effect") if c.text.lower().startswith("help")), "")
