"""Flag a relative change where the approved claim gives absolute figures.

## What it does
Reports a relative effect ("by 12%", "3-fold", "halves", "twice as") in a matched claim whose
approved wordings state only absolute figures ("78 versus 89 minutes").

## Why is this bad?
A relative change without its baseline makes small differences look large. Guidance on
promotional claims asks for absolute figures when the approved claim gives them.

## Example
```text
Mean length of stay was cut by 12% with ArcGuide versus conventional instrumentation.
```

## Use instead
```text
Patients treated with ArcGuide had a mean length of stay of 2.1 days versus 2.4 days with conventional instrumentation.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from claimcheck.checks.base import CheckContext, suggestion
from claimcheck.model import Claim, Hit, Match, Sentence
from claimcheck.registry.normalize import numbers, tokens

CODE = "CC209"
NAME = "relative-for-absolute"
VERDICT = "overstated"

_RELATIVE_WORDS = frozenset(
    {
        "halve",
        "halves",
        "halved",
        "halving",
        "double",
        "doubled",
        "doubles",
        "twice",
        "triple",
        "tripled",
        "threefold",
        "twofold",
    }
)
_BY = re.compile(r"\bby\s*(?:up to\s*|about\s*|nearly\s*|almost\s*|over\s*)?$", re.IGNORECASE)
_PAREN = r"(?:\([^)]{0,40}\)\s*)?"
_OF = re.compile(rf"\s*{_PAREN}(?:and\s+\d+(?:\.\d+)?\s*%\s*{_PAREN})?of\b", re.IGNORECASE)
_AFTER = re.compile(
    r"^\s*(?:relative\s+)?(?:reduction|decrease|increase|improvement|less|fewer|lower|higher|"
    r"more|shorter|faster|greater|drop|gain|cut)\b",
    re.IGNORECASE,
)


def relative_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Spans of relative-change expressions in a sentence."""
    text = sentence.text
    out = []
    for n in numbers(sentence):
        if n.role != "value":
            continue
        share = _OF.match(text, n.end)  # "reached by 71% of patients": a share, not a change
        relative = n.unit == "TIMES" or (
            n.unit == "PERCENT"
            and not share
            and (_BY.search(text, 0, n.start) or _AFTER.match(text[n.end :]))
        )
        if relative:
            out.append((n.start, n.end))
    for t in tokens(sentence):
        if t.lower in _RELATIVE_WORDS or t.lemma.lower() in _RELATIVE_WORDS:
            out.append((t.start, t.end))
    return out


@lru_cache(maxsize=4096)
def _wording_is_relative(text: str) -> tuple[bool, bool]:
    from claimcheck.segment import sentence_of

    sentence = sentence_of(text)
    has_figures = any(n.role == "value" for n in numbers(sentence))
    return bool(relative_spans(sentence)), has_figures


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for a relative change when the claim states only absolute figures."""
    if match is None:
        return
    shapes = [_wording_is_relative(w) for w in match.claim.wordings]
    if any(rel for rel, _ in shapes) or not any(fig for _, fig in shapes):
        return
    for start, end in relative_spans(claim.sentence):
        yield Hit(
            f"'{claim.sentence.text[start:end]}' is a relative change; {match.claim.id} "
            "gives absolute figures",
            VERDICT,
            span=(start, end),
            suggestion=suggestion(match),
        )
