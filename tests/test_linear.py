"""Work grows linearly with the input: the ratio of two sizes' times, never a fixed time.

For each path that was quadratic, the input is made 4x larger; a linear path takes about
4x as long, a quadratic one about 16x. The best of two runs of each size (the first pays for imports) is compared, so
a busy machine slows both alike. Plus the hostile 200,000-paragraph DOCX end to end.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
from hostile import repo, run

from claimcheck.annotate.docx import annotate_docx
from claimcheck.load import html
from claimcheck.load.docx import read as read_docx
from claimcheck.model import ClaimResult, Context, DocumentResult, Finding, Location, Sentence

GROWTH = 4
LIMIT = 10  # linear: ~4; quadratic: ~16 (room for a busy machine in between)


def _best(work: Callable[[], object], repeats: int = 2) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def _ratio(make: Callable[[int], Callable[[], object]], small: int, repeats: int = 2) -> float:
    a, b = make(small), make(small * GROWTH)
    return _best(b, repeats) / max(_best(a, repeats), 1e-6)


def test_html_end_tags_are_linear() -> None:
    # Many open elements, then end tags that close none of them: each end tag searched the
    # whole stack (100,000 of them took 106 s).
    def make(n: int) -> Callable[[], object]:
        text = "<div>" * n + "</b>" * n + "<p>ArcGuide cures arthritis.</p>"
        return lambda: html.parse(text, "x.html")

    assert _ratio(make, 3000, repeats=7) < LIMIT  # cheap: more runs, less noise


def _docx_bytes(paragraphs: int) -> bytes:
    document = docx.Document()
    for i in range(paragraphs):
        document.add_paragraph(f"ArcGuide dramatically cuts operative time by {i}% here.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_reading_is_linear(tmp_path: Path) -> None:
    def make(n: int) -> Callable[[], object]:
        path = tmp_path / f"{n}.docx"
        path.write_bytes(_docx_bytes(n))
        return lambda: read_docx(path, path.name)

    assert _ratio(make, 400, repeats=3) < LIMIT


def test_annotating_many_flagged_paragraphs_is_linear(tmp_path: Path) -> None:
    finding = Finding("CC201", "intensifier", "error", "overstated", "'dramatically' overstates")

    def make(n: int) -> Callable[[], object]:
        src = tmp_path / f"{n}.docx"
        src.write_bytes(_docx_bytes(n))
        claims = []
        for i in range(n):
            text = f"ArcGuide dramatically cuts operative time by {i}% here."
            loc = Location(paragraph=i + 1, start=0, end=len(text))
            claims.append(ClaimResult(Sentence(text, i, loc), "overstated", findings=(finding,)))
        result = DocumentResult(
            src.name, "docx", "0" * 64, Context(as_of=date(2026, 1, 1)), claims=tuple(claims)
        )
        return lambda: annotate_docx(src, tmp_path / f"{n}-out.docx", result)

    assert _ratio(make, 600) < LIMIT


def test_a_200000_paragraph_docx_is_refused_quickly(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    base = _docx_bytes(1)
    body = "".join(
        f"<w:p><w:r><w:t>Line {i * 7919 % 100_003} reads {i:x}.</w:t></w:r></w:p>"
        for i in range(200_000)
    ).encode()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as zin,
        zipfile.ZipFile(root / "huge.docx", "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body, 1)
            zout.writestr(info.filename, data)
    result = run("check", "huge.docx", cwd=root)  # within hostile.SECONDS and MEMORY_MB
    assert result.returncode == 2
    assert result.errors() == [
        "claimcheck: error: huge.docx: more than 100,000 blocks of text (limit 100,000; "
        "raise limits: {max_blocks: ...} in claimcheck.yaml)"
    ]
