"""JUnit XML for CI test-report viewers (a view: every claim is a test case).

One <testsuite> per document, one <testcase> per claim sentence. A claim fails when any of
its unwaived findings is at or above `fail_level` or `fail_on` (default: warning); waived
and lower findings are listed in <system-out>. Document-level findings form a "document" test
case. A draft that could not be read is a test case with an <error>.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any, TextIO

from claimcheck.model import SEVERITY_RANK, DocumentResult, Finding, Report, Tally
from claimcheck.report.stream import StreamWriter, copy, spool

NAME_WIDTH = 80
TOTALS = ("tests", "failures", "errors")
# Characters XML 1.0 cannot carry at all (PDF text extraction produces some of them).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def _clip(text: str, width: int = NAME_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _line(finding: Finding) -> str:
    out = f"{finding.rule} {finding.name} ({finding.severity}): {finding.message}"
    if finding.waived is not None:
        out += f" [waived: {finding.waived}]"
    if finding.suggestion:
        out += f"\n    suggestion: {finding.suggestion}"
    return out


def render(report: Report, **opts: Any) -> str:
    """The report as a JUnit XML document; `fail_on` (the CLI's level) or `fail_level` sets the bar."""
    return Writer(**opts).render(report)


class Writer(StreamWriter):
    """Writes the JUnit XML; suites are spooled until the end, whose totals head the file."""

    def _floor(self) -> int:
        level = self.opts.get("fail_level") or self.opts.get("fail_on") or "warning"
        return SEVERITY_RANK.get(level, SEVERITY_RANK["warning"])

    def document(self, doc: DocumentResult, report: Report) -> tuple[str, Any]:
        suite = _suite(doc, self._floor())
        ET.indent(suite, level=1)  # as ET.indent(root) lays out a suite inside <testsuites>
        totals = tuple(int(suite.get(key, "0")) for key in TOTALS)
        return ET.tostring(suite, encoding="unicode"), totals

    def begin(self, out: TextIO, head: Report) -> None:
        super().begin(out, head)
        self.body, self.count = spool(), 0
        self.totals = [0] * len(TOTALS)

    def add(self, fragment: str, meta: Any, tally: Tally) -> None:
        self.body.write("\n  " + fragment)
        self.count += 1
        for i, n in enumerate(meta):
            self.totals[i] += n
        self.tallies.append(tally)

    def end(self, notices: Iterable[str]) -> None:
        root = ET.Element("testsuites", name="claimcheck")
        for key, value in zip(TOTALS, self.totals, strict=True):
            root.set(key, str(value))
        head = ET.tostring(root, encoding="unicode")
        out = self.out
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self.count:
            out.write(head + "\n")
        else:
            out.write(head[: -len(" />")] + ">")
            copy(self.body, out)
            out.write("\n</testsuites>\n")
        self.body.close()


def _suite(doc: DocumentResult, floor: int) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(doc.path))
    failures = errors = 0
    if doc.error:
        case = ET.SubElement(suite, "testcase", name="read document", classname=_clean(doc.path))
        ET.SubElement(case, "error", message=_clean(doc.error), type="InputError").text = _clean(
            doc.error
        )
        errors += 1
    for claim in doc.claims:
        label = claim.sentence.where
        name = (
            f"{label}: {_clip(claim.sentence.text)}" if label != "-" else _clip(claim.sentence.text)
        )
        case = ET.SubElement(suite, "testcase", name=_clean(name), classname=_clean(doc.path))
        failures += _judge(case, claim.findings, floor, claim.verdict, claim.sentence.text)
    if doc.findings:
        case = ET.SubElement(suite, "testcase", name="document", classname=_clean(doc.path))
        failures += _judge(case, doc.findings, floor, None, None)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    return suite


def _judge(
    case: ET.Element,
    findings: tuple[Finding, ...],
    floor: int,
    verdict: str | None,
    sentence: str | None,
) -> int:
    """Add <failure> and <system-out> to a test case; return 1 when it failed."""
    failing: list[Finding] = []
    others: list[Finding] = []
    for f in findings:
        fails = f.waived is None and SEVERITY_RANK.get(f.severity, 0) >= floor
        (failing if fails else others).append(f)
    if failing:
        detail = "\n".join(_line(f) for f in failing)
        if sentence:
            detail = f"{sentence}\n{detail}"
        failure = ET.SubElement(
            case,
            "failure",
            message=_clean("; ".join(f"{f.rule} {f.message}" for f in failing)),
            type=verdict or failing[0].verdict,
        )
        failure.text = _clean(detail)
    if others:
        ET.SubElement(case, "system-out").text = _clean("\n".join(_line(f) for f in others))
    return 1 if failing else 0
