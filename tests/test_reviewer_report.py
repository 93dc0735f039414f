"""The audit report as an MLR reviewer works with it, on the demo drafts (examples/).

A disposition and a comment column per claim, the asset id and version with the review
date on every printed page (CSS margin boxes, and a repeated table-head row for browsers
without them), "Page X of Y", the match score in words, and the claims grouped under the
approved claim they matched; the same columns and groups in the Markdown report.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from claimcheck.cli import cli
from claimcheck.report.audit import DISPOSITIONS, score_words
from claimcheck.report.html import css_string

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"
ASSET = ("--asset-id", "US-ARC-2600123", "--asset-version", "0.3")
BROCHURE_OPTIME = "ArcGuide dramatically cuts operative time by 25%."
SCORE = re.compile(r"\(score (\d\.\d\d)(?:, ([a-z ]+?)(?:: shares (.*?))?)?\)")


def _report(tmp: Path, name: str, *extra: str) -> tuple[int, str, str]:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            cli, ["report", "examples/", "-o", str(tmp / name), "--as-of", AS_OF, *extra]
        )
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The demo's audit report, HTML and Markdown, for asset US-ARC-2600123 v0.3."""
    tmp = tmp_path_factory.mktemp("audit")
    out = {}
    for name in ("audit.html", "audit.md"):
        code, _, err = _report(tmp, name, *ASSET)
        assert code == 0, err
        out[name] = (tmp / name).read_text("utf-8")
    return out


