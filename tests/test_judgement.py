"""Verdicts a reviewer would sign, on real drafts: the judgement of issue 9, kind by kind.

Each test builds a draft the way a marketing team's tools write it (python-docx with a
header, footer and table; fpdf2 for a congress poster; python-pptx with speaker notes;
HTML and Markdown), runs `claimcheck check --format json` on it against a registry of three
fictional products that appear nowhere else, and asserts what a reviewer reads in the report:
which sentences are claims and the verdict and claim each gets.

1. claims with no effect verb or number are claims; 2. negated harm is a claim, a limiting
disclaimer is not; 3. safety information, dosing, instructions, methods and table labels are
not claims; 4. a current claim outranks a superseded one on the same endpoint; 5. a match
agrees on the endpoint and time point; 6. a multi-word hedge dropped is a dropped hedge;
7. faithful paraphrase and numbers in words match; 8. a prohibited phrase is not matched
too broadly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimcheck.cli import cli

AS_OF = "2026-09-01"

REGISTRY = {
    "version": 1,
    "claims": [
        # Mirovex: an acute migraine tablet (Rx).
        {
            "id": "MX-2H",
            "text": "In two placebo-controlled trials, 21% of patients taking Mirovex were "
            "free of migraine pain at 2 hours, compared with 11% taking placebo.",
            "evidence": ["EV-MX-RCT"],
            "scope": {"products": ["mirovex"]},
        },
        {
            "id": "MX-DAYS",
            "text": "Mirovex may help reduce the number of migraine days each month.",
            "variants": [
                "In a 12-week trial, patients taking Mirovex had 12% fewer migraine days "
                "per month than patients taking placebo."
            ],
            "evidence": ["EV-MX-PREV"],
            "scope": {"products": ["mirovex"]},
        },
        {
            "id": "MX-SURVEY",
            "text": "In a survey of 400 patients, 90% said Mirovex tablets were easy to swallow.",
            "evidence": ["EV-MX-SURVEY"],
            "requires": ["survey"],
            "scope": {"products": ["mirovex"]},
        },
        # QuickStrep: a home strep A test (device).
        {
            "id": "QS-SPEED",
            "text": "QuickStrep gives results in 5 minutes.",
            "evidence": ["EV-QS-IFU"],
            "scope": {"products": ["quickstrep"]},
        },
        {
            "id": "QS-SENS",
            "text": "In a 2025 clinical study, QuickStrep detected 95% of strep A infections "
            "confirmed by laboratory culture.",
            "evidence": ["EV-QS-2025"],
            "scope": {"products": ["quickstrep"]},
        },
        {
            "id": "QS-SENS-2021",
            "text": "In its first clinical study, QuickStrep detected 98% of strep A infections.",
            "evidence": ["EV-QS-2021"],
            "scope": {"products": ["quickstrep"]},
        },
        {
            "id": "QS-READ",
            "text": "In a usability study, 77% of users read their result correctly the first time.",
            "evidence": ["EV-QS-USE"],
            "scope": {"products": ["quickstrep"]},
        },
        # DoseEase: an insulin pen (device).
        {
            "id": "DE-FEWER",
            "text": "With DoseEase, most people need fewer injections each day than with "
            "a vial and syringe.",
            "evidence": ["EV-DE-OBS"],
            "scope": {"products": ["doseease"]},
        },
    ],
    "prohibited": [
        {
            "id": "NO-MX-PREVENT",
            "phrases": ["prevents migraine attacks", "prevent migraines"],
            "reason": "Mirovex is approved to treat an attack, not to prevent attacks.",
        }
    ],
}

EVIDENCE = {
    "evidence": [
        {"id": "EV-MX-RCT", "citation": "Hale R, et al. Headache. 2025;65:100-110.", "type": "rct"},
        {
            "id": "EV-MX-PREV",
            "citation": "Hale R, et al. Cephalalgia. 2026;46:1-9.",
            "type": "rct",
            "findings": [{"endpoint": "monthly migraine days", "result": "12% fewer vs placebo"}],
        },
        {"id": "EV-MX-SURVEY", "citation": "Data on file MX-MR-12; 2025.", "type": "survey"},
        {"id": "EV-QS-IFU", "citation": "QuickStrep instructions for use; 2025.", "type": "label"},
        {
            "id": "EV-QS-2025",
            "citation": "Ortiz P, et al. J Clin Microbiol. 2025;63:e1-e9.",
            "type": "observational",
            "date": "2025-03-01",
        },
        {
            "id": "EV-QS-2021",
            "citation": "Ortiz P, et al. J Clin Microbiol. 2021;59:e1-e7.",
            "type": "observational",
            "date": "2021-05-01",
            "status": "superseded",
        },
        {"id": "EV-QS-USE", "citation": "Data on file QS-HF-03; 2024.", "type": "survey"},
        {
            "id": "EV-DE-OBS",
            "citation": "Kim S, et al. Diabetes Care. 2024;47:1-8.",
            "type": "observational",
        },
    ]
}


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claims.yaml").write_text(yaml.safe_dump(REGISTRY, sort_keys=False), "utf-8")
    (tmp_path / "evidence.yaml").write_text(yaml.safe_dump(EVIDENCE, sort_keys=False), "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def verdicts(draft: Path, product: str, *context: str) -> dict[str, tuple[str, str | None]]:
    """{sentence: (verdict, claim id)} for every claim `claimcheck check` lists in the draft."""
    args = ["check", str(draft), "--format", "json", "--as-of", AS_OF, "--product", product]
    args += ["--registry", "claims.yaml", "--evidence", "evidence.yaml", *context]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["error"] is None if "error" in doc else True
    return {c["sentence"]: (c["verdict"], c["claim_id"]) for c in doc["claims"]}


def write_docx(
    path: Path, paragraphs: list[str], header: str, footer: str, table: list[list[str]]
) -> Path:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    for text in paragraphs:
        document.add_paragraph(text)
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    document.save(str(path))
    return path


def write_pdf(path: Path, blocks: list[tuple[str, str]]) -> Path:
    """A poster page: (style, text) blocks, 'title' and 'heading' in bold."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for style, text in blocks:
        bold = style in ("title", "heading")
        pdf.set_font("Helvetica", "B" if bold else "", 16 if style == "title" else 11)
        pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))
    return path


