"""Turn a sentence into the normalised terms and numbers that matching and checks compare.

A term is a lemma with stopwords dropped, or a canonical concept from `rules/synonyms.yaml`
("cut", "shortened", "lower" -> DECREASE; "operating time", "surgical time" -> OPTIME),
matched longest phrase first on lemmas. Numbers are kept apart from words: "12%", "12 percent"
and "12 per cent" all read as Number(12.0, "PERCENT"); "78 min" and "78 minutes" as
Number(78.0, "MINUTE"). p-values, sample sizes written "n=212" and years are marked so that
checks can ignore them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from claimcheck.segment import tokens_of  # light: spaCy is imported on first use only

if TYPE_CHECKING:
    from collections.abc import Callable

    from claimcheck.model import Sentence, Token

# Function words that carry no claim content. Negations are kept apart (NEGATIONS) because a
# prohibited phrase such as "no side effects" depends on them.
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "than",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "within",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "as",
        "per",
        "via",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "have",
        "has",
        "had",
        "having",
        "it",
        "its",
        "it's",
        "they",
        "them",
        "their",
        "we",
        "our",
        "us",
        "you",
        "your",
        "he",
        "she",
        "his",
        "her",
        "him",
        "i",
        "me",
        "my",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "how",
        "so",
        "such",
        "also",
        "just",
        "only",
        "very",
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "shall",
        "should",
        "must",
        "up",
        "out",
        "off",
        "each",
        "both",
        "any",
        "some",
        "other",
        "another",
        "same",
        "own",
        "one's",
        "after",
        "before",
        "during",
        "between",
        "among",
        "through",
        "throughout",
        "across",
        "vs",
        "again",
        "further",
        "once",
        "all",
        "most",
        "more",
        "less",
        "much",
        "many",
        "few",
        "ever",
    }
)
NEGATIONS = frozenset({"not", "no", "never", "without", "n't", "none", "nor", "neither", "cannot"})

_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$")
_STAT = re.compile(r"^([pn])\s*([=<>≤≥])\s*([+-]?\d*\.?\d+)$", re.IGNORECASE)
_STAT_BEFORE = re.compile(r"\b([pn])\s*[=<>≤≥]\s*$", re.IGNORECASE)
_TIMES = re.compile(r"^(\d+(?:\.\d+)?)[x×]$", re.IGNORECASE)
_SYMBOLS = frozenset({"%", "°"})


class Term(NamedTuple):
    """A content term of a sentence: canonical key, kind and span in the sentence text (a
    named tuple: built for every word of every claim, a frozen dataclass costs 3x more)."""

    key: str
    kind: str  # word | number | negation | a concept kind (effect, endpoint, unit, ...)
    start: int
    end: int


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s+{_MONTHS}\b(?!\s+(?:of|to)\b)", re.IGNORECASE)
_APPROX_BEFORE = re.compile(
    r"\b(nearly|almost|about|around|approximately|roughly|close to|more than|over|at least|"
    r"upwards of|less than|under|fewer than)\s+$",
    re.IGNORECASE,
)
# Time units in days, so that spans in different units compare ("1 year" = "12 months").
DAYS = {"HOUR": 1 / 24, "DAY": 1.0, "WEEK": 7.0, "MONTH": 30.44, "YEAR": 365.25}


@dataclass(frozen=True, slots=True)
class Number:
    """A number stated in a sentence, its unit concept (e.g. PERCENT) and what it stands for."""

    value: float
    unit: str | None
    text: str
    start: int
    end: int
    role: str = "value"  # value | p | n | year
    decimals: int = 0
    # A figure in words that states a range ("nearly half" = 42.5-50%): the values it covers.
    low: float | None = None
    high: float | None = None

    def same(self, other: Number) -> bool:
        """True when `other` states this number, at this number's precision, in the same unit.

        A range in words ("nearly half", "nine in ten") covers every value inside it.
        """
        a, b = abs(self.value), abs(other.value)
        if self.unit != other.unit and self.unit in DAYS and other.unit in DAYS:
            # "1 year" is "12 months", "week 156" is "3 years"
            a, b = a * DAYS[self.unit], b * DAYS[other.unit]
            return abs(a - b) <= 0.06 * max(a, b) + 1e-9
        if self.unit and other.unit and self.unit != other.unit:
            return False
        if self.low is not None and self.high is not None:
            # "nine in ten" is a proportion: only a percentage can be what it rounds.
            return other.unit == self.unit and self.low - 1e-9 <= b <= self.high + 1e-9
        return abs(a - b) <= 0.5 * 10.0 ** (-self.decimals) + 1e-9


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Synonym phrases (lemma tuples) -> concept, compiled from rules/synonyms.yaml."""

    phrases: dict[tuple[str, ...], str]
    kinds: dict[str, str]  # concept -> kind
    longest: int
    # First word of any phrase -> the longest phrase it starts (lets most words skip lookups).
    firsts: dict[str, int] = field(default_factory=dict)


