"""Every command beyond `check`'s basics, end to end as a user runs them.

report, annotate, registry validate, rules, the CI formats, baselines, waivers,
--changed-since and --shard, through click's CliRunner (the spaCy pipeline loads once per
process). The drafts use clear-cut sentences only (an intensifier, a wrong number, a
prohibited phrase, an expired claim) so no assertion hangs on a borderline strength verdict.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
import jsonschema
import pypdf
import pytest
from click.testing import CliRunner
from fpdf import FPDF
from gitrepo import git

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"
SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-2.1.0.json").read_text("utf-8"))

REGISTRY = """\
version: 1
claims:
  - id: ARC-OPTIME
    text: >-
      ArcGuide reduced mean operative time by 12% compared with conventional
      instrumentation in a randomized controlled trial.
    evidence: [EV-ARC-RCT-2024]
    expires: 2027-12-31
  - id: ARC-SURVEY
    text: Nine of ten surgeons preferred ArcGuide in a 2023 user survey.
    evidence: [EV-ARC-RCT-2024]
    expires: 2025-06-30
prohibited:
  - id: NO-RECOVERY
    phrases: [faster recovery, recover faster]
    reason: The trial found no difference in length of stay.
evidence:
  - id: EV-ARC-RCT-2024
    citation: "Lee M, et al. J Arthroplasty. 2024;39(2):210-218."
    type: rct
    date: 2024-02-01
    findings:
      - endpoint: mean operative time
        result: 78 vs 89 minutes (-12%), p=0.003
      - endpoint: surgeon preference
        result: 9 of 10 surgeons