def write_pptx(path: Path, slides: list[tuple[str, list[str], str]]) -> Path:
    """Slides of (title, body paragraphs, speaker notes)."""
    from pptx import Presentation

    deck = Presentation()
    for title, body, notes in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        frame = slide.placeholders[1].text_frame
        frame.text = body[0]
        for text in body[1:]:
            frame.add_paragraph().text = text
        slide.notes_slide.notes_text_frame.text = notes
    deck.save(str(path))
    return path


# --------------------------------------------------------------------------- 1


def test_claims_without_an_effect_verb_or_a_number_are_judged(workspace: Path) -> None:
    claims = [
        "Mirovex is FDA-approved for adults with migraine.",  # regulatory status
        "Mirovex is covered by most insurance plans.",  # reimbursement
        "The Mirovex app pairs with your smartphone.",  # compatibility
        "Mirovex tablets are gentle on the stomach.",  # tolerability
        "Like our original tablet, the new Mirovex melt works fast.",  # comparison
        "Mirovex has the same active ingredient as the leading prescription brand.",  # equivalence
        '"Honestly, it kicked in for me within minutes," said one patient.',  # quote
    ]
    draft = write_docx(
        workspace / "sales-aid.docx",
        claims,
        header="Mirovex | For US healthcare professionals",
        footer="Mirovex is available at most pharmacies.",  # availability, in the footer
        table=[["Feature", "Mirovex"], ["Formulation", "Oral tablet"]],
    )
    got = verdicts(draft, "mirovex", "--audience", "hcp", "--market", "US")
    for sentence in claims:
        assert got.get(sentence, ("none",))[0] == "unsupported", (sentence, got.get(sentence))
    assert got["Mirovex is available at most pharmacies."][0] == "unsupported"
    # The running header and the table's labels are not claims.
    assert not {"Feature", "Mirovex", "Formulation", "Oral tablet"} & set(got)
    assert not any("For US healthcare professionals" in s for s in got)


