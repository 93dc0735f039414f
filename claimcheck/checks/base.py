"""What every check shares: the context it runs in and helpers to compare copy with a claim."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck.model import Hit, RuleSettings
from claimcheck.registry.normalize import Term, phrase_terms, terms, tokens

if TYPE_CHECKING:
    from claimcheck.model import ApprovedClaim, Claim, Context, Cue, Match, Registry
    from claimcheck.registry.match import Matcher
    from claimcheck.strength import StrengthModel


@lru_cache(maxsize=4096)
def analysed(text: str) -> Claim:
    """`analyse(sentence_of(text))`, cached by text: approved wordings are judged many times."""
    from claimcheck.detect import analyse
    from claimcheck.segment import sentence_of

    return analyse(sentence_of(text))


@lru_cache(maxsize=4096)
def rescored(text: str, model: StrengthModel) -> Claim:
    """`analysed(text)` with the strength model's strength, cached by text and model."""
    return model.rescore(analysed(text))


@dataclass(slots=True)
class CheckContext:
    """What a check may look at besides the claim and its match."""

    registry: Registry
    context: Context
    settings: RuleSettings = field(default_factory=RuleSettings)

    def approved(self, wording: str) -> Claim:
        """The detector's analysis of an approved wording (cached per wording).

        With a strength model configured, its strength is the model's, as the copy's is.
        """
        model = self.settings.strength_model
        return analysed(wording) if model is None else rescored(wording, model)

    @property
    def product_names(self) -> frozenset[tuple[str, ...]]:
        """The product names of the registry and of the document's context product."""
        from claimcheck.registry.products import product_names

        return product_names(self.registry, self.context.product)

    @property
    def matcher(self) -> Matcher:
        """The registry's Matcher (shared with the pipeline when it built one)."""
        from claimcheck.registry.match import matcher_for

        return matcher_for(self.registry)


def quote(claim: Claim, start: int, end: int) -> str:
    """The sentence's words between two offsets, as a message quotes them."""
    return claim.sentence.text[start:end]


def lemmas_in(claim: Claim, start: int, end: int) -> tuple[str, ...]:
    """Lemmas of the tokens inside a span of the claim's sentence."""
    return tuple(
        t.lemma.lower()
        for t in tokens(claim.sentence)
        if t.start >= start and t.end <= end and not t.is_punct
    )


@lru_cache(maxsize=4096)
def wording_lemmas(text: str) -> tuple[str, ...]:
    """Lemmas of an approved wording (punctuation dropped)."""
    from claimcheck.segment import sentence_of

    return tuple(t.lemma.lower() for t in sentence_of(text).tokens if not t.is_punct)


def contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    """True when `sub` occurs as a contiguous run of `seq` (runs are compared only where its
    first word stands: most wordings lack it)."""
    n = len(sub)
    if not n or sub[0] not in seq:
        return False
    first = sub[0]
    return any(seq[i : i + n] == sub for i in range(len(seq) - n + 1) if seq[i] == first)


def in_approved(approved: ApprovedClaim, lemmas: tuple[str, ...]) -> bool:
    """True when any approved wording of the claim uses these words (on lemmas)."""
    return any(contains(wording_lemmas(w), lemmas) for w in approved.wordings)


def new_cues(claim: Claim, match: Match | None, kind: str) -> list[Cue]:
    """Live cues of one kind whose words no approved wording of the matched claim has.

    Without a match every live cue counts: the wording is flagged on an unsupported claim too.
    """
    if match is None:
        return list(claim.of(kind))
    return [
        cue
        for cue in claim.of(kind)
        if not in_approved(match.claim, lemmas_in(claim, cue.start, cue.end) or (cue.text.lower(),))
    ]


def wording_hit(
    claim: Claim, match: Match | None, cue: Cue, overstates: str, unsupported: str
) -> Hit:
    """A hit on a cue: it overstates the matched claim, or marks an unsupported claim."""
    if match is None:
        return Hit(f"'{cue.text}' {unsupported}", "unsupported", span=(cue.start, cue.end))
    return Hit(
        f"'{cue.text}' {overstates.format(id=match.claim.id)}",
        "overstated",
        span=(cue.start, cue.end),
        suggestion=suggestion(match),
    )


