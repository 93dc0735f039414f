"""The Python API as a notebook or CMS plug-in uses it: claimcheck.check_text / check_files."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from arcguide import OVERSTATED, REGISTRY, SUPPORTED

import claimcheck
from claimcheck import pipeline

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A content repository with a config and a registry (not the cwd)."""
    (tmp_path / "claims.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text(
        "registry: claims.yaml\naudience: hcp\n"
        "overrides:\n  - files: 'patients/*.md'\n    audience: patient\n",
        encoding="utf-8",
    )
    return tmp_path


def verdicts(report: claimcheck.model.Report) -> list[tuple[str, str | None]]:
    return [(c.verdict, c.claim_id) for d in report.documents for c in d.claims]


def test_check_text_judges_as_check_does_on_every_text_draft_of_the_demo() -> None:
    checker = claimcheck.Checker(REPO)
    drafts = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in (".md", ".html"))
    drafts = [p for p in drafts if p.name != "EXPECTED.md"]
    assert len(drafts) >= 3
    for path in drafts:
        from_text = checker.check_text(path.read_text(encoding="utf-8"), path=path)
        from_file = checker.check_files([path])
        assert from_text.documents == from_file.documents, path.name
        assert from_text.documents[0].claims, path.name  # the demo drafts all make claims


def test_results_are_the_records_with_verdict_reason_and_approved_wording(project: Path) -> None:
    report = claimcheck.check_text(f"{OVERSTATED}\n\n{SUPPORTED}\n", root=project)
    (doc,) = report.documents
    assert doc.path == "<text>" and doc.format == "markdown" and doc.error is None
    overstated, supported = doc.claims
    assert (overstated.verdict, supported.verdict) == ("overstated", "supported")
    assert overstated.claim_id == "ARC-OPTIME" and overstated.sentence.location.line == 1
    assert supported.sentence.location.line == 3
    rules = {f.rule: f for f in overstated.findings}
    assert {"CC201", "CC202", "CC206"} <= set(rules)
    assert rules["CC201"].message.startswith("'dramatically' overstates ARC-OPTIME")
    assert rules["CC201"].suggestion == SUPPORTED
    assert report.registry.claim("ARC-OPTIME") is not None
    jsonschema.validate(claimcheck.to_json(report), SCHEMA)


def test_path_places_the_text_for_overrides_format_and_fingerprints(project: Path) -> None:
    checker = claimcheck.Checker(project)
    hcp = checker.check_text(SUPPORTED, path="drafts/page.md")
    patient = checker.check_text(SUPPORTED, path=project / "patients" / "page.md")
    assert verdicts(hcp) == [("supported", "ARC-OPTIME")]
    assert verdicts(patient) == [("off-scope", "ARC-OPTIME")]  # the override's audience
    assert patient.documents[0].path == "patients/page.md"
    html = checker.check_text(f"<p>{OVERSTATED}</p>", path="mail.html")
    assert html.documents[0].format == "html"
    assert verdicts(html) == [("overstated", "ARC-OPTIME")]
    # Fingerprints follow the path, as they do for the file on disk.
    a = checker.check_text(OVERSTATED, path="a.md").documents[0].claims[0].findings[0]
    b = checker.check_text(OVERSTATED, path="b.md").documents[0].claims[0].findings[0]
    assert a.fingerprint != b.fingerprint


def test_context_keywords_win_over_the_config(project: Path) -> None:
    report = claimcheck.check_text(SUPPORTED, root=project, audience="Patient")
    assert verdicts(report) == [("off-scope", "ARC-OPTIME")]
    assert report.documents[0].context.audience == "patient"


def test_bad_input_raises_claimcheck_errors_and_prints_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(claimcheck.UsageError, match="no such registry path: nope.yaml"):
        claimcheck.Checker(project, registry="nope.yaml")
    with pytest.raises(claimcheck.UsageError, match="audience must be a string"):
        claimcheck.Checker(project, audience=3)  # type: ignore[arg-type]
    with pytest.raises(claimcheck.UsageError, match="'2026-13-01' is not a date"):
        claimcheck.Checker(project, as_of="2026-13-01")
    checker = claimcheck.Checker(project)
    with pytest.raises(claimcheck.UsageError, match="text formats: markdown, html, text"):
        checker.check_text(SUPPORTED, path="brochure.docx")
    with pytest.raises(claimcheck.UsageError, match="needs a str"):
        checker.check_text(SUPPORTED.encode())  # type: ignore[arg-type]
    with pytest.raises(claimcheck.InputError) as bad_yaml:
        checker.check_text("---\nclaimcheck: [\n---\nText.\n", path="page.md")
    assert re.match(r"page\.md:\d: bad YAML front matter", str(bad_yaml.value))
    (project / "claims.yaml").write_text(
        REGISTRY.replace("    scope:", "    evidance: []\n    scope:"), encoding="utf-8"
    )
    with pytest.raises(claimcheck.RegistryError) as bad_registry:
        claimcheck.Checker(project)
    assert re.match(r"claims\.yaml:\d+: unknown key 'evidance'", str(bad_registry.value))
    assert capsys.readouterr() == ("", "")