def test_a_headline_figure_is_a_claim(workspace: Path) -> None:
    draft = workspace / "post.md"
    draft.write_text("# QuickStrep\n\n99% accurate.\n\nResponse rate: 70%.\n", "utf-8")
    got = verdicts(draft, "quickstrep")
    assert got["99% accurate."][0] == "unsupported"
    assert got["Response rate: 70%."][0] == "unsupported"


# --------------------------------------------------------------------------- 2


def test_negated_harm_is_a_claim_and_a_limiting_disclaimer_is_not(workspace: Path) -> None:
    html = workspace / "patient.html"
    html.write_text(
        "<html><body><h1>Mirovex</h1>"
        "<p>Mirovex won't make you drowsy.</p>"
        "<p>Mirovex causes no weight gain.</p>"
        "<p>Mirovex is not habit-forming.</p>"
        "<p>Mirovex has no known drug interactions.</p>"
        "<p>Mirovex does not replace your doctor's advice.</p>"
        "<p>Mirovex is not a cure for migraine.</p>"
        "<p>This product is not intended to diagnose, treat, cure, or prevent any disease.</p>"
        "</body></html>",
        "utf-8",
    )
    got = verdicts(html, "mirovex")
    for sentence in (
        "Mirovex won't make you drowsy.",
        "Mirovex causes no weight gain.",
        "Mirovex is not habit-forming.",
        "Mirovex has no known drug interactions.",
    ):
        assert got[sentence][0] == "unsupported", sentence
    for disclaimer in (
        "Mirovex does not replace your doctor's advice.",
        "Mirovex is not a cure for migraine.",
        "This product is not intended to diagnose, treat, cure, or prevent any disease.",
    ):
        assert disclaimer not in got, disclaimer


# --------------------------------------------------------------------------- 3


def test_safety_dosing_instructions_and_methods_get_no_verdict(workspace: Path) -> None:
    poster = write_pdf(
        workspace / "poster.pdf",
        [
            ("title", "Mirovex for the acute treatment of migraine: pooled phase 3 results"),
            ("heading", "Objective"),
            ("body", "To assess freedom from migraine pain at 2 hours after one dose."),
            ("heading", "Methods"),
            ("body", "Adults with migraine were randomized to Mirovex 75 mg or placebo."),
            ("body", "A total of 1,466 patients were enrolled and 12% discontinued."),
            ("heading", "Results"),
            (
                "body",
                "In two placebo-controlled trials, 21% of patients taking Mirovex were free "
                "of migraine pain at 2 hours, compared with 11% taking placebo.",
            ),
            ("heading", "Safety"),
            ("body", "The most common adverse reaction was nausea (3.0% vs 1.1%)."),
            ("body", "Mirovex can cause serious liver problems."),
            ("body", "Take one 75 mg tablet at the onset of a migraine."),
            ("body", "Always show this poster with the full prescribing information."),
        ],
    )
    got = verdicts(poster, "mirovex", "--audience", "hcp", "--channel", "congress")
    results = (
        "In two placebo-controlled trials, 21% of patients taking Mirovex were free of migraine "
        "pain at 2 hours, compared with 11% taking placebo."
    )
    assert got == {results: ("supported", "MX-2H")}, got


# --------------------------------------------------------------------------- 4


