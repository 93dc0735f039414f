"""Matching a draft sentence to the approved claim it asserts (claimcheck.registry.match)."""

from __future__ import annotations

import pytest

from claimcheck.model import ApprovedClaim, Claim, Registry, Scope
from claimcheck.registry.match import THRESHOLD, Matcher

CLAIMS = (
    ApprovedClaim(
        id="ARC-OPTIME",
        text="ArcGuide reduced mean operative time by 12% compared with conventional "
        "instrumentation in a randomized controlled trial.",
        variants=(
            "Mean operative time was 78 minutes with ArcGuide versus 89 minutes with "
            "conventional instrumentation.",
        ),
        scope=Scope(products=("arcguide",)),
    ),
    ApprovedClaim(
        id="ARC-ALIGN",
        text="ArcGuide may improve implant alignment accuracy compared with conventional "
        "instrumentation.",
        scope=Scope(products=("arcguide",)),
    ),
    ApprovedClaim(
        id="ARC-LOS",
        text="Patients treated with ArcGuide had a mean length of stay of 2.1 days versus "
        "2.4 days with conventional instrumentation.",
    ),
    ApprovedClaim(
        id="NAV-SETUP",
        text="OrthoNav can shorten navigation setup time by up to 5 minutes.",
        scope=Scope(products=("orthonav",)),
    ),
    ApprovedClaim(
        id="NAV-BLOOD",
        text="OrthoNav® use was associated with lower blood loss in a registry study.",
    ),
)


def claim_of(text: str) -> Claim:
    from claimcheck.segment import sentence_of

    return Claim(sentence=sentence_of(text), cues=())


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(Registry(claims=CLAIMS))


@pytest.mark.parametrize(
    ("text", "expected", "wording"),
    [
        # word order, inflection and synonyms
        (
            "Compared with conventional instrumentation, ArcGuide cut mean operative time by 12%.",
            "ARC-OPTIME",
            0,
        ),
        (
            "ArcGuide shortens mean operating time by 12% versus conventional instruments.",
            "ARC-OPTIME",
            0,
        ),
        # passive voice
        (
            "Mean operative time was reduced by ArcGuide by 12% compared with conventional "
            "instrumentation.",
            "ARC-OPTIME",
            0,
        ),
        # 12% / 12 percent / 12 per cent
        (
            "ArcGuide reduced mean operative time by 12 percent compared with conventional "
            "instrumentation.",
            "ARC-OPTIME",
            0,
        ),
        (
            "ArcGuide reduced mean operative time by 12 per cent compared with conventional "
            "instrumentation.",
            "ARC-OPTIME",
            0,
        ),
        # 78 min / 78 minutes picks the variant that states those figures
        (
            "With ArcGuide, mean operative time was 78 min versus 89 min with conventional "
            "instrumentation.",
            "ARC-OPTIME",
            1,
        ),
        # extra context around the claim
        (
            "In a randomized trial of 212 patients at three US centres, ArcGuide reduced mean "
            "operative time by 12% compared with conventional instrumentation.",
            "ARC-OPTIME",
            0,
        ),
        # a short form is still the same claim (the judge flags what it drops)
        ("ArcGuide: 12% shorter operative time.", "ARC-OPTIME", 0),
        ("OrthoNav shortens setup time for navigation by 5 minutes.", "NAV-SETUP", 0),
        ("OrthoNav was linked to lower blood loss.", "NAV-BLOOD", 0),
        ("Patients treated with ArcGuide had a shorter hospital stay.", "ARC-LOS", 0),
    ],
)
def test_rewordings_match(matcher, text, expected, wording):
    match = matcher.match(claim_of(text))
    assert match is not None, text
    assert match.claim.id == expected
    assert match.wording == match.claim.wordings[wording]
    assert THRESHOLD <= match.score <= 1.0


def test_different_numbers_still_match(matcher):
    match = matcher.match(
        claim_of(
            "ArcGuide dramatically reduced mean operative time by 25% compared with "
            "conventional instrumentation."
        )
    )
    assert match is not None and match.claim.id == "ARC-OPTIME"


def test_exact_wording_scores_one(matcher):
    match = matcher.match(claim_of(CLAIMS[0].text))
    assert match is not None and match.score == 1.0


