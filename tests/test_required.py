"""Required statements, placement, footnotes and fair balance (CC401-CC404) on real drafts.

Per-check cases are data (tests/cases/documents.yaml, Markdown drafts and a PDF); the DOCX,
PDF and PPTX tests below build their files with the libraries a user's tools write them with:
a statement in a DOCX footer, on another PDF page, on another slide and in the speaker notes.
Each rule is shown both firing and silent when the statement is where it must be.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from claimcheck.checks import DOCUMENT_CHECKS
from claimcheck.cli import cli

CASES_FILE = Path(__file__).parent / "cases" / "documents.yaml"
DATA = yaml.safe_load(CASES_FILE.read_text("utf-8"))
CASES = DATA["cases"]
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")
SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "report.schema.json").read_text())
AS_OF = "2026-06-01"


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with one page per list of paragraphs."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for paragraphs in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for text in paragraphs:
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    pdf.output(str(path))
    return path


def check(workspace: Path, draft: str, *args: str) -> tuple[int, dict]:
    """`claimcheck check DRAFT --format json` in the workspace; exit code and report."""
    result = CliRunner().invoke(
        cli, ["check", draft, "--format", "json", "--as-of", AS_OF, *args], catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    return result.exit_code, report


def setup(root: Path, registry: dict, settings: dict | None = None) -> None:
    (root / "claims.yaml").write_text(yaml.safe_dump(registry, sort_keys=False), "utf-8")
    config = {"registry": "claims.yaml", **(settings or {})}
    (root / "claimcheck.yaml").write_text(yaml.safe_dump(config), "utf-8")


def where(finding: dict) -> str:
    """The label a user sees for where a document finding is shown."""
    loc = finding["location"]
    if loc is None:
        return "document"
    for key in ("line", "page", "slide", "paragraph"):
        if loc.get(key) is not None:
            return f"{key} {loc[key]}"
    return "-"


def _case_id(case: dict) -> str:
    return f"{case['check']}-{case['name'][:50]}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_case(case: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry = yaml.safe_load(DATA["registry"])
    if "required" in case:
        registry["required"] = case["required"]
    setup(tmp_path, registry, case.get("settings"))
    monkeypatch.chdir(tmp_path)
    if "pdf" in case:
        name = write_pdf(tmp_path / "draft.pdf", case["pdf"]).name
    else:
        name = "draft.md"
        (tmp_path / name).write_text(case["draft"], "utf-8")
    _, report = check(tmp_path, name)
    (doc,) = report["documents"]
    findings = doc["findings"]
    expect = case["expect"]
    detail = [f"{f['rule']} {f['message']}" for f in findings]
    assert sorted(f["rule"] for f in findings) == sorted(expect["rules"]), detail
    if "message" in expect:
        assert any(f["message"] == " ".join(expect["message"].split()) for f in findings), detail
    if "where" in expect:
        assert where(findings[0]) == expect["where"]
    for code, level in expect.get("severities", {}).items():
        assert [f["severity"] for f in findings if f["rule"] == code] == [level]
    if "statements" in expect:
        got = {s["id"]: s["status"] for s in doc["statements"]}
        assert got == expect["statements"], doc["statements"]


def test_every_document_check_is_documented_and_has_cases() -> None:
    for code, module in DOCUMENT_CHECKS.items():
        doc = module.__doc__ or ""
        missing = [s for s in SECTIONS if s not in doc]
        assert not missing, f"{code} docstring lacks {missing}"
        assert code == module.CODE and code.startswith(("CC4", "CC9")) and module.NAME
        mine = [c for c in CASES if c["check"] == code]
        assert any(code in c["expect"]["rules"] for c in mine), f"{code} has no firing case"
        assert any(code not in c["expect"]["rules"] for c in mine), f"{code} has no passing case"


# --------------------------------------------------------------------------- real files

CLAIM = (
    "ArcGuide saved a mean of 11 minutes of operating-room time per case compared with "
    "conventional instrumentation."
)
RX = "Rx only. Federal law restricts this device to sale by or on the order of a physician."
RISKS = "Complications may include infection, bleeding and pin-site fracture."
IFU = "See the Instructions for Use for indications, contraindications, warnings and precautions."
FILES_REGISTRY = {
    "version": 1,
    "claims": [
        {
            "id": "ARC-ORTIME",
            "text": CLAIM,
            "evidence": ["EV-RCT"],
            "scope": {"products": ["arcguide"]},
        }
    ],
    "required": [
        {"id": "REQ-RX", "text": RX, "scope": {"channels": ["print"]}, "when": "always"},
        {"id": "REQ-PAGE", "text": RISKS, "scope": {"channels": ["congress"]}, "placement": "page"},
        {
            "id": "REQ-SLIDE-NOTES",
            "text": IFU,
            "scope": {"products": ["arcguide"], "channels": ["field"]},
            "placement": "slide",
            "in_notes": True,
        },
        {
            "id": "REQ-SLIDE",
            "text": IFU,
            "scope": {"products": ["arcguide"], "channels": ["field"]},
            "placement": "slide",
        },
    ],
    "evidence": [{"id": "EV-RCT", "citation": "Lee M, et al. J Arthroplasty. 2024."}],
}


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content repository with the file tests' registry, as the working directory."""
    setup(tmp_path, FILES_REGISTRY, {"market": "US", "audience": "hcp"})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def write_docx(path: Path, paragraphs: list[str], footer: str | None = None) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("ArcGuide for surgeons", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    document.save(str(path))
    return path


def write_pptx(path: Path, slides: list[tuple[list[str], str]]) -> Path:
    """A deck: per slide, its bullets and its speaker notes."""
    from pptx import Presentation

    deck = Presentation()
    for number, (bullets, notes) in enumerate(slides, 1):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = f"ArcGuide {number}"
        body = slide.placeholders[1].text_frame
        for n, bullet in enumerate(bullets):
            (body.paragraphs[0] if n == 0 else body.add_paragraph()).text = bullet
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    deck.save(str(path))
    return path


def doc_of(report: dict) -> dict:
    (doc,) = report["documents"]
    return doc


def statuses(doc: dict) -> dict[str, tuple[str, list[str]]]:
    """id -> (status, where each part was found: 'page 2', 'slide 1 notes', 'footer')."""
    out = {}
    for st in doc["statements"]:
        labels = []
        for f in st["found"]:
            label = where({"location": f["location"]})
            if f["part"] in ("notes", "header", "footer"):
                label = f["part"] if label == "-" else f"{label} {f['part']}"
            labels.append(label)
        out[st["id"]] = (st["status"], labels)
    return out


def test_docx_statement_in_the_footer_counts(ws: Path) -> None:
    write_docx(ws / "brochure.docx", [CLAIM, RISKS], footer=RX)
    code, report = check(ws, "brochure.docx", "--channel", "print")
    doc = doc_of(report)
    assert doc["findings"] == []
    assert statuses(doc) == {"REQ-RX": ("found", ["footer", "footer"])}
    assert code == 0


def test_docx_without_the_statement_fails_and_says_what_to_add(ws: Path) -> None:
    write_docx(ws / "brochure.docx", [CLAIM, RISKS], footer="(c) 2026 Meridian Orthopaedics.")
    code, report = check(ws, "brochure.docx", "--channel", "print")
    (finding,) = doc_of(report)["findings"]
    assert code == 1
    assert (finding["rule"], finding["name"], finding["severity"]) == (
        "CC401",
        "missing-required-statement",
        "error",
    )
    assert finding["message"] == (
        "required statement REQ-RX is missing; every document in its scope must carry it"
    )
    assert finding["suggestion"] == RX
    assert (finding["claim_id"], finding["location"], finding["claims"]) == ("REQ-RX", None, [])
    # the same brochure for another channel is outside the requirement's scope
    code, report = check(ws, "brochure.docx", "--channel", "email")
    assert doc_of(report)["findings"] == [] and code == 0


def test_text_output_lists_document_findings_under_the_file_before_its_claims(ws: Path) -> None:
    write_docx(ws / "brochure.docx", [CLAIM, RISKS])
    result = CliRunner().invoke(
        cli, ["check", "brochure.docx", "--channel", "print", "--as-of", AS_OF, "--verbose"]
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:5] == [
        "brochure.docx (docx, audience hcp, channel print, market US)",
        "  document: error CC401 missing-required-statement: required statement REQ-RX is "
        "missing; every document in its scope must carry it",
        f"    add: {RX}",
        f"  paragraph 2: SUPPORTED: {CLAIM}",
        "    matches ARC-ORTIME",
    ]


def test_pdf_statement_on_another_page_is_misplaced(ws: Path) -> None:
    write_pdf(ws / "poster.pdf", [[CLAIM], ["Results continued.", RISKS]])
    code, report = check(ws, "poster.pdf", "--channel", "congress")
    (finding,) = doc_of(report)["findings"]
    assert finding["rule"] == "CC402" and code == 1
    assert finding["message"] == (
        "required statement REQ-PAGE must stand on the same page as each claim it covers: "
        "page 1 lacks it (claim at page 1); found at page 2"
    )
    assert finding["location"]["page"] == 1
    assert [f["location"]["page"] for f in finding["found"]] == [2]
    assert statuses(doc_of(report)) == {"REQ-PAGE": ("misplaced", ["page 2"])}
    assert doc_of(report)["statements"][0]["lacking"] == ["page 1"]


def test_pdf_statement_on_the_claims_page_passes(ws: Path) -> None:
    write_pdf(ws / "poster.pdf", [[CLAIM, RISKS], ["Results continued."]])
    code, report = check(ws, "poster.pdf", "--channel", "congress")
    assert doc_of(report)["findings"] == [] and code == 0
    assert statuses(doc_of(report)) == {"REQ-PAGE": ("found", ["page 1"])}


def test_pdf_without_the_statement_is_missing_not_misplaced(ws: Path) -> None:
    write_pdf(ws / "poster.pdf", [[CLAIM], ["Complications may include infection."]])
    _, report = check(ws, "poster.pdf", "--channel", "congress")
    assert [f["rule"] for f in doc_of(report)["findings"]] == ["CC401"]


def test_pptx_statement_on_another_slide_is_misplaced(ws: Path) -> None:
    write_pptx(ws / "deck.pptx", [([CLAIM, RISKS], ""), (["Safety", IFU], "")])
    code, report = check(ws, "deck.pptx", "--channel", "field")
    findings = doc_of(report)["findings"]
    assert code == 1
    assert [(f["rule"], f["claim_id"]) for f in findings] == [
        ("CC402", "REQ-SLIDE-NOTES"),
        ("CC402", "REQ-SLIDE"),
    ]
    assert findings[0]["message"] == (
        "required statement REQ-SLIDE-NOTES must stand on the same slide or in its notes as "
        "each claim it covers: slide 1 lacks it (claim at slide 1); found at slide 2"
    )
    assert findings[0]["location"]["slide"] == 1


def test_pptx_statement_in_the_notes_counts_only_when_the_requirement_says_so(ws: Path) -> None:
    write_pptx(ws / "deck.pptx", [([CLAIM, RISKS], IFU), (["Questions?"], "")])
    _, report = check(ws, "deck.pptx", "--channel", "field")
    doc = doc_of(report)
    (finding,) = doc["findings"]
    assert (finding["rule"], finding["claim_id"]) == ("CC402", "REQ-SLIDE")
    assert finding["message"].endswith(
        "slide 1 lacks it (claim at slide 1); found at slide 1 notes"
    )
    assert statuses(doc) == {
        "REQ-SLIDE-NOTES": ("found", ["slide 1 notes"]),
        "REQ-SLIDE": ("misplaced", ["slide 1 notes"]),
    }


def test_pptx_statement_on_each_claims_slide_passes(ws: Path) -> None:
    # a claim in the notes of slide 2 needs the statement on slide 2 too
    write_pptx(
        ws / "deck.pptx",
        [([CLAIM, IFU], ""), ([RISKS, IFU], f"Talking point: {CLAIM}"), (["Questions?"], "")],
    )
    code, report = check(ws, "deck.pptx", "--channel", "field")
    assert doc_of(report)["findings"] == [] and code == 0
    write_pptx(
        ws / "deck.pptx",
        [([CLAIM, IFU], ""), ([RISKS], f"Talking point: {CLAIM}"), (["Questions?"], "")],
    )
    _, report = check(ws, "deck.pptx", "--channel", "field")
    lacking = {st["id"]: st["lacking"] for st in doc_of(report)["statements"]}
    assert lacking == {"REQ-SLIDE-NOTES": ["slide 2"], "REQ-SLIDE": ["slide 2"]}


# --------------------------------------------------------------------------- every output


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--as-of", AS_OF], catch_exceptions=False)
    return result.exit_code, result.stdout


def test_sarif_locates_a_document_finding_at_its_first_claim(ws: Path) -> None:
    sarif_schema = json.loads(
        (Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text("utf-8")
    )
    write_pptx(ws / "deck.pptx", [([CLAIM, RISKS], ""), (["Safety", IFU], "")])
    code, out = run("check", "deck.pptx", "--channel", "field", "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    run_ = log["runs"][0]
    (result, _) = [r for r in run_["results"] if r["ruleId"] == "CC402"]
    assert result["locations"][0]["properties"] == {"slide": 1}
    assert result["locations"][0]["message"]["text"] == "slide 1"
    assert result["properties"]["sentence"] == CLAIM
    assert result["properties"]["claim_id"] == "REQ-SLIDE-NOTES"
    assert result["message"]["text"].endswith(f"found at slide 2 Add: {IFU}")
    (related,) = result["relatedLocations"]
    assert related["message"]["text"].startswith("statement found at slide 2: 'See the")
    assert related["properties"] == {"slide": 2}
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert set(rules) >= {"CC401", "CC402", "CC403", "CC404"}
    assert rules["CC404"]["defaultConfiguration"]["level"] == "warning"
    assert "## Why is this bad?" in rules["CC401"]["help"]["text"]


def test_sarif_github_and_junit_put_a_statement_required_always_at_the_document(ws: Path) -> None:
    write_docx(ws / "brochure.docx", [CLAIM, RISKS])
    _, out = run("check", "brochure.docx", "--channel", "print", "--format", "sarif")
    (result,) = json.loads(out)["runs"][0]["results"][-1:]
    assert result["ruleId"] == "CC401" and "relatedLocations" not in result
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert "message" not in result["locations"][0]
    _, out = run("check", "brochure.docx", "--channel", "print", "--format", "github")
    assert out.splitlines()[-1] == (
        "::error file=brochure.docx,line=1,title=CC401 missing-required-statement::required "
        "statement REQ-RX is missing; every document in its scope must carry it%0AAdd: " + RX
    )
    _, out = run("check", "brochure.docx", "--channel", "print", "--format", "junit")
    import xml.etree.ElementTree as ET

    (case,) = [c for c in ET.fromstring(out).iter("testcase") if c.get("name") == "document"]
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "document"
    assert failure.get("message").startswith("CC401 required statement REQ-RX is missing")


def test_github_annotation_of_a_markdown_finding_points_at_the_claims_line(ws: Path) -> None:
    (ws / "page.md").write_text(
        f"---\nclaimcheck: {{channel: web}}\n---\n# ArcGuide\n\n{CLAIM}\n", "utf-8"
    )
    code, out = run("check", "page.md", "--format", "github")
    assert code == 0  # CC404 is a warning
    (line,) = [x for x in out.splitlines() if "CC404" in x]
    assert line.startswith("::warning file=page.md,line=6,title=CC404 fair-balance::no safety")


def test_audit_report_has_a_required_statements_section_per_document(ws: Path) -> None:
    write_pptx(ws / "deck.pptx", [([CLAIM, RISKS], IFU), (["Questions?"], "")])
    write_docx(ws / "brochure.docx", [CLAIM, RISKS], footer=RX)
    (ws / "claimcheck.yaml").write_text(
        "registry: claims.yaml\nmarket: US\naudience: hcp\noverrides:\n"
        "  - {files: deck.pptx, channel: field}\n  - {files: brochure.docx, channel: print}\n",
        "utf-8",
    )
    for fmt in ("md", "html"):
        result = CliRunner().invoke(
            cli, ["report", "deck.pptx", "brochure.docx", "-o", f"audit.{fmt}", "--as-of", AS_OF]
        )
        assert result.exit_code == 0, result.output
    text = (ws / "audit.md").read_text("utf-8")
    deck = text[text.index("## Document 2: deck.pptx") :]
    section = deck[deck.index("### Required statements") : deck.index("### Claims")]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert rows == [
        f"| `REQ-SLIDE-NOTES` required statement | {IFU} | **found** | found at slide 1 notes "
        "| slide 1 |",
        f"| `REQ-SLIDE` required statement | {IFU} | **misplaced** `CC402` | found at slide 1 "
        "notes; not on slide 1 | slide 1 |",
    ]
    brochure = text[text.index("## Document 1: brochure.docx") : text.index("## Document 2")]
    assert "| `REQ-RX` required statement | Rx only. Federal law restricts" in brochure
    assert "| **found** | found at footer | every document in its scope |" in brochure
    html = (ws / "audit.html").read_text("utf-8")
    assert html.count("<h3>Required statements</h3>") == 2
    assert html.count('<tr class="statement" data-status="misplaced">') == 1
    assert html.count('<tr class="statement" data-status="found">') == 2


def test_audit_report_says_when_no_requirement_applies_and_is_silent_without_any(
    ws: Path,
) -> None:
    (ws / "page.md").write_text(f"# ArcGuide\n\n{CLAIM}\n\n{RISKS}\n", "utf-8")
    CliRunner().invoke(cli, ["report", "page.md", "-o", "audit.md", "--channel", "web"])
    assert "No required statement or footnote applies." in (ws / "audit.md").read_text("utf-8")
    registry = {k: v for k, v in FILES_REGISTRY.items() if k != "required"}
    setup(ws, registry, {"market": "US"})
    CliRunner().invoke(cli, ["report", "page.md", "-o", "audit.md"])
    assert "Required statements" not in (ws / "audit.md").read_text("utf-8")


def _docx_comments(path: Path) -> list[tuple[str, str]]:
    """(comment text, anchored text) of every Word comment of a DOCX."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
    out = []
    for c in comments.iter(w + "comment"):
        cid = c.get(w + "id")
        text = "\n".join("".join(t.text or "" for t in p.iter(w + "t")) for p in c.iter(w + "p"))
        inside, anchored = False, []
        for el in body.iter():
            if el.tag == w + "commentRangeStart" and el.get(w + "id") == cid:
                inside = True
            elif el.tag == w + "commentRangeEnd" and el.get(w + "id") == cid:
                break
            elif inside and el.tag == w + "r":
                anchored.append("".join(x.text or "" for x in el.iter(w + "t")))
        out.append((text, "".join(anchored)))
    return out


def test_annotate_docx_comments_a_document_finding_on_the_document_start(ws: Path) -> None:
    write_docx(ws / "brochure.docx", [CLAIM, RISKS])
    before = (ws / "brochure.docx").read_bytes()
    result = CliRunner().invoke(
        cli, ["annotate", "brochure.docx", "-o", "reviewed.docx", "--channel", "print"]
    )
    assert result.exit_code == 0, result.output
    assert (ws / "brochure.docx").read_bytes() == before
    (comment,) = _docx_comments(ws / "reviewed.docx")
    assert comment == (
        "DOCUMENT (CC401 missing-required-statement, error): required statement REQ-RX is "
        f"missing; every document in its scope must carry it\nAdd: {RX}",
        "ArcGuide for surgeons",  # the first paragraph: no claim calls for a statement always
    )
    assert "1 of 1 annotations placed" in result.stderr


def test_annotate_docx_comments_the_first_claim_behind_a_footnote(ws: Path) -> None:
    registry = json.loads(json.dumps(FILES_REGISTRY))
    registry["claims"][0]["footnotes"] = ["Data on file, Meridian Orthopaedics, 2024."]
    setup(ws, registry, {"market": "US", "audience": "hcp"})
    write_docx(ws / "brochure.docx", ["ArcGuide is simple to set up.", CLAIM, RISKS], footer=RX)
    CliRunner().invoke(cli, ["annotate", "brochure.docx", "-o", "r.docx", "--channel", "print"])
    comments = dict((anchored, text) for text, anchored in _docx_comments(ws / "r.docx"))
    assert comments[CLAIM].startswith("DOCUMENT (CC403 missing-footnote, error): footnote of ")
    assert comments[CLAIM].endswith("Add: Data on file, Meridian Orthopaedics, 2024.")


def test_annotate_pdf_puts_a_note_beside_the_first_claim_behind_a_finding(ws: Path) -> None:
    import pypdf

    write_pdf(ws / "poster.pdf", [["Poster P-1"], ["Methods.", CLAIM], [RISKS]])
    result = CliRunner().invoke(
        cli, ["annotate", "poster.pdf", "-o", "r.pdf", "--channel", "congress"]
    )
    assert result.exit_code == 0, result.output
    notes = [
        (number, annot.get_object())
        for number, page in enumerate(pypdf.PdfReader(ws / "r.pdf").pages, 1)
        for annot in page.get("/Annots", [])
        if annot.get_object()["/Subtype"] == "/Text"
    ]
    ((page, note),) = notes
    assert page == 2  # the claim's page, not page 1
    assert note["/Subj"] == "claimcheck CC402"
    assert note["/Contents"].startswith("DOCUMENT (CC402 required-statement-placement, error)")
    assert float(note["/Rect"][0]) < 30  # in the left margin
