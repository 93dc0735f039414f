"""Decide whether an analysed sentence makes a claim, and say why.

In promotional review every assertion about a product is a claim, with or without an effect
verb or a number: what it does (effects, comparisons, superlatives), what it is said to be
(regulatory status, availability, compatibility, convenience, tolerability, taste, origin,
formulation, equivalence), what a patient or an executive says of it, a headline figure, and a
negated harm ("won't make you drowsy", "no known drug interactions") or burden ("does not need
refrigeration"). What is not a claim, whatever words it carries: headings, questions, calls to
action and instructions to the reader, safety information (a harm stated as happening: "may
cause serious infections", "6% reported mild pain"), disclaimers that limit the product ("does
not replace your doctor's advice", "is not a cure"), study methods, objectives and disposition,
announcements, definitions of a metric, references, legal and contact lines, bare table
labels, and plain descriptions of what a product is or contains.

`decide(claim, names)` walks these rules in order and returns a Decision with the rule that
decided (`reason`), a one-line `why` that quotes the words, and their span; `explain` shows it.
The words are data: cue lexicons in rules/lexicon-*.yaml (attributes, harm and burden, safety,
non-claims, calls to action), and the English part-of-speech index of spacy-lookups-data
(WordNet base forms) to tell a verb that opens an imperative from an adjective ("Clear skin
for life is here" is a claim, "Log your sleep each morning" an instruction).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimcheck.detect.lexicon import Lexicon, lexicon
from claimcheck.model import Decision
from claimcheck.segment import tokens_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    from claimcheck.model import Claim, Cue, Token

# Block kinds whose sentences are never claims. Headers and footers are checked: a tagline
# in a running footer is promotional copy like any other.
NON_CLAIM_KINDS = frozenset({"heading", "title"})
# Cue kinds that make a sentence a claim on their own when live (not negated).
CLAIM_KINDS = frozenset(
    {
        "effect",
        "comparative",
        "superlative",
        "absolute",
        "red-flag",
        "causal",
        "correlational",
        "standing",
        "intensifier",
        "population",
        "attribute",
    }
)
# Effect directions and comparative words that state a benefit: a harm under one of them is
# a claim ("reduces the risk of infection", "less fatigue"), not safety information.
BENEFIT_EFFECTS = frozenset({"decrease", "prevent", "improve"})
BENEFIT_WORDS = frozenset(
    {
        "less",
        "fewer",
        "lower",
        "reduced",
        "decreased",
        "shorter",
        "smaller",
        "better",
        "safer",
        "milder",
        "improved",
    }
)
# Units of a measurement a product is said to achieve (not a pack size or a strength:
# "a 5 mL applicator", "a 150 mg tablet" describe the product).
MEASURES = frozenset(
    {"mmHg", "mg/dL", "mmol/L", "bpm", "point", "degree", "minute", "hour", "day", "week", "x"}
)
# Cue kinds that classify a sentence as a non-claim, negated or not.
FRAMING = frozenset(
    {
        "boilerplate",
        "disclaimer",
        "indication",
        "objective",
        "offer",
        "instruction",
        "method",
        "announcement",
        "dosing",
        "safety",
        "definition",
    }
)
# Cue kinds that make a claim in a sentence that names or points at a product.
WEAK_KINDS = frozenset({"attribute", "population", "comparative", "correlational", "absolute"})
# Comparative words that compare nothing on their own ("More copy follows.").
BARE = frozenset({"more", "less", "fewer", "greater", "higher", "lower", "larger", "smaller"})
# Words that open a discourse marker before the sentence proper ("Put simply, ...").
DISCOURSE = (
    ("put", "simply"),
    ("simply", "put"),
    ("in", "short"),
    ("in", "other", "words"),
    ("that", "said"),
    ("best", "of", "all"),
    ("in", "fact"),
    ("put", "another", "way"),
    ("in", "other", "words"),
    ("to", "put", "it", "simply"),
)
# Words that open a leading clause ("If asked about X, say ..."): the imperative test looks
# after its comma.
CLAUSE_OPENERS = frozenset(
    {"if", "when", "before", "after", "while", "during", "to", "once", "until", "unless", "as"}
)
COPULAS = frozenset({"is", "are", "was", "were", "'s", "stays", "stay", "remains", "remain"})
PRONOUNS = frozenset({"it", "its", "it's"})
DETERMINERS = frozenset(
    {"the", "this", "that", "these", "our", "your", "each", "every", "its", "their", "my", "one"}
)
_FOLLOWERS = frozenset(
    {
        "the",
        "a",
        "an",
        "your",
        "our",
        "this",
        "these",
        "that",
        "it",
        "them",
        "one",
        "up",
        "out",
        "in",
        "on",
        "to",
        "now",
        "all",
        "any",
        "each",
        "every",
        "more",
        "less",
        "with",
        "by",
        "for",
        "at",
        "off",
        "down",
        "back",
        "yourself",
        "yours",
        "his",
        "her",
        "their",
        "my",
        "patients",
        "people",
        "no",
        "through",
        "over",
        "around",
        "across",
        "into",
        "away",
        "about",
    }
)
# Words that never open a command, whatever else they can be ("Up to 30 hours", "Just one").
NOT_IMPERATIVE = frozenset(
    {
        "up",
        "down",
        "out",
        "off",
        "over",
        "back",
        "just",
        "like",
        "well",
        "still",
        "even",
        "only",
        "more",
        "less",
        "best",
        "first",
        "next",
        "last",
        "free",
        "near",
        "far",
        "right",
    }
)
_CITATION = re.compile(
    r"\b(?:19|20)\d{2}\s*;\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[\w-]+"  # 2025;27(4):244-253
    r"|\bdoi\s*:|\bPMID\b|https?://doi\.org"
)
# An author list ("Brennan K, Whitcombe A, Ruiz-Delgado M"): a reference when nothing follows
# it that states something (a run-in paragraph can carry a claim after the byline).
_AUTHORS = re.compile(r"^\s*\d{0,3}\.?\s*(?:[A-Z][\w'’-]+\s+[A-Z]{1,3}[,;.]\s*){2,}")
_SALUTATION = re.compile(r"^\s*(?:dear|hi|hello|greetings)\b[^.!?]{0,60},?\s*$", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]*[A-Z0-9]$")
_INN_STEMS = [
    "mab",
    "nib",
    "tinib",
    "zumab",
    "ximab",
    "umab",
    "cept",
    "parin",
    "sartan",
    "pril",
    "olol",
    "statin",
    "gliptin",
    "glutide",
    "flozin",
    "vir",
    "cillin",
    "mycin",
    "azole",
    "oxetine",
    "triptan",
    "tidine",
    "prazole",
    "lukast",
    "dronate",
    "semide",
    "thiazide",
    "dipine",
    "afil",
    "setron",
    "sone",
    "olone",
    "azepam",
    "zolam",
    "barbital",
    "caine",
    "profen",
    "coxib",
    "terol",
    "tropium",
    "mide",
]
_INN_ENDINGS = tuple(_INN_STEMS)  # str.endswith: a cheap test before the pattern
_INN = re.compile(r"^[a-z]{4,}(?:" + "|".join(_INN_STEMS) + r")$")
_MARKS = frozenset({"®", "™", "(R)", "(TM)"})
_FOOTNOTE_MARKS = frozenset("¹²³⁴⁵⁶⁷⁸⁹*†‡§¶")
_CAMEL = re.compile(r"^[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*$")


# Non-claims that are still checked for the registry's prohibited phrases (the pipeline does).
PHRASE_CHECKED = frozenset(
    {"definition", "no-claim-cue", "instruction", "cta", "question", "table-label"}
)

# Every rule decide() applies, in order, with what it means (explain and the docs list them).
REASONS = {
    "heading": "a heading or title block",
    "question": "a question",
    "reference": "a reference or author list",
    "boilerplate": "a legal, contact, distribution or disclosure line",
    "navigation": "navigation or a list of links",
    "cta": "a call to action",
    "instruction": "an instruction to the reader",
    "safety": "safety information: a risk stated as happening",
    "negated-harm": "a negated harm: minimises a risk",
    "negated-burden": "a negated burden or ingredient: promises convenience or what it is free of",
    "disclaimer": "a disclaimer that limits the product",
    "indication": "the indication or its limitations, as the label states them",
    "dosing": "dosing directions",
    "offer": "a price offer or savings program",
    "method": "study methods or disposition",
    "objective": "a study objective",
    "announcement": "an announcement or a line about the document",
    "definition": "the definition of a term or metric",
    "table-label": "a bare table label or figure",
    "promise": "an imperative that promises a benefit",
    "cue": "states an effect, comparison, superlative or other claim",
    "attribute": "says what the product is or does",
    "figure": "states a figure",
    "product-attribute": "describes the product with an adjective",
    "strength": "states a relationship",
    "no-claim-cue": "asserts nothing about a product",
    "prohibited-phrase": "makes a prohibited claim of the registry",
}


def decide(claim: Claim, names: frozenset[tuple[str, ...]] = frozenset()) -> Decision:
    """Whether the analysed sentence is a claim, with the rule that decided and why."""
    from claimcheck.detect import _leading

    lex = lexicon()
    sentence = claim.sentence
    text = sentence.text
    tokens = tokens_of(sentence)
    words = [i for i, t in enumerate(tokens) if not t.is_punct]
    if sentence.kind in NON_CLAIM_KINDS:
        return Decision(False, "heading", f"a {sentence.kind} block")
    if not words:
        return Decision(False, "no-claim-cue", "no words")
    live = [c for c in claim.cues if not c.negated]
    # Cues that classify a sentence count whether or not a negation stands before them
    # ("X is not a rescue inhaler and must not be used to relieve ...").
    framing = [c for c in claim.cues if c.kind in FRAMING]
    kinds = {c.kind for c in live}
    if "question" in kinds:
        return Decision(False, "question", "ends with '?'")
    found = _structure(text, tokens)
    if found is not None:
        return found
    boiler = _first(framing, "boilerplate")
    if boiler is not None:
        return _quote(False, "boilerplate", boiler)
    if sentence.kind in ("table-cell", "caption") and not _predicate(tokens):
        return Decision(False, "table-label", f"a {sentence.kind} with no verb")
    start = _body_start(tokens)
    opening = _imperative(claim, tokens, start, lex)
    if opening is not None:
        return opening
    if _leading(claim, ("cta",), lex.cta_lead):
        return _quote(False, "cta", _first(live, "cta"))
    body = tokens[start].start if start < len(tokens) else 0
    safety = _safety(claim, [c for c in live if not _in_label(c, body)], lex, framing)
    if safety is not None:
        return safety
    definition = _definition(claim, tokens, live, names)
    if definition is not None:
        return definition
    negated = _negated_harm(claim)
    if negated is not None:
        return negated
    superior = _negated_superiority(claim, tokens, names)
    if superior is not None:
        return superior
    for kind in ("disclaimer", "indication", "objective", "offer", "instruction"):
        cue = _first(framing, kind)
        if cue is not None and not _contrast_claim(claim, tokens, cue):
            return _quote(False, kind, cue)
    product = _product_ref(tokens, names) or _endpoint_named(tokens, names)
    # "More copy follows": a bare "more" or "less" with nothing compared is not a claim on
    # its own; with a "than", a comparator or a product it is ("more patients ... than").
    compared = any(c.kind == "comparative" and c.text.lower() not in BARE for c in live)
    strong = [
        c
        for c in live
        if _strong(c, lex)
        and not (c.kind == "comparative" and c.text.lower() in BARE and not compared)
        and not (c.text.lower() == "never" and not product)
    ]
    # A schedule does not turn a dosing direction into a claim ("20 mg once daily"), nor does
    # what an "if ..." clause supposes ("if weight loss is less than 3%, ...").
    conditions = _conditions(tokens)
    overriding = [
        s
        for s in strong
        if not (s.kind == "attribute" and s.rule == "frequency")
        and not any(a <= s.start < b for a, b in conditions)
    ]
    for kind in ("method", "announcement", "dosing"):
        cue = next((c for c in framing if c.kind == kind and not _relative(tokens, c)), None)
        if cue is None:
            continue
        # Only a claim cue outside every phrase of this kind overrides it.
        same = [c for c in framing if c.kind == kind]
        if all(any(_overlaps(s, f) for f in same) for s in overriding):
            return _quote(False, kind, cue)
    if strong:
        return _quote(True, "attribute" if strong[0].kind == "attribute" else "cue", strong[0])
    if product:
        weak = next((c for c in live if c.kind in WEAK_KINDS), None)
        if weak is not None:
            return _quote(True, "attribute", weak)
        adjective = _copula_adjective(tokens, lex)
        if adjective is not None:
            t = tokens[adjective]
            return Decision(
                True, "product-attribute", f"'{t.text}' describes the product", (t.start, t.end)
            )
    figure = _figure(claim, tokens, lex, product)
    if figure is not None:
        return _quote(True, "figure", figure)
    if claim.strength >= 2:  # a bare comparative's correlational strength is not enough
        return Decision(True, "strength", "states a relationship")
    return Decision(False, "no-claim-cue", "no claim cue and no property of a product")


# ---------------------------------------------------------------------- structure


def _structure(text: str, tokens: tuple[Token, ...]) -> Decision | None:
    """References, footnotes, salutations, navigation bars and hashtag lines, read off the
    text's shape."""
    if _CITATION.search(text) or (_AUTHORS.match(text) and not _predicate(tokens)):
        return Decision(False, "reference", "a citation")
    if text[:1] in _FOOTNOTE_MARKS:
        return Decision(False, "reference", "a footnote")
    if _SALUTATION.match(text):
        return Decision(False, "boilerplate", "a salutation")
    if text.count("|") >= 1 and all(len(part.split()) <= 8 for part in text.split("|")):
        return Decision(False, "navigation", "items separated by '|'")
    words = text.split()
    if words and all(w.startswith(("#", "@")) for w in words):
        return Decision(False, "boilerplate", "hashtags")
    return None