"""

SUPPORTED = (
    "ArcGuide reduced mean operative time by 12% compared with conventional instrumentation "
    "in a randomized controlled trial."
)
INTENSIFIED = (
    "ArcGuide dramatically reduced mean operative time by 12% compared with conventional "
    "instrumentation in a randomized controlled trial."
)
WRONG_NUMBER = (
    "ArcGuide reduced mean operative time by 25% compared with conventional instrumentation "
    "in a randomized controlled trial."
)
PROHIBITED = "With ArcGuide, your patients recover faster."
PROHIBITED_2 = "Patients recover faster with ArcGuide."
EXPIRED = "Nine of ten surgeons preferred ArcGuide in a 2023 user survey."


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content repository (registry + config) as the working directory."""
    (tmp_path / "claims.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text(
        "registry: claims.yaml\naudience: hcp\nchannel: email\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    """Invoke the CLI in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def check_json(*args: str) -> tuple[int, dict, str]:
    """`claimcheck check --format json`, parsed."""
    code, out, err = run("check", *args, "--format", "json", "--as-of", AS_OF, "--jobs", "1")
    return code, json.loads(out), err


def md(root: Path, name: str, *paragraphs: str) -> Path:
    """A Markdown draft with one paragraph per sentence."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# ArcGuide\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def make_docx(path: Path, *paragraphs: str) -> Path:
    """A DOCX draft: a heading and one body paragraph per sentence."""
    document = docx.Document()
    document.add_heading("ArcGuide for surgeons", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def make_pdf(path: Path, *paragraphs: str) -> Path:
    """A one-page PDF draft with one paragraph per sentence."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for text in paragraphs:
        pdf.multi_cell(0, 6, text)
        pdf.ln(4)
    pdf.output(str(path))
    return path


def line_of(path: Path, sentence: str) -> int:
    """1-based line on which `sentence` starts in a text draft."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if sentence in line:
            return number
    raise AssertionError(f"{sentence!r} not in {path}")


def visible_text(markup: str) -> str:
    """Text of an HTML page as a reader sees it (tags gone, entities decoded, spaces collapsed)."""
    text = re.sub(r"<[^>]+>", "", markup)
    return " ".join(html.unescape(text).split())


def md_text(markup: str) -> str:
    """Text of a Markdown report with emphasis markers and escapes removed."""
    return " ".join(markup.replace("**", "").replace("\\", "").split())


def one_error_line(err: str) -> str:
    """The single stderr line of a user error (and that it is a single line)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("claimcheck: error: "), err
    assert "Traceback" not in err
    return lines[0]


def claim_findings(report: dict) -> list[dict]:
    """The findings of the claims of a JSON report (not those about a document as a whole)."""
    return [f for doc in report["documents"] for claim in doc["claims"] for f in claim["findings"]]


def findings_of(report: dict) -> list[dict]:
    """Every finding in a JSON report, claim-level and document-level."""
    out = []
    for doc in report["documents"]:
        out += doc.get("findings", [])
        for claim in doc["claims"]:
            out += claim["findings"]
    return out


# --------------------------------------------------------------------------- report


@pytest.fixture
def audit_draft(ws: Path) -> Path:
    """A draft with one claim of each clear-cut kind."""
    return md(ws, "drafts/email.md", SUPPORTED, INTENSIFIED, WRONG_NUMBER, PROHIBITED, EXPIRED)


@pytest.mark.parametrize(("name", "clean"), [("out.html", visible_text), ("out.md", md_text)])
def test_report_lists_every_claim_verdict_and_registry_hash(ws, audit_draft, name, clean):
    code, _, err = run("report", "drafts/", "-o", name, "--as-of", AS_OF)
    assert code == 0, err
    assert f"wrote {name} (1 document, 5 claims)" in err
    raw = (ws / name).read_text("utf-8")
    text = clean(raw)
    for sentence in (SUPPORTED, INTENSIFIED, WRONG_NUMBER, PROHIBITED, EXPIRED):
        assert sentence in text, sentence
    for verdict in ("supported", "overstated", "prohibited", "expired"):
        assert verdict in text.lower()
    for rule in ("CC201", "CC206", "CC102", "CC301"):
        assert rule in text
    digest = hashlib.sha256((ws / "claims.yaml").read_bytes()).hexdigest()
    assert digest in raw
    if name.endswith(".html"):
        assert raw.lstrip().lower().startswith("<!doctype html")
    else:
        assert raw.startswith("# ")


def test_report_format_flag_overrides_the_extension(ws, audit_draft):
    code, _, err = run("report", "drafts/email.md", "-o", "audit.txt", "--format", "md")
    assert code == 0, err
    assert (ws / "audit.txt").read_text("utf-8").startswith("# ")


def test_report_unknown_extension_is_a_one_line_usage_error(ws, audit_draft):
    code, _, err = run("report", "drafts/email.md", "-o", "audit.txt")
    assert code == 2
    assert "audit.txt" in one_error_line(err)
    assert not (ws / "audit.txt").exists()


@pytest.mark.parametrize(
    ("target", "args"),
    [
        ("drafts/email.md", ("drafts/email.md",)),  # the draft named
        ("drafts/email.md", ("drafts/",)),  # a draft found in a named directory
        ("claims.yaml", ("drafts/", "--format", "md")),  # the registry
        ("claimcheck.yaml", ("drafts/", "--format", "md")),  # the config
    ],
)
def test_report_refuses_to_write_over_an_input(ws, audit_draft, target, args):
    before = (ws / target).read_bytes()
    code, _, err = run("report", *args, "-o", target)
    assert code == 2
    assert "refusing to overwrite" in one_error_line(err)
    assert (ws / target).read_bytes() == before


def test_check_output_refuses_to_write_over_a_draft_in_a_named_directory(ws, audit_draft):
    before = audit_draft.read_bytes()
    code, _, err = run("check", "drafts/", "-o", "drafts/email.md", "--format", "json")
    assert code == 2
    assert "refusing to overwrite" in one_error_line(err)
    assert audit_draft.read_bytes() == before


def test_report_html_escapes_markup_in_the_draft(ws):
    (ws / "drafts").mkdir()
    (ws / "drafts/note.txt").write_text(
        "With ArcGuide, your patients recover faster <script>alert(1)</script>.\n", "utf-8"
    )
    code, _, err = run("report", "drafts/note.txt", "-o", "out.html", "--as-of", AS_OF)
    assert code == 0, err
    page = (ws / "out.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the claim is shown...
    assert "<script>alert(1)</script>" not in page  # ...but never runs
    assert "<script" not in page.lower()


@pytest.fixture(scope="module")
def examples_runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The repository's demo, checked (JSON) and reported (HTML, Markdown) from its root."""
    out = tmp_path_factory.mktemp("examples")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        code, stdout, _ = run("check", "examples/", "--format", "json", "--as-of", AS_OF)
        assert code in (0, 1)
        runs = {"json": json.loads(stdout)}
        for ext in ("html", "md"):
            target = out / f"audit.{ext}"
            code, _, err = run("report", "examples/", "-o", str(target), "--as-of", AS_OF)
            assert code == 0, err
            runs[ext] = (target.read_text("utf-8"), err)
    finally:
        os.chdir(cwd)
    return runs


@pytest.mark.parametrize(("ext", "clean"), [("html", visible_text), ("md", md_text)])
def test_report_on_the_examples_lists_all_documents_and_claims(examples_runs, ext, clean):
    expected = (ROOT / "examples" / "EXPECTED.md").read_text("utf-8")
    total = int(re.search(r"Totals: (\d+) claim sentences", expected).group(1))
    assert total == 58
    report = examples_runs["json"]
    drafts = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "examples").iterdir()
        if p.suffix in {".md", ".docx", ".pdf", ".pptx", ".html"} and p.name != "EXPECTED.md"
    )
    assert [d["path"] for d in report["documents"]] == drafts
    assert len(drafts) == 6
    assert sum(len(d["claims"]) for d in report["documents"]) == total

    raw, err = examples_runs[ext]
    assert f"(6 documents, {total} claims)" in err
    text = clean(raw)
    for path in drafts:
        assert path in text
    missing = [
        c["sentence"]
        for d in report["documents"]
        for c in d["claims"]
        if " ".join(c["sentence"].split()) not in text
    ]
    assert not missing
    assert report["registry"]["sha256"] in raw


