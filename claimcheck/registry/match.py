"""Find the approved claim a sentence asserts: an inverted index over every approved wording.

Each wording (text and variants) of each registry claim is reduced to normalised content
terms (`normalize.content`: lemmas without stopwords, synonyms mapped to concepts, numbers
set apart). Terms are weighted by IDF over claims and by kind (an endpoint such as OPTIME
counts more than a direction word such as DECREASE, which counts more than a study-design
word). A sentence's `RARE_TERMS` rarest terms retrieve: every wording holding one of them is
a candidate, however long its postings, and the answer is the one scoring every candidate
would give. Scoring is exact top-k (`topk.py`): an upper bound of the score is computed for
every candidate at once over arrays, and candidates are scored exactly in descending order
of it until no bound left can reach what the selection rules still read, so a registry that
grows costs a few array operations more per sentence, not a Python loop over its claims. What a sentence contributes
(weights, numbers, product names) is kept by its text; a Matcher keeps its answers by
sentence text, context product and review date.

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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck.model import ApprovedClaim, Candidate, Match
from claimcheck.registry.frame import context_spans, time_points
from claimcheck.registry.normalize import Number, content, numbers, tokens
from claimcheck.registry.topk import EPS, Postings, ranked

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from datetime import date

    import numpy as np

    from claimcheck.model import Claim, Context, Registry, Sentence

THRESHOLD = 0.38
NEAR = 0.30
BETA2 = 2.0  # beta = sqrt(2): recall counts twice as much as precision
POLARITY_FACTOR = 0.7  # one negates a term the other states
FIGURE_IDF = 2.0  # the most a figure term weighs, whatever its rarity
# How far below an old (retired, expired, superseded) claim a current one may score and still
# be chosen over it when the copy states nothing only the old claim says.
OLD_MARGIN = 0.3
SCOPE_BONUS = 0.03
CONTEXT_WEIGHT = 0.35  # terms of a leading "In a registry study of 8,420 procedures," phrase
NO_EFFECT_FACTOR = 0.75  # the wording states a change, the sentence none ("X is key to Y")
# How many of a sentence's terms retrieve candidates: its rarest, by how many claims hold them.
RARE_TERMS = 4
# A wording that states the copy's result figures is chosen over one that states none and
# scores up to this much more for each figure they share, two at most (shared words weigh
# more than figures in the score).
FIGURE_MARGIN = 0.1
# Below the threshold, a current wording that states every result figure of the copy and
# passes the guards is its match from this score up (`Matcher._stating`).
STATING_FLOOR = 0.2
_SPANS = ("week", "month", "year")
# Near-ties: wordings within TIE of the best score are ordered by word overlap (_score).
TIE = 0.02
# Nothing scoring below this can change an answer: match() reads scores from the threshold
# up and nearest() from NEAR up, and a near-tie group reaches TIE below its best.
FLOOR = min(NEAR, THRESHOLD) - TIE
# Up to this many candidates are all scored exactly: cheaper than bounding them over arrays.
FEW = 32
EXPLAIN_LIMIT = 48  # candidates `explain` lists (chosen first, then by score)
RECENT = 32768  # answers remembered per Matcher (by sentence text and context product): ~10 MB

# How much a term counts, by kind, on top of its IDF.
KIND_WEIGHT = {
    "figure": 0.4,
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
# A condition of use in an approved wording ("when used with a reduced-calorie diet", "when
# used as directed"): copy that shares only its words states the condition, not the result.
_WHEN_USED = re.compile(r"\bwhen\s+used\b[^,.;]*", re.IGNORECASE)
# Second halves of hyphenated compounds that say how a thing stands, not what it is: in
# "fragrance-free" or "water-resistant" what is measured is the first half, so sharing
# "free" with "tear-free" does not make two wordings about the same thing.
COMPOUND_HEADS = frozenset(
    ["free", "resistant", "proof", "friendly", "safe", "tested", "based", "like", "rich"]
)
# Words that never name a product even when capitalised mid-sentence.
_CAMEL = re.compile(r"^[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*$")
_MARKS = frozenset({"®", "™", "(R)", "(TM)"})


def _weights(sentence: Sentence) -> dict[str, float]:
    """Kind weight of each content term and figure; study-context and reporting frames count
    less. A figure is a term of its own ("#8.2%", "#15day"): two sentences that state the same
    figures are about the same finding, and the figure is what tells a superseded claim from
    the current one on the same endpoint."""
    start, end = context_spans(sentence.text)
    out: dict[str, float] = {}
    for t in content(sentence):
        outside = t.start < start or t.start >= end
        w = REPORT_WEIGHT if t.key in REPORT_WORDS else KIND_WEIGHT.get(t.kind, 1.0)
        w *= CONTEXT_WEIGHT if outside else 1.0
        out[t.key] = max(out.get(t.key, 0.0), w)
    for n in numbers(sentence):
        if n.role != "value":
            continue
        outside = n.start < start or n.start >= end
        w = KIND_WEIGHT["figure"] * (CONTEXT_WEIGHT if outside else 1.0)
        key = figure_key(n)
        out[key] = max(out.get(key, 0.0), w)
    return out


def figure_key(n: Number) -> str:
    """The term a figure stands for: its value and unit ("#8.2%", "#12week", "#3")."""
    unit = {"PERCENT": "%", None: ""}.get(n.unit, (n.unit or "").lower())
    return f"#{abs(n.value):g}{unit}"


@dataclass(slots=True)
class _Features:
    """What scoring needs from a sentence, whatever the registry (cached by text)."""

    weights: dict[str, float]
    numbers: frozenset[tuple[float, str | None]]
    effect: bool  # states a change (effect or comparison concept)
    product_like: set[str]
    negated: frozenset[str] = frozenset()  # terms under a negation ("no prescription")


_FEATURES: dict[str, _Features] = {}
_FEATURES_SIZE = 32768


def _features(sentence: Sentence) -> _Features:
    found = _FEATURES.get(sentence.text)
    if found is None:
        found = _Features(
            _weights(sentence),
            frozenset((abs(n.value), n.unit) for n in numbers(sentence) if n.role == "value"),
            any(t.kind in ("effect", "comparison") for t in content(sentence)),
            _product_like(sentence),
            _negated(sentence),
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
    negated: frozenset[str] = frozenset()  # terms under a negation ("does not need X")
    content: frozenset[str] = frozenset()  # endpoint concepts and words, no product names
    name_words: frozenset[str] = frozenset()  # words of the names of the claim's products
    total: float = 0.0
    scaled: dict[str, float] = field(default_factory=dict)  # term -> idf x kind weight


@dataclass(slots=True)
class _Side:
    """What a sentence brings to scoring against one index."""

    weights: dict[str, float]
    named: frozenset[str]  # products it names
    wanted: str  # the context's product
    virtual: set[str]  # words of the context's product, taken as stated
    sent_total: float
    sent_scaled: dict[str, float]
    has_effect: bool
    negated: frozenset[str]
    named_words: set[str]


@dataclass(slots=True)
class _Scored:
    wording: _Wording
    score: float
    ratio: float = 0.0
    trace: int | None = None  # its Candidate's index in an explain trace
    shared: frozenset[str] = frozenset()  # the terms it shares with the sentence


def _veto(trace: list[Candidate] | None, w: _Wording, why: str) -> None:
    if trace is not None:
        trace.append(Candidate(w.claim.id, w.text, 0.0, vetoed=why))


def _traced(trace: list[Candidate] | None, s: _Scored) -> _Scored:
    """A wording chosen by a selection rule, listed in an explain trace."""
    if trace is not None:
        trace.append(
            Candidate(
                s.wording.claim.id, s.wording.text, round(s.score, 3), tuple(sorted(s.shared))
            )
        )
        s.trace = len(trace) - 1
    return s


def _note(trace: list[Candidate] | None, s: _Scored, why: str) -> None:
    if trace is not None and s.trace is not None:
        trace[s.trace] = replace(trace[s.trace], passed_over=why)


def _negated(sentence: Sentence) -> frozenset[str]:
    """The content terms a negation scopes over ("does not need refrigeration": NEED and
    refrigeration; "with or without aura": aura), by the detector's ConText scope, and the
    term of a "non-" compound."""
    from claimcheck.detect import scopes

    spans = [(start, end) for kind, _, start, end in scopes(sentence) if kind == "negation"]
    text = sentence.text
    # "non-comedogenic" negates what "won't clog pores" negates.
    prefixed = {
        t.key for t in content(sentence) if text[max(0, t.start - 4) : t.start].lower() == "non-"
    }
    if not spans:
        return frozenset(prefixed)
    return (
        frozenset(t.key for t in content(sentence) if any(a <= t.start < b for a, b in spans))
        | prefixed
    )


def _endpoint(sentence: Sentence, names: set[str]) -> frozenset[str]:
    """What a wording measures: its content words and endpoint concepts in the claim proper
    (not product names, reporting words, comparators, effect, comparison, design, unit or
    generic words)."""
    from claimcheck.registry.frame import comparator_spans

    start, end = context_spans(sentence.text)
    against = comparator_spans(sentence.text)
    conditions = [m.span() for m in _WHEN_USED.finditer(sentence.text)]
    inside: set[str] = set()
    anywhere: set[str] = set()
    text = sentence.text
    for t in content(sentence):
        if t.kind not in ("endpoint", "word") or t.key in names or t.key in REPORT_WORDS:
            continue
        if t.key in COMPOUND_HEADS and text[t.start - 1 : t.start] == "-":
            continue  # "fragrance-free" measures fragrance; "tear-free" is not about it
        if any(a <= t.start < b for a, b in against):
            continue  # "versus conventional instrumentation": what it is measured against
        if any(a <= t.start < b for a, b in conditions):
            continue  # "when used with a reduced-calorie diet": how, not what is measured
        anywhere.add(t.key)
        if start <= t.start < end:
            inside.add(t.key)
    return frozenset(inside or anywhere)


def _result_figures(sentence: Sentence) -> frozenset[str]:
    """The figures that state a result: not a number that is part of a name ("OrbiSense 3",
    "PASI 75", "VELA-1"), which only says what the claim is about."""
    text = sentence.text
    out = set()
    for n in numbers(sentence):
        if n.role != "value":
            continue
        before = text[: n.start].rstrip(" -")
        word = before.split()[-1] if before.split() else ""
        if n.unit is None and word[:1].isupper() and not before.endswith((",", ";", ":")):
            continue
        out.add(figure_key(n))
    return frozenset(out)


def _measured(key: str) -> bool:
    """True for a figure term with a unit other than percent: "#1.2mmhg", "#60minute"."""
    unit = key.lstrip("#0123456789.,")
    return bool(unit) and unit != "%"


def _product_nouns() -> frozenset[str]:
    from claimcheck.detect.lexicon import lexicon

    return lexicon().product_nouns


@lru_cache(maxsize=256)
def _slug_words(product: str) -> frozenset[str]:
    """The words of a product's names and their term keys ("kids" and "kid")."""
    from claimcheck.registry.products import slug_names
    from claimcheck.segment import sentence_of

    names = slug_names(product)
    words = {w for name in names for w in name}
    for name in names:
        words |= {t.key for t in content(sentence_of(" ".join(name)))}
    return frozenset(words)


