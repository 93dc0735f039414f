"""Loading, validating and auditing the claim registry and the evidence library."""

from __future__ import annotations

import hashlib
import textwrap
from datetime import date
from pathlib import Path

import pytest

from claimcheck.errors import RegistryError
from claimcheck.registry.load import load_registry
from claimcheck.registry.validate import Problem, audit_registry, normalise

EVIDENCE = """\
evidence:
  - id: EV-1
    citation: "Lee M, et al. J Arthroplasty. 2024;39(2):210-218."
    type: rct
    date: 2024-02-01
    population: 212 patients
    findings:
      - endpoint: mean operative time
        result: 78 vs 89 minutes (-12%), p=0.003
    limitations: Single country.
  - id: EV-2
    citation: Old study.
    status: superseded
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load(tmp_path: Path, claims: str, evidence: str = EVIDENCE):
    reg = write(tmp_path, "claims.yaml", claims)
    ev = write(tmp_path, "evidence.yaml", evidence)
    return load_registry([reg], [ev], display=lambda p: p.name)


# Each case: registry text -> the exact "file:line: message" prefix the user sees.
ERRORS = [
    (  # the house-style example
        """\
        claims:
          - id: ARC-OPTIME
            text: ArcGuide reduced operative time.
            evidance: [EV-1]
        """,
        "claims.yaml:4: unknown key 'evidance' in claim ARC-OPTIME (did you mean 'evidence'?)",
    ),
    ("clams: []\n", "claims.yaml:1: unknown key 'clams' in the top level"),
    ("version: 2\nclaims: []\n", "claims.yaml:1: unsupported version 2"),
    ("claims: {id: X}\n", "claims.yaml:1: 'claims' must be a list of entries, not a mapping"),
    ("claims:\n  - just text\n", "claims.yaml:2: 'claims' entry 1 must be a mapping"),
    ("claims:\n  - text: Hi.\n    evidence: [EV-1]\n", "claims.yaml:2: claim without 'id'"),
    (
        "claims:\n  - id: arc-1\n    text: Hi.\n    evidence: [EV-1]\n",
        "claims.yaml:2: invalid claim id 'arc-1'",
    ),
    ("claims:\n  - id: A\n    evidence: [EV-1]\n", "claims.yaml:2: missing required key 'text'"),
    (
        "claims:\n  - id: A\n    text: '  '\n    evidence: [EV-1]\n",
        "claims.yaml:3: 'text' in claim A is empty",
    ),
    (
        "claims:\n  - id: A\n    text: [a, b]\n    evidence: [EV-1]\n",
        "claims.yaml:3: 'text' in claim A must be a string, not a list",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n",
        "claims.yaml:2: approved claim A needs 'evidence'",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: []\n",
        "claims.yaml:4: approved claim A needs 'evidence'",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence:\n      - EV-1\n      - 7\n",
        "claims.yaml:6: 'evidence' in claim A: item 2 must be a string, not the number 7",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n    status: aproved\n",
        "claims.yaml:5: 'status' in claim A must be one of approved, retired, draft, not 'aproved'",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n    expires: 2027-13-01\n",
        "claims.yaml:5: 'expires' in claim A is not a valid date: '2027-13-01'",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n    expires: next year\n",
        "claims.yaml:5: 'expires' in claim A is not a valid date: 'next year'",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n    scope: [hcp]\n",
        "claims.yaml:5: 'scope' in claim A must be a mapping",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n    scope:\n      audience: [hcp]\n",
        "claims.yaml:6: unknown key 'audience' in scope of claim A (did you mean 'audiences'?)",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n    scope:\n      markets: [NO]\n",
        "claims.yaml:6: 'markets' in scope of claim A: item 1 must be a string, not the boolean false",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n    notes: [a]\n",
        "claims.yaml:5: 'notes' in claim A must be a string, not a list",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1, EV-1]\n",
        "claims.yaml:4: evidence 'EV-1' is listed twice in claim A",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence:\n      - EV-1\n      - EV-9\n",
        "claims.yaml:6: claim A cites unknown evidence 'EV-9'",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n  - id: A\n    text: Ho.\n"
        "    evidence: [EV-1]\n",
        "claims.yaml:5: duplicate id 'A' (first defined at claims.yaml:2)",
    ),
    (  # claims and prohibited entries share one id namespace
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\nprohibited:\n  - id: A\n"
        "    phrases: [x]\n    reason: r\n",
        "claims.yaml:6: duplicate id 'A' (first defined at claims.yaml:2)",
    ),
    (
        "prohibited:\n  - id: P\n    phrases: []\n    reason: r\n",
        "claims.yaml:3: 'phrases' in prohibited claim P is empty",
    ),
    (
        "prohibited:\n  - id: P\n    phrases: [x]\n",
        "claims.yaml:2: missing required key 'reason' in prohibited claim P",
    ),
    (
        "prohibited:\n  - id: P\n    phrases: [x]\n    reason: r\n    severity: fatal\n",
        "claims.yaml:5: 'severity' in prohibited claim P must be one of error, warning, info",
    ),
    (
        "prohibited:\n  - id: P\n    phrase: [x]\n    reason: r\n",
        "claims.yaml:3: unknown key 'phrase' in prohibited claim P (did you mean 'phrases'?)",
    ),
    (
        "claims:\n  - id: A\n    text: Hi.\n    text: Ho.\n    evidence: [EV-1]\n",
        "claims.yaml:4: duplicate key 'text' (first at line 3)",
    ),
    ("claims:\n  - id: A\n    text: 'unclosed\n", "claims.yaml:4: invalid YAML"),
    ("claims:\n  - id: A\n   text: bad indent\n", "claims.yaml:3: invalid YAML"),
    ("- just\n- a list\n", "claims.yaml:1: expected a mapping with 'claims'"),
    ("claims: []\n---\nclaims: []\n", "claims.yaml:2: expected one YAML document"),
]


@pytest.mark.parametrize(("text", "expected"), ERRORS, ids=[e[1][:60] for e in ERRORS])
def test_registry_errors_name_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(RegistryError) as info:
        load(tmp_path, text)
    assert str(info.value).startswith(expected), str(info.value)


EVIDENCE_ERRORS = [
    ("evidence:\n  - citation: x\n", "evidence.yaml:2: evidence record without 'id'"),
    ("evidence:\n  - id: E\n", "evidence.yaml:2: missing required key 'citation' in evidence E"),
    (
        "evidence:\n  - id: E\n    citation: c\n    type: anecdote\n",
        "evidence.yaml:4: 'type' in evidence E must be one of rct, meta-analysis",
    ),
    (
        "evidence:\n  - id: E\n    citation: c\n    status: retracted\n",
        "evidence.yaml:4: 'status' in evidence E must be one of current, superseded, withdrawn",
    ),
    (
        "evidence:\n  - id: E\n    citation: c\n    date: 2024-02-30\n",
        "evidence.yaml:4: 'date' in evidence E is not a valid date: '2024-02-30'",
    ),
    (
        "evidence:\n  - id: E\n    citation: c\n    findings:\n      - endpoint: x\n",
        "evidence.yaml:5: missing required key 'result' in finding 1 of evidence E",
    ),
    (
        "evidence:\n  - id: E\n    citation: c\n    findings:\n      - endpoint: x\n"
        "        result: y\n        p: 0.01\n",
        "evidence.yaml:7: unknown key 'p' in finding 1 of evidence E",
    ),
    (
        "evidence:\n  - id: E\n    citation: c\n  - id: E\n    citation: d\n",
        "evidence.yaml:4: duplicate evidence id 'E' (first defined at evidence.yaml:2)",
    ),
    (
        "evidence:\n  - id: E\n    citation: c\n    pdf: a.pdf\n",
        "evidence.yaml:4: unknown key 'pdf' in evidence E",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), EVIDENCE_ERRORS, ids=[e[1][:60] for e in EVIDENCE_ERRORS]
)
def test_evidence_errors_name_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(RegistryError) as info:
        load(tmp_path, "claims: []\n", evidence=text)
    assert str(info.value).startswith(expected), str(info.value)


def test_full_claim_loads_with_normalised_values(tmp_path: Path) -> None:
    registry = load(
        tmp_path,
        """\
        version: 1
        claims:
          - id: ARC-OPTIME
            text: >-
              ArcGuide reduced mean operative time by 12%   compared with
              conventional instrumentation.
            variants:
              - Mean operative time was 78 minutes with ArcGuide.
            evidence: EV-1
            expires: "2027-12-31"
            scope:
              products: ArcGuide
              audiences: [HCP, Payer]
              markets: [us, Eu]
            requires: ["compared with conventional instrumentation"]
            notes: For surgeons.
          - id: ARC-DRAFT
            text: Draft wording.
            status: draft
        prohibited:
          - id: NO-RECOVERY
            phrases: [accelerated recovery, faster recovery]
            reason: No difference in length of stay.
            severity: warning
        """,
    )
    claim = registry.claim("ARC-OPTIME")
    assert claim is not None
    assert claim.text == (
        "ArcGuide reduced mean operative time by 12% compared with conventional instrumentation."
    )
    assert claim.variants == ("Mean operative time was 78 minutes with ArcGuide.",)
    assert claim.evidence == ("EV-1",)
    assert claim.expires == date(2027, 12, 31)
    assert claim.scope.products == ("arcguide",)
    assert claim.scope.audiences == ("hcp", "payer")
    assert claim.scope.markets == ("US", "EU")
    assert claim.scope.channels is None  # missing list means "any"
    assert claim.requires == ("compared with conventional instrumentation",)
    assert claim.notes == "For surgeons."
    assert claim.source == "claims.yaml:3"
    draft = registry.claim("ARC-DRAFT")
    assert draft is not None and draft.status == "draft" and draft.evidence == ()
    (banned,) = registry.prohibited
    assert banned.phrases == ("accelerated recovery", "faster recovery")
    assert banned.severity == "warning" and banned.source == "claims.yaml:21"
    ev = registry.evidence["EV-1"]
    assert ev.type == "rct" and ev.date == date(2024, 2, 1) and ev.status == "current"
    assert ev.findings[0].endpoint == "mean operative time"
    assert ev.findings[0].result.startswith("78 vs 89")
    assert ev.source == "evidence.yaml:2"
    assert registry.evidence["EV-2"].status == "superseded"


def test_hashes_and_sources(tmp_path: Path) -> None:
    claims = "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n"
    registry = load(tmp_path, claims)
    assert registry.sources == ("claims.yaml",)
    assert registry.evidence_sources == ("evidence.yaml",)
    assert registry.sha256 == hashlib.sha256(claims.encode()).hexdigest()
    assert registry.evidence_sha256 == hashlib.sha256(EVIDENCE.encode()).hexdigest()


def test_directory_registry_merges_sorted_files_recursively(tmp_path: Path) -> None:
    write(tmp_path, "reg/b.yaml", "claims:\n  - id: B\n    text: Bee.\n    evidence: [EV-1]\n")
    write(tmp_path, "reg/a.yml", "claims:\n  - id: A\n    text: Ay.\n    evidence: [EV-1]\n")
    write(tmp_path, "reg/sub/c.yaml", "prohibited:\n  - id: C\n    phrases: [x]\n    reason: r\n")
    write(tmp_path, "reg/empty.yaml", "")
    write(tmp_path, "reg/readme.txt", "not yaml: [")
    write(tmp_path, "ev/e.yaml", EVIDENCE)
    registry = load_registry(
        [tmp_path / "reg"], [tmp_path / "ev"], display=lambda p: p.relative_to(tmp_path).as_posix()
    )
    assert [c.id for c in registry.claims] == ["A", "B"]
    assert [p.id for p in registry.prohibited] == ["C"]
    assert registry.sources == ("reg/a.yml", "reg/b.yaml", "reg/empty.yaml", "reg/sub/c.yaml")
    expected = hashlib.sha256()
    for name in registry.sources:
        expected.update((tmp_path / name).read_bytes())
    assert registry.sha256 == expected.hexdigest()


def test_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    write(tmp_path, "reg/a.yaml", "claims:\n  - id: A\n    text: Ay.\n    evidence: [EV-1]\n")
    write(tmp_path, "reg/b.yaml", "\nclaims:\n  - id: A\n    text: Bee.\n    evidence: [EV-1]\n")
    write(tmp_path, "ev.yaml", EVIDENCE)
    with pytest.raises(RegistryError) as info:
        load_registry([tmp_path / "reg"], [tmp_path / "ev.yaml"], display=lambda p: p.name)
    assert str(info.value) == "b.yaml:3: duplicate id 'A' (first defined at a.yaml:2)"


def test_dangling_evidence_without_library_says_what_to_do(tmp_path: Path) -> None:
    reg = write(
        tmp_path, "claims.yaml", "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n"
    )
    with pytest.raises(RegistryError) as info:
        load_registry([reg], [], display=lambda p: p.name)
    assert str(info.value).startswith(
        "claims.yaml:4: claim A cites evidence 'EV-1' but no evidence"
    )


def test_dangling_evidence_suggests_close_id(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match=r"claims.yaml:4: .*'EV1' \(did you mean 'EV-1'"):
        load(tmp_path, "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV1]\n")


def test_one_file_may_hold_claims_and_evidence(tmp_path: Path) -> None:
    reg = write(
        tmp_path,
        "all.yaml",
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [E]\nevidence:\n  - id: E\n"
        "    citation: c\n",
    )
    # Named as both registry and evidence: loaded once, so no duplicate-id error.
    registry = load_registry([reg], [reg])
    assert registry.claims[0].evidence == ("E",)
    assert registry.evidence["E"].citation == "c"
    assert registry.evidence_sources == ()


def test_empty_files_and_missing_paths(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.yaml", "# nothing yet\n")
    assert load_registry([empty], []).claims == ()
    with pytest.raises(RegistryError, match="registry path not found"):
        load_registry([tmp_path / "missing.yaml"], [])


def test_non_utf8_file_is_an_error_with_line(tmp_path: Path) -> None:
    reg = tmp_path / "claims.yaml"
    reg.write_bytes(b"claims:\n  - id: A\n    text: caf\xe9\n")
    with pytest.raises(RegistryError, match=r"claims.yaml:3: file is not UTF-8"):
        load_registry([reg], [], display=lambda p: p.name)


def test_anchors_and_merge_keys_work(tmp_path: Path) -> None:
    registry = load(
        tmp_path,
        """\
        claims:
          - &base
            id: A
            text: Hi.
            evidence: [EV-1]
            scope: {audiences: [hcp]}
          - <<: *base
            id: B
            text: Ho.
        """,
    )
    b = registry.claim("B")
    assert b is not None and b.scope.audiences == ("hcp",) and b.evidence == ("EV-1",)
    assert b.source == "claims.yaml:7"


def test_loading_does_not_modify_files(tmp_path: Path) -> None:
    claims = "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n"
    load(tmp_path, claims)
    assert (tmp_path / "claims.yaml").read_text(encoding="utf-8") == claims


# --------------------------------------------------------------------------- audit

AUDIT_CLAIMS = """\
claims:
  - id: A
    text: ArcGuide reduced operative time by 12%.
    evidence: [EV-1]
    expires: 2026-12-10
  - id: B
    text: "ArcGuide   reduced operative time by 12 %!"
    evidence: [EV-1]
    expires: 2026-11-01
  - id: C
    text: ArcGuide offers faster recovery for patients.
    evidence: [EV-2]
  - id: D
    text: ArcGuide is a draft wording with faster recovery.
    status: draft
  - id: E
    text: Long-lived claim.
    variants: [Long lived claim]
    evidence: [EV-1]
    expires: 2030-01-01