# --------------------------------------------------------------------------- annotate


def comments(path: Path) -> list[tuple[str, str]]:
    """(author, text) of every Word comment in a DOCX file."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as z:
        if "word/comments.xml" not in z.namelist():
            return []
        root = ET.fromstring(z.read("word/comments.xml"))
    return [
        (c.get(f"{w}author"), "".join(t.text or "" for t in c.iter(f"{w}t")))
        for c in root.iter(f"{w}comment")
    ]


SUMMARY = re.compile(r"wrote (\S+) \((\d+) of (\d+) annotations placed")


@pytest.fixture
def brochure(ws: Path) -> Path:
    """A DOCX draft with one supported and two flagged claims."""
    return make_docx(ws / "brochure.docx", SUPPORTED, INTENSIFIED, PROHIBITED)


def test_annotate_docx_comments_each_flagged_claim_and_leaves_the_draft_alone(ws, brochure):
    before = brochure.read_bytes()
    code, _, err = run("annotate", "brochure.docx", "-o", "reviewed.docx", "--as-of", AS_OF)
    assert code == 0, err
    assert brochure.read_bytes() == before
    notes = comments(ws / "reviewed.docx")
    assert len(notes) == 3
    assert {author for author, _ in notes} == {"claimcheck"}
    texts = sorted(text for _, text in notes)
    # the brochure has benefit claims and no safety information: a document comment (CC404)
    assert texts[0].startswith("DOCUMENT (CC404 fair-balance, warning)")
    assert "OVERSTATED" in texts[1] and "CC201" in texts[1] and "intensifier" in texts[1]
    assert "PROHIBITED" in texts[2] and "CC102" in texts[2]
    summary = SUMMARY.search(err)
    assert summary and summary.groups() == ("reviewed.docx", "3", "3")
    # the copy still reads as the same document
    body = [p.text for p in docx.Document(str(ws / "reviewed.docx")).paragraphs]
    assert INTENSIFIED in body and SUPPORTED in body


def test_annotate_all_comments_supported_claims_too(ws, brochure):
    code, _, err = run("annotate", "brochure.docx", "-o", "all.docx", "--all", "--as-of", AS_OF)
    assert code == 0, err
    notes = [text for _, text in comments(ws / "all.docx")]
    assert len(notes) == 4  # three claims and the document's CC404
    assert any("SUPPORTED" in t and "ARC-OPTIME" in t for t in notes)
    summary = SUMMARY.search(err)
    # every annotation counted once: never "4 of 3 placed"
    assert summary and summary.groups() == ("all.docx", "4", "4")
    assert "2 flagged claims" in err


def test_annotate_pdf_highlights_flagged_claims(ws):
    draft = make_pdf(ws / "poster.pdf", SUPPORTED, WRONG_NUMBER, PROHIBITED)
    before = draft.read_bytes()
    code, _, err = run("annotate", "poster.pdf", "-o", "reviewed.pdf", "--as-of", AS_OF)
    assert code == 0, err
    assert draft.read_bytes() == before
    page = pypdf.PdfReader(str(ws / "reviewed.pdf")).pages[0]
    annots = [a.get_object() for a in page.get("/Annots", [])]
    highlights = [a for a in annots if a["/Subtype"] == "/Highlight"]
    assert len(highlights) == 2
    notes = " ".join(str(a.get("/Contents", "")) for a in highlights)
    assert "CC206" in notes and "CC102" in notes
    # and a note for the document as a whole: benefit claims, no safety information (CC404)
    (note,) = [a for a in annots if a["/Subtype"] == "/Text"]
    assert note["/Subj"] == "claimcheck CC404"
    assert SUMMARY.search(err).groups() == ("reviewed.pdf", "3", "3")


@pytest.mark.parametrize(
    ("draft", "output", "says"),
    [
        ("brochure.docx", "reviewed.pdf", "must be a .docx"),  # wrong output suffix
        ("brochure.docx", "brochure.docx", "refusing to overwrite"),  # over the draft
        ("email.md", "reviewed.md", "takes a .docx or .pdf"),  # not a docx/pdf draft
        ("missing.docx", "reviewed.docx", "no such file"),
        (".", "reviewed.docx", "not a directory"),
    ],
)
def test_annotate_usage_errors_are_one_line_exit_2(ws, brochure, draft, output, says):
    md(ws, "email.md", PROHIBITED)
    before = brochure.read_bytes()
    code, _, err = run("annotate", draft, "-o", output)
    assert code == 2
    assert says in one_error_line(err)
    assert brochure.read_bytes() == before
    assert output == "brochure.docx" or not (ws / output).exists()


# --------------------------------------------------------------------------- registry validate


def test_registry_validate_on_the_examples(monkeypatch):
    from claimcheck.registry.load import load_registry

    monkeypatch.chdir(ROOT)
    code, out, err = run("registry", "validate", "--as-of", AS_OF)
    assert code == 0, err
    reg = load_registry([ROOT / "examples" / "claims.yaml"], [ROOT / "evidence"])
    last = out.strip().splitlines()[-1]
    assert re.fullmatch(
        rf"{len(reg.claims)} claims, {len(reg.prohibited)} prohibited, "
        rf"{len(reg.required)} required statements, "
        rf"{len(reg.evidence)} evidence records: 0 error\(s\), (\d+) warning\(s\)",
        last,
    ), last
    warnings = int(re.search(r"(\d+) warning", last).group(1))
    listed = [line for line in out.splitlines() if ": warning: " in line]
    assert len(listed) == warnings
    # ARC-SURGEON-SURVEY expired in 2025: the demo registry says so
    assert any("ARC-SURGEON-SURVEY" in line and "expired" in line for line in listed)


VALIDATE_REGISTRY = """\
version: 1
claims:
  - id: ARC-OPTIME
    text: ArcGuide reduced mean operative time by 12% compared with conventional instrumentation.
    evidence: [EV-RCT]
    expires: 2026-12-01
