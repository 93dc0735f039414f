"""The demo as a reviewer reads it: examples/EXPECTED.md is the answer key, goldens pin output.

Refresh the goldens on purpose (and review the diff) with:
    CLAIMCHECK_UPDATE_GOLDENS=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
AS_OF = "2026-11-23"
UPDATE = os.environ.get("CLAIMCHECK_UPDATE_GOLDENS") == "1"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip('"').strip()


def parse_expected() -> tuple[
    list[tuple[str, str, str, str]], list[tuple[str, str]], dict[str, list[dict[str, str]]]
]:
    """(path, sentence, verdict, claim id) rows, (path, text) rows that must stay silent, and
    per draft the rows of its "Required statements and document findings" table."""
    claims: list[tuple[str, str, str, str]] = []
    silent: list[tuple[str, str]] = []
    documents: dict[str, list[dict[str, str]]] = {}
    path = None
    header: list[str] = []
    for line in (ROOT / "examples" / "EXPECTED.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## `([^`]+)`", line)
        if heading:
            path, header = heading.group(1), []
            documents[path] = []
            continue
        if not line.startswith("|") or path is None:
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if set(line) <= set("|- "):
            continue
        if cells[0] in ("#", "Where", "Rule"):
            header = cells
            continue
        if header and header[0] == "Rule":
            documents[path].append(dict(zip(header, cells, strict=False)))
            continue
        if header and header[0] == "#":
            row = dict(zip(header, cells, strict=False))
            claims.append((path, _squash(row["Sentence"]), row["Verdict"], row["Claim"]))
        elif header and header[0] == "Where":
            row = dict(zip(header, cells, strict=False))
            silent.append((path, _squash(row["Text"])))
    return claims, silent, documents


EXPECTED, SILENT, DOCUMENT_ROWS = parse_expected()


def _run(fmt: str) -> tuple[int, str, str]:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner(env={"NO_COLOR": "1"}).invoke(
            cli, ["check", "examples/", "--as-of", AS_OF, "--format", fmt, "--verbose"]
        )
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def report() -> dict:
    """The demo's JSON report."""
    code, out, err = _run("json")
    assert code == 1, err
    assert "Traceback" not in err
    return json.loads(out)


def _claims_of(report: dict, path: str) -> list[dict]:
    for doc in report["documents"]:
        if doc["path"] == path:
            return doc["claims"]
    raise AssertionError(f"{path} was not checked")


def test_expected_md_covers_every_verdict() -> None:
    verdicts = {v for _, _, v, _ in EXPECTED}
    assert verdicts == {
        "supported",
        "overstated",
        "unsupported",
        "prohibited",
        "expired",
        "off-scope",
    }
    assert len(EXPECTED) >= 40


@pytest.mark.parametrize(
    ("path", "sentence", "verdict", "claim_id"),
    EXPECTED,
    ids=[f"{p.split('/')[-1]}-{i}" for i, (p, *_rest) in enumerate(EXPECTED)],
)
def test_expected_verdict(
    report: dict, path: str, sentence: str, verdict: str, claim_id: str
) -> None:
    claims = {_squash(c["sentence"]): c for c in _claims_of(report, path)}
    assert sentence in claims, f"not reported as a claim: {sentence!r}"
    got = claims[sentence]
    assert got["verdict"] == verdict, (
        f"{sentence!r}: got {got['verdict']} ({got['claim_id']}: "
        f"{[f['rule'] + ' ' + f['message'] for f in got['findings']]})"
    )
    if claim_id not in ("-", ""):
        assert got["claim_id"] == claim_id


@pytest.mark.parametrize(
    ("path", "text"), SILENT, ids=[f"{p.split('/')[-1]}-{i}" for i, (p, _t) in enumerate(SILENT)]
)
def test_not_reported(report: dict, path: str, text: str) -> None:
    for claim in _claims_of(report, path):
        assert text not in _squash(claim["sentence"]), (
            f"reported although it is not a claim: {text!r}"
        )


def test_no_claims_beyond_the_answer_key(report: dict) -> None:
    expected = {(p, s) for p, s, _, _ in EXPECTED}
    extra = [
        (doc["path"], c["sentence"])
        for doc in report["documents"]
        for c in doc["claims"]
        if (doc["path"], _squash(c["sentence"])) not in expected
    ]
    assert extra == []


def _label(place: dict | None) -> str:
    """'line 13', 'slide 2 notes', 'paragraph 21', or 'document' (a finding at the start)."""
    if place is None or place.get("location") is None:
        return "document"
    loc = place["location"]
    label = next(f"{k} {loc[k]}" for k in ("line", "page", "slide", "paragraph") if loc.get(k))
    return f"{label} notes" if place.get("part") == "notes" else label


@pytest.mark.parametrize("path", sorted(DOCUMENT_ROWS))
def test_document_findings_and_statements_match_the_answer_key(report: dict, path: str) -> None:
    (doc,) = [d for d in report["documents"] if d["path"] == path]
    rows = DOCUMENT_ROWS[path]
    findings = sorted(
        (f["rule"], f["claim_id"] or "-", _label({"location": f["location"]}))
        for f in doc["findings"]
    )
    assert findings == sorted(
        (r["Rule"], r["Id"], r["Shown at"]) for r in rows if r["Rule"] != "-"
    ), doc["findings"]
    statements = {
        st["id"]: (st["status"], ", ".join(_label(p) for p in st["found"]) or "-")
        for st in doc["statements"]
    }
    assert statements == {r["Id"]: (r["Status"], r["Found at"]) for r in rows if r["Status"] != "-"}


def test_the_demo_shows_each_document_finding_once(report: dict) -> None:
    rules = [f["rule"] for d in report["documents"] for f in d["findings"]]
    assert sorted(rules) == ["CC401", "CC402", "CC403", "CC404"]
    text = (ROOT / "examples" / "EXPECTED.md").read_text(encoding="utf-8")
    assert re.search(r"Document findings: 4, one of each rule", text)


def test_demo_json_matches_schema(report: dict) -> None:
    schema = json.loads((Path(__file__).parents[1] / "schemas" / "report.schema.json").read_text())
    jsonschema.validate(report, schema)
    assert report["summary"]["documents"] == 6


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_golden(fmt: str) -> None:
    code, out, _ = _run(fmt)
    assert code == 1
    golden = GOLDEN / f"examples.{'json' if fmt == 'json' else 'txt'}"
    if UPDATE or not golden.exists():
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
        if not UPDATE:
            pytest.fail(
                f"golden {golden.name} was missing and has been written; review and commit it"
            )
    assert out == golden.read_text(encoding="utf-8")