def _body_start(tokens: tuple[Token, ...]) -> int:
    """Where the sentence proper starts: after a short "LABEL:" ("SHELF-STABLE:", "Velzura:")."""
    for i, t in enumerate(tokens[:13]):
        if t.text == ":" and i > 0 and len(tokens) - i > 2:
            return i + 1
    return 0


# ---------------------------------------------------------------------- imperatives


# Base form -> parts of speech (`_pos`), once per process (`install_pos`: from the cache).
_POS: dict[str, frozenset[str]] | None = None


def _pos() -> dict[str, frozenset[str]]:
    """Base form -> parts of speech it can take, from spacy-lookups-data's WordNet index."""
    global _POS
    if _POS is None:
        import gzip
        import json
        from importlib import resources

        data = resources.files("spacy_lookups_data").joinpath("data", "en_lemma_index.json.gz")
        with data.open("rb") as handle:
            index = json.loads(gzip.decompress(handle.read()))
        # Each form's parts of speech as bits first (three times faster than growing sets),
        # then one frozenset per combination (there are 15): the table pickles and loads in
        # 0.01 s.
        names = list(index)
        bits: dict[str, int] = {}
        get = bits.get
        for b, pos in enumerate(names):
            bit = 1 << b
            for form in index[pos]:
                bits[form] = get(form, 0) | bit
        combos = {
            m: frozenset(p for i, p in enumerate(names) if m >> i & 1) for m in set(bits.values())
        }
        _POS = {form: combos[m] for form, m in bits.items()}
    return _POS