def test_the_current_claim_outranks_the_superseded_one(workspace: Path) -> None:
    deck = write_pptx(
        workspace / "deck.pptx",
        [
            (
                "Accuracy",
                [
                    "QuickStrep detects strep A in 95% of infections confirmed by culture.",
                    "In its first clinical study, QuickStrep detected 98% of strep A infections.",
                ],
                "QuickStrep is the most accurate home test. QuickStrep never misses a case.",
            )
        ],
    )
    got = verdicts(deck, "quickstrep")
    assert got["QuickStrep detects strep A in 95% of infections confirmed by culture."] == (
        "supported",
        "QS-SENS",
    )
    old = "In its first clinical study, QuickStrep detected 98% of strep A infections."
    assert got[old] == ("expired", "QS-SENS-2021")
    # Superlatives and absolutes that merely resemble the old claim are judged on their own.
    for sentence in (
        "QuickStrep is the most accurate home test.",
        "QuickStrep never misses a case.",
    ):
        assert got[sentence][0] in ("overstated", "unsupported"), (sentence, got[sentence])
        assert got[sentence][1] != "QS-SENS-2021"


# --------------------------------------------------------------------------- 5


def test_a_match_must_agree_on_the_endpoint_and_its_time_point(workspace: Path) -> None:
    draft = workspace / "email.md"
    draft.write_text(
        "In two placebo-controlled trials, 21% of patients taking Mirovex were free of "
        "migraine pain at 24 hours, compared with 11% taking placebo.\n",
        "utf-8",
    )
    pen = workspace / "pen.md"
    pen.write_text(
        "DoseEase makes injections painless.\n\n"
        "With DoseEase, most people need fewer injections each day than with a vial and "
        "syringe.\n",
        "utf-8",
    )
    got = verdicts(draft, "mirovex") | verdicts(pen, "doseease")
    at_24 = got[
        "In two placebo-controlled trials, 21% of patients taking Mirovex were free of "
        "migraine pain at 24 hours, compared with 11% taking placebo."
    ]
    assert at_24[0] in ("overstated", "unsupported"), at_24
    painless = got["DoseEase makes injections painless."]
    assert painless[0] in ("overstated", "unsupported"), painless
    fewer = got[
        "With DoseEase, most people need fewer injections each day than with a vial and syringe."
    ]
    assert fewer == ("supported", "DE-FEWER")


# --------------------------------------------------------------------------- 6


def test_a_dropped_multi_word_hedge_is_overstated(workspace: Path) -> None:
    deck = write_pptx(
        workspace / "hedges.pptx",
        [
            (
                "Fewer migraine days",
                [
                    "Mirovex may help reduce the number of migraine days each month.",
                    "Mirovex helps reduce the number of migraine days each month.",
                    "Mirovex reduces migraine days.",
                ],
                "Say that Mirovex may help reduce migraine days.",
            )
        ],
    )
    got = verdicts(deck, "mirovex")
    assert got["Mirovex may help reduce the number of migraine days each month."] == (
        "supported",
        "MX-DAYS",
    )
    assert got["Mirovex helps reduce the number of migraine days each month."] == (
        "overstated",
        "MX-DAYS",
    )
    assert got["Mirovex reduces migraine days."] == ("overstated", "MX-DAYS")


# --------------------------------------------------------------------------- 7