evidence:
  - id: EV-RCT
    citation: "Lee M. J Arthroplasty. 2024."
    type: rct
    date: 2024-02-01
    file: papers/lee2024.pdf
"""


@pytest.fixture
def small_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A registry whose only claim expires 8 days after AS_OF; its evidence file exists."""
    (tmp_path / "claims.yaml").write_text(VALIDATE_REGISTRY, encoding="utf-8")
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers/lee2024.pdf").write_bytes(b"%PDF-1.4\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate(*args: str) -> tuple[int, str, str]:
    return run("registry", "validate", "--registry", "claims.yaml", "--as-of", AS_OF, *args)


def test_registry_validate_dangling_evidence_is_exit_2_naming_file_and_line(small_registry):
    text = VALIDATE_REGISTRY.replace("[EV-RCT]", "[EV-RCT, EV-MISSING]")
    (small_registry / "claims.yaml").write_text(text, encoding="utf-8")
    code, out, err = validate()
    assert (code, err) == (2, "")
    number = next(i for i, t in enumerate(text.splitlines(), 1) if "EV-MISSING" in t)
    assert (
        f"claims.yaml:{number}: error: claim ARC-OPTIME cites unknown evidence 'EV-MISSING'" in out
    )
    assert out.strip().splitlines()[-1].endswith("1 error(s), 1 warning(s)")


