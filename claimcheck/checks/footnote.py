"""Flag a claim used without the footnote the registry attaches to it.

## What it does
A registry claim may carry `footnotes:`: mandatory footnotes or reference lines that must
appear in the same document wherever the claim is used. For each approved claim a sentence
of the document matches (whatever its verdict), each footnote is looked for anywhere in the
draft, footers and notes included, as a whole line: on lemmas and numbers, in any word
order, across line breaks, with a leading marker ("1.", "*", "†") ignored. The finding
names the claim, the missing footnotes and the sentences that use the claim.

## Why is this bad?
A footnote is part of the approved claim: the reference it rests on, the population it was
shown in, a "data on file" notice or a limitation. Shown without it, the claim says more
than was approved, and a reviewer cannot trace it to its evidence.

## Example
```yaml
claims:
  - id: ARC-BENCH-ACCURACY
    text: In bench testing, ArcGuide tracked instrument position with a mean error of 0.5 mm.
    footnotes: ["Test report TR-0231 Rev C. Data on file; 2023."]
```
```text
In bench testing, ArcGuide tracked instrument position with a mean error of 0.5 mm.
```

## Use instead
```text
In bench testing, ArcGuide tracked instrument position with a mean error of 0.5 mm.¹

¹ Test report TR-0231 Rev C. Data on file; 2023.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.document import DocumentContext, clip, where_list
from claimcheck.model import Hit

CODE = "CC403"
NAME = "missing-footnote"
VERDICT = "document"


def check(ctx: DocumentContext) -> Iterator[Hit]:
    """Yield one hit per used claim whose footnotes the document does not all carry."""
    for notes in ctx.footnotes():
        if not notes.absent:
            continue
        ident = notes.claim.id
        many = len(notes.absent) > 1
        quoted = ", ".join(clip(n) for n in notes.absent)
        yield Hit(
            f"footnote{'s' if many else ''} of {ident} {'are' if many else 'is'} missing: "
            f"{quoted} (the claim{'s' if len(notes.claims) > 1 else ''} at "
            f"{where_list(notes.claims)} use{'' if len(notes.claims) > 1 else 's'} {ident})",
            VERDICT,
            suggestion=" / ".join(notes.absent),
            claim_id=ident,
            claims=notes.claims,
        )
