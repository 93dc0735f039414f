"""Config discovery, validation, per-file context and rule settings."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from claimcheck.config import Config, Waiver, find_config, load_config, matches
from claimcheck.errors import ConfigError, InputError, UsageError


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- discovery


def test_upward_search_finds_nearest_config(tmp_path: Path) -> None:
    top = write(tmp_path, "claimcheck.yaml", "audience: hcp\n")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) == top.resolve()
    nearer = write(tmp_path, "a/.claimcheck.yaml", "audience: patient\n")
    assert find_config(deep) == nearer.resolve()
    assert load_config(None, deep).context_for(deep / "x.md").audience == "patient"


def test_claimcheck_yaml_wins_over_hidden_and_pyproject_in_same_dir(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.claimcheck]\naudience = 'payer'\n")
    write(tmp_path, ".claimcheck.yaml", "audience: patient\n")
    visible = write(tmp_path, "claimcheck.yaml", "audience: hcp\n")
    assert find_config(tmp_path) == visible.resolve()


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    top = write(
        tmp_path, "pyproject.toml", "[tool.claimcheck]\nmarket = 'us'\nfail_on = 'warning'\n"
    )
    write(tmp_path, "pkg/pyproject.toml", "[project]\nname = 'x'\n")
    config = load_config(None, tmp_path / "pkg")
    assert config.path == top.resolve()
    assert config.root == tmp_path.resolve()
    assert config.market == "US" and config.fail_on == "warning"


def test_no_config_gives_defaults_rooted_at_cwd(tmp_path: Path) -> None:
    config = load_config(None, tmp_path)
    assert config.path is None and config.root == tmp_path.resolve()
    assert config.fail_on == "error" and config.registry == () and config.include == ("**/*",)
    assert config.context_for(tmp_path / "a.md").as_of == date.today()


def test_explicit_config_path_relative_to_cwd(tmp_path: Path) -> None:
    write(tmp_path, "conf/team.yaml", "registry: ../rules/claims.yaml\nevidence: [ev/]\n")
    config = load_config(Path("conf/team.yaml"), tmp_path)
    assert config.registry == (tmp_path.resolve() / "conf" / "../rules/claims.yaml",)
    assert config.registry[0].resolve() == (tmp_path / "rules/claims.yaml").resolve()
    assert config.evidence == (tmp_path.resolve() / "conf" / "ev",)
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(Path("missing.yaml"), tmp_path)


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: no \[tool.claimcheck\] table"):
        load_config(Path("pyproject.toml"), tmp_path)


def test_empty_config_file_is_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "claimcheck.yaml", "# empty\n")
    config = load_config(None, tmp_path)
    assert config.path == path.resolve() and config.fail_on == "error"


# --------------------------------------------------------------------------- validation

YAML_ERRORS = [
    (
        "regsitry: claims.yaml\n",
        "claimcheck.yaml:1: unknown key 'regsitry' in the config (did you mean 'registry'?)",
    ),
    (
        "audience: hcp\nfail_on: always\n",
        "claimcheck.yaml:2: 'fail_on' must be one of error, warning, info, never",
    ),
    ("registry: [1]\n", "claimcheck.yaml:1: 'registry' in the config must be a string or a list"),
    (
        "audience: [hcp]\n",
        "claimcheck.yaml:1: 'audience' in the config must be a string, not a list",
    ),
    ("as_of: someday\n", "claimcheck.yaml:1: 'as_of' in the config is not a valid date: 'someday'"),
    (
        "severity: [CC201]\n",
        "claimcheck.yaml:1: 'severity' in the config must map rule ids to levels",
    ),
    (
        "severity:\n  CC201: warning\n  CC204: loud\n",
        "claimcheck.yaml:3: severity of 'CC204' in the config must be one of info, warning, error",
    ),
    ("version: 3\n", "claimcheck.yaml:1: unsupported config version 3"),
    ("overrides: {files: x}\n", "claimcheck.yaml:1: 'overrides' must be a list"),
    ("overrides:\n  - audience: hcp\n", "claimcheck.yaml:2: override 1 needs 'files'"),
    (
        "overrides:\n  - files: a/*\n    chanel: web\n",
        "claimcheck.yaml:3: unknown key 'chanel' in override 1 (did you mean 'channel'?)",
    ),
    (
        "overrides:\n  - files: a/*\n    severity: {CC201: nope}\n",
        "claimcheck.yaml:3: severity of 'CC201' in override 1",
    ),
    (
        "waivers:\n  - fingerprint: abc\n    rule: CC201\n",
        "claimcheck.yaml:2: waiver 1 needs a 'reason'",
    ),
    (
        "waivers:\n  - rule: CC201\n    reason: ok\n",
        "claimcheck.yaml:2: waiver 1 needs a 'fingerprint' or a 'sentence'",
    ),
    (
        "waivers:\n  - sentence: x\n    reason: ok\n    expires: soon\n",
        "claimcheck.yaml:4: 'expires' in waiver 1 is not a valid date",
    ),
    (
        "waivers:\n  - sentence: x\n    reason: ok\n    approved_by: me\n",
        "claimcheck.yaml:4: unknown key 'approved_by' in waiver 1",
    ),
    ("audience: hcp\naudience: patient\n", "claimcheck.yaml:2: duplicate key 'audience'"),
    ("audience: [hcp\n", "claimcheck.yaml:2: invalid YAML"),
    ("- a\n", "claimcheck.yaml:1: expected a mapping of settings"),
]


@pytest.mark.parametrize(("text", "expected"), YAML_ERRORS, ids=[e[1][16:70] for e in YAML_ERRORS])
def test_config_errors_name_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    write(tmp_path, "claimcheck.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_config(None, tmp_path)
    assert str(info.value).startswith(expected), str(info.value)


def test_pyproject_errors_name_key_and_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        "[project]\nname = 'x'\n\n[tool.claimcheck]\naudience = 'hcp'\nfail-on = 'error'\n",
    )
    with pytest.raises(ConfigError) as info:
        load_config(None, tmp_path)
    assert (
        str(info.value)
        == "pyproject.toml:6: unknown key 'fail-on' in the config (did you mean 'fail_on'?)"
    )


def test_malformed_pyproject_is_an_error_with_line(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.claimcheck]\naudience = \n")
    with pytest.raises(ConfigError, match=r"pyproject.toml:2: invalid TOML"):
        load_config(None, tmp_path)


def test_pyproject_overrides_and_waivers(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        """\
        [tool.claimcheck]
        registry = "rules"
        as_of = 2026-01-15

        [[tool.claimcheck.overrides]]
        files = "patient/**"
        audience = "patient"

        [[tool.claimcheck.waivers]]
        fingerprint = "abc123"
        reason = "Accepted by MLR 2026-01"
        """,
    )
    config = load_config(None, tmp_path)
    assert config.registry == (tmp_path.resolve() / "rules",)
    assert config.as_of == date(2026, 1, 15)
    assert config.context_for(tmp_path / "patient/leaflet.md").audience == "patient"
    assert config.waivers[0].fingerprint == "abc123"


# --------------------------------------------------------------------------- context and settings

CONFIG = """\
registry: rules/claims.yaml
evidence: evidence/
rules: [packs/extra.yaml]
include: ["drafts/**/*.md", "*.docx"]
exclude: [drafts/archive]
audience: hcp
channel: Print
market: us
product: ArcGuide
fail_on: warning
disable: [cc204]
severity: {CC201: warning, superlative: info}
overrides:
  - files: "drafts/patient/**"
    audience: patient
    disable: [CC205]
  - files: ["drafts/patient/web-*.md", "*.html"]
    channel: web
    market: eu
    severity: {CC201: error}
