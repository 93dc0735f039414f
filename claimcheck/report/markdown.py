"""The audit report as Markdown, for pasting into a review ticket (GitHub/GitLab/Jira).

Same content as the HTML audit report. Document text is backslash-escaped so that a draft
cannot break a table (pipes) or inject markup; flagged words are shown in **bold**.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.model import Report
from claimcheck.report.audit import (
    AuditView,
    ClaimView,
    DocumentView,
    FindingView,
    Segment,
    build,
)

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that
# start markup, links, HTML or table cells.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: object) -> str:
    """Text safe inside a Markdown table cell: specials escaped, line breaks flattened."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text)))


def _bold(text: str) -> str:
    # Emphasis cannot open or close next to whitespace, so keep spaces outside the **.
    core = text.strip()
    if not core:
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}**{escape(core)}**{trail}"


def _segments(segs: tuple[Segment, ...]) -> str:
    out = "".join(escape(s.text) if s.mark is None else _bold(s.text) for s in segs)
    return re.sub(r" {2,}", " ", out).strip()


def _finding(f: FindingView) -> str:
    text = f"`{f.rule}` {escape(f.name)} ({escape(f.severity)}): {escape(f.message)}"
    if f.waived is not None:
        text += f" _(waived: {escape(f.waived or 'no reason given')})_"
    return text


def _claim_row(c: ClaimView) -> str:
    approved = "—"
    if c.claim_id:
        approved = f"`{c.claim_id}`"
        if c.score is not None:
            words = f", {escape(c.score_words)}" if c.score_words else ""
            approved += f" (score {c.score:.2f}{words})"
        if c.wording:
            approved += f": {escape(c.wording)}"
    evidence = "<br>".join(
        f"[{escape(e.id)}](#{e.anchor})"
        + (
            " not in library"
            if e.missing
            else f" ({escape(', '.join(x for x in (e.type, e.date, e.status) if x))})"
        )
        for e in c.evidence
    )
    notes = [_finding(f) for f in c.findings]
    notes += [f"Use instead: {escape(s)}" for s in c.suggestions]
    return (
        f"| {c.number} | {escape(c.location)} | {_segments(c.segments)} | **{c.verdict.upper()}** "
        f"| {approved} | {evidence or '—'} | {'<br>'.join(notes) or '—'} |  |  |"
    )


def _groups(v: AuditView) -> list[str]:
    """Every claim again, under the approved claim it matched, in document order."""
    if not v.groups:
        return []
    lines = ["", "## Claims by approved claim", ""]
    lines.append(
        "Each approved claim the documents use, with every sentence that matched it; "
        "sentences that matched none come last. The match score is the weighted share of the "
        "approved wording's terms the sentence states (1.00: all of them; claims scoring under "
        "0.38 are not matched)."
    )
    for g in v.groups:
        head = "No approved claim"
        if g.claim_id is not None:
            head = f"`{g.claim_id}`" + (f": {escape(g.wording)}" if g.wording else "")
        count = f"{len(g.uses)} use" + ("" if len(g.uses) == 1 else "s")
        lines += ["", f"### {head} ({count})", ""]
        for u in g.uses:
            c = u.claim
            score = ""
            if c.score is not None:
                words = f", {escape(c.score_words)}" if c.score_words else ""
                score = f" (score {c.score:.2f}{words})"
            lines.append(
                f"- Document {u.document}, claim {c.number} ({escape(u.path)}, "
                f"{escape(c.location)}): **{c.verdict.upper()}**{score} {escape(c.sentence)}"
            )
    return lines


def _statements(d: DocumentView) -> list[str]:
    """The "Required statements" section: each requirement and footnote, how it stands, where."""
    lines = ["", "### Required statements", ""]
    if not d.statements:
        return [*lines, "No required statement or footnote applies."]
    lines.append("| Requirement | Statement | Status | Where | Called for by |")
    lines.append("| --- " * 5 + "|")
    for st in d.statements:
        status = f"**{st.status}**" + (f" `{st.rule}`" if st.rule else "")
        if st.waived is not None:
            status += f" _(waived: {escape(st.waived or 'no reason given')})_"
        lines.append(
            f"| `{st.id}` {escape(st.kind)} | {escape(st.text)} | {status} | {escape(st.where)} "
            f"| {escape(st.claims)} |"
        )
    return lines


