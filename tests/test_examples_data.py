"""The demo registry, evidence and drafts agree with FORMATS.md and with examples/EXPECTED.md.

These tests read the YAML with yaml.safe_load (not claimcheck's loader), so a broken demo
is caught even while the loader changes, and they open every draft with the library a user
would, so a regenerated DOCX/PDF/PPTX cannot drift away from the answer key.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EVIDENCE_DIR = ROOT / "evidence"
CONFIG = ROOT / "claimcheck.yaml"

# The review window EXPECTED.md promises; both ends must give the same verdicts.
WINDOW = (date(2025, 7, 1), date(2028, 6, 30))

ID_RE = re.compile(r"^[A-Z0-9._-]+$")
CLAIM_KEYS = {
    "id",
    "text",
    "variants",
    "evidence",
    "status",
    "expires",
    "scope",
    "requires",
    "notes",
    "examples",  # additive (README): the claim's self-tests, run by `claimcheck registry test`
    "footnotes",
}
REQUIRED_KEYS = {
    "id",
    "text",
    "variants",
    "scope",
    "when",
    "placement",
    "in_notes",
    "severity",
    "notes",
}
SCOPE_KEYS = {"products", "audiences", "channels", "markets", "indications"}
PROHIBITED_KEYS = {"id", "phrases", "reason", "severity"}
EVIDENCE_KEYS = {
    "id",
    "citation",
    "type",
    "date",
    "status",
    "population",
    "findings",
    "limitations",
    "file",
}
EVIDENCE_TYPES = {
    "rct",
    "meta-analysis",
    "observational",
    "registry",
    "bench",
    "survey",
    "expert-opinion",
    "label",
}
CONFIG_KEYS = {
    "registry",
    "evidence",
    "rules",
    "include",
    "exclude",
    "audience",
    "channel",
    "market",
    "product",
    "indication",
    "fail_on",
    "disable",
    "severity",
    "overrides",
}
CONTEXT_KEYS = ("audience", "channel", "market", "product", "indication")
VERDICTS = {"supported", "overstated", "unsupported", "prohibited", "expired", "off-scope"}
DRAFTS = (
    "hcp-email.md",
    "patient-web.md",
    "brochure.docx",
    "congress-poster.pdf",
    "field-deck.pptx",
    "newsletter.html",
)
# EXPECTED.md "Where" prefixes for text that is in the file but is not copy.
HIDDEN = ("front matter", "comment", "style", "script")
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*%?")


# --------------------------------------------------------------------------- loading


def _registry() -> dict:
    return yaml.safe_load((EXAMPLES / "claims.yaml").read_text(encoding="utf-8"))


def _evidence_files() -> dict[str, list[dict]]:
    return {
        p.name: yaml.safe_load(p.read_text(encoding="utf-8"))["evidence"]
        for p in sorted(EVIDENCE_DIR.glob("*.yaml"))
    }


def _evidence() -> dict[str, dict]:
    return {r["id"]: r for records in _evidence_files().values() for r in records}


def _config() -> dict:
    return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))


def _claims() -> dict[str, dict]:
    return {c["id"]: c for c in _registry()["claims"]}


def _wordings(claim: dict) -> list[str]:
    return [claim["text"], *claim.get("variants", [])]


def _evidence_text(claim: dict, evidence: dict[str, dict]) -> str:
    """Citation, population and findings of every record a claim cites, as one string."""
    parts = []
    for e in claim["evidence"]:
        record = evidence[e]
        parts += [record["citation"], record.get("population") or ""]
        parts += [f"{f['endpoint']} {f['result']}" for f in record.get("findings", [])]
    return " ".join(parts)


def _expired(claim: dict, as_of: date, evidence: dict[str, dict]) -> bool:
    """FORMATS.md section 5: retired, past `expires`, or no current evidence left."""
    if claim.get("status", "approved") == "retired":
        return True
    if claim.get("expires") and as_of > claim["expires"]:
        return True
    statuses = {evidence[e].get("status", "current") for e in claim["evidence"]}
    return "current" not in statuses


# --------------------------------------------------------------------------- EXPECTED.md

ROW_RE = re.compile(r'^\| (\d+) \| ([^|]+?) \| "([^"]+)" \| ([a-z-]+) \| ([A-Z0-9._-]+|-) \|')
SKIP_RE = re.compile(r'^\| ([^|"]+?) \| "([^"]+)" \|')


def _expected() -> dict[str, dict[str, list]]:
    """Parse EXPECTED.md into {draft: {"claims": [...], "skip": [...]}}."""
    sections: dict[str, dict[str, list]] = {}
    current = None
    for line in (EXAMPLES / "EXPECTED.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## `examples/(.+)`$", line)
        if heading:
            current = sections.setdefault(heading.group(1), {"claims": [], "skip": []})
            continue
        if current is None:
            continue
        row = ROW_RE.match(line)
        if row:
            num, where, sentence, verdict, claim_id = row.groups()
            current["claims"].append(
                {
                    "n": int(num),
                    "where": where,
                    "sentence": sentence,
                    "verdict": verdict,
                    "id": claim_id,
                }
            )
            continue
        skip = SKIP_RE.match(line)
        if skip:
            current["skip"].append({"where": skip.group(1), "text": skip.group(2)})
    return sections


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def _context(draft: str) -> dict:
    """The context a draft is judged in: config, then matching overrides, then front matter."""
    config = _config()
    ctx = {k: config.get(k) for k in CONTEXT_KEYS}
    for override in config.get("overrides", []):
        if fnmatch.fnmatch(f"examples/{draft}", override["files"]):
            ctx.update({k: v for k, v in override.items() if k in CONTEXT_KEYS})
    if draft.endswith(".md"):
        ctx.update(_front_matter(EXAMPLES / draft).get("claimcheck", {}))
    return ctx


def _out_of_scope(claim: dict, ctx: dict) -> list[str]:
    scope = claim.get("scope", {})
    out = []
    for key in CONTEXT_KEYS:
        allowed = scope.get(key + "s")
        if allowed is not None and ctx.get(key) is not None and ctx[key] not in allowed:
            out.append(key)
    return out


# --------------------------------------------------------------------------- draft text


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Visible(HTMLParser):
    """Collect HTML text outside <script>, <style> and <head>, keeping source lines."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.lines: dict[int, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.lines.setdefault(self.getpos()[0], []).append(data)


