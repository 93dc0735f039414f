"""Reports written document by document are the reports (issue 10: 4).

Each `check` format has a Writer that the workers render with and the CLI streams through;
`render` runs the same steps into a string. These tests hold the streamed bytes to the
formats' own whole-report builders (`to_dict`, `to_sarif`, an ElementTree of the suites),
on reports with the awkward parts: no documents, an unreadable draft, rules no check
documents (their SARIF index is only known at the end), a category, a baseline.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from test_ci_formats import claim, document, finding, report, sample

from claimcheck import pipeline
from claimcheck.report import json as json_report
from claimcheck.report import junit, sarif, writer
from claimcheck.report.stream import headless


def awkward() -> list:
    base = sample()
    pack = finding("CC990", "house-rule", "warning", "overstated", "a house rule fired")
    other = finding("CC991", "other-rule", "info", "overstated", "another house rule")
    docs = (
        *base.documents,
        document("docs/a.md", claim("ArcGuide is unmatched.", pack, other, line=3)),
        document("docs/b.md", claim("ArcGuide is unrivalled.", replace(pack, severity="error"))),
        document("docs/broken.pdf", error="docs/broken.pdf: not a PDF file"),
    )
    return [
        report(),
        report(document("docs/empty.md")),
        base,
        replace(base, documents=docs, notices=("no claim registry found",)),
        replace(base, baseline={"new": 1, "baselined": 2, "fixed": 0}),
        replace(base, strength_model={"path": "m.json", "sha256": "ab", "examples": 9}),
    ]


def dumped(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("case", range(len(awkward())))
def test_json_stream_is_the_report_mapping(case):
    r = awkward()[case]
    assert json_report.render(r) == dumped(json_report.to_dict(r))


@pytest.mark.parametrize("case", range(len(awkward())))
@pytest.mark.parametrize("category", [None, "claimcheck/shard-1"])
def test_sarif_stream_is_the_sarif_mapping(case, category):
    r = awkward()[case]
    assert sarif.render(r, category=category) == dumped(sarif.to_sarif(r, category=category))


def test_sarif_rules_no_check_documents_get_their_index_at_the_end():
    log = json.loads(sarif.render(awkward()[3]))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids[-2:] == ["CC990", "CC991"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    # The last finding seen sets an undocumented rule's default level.
    assert rules[-2]["defaultConfiguration"]["level"] == "error"
    assert run["invocations"][0]["executionSuccessful"] is False


@pytest.mark.parametrize("case", range(len(awkward())))
def test_junit_stream_holds_every_suite_and_the_totals(case):
    r = awkward()[case]
    xml = junit.render(r, fail_on="warning")
    root = ET.fromstring(xml)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [d.path for d in r.documents]
    for key in ("tests", "failures", "errors"):
        assert root.get(key) == str(sum(int(s.get(key)) for s in suites))
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claimcheck"')
    # The layout ET.indent gives the whole tree.
    tree = ET.fromstring(xml)
    ET.indent(tree)
    expected = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode")
    assert xml == expected + "\n"


def test_a_streamed_run_hands_on_rendered_text_not_records(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# A\n\nArcGuide dramatically cuts operative time by 25%.\n", "utf-8")
    options = pipeline.Options(paths=(str(draft),), cwd=tmp_path, cache=False)
    session = pipeline.prepare(options)
    head = pipeline.head(options, session)
    out = writer("json")
    outcomes = list(pipeline.stream(options, session, out))
    assert [o.result for o in outcomes] == [None]
    rendered = pipeline.run(options, session)
    assert outcomes[0].fragment == out.document(rendered.documents[0], headless(head))[0]
    assert outcomes[0].tally.claims == 1


def test_the_cli_writes_a_streamed_report_only_when_it_is_complete(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from claimcheck.cli import cli

    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("# A\n\nArcGuide dramatically cuts operative time by 25%.\n", "utf-8")
    Path("out.json").write_text("the previous report\n", encoding="utf-8")

    def broken(self, fragment, meta, tally):
        raise KeyboardInterrupt

    monkeypatch.setattr(json_report.Writer, "add", broken)
    result = CliRunner().invoke(cli, ["check", "a.md", "--format", "json", "-o", "out.json"])
    assert result.exit_code == 2
    assert Path("out.json").read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "out.json"]