def test_registry_validate_reports_every_error_not_only_the_first(small_registry):
    text = (
        VALIDATE_REGISTRY.replace("[EV-RCT]", "[EV-RCT, EV-MISSING]")
        .replace("expires: 2026-12-01", "expires: 2026-13-01\n    staus: retired")
        .replace("type: rct", "type: rtc")
        + "prohibited:\n  - id: NO CURE\n    phrases: [cure]\n    reason: No.\n"
    )
    (small_registry / "claims.yaml").write_text(text, encoding="utf-8")
    code, out, _ = validate()
    assert code == 2
    assert [line.split(" error: ")[0] for line in out.splitlines() if " error: " in line] == [
        "claims.yaml:5:",  # EV-MISSING
        "claims.yaml:6:",  # the bad date
        "claims.yaml:7:",  # the misspelt key
        "claims.yaml:11:",  # the evidence type
        "claims.yaml:15:",  # the prohibited id
    ]
    assert "did you mean 'status'?" in out
    # every other command still stops at the first, in one line on stderr
    code, _, err = run("check", "--registry", "claims.yaml", "claims.yaml")
    assert code == 2 and one_error_line(err).startswith("claimcheck: error: claims.yaml:")


def test_registry_validate_warns_about_a_claim_expiring_soon(small_registry):
    code, out, _ = validate()
    assert code == 0
    assert "claims.yaml:3: warning: claim ARC-OPTIME expires on 2026-12-01" in out
    assert out.strip().splitlines()[-1].endswith("0 error(s), 1 warning(s)")
    code, _, _ = validate("--strict")
    assert code == 1
    # 8 days away is outside a 5-day window: nothing to warn about, even with --strict
    code, out, _ = validate("--strict", "--expiring-within", "5")
    assert code == 0
    assert "0 error(s), 0 warning(s)" in out


def test_registry_validate_missing_evidence_file_is_an_error(small_registry):
    (small_registry / "papers/lee2024.pdf").unlink()
    code, out, _ = validate()
    assert code == 1
    assert "error: evidence EV-RCT: file 'papers/lee2024.pdf' does not exist" in out
    assert "1 error(s)" in out


def test_registry_validate_without_a_registry_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run("registry", "validate")
    assert code == 2
    assert "no claim registry" in one_error_line(err)


# --------------------------------------------------------------------------- rules


def test_rules_list_names_every_check_and_pack_rule(ws):
    from claimcheck.checks import CHECKS
    from claimcheck.checks.packs import load_packs

    code, out, _ = run("rules", "list")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()]
    expected = set(CHECKS) | {r.code for r in load_packs()}
    assert expected <= set(listed)
    assert listed == sorted(listed) and len(listed) == len(set(listed))


