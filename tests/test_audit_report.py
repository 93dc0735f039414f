"""The audit report (HTML and Markdown): every claim, in order, escaped, with its evidence."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from claimcheck.model import (
    ApprovedClaim,
    ClaimResult,
    Context,
    DocumentResult,
    Evidence,
    EvidenceFinding,
    Finding,
    Location,
    Registry,
    Report,
    Sentence,
)
from claimcheck.report import audit
from claimcheck.report import html as html_report
from claimcheck.report import markdown as md_report

DOC_SHA = "a" * 64
REG_SHA = "b" * 64
EV_SHA = "c" * 64
OVERSTATED = "ArcGuide dramatically cuts operative time by 25%."
SCRIPT = "Try <script>alert(1)</script> ArcGuide | always works."
SUPPORTED = (
    "ArcGuide reduced mean operative time by 12% compared with conventional instrumentation."
)
UNSUPPORTED = "ArcGuide is loved by every surgeon."


def _sentence(text: str, line: int) -> Sentence:
    return Sentence(text=text, block=line, location=Location(line=line, start=0, end=len(text)))


def make_report() -> Report:
    """Two documents (one with four claims, one that failed to load) and a small registry."""
    ev = Evidence(
        id="EV-ARC-RCT-2024",
        citation="Lee M, et al. J Arthroplasty. 2024;39(2):210-218.",
        type="rct",
        date=date(2024, 2, 1),
        status="current",
        population="212 patients undergoing primary TKA",
        findings=(EvidenceFinding("mean operative time", "78 vs 89 minutes (-12%), p=0.003"),),
        limitations="Single country.",
    )
    approved = ApprovedClaim(id="ARC-OPTIME", text=SUPPORTED, evidence=("EV-ARC-RCT-2024",))
    registry = Registry(
        claims=(approved,),
        evidence={ev.id: ev},
        sources=("rules/claims.yaml",),
        evidence_sources=("evidence/lib.yaml",),
        sha256=REG_SHA,
        evidence_sha256=EV_SHA,
    )
    claims = (
        ClaimResult(
            sentence=_sentence(OVERSTATED, 3),
            verdict="overstated",
            claim_id="ARC-OPTIME",
            score=0.81,
            evidence=("EV-ARC-RCT-2024",),
            findings=(
                Finding(
                    rule="CC201",
                    name="intensifier",
                    severity="error",
                    verdict="overstated",
                    message="'dramatically' overstates ARC-OPTIME",
                    span=(9, 21),
                    suggestion=SUPPORTED,
                    claim_id="ARC-OPTIME",
                ),
                Finding(
                    rule="CC206",
                    name="unsupported-number",
                    severity="error",
                    verdict="overstated",
                    message="'25%' is not in ARC-OPTIME or its evidence",
                    span=(45, 48),
                    claim_id="ARC-OPTIME",
                ),
            ),
        ),
        ClaimResult(
            sentence=_sentence(SCRIPT, 5),
            verdict="unsupported",
            findings=(
                Finding(
                    rule="CC101",
                    name="unsupported-claim",
                    severity="error",
                    verdict="unsupported",
                    message="no approved claim backs this sentence",
                ),
                Finding(
                    rule="CC203",
                    name="absolute",
                    severity="error",
                    verdict="overstated",
                    message="'always' is an absolute",
                    span=(41, 47),
                    waived="approved by legal 2026-01",
                ),
            ),
        ),
        ClaimResult(
            sentence=_sentence(SUPPORTED, 7),
            verdict="supported",
            claim_id="ARC-OPTIME",
            score=1.0,
            evidence=("EV-ARC-RCT-2024", "EV-MISSING"),
            wording=SUPPORTED,
        ),
        ClaimResult(
            sentence=_sentence(UNSUPPORTED, 9),
            verdict="unsupported",
            findings=(
                Finding(
                    rule="CC101",
                    name="unsupported-claim",
                    severity="error",
                    verdict="unsupported",
                    message="no approved claim backs this sentence",
                ),
            ),
        ),
    )
    docs = (
        DocumentResult(
            path="drafts/brochure.md",
            format="markdown",
            sha256=DOC_SHA,
            context=Context(as_of=date(2026, 11, 22), audience="hcp", channel="print"),
            claims=claims,
            findings=(
                Finding("CC401", "missing-safety-info", "warning", "unsupported", "no safety text"),
            ),
        ),
        DocumentResult(
            path="drafts/broken.docx",
            format=None,
            sha256=None,
            context=None,
            error="not a DOCX file",
        ),
    )
    return Report(version="0.1.0", as_of=date(2026, 11, 22), registry=registry, documents=docs)


class _Parser(HTMLParser):
    """Collects claim rows (cell texts), tags seen, ids, links and marks."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.rows: list[dict] = []
        self.marks: list[tuple[str, str]] = []
        self._row: dict | None = None
        self._cell: list[str] | None = None
        self._mark: list | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        if tag == "tr" and a.get("class") == "claim":
            self._row = {"verdict": a["data-verdict"], "cells": []}
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "mark":
            self._mark = [a.get("class", ""), []]

    def handle_endtag(self, tag):
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row["cells"].append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "mark" and self._mark is not None:
            self.marks.append((self._mark[0], "".join(self._mark[1])))
            self._mark = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._mark is not None:
            self._mark[1].append(data)


