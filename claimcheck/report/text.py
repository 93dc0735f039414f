"""Terminal output: findings grouped by file, flagged words marked, the approved wording to use.

Plain text (deterministic, no wrapping) when not on a TTY or with NO_COLOR; rich colour
otherwise. Only this module imports rich.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimcheck.errors import printable
from claimcheck.model import (
    SUMMARY_VERDICTS,
    ClaimResult,
    DocumentResult,
    Registry,
    Report,
    Tally,
)
from claimcheck.report.stream import StreamWriter

VERDICT_STYLE = {
    "supported": "green",
    "overstated": "yellow",
    "unsupported": "magenta",
    "prohibited": "bold red",
    "expired": "red",
    "off-scope": "cyan",
}
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "blue"}


def render(report: Report, color: bool = False, verbose: bool = False, **opts: Any) -> str:
    """The report as terminal text; `verbose` lists supported claims too."""
    return Writer(color=color, verbose=verbose, **opts).render(report)


class Writer(StreamWriter):
    """Writes terminal text file by file, then the summary line."""

    def document(self, doc: DocumentResult, report: Report) -> tuple[str, Any]:
        verbose = bool(self.opts.get("verbose"))
        if not self.opts.get("color"):
            lines = _plain_document(doc, report.registry, verbose)
            return "".join(line + "\n" for line in lines), None
        console = _console()
        with console.capture() as capture:
            _rich_document(console, doc, report.registry, verbose)
        return capture.get(), None

    def end(self, notices: Iterable[str]) -> None:
        line = _summary_line(self.tallies)
        if not self.opts.get("color"):
            self.out.write(printable(line) + "\n")
            return
        console = _console()
        with console.capture() as capture:
            console.print(line, style="bold", highlight=False)
        self.out.write(capture.get())


def _console() -> Any:
    from rich.console import Console

    return Console(force_terminal=True, color_system="standard", width=200, soft_wrap=True)


def shown(claim: ClaimResult, verbose: bool) -> bool:
    """Flagged claims always; supported ones with no findings only when verbose."""
    return verbose or claim.verdict != "supported" or bool(claim.findings)


def segments(claim: ClaimResult) -> list[tuple[str, bool]]:
    """The sentence cut at its flagged spans (overlaps merged): (text, flagged) pieces."""
    text = claim.sentence.text
    spans = sorted(f.span for f in claim.findings if f.span and f.span[0] < f.span[1])
    merged: list[list[int]] = []
    for start, end in spans:
        start, end = max(0, start), min(len(text), end)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out += [(text[pos:start], False), (text[start:end], True)]
        pos = end
    out.append((text[pos:], False))
    return [(piece, flagged) for piece, flagged in out if piece]


def marked(claim: ClaimResult, left: str = "[", right: str = "]") -> str:
    """The sentence with every flagged span wrapped in markers, safe to print on a terminal."""
    return "".join(
        f"{left}{printable(piece)}{right}" if flagged else printable(piece)
        for piece, flagged in segments(claim)
    )


def _context_label(doc: DocumentResult) -> str:
    parts = [doc.format or "?"]
    if doc.context:
        parts += [f"{k} {v}" for k, v in doc.context.to_json().items() if v]
    return ", ".join(parts)


def _evidence_line(claim: ClaimResult, registry: Registry) -> str | None:
    cites = []
    for ev_id in claim.evidence:
        ev = registry.evidence.get(ev_id)
        if ev is None:
            cites.append(ev_id)
            continue
        extra = ", ".join(
            str(x) for x in (ev.type, ev.date, ev.status if ev.status != "current" else None) if x
        )
        cites.append(f"{ev_id} {ev.citation}" + (f" ({extra})" if extra else ""))
    return "; ".join(cites) if cites else None


def _suggestion(claim: ClaimResult) -> str | None:
    for finding in claim.findings:
        if finding.suggestion:
            return finding.suggestion
    return None


def _plain_document(doc: DocumentResult, registry: Registry, verbose: bool) -> list[str]:
    """The lines of one file (none when it has nothing to show), a blank line last."""
    if doc.error:
        return []
    claims = [c for c in doc.claims if shown(c, verbose)]
    if not claims and not doc.findings:
        return []
    lines = [f"{doc.path} ({_context_label(doc)})"]
    # What the document as a whole lacks comes first: it may concern every claim below.
    for f in doc.findings:
        waived = f" (waived: {f.waived})" if f.waived is not None else ""
        lines.append(f"  document: {f.severity} {f.rule} {f.name}: {f.message}{waived}")
        if f.suggestion:
            lines.append(f"    add: {f.suggestion}")
    for claim in claims:
        where = claim.sentence.where
        lines.append(f"  {where}: {claim.verdict.upper()}: {marked(claim)}")
        for f in claim.findings:
            waived = f" (waived: {f.waived})" if f.waived is not None else ""
            lines.append(f"    {f.severity} {f.rule} {f.name}: {f.message}{waived}")
        if claim.claim_id and claim.verdict == "supported":
            lines.append(f"    matches {claim.claim_id}")
        suggestion = _suggestion(claim)
        if suggestion:
            lines.append(f"    use instead: {suggestion}")
        evidence = _evidence_line(claim, registry)
        if evidence:
            lines.append(f"    evidence: {evidence}")
    lines.append("")
    # Everything from drafts, registries and file names is escaped: a draft must not be able
    # to retitle the window, plant a link or clear the screen of whoever reads the output.
    return [printable(line) for line in lines]


def _summary_line(tallies: Iterable[Tally]) -> str:
    from claimcheck.report.json import summary_of

    s = summary_of(tallies)
    verdicts = ", ".join(f"{s['verdicts'][v]} {v}" for v in SUMMARY_VERDICTS if s["verdicts"][v])
    docs = s["documents"] - s["input_errors"]
    text = f"{docs} file{'s' if docs != 1 else ''} checked, {s['claims']} claim{'s' if s['claims'] != 1 else ''}"
    if verdicts:
        text += f" ({verdicts})"
    text += f"; {s['errors']} error{'s' if s['errors'] != 1 else ''}, {s['warnings']} warning{'s' if s['warnings'] != 1 else ''}"
    if s["waived"]:
        text += f", {s['waived']} waived"
    if s["input_errors"]:
        text += (
            f"; {s['input_errors']} file{'s' if s['input_errors'] != 1 else ''} could not be read"
        )
    return text


def _rich_document(console: Any, doc: DocumentResult, registry: Registry, verbose: bool) -> None:
    from rich.text import Text

    def safe(text: str, style: str = "") -> tuple[str, str]:
        return printable(text), style

    if doc.error:
        return
    claims = [c for c in doc.claims if shown(c, verbose)]
    if not claims and not doc.findings:
        return
    console.print(
        Text.assemble(safe(doc.path, "bold underline"), safe(f" ({_context_label(doc)})"))
    )
    for f in doc.findings:
        waived = f" (waived: {f.waived})" if f.waived is not None else ""
        console.print(
            Text.assemble(
                "  ",
                ("document", "dim"),
                ": ",
                (f.severity, SEVERITY_STYLE.get(f.severity, "")),
                " ",
                (f"{f.rule} {f.name}", "bold"),
                safe(f": {f.message}{waived}"),
            ),
            highlight=False,
        )
        if f.suggestion:
            console.print(
                Text.assemble("    ", ("add: ", "green"), safe(f.suggestion)), highlight=False
            )
    for claim in claims:
        style = VERDICT_STYLE.get(claim.verdict, "")
        sentence = Text.assemble(
            *(
                safe(piece, f"bold {style} reverse" if flagged else "")
                for piece, flagged in segments(claim)
            )
        )
        console.print(
            Text.assemble(
                "  ",
                safe(claim.sentence.where, "dim"),
                ": ",
                (claim.verdict.upper(), f"bold {style}"),
                ": ",
                sentence,
            ),
            highlight=False,
        )
        for f in claim.findings:
            waived = f" (waived: {f.waived})" if f.waived is not None else ""
            console.print(
                Text.assemble(
                    "    ",
                    (f.severity, SEVERITY_STYLE.get(f.severity, "")),
                    " ",
                    (f"{f.rule} {f.name}", "bold"),
                    safe(f": {f.message}{waived}"),
                ),
                highlight=False,
            )
        if claim.claim_id and claim.verdict == "supported":
            console.print(
                Text(printable(f"    matches {claim.claim_id}"), style="dim"), highlight=False
            )
        suggestion = _suggestion(claim)
        if suggestion:
            console.print(
                Text.assemble("    ", ("use instead: ", "green"), safe(suggestion)), highlight=False
            )
        evidence = _evidence_line(claim, registry)
        if evidence:
            console.print(
                Text(printable(f"    evidence: {evidence}"), style="dim"), highlight=False
            )
    console.print()
