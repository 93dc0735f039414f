"""The audit report's view-model: everything a reviewer sees, built once from a Report.

The HTML and Markdown audit reports render this same structure, so they always show the
same claims, findings and evidence. Views never filter or re-judge: every claim of every
document is listed, supported ones included, in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from claimcheck.model import (
    SEVERITY_RANK,
    SUMMARY_VERDICTS,
    VERDICTS,
    ClaimResult,
    DocumentResult,
    Evidence,
    Finding,
    Registry,
    Report,
    Sentence,
    StatementCheck,
)

SIGN_OFF_DECISIONS = ("Approved", "Approved with changes", "Rejected")
# The reviewer's disposition of each claim (blank in the report, filled in by the reviewer).
DISPOSITIONS = ("Approve", "Revise", "Reject", "Reference needed")
# How a match score reads in words: the lowest score of each band (the matcher's threshold,
# 0.38, is below the last one; claims scoring less are not matched at all).
SCORE_BANDS = ((0.9, "full match"), (0.6, "close match"), (0.0, "partial match"))


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """One evidence record as the annex shows it (`missing` when the library lacks the id)."""

    id: str
    anchor: str
    citation: str
    type: str | None = None
    date: str | None = None
    status: str | None = None
    population: str | None = None
    findings: tuple[tuple[str, str], ...] = ()
    limitations: str | None = None
    file: str | None = None
    missing: bool = False


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted stretch of a sentence: the strongest verdict and the rules behind it."""

    verdict: str
    rules: tuple[str, ...]
    waived: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of sentence text, highlighted when `mark` is set."""

    text: str
    mark: Mark | None = None


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding of a claim or document, ready to print."""

    rule: str
    name: str
    severity: str
    verdict: str
    message: str
    suggestion: str | None = None
    waived: str | None = None


@dataclass(frozen=True, slots=True)
class StatementView:
    """One row of a document's "Required statements" table."""

    id: str
    kind: str  # "required statement" | "footnote"
    text: str
    status: str  # found | missing | misplaced
    where: str  # where it was found, what is absent, which pages/slides lack it
    claims: str  # the claims that call for it
    rule: str | None = None  # the finding that reports it (None when found, or the rule is off)
    waived: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimView:
    """One row of a document's claim table."""

    number: int
    location: str
    sentence: str
    segments: tuple[Segment, ...]
    verdict: str
    claim_id: str | None
    wording: str | None  # the approved wording that matched (or the claim's approved text)
    score: float | None
    evidence: tuple[EvidenceView, ...]
    findings: tuple[FindingView, ...]
    suggestions: tuple[str, ...]
    anchor: str = ""  # the row's id, for links from "Claims by approved claim"
    score_words: str | None = None  # the match score explained: "close match: shares ..."


@dataclass(frozen=True, slots=True)
class UseView:
    """One claim of a document under its approved claim in "Claims by approved claim"."""

    document: int
    path: str
    claim: ClaimView


@dataclass(frozen=True, slots=True)
class GroupView:
    """The claims that matched one approved claim (or none: `claim_id` None), in document order."""

    claim_id: str | None
    wording: str | None  # the approved claim's text (None for a prohibited entry or no match)
    uses: tuple[UseView, ...]


@dataclass(frozen=True, slots=True)
class DocumentView:
    """One checked document (or the input error that stopped it)."""

    number: int
    anchor: str
    path: str
    format: str | None
    sha256: str | None
    context: tuple[tuple[str, str], ...]
    claims: tuple[ClaimView, ...]
    findings: tuple[FindingView, ...]
    counts: tuple[tuple[str, int], ...]
    error: str | None = None
    # "Required statements": shown for every checked document when the registry has any
    statements: tuple[StatementView, ...] = ()
    requirements: bool = False


