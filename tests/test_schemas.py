"""The published JSON Schemas (schemas/) describe what claimcheck reads, no more, no less.

Editors validate and autocomplete claims.yaml, evidence.yaml and claimcheck.yaml with them
(`# yaml-language-server: $schema=...`, which `claimcheck init` writes). So:

- every key and every choice the loaders accept is in the schema, and nothing else is;
- every registry, evidence and config file in the repository validates, and so does every
  one the tests use (their YAML fixtures and the YAML strings in the test modules) that
  the loaders accept;
- what the loaders reject for its shape, the schemas reject too.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from claimcheck import schema_url
from claimcheck.cli import cli
from claimcheck.config import load_config
from claimcheck.config.validate import CONFIG_KEYS, OVERRIDE_KEYS, WAIVER_KEYS
from claimcheck.errors import ClaimcheckError
from claimcheck.model import FAIL_ON, PLACEMENTS, SEVERITIES, VERDICTS, WHEN
from claimcheck.registry import load as registry_load
from claimcheck.yamlutil import read

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
NAMES = ("claims.schema.json", "evidence.schema.json", "claimcheck.schema.json")


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text("utf-8"))


# The schemas refer to each other by relative file name, as editors resolve them.
REFS = Registry().with_resources(
    (name, Resource.from_contents(schema(name), default_specification=DRAFT7)) for name in NAMES
)


def validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(
        schema(name), registry=REFS, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


class _YamlAsEditorsSeeIt(yaml.SafeLoader):
    """YAML as an editor's language server reads it: a date is a string."""


_YamlAsEditorsSeeIt.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse(text: str) -> Any:
    return yaml.load(text, Loader=_YamlAsEditorsSeeIt)  # noqa: S506 - a SafeLoader subclass


def errors(name: str, data: Any) -> list[str]:
    return [e.message for e in validator(name).iter_errors(data)]


# --------------------------------------------------------------------------- the schemas


def test_the_schemas_are_valid_draft_7():
    for name in NAMES:
        jsonschema.Draft7Validator.check_schema(schema(name))


def _bare(node: dict[str, Any]) -> dict[str, Any]:
    """The schema of an optional key without its "or left empty" (`anyOf: [..., null]`)."""
    nullable = node.get("anyOf", [])[1:] == [{"type": "null"}]
    return node["anyOf"][0] if nullable else node


def _props(node: dict[str, Any]) -> set[str]:
    return set(_bare(node)["properties"])


def _enum(node: dict[str, Any]) -> tuple[str, ...]:
    return tuple(_bare(node)["enum"])


def test_the_schemas_have_exactly_the_loaders_keys_and_choices():
    claims, evidence, config = (schema(n) for n in NAMES)
    defs = claims["definitions"]
    assert _props(claims) == set(registry_load.TOP_KEYS)
    assert _props(defs["claim"]) == set(registry_load.CLAIM_KEYS)
    assert _props(defs["scope"]) == set(registry_load.SCOPE_KEYS)
    assert _props(defs["prohibited"]) == set(registry_load.PROHIBITED_KEYS)
    assert _props(defs["required"]) == set(registry_load.REQUIRED_KEYS)
    examples = _bare(defs["claim"]["properties"]["examples"])
    assert _props(examples) == set(registry_load.EXAMPLES_KEYS)
    flagged = _bare(examples["properties"]["flagged"])["items"]
    assert _props(flagged) == set(registry_load.EXAMPLE_KEYS)
    assert set(_enum(flagged["properties"]["verdict"])) == set(VERDICTS) - {"supported"}
    assert _props(flagged["properties"]["context"]) == set(registry_load.EXAMPLE_CONTEXT_KEYS)
    record = evidence["definitions"]["evidence"]
    assert _props(evidence) == {"version", "evidence"}
    assert _props(record) == set(registry_load.EVIDENCE_KEYS)
    findings = _bare(record["properties"]["findings"])["items"]
    assert _props(findings) == set(registry_load.FINDING_KEYS)
    assert _enum(defs["claim"]["properties"]["status"]) == registry_load.CLAIM_STATUSES
    assert _enum(record["properties"]["type"]) == registry_load.EVIDENCE_TYPES
    assert _enum(record["properties"]["status"]) == registry_load.EVIDENCE_STATUSES
    assert _enum(defs["required"]["properties"]["placement"]) == PLACEMENTS
    assert _enum(defs["required"]["properties"]["when"]) == WHEN
    for entry in ("prohibited", "required"):
        levels = _enum(defs[entry]["properties"]["severity"])
        assert set(levels) == set(registry_load.PROHIBITED_SEVERITIES)
    assert _props(config) == set(CONFIG_KEYS)
    assert _props(_bare(config["properties"]["overrides"])["items"]) == set(OVERRIDE_KEYS)
    assert _props(_bare(config["properties"]["waivers"])["items"]) == set(WAIVER_KEYS)
    assert _enum(config["properties"]["fail_on"]) == FAIL_ON
    levels = _bare(config["properties"]["severity"])["additionalProperties"]["enum"]
    assert set(levels) == set(SEVERITIES)


