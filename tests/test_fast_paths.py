"""The fast paths give the same answers as the plain ones.

segment() slices each block's tokenization per sentence and runs the sentencizer's rule over
the token array; detect, normalize and the Matcher keep answers by sentence text. Each test
compares a shortcut with the slow way on text chosen to trip it.
"""

from __future__ import annotations

import pytest

from claimcheck import segment as seg
from claimcheck.detect import analyse, detect
from claimcheck.model import ApprovedClaim, Block, Document, Registry, Scope, Token
from claimcheck.registry.match import Matcher

TRICKY = [
    "Reduced pain.[1] Next it works. It was 12%.Next one, e.g. this. U.S. sales rose.",
    'foo\nbar. Baz qux!"Quoted." Then\n\nmore... and \u201cquoted.\u201d Done?No',
    "  Leading space. Fig. 2 shows it. No. 5 is here. Acme Inc. Next!!! Wow?! ok",
    "ArcGuide reduced operative time by 12% (p<0.01) vs. standard care; n=212.",
    "It doesn't cut costs \u2014 can't, won't. Ask your doctor: call 1-800-555-0100.",
    "a\u3002b\uff01c. Don't stop.",
]


def _slow_tokens(text: str) -> tuple[Token, ...]:
    """Tokens built the plain way: one spaCy Token at a time."""
    table = seg.lemmas()
    out = []
    for t in seg.nlp().tokenizer(text):
        if t.is_space:
            continue
        out.append(
            Token(
                text=t.text,
                lower=t.lower_,
                lemma=table.get(t.lower, t.lower_),
                start=t.idx,
                end=t.idx + len(t.text),
                is_punct=t.is_punct or t.is_quote or t.is_bracket,
                like_num=t.like_num,
            )
        )
    return tuple(out)


def _doc(*texts: str) -> Document:
    return Document(
        path="d.md", format="markdown", blocks=tuple(Block(t) for t in texts), sha256=""
    )


@pytest.mark.parametrize("text", TRICKY)
def test_sentence_starts_are_the_sentencizers(text: str) -> None:
    doc = seg.nlp()(text)
    expected = [t.idx for t in doc if t.is_sent_start]
    rows = seg.nlp().tokenizer(text).to_array(seg._TOKEN_ATTRS).tolist()
    punct = seg.nlp().get_pipe("sentencizer").punct_chars
    # _sentence_starts looks a token up among them only when it is punctuation.
    assert all(seg.nlp().vocab[ch].is_punct for ch in punct)
    assert seg._sentence_starts(rows, text, punct) == expected


def test_sliced_tokens_equal_retokenized_sentences() -> None:
    seg._TOKENS.clear()
    seg._BLOCKS.clear()
    sentences = seg.segment(_doc(*TRICKY))
    assert len(sentences) > 15
    # Most sentences start and end at whitespace: their tokens are sliced from the block's
    # when first asked for, not tokenized again.
    primed = set(seg._PENDING)
    assert len(primed) >= len(sentences) - 3
    for s in sentences:
        assert seg.tokens_of(s) == _slow_tokens(s.text), s.text
    assert not primed & set(seg._PENDING)  # every one was built from its slice


def test_a_repeated_block_is_split_once_into_the_same_sentences() -> None:
    seg._BLOCKS.clear()
    first = seg.segment(_doc(*TRICKY))
    seg._TOKENS.clear()
    again = seg.segment(_doc(*TRICKY))
    assert again == first
    assert not seg._PENDING  # not tokenized again: tokens come from each sentence's text
    for s in again:
        assert seg.tokens_of(s) == _slow_tokens(s.text), s.text


def test_cached_detection_keeps_its_own_sentence() -> None:
    first = seg.segment(_doc("Intro here. ArcGuide cuts blood loss by 30%."))[1]
    second = seg.segment(_doc("ArcGuide cuts blood loss by 30%."))[0]
    a, b = detect(first), detect(second)
    assert a is not None and b is not None
    assert a.sentence is first and b.sentence is second and a.cues == b.cues
    # Cached and fresh analysis (a sentence carrying its own tokens is never cached) agree.
    fresh = analyse(seg.sentence_of(first.text))
    assert (fresh.cues, fresh.strength, fresh.relation) == (a.cues, a.strength, a.relation)


def test_matcher_shortcuts_agree_with_a_fresh_matcher() -> None:
    registry = Registry(
        claims=tuple(
            ApprovedClaim(
                id=f"C{i}",
                text=f"{p} reduced {e} by {10 + i}% in a randomized trial.",
                scope=Scope(products=(p.lower(),)),
            )
            for i, (p, e) in enumerate(
                (p, e)
                for p in ("ArcGuide", "FlexiSeal", "NovaStent")
                for e in ("blood loss", "operative time", "length of stay")
            )
        )
    )
    texts = [
        "ArcGuide reduced blood loss by 10% compared with standard care.",
        "ArcGuide lowered blood loss by 11% in our study.",
        "NovaStent shortened length of stay by 18%.",
        "FlexiSeal reduced operative time by 14%.",
    ]
    shared = Matcher(registry)
    for text in texts:
        claim = analyse(seg.sentence_of(text))
        got = shared.match(claim)
        fresh = Matcher(registry)
        want = fresh.match(claim)
        assert got == want, text
        assert (shared.stats.scored, shared.stats.candidates, shared.stats.postings_read) == (
            fresh.stats.scored,
            fresh.stats.candidates,
            fresh.stats.postings_read,
        )
    assert shared.match(analyse(seg.sentence_of(texts[0]))).claim.id == "C0"


# ---------------------------------------------------------------- detection shortcuts


def _detect_cases() -> list[dict]:
    from pathlib import Path

    import yaml

    return yaml.safe_load((Path(__file__).parent / "cases" / "detect.yaml").read_text("utf-8"))


def test_screen_never_rules_out_a_claim():
    """screen() says False only for sentences reading() decides are not claims: every claim
    of the detector cases (and every non-claim with cues) gets the same answer both ways."""
    from claimcheck.detect import reading, screen
    from claimcheck.model import Location, Sentence

    ruled_out = 0
    for case in _detect_cases():
        s = seg.sentence_of(case["text"])
        sentence = Sentence(s.text, 0, Location(0, len(s.text)), (), case.get("kind", "paragraph"))
        claim = reading(sentence)[1].claim
        if not screen(sentence):
            ruled_out += 1
            assert not claim, case["text"]
    assert ruled_out >= 5  # it does rule sentences out (headings, CTAs, plain descriptions)


@pytest.mark.parametrize(
    "text",
    [
        "Training for scrub nurses takes place on Tuesdays at the skills lab.",
        "Please contact your account manager with questions about invoices.",
        "During setup, the nurse places the tablet on the instrument table.",
        "The user guide is available in English and French.",
    ],
)
def test_screen_rules_out_plain_copy(text):
    """Copy with no claim cue, figure or product is ruled out before any analysis."""
    from claimcheck import detect

    sentence = seg.sentence_of(text)
    assert detect.reading(sentence)[1].claim is False
    assert detect.screen(sentence) is False


def test_lexicon_screen_agrees_with_matching():
    """Lexicon.any_of finds every kind that Lexicon.match reports, on every detector case."""
    from claimcheck.detect.lexicon import lexicon

    lex = lexicon()
    kinds = {e.kind for b in lex.by_lemma.values() for _, e in b}
    for case in _detect_cases():
        tokens = seg.sentence_of(case["text"]).tokens
        found = {h.entry.kind for h in lex.match(tokens)}
        for kind in kinds:
            assert lex.any_of(tokens, frozenset({kind})) >= (kind in found), (case["text"], kind)
