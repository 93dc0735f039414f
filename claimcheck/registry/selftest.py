"""Registry self-tests: run each claim's `examples` through the real pipeline.

A claim may list copy that must be supported by it and copy that must be flagged, each with
the verdict it must get (and optionally rules that must fire):

    examples:
      supported:
        - ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
      flagged:
        - text: ArcGuide dramatically cuts operative time by 25%.
          verdict: overstated
          rules: [CC201, CC206]
        - text: ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
          verdict: off-scope
          context: {audience: patient}

Each example is read as a plain-text draft and judged like any draft (segment, detect,
match, judge, with the config's rule settings and packs and the run's review date), in the
example's own `context` only: the config's context and overrides are for drafts, and a
registry's tests must not pass or fail with the repository that uses it.

A supported example passes when it holds at least one claim and every claim in it is
supported by the claim that lists the example. A flagged example passes when one of its
claims gets the verdict (judged against the listing claim for overstated, expired and
off-scope) with every rule named in `rules` among its findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from claimcheck.model import ApprovedClaim, ClaimExample, ClaimResult

if TYPE_CHECKING:
    from claimcheck.pipeline import Session

# Verdicts that say how copy compares with a matched claim: the listing claim must be it.
AGAINST_THE_CLAIM = frozenset({"overstated", "expired", "off-scope"})


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One example, run: whether it passed, and what the pipeline made of it."""

    claim: ApprovedClaim
    example: ClaimExample
    passed: bool
    claims: tuple[ClaimResult, ...]  # the claim-like sentences of the example, judged
    reason: str = ""  # why it failed, in words


def run_examples(session: Session, claim_ids: Iterable[str] = ()) -> Iterator[ExampleResult]:
    """Every example of the session's registry (of `claim_ids` only, when given), judged."""
    from claimcheck.load import parse_text
    from claimcheck.pipeline import Checker

    config = session.config
    neutral = replace(
        config,
        audience=None,
        channel=None,
        market=None,
        product=None,
        indication=None,
        overrides=(),
        waivers=(),
    )
    examples_session = replace(session, config=neutral)
    wanted = {c.upper() for c in claim_ids}
    where = neutral.root / "registry-example.txt"  # examples are not files: no glob matches
    for claim in session.registry.claims:
        if wanted and claim.id not in wanted:
            continue
        for example in claim.examples:
            context = {"as_of": session.as_of, **dict(example.context)}
            checker = Checker(examples_session, context)
            doc = parse_text(example.text, "text", example.source or claim.id)
            result, _ = checker.check_document(doc, where)
            yield judge_example(claim, example, result.claims)


def judge_example(
    claim: ApprovedClaim, example: ClaimExample, claims: tuple[ClaimResult, ...]
) -> ExampleResult:
    """Whether the judged sentences of an example are what the example expects."""
    if not claims:
        return ExampleResult(
            claim,
            example,
            False,
            claims,
            "no claim found in it (a heading, question, call to action or instruction?)",
        )
    if example.expect == "supported":
        wrong = [c for c in claims if c.verdict != "supported" or c.claim_id != claim.id]
        if not wrong:
            return ExampleResult(claim, example, True, claims)
        return ExampleResult(claim, example, False, claims, f"got {_got(wrong[0])}")
    hits = [
        c
        for c in claims
        if c.verdict == example.expect
        and (example.expect not in AGAINST_THE_CLAIM or c.claim_id == claim.id)
    ]
    if not hits:
        return ExampleResult(claim, example, False, claims, f"got {_got(claims[0])}")
    fired = {name for c in hits for f in c.findings for name in (f.rule, f.name)}
    missing = [r for r in example.rules if r.upper() not in fired and r.lower() not in fired]
    if missing:
        codes = sorted({f.rule for c in hits for f in c.findings})
        return ExampleResult(
            claim,
            example,
            False,
            claims,
            f"{', '.join(missing)} did not fire (fired: {', '.join(codes) or 'none'})",
        )
    return ExampleResult(claim, example, True, claims)


def _got(result: ClaimResult) -> str:
    """`overstated against ARC-OPTIME (CC201, CC206)`, `unsupported (CC101)`."""
    against = f" against {result.claim_id}" if result.claim_id else ""
    codes = ", ".join(sorted({f.rule for f in result.findings}))
    return f"{result.verdict}{against}" + (f" ({codes})" if codes else "")
