"""The JSON report of FORMATS.md section 7 (plus additive keys documented in the README)."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.model import (
    SUMMARY_VERDICTS,
    ClaimResult,
    DocumentResult,
    Finding,
    Report,
    Sentence,
    StatementCheck,
)


def to_dict(report: Report) -> dict[str, Any]:
    """The report as the JSON-ready mapping of FORMATS.md section 7."""
    registry = report.registry
    out: dict[str, Any] = {
        "tool": {"name": "claimcheck", "version": report.version},
        "as_of": report.as_of.isoformat(),
        "registry": {
            "sources": list(registry.sources),
            "claims": len(registry.claims),
            "sha256": registry.sha256,
            "prohibited": len(registry.prohibited),
            "evidence": {
                "sources": list(registry.evidence_sources),
                "records": len(registry.evidence),
                "sha256": registry.evidence_sha256,
            },
        },
        "documents": [_document(d) for d in report.documents],
        "summary": summary(report),
        "notices": list(report.notices),
    }
    if report.baseline is not None:
        out["baseline"] = dict(report.baseline)
    if report.strength_model is not None:
        out["strength_model"] = dict(report.strength_model)
    return out


def summary(report: Report) -> dict[str, Any]:
    """Counts per verdict and per severity; waived findings are counted apart."""
    verdicts = dict.fromkeys(SUMMARY_VERDICTS, 0)
    counts = {"error": 0, "warning": 0, "info": 0}
    waived = claims = 0
    for doc in report.documents:
        for claim in doc.claims:
            claims += 1
            verdicts[claim.verdict] = verdicts.get(claim.verdict, 0) + 1
        for finding in (*(f for c in doc.claims for f in c.findings), *doc.findings):
            if finding.waived is not None:
                waived += 1
            else:
                counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return {
        "documents": len(report.documents),
        "claims": claims,
        "verdicts": verdicts,
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "waived": waived,
        "input_errors": sum(1 for d in report.documents if d.error),
    }


def _document(doc: DocumentResult) -> dict[str, Any]:
    return {
        "path": doc.path,
        "format": doc.format,
        "sha256": doc.sha256,
        "context": doc.context.to_json() if doc.context else None,
        "claims": [_claim(c) for c in doc.claims],
        "findings": [document_finding(f) for f in doc.findings],
        "error": doc.error,
        "statements": [_statement(st) for st in doc.statements],
    }


def document_finding(finding: Finding) -> dict[str, Any]:
    """A document finding: the finding object plus the registry entry it is about, where it
    is shown (its first claim; null for the document start), its claims and, for a misplaced
    statement, where the statement was found."""
    out = finding.to_json()
    anchor = finding.anchor
    out["claim_id"] = finding.claim_id
    out["location"] = anchor.location.to_json() if anchor else None
    out["claims"] = [place(s) for s in finding.claims]
    out["found"] = [place(s) for s in finding.found]
    return out


def place(sentence: Sentence) -> dict[str, Any]:
    """A sentence named by a document finding: its text, location and part of the draft."""
    return {
        "sentence": sentence.text,
        "location": sentence.location.to_json(),
        "part": sentence.kind,
    }


def _statement(st: StatementCheck) -> dict[str, Any]:
    return {
        "id": st.id,
        "kind": st.kind,
        "status": st.status,
        "text": st.text,
        "placement": st.placement,
        "found": [place(s) for s in st.found],
        "claims": [place(s) for s in st.claims],
        "absent": list(st.absent),
        "lacking": list(st.lacking),
    }


def _claim(claim: ClaimResult) -> dict[str, Any]:
    return {
        "sentence": claim.sentence.text,
        "location": claim.sentence.location.to_json(),
        "part": claim.sentence.kind,
        "verdict": claim.verdict,
        "claim_id": claim.claim_id,
        "score": round(claim.score, 3) if claim.score is not None else None,
        "evidence": list(claim.evidence),
        "findings": [f.to_json() for f in claim.findings],
        "strength": claim.strength,
        "approved_wording": claim.wording,
    }


def render(report: Report, **_: Any) -> str:
    """The report as indented JSON text."""
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False) + "\n"
