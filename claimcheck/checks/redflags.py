"""Flag regulatory red-flag wording from the rule packs (CC25x and user packs).

## What it does
Runs every phrase rule of `rules/redflags.yaml` and of the user's rule packs: "clinically
proven" (CC251), "FDA approved" (CC252), "safe"/"risk-free" (CC253), "no side effects"
(CC254), "cure" (CC255), "breakthrough" (CC256), "new" (CC257). Phrases are matched on
lemmas in any word order; a negated mention is not a hit, and a red flag that the matched
approved wording itself uses is allowed. Each hit carries its own rule code and name, so
one red flag can be disabled (`disable: [CC257]`) or all of them (`disable: [red-flag]`).

## Why is this bad?
These words make claims regulators single out: proof, regulatory status, safety, cure and
novelty each need specific substantiation that a single approved efficacy claim does not give.

## Example
```text
Clinically proven: ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
```

## Use instead
```text
In a randomized controlled trial, ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from claimcheck.checks.base import (
    CheckContext,
    find_phrase,
    pattern_keys,
    phrase_in_text,
    quote,
    suggestion,
)
from claimcheck.checks.packs import load_packs
from claimcheck.model import Claim, Hit, Match
from claimcheck.registry.normalize import terms

CODE = "CC250"
NAME = "red-flag"
VERDICT = "overstated"


@cache
def _patterns(
    packs: tuple[str, ...],
) -> tuple[tuple[Any, tuple[tuple[str, frozenset[str]], ...]], ...]:
    """Each pack rule with its patterns and the term keys each pattern needs (built once)."""
    return tuple(
        (rule, tuple((p, pattern_keys(p)) for p in rule.patterns)) for rule in load_packs(packs)
    )


@cache
def _anchors(packs: tuple[str, ...]) -> frozenset[str] | None:
    """One term key of each pattern of the packs' rules (None when a pattern needs none): a
    sentence holding none of them trips no rule."""
    out = set()
    for _, patterns in _patterns(packs):
        for _, needed in patterns:
            if not needed:
                return None
            out.add(min(needed))
    return frozenset(out)


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each pack rule the sentence trips and the approved wording does not."""
    # Only patterns whose every term occurs in the sentence can match: skip the rest cheaply.
    present = {t.key for t in terms(claim.sentence)}
    anchors = _anchors(ctx.settings.packs)
    if anchors is not None and anchors.isdisjoint(present):
        return
    for rule, patterns in _patterns(ctx.settings.packs):
        for pattern, needed in patterns:
            if not needed <= present:
                continue
            span = find_phrase(claim, pattern)
            if span is None:
                continue
            if match is not None and any(phrase_in_text(w, pattern) for w in match.claim.wordings):
                continue
            if _excepted(claim.sentence.text, span, rule.exceptions):
                continue
            text = quote(claim, *span)
            yield Hit(
                rule.message.format(
                    text=text, claim=match.claim.id if match else "no approved claim"
                ),
                VERDICT if match is not None else "unsupported",
                span=span,
                suggestion=suggestion(match) if match is not None else None,
                code=rule.code,
                name=rule.name,
                severity=rule.severity,
            )
            break


@cache
def _exception(phrase: str) -> re.Pattern[str]:
    """An exception phrase as a pattern: its words in order, at most one word between two of
    them, a plural or inflected ending allowed on the last."""
    words = [re.escape(w) for w in phrase.lower().split()]
    between = r"(?:[\s-]+[\w-]+)?[\s-]+"
    return re.compile(r"\b" + between.join(words) + r"\w*\b", re.IGNORECASE)


def _excepted(text: str, span: tuple[int, int], exceptions: tuple[str, ...]) -> bool:
    """True when an exception phrase of the rule covers the words it found."""
    for phrase in exceptions:
        for found in _exception(phrase).finditer(text):
            if found.start() <= span[0] and span[1] <= found.end():
                return True
    return False
