"""The values that flow through the pipeline: frozen, plain, picklable records.

load -> Document(blocks)            segment -> Sentence(tokens)
detect -> Claim (cues, strength)    registry -> Registry(ApprovedClaim, Prohibited, Evidence)
match -> Match                      judge -> ClaimResult(findings), DocumentResult, Report
judge_document -> document Findings and StatementChecks (required statements, footnotes)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from typing import Any, NamedTuple


class ExitCode(IntEnum):
    """Process exit codes (FORMATS.md section 6)."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FAIL_ON = ("error", "warning", "info", "never")

# Verdicts in precedence order: when several checks fire, the first listed wins.
VERDICTS = ("prohibited", "expired", "off-scope", "overstated", "unsupported", "supported")
# The order the JSON summary lists them in (FORMATS.md section 7).
SUMMARY_VERDICTS = ("supported", "overstated", "unsupported", "prohibited", "expired", "off-scope")

# Claim strength scale (Yu et al. 2019/2020, Wright & Augenstein 2021).
STRENGTH_NONE = 0  # no relationship stated / not a finding
STRENGTH_CORRELATIONAL = 1  # "was associated with", "linked to"
STRENGTH_CONDITIONAL = 2  # "may reduce", "could help", "can shorten"
STRENGTH_CAUSAL = 3  # "reduces", "prevents", "speeds"
STRENGTH_NAMES = {0: "no relationship", 1: "correlational", 2: "conditional causal", 3: "causal"}

FORMATS = ("markdown", "docx", "pdf", "text", "pptx", "html")


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline `<!-- claimcheck: ignore CC201 reason="..." -->` directive."""

    rules: tuple[str, ...]  # empty = every rule
    reason: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text from a draft that sentences never cross: a paragraph, cell, heading...

    `kind` is one of: paragraph, heading, title, list-item, quote, table-cell, header,
    footer, notes, caption, text-box (DOCX text boxes and shapes, numbered as the paragraph
    they are anchored in), alt-text (an HTML image's alt text). Headings and titles are never claims. `text` is plain text
    (markup removed); a Markdown block keeps soft line breaks as "\\n" so that a
    sentence's source line is `line + text[:start].count("\\n")`.
    """

    text: str
    kind: str = "paragraph"
    line: int | None = None  # 1-based source line of the block's first character (md, txt, html)
    page: int | None = None  # 1-based PDF page
    paragraph: int | None = None  # 1-based DOCX paragraph (body paragraphs + table cells)
    slide: int | None = None  # 1-based PPTX slide
    suppressions: tuple[
        Suppression, ...
    ] = ()  # directives that apply to this block's first sentence
    # additive: when reading normalised the text (NFKC, invisible characters removed), the
    # offset in the text as read of each character of `text`, plus one for its end; None
    # when the text is exactly as read. Locations are reported in those source offsets.
    source_offsets: tuple[int, ...] | None = None

    def to_source(self, offset: int) -> int:
        """The offset in the text as read of offset `offset` of `text`."""
        if self.source_offsets is None:
            return offset
        return self.source_offsets[max(0, min(offset, len(self.source_offsets) - 1))]


