"""Fingerprints, baselines and waivers: what lets a content repository adopt claimcheck in CI."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from claimcheck.baseline import apply_baseline, load_baseline, write_baseline
from claimcheck.config import Waiver
from claimcheck.errors import InputError
from claimcheck.fingerprint import assign_fingerprints, fingerprint, normalise
from claimcheck.model import (
    Block,
    ClaimResult,
    Context,
    DocumentResult,
    Finding,
    Location,
    Registry,
    Report,
    Sentence,
    Suppression,
)
from claimcheck.waivers import apply_waivers

AS_OF = date(2026, 2, 15)


# --------------------------------------------------------------------------- builders


def finding(rule="CC201", name="intensifier", severity="error") -> Finding:
    return Finding(
        rule=rule, name=name, severity=severity, verdict="overstated", message=f"{name} problem"
    )


def claim(text, *findings, line=1, block=0, start=0) -> ClaimResult:
    loc = Location(line=line, start=start, end=start + len(text))
    return ClaimResult(
        sentence=Sentence(text=text, block=block, location=loc),
        verdict="overstated",
        findings=tuple(findings),
    )


def document(path, *claims, findings=()) -> DocumentResult:
    result = DocumentResult(
        path=path,
        format="markdown",
        sha256="0" * 64,
        context=Context(as_of=AS_OF),
        claims=tuple(claims),
        findings=tuple(findings),
    )
    return assign_fingerprints(result)


def report(*docs) -> Report:
    return Report(version="0.1.0", as_of=AS_OF, registry=Registry(), documents=tuple(docs))


def all_findings(rep: Report) -> list[Finding]:
    return [f for d in rep.documents for c in d.claims for f in c.findings] + [
        f for d in rep.documents for f in d.findings
    ]


# --------------------------------------------------------------------------- fingerprints


def test_fingerprint_survives_lines_inserted_above():
    text = "ArcGuide dramatically cuts operative time."
    before = document("docs/a.md", claim(text, finding(), line=3, start=0))
    after = document(
        "docs/a.md", claim("New intro.", line=1), claim(text, finding(), line=10, block=4, start=11)
    )
    fp_before = before.claims[0].findings[0].fingerprint
    assert fp_before and fp_before == after.claims[1].findings[0].fingerprint


def test_fingerprint_ignores_case_spacing_and_edge_punctuation_only():
    base = fingerprint("docs/a.md", "CC201", "ArcGuide dramatically cuts time.")
    assert fingerprint("./docs/a.md", "CC201", "  arcguide   DRAMATICALLY\ncuts time ") == base
    assert fingerprint("docs\\a.md", "CC201", "“ArcGuide dramatically cuts time”") == base
    assert fingerprint("docs/a.md", "CC201", "ArcGuide dramatically cuts cost.") != base
    assert fingerprint("docs/b.md", "CC201", "ArcGuide dramatically cuts time.") != base
    assert fingerprint("docs/a.md", "CC203", "ArcGuide dramatically cuts time.") != base
    assert 16 <= len(base) <= 24 and int(base, 16) >= 0
    assert normalise("¡Hello,  World!") == "hello, world"


def test_repeated_sentences_get_distinct_fingerprints():
    doc = document(
        "a.md",
        claim("Best in class.", finding(), line=1),
        claim("Best in class.", finding(), line=9),
    )
    fps = [c.findings[0].fingerprint for c in doc.claims]
    assert fps[0] != fps[1]
    assert fps[0] == fingerprint("a.md", "CC201", "Best in class.", 0)
    assert fps[1] == fingerprint("a.md", "CC201", "Best in class.", 1)


def test_document_findings_get_fingerprints():
    doc = document("a.md", findings=(finding("CC401", "missing-safety-information"),))
    assert doc.findings[0].fingerprint == fingerprint("a.md", "CC401", "", 0)


# --------------------------------------------------------------------------- baselines


def two_docs(extra=()) -> Report:
    a = document(
        "docs/a.md",
        claim(
            "ArcGuide dramatically cuts operative time.",
            finding(),
            finding("CC204", "superlative"),
            line=3,
        ),
        claim("ArcGuide is the best system.", finding("CC204", "superlative"), line=7),
        *extra,
    )
    b = document(
        "docs/b.md", claim("Patients recover faster.", finding("CC102", "prohibited-claim"), line=2)
    )
    return report(a, b)


def test_baseline_round_trip_reports_nothing_new(tmp_path: Path):
    rep = two_docs()
    path = tmp_path / "baseline.json"
    assert write_baseline(rep, path) == 4
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["tool"]["name"] == "claimcheck"
    keys = [(r["path"], r["rule"], r["sentence"]) for r in data["findings"]]
    assert keys == sorted(keys)
    assert set(data["findings"][0]) == {"fingerprint", "rule", "path", "sentence"}

    out, stats = apply_baseline(rep, load_baseline(path))
    assert (stats.new, stats.baselined, stats.fixed) == (0, 4, 0)
    assert all_findings(out) == []
    assert out.baseline == {"new": 0, "baselined": 4, "fixed": 0}
    # verdicts are kept: the claims are still overstated, only the known findings are set aside
    assert [c.verdict for c in out.documents[0].claims] == ["overstated", "overstated"]


def test_baseline_is_stable(tmp_path: Path):
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    write_baseline(two_docs(), first)
    shuffled = report(*reversed(two_docs().documents))
    write_baseline(shuffled, second)
    assert first.read_bytes() == second.read_bytes()


def test_new_finding_is_reported_and_fixed_one_counted(tmp_path: Path):
    path = tmp_path / "baseline.json"
    write_baseline(two_docs(), path)
    baseline = load_baseline(path)

    added = two_docs(
        extra=(claim("ArcGuide always works.", finding("CC203", "absolute"), line=12),)
    )
    out, stats = apply_baseline(added, baseline)
    assert (stats.new, stats.baselined, stats.fixed) == (1, 4, 0)
    assert [f.rule for f in all_findings(out)] == ["CC203"]

    rep = two_docs()
    a = rep.documents[0]
    fixed_doc = replace(a, claims=a.claims[:1])  # the "best system" sentence was rewritten
    out, stats = apply_baseline(replace(rep, documents=(fixed_doc, rep.documents[1])), baseline)
    assert (stats.new, stats.baselined, stats.fixed) == (0, 3, 1)


def test_documents_outside_the_run_are_not_counted_as_fixed(tmp_path: Path):
    path = tmp_path / "baseline.json"
    write_baseline(two_docs(), path)
    only_b = report(two_docs().documents[1])  # e.g. --changed-since touched b.md only
    _, stats = apply_baseline(only_b, load_baseline(path))
    assert (stats.new, stats.baselined, stats.fixed) == (0, 1, 0)


def test_waived_findings_stay_out_of_baselines(tmp_path: Path):
    rep = two_docs()
    a = rep.documents[0]
    c0 = a.claims[0]
    waived = replace(
        c0, findings=(replace(c0.findings[0], waived="ok", waived_by="config"), c0.findings[1])
    )
    rep = replace(rep, documents=(replace(a, claims=(waived, *a.claims[1:])), rep.documents[1]))
    path = tmp_path / "b.json"
    assert write_baseline(rep, path) == 3
    out, stats = apply_baseline(rep, load_baseline(path))
    assert [f.waived for f in all_findings(out)] == ["ok"]  # still shown, as waived
    assert (stats.new, stats.baselined) == (0, 3)


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        (None, "baseline file not found"),
        ("{not json", "not valid JSON"),
        ('{"version": 7, "findings": []}', "not a claimcheck baseline"),
        ('{"version": 1, "findings": [{"rule": "CC201"}]}', "findings[0] needs a 'fingerprint'"),
    ],
)
def test_bad_baseline_files_name_the_file(tmp_path: Path, content, expect):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_baseline(path)
    assert expect in str(err.value)
    assert str(path) in str(err.value)


# --------------------------------------------------------------------------- waivers


SENTENCE = "ArcGuide dramatically cuts operative time."


def one_claim() -> DocumentResult:
    return document(
        "docs/a.md",
        claim(SENTENCE, finding(), finding("CC204", "superlative"), line=3),
        claim("Another dramatically better claim.", finding(), line=5, start=44),
    )


def test_sentence_waiver_matches_normalised_text_and_rule():
    waiver = Waiver(
        rule="CC201",
        sentence="  arcguide DRAMATICALLY cuts operative time ",
        reason="approved by MLR",
        approver="j.doe",
        expires=date(2026, 12, 31),
    )
    result, notices = apply_waivers(one_claim(), [], [waiver], AS_OF)
    first, second = result.claims
    assert first.findings[0].waived == "approved by MLR (approved by j.doe)"
    assert first.findings[0].waived_by == "config"
    assert first.findings[1].waived is None  # CC204 is another rule
    assert second.findings[0].waived is None  # another sentence
    assert notices == []


def test_expired_waiver_stops_suppressing_and_says_so():
    waiver = Waiver(
        rule="CC201", sentence=SENTENCE, reason="launch exception", expires=date(2026, 1, 31)
    )
    result, notices = apply_waivers(one_claim(), [], [waiver], AS_OF)
    assert result.claims[0].findings[0].waived is None
    assert notices == [
        "docs/a.md: waiver for CC201 on 'ArcGuide dramatically cuts operative time.' expired "
        "2026-01-31; no longer suppressing"
    ]
    # on its expiry date a waiver still holds
    result, notices = apply_waivers(one_claim(), [], [waiver], date(2026, 1, 31))
    assert result.claims[0].findings[0].waived == "launch exception" and notices == []


def test_fingerprint_and_file_waivers():
    doc = one_claim()
    fp = doc.claims[1].findings[0].fingerprint
    result, _ = apply_waivers(doc, [], [Waiver(fingerprint=fp, reason="fine")], AS_OF)
    assert [f.waived for c in result.claims for f in c.findings] == [None, None, "fine"]
    result, _ = apply_waivers(
        doc, [], [Waiver(rule="superlative", file="docs/**", reason="legacy")], AS_OF
    )
    assert [f.waived for c in result.claims for f in c.findings] == [None, "legacy", None]
    result, _ = apply_waivers(doc, [], [Waiver(rule="CC204", file="other/*.md", reason="x")], AS_OF)
    assert all(f.waived is None for c in result.claims for f in c.findings)


def test_inline_suppression_waives_named_rules_of_the_first_sentence_only():
    block = Block(
        text=f"{SENTENCE} Another dramatically better claim.",
        line=3,
        suppressions=(Suppression(rules=("CC201",), reason="quoted from the label", line=2),),
    )
    result, _ = apply_waivers(one_claim(), [block], [], AS_OF)
    first, second = result.claims
    assert first.findings[0].waived == "quoted from the label"
    assert first.findings[0].waived_by == "inline"
    assert first.findings[1].waived is None  # CC204 not named
    assert second.findings[0].waived is None  # not the block's first sentence


def test_inline_suppression_without_rules_waives_every_rule():
    block = Block(text=SENTENCE, suppressions=(Suppression(rules=(), reason="legal ok"),))
    doc = document("a.md", claim(SENTENCE, finding(), finding("CC204", "superlative")))
    result, _ = apply_waivers(doc, [block], [], AS_OF)
    assert [f.waived for f in result.claims[0].findings] == ["legal ok", "legal ok"]


def test_inline_directive_in_a_real_markdown_file(tmp_path: Path):
    from claimcheck.load import read
    from claimcheck.segment import segment

    path = tmp_path / "brochure.md"
    path.write_text(
        "# ArcGuide\n\n"
        '<!-- claimcheck: ignore CC201 reason="quoted from the IFU" -->\n'
        "ArcGuide dramatically cuts operative time. It dramatically improves alignment.\n\n"
        "ArcGuide dramatically reduces blood loss.\n",
        encoding="utf-8",
    )
    doc = read(path, "brochure.md")
    sentences = [s for s in segment(doc) if s.kind != "heading"]
    assert len(sentences) == 3
    result = document(
        "brochure.md",
        *(ClaimResult(sentence=s, verdict="overstated", findings=(finding(),)) for s in sentences),
    )
    result, _ = apply_waivers(result, doc.blocks, [], AS_OF)
    assert [c.findings[0].waived for c in result.claims] == ["quoted from the IFU", None, None]


def test_config_waiver_records_work_unchanged():

    waiver = Waiver(
        reason="label wording", rule="intensifier", sentence=SENTENCE.upper(), file="a.md"
    )
    # a pattern without '/' matches the file name at any depth, as in the config's other globs
    result, _ = apply_waivers(one_claim(), [], [waiver], AS_OF, root=Path.cwd())
    assert [f.waived for c in result.claims for f in c.findings] == ["label wording", None, None]


def test_fresh_findings_are_stamped_in_place_with_the_same_fingerprints():
    """The pipeline stamps the findings it has just built without copying them: the same
    fingerprints as the copying path, repeats told apart, on the same objects."""
    text = "ArcGuide dramatically cuts operative time."

    def build() -> DocumentResult:
        return DocumentResult(
            path="./docs\\a.md",
            format="markdown",
            sha256="0" * 64,
            context=Context(as_of=AS_OF),
            claims=(claim(text, finding()), claim(text, finding(), line=4), claim("Plain.")),
            findings=(finding(),),
        )

    copied = assign_fingerprints(build())
    fresh = build()
    kept = [f for c in fresh.claims for f in c.findings] + list(fresh.findings)
    stamped = assign_fingerprints(fresh, fresh=True)
    assert stamped is fresh and [f for c in stamped.claims for f in c.findings] == kept[:2]
    assert all(a is b for a, b in zip(kept, all_findings(report(stamped)), strict=True))
    assert [f.fingerprint for f in all_findings(report(stamped))] == [
        f.fingerprint for f in all_findings(report(copied))
    ]
    first, second = (c.findings[0].fingerprint for c in stamped.claims[:2])
    assert first != second and first == fingerprint("docs/a.md", "CC201", text, 0)