@dataclass(frozen=True, slots=True)
class AuditView:
    """The whole audit report: header, summary, documents, evidence annex, errors."""

    title: str
    generated: str
    as_of: str
    version: str
    registry_sources: tuple[str, ...]
    registry_sha256: str
    registry_claims: int
    evidence_sources: tuple[str, ...]
    evidence_sha256: str
    documents: tuple[DocumentView, ...]
    counts: tuple[tuple[str, int], ...]  # per verdict, SUMMARY_VERDICTS order
    claims: int
    errors: int
    warnings: int
    waived: int
    annex: tuple[EvidenceView, ...]
    input_errors: tuple[tuple[str, str], ...]
    notices: tuple[str, ...]
    strength_model: str | None = None  # "path (sha256 ...)" when a trained model scored strength
    decisions: tuple[str, ...] = SIGN_OFF_DECISIONS
    asset_id: str | None = None  # the job / document number of the piece under review
    asset_version: str | None = None
    products: tuple[str, ...] = ()  # the products the documents' contexts name
    groups: tuple[GroupView, ...] = ()
    dispositions: tuple[str, ...] = DISPOSITIONS

    @property
    def asset(self) -> str | None:
        """The asset as the running header names it: "US-ARC-0042 v0.3"."""
        if not self.asset_id and not self.asset_version:
            return None
        version = f"v{self.asset_version}" if self.asset_version else ""
        if self.asset_version and self.asset_version[:1].lower() == "v":
            version = self.asset_version
        return " ".join(x for x in (self.asset_id or "", version) if x)

    def running_header(self) -> str:
        """The line printed at the top of every page: asset, review date and product."""
        parts = [f"Asset {self.asset}" if self.asset else self.title]
        parts.append(f"review date {self.as_of}")
        if self.products:
            parts.append("product " + ", ".join(self.products))
        return " · ".join(parts)


def anchor(prefix: str, ident: str) -> str:
    """An HTML id safe for `href="#..."`, stable for the same identifier."""
    return f"{prefix}-" + re.sub(r"[^A-Za-z0-9_.-]", "_", ident)


def _evidence_view(ev_id: str, registry: Registry) -> EvidenceView:
    ev: Evidence | None = registry.evidence.get(ev_id)
    if ev is None:
        return EvidenceView(
            id=ev_id,
            anchor=anchor("ev", ev_id),
            citation="(not in the evidence library)",
            missing=True,
        )
    return EvidenceView(
        id=ev.id,
        anchor=anchor("ev", ev.id),
        citation=ev.citation,
        type=ev.type,
        date=ev.date.isoformat() if ev.date else None,
        status=ev.status,
        population=ev.population,
        findings=tuple((f.endpoint, f.result) for f in ev.findings),
        limitations=ev.limitations,
        file=ev.file,
    )


def _finding_view(f: Finding) -> FindingView:
    return FindingView(
        rule=f.rule,
        name=f.name,
        severity=f.severity,
        verdict=f.verdict,
        message=f.message,
        suggestion=f.suggestion,
        waived=f.waived,
    )


def segments(sentence: str, findings: tuple[Finding, ...]) -> tuple[Segment, ...]:
    """Split a sentence into plain and highlighted pieces; overlapping spans are merged.

    A merged stretch takes the highest-precedence verdict of its findings, and counts as
    waived only when every finding in it is waived.
    """
    rank = {v: i for i, v in enumerate(VERDICTS)}
    spans = []
    for f in findings:
        if not f.span:
            continue
        start, end = max(0, f.span[0]), min(len(sentence), f.span[1])
        if start < end:
            spans.append((start, end, f))
    spans.sort(key=lambda s: (s[0], s[1]))
    merged: list[list] = []  # [start, end, [findings]]
    for start, end, f in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(f)
        else:
            merged.append([start, end, [f]])
    out: list[Segment] = []
    pos = 0
    for start, end, fs in merged:
        if start > pos:
            out.append(Segment(sentence[pos:start]))
        live = [f for f in fs if f.waived is None] or fs
        verdict = min((f.verdict for f in live), key=lambda v: rank.get(v, len(rank)))
        rules = tuple(dict.fromkeys(f.rule for f in fs))
        out.append(Segment(sentence[start:end], Mark(verdict, rules, all(f.waived for f in fs))))
        pos = end
    if pos < len(sentence) or not out:
        out.append(Segment(sentence[pos:]))
    return tuple(out)


SHOWN_TERMS = 8  # at most this many shared terms are named; the rest are counted


