"""Find the cues of a sentence and decide whether it is a claim.

`analyse(sentence) -> Claim` always returns every cue (see docs/architecture.md "Cue kinds")
and the claim strength on the Yu et al. scale; `detect(sentence) -> Claim | None` returns it
only for claim-like sentences. Cue words are data (rules/lexicon-*.yaml). Negation and hedge
cues scope over their neighbours as in ConText (medspaCy): each has a direction and a maximum
scope in tokens, cut short by terminators ("but", "which", ",", ...); pseudo-cues ("not only",
"no doubt") look like negations but block them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from claimcheck.detect.decide import CLAIM_KINDS, NON_CLAIM_KINDS, decide
from claimcheck.detect.lexicon import LexHit, Lexicon, lexicon
from claimcheck.detect.numbers import numbers
from claimcheck.model import STRENGTH_NONE, Claim, Cue, Decision, Sentence, Token
from claimcheck.segment import tokens_of

__all__ = [
    "analyse",
    "detect",
    "decide",
    "reading",
    "scopes",
    "screen",
    "states",
    "NON_CLAIM_KINDS",
    "CLAIM_KINDS",
]

TRIGGERS = ("negation", "hedge", "pseudo")
# Cue kinds whose phrases carry their own negation or hedge ("no side effects", "no risk",
# "do not use", "up to"): a trigger inside one is part of it.
SWALLOWING = frozenset(
    {
        "red-flag",
        "absolute",
        "safety",
        "cta",
        "superlative",
        "comparative",
        "population",
        "effect",
        "causal",
        "correlational",
        "intensifier",
        "standing",
    }
)
# Lexicon kinds the detector uses itself but does not report as cues.
INTERNAL_KINDS = frozenset({"pseudo", "agenda"})
_TRIGGER_RANK = {"pseudo": 2, "hedge": 1, "negation": 0}


def _resolve(hits: list[LexHit]) -> list[LexHit]:
    """Keep the longest non-overlapping match per group; pseudo-cues cancel what they overlap."""
    hits.sort(key=lambda h: (h.start, h.start - h.end, -_TRIGGER_RANK.get(h.entry.kind, 0)))
    kept: list[LexHit] = []
    last_end: dict[str, int] = {}
    for h in hits:
        kind = h.entry.kind
        # Negations and hedges compete for the same words ("not necessarily" is a hedge).
        group = "trigger" if kind in ("negation", "hedge") else kind
        if h.start < last_end.get(group, 0):
            continue
        kept.append(h)
        last_end[group] = h.end
    pseudo = [h for h in kept if h.entry.kind == "pseudo"]
    # A negation or hedge word inside a longer cue of another kind is part of that cue
    # ("no side effects", "do not use", "no risk"); one overlapping a pseudo-cue is no cue.
    # Cues that only classify a sentence (a disclaimer, a harm, an attribute) leave it be:
    # "does not guarantee" still negates "guarantee".
    others = [h for h in kept if h.entry.kind not in TRIGGERS and h.entry.kind in SWALLOWING]
    out = []
    for h in kept:
        if h.entry.kind not in TRIGGERS and any(
            p.start < h.end and h.start < p.end and h.end - h.start <= p.end - p.start
            for p in pseudo
        ):
            # "every day" is a frequency, "the first year" a time: not claim cues (a longer
            # cue that holds the pseudo-cue stands: "about as well as")
            continue
        if h.entry.kind in ("negation", "hedge") and (
            any(p.start < h.end and h.start < p.end for p in pseudo)
            or any(
                o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                for o in others
            )
        ):
            continue
        out.append(h)
    return out


def _scopes(
    hits: list[LexHit], tokens: tuple[Token, ...], lex: Lexicon
) -> dict[str, list[tuple[int, int, int, int, bool]]]:
    """Token ranges [lo, hi) each negation/hedge trigger covers, with the trigger's own span.

    The last item is True for hedges that leave claim strength alone (ability "can").
    """
    n = len(tokens)
    term = lex.terminators
    out: dict[str, list[tuple[int, int, int, int, bool]]] = {"negation": [], "hedge": []}
    for h in hits:
        kind = h.entry.kind
        if kind not in out:
            continue
        e, reach = h.entry, h.entry.scope or 8
        lo, hi = h.start, h.end
        if e.direction in ("forward", "bidirectional"):
            j = h.end
            while j < n and j < h.end + reach and tokens[j].lower not in term:
                j += 1
            hi = j
        if e.direction in ("backward", "bidirectional"):
            j = h.start
            while j > 0 and j > h.start - reach and tokens[j - 1].lower not in term:
                j -= 1
            lo = j
        certain = h.end - h.start == 1 and tokens[h.start].lower in lex.certain_hedges
        out[kind].append((lo, hi, h.start, h.end, certain))
    return out


# Sentence text -> (cues, strength, relation), for sentences that carry no tokens of their own
# (as segment() makes them): boilerplate repeats across and within drafts.
_SEEN: dict[str, tuple[tuple[Cue, ...], int, int]] = {}
_SEEN_SIZE = 8192
# (sentence text, block kind, product names) -> the Decision on it.
_DECIDED: dict[tuple[str, str, frozenset[tuple[str, ...]]], Decision] = {}


def _seen(sentence: Sentence) -> tuple[tuple[Cue, ...], int, int]:
    """The analysis of a token-less sentence (cached by text)."""
    found = _SEEN.get(sentence.text)
    if found is None:
        claim = _analyse(sentence)
        found = (claim.cues, claim.strength, claim.relation)
        if len(_SEEN) >= _SEEN_SIZE:
            _SEEN.clear()
        _SEEN[sentence.text] = found
    return found


# Sentence text -> its resolved lexicon hits, and its figures: screen(), analysis and scopes()
# ask for the same ones (for sentences without tokens of their own, as for _SEEN).
_HITS: dict[str, list[LexHit]] = {}
_FIGURES: dict[str, tuple[tuple[int, int, tuple[float, str | None]], ...]] = {}


def _resolved(sentence: Sentence, tokens: tuple[Token, ...], lex: Lexicon) -> list[LexHit]:
    """The lexicon hits that stand (`_resolve`), cached by text; callers must not modify them."""
    if sentence.tokens:
        return _resolve(lex.match(tokens))
    found = _HITS.get(sentence.text)
    if found is None:
        if len(_HITS) >= _SEEN_SIZE:
            _HITS.clear()
        found = _HITS[sentence.text] = _resolve(lex.match(tokens))
    return found


def _figures(text: str) -> tuple[tuple[int, int, tuple[float, str | None]], ...]:
    """`numbers(text)` as a tuple, cached by text."""
    found = _FIGURES.get(text)
    if found is None:
        if len(_FIGURES) >= _SEEN_SIZE:
            _FIGURES.clear()
        found = _FIGURES[text] = tuple(numbers(text))
    return found


def analyse(sentence: Sentence) -> Claim:
    """Every cue of a sentence, with ConText negation/hedge scope, and its claim strength."""
    if sentence.tokens:
        return _analyse(sentence)
    cues, strength, relation = _seen(sentence)
    return Claim(sentence=sentence, cues=cues, strength=strength, relation=relation)


def _analyse(sentence: Sentence) -> Claim:
    lex = lexicon()
    tokens = tokens_of(sentence)
    text = sentence.text
    hits = _resolved(sentence, tokens, lex)
    starts = [t.start for t in tokens]
    spans: list[tuple[str, int, int, int, int, str | None, object]] = []
    for h in hits:
        if h.entry.kind in INTERNAL_KINDS:
            continue
        s, e = tokens[h.start].start, tokens[h.end - 1].end
        spans.append((h.entry.kind, s, e, h.start, h.end, h.entry.id, h.entry.value))
    figures = _figures(text)
    for s, e, value in figures:
        ti = max(bisect_right(starts, s) - 1, 0)
        spans.append(("number", s, e, ti, ti + 1, None, value))
    if figures:
        # "more than three-quarters of users": the approximator belongs to the figure.
        spans = [
            sp
            for sp in spans
            if sp[0] not in ("comparative", "effect", "absolute")
            or not any(s <= sp[1] and sp[2] <= e and e - s > sp[2] - sp[1] for s, e, _ in figures)
        ]
    stripped = text.rstrip()
    if stripped.endswith("?"):
        q = len(stripped) - 1
        spans.append(("question", q, q + 1, len(tokens) - 1, len(tokens), None, None))
    scopes = _scopes(hits, tokens, lex)
    cues = []
    where: list[tuple[int, int, bool]] = []
    for kind, s, e, ts, te, rule, value in sorted(spans, key=lambda x: (x[1], x[2])):
        neg = any(lo <= ts < hi and not (a <= ts < b) for lo, hi, a, b, _ in scopes["negation"])
        over = [c for lo, hi, a, b, c in scopes["hedge"] if lo <= ts < hi and not (a <= ts < b)]
        hed = bool(over)
        cues.append(
            Cue(
                kind=kind,
                text=text[s:e],
                start=s,
                end=e,
                rule=rule,
                negated=neg,
                hedged=hed,
                value=value,
            )
        )
        where.append((ts, te, hed and not all(over)))
    agenda = any(h.entry.kind == "agenda" for h in hits)
    strength, relation = _strength(cues, where, tokens, lex, agenda)
    return Claim(sentence=sentence, cues=tuple(cues), strength=strength, relation=relation)


def _strength(
    cues: list[Cue],
    where: list[tuple[int, int, bool]],
    tokens: tuple[Token, ...],
    lex: Lexicon,
    agenda: bool,
) -> tuple[int, int]:
    """Yu et al. strength of the strongest live relation, and of the strongest one at all.

    A hedge over a causal cue makes it conditional; over a correlational cue it stays
    correlational. Effect words that are not a claim of effect count for less: an adjectival
    participle ("increased risk", "reduced mortality") or a change "with" something ("risk
    rises with age") describes a difference, so it is correlational; a purpose infinitive
    ("efforts to reduce") or a research agenda ("further studies are needed") claims nothing.
    """
    if agenda:
        return STRENGTH_NONE, STRENGTH_NONE
    rel = lex.relations
    lows = [t.lower for t in tokens]
    n = len(tokens)
    corr = [w[0] for c, w in zip(cues, where, strict=True) if c.kind == "correlational"]
    live = relation = STRENGTH_NONE
    found: list[tuple[str, bool, int]] = []
    for c, (ts, te, hedged) in zip(cues, where, strict=True):
        kind = rel.get(c.kind)
        if kind is None:
            continue
        if c.kind == "correlational" and c.rule in lex.null_relations:
            kind, negated = "correlational", True  # "did not differ", "similar": no effect
        else:
            negated = c.negated
        if c.kind == "effect":
            if any(0 < ts - s <= lex.absorb for s in corr):
                continue  # "associated with reduced risk": part of the association
            prev = lows[ts - 1] if ts else ""
            if (
                prev == "to"
                and tokens[ts].lemma == lows[ts]  # an infinitive, not "to accelerated recovery"
                and (ts < 2 or lows[ts - 2] not in lex.raising)
            ):
                continue  # purpose, not a finding: "strategies to reduce readmissions"
            word = lows[ts]
            nxt = lows[te] if te < n else ""
            if (
                te - ts == 1
                and word.endswith(("ed", "ing"))
                and (not prev or prev in lex.determiners)
                and nxt.isalpha()
                and nxt not in lex.determiners
            ):
                kind = "correlational"  # adjectival participle: "increased risk of"
            elif nxt == "with" or (nxt.endswith("ly") and lows[te + 1 : te + 2] == ["with"]):
                kind = "correlational"  # "risk increases with age"
        found.append((("hedged-" if hedged else "") + kind, negated, ts))
    # Causal words after a hedged causal cue spell out the hedged effect ("may reduce X,
    # leading to fewer Y"): they are conditional too.
    first = min((ts for key, _, ts in found if key == "hedged-causal"), default=len(tokens))
    for key, negated, ts in found:
        if key == "causal" and ts > first:
            key = "hedged-causal"
        value = lex.strength.get(key, STRENGTH_NONE)
        relation = max(relation, value)
        if not negated:
            live = max(live, value)
    return live, relation


def scopes(sentence: Sentence) -> tuple[tuple[str, str, int, int], ...]:
    """(kind, trigger words, start, end) of every negation and hedge scope, as character
    offsets into the sentence: what `explain` shows of ConText scope."""
    lex = lexicon()
    tokens = tokens_of(sentence)
    if not tokens:
        return ()
    hits = _resolved(sentence, tokens, lex)
    out = []
    for kind, ranges in _scopes(hits, tokens, lex).items():
        for lo, hi, a, b, _ in ranges:
            trigger = sentence.text[tokens[a].start : tokens[b - 1].end]
            if hi > lo:
                out.append((kind, trigger, tokens[lo].start, tokens[hi - 1].end))
    return tuple(sorted(out, key=lambda s: s[2]))


def _leading(claim: Claim, kinds: tuple[str, ...], lead: int) -> bool:
    """True when a live cue of these kinds starts within the first `lead` tokens."""
    tokens = tokens_of(claim.sentence)
    limit = len(claim.sentence.text) if len(tokens) <= lead else tokens[lead].start
    return any(c.kind in kinds and c.start < limit for c in claim.cues)


def detect(sentence: Sentence, names: frozenset[tuple[str, ...]] = frozenset()) -> Claim | None:
    """The sentence's Claim when it makes a claim, else None (headings, questions, CTAs...).

    `names` are the products the registry and the document's context name, as lower-case
    word tuples: a sentence that names or points at one can claim with fewer words.
    """
    found = reading(sentence, names)
    return found[0] if found[1].claim else None


def reading(
    sentence: Sentence, names: frozenset[tuple[str, ...]] = frozenset()
) -> tuple[Claim, Decision]:
    """The analysed sentence and the Decision on whether it is a claim (explain shows both)."""
    if sentence.kind in NON_CLAIM_KINDS:
        claim = Claim(sentence=sentence, cues=())
        return claim, decide(claim, names)
    claim = analyse(sentence)
    if sentence.tokens:
        return claim, decide(claim, names)
    key = (sentence.text, sentence.kind, names)
    found = _DECIDED.get(key)
    if found is None:
        found = decide(claim, names)
        if len(_DECIDED) >= _SEEN_SIZE:
            _DECIDED.clear()
        _DECIDED[key] = found
    return claim, found


# Cue kinds that can make decide() call a sentence a claim: the claim cues, and the harms and
# burdens a negation turns into one ("no drowsiness", "no refrigeration needed"). Every
# relation kind (claim strength) is a claim cue.
CAN_CLAIM = CLAIM_KINDS | {"harm", "burden"}
# What screen() looks at: the cues that can claim, and safety cues (a negated contraindication)
SCREENED = CAN_CLAIM | {"safety"}


def screen(sentence: Sentence, names: frozenset[tuple[str, ...]] = frozenset()) -> bool:
    """False when the sentence is provably not a claim: what `reading` would decide, for the
    cost of a few look-ups (and, for a sentence with a cue or a digit, of its cues or
    figures, which analysis then reuses). True means only that `reading` has to decide.

    decide() calls a sentence a claim only for a live cue of a claim kind that claims on its
    own (a promise, a strong cue, a claim strength), a negated harm or burden, a percentage or
    a figure with an outcome word, or, in a sentence that names or points at a product, a weak
    cue, a measurement or an adjective after "is"/"are". A sentence with none of those
    (negated or not, which only takes claims away) is not a claim, whatever else it says.
    """
    from claimcheck.detect.decide import COPULAS, MEASURES, _endpoint_named, _product_ref

    if sentence.kind in NON_CLAIM_KINDS:
        return False
    lex = lexicon()
    tokens = tokens_of(sentence)
    needs_product = False
    if lex.any_of(tokens, SCREENED):
        hits = _resolved(sentence, tokens, lex)
        negation = any(h.entry.kind == "negation" for h in hits)
        for h in hits:
            kind = h.entry.kind
            if kind in ("harm", "burden") or (
                kind == "safety" and h.entry.id == "contraindication"
            ):
                if negation:  # a negated harm, burden or contraindication is a claim
                    return True
            elif kind in CLAIM_KINDS:
                if not _weak(kind, h.entry.id, lex):
                    return True
                needs_product = True
    text = sentence.text
    figures = _figures(text)
    if figures:
        for _, _, (_, unit) in figures:
            if unit == "%":
                return True
            if unit in MEASURES:
                needs_product = True
        if any(t.lemma in lex.outcomes or t.lower in lex.outcomes for t in tokens):
            return True
    if needs_product or any(t.lower in COPULAS for t in tokens[:-1]):
        return _product_ref(tokens, names) or _endpoint_named(tokens, names)
    return False


def _weak(kind: str, rule: str, lex: Lexicon) -> bool:
    """True for a claim cue that claims only in a sentence about a product (decide's WEAK
    cues that are not strong: weak attribute families, population words, prevalence)."""
    if kind == "attribute":
        return rule in lex.weak
    return kind == "population" or (kind == "correlational" and rule == "prevalence")


# (sentence text, question) -> the answer for a token-less sentence: document checks ask
# about every sentence of every draft (whether it states a cue kind, a benefit), and
# boilerplate repeats across drafts. Cleared when full.
_FACTS: dict[tuple[str, str], bool] = {}
_FACTS_SIZE = 131072
# Facts found since the last `new_facts()`, in a worker whose facts are shared with the
# other workers of its run (None: recording nothing).
_NEW_FACTS: list[tuple[tuple[str, str], bool]] | None = None


def text_fact(sentence: Sentence, what: str, make: Callable[[Sentence, str], bool]) -> bool:
    """`make(sentence, what)`, cached by the sentence's text and `what` for sentences
    without tokens of their own (as for _SEEN)."""
    if sentence.tokens:
        return make(sentence, what)
    key = (sentence.text, what)
    found = _FACTS.get(key)
    if found is None:
        if len(_FACTS) >= _FACTS_SIZE:
            _FACTS.clear()
        found = _FACTS[key] = make(sentence, what)
        if _NEW_FACTS is not None:
            _NEW_FACTS.append((key, found))
    return found


def share_facts() -> None:
    """From now on, record the facts found, for `new_facts` (a worker among several)."""
    global _NEW_FACTS
    if _NEW_FACTS is None:
        _NEW_FACTS = []


def new_facts() -> list[tuple[tuple[str, str], bool]]:
    """The facts found since the last call, for the other workers of a run (none unless
    `share_facts` started the recording)."""
    global _NEW_FACTS
    if _NEW_FACTS is None:
        return []
    found, _NEW_FACTS = _NEW_FACTS, []
    return found


def learn_facts(facts: list[tuple[tuple[str, str], bool]]) -> None:
    """Take facts another worker found (a fact depends on the sentence text alone)."""
    for key, value in facts:
        if key not in _FACTS:
            if len(_FACTS) >= _FACTS_SIZE:
                _FACTS.clear()
            _FACTS[key] = value


def states(sentence: Sentence, kind: str) -> bool:
    """True when the sentence has a live cue of this kind (`analyse(sentence).of(kind)`),
    without analysing a sentence that has no phrase of that kind at all (cached by text)."""
    return text_fact(sentence, kind, _states)


def _states(sentence: Sentence, kind: str) -> bool:
    if not lexicon().any_of(tokens_of(sentence), frozenset({kind})):
        return False
    return bool(analyse(sentence).of(kind))
