"""Flag a draft, or part of one, that is not in English: claimcheck did not judge it.

## What it does
Finds the blocks of a draft (paragraphs, cells, list items...) of five or more words written
in another language than English, by the function words they use (`rules/languages.yaml`:
German, French, Spanish, Italian, Dutch, Portuguese), or in another script (Cyrillic, Greek,
CJK, Arabic...). When they hold at least 20 words, or a fifth of the draft's words, the
draft gets one finding naming the language, how much of the draft it is and where it
starts. Shorter blocks and quotations are left alone: they count as English.

## Why is this bad?
claimcheck's lexicons, registry matching and checks read English. A German brochure passed
through them yields no claims at all and, without this finding, exit code 0: a compliance
gate that passes copy it never read. This is a tool problem (CC9xx), not a verdict on the
copy: it says a reviewer must read that part. Teams that know and accept it turn it off
where it applies, e.g. `overrides: [{files: "de/**", disable: [CC901]}]`, or make it a
notice with `severity: {CC901: info}`.

## Example
```text
ArcGuide verkürzt die Operationszeit um 25 Prozent, und die Patienten erholen sich schneller.
```

## Use instead
```text
ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
```
(or have the German copy reviewed by hand and disable CC901 for it)
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.document import DocumentContext
from claimcheck.model import Hit

CODE = "CC901"
NAME = "unjudged-language"
VERDICT = "document"

MIN_FOREIGN_WORDS = 20
MIN_SHARE = 0.2


def check(ctx: DocumentContext) -> Iterator[Hit]:
    """Yield one finding when a draft holds enough copy in a language claimcheck cannot judge."""
    from claimcheck.language import foreign_parts

    parts, total = foreign_parts(ctx.doc.blocks)
    if not parts:
        return
    words = sum(p.words for p in parts)
    if words < MIN_FOREIGN_WORDS and words < MIN_SHARE * total:
        return
    main = parts[0]
    first = min(b for p in parts for b in p.blocks)
    anchor = tuple(s for s in ctx.sentences if s.block == first)[:1]
    where = f", starting at {anchor[0].where}" if anchor and anchor[0].where != "-" else ""
    others = [p.name for p in parts[1:]]
    also = f" (and {', '.join(others)})" if others else ""
    if words >= total:
        what = f"the draft reads as {main.name}{also}, not English"
    else:
        what = f"{words} of its {total} words read as {main.name}{also}, not English{where}"
    yield Hit(
        f"{what}: claimcheck judges English copy only, so that copy was not checked",
        VERDICT,
        # Formats show a document finding's suggestion as what to add.
        suggestion=(
            "disable: [CC901] for these files (an override in claimcheck.yaml) once a reviewer "
            "has read them by hand"
        ),
        claims=anchor,
    )
