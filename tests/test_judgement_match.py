"""Matching and judging on real drafts: what a match must agree on before copy passes.

Each test writes a draft the way a marketing team's tools do (python-docx, HTML, Markdown),
runs `claimcheck check --format json` against a small registry of fictional products that
appear nowhere else, and asserts the verdict and claim a reviewer reads in the report.

1. an approval that names a condition the approved claim does not is overstated; 2. a result
given for "moderate or severe" stated for "severe" alone is overstated; 3. a prohibited
phrase with a negation matches only with the negation in its place ("migraine with or
without aura" is not "never have another migraine"); 4. a match must agree on what is
measured: "tear-free" is not backed by "fragrance-free"; 5. what the approved wording says
itself is not an overstatement of it (its "up to" kept with a condition figure, a named
endpoint's "most", "similar to" with the effect word it relates); 6. a current claim outranks
an old one on the same endpoint, and the figure decides between a current and an old claim;
7. the document's product decides between sibling claims, and the copy's figures between
claims on one endpoint; 8. lay words match the clinical words of an approved wording, and a
comparator named by one word after its figure ("52% unaided") is a comparator; 9. "won't
clog pores" is "non-comedogenic", and "clogs pores" is not; 10. "new data" and "your new"
are not a new product; 11. short copy that states a claim's figure is that claim, overstated; 12. "no other" restates
a retired "the only" claim.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_judgement import verdicts

REGISTRY = {
    "version": 1,
    "claims": [
        # Bronvia: a COPD maintenance inhaler (Rx).
        {
            "id": "BR-RX",
            "text": "Bronvia is an FDA-approved prescription medicine for the long-term "
            "maintenance treatment of COPD in adults.",
            "evidence": ["EV-BR-PI"],
            "scope": {"products": ["bronvia"]},
        },
        {
            "id": "BR-EXAC",
            "text": "In the 52-week BRONCO trial, Bronvia reduced the rate of moderate or severe "
            "COPD exacerbations by 18% compared with placebo.",
            "evidence": ["EV-BR-RCT"],
            "scope": {"products": ["bronvia"]},
        },
        # Halvera: an acute migraine tablet (Rx).
        {
            "id": "HV-RX",
            "text": "Halvera is an FDA-approved prescription medicine for the acute treatment "
            "of migraine with or without aura in adults.",
            "evidence": ["EV-HV-PI"],
            "scope": {"products": ["halvera"]},
        },
        # SunNest Kids: a children's sunscreen.
        {
            "id": "SN-FRAGRANCE",
            "text": "SunNest Kids is fragrance-free.",
            "evidence": ["EV-SN-FACTS"],
            "scope": {"products": ["sunnest-kids"]},
        },
        {
            "id": "HV-PF2",
            "text": "In two phase 3 trials, 21% and 20% of patients taking Halvera were pain-free "
            "2 hours after a single dose, compared with 11% and 12% taking placebo.",
            "variants": [
                "Pain freedom at 2 hours was reached by 21% (HALO-1) and 20% (HALO-2) of "
                "patients on Halvera versus 11% and 12% on placebo."
            ],
            "evidence": ["EV-HV-RCT"],
            "scope": {"products": ["halvera"]},
        },
        {
            "id": "HV-MBS",
            "text": "In HALO-1, 38% of patients taking Halvera were free of their most "
            "bothersome symptom at 2 hours, compared with 26% taking placebo.",
            "evidence": ["EV-HV-RCT"],
            "scope": {"products": ["halvera"]},
        },
        {
            "id": "HV-PF2-PH2",
            "text": "In a phase 2 study, 31% of patients taking Halvera 75 mg were pain-free "
            "at 2 hours.",
            "evidence": ["EV-HV-PH2"],
            "scope": {"products": ["halvera"]},
        },
        # Audix: an over-the-counter hearing aid.
        {
            "id": "AX-BATT",
            "text": "Audix runs for up to 30 hours on a full charge.",
            "variants": [
                "A full charge gives up to 30 hours of use, or up to 18 hours with 4 hours of "
                "streaming a day."
            ],
            "evidence": ["EV-AX-BENCH"],
            "scope": {"products": ["audix"]},
        },
        {
            "id": "AX-SELFFIT",
            "text": "In a clinical study, speech-in-noise benefit with Audix self-fitting in the "
            "app was similar to benefit with professional fitting.",
            "evidence": ["EV-AX-CLIN"],
            "scope": {"products": ["audix"]},
        },
        {
            "id": "AX-HELP",
            "text": "Audix may help you follow conversations in noisy places.",
            "evidence": ["EV-AX-CLIN"],
            "scope": {"products": ["audix"]},
        },
        {
            "id": "AX-STREAM",
            "text": "Audix streams calls and music from compatible iPhone and Android phones.",
            "evidence": ["EV-AX-BENCH"],
            "scope": {"products": ["audix"]},
        },
        {
            "id": "AX-WORDS",
            "text": "In a clinical study, adults with mild to moderate hearing loss recognized "
            "78% of words in noise with Audix, compared with 52% unaided.",
            "evidence": ["EV-AX-CLIN"],
            "scope": {"products": ["audix"]},
        },
        # Trimora: a weight-management injection (Rx).
        {
            "id": "TM-WL",
            "text": "In the SLIM-1 trial, adults taking Trimora lost an average of 12.2% of their "
            "body weight at week 52, compared with 2.1% with placebo, when used with a "
            "reduced-calorie diet and increased physical activity.",
            "variants": [
                "At week 52, mean weight loss was 12.2% with Trimora versus 2.1% with placebo "
                "in SLIM-1."
            ],
            "evidence": ["EV-TM-RCT"],
            "scope": {"products": ["trimora"]},
        },
        {
            "id": "TM-10",
            "text": "In SLIM-1, 61% of adults taking Trimora lost at least 10% of their body "
            "weight at week 52, compared with 11% taking placebo.",
            "evidence": ["EV-TM-RCT"],
            "scope": {"products": ["trimora"]},
        },
        {
            "id": "TM-WEEKLY",
            "text": "Trimora is a once-weekly injection that can be taken at any time of day, "
            "with or without meals.",
            "evidence": ["EV-TM-RCT"],
            "scope": {"products": ["trimora"]},
        },
        {
            "id": "TM-RX",
            "text": "Trimora is a prescription medicine for adults with obesity, or overweight "
            "with at least one weight-related condition, used with a reduced-calorie diet and "
            "increased physical activity to lose weight and keep it off.",
            "evidence": ["EV-TM-RCT"],
            "scope": {"products": ["trimora"]},
        },
        {
            "id": "TM-ONLY",
            "text": "Trimora is the only weekly weight-management injection with over 12% "
            "average weight loss in a phase 3 trial.",
            "evidence": ["EV-TM-RCT"],
            "status": "retired",
            "scope": {"products": ["trimora"]},
        },
        {
            "id": "BR-QOL",
            "text": "At week 24 in BRONCO-2, 49% of patients taking Bronvia had a clinically "
            "meaningful improvement in quality of life on the SGRQ, compared with 34% taking "
            "placebo.",
            "evidence": ["EV-BR-RCT"],
            "requires": ["week 24"],
            "scope": {"products": ["bronvia"]},
        },
        # Clotrix: a haemostatic patch (device).
        {
            "id": "CX-3MIN",
            "text": "In the SEAL randomised trial, 92% of bleeding sites treated with Clotrix "
            "achieved haemostasis within 3 minutes, compared with 63% with standard haemostatic "
            "gauze.",
            "evidence": ["EV-CX-RCT"],
            "requires": ["gauze"],
            "scope": {"products": ["clotrix"]},
        },
        {
            "id": "CX-TIME",
            "text": "Median time to haemostasis was 2.0 minutes with Clotrix versus 4.5 minutes "
            "with standard haemostatic gauze in the SEAL trial.",
            "evidence": ["EV-CX-RCT"],
            "scope": {"products": ["clotrix"]},
        },
        {
            "id": "CX-PILOT",
            "text": "In a pilot study, Clotrix achieved haemostasis in a median of 1.5 minutes.",
            "evidence": ["EV-CX-PILOT"],
            "scope": {"products": ["clotrix"]},
        },
        # SunNest: an adult fluid and a kids lotion.
        {
            "id": "SN-NONCOMED",
            "text": "SunNest Daily Fluid is non-comedogenic.",
            "evidence": ["EV-SN-SPF"],
            "scope": {"products": ["sunnest-fluid"]},
        },
        {
            "id": "SN-SPF",
            "text": "SunNest Daily Fluid is a Broad Spectrum SPF 50 sunscreen.",
            "evidence": ["EV-SN-SPF"],
            "scope": {"products": ["sunnest-fluid"]},
        },
        {
            "id": "SN-SPF45",
            "text": "SunNest Daily Fluid provides Broad Spectrum SPF 45 protection.",
            "evidence": ["EV-SN-SPF-OLD"],
            "scope": {"products": ["sunnest-fluid"]},
        },
        {
            "id": "SN-WR40",
            "text": "SunNest Daily Fluid is water resistant (40 minutes).",
            "evidence": ["EV-SN-SPF"],
            "scope": {"products": ["sunnest-fluid"]},
        },
        {
            "id": "SN-WR80",
            "text": "SunNest Kids Lotion is water resistant (80 minutes).",
            "evidence": ["EV-SN-FACTS"],
            "scope": {"products": ["sunnest-kids"]},
        },
    ],
    "prohibited": [
        {
            "id": "NO-HV-CURE",
            "phrases": ["cure migraine", "never have another migraine"],
            "reason": "Halvera treats an attack; it does not cure migraine.",
        }
    ],
}

EVIDENCE = {
    "evidence": [
        {"id": "EV-BR-PI", "citation": "Bronvia prescribing information; 2025.", "type": "label"},
        {"id": "EV-BR-RCT", "citation": "Ames T, et al. Lancet Respir. 2025;3:1-9.", "type": "rct"},
        {"id": "EV-HV-PI", "citation": "Halvera prescribing information; 2025.", "type": "label"},
        {"id": "EV-SN-FACTS", "citation": "SunNest Kids drug facts; 2025.", "type": "label"},
        {"id": "EV-HV-RCT", "citation": "Ito K, et al. Headache. 2024;64:1-9.", "type": "rct"},
        {
            "id": "EV-HV-PH2",
            "citation": "Ito K, et al. Cephalalgia. 2021;41:1-8.",
            "type": "rct",
            "status": "superseded",
        },
        {
            "id": "EV-AX-BENCH",
            "citation": "Audix instructions for use, battery section; 2026.",
            "type": "label",
            "population": "24 production units, firmware 2.0.",
        },
        {"id": "EV-AX-CLIN", "citation": "Lund B, et al. Ear Hear. 2025;46:1-9.", "type": "rct"},
        {"id": "EV-TM-RCT", "citation": "Ruiz A, et al. NEJM. 2025;392:1-11.", "type": "rct"},
        {"id": "EV-CX-RCT", "citation": "Moss J, et al. Br J Surg. 2025;112:1-9.", "type": "rct"},
        {
            "id": "EV-CX-PILOT",
            "citation": "Moss J, et al. Surg Innov. 2022;29:1-6.",
            "type": "observational",
            "status": "superseded",
        },
        {"id": "EV-SN-SPF", "citation": "SPF test report SN-25; 2025.", "type": "bench"},
        {
            "id": "EV-SN-SPF-OLD",
            "citation": "SPF test report SN-23; 2023.",
            "type": "bench",
            "status": "superseded",
        },
    ]
}


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claims.yaml").write_text(yaml.safe_dump(REGISTRY, sort_keys=False), "utf-8")
    (tmp_path / "evidence.yaml").write_text(yaml.safe_dump(EVIDENCE, sort_keys=False), "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


# --------------------------------------------------------------------------- 1, 2


def test_a_broadened_approval_or_a_part_of_an_endpoint_is_overstated(workspace: Path) -> None:
    brief = write_docx(
        workspace / "payer-brief.docx",
        [
            "Bronvia is an FDA-approved prescription maintenance treatment for adults with COPD.",
            "Bronvia is approved for adults with COPD or asthma.",
            "In the 52-week BRONCO trial, Bronvia reduced the rate of moderate or severe COPD "
            "exacerbations by 18% compared with placebo.",
            "Bronvia reduced severe exacerbations requiring hospitalization by 18% compared "
            "with placebo.",
        ],
    )
    got = verdicts(brief, "bronvia")
    assert got[
        "Bronvia is an FDA-approved prescription maintenance treatment for adults with COPD."
    ] == ("supported", "BR-RX")
    assert got["Bronvia is approved for adults with COPD or asthma."] == ("overstated", "BR-RX")
    assert got[
        "In the 52-week BRONCO trial, Bronvia reduced the rate of moderate or severe COPD "
        "exacerbations by 18% compared with placebo."
    ] == ("supported", "BR-EXAC")
    severe = got[
        "Bronvia reduced severe exacerbations requiring hospitalization by 18% compared with "
        "placebo."
    ]
    assert severe == ("overstated", "BR-EXAC")


# --------------------------------------------------------------------------- 3


def test_a_prohibited_phrase_keeps_its_negation_in_place(workspace: Path) -> None:
    leaflet = workspace / "leaflet.md"
    leaflet.write_text(
        "# About Halvera\n\n"
        "Halvera is an FDA-approved prescription medicine for the acute treatment of migraine "
        "with or without aura in adults.\n\n"
        "With Halvera, you will never have another migraine.\n",
        "utf-8",
    )
    got = verdicts(leaflet, "halvera")
    assert got[
        "Halvera is an FDA-approved prescription medicine for the acute treatment of migraine "
        "with or without aura in adults."
    ] == ("supported", "HV-RX")
    assert got["With Halvera, you will never have another migraine."] == (
        "prohibited",
        "NO-HV-CURE",
    )


# --------------------------------------------------------------------------- 4


def test_a_match_must_agree_on_what_is_measured(workspace: Path) -> None:
    listing = workspace / "listing.html"
    listing.write_text(
        "<html><body><ul>"
        "<li>FRAGRANCE-FREE: SunNest Kids is fragrance-free.</li>"
        "<li>TEAR-FREE: Won't sting little eyes.</li>"
        "</ul></body></html>",
        "utf-8",
    )
    got = verdicts(listing, "sunnest-kids")
    assert got["FRAGRANCE-FREE: SunNest Kids is fragrance-free."] == ("supported", "SN-FRAGRANCE")
    tear = got["TEAR-FREE: Won't sting little eyes."]
    assert tear[0] != "supported", tear
    assert tear[1] != "SN-FRAGRANCE", tear


# --------------------------------------------------------------------------- 5


def test_what_the_approved_wording_says_is_not_an_overstatement(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = workspace / "press.md"
    page.write_text(
        "# Audix 2.0\n\n"
        "With firmware 2.0, Audix runs for up to 30 hours on a full charge, or up to 18 hours "
        "with 4 hours of streaming a day.\n\n"
        "Audix runs for 30 hours on a full charge.\n\n"
        "Self-fitting in the app gave speech-in-noise benefit similar to professional fitting "
        "in a clinical study.\n",
        "utf-8",
    )
    got = verdicts(page, "audix")
    # The poster is checked against the Halvera claims alone: which of two claims a summary
    # of both matches depends on the whole registry's word weights.
    halvera = workspace / "halvera"
    halvera.mkdir()
    only = {**REGISTRY, "claims": [c for c in REGISTRY["claims"] if c["id"].startswith("HV-")]}
    (halvera / "claims.yaml").write_text(yaml.safe_dump(only, sort_keys=False), "utf-8")
    (halvera / "evidence.yaml").write_text(yaml.safe_dump(EVIDENCE, sort_keys=False), "utf-8")
    monkeypatch.chdir(halvera)
    poster = halvera / "poster.md"
    poster.write_text(
        "A single dose of Halvera gave more patients freedom from pain and from the most "
        "bothersome symptom at 2 hours than placebo.\n\n"
        "Halvera is the most effective migraine treatment.\n",
        "utf-8",
    )
    got |= verdicts(poster, "halvera")
    assert got[
        "With firmware 2.0, Audix runs for up to 30 hours on a full charge, or up to 18 hours "
        "with 4 hours of streaming a day."
    ] == ("supported", "AX-BATT")
    assert got["Audix runs for 30 hours on a full charge."] == ("overstated", "AX-BATT")
    assert got[
        "Self-fitting in the app gave speech-in-noise benefit similar to professional fitting "
        "in a clinical study."
    ] == ("supported", "AX-SELFFIT")
    summary = got[
        "A single dose of Halvera gave more patients freedom from pain and from the most "
        "bothersome symptom at 2 hours than placebo."
    ]
    assert summary == ("supported", "HV-PF2")
    best = got["Halvera is the most effective migraine treatment."]
    assert best[0] in ("overstated", "unsupported"), best


# --------------------------------------------------------------------------- 6, 7


def test_current_claims_figures_and_products_decide_the_match(workspace: Path) -> None:
    leaflet = write_docx(
        workspace / "leaflet.docx",
        [
            "Halvera stops migraine pain in 2 hours.",
            "In a phase 2 study, 31% of patients taking Halvera 75 mg were pain-free at 2 hours.",
        ],
    )
    social = workspace / "social.md"
    social.write_text(
        "SunNest Daily Fluid is a Broad Spectrum SPF 50 sunscreen.\n\n"
        "SunNest Daily Fluid provides Broad Spectrum SPF 45 protection.\n",
        "utf-8",
    )
    kids = workspace / "kids.html"
    kids.write_text(
        "<html><body><ul>"
        "<li>WATER RESISTANT: Water resistant (80 minutes) for pool and beach days.</li>"
        "</ul></body></html>",
        "utf-8",
    )
    got = verdicts(leaflet, "halvera") | verdicts(social, "sunnest-fluid")
    got |= verdicts(kids, "sunnest-kids")
    assert got["Halvera stops migraine pain in 2 hours."] == ("overstated", "HV-PF2")
    assert got[
        "In a phase 2 study, 31% of patients taking Halvera 75 mg were pain-free at 2 hours."
    ] == ("expired", "HV-PF2-PH2")
    assert got["SunNest Daily Fluid is a Broad Spectrum SPF 50 sunscreen."] == (
        "supported",
        "SN-SPF",
    )
    assert got["SunNest Daily Fluid provides Broad Spectrum SPF 45 protection."] == (
        "expired",
        "SN-SPF45",
    )
    assert got["WATER RESISTANT: Water resistant (80 minutes) for pool and beach days."] == (
        "supported",
        "SN-WR80",
    )


# --------------------------------------------------------------------------- 7, 8


def test_the_figures_decide_and_lay_words_match(workspace: Path) -> None:
    social = workspace / "posts.md"
    social.write_text(
        "In a clinical trial, people taking Trimora lost an average of 12.2% of their body "
        "weight by week 52, versus 2.1% with placebo.\n\n"
        "In SLIM-1, 61% of adults taking Trimora lost at least 10% of their body weight at "
        "week 52, compared with 11% taking placebo.\n",
        "utf-8",
    )
    page = workspace / "page.html"
    page.write_text(
        "<html><body><p>Audix may help you keep up with conversations in busy restaurants "
        "and crowded rooms.</p><p>With Audix, you will understand 78% of words in noise.</p>"
        "</body></html>",
        "utf-8",
    )
    email = workspace / "email.md"
    email.write_text("Bronvia cuts COPD flare-ups compared with placebo.\n", "utf-8")
    got = verdicts(social, "trimora") | verdicts(page, "audix") | verdicts(email, "bronvia")
    assert got[
        "In a clinical trial, people taking Trimora lost an average of 12.2% of their body "
        "weight by week 52, versus 2.1% with placebo."
    ] == ("supported", "TM-WL")
    assert got[
        "In SLIM-1, 61% of adults taking Trimora lost at least 10% of their body weight at "
        "week 52, compared with 11% taking placebo."
    ] == ("supported", "TM-10")
    assert got[
        "Audix may help you keep up with conversations in busy restaurants and crowded rooms."
    ] == ("supported", "AX-HELP")
    # The lay words match the claim, which the copy then overstates: it drops 'moderate or
    # severe' of the exacerbations, and the unaided comparison of the word score.
    assert got["Bronvia cuts COPD flare-ups compared with placebo."] == ("overstated", "BR-EXAC")
    assert got["With Audix, you will understand 78% of words in noise."] == (
        "overstated",
        "AX-WORDS",
    )


# --------------------------------------------------------------------------- 9


def test_lay_negations_match_and_their_opposite_does_not(workspace: Path) -> None:
    page = workspace / "page.html"
    page.write_text(
        "<html><body><ul><li>It won't clog pores.</li><li>It clogs pores less.</li></ul>"
        "</body></html>",
        "utf-8",
    )
    release = workspace / "release.txt"
    release.write_text(
        "Trimora is given by injection once a week.\n\n"
        "Trimora is used with a reduced-calorie diet and increased physical activity.\n",
        "utf-8",
    )
    got = verdicts(page, "sunnest-fluid") | verdicts(release, "trimora")
    assert got["It won't clog pores."] == ("supported", "SN-NONCOMED")
    opposite = got["It clogs pores less."]
    assert opposite[0] != "supported", opposite
    assert got["Trimora is given by injection once a week."] == ("supported", "TM-WEEKLY")
    # The condition of use of the weight-loss result is not that result.
    assert got["Trimora is used with a reduced-calorie diet and increased physical activity."] == (
        "supported",
        "TM-RX",
    )


# --------------------------------------------------------------------------- 10


def test_news_of_data_is_not_a_new_product(workspace: Path) -> None:
    release = workspace / "release.txt"
    release.write_text(
        "In new bench data, Audix runs for up to 30 hours on a full charge.\n\n"
        "Meet your new hearing aid: Audix runs for up to 30 hours on a full charge.\n\n"
        "The new Audix runs for up to 30 hours on a full charge.\n",
        "utf-8",
    )
    got = verdicts(release, "audix")
    assert got["In new bench data, Audix runs for up to 30 hours on a full charge."] == (
        "supported",
        "AX-BATT",
    )
    assert got["Meet your new hearing aid: Audix runs for up to 30 hours on a full charge."] == (
        "supported",
        "AX-BATT",
    )
    assert got["The new Audix runs for up to 30 hours on a full charge."] == (
        "overstated",
        "AX-BATT",
    )


# --------------------------------------------------------------------------- 11


def test_short_copy_stating_a_claims_figure_is_that_claim(workspace: Path) -> None:
    leave_behind = write_docx(
        workspace / "leave-behind.docx",
        [
            "Clotrix achieves haemostasis within 3 minutes.",
            "Clotrix stops bleeding fast.",
            "With Clotrix, bleeding was controlled in a median of 2.0 minutes, compared with "
            "4.5 minutes with standard haemostatic gauze.",
        ],
    )
    brief = write_docx(
        workspace / "payer-brief.docx",
        [
            "Nearly half of patients on Bronvia reported better quality of life.",
        ],
    )
    got = verdicts(leave_behind, "clotrix") | verdicts(brief, "bronvia")
    # A figure in words ("nearly half") is stated by the wording's 49% of patients.
    assert got["Nearly half of patients on Bronvia reported better quality of life."] == (
        "overstated",
        "BR-QOL",
    )
    assert got["Clotrix achieves haemostasis within 3 minutes."] == ("overstated", "CX-3MIN")
    # "Bleeding was controlled" is haemostasis: the claim on time to haemostasis, not the
    # one on bleeding sites.
    assert got[
        "With Clotrix, bleeding was controlled in a median of 2.0 minutes, compared with "
        "4.5 minutes with standard haemostatic gauze."
    ] == ("supported", "CX-TIME")
    fast = got["Clotrix stops bleeding fast."]
    assert fast[0] in ("overstated", "unsupported"), fast


# --------------------------------------------------------------------------- 12


def test_no_other_restates_a_retired_only_claim(workspace: Path) -> None:
    deck = workspace / "deck.md"
    deck.write_text(
        "No other weekly weight-management injection has shown more than 12% average weight "
        "loss in phase 3.\n",
        "utf-8",
    )
    got = verdicts(deck, "trimora")
    assert got[
        "No other weekly weight-management injection has shown more than 12% average weight "
        "loss in phase 3."
    ] == ("expired", "TM-ONLY")