@pytest.mark.parametrize(
    "text",
    [
        # another registry product
        "OrthoNav reduced mean operative time by 12% compared with conventional instrumentation.",
        # a product-like name the registry does not know
        "KneeMax reduced mean operative time by 12% compared with conventional instrumentation.",
        # same product, another endpoint
        "ArcGuide speeds recovery compared with conventional instrumentation.",
        "ArcGuide reduces recovery time by 12%.",
        "ArcGuide reduces postoperative complications.",
        # no claim content shared
        "Our team loves working with ArcGuide.",
        "Alignment is key to implant survival.",
    ],
)
def test_no_match(matcher, text):
    assert matcher.match(claim_of(text)) is None


def test_other_product_claim_is_not_matched_to_arcguide():
    matcher = Matcher(Registry(claims=CLAIMS))
    match = matcher.match(claim_of("OrthoNav® use was associated with lower blood loss."))
    assert match is not None and match.claim.id == "NAV-BLOOD"
    assert matcher.match(claim_of("ArcGuide use was associated with lower blood loss.")) is None


def test_nearest_below_threshold(matcher):
    claim = claim_of("Mean operative time matters.")
    assert matcher.match(claim) is None
    near = matcher.nearest(claim)
    assert near is not None and near.claim.id == "ARC-OPTIME" and near.score < THRESHOLD


def _big_registry(n: int) -> Registry:
    endpoints = [
        "blood loss",
        "pain scores",
        "length of stay",
        "alignment accuracy",
        "readmission rates",
        "implant survival",
        "setup time",
        "radiation dose",
    ]
    extra = tuple(
        ApprovedClaim(
            id=f"GEN-{i:05d}",
            text=f"Device{i}Pro reduced {endpoints[i % len(endpoints)]} by {i % 40 + 1}% "
            "compared with conventional instrumentation in a randomized controlled trial.",
            scope=Scope(products=(f"device{i}pro",)),
        )
        for i in range(n)
    )
    return Registry(claims=CLAIMS + extra)


def test_cost_does_not_grow_with_registry_size():
    text = "ArcGuide reduced mean operative time by 12% compared with conventional instrumentation."
    scored = {}
    for n in (10, 1500):
        m = Matcher(_big_registry(n))
        match = m.match(claim_of(text))
        assert match is not None and match.claim.id == "ARC-OPTIME"
        scored[n] = m.stats.scored
    # 150x more claims, all sharing the comparator and design words: as many scored exactly
    assert scored[1500] <= scored[10] + 2, scored


def test_common_terms_retrieve_every_candidate_yet_few_are_scored():
    """A sentence that names no product and whose every term is common: each of 400 claims
    on its endpoint is a candidate, the answer is the one scoring all of them gives (explain
    scores every candidate), and only the few that can win are scored."""
    comparators = ("conventional instrumentation", "manual technique", "standard care")
    m = Matcher(
        Registry(
            claims=tuple(
                ApprovedClaim(
                    id=f"BL-{i:03d}",
                    text=f"Blood loss was reduced by {1 + i / 10:.1f}% compared with "
                    f"{comparators[i % 3]} in a randomized controlled trial.",
                )
                for i in range(400)
            )
        )
    )
    claim = claim_of(
        "Blood loss was reduced by 13.3% compared with conventional instrumentation in a "
        "randomized controlled trial."
    )
    match = m.match(claim)
    assert m.stats.candidates == 400 and m.stats.scored <= 10, m.stats
    explained = m.explain(claim)
    assert match is not None and explained[0].chosen
    assert (match.claim.id, match.score) == (explained[0].claim_id, explained[0].score)
    assert match.claim.id == "BL-123"


SCALE_PRODUCTS = ("ArcGuide", "FlexiSeal", "NovaStent")
SCALE_ENDPOINTS = ("blood loss", "operative time", "length of stay", "pain scores")


def _scale_claim(i: int, product: str, endpoint: str, pct: int, tail: str) -> ApprovedClaim:
    return ApprovedClaim(
        id=f"S-{i:04d}",
        text=f"{product} reduced {endpoint} by {pct}% compared with {tail}.",
        scope=Scope(products=(product.lower(),)),
    )


