"""What every document-level check shares: which requirements apply, and finding a statement.

A required statement (or a claim's footnote) is found the way a claim wording is compared:
on the normalised terms of `registry.normalize.terms` (lemmas, synonyms mapped to concepts,
numbers and negations kept, stopwords dropped), in any word order, across sentence, line and
paragraph breaks and in every part of the draft (headers, footers, slide notes). The copy of
a region (the document, a PDF page, a PPTX slide) is one stream of terms; a statement part is
found where a window of that stream, at most `len(part) + max(4, len(part) // 2)` terms long,
holds at least `COVERAGE` of the part's distinct terms ("Complications may include bleeding
and infection" is found in "complications can include infection and bleeding").

A statement is split into parts: its sentences, and a leading label such as "Important
Safety Information:" (a part with no final punctuation is a label). When a statement names
sentences, every sentence must be found and labels are optional; a heading alone never
counts. A statement that is only a label ("Important Safety Information") is found in a
heading. A footnote is one part (a reference line is not split at its abbreviations).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from claimcheck.model import (
    ApprovedClaim,
    ClaimResult,
    Context,
    Document,
    Registry,
    RequiredStatement,
    RuleSettings,
    Scope,
    Sentence,
    StatementCheck,
)

COVERAGE = 0.8  # share of a part's distinct terms a window must hold
HEADING_KINDS = frozenset({"heading", "title"})
# A leading label: a few words and a colon ("Important Safety Information: ...").
_LABEL = re.compile(r"^([^.:;!?]{2,60}):\s+(?=\S)")
# Footnote markers a reference line starts with: "1.", "[2]", "*", "†", "¹".
_MARKER = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]|[*†‡§¶#]+|[⁰¹²³⁴-⁹]+)\s+")


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a statement that must be found: a sentence, or a label."""

    text: str
    keys: frozenset[str]
    label: bool  # a heading-like label ("Important Safety Information"), no final punctuation


@lru_cache(maxsize=1024)
def parts_of(text: str, whole: bool = False) -> tuple[Part, ...]:
    """The parts a statement is found by (`whole`: one part, as for a footnote)."""
    from claimcheck.model import Block
    from claimcheck.segment import segment

    if whole:
        pieces = [_MARKER.sub("", text, count=1)]
    else:
        doc = Document(path="", format="text", blocks=(Block(text=text),), sha256="")
        pieces = []
        for sentence in segment(doc):
            label = _LABEL.match(sentence.text)
            if label and len(label.group(1).split()) <= 6:
                pieces += [label.group(1), sentence.text[label.end() :]]
            else:
                pieces.append(sentence.text)
    out = []
    for piece in pieces:
        keys = _keys(piece)
        if keys:
            out.append(Part(piece.strip(), keys, not piece.rstrip().endswith((".", "!", "?"))))
    return tuple(out)


def _keys(text: str) -> frozenset[str]:
    from claimcheck.registry.normalize import terms
    from claimcheck.segment import sentence_of

    return frozenset(k for t in terms(sentence_of(text)) for k in pieces(t.key))


_PIECES = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")


@lru_cache(maxsize=16384)
def pieces(key: str) -> tuple[str, ...]:
    """A term key as the finder compares it: a citation-like token ("2024;39(2):210-218",
    "tr-0231") is its numbers and words, so that a dash or a line break inside it does not
    decide whether a reference line is found."""
    if key.isalpha() or not any(ch.isdigit() for ch in key):
        return (key,)
    return tuple("#" + p if p[0].isdigit() else p for p in _PIECES.findall(key)) or (key,)


@dataclass(frozen=True, slots=True)
class Found:
    """How much of a statement a region holds: the sentences it was found in, the parts not."""

    sentences: tuple[Sentence, ...]  # where each found part starts, in document order
    absent: tuple[str, ...]  # text of the parts that must be found and were not

    @property
    def complete(self) -> bool:
        """True when every part that must be found was."""
        return not self.absent


