"""Waive findings: inline `<!-- claimcheck: ignore ... -->` directives and config waivers.

A waived finding stays in the report with `waived` set to the reason: formatters show it as
waived/suppressed and the exit code ignores it, but nobody loses sight of it. A config waiver
past its `expires` date stops waiving, and the run says so in a notice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from claimcheck.fingerprint import assign_fingerprints, normalise, posix_path
from claimcheck.globs import matches
from claimcheck.model import Block, ClaimResult, DocumentResult, Finding, Suppression

INLINE_REASON = "inline directive"  # when `ignore CC201` gives no reason="..."


class WaiverLike(Protocol):
    """The fields of claimcheck.config.Waiver that waiving reads (None means 'any')."""

    rule: str | None
    fingerprint: str | None
    sentence: str | None
    file: str | None
    reason: str
    approver: str | None
    expires: date | None


def apply_waivers(
    result: DocumentResult,
    blocks: Sequence[Block],
    waivers: Iterable[WaiverLike],
    as_of: date,
    root: Path | None = None,
) -> tuple[DocumentResult, list[str]]:
    """Mark findings covered by inline directives or live config waivers; notices for expired ones.

    `root` is the config file's directory, which `file:` globs are relative to (default: cwd,
    which document paths are shown relative to).
    """
    if any(not f.fingerprint for f in _findings(result)):
        result = assign_fingerprints(result)
    waivers = tuple(waivers)
    if not waivers and not any(b.suppressions for b in blocks):
        return result, []  # nothing can waive anything: no copy of any claim or finding
    notices: list[str] = []
    expired_noticed: set[int] = set()

    def waive(finding: Finding, sentence: str | None, inline: Sequence[Suppression]) -> Finding:
        if finding.waived is not None:
            return finding
        for directive in inline:
            if (
                not directive.rules
                or finding.rule in directive.rules
                or finding.name in directive.rules
            ):
                return replace(
                    finding, waived=directive.reason or INLINE_REASON, waived_by="inline"
                )
        for index, waiver in enumerate(waivers):
            if not _matches(waiver, finding, result.path, sentence, root):
                continue
            if waiver.expires is not None and as_of > waiver.expires:
                if index not in expired_noticed:
                    expired_noticed.add(index)
                    notices.append(_expired_notice(waiver, finding, result.path, sentence))
                continue
            return replace(finding, waived=_reason(waiver), waived_by="config")
        return finding

    claims = tuple(_waived_claim(c, waive, _inline_for(c, blocks)) for c in result.claims)
    findings = tuple(waive(f, None, ()) for f in result.findings)
    return replace(result, claims=claims, findings=findings), notices


def _waived_claim(claim: ClaimResult, waive: Callable[..., Finding], inline: Any) -> ClaimResult:
    """The claim with its findings waived; the same object when none of them changes."""
    findings = tuple(waive(f, claim.sentence.text, inline) for f in claim.findings)
    if all(new is old for new, old in zip(findings, claim.findings, strict=True)):
        return claim
    return replace(claim, findings=findings)


def _findings(result: DocumentResult) -> Iterable[Finding]:
    for claim in result.claims:
        yield from claim.findings
    yield from result.findings


def _inline_for(claim: ClaimResult, blocks: Sequence[Block]) -> tuple[Suppression, ...]:
    """The block's directives, but only when this claim is the block's first sentence."""
    index = claim.sentence.block
    if not 0 <= index < len(blocks):
        return ()
    block = blocks[index]
    if not block.suppressions or block.text[: claim.sentence.location.start].strip():
        return ()
    return block.suppressions


def _matches(
    waiver: WaiverLike, finding: Finding, path: str, sentence: str | None, root: Path | None
) -> bool:
    """Does `waiver` cover this finding of the draft at `path` (expiry aside)?"""
    return waiver_matches(
        waiver,
        rule=finding.rule,
        name=finding.name,
        fingerprint=finding.fingerprint,
        sentence=sentence,
        path=path,
        root=root,
    )


def waiver_matches(
    waiver: WaiverLike,
    *,
    rule: str,
    name: str,
    fingerprint: str,
    sentence: str | None,
    path: str | Path,
    root: Path | None,
) -> bool:
    """True when every field the waiver sets matches (unset fields match anything).

    Expiry is not checked here: the caller decides whether an expired waiver is reported.
    Sentences compare after `fingerprint.normalise` (case, whitespace, typographic quotes and
    leading/trailing punctuation ignored), as docs/ci.md promises.
    """
    wanted_rule = getattr(waiver, "rule", None)
    if wanted_rule and wanted_rule not in (rule, name):
        return False
    fp = getattr(waiver, "fingerprint", None)
    if fp and fp != fingerprint:
        return False
    file = getattr(waiver, "file", None)
    if file and not _file_matches(file, str(path), root):
        return False
    wanted = getattr(waiver, "sentence", None)
    return not (wanted and (sentence is None or normalise(wanted) != normalise(sentence)))


def _file_matches(pattern: str, path: str, root: Path | None) -> bool:
    """The config's glob rules (relative to the config root), so waivers match like overrides."""
    if posix_path(pattern) == posix_path(path):
        return True
    return matches(Path(path), (pattern,), root or Path.cwd())


def _reason(waiver: WaiverLike) -> str:
    reason = (getattr(waiver, "reason", None) or "waived in config").strip()
    approver = getattr(waiver, "approver", None)
    return f"{reason} (approved by {approver})" if approver else reason


def _expired_notice(waiver: WaiverLike, finding: Finding, path: str, sentence: str | None) -> str:
    rule = getattr(waiver, "rule", None) or finding.rule
    what = f"'{_clip(sentence)}'" if sentence else path
    return (
        f"{path}: waiver for {rule} on {what} expired {waiver.expires.isoformat()}; "
        "no longer suppressing"
    )


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