def pos_loaded() -> bool:
    """True once this process has the part-of-speech table."""
    return _POS is not None


def install_pos(table: dict[str, frozenset[str]]) -> None:
    """Use this part-of-speech table (built by another process from the same data)."""
    global _POS
    if _POS is None:
        _POS = table


def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech an English base form can take ('verb', 'noun', 'adj', 'adv')."""
    return _pos().get(word.lower(), frozenset())


def _skip_opening(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> int:
    """The index of the first word after skipped adverbs, discourse markers and an If-clause."""
    n = len(tokens)
    lows = [t.lower for t in tokens]
    for marker in DISCOURSE:
        if tuple(lows[i : i + len(marker)]) == marker:
            j = i + len(marker)
            return j + 1 if j < n and lows[j] == "," else j
    if i < n and lows[i] in CLAUSE_OPENERS:
        for j in range(i + 1, min(n, i + 16)):
            if lows[j] == ",":
                return j + 1
            if lows[j] in (".", ";"):
                break
    while i < n and (lows[i] in lex.skip or tokens[i].is_punct) and lows[i] not in ("do",):
        i += 1
    return i


def _imperative(
    claim: Claim, tokens: tuple[Token, ...], start: int, lex: Lexicon
) -> Decision | None:
    """A call to action or an instruction (not a claim), or an imperative that promises one."""
    n = len(tokens)
    i = _skip_opening(tokens, start, lex)
    if i >= n:
        return None
    lows = [t.lower for t in tokens]
    negative = lows[i] in ("do", "don't", "never") and i + 1 < n and lows[i + 1] in ("not", "n't")
    if lows[i] in ("don't",) or negative:
        verb = i + 2 if negative else i + 1
        return Decision(
            False, "instruction", f"'{_words(tokens, i, verb + 1)}' tells the reader not to"
        )
    if lows[i] == "never" and i + 1 < n and _verbish(tokens, i + 1):
        i += 1
    if not _opens_imperative(tokens, i, lex):
        return None
    verb = tokens[i]
    lemma = verb.lemma
    said = f"'{verb.text}' opens an imperative"
    if lemma in lex.cta_only or verb.lower in lex.cta_only:
        return Decision(False, "cta", said, (verb.start, verb.end))
    # What an offer or a dosing direction says is part of it ("Try X risk-free for 45 days",
    # "increase the dose every 4 weeks").
    framed = [c for c in claim.cues if c.kind in ("offer", "dosing")]
    cues = [
        c
        for c in claim.cues
        if not c.negated
        and c.kind in CLAIM_KINDS
        and _strong(c, lex)
        and c.start >= verb.start
        and not any(_overlaps(c, f) for f in framed)
    ]
    if lemma in lex.imperatives or verb.lower in lex.imperatives:
        # A cue after the verb, or a phrase the verb opens ("Turn back the clock"); a causal
        # or correlational word is strength, not a promise ("wear protective clothing").
        # Dosing and schedule words, and what an "if ..." clause says, are part of the
        # instruction ("Take one tablet once a day", "if sensitivity lasts more than 4 weeks").
        conditions = _conditions(tokens)
        other = [
            c
            for c in cues
            if (c.start >= verb.end or c.end > verb.end)
            and c.kind not in ("causal", "correlational")
            and not (
                c.kind == "attribute" and c.rule in ("frequency", "dosing", "efficacy", "timing")
            )
            and not any(a <= c.start < b for a, b in conditions)
            and not (c.kind == "effect" and _after_to(tokens, c))
        ]
        cta = next((c for c in claim.cues if c.kind == "cta" and not c.negated), None)
        if cta is not None:  # "be safe and sure to ask your doctor about ..."
            return _quote(False, "cta", cta)
        if not other:
            return Decision(False, "instruction", said, (verb.start, verb.end))
        return _quote(True, "promise", other[0])
    cta = next((c for c in claim.cues if c.kind in ("cta", "offer") and not c.negated), None)
    if cues and cta is None:
        return _quote(True, "promise", cues[0])
    if cta is not None:
        return _quote(False, cta.kind, cta)
    return Decision(False, "instruction", said, (verb.start, verb.end))


def _after_to(tokens: tuple[Token, ...], cue: Cue) -> bool:
    """True for an effect word that states a purpose ("rinse with water to remove")."""
    before = [t for t in tokens if t.end <= cue.start]
    return bool(before) and before[-1].lower == "to"


def _conditions(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Character spans of "if ..." and "unless ..." clauses (to the next comma or the end)."""
    out = []
    for i, t in enumerate(tokens):
        if t.lower in ("if", "unless", "when", "whenever"):
            end = next((u.start for u in tokens[i + 1 :] if u.text in (",", ";")), tokens[-1].end)
            out.append((t.start, end))
    return out


