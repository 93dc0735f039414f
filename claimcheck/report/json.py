"""The JSON report of FORMATS.md section 7 (plus additive keys documented in the README).

`render(report)` and a streamed run (`Writer`) write the same bytes: the members before
"documents" first, then one document at a time as each is rendered (in the workers), then
summary and notices, which only the end of a run knows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from claimcheck.model import (
    SUMMARY_VERDICTS,
    ClaimResult,
    DocumentResult,
    Finding,
    Report,
    Sentence,
    StatementCheck,
    Tally,
)
from claimcheck.report.stream import StreamWriter, dumps, indented


def to_dict(report: Report) -> dict[str, Any]:
    """The report as the JSON-ready mapping of FORMATS.md section 7."""
    tallies = [Tally.of(d) for d in report.documents]
    return {
        **_head(report),
        "documents": [_document(d) for d in report.documents],
        **_tail(report, tallies, report.notices),
    }


def _head(report: Report) -> dict[str, Any]:
    registry = report.registry
    return {
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
    }


def _tail(report: Report, tallies: Iterable[Tally], notices: Iterable[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"summary": summary_of(tallies), "notices": list(notices)}
    if report.baseline is not None:
        out["baseline"] = dict(report.baseline)
    if report.strength_model is not None:
        out["strength_model"] = dict(report.strength_model)
    return out


def summary(report: Report) -> dict[str, Any]:
    """Counts per verdict and per severity; waived findings are counted apart."""
    return summary_of(Tally.of(d) for d in report.documents)


def summary_of(tallies: Iterable[Tally]) -> dict[str, Any]:
    """The summary of documents from their tallies."""
    verdicts = dict.fromkeys(SUMMARY_VERDICTS, 0)
    counts = {"error": 0, "warning": 0, "info": 0}
    waived = claims = documents = input_errors = 0
    for t in tallies:
        documents += 1
        input_errors += t.error is not None
        claims += t.claims
        for verdict, n in t.verdicts:
            verdicts[verdict] = verdicts.get(verdict, 0) + n
        for severity, n in t.severities:
            counts[severity] = counts.get(severity, 0) + n
        waived += t.waived
    return {
        "documents": documents,
        "claims": claims,
        "verdicts": verdicts,
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "waived": waived,
        "input_errors": input_errors,
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


class Writer(StreamWriter):
    """Writes the JSON report as documents arrive; the bytes of `json.dumps(to_dict(r))`."""

    def document(self, doc: DocumentResult, report: Report) -> tuple[str, Any]:
        # An item of the top-level "documents" array: two levels deep.
        return indented(dumps(_document(doc)), 2), None

    def begin(self, out: TextIO, head: Report) -> None:
        self.out, self.head, self.count = out, head, 0
        text = dumps({**_head(head), "documents": 0})
        out.write(text[: -len("0\n}")] + "[")

    def add(self, fragment: str, meta: Any, tally: Tally) -> None:
        self.out.write(("\n" if not self.count else ",\n") + fragment)
        self.count += 1
        self.tallies.append(tally)

    def end(self, notices: Iterable[str]) -> None:
        self.out.write("\n  ]" if self.count else "]")
        self.out.write("," + dumps(_tail(self.head, self.tallies, notices))[1:] + "\n")


def render(report: Report, **opts: Any) -> str:
    """The report as indented JSON text."""
    return Writer(**opts).render(report)