def _markdown_lines(path: Path) -> dict[int, str]:
    """Source lines of a Markdown draft, front matter and HTML comments blanked out."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 5
    body = "\n" * text[:end].count("\n") + text[end:]
    body = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), body, flags=re.S)
    body = body.replace("**", "")
    return dict(enumerate(body.splitlines(), start=1))


def _html_lines(path: Path) -> dict[int, str]:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    return {n: "".join(parts) for n, parts in parser.lines.items()}


def _docx_units(path: Path) -> dict[str, str]:
    """DOCX text by unit: 'paragraph N' (body paragraphs and cells in order), header, footer."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    units: dict[str, str] = {}
    n = 0
    for element in doc.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n += 1
            units[f"paragraph {n}"] = Paragraph(element, doc).text
        elif tag == "tbl":
            for row in Table(element, doc).rows:
                for cell in row.cells:
                    n += 1
                    units[f"paragraph {n}"] = cell.text
    section = doc.sections[0]
    units["header"] = " ".join(p.text for p in section.header.paragraphs)
    units["footer"] = " ".join(p.text for p in section.footer.paragraphs)
    return units


def _pdf_pages(path: Path) -> dict[str, str]:
    """PDF text by page, with line-end hyphenation undone and lines rejoined."""
    from pypdf import PdfReader

    pages = {}
    for n, page in enumerate(PdfReader(str(path)).pages, start=1):
        text = re.sub(r"-\n(?=[a-z])", "", page.extract_text())
        pages[f"page {n}"] = _squash(text)
    return pages


def _pptx_slides(path: Path) -> dict[str, str]:
    """PPTX text by slide ('slide N', tables included) and notes ('slide N notes')."""
    from pptx import Presentation

    units = {}
    for n, slide in enumerate(Presentation(str(path)).slides, start=1):
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        units[f"slide {n}"] = _squash(" ".join(parts))
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        units[f"slide {n} notes"] = _squash(notes)
    return units