def _opens_imperative(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> bool:
    """True when the word at i is a verb's base form that starts a command."""
    t = tokens[i]
    if t.is_punct or t.like_num or t.lower != t.lemma or t.lower in NOT_IMPERATIVE:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and _finite(nxt):
        return False  # "Stress reduces sleep quality": a noun subject, then its verb
    if t.lemma in lex.cta_only or t.lemma in lex.imperatives:
        return True
    pos = parts_of_speech(t.lemma)
    if not pos and t.lemma.startswith("re") and parts_of_speech(t.lemma[2:]) == {"verb"}:
        pos = frozenset({"verb"})  # "reapply", "reinsert": a verb again
    if "verb" not in pos:
        return False
    if pos == {"verb"}:
        return True
    return nxt is not None and nxt.lower in _FOLLOWERS


def _finite(t: Token) -> bool:
    """True for an inflected verb form ("reduces", "lasted", "is")."""
    if t.lower in COPULAS or t.lower in ("has", "have", "had", "does", "did", "can", "may", "will"):
        return True
    if t.lower == t.lemma or "verb" not in parts_of_speech(t.lemma):
        return False
    # "reduces", "lasted", and irregular past forms whose base differs ("lost", "kept", "gave")
    return t.lower.endswith(("s", "ed")) or (
        not t.lower.endswith("ing") and parts_of_speech(t.lemma) == {"verb"}
    )


def _verbish(tokens: tuple[Token, ...], i: int) -> bool:
    return i < len(tokens) and "verb" in parts_of_speech(tokens[i].lemma)


def _predicate(tokens: tuple[Token, ...]) -> bool:
    """True when the words include a finite verb or an auxiliary (a table cell with one is copy)."""
    return any(_finite(t) for t in tokens if not t.is_punct)


# ---------------------------------------------------------------------- harm, safety


def _benefit(live: list[Cue], lex: Lexicon) -> bool:
    """True when a live cue states a benefit (a harm under it is claimed to be reduced)."""
    for c in live:
        if c.kind == "effect" and c.value in BENEFIT_EFFECTS:
            return True
        if c.kind == "comparative" and c.text.lower() in BENEFIT_WORDS:
            return True
        if c.kind == "attribute" and c.rule == "tolerability":
            return True
        if (
            c.kind == "attribute"
            and c.rule == "efficacy"
            and not c.text.lower().startswith("treat")
        ):
            return True  # "bleeding was controlled", "achieved haemostasis" ("treated with" is not)
    return False


def _safety(
    claim: Claim, live: list[Cue], lex: Lexicon, framing: list[Cue] = ()
) -> Decision | None:
    """Safety information: a safety cue, or a harm stated as happening with no benefit claimed."""
    benefit = _benefit(live, lex)
    labelled = {id(c) for c in live}
    for c in framing:
        if c.kind != "safety" or (c.rule == "heading" and id(c) not in labelled):
            continue  # a safety word in a "LABEL:" is not safety information
        if c.negated and c.rule == "harm-statement":
            continue  # "does not increase your risk of melanoma" denies the harm: a claim
        if c.negated and c.rule == "contraindication" and c.text.lower().startswith("contraind"):
            # "no absolute contraindications", "not contraindicated in pregnancy": a risk denied
            return Decision(True, "negated-harm", f"'{c.text}' is negated", (c.start, c.end))
        if not (c.rule == "harm-statement" and benefit):
            return _quote(False, "safety", c)
    if benefit:
        return None
    covering = [c for c in live if c.kind in ("red-flag", "attribute")]
    harms = [
        c
        for c in live
        if c.kind == "harm" and not any(_overlaps(o, c) and o is not c for o in covering)
    ]
    if not harms or any(c.kind == "red-flag" for c in live):
        return None
    tokens = tokens_of(claim.sentence)
    experience = any(t.lemma in lex.experience or t.lower in lex.experience for t in tokens)
    # What else the sentence claims: "the most common adverse reactions (3.0% vs 1.1%)" lists
    # harms and compares their rates; "clinically proven to beat bloating" claims a benefit.
    listing = {"comparative"}
    if any(h.rule == "severe" for h in harms):
        listing.add("causal")  # "daily use has resulted in fatal toxicity"
    claimed = any(
        _strong(c, lex)
        and c.kind not in listing
        and not (c.kind == "superlative" and c.text.lower() in ("most", "least"))
        # "may increase the risk of infection": an increase of a harm is the harm stated
        and not (
            c.kind == "effect" and c.value == "increase" and any(h.start > c.start for h in harms)
        )
        for c in live
    )
    for h in harms:
        if not claimed and (h.rule == "adverse" or experience):
            return _quote(False, "safety", h)
    return None


def _in_label(cue: Cue, body: int) -> bool:
    """True for a safety heading word in a "LABEL:" before the sentence ("EARLY WARNING:")."""
    return cue.kind == "safety" and cue.rule == "heading" and cue.end <= body


def _negated_harm(claim: Claim) -> Decision | None:
    """A harm or burden inside a negation's scope: a claim (minimised risk, promised ease).

    A negated benefit before it takes the negation ("did not reduce infection rates" denies a
    benefit; it does not deny the infections)."""
    lex = lexicon()
    denied = [c for c in claim.cues if c.negated and _benefit([c], lex)]
    # A negation inside a methods or limitation phrase ("6% could not be analysed because of
    # arrhythmia") says what a study could not do, not that a harm is absent.
    framed = [c for c in claim.cues if c.kind in ("method", "disclaimer", "indication")]
    triggers = [c for c in claim.cues if c.kind == "negation"]
    for c in claim.cues:
        if c.negated and c.kind == "causal" and c.text.lower().startswith("cause"):
            # "does not cause hoarseness": whatever it does not cause is a harm (the negation
            # must be the verb's own: "cannot establish that X causes Y" is a limitation)
            before = [t.lower for t in tokens_of(claim.sentence) if t.end <= c.start][-2:]
            if {"not", "n't", "never"} & set(before):
                return Decision(True, "negated-harm", f"'{c.text}' is negated", (c.start, c.end))
        if c.negated and c.kind in ("harm", "burden"):
            if any(d.start < c.start for d in denied):
                continue
            own = [t for t in triggers if t.end <= c.start]
            if own and any(_overlaps(own[-1], f) for f in framed):
                continue
            reason = "negated-harm" if c.kind == "harm" else "negated-burden"
            return Decision(True, reason, f"'{c.text}' is negated", (c.start, c.end))
    return None


# Negated subjects that make a comparison a claim of superiority ("Nothing works better than
# X", "No other CGM is more accurate", "None lasts longer").
_NOTHING = frozenset({"nothing", "none", "nobody", "no one", "no-one"})


def _negated_superiority(
    claim: Claim, tokens: tuple[Token, ...], names: frozenset[tuple[str, ...]]
) -> Decision | None:
    """A comparison or superlative negated by its subject, in a sentence about a product: the
    product is claimed to be the best ("Nothing works better than La Campana")."""
    negations = [c for c in claim.cues if c.kind == "negation"]
    for c in claim.cues:
        if not (c.negated and c.kind in ("comparative", "superlative")):
            continue
        if c.kind == "comparative" and c.text.lower() in BARE:
            continue
        trigger = next((n for n in reversed(negations) if n.end <= c.start), None)
        if trigger is None:
            continue
        word = trigger.text.lower()
        after = next((t.lower for t in tokens if t.start >= trigger.end), None)
        # "No other hemostat works as fast" compares with every other product on its own
        no_other = word == "no" and after == "other"
        if not (word in _NOTHING or no_other):
            continue
        if no_other or _product_ref(tokens, names):
            return Decision(
                True,
                "cue",
                f"'{trigger.text} ... {c.text}' claims superiority",
                (trigger.start, c.end),
            )
    return None


def _relative(tokens: tuple[Token, ...], cue: Cue) -> bool:
    """True when a cue stands in a relative clause ("responders who entered the extension")."""
    before = [t for t in tokens if t.end <= cue.start]
    return bool(before) and before[-1].lower in ("who", "that", "which", "whom")


def _contrast_claim(claim: Claim, tokens: tuple[Token, ...], cue: Cue) -> bool:
    """True when a contrast after a disclaimer makes a claim of its own ("..., but it cuts X")."""
    lex = lexicon()
    for t in tokens:
        if t.start > cue.end and t.lower in ("but", "however", "yet", "although", "whereas"):
            return any(c.start > t.start and not c.negated and _strong(c, lex) for c in claim.cues)
    return False


def _definition(
    claim: Claim, tokens: tuple[Token, ...], live: list[Cue], names: frozenset[tuple[str, ...]]
) -> Decision | None:
    """What a term or metric means: "PASI 75 means ...", "Broad spectrum means a sunscreen
    protects against ...". A subject that names or points at the product ("That means",
    "Velzura means") makes a claim instead; a prohibited phrase in a definition is still
    caught (the pipeline checks prohibited phrases in definitions)."""
    cue = _first(live, "definition")
    if cue is not None:
        return _quote(False, "definition", cue)
    for i, t in enumerate(tokens):
        if t.lower in ("means", "meant") and 0 < i <= 8:
            subject = tokens[:i]
            if subject[0].lower in ("that", "this", "which", "it", "these", "so"):
                return None
            if _product_ref(subject, names) or any(_finite(s) for s in subject):
                return None
            if any(u.lower in ("you", "your") for u in tokens[i + 1 :]):
                return None  # "... means your patients are protected": a promise to the reader
            return Decision(
                False,
                "definition",
                f"'{_words(tokens, 0, i + 1)}' defines a term",
                (tokens[0].start, t.end),
            )
    return None


# ---------------------------------------------------------------------- claim cues


def _strong(c: Cue, lex: Lexicon) -> bool:
    """True for a cue that makes a claim on its own (not a weak attribute family, and not a
    population word, which says who, not what: "As everyone experiences migraine ...")."""
    if c.kind == "attribute":
        return c.rule not in lex.weak
    if c.kind == "correlational" and c.rule == "prevalence":
        return False  # "Nonadherence is common in COPD": background, unless about a product
    return c.kind in CLAIM_KINDS and c.kind != "population"


def _figure(
    claim: Claim, tokens: tuple[Token, ...], lex: Lexicon, product: bool = False
) -> Cue | None:
    """A live figure that claims: a percentage or proportion, a number with an outcome word,
    or a measurement of a product ("TensiCheck BP7 had a mean difference of 2.1 mmHg")."""
    text = claim.sentence.text
    numbers = [
        c for c in claim.cues if c.kind == "number" and not c.negated and not _label(text, c)
    ]
    for c in numbers:
        value = c.value
        if isinstance(value, tuple) and value[1] == "%":
            return c
    if numbers and any(t.lemma in lex.outcomes or t.lower in lex.outcomes for t in tokens):
        return numbers[0]
    if product:
        for c in numbers:
            if isinstance(c.value, tuple) and c.value[1] in MEASURES:
                return c
    return None


_LABEL_BEFORE = re.compile(
    r"(?:\b(?:week|day|month|year|hour|visit|phase|stage|grade|type|table|figure|fig|part|"
    r"section|step|class|level|cycle|arm|cohort|study|trial)\s+|[A-Za-z]-)$",
    re.IGNORECASE,
)


def label_number(text: str, cue: Cue) -> bool:
    """True for a number that labels rather than measures ("week 16", "VELA-1", "phase 3",
    "OrbiSense 3", "PASI 75")."""
    value = cue.value
    if isinstance(value, tuple) and value[1] is not None:
        return False
    before = text[: cue.start]
    if _LABEL_BEFORE.search(before):
        return True
    words = before.rstrip().split()
    return (
        bool(words)
        and before.endswith(" ")
        and words[-1][:1].isupper()
        and words[-1][-1:].isalnum()
    )


_label = label_number


def _copula_adjective(tokens: tuple[Token, ...], lex: Lexicon) -> int | None:
    """The index of an adjective after "is"/"are" ("The sensor is water-resistant")."""
    for i, t in enumerate(tokens[:-1]):
        if t.lower not in COPULAS:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].lower in (
            "so",
            "very",
            "really",
            "also",
            "now",
            "well",
        ):
            j += 1
        if j >= len(tokens):
            return None
        word = tokens[j]
        if word.lower in DETERMINERS or word.lower in ("a", "an", "not", "no", "n't"):
            return None
        pos = parts_of_speech(word.lemma) | parts_of_speech(word.lower)
        if word.lower.endswith("ed") and word.lower != word.lemma:
            return None  # "was published in 2025": a passive, not a property
        if "adj" in pos and word.lower not in ("available",):
            return j
        return None
    return None