@pytest.mark.parametrize("code", ["CC202", "cc202", "dropped-qualifier"])
def test_rules_explain_prints_the_four_doc_sections(ws, code):
    status, out, _ = run("rules", "explain", code)
    assert status == 0
    assert out.startswith("CC202 dropped-qualifier")
    positions = [
        out.index(h)
        for h in ("## What it does", "## Why is this bad?", "## Example", "## Use instead")
    ]
    assert positions == sorted(positions)


def test_every_listed_rule_is_explained_with_the_four_sections(ws):
    _, out, _ = run("rules", "list")
    for code in [line.split()[0] for line in out.splitlines()]:
        status, doc, err = run("rules", "explain", code)
        assert status == 0, (code, err)
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            assert heading in doc, (code, heading)


def test_rules_explain_unknown_rule_is_exit_2(ws):
    code, _, err = run("rules", "explain", "CC999")
    assert code == 2
    assert "CC999" in one_error_line(err)


def test_rules_list_includes_the_configs_own_pack(ws):
    (ws / "house.yaml").write_text(
        "version: 1\nrules:\n"
        "  - code: CC290\n    name: number-one\n"
        "    message: \"'{text}' is a ranking claim\"\n"
        "    why: Rankings need a named source.\n"
        "    patterns: [number one]\n",
        encoding="utf-8",
    )
    with (ws / "claimcheck.yaml").open("a", encoding="utf-8") as f:
        f.write("rules: [house.yaml]\n")
    code, out, _ = run("rules", "list")
    assert code == 0
    assert any(line.startswith("CC290  number-one") for line in out.splitlines())
    code, out, _ = run("rules", "explain", "number-one")
    assert code == 0 and "Rankings need a named source." in out


# --------------------------------------------------------------------------- CI formats


@pytest.fixture
def ci_draft(ws: Path) -> Path:
    """A small Markdown draft with one supported and two flagged claims."""
    return md(ws, "draft.md", SUPPORTED, INTENSIFIED, PROHIBITED)


def test_sarif_from_the_cli_validates_and_goes_to_output(ws, ci_draft):
    code, out, _ = run("check", "draft.md", "--format", "sarif", "--as-of", AS_OF)
    assert code == 1
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"CC201", "CC102"}
    lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results}
    assert line_of(ci_draft, INTENSIFIED) in lines

    code, out, _ = run("check", "draft.md", "--format", "sarif", "-o", "c.sarif", "--as-of", AS_OF)
    assert code == 1 and out == ""
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads((ws / "c.sarif").read_text()))


def test_junit_from_the_cli_parses_and_fails_the_flagged_claims(ws, ci_draft):
    code, out, _ = run("check", "draft.md", "--format", "junit", "--as-of", AS_OF)
    assert code == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    failures = root.findall(".//testcase/failure")
    assert len(failures) == 2
    assert any("CC201" in (f.get("message") or "") for f in failures)

    code, out, _ = run("check", "draft.md", "--format", "junit", "-o", "c.xml", "--as-of", AS_OF)
    assert code == 1 and out == ""
    assert len(ET.parse(ws / "c.xml").getroot().findall(".//failure")) == 2


def test_github_annotations_from_the_cli_point_at_the_line(ws, ci_draft):
    code, out, _ = run("check", "draft.md", "--format", "github", "--as-of", AS_OF)
    assert code == 1
    for sentence in (INTENSIFIED, PROHIBITED):
        assert f"::error file=draft.md,line={line_of(ci_draft, sentence)}" in out
    code, stdout, _ = run(
        "check", "draft.md", "--format", "github", "-o", "a.txt", "--as-of", AS_OF
    )
    assert code == 1 and stdout == ""
    assert (ws / "a.txt").read_text("utf-8") == out