class Stream:
    """The terms of a run of sentences in reading order, each with the sentence it is in."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        from claimcheck.registry.normalize import terms

        self.sentences = list(sentences)
        self.keys: list[str] = []
        self.owner: list[int] = []
        for index, sentence in enumerate(self.sentences):
            for t in terms(sentence):
                for key in pieces(t.key):
                    self.keys.append(key)
                    self.owner.append(index)
        self.present = frozenset(self.keys)

    def find(self, text: str, *, whole: bool = False) -> Found:
        """Which parts of a statement this stream holds, and where."""
        parts = parts_of(text, whole)
        sentences = [p for p in parts if not p.label]
        must = sentences or list(parts)  # labels count only in a statement of labels alone
        found: list[int] = []
        absent: list[str] = []
        for part in parts:
            where = self._window(part, in_headings=part.label)
            if where is not None:
                found.append(where)
            elif part in must:
                absent.append(part.text)
        return Found(
            tuple(self.sentences[i] for i in sorted(set(found))) if not absent else (),
            tuple(absent),
        )

    def _window(self, part: Part, in_headings: bool) -> int | None:
        """The sentence holding most of the first window that covers the part, or None."""
        need = math.ceil(COVERAGE * len(part.keys) - 1e-9)
        if len(part.keys & self.present) < need:
            return None
        width = len(part.keys) + max(4, len(part.keys) // 2)
        hits = [
            i
            for i, key in enumerate(self.keys)
            if key in part.keys
            and (in_headings or self.sentences[self.owner[i]].kind not in HEADING_KINDS)
        ]
        for a, start in enumerate(hits):
            seen: set[str] = set()
            for b in range(a, len(hits)):
                if hits[b] - start >= width:
                    break
                seen.add(self.keys[hits[b]])
                if len(seen) >= need:
                    owners = [self.owner[i] for i in hits[a : b + 1]]
                    return max(dict.fromkeys(owners), key=owners.count)
        return None


# --------------------------------------------------------------------------- scope


def in_scope(scope: Scope, ctx: Context) -> bool:
    """True unless the document's context rules it out (a value the context leaves unset never does).

    Products are not compared here: whether a document is about a product is a question of
    its claims (see `DocumentContext.about`).
    """
    for allowed, value in (
        (scope.audiences, ctx.audience),
        (scope.channels, ctx.channel),
        (scope.markets, ctx.market),
        (scope.indications, ctx.indication),
    ):
        if allowed is None or value is None:
            continue
        if value.lower() not in {a.lower() for a in allowed}:
            return False
    return True


def unit_of(doc_format: str | None, sentence: Sentence) -> int | None:
    """The page (PDF) or slide (PPTX) a sentence stands on; None for formats without them."""
    if doc_format == "pdf":
        return sentence.location.page
    if doc_format == "pptx":
        return sentence.location.slide
    return None


def unit_label(doc_format: str | None, unit: int) -> str:
    """'page 2' or 'slide 4'."""
    return f"{'page' if doc_format == 'pdf' else 'slide'} {unit}"


@dataclass(frozen=True, slots=True)
class Requirement:
    """How a document stands against one required statement that applies to it."""

    statement: RequiredStatement
    claims: tuple[Sentence, ...]  # the claims that call for it (empty: required always)
    found: Found  # in the whole document
    lacking: tuple[tuple[int, tuple[Sentence, ...]], ...] = ()  # units without it, their claims

    @property
    def status(self) -> str:
        """found | missing | misplaced."""
        if not self.found.complete:
            return "missing"
        return "misplaced" if self.lacking else "found"


@dataclass(frozen=True, slots=True)
class Footnotes:
    """A claim used in the document and which of its footnotes the document carries."""

    claim: ApprovedClaim
    claims: tuple[Sentence, ...]  # the sentences that use it
    found: tuple[tuple[str, tuple[Sentence, ...]], ...]  # (footnote, where) for each found
    absent: tuple[str, ...]


@dataclass
class DocumentContext:
    """What a document-level check may look at: the draft, its sentences, its judged claims."""

    doc: Document
    sentences: Sequence[Sentence]
    claims: Sequence[ClaimResult]
    registry: Registry
    context: Context
    settings: RuleSettings = field(default_factory=RuleSettings)
    _stream: Stream | None = None
    _requirements: list[Requirement] | None = None
    _footnotes: list[Footnotes] | None = None
    _approved: dict[str, ApprovedClaim] | None = None
    _names: tuple[str, ...] | None = None

    @property
    def stream(self) -> Stream:
        """The whole document's terms (built on first use)."""
        if self._stream is None:
            self._stream = Stream(self.sentences)
        return self._stream

    def approved(self, claim: ClaimResult) -> ApprovedClaim | None:
        """The approved claim a judged claim matched (None for unmatched and prohibited ones)."""
        if self._approved is None:
            self._approved = _by_id(self.registry)
        return self._approved.get(claim.claim_id) if claim.claim_id else None

    def about(self, claim: ClaimResult) -> frozenset[str]:
        """The products a claim is about: those it names or its approved claim is scoped to;
        when it shows neither, the document's context product."""
        products: set[str] = set()
        approved = self.approved(claim)
        if approved is not None and approved.scope.products:
            products |= set(approved.scope.products)
        if self._names is None:
            names = {p for c in self.registry.claims for p in (c.scope.products or ())}
            names |= {p for r in self.registry.required for p in (r.scope.products or ())}
            self._names = tuple(sorted(names))
        products |= names_in(claim.sentence, self._names)
        if not products and self.context.product:
            products.add(self.context.product.lower())
        return frozenset(products)

    def requirements(self) -> list[Requirement]:
        """Every required statement of the registry that applies to this document."""
        if self._requirements is None:
            self._requirements = [
                r for r in map(self._requirement, self.registry.required) if r is not None
            ]
        return self._requirements

    def _requirement(self, statement: RequiredStatement) -> Requirement | None:
        if not in_scope(statement.scope, self.context):
            return None
        wanted = statement.scope.products
        triggers = tuple(c for c in self.claims if wanted is None or self.about(c) & set(wanted))
        if not triggers:
            if statement.when == "claims":
                return None
            if wanted is not None and not self._names_product(wanted):
                return None
        found = self._find(self.stream, statement)
        lacking: list[tuple[int, tuple[Sentence, ...]]] = []
        fmt = self.doc.format
        if found.complete and statement.placement != "document" and fmt in ("pdf", "pptx"):
            claims_on: dict[int, list[Sentence]] = {}
            for c in triggers:
                unit = unit_of(fmt, c.sentence)
                if unit is not None:
                    claims_on.setdefault(unit, []).append(c.sentence)
            pages: dict[int, list[Sentence]] = {}
            for s in self.sentences:
                unit = unit_of(fmt, s)
                if unit is not None:
                    pages.setdefault(unit, []).append(s)
            places: list[Sentence] = []  # where it stands whole, page by page (notes too)
            for unit, region in sorted(pages.items()):
                whole = self._find(Stream(region), statement)
                places += whole.sentences
                if unit not in claims_on:
                    continue
                if whole.complete and not statement.in_notes:
                    whole = self._find(Stream([s for s in region if s.kind != "notes"]), statement)
                if not whole.complete:
                    lacking.append((unit, tuple(claims_on[unit])))
            if places:
                found = Found(tuple(places), ())
        return Requirement(statement, tuple(c.sentence for c in triggers), found, tuple(lacking))

    def _names_product(self, products: Iterable[str]) -> bool:
        """True when the context names one of the products, or any sentence of the draft does."""
        wanted = tuple(products)
        if self.context.product and self.context.product.lower() in wanted:
            return True
        return any(names_in(s, wanted) for s in self.sentences)

    @staticmethod
    def _find(stream: Stream, statement: RequiredStatement) -> Found:
        """The best of the statement's wordings in a stream: complete first, then fewest gaps."""
        results = [stream.find(w) for w in statement.wordings]
        complete = [r for r in results if r.complete]
        if complete:
            return complete[0]
        return min(results, key=lambda r: len(r.absent)) if len(results) > 1 else results[0]

    def footnotes(self) -> list[Footnotes]:
        """Each approved claim with footnotes that a claim of the document uses, in order."""
        if self._footnotes is None:
            uses: dict[str, tuple[ApprovedClaim, list[Sentence]]] = {}
            for c in self.claims:
                approved = self.approved(c)
                if approved is not None and approved.footnotes:
                    uses.setdefault(approved.id, (approved, []))[1].append(c.sentence)
            out = []
            for approved, sentences in uses.values():
                found, absent = [], []
                for note in approved.footnotes:
                    where = self.stream.find(note, whole=True)
                    if where.complete:
                        found.append((note, where.sentences))
                    else:
                        absent.append(note)
                out.append(Footnotes(approved, tuple(sentences), tuple(found), tuple(absent)))
            self._footnotes = out
        return self._footnotes

    def statements(self) -> tuple[StatementCheck, ...]:
        """What the audit report lists under "Required statements": each requirement that
        applies and each footnote of a claim the document uses, found or not."""
        out = []
        for r in self.requirements():
            out.append(
                StatementCheck(
                    id=r.statement.id,
                    kind="required",
                    text=r.statement.text,
                    status=r.status,
                    placement=r.statement.placement,
                    found=r.found.sentences,
                    # a statement required always is owed by the document, not by its claims
                    claims=r.claims if r.statement.when == "claims" else (),
                    absent=r.found.absent,
                    lacking=tuple(unit_label(self.doc.format, u) for u, _ in r.lacking),
                )
            )
        for f in self.footnotes():
            for note, where in f.found:
                out.append(
                    StatementCheck(
                        f.claim.id, "footnote", note, "found", found=where, claims=f.claims
                    )
                )
            for note in f.absent:
                out.append(
                    StatementCheck(
                        f.claim.id, "footnote", note, "missing", claims=f.claims, absent=(note,)
                    )
                )
        return tuple(out)