def test_check_files_reports_unreadable_files_and_checks_the_others(project: Path) -> None:
    (project / "drafts").mkdir()
    (project / "drafts" / "good.md").write_text(OVERSTATED + "\n", encoding="utf-8")
    (project / "drafts" / "bad.md").write_bytes(b"caf\xe9 reduces pain.\n")
    report = claimcheck.check_files("drafts", root=project)  # one path, not its characters
    by_path = {d.path: d for d in report.documents}
    assert set(by_path) == {"drafts/bad.md", "drafts/good.md"}
    assert by_path["drafts/bad.md"].error == (
        "drafts/bad.md:1: not UTF-8 text (byte 0xe9 at line 1); "
        "it may be Windows-1252 or Latin-1: save it as UTF-8"
    )
    assert verdicts(report) == [("overstated", "ARC-OPTIME")]


def test_a_checker_loads_the_registry_once_and_reloads_it_when_it_changes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Counted where a session is made: the registry itself may come from the index cache.
    loads = []
    real = pipeline.prepare
    monkeypatch.setattr(pipeline, "prepare", lambda *a, **k: loads.append(1) or real(*a, **k))
    checker = claimcheck.Checker(project)
    for _ in range(3):
        assert verdicts(checker.check_text(SUPPORTED)) == [("supported", "ARC-OPTIME")]
    assert len(loads) == 1 and not checker.stale
    # The module-level functions keep their Checker too.
    for _ in range(2):
        claimcheck.check_text(SUPPORTED, root=project, market="US")
    assert len(loads) == 2

    (project / "claims.yaml").write_text(
        REGISTRY.replace("    scope:", "    status: retired\n    scope:"), encoding="utf-8"
    )
    assert checker.stale
    assert verdicts(checker.check_text(SUPPORTED)) == [("expired", "ARC-OPTIME")]
    assert len(loads) == 3


def test_a_config_created_later_is_found(tmp_path: Path) -> None:
    checker = claimcheck.Checker(tmp_path)
    first = checker.check_text(SUPPORTED)
    assert verdicts(first) == [("unsupported", None)]
    assert any("no claim registry found" in n for n in first.notices)
    (tmp_path / "claims.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text("registry: claims.yaml\n", encoding="utf-8")
    assert verdicts(checker.check_text(SUPPORTED)) == [("supported", "ARC-OPTIME")]


def test_for_file_finds_the_config_above_a_draft(project: Path) -> None:
    draft = project / "patients" / "web" / "page.md"
    draft.parent.mkdir(parents=True)
    checker = claimcheck.Checker.for_file(draft)
    assert checker.root == project.resolve()
    report = checker.check_text(SUPPORTED, path=draft)
    assert report.documents[0].path == "patients/web/page.md"
    assert verdicts(report) == [("supported", "ARC-OPTIME")]  # 'patients/*.md' is one level


def _strict(schema: dict) -> dict:
    """The schema with every described object closed: a key it does not describe fails."""
    out = copy.deepcopy(schema)

    def close(node: object) -> None:
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(out)
    return out


def test_the_published_schema_describes_every_key_of_the_report(project: Path) -> None:
    strict = _strict(SCHEMA)
    jsonschema.validate(json.loads((REPO / "tests/golden/examples.json").read_text()), strict)
    (project / "claimcheck.yaml").write_text(
        "registry: claims.yaml\naudience: hcp\nindication: knee\nwaivers:\n"
        f"  - rule: CC206\n    sentence: {OVERSTATED}\n    reason: by MLR\n    expires: 2020-01-01\n"
        f"  - rule: CC201\n    sentence: {OVERSTATED}\n    reason: approved by MLR\n",
        encoding="utf-8",
    )
    report = claimcheck.check_text(OVERSTATED, root=project)
    data = claimcheck.to_json(report)
    assert data["documents"][0]["context"]["indication"] == "knee"
    assert data["summary"]["waived"] == 1 and data["notices"]  # the expired waiver's notice
    jsonschema.validate(data, strict)


def test_importing_claimcheck_stays_light() -> None:
    code = (
        "import sys, claimcheck; "
        "assert 'spacy' not in sys.modules and 'claimcheck.pipeline' not in sys.modules; "
        "assert claimcheck.Checker.__module__ == 'claimcheck.api'; "
        "assert issubclass(claimcheck.InputError, claimcheck.ClaimcheckError)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_the_readme_example_runs_as_written(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Python API.*?```python\n(.*?)```", readme, re.S)
    assert block is not None
    monkeypatch.chdir(REPO)
    scope: dict = {}
    exec(compile(block.group(1), "README.md", "exec"), scope)  # noqa: S102
    out = capsys.readouterr().out
    assert out.startswith("overstated ARC-OPTIME 1\n  CC201 intensifier 'dramatically'")
    assert scope["data"]["summary"]["claims"] == 58  # the demo's answer key
    assert os.fspath(REPO) not in out
