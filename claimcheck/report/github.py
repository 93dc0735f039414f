"""GitHub Actions workflow commands: annotations on the pull request's files (a view).

`::error file=PATH,line=N,title=CC201 intensifier::message` per finding; warning and notice
for lower severities. Waived findings are shown as notices ending "(waived: reason)". PDF,
DOCX and PPTX have no lines, so they point at line 1 and the message starts with the page,
paragraph or slide. Escaping follows @actions/core: % CR LF in data, plus : and , in
properties.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimcheck.fingerprint import posix_path
from claimcheck.model import DocumentResult, Finding, Location, Report
from claimcheck.report.stream import StreamWriter

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value (file, title...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: Any) -> str:
    """One workflow command line, e.g. `::error file=a.md,line=3::text`."""
    pairs = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + pairs if pairs else ''}::{escape_data(message)}"


def _annotation(
    path: str, location: Location | None, finding: Finding, document: bool = False
) -> str:
    line = location.line if location and location.line else 1
    message = finding.message
    if location and location.line is None and location.label() != "-":
        message = f"{location.label()}: {message}"
    if finding.suggestion:
        # A document finding says what the draft lacks: its suggestion is what to add.
        message = f"{message}\n{'Add' if document else 'Suggested wording'}: {finding.suggestion}"
    kind = COMMANDS.get(finding.severity, "warning")
    if finding.waived is not None:
        kind = "notice"
        message = f"{message} (waived: {finding.waived})"
    return command(
        kind, message, file=posix_path(path), line=line, title=f"{finding.rule} {finding.name}"
    )


def render(report: Report, **opts: Any) -> str:
    """One workflow command per finding, input error and notice."""
    return Writer(**opts).render(report)


class Writer(StreamWriter):
    """Writes workflow commands file by file, the run's notices last."""

    def document(self, doc: DocumentResult, report: Report) -> tuple[str, Any]:
        lines: list[str] = []
        if doc.error:
            lines.append(
                command(
                    "error", doc.error, file=posix_path(doc.path), title="claimcheck input error"
                )
            )
        for claim in doc.claims:
            lines.extend(_annotation(doc.path, claim.sentence.location, f) for f in claim.findings)
        # A document finding points at the first claim behind it, or at the document start.
        lines.extend(
            _annotation(doc.path, f.anchor.location if f.anchor else None, f, document=True)
            for f in doc.findings
        )
        return "".join(line + "\n" for line in lines), None

    def end(self, notices: Iterable[str]) -> None:
        self.out.write("".join(command("notice", n, title="claimcheck") + "\n" for n in notices))