def render_view(v: AuditView) -> str:
    """Render an audit view as Markdown."""
    lines = [f"# {escape(v.title)}", ""]
    if v.asset:
        lines.append(f"- **Asset:** {escape(v.asset)}")
    if v.products:
        lines.append(f"- **Product:** {escape(', '.join(v.products))}")
    lines += [
        f"- **Generated:** {v.generated}",
        f"- **Review date (as of):** {v.as_of}",
        f"- **Tool:** claimcheck {escape(v.version)}",
        f"- **Registry:** {', '.join(f'`{s}`' for s in v.registry_sources) or 'none'}"
        f" ({v.registry_claims} claims)",
        f"- **Registry sha256:** `{v.registry_sha256 or '-'}`",
        f"- **Evidence library:** {', '.join(f'`{s}`' for s in v.evidence_sources) or 'none'}",
        f"- **Evidence sha256:** `{v.evidence_sha256 or '-'}`",
    ]
    if v.strength_model:
        lines.append(f"- **Claim-strength model:** {escape(v.strength_model)}")
    lines += [f"> {escape(n)}" for n in v.notices]
    lines += ["", "## Summary", ""]
    lines.append(
        f"{len(v.documents)} document(s), {v.claims} claim(s); {v.errors} error(s), "
        f"{v.warnings} warning(s), {v.waived} waived finding(s)."
    )
    lines += ["", "| Document | Claims | " + " | ".join(vd for vd, _ in v.counts) + " |"]
    lines.append("| --- " * (len(v.counts) + 2) + "|")
    for d in v.documents:
        if d.error:
            lines.append(
                f"| {escape(d.path)} | input error: {escape(d.error)} |" + " |" * len(d.counts)
            )
        else:
            lines.append(
                f"| {escape(d.path)} | {len(d.claims)} | "
                + " | ".join(str(n) for _, n in d.counts)
                + " |"
            )
    lines.append(
        f"| **All documents** | {v.claims} | " + " | ".join(str(n) for _, n in v.counts) + " |"
    )
    if v.input_errors:
        lines += ["", "## Input errors", ""]
        lines += [f"- `{p}`: {escape(m)}" for p, m in v.input_errors]
    for d in v.documents:
        lines += ["", f"## Document {d.number}: {escape(d.path)}", ""]
        lines.append(f"- **Format:** {d.format or '-'}")
        lines.append(f"- **sha256:** `{d.sha256 or '-'}`")
        if d.context:
            lines.append(
                "- **Context:** " + ", ".join(f"{k}: {escape(val)}" for k, val in d.context)
            )
        if d.error:
            lines += ["", f"Not checked: {escape(d.error)}"]
            continue
        if d.findings:
            lines += ["", "### Document findings", ""]
            lines += [f"- {_finding(f)}" for f in d.findings]
        if d.requirements:
            lines += _statements(d)
        lines += ["", f"### Claims ({len(d.claims)})", ""]
        if not d.claims:
            lines.append("No claim-like sentences found.")
            continue
        lines.append(
            f"Disposition: write {', '.join(v.dispositions[:-1])} or {v.dispositions[-1]}; "
            "comments go in the last column."
        )
        lines.append("")
        lines.append(
            "| # | Location | Sentence | Verdict | Approved claim | Evidence "
            "| Findings and suggestions | Disposition | Reviewer comment |"
        )
        lines.append("| --- " * 9 + "|")
        lines += [_claim_row(c) for c in d.claims]
    lines += _groups(v)
    lines += ["", "## Evidence annex", ""]
    if not v.annex:
        lines.append("No evidence cited.")
    for ev in v.annex:
        lines += [f'<a id="{ev.anchor}"></a>', "", f"### {escape(ev.id)}", ""]
        if ev.missing:
            lines.append("This id is not in the evidence library.")
            lines.append("")
            continue
        lines.append(f"- **Citation:** {escape(ev.citation)}")
        for label, val in (
            ("Type", ev.type),
            ("Date", ev.date),
            ("Status", ev.status),
            ("Population", ev.population),
            ("Limitations", ev.limitations),
            ("File", ev.file),
        ):
            if val:
                lines.append(f"- **{label}:** {escape(val)}")
        for endpoint, result in ev.findings:
            lines.append(f"- **Finding:** {escape(endpoint)}: {escape(result)}")
        lines.append("")
    lines += ["", "## Review sign-off", ""]
    lines += ["- Reviewer name: ____________________", "- Role: ____________________"]
    lines += ["- Date: ____________________", "- Decision:"]
    lines += [f"  - [ ] {d}" for d in v.decisions]
    lines += ["- Signature: ____________________", ""]
    return "\n".join(lines)


def render(report: Report, **opts: Any) -> str:
    """The audit report of `report` as Markdown for a review ticket.

    `opts` are `audit.build`'s: generated, title, asset_id, asset_version.
    """
    return render_view(build(report, **opts))
