"""Build the binary demo drafts: brochure.docx, congress-poster.pdf, field-deck.pptx.

Run from anywhere:  python examples/build_examples.py [OUTPUT_DIR]

The copy lives here, as data, so a reviewer can read it and tests/test_examples_data.py
can check that the committed files still say what examples/EXPECTED.md expects. Dates in
document metadata and in the zip containers are fixed, so re-running the script on the
same library versions gives byte-identical files.
"""

from __future__ import annotations

import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = datetime(2026, 1, 15, 9, 0, 0)  # the demo's "last edited" date
AUTHOR = "Meridian Orthopaedics Marketing"

# --------------------------------------------------------------------------- brochure (print)

BROCHURE_HEADER = "ArcGuide Knee Navigation System | For US healthcare professionals"
BROCHURE_FOOTER = (
    "ArcGuide and FlexiSeal are trademarks of Meridian Orthopaedics, Inc. "
    "(c) 2026 Meridian Orthopaedics. MKT-0412 Rev B."
)

# (kind, text): kind is "title", "heading", "paragraph" or "table" (rows of cells).
BROCHURE = [
    ("title", "ArcGuide Knee Navigation System"),
    ("heading", "Precision in every knee"),
    (
        "paragraph",
        "ArcGuide is an imageless navigation system for primary total knee arthroplasty.",
    ),
    ("heading", "Efficiency in the operating room"),
    (
        "paragraph",
        "ArcGuide dramatically cuts operative time by 25%. "
        "ArcGuide saved a mean of 11 minutes of operating-room time per case compared with "
        "conventional instrumentation.",
    ),
    ("paragraph", "ArcGuide pays for itself within the first year."),
    ("heading", "Accuracy you can rely on"),
    (
        "paragraph",
        "In bench testing, ArcGuide tracked instrument position with a mean error of 0.5 mm "
        "and 0.5 degrees. ArcGuide tracks instrument position to within 0.5 mm in every "
        "patient.",
    ),
    ("paragraph", "ArcGuide is clinically proven to reduce alignment outliers."),
    (
        "table",
        [
            ["Endpoint", "Finding"],
            [
                "Alignment",
                "94% of knees aligned with ArcGuide were within 3 degrees of the planned "
                "mechanical axis, versus 78% with conventional instrumentation.",
            ],
            ["Revision", "ArcGuide cuts revision rates by a third."],
            [
                "Blood loss",
                "ArcGuide reduced mean blood loss by 150 mL compared with conventional "
                "instrumentation.",
            ],
        ],
    ),
    ("paragraph", "Precise alignment means faster recovery for your patients."),
    ("heading", "Next steps"),
    ("paragraph", "Contact your Meridian representative to schedule an evaluation."),
    (
        "paragraph",
        "Important safety information: ArcGuide is contraindicated in patients with active "
        "infection at the operative site. Complications may include pin-site fracture, "
        "infection, bleeding and navigation inaccuracy requiring conversion to conventional "
        "instrumentation.",
    ),
]

# --------------------------------------------------------------------------- poster (congress)

