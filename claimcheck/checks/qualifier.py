"""Flag a claim that drops a qualifier its approved wording requires.

## What it does
Checks that every phrase of the matched claim's `requires:` list stands in the same sentence.
The comparison is on lemmas and synonyms, in any order, and tolerant of small differences
("versus conventional instruments" keeps "compared with conventional instrumentation").

## Why is this bad?
A qualifier such as the comparator, the population or the study design is part of what was
approved. Without it, "reduced operative time by 12%" no longer says *compared with what*.
A result the approved wording gives for "A or B" ("moderate or severe exacerbations") stated
for one of them alone ("severe exacerbations"), or for neither ("exacerbations"), is a result
the claim does not give.

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
import re
from collections.abc import Iterator
from functools import lru_cache

from claimcheck.checks.base import CheckContext, pattern_of, suggestion
from claimcheck.model import Claim, Hit, Match
from claimcheck.registry.normalize import numbers, terms

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


# An approval, clearance or indication and what it is for: "FDA-approved for the acute
# treatment of migraine ... in people 12 years of age and older".
_APPROVAL = re.compile(
    r"\b(?:approved|cleared|authori[sz]ed|indicated|licensed|marked)\s+(?:for|in)\s+"
    r"(?P<use>[^.;]+)",
    re.IGNORECASE,
)
_EITHER = re.compile(r"\bwith\s+or\s+without\s+[\w-]+", re.IGNORECASE)
_AGE_WORDS = frozenset({"age", "aged", "old", "older", "year", "years", "up", "over"})


@lru_cache(maxsize=4096)
def indication(text: str) -> tuple[str, frozenset[str], frozenset[float]] | None:
    """What an approval wording approves the product for: the words, their content terms and
    the figures (ages) in them; None when the wording states no approval."""
    from claimcheck.segment import sentence_of

    found = _APPROVAL.search(text)
    if found is None:
        return None
    use = _EITHER.sub(" ", found.group("use")).strip()
    sentence = sentence_of(use)
    keys = frozenset(
        t.key
        for t in terms(sentence)
        if t.kind in ("word", "endpoint") and t.key.lower() not in _AGE_WORDS
    )
    figures = frozenset(abs(n.value) for n in numbers(sentence) if n.role == "value")
    return use, keys, figures


def check(claim: Claim, match: Match | None, ctx: CheckContext) -> Iterator[Hit]:
    """Yield a hit for each required qualifier missing from the sentence, and for an approval
    claim that drops part of what the approved wording says the product is approved for."""
    if match is None:
        return
    for phrase in match.claim.requires:
        if not present(claim, phrase):
            yield Hit(
                f"drops the qualifier '{phrase}' that {match.claim.id} requires",
                VERDICT,
                suggestion=suggestion(match),
            )
    part = _part_of_either(claim, match)
    if part is not None:
        words, one = part
        yield Hit(
            f"states for '{one}' alone what {match.claim.id} gives for '{words}'"
            if one
            else f"drops '{words}', which limits what {match.claim.id} gives its result for",
            VERDICT,
            suggestion=suggestion(match),
        )
    approved = indication(match.wording)
    if approved is None or not _APPROVAL.search(claim.sentence.text):
        return
    use, keys, figures = approved
    said = {t.key for t in terms(claim.sentence)}
    stated = {abs(n.value) for n in numbers(claim.sentence)}
    missing = [k for k in sorted(keys) if not _close(k, said)]
    if missing or not figures <= stated:
        yield Hit(
            f"narrows nothing but drops part of what {match.claim.id} is approved for: '{use}'",
            VERDICT,
            suggestion=suggestion(match),
        )


@lru_cache(maxsize=4096)
def _either_pairs(text: str) -> tuple[tuple[str, str, frozenset[str], str], ...]:
    """In an approved wording's "A or B N": A's key, B's key, the keys of the (up to two)
    content terms after B, and the words "A or B"."""
    from claimcheck.registry.normalize import STOPWORDS
    from claimcheck.segment import sentence_of

    ts = terms(sentence_of(text), stopwords=True)
    out = []
    for i in range(1, len(ts) - 2):
        a, mid, b = ts[i - 1], ts[i], ts[i + 1]
        if text[mid.start : mid.end].lower() != "or":
            continue
        if not all(t.kind in ("word", "endpoint") and t.key not in STOPWORDS for t in (a, b)):
            continue
        after = frozenset(
            t.key
            for t in ts[i + 2 : i + 4]
            if t.kind in ("word", "endpoint") and t.key not in STOPWORDS
        )
        if after:
            out.append((a.key, b.key, after, text[a.start : b.end]))
    return tuple(out)


def _part_of_either(claim: Claim, match: Match) -> tuple[str, str | None] | None:
    """("moderate or severe", "severe") when the copy states "severe exacerbations" and no
    "moderate", the approved wording "moderate or severe COPD exacerbations";
    ("moderate or severe", None) when it states "exacerbations" with neither."""
    pairs = _either_pairs(match.wording)
    if not pairs:
        return None
    ts = [t for t in terms(claim.sentence) if t.kind != "negation"]
    keys = {t.key for t in ts}
    for a, b, after, words in pairs:
        if a not in keys and b not in keys and after & keys:
            return words, None
        for one, other in ((a, b), (b, a)):
            if other in keys or one not in keys:
                continue
            for i, t in enumerate(ts):
                if t.key == one and any(n.key in after for n in ts[i + 1 : i + 3]):
                    return words, claim.sentence.text[t.start : t.end]
    return None