_COMMON_ACRONYMS = frozenset(
    {
        "FDA",
        "US",
        "USA",
        "UK",
        "EU",
        "NHS",
        "MHRA",
        "EMA",
        "CE",
        "OTC",
        "ISO",
        "HCP",
        "HCPS",
        "IFU",
        "PI",
        "ISI",
        "AM",
        "PM",
        "TV",
        "FAQ",
        "USB",
        "LED",
        "NB",
        "OK",
        "ID",
    }
)


def _endpoint_named(tokens: tuple[Token, ...], names: frozenset[tuple[str, ...]]) -> bool:
    """True when the sentence names a measured endpoint by its code ("FEV1", "HbA1c",
    "PASI 75"): in a product's document such a sentence reports the product's results."""
    for i, t in enumerate(tokens):
        text = t.text
        if text in _COMMON_ACRONYMS or not text[:1].isalpha():
            continue
        if "-" in text:
            continue  # "VELA-1", "IL-23": a trial or a molecule, not an endpoint
        if any(ch.isdigit() for ch in text) and any(ch.isupper() for ch in text):
            return True  # FEV1, HbA1c, ACR20
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if 2 <= len(text) <= 5 and text.isupper() and nxt is not None and nxt.like_num:
            return True  # PASI 75
    return False


def _product_ref(tokens: tuple[Token, ...], names: frozenset[tuple[str, ...]]) -> bool:
    """True when the sentence names or points at a product."""
    # One pass per kind of reference, the cheap set tests first (any one of them will do).
    lows = [t.lower for t in tokens]
    if not PRONOUNS.isdisjoint(lows):
        return True
    if any(t.text in _MARKS for t in tokens[1:]):
        return True  # "ArcGuide®": a mark after a name
    firsts = {n[0] for n in names}
    if not firsts.isdisjoint(lows):
        for i, low in enumerate(lows):
            if low in firsts and any(
                tuple(lows[i : i + len(n)]) == n for n in names if n[0] == low
            ):
                return True
    if not DETERMINERS.isdisjoint(lows):
        nouns = lexicon().product_nouns
        for i, low in enumerate(lows):
            if low in DETERMINERS and any(w in nouns for w in lows[i + 1 : i + 4]):
                return True  # "the sensor", "each capsule"
    for i, t in enumerate(tokens):
        text = t.text
        rest = text[1:]
        if len(text) >= 4 and rest != rest.lower() and _CAMEL.match(text):
            # CamelCase ("ArcGuide", "iPhone"), not an acronym ("UCL") or "mRNA"
            hump = next((k for k, ch in enumerate(text) if k and ch.isupper()), None)
            if (
                hump is not None
                and any(ch.islower() for ch in rest)
                and any(ch.islower() for ch in text[hump:])
            ):
                return True
        low = lows[i]
        if low.endswith(_INN_ENDINGS) and _INN.match(low):
            return True  # an international non-proprietary name ("ostrakizumab")
        if text[:1].isupper() and _brand_like(tokens, i):
            return True
    return False