def _lemma_seq(text: str) -> tuple[str, ...]:
    from claimcheck.segment import sentence_of

    return tuple(t.lemma.lower() for t in sentence_of(text).tokens if t.text.strip())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The built-in synonym lexicon (loaded and lemmatised once per process)."""
    raw = resources.files("claimcheck.rules").joinpath("synonyms.yaml").read_text("utf-8")
    data = yaml.load(raw, Loader=yaml.CSafeLoader)  # libyaml: same data, far faster
    phrases: dict[tuple[str, ...], str] = {}
    kinds: dict[str, str] = {}
    for concept, entry in data["concepts"].items():
        kinds[concept] = entry["kind"]
        for term in entry["terms"]:
            text = str(term)
            surface = tuple(text.lower().split())
            lemmas = _lemma_seq(text)
            # The lookup lemmatiser reads some abbreviations as function words ("d" -> "have"):
            # such a lemma would turn every "have" into the unit DAY, so it is not a synonym.
            if len(lemmas) == 1 and lemmas[0] in STOPWORDS and lemmas != surface:
                lemmas = ()
            for seq in {lemmas, surface}:
                if seq:
                    phrases.setdefault(seq, concept)
    # Generic words keep their own term but count little and never make an endpoint: verbs
    # every claim uses ("support", "provide") and the detector's evaluative words
    # ("clinically", "proven", "dramatically", "leading"), which checks judge, not matching.
    from claimcheck.detect.lexicon import lexicon as cue_lexicon

    evaluative = cue_lexicon().words_of(EVALUATIVE_KINDS)
    for word in {*(str(w).lower() for w in data.get("generic", ())), *evaluative}:
        key = _lemma_seq(word)
        if len(key) == 1 and key not in phrases and key[0] not in STOPWORDS | NEGATIONS:
            phrases[key] = key[0]
            kinds[key[0]] = "generic"
    firsts: dict[str, int] = {}
    for seq in phrases:
        firsts[seq[0]] = max(firsts.get(seq[0], 0), len(seq))
    return Lexicon(phrases, kinds, max(len(p) for p in phrases), firsts)


# Cue kinds whose one-word phrases are generic words for matching.
EVALUATIVE_KINDS = frozenset({"intensifier", "absolute", "superlative", "red-flag"})


def tokens(sentence: Sentence) -> tuple[Token, ...]:
    """The sentence's tokens, tokenising it now when the segmenter left them out."""
    return tokens_of(sentence)


def _words(sentence: Sentence) -> list[Token]:
    return [t for t in tokens(sentence) if not t.is_punct or t.text in _SYMBOLS]


# Sentence text -> terms, content terms and numbers: matching and every check of a claim ask
# for the same ones. Cleared when full; callers must not modify what they get.
_CACHE: dict[tuple[str, str], list[Any]] = {}
_CACHE_SIZE = 65536


def _cached(what: str, sentence: Sentence, make: Callable[[Sentence], list[Any]]) -> list[Any]:
    key = (sentence.text, what)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        found = _CACHE[key] = make(sentence)
    return found