def test_exit_code_does_not_depend_on_the_format(ws, ci_draft):
    codes = {
        fmt: run("check", "draft.md", "--format", fmt, "--as-of", AS_OF)[0]
        for fmt in ("text", "json", "sarif", "junit", "github")
    }
    assert set(codes.values()) == {1}, codes
    md(ws, "draft.md", SUPPORTED)
    assert run("check", "draft.md", "--format", "sarif", "--as-of", AS_OF)[0] == 0


# --------------------------------------------------------------------------- baselines


def test_baseline_round_trip_through_the_cli(ws):
    draft = md(ws, "draft.md", SUPPORTED, INTENSIFIED, PROHIBITED)
    code, _, err = run("check", "draft.md", "--write-baseline", "b.json", "--as-of", AS_OF)
    assert code == 0, err
    # CC404: the draft's benefit claims come with no safety information (a document finding)
    assert "wrote 3 finding(s) to baseline b.json" in err
    entries = json.loads((ws / "b.json").read_text())["findings"]
    assert {e["rule"] for e in entries} == {"CC201", "CC102", "CC404"}

    code, report, err = check_json("draft.md", "--baseline", "b.json")
    assert code == 0
    assert report["baseline"] == {"new": 0, "baselined": 3, "fixed": 0}
    assert "0 new, 3 baselined, 0 fixed" in err
    assert findings_of(report) == []

    # lines added above the flagged sentences: the fingerprints do not move
    draft.write_text("Intro.\n\n<!-- a note -->\n\n\n" + draft.read_text("utf-8"), "utf-8")
    code, report, _ = check_json("draft.md", "--baseline", "b.json")
    assert code == 0 and report["baseline"]["new"] == 0

    # a new overstated sentence: exactly one new finding, and the run fails
    md(ws, "draft.md", SUPPORTED, INTENSIFIED, PROHIBITED, PROHIBITED_2)
    code, report, err = check_json("draft.md", "--baseline", "b.json")
    assert code == 1
    assert report["baseline"]["new"] == 1
    assert [f["rule"] for f in findings_of(report)] == ["CC102"]
    assert "1 new, 3 baselined, 0 fixed" in err

    # a flagged sentence removed: its baseline entry is reported as fixed
    md(ws, "draft.md", SUPPORTED, PROHIBITED)
    code, report, err = check_json("draft.md", "--baseline", "b.json")
    assert code == 0
    assert "0 new, 2 baselined, 1 fixed" in err


def test_baseline_refuses_to_be_written_over_a_draft(ws):
    draft = md(ws, "draft.md", INTENSIFIED)
    before = draft.read_bytes()
    code, _, err = run("check", "draft.md", "--write-baseline", "draft.md")
    assert code == 2 and "refusing to overwrite" in one_error_line(err)
    assert draft.read_bytes() == before


# --------------------------------------------------------------------------- waivers


def test_inline_waiver_marks_the_finding_waived_and_does_not_fail(ws):
    (ws / "draft.md").write_text(
        "# ArcGuide\n\n"
        '<!-- claimcheck: ignore CC201 reason="approved by MLR 2026-03" -->\n'
        f"{INTENSIFIED}\n",
        encoding="utf-8",
    )
    code, report, _ = check_json("draft.md")
    assert code == 0
    [finding] = claim_findings(report)
    assert finding["rule"] == "CC201"
    assert finding["waived"] == "approved by MLR 2026-03"
    assert report["summary"]["waived"] == 1 and report["summary"]["errors"] == 0
    # the same draft without the directive fails
    md(ws, "draft.md", INTENSIFIED)
    assert check_json("draft.md")[0] == 1


def waiver_config(ws: Path, waiver: str) -> None:
    (ws / "claimcheck.yaml").write_text(
        "registry: claims.yaml\naudience: hcp\nchannel: print\nwaivers:\n" + waiver,
        encoding="utf-8",
    )


