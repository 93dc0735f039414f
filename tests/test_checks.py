"""Checks and judge, end to end: sentence_of -> detect.analyse -> Matcher -> judge.

Per-check cases are data (tests/cases/checks.yaml); the meta-tests require every check in
CHECKS to be documented and to have a firing and a passing case.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from claimcheck.checks import CHECKS, DOCUMENT_CHECKS
from claimcheck.checks.judge import explain, judge, rule_docs
from claimcheck.checks.packs import load_packs
from claimcheck.errors import ConfigError, UsageError
from claimcheck.model import Context, RuleSettings

CASES_FILE = Path(__file__).parent / "cases" / "checks.yaml"
DATA = yaml.safe_load(CASES_FILE.read_text("utf-8"))
CASES = DATA["cases"]
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    from claimcheck.registry.load import load_registry

    path = tmp_path_factory.mktemp("registry") / "claims.yaml"
    path.write_text(DATA["registry"], "utf-8")
    return load_registry([path])


@pytest.fixture(scope="module")
def matcher(registry):
    from claimcheck.registry.match import Matcher

    return Matcher(registry)


def run(text, registry, matcher, context=None, settings=None):
    """Judge one draft sentence the way the pipeline does."""
    from claimcheck.detect import analyse
    from claimcheck.segment import sentence_of

    values = {**DATA["defaults"]["context"], **(context or {})}
    ctx = Context(**values)
    settings = settings or {}
    rule_settings = RuleSettings(
        disabled=frozenset(settings.get("disable", ())),
        severity=dict(settings.get("severity", {})),
        packs=tuple(settings.get("packs", ())),
    )
    claim = analyse(sentence_of(text))
    return judge(claim, matcher.match(claim), registry, ctx, rule_settings)


def _case_id(case):
    return f"{case['check']}-{case['expect']['verdict']}-{case['text'][:40]}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_case(case, registry, matcher):
    result = run(case["text"], registry, matcher, case.get("context"), case.get("settings"))
    expect = case["expect"]
    got = sorted({f.rule for f in result.findings})
    detail = [f"{f.rule} {f.message}" for f in result.findings]
    assert got == sorted(expect["rules"]), detail
    assert result.verdict == expect["verdict"], detail
    if "claim" in expect:
        assert result.claim_id == expect["claim"]
    if "message" in expect:
        assert any(expect["message"] in f.message for f in result.findings), detail
    if "span" in expect:
        quoted = [result.sentence.text[f.span[0] : f.span[1]] for f in result.findings if f.span]
        assert expect["span"] in quoted, quoted
    for code, level in expect.get("severities", {}).items():
        assert [f.severity for f in result.findings if f.rule == code] == [level]


def test_every_check_is_documented():
    for code, module in CHECKS.items():
        doc = module.__doc__ or ""
        missing = [s for s in SECTIONS if s not in doc]
        assert not missing, f"{code} docstring lacks {missing}"
        assert code == module.CODE and module.NAME and module.VERDICT
        assert doc.strip().splitlines()[0].endswith(".")


def test_every_check_has_a_firing_and_a_passing_case():
    for code in CHECKS:
        mine = [c for c in CASES if c["check"] == code]
        family = code[:4] if code == "CC250" else code  # red flags fire as CC251...
        fires = [c for c in mine if any(r.startswith(family) for r in c["expect"]["rules"])]
        passes = [c for c in mine if not any(r.startswith(family) for r in c["expect"]["rules"])]
        assert fires, f"{code} has no firing case in {CASES_FILE.name}"
        assert passes, f"{code} has no passing case in {CASES_FILE.name}"


def test_verdict_precedence_prohibited_beats_overstated(registry, matcher):
    result = run(
        "ArcGuide dramatically cuts operative time by 25% and patients recover faster.",
        registry,
        matcher,
    )
    assert result.verdict == "prohibited"
    rules = [f.rule for f in result.findings]
    assert rules[0] == "CC102" and {"CC201", "CC206"} <= set(rules)  # deciding finding first
    # the result names the prohibited entry, not the approved claim the sentence came near
    assert (result.claim_id, result.evidence) == ("NO-RECOVERY", ())


def test_overstated_finding_carries_suggestion_and_evidence(registry, matcher):
    result = run(
        "ArcGuide dramatically reduced mean operative time by 12% compared with "
        "conventional instrumentation.",
        registry,
        matcher,
    )
    (finding,) = result.findings
    assert finding.suggestion == registry.claim("ARC-OPTIME").text
    assert finding.evidence == ("EV-ARC-RCT-2024",)
    assert result.evidence == ("EV-ARC-RCT-2024",) and result.score > 0.9
    assert result.wording == registry.claim("ARC-OPTIME").text


def test_unsupported_names_the_nearest_claim(registry, matcher):
    result = run("Implant alignment is key to implant survival.", registry, matcher)
    assert (result.verdict, result.claim_id) == ("unsupported", None)
    (finding,) = result.findings
    assert "nearest is ARC-ALIGN" in finding.message
    assert finding.suggestion == registry.claim("ARC-ALIGN").text


def test_unsupported_without_a_near_claim_has_no_suggestion(registry, matcher):
    result = run("Our hospital opened a new knee clinic in Leeds.", registry, matcher)
    messages = {f.rule: f for f in result.findings}
    assert messages["CC101"].message == "no approved claim supports this"
    assert messages["CC101"].suggestion is None


def test_rule_docs_cover_checks_and_red_flags():
    docs = {d["code"]: d for d in rule_docs()}
    expected = (set(CHECKS) - {"CC250"}) | {f"CC25{i}" for i in range(1, 8)} | set(DOCUMENT_CHECKS)
    assert set(docs) == expected
    for d in docs.values():
        assert all(s in d["doc"] for s in SECTIONS), d["code"]
        assert d["default_severity"] in ("error", "warning")
    assert docs["CC257"]["default_severity"] == "warning"
    assert docs["CC404"]["default_severity"] == "warning"
    assert docs["CC401"]["default_severity"] == "error"
    assert docs["CC202"]["verdict"] == "overstated"


def test_explain_by_code_and_name():
    assert explain("CC202").startswith("Flag a claim that drops a qualifier")
    assert explain("dropped-qualifier") == explain("cc202")
    assert "## Why is this bad?" in explain("CC252")
    with pytest.raises(UsageError, match="unknown rule 'CC999'"):
        explain("CC999")


def test_user_pack_rule_fires(tmp_path, registry, matcher):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "version: 1\nrules:\n"
        "  - code: ACME01\n    name: painless\n"
        "    message: \"'{text}' is banned house style ({claim})\"\n"
        "    why: Surgery is never painless.\n    patterns: [painless, pain-free]\n"
        "    severity: warning\n",
        "utf-8",
    )
    result = run(
        "ArcGuide makes surgery painless.", registry, matcher, settings={"packs": [str(pack)]}
    )
    (finding,) = [f for f in result.findings if f.rule == "ACME01"]
    assert finding.severity == "warning" and finding.name == "painless"
    assert finding.message == "'painless' is banned house style (no approved claim)"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("version: 1\nrules:\n  - code: CC260\n    nam: x\n", 4, "unknown key 'nam' in rule CC260"),
        (
            "rules:\n  - code: CC260\n    name: x\n    message: m\n    why: w\n"
            "    patterns: [a]\n    severity: loud\n",
            7,
            "bad severity 'loud'",
        ),
        (
            "rules:\n  - code: CC260\n    name: x\n    message: '{oops}'\n    why: w\n"
            "    patterns: [a]\n",
            4,
            "unknown field {oops}",
        ),
        (
            "rules:\n  - code: CC251\n    name: again\n    message: m\n    why: w\n"
            "    patterns: [a]\n",
            2,
            "rule 'CC251' is already defined",
        ),
        (
            "rules:\n  - code: CC260\n    name: x\n    message: m\n    why: w\n"
            "    patterns: [a]\n    except: a b\n",
            7,
            "'except' of rule CC260 must be a list of text",
        ),
    ],
)
def test_bad_pack_names_file_and_line(tmp_path, body, line, message):
    pack = tmp_path / "bad.yaml"
    pack.write_text(body, "utf-8")
    with pytest.raises(ConfigError) as info:
        load_packs([pack])
    err = info.value
    assert message in err.message
    assert (err.path, err.line) == (str(pack), line)


def test_expired_uses_review_date(registry, matcher):
    text = "OrthoNav improves registration accuracy in cadaver knees."
    before = run(text, registry, matcher, {"as_of": dt.date(2023, 12, 31)})
    after = run(text, registry, matcher, {"as_of": dt.date(2024, 1, 2)})
    assert (before.verdict, after.verdict) == ("supported", "expired")
