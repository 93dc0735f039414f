"""Detector cases from tests/cases/detect.yaml: cues, ConText scope, strength, claim-likeness."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck.detect import analyse, detect
from claimcheck.detect.lexicon import lexicon
from claimcheck.errors import ConfigError
from claimcheck.model import Location, Sentence
from claimcheck.segment import sentence_of

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "detect.yaml").read_text("utf-8"))


def _sentence(case: dict) -> Sentence:
    s = sentence_of(case["text"])
    return Sentence(
        s.text, 0, Location(start=0, end=len(s.text)), s.tokens, case.get("kind", "paragraph")
    )


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_case(case: dict) -> None:
    sentence = _sentence(case)
    claim = analyse(sentence)
    found = [(c.kind, c.text, c.negated, c.hedged) for c in claim.cues]
    assert (detect(sentence) is not None) == case["claim"], found
    if "strength" in case:
        assert claim.strength == case["strength"], found
    if "relation" in case:
        assert claim.relation == case["relation"], found
    for want in case.get("cues", ()):
        matches = [
            c
            for c in claim.cues
            if c.kind == want["kind"] and ("text" not in want or c.text == want["text"])
        ]
        assert matches, f"no {want} in {found}"
        for key in ("negated", "hedged"):
            if key in want:
                assert any(getattr(c, key) == want[key] for c in matches), f"{want} vs {found}"


def test_cases_cover_every_cue_kind() -> None:
    kinds = {c["kind"] for case in CASES for c in case.get("cues", ())}
    assert kinds >= {
        "effect",
        "comparative",
        "superlative",
        "absolute",
        "intensifier",
        "hedge",
        "negation",
        "population",
        "number",
        "red-flag",
        "correlational",
        "causal",
        "cta",
        "safety",
        "question",
        "standing",
    }
    assert len(CASES) >= 80


def test_cue_spans_point_into_the_sentence() -> None:
    claim = analyse(sentence_of("ArcGuide dramatically reduces OR time by 12% (p=0.003)."))
    for cue in claim.cues:
        assert claim.sentence.text[cue.start : cue.end] == cue.text
    numbers = {c.text: c.value for c in claim.of("number")}
    assert numbers == {"12%": (12.0, "%"), "p=0.003": (0.003, "p")}
    effect = claim.of("effect")[0]
    assert effect.value == "decrease"


def test_red_flag_cue_carries_rule_code() -> None:
    claim = analyse(sentence_of("ArcGuide is clinically proven and FDA approved."))
    assert {c.value for c in claim.of("red-flag")} == {"CC251", "CC252"}


def test_bad_lexicon_names_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "lexicon-x.yaml").write_text(
        "kind: hedge\nentries:\n  - {id: a, phrases: [may], scpoe: 3}\n"
    )
    with pytest.raises(ConfigError) as err:
        lexicon(tmp_path)
    assert "lexicon-x.yaml" in str(err.value) and "scpoe" in str(err.value)


def _dropped_hedge(approved: str, copy: str) -> list[str]:
    from datetime import date

    from claimcheck.checks import hedge
    from claimcheck.checks.base import CheckContext
    from claimcheck.model import ApprovedClaim, Context, Match, Registry

    claim = ApprovedClaim(id="C-1", text=approved)
    ctx = CheckContext(Registry(claims=(claim,), evidence={}), Context(as_of=date(2026, 1, 1)))
    hits = hedge.check(analyse(sentence_of(copy)), Match(claim, 1.0, approved), ctx)
    return [h.message for h in hits]


def test_dropped_hedge_over_an_effect_or_number_is_flagged() -> None:
    said = _dropped_hedge(
        "The guide can shorten setup time by up to 5 minutes.",
        "The guide shortens setup time by 5 minutes.",
    )
    assert said == ["'shortens' drops the hedge 'can' of C-1"]
    assert _dropped_hedge("Navigation may improve alignment.", "Navigation improves alignment.")


def test_hedge_over_an_association_is_not_a_dropped_hedge() -> None:
    approved = "These results suggest that obesity is associated with wound infection."
    assert _dropped_hedge(approved, "Obesity is linked to wound infection.") == []
    # the copy keeps a hedge over the effect: nothing dropped
    assert _dropped_hedge("Navigation may improve alignment.", "Navigation could improve it.") == []