@dataclass(frozen=True, slots=True)
class Document:
    """A draft read into blocks, with its identity and any context it declares."""

    path: str  # as shown to the user (relative to the cwd when possible)
    format: str  # one of FORMATS
    blocks: tuple[Block, ...]
    sha256: str
    context: dict[str, Any] = field(
        default_factory=dict
    )  # e.g. Markdown front matter `claimcheck:`
    # additive: parts of the file the reader did not read (a chart, a SmartArt diagram, an
    # embedded object), each a one-line note such as "paragraph 7: a chart was not read"
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Limits:
    """What one draft may cost to read (config `limits:`); past a limit the draft is an input
    error naming the limit, never a partial read."""

    max_file_mb: float = 100  # bytes read from any draft
    max_text_file_mb: float = 20  # Markdown, HTML and plain text: their source is parsed whole
    max_inflated_mb: float = 200  # DOCX/PPTX: every part of the package uncompressed
    max_ratio: float = 100  # DOCX/PPTX: compression ratio of a part inflating past 1 MB
    max_xml_elements: int = 1_000_000  # DOCX/PPTX: XML elements over all parts
    max_pages: int = 1_000  # PDF pages, PPTX slides
    max_blocks: int = 100_000  # paragraphs, cells, list items ... of one draft
    max_text_chars: int = 2_000_000  # characters of text of one draft (about 300k words)
    max_sentences: int = 25_000  # sentences of one draft

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The config keys of `limits:`."""
        return tuple(cls.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class Location:
    """Where a sentence is: 1-based page/paragraph/line/slide, offsets into its block."""

    page: int | None = None
    paragraph: int | None = None
    line: int | None = None
    start: int = 0
    end: int = 0
    slide: int | None = None

    def to_json(self) -> dict[str, Any]:
        """FORMATS.md section 7 location object (`slide` added only for slide decks)."""
        out: dict[str, Any] = {
            "page": self.page,
            "paragraph": self.paragraph,
            "line": self.line,
            "start": self.start,
            "end": self.end,
        }
        if self.slide is not None:
            out["slide"] = self.slide
        return out

    def label(self) -> str:
        """Short human form: 'line 12', 'page 3', 'paragraph 7', 'slide 2'."""
        if self.line is not None:
            return f"line {self.line}"
        if self.page is not None:
            return f"page {self.page}"
        if self.slide is not None:
            return f"slide {self.slide}"
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}"
        return "-"


class Token(NamedTuple):
    """One token of a sentence; offsets are into the sentence text. A named tuple, not a
    dataclass: a draft of 1,000 words makes over a thousand of them, and a tuple is built in
    a seventh of the time."""

    text: str
    lower: str
    lemma: str
    start: int
    end: int
    is_punct: bool = False
    like_num: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a block, with its tokens and where it stands."""

    text: str
    block: int  # index into Document.blocks
    location: Location  # start/end are offsets into the block text
    tokens: tuple[Token, ...] = ()
    kind: str = "paragraph"  # the block kind it came from

    @property
    def where(self) -> str:
        """Location label naming the part of the draft: 'line 12', 'slide 2 notes', 'footer'."""
        base = self.location.label()
        if self.kind == "notes":
            return f"{base} notes"
        if self.kind in ("header", "footer", "text-box", "alt-text"):
            label = self.kind.replace("-", " ")
            return label if base == "-" else f"{base} {label}"
        return base


@dataclass(frozen=True, slots=True)
class Cue:
    """A word or phrase that the detector recognised, with its span in the sentence.

    kind: claim, effect, comparative, superlative, absolute, intensifier, hedge,
    negation, population, number, red-flag, cta, safety, question, ...
    """

    kind: str
    text: str
    start: int
    end: int
    rule: str | None = None  # rule code or lexicon entry id that produced it
    negated: bool = False  # inside the scope of a negation cue
    hedged: bool = False  # inside the scope of a hedge cue
    value: Any = None  # e.g. normalised number, or the lexicon's canonical form


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence that asserts something, with what the detector found in it."""

    sentence: Sentence
    cues: tuple[Cue, ...]
    strength: int = STRENGTH_NONE  # STRENGTH_* scale; a negated relation counts as none
    # The strongest relation stated, negated or not, as Yu et al. label it ("does not
    # increase" is 3 here, 0 in `strength`); benchmarks compare this with their labels.
    relation: int = STRENGTH_NONE

    @property
    def negated(self) -> bool:
        """True when the strongest relation the sentence states is negated ("did not reduce")."""
        return self.relation > self.strength

    def of(self, kind: str, *, live: bool = True) -> tuple[Cue, ...]:
        """Cues of one kind; `live` drops those inside a negation scope."""
        return tuple(c for c in self.cues if c.kind == kind and not (live and c.negated))


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether a sentence is a claim, the rule that decided, and why in words."""

    claim: bool
    reason: str  # the rule: see claimcheck.detect.decide.REASONS
    why: str = ""  # one line for explain, quoting the words that decided
    span: tuple[int, int] | None = None  # those words, offsets into the sentence


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True, slots=True)
class Scope:
    """Where an approved claim may be used; None means 'any'."""

    products: tuple[str, ...] | None = None
    audiences: tuple[str, ...] | None = None
    channels: tuple[str, ...] | None = None
    markets: tuple[str, ...] | None = None
    indications: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class ClaimExample:
    """A registry self-test: copy that must get `expect` when judged (`claimcheck registry test`).

    `expect` is "supported" (supported by the claim that lists it) or the verdict flagged copy
    must get; `rules` must all be among the findings; `context` is the document context.
    """

    text: str
    expect: str
    rules: tuple[str, ...] = ()
    context: tuple[tuple[str, str], ...] = ()  # (key, value) pairs: frozen and hashable
    source: str = ""  # "path:line"


