"""Annotated drafts: Word comments on the exact sentence runs, PDF highlights on the right page."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest
from docx.shared import Pt
from fpdf import FPDF
from lxml import etree

from claimcheck.annotate import annotate
from claimcheck.annotate.docx import annotate_docx
from claimcheck.annotate.pdf import annotate_pdf
from claimcheck.errors import InputError, UsageError
from claimcheck.model import (
    ClaimResult,
    Context,
    DocumentResult,
    Evidence,
    Finding,
    Location,
    Registry,
    Sentence,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REGISTRY = Registry(
    evidence={"EV-ARC-RCT-2024": Evidence("EV-ARC-RCT-2024", "Lee M, et al. J Arthroplasty. 2024.")}
)
APPROVED = "ArcGuide reduced mean operative time by 12% compared with conventional instrumentation."


def _claim(text, verdict, *, paragraph=None, page=None, start=0, findings=(), claim_id=None):
    loc = Location(paragraph=paragraph, page=page, start=start, end=start + len(text))
    return ClaimResult(
        sentence=Sentence(text=text, block=0, location=loc),
        verdict=verdict,
        findings=findings,
        claim_id=claim_id,
        evidence=("EV-ARC-RCT-2024",) if claim_id else (),
    )


INTENSIFIER = Finding(
    "CC201",
    "intensifier",
    "error",
    "overstated",
    "'dramatically' overstates ARC-OPTIME",
    span=(9, 21),
    suggestion=APPROVED,
    claim_id="ARC-OPTIME",
)
SAFEST = Finding("CC204", "superlative", "error", "overstated", "'safest' is a superlative")
NO_CLAIM = Finding(
    "CC101", "unsupported-claim", "error", "unsupported", "no approved claim backs this"
)


def _result(path: str, fmt: str, claims) -> DocumentResult:
    return DocumentResult(
        path=path,
        format=fmt,
        sha256="0" * 64,
        context=Context(as_of=date(2026, 1, 1)),
        claims=tuple(claims),
    )


# --------------------------------------------------------------------------- DOCX

S1 = "ArcGuide dramatically cuts operative time by 25%."
P1 = "Intro sentence here. " + S1 + " Closing words."
S_CELL = "ArcGuide is the safest system."
S_SUPPORTED = "Mean operative time was 78 minutes."


def _make_docx(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Brochure")  # paragraph 1
    d.add_paragraph("")  # empty: not numbered
    p = d.add_paragraph()  # paragraph 2: the flagged sentence spans three formatted runs
    p.add_run("  Intro sentence here. ArcGuide ")  # leading spaces: offsets are after strip
    bold = p.add_run("dramatically")
    bold.bold = True
    big = p.add_run(" cuts operative time by 25%. Closing words.")
    big.font.size = Pt(14)
    table = d.add_table(rows=1, cols=2)  # cells: paragraphs 3 and 4
    table.cell(0, 0).text = "Feature"
    table.cell(0, 1).text = "Cell heading"
    table.cell(0, 1).add_paragraph("Fast. " + S_CELL)
    d.add_paragraph(S_SUPPORTED)  # paragraph 5
    d.save(str(path))


def _docx_claims():
    return [
        _claim(
            S1,
            "overstated",
            paragraph=2,
            start=P1.index(S1),
            findings=(INTENSIFIER,),
            claim_id="ARC-OPTIME",
        ),
        _claim(
            S_CELL,
            "unsupported",
            paragraph=4,
            start=len("Cell heading\nFast. "),
            findings=(NO_CLAIM, SAFEST),
        ),
        _claim(S_SUPPORTED, "supported", paragraph=5, claim_id="ARC-OPTIME"),
        _claim("This sentence is nowhere.", "unsupported", paragraph=1, findings=(NO_CLAIM,)),
    ]


def _comments(path: Path) -> dict[str, dict]:
    """Comment id -> {text, author, initials, anchored text, bold runs} read from the XML."""
    with zipfile.ZipFile(path) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
    out = {}
    for c in comments.iter(W + "comment"):
        paras = ["".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p")]
        out[c.get(W + "id")] = {
            "text": "\n".join(paras),
            "author": c.get(W + "author"),
            "initials": c.get(W + "initials"),
        }
    for cid, info in out.items():
        inside, texts, bold = False, [], []
        for el in body.iter():
            if el.tag == W + "commentRangeStart" and el.get(W + "id") == cid:
                inside = True
            elif el.tag == W + "commentRangeEnd" and el.get(W + "id") == cid:
                break
            elif inside and el.tag == W + "r":
                t = "".join(x.text or "" for x in el.iter(W + "t"))
                texts.append(t)
                if el.find(f"{W}rPr/{W}b") is not None:
                    bold.append(t)
        info["anchored"] = "".join(texts)
        info["bold"] = bold
    return out


def test_docx_comments_anchor_exactly_on_flagged_sentences(tmp_path):
    src, dst = tmp_path / "draft.docx", tmp_path / "out.docx"
    _make_docx(src)
    before = src.read_bytes()
    stats = annotate_docx(
        src, dst, _result("draft.docx", "docx", _docx_claims()), registry=REGISTRY
    )
    assert src.read_bytes() == before
    assert (stats.placed, stats.flagged) == (2, 3)
    assert [(u.paragraph, u.sentence) for u in stats.unplaced] == [(1, "This sentence is nowhere.")]
    comments = sorted(_comments(dst).values(), key=lambda c: c["text"])
    assert len(comments) == 2
    over, cell = comments
    assert over["anchored"] == S1
    assert over["bold"] == ["dramatically"]  # the split kept each run's formatting
    assert over["text"] == (
        "OVERSTATED (CC201 intensifier): 'dramatically' overstates ARC-OPTIME\n"
        f"Use instead: {APPROVED}\n"
        "Evidence: EV-ARC-RCT-2024 — Lee M, et al. J Arthroplasty. 2024."
    )
    assert (over["author"], over["initials"]) == ("claimcheck", "CC")
    assert cell["anchored"] == S_CELL
    assert cell["text"].startswith("UNSUPPORTED (CC101 unsupported-claim)")
    assert "OVERSTATED (CC204 superlative): 'safest' is a superlative" in cell["text"]
    # the document still reads the same and opens again in python-docx
    reopened = docx.Document(str(dst))
    assert reopened.paragraphs[2].text == "  " + P1
    assert reopened.tables[0].cell(0, 1).text == "Cell heading\nFast. " + S_CELL
    assert len(list(reopened.comments)) == 2


def test_docx_include_supported_comments_supported_claims(tmp_path):
    src, dst = tmp_path / "draft.docx", tmp_path / "out.docx"
    _make_docx(src)
    stats = annotate_docx(
        src, dst, _result("draft.docx", "docx", _docx_claims()), include_supported=True
    )
    assert stats.placed == 3
    texts = {c["anchored"]: c["text"] for c in _comments(dst).values()}
    assert texts[S_SUPPORTED] == "SUPPORTED: matches ARC-OPTIME.\nEvidence: EV-ARC-RCT-2024"


def test_annotate_refuses_to_overwrite_the_draft_and_bad_input(tmp_path):
    src = tmp_path / "draft.docx"
    _make_docx(src)
    before = src.read_bytes()
    with pytest.raises(UsageError, match="refusing to overwrite"):
        annotate(src, src, _result("draft.docx", "docx", _docx_claims()))
    with pytest.raises(UsageError, match="refusing to overwrite"):
        annotate(src, tmp_path / "." / "draft.docx", _result("draft.docx", "docx", []))
    assert src.read_bytes() == before
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError):
        annotate_docx(bad, tmp_path / "o.docx", _result("bad.docx", "docx", []))
    with pytest.raises(UsageError, match="supports .docx and .pdf"):
        annotate(tmp_path / "x.md", tmp_path / "y.md", _result("x.md", "markdown", []))


# --------------------------------------------------------------------------- PDF

PDF_S1 = "ArcGuide dramatically cuts operative time by 25%."
PDF_S2 = "ArcGuide is the safest knee system available today."


def _make_pdf(path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 7, "Page one has no claims. It only introduces the brochure.")
    pdf.add_page()
    pdf.multi_cell(0, 7, "Second page intro. " + PDF_S1 + " And then " + PDF_S2)
    pdf.output(str(path))


def test_pdf_highlights_flagged_sentence_on_its_page_and_reports_unplaced(tmp_path):
    src, dst = tmp_path / "draft.pdf", tmp_path / "out.pdf"
    _make_pdf(src)
    before = src.read_bytes()
    claims = [
        _claim(PDF_S1, "overstated", page=2, findings=(INTENSIFIER,), claim_id="ARC-OPTIME"),
        _claim(PDF_S2, "overstated", page=1, findings=(SAFEST,)),  # wrong page: cannot be placed
    ]
    stats = annotate(src, dst, _result("draft.pdf", "pdf", claims), registry=REGISTRY)
    assert src.read_bytes() == before
    assert stats.placed == 1
    assert [(u.page, u.sentence) for u in stats.unplaced] == [(1, PDF_S2)]
    reader = pypdf.PdfReader(str(dst))
    assert "/Annots" not in reader.pages[0]
    annots = [a.get_object() for a in reader.pages[1]["/Annots"]]
    assert [a["/Subtype"] for a in annots] == ["/Highlight"]
    hl = annots[0]
    assert hl["/T"] == "claimcheck"
    assert hl["/Contents"].startswith("OVERSTATED (CC201 intensifier): 'dramatically' overstates")
    assert "Evidence: EV-ARC-RCT-2024 — Lee M, et al." in hl["/Contents"]
    # the box sits on the sentence: same line as the text, starting after "Second page intro. "
    x0, y0, x1, y1 = (float(v) for v in hl["/Rect"])
    fragments = []
    reader.pages[1].extract_text(visitor_text=lambda t, cm, tm, fd, fs: fragments.append((t, tm)))
    line_y = next(tm[5] for t, tm in fragments if PDF_S1[:20] in t)
    line_x = next(tm[4] for t, tm in fragments if PDF_S1[:20] in t)
    assert y0 < line_y < y1
    assert x0 > line_x + 50  # not at the start of the line
    assert x1 > x0 + 100


def test_pdf_sentence_broken_across_lines_gets_one_quad_per_line(tmp_path):
    src, dst = tmp_path / "draft.pdf", tmp_path / "out.pdf"
    long = "ArcGuide " + "dramatically " * 12 + "cuts operative time."
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(80, 7, long)
    pdf.output(str(src))
    stats = annotate_pdf(
        src, dst, _result("d.pdf", "pdf", [_claim(long, "overstated", page=1, findings=(SAFEST,))])
    )
    assert stats.placed == 1 and not stats.unplaced
    hl = pypdf.PdfReader(str(dst)).pages[0]["/Annots"][0].get_object()
    assert len(hl["/QuadPoints"]) >= 8 * 3  # wrapped over at least three lines


def test_docx_offsets_pick_the_right_occurrence_and_match_the_reader(tmp_path):
    from claimcheck.load.docx import read

    src, dst = tmp_path / "draft.docx", tmp_path / "out.docx"
    _make_docx(src)
    d = docx.Document(str(src))
    d.add_paragraph("  ArcGuide is the best. ArcGuide is the best.")  # paragraph 6
    d.save(str(src))
    blocks = {b.paragraph: b.text for b in read(src, "draft.docx").blocks}
    assert blocks[2] == P1 and blocks[4] == "Cell heading\nFast. " + S_CELL
    second = blocks[6].rindex("ArcGuide is the best.")
    claim = _claim(
        "ArcGuide is the best.", "overstated", paragraph=6, start=second, findings=(SAFEST,)
    )
    annotate_docx(src, dst, _result("draft.docx", "docx", [claim]))
    with zipfile.ZipFile(dst) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    last = body.findall(f".//{W}p")[-1]
    before, inside = [], []
    target = before
    for el in last.iter():
        if el.tag == W + "commentRangeStart":
            target = inside
        elif el.tag == W + "commentRangeEnd":
            break
        elif el.tag == W + "t":
            target.append(el.text)
    assert "".join(before) == "  ArcGuide is the best. "
    assert "".join(inside) == "ArcGuide is the best."


def _encrypt(src: Path, dst: Path, user_password: str) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(str(src)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    with dst.open("wb") as fh:
        writer.write(fh)


def test_pdf_that_check_can_read_can_be_annotated_even_when_encrypted(tmp_path):
    plain, src, dst = tmp_path / "plain.pdf", tmp_path / "protected.pdf", tmp_path / "out.pdf"
    _make_pdf(plain)
    _encrypt(plain, src, user_password="")  # opens without a password, as "protected" PDFs do
    claims = [_claim(PDF_S1, "overstated", page=2, findings=(INTENSIFIER,), claim_id="ARC-OPTIME")]
    stats = annotate(src, dst, _result("protected.pdf", "pdf", claims), registry=REGISTRY)
    assert stats.placed == 1
    annots = [a.get_object() for a in pypdf.PdfReader(str(dst)).pages[1]["/Annots"]]
    assert [a["/Subtype"] for a in annots] == ["/Highlight"]


def test_pdf_that_needs_a_password_is_refused_in_one_line(tmp_path):
    plain, src = tmp_path / "plain.pdf", tmp_path / "locked.pdf"
    _make_pdf(plain)
    _encrypt(plain, src, user_password="secret")
    claims = [_claim(PDF_S1, "overstated", page=2, findings=(INTENSIFIER,))]
    with pytest.raises(InputError) as err:
        annotate(src, tmp_path / "out.pdf", _result("locked.pdf", "pdf", claims))
    assert "locked.pdf" in str(err.value) and "password" in str(err.value)
    assert "\n" not in str(err.value)
