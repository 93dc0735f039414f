"""Flag a required statement that is not on the same page or slide as the claims it covers.

## What it does
For a `required:` entry with `placement: page` or `placement: slide`, the statement must
stand on the same PDF page or PPTX slide as each claim that calls for it (on a slide, in its
speaker notes too when the entry says `in_notes: true`). A page and a slide are the same
thing here: a deck exported to PDF is checked page by page. The finding names the pages or
slides whose claims lack it, and where the statement was found instead. A document that
lacks the statement altogether gets CC401 instead; on formats without pages or slides
(Markdown, DOCX, HTML, text) the statement need only be somewhere in the document.

## Why is this bad?
Codes of practice and FDA guidance ask for risk information "in close proximity" to the
claim: a safety slide at the end of a deck, or on the last page of a leave-behind, is not
seen by someone who reads one slide or page. Sales aids are ruled misleading for exactly this.

## Example
```yaml
required:
  - id: REQ-DECK-IFU
    text: See the Instructions for Use for indications, contraindications and warnings.
    placement: slide
```
```text
slide 2: ArcGuide saved a mean of 11 minutes of operating-room time per case.
slide 5: See the Instructions for Use for indications, contraindications and warnings.
```

## Use instead
```text
slide 2: ArcGuide saved a mean of 11 minutes of operating-room time per case.
         See the Instructions for Use for indications, contraindications and warnings.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks.document import DocumentContext, unit_label, where_list
from claimcheck.model import Hit

CODE = "CC402"
NAME = "required-statement-placement"
VERDICT = "document"


def check(ctx: DocumentContext) -> Iterator[Hit]:
    """Yield a hit for each placed requirement some of whose claims' pages/slides lack it."""
    fmt = ctx.doc.format
    for req in ctx.requirements():
        if req.status != "misplaced":
            continue
        statement = req.statement
        unit = "page" if fmt == "pdf" else "slide"
        notes = " or in its notes" if statement.in_notes and fmt == "pptx" else ""
        units = ", ".join(unit_label(fmt, u) for u, _ in req.lacking)
        claims = tuple(s for _, sentences in req.lacking for s in sentences)
        yield Hit(
            f"required statement {statement.id} must stand on the same {unit}{notes} as each "
            f"claim it covers: {units} lack{'s' if len(req.lacking) == 1 else ''} it "
            f"(claim{'s' if len(claims) > 1 else ''} at {where_list(claims)}); "
            f"found at {where_list(req.found.sentences)}",
            VERDICT,
            suggestion=statement.text,
            severity=statement.severity,
            claim_id=statement.id,
            claims=claims,
            found=req.found.sentences,
        )
