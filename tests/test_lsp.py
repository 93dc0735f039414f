"""`claimcheck lsp` end to end: the installed console script driven over JSON-RPC on stdio.

One server process serves the module (it starts in about a second); each test works in its
own project folder, found by the server from the draft's location, never from its cwd.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from arcguide import REGISTRY, SUPPORTED
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.lsp.locate import Positions, line_starts, locate
from claimcheck.model import Location, Sentence

REPO = Path(__file__).resolve().parents[1]
HARNESS = REPO / "benchmarks" / "lsp_latency.py"

DRAFT = """\
# ArcGuide in your OR

Built for busy teams. ArcGuide **dramatically** cuts operative time by 25%.

Ask your representative for a demonstration. Complications may include infection.
"""


def _harness():
    spec = importlib.util.spec_from_file_location("lsp_latency", HARNESS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def harness():
    return _harness()


@pytest.fixture(scope="module")
def client(harness, tmp_path_factory):
    """The installed `claimcheck lsp`, started from a folder outside every project."""
    elsewhere = tmp_path_factory.mktemp("home")
    client = harness.Client(harness.server_command(debounce_ms=20), cwd=elsewhere)
    result = client.initialize()
    caps = result["capabilities"]
    assert caps["hoverProvider"] and caps["codeActionProvider"]
    assert result["serverInfo"]["name"] == "claimcheck"
    yield client
    assert client.close() == 0, client.stderr()


def project(root: Path) -> Path:
    (root / "claims.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "claimcheck.yaml").write_text("registry: claims.yaml\naudience: hcp\n", "utf-8")
    (root / "drafts").mkdir()
    return root


def open_draft(client, path: Path, text: str, language: str = "markdown") -> list[dict]:
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}},
    )
    return client.diagnostics(uri, 1)


def at(text: str, words: str) -> dict:
    """The LSP range of the first occurrence of `words` in `text` (ASCII text)."""
    start = text.index(words)
    line = text.count("\n", 0, start)
    col = start - (text.rfind("\n", 0, start) + 1)
    return {
        "start": {"line": line, "character": col},
        "end": {"line": line, "character": col + len(words)},
    }


def apply(text: str, edit: dict) -> str:
    p = Positions(text)
    start = p.offset(edit["range"]["start"]["line"], edit["range"]["start"]["character"])
    end = p.offset(edit["range"]["end"]["line"], edit["range"]["end"]["character"])
    return text[:start] + edit["newText"] + text[end:]


def test_diagnose_hover_fix_and_the_diagnostic_disappears(client, harness, tmp_path) -> None:
    root = project(tmp_path)
    path = root / "drafts" / "launch.md"
    path.write_text(DRAFT, encoding="utf-8")  # the file on disk stays as it was
    uri = path.as_uri()

    diagnostics = open_draft(client, path, DRAFT)
    by_rule = {d["code"]: d for d in diagnostics}
    assert set(by_rule) == {"CC201", "CC202", "CC206"}
    intensifier = by_rule["CC201"]
    assert intensifier["message"] == (
        "OVERSTATED CC201 intensifier: 'dramatically' overstates ARC-OPTIME: "
        "the approved wording has no intensifier"
    )
    assert intensifier["range"] == at(DRAFT, "dramatically")  # the word, inside the ** markup
    assert intensifier["severity"] == 1 and intensifier["source"] == "claimcheck"
    assert by_rule["CC206"]["range"] == at(DRAFT, "25%")
    sentence = at(DRAFT, "ArcGuide **dramatically** cuts operative time by 25%.")
    assert by_rule["CC202"]["range"] == sentence  # no flagged words: the whole sentence

    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": at(DRAFT, "cuts")["start"]}
    )
    shown = hover["contents"]["value"]
    assert shown.startswith("**OVERSTATED** · matches **ARC\\-OPTIME**")
    assert "Approved wording: ArcGuide reduced mean operative time by 12% compared" in shown
    assert "**EV\\-ARC\\-RCT\\-2024** Lee M, et al\\. Imageless navigation" in shown
    assert "mean operative time: 78 vs 89 minutes \\(\\-12%\\), p=0\\.003" in shown
    assert "Defined at `claims.yaml:2`" in shown
    assert hover["range"] == sentence
    nothing = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 3}},
    )
    assert nothing is None  # a call to action is not a claim

    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": intensifier["range"],
            "context": {"diagnostics": [intensifier]},
        },
    )
    (fix,) = actions
    assert fix["title"] == "Replace with approved wording" and fix["kind"] == "quickfix"
    assert {d["code"] for d in fix["diagnostics"]} == {"CC201", "CC202", "CC206"}
    (edit,) = fix["edit"]["changes"][uri]
    assert edit["range"] == sentence and edit["newText"] == SUPPORTED

    # The editor applies the edit and sends it as a change, as VS Code does.
    fixed = apply(DRAFT, edit)
    assert "Built for busy teams. " + SUPPORTED + "\n" in fixed
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}],
        },
    )
    assert client.diagnostics(uri, 2) == []
    assert path.read_text(encoding="utf-8") == DRAFT

    # Typing the overstatement back brings the diagnostics back (debounced).
    again, change = harness.edit(fixed, "reduced mean", "dramatically reduced mean")
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [change]},
    )
    assert [d["code"] for d in client.diagnostics(uri, 3)] == ["CC201"]
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_html_text_registry_changes_and_errors(client, tmp_path) -> None:
    root = project(tmp_path)
    html = (
        "<html><body>\n<p>Built for teams. ArcGuide <b>dramatically</b> cuts operative time.</p>"
        "\n</body></html>\n"
    )
    html_path = root / "drafts" / "mail.html"
    diagnostics = open_draft(client, html_path, html, language="html")  # never saved: fine
    by_rule = {d["code"]: d for d in diagnostics}
    assert by_rule["CC201"]["range"] == at(html, "dramatically")
    # A document finding (no safety information) is shown at the claim that calls for it.
    balance = by_rule["CC404"]
    assert balance["severity"] == 2 and balance["message"].startswith(
        "DOCUMENT CC404 fair-balance: no safety information: the document makes 1 benefit claim"
    )
    assert re.search(r" \(add: the product's safety information .+\)$", balance["message"])
    assert balance["range"] == at(html, "ArcGuide <b>dramatically</b> cuts operative time.")

    text_path = root / "drafts" / "notes.txt"
    text = f"Internal notes.\n\n{SUPPORTED}\nComplications may include infection.\n"
    assert open_draft(client, text_path, text, language="plaintext") == []  # supported

    # Retiring the claim in the registry: the watched-files notice re-checks open drafts.
    registry = root / "claims.yaml"
    registry.write_text(REGISTRY.replace("    scope:", "    status: retired\n    scope:"), "utf-8")
    client.notify(
        "workspace/didChangeWatchedFiles",
        {"changes": [{"uri": registry.as_uri(), "type": 2}]},
    )
    retired = client.diagnostics(text_path.as_uri(), 1)
    assert [(d["code"], d["message"]) for d in retired] == [
        ("CC302", "EXPIRED CC302 retired-claim: ARC-OPTIME is retired")
    ]
    assert retired[0]["range"] == at(text, SUPPORTED)

    # A broken registry: one diagnostic naming file and line, and one message box.
    registry.write_text(REGISTRY.replace("    scope:", "    evidance: []\n    scope:"), "utf-8")
    client.notify(
        "workspace/didChangeWatchedFiles",
        {"changes": [{"uri": registry.as_uri(), "type": 2}]},
    )
    (broken,) = client.diagnostics(text_path.as_uri(), 1)
    assert re.match(
        r"claimcheck cannot check this draft: claims\.yaml:\d+: unknown key 'evidance'",
        broken["message"],
    )
    box = client.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert "claims.yaml" in box["params"]["message"]

    # Bad front matter is an error on its line of the draft, not a crash.
    bad = "---\nclaimcheck: {audience: [\n---\nText.\n"
    (err,) = open_draft(client, root / "drafts" / "bad.md", bad)
    assert err["message"].startswith("claimcheck cannot check this draft")
    assert err["range"]["start"]["line"] in (1, 2)


def test_without_pygls_the_command_says_how_to_install_it(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)  # import pygls raises ImportError
    result = CliRunner().invoke(cli, ["lsp"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimcheck: error: the language server needs pygls: pip install ")
    assert '"claimcheck-mlr[lsp] @ git+https://github.com/' in line


def _sentence(text: str, line: int, start: int = 0) -> Sentence:
    return Sentence(
        text=text, block=0, location=Location(line=line, start=start, end=start + len(text))
    )


@pytest.mark.parametrize(
    ("source", "block", "sentence", "start", "flagged", "expect_sentence", "expect_flag"),
    [
        # a link and emphasis inside the sentence
        (
            "Our [ArcGuide](https://x.test/a) cuts *time* by 25%.\n",
            "Our ArcGuide cuts time by 25%.",
            "Our ArcGuide cuts time by 25%.",
            0,
            "25%",
            "Our [ArcGuide](https://x.test/a) cuts *time* by 25%.",
            "25%",
        ),
        # the second of two sentences on a line starting with the same word
        (
            "- ArcGuide helps. ArcGuide cuts time by **25%**.\n",
            "ArcGuide helps. ArcGuide cuts time by 25%.",
            "ArcGuide cuts time by 25%.",
            16,
            "25%",
            "ArcGuide cuts time by **25%**.",
            "25%",
        ),
        # CRLF line ends and a sentence wrapped over two lines
        (
            "Intro.\r\n\r\nArcGuide cuts\r\ntime by 25%.\r\n",
            "ArcGuide cuts\ntime by 25%.",
            "ArcGuide cuts time by 25%.",
            0,
            "time",
            "ArcGuide cuts\r\ntime by 25%.",
            "time",
        ),
    ],
)
def test_claims_are_placed_in_the_source_through_markup(
    source, block, sentence, start, flagged, expect_sentence, expect_flag
) -> None:
    line = 1 if "Intro" not in source else 3
    found = locate(source, line_starts(source), _sentence(sentence, line, start), block)
    assert found is not None
    assert source[found.start : found.end] == expect_sentence
    a = sentence.index(flagged)
    s, e = found.span(a, a + len(flagged))
    assert source[s:e] == expect_flag


def test_positions_count_utf16_units_as_lsp_clients_do() -> None:
    source = "😀 ArcGuide\nnext"
    p = Positions(source)
    assert p.position(source.index("ArcGuide")) == (0, 3)  # the emoji is two UTF-16 units
    assert p.offset(0, 3) == source.index("ArcGuide")
    assert p.offset(1, 2) == source.index("xt")
    assert Positions(source, "utf-32").position(source.index("ArcGuide")) == (0, 2)