def _scale_registries() -> tuple[Registry, Registry, list[str]]:
    """A registry of 12 claims, the same 12 inside 732 (listed last, after 60 claims on each
    of their products and endpoints, worded alike with other figures), and copy restating,
    rewording and overstating each of the 12."""
    small, extra, copy = [], [], []
    tail = "conventional instrumentation in a randomized trial"
    for n, (product, endpoint) in enumerate(
        (p, e) for p in SCALE_PRODUCTS for e in SCALE_ENDPOINTS
    ):
        pct = 10 + n
        small.append(_scale_claim(1000 + n, product, endpoint, pct, tail))
        extra += [_scale_claim(n * 60 + k, product, endpoint, 30 + k, tail) for k in range(60)]
        copy += [
            small[-1].text,
            f"Compared with conventional instrumentation, {product} cut {endpoint} by {pct}%.",
            f"{product} dramatically reduces {endpoint} by {pct}% in every patient.",
        ]
    return Registry(claims=tuple(small)), Registry(claims=tuple(extra + small)), copy


def test_a_larger_registry_finds_the_same_best_claim():
    """Claims added to a registry never hide the claim a sentence asserts: the larger registry
    adds 60 claims on each product and endpoint (crowding the postings of every term of the
    copy, and listed first), yet each sentence gets the same claim as with the 12 alone."""
    small_registry, big_registry, copy = _scale_registries()
    small, big = Matcher(small_registry), Matcher(big_registry)
    for text in copy:
        claim = claim_of(text)
        want, got = small.match(claim), big.match(claim)
        assert want is not None, text
        assert got is not None and got.claim.id == want.claim.id, (text, want, got)
        assert big.stats.candidates >= 60 and big.stats.scored < big.stats.candidates


# ---------------------------------------------------------------- paraphrase generalisations

PARAPHRASE = Registry(
    claims=(
        ApprovedClaim(
            id="STATIN-RISK",
            text="Daily statin use was associated with a lower risk of stroke in older adults.",
        ),
        ApprovedClaim(
            id="WALK-DEATH",
            text="Brisk walking was linked to lower mortality in people with heart failure.",
        ),
        ApprovedClaim(
            id="SLEEP-MOOD",
            text="Short sleep was related to poorer mood in adolescents.",
        ),
    )
)


@pytest.fixture(scope="module")
def paraphrases() -> Matcher:
    return Matcher(PARAPHRASE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # risk / likely / chance are one concept
        ("Older adults who took a statin daily were less likely to have a stroke.", "STATIN-RISK"),
        # mortality / death / die, linked / tied
        ("Brisk walking was tied to fewer deaths in people with heart failure.", "WALK-DEATH"),
        # related / linked, and a reporting frame that names who found it
        (
            "Researchers at Northfield Institute have found that short sleep is linked to poorer "
            "mood in adolescents.",
            "SLEEP-MOOD",
        ),
        (
            "Short sleep is linked to poorer mood in adolescents, according to a study published "
            "today in the Westbury Journal of Paediatrics.",
            "SLEEP-MOOD",
        ),
        # an all-capitals abbreviation is not a product name, so it cannot veto the match
        (
            "Daily statin use was associated with a lower stroke risk in older US adults.",
            "STATIN-RISK",
        ),
    ],
)
def test_paraphrases_match(paraphrases, text, expected):
    match = paraphrases.match(claim_of(text))
    assert match is not None, text
    assert match.claim.id == expected


@pytest.mark.parametrize(
    "text",
    [
        # reporting words and the population alone never carry a match
        "Researchers at a university found and reported today that adolescents prefer music.",
        # a CamelCase brand still vetoes a claim about another product
        "StatiGuard use was associated with a lower risk of stroke in older adults, says NHS.",
    ],
)
def test_paraphrase_negatives(text):
    registry = Registry(
        claims=PARAPHRASE.claims[2:]
        + (
            ApprovedClaim(
                id="BRAND-RISK",
                text="CardioStat use was associated with a lower risk of stroke in older adults.",
                scope=Scope(products=("cardiostat",)),
            ),
        )
    )
    assert Matcher(registry).match(claim_of(text)) is None


def test_reporting_words_do_not_become_concepts():
    from claimcheck.registry.normalize import content

    # "have" is not the unit DAY (the lemmatiser reads "d" as "have"), and "new" stays a word
    keys = [t.key for t in content(claim_of("Scientists have found a new marker.").sentence)]
    assert "DAY" not in keys and "new" in keys


def test_acronyms_are_not_product_names():
    from claimcheck.registry.match import _camel

    assert _camel("ArcGuide") and _camel("iPhone") and _camel("OrthoNav")
    assert not any(_camel(w) for w in ("UCL", "BMJ", "US", "MRI", "mRNA", "eGFR", "pH"))
