"""Split a Document into Sentences with one blank spaCy pipeline per process.

The pipeline is `spacy.blank("en")` + the rule-based "sentencizer". Abbreviations common in
clinical copy ("vs.", "e.g.", "et al.", "approx.", "Fig.", "No. 1", "U.S." ...) never end a
sentence: spaCy's English tokenizer exceptions keep most of them whole, and a split the
sentencizer makes right after one of ABBREVIATIONS (or after a short word + "." before a
lower-case word) is joined again. We do not add tokenizer special cases for the rest: every
added case that ends in "." switches off the tokenizer cache for the rest of each document
that contains one (spaCy #1250 guard), which made the tokenizer ~3x slower on clinical copy. Lemmas come straight from spacy-lookups-data's
`lemma_lookup` table (loaded once; a dict lookup is faster than the lemmatizer component).

Tokens are built lazily and never stored on segmented Sentences: `segment()` returns them with
`tokens == ()`, which keeps Sentences cheap to pickle between worker processes. `tokens_of(sentence)`
returns them from a per-process cache keyed by sentence text. `segment()` fills that cache from
the block's own tokenization (one `doc.to_array` read per block, sliced per sentence), so a
sentence is tokenized once; a sentence the cache no longer holds, or whose boundary does not
fall on whitespace, is tokenized again from its text. Both give the same tokens: spaCy
tokenizes each whitespace-separated chunk on its own, and a sentence that starts and ends at
whitespace is made of whole chunks. A block seen before (drafts repeat boilerplate) is not
tokenized or split again: its sentences are kept by block text. `sentence_of(text)` returns a
Sentence with its tokens filled in.

Sentence starts are found by the sentencizer's own rule (and punctuation set) run over that
array, never via `doc.sents`/`doc.text` or the component itself, which build a Python Token per
word. Measured with `python benchmarks/judgement_nlp.py speed` (1M-word synthetic marketing
corpus, one core of the 2-core dev machine): segment() ~315k words/s with every sentence's
tokens built; before, segment() ran at 330k-490k words/s and tokens_of() at ~200k words/s on top.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from claimcheck.model import Document, Location, Sentence, Token

if TYPE_CHECKING:
    from collections.abc import Iterable

# Abbreviations that end with a period but never end a sentence in practice.
ABBREVIATIONS = (
    "vs.",
    "Vs.",
    "e.g.",
    "E.g.",
    "i.e.",
    "I.e.",
    "al.",
    "Dr.",
    "Drs.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Prof.",
    "approx.",
    "Approx.",
    "Fig.",
    "fig.",
    "Figs.",
    "figs.",
    "No.",
    "Nos.",
    "ca.",
    "Ca.",
    "cf.",
    "Cf.",
    "resp.",
    "Ref.",
    "Refs.",
    "ref.",
    "Eq.",
    "eq.",
    "Tab.",
    "Suppl.",
    "vol.",
    "Vol.",
    "pp.",
    "p.",
    "Inc.",
    "Ltd.",
    "Corp.",
    "Co.",
    "Jr.",
    "Sr.",
    "St.",
    "Mt.",
    "min.",
    "max.",
    "avg.",
    "est.",
    "incl.",
    "excl.",
    "U.S.",
    "U.K.",
    "E.U.",
    "U.S.A.",
    "Ph.D.",
    "M.D.",
    "D.O.",
    "R.N.",
    "B.Sc.",
    "M.Sc.",
    "etc.",
    "viz.",
    "wt.",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
# Abbreviations that often do end a sentence: joined only before a lower-case word.
_SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc.", "Inc.", "Ltd.", "Corp.", "Co."})
_NUMBERED = frozenset({"No.", "Nos."})  # joined only before a number
_ABBREVIATIONS = frozenset(ABBREVIATIONS) - _NUMBERED - _SENTENCE_FINAL_ABBREVIATIONS

_NLP: Any = None
_LEMMAS: dict[int, str] | None = None


def nlp() -> Any:
    """The process-wide spaCy pipeline (built on first use)."""
    global _NLP
    if _NLP is None:
        import spacy

        pipe = spacy.blank("en")
        pipe.add_pipe("sentencizer")
        _NLP = pipe
    return _NLP


def lemmas() -> dict[int, str]:
    """The English lookup-lemma table, keyed by the hash of the lower-case form."""
    global _LEMMAS
    if _LEMMAS is None:
        from spacy.strings import get_string_id
        from spacy.util import load_language_data, registry

        # What spacy.lookups.load_lookups("en", ["lemma_lookup"]) reads, keyed the way its
        # Table keys it, without building the Table (an OrderedDict + bloom filter): 3x faster.
        data = load_language_data(registry.lookups.get("en")["lemma_lookup"])
        _LEMMAS = {get_string_id(word): lemma for word, lemma in data.items()}
    return _LEMMAS


def lemma(word: str) -> str:
    """Lookup lemma of a word (lower-cased), or the lower-cased word itself."""
    from spacy.strings import hash_string

    low = word.lower()
    return lemmas().get(hash_string(low)) or _unknown_lemma(low)


def _unknown_lemma(low: str) -> str:
    """A plural the lookup table does not know ("smartphones", "CGMs") read as its singular;
    any other unknown word is its own lemma."""
    if len(low) < 5 or not low.isalpha():
        return low
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("sses", "ches", "shes", "xes", "zes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "os", "as")):
        return low[:-1]
    return low


_LOWER_WORD = re.compile(r"[a-z]+(?=[\s,;:]|$)")
_SHORT_WORD = re.compile(r"\(?[A-Za-z]{1,6}\.$")


def _joins(prev: str, nxt: str) -> bool:
    """True when a split between `prev` and `nxt` fell after an abbreviation, not a sentence."""
    # The last word of `prev`, which is stripped (str.split's whitespace is the regex \s).
    tail = prev.rsplit(None, 1)[-1].lstrip("([")
    if tail in _NUMBERED:
        return nxt[:1].isdigit()
    if tail in _ABBREVIATIONS:
        return True
    # A split before a lower-case word is almost always an unknown abbreviation.
    return bool(
        _SHORT_WORD.match(tail)
        and tail not in _SENTENCE_FINAL_ABBREVIATIONS
        and _LOWER_WORD.match(nxt)
    )


# One array read per block gives what a Token needs (see _build_tokens) and what the
# sentencizer looks at.
_TOKEN_ATTRS = [
    "IDX",
    "LENGTH",
    "LOWER",
    "IS_SPACE",
    "IS_PUNCT",
    "IS_QUOTE",
    "IS_BRACKET",
    "LIKE_NUM",
]
_LEXEMES: dict[int, tuple[str, str]] = {}  # LOWER hash -> (lower-case form, lookup lemma)


def _sentence_starts(rows: list[list[int]], text: str, punct_chars: Any) -> list[int]:
    """Offsets where spaCy's "sentencizer" starts a sentence, read from token rows.

    The same rule as `Sentencizer.predict`: after a token that is one of its punctuation
    characters, the next token that is neither punctuation nor such a character starts a
    sentence. Run on the array instead of the component, which builds a Token per word.
    Each of those characters is punctuation (IS_PUNCT) on its own, so only punctuation
    tokens are looked up among them.
    """
    if not rows:
        return []
    starts = [rows[0][0]]
    seen_period = False
    for idx, length, _, _, punct, _, _, _ in rows:
        if not punct:
            if seen_period:
                starts.append(idx)
                seen_period = False
        elif text[idx : idx + length] in punct_chars:
            seen_period = True
    return starts


def _spans(bounds: list[int], text: str) -> Iterable[tuple[int, int]]:
    """(start, end) spans of the sentences starting at `bounds` in `text`, stripped and re-joined."""
    bounds.append(len(text))
    if bounds[0] != 0:
        bounds.insert(0, 0)
    pending: tuple[int, int] | None = None
    for i in range(len(bounds) - 1):
        start, end = bounds[i], bounds[i + 1]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if pending is not None:
            if _joins(text[pending[0] : pending[1]], text[start:end]):
                pending = (pending[0], end)
                continue
            yield pending
        pending = (start, end)
    if pending is not None:
        yield pending


def _build_tokens(rows: list[list[int]], text: str, offset: int) -> tuple[Token, ...]:
    """Tokens from `_TOKEN_ATTRS` rows of `text`, with offsets moved back by `offset`."""
    lexemes = _LEXEMES
    new = tuple.__new__
    out: list[Token] = []
    append = out.append
    for idx, length, lower, space, punct, quote, bracket, num in rows:
        if space:
            continue
        lex = lexemes.get(lower)
        if lex is None:
            low = nlp().vocab.strings[lower]
            lex = lexemes[lower] = (low, lemmas().get(lower) or _unknown_lemma(low))
        start = idx - offset
        # (text, lower, lemma, start, end, is_punct, like_num), without Token's __new__; the
        # flags are 0 or 1.
        append(
            new(
                Token,
                (
                    text[idx : idx + length],
                    lex[0],
                    lex[1],
                    start,
                    start + length,
                    (punct or quote or bracket) == 1,
                    num == 1,
                ),
            )
        )
    return tuple(out)


def segment(doc: Document) -> list[Sentence]:
    """Every sentence of every block of a document, in order (tokens left empty; see tokens_of)."""
    pipe = nlp()
    tokenizer = pipe.tokenizer
    punct_chars = pipe.get_pipe("sentencizer").punct_chars
    out: list[Sentence] = []
    cache = _TOKENS
    # Room for this draft's sentences, so that filling the cache never evicts them before
    # detect reads them; past half the cache, sentences are tokenized on demand instead.
    room = _TOKENS_SIZE // 2
    if len(cache) > room:
        cache.clear()
    _PENDING.clear()  # the last draft's
    for index, block in enumerate(doc.blocks):
        btext = block.text
        spans = _BLOCKS.get(btext)
        if spans is None:
            spans, room = _split(btext, tokenizer, punct_chars, room)
        for start, end, text in spans:
            line = None if block.line is None else block.line + btext.count("\n", 0, start)
            out.append(
                Sentence(
                    text=text,
                    block=index,
                    location=Location(
                        page=block.page,
                        paragraph=block.paragraph,
                        line=line,
                        start=start,
                        end=end,
                        slide=block.slide,
                    ),
                    kind=block.kind,
                )
            )
    return out


# Block text -> its sentences as (start, end, text): drafts repeat blocks (boilerplate,
# disclaimers), which are then neither tokenized nor split again. A sentence of a repeated
# block whose tokens are asked for again is tokenized from its own text (the same tokens).
_BLOCKS: dict[str, tuple[tuple[int, int, str], ...]] = {}
_BLOCKS_SIZE = 32768


def _split(
    btext: str, tokenizer: Any, punct_chars: Any, room: int
) -> tuple[tuple[tuple[int, int, str], ...], int]:
    """A block's sentences (kept in _BLOCKS), with the tokens of those that are whole
    whitespace-separated chunks left pending in _PENDING while `room` lasts; and the room left."""
    rows = tokenizer(btext).to_array(_TOKEN_ATTRS).tolist()
    starts: list[int] | None = None
    last = len(btext)
    cache = _TOKENS
    spans = []
    for start, end in _spans(_sentence_starts(rows, btext, punct_chars), btext):
        text = btext[start:end].replace("\n", " ")
        if (
            room > 0
            and text not in cache
            and (start == 0 or btext[start - 1].isspace())
            and (end == last or btext[end].isspace())
        ):
            # Whole whitespace-separated chunks: the block's tokens are the sentence's.
            if starts is None:
                starts = [r[0] for r in rows]
            # Built when first asked for (a sentence judged earlier in the run never is).
            lo, hi = bisect_left(starts, start), bisect_left(starts, end)
            _PENDING[text] = (rows, lo, hi, btext, start)
            room -= 1
        spans.append((start, end, text))
    found = tuple(spans)
    if len(_BLOCKS) >= _BLOCKS_SIZE:
        _BLOCKS.clear()
    _BLOCKS[btext] = found
    return found, room


# Sentence text -> tokens. Cleared when full: a miss only means tokenizing the text again.
_TOKENS: dict[str, tuple[Token, ...]] = {}
_TOKENS_SIZE = 8192


def _remember(text: str, tokens: tuple[Token, ...]) -> None:
    if len(_TOKENS) >= _TOKENS_SIZE:
        _TOKENS.clear()
    _TOKENS[text] = tokens


# Sentence text -> where its tokens stand in its block's token rows (the draft being read):
# (rows, first, end, block text, sentence start).
_PENDING: dict[str, tuple[list[list[int]], int, int, str, int]] = {}


def _tokens(text: str) -> tuple[Token, ...]:
    """The tokens of a text (cached by text)."""
    found = _TOKENS.get(text)
    if found is None:
        pending = _PENDING.pop(text, None)
        if pending is not None:
            rows, lo, hi, btext, start = pending
            found = _build_tokens(rows[lo:hi], btext, start)
        else:
            rows = nlp().tokenizer(text).to_array(_TOKEN_ATTRS).tolist()
            found = _build_tokens(rows, text, 0)
        _remember(text, found)
    return found


def tokens_of(sentence: Sentence) -> tuple[Token, ...]:
    """The sentence's tokens: its own when filled in, else from the cache or tokenized now."""
    return sentence.tokens or _tokens(sentence.text)


def sentence_of(text: str) -> Sentence:
    """A free-standing text (e.g. an approved wording) as one Sentence with tokens (block -1)."""
    clean = text.strip().replace("\n", " ")
    return Sentence(
        text=clean,
        block=-1,
        location=Location(start=0, end=len(clean)),
        tokens=_tokens(clean),
    )