def test_config_waiver_on_a_docx_until_it_expires(ws):
    make_docx(ws / "brochure.docx", INTENSIFIED)
    waiver_config(
        ws,
        "  - rule: intensifier\n"
        f'    sentence: "  {INTENSIFIED.upper()}  "\n'
        "    reason: Approved for the 2026 booth only (MLR-2026-114)\n"
        "    approver: j.doe\n"
        "    expires: 2026-03-31\n",
    )
    code, out, err = run("check", "brochure.docx", "--format", "json", "--as-of", "2026-03-01")
    assert code == 0, err
    [finding] = claim_findings(json.loads(out))
    assert finding["waived"].startswith("Approved for the 2026 booth only (MLR-2026-114)")

    code, out, err = run("check", "brochure.docx", "--format", "json", "--as-of", "2026-04-01")
    assert code == 1
    [finding] = claim_findings(json.loads(out))
    assert finding.get("waived") is None
    assert "expired 2026-03-31; no longer suppressing" in err
    assert "brochure.docx" in err


def test_config_waiver_without_a_reason_is_exit_2_naming_the_line(ws):
    make_docx(ws / "brochure.docx", INTENSIFIED)
    waiver_config(ws, f"  - rule: CC201\n    sentence: {INTENSIFIED}\n")
    code, _, err = run("check", "brochure.docx")
    assert code == 2
    assert "claimcheck.yaml:5:" in one_error_line(err)
    assert "reason" in err


# --------------------------------------------------------------------------- changed-since, shard


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_checks_only_modified_and_added_drafts(ws):
    git(ws, "init", "-q", "-b", "main")
    git(ws, "config", "user.email", "t@example.com")
    git(ws, "config", "user.name", "t")
    md(ws, "drafts/edited.md", PROHIBITED)
    md(ws, "drafts/untouched.md", PROHIBITED)
    git(ws, "add", "-A")
    git(ws, "commit", "-q", "-m", "drafts")
    md(ws, "drafts/edited.md", PROHIBITED, INTENSIFIED)
    md(ws, "drafts/added.md", WRONG_NUMBER)

    code, report, _ = check_json("drafts/", "--changed-since", "main")
    assert code == 1
    assert [d["path"] for d in report["documents"]] == ["drafts/added.md", "drafts/edited.md"]
    code, report, _ = check_json("drafts/")
    assert len(report["documents"]) == 3

    code, _, err = run("check", "drafts/", "--changed-since", "no-such-ref")
    assert code == 2
    assert "no-such-ref" in one_error_line(err)


def test_shards_split_the_drafts_without_overlap(ws):
    names = {f"drafts/d{i:02}.md" for i in range(10)}
    for name in names:
        md(ws, name, PROHIBITED)
    parts = []
    for shard in ("1/2", "2/2"):
        code, report, _ = check_json("drafts/", "--shard", shard)
        assert code in (0, 1)
        parts.append({d["path"] for d in report["documents"]})
    assert parts[0] | parts[1] == names
    assert not parts[0] & parts[1]
    assert parts[0] and parts[1]
    # the split is stable from run to run
    assert {d["path"] for d in check_json("drafts/", "--shard", "1/2")[1]["documents"]} == parts[0]

    code, _, err = run("check", "drafts/", "--shard", "3/2")
    assert code == 2
    assert "--shard 3/2" in one_error_line(err)


def test_changed_since_finds_the_repository_of_the_drafts_not_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running from outside the content repo on a path inside it still works."""
    repo = tmp_path / "content"
    (repo / "drafts").mkdir(parents=True)
    git = ["git", "-c", "user.email=ci@example.com", "-c", "user.name=ci"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    (repo / "drafts" / "old.md").write_text("ArcGuide dramatically cuts time by 50%.\n")
    (repo / "drafts" / "new.md").write_text("ArcGuide is the best.\n")
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "init"], cwd=repo, check=True)
    (repo / "drafts" / "new.md").write_text("ArcGuide is the best system.\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    result = CliRunner().invoke(
        cli, ["check", str(repo / "drafts"), "--changed-since", "HEAD", "--format", "json"]
    )
    assert result.exit_code == 1, result.stderr
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["new.md"]
