"""Find the approved claim a sentence asserts: an inverted index over every approved wording.

Each wording (text and variants) of each registry claim is reduced to normalised content
terms (`normalize.content`: lemmas without stopwords, synonyms mapped to concepts, numbers
set apart). Terms are weighted by IDF over claims and by kind (an endpoint such as OPTIME
counts more than a direction word such as DECREASE, which counts more than a study-design
word). For a sentence, candidates come from the postings of its rarest terms only (at most
`RARE_TERMS` terms, postings longer than `MAX_POSTINGS` skipped, at most `MAX_CANDIDATES`
wordings scored), so the cost per sentence stays flat as the registry grows. What a sentence
contributes (weights, numbers, product names) is kept by its text; a Matcher keeps its answers
by sentence text and context product, and the product-guarded candidates by the rarest terms
and named products that select them (sentences about one product and endpoint share them).

A candidate wording is scored by IDF-weighted overlap:
  recall    = weight of shared terms / weight of the wording's terms   (claim covered)
  precision = weight of shared terms / weight of the sentence's terms  (sentence covered)
  score     = F-beta with beta^2 = 2 (recall counts double: drafts add context, "In a trial
              of 212 patients, ...", more often than they drop half of the claim)
plus a small bonus when a number of the sentence appears in the wording (it picks the
variant that states the same figures). Two guards veto a candidate whatever its score:
  product   the sentence names a product (a registry product, or a CamelCase / (R) / TM name)
            and none of the claim's products;
  endpoint  the wording has endpoint terms (concepts of kind endpoint, else plain content
            words that are not products) and the sentence shares none of them.

A leading study-context phrase ("In a national joint registry study of 8,420 procedures,")
counts at CONTEXT_WEIGHT, and a wording that states a change scores x0.75 against a sentence
that states none ("Alignment is key to implant survival").

Calibration (python over examples/EXPECTED.md + tests/test_match.py + tests/cases): every
true rewording of an approved claim (word order, passive, inflection, 12%/12 percent,
dropped comparator or context, changed figures) scores 0.45-1.0 with beta^2 = 2; sentences
that share words with a claim but assert something else and survive both guards score at
most 0.32 ("Alignment is key to implant survival", "Surgeons using ArcGuide report less
fatigue ..."). beta^2 = 4 narrowed that gap (0.40 vs 0.30), beta^2 = 1 let short unrelated
sentences climb. `THRESHOLD = 0.38` sits in the gap; `NEAR = 0.30` is the floor for naming
the nearest claim in an "unsupported" message.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimcheck.model import ApprovedClaim, Match
from claimcheck.registry.normalize import content, numbers, tokens

if TYPE_CHECKING:
    from collections.abc import Iterable

    from claimcheck.model import Claim, Context, Registry, Sentence

THRESHOLD = 0.38
NEAR = 0.30
BETA2 = 2.0  # beta = sqrt(2): recall counts twice as much as precision
NUMBER_BONUS = 0.05
SCOPE_BONUS = 0.03
CONTEXT_WEIGHT = 0.35  # terms of a leading "In a registry study of 8,420 procedures," phrase
NO_EFFECT_FACTOR = 0.75  # the wording states a change, the sentence none ("X is key to Y")
RARE_TERMS = 4
MAX_POSTINGS = 200
MAX_CANDIDATES = 48
RECENT = 4096  # answers remembered per Matcher (by sentence text and context product)

# How much a term counts, by kind, on top of its IDF.
KIND_WEIGHT = {
    "endpoint": 1.5,
    "word": 1.0,
    "effect": 0.6,
    "comparison": 0.5,
    "unit": 0.5,
    "generic": 0.4,
    "design": 0.3,
}
# Reporting words ("researchers found", "a study published today suggests") say who reported
# a finding and where, not what it asserts: they count like study-design words. Kept here, not
# in synonyms.yaml, because phrase rules read that lexicon ("new" is a regulated word there).
REPORT_WORDS = frozenset(
    [
        "find",
        "finding",
        "show",
        "suggest",
        "publish",
        "journal",
        "research",
        "researcher",
        "scientist",
        "report",
        "reveal",
        "demonstrate",
        "indicate",
        "conclude",
        "say",
        "today",
        "university",
        "team",
        "expert",
        "author",
        "online",
        "datum",
        "data",
        "result",
        "evidence",
        "investigator",
        "discover",
        "uncover",
    ]
)
REPORT_WEIGHT = KIND_WEIGHT["design"]
# Words that never name a product even when capitalised mid-sentence.
_CAMEL = re.compile(r"^[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*$")
_MARKS = frozenset({"®", "™", "(R)", "(TM)"})
_LEAD = re.compile(r"^(?:In|Among|During|Across|From|At|Over)\b[^,]{0,120},")
# Who reported a finding and where: "Researchers at X have found that ...", "..., according
# to a study in Y", "..., a new study by Z suggests." Names of people, places and journals in
# these frames are rare words that would otherwise outweigh the claim itself.
_REPORTING = (
    r"(?:say|says|said|suggests?|suggested|finds?|found|reports?|reported|concludes?|"
    r"concluded|shows?|showed|shown|reveals?|revealed|indicates?|indicated|demonstrates?|"
    r"demonstrated|claims?|claimed|publish(?:es|ed)?)"
)
_LEAD_REPORT = re.compile(rf"^[^,;:]{{0,160}}?\b{_REPORTING}\s+that\b", re.IGNORECASE)
_TAIL_REPORT = re.compile(
    rf",\s+(?:according\s+to\b|(?:[^,;:]{{0,120}}?\b)?{_REPORTING}\b)[^,;:]*$", re.IGNORECASE
)


def _context_spans(text: str) -> tuple[int, int]:
    """Where the claim proper starts and ends: study-context and reporting frames are outside."""
    lead = _LEAD.match(text) or _LEAD_REPORT.match(text)
    start = lead.end() if lead else 0
    end = len(text)
    for tail in _TAIL_REPORT.finditer(text, start):
        if tail.start() - start >= 20:  # the claim proper keeps at least a clause
            end = tail.start()
        break
    return start, end


def _weights(sentence: Sentence) -> dict[str, float]:
    """Kind weight of each content term; study-context and reporting frames count less."""
    start, end = _context_spans(sentence.text)
    out: dict[str, float] = {}
    for t in content(sentence):
        outside = t.start < start or t.start >= end
        w = REPORT_WEIGHT if t.key in REPORT_WORDS else KIND_WEIGHT.get(t.kind, 1.0)
        w *= CONTEXT_WEIGHT if outside else 1.0
        out[t.key] = max(out.get(t.key, 0.0), w)
    return out


@dataclass(slots=True)
class _Features:
    """What scoring needs from a sentence, whatever the registry (cached by text)."""

    weights: dict[str, float]
    numbers: frozenset[tuple[float, str | None]]
    effect: bool  # states a change (effect or comparison concept)
    product_like: set[str]


_FEATURES: dict[str, _Features] = {}
_FEATURES_SIZE = 8192


def _features(sentence: Sentence) -> _Features:
    found = _FEATURES.get(sentence.text)
    if found is None:
        found = _Features(
            _weights(sentence),
            frozenset((abs(n.value), n.unit) for n in numbers(sentence) if n.role == "value"),
            any(t.kind in ("effect", "comparison") for t in content(sentence)),
            _product_like(sentence),
        )
        if len(_FEATURES) >= _FEATURES_SIZE:
            _FEATURES.clear()
        _FEATURES[sentence.text] = found
    return found


@dataclass(slots=True)
class _Wording:
    claim: ApprovedClaim
    text: str
    weights: dict[str, float]  # term -> kind weight (idf applied at scoring)
    endpoint: frozenset[str]
    numbers: frozenset[tuple[float, str | None]]
    products: frozenset[str]
    effect: bool = False  # states a change (effect or comparison concept)
    total: float = 0.0
    scaled: dict[str, float] = field(default_factory=dict)  # term -> idf x kind weight


@dataclass(slots=True)
class _Scored:
    wording: _Wording
    score: float
    ratio: float = 0.0


@dataclass(slots=True)
class Stats:
    """What the last call to `match`/`nearest` did (tests assert on it)."""

    candidates: int = 0  # wordings retrieved
    scored: int = 0  # wordings scored
    postings_read: int = 0


def _product_like(sentence: Sentence) -> set[str]:
    """CamelCase or trademark-marked names: 'ArcGuide', 'OrthoNav®'."""
    toks = tokens(sentence)
    out = set()
    for i, t in enumerate(toks):
        if t.is_punct or not t.text[:1].isalpha():
            continue
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if _camel(t.text) or nxt in _MARKS:
            out.add(t.lower)
    return out


def _camel(word: str) -> bool:
    """A CamelCase brand ('ArcGuide', 'iPhone'), not an acronym or a science term.

    All-capitals words are abbreviations of institutions, places and tests (UCL, BMJ, US,
    MRI); a lower-case start followed by capitals only is a science term (mRNA, eGFR).
    """
    if len(word) < 4 or not _CAMEL.match(word):
        return False
    hump = next((i for i, ch in enumerate(word) if i and ch.isupper()), None)
    return hump is not None and any(ch.islower() for ch in word[hump:])


class Matcher:
    """Match claims against one registry; the index is built once, in the constructor."""

    def __init__(self, registry: Registry, *, threshold: float = THRESHOLD) -> None:
        self.registry = registry
        self.threshold = threshold
        self.stats = Stats()
        self._wordings: list[_Wording] = []
        self._postings: dict[str, list[int]] = {}
        self._df: dict[str, int] = {}
        self._products: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> names
        self._recent: dict[tuple[str, str | None], _Scored | None] = {}
        self._plans: dict[tuple[tuple[str, ...], frozenset[str]], tuple] = {}
        self._build()
        _remember(registry, self)

    # ------------------------------------------------------------------ index

    def _build(self) -> None:
        from claimcheck.segment import sentence_of

        claim_terms: list[set[str]] = []
        for approved in self.registry.claims:
            names = {self._add_product(p) for p in (approved.scope.products or ())}
            seen: set[str] = set()
            parsed = []
            for text in approved.wordings:
                sentence = sentence_of(text)
                names |= {self._add_product(p) for p in _product_like(sentence)}
                parsed.append((text, sentence))
            for text, sentence in parsed:
                weights = _weights(sentence)
                endpoint_words: set[str] = set()
                concepts: set[str] = set()
                for t in content(sentence):
                    if t.kind == "endpoint":
                        concepts.add(t.key)
                    elif t.kind == "word" and t.key not in names and t.key not in REPORT_WORDS:
                        endpoint_words.add(t.key)
                nums = frozenset(
                    (abs(n.value), n.unit) for n in numbers(sentence) if n.role == "value"
                )
                index = len(self._wordings)
                self._wordings.append(
                    _Wording(
                        approved,
                        text,
                        weights,
                        frozenset(concepts or endpoint_words),
                        nums,
                        frozenset(names),
                        any(t.kind in ("effect", "comparison") for t in content(sentence)),
                    )
                )
                for key in weights:
                    self._postings.setdefault(key, []).append(index)
                seen |= weights.keys()
            claim_terms.append(seen)
        n = len(claim_terms)
        for seen in claim_terms:
            for key in seen:
                self._df[key] = self._df.get(key, 0) + 1
        self._idf = {k: 1.0 + math.log((n + 1) / (df + 0.5)) for k, df in self._df.items()}
        self._unknown_idf = 1.0 + math.log(n + 1)
        for w in self._wordings:
            w.total = sum(self._idf[k] * wt for k, wt in w.weights.items())
            w.scaled = {k: self._idf[k] * wt for k, wt in w.weights.items()}

    def _add_product(self, name: str) -> str:
        words = tuple(name.lower().split())
        key = " ".join(words)
        if words:
            entries = self._products.setdefault(words[0], [])
            if (words, key) not in entries:
                entries.append((words, key))
        return key

    def products_in(self, sentence: Sentence) -> set[str]:
        """Product names the sentence mentions: registry products and product-like names."""
        return self._products_in(sentence, set(_features(sentence).product_like))

    def _products_in(self, sentence: Sentence, found: set[str]) -> set[str]:
        products = self._products
        lowers = [t.lower for t in tokens(sentence) if not t.is_punct]
        for i, low in enumerate(lowers):
            if low not in products:
                continue
            for words, key in products[low]:
                if tuple(lowers[i : i + len(words)]) == words:
                    found.add(key)
        return found

    # ------------------------------------------------------------------ matching

    def match(self, claim: Claim, ctx: Context | None = None) -> Match | None:
        """The approved claim the sentence asserts, when it scores at least the threshold."""
        best = self._best(claim.sentence, ctx)
        if best is None or best.score < self.threshold:
            return None
        return Match(
            claim=best.wording.claim, score=round(best.score, 3), wording=best.wording.text
        )

    def nearest(self, claim: Claim, ctx: Context | None = None) -> Match | None:
        """The closest approved claim (score >= NEAR) even below the threshold, for hints."""
        best = self._best(claim.sentence, ctx)
        if best is None or best.score < NEAR:
            return None
        return Match(
            claim=best.wording.claim, score=round(best.score, 3), wording=best.wording.text
        )

    def _rarest(self, keys: Iterable[str]) -> tuple[str, ...]:
        """The terms whose postings retrieve candidates: the rarest few, common ones left out."""
        postings_of, df = self._postings, self._df
        known = sorted((k for k in keys if k in postings_of), key=lambda k: (df[k], k))
        used: list[str] = []
        for key in known[:RARE_TERMS]:
            if used and len(postings_of[key]) > MAX_POSTINGS:
                break  # only common terms are left: reading them would cost ~ registry size
            used.append(key)
        return tuple(used)

    def _candidates(self, rarest: tuple[str, ...]) -> list[int]:
        """Wordings holding the sentence's rarest terms, capped so cost stays flat."""
        postings_of, idf_of = self._postings, self._idf
        hits: dict[int, float] = {}
        get = hits.get
        for used, key in enumerate(rarest):
            postings = postings_of[key][:MAX_POSTINGS]
            self.stats.postings_read += len(postings)
            idf = idf_of[key]
            if not used:
                hits = dict.fromkeys(postings, idf)  # a posting list names a wording once
                get = hits.get
                continue
            for index in postings:
                hits[index] = get(index, 0.0) + idf
        self.stats.candidates = len(hits)
        # Highest summed idf first, lower index on ties (a stable sort keeps index order).
        top = sorted(hits)
        top.sort(key=hits.__getitem__, reverse=True)
        return top[:MAX_CANDIDATES]

    def _survivors(self, keys: Iterable[str], named: frozenset[str]) -> tuple[_Wording, ...]:
        """Candidate wordings that pass the product guard, in candidate order.

        Sentences about one product and endpoint share their rarest terms and named products,
        so the answer is kept by those (with the stats it set).
        """
        rarest = self._rarest(keys)
        plan = (rarest, named)
        found = self._plans.get(plan)
        if found is None:
            self.stats.postings_read = 0
            candidates = self._candidates(rarest)
            wordings = self._wordings
            survivors = tuple(
                w
                for w in (wordings[i] for i in candidates)
                if not (named and w.products and named.isdisjoint(w.products))
            )
            found = (survivors, len(candidates), self.stats.candidates, self.stats.postings_read)
            if len(self._plans) >= RECENT:
                self._plans.clear()
            self._plans[plan] = found
        survivors, scored, self.stats.candidates, self.stats.postings_read = found
        self.stats.scored = scored
        return survivors

    def _best(self, sentence: Sentence, ctx: Context | None) -> _Scored | None:
        # match() and then nearest() (for the CC101 hint) ask about the same sentence, and
        # drafts repeat sentences: remember recent answers.
        key = (sentence.text, ctx.product if ctx is not None else None)
        if key in self._recent:
            return self._recent[key]
        best = self._score(sentence, ctx)
        if len(self._recent) >= RECENT:
            self._recent.clear()
        self._recent[key] = best
        return best

    def _score(self, sentence: Sentence, ctx: Context | None) -> _Scored | None:
        self.stats.postings_read = 0
        features = _features(sentence)
        weights = features.weights
        if not weights:
            self.stats.candidates = self.stats.scored = 0
            return None
        idf_of, unknown = self._idf, self._unknown_idf
        sent_total = sum(idf_of.get(k, unknown) * wt for k, wt in weights.items())
        # idf x min(a, b) == min(idf x a, idf x b) for idf > 0: both sides scaled once.
        sent_scaled = {k: idf_of[k] * wt for k, wt in weights.items() if k in idf_of}
        sent_numbers = features.numbers
        named = frozenset(self._products_in(sentence, set(features.product_like)))
        has_effect = features.effect
        wanted = (ctx.product or "").lower() if ctx is not None else ""
        scored: list[_Scored] = []
        for w in self._survivors(weights, named):
            scaled = w.scaled
            shared = weights.keys() & scaled.keys()
            if w.endpoint and shared.isdisjoint(w.endpoint):
                continue
            overlap = sum(
                map(min, map(sent_scaled.__getitem__, shared), map(scaled.__getitem__, shared))
            )
            recall = overlap / w.total if w.total else 0.0
            precision = overlap / sent_total
            if not recall or not precision:
                continue
            score = (1 + BETA2) * precision * recall / (BETA2 * precision + recall)
            if w.effect and not has_effect:
                score *= NO_EFFECT_FACTOR
            if sent_numbers & w.numbers:
                score += NUMBER_BONUS
            if wanted and wanted in w.products:
                score += SCOPE_BONUS
            scored.append(_Scored(w, min(score, 1.0)))
        if not scored:
            return None
        scored.sort(key=lambda s: -s.score)
        top = [s for s in scored if s.score >= scored[0].score - 0.02]
        if len(top) > 1:
            from rapidfuzz.fuzz import token_set_ratio

            lower = sentence.text.lower()
            for s in top:
                s.ratio = token_set_ratio(lower, s.wording.text.lower())
            top.sort(key=lambda s: (-s.ratio, -s.score))
        return top[0]


_CACHE: list[tuple[Registry, Matcher]] = []


def _remember(registry: Registry, matcher: Matcher) -> None:
    _CACHE[:] = [(r, m) for r, m in _CACHE if r is not registry][-3:]
    _CACHE.append((registry, matcher))


def matcher_for(registry: Registry) -> Matcher:
    """The Matcher last built for this registry object, or a new one (kept, last 4)."""
    for reg, m in _CACHE:
        if reg is registry:
            return m
    return Matcher(registry)
