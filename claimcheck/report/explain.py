"""`claimcheck explain`: how a sentence was read and judged, as text or JSON.

A view over the pipeline's Explanation records (claimcheck.model): whether the sentence is a
claim and the rule that decided, every cue with its span, negation and hedge scope, the
claim strength, the approved wordings the matcher retrieved with their scores and the guard
or selection rule that set each aside, and the verdict with the finding that decided it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimcheck.errors import printable
from claimcheck.model import STRENGTH_NAMES, Explanation


def render(explanations: Sequence[Explanation], **_: Any) -> str:
    """The explanations as plain text, one block a sentence."""
    out: list[str] = []
    for ex in explanations:
        out += _block(ex)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render_json(explanations: Sequence[Explanation], **_: Any) -> str:
    """The explanations as a JSON list (see the README, "claimcheck explain")."""
    return json.dumps([to_json(ex) for ex in explanations], indent=2, ensure_ascii=False) + "\n"


def to_json(ex: Explanation) -> dict[str, Any]:
    """One explanation as a JSON object."""
    from claimcheck.detect.decide import REASONS

    d = ex.decision
    result = ex.result
    return {
        "path": ex.path,
        "location": ex.sentence.location.to_json(),
        "sentence": ex.sentence.text,
        "context": {**ex.context.to_json(), "as_of": ex.context.as_of.isoformat()},
        "claim": {
            "is_claim": d.claim,
            "rule": d.reason,
            "rule_meaning": REASONS.get(d.reason, ""),
            "why": d.why,
            "span": list(d.span) if d.span else None,
        },
        "cues": [
            {
                "kind": c.kind,
                "text": c.text,
                "span": [c.start, c.end],
                "entry": c.rule,
                "negated": c.negated,
                "hedged": c.hedged,
            }
            for c in ex.claim.cues
        ],
        "scopes": [
            {"kind": kind, "trigger": trigger, "span": [start, end]}
            for kind, trigger, start, end in ex.scopes
        ],
        "strength": {"value": ex.claim.strength, "name": STRENGTH_NAMES[ex.claim.strength]},
        "candidates": [
            {
                "claim_id": c.claim_id,
                "wording": c.wording,
                "score": c.score,
                "shared": list(c.shared),
                "vetoed": c.vetoed,
                "passed_over": c.passed_over,
                "chosen": c.chosen,
            }
            for c in ex.candidates
        ],
        "verdict": result.verdict if result else None,
        "claim_id": result.claim_id if result else None,
        "findings": [
            {
                "rule": f.rule,
                "name": f.name,
                "severity": f.severity,
                "verdict": f.verdict,
                "message": f.message,
                "span": list(f.span) if f.span else None,
                "suggestion": f.suggestion,
            }
            for f in (result.findings if result else ())
        ],
    }


def _block(ex: Explanation) -> list[str]:
    from claimcheck.detect.decide import REASONS

    text = ex.sentence.text
    where = f"{ex.path} {ex.sentence.where}" if ex.path else ex.sentence.where
    ctx = ex.context
    context = (
        ", ".join(f"{k} {v}" for k, v in ctx.to_json().items() if v is not None)
        or "no audience, channel, market or product"
    )
    lines = [
        f"{printable(where)}: {printable(text)}",
        f"  context: {context}; as of {ctx.as_of.isoformat()}",
    ]
    d = ex.decision
    said = f" ({printable(d.why)})" if d.why else ""
    if d.claim:
        lines.append(f"  claim: yes, {REASONS.get(d.reason, d.reason)}{said} [rule {d.reason}]")
    else:
        lines.append(f"  claim: no, {REASONS.get(d.reason, d.reason)}{said} [rule {d.reason}]")
    if ex.claim.cues:
        lines.append("  cues:")
        for c in ex.claim.cues:
            flags = [f for f, on in (("negated", c.negated), ("hedged", c.hedged)) if on]
            entry = f" {c.rule}" if c.rule else ""
            state = f" ({', '.join(flags)})" if flags else ""
            lines.append(f"    {c.kind}{entry}: '{printable(c.text)}' at {c.start}-{c.end}{state}")
    for kind, trigger, start, end in ex.scopes:
        lines.append(f"  {kind} scope of '{printable(trigger)}': '{printable(text[start:end])}'")
    lines.append(f"  strength: {STRENGTH_NAMES[ex.claim.strength]} ({ex.claim.strength})")
    if not d.claim:
        lines.append("  verdict: none (not listed by check)")
        return lines
    if ex.candidates:
        lines.append("  candidates:")
        for c in ex.candidates:
            mark = "*" if c.chosen else " "
            if c.vetoed:
                lines.append(f"   {mark} {c.claim_id}: vetoed, {c.vetoed}")
                continue
            note = f"; passed over: {c.passed_over}" if c.passed_over else ""
            shared = ", ".join(c.shared)
            lines.append(f"   {mark} {c.claim_id} {c.score:.3f} shares {shared}{note}")
            lines.append(f'        "{printable(c.wording)}"')
    else:
        lines.append("  candidates: none (no approved wording shares its terms)")
    result = ex.result
    if result is not None:
        claim = f" ({result.claim_id})" if result.claim_id else ""
        decided = result.findings[0].rule if result.findings else "no finding"
        lines.append(f"  verdict: {result.verdict.upper()}{claim}, decided by {decided}")
        for f in result.findings:
            lines.append(f"    {f.severity} {f.rule} {f.name}: {printable(f.message)}")
        suggestion = next((f.suggestion for f in result.findings if f.suggestion), None)
        if suggestion:
            lines.append(f"    use instead: {printable(suggestion)}")
    return lines