def _parse(html: str) -> _Parser:
    p = _Parser()
    p.feed(html)
    p.close()
    return p


GENERATED = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def test_html_lists_every_claim_in_order_with_verdict_id_and_evidence():
    page = html_report.render(make_report(), generated=GENERATED)
    p = _parse(page)
    assert [r["verdict"] for r in p.rows] == [
        "overstated",
        "unsupported",
        "supported",
        "unsupported",
    ]
    sentences = [r["cells"][2] for r in p.rows]
    assert sentences == [OVERSTATED, SCRIPT, SUPPORTED, UNSUPPORTED]
    first = p.rows[0]["cells"]
    assert first[1] == "line 3"
    assert first[3] == "overstated"
    assert "ARC-OPTIME" in first[4] and SUPPORTED in first[4]
    assert "EV-ARC-RCT-2024" in first[5] and "rct, 2024-02-01, current" in first[5]
    assert "CC201 intensifier" in first[6] and "'dramatically' overstates ARC-OPTIME" in first[6]
    assert "Use instead: " + SUPPORTED in first[6]
    # the supported claim is listed too, with both its evidence ids
    assert "EV-MISSING" in p.rows[2]["cells"][5]


def test_html_escapes_document_text_and_has_no_script_or_external_assets():
    page = html_report.render(make_report(), generated=GENERATED)
    p = _parse(page)
    assert "script" not in p.tags
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and "<link" not in page and "@import" not in page


def test_html_header_hashes_context_and_input_errors():
    page = html_report.render(make_report(), generated=GENERATED)
    text = "".join(_parse(page).text)
    for sha in (DOC_SHA, REG_SHA, EV_SHA):
        assert sha in text
    assert "2026-11-22T09:30:00+00:00" in text
    assert "rules/claims.yaml" in text and "evidence/lib.yaml" in text
    assert "claimcheck 0.1.0" in text
    assert "drafts/broken.docx" in text and "not a DOCX file" in text
    assert "hcp" in text and "print" in text
    assert "CC401 missing-safety-info [warning] no safety text" in text
    assert "4 claim(s); 4 error(s), 1 warning(s), 1 waived finding(s)" in text


def test_html_marks_findings_spans_and_waived_ones():
    p = _parse(html_report.render(make_report(), generated=GENERATED))
    assert ("v-overstated", "dramatically") in p.marks
    assert ("v-overstated", "25%") in p.marks
    assert ("v-overstated waived", "always") in p.marks
    row = p.rows[1]["cells"][6]
    assert "waived: approved by legal 2026-01" in row


def test_html_evidence_annex_anchors_resolve():
    p = _parse(html_report.render(make_report(), generated=GENERATED))
    assert "ev-EV-ARC-RCT-2024" in p.ids and "ev-EV-MISSING" in p.ids
    assert set(p.links) <= p.ids
    text = "".join(p.text)
    assert "Lee M, et al. J Arthroplasty. 2024;39(2):210-218." in text
    assert "78 vs 89 minutes (-12%), p=0.003" in text and "Single country." in text
    assert "not in the evidence library" in text


def test_html_summary_chart_and_signoff():
    page = html_report.render(make_report(), generated=GENERATED)
    p = _parse(page)
    assert "svg" in p.tags
    assert "Claims per verdict: supported: 1; overstated: 1; unsupported: 2" in page
    text = "".join(p.text)
    for label in ("Reviewer name", "Role", "Signature", "Approved with changes", "Rejected"):
        assert label in text
    assert "@media print" in page and "table-header-group" in page


def test_segments_merge_overlapping_spans_with_strongest_verdict():
    f1 = Finding("CC201", "intensifier", "error", "overstated", "m", span=(0, 5))
    f2 = Finding("CC102", "prohibited-claim", "error", "prohibited", "m", span=(3, 9))
    segs = audit.segments("abcdefghijkl", (f1, f2))
    assert [(s.text, s.mark.verdict if s.mark else None) for s in segs] == [
        ("abcdefghi", "prohibited"),
        ("jkl", None),
    ]
    assert segs[0].mark.rules == ("CC201", "CC102")


def test_markdown_contains_every_claim_in_a_table_that_survives_pipes():
    text = md_report.render(make_report(), generated=GENERATED)
    for needle in ("**dramatically**", "**25%**", "ARC-OPTIME", DOC_SHA, REG_SHA, EV_SHA):
        assert needle in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    p = _parse(html)
    claim_table_rows = [t for t in html.split("<table>") if "Findings and suggestions" in t]
    assert len(claim_table_rows) == 1
    body = claim_table_rows[0].split("<tbody>")[1]
    assert body.count("<tr>") == 4  # one row per claim: the '|' in a sentence did not split it
    assert "script" not in p.tags
    rendered = "".join(p.text)
    for sentence in (SCRIPT, SUPPORTED, UNSUPPORTED):
        assert sentence in rendered
    assert "dramatically cuts operative time by 25%." in rendered
    assert "Lee M, et al. J Arthroplasty. 2024;39(2):210-218." in rendered
    assert "- [ ] Approved with changes" in text
