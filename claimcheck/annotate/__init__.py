"""Annotate a draft in place for its reviewer: Word comments (DOCX) or highlights (PDF).

The draft itself is never written: annotations go to a copy at `dst`. A document finding (a
missing required statement, fair balance) is a comment on the first claim behind it, or on
the document's start. Heavy libraries
(python-docx, pypdf) are imported only by the module that needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import UsageError
from claimcheck.model import ClaimResult, DocumentResult, Finding, Registry
from claimcheck.pipeline import same_file

AUTHOR = "claimcheck"
INITIALS = "CC"
SUFFIXES = (".docx", ".pdf")


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A flagged sentence that could not be located in the file, so it got no annotation."""

    sentence: str
    verdict: str
    page: int | None = None
    paragraph: int | None = None
    reason: str = "sentence not found"

    def label(self) -> str:
        """Where the sentence should be: 'page 2', 'paragraph 7' or '-'."""
        if self.page is not None:
            return f"page {self.page}"
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}"
        return "-"

    def __str__(self) -> str:
        """One line for the terminal: "page 2: sentence not found: 'ArcGuide ...'"."""
        return f"{self.label()}: {self.reason}: {self.sentence!r}"


@dataclass(slots=True)
class AnnotateStats:
    """What annotate did: how many annotations it placed and which sentences it could not."""

    dst: Path
    placed: int = 0
    flagged: int = 0  # claims that needed an annotation (not supported, or with live findings)
    unplaced: list[Unplaced] = field(default_factory=list)


def is_flagged(claim: ClaimResult) -> bool:
    """True when a reviewer must look at the claim: a non-supported verdict or a live finding."""
    return claim.verdict != "supported" or any(f.waived is None for f in claim.findings)


def comment_lines(claim: ClaimResult, registry: Registry | None = None) -> list[str]:
    """The text of the annotation for one claim, one paragraph per line.

    e.g. "OVERSTATED (CC201 intensifier): 'dramatically' overstates ARC-OPTIME.",
    "Use instead: ...", "Evidence: EV-ARC-RCT-2024 — Lee M, et al. ..."
    """
    lines: list[str] = []
    for f in claim.findings:
        line = f"{f.verdict.upper()} ({f.rule} {f.name}): {f.message}"
        if f.waived is not None:
            line += f" [waived: {f.waived or 'no reason given'}]"
        lines.append(line)
    if not lines:
        what = f"matches {claim.claim_id}" if claim.claim_id else "no approved claim matched"
        lines.append(f"{claim.verdict.upper()}: {what}.")
    elif claim.claim_id and all(claim.claim_id not in line for line in lines):
        lines.append(f"Approved claim: {claim.claim_id}.")
    for s in dict.fromkeys(f.suggestion for f in claim.findings if f.suggestion):
        lines.append(f"Use instead: {s}")
    ev_ids = dict.fromkeys([*claim.evidence, *(e for f in claim.findings for e in f.evidence)])
    for ev_id in ev_ids:
        ev = registry.evidence.get(ev_id) if registry else None
        lines.append(f"Evidence: {ev_id} — {ev.citation}" if ev else f"Evidence: {ev_id}")
    return lines


def document_comment_lines(finding: Finding) -> list[str]:
    """The text of the annotation for a document finding (a required statement, fair balance).

    e.g. "DOCUMENT (CC401 missing-required-statement, error): required statement ... is
    missing; ...", "Add: Important Safety Information: ..."
    """
    line = f"DOCUMENT ({finding.rule} {finding.name}, {finding.severity}): {finding.message}"
    if finding.waived is not None:
        line += f" [waived: {finding.waived or 'no reason given'}]"
    lines = [line]
    if finding.suggestion:
        lines.append(f"Add: {finding.suggestion}")
    return lines


def check_paths(src: Path, dst: Path) -> None:
    """Refuse to write over the draft: `dst` must be a different file from `src`."""
    if not src.is_file():
        raise UsageError("no such file", path=str(src))
    if same_file(src, dst):
        raise UsageError(
            "refusing to overwrite the draft; give a different output file with -o", path=str(src)
        )


def annotate(
    src: Path,
    dst: Path,
    result: DocumentResult,
    *,
    include_supported: bool = False,
    registry: Registry | None = None,
) -> AnnotateStats:
    """Write an annotated copy of a .docx or .pdf draft to `dst` (dispatch on suffix)."""
    suffix = src.suffix.lower()
    if suffix == ".docx":
        from claimcheck.annotate.docx import annotate_docx

        return annotate_docx(src, dst, result, include_supported, registry=registry)
    if suffix == ".pdf":
        from claimcheck.annotate.pdf import annotate_pdf

        return annotate_pdf(
            src, dst, result, include_supported=include_supported, registry=registry
        )
    raise UsageError(
        f"cannot annotate {suffix or 'this file'}; annotate supports .docx and .pdf", path=str(src)
    )
