"""SARIF, JUnit XML and GitHub annotations: valid, complete views of a report."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from claimcheck.fingerprint import assign_fingerprints
from claimcheck.model import (
    ClaimResult,
    Context,
    DocumentResult,
    Finding,
    Location,
    Registry,
    Report,
    Sentence,
)
from claimcheck.report import github, junit, sarif

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8")
)
AS_OF = date(2026, 11, 22)


# --------------------------------------------------------------------------- builders


def finding(
    rule="CC201",
    name="intensifier",
    severity="error",
    verdict="overstated",
    message="'dramatically' is stronger than the approved claim ARC-OPTIME",
    **kw,
) -> Finding:
    return Finding(rule=rule, name=name, severity=severity, verdict=verdict, message=message, **kw)


def claim(
    text,
    *findings,
    verdict="overstated",
    line=None,
    page=None,
    paragraph=None,
    slide=None,
    block=0,
    start=0,
    claim_id="ARC-OPTIME",
) -> ClaimResult:
    loc = Location(
        page=page, paragraph=paragraph, line=line, start=start, end=start + len(text), slide=slide
    )
    return ClaimResult(
        sentence=Sentence(text=text, block=block, location=loc),
        verdict=verdict,
        findings=tuple(findings),
        claim_id=claim_id,
        evidence=("EV-ARC-RCT-2024",),
    )


def document(path, *claims, fmt="markdown", findings=(), error=None) -> DocumentResult:
    if error:
        return DocumentResult(path=path, format=None, sha256=None, context=None, error=error)
    result = DocumentResult(
        path=path,
        format=fmt,
        sha256="0" * 64,
        context=Context(as_of=AS_OF),
        claims=tuple(claims),
        findings=tuple(findings),
    )
    return assign_fingerprints(result)


def report(*docs, notices=()) -> Report:
    return Report(
        version="0.1.0", as_of=AS_OF, registry=Registry(), documents=tuple(docs), notices=notices
    )


def sample() -> Report:
    md = document(
        "docs/brochure.md",
        claim(
            "ArcGuide dramatically cuts operative time by 25%.",
            finding(),
            finding("CC204", "superlative", "warning", message="'best' is a superlative"),
            line=12,
        ),
        claim("ArcGuide reduced mean operative time by 12%.", verdict="supported", line=14),
        claim(
            "ArcGuide is the safest system.",
            finding(
                "CC204",
                "superlative",
                "error",
                message="'safest' is a superlative",
                waived="legal approved 2026-03",
                waived_by="inline",
            ),
            line=20,
        ),
        claim(
            "Tip: it may help.",
            finding("CC205", "dropped-hedge", "info", message="hedge note"),
            line=22,
        ),
        findings=(
            finding(
                "CC401",
                "missing-safety-information",
                "warning",
                verdict="unsupported",
                message="no safety information in the document",
            ),
        ),
    )
    pdf = document(
        "decks/deck, v2.pdf",
        claim(
            "Patients recover 50% faster & feel <better>.",
            finding(
                "CC101",
                "unsupported-claim",
                verdict="unsupported",
                message='no approved claim backs "recover faster"',
                suggestion="Say less.",
            ),
            verdict="unsupported",
            page=3,
            claim_id=None,
        ),
        fmt="pdf",
    )
    bad = document("docs/broken.docx", error="docs/broken.docx: not a DOCX file (corrupt zip)")
    return report(md, pdf, bad, notices=("no claim registry found",))


def count_findings(rep: Report) -> int:
    return sum(len(c.findings) for d in rep.documents for c in d.claims) + sum(
        len(d.findings) for d in rep.documents
    )


# --------------------------------------------------------------------------- SARIF


def test_sarif_validates_against_the_official_schema():
    log = json.loads(sarif.render(sample()))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0"


def test_schema_rejects_a_broken_log():
    # Guards the test above: a schema that accepts anything would prove nothing.
    log = json.loads(sarif.render(sample()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_sarif_lists_every_finding_with_rule_index_and_fingerprint():
    rep = sample()
    run = json.loads(sarif.render(rep))["runs"][0]
    results = run["results"]
    assert len(results) == count_findings(rep)  # waived and info findings are not dropped
    rules = run["tool"]["driver"]["rules"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert len(r["partialFingerprints"]["claimcheck/v1"]) == 20
    first = results[0]
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "docs/brochure.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 12},
    }
    assert first["properties"]["verdict"] == "overstated"
    assert first["properties"]["claim_id"] == "ARC-OPTIME"
    assert first["properties"]["sentence"] == "ArcGuide dramatically cuts operative time by 25%."
    levels = {r["properties"]["name"]: r["level"] for r in results}
    assert levels["dropped-hedge"] == "note"
    assert levels["missing-safety-information"] == "warning"


def test_sarif_marks_waived_findings_as_suppressed():
    results = json.loads(sarif.render(sample()))["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert len(suppressed) == 1
    assert suppressed[0]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "legal approved 2026-03"}
    ]


def test_sarif_points_pdf_findings_at_line_one_and_names_the_page():
    results = json.loads(sarif.render(sample()))["runs"][0]["results"]
    (pdf,) = [r for r in results if r["ruleId"] == "CC101"]
    loc = pdf["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "decks/deck,%20v2.pdf"
    assert loc["physicalLocation"]["region"] == {"startLine": 1}
    assert loc["properties"] == {"page": 3}
    assert "(page 3)" in pdf["message"]["text"]
    assert "Suggested wording: Say less." in pdf["message"]["text"]


def test_sarif_reports_input_errors_as_failed_execution():
    run = json.loads(sarif.render(sample()))["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    errors = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert errors[0]["message"]["text"] == "docs/broken.docx: not a DOCX file (corrupt zip)"
    clean = report(document("a.md", claim("X cures all.", finding(), line=1)))
    assert (
        json.loads(sarif.render(clean))["runs"][0]["invocations"][0]["executionSuccessful"] is True
    )


def test_sarif_rules_come_from_the_rule_docs():
    pytest.importorskip("claimcheck.checks.judge")
    rules = json.loads(sarif.render(sample()))["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    assert by_id["CC201"]["name"] == "intensifier"
    assert by_id["CC201"]["help"]["text"].strip()
    assert len(by_id) > 10  # every documented rule, not only those seen


def test_sarif_falls_back_to_the_rules_seen(monkeypatch):
    monkeypatch.setitem(sys.modules, "claimcheck.checks.judge", None)  # import now fails
    rules = json.loads(sarif.render(sample()))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["CC101", "CC201", "CC204", "CC205", "CC401"]
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads(sarif.render(sample())))


def test_sarif_category_sets_automation_id():
    run = json.loads(sarif.render(sample(), category="claimcheck/shard-2"))["runs"][0]
    assert run["automationDetails"] == {"id": "claimcheck/shard-2/"}


# --------------------------------------------------------------------------- JUnit


def test_junit_counts_claims_failures_and_errors():
    root = ET.fromstring(junit.render(sample()))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    md = suites["docs/brochure.md"]
    # 4 claims + the document-level test case
    assert (md.get("tests"), md.get("failures"), md.get("errors")) == ("5", "2", "0")
    assert len(md.findall("testcase")) == 5
    cases = {c.get("name"): c for c in md.findall("testcase")}
    failed = cases["line 12: ArcGuide dramatically cuts operative time by 25%."].find("failure")
    assert failed is not None
    assert "CC201" in failed.get("message") and "CC204" in failed.get("message")
    assert failed.get("type") == "overstated"
    # waived and info-only findings pass but stay visible
    waived = cases["line 20: ArcGuide is the safest system."]
    assert waived.find("failure") is None
    assert "waived: legal approved 2026-03" in waived.find("system-out").text
    assert cases["line 22: Tip: it may help."].find("failure") is None
    assert cases["document"].find("failure") is not None
    broken = suites["docs/broken.docx"]
    assert (broken.get("tests"), broken.get("errors")) == ("1", "1")
    assert broken.find("testcase/error").get("type") == "InputError"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("7", "3", "1")


def test_junit_failure_level_follows_fail_on():
    root = ET.fromstring(junit.render(sample(), fail_on="error"))
    md = root.find("testsuite")
    # the warning-only document finding (CC401) no longer fails; the CC201 error still does
    assert md.get("failures") == "1"
    root = ET.fromstring(junit.render(sample(), fail_on="info"))
    assert root.find("testsuite").get("failures") == "3"


def test_junit_escapes_markup_and_control_characters():
    rep = report(document("a&b.md", claim('Faster <than> "all" & more\x0c.', finding(), line=3)))
    text = junit.render(rep)
    root = ET.fromstring(text)  # would raise on unescaped & < or a raw form feed
    case = root.find("testsuite/testcase")
    assert case.get("name").startswith('line 3: Faster <than> "all" & more')
    assert case.get("classname") == "a&b.md"
    assert "\x0c" not in text


def test_junit_truncates_long_sentences_in_names():
    long = "ArcGuide " + "dramatically " * 20 + "helps."
    root = ET.fromstring(junit.render(report(document("a.md", claim(long, finding(), line=1)))))
    name = root.find("testsuite/testcase").get("name")
    assert len(name) <= len("line 1: ") + junit.NAME_WIDTH and name.endswith("…")


# --------------------------------------------------------------------------- GitHub


def test_github_annotations_per_finding():
    lines = github.render(sample()).splitlines()
    assert lines[0] == (
        "::error file=docs/brochure.md,line=12,title=CC201 intensifier::"
        "'dramatically' is stronger than the approved claim ARC-OPTIME"
    )
    assert lines[1].startswith("::warning file=docs/brochure.md,line=12,title=CC204 superlative::")
    assert lines[2] == (
        "::notice file=docs/brochure.md,line=20,title=CC204 superlative::"
        "'safest' is a superlative (waived: legal approved 2026-03)"
    )
    assert lines[3].startswith("::notice file=docs/brochure.md,line=22,title=CC205 dropped-hedge::")
    assert lines[4].startswith(
        "::warning file=docs/brochure.md,line=1,title=CC401 missing-safety-information::"
    )
    # PDF: line 1 and the page in the message; ',' in the path escaped; '\n' in the message escaped
    assert lines[5] == (
        "::error file=decks/deck%2C v2.pdf,line=1,title=CC101 unsupported-claim::"
        'page 3: no approved claim backs "recover faster"%0ASuggested wording: Say less.'
    )
    assert lines[6] == (
        "::error file=docs/broken.docx,title=claimcheck input error::"
        "docs/broken.docx: not a DOCX file (corrupt zip)"
    )
    assert lines[7] == "::notice title=claimcheck::no claim registry found"
    assert len(lines) == count_findings(sample()) + 2


def test_github_escaping_rules():
    assert github.escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert (
        github.command("warning", "x: y, z", file="a:b.md", line=2)
        == "::warning file=a%3Ab.md,line=2::x: y, z"
    )
