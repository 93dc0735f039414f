"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (a view: nothing is dropped).

Every finding is a result. Line-based drafts (Markdown, text, HTML) point at the sentence's
line; PDF, DOCX and PPTX have no lines, so the region is line 1 (code scanning requires a
startLine) and the page/paragraph/slide goes in the location's message and properties and
in the result message. Waived findings carry a `suppressions` entry (inSource for an inline
directive, external for a config waiver) with the waiver's reason as justification. Input
errors become toolExecutionNotifications, and the invocation is then not successful.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from claimcheck.errors import shown
from claimcheck.fingerprint import posix_path
from claimcheck.model import ClaimResult, DocumentResult, Finding, Location, Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "claimcheck/v1"
LINE_FORMATS = frozenset({"markdown", "text", "html"})
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(report: Report, **opts: Any) -> str:
    """The report as a SARIF 2.1.0 log with one run."""
    return json.dumps(to_sarif(report, **opts), indent=2, ensure_ascii=False) + "\n"


def to_sarif(
    report: Report, *, category: str | None = None, information_uri: str | None = None, **_: Any
) -> dict[str, Any]:
    """The SARIF log as a JSON-ready mapping; `category` sets runAutomationDetails.id."""
    from claimcheck import project_url

    rules, index = _rules(report)
    results = [
        _result(doc, claim, finding, index)
        for doc in report.documents
        for claim, finding in _findings(doc)
    ]
    notifications = [
        {
            "level": "error",
            "message": {"text": doc.error},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(doc.path)}}],
        }
        for doc in report.documents
        if doc.error
    ]
    notifications += [{"level": "note", "message": {"text": n}} for n in report.notices]
    driver: dict[str, Any] = {
        "name": "claimcheck",
        "version": report.version,
        "semanticVersion": report.version,
    }
    uri = information_uri or project_url()
    if uri:  # optional in SARIF; unknown only when claimcheck runs uninstalled from a checkout
        driver["informationUri"] = uri
    driver["rules"] = rules
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [
            {
                "executionSuccessful": not any(doc.error for doc in report.documents),
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {
            "%SRCROOT%": {"description": {"text": "The directory claimcheck ran in."}}
        },
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"as_of": report.as_of.isoformat()},
    }
    if category:
        run["automationDetails"] = {"id": category.rstrip("/") + "/"}
    if report.baseline is not None:
        run["properties"]["baseline"] = dict(report.baseline)
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _findings(doc: DocumentResult) -> list[tuple[ClaimResult | None, Finding]]:
    return [(c, f) for c in doc.claims for f in c.findings] + [(None, f) for f in doc.findings]


def _rule_docs() -> list[dict[str, Any]]:
    """The judge's rule documentation, when that module is present."""
    try:
        from claimcheck.checks.judge import rule_docs
    except ImportError:
        return []
    return list(rule_docs())


def _rules(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """reportingDescriptors for every documented rule plus any other rule seen in the report."""
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for doc in _rule_docs():
        code = str(doc.get("code", ""))
        if not code or code in index:
            continue
        index[code] = len(rules)
        rules.append(_descriptor(code, doc))
    seen = {f.rule: f for d in report.documents for _, f in _findings(d)}
    for code in sorted(set(seen) - set(index)):
        f = seen[code]
        index[code] = len(rules)
        rules.append(
            _descriptor(
                code, {"name": f.name, "verdict": f.verdict, "default_severity": f.severity}
            )
        )
    return rules, index


def _descriptor(code: str, doc: dict[str, Any]) -> dict[str, Any]:
    name = str(doc.get("name") or code)
    summary = str(doc.get("summary") or name.replace("-", " "))
    out: dict[str, Any] = {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "defaultConfiguration": {"level": LEVELS.get(str(doc.get("default_severity")), "error")},
        "properties": {"tags": ["claims", *([doc["verdict"]] if doc.get("verdict") else [])]},
    }
    text = doc.get("doc")
    if text:
        out["fullDescription"] = {"text": _first_paragraph(str(text))}
        out["help"] = {"text": str(text), "markdown": str(text)}
    return out


def _first_paragraph(text: str) -> str:
    return " ".join(text.strip().split("\n\n", 1)[0].split())


# RFC 3986 path characters kept as they are; ':' is escaped so 'a:b.md' is not read as a scheme.
_URI_SAFE = "/!$&'()*+,;=@~"


def _artifact(path: str) -> dict[str, Any]:
    p = posix_path(path)
    if p.startswith("/"):  # outside the working directory: an absolute file URI
        return {"uri": "file://" + quote(p, safe=_URI_SAFE)}
    return {"uri": quote(p, safe=_URI_SAFE), "uriBaseId": "%SRCROOT%"}


def _where(doc: DocumentResult, location: Location | None) -> str | None:
    """'page 3' / 'paragraph 7' / 'slide 2' when the draft has no lines, else None."""
    if location is None or doc.format in LINE_FORMATS or location.line is not None:
        return None
    label = location.label()
    return None if label == "-" else label


def _location(doc: DocumentResult, location: Location | None, label: str | None = None) -> dict:
    """A SARIF location: the draft, the sentence's line (1 without lines), page/slide named."""
    where = _where(doc, location)
    physical: dict[str, Any] = {
        "artifactLocation": _artifact(doc.path),
        "region": {"startLine": location.line if location and location.line else 1},
    }
    loc: dict[str, Any] = {"physicalLocation": physical}
    if label or (where and location):
        loc["message"] = {"text": label or where}
    if where and location:
        loc["properties"] = {
            k: v
            for k, v in (
                ("page", location.page),
                ("paragraph", location.paragraph),
                ("slide", location.slide),
            )
            if v is not None
        }
    return loc


def _result(
    doc: DocumentResult, claim: ClaimResult | None, finding: Finding, index: dict[str, int]
) -> dict[str, Any]:
    # A document finding stands at the first claim behind it, or at the document start.
    sentence = claim.sentence if claim else finding.anchor
    location = sentence.location if sentence else None
    where = _where(doc, location)
    text = finding.message
    if where and claim:
        text = f"{text} ({where})"
    if finding.suggestion:
        text = f"{text} {'Suggested wording' if claim else 'Add'}: {finding.suggestion}"
    loc = _location(doc, location)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": text},
        "locations": [loc],
        "properties": {
            "name": finding.name,
            "severity": finding.severity,
            "verdict": claim.verdict if claim else finding.verdict,
            "claim_id": finding.claim_id or (claim.claim_id if claim else None),
            "evidence": list(finding.evidence or (claim.evidence if claim else ())),
            "sentence": sentence.text if sentence else None,
        },
    }
    related = [(s, "claim") for s in finding.claims[1:]]
    related += [(s, "statement found") for s in finding.found]
    if related:
        result["relatedLocations"] = [
            {"id": n, **_location(doc, s.location, f"{what} at {s.where}: {shown(s.text)}")}
            for n, (s, what) in enumerate(related, 1)
        ]
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.suggestion:
        result["properties"]["suggestion"] = finding.suggestion
    if finding.waived is not None:
        result["suppressions"] = [
            {
                "kind": "inSource" if finding.waived_by == "inline" else "external",
                "status": "accepted",
                "justification": finding.waived,
            }
        ]
    return result