def match_terms(text_terms: list[Term], pattern: tuple[Term, ...]) -> list[tuple[int, int, int]]:
    """Where all of a pattern's terms stand close together, in any order.

    Returns (first term index, span start, span end) for each occurrence. The window is the
    pattern's length plus two terms, so "recovers faster" and "faster recoveries" both hold
    the pattern "faster recovery", but words far apart in a long sentence do not. A negation
    scopes over the words after it, so it keeps its place: "never have another migraine"
    needs the negation before "migraine", and "migraine with or without aura" does not hold it.
    """
    need = {t.key for t in pattern}
    if not need:
        return []
    # Terms the pattern's negation comes before (a negation is a key like any other).
    negs = [i for i, t in enumerate(pattern) if t.kind == "negation"]
    after = {t.key for t in pattern[negs[0] + 1 :] if t.kind != "negation"} if negs else set()
    neg_key = pattern[negs[0]].key if negs else None
    window = len(need) + 2
    out = []
    i = 0
    while i < len(text_terms):
        if text_terms[i].key in need:
            found: dict[str, int] = {}
            j = i
            while j < len(text_terms) and j < i + window:
                if text_terms[j].key in need:
                    found.setdefault(text_terms[j].key, j)
                    if len(found) == len(need):
                        break
                j += 1
            if len(found) == len(need) and (
                neg_key is None or all(found[neg_key] < found[k] for k in after if k != neg_key)
            ):
                out.append((i, text_terms[i].start, text_terms[j].end))
                i = j + 1
                continue
        i += 1
    return out


@lru_cache(maxsize=4096)
def pattern_of(phrase: str) -> tuple[Term, ...]:
    """The terms a phrase rule looks for: content words and negations, no stopwords."""
    from claimcheck.registry.normalize import STOPWORDS

    return tuple(t for t in phrase_terms(phrase) if t.kind == "negation" or t.key not in STOPWORDS)


def find_phrase(claim: Claim, phrase: str) -> tuple[int, int] | None:
    """The span of a live (not negated) mention of a phrase in the claim's sentence."""
    pattern = pattern_of(phrase)
    negative = any(t.kind == "negation" for t in pattern)
    text_terms = terms(claim.sentence)
    for index, start, end in match_terms(text_terms, pattern):
        if not negative and _negated(claim, text_terms, index, start, end):
            continue
        return (start, end)
    return None


def pattern_keys(phrase: str) -> frozenset[str]:
    """The term keys a sentence must contain for the phrase to be found in it."""
    return frozenset(t.key for t in pattern_of(phrase))


@lru_cache(maxsize=8192)
def phrase_in_text(text: str, phrase: str) -> bool:
    """True when a free-standing text (an approved wording) mentions the phrase."""
    from claimcheck.segment import sentence_of

    return bool(match_terms(terms(sentence_of(text)), pattern_of(phrase)))


def _negated(claim: Claim, text_terms: list[Term], index: int, start: int, end: int) -> bool:
    # A negation up to three terms before, or a detector cue marked negated over the span.
    if any(t.kind == "negation" for t in text_terms[max(0, index - 3) : index]):
        return True
    return any(c.negated and c.start < end and start < c.end for c in claim.cues)


def suggestion(match: Match) -> str:
    """What to write instead: the approved text."""
    return match.claim.text


def off_scope(
    match: Match | None, value: str | None, allowed: tuple[str, ...] | None, what: str
) -> str | None:
    """The message for a context value outside a claim's scope list, or None when in scope."""
    if match is None or not value or allowed is None:
        return None
    if value.lower() in {a.lower() for a in allowed}:
        return None
    return (
        f"{match.claim.id} is approved for {what} {', '.join(allowed) or '(none)'}, not '{value}'"
    )
