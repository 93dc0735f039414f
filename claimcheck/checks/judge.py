"""Turn the hits of every check into findings and one verdict per claim.

Checks say what is wrong (a Hit with the verdict it implies); the judge decides how loud:
it drops disabled rules, sets severity (config override > the rule's data default > the
DEFAULT_SEVERITY table), and picks the verdict that comes first in `model.VERDICTS`
(prohibited > expired > off-scope > overstated > unsupported > supported).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimcheck.checks import CHECKS, DOCUMENT_CHECKS
from claimcheck.checks.base import CheckContext
from claimcheck.errors import UsageError
from claimcheck.model import (
    VERDICTS,
    Claim,
    ClaimResult,
    Context,
    Document,
    Finding,
    Match,
    Registry,
    RuleSettings,
    Sentence,
    StatementCheck,
)
from claimcheck.registry.memo import registry_memo

# Every rule that changes a verdict is an error by default (docs/architecture.md). The red-flag
# pack rules carry their own default (CC257 'new' is a warning: it is often legitimate).
DEFAULT_SEVERITY = {code: "error" for code in CHECKS}
# A missing or misplaced required statement or footnote is an error (its registry entry may
# say otherwise); fair balance, which needs no registry entry, warns.
DEFAULT_SEVERITY.update({code: "error" for code in DOCUMENT_CHECKS}, CC404="warning")
_PRECEDENCE = {v: i for i, v in enumerate(VERDICTS)}


def judge(
    claim: Claim,
    match: Match | None,
    registry: Registry,
    ctx: Context,
    settings: RuleSettings,
) -> ClaimResult:
    """The verdict on one claim, with a finding for each enabled rule that fired."""
    cctx = CheckContext(registry, ctx, settings)
    evidence = match.claim.evidence if match is not None else ()
    claim_id = match.claim.id if match is not None else None
    findings: list[Finding] = []
    for code, module in _enabled(settings):
        for hit in module.check(claim, match, cctx):
            rule, name = hit.code or code, hit.name or module.NAME
            if not settings.is_enabled(rule, name):
                continue
            default = hit.severity or DEFAULT_SEVERITY.get(code, "error")
            findings.append(
                Finding(
                    rule=rule,
                    name=name,
                    severity=settings.level(rule, name, default),
                    verdict=hit.verdict,
                    message=hit.message,
                    span=hit.span,
                    suggestion=hit.suggestion,
                    claim_id=hit.claim_id or claim_id,
                    evidence=() if hit.claim_id else evidence,
                )
            )
    findings = _prune(findings)
    # The finding that decides the verdict comes first; ties keep code order.
    findings.sort(key=lambda f: _PRECEDENCE[f.verdict])
    if findings:
        verdict = findings[0].verdict
    else:
        verdict = "supported" if match is not None else "unsupported"
    if verdict == "prohibited":
        # The result names the prohibited entry; a near approved claim does not back it.
        claim_id, evidence, match = findings[0].claim_id, (), None
    return ClaimResult(
        sentence=claim.sentence,
        verdict=verdict,
        findings=tuple(findings),
        claim_id=claim_id,
        score=match.score if match is not None else None,
        evidence=evidence,
        strength=claim.strength,
        wording=match.wording if match is not None else None,
        shared=match.shared if match is not None else (),
    )


def judge_document(
    doc: Document,
    sentences: Sequence[Sentence],
    claims: Sequence[ClaimResult],
    registry: Registry,
    ctx: Context,
    settings: RuleSettings,
) -> tuple[tuple[Finding, ...], tuple[StatementCheck, ...]]:
    """The document-level findings of a draft whose claims are judged, and how each required
    statement and footnote that applies to it stands."""
    from claimcheck.checks.document import DocumentContext

    dctx = DocumentContext(doc, sentences, claims, registry, ctx, settings)
    findings: list[Finding] = []
    for code, module in DOCUMENT_CHECKS.items():
        if not settings.is_enabled(code, module.NAME):
            continue
        for hit in module.check(dctx):
            rule, name = hit.code or code, hit.name or module.NAME
            if not settings.is_enabled(rule, name):
                continue
            default = hit.severity or DEFAULT_SEVERITY.get(code, "error")
            findings.append(
                Finding(
                    rule=rule,
                    name=name,
                    severity=settings.level(rule, name, default),
                    verdict=hit.verdict,
                    message=hit.message,
                    suggestion=hit.suggestion,
                    claim_id=hit.claim_id,
                    claims=hit.claims,
                    found=hit.found,
                )
            )
    statements = dctx.statements() if registry.required or _has_footnotes(registry) else ()
    return tuple(findings), statements


def _has_footnotes(registry: Registry) -> bool:
    memo = registry_memo(registry)
    found = memo.get("has_footnotes")
    if found is None:
        found = memo["has_footnotes"] = any(c.footnotes for c in registry.claims)
    return found


_LAST: list[Any] = [None, ()]  # the settings last asked about and their enabled checks


def _enabled(settings: RuleSettings) -> tuple[tuple[str, Any], ...]:
    """(code, module) of every check the settings leave on, in code order."""
    # Every claim of a document is judged with the same settings object: ask once.
    if _LAST[0] is not settings:
        _LAST[:] = [
            settings,
            tuple(
                (code, module)
                for code, module in CHECKS.items()
                if settings.is_enabled(code, module.NAME)
            ),
        ]
    return _LAST[1]


def _prune(findings: list[Finding]) -> list[Finding]:
    """Drop findings that repeat a prohibited one: a prohibited claim is not also
    'unsupported', and a red flag on the very words of a prohibited phrase says it twice."""
    banned = [f for f in findings if f.rule == "CC102"]
    if not banned:
        return findings
    spans = [f.span for f in banned if f.span]

    def repeats(f: Finding) -> bool:
        if f.rule == "CC101":
            return True
        return f.rule not in CHECKS and any(
            f.span and s[0] < f.span[1] and f.span[0] < s[1] for s in spans
        )

    return [f for f in findings if not repeats(f)]


def _summary(doc: str) -> str:
    return doc.strip().splitlines()[0].strip()


def rule_docs(packs: Sequence[str | Path] = ()) -> list[dict[str, Any]]:
    """Every rule (checks and red-flag pack rules) with its documentation, in code order.

    The red-flag family module itself (CC250) is represented by its pack rules, which are the
    codes findings carry.
    """
    from claimcheck.checks import redflags
    from claimcheck.checks.packs import load_packs

    out: list[dict[str, Any]] = []
    for code, module in (*CHECKS.items(), *DOCUMENT_CHECKS.items()):
        if module is redflags:
            continue
        doc = module.__doc__ or ""
        out.append(
            {
                "code": code,
                "name": module.NAME,
                "verdict": module.VERDICT,
                "default_severity": DEFAULT_SEVERITY[code],
                "summary": _summary(doc),
                "doc": doc.strip() + "\n",
            }
        )
    for rule in load_packs(packs):
        out.append(
            {
                "code": rule.code,
                "name": rule.name,
                "verdict": redflags.VERDICT,
                "default_severity": rule.severity,
                "summary": _summary(rule.doc),
                "doc": rule.doc,
            }
        )
    return sorted(out, key=lambda r: r["code"])


def explain(code: str, packs: Sequence[str | Path] = ()) -> str:
    """The documentation of one rule, by code or name (for `claimcheck rules explain`)."""
    key = code.strip()
    for module in (*CHECKS.values(), *DOCUMENT_CHECKS.values()):
        if key.upper() == module.CODE or key.lower() == module.NAME:
            return (module.__doc__ or "").strip() + "\n"
    for rule in rule_docs(packs):
        if key.upper() == rule["code"] or key.lower() == rule["name"]:
            return rule["doc"]
    raise UsageError(f"unknown rule '{code}' (see `claimcheck rules list`)")