# Each page is a list of (style, lines). Lines are laid out exactly as given, so the
# poster has a sentence wrapped across lines and a word hyphenated at a line end, as
# PDF text really comes out.
POSTER = [
    [
        ("title", ["Imageless navigation in primary total knee arthroplasty"]),
        ("subtitle", ["Randomized, meta-analytic and registry evidence for ArcGuide"]),
        (
            "byline",
            [
                "M. Lee, T. Okafor, S. Brandt, K. Andersson",
                "Poster P-214, North American Arthroplasty Congress 2026",
            ],
        ),
        ("heading", ["Background"]),
        (
            "body",
            [
                "This poster summarises the randomized, meta-analytic and registry evidence",
                "for the ArcGuide imageless navigation system.",
            ],
        ),
        ("heading", ["Methods"]),
        (
            "body",
            [
                "212 patients undergoing primary total knee arthroplasty at four US centres",
                "were randomized to ArcGuide or conventional instrumentation.",
            ],
        ),
        (
            "body",
            [
                "A meta-analysis pooled 7 randomized trials (1,486 knees), and a national",
                "joint registry study followed 8,420 procedures for 2 years.",
            ],
        ),
        ("heading", ["Results"]),
        (
            "body",
            [
                "Mean operative time was 78 minutes with ArcGuide versus 89 minutes with",
                "conventional instrumentation (p=0.003).",
            ],
        ),
        (
            "body",
            [
                "In a randomized controlled trial, 94% of ArcGuide knees were within 3 degrees",
                "of the planned mechanical axis compared with 78% of conventionally",
                "instrumented knees.",
            ],
        ),
        (
            "body",
            [
                "ArcGuide can reduce alignment outliers by up to 40% compared with conventional instru-",
                "mentation.",
            ],
        ),
    ],
    [
        ("heading", ["Results (continued)"]),
        (
            "body",
            [
                "In a national joint registry study of 8,420 procedures, use of ArcGuide was",
                "associated with a lower 2-year revision rate (1.1% vs 1.6%) than conventional",
                "instrumentation.",
            ],
        ),
        (
            "body",
            [
                "In bench testing, ArcGuide tracked instrument position with a mean error of",
                "0.5 mm and 0.5 degrees.",
            ],
        ),
        ("heading", ["Conclusions"]),
        ("body", ["ArcGuide reduces revision surgery by 31%."]),
        ("body", ["ArcGuide is the new standard of care in knee replacement."]),
        ("body", ["ArcGuide is safe and effective for all patients undergoing knee replacement."]),
        (
            "body",
            ["Surgeons reached a stable operative time after a median of 8 ArcGuide cases."],
        ),
        ("heading", ["Limitations"]),
        (
            "body",
            [
                "The registry analysis is observational and cannot establish that navigation",
                "causes fewer revisions.",
            ],
        ),
        ("heading", ["Disclosures"]),
        (
            "small",
            [
                "The studies were funded by Meridian Orthopaedics. M. Lee and T. Okafor are paid",
                "consultants to Meridian Orthopaedics.",
            ],
        ),
        ("heading", ["References"]),
        (
            "small",
            [
                "1. Lee M, Okafor T, Brandt S, et al. J Arthroplasty. 2024;39(2):210-218.",
                "2. Fischer A, Nakamura H, Duarte R. Knee Surg Sports Traumatol Arthrosc.",
                "2025;33(4):1122-1134.",
                "3. Andersson K, Patel R, Moreau L. Bone Joint J. 2025;107-B(6):640-647.",
                "4. Meridian Orthopaedics. ArcGuide navigation accuracy verification. Test report",
                "TR-0231 Rev C. Data on file; 2023.",
            ],
        ),
    ],
]

POSTER_STYLES = {
    # style: (font style, size, line height, space after)
    "title": ("B", 18, 9, 1),
    "subtitle": ("", 13, 7, 3),
    "byline": ("I", 10, 5, 5),
    "heading": ("B", 13, 7, 1),
    "body": ("", 11, 5.5, 3),
    "small": ("", 9, 4.5, 2),
}

# --------------------------------------------------------------------------- deck (field)

# The pointer to the IFU that claimcheck.yaml's registry requires on every slide with an
# ArcGuide claim (REQ-ARC-FIELD-IFU): on slide 3 as a footnote, on slide 2 in the notes, on
# the safety slide; slide 4 lacks it.
DECK_IFU = (
    "See the ArcGuide Instructions for Use for indications, contraindications, warnings and "
    "precautions."
)

# (title, bullets or None, table rows or None, speaker notes, footnote or None)
DECK = [
    (
        "ArcGuide clinical evidence overview",
        ["Field training deck for discussions with orthopaedic surgeons"],
        None,
        "Open by asking which instrumentation the surgeon uses today.",
        None,
    ),
    (
        "Operating-room efficiency",
        [
            "ArcGuide saved a mean of 11 minutes of operating-room time per case compared "
            "with conventional instrumentation.",
            "ArcGuide reduced mean operative time by 12%.",
            "Shorter cases free up theatre capacity for an extra procedure every day.",
        ],
        None,
        "Talking point: with ArcGuide, patients recover faster and beds turn over sooner. "
        + DECK_IFU,
        None,
    ),
    (
        "Alignment and revision",
        None,
        [
            ["Endpoint", "Finding"],
            [
                "Alignment",
                "94% of knees aligned with ArcGuide were within 3 degrees of the planned "
                "mechanical axis, versus 78% with conventional instrumentation.",
            ],
            [
                "Outliers",
                "100% of knees aligned with ArcGuide were within 3 degrees of the planned "
                "mechanical axis.",
            ],
            [
                "Revision",
                "In a national joint registry study, use of ArcGuide was associated with a "
                "lower 2-year revision rate than conventional instrumentation (1.1% vs 1.6%).",
            ],
        ],
        "If asked about blood loss, refer the question to Medical Affairs.",
        DECK_IFU,
    ),
    (
        "Also from Meridian",
        [
            "FlexiSeal achieved hemostasis within 4 minutes at 92% of bleeding sites, compared "
            "with 71% for standard gauze.",
            "ArcGuide reduced mean 24-hour drain output by 31% compared with standard care.",
            "Questions? Contact Medical Information at 1-800-555-0142.",
        ],
        None,
        "",
        None,
    ),
    (
        "Important Safety Information",
        [
            "ArcGuide is contraindicated in patients with active infection at the operative "
            "site.",
            "Complications may include pin-site fracture, infection, bleeding and navigation "
            "inaccuracy requiring conversion to conventional instrumentation.",
            DECK_IFU,
        ],
        None,
        "",
        None,
    ),
]

