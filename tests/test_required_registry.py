"""Registry `required:` entries and claim `footnotes:`: loading, errors, `registry validate`."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.errors import RegistryError
from claimcheck.registry.load import load_registry
from claimcheck.registry.validate import audit_registry

EVIDENCE = "evidence:\n  - id: EV-1\n    citation: Lee M, et al. J Arthroplasty. 2024.\n"
CLAIM = """\
claims:
  - id: ARC-OPTIME
    text: ArcGuide reduced mean operative time by 12%.
    evidence: [EV-1]
    scope: {products: [arcguide], audiences: [hcp, patient], channels: [print, field]}
"""


def load(tmp_path: Path, text: str):
    reg = tmp_path / "claims.yaml"
    reg.write_text(textwrap.dedent(text), encoding="utf-8")
    ev = tmp_path / "evidence.yaml"
    ev.write_text(EVIDENCE, encoding="utf-8")
    return load_registry([reg], [ev], display=lambda p: p.name)


def test_required_statement_and_footnotes_load(tmp_path: Path) -> None:
    registry = load(
        tmp_path,
        CLAIM
        + """\
    footnotes:
      - "1. Lee M, et al.   J Arthroplasty. 2024."
required:
  - id: REQ-ARC-ISI
    text: >-
      Important Safety Information: Complications may include infection and
      bleeding.
    variants: [Risks include infection and bleeding.]
    scope: {products: [ArcGuide], audiences: [Patient], markets: [us]}
    placement: slide
    in_notes: true
    severity: warning
    notes: OPDP asks for it on every slide with a claim.
  - id: REQ-RX
    text: Rx only.
    when: always
""",
    )
    (claim,) = registry.claims
    assert claim.footnotes == ("1. Lee M, et al. J Arthroplasty. 2024.",)
    isi, rx = registry.required
    assert isi.text == (
        "Important Safety Information: Complications may include infection and bleeding."
    )
    assert isi.variants == ("Risks include infection and bleeding.",)
    assert (isi.scope.products, isi.scope.audiences, isi.scope.markets) == (
        ("arcguide",),
        ("patient",),
        ("US",),
    )
    assert (isi.when, isi.placement, isi.in_notes, isi.severity) == (
        "claims",
        "slide",
        True,
        "warning",
    )
    assert isi.source == "claims.yaml:9"
    assert (rx.when, rx.placement, rx.in_notes, rx.severity) == (
        "always",
        "document",
        False,
        "error",
    )


ERRORS = [
    (
        "required:\n  - id: R\n    text: Rx only.\n    placment: page\n",
        "claims.yaml:4: unknown key 'placment' in required statement R (did you mean 'placement'?)",
    ),
    (
        "required:\n  - id: R\n    text: Rx only.\n    placement: pages\n",
        "claims.yaml:4: 'placement' in required statement R must be one of document, page, "
        "slide, not 'pages'",
    ),
    (
        "required:\n  - id: R\n    text: Rx only.\n    when: sometimes\n",
        "claims.yaml:4: 'when' in required statement R must be one of claims, always, "
        "not 'sometimes'",
    ),
    (
        "required:\n  - id: R\n    text: Rx only.\n    placement: slide\n    in_notes: often\n",
        "claims.yaml:5: 'in_notes' in required statement R must be true or false, not 'often'",
    ),
    (
        "required:\n  - id: R\n    text: Rx only.\n    in_notes: true\n",
        "claims.yaml:4: 'in_notes' in required statement R needs 'placement: page' or "
        "'placement: slide'",
    ),
    (
        "required:\n  - id: R\n    scope: {products: [arcguide]}\n",
        "claims.yaml:2: missing required key 'text' in required statement R",
    ),
    (
        "required:\n  - id: R\n    text: Rx only.\n    scope: {product: [arcguide]}\n",
        "claims.yaml:4: unknown key 'product' in scope of required statement R "
        "(did you mean 'products'?)",
    ),
    (
        "required:\n  - id: R\n    text: Rx only.\n    scope: [arcguide]\n",
        "claims.yaml:4: 'scope' in required statement R must be a mapping",
    ),
    (
        CLAIM + "required:\n  - id: ARC-OPTIME\n    text: Rx only.\n",
        "claims.yaml:7: duplicate id 'ARC-OPTIME' (first defined at claims.yaml:2)",
    ),
    (
        "required:\n  - id: R\n    text: Rx only.\n    severity: loud\n",
        "claims.yaml:4: 'severity' in required statement R must be one of error, warning, info",
    ),
    (
        "required: {id: R}\n",
        "claims.yaml:1: 'required' must be a list of entries, not a mapping",
    ),
    (
        CLAIM + "    footnotes: [[nested]]\n",
        "claims.yaml:6: 'footnotes' in claim ARC-OPTIME: item 1 must be a string, not a list",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ERRORS, ids=[e[1][13:70] for e in ERRORS])
def test_errors_name_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(RegistryError) as info:
        load(tmp_path, text)
    assert str(info.value).startswith(expected), str(info.value)


def test_validate_warns_when_a_requirement_can_never_apply(tmp_path: Path) -> None:
    registry = load(
        tmp_path,
        CLAIM
        + """\
required:
  - id: REQ-EMPTY
    text: Rx only.
    scope: {channels: []}
  - id: REQ-TYPO
    text: Rx only.
    scope: {audiences: [patients, consumers]}
  - id: REQ-CONFIG
    text: Rx only.
    scope: {channels: [congress]}
  - id: REQ-FINE
    text: Rx only.
    scope: {products: [arcguide], audiences: [patient], markets: [EU]}
""",
    )
    problems = audit_registry(
        registry,
        as_of=date(2026, 1, 1),
        base_dir=tmp_path,
        contexts=[{"channel": "congress", "market": None}],
    )
    got = {(p.source, p.message) for p in problems}
    assert got == {
        (
            "claims.yaml:7",
            "required statement REQ-EMPTY can never apply: its scope lists no channels "
            "(leave the key out to mean any)",
        ),
        (
            "claims.yaml:10",
            "required statement REQ-TYPO may never apply: no claim and no context in the config "
            "uses audience 'patients', 'consumers' (known: hcp, patient)",
        ),
    }
    assert {p.severity for p in problems} == {"warning"}


def test_registry_validate_command_reports_requirements(tmp_path: Path, monkeypatch) -> None:
    load(tmp_path, CLAIM + "required:\n  - id: R\n    text: Rx only.\n    scope: {channels: []}\n")
    (tmp_path / "claimcheck.yaml").write_text(
        "registry: claims.yaml\nevidence: evidence.yaml\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["registry", "validate", "--strict"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        "claims.yaml:7: warning: required statement R can never apply: its scope lists no "
        "channels (leave the key out to mean any)",
        "1 claims, 0 prohibited, 1 required statements, 1 evidence records: 0 error(s), "
        "1 warning(s)",
    ]
    (tmp_path / "claims.yaml").write_text(
        CLAIM + "required:\n  - id: R\n    text: Rx only.\n    placement: everywhere\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["registry", "validate"])
    assert result.exit_code == 2
    # registry validate lists every schema error on stdout, each as path:line: error: ...
    assert "claims.yaml:9: error: 'placement' in required statement R must be one of" in (
        result.stdout
    )