@dataclass(frozen=True, slots=True)
class ApprovedClaim:
    """An entry of the claim registry (FORMATS.md section 1)."""

    id: str
    text: str
    variants: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    status: str = "approved"  # approved | retired | draft
    expires: date | None = None
    scope: Scope = Scope()
    requires: tuple[str, ...] = ()
    notes: str | None = None
    source: str = ""  # "path:line" where it is defined
    # Mandatory footnotes or reference lines that must appear in any document using the claim.
    footnotes: tuple[str, ...] = ()
    examples: tuple[ClaimExample, ...] = ()  # self-tests for `claimcheck registry test`

    @property
    def wordings(self) -> tuple[str, ...]:
        """The approved text followed by its variants."""
        return (self.text, *self.variants)


@dataclass(frozen=True, slots=True)
class Prohibited:
    """A claim that must never be made."""

    id: str
    phrases: tuple[str, ...]
    reason: str
    severity: str = "error"
    source: str = ""


PLACEMENTS = ("document", "page", "slide")
WHEN = ("claims", "always")


@dataclass(frozen=True, slots=True)
class RequiredStatement:
    """A statement documents in its scope must carry (FORMATS.md section 1, `required:`)."""

    id: str
    text: str
    variants: tuple[str, ...] = ()  # other accepted wordings of the whole statement
    scope: Scope = Scope()
    when: str = "claims"  # claims: when the document makes a claim about an in-scope product
    placement: str = "document"  # document | page | slide: same page/slide as each such claim
    in_notes: bool = False  # additive: with page|slide placement, the slide's notes count too
    severity: str = "error"
    notes: str | None = None
    source: str = ""

    @property
    def wordings(self) -> tuple[str, ...]:
        """The statement's text followed by its variants."""
        return (self.text, *self.variants)


@dataclass(frozen=True, slots=True)
class EvidenceFinding:
    """One structured result of an evidence record."""

    endpoint: str
    result: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """An evidence record (FORMATS.md section 2)."""

    id: str
    citation: str
    type: str | None = None
    date: date | None = None
    status: str = "current"  # current | superseded | withdrawn
    population: str | None = None
    findings: tuple[EvidenceFinding, ...] = ()
    limitations: str | None = None
    file: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Registry:
    """Approved claims, prohibited claims and the evidence library, merged and validated."""

    claims: tuple[ApprovedClaim, ...] = ()
    prohibited: tuple[Prohibited, ...] = ()
    evidence: dict[str, Evidence] = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # registry files
    evidence_sources: tuple[str, ...] = ()  # evidence files
    sha256: str = ""  # over the registry files' bytes, in source order
    evidence_sha256: str = ""
    required: tuple[RequiredStatement, ...] = ()  # statements documents must carry

    def claim(self, claim_id: str) -> ApprovedClaim | None:
        """The approved claim with this id, if any."""
        for c in self.claims:
            if c.id == claim_id:
                return c
        return None


# --------------------------------------------------------------------------- judging


@dataclass(frozen=True, slots=True)
class Context:
    """What a document is judged against (FORMATS.md section 3)."""

    as_of: date
    audience: str | None = None
    channel: str | None = None
    market: str | None = None
    product: str | None = None
    indication: str | None = None  # additive: checked against scope.indications

    def to_json(self) -> dict[str, Any]:
        """FORMATS.md section 7 context object (indication only when set)."""
        out: dict[str, Any] = {
            "audience": self.audience,
            "channel": self.channel,
            "market": self.market,
            "product": self.product,
        }
        if self.indication is not None:
            out["indication"] = self.indication
        return out


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """Per-file rule configuration: which rules are off and severity overrides."""

    disabled: frozenset[str] = frozenset()  # rule codes or names
    severity: dict[str, str] = field(default_factory=dict)  # rule code or name -> level
    packs: tuple[
        str, ...
    ] = ()  # additive: paths of user rule packs (same shape as rules/redflags.yaml)
    # additive: a trained claimcheck.strength.StrengthModel that re-scores claim strength
    strength_model: Any = None

    def is_enabled(self, code: str, name: str) -> bool:
        """False when the rule is disabled by code or name."""
        return code not in self.disabled and name not in self.disabled

    def level(self, code: str, name: str, default: str) -> str:
        """The configured severity of a rule, or its default."""
        return self.severity.get(code) or self.severity.get(name) or default


