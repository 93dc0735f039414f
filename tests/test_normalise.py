"""Invisible characters cannot hide a claim, and locations still point at the source.

Text is normalised where it is read (NFKC where safe, format and control characters
removed), with offsets back to the text as read: JSON start/end index the source block, and
annotate anchors on the right runs (DOCX) or glyphs (PDF) though the source has soft hyphens.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from hostile import REGISTRY, cli, repo

from claimcheck.load import read
from claimcheck.load._common import normalize

PROHIBITED = """
prohibited:
  - id: NO-RECOVERY
    phrases: [faster recovery]
    reason: The trial found no difference in length of stay.
"""
SHY, ZWSP, WJ = "\u00ad", "\u200b", "\u2060"


def _repo(tmp_path: Path) -> Path:
    root = repo(tmp_path / "repo")
    (root / "claims.yaml").write_text(
        REGISTRY.replace("evidence:\n", PROHIBITED + "evidence:\n", 1)
    )
    return root


@pytest.mark.parametrize(
    "hidden",
    [SHY, ZWSP, WJ, "\x00", "\x1b", "\u202e"],
    ids=["soft-hyphen", "zero-width-space", "word-joiner", "nul", "escape", "bidi-override"],
)
def test_invisible_characters_do_not_hide_a_prohibited_claim(tmp_path: Path, hidden: str) -> None:
    root = _repo(tmp_path)
    source = f"Intro. ArcGuide means fas{hidden}ter recov{hidden}ery for you.\n"
    (root / "hidden.md").write_text(source)
    result = cli("check", "hidden.md", "--format", "json", cwd=root)
    assert result.returncode == 1
    (claim,) = [c for c in result.json()["documents"][0]["claims"] if c["verdict"] != "supported"]
    assert claim["verdict"] == "prohibited" and claim["claim_id"] == "NO-RECOVERY"
    assert claim["sentence"] == "ArcGuide means faster recovery for you."
    loc = claim["location"]
    # start/end index the block as written, invisible characters included.
    assert source[loc["start"] : loc["end"]] == (
        f"ArcGuide means fas{hidden}ter recov{hidden}ery for you."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufb01rst-line", "first-line"),  # ligature
        ("ＡｒｃＧｕｉｄｅ", "ArcGuide"),  # full-width
        ("12\u00a0%", "12 %"),  # no-break space
        ("wait…", "wait..."),
        ("10² mm and ½ dose and ①", "10² mm and ½ dose and ①"),  # meaning kept
        ("line\none\ttab", "line\none\ttab"),
        ("form\x0cfeed", "form feed"),
    ],
)
def test_nfkc_where_it_is_safe(text: str, expected: str) -> None:
    assert normalize(text)[0] == expected


def test_offsets_map_every_character_back() -> None:
    source = f"ﬁne fas{SHY}ter…{ZWSP}!"
    text, offsets = normalize(source)
    assert text == "fine faster...!"
    assert offsets is not None and len(offsets) == len(text) + 1
    assert source[offsets[text.index("faster")] : offsets[text.index("...")]] == f"fas{SHY}ter"
    assert offsets[-1] == len(source)


def _shy_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Intro sentence here.")
    para = document.add_paragraph("First sentence stands. ")
    para.add_run(f"ArcGuide means fas{SHY}ter recov{SHY}ery").bold = True
    para.add_run(f" for{ZWSP} you. Closing words here.")
    document.save(str(path))
    return path


def test_annotate_docx_anchors_on_the_sentence_despite_soft_hyphens(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _shy_docx(root / "draft.docx")
    result = cli("annotate", "draft.docx", "-o", "out.docx", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "could not place" not in result.stderr
    with zipfile.ZipFile(root / "out.docx") as package:
        body = package.read("word/document.xml").decode()
    from lxml import etree

    tree = etree.fromstring(body.encode())
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    para = tree.findall(f".//{w}p")[1]
    open_ids: set[str] = set()
    covered: dict[str, str] = {}
    for node in para.iter():
        if node.tag == f"{w}commentRangeStart":
            open_ids.add(node.get(f"{w}id"))
        elif node.tag == f"{w}commentRangeEnd":
            open_ids.discard(node.get(f"{w}id"))
        elif node.tag == f"{w}t":
            for ident in open_ids:
                covered[ident] = covered.get(ident, "") + (node.text or "")
    # A comment covers exactly the prohibited sentence, hidden characters and all.
    assert f"ArcGuide means fas{SHY}ter recov{SHY}ery for{ZWSP} you." in covered.values()


def test_annotate_pdf_highlights_a_sentence_with_soft_hyphens(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, f"ArcGuide means fas{SHY}ter recov{SHY}ery for you.")
    pdf.output(str(root / "draft.pdf"))
    doc = read(root / "draft.pdf", "draft.pdf")
    assert doc.blocks[0].text == "ArcGuide means faster recovery for you."
    result = cli("annotate", "draft.pdf", "-o", "out.pdf", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "could not place" not in result.stderr
    import pypdf

    (page,) = pypdf.PdfReader(root / "out.pdf").pages
    notes = [a.get_object().get("/Contents", "") for a in page.get("/Annots", [])]
    assert any("NO-RECOVERY" in note for note in notes), notes