# Words before a capitalised name that make it a person or a place, not a product.
_NOT_BRAND_BEFORE = frozenset(
    {
        "dr",
        "dr.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "prof",
        "prof.",
        "professor",
        "in",
        "at",
        "from",
        "of",
        "near",
        "said",
        "says",
        "by",
        "to",
        "st",
        "st.",
        "saint",
    }
)


def _brand_like(tokens: tuple[Token, ...], i: int) -> bool:
    """True for a capitalised word that is not an English word ("Teami", "Arthroplex"): in
    promotional copy such a word is a brand, whether or not the registry knows it. Titles,
    places ("in Zug") and all-capital words (acronyms, datelines) are not."""
    t = tokens[i]
    text = t.text
    if len(text) < 4 or not text.isalpha() or not text[0].isupper() or text.isupper():
        return False
    if not text[1:].islower():
        return False  # CamelCase is handled by its own rule
    if parts_of_speech(t.lower) or parts_of_speech(t.lemma) or t.lower in _stop_words():
        return False
    if i > 0 and tokens[i - 1].lower in _NOT_BRAND_BEFORE:
        return False
    # "Elena Lindgren", "Maria Okafor": a person's name reads as first name + surname
    return not any(_name_word(tokens, j) for j in (i - 1, i + 1))


