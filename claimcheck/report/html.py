"""The audit report as one self-contained HTML file for reviewers (print-friendly).

No external assets, fonts or scripts: the file can be attached to a ticket, archived with
the approval record and printed. Every piece of document or registry text goes through
`html.escape`, so a draft can never inject markup into the report.
"""

from __future__ import annotations

from html import escape
from typing import Any

from claimcheck.model import Report
from claimcheck.report.audit import (
    AuditView,
    ClaimView,
    DocumentView,
    EvidenceView,
    FindingView,
    GroupView,
    Segment,
    build,
)

# Badge colours: white text on dark fills, each at least 4.5:1 contrast (WCAG AA); the
# verdict is always written out too, so colour is never the only signal.
VERDICT_COLOURS = {
    "supported": "#1b5e20",
    "overstated": "#8a4500",
    "unsupported": "#b3261e",
    "prohibited": "#5b1a7a",
    "expired": "#455a64",
    "off-scope": "#0b4f9c",
}
# Required statements: found, missing, misplaced (same contrast rule as the verdict badges).
STATUS_COLOURS = {"found": "#1b5e20", "missing": "#b3261e", "misplaced": "#8a4500"}
# Highlight fills: pale tints under black text, with a coloured underline per verdict.
MARK_COLOURS = {
    "supported": "#dcedc8",
    "overstated": "#ffe0b2",
    "unsupported": "#ffcdd2",
    "prohibited": "#e1bee7",
    "expired": "#cfd8dc",
    "off-scope": "#bbdefb",
}