def _is_old(approved: ApprovedClaim, registry: Registry, as_of: date | None) -> bool:
    """True for a retired claim, one past its expiry, or one whose evidence is all out of date."""
    if approved.status == "retired":
        return True
    if as_of is not None and approved.expires is not None and approved.expires < as_of:
        return True
    cited = [registry.evidence[e] for e in approved.evidence if e in registry.evidence]
    return bool(cited) and all(ev.status in ("superseded", "withdrawn") for ev in cited)


@lru_cache(maxsize=8192)
def _strong_words(text: str) -> frozenset[str]:
    """Lemmas of a text's superlatives and absolutes ("only", "first", "every", "never")."""
    from claimcheck.detect import analyse
    from claimcheck.segment import sentence_of

    sentence = sentence_of(text)
    return frozenset(
        t.lemma
        for c in analyse(sentence).of("superlative") + analyse(sentence).of("absolute")
        for t in sentence.tokens
        if c.start <= t.start and t.end <= c.end and not t.is_punct and t.lemma not in _FILLER
    )


_FILLER = frozenset({"the", "a", "an", "and", "of", "in", "to", "be"})
_NO_OTHER = re.compile(r"\bno\s+other\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Copy:
    """What a sentence states that tells an old claim from a current one."""

    figures: frozenset[str]
    strong: frozenset[str]
    keys: frozenset[str]

    @classmethod
    def of(cls, claim: Claim, features: _Features) -> _Copy:
        toks = tokens(claim.sentence)
        cues = [c for c in claim.cues if c.kind in ("superlative", "absolute") and not c.negated]
        strong = frozenset(
            t.lemma
            for c in cues
            for t in toks
            if c.start <= t.start and t.end <= c.end and t.lemma not in _FILLER
        )
        if _NO_OTHER.search(claim.sentence.text):
            strong |= {"only"}  # "no other weekly injection has shown" is "the only one"
        keys = frozenset(features.weights)
        return cls(_result_figures(claim.sentence), strong, keys)

    def restates(self, old: _Wording) -> bool:
        """True when the copy states the old wording's figures and superlatives (if it has any)."""
        strong = _strong_words(old.text)
        return (not old.numbers or bool(self.figures & old.numbers)) and (
            not strong or bool(self.strong & strong)
        )

    def distinct(self, old: _Wording, current: _Wording) -> bool:
        """True when the copy states something of the old wording no current wording says."""
        wordings = current.claim.wordings
        figures = set().union(*(_figure_keys(t) for t in wordings))
        strong = set().union(*(_strong_words(t) for t in wordings))
        words = set().union(*(_content_keys(t) for t in wordings))
        if self.figures & (old.numbers - figures) or self.strong & (
            _strong_words(old.text) - strong
        ):
            return True
        # A figure after a name ("SPF 45") is no result figure, but the copy that states the
        # old one where every current wording states another ("SPF 50") restates the old claim.
        named = set().union(*(_all_figure_keys(t) for t in wordings))
        if self.keys & (_all_figure_keys(old.text) - named) and named - self.keys:
            return True
        own = {
            k
            for k, wt in old.weights.items()
            if not k.startswith("#") and wt >= KIND_WEIGHT["word"] and k not in old.products
        }
        return bool(self.keys & (own - words))


@lru_cache(maxsize=8192)
def _figure_keys(text: str) -> frozenset[str]:
    from claimcheck.segment import sentence_of

    return _result_figures(sentence_of(text))


@lru_cache(maxsize=8192)
def _findings(text: str) -> frozenset[str]:
    """The result figures of a text that are not time points ("15.1%", not "week 68")."""
    from claimcheck.segment import sentence_of

    sentence = sentence_of(text)
    values = [n for n in numbers(sentence) if n.role == "value"]
    if not values:
        return frozenset()  # most copy states no figure
    spans = []
    for words, _ in time_points(text):
        at = text.find(words)
        if at >= 0:
            spans.append((at, at + len(words)))
    results = _result_figures(sentence)
    return frozenset(
        figure_key(n)
        for n in values
        if not any(a <= n.start < b for a, b in spans) and figure_key(n) in results
    )


@lru_cache(maxsize=8192)
def _finding_numbers(text: str) -> tuple[Number, ...]:
    """The numbers of a text's `_findings`."""
    from claimcheck.segment import sentence_of

    keys = _findings(text)
    return tuple(
        n for n in numbers(sentence_of(text)) if n.role == "value" and figure_key(n) in keys
    )


def _states(text: str, n: Number, other_text: str, m: Number) -> bool:
    """True when a wording's figure `m` states the copy's figure `n`. A figure in words
    ("about two-thirds") is loose: it must also be a share of the same thing ("nearly half
    of patients" and "49% of patients", not "two-thirds of the weight" and "67% of adults")."""
    if not n.same(m):
        return False
    if n.low is None:
        return True
    a, b = _share_of(text, n.end), _share_of(other_text, m.end)
    return a is None or b is None or a == b


def _share_of(text: str, end: int) -> str | None:
    """The term key of what a figure is a share of ("49% of patients": PATIENT)."""
    from claimcheck.segment import sentence_of

    found = _OF_WHAT.match(text, end)
    if found is None:
        return None
    keys = [t.key for t in content(sentence_of(found.group(1)))]
    return keys[0] if keys else None


_OF_WHAT = re.compile(r"\s*(?:\([^)]*\)\s*)?of\s+(?:the\s+|their\s+|all\s+)?([\w-]+)", re.I)


def _is_span(n: Number) -> bool:
    return figure_key(n).endswith(_SPANS)


@lru_cache(maxsize=8192)
def _all_figure_keys(text: str) -> frozenset[str]:
    """Every figure term of a text, a figure after a name included ("#45" of "SPF 45")."""
    from claimcheck.segment import sentence_of

    return frozenset(figure_key(n) for n in numbers(sentence_of(text)) if n.role == "value")


@lru_cache(maxsize=8192)
def _content_keys(text: str) -> frozenset[str]:
    from claimcheck.segment import sentence_of

    return frozenset(_weights(sentence_of(text)))


@dataclass(slots=True)
class Stats:
    """What the last call to `match`/`nearest` did (tests assert on it)."""

    candidates: int = 0  # wordings retrieved (holding a retrieving term), any product
    scored: int = 0  # wordings scored exactly (the rest were bounded below what counts)
    postings_read: int = 0  # postings entries read, arrays included


def _product_like(sentence: Sentence) -> set[str]:
    """CamelCase or trademark-marked names: 'ArcGuide', 'OrthoNav®'."""
    toks = tokens(sentence)
    out = set()
    for i, t in enumerate(toks):
        text = t.text
        if t.is_punct or not text[:1].isalpha():
            continue
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        rest = text[1:]
        # A word with no capital after its first letter is never CamelCase.
        if nxt in _MARKS or (rest != rest.lower() and _camel(text)):
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
        self._recent: dict[tuple, tuple[_Scored | None, _Scored | None]] = {}
        self._old: dict[tuple[str, date | None], bool] = {}
        self._plans: dict[tuple[tuple[str, ...], frozenset[str]], tuple] = {}
        self._build()
        _remember(registry, self)

    # ------------------------------------------------------------------ index

    def _build(self) -> None:
        from claimcheck.registry.products import names_in, slug_names
        from claimcheck.segment import sentence_of

        # A product's names are the names of every claim scoped to it ("Velzura" and
        # "ostrakizumab" both name velzura): a claim is about all its products' names.
        own: list[set[str]] = []
        by_slug: dict[str, set[str]] = {}
        parsed_all = []
        for approved in self.registry.claims:
            names: set[str] = set()
            for slug in approved.scope.products or ():
                names |= {self._add_product(" ".join(n)) for n in slug_names(slug)}
            parsed = []
            for text in approved.wordings:
                sentence = sentence_of(text)
                found = _product_like(sentence) | names_in(text)
                names |= {self._add_product(p) for p in found}
                parsed.append((text, sentence))
            own.append(names)
            parsed_all.append(parsed)
            for slug in approved.scope.products or ():
                by_slug.setdefault(slug, set()).update(names)
        claim_terms: list[set[str]] = []
        for approved, names, parsed in zip(self.registry.claims, own, parsed_all, strict=True):
            for slug in approved.scope.products or ():
                names = names | by_slug[slug]
            # Product names and product nouns ("tablet", "sensor") say what the claim is
            # about, not what it measures.
            name_words = {w for n in names for w in n.split()} | _product_nouns()
            seen: set[str] = set()
            for text, sentence in parsed:
                weights = _weights(sentence)
                index = len(self._wordings)
                self._wordings.append(
                    _Wording(
                        approved,
                        text,
                        weights,
                        _endpoint(sentence, name_words),
                        _result_figures(sentence),
                        frozenset(names),
                        any(t.kind in ("effect", "comparison") for t in content(sentence)),
                        _negated(sentence),
                        frozenset(
                            t.key
                            for t in content(sentence)
                            if t.kind in ("endpoint", "word") and t.key not in name_words
                        ),
                        frozenset(w for n in names for w in n.split()),
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
        # A figure is rare in any registry; it tells findings apart, but a wording's many
        # figures must not outweigh its words when copy quotes one of them.
        for k in self._idf:
            if k.startswith("#"):
                self._idf[k] = min(self._idf[k], FIGURE_IDF)
        self._unknown_idf = 1.0 + math.log(n + 1)
        for w in self._wordings:
            w.total = sum(self._idf[k] * wt for k, wt in w.weights.items())
            w.scaled = {k: self._idf[k] * wt for k, wt in w.weights.items()}
        self._arrays = Postings(self._wordings, self._postings)

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
        best, _ = self._best(claim, ctx)
        if best is None or best.score < self.threshold:
            return None
        return Match(
            claim=best.wording.claim,
            score=round(best.score, 3),
            wording=best.wording.text,
            shared=tuple(sorted(best.shared)),
        )

    def nearest(self, claim: Claim, ctx: Context | None = None) -> Match | None:
        """The closest approved claim (score >= NEAR) even below the threshold, for hints."""
        best, raw = self._best(claim, ctx)
        if best is None or best.score < self.threshold:
            best = raw
        if best is None or best.score < NEAR:
            return None
        return Match(
            claim=best.wording.claim, score=round(best.score, 3), wording=best.wording.text
        )

    def explain(self, claim: Claim, ctx: Context | None = None) -> list[Candidate]:
        """Every wording the index retrieved for the sentence, scored, with the guard or the
        selection rule that set it aside: the chosen one first, then by score, at most
        EXPLAIN_LIMIT of them (for `claimcheck explain`)."""
        out: list[Candidate] = []
        chosen, _ = self._select(claim, ctx, trace=out)
        if chosen is not None and chosen.score >= self.threshold and chosen.trace is not None:
            out[chosen.trace] = replace(out[chosen.trace], chosen=True)
        out.sort(key=lambda c: (not c.chosen, -c.score))
        return out[:EXPLAIN_LIMIT]

    def _rarest(self, keys: Iterable[str]) -> tuple[str, ...]:
        """The terms whose postings retrieve candidates: the sentence's RARE_TERMS rarest."""
        postings_of, df = self._postings, self._df
        # A bare figure or a percentage scores but does not retrieve ("12%" stands in claims
        # on every endpoint); a measurement does ("1.2 mmHg", "60 minutes").
        known = sorted(
            (k for k in keys if k in postings_of and (not k.startswith("#") or _measured(k))),
            key=lambda k: (df[k], k),
        )
        return tuple(known[:RARE_TERMS])

    def _held_idf(self, rarest: tuple[str, ...], index: int) -> float:
        """The summed idf of the retrieving terms a wording holds: candidates are taken in
        descending order of it, lower index first, and equal scores keep that order."""
        scaled, idf = self._wordings[index].scaled, self._idf
        total = 0.0
        for key in rarest:
            if key in scaled:
                total += idf[key]
        return total

    def _plan(
        self, rarest: tuple[str, ...], named: frozenset[str]
    ) -> tuple[np.ndarray, list[int], int, int]:
        """The candidates of these retrieving terms and named products (ascending, as an array
        and a list), with how many wordings held a term and how many postings were read.
        Sentences about one product and endpoint share them."""
        key = (rarest, named)
        found = self._plans.get(key)
        if found is None:
            candidates, count, read = self._arrays.candidates(rarest, named)
            if len(self._plans) >= RECENT:
                self._plans.clear()
            found = self._plans[key] = (candidates, candidates.tolist(), count, read)
        return found

    def _is_old_at(self, claim: ApprovedClaim, as_of: date | None) -> bool:
        """`_is_old`, remembered by claim id and review date."""
        key = (claim.id, as_of)
        found = self._old.get(key)
        if found is None:
            found = self._old[key] = _is_old(claim, self.registry, as_of)
        return found

    def _best(self, claim: Claim, ctx: Context | None) -> tuple[_Scored | None, _Scored | None]:
        # match() and then nearest() (for the CC101 hint) ask about the same sentence, and
        # drafts repeat sentences: remember recent answers.
        sentence = claim.sentence
        key = (
            sentence.text,
            ctx.product if ctx is not None else None,
            ctx.as_of if ctx is not None else None,
        )
        found = self._recent.get(key)
        if found is None:
            found = self._select(claim, ctx)
            if len(self._old) >= RECENT:
                self._old.clear()
            if len(self._recent) >= RECENT:
                self._recent.clear()
            self._recent[key] = found
        return found

    def _select(
        self,
        claim: Claim,
        ctx: Context | None,
        trace: list[Candidate] | None = None,
        floor: float = FLOOR,
    ) -> tuple[_Scored | None, _Scored | None]:
        """The wording the sentence asserts, and the best-scoring one whatever the rules say.

        A current claim outranks a retired, expired or superseded one on the same endpoint:
        an old claim is chosen only when the copy states what it says (its figures and its
        superlatives, when it has any) and, if a current claim scores close to it, something
        only the old claim says (a figure, a superlative or a content word the current one
        lacks). "The most accurate CGM" is not a restatement of an expired "only CGM with a
        MARD below 9%"; "a MARD of 9.6%" is one of the superseded 9.6% claim.
        """
        scored = self._score(claim.sentence, ctx, trace, floor)
        if not scored:
            return None, None
        raw = scored[0]
        as_of = ctx.as_of if ctx is not None else None
        copy = _Copy.of(claim, _features(claim.sentence))
        viable = []
        for s in scored:
            if self._is_old_at(s.wording.claim, as_of) and not copy.restates(s.wording):
                _note(trace, s, "old claim the copy does not restate (its figures or wording)")
                continue
            viable.append(s)
        successor = self._successor(claim, ctx, raw, copy, trace)
        if successor is not None:
            return successor, raw
        if not viable or viable[0].score < self.threshold:
            stated = self._stating(claim, ctx, trace)
            if stated is not None:
                return stated, raw
        if not viable:
            return None, raw
        top = viable[0]
        said = _findings(claim.sentence.text)
        if said and not _findings(top.wording.text) & said:
            # The figures decide between wordings on the same endpoint: "lost an average of
            # 15.1% ... versus 2.4%" is the claim that states 15.1% and 2.4%, not the one on
            # the share who lost 10% that happens to share more of its words.
            for s in viable[1:]:
                if s.score < top.score - 2 * FIGURE_MARGIN:
                    break
                agree = len(_findings(s.wording.text) & said)
                if s.score >= max(self.threshold, top.score - min(agree, 2) * FIGURE_MARGIN):
                    _note(trace, top, f"{s.wording.claim.id} states the copy's figures")
                    top = s
                    break
        if self._is_old_at(top.wording.claim, as_of):
            for s in viable[1:]:
                if self._is_old_at(s.wording.claim, as_of):
                    continue
                close = s.score >= self.threshold and s.score >= top.score - OLD_MARGIN
                if close and not copy.distinct(top.wording, s.wording):
                    _note(trace, top, f"current claim {s.wording.claim.id} outranks it")
                    top = s
                break
        return top, raw

    def _stating(
        self, claim: Claim, ctx: Context | None, trace: list[Candidate] | None
    ) -> _Scored | None:
        """The current claim whose wording states every result figure of the copy, when no
        wording reaches the threshold on words: "Stanchra achieves haemostasis within 3
        minutes" is the claim on haemostasis within 3 minutes, whose long wording (trial,
        rates, comparator) the short copy covers too little of to score. The wording must
        pass the guards (it shares what is measured); it is chosen at the threshold score.
        """
        # A span of weeks, months or years ("two years on") says when, not what was found.
        said = [n for n in _finding_numbers(claim.sentence.text) if not _is_span(n)]
        if not said:
            return None
        as_of = ctx.as_of if ctx is not None else None
        side = self._side(claim.sentence, ctx)
        if side is None:
            return None
        if any(n.low is not None for n in said):
            # A figure in words ("nearly half") covers values no term names: the wordings
            # sharing a word with the copy are the candidates.
            indexes: Iterable[int] = sorted(
                {
                    i
                    for k in side.weights
                    if not k.startswith("#")
                    for i in self._postings.get(k, ())
                }
            )
        else:
            first = min((figure_key(n) for n in said), key=lambda k: len(self._postings.get(k, ())))
            indexes = self._postings.get(first, ())
        chosen: _Scored | None = None
        for i in indexes:
            w = self._wordings[i]
            if self._is_old_at(w.claim, as_of):
                continue
            stated = _finding_numbers(w.text)
            if not all(
                any(_states(claim.sentence.text, n, w.text, m) for m in stated) for n in said
            ):
                continue
            one = self._score_one(w, side, None)
            if one is None or one.score < STATING_FLOOR:
                continue
            if chosen is None or one.score > chosen.score:
                chosen = one
        if chosen is None:
            return None
        return _traced(
            trace, _Scored(chosen.wording, max(chosen.score, self.threshold), shared=chosen.shared)
        )

    def _successor(
        self,
        claim: Claim,
        ctx: Context | None,
        best: _Scored,
        copy: _Copy,
        trace: list[Candidate] | None,
    ) -> _Scored | None:
        """The current claim that takes the place of an old best match, or None.

        When the best-scoring wording is an old claim's that the copy restates (`_Copy.restates`)
        and a current claim's wording shares with the copy every term the old one shares (the
        same product, endpoint and time point: "stops migraine pain in 2 hours" against a phase-2 "pain-free at 2 hours" and
        the phase-3 "pain-free 2 hours after a single dose"), the copy is about the current
        claim unless it states something only the old one says. The current wording is
        chosen at the old one's score: that score says how closely the copy states the
        endpoint, which the current claim's longer wording would understate.
        """
        as_of = ctx.as_of if ctx is not None else None
        if best.score < self.threshold or not self._is_old_at(best.wording.claim, as_of):
            return None
        if not copy.restates(best.wording):
            return None  # the old claim is passed over anyway
        keys = sorted(best.shared, key=lambda k: len(self._postings.get(k, ())))
        if not keys or keys[0] not in self._postings:
            return None
        side = self._side(claim.sentence, ctx)
        if side is None:
            return None
        chosen: _Scored | None = None
        for i in self._postings[keys[0]]:
            w = self._wordings[i]
            if w.claim is best.wording.claim or self._is_old_at(w.claim, as_of):
                continue
            if not all(k in w.scaled for k in keys):
                continue
            one = self._score_one(w, side, None)
            if one is None or not best.shared <= one.shared:
                continue
            if copy.distinct(best.wording, w):
                continue
            if chosen is None or one.score > chosen.score:
                chosen = one
        if chosen is None:
            return None
        _note(trace, best, f"current claim {chosen.wording.claim.id} states all it shares")
        return _traced(trace, _Scored(chosen.wording, best.score, shared=chosen.shared))

    def _side(self, sentence: Sentence, ctx: Context | None) -> _Side | None:
        """What the sentence brings to scoring against this index (None: no terms)."""
        features = _features(sentence)
        weights = dict(features.weights)
        if not weights:
            return None
        named = frozenset(self._products_in(sentence, set(features.product_like)))
        wanted = (ctx.product or "").lower() if ctx is not None else ""
        # No product named: in a product's document the sentence is about that product, so
        # a wording's mention of it is taken as stated (it costs the sentence nothing when
        # the wording does not name it).
        virtual = (
            {w for w in _slug_words(wanted) if w in self._idf and w not in weights}
            if wanted and not named
            else set()
        )
        idf_of, unknown = self._idf, self._unknown_idf
        return _Side(
            weights=weights,
            named=named,
            wanted=wanted,
            virtual=virtual,
            sent_total=sum(idf_of.get(k, unknown) * wt for k, wt in weights.items()),
            # idf x min(a, b) == min(idf x a, idf x b) for idf > 0: both sides scaled once.
            sent_scaled={k: idf_of[k] * wt for k, wt in weights.items() if k in idf_of},
            has_effect=features.effect,
            negated=features.negated,
            named_words={word for name in named for word in name.split()},
        )

    def _score(
        self,
        sentence: Sentence,
        ctx: Context | None,
        trace: list[Candidate] | None = None,
        floor: float = FLOOR,
    ) -> list[_Scored]:
        """Candidate wordings that pass the guards, best first (near-ties by word overlap).

        Every wording holding a retrieving term is a candidate. With a trace (explain), each
        is scored. Otherwise wordings are scored in descending order of their array bound
        (`topk.Postings.bounds`: the same formula without the guards and the polarity
        factor, which only veto or lower a score) while
        a bound can still reach max(floor, s - TIE), s the best score of a current claim so
        far. What is left out cannot change `_select`'s answer where it counts: a wording
        below s - TIE is outside the near-tie group and comes after that current claim, so
        it is neither the first viable wording nor the first current one after an old one;
        below FLOOR, no near-tie group or threshold reaches it. So match() and nearest()
        answer as if every candidate had been scored, whatever the registry's size.
        """
        stats = self.stats
        stats.candidates = stats.scored = stats.postings_read = 0
        side = self._side(sentence, ctx)
        if side is None:
            return []
        rarest = self._rarest(side.weights)
        candidates, indexes, stats.candidates, stats.postings_read = self._plan(rarest, side.named)
        wordings = self._wordings
        found: list[tuple[_Scored, int]] = []
        if trace is not None or len(indexes) <= FEW:
            if trace is not None:
                indexes = sorted(indexes, key=lambda i: (-self._held_idf(rarest, i), i))
            stats.scored = len(indexes)
            for i in indexes:
                one = self._score_one(wordings[i], side, trace)
                if one is not None:
                    found.append((one, i))
        else:
            implied = {k: side.sent_scaled[k] for k in side.named_words if k in side.sent_scaled}
            bounds, read = self._arrays.bounds(
                candidates,
                side.sent_scaled,
                side.sent_total,
                side.virtual,
                implied,
                beta2=BETA2,
                no_effect=None if side.has_effect else NO_EFFECT_FACTOR,
                bonus=(side.wanted, SCOPE_BONUS) if side.wanted else None,
            )
            stats.postings_read += read
            as_of = ctx.as_of if ctx is not None else None
            theta = floor
            # A wording that states the copy's figures is chosen over one up to twice
            # FIGURE_MARGIN above it that states none (`_select`): below a wording that
            # states none of them, those must be scored too.
            said = _findings(sentence.text)
            for i, bound in ranked(candidates, bounds, floor):
                if bound < theta - EPS:
                    break
                stats.scored += 1
                one = self._score_one(wordings[i], side, None)
                if one is None:
                    continue
                found.append((one, i))
                if self._is_old_at(one.wording.claim, as_of):
                    continue
                agrees = not said or bool(_findings(one.wording.text) & said)
                theta = max(theta, one.score - (TIE if agrees else 2 * FIGURE_MARGIN))
        if not found:
            return []
        # Best first; equal scores in candidate order (more idf of retrieving terms held, then
        # lower index), as scoring every candidate in that order and sorting stably gives.
        found.sort(key=lambda si: (-si[0].score, si[1]))
        for a, b in _equal_runs([one.score for one, _ in found]):
            found[a:b] = sorted(found[a:b], key=lambda si: (-self._held_idf(rarest, si[1]), si[1]))
        scored = [one for one, _ in found]
        top = [s for s in scored if s.score >= scored[0].score - TIE]
        if len(top) > 1:
            from rapidfuzz.fuzz import token_set_ratio

            lower = sentence.text.lower()
            for s in top:
                s.ratio = token_set_ratio(lower, s.wording.text.lower())
            top.sort(key=lambda s: (-s.ratio, -s.score))
            scored[: len(top)] = top
        return scored

    def _score_one(self, w: _Wording, side: _Side, trace: list[Candidate] | None) -> _Scored | None:
        """One wording's score against the sentence; None when a guard vetoes it or they
        share nothing that counts."""
        weights, sent_scaled, virtual = side.weights, side.sent_scaled, side.virtual
        scaled = w.scaled
        shared = weights.keys() & scaled.keys()
        if w.endpoint and shared.isdisjoint(w.endpoint):
            _veto(trace, w, "endpoint: shares none of " + ", ".join(sorted(w.endpoint)[:6]))
            return None
        # One negates what the other states ("does not need refrigeration" against
        # "needs refrigeration"): counted against the match, not a veto, since wordings
        # say the same thing both ways ("non-drowsy", "won't make you drowsy").
        flips = (side.negated ^ w.negated) & shared
        flipped = bool(flips)
        if flipped and flips <= w.negated and shared & w.endpoint <= flips:
            # The copy asserts everything the wording measures and negates: "clogs pores"
            # against "non-comedogenic" says the opposite, however many words they share.
            _veto(trace, w, "polarity: one negates " + ", ".join(sorted(flips)[:6]))
            return None
        if shared.isdisjoint(w.content) and shared.isdisjoint(w.numbers):
            # Product names, generic words and comparators say what a claim is about and
            # how it is framed; a match needs a word of what it says, or one of its figures.
            _veto(trace, w, "shares only product names and generic words")
            return None
        overlap = sum(
            map(min, map(sent_scaled.__getitem__, shared), map(scaled.__getitem__, shared))
        )
        filled = sum(scaled[k] for k in virtual if k in scaled) if virtual else 0.0
        if filled:
            shared = shared | (virtual & scaled.keys())
        # The copy names the claim's product where the wording does not ("Velzura" in copy,
        # "78% of week 52 responders" in the wording): the name is stated, not extra.
        implied = 0.0
        for key in side.named_words:
            if key not in scaled and key in sent_scaled and key in w.name_words:
                implied += sent_scaled[key]
        recall = (overlap + filled + implied) / (w.total + implied) if w.total else 0.0
        precision = (overlap + filled + implied) / (side.sent_total + filled)
        if not recall or not precision:
            return None
        score = (1 + BETA2) * precision * recall / (BETA2 * precision + recall)
        if w.effect and not side.has_effect:
            score *= NO_EFFECT_FACTOR
        if flipped:
            score *= POLARITY_FACTOR
        if side.wanted and side.wanted in w.products:
            score += SCOPE_BONUS
        found = _Scored(w, min(score, 1.0), shared=frozenset(shared))
        if trace is not None:
            trace.append(
                Candidate(w.claim.id, w.text, round(found.score, 3), tuple(sorted(shared)))
            )
            found.trace = len(trace) - 1
        return found


def _equal_runs(values: list[float]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of two or more equal values in a list."""
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if i - start > 1:
                yield start, i
            start = i


def _remember(registry: Registry, matcher: Matcher) -> None:
    from claimcheck.registry.memo import registry_memo

    registry_memo(registry)["matcher"] = matcher


def matcher_for(registry: Registry) -> Matcher:
    """The Matcher last built for this registry object, or a new one (kept with the
    registry: claimcheck.registry.memo)."""
    from claimcheck.registry.memo import registry_memo

    found = registry_memo(registry).get("matcher")
    return found if found is not None else Matcher(registry)
