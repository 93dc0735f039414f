"""Hostile files other than YAML: strength models, special files, loops, bombs, odd encodings.

Each ends in one error line naming the file (exit 2) within the limits of `hostile`, the
other drafts of the run still checked, and no input modified.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from hostile import OVERSTATED, cli, digests, good_was_checked, repo, run

from claimcheck.errors import InputError
from claimcheck.load import read

FORMAT = '"format": "claimcheck-strength-model", "version": 1'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "{" + FORMAT + ', "weights": {"word:x": [1' + "0" * 5000 + ", 0, 0, 0]}}",
            "not a strength model (a number in it is too long)",
        ),
        (
            "{" + FORMAT + ', "meta": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "not a strength model (nested too deeply)",
        ),
    ],
    ids=["huge-integer", "deep-nesting"],
)
def test_hostile_strength_model_is_one_line(tmp_path: Path, body: str, message: str) -> None:
    root = repo(tmp_path / "repo")
    (root / "model.json").write_text(body, encoding="utf-8")
    before = digests(root)
    result = cli("check", "--strength-model", "model.json", "good.md", cwd=root)
    assert result.returncode == 2
    (line,) = result.errors()
    assert line.startswith("claimcheck: error: ") and line.endswith(f"model.json: {message}")
    assert digests(root) == before


# --------------------------------------------------------------------------- builders


def _docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _rezip(src: Path, dst: Path, change) -> Path:
    """A copy of a package with `change(name, data)` applied to each part (None drops it)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
    return dst


def _pptx(path: Path) -> Path:
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "ArcGuide"
    slide.placeholders[1].text = "ArcGuide cures arthritis."
    deck.save(str(path))
    return path


def _bomb_docx(path: Path, megabytes: int) -> Path:
    """A DOCX whose document part inflates to `megabytes` of spaces from a few kilobytes."""
    src = _docx(path.with_name("plain.docx"), ["ArcGuide cures arthritis."])
    padding = b" " * (megabytes << 20)

    def change(name: str, data: bytes) -> bytes:
        if name == "word/document.xml":
            return data.replace(b"<w:body>", b"<w:body>" + padding, 1)
        return data

    out = _rezip(src, path, change)
    src.unlink()
    return out


# --------------------------------------------------------------------------- one hostile run