CSS = """
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: #111; background: #fff; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #999; padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #eceff1; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
              font-size: .85em; word-break: break-all; }
.badge { display: inline-block; padding: .1rem .45rem; border-radius: .25rem; color: #fff;
         font-weight: 700; font-size: .8rem; text-transform: uppercase; white-space: nowrap; }
mark { color: #111; padding: 0 .1rem; border-bottom: 2px solid; }
mark.waived { background: #f5f5f5; border-bottom-style: dashed; }
ul.findings { margin: 0; padding-left: 1.1rem; }
.waived-note { color: #555; font-style: italic; }
.suggestion { margin-top: .3rem; }
.muted { color: #555; }
.error-box { border: 2px solid #b3261e; background: #fff5f5; padding: .5rem .75rem; }
.notice { border-left: 4px solid #0b4f9c; padding: .2rem .6rem; margin: .3rem 0; }
.signoff td { height: 2.4rem; }
.sigline { display: inline-block; min-width: 16rem; border-bottom: 1px solid #111; }
.checkbox { display: inline-block; width: .9rem; height: .9rem; border: 1px solid #111;
            margin-right: .35rem; vertical-align: middle; }
section.document { margin-top: 2rem; }
table.claims { table-layout: fixed; }
table.claims td { overflow-wrap: anywhere; }
table.claims td.location, table.claims td.disposition { overflow-wrap: normal; }
td.disposition { font-size: .9em; }
td.disposition label { display: block; padding-left: 1.1rem; text-indent: -1.1rem; }
td.disposition input { appearance: none; -webkit-appearance: none; width: .8rem; height: .8rem;
                       border: 1px solid #111; border-radius: 0; margin: 0 .3rem 0 0;
                       vertical-align: -.1rem; background: #fff; }
td.disposition input:checked { background: #111; box-shadow: inset 0 0 0 2px #fff; }
.comment-box { min-height: 4.35em; line-height: 1.45em; outline: none;
               background: repeating-linear-gradient(transparent 0 1.35em, #999 1.35em 1.45em); }
.comment-box:focus { box-shadow: 0 0 0 2px #0b4f9c; }
tr.running { display: none; }
tr.running th { background: #fff; font-weight: 400; font-size: .85em; border: 0;
                border-bottom: 1px solid #999; }
ul.uses { margin: 0 0 1rem; padding-left: 1.1rem; }
section.groups h3 code { font-size: 1em; }
@page { size: landscape; margin: 16mm 12mm 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  section.document, section.groups, section.annex, section.signoff {
    break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr.running { display: table-row; }
  .badge { font-size: .85em; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .comment-box, td.disposition input { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .badge, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def css_string(text: str) -> str:
    """A CSS string literal of any text: quotes, backslashes, controls, `<` and `>` (so it can
    never close the <style> element) and non-ASCII are written as hex escapes."""
    out = []
    for ch in text:
        if ch in '"\\<>&' or not ch.isprintable() or ord(ch) > 126:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def page_css(v: AuditView) -> str:
    """The printed page: the running header (asset, review date, product) and "Page X of Y"
    in the page margins, for browsers with CSS margin boxes (Chromium 131 and later)."""
    return (
        "@page { @top-left { content: "
        + css_string(v.running_header())
        + "; font: 9px system-ui, Arial, sans-serif; color: #333; }"
        + " @top-right { content: "
        + css_string(v.title)
        + "; font: 9px system-ui, Arial, sans-serif; color: #333; }"
        + ' @bottom-right { content: "Page " counter(page) " of " counter(pages);'
        + " font: 9px system-ui, Arial, sans-serif; color: #333; } }\n"
    )


def _badge(verdict: str) -> str:
    colour = VERDICT_COLOURS.get(verdict, "#333")
    return f'<span class="badge v-{_e(verdict)}" style="background:{colour}">{_e(verdict)}</span>'


def _segments(segs: tuple[Segment, ...]) -> str:
    out = []
    for s in segs:
        if s.mark is None:
            out.append(_e(s.text))
            continue
        cls = f"v-{s.mark.verdict}" + (" waived" if s.mark.waived else "")
        title = ", ".join(s.mark.rules) + (" (waived)" if s.mark.waived else "")
        out.append(f'<mark class="{_e(cls)}" title="{_e(title)}">{_e(s.text)}</mark>')
    return "".join(out)


def _finding(f: FindingView) -> str:
    waived = ""
    if f.waived is not None:
        waived = f' <span class="waived-note">waived: {_e(f.waived or "no reason given")}</span>'
    return (
        f"<li><code>{_e(f.rule)}</code> {_e(f.name)} "
        f'<span class="muted">[{_e(f.severity)}]</span> {_e(f.message)}{waived}</li>'
    )


def _evidence_ref(ev: EvidenceView) -> str:
    if ev.missing:
        return f'<li><a href="#{_e(ev.anchor)}">{_e(ev.id)}</a> <em>not in library</em></li>'
    meta = ", ".join(_e(x) for x in (ev.type, ev.date, ev.status) if x)
    return f'<li><a href="#{_e(ev.anchor)}">{_e(ev.id)}</a> <span class="muted">{meta}</span></li>'


def _score(c: ClaimView) -> str:
    if c.score is None:
        return ""
    words = f", {_e(c.score_words)}" if c.score_words else ""
    return f' <span class="score muted">(score {c.score:.2f}{words})</span>'


def _disposition(name: str, choices: tuple[str, ...], label: str) -> str:
    """Tick boxes for the reviewer: blank, one choice at a time on screen, printed as boxes."""
    boxes = "".join(
        f'<label><input type="radio" name="{_e(name)}" value="{_e(d)}"> {_e(d)}</label>'
        for d in choices
    )
    return f'<td class="disposition" role="group" aria-label="{_e(label)}">{boxes}</td>'


def _comment(label: str) -> str:
    return (
        '<td class="comment"><div class="comment-box" contenteditable="true" role="textbox" '
        f'aria-multiline="true" aria-label="{_e(label)}"></div></td>'
    )


def _claim_row(c: ClaimView, choices: tuple[str, ...]) -> str:
    approved = '<span class="muted">none</span>'
    if c.claim_id:
        approved = f"<code>{_e(c.claim_id)}</code>{_score(c)}"
        if c.wording:
            approved += f"<br>{_e(c.wording)}"
    evidence = '<span class="muted">none</span>'
    if c.evidence:
        evidence = '<ul class="findings">' + "".join(_evidence_ref(e) for e in c.evidence) + "</ul>"
    findings = '<span class="muted">none</span>'
    if c.findings:
        findings = '<ul class="findings">' + "".join(_finding(f) for f in c.findings) + "</ul>"
    for s in c.suggestions:
        findings += f'<div class="suggestion"><strong>Use instead:</strong> {_e(s)}</div>'
    return (
        f'<tr class="claim" id="{_e(c.anchor)}" data-verdict="{_e(c.verdict)}">'
        f'<td>{c.number}</td><td class="location">{_e(c.location)}</td>'
        f'<td class="sentence">{_segments(c.segments)}</td>'
        f"<td>{_badge(c.verdict)}</td><td>{approved}</td><td>{evidence}</td>"
        f"<td>{findings}</td>"
        + _disposition(c.anchor, choices, f"Disposition of claim {c.number}")
        + _comment(f"Reviewer comment on claim {c.number}")
        + "</tr>"
    )


def _statements(d: DocumentView) -> str:
    """The "Required statements" section: each requirement and footnote, how it stands, where."""
    out = ["<h3>Required statements</h3>"]
    if not d.statements:
        out.append('<p class="muted">No required statement or footnote applies.</p>')
        return "".join(out)
    rows = []
    for st in d.statements:
        colour = STATUS_COLOURS.get(st.status, "#333")
        status = f'<span class="badge" style="background:{colour}">{_e(st.status)}</span>'
        if st.rule:
            status += f" <code>{_e(st.rule)}</code>"
        if st.waived is not None:
            status += (
                f' <span class="waived-note">waived: {_e(st.waived or "no reason given")}</span>'
            )
        rows.append(
            f'<tr class="statement" data-status="{_e(st.status)}">'
            f"<td><code>{_e(st.id)}</code><br>"
            f'<span class="muted">{_e(st.kind)}</span></td>'
            f"<td>{_e(st.text)}</td><td>{status}</td><td>{_e(st.where)}</td>"
            f"<td>{_e(st.claims)}</td></tr>"
        )
    out.append(
        '<table class="statements"><thead><tr><th>Requirement</th><th>Statement</th>'
        "<th>Status</th><th>Where</th><th>Called for by</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    return "".join(out)


def _meta(pairs: list[tuple[str, str]]) -> str:
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in pairs)
    return f'<dl class="meta">{rows}</dl>'


def _header(v: AuditView) -> str:
    def sources(paths: tuple[str, ...]) -> str:
        return (
            "<br>".join(f"<code>{_e(p)}</code>" for p in paths) or '<span class="muted">none</span>'
        )

    pairs = []
    if v.asset:
        pairs.append(("Asset", f'<span class="asset">{_e(v.asset)}</span>'))
    if v.products:
        pairs.append(("Product", _e(", ".join(v.products))))
    pairs += [
        ("Generated", _e(v.generated)),
        ("Review date (as of)", _e(v.as_of)),
        ("Tool", f"claimcheck {_e(v.version)}"),
        ("Registry", sources(v.registry_sources) + f" ({v.registry_claims} claims)"),
        ("Registry sha256", f'<span class="hash">{_e(v.registry_sha256 or "-")}</span>'),
        ("Evidence library", sources(v.evidence_sources)),
        ("Evidence sha256", f'<span class="hash">{_e(v.evidence_sha256 or "-")}</span>'),
    ]
    if v.strength_model:
        pairs.append(("Claim-strength model", _e(v.strength_model)))
    notices = "".join(f'<p class="notice">{_e(n)}</p>' for n in v.notices)
    return f"<header><h1>{_e(v.title)}</h1>{_meta(pairs)}{notices}</header>"


def _chart(counts: tuple[tuple[str, int], ...]) -> str:
    width, bar_x, row = 420, 110, 22
    top = max((n for _, n in counts), default=0) or 1
    label = "; ".join(f"{v}: {n}" for v, n in counts)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{row * len(counts) + 4}" aria-label="Claims per verdict: {_e(label)}">'
        f"<title>Claims per verdict: {_e(label)}</title>"
    ]
    for i, (verdict, n) in enumerate(counts):
        y = i * row + 2
        w = round((width - bar_x - 40) * n / top)
        parts.append(
            f'<text x="{bar_x - 6}" y="{y + 14}" text-anchor="end" font-size="12">{_e(verdict)}</text>'
            f'<rect x="{bar_x}" y="{y + 2}" width="{w}" height="{row - 6}" '
            f'fill="{VERDICT_COLOURS.get(verdict, "#333")}"/>'
            f'<text x="{bar_x + w + 4}" y="{y + 14}" font-size="12">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _summary(v: AuditView) -> str:
    head = "".join(f"<th>{_badge(verdict)}</th>" for verdict, _ in v.counts)
    cells = "".join(f'<td data-verdict="{_e(verdict)}">{n}</td>' for verdict, n in v.counts)
    doc_rows = "".join(
        f'<tr><td><a href="#{_e(d.anchor)}">{_e(d.path)}</a></td>'
        + (
            f'<td colspan="{len(d.counts) + 1}">input error: {_e(d.error)}</td>'
            if d.error
            else f"<td>{len(d.claims)}</td>" + "".join(f"<td>{n}</td>" for _, n in d.counts)
        )
        + "</tr>"
        for d in v.documents
    )
    return (
        '<section class="summary"><h2>Summary</h2>'
        f"<p>{len(v.documents)} document(s), {v.claims} claim(s); {v.errors} error(s), "
        f"{v.warnings} warning(s), {v.waived} waived finding(s).</p>"
        f'<table class="counts"><thead><tr><th>Document</th><th>Claims</th>{head}</tr></thead>'
        f"<tbody>{doc_rows}<tr><th>All documents</th><th>{v.claims}</th>{cells}</tr></tbody>"
        f"</table>{_chart(v.counts)}</section>"
    )


# The claim table's columns and their share of the width (fixed, so print keeps them).
CLAIM_COLUMNS = (
    ("#", 3),
    ("Location", 8),
    ("Sentence", 18),
    ("Verdict", 10),
    ("Approved claim", 15),
    ("Evidence", 8),
    ("Findings and suggestions", 17),
    ("Disposition", 11),
    ("Reviewer comment", 10),
)


def _running(v: AuditView, d: DocumentView, columns: int) -> str:
    """The running header as a table row that repeats with the table head on every printed
    page: the fallback for browsers without CSS margin boxes, and the document's name on
    each page of its claims; hidden on screen."""
    line = f"Document {d.number} of {len(v.documents)}: {d.path} · {v.running_header()}"
    return f'<tr class="running"><th colspan="{columns}">{_e(line)}</th></tr>'


def _document(d: DocumentView, v: AuditView) -> str:
    pairs = [
        ("Path", f"<code>{_e(d.path)}</code>"),
        ("Format", _e(d.format or "-")),
        ("sha256", f'<span class="hash">{_e(d.sha256 or "-")}</span>'),
    ]
    pairs += [(k.capitalize(), _e(val)) for k, val in d.context]
    out = [
        f'<section class="document" id="{_e(d.anchor)}">'
        f"<h2>Document {d.number}: {_e(d.path)}</h2>{_meta(pairs)}"
    ]
    if d.error:
        out.append(f'<p class="error-box">Not checked: {_e(d.error)}</p></section>')
        return "".join(out)
    if d.findings:
        out.append(
            '<h3>Document findings</h3><ul class="findings">'
            + "".join(_finding(f) for f in d.findings)
            + "</ul>"
        )
    if d.requirements:
        out.append(_statements(d))
    out.append(f"<h3>Claims ({len(d.claims)})</h3>")
    if not d.claims:
        out.append('<p class="muted">No claim-like sentences found.</p>')
    else:
        cols = "".join(f'<col style="width:{w}%">' for _, w in CLAIM_COLUMNS)
        heads = "".join(f"<th>{_e(name)}</th>" for name, _ in CLAIM_COLUMNS)
        out.append(
            f'<table class="claims"><colgroup>{cols}</colgroup>'
            f"<thead>{_running(v, d, len(CLAIM_COLUMNS))}<tr>{heads}</tr></thead><tbody>"
            + "".join(_claim_row(c, v.dispositions) for c in d.claims)
            + "</tbody></table>"
        )
    out.append("</section>")
    return "".join(out)


def _group(g: GroupView) -> str:
    if g.claim_id is None:
        head = "No approved claim"
    else:
        head = f"<code>{_e(g.claim_id)}</code>"
        if g.wording:
            head += f": {_e(g.wording)}"
    uses = "".join(
        f'<li><a href="#{_e(u.claim.anchor)}">Document {u.document}, claim {u.claim.number}</a> '
        f'<span class="muted">({_e(u.path)}, {_e(u.claim.location)})</span> '
        f"{_badge(u.claim.verdict)}{_score(u.claim)} {_e(u.claim.sentence)}</li>"
        for u in g.uses
    )
    count = f"{len(g.uses)} use" + ("" if len(g.uses) == 1 else "s")
    return (
        f'<div class="group" data-claim="{_e(g.claim_id or "")}"><h3>{head} '
        f'<span class="muted">({count})</span></h3><ul class="uses">{uses}</ul></div>'
    )


def _groups(v: AuditView) -> str:
    """Every claim again, under the approved claim it matched (the documents above keep
    document order)."""
    if not v.groups:
        return ""
    return (
        '<section class="groups" id="by-claim"><h2>Claims by approved claim</h2>'
        '<p class="muted">Each approved claim the documents use, with every sentence that '
        "matched it in document order; sentences that matched none come last. "
        "The match score is the weighted share of the approved wording's terms the sentence "
        "states (1.00: all of them; claims scoring under 0.38 are not matched).</p>"
        + "".join(_group(g) for g in v.groups)
        + "</section>"
    )


def _annex(v: AuditView) -> str:
    out = ['<section class="annex"><h2>Evidence annex</h2>']
    if not v.annex:
        out.append('<p class="muted">No evidence cited.</p>')
    for ev in v.annex:
        out.append(f'<div class="evidence" id="{_e(ev.anchor)}"><h3>{_e(ev.id)}</h3>')
        if ev.missing:
            out.append('<p class="error-box">This id is not in the evidence library.</p></div>')
            continue
        pairs = [("Citation", _e(ev.citation))]
        pairs += [
            (k, _e(val))
            for k, val in (
                ("Type", ev.type),
                ("Date", ev.date),
                ("Status", ev.status),
                ("Population", ev.population),
                ("Limitations", ev.limitations),
                ("File", ev.file),
            )
            if val
        ]
        if ev.findings:
            items = "".join(f"<li>{_e(ep)}: {_e(res)}</li>" for ep, res in ev.findings)
            pairs.append(("Findings", f'<ul class="findings">{items}</ul>'))
        out.append(_meta(pairs) + "</div>")
    out.append("</section>")
    return "".join(out)


def _errors(v: AuditView) -> str:
    if not v.input_errors:
        return ""
    rows = "".join(
        f"<tr><td><code>{_e(p)}</code></td><td>{_e(m)}</td></tr>" for p, m in v.input_errors
    )
    return (
        '<section class="input-errors"><h2>Input errors</h2>'
        "<p>These files could not be read and were not checked.</p>"
        f"<table><thead><tr><th>File</th><th>Error</th></tr></thead><tbody>{rows}</tbody></table>"
        "</section>"
    )


def _signoff(v: AuditView) -> str:
    decisions = " ".join(f'<span class="checkbox"></span>{_e(d)}&emsp;' for d in v.decisions)
    line = '<span class="sigline">&nbsp;</span>'
    rows = "".join(
        f"<tr><th>{label}</th><td>{line}</td></tr>"
        for label in ("Reviewer name", "Role", "Date", "Signature")
    )
    return (
        '<section class="signoff"><h2>Review sign-off</h2>'
        f'<table class="signoff"><tbody>{rows}'
        f"<tr><th>Decision</th><td>{decisions}</td></tr>"
        f"<tr><th>Comments</th><td>{line}<br><br>{line}</td></tr></tbody></table></section>"
    )


def render_view(v: AuditView) -> str:
    """Render an audit view as a complete HTML document."""
    mark_css = "".join(
        f"mark.v-{verdict} {{ background: {MARK_COLOURS[verdict]}; border-color: {colour}; }}\n"
        for verdict, colour in VERDICT_COLOURS.items()
    )
    body = "".join(
        [
            _header(v),
            _summary(v),
            _errors(v),
            *(_document(d, v) for d in v.documents),
            _groups(v),
            _annex(v),
            _signoff(v),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="claimcheck {_e(v.version)}">'
        f"<title>{_e(v.title)}{_e(f' {v.asset}' if v.asset else '')} ({_e(v.as_of)})</title>"
        f"<style>{CSS}{mark_css}{page_css(v)}</style></head>\n<body>{body}</body></html>\n"
    )


def render(report: Report, **opts: Any) -> str:
    """The audit report of `report` as one self-contained HTML file.

    `opts` are `audit.build`'s: generated, title, asset_id, asset_version.
    """
    return render_view(build(report, **opts))