_LAST: list = [None, {}]  # the registry last indexed by claim id, and that index


def _by_id(registry: Registry) -> dict[str, ApprovedClaim]:
    """The registry's approved claims by id (built once per registry, not per document)."""
    if _LAST[0] is not registry:
        _LAST[:] = [registry, {c.id: c for c in registry.claims}]
    return _LAST[1]


def names_in(sentence: Sentence, products: Iterable[str]) -> set[str]:
    """The products (lower-case names, one or more words) a sentence names."""
    from claimcheck.registry.normalize import tokens

    words = [t.lower for t in tokens(sentence) if not t.is_punct]
    out = set()
    for name in products:
        parts = name.split()
        n = len(parts)
        if n and any(words[i : i + n] == parts for i in range(len(words) - n + 1)):
            out.add(name)
    return out


def clip(text: str, limit: int = 60) -> str:
    """A statement as a message quotes it: short, quoted, escaped."""
    from claimcheck.errors import shown

    text = " ".join(text.split())
    if len(text) > limit:  # cut at a word boundary, so the quote reads as words
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return shown(text, limit + 1)


def where_list(sentences: Sequence[Sentence], limit: int = 3) -> str:
    """'line 13, line 15 and 2 more' for the locations of some sentences."""
    labels = list(dict.fromkeys(s.where for s in sentences))
    if len(labels) <= limit:
        return ", ".join(labels)
    return f"{', '.join(labels[:limit])} and {len(labels) - limit} more"