def test_hostile_drafts_each_fail_alone_in_one_line(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    drafts = root / "drafts"
    drafts.mkdir()
    (drafts / "good.md").write_text(OVERSTATED + "\n")
    (drafts / "nested.md").write_text("Intro.\n\n" + "- " * 60 + "deep\n\nArcGuide cures.\n")
    os.mkfifo(drafts / "pipe.md")
    (drafts / "zero.md").symlink_to("/dev/zero")
    (drafts / "loop-a.md").symlink_to("loop-b.md")
    (drafts / "loop-b.md").symlink_to("loop-a.md")
    _bomb_docx(drafts / "bomb.docx", 40)
    (drafts / "script.html").write_text("<p>Intro.</p><script>var a = 1;\n<p>ArcGuide cures.</p>")
    (drafts / "legacy.md").write_bytes("Caf\xe9 ArcGuide cures.\n".encode("cp1252"))
    _rezip(
        _pptx(tmp_path / "deck.pptx"),
        drafts / "rels.pptx",
        lambda n, d: (
            re.sub(rb'r:id="rId\d+"', b'r:id="rId999"', d) if n == "ppt/presentation.xml" else d
        ),
    )
    _rezip(
        _docx(tmp_path / "h.docx", ["ArcGuide cures arthritis."]),
        drafts / "header.docx",
        lambda n, d: (
            re.sub(
                rb"<w:sectPr",
                b'<w:sectPr><w:headerReference w:type="default" '
                b'r:id="rId999" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships"/></w:sectPr><w:sectPr',
                d,
                count=1,
            )
            if n == "word/document.xml"
            else d
        ),
    )
    before = digests(root)
    # Run from a copy of the good draft's directory: its path in the report is drafts/good.md.
    result = run("check", "drafts", "--format", "json", cwd=root)
    assert result.returncode == 2
    assert sorted(result.errors()) == [
        "claimcheck: error: drafts/bomb.docx: part 'word/document.xml' inflates "
        f"{_ratio(drafts / 'bomb.docx')} times (a zip bomb?) (limit 100; raise limits: "
        "{max_ratio: ...} in claimcheck.yaml)",
        "claimcheck: error: drafts/header.docx: damaged DOCX file (header of section 1: "
        "relationship 'rId999' not found)",
        "claimcheck: error: drafts/legacy.md:1: not UTF-8 text (byte 0xe9 at line 1); it may "
        "be Windows-1252 or Latin-1: save it as UTF-8",
        "claimcheck: error: drafts/loop-a.md: symbolic link loop",
        "claimcheck: error: drafts/loop-b.md: symbolic link loop",
        "claimcheck: error: drafts/nested.md:3: lists or quotes nested more than 50 levels "
        "deep; claimcheck cannot read the file past this line",
        "claimcheck: error: drafts/pipe.md: not a regular file (a named pipe)",
        "claimcheck: error: drafts/rels.pptx: damaged PPTX file (ppt/presentation.xml: no "
        "relationship with key 'rId999')",
        "claimcheck: error: drafts/script.html:1: <script> opened at line 1 is never closed: "
        "the rest of the page would not be read",
        "claimcheck: error: drafts/zero.md: not a regular file (a device)",
    ]
    docs = {d["path"]: d for d in result.json()["documents"]}
    assert [c["verdict"] for c in docs["drafts/good.md"]["claims"]] == ["overstated"]
    assert digests(root) == before


def _ratio(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("word/document.xml")
    return f"{info.file_size / info.compress_size:,.0f}"


LIMITS = [
    (
        "max_text_file_mb: 0.001",
        "big.md",
        "larger than 0.001 MB (raise limits: "
        "{max_text_file_mb: ...} in claimcheck.yaml to read it)",
    ),
    (
        "max_file_mb: 0.001",
        "big.docx",
        "larger than 0.001 MB (raise limits: {max_file_mb: ...} in claimcheck.yaml to read it)",
    ),
    (
        "max_inflated_mb: 0.01",
        "big.docx",
        "its parts inflate to more than 0.01 MB (limit 0.01; "
        "raise limits: {max_inflated_mb: ...} in claimcheck.yaml)",
    ),
    (
        "max_xml_elements: 500",
        "big.docx",
        "more than 500 XML elements (limit 500; raise "
        "limits: {max_xml_elements: ...} in claimcheck.yaml)",
    ),
    (
        "max_blocks: 100",
        "big.md",
        "more than 100 blocks of text (limit 100; raise limits: "
        "{max_blocks: ...} in claimcheck.yaml)",
    ),
    (
        "max_text_chars: 1000",
        "big.md",
        "more than 1,000 characters of text (limit 1,000; "
        "raise limits: {max_text_chars: ...} in claimcheck.yaml)",
    ),
    (
        "max_sentences: 50",
        "big.md",
        "more than 50 sentences (limit 50; raise limits: {max_sentences: ...} in claimcheck.yaml)",
    ),
    (
        "max_pages: 2",
        "big.pdf",
        "more than 2 pages (limit 2; raise limits: {max_pages: ...} in claimcheck.yaml)",
    ),
]


@pytest.mark.parametrize(("limit", "name", "message"), LIMITS, ids=[x[0] for x in LIMITS])
def test_every_limit_is_configurable_and_named(
    tmp_path: Path, limit: str, name: str, message: str
) -> None:
    root = repo(tmp_path / "repo")
    (root / "claimcheck.yaml").write_text(f"registry: claims.yaml\nlimits: {{{limit}}}\n")
    lines = [f"ArcGuide claim number {i} is here." for i in range(200)]
    if name.endswith(".md"):
        (root / name).write_text("\n\n".join(lines) + "\n")
    elif name.endswith(".docx"):
        _docx(root / name, lines)
    else:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.set_font("Helvetica", size=12)
        for line in lines[:3]:
            pdf.add_page()
            pdf.cell(0, 10, line)
        pdf.output(str(root / name))
    result = cli("check", name, "good.md", "--format", "json", cwd=root)
    assert result.returncode == 2
    assert result.errors() == [f"claimcheck: error: {name}: {message}"]
    assert good_was_checked(result)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            "limits: {max_pages: 0}",
            "limit 'max_pages' must be a whole number above 0, not the number 0",
        ),
        (
            "limits: {max_pages: 2.5}",
            "limit 'max_pages' must be a whole number above 0, not the number 2.5",
        ),
        (
            "limits: {max_file_mb: big}",
            "limit 'max_file_mb' must be a number above 0, not a string",
        ),
        ("limits: {max_pagez: 3}", "unknown key 'max_pagez' in limits (did you mean 'max_pages'?)"),
        ("limits: [1]", "'limits' must be a mapping, not a list"),
    ],
)
def test_bad_limits_are_config_errors(tmp_path: Path, config: str, message: str) -> None:
    from claimcheck.config import load_config
    from claimcheck.errors import ConfigError

    (tmp_path / "claimcheck.yaml").write_text(config + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(None, tmp_path)
    assert str(info.value) == f"claimcheck.yaml:1: {message}"


def test_a_named_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    (root / "a.md").symlink_to("b.md")
    (root / "b.md").symlink_to("a.md")
    result = cli("check", "a.md", "good.md", "--format", "json", cwd=root)
    assert result.errors() == ["claimcheck: error: a.md: symbolic link loop"]
    assert good_was_checked(result)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda n, d: (
                b'<?xml version="1.0"?><foo xmlns="urn:x"/>' if n == "word/document.xml" else d
            ),
            "damaged DOCX file (word/document.xml: 'lxml.etree._Element' object has no "
            "attribute 'body')",
        ),
        (
            lambda n, d: (
                d.replace(b"document.main+xml", b"spreadsheetml.sheet.main+xml")
                if n == "[Content_Types].xml"
                else d
            ),
            "not a valid DOCX file (not a Word file, content type is 'application/vnd."
            "openxmlformats-officedocument.wordprocessingml.spreadsheetml.sheet.main+xml')",
        ),
        (
            lambda n, d: None if n == "word/_rels/document.xml.rels" else d,
            "damaged DOCX file (header of section 1: relationship",
        ),
    ],
    ids=["wrong-root", "wrong-part-type", "missing-rels"],
)
def test_damaged_docx_parts_are_named(tmp_path: Path, change, message: str) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("ArcGuide cures arthritis.")
    document.sections[0].header.paragraphs[0].text = "ArcGuide is the safest."
    document.save(str(tmp_path / "base.docx"))
    bad = _rezip(tmp_path / "base.docx", tmp_path / "bad.docx", change)
    with pytest.raises(InputError) as info:
        read(bad, "bad.docx")
    assert str(info.value).startswith(f"bad.docx: {message}"), str(info.value)


def test_unknown_placeholder_type_is_named(tmp_path: Path) -> None:
    bad = _rezip(
        _pptx(tmp_path / "deck.pptx"),
        tmp_path / "bad.pptx",
        lambda n, d: (
            d.replace(b'<p:ph type="title"/>', b'<p:ph type="bogus"/>')
            if n.startswith("ppt/slides/slide")
            else d
        ),
    )
    with pytest.raises(InputError) as info:
        read(bad, "bad.pptx")
    assert str(info.value) == (
        "bad.pptx: damaged PPTX file (slide 1: PP_PLACEHOLDER_TYPE has no XML mapping for 'bogus')"
    )


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--registry", "input: cannot read file: not a regular file (a named pipe)"),
        ("--baseline", "input: cannot read baseline: not a regular file (a named pipe)"),
        ("--strength-model", "cannot read strength model: not a regular file (a named pipe)"),
    ],
)
def test_a_named_pipe_given_as_any_input_is_refused_not_waited_on(
    tmp_path: Path, option: str, message: str
) -> None:
    root = repo(tmp_path / "repo")
    os.mkfifo(root / "input")
    result = run("check", "good.md", option, "input", cwd=root)
    assert result.returncode == 2
    assert result.errors()[0].endswith(message), result.errors()