waivers:
  - rule: CC201
    fingerprint: f00d
    reason: Approved by MLR on 2026-03-01.
    approver: J. Doe
    expires: 2026-12-31
  - sentence: "ArcGuide  cuts time."
    file: drafts/*.md
    reason: Legacy wording.
"""


@pytest.fixture
def config(tmp_path: Path) -> Config:
    write(tmp_path, "claimcheck.yaml", CONFIG)
    return load_config(None, tmp_path)


def test_config_values_are_validated_and_normalised(config: Config, tmp_path: Path) -> None:
    root = tmp_path.resolve()
    assert config.registry == (root / "rules/claims.yaml",)
    assert config.evidence == (root / "evidence",)
    assert config.rules == (root / "packs/extra.yaml",)
    assert config.channel == "print" and config.market == "US" and config.product == "arcguide"
    assert config.disable == frozenset({"CC204"})
    assert config.severity == {"CC201": "warning", "superlative": "info"}
    assert config.fail_on == "warning"
    assert config.waivers[0] == Waiver(
        reason="Approved by MLR on 2026-03-01.",
        rule="CC201",
        fingerprint="f00d",
        approver="J. Doe",
        expires=date(2026, 12, 31),
        source="claimcheck.yaml:22",
    )


def test_overrides_apply_in_order(config: Config, tmp_path: Path) -> None:
    plain = config.context_for(tmp_path / "drafts/brochure.md")
    assert (plain.audience, plain.channel, plain.market) == ("hcp", "print", "US")
    patient = config.context_for(tmp_path / "drafts/patient/leaflet.md")
    assert (patient.audience, patient.channel, patient.market) == ("patient", "print", "US")
    web = config.context_for(tmp_path / "drafts/patient/web-faq.md")
    assert (web.audience, web.channel, web.market) == ("patient", "web", "EU")
    # A pattern without '/' matches the name at any depth.
    assert config.context_for(tmp_path / "site/deep/page.html").channel == "web"


def test_front_matter_beats_overrides_and_cli_beats_front_matter(
    config: Config, tmp_path: Path
) -> None:
    doc = tmp_path / "drafts/patient/web-faq.md"
    front = {"audience": "Payer", "as_of": "2026-05-01"}
    ctx = config.context_for(doc, front, {})
    assert (ctx.audience, ctx.channel, ctx.as_of) == ("payer", "web", date(2026, 5, 1))
    ctx = config.context_for(
        doc, front, {"audience": "HCP", "as_of": date(2027, 1, 2), "market": None}
    )
    assert (ctx.audience, ctx.market, ctx.as_of) == ("hcp", "EU", date(2027, 1, 2))
    ctx = config.context_for(doc, front, {"as-of": "2027-02-03", "indication": "Primary-TKA"})
    assert ctx.as_of == date(2027, 2, 3) and ctx.indication == "primary-tka"


def test_relative_document_paths_start_at_cwd(config: Config) -> None:
    assert config.context_for(Path("drafts/patient/a.md")).audience == "patient"


def test_bad_context_values(config: Config, tmp_path: Path) -> None:
    doc = tmp_path / "drafts/a.md"
    with pytest.raises(UsageError, match=r"--as-of: invalid date 'tomorrow'"):
        config.context_for(doc, {}, {"as_of": "tomorrow"})
    with pytest.raises(InputError, match=r"unknown context key 'audiance' in front matter"):
        config.context_for(doc, {"audiance": "hcp"}, {})
    with pytest.raises(InputError, match=r"front matter 'claimcheck: audience' must be a string"):
        config.context_for(doc, {"audience": ["hcp"]}, {})


def test_settings_merge_matching_overrides(config: Config, tmp_path: Path) -> None:
    plain = config.settings_for(tmp_path / "drafts/brochure.md")
    assert plain.disabled == frozenset({"CC204"})
    assert plain.level("CC201", "intensifier", "error") == "warning"
    assert plain.level("CC204", "superlative", "error") == "info"
    web = config.settings_for(tmp_path / "drafts/patient/web-faq.md")
    assert web.disabled == frozenset({"CC204", "CC205"})
    assert not web.is_enabled("CC205", "dropped-hedge")
    assert web.level("CC201", "intensifier", "warning") == "error"
    # Overrides never leak into the config-wide settings.
    assert config.settings_for(tmp_path / "drafts/brochure.md").disabled == frozenset({"CC204"})


def test_include_and_exclude(config: Config, tmp_path: Path) -> None:
    assert config.is_included(tmp_path / "drafts/a/b.md")
    assert config.is_included(tmp_path / "drafts/b.md")
    assert config.is_included(tmp_path / "other/deck.docx")
    assert not config.is_included(tmp_path / "other/notes.md")
    assert not config.is_included(tmp_path / "drafts/archive/old.md")


def test_include_and_exclude_see_through_a_link_to_the_project(
    config: Config, tmp_path: Path
) -> None:
    # Drafts named through a link to the project folder (as /tmp is on macOS) are matched
    # where they really live; so is a draft in a linked subfolder of a linked project.
    link = tmp_path.parent / f"{tmp_path.name}-link"
    link.symlink_to(tmp_path)
    (tmp_path / "drafts/archive").mkdir(parents=True)
    (tmp_path / "old").symlink_to(tmp_path / "drafts/archive")
    assert not config.is_included(link / "drafts/archive/old.md")
    assert config.is_included(link / "drafts/a/b.md")
    assert not config.is_included(link / "other/notes.md")
    assert config.is_included(link / "other/deck.docx")
    assert not config.is_included(link / "old/x.md")  # as given: not under drafts/ at all
    (tmp_path / "drafts/current").symlink_to(tmp_path / "drafts/archive")
    assert config.is_included(tmp_path / "drafts/current/x.md")  # as given, under the root
    assert not config.is_included(link / "drafts/current/x.md")  # where it lives: archive/


def test_waiver_applies(config: Config, tmp_path: Path) -> None:
    by_print, by_sentence = config.waivers
    common = {"path": tmp_path / "drafts/a.md", "root": config.root, "sentence": "x"}
    assert by_print.applies(
        rule="CC201", name="intensifier", fingerprint="f00d", as_of=date(2026, 6, 1), **common
    )
    assert not by_print.applies(
        rule="CC201", name="intensifier", fingerprint="f00d", as_of=date(2027, 1, 1), **common
    )  # expired
    assert not by_print.applies(
        rule="CC204", name="superlative", fingerprint="f00d", as_of=date(2026, 6, 1), **common
    )
    kwargs = {
        "rule": "CC204",
        "name": "superlative",
        "fingerprint": "zz",
        "as_of": date(2026, 6, 1),
        "root": config.root,
    }
    assert by_sentence.applies(
        sentence="arcguide cuts  time.", path=tmp_path / "drafts/a.md", **kwargs
    )
    assert not by_sentence.applies(
        sentence="arcguide cuts time.", path=tmp_path / "x/a.md", **kwargs
    )


@pytest.mark.parametrize(
    ("path", "patterns", "expected"),
    [
        ("a/b/c.md", ["**/*.md"], True),
        ("c.md", ["**/*.md"], True),
        ("a/b/c.md", ["a/*.md"], False),
        ("a/c.md", ["a/*.md"], True),
        ("a/b/c.md", ["a/**"], True),
        ("a/b/c.md", ["a/**/c.md"], True),
        ("a/c.md", ["a/**/c.md"], True),
        ("a/b/c.md", ["c.md"], True),
        ("a/b/c.md", ["b"], True),
        ("a/b/c.md", ["/c.md"], False),
        ("a/b/c.md", ["./a/b/c.md"], True),
        ("a/b/c1.md", ["a/b/c[0-9].md"], True),
        ("a/b/cx.md", ["a/b/c[!0-9].md"], True),
        ("a/b/c.md", ["a/b/?.md"], True),
        ("a/b/cc.md", ["a/b/?.md"], False),
        ("a/b/c.md", [], False),
    ],
)
def test_matches_globs(tmp_path: Path, path: str, patterns: list[str], expected: bool) -> None:
    assert matches(tmp_path / path, patterns, tmp_path) is expected


def test_matches_outside_root(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    assert matches(tmp_path / "elsewhere/a.md", ["**/*.md"], root)
    assert not matches(tmp_path / "elsewhere/a.md", ["elsewhere/*.md"], root)