class _Page(HTMLParser):
    """Claim rows (cells, radio inputs, comment boxes), running-header rows and groups."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.running: list[str] = []
        self.groups: list[dict] = []
        self.style = ""
        self._row: dict | None = None
        self._cell: list[str] | None = None
        self._running: list[str] | None = None
        self._group: dict | None = None
        self._li: list[str] | None = None
        self._head: list[str] | None = None
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "style":
            self._in_style = True
        elif tag == "tr" and cls == "claim":
            self._row = {"id": a.get("id"), "cells": [], "radios": [], "comments": []}
        elif tag == "tr" and cls == "running":
            self._running = []
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "input" and self._row is not None:
            self._row["radios"].append((a.get("type"), a.get("name"), a.get("value"), attrs))
        elif tag == "div" and "comment-box" in cls and self._row is not None:
            self._row["comments"].append(a)
        elif tag == "div" and cls == "group":
            self._group = {"claim": a.get("data-claim"), "head": "", "uses": []}
            self.groups.append(self._group)
        elif tag == "h3" and self._group is not None:
            self._head = []
        elif tag == "li" and self._group is not None:
            self._li = []
            self._group["uses"].append({"href": None, "text": ""})
        elif tag == "a" and self._li is not None and self._group is not None:
            self._group["uses"][-1]["href"] = a.get("href")

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        elif tag == "td" and self._cell is not None and self._row is not None:
            self._row["cells"].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "tr" and self._running is not None:
            self.running.append(" ".join("".join(self._running).split()))
            self._running = None
        elif tag == "h3" and self._head is not None and self._group is not None:
            self._group["head"] = " ".join("".join(self._head).split())
            self._head = None
        elif tag == "li" and self._li is not None and self._group is not None:
            self._group["uses"][-1]["text"] = " ".join("".join(self._li).split())
            self._li = None
        elif tag == "div" and self._group is not None and self._li is None and not self._head:
            self._group = None

    def handle_data(self, data):
        if self._in_style:
            self.style += data
        for sink in (self._cell, self._running, self._head, self._li):
            if sink is not None:
                sink.append(data)


def _page(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    p.close()
    return p


def test_every_claim_row_has_blank_disposition_boxes_and_a_comment_box(outputs):
    p = _page(outputs["audit.html"])
    assert len(p.rows) == 58  # every claim of the demo, as `wrote ... 58 claims` says
    for row in p.rows:
        assert len(row["cells"]) == 9
        radios = row["radios"]
        assert [r[2] for r in radios] == list(DISPOSITIONS)
        assert {r[0] for r in radios} == {"radio"}
        assert len({r[1] for r in radios}) == 1  # one choice per claim
        assert all("checked" not in dict(r[3]) for r in radios)  # blank by default
        assert row["cells"][7] == "Approve Revise Reject Reference needed"
        (box,) = row["comments"]
        assert box["contenteditable"] == "true" and box["role"] == "textbox"
        assert row["cells"][8] == ""  # nothing written for the reviewer
    names = [r["radios"][0][1] for r in p.rows]
    assert len(set(names)) == len(names)  # ticking one claim never unticks another


def test_asset_and_review_date_on_every_printed_page(outputs):
    html = outputs["audit.html"]
    p = _page(html)
    header = "Asset US-ARC-2600123 v0.3 · review date 2026-11-23 · product arcguide"
    # CSS margin boxes: the running header top left, "Page X of Y" bottom right
    assert "@top-left { content: " + css_string(header) in p.style
    assert '"Page " counter(page) " of " counter(pages)' in p.style
    # fallback: the header row repeats with each claim table's head on every page
    assert "thead { display: table-header-group; }" in p.style
    assert len(p.running) == 6  # one claims table per demo document
    assert p.running[0] == f"Document 1 of 6: examples/brochure.docx · {header}"
    assert "<title>Claims audit report US-ARC-2600123 v0.3 (2026-11-23)</title>" in html
    assert '<span class="asset">US-ARC-2600123 v0.3</span>' in html


def test_match_score_is_explained_in_words(outputs):
    p = _page(outputs["audit.html"])
    explained = 0
    for row in p.rows:
        found = SCORE.search(row["cells"][4])
        if found is None:
            continue
        explained += 1
        score, band, shared = float(found[1]), found[2], found[3]
        assert band == (
            "full match" if score >= 0.9 else "close match" if score >= 0.6 else "partial match"
        )
        assert shared, row["cells"][4]
        # terms as a reader knows them: no matcher keys such as '#12%' or 'OPTIME'
        assert "#" not in shared and not re.search(r"\b[A-Z]{3,}\b", shared.replace("ArcGuide", ""))
    assert explained >= 40
    brochure = next(r for r in p.rows if r["cells"][2] == BROCHURE_OPTIME)
    found = SCORE.search(brochure["cells"][4])
    assert found is not None and "operative time" in found[3].split(", ")


def test_claims_on_the_same_approved_claim_are_grouped_in_document_order(outputs):
    p = _page(outputs["audit.html"])
    ids = {r["id"] for r in p.rows}
    groups = {g["claim"]: g for g in p.groups}
    optime = groups["ARC-OPTIME"]
    assert optime["head"].startswith("ARC-OPTIME: ArcGuide reduced mean operative time by 12%")
    assert optime["head"].endswith("(5 uses)")
    texts = [u["text"] for u in optime["uses"]]
    assert texts[0].startswith(
        "Document 1, claim 1 (examples/brochure.docx, paragraph 5) overstated"
    )
    assert texts[0].endswith(BROCHURE_OPTIME)
    docs = [int(t.split(",")[0].split()[1]) for t in texts]
    assert docs == sorted(docs)
    # every claim appears in exactly one group, and each use links to its row
    uses = [u for g in p.groups for u in g["uses"]]
    assert len(uses) == len(p.rows)
    assert sorted(u["href"][1:] for u in uses) == sorted(ids)
    assert p.groups[-1]["claim"] == "" and p.groups[-1]["head"].startswith("No approved claim")
    # the documents keep document order: the brochure's rows come first, numbered 1, 2, ...
    assert [r["cells"][0] for r in p.rows[:3]] == ["1", "2", "3"]


def test_markdown_has_the_columns_asset_and_groups(outputs):
    text = outputs["audit.md"]
    assert "- **Asset:** US-ARC-2600123 v0.3" in text
    assert "| Findings and suggestions | Disposition | Reviewer comment |" in text
    assert "Disposition: write Approve, Revise, Reject or Reference needed" in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    tables = [t for t in html.split("<table>") if "Reviewer comment" in t]
    assert len(tables) == 6
    rows = [r for t in tables for r in t.split("<tbody>")[1].split("<tr>")[1:]]
    assert len(rows) == 58
    for row in rows:
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        assert len(cells) == 9 and cells[7:] == ["", ""], row
    assert "## Claims by approved claim" in text
    head = text.index("### `ARC-OPTIME`: ")
    block = text[head : text.index("###", head + 3)]
    assert "(5 uses)" in block.splitlines()[0]
    assert (
        "- Document 1, claim 1 (examples/brochure.docx, paragraph 5): **OVERSTATED** (score"
        in block
    )
    assert "close match: shares" in block or "partial match: shares" in block


def test_without_an_asset_the_header_names_the_report(tmp_path):
    code, _, err = _report(tmp_path, "a.html")
    assert code == 0, err
    page = (tmp_path / "a.html").read_text("utf-8")
    assert (
        "@top-left { content: "
        + css_string("Claims audit report · review date 2026-11-23 · product arcguide")
        in page
    )
    assert "Asset" not in _page(page).running[0]


def test_a_hostile_asset_id_cannot_break_the_page_and_a_newline_is_refused(tmp_path):
    hostile = '</style><script>alert(1)</script>"'
    code, _, err = _report(tmp_path, "a.html", "--asset-id", hostile)
    assert code == 0, err
    page = (tmp_path / "a.html").read_text("utf-8")
    assert "<script" not in page and page.count("</style>") == 1
    code, _, err = _report(tmp_path, "b.html", "--asset-id", "US-1\nUS-2")
    assert code == 2 and not (tmp_path / "b.html").exists()
    assert err.strip() == "claimcheck: error: --asset-id must be one line of printable text"


def test_score_words_bands_and_terms():
    assert score_words(None, ()) is None
    assert score_words(1.0, ("#12%", "OPTIME", "PERCENT", "arcguide")) == (
        "full match: shares 12%, operative time, arcguide"
    )
    assert score_words(0.6, ("#78minute",)) == "close match: shares 78 minute"
    assert score_words(0.45, ()) == "partial match"
    many = tuple(f"w{i}" for i in range(10))
    assert score_words(0.7, many).endswith("w7 and 2 more")


def test_css_string_escapes_what_could_close_the_style_element():
    assert css_string('a"b\\c</style>·') == '"a\\22 b\\5c c\\3c /style\\3e \\b7 "'