@dataclass(frozen=True, slots=True)
class Match:
    """The approved claim a sentence asserts, and how closely."""

    claim: ApprovedClaim
    score: float  # 0..1
    wording: str  # the approved text or variant that matched best
    shared: tuple[str, ...] = ()  # additive: the terms both state (as `explain` shows them)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One approved wording the matcher retrieved for a sentence, as `explain` shows it."""

    claim_id: str
    wording: str
    score: float  # 0 when a guard vetoed it
    shared: tuple[str, ...] = ()  # the terms both state
    vetoed: str | None = None  # the guard that set it aside
    passed_over: str | None = None  # the selection rule that chose another claim instead
    chosen: bool = False  # the match


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check yields: the judge adds code, severity, location and fingerprint."""

    message: str
    verdict: str  # the verdict this hit implies (one of VERDICTS)
    span: tuple[int, int] | None = None  # offsets into the sentence
    suggestion: str | None = None
    # additive: a rule-pack check (red flags) or registry data names its own rule and default
    code: str | None = None  # overrides the check's CODE
    name: str | None = None  # overrides the check's NAME
    severity: str | None = None  # default severity from data; config still overrides it
    claim_id: str | None = None  # the registry entry the hit is about, when not the match (CC102)
    # additive, for document-level hits: the claims that call for the finding (the first is
    # where it is shown) and where a required statement was found instead (CC402)
    claims: tuple[Sentence, ...] = ()
    found: tuple[Sentence, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem with a claim (or a document), ready for every output format."""

    rule: str  # CC###
    name: str  # kebab-case
    severity: str  # info | warning | error
    verdict: str
    message: str
    span: tuple[int, int] | None = None
    suggestion: str | None = None
    claim_id: str | None = None
    evidence: tuple[str, ...] = ()
    fingerprint: str = ""  # stable under line moves: hash of path, rule, normalised sentence
    waived: str | None = None  # the waiver's reason when a waiver or inline directive covers it
    waived_by: str | None = None  # "inline" (a directive in the draft) or "config" (a waiver)
    # additive, for document findings (see Hit): the claims behind it, where a statement was found
    claims: tuple[Sentence, ...] = ()
    found: tuple[Sentence, ...] = ()

    @property
    def anchor(self) -> Sentence | None:
        """Where a document finding is shown: its first claim, or None (the document start)."""
        return self.claims[0] if self.claims else None

    def to_json(self) -> dict[str, Any]:
        """FORMATS.md section 7 finding object (+ additive fingerprint / waived)."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "span": list(self.span) if self.span else None,
            "suggestion": self.suggestion,
            "fingerprint": self.fingerprint,
        }
        if self.waived is not None:
            out["waived"] = self.waived
        return out


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """The verdict on one claim-like sentence."""

    sentence: Sentence
    verdict: str
    findings: tuple[Finding, ...] = ()
    claim_id: str | None = None
    score: float | None = None
    evidence: tuple[str, ...] = ()
    strength: int = STRENGTH_NONE
    wording: str | None = None  # the approved wording matched
    shared: tuple[str, ...] = ()  # the terms sentence and wording share (the audit report)


@dataclass(frozen=True, slots=True)
class StatementCheck:
    """One required statement or footnote that applies to a document, and how it stands."""

    id: str  # the required statement's id, or the id of the claim whose footnote it is
    kind: str  # "required" | "footnote"
    text: str  # as the registry words it
    status: str  # found | missing | misplaced
    placement: str = "document"
    found: tuple[Sentence, ...] = ()  # where it was found (each part's first sentence)
    claims: tuple[Sentence, ...] = ()  # the claims that call for it (empty: required always)
    absent: tuple[str, ...] = ()  # the parts of it the document lacks (missing)
    lacking: tuple[str, ...] = ()  # the pages/slides with such a claim and without it (misplaced)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything claimcheck found in one document, or the error that stopped it."""

    path: str
    format: str | None
    sha256: str | None
    context: Context | None
    claims: tuple[ClaimResult, ...] = ()
    findings: tuple[Finding, ...] = ()  # document-level findings
    error: str | None = None  # one-line input error; the document was not checked
    statements: tuple[StatementCheck, ...] = ()  # additive: required statements and footnotes