def test_faithful_paraphrase_and_numbers_in_words_match(workspace: Path) -> None:
    html = workspace / "page.html"
    html.write_text(
        "<html><body>"
        "<p>QuickStrep delivers results in 5 minutes.</p>"
        "<p>In a usability study, more than three-quarters of users (77%) read their result "
        "correctly the first time.</p>"
        "</body></html>",
        "utf-8",
    )
    email = workspace / "email.html"
    email.write_text(
        "<html><body>"
        "<p>In a survey of 400 patients, nine in ten said Mirovex tablets were easy to "
        "swallow.</p>"
        "<p>In a 12-week trial, patients taking Mirovex had twenty-five percent fewer migraine "
        "days per month than patients taking placebo.</p>"
        "<p>In a 12-week trial, patients taking Mirovex had 25 percent fewer migraine days per "
        "month than patients taking placebo.</p>"
        "</body></html>",
        "utf-8",
    )
    got = verdicts(html, "quickstrep") | verdicts(email, "mirovex")
    assert got["QuickStrep delivers results in 5 minutes."] == ("supported", "QS-SPEED")
    assert got[
        "In a usability study, more than three-quarters of users (77%) read their result "
        "correctly the first time."
    ] == ("supported", "QS-READ")
    assert got[
        "In a survey of 400 patients, nine in ten said Mirovex tablets were easy to swallow."
    ] == ("supported", "MX-SURVEY")
    # Twenty-five percent is compared as the number it is: not the approved 12%.
    for words in ("twenty-five percent", "25 percent"):
        sentence = (
            f"In a 12-week trial, patients taking Mirovex had {words} fewer migraine days per "
            "month than patients taking placebo."
        )
        assert got[sentence] == ("overstated", "MX-DAYS"), (words, got[sentence])


# --------------------------------------------------------------------------- 8


def test_a_prohibited_phrase_is_not_matched_too_broadly(workspace: Path) -> None:
    draft = workspace / "social.md"
    draft.write_text(
        "Mirovex stops a migraine attack once it has started.\n\n"
        "Mirovex prevents migraine attacks.\n",
        "utf-8",
    )
    got = verdicts(draft, "mirovex")
    assert got["Mirovex stops a migraine attack once it has started."][0] != "prohibited"
    assert got["Mirovex prevents migraine attacks."] == ("prohibited", "NO-MX-PREVENT")


# --------------------------------------------------------------------------- explain


def test_explain_names_the_rule_the_candidates_and_the_verdict(workspace: Path) -> None:
    args = ["--registry", "claims.yaml", "--evidence", "evidence.yaml", "--as-of", AS_OF]
    out = CliRunner().invoke(
        cli,
        [
            "explain",
            "QuickStrep detects every strep A infection.",
            *args,
            "--product",
            "quickstrep",
        ],
    )
    assert out.exit_code == 0, out.output
    assert "claim: yes" in out.output
    assert "absolute" in out.output  # the cue, with its span
    assert "QS-SENS-2021" in out.output and "passed over" in out.output
    as_json = CliRunner().invoke(
        cli,
        ["explain", "Mirovex won't make you drowsy.", *args, "--format", "json"],
    )
    (ex,) = json.loads(as_json.stdout)
    assert ex["claim"] == {
        "is_claim": True,
        "rule": "negated-harm",
        "rule_meaning": "a negated harm: minimises a risk",
        "why": "'drowsy' is negated",
        "span": [23, 29],
    }
    assert ex["verdict"] == "unsupported"
    assert [s["kind"] for s in ex["scopes"]] == ["negation"]


def test_explain_a_line_of_a_draft_and_bad_input(workspace: Path) -> None:
    draft = workspace / "d.md"
    draft.write_text("# Title\n\nTake one tablet at onset.\n\nMirovex reduces migraine days.\n")
    args = ["--registry", "claims.yaml", "--evidence", "evidence.yaml", "--as-of", AS_OF]
    out = CliRunner().invoke(cli, ["explain", "--file", "d.md", "--line", "3", *args])
    assert out.exit_code == 0, out.output
    assert "d.md line 3: Take one tablet at onset." in out.output
    assert "claim: no, an instruction to the reader" in out.output
    assert "verdict: none" in out.output
    missing = CliRunner().invoke(cli, ["explain", "--file", "d.md", "--line", "40", *args])
    assert missing.exit_code == 2
    assert "no sentence at 40" in missing.output
    both = CliRunner().invoke(cli, ["explain", "x", "--file", "d.md", *args])
    assert both.exit_code == 2
