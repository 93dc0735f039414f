"""Readers: every format read from a real file, with locations, kinds and bad-input errors."""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.load import READERS, SUFFIXES, docx_paragraphs, format_of, read
from claimcheck.model import Document, Suppression


def _read(path: Path) -> Document:
    """Read a file and prove the reader left its bytes untouched and hashed them."""
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    doc = read(path, path.name)
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    assert doc.sha256 == hashlib.sha256(before).hexdigest()
    assert doc.path == path.name
    return doc


def _fail(path: Path) -> InputError:
    """Read a file that must fail; the error names the file and the file is untouched."""
    before = path.read_bytes()
    with pytest.raises(InputError) as info:
        read(path, f"drafts/{path.name}")
    assert path.read_bytes() == before
    assert str(info.value).startswith(f"drafts/{path.name}")
    return info.value


def _source_line(block, sentence: str) -> int:
    """The source line of a sentence, as segment computes it."""
    return block.line + block.text[: block.text.index(sentence)].count("\n")


# --------------------------------------------------------------------------- dispatch


def test_suffix_table_and_readers_cover_every_format():
    assert set(SUFFIXES.values()) == set(READERS)
    assert format_of(Path("a/Brochure.DOCX")) == "docx"
    assert format_of("x.markdown") == "markdown"
    assert format_of("x.htm") == "html"
    assert format_of("x.text") == "text"
    assert format_of("x.odt") is None


def test_unknown_suffix_is_an_input_error(tmp_path):
    path = tmp_path / "draft.xyz"
    path.write_text("hello")
    err = _fail(path)
    assert "unsupported file type '.xyz'" in str(err)
    assert err.path == "drafts/draft.xyz"


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read file"):
        read(tmp_path / "nope.md", "nope.md")


