"""Text a reader sees is read (or the run says it was not), in whatever encoding it comes.

DOCX text boxes and shapes, HTML blocks inside Markdown, an HTML page's <title> and image alt
text, PPTX shapes PowerPoint wraps in mc:AlternateContent; charts and SmartArt named as not
read; UTF-8 with a BOM, UTF-16, a declared HTML charset.
"""

from __future__ import annotations

import codecs
import copy
from pathlib import Path

import docx
import pytest
from hostile import cli, repo
from lxml import etree

from claimcheck.load import read

CLAIM = "ArcGuide cures arthritis."
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _box(text: str) -> str:
    """A text box as Word writes it: DrawingML, with a VML fallback holding the same text."""
    inner = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        f'wordprocessingShape"><wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp></a:graphicData>'
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        f"<v:textbox>{inner}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r>"
    )


CHART = (
    '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.'
    'org/drawingml/2006/chart"><c:chart r:id="rId99"/></a:graphicData></a:graphic></wp:inline>'
    "</w:drawing></w:r>"
)


def _run_xml(xml: str):
    return etree.fromstring(f"<w:p {NS}>{xml}</w:p>")[0]


def test_docx_text_boxes_are_read_once_with_their_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Intro paragraph.")
    anchor = document.add_paragraph("Paragraph with a box.")
    anchor._p.append(_run_xml(_box("ArcGuide cures arthritis in a box.")))
    empty = document.add_paragraph()  # a paragraph holding only a shape
    empty._p.append(_run_xml(_box("ArcGuide is the safest knee system.")))
    chart = document.add_paragraph("Results chart:")
    chart._p.append(_run_xml(CHART))
    document.save(str(tmp_path / "boxes.docx"))

    doc = read(tmp_path / "boxes.docx", "boxes.docx")
    assert [(b.kind, b.paragraph, b.text) for b in doc.blocks] == [
        ("paragraph", 1, "Intro paragraph."),
        ("paragraph", 2, "Paragraph with a box."),
        ("text-box", 2, "ArcGuide cures arthritis in a box."),
        ("text-box", 2, "ArcGuide is the safest knee system."),
        ("paragraph", 3, "Results chart:"),
    ]
    assert doc.skipped == ("paragraph 3: a chart was not read (its text is not checked)",)


def test_docx_text_box_claims_are_judged_and_the_chart_noted(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    document = docx.Document()
    para = document.add_paragraph("Intro paragraph.")
    para._p.append(_run_xml(_box(CLAIM)))
    document.add_paragraph("Chart:")._p.append(_run_xml(CHART))
    document.save(str(root / "boxes.docx"))
    result = cli("check", "boxes.docx", "-v", cwd=root)
    assert result.returncode == 1
    assert "paragraph 1 text box: UNSUPPORTED: ArcGuide [cures] arthritis." in result.stdout
    assert (
        "claimcheck: note: boxes.docx: paragraph 2: a chart was not read (its text is not "
        "checked)" in result.stderr
    )


def test_html_blocks_in_markdown_are_read_at_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(
        '# Title\n\n<div class="hero">\n  <p>ArcGuide cures arthritis.</p>\n'
        '  <img src="knee.png" alt="ArcGuide ends knee pain">\n</div>\n\n'
        "- <span>Listed claim in HTML.</span>\n"
    )
    doc = read(path, "page.md")
    assert [(b.kind, b.line, b.text) for b in doc.blocks] == [
        ("heading", 1, "Title"),
        ("paragraph", 4, "ArcGuide cures arthritis."),
        ("alt-text", 5, "ArcGuide ends knee pain"),
        ("list-item", 8, "Listed claim in HTML."),
    ]


def test_html_title_and_alt_text_are_read(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    (root / "page.html").write_text(
        "<html><head><title>ArcGuide: the fastest recovery</title></head><body>\n"
        '<p>Knee care.</p>\n<img src="x.png" alt="ArcGuide cures arthritis.">\n</body></html>\n'
    )
    doc = read(root / "page.html", "page.html")
    assert [(b.kind, b.line, b.text) for b in doc.blocks] == [
        ("title", 1, "ArcGuide: the fastest recovery"),
        ("paragraph", 2, "Knee care."),
        ("alt-text", 3, "ArcGuide cures arthritis."),
    ]
    result = cli("check", "page.html", cwd=root)
    assert "line 3 alt text: UNSUPPORTED: ArcGuide [cures] arthritis." in result.stdout


def test_pptx_alternate_content_shapes_are_read(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    group = slide.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    box.text_frame.text = "Grouped: ArcGuide is the safest."
    # A shape PowerPoint wraps in mc:AlternateContent (python-pptx does not list these).
    wrapped = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(4), Inches(1))
    wrapped.text_frame.text = CLAIM
    sp = wrapped._element
    tree = sp.getparent()
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    alternate = etree.SubElement(tree, f"{{{mc}}}AlternateContent")
    etree.SubElement(alternate, f"{{{mc}}}Choice", Requires="p14").append(copy.deepcopy(sp))
    etree.SubElement(alternate, f"{{{mc}}}Fallback").append(sp)
    deck.save(str(tmp_path / "deck.pptx"))
    doc = read(tmp_path / "deck.pptx", "deck.pptx")
    assert [(b.slide, b.text) for b in doc.blocks] == [
        (1, "Grouped: ArcGuide is the safest."),
        (1, CLAIM),
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom8.md", codecs.BOM_UTF8 + f"{CLAIM}\n".encode()),
        ("utf16le.md", codecs.BOM_UTF16_LE + f"{CLAIM}\n".encode("utf-16-le")),
        ("utf16be.txt", codecs.BOM_UTF16_BE + f"{CLAIM}\n".encode("utf-16-be")),
        (
            "latin1.html",
            '<meta charset="iso-8859-1"><p>Caf\xe9 talk. ArcGuide cures arthritis.</p>'.encode(
                "latin-1"
            ),
        ),
        (
            "cp1252.htm",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            "<p>\u201cArcGuide cures arthritis.\u201d</p>".encode("cp1252"),
        ),
    ],
)
def test_encodings_are_read(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    doc = read(tmp_path / name, name)
    assert any("ArcGuide cures arthritis." in b.text for b in doc.blocks), doc.blocks


def test_an_unknown_declared_charset_is_named(tmp_path: Path) -> None:
    from claimcheck.errors import InputError

    (tmp_path / "a.html").write_bytes(b'<meta charset="klingon-8"><p>Hi.</p>')
    with pytest.raises(InputError) as info:
        read(tmp_path / "a.html", "a.html")
    assert str(info.value) == (
        "a.html: declares charset 'klingon-8', which claimcheck does not know; save it as UTF-8"
    )