def _units(draft: str, folder: Path = EXAMPLES) -> dict[str, str]:
    """A draft's visible text keyed by the location labels EXPECTED.md uses."""
    path = folder / draft
    if draft.endswith(".md"):
        return {f"line {n}": t for n, t in _markdown_lines(path).items()}
    if draft.endswith(".html"):
        return {f"line {n}": t for n, t in _html_lines(path).items()}
    if draft.endswith(".docx"):
        return _docx_units(path)
    if draft.endswith(".pdf"):
        return _pdf_pages(path)
    return _pptx_slides(path)


# --------------------------------------------------------------------------- registry tests


def test_registry_matches_the_formats_shape():
    registry = _registry()
    assert registry["version"] == 1
    assert set(registry) <= {"version", "claims", "prohibited", "required"}
    evidence = _evidence()
    for claim in registry["claims"]:
        where = claim.get("id", "?")
        assert set(claim) <= CLAIM_KEYS, f"{where}: unknown keys {set(claim) - CLAIM_KEYS}"
        assert ID_RE.match(claim["id"]), where
        assert isinstance(claim["text"], str) and claim["text"].strip(), where
        assert all(isinstance(v, str) and v.strip() for v in claim.get("variants", [])), where
        assert claim.get("status", "approved") in {"approved", "retired", "draft"}, where
        if claim.get("status", "approved") == "approved":
            assert claim["evidence"], f"{where}: approved claims need evidence"
        missing = [e for e in claim.get("evidence", []) if e not in evidence]
        assert not missing, f"{where}: cites unknown evidence {missing}"
        if "expires" in claim:
            assert isinstance(claim["expires"], date), f"{where}: expires is not a date"
        scope = claim.get("scope", {})
        assert set(scope) <= SCOPE_KEYS, where
        assert all(
            isinstance(v, list) and all(isinstance(s, str) for s in v) for v in scope.values()
        ), where
        for phrase in claim.get("requires", []):
            for wording in _wordings(claim):
                assert phrase.lower() in wording.lower(), (
                    f"{where}: approved wording lacks its own required qualifier {phrase!r}"
                )
    for entry in registry.get("required", []):
        assert set(entry) <= REQUIRED_KEYS, entry["id"]
        assert ID_RE.match(entry["id"]) and entry["text"].strip()
        assert set(entry.get("scope", {})) <= SCOPE_KEYS, entry["id"]
        assert entry.get("when", "claims") in {"claims", "always"}
        assert entry.get("placement", "document") in {"document", "page", "slide"}
        assert not entry.get("in_notes") or entry["placement"] in {"page", "slide"}
    for entry in registry["prohibited"]:
        assert set(entry) <= PROHIBITED_KEYS, entry["id"]
        assert ID_RE.match(entry["id"])
        assert entry["phrases"] and all(isinstance(p, str) for p in entry["phrases"])
        assert entry["reason"].strip()
        assert entry.get("severity", "error") in {"error", "warning", "info"}


def test_ids_are_unique():
    registry = _registry()
    ids = [c["id"] for c in registry["claims"]] + [p["id"] for p in registry["prohibited"]]
    assert len(ids) == len(set(ids))
    evidence_ids = [r["id"] for records in _evidence_files().values() for r in records]
    assert len(evidence_ids) == len(set(evidence_ids))


def test_evidence_matches_the_formats_shape():
    files = _evidence_files()
    assert set(files) == {"arcguide.yaml", "flexiseal.yaml"}
    for records in files.values():
        for record in records:
            where = record.get("id", "?")
            assert set(record) <= EVIDENCE_KEYS, (
                f"{where}: unknown keys {set(record) - EVIDENCE_KEYS}"
            )
            assert ID_RE.match(record["id"]) and record["citation"].strip(), where
            assert record["type"] in EVIDENCE_TYPES, where
            assert isinstance(record["date"], date), f"{where}: date is not a date"
            assert record.get("status", "current") in {"current", "superseded", "withdrawn"}, where
            for finding in record.get("findings", []):
                assert set(finding) == {"endpoint", "result"}, where


def test_every_number_in_an_approved_wording_is_in_its_evidence():
    evidence = _evidence()
    for claim in _registry()["claims"]:
        known = set(NUMBER_RE.findall(_evidence_text(claim, evidence)))
        for wording in _wordings(claim):
            stray = [n for n in NUMBER_RE.findall(wording) if n not in known]
            assert not stray, f"{claim['id']}: {stray} not in its evidence"