# --------------------------------------------------------------------------- files


def kind_of(data: Any) -> str | None:
    """Which schema a parsed YAML file is for: a registry, an evidence library, a config."""
    if not isinstance(data, dict) or not data:
        return None
    records = [k for k in ("claims", "prohibited", "required", "evidence") if k in data]
    if (
        records
        and set(data) <= set(registry_load.TOP_KEYS)
        and all(
            isinstance(data[k], list) and all(isinstance(i, dict) for i in data[k]) for k in records
        )
    ):
        return "evidence.schema.json" if records == ["evidence"] else "claims.schema.json"
    rules = data.get("rules")
    if isinstance(rules, list) and any(isinstance(r, dict) for r in rules):
        return None  # a rule pack (rules/redflags.yaml), not a config
    if set(data) <= set(CONFIG_KEYS):
        return "claimcheck.schema.json"
    return None


def loader_error(text: str, kind: str, tmp: Path) -> str | None:
    """The error claimcheck itself reports for this file on its own, None when it reads it."""
    name = "claimcheck.yaml" if kind == "claimcheck.schema.json" else "claims.yaml"
    path = tmp / name
    path.write_text(text, "utf-8")
    try:
        if kind == "claimcheck.schema.json":
            load_config(path, tmp)
        else:
            _, data = read(path, name, registry_load.RegistryError)
            # the file's own validation; citations of evidence in other files are not its own
            registry_load._Loader().load_file(registry_load._File(name), data)
    except ClaimcheckError as exc:
        return str(exc)
    return None


def loader_accepts(text: str, kind: str, tmp: Path) -> bool:
    return loader_error(text, kind, tmp) is None


# What a JSON Schema cannot say: that keys and ids are unique, and that a glob compiles.
BEYOND_A_SCHEMA = re.compile(r"duplicate (key|id|evidence id) |bad glob ")


def repository_yaml() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "*.yaml", "*.yml"], cwd=ROOT, capture_output=True, text=True
    )
    if listed.returncode != 0:  # not a git checkout: every YAML file below the root
        return sorted(p for p in ROOT.rglob("*.y*ml") if ".venv" not in p.parts)
    return [ROOT / name for name in listed.stdout.split()]


def test_every_registry_evidence_and_config_file_in_the_repository_validates():
    checked: dict[str, list[str]] = {}
    for path in repository_yaml():
        text = path.read_text("utf-8")
        kind = kind_of(parse(text))
        if kind is None:
            continue
        assert errors(kind, parse(text)) == [], path
        checked.setdefault(kind, []).append(path.relative_to(ROOT).as_posix())
        modeline = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
        if modeline:  # the repository's own files point editors at the schema they meet
            assert (path.parent / modeline.group(1)).resolve() == SCHEMAS / kind, path
    assert "examples/claims.yaml" in checked["claims.schema.json"]
    assert {"evidence/arcguide.yaml", "evidence/flexiseal.yaml"} <= set(
        checked["evidence.schema.json"]
    )
    assert "claimcheck.yaml" in checked["claimcheck.schema.json"]