@lru_cache(maxsize=1)
def _concepts() -> dict[str, tuple[str, str]]:
    """Concept -> (kind, first synonym) from the built-in synonyms: OPTIME -> operative time."""
    from importlib import resources

    import yaml

    raw = resources.files("claimcheck.rules").joinpath("synonyms.yaml").read_text("utf-8")
    data = yaml.safe_load(raw) or {}
    return {
        name: (str(entry.get("kind", "")), str((entry.get("terms") or [name])[0]))
        for name, entry in (data.get("concepts") or {}).items()
    }


def term(key: str) -> str | None:
    """A matcher term as a reader knows it: '#40%' -> '40%', '#78minute' -> '78 minute',
    concept OPTIME -> 'operative time'; None for a unit concept (its figure says it)."""
    if key.startswith("#"):
        return re.sub(r"^([\d.,]+)([a-z]+)$", r"\1 \2", key[1:])
    if key.isupper():
        kind, name = _concepts().get(key, ("", key.lower()))
        return None if kind == "unit" else name
    return key


def score_words(score: float | None, shared: tuple[str, ...]) -> str | None:
    """The match score in words, with the terms the sentence and the approved wording share."""
    if score is None:
        return None
    band = next(label for low, label in SCORE_BANDS if score >= low)
    words = list(dict.fromkeys(w for w in map(term, shared) if w))
    if not words:
        return band
    more = f" and {len(words) - SHOWN_TERMS} more" if len(words) > SHOWN_TERMS else ""
    return f"{band}: shares {', '.join(words[:SHOWN_TERMS])}{more}"


def _claim_view(n: int, c: ClaimResult, registry: Registry, doc: int = 1) -> ClaimView:
    ev_ids = list(dict.fromkeys([*c.evidence, *(e for f in c.findings for e in f.evidence)]))
    wording = c.wording
    if wording is None and c.claim_id:
        approved = registry.claim(c.claim_id)
        wording = approved.text if approved else None
    return ClaimView(
        number=n,
        location=c.sentence.where,
        sentence=c.sentence.text,
        segments=segments(c.sentence.text, c.findings),
        verdict=c.verdict,
        claim_id=c.claim_id,
        wording=wording,
        score=c.score,
        evidence=tuple(_evidence_view(e, registry) for e in ev_ids),
        findings=tuple(_finding_view(f) for f in c.findings),
        suggestions=tuple(dict.fromkeys(f.suggestion for f in c.findings if f.suggestion)),
        anchor=anchor("claim", f"{doc}-{n}"),
        score_words=score_words(c.score, c.shared),
    )


def _groups(docs: list[DocumentView], registry: Registry) -> tuple[GroupView, ...]:
    """Claims grouped by the approved claim they matched, groups in order of first use, and
    the claims that matched none last."""
    uses: dict[str | None, list[UseView]] = {}
    for d in docs:
        for cv in d.claims:
            uses.setdefault(cv.claim_id, []).append(UseView(d.number, d.path, cv))
    unmatched = uses.pop(None, [])
    out = []
    for claim_id, group in uses.items():
        assert claim_id is not None
        approved = registry.claim(claim_id)
        out.append(GroupView(claim_id, approved.text if approved else None, tuple(group)))
    if unmatched:
        out.append(GroupView(None, None, tuple(unmatched)))
    return tuple(out)


_RULE_OF = {("required", "missing"): "CC401", ("required", "misplaced"): "CC402"}


def _labels(sentences: tuple[Sentence, ...], limit: int = 4) -> str:
    labels = list(dict.fromkeys(s.where for s in sentences))
    more = f" and {len(labels) - limit} more" if len(labels) > limit else ""
    return ", ".join(labels[:limit]) + more


def _statement_view(st: StatementCheck, doc: DocumentResult) -> StatementView:
    if st.status == "found":
        where = f"found at {_labels(st.found)}"
    elif st.status == "misplaced":
        where = f"found at {_labels(st.found)}; not on {', '.join(st.lacking)}"
    else:
        where = "absent: " + "; ".join(f"'{a}'" for a in st.absent)
    rule = "CC403" if st.kind == "footnote" else _RULE_OF.get((st.kind, st.status))
    finding = next((f for f in doc.findings if f.rule == rule and f.claim_id == st.id), None)
    return StatementView(
        id=st.id,
        kind="footnote" if st.kind == "footnote" else "required statement",
        text=st.text,
        status=st.status,
        where=where,
        claims=_labels(st.claims) if st.claims else "every document in its scope",
        rule=finding.rule if finding else None,
        waived=finding.waived if finding else None,
    )