@dataclass(frozen=True, slots=True)
class Tally:
    """What a run's summary and exit code need from one document, without the document.

    A streamed run keeps only these (and the rendered output) per document; `of` derives
    one from a DocumentResult, so summaries agree whichever way a report was built.
    """

    path: str
    error: str | None = None
    claims: int = 0
    verdicts: tuple[tuple[str, int], ...] = ()  # verdict -> claims, in first-seen order
    severities: tuple[tuple[str, int], ...] = ()  # severity -> unwaived findings
    waived: int = 0

    @classmethod
    def of(cls, doc: DocumentResult) -> Tally:
        """The tally of one document's result."""
        verdicts: dict[str, int] = {}
        severities: dict[str, int] = {}
        waived = 0
        for claim in doc.claims:
            verdicts[claim.verdict] = verdicts.get(claim.verdict, 0) + 1
        for finding in (*(f for c in doc.claims for f in c.findings), *doc.findings):
            if finding.waived is not None:
                waived += 1
            else:
                severities[finding.severity] = severities.get(finding.severity, 0) + 1
        return cls(
            path=doc.path,
            error=doc.error,
            claims=len(doc.claims),
            verdicts=tuple(verdicts.items()),
            severities=tuple(severities.items()),
            waived=waived,
        )

    def failures(self, fail_on: str) -> int:
        """Unwaived findings at or above the fail-on level ('never': none)."""
        if fail_on == "never":
            return 0
        floor = SEVERITY_RANK[fail_on]
        return sum(n for s, n in self.severities if SEVERITY_RANK.get(s, 0) >= floor)


@dataclass(frozen=True, slots=True)
class Explanation:
    """How one sentence was read and judged, for `claimcheck explain`."""

    sentence: Sentence
    context: Context
    decision: Decision
    claim: Claim  # every cue, with negation and hedge scope, and the strength
    scopes: tuple[tuple[str, str, int, int], ...] = ()  # (kind, trigger, start, end) of scope
    candidates: tuple[Candidate, ...] = ()
    result: ClaimResult | None = None  # the verdict, when the sentence is a claim
    path: str | None = None  # the draft it came from


@dataclass(frozen=True, slots=True)
class Report:
    """The result of one run over many documents."""

    version: str
    as_of: date
    registry: Registry
    documents: tuple[DocumentResult, ...]
    notices: tuple[str, ...] = ()  # one-line notes for the user, e.g. "no registry found"
    baseline: dict[str, int] | None = (
        None  # {"new", "baselined", "fixed"} when a baseline was applied
    )
    # additive: {"path", "sha256", "examples"} of the trained strength model, when one was used
    strength_model: dict[str, Any] | None = None


def pickled_by_fields(cls: type) -> type:
    """Give a frozen, slotted dataclass a `__reduce__` that pickles its fields as a tuple.

    Such a class otherwise pickles through the dataclass module's Python-level state
    functions (`fields()` on every object): a checked document goes to the parent process
    and to the result cache three to five times faster this way. Every field is an
    `__init__` argument, so the constructor rebuilds the object from the tuple.
    """
    import dataclasses
    import operator

    names = [f.name for f in dataclasses.fields(cls)]
    assert all(f.init for f in dataclasses.fields(cls)), cls.__name__
    if len(names) == 1:
        name = names[0]

        def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
            return cls, (getattr(self, name),)
    else:
        values = operator.attrgetter(*names)

        def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
            return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


for _cls in list(globals().values()):
    if (
        isinstance(_cls, type)
        and _cls.__module__ == __name__
        and hasattr(_cls, "__dataclass_fields__")
    ):
        pickled_by_fields(_cls)
