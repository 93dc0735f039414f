"""A PDF corpus against the floor: what pypdf's extract_text alone costs on the same files.

The PDFs are built with fpdf2 (a test dependency) from generated drafts, one paragraph per
block; claimcheck checks them on `jobs` workers with an empty cache, the floor extracts
every page's text in `jobs` processes. ratio = floor / claimcheck (1.0 = reading is all).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from speed import corpus, harness, tools
from speed.bench import Bench

WORDS = 600


def build(folder: Path, count: int, claims: int) -> list[Path]:
    """`count` PDFs of about WORDS words each (reused when present)."""
    from fpdf import FPDF

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        path = folder / f"leaflet-{i:04d}.pdf"
        out.append(path)
        if path.exists():
            continue
        text, _, _ = corpus.draft_markdown(50_000 + i, WORDS, claims)
        body = text.split("---", 2)[2]
        pdf = FPDF()
        pdf.set_auto_page_break(True, margin=15)
        pdf.add_page()
        for para in body.split("\n\n"):
            para = re.sub(r"^[#-]+\s*", "", para.strip(), flags=re.MULTILINE)
            if not para:
                continue
            pdf.set_font("Helvetica", size=10)
            pdf.multi_cell(0, 5, para.replace("\n", " "))
            pdf.ln(3)
        pdf.output(str(path))
    return out


def run(bench: Bench) -> dict[str, Any]:
    """Time claimcheck and the floor interleaved; print and return the ratio."""
    c = corpus.write_corpus(bench.out, 0, bench.claims, WORDS)
    files = build(bench.out / f"pdf-{bench.pdfs}", bench.pdfs, bench.claims)
    cmd = tools.claimcheck([files[0].parent], c.config, jobs=bench.jobs)
    floor = tools.pypdf_floor(files, bench.jobs)
    print(f"\n{len(files)} PDFs:", harness.show(cmd))
    print("  floor:", " & ".join(harness.show(f) for f in floor))
    results = harness.interleave(
        {
            "claimcheck": lambda: harness.timed([cmd], cwd=bench.out, env=bench.empty_cache("pdf")),
            "pypdf extract_text": lambda: harness.timed(floor, cwd=bench.out),
        },
        bench.runs,
    )
    harness.print_table(
        f"{len(files)} PDFs, medians of {bench.runs} interleaved runs",
        results,
        reference="claimcheck",
    )
    ratio = harness.median(results["pypdf extract_text"], "wall") / harness.median(
        results["claimcheck"], "wall"
    )
    print(f"  floor / claimcheck: {ratio:.2f} (target >= 0.5)")
    return {"ratio": ratio}