def _counts(claims: tuple[ClaimResult, ...]) -> tuple[tuple[str, int], ...]:
    return tuple((v, sum(1 for c in claims if c.verdict == v)) for v in SUMMARY_VERDICTS)


def _context(doc: DocumentResult) -> tuple[tuple[str, str], ...]:
    ctx = doc.context
    if ctx is None:
        return ()
    pairs = [("as of", ctx.as_of.isoformat())]
    for key in ("audience", "channel", "market", "product", "indication"):
        value = getattr(ctx, key)
        pairs.append((key, value if value is not None else "any"))
    return tuple(pairs)


def build(
    report: Report,
    *,
    generated: datetime | None = None,
    title: str = "Claims audit report",
    asset_id: str | None = None,
    asset_version: str | None = None,
    **_opts: object,  # options of other formats are not the audit report's business
) -> AuditView:
    """Build the audit view of a report; `generated` defaults to now (UTC, or SOURCE_DATE_EPOCH)."""
    from claimcheck import clock

    registry = report.registry
    when = generated or clock.now()
    docs: list[DocumentView] = []
    annex: dict[str, EvidenceView] = {}
    errors = warnings = waived = 0
    requirements = bool(registry.required) or any(c.footnotes for c in registry.claims)
    for i, doc in enumerate(report.documents, 1):
        claims = tuple(_claim_view(n, c, registry, i) for n, c in enumerate(doc.claims, 1))
        for cv in claims:
            for ev in cv.evidence:
                annex.setdefault(ev.id, ev)
        all_findings = [*doc.findings, *(f for c in doc.claims for f in c.findings)]
        for f in all_findings:
            if f.waived is not None:
                waived += 1
            elif SEVERITY_RANK.get(f.severity) == SEVERITY_RANK["error"]:
                errors += 1
            elif SEVERITY_RANK.get(f.severity) == SEVERITY_RANK["warning"]:
                warnings += 1
        docs.append(
            DocumentView(
                number=i,
                anchor=anchor("doc", str(i)),
                path=doc.path,
                format=doc.format,
                sha256=doc.sha256,
                context=_context(doc),
                claims=claims,
                findings=tuple(_finding_view(f) for f in doc.findings),
                counts=_counts(doc.claims),
                error=doc.error,
                statements=tuple(_statement_view(st, doc) for st in doc.statements),
                requirements=requirements,
            )
        )
    every_claim = tuple(c for d in report.documents for c in d.claims)
    return AuditView(
        title=title,
        generated=when.isoformat(timespec="seconds"),
        as_of=report.as_of.isoformat(),
        version=report.version,
        registry_sources=registry.sources,
        registry_sha256=registry.sha256,
        registry_claims=len(registry.claims),
        evidence_sources=registry.evidence_sources,
        evidence_sha256=registry.evidence_sha256,
        strength_model=_model_line(report.strength_model),
        documents=tuple(docs),
        counts=_counts(every_claim),
        claims=len(every_claim),
        errors=errors,
        warnings=warnings,
        waived=waived,
        annex=tuple(annex.values()),
        input_errors=tuple((d.path, d.error) for d in report.documents if d.error),
        notices=report.notices,
        asset_id=asset_id or None,
        asset_version=asset_version or None,
        products=tuple(
            dict.fromkeys(
                d.context.product for d in report.documents if d.context and d.context.product
            )
        ),
        groups=_groups(docs, registry),
    )


def _model_line(model: dict | None) -> str | None:
    """The strength model as the report header names it: path, training size and sha256."""
    if model is None:
        return None
    size = f", trained on {model['examples']} sentences" if model.get("examples") else ""
    return f"{model.get('path') or '-'}{size}; sha256 {model.get('sha256') or '-'}"