def fixture_texts() -> list[tuple[str, str]]:
    """(where, YAML text) for every YAML string the tests use: the strings of the test
    modules and the `registry`/`evidence` blocks of the case files."""
    out: list[tuple[str, str]] = []
    for module in sorted((ROOT / "tests").glob("test_*.py")):
        tree = ast.parse(module.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if "\n" in text and ":" in text:
                    out.append((f"{module.name}:{node.lineno}", textwrap.dedent(text)))
    for cases in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        data = yaml.safe_load(cases.read_text("utf-8"))
        if not isinstance(data, dict):
            continue
        for key in ("registry", "evidence"):
            if isinstance(data.get(key), str):
                out.append((f"{cases.name}: {key}", data[key]))
    return out


def test_the_schemas_agree_with_the_loaders_on_every_file_the_tests_use(tmp_path: Path):
    """Accepted by claimcheck: valid. Rejected: invalid, unless for what no schema can say."""
    accepted = {name: 0 for name in NAMES}
    rejected = {name: 0 for name in NAMES}
    for where, text in fixture_texts():
        try:
            data = parse(text)
        except Exception:  # noqa: BLE001 - a string that is not YAML (PyYAML may raise anything)
            continue
        kind = kind_of(data)
        if kind is None:
            continue
        problem = loader_error(text, kind, tmp_path)
        if problem is None:
            assert errors(kind, data) == [], f"{where}:\n{text}"
            accepted[kind] += 1
        elif not errors(kind, data):
            assert BEYOND_A_SCHEMA.search(problem), f"{where}: the schema misses: {problem}"
        else:
            rejected[kind] += 1
    # the suite's fixtures are many; a collector that found few would prove nothing
    assert min(accepted.values()) >= 5 and sum(accepted.values()) >= 50, accepted
    assert min(rejected.values()) >= 5 and sum(rejected.values()) >= 50, rejected


def test_claimcheck_init_writes_the_schema_line_and_files_that_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["init"]).exit_code == 0
    for name, schema_name in (
        ("claimcheck.yaml", "claimcheck.schema.json"),
        ("claims.yaml", "claims.schema.json"),
        ("evidence.yaml", "evidence.schema.json"),
    ):
        text = (tmp_path / name).read_text("utf-8")
        first = text.splitlines()[0]
        assert first == f"# yaml-language-server: $schema={schema_url(schema_name)}"
        assert errors(schema_name, parse(text)) == [], name


def test_the_schema_urls_name_the_published_files_at_this_version():
    from claimcheck import __version__, project_url

    slug = project_url().removeprefix("https://github.com/")
    for name in NAMES:
        assert schema_url(name) == (
            f"https://raw.githubusercontent.com/{slug}/v{__version__}/schemas/{name}"
        )
        assert (SCHEMAS / name).is_file()


# --------------------------------------------------------------------------- rejections

BAD = [
    ("claims.schema.json", "claims:\n  - id: A\n    text: T\n    evidance: [E]\n", "unknown key"),
    ("claims.schema.json", "claims:\n  - id: A\n    text: T\n    status: aproved\n", "status"),
    ("claims.schema.json", "claims:\n  - id: A\n    text: T\n", "approved needs evidence"),
    ("claims.schema.json", "claims:\n  - id: A\n    status: draft\n", "no text"),
    ("claims.schema.json", "claims:\n  - id: a b\n    text: T\n    status: draft\n", "bad id"),
    (
        "claims.schema.json",
        "claims:\n  - {id: A, text: T, evidence: [E], expires: 2027-13-01}\n",
        "bad date",
    ),
    ("claims.schema.json", "claims:\n  - {id: A, text: T, evidence: [E, E]}\n", "cited twice"),
    ("claims.schema.json", "prohibited:\n  - {id: P, phrases: [], reason: R}\n", "no phrases"),
    ("claims.schema.json", "required:\n  - {id: R, text: T, placement: everywhere}\n", "placement"),
    ("claims.schema.json", "required:\n  - {id: R, text: T, in_notes: true}\n", "in_notes"),
    (
        "claims.schema.json",
        "claims:\n  - id: A\n    text: T\n    evidence: [E]\n    examples:\n"
        "      flagged: [{text: X, verdict: supported}]\n",
        "flagged as supported",
    ),
    (
        "claims.schema.json",
        "claims:\n  - id: A\n    text: T\n    evidence: [E]\n    examples:\n"
        "      flagged: [{text: X}]\n",
        "flagged without a verdict",
    ),
    ("evidence.schema.json", "evidence:\n  - {id: E, citation: C, type: rtc}\n", "type"),
    ("evidence.schema.json", "evidence:\n  - {id: E}\n", "no citation"),
    ("claimcheck.schema.json", "fail_on: sometimes\n", "fail_on"),
    ("claimcheck.schema.json", "registy: claims.yaml\n", "unknown key"),
    ("claimcheck.schema.json", "waivers:\n  - {rule: CC201, sentence: S}\n", "no reason"),
    ("claimcheck.schema.json", "waivers:\n  - {rule: CC201, reason: R}\n", "no target"),
    ("claimcheck.schema.json", "overrides:\n  - {audience: hcp}\n", "no files"),
    ("claimcheck.schema.json", "severity: {CC201: fatal}\n", "level"),
]


@pytest.mark.parametrize(("name", "text", "why"), BAD, ids=[b[2] for b in BAD])
def test_what_the_loaders_reject_the_schemas_reject(name, text, why, tmp_path: Path):
    kind = "claimcheck.schema.json" if name == "claimcheck.schema.json" else name
    full = text if kind == "claimcheck.schema.json" else text
    assert not loader_accepts(full, kind, tmp_path), why
    assert errors(name, parse(text)), why