prohibited:
  - id: NO-RECOVERY
    phrases: [faster recovery]
    reason: No difference.
"""

AUDIT_EVIDENCE = """\
evidence:
  - id: EV-1
    citation: c1
    file: pdfs/lee.pdf
  - id: EV-2
    citation: c2
    status: withdrawn
    file: pdfs/missing.pdf
  - id: EV-3
    citation: never cited
"""


def test_audit_registry_finds_every_problem(tmp_path: Path) -> None:
    write(tmp_path, "pdfs/lee.pdf", "%PDF-1.4\n")
    registry = load(tmp_path, AUDIT_CLAIMS, AUDIT_EVIDENCE)
    problems = audit_registry(registry, as_of=date(2026, 11, 22), base_dir=tmp_path)
    assert all(isinstance(p, Problem) for p in problems)
    got = {(p.severity, p.source, p.message) for p in problems}
    assert got == {
        (
            "warning",
            "claims.yaml:6",
            "claim B has the same wording as claim A: 'ArcGuide reduced operative time by 12 %!'",
        ),
        ("warning", "claims.yaml:16", "claim E repeats the wording 'Long lived claim'"),
        ("warning", "claims.yaml:2", "claim A expires on 2026-12-10 (in 18 days)"),
        (
            "warning",
            "claims.yaml:6",
            "claim B expired on 2026-11-01; drafts using it are reported as expired",
        ),
        (
            "warning",
            "claims.yaml:10",
            "every evidence record of claim C is out of date (EV-2 is withdrawn)",
        ),
        (
            "error",
            "claims.yaml:10",
            "approved claim C contains the prohibited phrase 'faster recovery' (NO-RECOVERY)",
        ),
        ("error", "evidence.yaml:5", "evidence EV-2: file 'pdfs/missing.pdf' does not exist"),
        ("warning", "evidence.yaml:9", "evidence EV-3 is not cited by any claim"),
    }
    # Sorted by file then line, so the CLI can print them as they come.
    assert [p.source for p in problems] == sorted(
        (p.source for p in problems), key=lambda s: (s.split(":")[0], int(s.split(":")[1]))
    )


def test_audit_expiry_window_is_configurable(tmp_path: Path) -> None:
    registry = load(tmp_path, AUDIT_CLAIMS, AUDIT_EVIDENCE)
    problems = audit_registry(
        registry, as_of=date(2026, 11, 22), expiring_within_days=7, base_dir=tmp_path
    )
    assert not any("expires on 2026-12-10" in p.message for p in problems)


def test_clean_registry_has_no_problems(tmp_path: Path) -> None:
    write(tmp_path, "pdfs/lee.pdf", "%PDF-1.4\n")
    registry = load(
        tmp_path,
        "claims:\n  - id: A\n    text: Hi.\n    evidence: [EV-1]\n",
        "evidence:\n  - id: EV-1\n    citation: c\n    file: pdfs/lee.pdf\n",
    )
    assert audit_registry(registry, as_of=date(2026, 1, 1), base_dir=tmp_path) == []


def test_normalise_collapses_case_space_and_punctuation() -> None:
    assert normalise("  ArcGuide -- REDUCED\ttime, by 12%! ") == "arcguide reduced time by 12"