def terms(sentence: Sentence, *, stopwords: bool = False) -> list[Term]:
    """The sentence's terms in order: concepts, lemmas, numbers and negations.

    With `stopwords=False` (matching), function words are dropped; with True (phrase rules)
    they are kept as plain words so that patterns can rely on them. Cached by text, since
    every check of a claim asks for the same terms (callers must not modify the list).
    """
    if stopwords:
        return _cached("terms+stop", sentence, lambda s: _terms(s, True))
    return _cached("terms", sentence, lambda s: _terms(s, False))


def _terms(sentence: Sentence, stopwords: bool) -> list[Term]:
    lex = lexicon()
    phrases, firsts = lex.phrases, lex.firsts
    words = _words(sentence)
    lemmas = [_base(t.lemma.lower()) for t in words]
    count = len(words)
    out: list[Term] = []
    spans = _spelled_all(sentence)
    i = 0
    while i < count:
        tok = words[i]
        text = tok.text
        span = _inside(spans, tok.start) if spans else None
        if span is not None:  # "nine in ten", "twenty-five percent": one number term
            if not out or out[-1].start != span.start:
                out.append(Term(f"#{span.value:g}", "number", span.start, span.end))
            i += 1
            continue
        # Only a token with a digit can be a number, a statistic or an "x-fold".
        if not text.isalpha() and (
            _as_number(text) is not None or _STAT.match(text) or _TIMES.match(text)
        ):
            out.append(Term("#" + text.lower().lstrip("+"), "number", tok.start, tok.end))
            i += 1
            continue
        lem = lemmas[i]
        # No phrase starts with this lemma (or lower-case form): only the word itself is left.
        top = firsts.get(lem, 0)
        if top or tok.lower in firsts:
            for n in range(min(max(top, 1), count - i), 0, -1):
                concept = phrases.get(tuple(lemmas[i : i + n]))
                if concept is None and n == 1:
                    concept = phrases.get((tok.lower,))
                if concept is not None:
                    out.append(Term(concept, lex.kinds[concept], tok.start, words[i + n - 1].end))
                    i += n
                    break
            else:
                concept = None
            if concept is not None:
                continue
        if lem in NEGATIONS or tok.lower in NEGATIONS:
            out.append(Term("not", "negation", tok.start, tok.end))
        elif (
            stopwords or (lem not in STOPWORDS and tok.lower not in STOPWORDS and len(lem) > 1)
        ) and (lem.isalnum() or any(ch.isalnum() for ch in lem)):
            out.append(Term(lem, "word", tok.start, tok.end))
        i += 1
    return out


@lru_cache(maxsize=65536)
def _base(lemma: str) -> str:
    """A lemma's own lemma: the lookup table maps "readings" to "reading" and "reading" to
    "read", so copy that says "reading" and a claim that says "readings" share a term."""
    from claimcheck.segment import lemma as lookup

    again = lookup(lemma)
    return again if again != lemma and len(again) >= 3 else lemma


def content(sentence: Sentence) -> list[Term]:
    """Terms that say what a sentence is about: no numbers, negations or stopwords."""
    return _cached("content", sentence, _content)


def _content(sentence: Sentence) -> list[Term]:
    return [t for t in terms(sentence) if t.kind not in ("number", "negation")]


def _as_number(text: str) -> float | None:
    if not _NUMBER.match(text):
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def numbers(sentence: Sentence) -> list[Number]:
    """Every number of a sentence with its unit and role (value, p-value, sample size, year).

    Cached by text (callers must not modify the list).
    """
    return _cached("numbers", sentence, _numbers)


def _spelled_all(sentence: Sentence) -> list[Any]:
    """Every figure in words in the sentence ("two", "nine in ten"): each is one number term."""
    from claimcheck.detect.numwords import spelled

    return _cached("spelled", sentence, lambda s: spelled(s.text))


def _spelled(sentence: Sentence) -> list[Any]:
    """The figures in words that `numbers` reads: proportions, fractions, percents, and
    cardinals followed by a unit ("four times a year", "fifteen minutes"); a bare count ("one
    of the", "two starter doses") is left out, as a bare word number always was."""
    return [
        s
        for s in _spelled_all(sentence)
        if s.unit is not None or _unit_after(sentence, s.end)[0] is not None
    ]