# --------------------------------------------------------------------------- builders


def normalise_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed entry timestamps so rebuilds are byte-identical."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)


def build_brochure(out: Path) -> Path:
    """Write the print brochure (title, headings, paragraphs, a table, header, footer)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    props = doc.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = "ArcGuide brochure"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    section = doc.sections[0]
    section.header.paragraphs[0].text = BROCHURE_HEADER
    section.footer.paragraphs[0].text = BROCHURE_FOOTER
    for kind, content in BROCHURE:
        if kind == "title":
            doc.add_heading(content, level=0)
        elif kind == "heading":
            doc.add_heading(content, level=1)
        elif kind == "paragraph":
            doc.add_paragraph(content)
        else:
            table = doc.add_table(rows=len(content), cols=len(content[0]))
            table.style = "Table Grid"
            for r, row in enumerate(content):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    if r == 0:
                        cell.paragraphs[0].runs[0].bold = True
                        cell.paragraphs[0].runs[0].font.size = Pt(11)
    path = out / "brochure.docx"
    doc.save(path)
    normalise_zip(path)
    return path


def build_poster(out: Path) -> Path:
    """Write the two-page congress poster with explicit line breaks (core fonts only)."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_creation_date(FIXED.replace(tzinfo=UTC))
    pdf.set_title("ArcGuide congress poster P-214")
    pdf.set_author(AUTHOR)
    pdf.set_creator("examples/build_examples.py")
    pdf.set_auto_page_break(False)
    pdf.set_margins(18, 18, 18)
    for page in POSTER:
        pdf.add_page()
        for style, lines in page:
            font_style, size, height, after = POSTER_STYLES[style]
            pdf.set_font("Helvetica", font_style, size)
            for line in lines:
                pdf.cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(after)
    path = out / "congress-poster.pdf"
    pdf.output(str(path))
    return path


def build_deck(out: Path) -> Path:
    """Write the five-slide field deck: bullets, a table, a footnote and speaker notes."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    props = prs.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = "ArcGuide field deck"
    props.created = FIXED
    props.modified = FIXED
    props.revision = 1
    for index, (title, bullets, rows, notes, footnote) in enumerate(DECK):
        layout = prs.slide_layouts[0 if index == 0 else (5 if rows else 1)]
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = title
        if bullets:
            body = slide.placeholders[1].text_frame
            for n, bullet in enumerate(bullets):
                para = body.paragraphs[0] if n == 0 else body.add_paragraph()
                para.text = bullet
                para.runs[0].font.size = Pt(20)
        if rows:
            shape = slide.shapes.add_table(
                len(rows), len(rows[0]), Inches(0.5), Inches(1.6), Inches(9), Inches(4.5)
            )
            table = shape.table
            table.columns[0].width = Inches(1.8)
            table.columns[1].width = Inches(7.2)
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    frame = table.cell(r, c).text_frame
                    frame.text = text
                    frame.paragraphs[0].runs[0].font.size = Pt(16)
        if footnote:
            box = slide.shapes.add_textbox(Inches(0.5), Inches(6.6), Inches(9), Inches(0.5))
            box.text_frame.text = footnote
            box.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    path = out / "field-deck.pptx"
    prs.save(path)
    normalise_zip(path)
    return path


def build_all(out: Path = HERE) -> list[Path]:
    """Build every binary draft into `out` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    return [build_brochure(out), build_poster(out), build_deck(out)]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for built in build_all(target):
        print(built)