def test_registry_covers_every_scenario_the_demo_needs():
    claims = _claims()
    evidence = _evidence()
    types = {c: {evidence[e]["type"] for e in claims[c]["evidence"]} for c in claims}
    assert claims["ARC-BLOODLOSS"]["status"] == "retired"
    for as_of in WINDOW:
        expired = {c for c in claims if _expired(claims[c], as_of, evidence)}
        assert expired == {
            "ARC-BLOODLOSS",
            "ARC-SURGEON-SURVEY",
            "ARC-LEARNING",
            "ARC-SATISFACTION",
        }
    assert {evidence[e]["status"] for e in claims["ARC-LEARNING"]["evidence"]} == {"superseded"}
    assert {evidence[e]["status"] for e in claims["ARC-SATISFACTION"]["evidence"]} == {"withdrawn"}
    assert types["ARC-BENCH-ACCURACY"] == {"bench"}
    assert types["ARC-REVISION"] == {"registry"}
    assert "associated with" in claims["ARC-REVISION"]["text"]
    assert re.search(r"\bcan\b.*\bup to\b", claims["ARC-OUTLIERS"]["text"])
    assert claims["ARC-ALIGN"]["scope"]["audiences"] == ["hcp"]
    assert claims["ARC-FDA-CLEARANCE"]["scope"]["markets"] == ["US"]
    prohibited = {p["id"]: p["phrases"] for p in _registry()["prohibited"]}
    assert "recover faster" in prohibited["NO-RECOVERY"]
    assert "pain-free" in prohibited["NO-PAINFREE"]
    assert "FDA approved" in prohibited["NO-FDA-APPROVED"]
    products = {p for c in claims.values() for p in c["scope"].get("products", [])}
    assert products == {"arcguide", "flexiseal"}
    # required statements: an ISI per audience, a same-slide rule for the deck, one footnote
    required = {r["id"]: r for r in _registry()["required"]}
    assert required["REQ-ARC-ISI-PATIENT"]["scope"]["audiences"] == ["patient"]
    assert required["REQ-ARC-FIELD-IFU"]["placement"] == "slide"
    assert [c for c in claims if claims[c].get("footnotes")] == ["ARC-BENCH-ACCURACY"]


def test_root_config_uses_only_documented_keys_and_points_at_the_demo():
    config = _config()
    assert set(config) <= CONFIG_KEYS
    assert (ROOT / config["registry"]).is_file()
    assert (ROOT / config["evidence"]).is_dir()
    assert config["fail_on"] == "error"
    for override in config["overrides"]:
        assert set(override) <= CONFIG_KEYS | {"files"}
        assert (ROOT / override["files"]).is_file(), override["files"]
    for draft in DRAFTS:
        ctx = _context(draft)
        assert ctx["audience"] and ctx["channel"] and ctx["market"], f"{draft} has no context"
        included = any(fnmatch.fnmatch(f"examples/{draft}", g) for g in config["include"])
        assert included, draft
    assert any(fnmatch.fnmatch("examples/EXPECTED.md", g) for g in config["exclude"])


# --------------------------------------------------------------------------- EXPECTED.md tests


def test_expected_lists_every_draft_and_every_verdict_twice():
    expected = _expected()
    assert set(expected) == set(DRAFTS)
    rows = [r for section in expected.values() for r in section["claims"]]
    counts = {v: sum(r["verdict"] == v for r in rows) for v in VERDICTS}
    assert all(n >= 2 for n in counts.values()), counts
    text = (EXAMPLES / "EXPECTED.md").read_text(encoding="utf-8")
    totals = re.search(r"Totals: (\d+) claim sentences: (.*?)\.", text, re.S)
    assert totals and int(totals.group(1)) == len(rows)
    for count, verdict in re.findall(r"(\d+) ([a-z-]+)", totals.group(2)):
        assert counts[verdict] == int(count), verdict
    for section in expected.values():
        assert [r["n"] for r in section["claims"]] == list(range(1, len(section["claims"]) + 1))