def _inside(spans: list[Any], offset: int) -> Any:
    for span in spans:
        if span.start <= offset < span.end:
            return span
    return None


def _unit_after(sentence: Sentence, offset: int) -> tuple[str | None, int]:
    """The unit concept stated right after an offset ("minutes", "times", "%"), and its end."""
    lex = lexicon()
    words = [w for w in _words(sentence) if w.start >= offset]
    j = 0
    if j < len(words) and words[j].text == "-":  # "3-fold", "12-month"
        j += 1
    for n in range(min(3, len(words) - j), 0, -1):
        seq = tuple(w.lemma.lower() for w in words[j : j + n])
        concept = lex.phrases.get(seq) or (n == 1 and lex.phrases.get((words[j].lower,)))
        if concept and lex.kinds.get(concept) == "unit":
            return concept, words[j + n - 1].end
    if j < len(words) and words[j].lower in {"fold", "times", "x", "×"}:
        return "TIMES", words[j].end
    return None, offset


def _numbers(sentence: Sentence) -> list[Number]:
    from claimcheck.detect.numbers import REFERENCE_MARK

    words = _words(sentence)
    marks = [m.span() for m in REFERENCE_MARK.finditer(sentence.text)]
    if marks:  # "[2]" points at a citation: not a figure of the claim
        words = [w for w in words if not any(a <= w.start < b for a, b in marks)]
    out: list[Number] = []
    for s in _spelled(sentence):
        if s.unit == "%":
            unit, end = "PERCENT", s.end
        else:
            unit, end = _unit_after(sentence, s.end)
        low, high = (s.low, s.high) if s.approximate else (None, None)
        text = sentence.text[s.start : end]
        out.append(Number(s.value, unit, text, s.start, end, "value", 0, low, high))
    for tok in words:
        if tok.text.isalpha():
            continue  # a number, statistic or "x-fold" has a digit
        if _inside(out, tok.start) is not None:
            continue  # the "9" of "9 out of 10"
        stat = _STAT.match(tok.text)
        if stat:
            role = "p" if stat.group(1).lower() == "p" else "n"
            v = stat.group(3)
            out.append(Number(float(v), None, tok.text, tok.start, tok.end, role, _decimals(v)))
            continue
        times = _TIMES.match(tok.text)
        if times:
            v = times.group(1)
            out.append(
                Number(float(v), "TIMES", tok.text, tok.start, tok.end, "value", _decimals(v))
            )
            continue
        value = _as_number(tok.text)
        if value is None:
            continue
        before = _STAT_BEFORE.search(sentence.text, 0, tok.start)
        if before:
            role = "p" if before.group(1).lower() == "p" else "n"
            out.append(Number(value, None, tok.text, tok.start, tok.end, role, _decimals(tok.text)))
            continue
        if _MONTH_BEFORE.search(sentence.text, 0, tok.start) or _MONTH_AFTER.match(
            sentence.text, tok.end
        ):
            continue  # "January 12, 2027", "12 March": a date
        unit, end = _unit_after(sentence, tok.end)
        end = max(end, tok.end)
        role = "value"
        if unit is None and value.is_integer() and 1900 <= value <= 2100 and "," not in tok.text:
            role = "year"
        text = sentence.text[tok.start : end]
        low = high = None
        approx = _APPROX_BEFORE.search(sentence.text, 0, tok.start)
        if approx and role == "value":
            # "roughly 30%", "more than 90%": the words give a range around the figure
            from claimcheck.detect.numwords import approximate

            low, high = approximate(approx.group(1), value, unit == "PERCENT")
        out.append(Number(value, unit, text, tok.start, end, role, _decimals(tok.text), low, high))
    out.sort(key=lambda n: n.start)
    return out


@lru_cache(maxsize=4096)
def phrase_terms(text: str) -> tuple[Term, ...]:
    """The terms of a free-standing phrase (stopwords kept), e.g. a prohibited phrase."""
    from claimcheck.segment import sentence_of

    return tuple(terms(sentence_of(text), stopwords=True))
