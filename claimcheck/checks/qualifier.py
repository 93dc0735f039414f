"""Flag a claim that drops a qualifier its approved wording requires.

## What it does
Checks that every phrase of the matched claim's `requires:` list stands in the same sentence.
The comparison is on lemmas and synonyms, in any order, and tolerant of small differences
("versus conventional instruments" keeps "compared with conventional instrumentation").

## Why is this bad?
A qualifier such as the comparator, the population or the study design is part of what was
approved. Without it, "reduced operative time by 12%" no longer says *compared with what*.

## Example
```text
ArcGuide reduced mean operative time by 12%.
```

## Use instead
```text
ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
```
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from claimcheck.checks.base import CheckContext, pattern_of, suggestion
from claimcheck.model import Claim, Hit, Match
from claimcheck.registry.normalize import terms

CODE = "CC202"
NAME = "dropped-qualifier"
VERDICT = "overstated"


def _close(key: str, keys: set[str]) -> bool:
    from rapidfuzz import fuzz

    if key in keys:
        return True
    return any(len(os.path.commonprefix([key, k])) >= 6 or fuzz.ratio(key, k) >= 85 for k in keys)


def present(claim: Claim, phrase: str) -> bool:
    """True when every content term of the phrase (or a near form) is in the sentence."""
    keys = {t.key for t in terms(claim.sentence) if t.kind != "negation"}
    need = [t.key for t in pattern_of(phrase) if t.kind != "negation"]
    return bool(need) and all(_close(k, keys) for k in need)


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each required qualifier missing from the sentence."""
    if match is None:
        return
    for phrase in match.claim.requires:
        if not present(claim, phrase):
            yield Hit(
                f"drops the qualifier '{phrase}' that {match.claim.id} requires",
                VERDICT,
                suggestion=suggestion(match),
            )