@pytest.mark.parametrize("draft", DRAFTS)
def test_expected_verdicts_follow_from_the_registry(draft):
    """Each intended verdict is what the registry, evidence and context imply."""
    claims = _claims()
    evidence = _evidence()
    prohibited = {p["id"]: p["phrases"] for p in _registry()["prohibited"]}
    ctx = _context(draft)
    for row in _expected()[draft]["claims"]:
        sentence, verdict, claim_id = row["sentence"], row["verdict"], row["id"]
        hits = [p for ps in prohibited.values() for p in ps if p.lower() in sentence.lower()]
        label = f"{draft} #{row['n']}"
        if verdict == "prohibited":
            assert claim_id in prohibited, label
            assert any(p.lower() in sentence.lower() for p in prohibited[claim_id]), label
            continue
        assert not hits, f"{label} contains prohibited {hits}"
        if verdict == "unsupported":
            assert claim_id == "-", label
            continue
        claim = claims[claim_id]
        expired = [_expired(claim, as_of, evidence) for as_of in WINDOW]
        if verdict == "expired":
            assert all(expired), label
            continue
        assert not any(expired), label
        if verdict == "off-scope":
            assert _out_of_scope(claim, ctx), label
            continue
        assert not _out_of_scope(claim, ctx), f"{label}: {_out_of_scope(claim, ctx)}"
        if verdict == "supported":
            for phrase in claim.get("requires", []):
                assert phrase.lower() in sentence.lower(), f"{label} lacks {phrase!r}"
            known = set(NUMBER_RE.findall(_evidence_text(claim, evidence)))
            stray = [n for n in NUMBER_RE.findall(sentence) if n not in known]
            assert not stray, f"{label}: {stray} not in the evidence of {claim_id}"


@pytest.mark.parametrize("draft", DRAFTS)
def test_drafts_say_what_expected_quotes_where_it_says(draft):
    """Every quoted sentence is in the draft's visible text at the location EXPECTED gives."""
    units = _units(draft)
    everything = _squash(" ".join(units.values()))
    section = _expected()[draft]
    for row in section["claims"]:
        assert _squash(row["sentence"]) in _squash(units.get(row["where"], "")), (
            f"{draft}: {row['sentence']!r} not at {row['where']}"
        )
    raw = (EXAMPLES / draft).read_text(encoding="utf-8") if draft.endswith((".md", ".html")) else ""
    for row in section["skip"]:
        text, where = row["text"], row["where"]
        if where.startswith(HIDDEN):
            # Claim-like text that is not copy: in the file, but never in what is checked.
            assert text in raw and text not in everything, f"{draft}: {text!r} ({where})"
        elif where in units:
            assert text in _squash(units[where]), f"{draft}: {text!r} not at {where}"
        else:
            assert text in everything, f"{draft}: {text!r}"


def test_expected_shows_hidden_text_being_ignored():
    hidden = [r for s in _expected().values() for r in s["skip"] if r["where"].startswith(HIDDEN)]
    assert {r["where"].split()[0].rstrip(",") for r in hidden} == {
        "front",
        "comment",
        "style",
        "script",
    }


def test_poster_wraps_and_hyphenates_as_promised():
    from pypdf import PdfReader

    reader = PdfReader(str(EXAMPLES / "congress-poster.pdf"))
    assert len(reader.pages) == 2
    raw = reader.pages[0].extract_text()
    assert "conventional instru-\nmentation." in raw
    assert "89 minutes with\nconventional instrumentation (p=0.003)." in raw
    assert raw.splitlines()[0] == "Imageless navigation in primary total knee arthroplasty"


def test_deck_has_a_table_and_speaker_notes():
    from pptx import Presentation

    slides = list(Presentation(str(EXAMPLES / "field-deck.pptx")).slides)
    assert len(slides) == 5  # the fifth is the Important Safety Information
    assert any(shape.has_table for shape in slides[2].shapes)
    assert "recover faster" in slides[1].notes_slide.notes_text_frame.text


# --------------------------------------------------------------------------- generator


def test_generator_rebuilds_the_committed_drafts(tmp_path):
    spec = importlib.util.spec_from_file_location("build_examples", EXAMPLES / "build_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build_all(tmp_path)
    assert sorted(p.name for p in built) == [
        "brochure.docx",
        "congress-poster.pdf",
        "field-deck.pptx",
    ]
    for path in built:
        assert _units(path.name, tmp_path) == _units(path.name), (
            f"{path.name} is stale: rerun the script"
        )
    from docx import Document

    props = Document(str(tmp_path / "brochure.docx")).core_properties
    assert props.created.date() == date(2026, 1, 15)
