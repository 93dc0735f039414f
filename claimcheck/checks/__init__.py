"""The checks: one module per rule, registered explicitly in code order.

Each module has CODE, NAME, VERDICT, a ruff-shaped docstring (What it does / Why is this bad? /
Example / Use instead) and `check(claim, match, ctx) -> Iterator[Hit]`; `judge.judge` runs them.
Document-level checks (4xx, and CC901 for copy in a language they cannot read) have the same shape with `check(ctx: DocumentContext)`, run once
per document after its claims are judged (`judge.judge_document`): DOCUMENT_CHECKS.
"""

from __future__ import annotations

from claimcheck.checks import (
    absolute,
    audience,
    bench,
    causal,
    channel,
    comparator,
    expired,
    fairbalance,
    footnote,
    hedge,
    indication,
    intensifier,
    language,
    market,
    numbers,
    placement,
    population,
    product,
    prohibited,
    qualifier,
    redflags,
    relative,
    required,
    retired,
    superlative,
    timepoint,
    unsupported,
    withdrawn,
)

_MODULES = (
    unsupported,
    prohibited,
    intensifier,
    qualifier,
    absolute,
    superlative,
    hedge,
    numbers,
    causal,
    population,
    relative,
    comparator,
    timepoint,
    redflags,
    expired,
    retired,
    withdrawn,
    audience,
    channel,
    market,
    product,
    indication,
    bench,
)
CHECKS = {m.CODE: m for m in sorted(_MODULES, key=lambda m: m.CODE)}

DOCUMENT_CHECKS = {m.CODE: m for m in (required, placement, footnote, fairbalance, language)}