def _name_word(tokens: tuple[Token, ...], j: int) -> bool:
    """A first name, a surname or an initial ("T.", "Okafor")."""
    if not 0 <= j < len(tokens):
        return False
    text = tokens[j].text
    if len(text) <= 2 and text[:1].isupper() and text.rstrip(".").isalpha():
        return True  # an initial
    return text[:1].isupper() and text.isalpha() and not parts_of_speech(text.lower())


_STOP: frozenset[str] | None = None


def _stop_words() -> frozenset[str]:
    """English function words ("your", "whose"): never brand names."""
    global _STOP
    if _STOP is None:
        from spacy.lang.en.stop_words import STOP_WORDS

        _STOP = frozenset(STOP_WORDS)
    return _STOP


# ---------------------------------------------------------------------- helpers


def _first(cues: Iterable[Cue], kind: str) -> Cue | None:
    return next((c for c in cues if c.kind == kind), None)


def _overlaps(a: Cue, b: Cue) -> bool:
    return a.start < b.end and b.start < a.end


def _quote(claim: bool, reason: str, cue: Cue | None) -> Decision:
    if cue is None:
        return Decision(claim, reason, REASONS[reason])
    label = cue.kind if cue.rule is None else f"{cue.kind} {cue.rule}"
    return Decision(claim, reason, f"'{cue.text}' ({label})", (cue.start, cue.end))


def _words(tokens: tuple[Token, ...], lo: int, hi: int) -> str:
    return " ".join(t.text for t in tokens[lo:hi])
