"""Matching and judging on real drafts: what a match must agree on before copy passes.

Each test writes a draft the way a marketing team's tools do (python-docx, HTML, Markdown),
runs `claimcheck check --format json` against a small registry of fictional products that
appear nowhere else, and asserts the verdict and claim a reviewer reads in the report.

1. an approval that names a condition the approved claim does not is overstated; 2. a result
given for "moderate or severe" stated for "severe" alone is overstated; 3. a prohibited
phrase with a negation matches only with the negation in its place ("migraine with or
without aura" is not "never have another migraine"); 4. a match must agree on what is
measured: "tear-free" is not backed by "fragrance-free".
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
