"""Terminal output: findings grouped by file, flagged words marked, the approved wording to use.

Plain text without colour when not on a TTY, with NO_COLOR or `--color never`; rich colour
otherwise. With a `width` (the terminal's, on a terminal) long lines wrap at spaces, each
continuation indented under its line; without one (a pipe, a file) nothing is wrapped, so
output stays deterministic and one finding a line. Only this module imports rich.
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
        width = self.opts.get("width")
        if not self.opts.get("color"):
            lines = _plain_document(doc, report.registry, verbose)
            if width:
                lines = [wrapped for line in lines for wrapped in _wrap(line, width)]
            return "".join(line + "\n" for line in lines), None
        console = _console(width)
        with console.capture() as capture:
            _rich_document(console, doc, report.registry, verbose)
        return capture.get(), None

    def end(self, notices: Iterable[str]) -> None:
        line = _summary_line(self.tallies)
        width = self.opts.get("width")
        if not self.opts.get("color"):
            lines = _wrap(printable(line), width) if width else [printable(line)]
            self.out.write("".join(wrapped + "\n" for wrapped in lines))
            return
        console = _console(width)
        with console.capture() as capture:
            console.print(line, style="bold", highlight=False)
        self.out.write(capture.get())


def _console(width: int | None = None) -> Any:
    """A rich console: the terminal's width with wrapping, or unwrapped lines."""
    from rich.console import Console

    return Console(
        force_terminal=True,
        color_system="standard",
        width=width or 200,
        soft_wrap=width is None,
    )


def _wrap(line: str, width: int) -> list[str]:
    """A plain line wrapped at spaces to `width`, continuations two spaces deeper than it."""
    import textwrap

    if len(line) <= width:
        return [line]
    body = line.lstrip(" ")
    indent = " " * (len(line) - len(body))
    return textwrap.wrap(
        body,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_long_words=False,  # a URL or a long word overflows rather than being cut
        break_on_hyphens=False,
    ) or [line]


def _print(console: Any, text: Any) -> None:
    """Print a line; wrapped at the console's width (when it has one) at spaces, with every
    continuation two spaces deeper than the line's own indent."""
    from rich.text import Text

    if console.soft_wrap or len(text.plain) <= console.width:
        console.print(text, highlight=False)
        return
    indent = len(text.plain) - len(text.plain.lstrip(" "))
    room = max(20, console.width - indent - 2)
    # words break only where one is longer than a whole line (a long URL)
    for i, line in enumerate(text[indent:].wrap(console, room, overflow="fold")):
        console.print(Text(" " * (indent + (2 if i else 0))) + line, highlight=False)


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
    _print(
        console, Text.assemble(safe(doc.path, "bold underline"), safe(f" ({_context_label(doc)})"))
    )
    for f in doc.findings:
        waived = f" (waived: {f.waived})" if f.waived is not None else ""
        _print(
            console,
            Text.assemble(
                "  ",
                ("document", "dim"),
                ": ",
                (f.severity, SEVERITY_STYLE.get(f.severity, "")),
                " ",
                (f"{f.rule} {f.name}", "bold"),
                safe(f": {f.message}{waived}"),
            ),
        )
        if f.suggestion:
            _print(console, Text.assemble("    ", ("add: ", "green"), safe(f.suggestion)))
    for claim in claims:
        style = VERDICT_STYLE.get(claim.verdict, "")
        sentence = Text.assemble(
            *(
                safe(piece, f"bold {style} reverse" if flagged else "")
                for piece, flagged in segments(claim)
            )
        )
        _print(
            console,
            Text.assemble(
                "  ",
                safe(claim.sentence.where, "dim"),
                ": ",
                (claim.verdict.upper(), f"bold {style}"),
                ": ",
                sentence,
            ),
        )
        for f in claim.findings:
            waived = f" (waived: {f.waived})" if f.waived is not None else ""
            _print(
                console,
                Text.assemble(
                    "    ",
                    (f.severity, SEVERITY_STYLE.get(f.severity, "")),
                    " ",
                    (f"{f.rule} {f.name}", "bold"),
                    safe(f": {f.message}{waived}"),
                ),
            )
        if claim.claim_id and claim.verdict == "supported":
            _print(console, Text(printable(f"    matches {claim.claim_id}"), style="dim"))
        suggestion = _suggestion(claim)
        if suggestion:
            _print(console, Text.assemble("    ", ("use instead: ", "green"), safe(suggestion)))
        evidence = _evidence_line(claim, registry)
        if evidence:
            _print(console, Text(printable(f"    evidence: {evidence}"), style="dim"))
    console.print()
