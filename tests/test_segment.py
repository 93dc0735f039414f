"""Sentence segmentation: abbreviations never split, offsets and line numbers line up."""

from __future__ import annotations

import pickle

import pytest

from claimcheck.model import Block, Document
from claimcheck.segment import segment, sentence_of, tokens_of


def _doc(*blocks: Block) -> Document:
    return Document(path="draft.md", format="markdown", blocks=blocks, sha256="0")


NO_SPLIT = [
    "ArcGuide vs. manual jigs cut OR time.",
    "Use a tracker, e.g. the femoral array.",
    "Use one array, i.e. the tibial one.",
    "Smith et al. reported fewer outliers.",
    "Dr. Jones led the trial.",
    "Stay fell by approx. 2.1 days.",
    "See Fig. 3 for the workflow.",
    "See Figs. 3 and 4 for details.",
    "It was ranked No. 1 by surgeons.",
    "The trial ran ca. 1998 to 2001.",
    "Alignment improved (cf. Table 2) in most knees.",
    "Means were 4 and 5 min resp. in the two arms.",
    "Stay was 2.1 days shorter.",
    "The difference was significant (p=0.003) overall.",
    "The difference was significant (p<0.05) overall.",
    "Accuracy was ±3° in the coronal plane.",
    "Sold in the U.S. market since launch.",
]


@pytest.mark.parametrize("text", NO_SPLIT)
def test_abbreviations_and_numbers_never_split(text: str) -> None:
    sentences = segment(_doc(Block(text + " Next sentence here.")))
    assert [s.text for s in sentences] == [text, "Next sentence here."]


def test_closing_quote_and_paren_still_split() -> None:
    text = 'Surgeons said "it works." Then they left. It helps (see below.) Done.'
    got = [s.text for s in segment(_doc(Block(text)))]
    assert got == ['Surgeons said "it works."', "Then they left.", "It helps (see below.)", "Done."]


def test_offsets_lines_and_soft_newline() -> None:
    text = "ArcGuide is new.  It cuts\nOR time by 12%.\nAsk your doctor?"
    blocks = (Block("Title", kind="heading", line=1), Block(text, line=3, page=None))
    sentences = segment(_doc(*blocks))
    assert [s.text for s in sentences] == [
        "Title",
        "ArcGuide is new.",
        "It cuts OR time by 12%.",
        "Ask your doctor?",
    ]
    assert [s.kind for s in sentences] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert [s.block for s in sentences] == [0, 1, 1, 1]
    assert [s.location.line for s in sentences] == [1, 3, 3, 5]
    for s in sentences[1:]:
        assert text[s.location.start : s.location.end].replace("\n", " ") == s.text
    assert sentences[2].location.start == 18


def test_page_paragraph_slide_copied_and_sentences_pickle() -> None:
    doc = _doc(Block("One. Two.", page=4, paragraph=7, slide=2))
    sentences = segment(doc)
    assert {(s.location.page, s.location.paragraph, s.location.slide) for s in sentences} == {
        (4, 7, 2)
    }
    assert sentences[0].location.line is None
    assert pickle.loads(pickle.dumps(sentences)) == sentences


def test_tokens_and_lookup_lemmas() -> None:
    sentence = segment(_doc(Block("Intro. It reduces infections, e.g. SSIs.")))[1]
    assert sentence.tokens == ()
    tokens = tokens_of(sentence)
    assert [t.text for t in tokens] == ["It", "reduces", "infections", ",", "e.g.", "SSIs", "."]
    assert tokens[1].lemma == "reduce" and tokens[2].lemma == "infection"
    assert all(sentence.text[t.start : t.end] == t.text for t in tokens)
    assert tokens[3].is_punct and not tokens[1].is_punct


def test_sentence_of_free_text() -> None:
    s = sentence_of("  ArcGuide shortened stay by\n2.1 days. ")
    assert s.text == "ArcGuide shortened stay by 2.1 days."
    assert s.block == -1 and (s.location.start, s.location.end) == (0, len(s.text))
    assert [t.text for t in s.tokens][-3:] == ["2.1", "days", "."]
    assert s.tokens[4].like_num and s.tokens[1].lemma == "shorten"


def test_empty_block_gives_no_sentence() -> None:
    assert segment(_doc(Block(""), Block("   \n "))) == []