@pytest.mark.parametrize("name", ["e.md", "e.txt", "e.html", "e.docx", "e.pptx"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    assert str(_fail(path)).endswith("empty file")


def test_whitespace_only_file_has_no_blocks(tmp_path):
    path = tmp_path / "blank.md"
    path.write_text("\n\n   \n")
    assert _read(path).blocks == ()


# --------------------------------------------------------------------------- markdown

MD = """\
---
title: Brochure
claimcheck:
  audience: patient
  channel: web
---
# ArcGuide *Knee* Navigation

ArcGuide reduced operative time by 12% in a trial.
Patients reported **less pain** with [ArcGuide](https://example.com/arc) `v2`.
An image ![knee diagram](knee.png) and <span>inline html</span> here.

<!-- claimcheck: ignore CC201 CC203 reason="approved by MLR 2026-03" -->
- ArcGuide dramatically cuts time.
- Second item
  wraps here.

> Surgeons trust it.

```
ArcGuide cures everything.
```

<div>An HTML block is read too.</div>

| Endpoint | Result |
|----------|--------|
| Operative time | 78 vs 89 minutes |
"""


def test_markdown_blocks_kinds_and_lines(tmp_path):
    path = tmp_path / "brochure.md"
    path.write_text(MD)
    doc = _read(path)
    assert doc.format == "markdown"
    got = [(b.kind, b.line, b.text) for b in doc.blocks]
    assert got == [
        ("heading", 7, "ArcGuide Knee Navigation"),
        (
            "paragraph",
            9,
            "ArcGuide reduced operative time by 12% in a trial.\n"
            "Patients reported less pain with ArcGuide v2.\n"
            "An image knee diagram and inline html here.",
        ),
        ("list-item", 14, "ArcGuide dramatically cuts time."),
        ("list-item", 15, "Second item\nwraps here."),
        ("quote", 18, "Surgeons trust it."),
        ("paragraph", 24, "An HTML block is read too."),
        ("table-cell", 26, "Endpoint"),
        ("table-cell", 26, "Result"),
        ("table-cell", 28, "Operative time"),
        ("table-cell", 28, "78 vs 89 minutes"),
    ]
    para = doc.blocks[1]
    assert _source_line(para, "Patients reported") == 10
    assert _source_line(para, "An image") == 11
    assert _source_line(doc.blocks[3], "wraps here.") == 16
    assert "cures" not in " ".join(b.text for b in doc.blocks)
    assert "https://" not in para.text


def test_markdown_front_matter_context_and_suppression(tmp_path):
    path = tmp_path / "brochure.md"
    path.write_text(MD)
    doc = _read(path)
    assert doc.context == {"audience": "patient", "channel": "web"}
    assert "Brochure" not in " ".join(b.text for b in doc.blocks)
    item = doc.blocks[2]
    assert item.suppressions == (
        Suppression(rules=("CC201", "CC203"), reason="approved by MLR 2026-03", line=13),
    )
    assert all(not b.suppressions for b in doc.blocks if b is not item)


def test_markdown_ignore_without_codes_means_every_rule(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("Intro.\n\n<!-- claimcheck: ignore reason='legal ok' -->\n\nClaim here.\n")
    doc = _read(path)
    assert doc.blocks[0].suppressions == ()
    assert doc.blocks[1].suppressions == (Suppression(rules=(), reason="legal ok", line=3),)


def test_markdown_text_after_directive_on_same_line_is_read(tmp_path):
    path = tmp_path / "a.md"
    path.write_text('Intro.\n\n<!-- claimcheck: ignore CC204 reason="ok" --> Best in class.\n')
    block = _read(path).blocks[1]
    assert (block.text, block.line) == ("Best in class.", 3)
    assert block.suppressions == (Suppression(("CC204",), "ok", 3),)


def test_markdown_suppression_without_reason(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("Intro.\n\n<!-- claimcheck: ignore CC201 -->\nClaim.\n")
    err = _fail(path)
    assert err.line == 3
    assert str(err).startswith("drafts/a.md:3: suppression needs a reason")


def test_markdown_misspelt_directive_is_an_error(tmp_path):
    path = tmp_path / "a.md"
    path.write_text('Intro.\n\n<!-- claimcheck: ignroe CC201 reason="x" -->\n\nClaim.\n')
    err = _fail(path)
    assert err.line == 3 and "unknown claimcheck directive 'ignroe'" in str(err)


def test_markdown_ordinary_comments_are_ignored(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("<!-- TODO: check with legal -->\n\nClaim.\n")
    assert _read(path).blocks[0].suppressions == ()


def test_markdown_bad_front_matter_names_the_line(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: ok\nclaimcheck: [unclosed\n---\nText.\n")
    err = _fail(path)
    assert "front matter" in str(err)
    assert err.line is not None and 3 <= err.line <= 5


def test_markdown_claimcheck_key_must_be_a_mapping(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: ok\nclaimcheck: patient\n---\nText.\n")
    err = _fail(path)
    assert err.line == 3 and "mapping" in str(err)


def test_markdown_bom_and_crlf(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf# Title\r\n\r\nFirst line\r\nsecond line.\r\n")
    doc = _read(path)
    assert [(b.kind, b.line, b.text) for b in doc.blocks] == [
        ("heading", 1, "Title"),
        ("paragraph", 3, "First line\nsecond line."),
    ]


def test_markdown_not_utf8(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("# Title\n\nCaf\xe9 claims.\n".encode("latin-1"))
    err = _fail(path)
    assert "not UTF-8 text (byte 0xe9 at line 3)" in str(err)
    assert err.line == 3


# --------------------------------------------------------------------------- text


def test_text_paragraphs_bullets_and_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(
        b"\xef\xbb\xbfArcGuide reduces time\nby 12% in trials.\n\n\n"
        b"Second paragraph.\n- first bullet\n- second bullet\n  continues\n"
    )
    doc = _read(path)
    assert doc.format == "text"
    assert [(b.kind, b.line, b.text) for b in doc.blocks] == [
        ("paragraph", 1, "ArcGuide reduces time\nby 12% in trials."),
        ("paragraph", 5, "Second paragraph."),
        ("list-item", 6, "first bullet"),
        ("list-item", 7, "second bullet\ncontinues"),
    ]
    assert _source_line(doc.blocks[0], "by 12%") == 2


def test_text_not_utf8_names_byte_and_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"ok line\nsecond \xff line\n")
    err = _fail(path)
    assert str(err) == (
        "drafts/a.txt:2: not UTF-8 text (byte 0xff at line 2); "
        "it may be Windows-1252 or Latin-1: save it as UTF-8"
    )


# --------------------------------------------------------------------------- html


HTML = """\
<!DOCTYPE html>
<html>
<head><title>Page title</title>
<style>p { color: red; }</style>
</head>
<body>
<script>document.write("ArcGuide cures everything");</script>
<h1>ArcGuide &amp; your knee</h1>
<p>ArcGuide reduced operative time
   by 12%&nbsp;in a trial.<br>Ask your surgeon.</p>
<!-- claimcheck: ignore CC204 reason="MLR approved" -->
<ul><li>Less pain</li><li><p>Faster recovery</p></li></ul>
<div>Loose text in a div <b>with bold</b></div>
<table><tr><td>Operative time</td><td>78 minutes</td></tr></table>
<noscript>Enable JavaScript</noscript>
<blockquote>Surgeons trust it.</blockquote>
</body>
</html>
"""


def test_html_visible_text_blocks(tmp_path):
    path = tmp_path / "email.html"
    path.write_text(HTML)
    doc = _read(path)
    assert doc.format == "html"
    got = [(b.kind, b.line, b.text) for b in doc.blocks]
    assert got == [
        ("title", 3, "Page title"),
        ("heading", 8, "ArcGuide & your knee"),
        ("paragraph", 9, "ArcGuide reduced operative time\nby 12% in a trial.\nAsk your surgeon."),
        ("list-item", 12, "Less pain"),
        ("list-item", 12, "Faster recovery"),
        ("paragraph", 13, "Loose text in a div with bold"),
        ("table-cell", 14, "Operative time"),
        ("table-cell", 14, "78 minutes"),
        ("quote", 16, "Surgeons trust it."),
    ]
    text = " ".join(b.text for b in doc.blocks)
    for hidden in ("cures", "color", "JavaScript"):
        assert hidden not in text
    assert _source_line(doc.blocks[2], "by 12%") == 10
    assert doc.blocks[3].suppressions == (Suppression(("CC204",), "MLR approved", 11),)
    assert not doc.blocks[4].suppressions


def test_html_unclosed_head_ends_at_body_content(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("<html><head><title>T</title>\n<p>Body text.</p>")
    assert [(b.line, b.text) for b in _read(path).blocks] == [(1, "T"), (2, "Body text.")]


def test_html_suppression_without_reason(tmp_path):
    path = tmp_path / "a.htm"
    path.write_text("<p>One.</p>\n\n<!-- claimcheck: ignore -->\n<p>Two.</p>\n")
    err = _fail(path)
    assert err.line == 3 and "suppression needs a reason" in str(err)


def test_html_not_utf8(tmp_path):
    path = tmp_path / "a.html"
    path.write_bytes(b"<p>caf\xe9</p>")
    assert "not UTF-8 text (byte 0xe9 at line 1)" in str(_fail(path))


# --------------------------------------------------------------------------- docx


def _build_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("ArcGuide Brochure", style="Title")
    d.add_heading("Clinical results", level=1)
    d.add_paragraph("ArcGuide reduced operative time by 12%.")
    d.add_paragraph("")  # a spacing line a reviewer does not count
    d.add_paragraph("Less blood loss", style="List Bullet")
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Endpoint"
    table.cell(0, 1).text = "Result"
    table.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Nested cell."
    table.cell(1, 0).text = "Operative time"
    table.cell(1, 1).text = "Mean time fell by 12% with ArcGuide."
    table.cell(1, 1).add_paragraph("p=0.003")
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Merged across both columns."
    tall = d.add_table(rows=2, cols=1)
    tall.cell(0, 0).merge(tall.cell(1, 0)).text = "Merged down."
    d.add_paragraph("Patients walked sooner.")
    d.sections[0].header.paragraphs[0].text = "ArcGuide confidential draft"
    d.sections[0].footer.paragraphs[0].text = "Page footer"
    d.save(str(path))


def test_docx_paragraph_numbers_kinds_cells_headers(tmp_path):
    path = tmp_path / "brochure.docx"
    _build_docx(path)
    doc = _read(path)
    assert doc.format == "docx"
    got = [(b.paragraph, b.kind, b.text) for b in doc.blocks]
    assert got == [
        (1, "title", "ArcGuide Brochure"),
        (2, "heading", "Clinical results"),
        (3, "paragraph", "ArcGuide reduced operative time by 12%."),
        (4, "list-item", "Less blood loss"),
        (5, "table-cell", "Endpoint"),
        (6, "table-cell", "Result"),
        (7, "table-cell", "Nested cell."),
        (8, "table-cell", "Operative time"),
        (9, "table-cell", "Mean time fell by 12% with ArcGuide.\np=0.003"),
        (10, "table-cell", "Merged across both columns."),
        (11, "table-cell", "Merged down."),
        (12, "paragraph", "Patients walked sooner."),
        (None, "header", "ArcGuide confidential draft"),
        (None, "footer", "Page footer"),
    ]


def test_docx_paragraphs_helper_matches_block_numbers(tmp_path):
    import docx

    path = tmp_path / "brochure.docx"
    _build_docx(path)
    blocks = [b for b in _read(path).blocks if b.paragraph is not None]
    anchors = list(docx_paragraphs(docx.Document(str(path))))
    assert [n for n, _ in anchors] == [b.paragraph for b in blocks]
    assert anchors[8][1].text == "Mean time fell by 12% with ArcGuide.\np=0.003"
    assert anchors[2][1].text == "ArcGuide reduced operative time by 12%."


def test_docx_tracked_changes_read_as_accepted(tmp_path):
    import docx
    from docx.oxml import parse_xml

    path = tmp_path / "tracked.docx"
    d = docx.Document()
    p = d.add_paragraph("ArcGuide ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(
        parse_xml(
            f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>cures</w:delText></w:r></w:del>'
        )
    )
    p._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="a"><w:r><w:t>helps</w:t></w:r></w:ins>'))
    d.save(str(path))
    assert [b.text for b in _read(path).blocks] == ["ArcGuide helps"]


def test_docx_not_a_zip(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("this is not a word file")
    assert "not a valid DOCX file (not a zip archive)" in str(_fail(path))


def test_docx_zip_that_is_not_word(tmp_path):
    import zipfile

    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    assert "not a valid DOCX file" in str(_fail(path))


# --------------------------------------------------------------------------- pdf


def _pdf(pages: list[list[tuple[str, str]]]) -> bytes:
    """A PDF whose pages hold (style, text) runs; text keeps its explicit line breaks."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for runs in pages:
        pdf.add_page()
        for style, text in runs:
            if style == "gap":
                pdf.ln(8)
                continue
            size = 18 if style == "big" else 11
            pdf.set_font("Helvetica", "B" if style == "big" else "", size)
            pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_pages_wrapped_lines_hyphens_headings_bullets(tmp_path):
    path = tmp_path / "leaflet.pdf"
    path.write_bytes(
        _pdf(
            [
                [
                    ("big", "why surgeons choose\narcguide"),
                    (
                        "body",
                        "ArcGuide reduced mean operative time by 12% compared with\n"
                        "conventional instrumentation. Patients had a faster recov-\n"
                        "ery in the trial.",
                    ),
                    ("gap", ""),
                    ("body", "Clinical Outcomes\nMean blood loss was lower."),
                    ("body", "- Less pain after surgery\n- Shorter stays"),
                ],
                [("body", "Second page text.")],
            ]
        )
    )
    doc = _read(path)
    assert doc.format == "pdf"
    got = [(b.page, b.kind, b.text) for b in doc.blocks]
    assert got == [
        (1, "heading", "why surgeons choose arcguide"),
        (
            1,
            "paragraph",
            "ArcGuide reduced mean operative time by 12% compared with conventional "
            "instrumentation. Patients had a faster recovery in the trial.",
        ),
        (1, "heading", "Clinical Outcomes"),
        (1, "paragraph", "Mean blood loss was lower."),
        (1, "list-item", "Less pain after surgery"),
        (1, "list-item", "Shorter stays"),
        (2, "paragraph", "Second page text."),
    ]
    assert all(b.line is None and b.paragraph is None for b in doc.blocks)


def test_pdf_paragraphs_split_at_vertical_gap(tmp_path):
    path = tmp_path / "two.pdf"
    path.write_bytes(
        _pdf(
            [
                [
                    ("body", "First paragraph ends here."),
                    ("gap", ""),
                    ("body", "second one starts lower down."),
                ]
            ]
        )
    )
    assert [b.text for b in _read(path).blocks] == [
        "First paragraph ends here.",
        "second one starts lower down.",
    ]


def test_pdf_encrypted(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf([[("body", "Secret claim.")]]))))
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    assert "encrypted PDF" in str(_fail(path))


def test_pdf_encrypted_with_empty_user_password_opens(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf([[("body", "Open claim.")]]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    assert [b.text for b in _read(path).blocks] == ["Open claim."]


def test_pdf_corrupt(tmp_path, capsys, caplog):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with caplog.at_level(logging.WARNING):
        err = _fail(path)
    assert "PDF" in str(err)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_pdf_page_failure_names_the_page(tmp_path, monkeypatch):
    from pypdf import PageObject

    path = tmp_path / "two.pdf"
    path.write_bytes(_pdf([[("body", "Page one.")], [("body", "Page two.")]]))
    original = PageObject.extract_text

    def flaky(self, *args, **kwargs):
        if "two" in original(self):
            raise ValueError("bad content stream")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", flaky)
    err = _fail(path)
    assert err.page == 2
    assert str(err) == "drafts/two.pdf: page 2: cannot extract text (bad content stream)"


def test_pdf_not_a_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("hello, I am text")
    assert "not a PDF file" in str(_fail(path))


def test_pdf_empty(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert str(_fail(path)) == "drafts/empty.pdf: empty PDF"


def test_pdf_without_text(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")  # a "scan": marks but no text
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert "no extractable text (scanned PDF?)" in str(_fail(path))


# --------------------------------------------------------------------------- pptx


def test_pptx_slides_titles_tables_groups_notes(tmp_path):
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    s1 = prs.slides.add_slide(prs.slide_layouts[1])  # title and content
    s1.shapes.title.text = "ArcGuide overview"
    body = s1.placeholders[1].text_frame
    body.text = "ArcGuide reduces operative time."
    body.add_paragraph().text = "Surgeons trust it."
    s1.notes_slide.notes_text_frame.text = "Say: approved wording only."

    s2 = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    table = s2.shapes.add_table(2, 2, Inches(1), Inches(1), Inches(4), Inches(2)).table
    table.cell(0, 0).text = "Endpoint"
    table.cell(0, 1).text = "Result"
    table.cell(1, 0).merge(table.cell(1, 1))
    table.cell(1, 0).text = "12% shorter time"
    group = s2.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(4), Inches(3), Inches(1))
    box.text_frame.text = "Grouped claim text."
    path = tmp_path / "deck.pptx"
    prs.save(str(path))

    doc = _read(path)
    assert doc.format == "pptx"
    assert [(b.slide, b.kind, b.text) for b in doc.blocks] == [
        (1, "title", "ArcGuide overview"),
        (1, "paragraph", "ArcGuide reduces operative time."),
        (1, "paragraph", "Surgeons trust it."),
        (1, "notes", "Say: approved wording only."),
        (2, "table-cell", "Endpoint"),
        (2, "table-cell", "Result"),
        (2, "table-cell", "12% shorter time"),
        (2, "paragraph", "Grouped claim text."),
    ]


def test_pptx_not_valid(tmp_path):
    path = tmp_path / "deck.pptx"
    path.write_bytes(b"\xd0\xcf\x11\xe0old powerpoint")
    assert "not a valid PPTX file" in str(_fail(path))
