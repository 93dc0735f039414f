"""Hostile YAML in every file claimcheck reads as YAML: registry, evidence, config, front matter.

Alias bombs, tags with values they cannot take, recursive aliases and numbers too long to
print all end in one line naming the file and line, exit 2, within the limits of `hostile`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import cli, digests, good_was_checked, repo, run

from claimcheck.errors import ConfigError, InputError, RegistryError, shown
from claimcheck.yamlutil import MAX_ALIAS_VALUES, parse


def bomb(levels: int = 9, key: str = "version") -> str:
    """A 'billion laughs' document: 9**levels values behind a few hundred bytes."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        prev = f"*l{i - 1}"
        lines.append(f"l{i}: &l{i} [{','.join([prev] * 9)}]")
    lines.append(f"{key}: *l{levels - 1}")
    return "\n".join(lines) + "\n"


def test_alias_bomb_in_registry_is_refused_at_its_line(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    (root / "claims.yaml").write_text(bomb(), encoding="utf-8")
    before = digests(root)
    result = run("check", "good.md", cwd=root)
    assert result.returncode == 2
    assert result.errors() == [
        f"claimcheck: error: claims.yaml:7: aliases expand to more than {MAX_ALIAS_VALUES:,} "
        "values (an alias bomb?); write the values out or use fewer aliases"
    ]
    assert digests(root) == before


def test_alias_bomb_in_config_and_evidence(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    (root / "claimcheck.yaml").write_text(bomb(key="audience"), encoding="utf-8")
    result = run("check", "good.md", cwd=root)
    assert result.returncode == 2
    assert result.errors()[0].startswith("claimcheck: error: claimcheck.yaml:7: aliases expand")

    (root / "claimcheck.yaml").write_text(
        "registry: claims.yaml\nevidence: ev.yaml\n", encoding="utf-8"
    )
    (root / "ev.yaml").write_text(bomb(key="evidence"), encoding="utf-8")
    result = run("check", "good.md", cwd=root)
    assert result.returncode == 2
    assert result.errors()[0].startswith("claimcheck: error: ev.yaml:7: aliases expand")


def test_alias_bomb_in_front_matter_fails_that_draft_only(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    body = bomb().replace("version: *l8", "claimcheck: {as_of: *l8}")
    (root / "bomb.md").write_text("---\n" + body + "---\n" + "ArcGuide cures.\n")
    before = digests(root)
    result = run("check", "bomb.md", "good.md", "--format", "json", cwd=root)
    assert result.returncode == 2
    assert result.errors() == [
        f"claimcheck: error: bomb.md:8: aliases expand to more than {MAX_ALIAS_VALUES:,} "
        "values (an alias bomb?); write the values out or use fewer aliases"
    ]
    assert good_was_checked(result)
    assert digests(root) == before


def test_a_few_aliases_still_work(tmp_path: Path) -> None:
    data = parse(
        "base: &hcp {audiences: [hcp], markets: [US]}\n"
        "claims:\n  - scope: *hcp\n  - scope: {<<: *hcp, channels: [web]}\n",
        "r.yaml",
    )
    assert data["claims"][0]["scope"] == {"audiences": ["hcp"], "markets": ["US"]}
    assert data["claims"][1]["scope"]["channels"] == ["web"]


def test_recursive_alias_is_refused() -> None:
    with pytest.raises(RegistryError, match=r"r.yaml:1: alias '\*a' is inside the value it names"):
        parse("a: &a [1, *a]\n", "r.yaml", RegistryError)


BAD_TAGS = [
    ('version: !!int ""\n', "'' is not a valid !!int value"),
    ("version: !!timestamp x\n", "'x' is not a valid !!timestamp value"),
    ("version: !!timestamp 2027-13-01\n", "'2027-13-01' is not a valid !!timestamp value"),
    ("version: !!bool maybe\n", "'maybe' is not a valid !!bool value"),
    ("version: !!float one\n", "'one' is not a valid !!float value"),
    ("version: !!python/object:os.system x\n", "unsupported tag 'tag:yaml.org,2002:python/"),
    ("version: !secret x\n", "unsupported tag '!secret'"),
]


@pytest.mark.parametrize(("text", "message"), BAD_TAGS, ids=[t for t, _ in BAD_TAGS])
def test_bad_tag_values_are_errors_at_their_line(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse("# a config\n" + text, "claimcheck.yaml", ConfigError)
    assert str(info.value).startswith(f"claimcheck.yaml:2: {message}"), str(info.value)


def test_bad_tags_in_each_kind_of_file_through_the_cli(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    (root / "tagged.md").write_text("---\ntitle: !!timestamp x\n---\nArcGuide cures.\n")
    result = cli("check", "tagged.md", "good.md", "--format", "json", cwd=root)
    assert result.errors() == [
        "claimcheck: error: tagged.md:2: 'x' is not a valid !!timestamp value"
    ]
    assert good_was_checked(result) and result.returncode == 2

    (root / "claims.yaml").write_text('version: !!int ""\nclaims: []\n')
    result = cli("check", "good.md", cwd=root)
    assert result.errors() == ["claimcheck: error: claims.yaml:1: '' is not a valid !!int value"]
    assert result.returncode == 2


def test_plain_values_that_only_look_typed_stay_text_for_the_validator() -> None:
    data = parse(f"a: 2027-13-01\nb: 1{'0' * 5000}\n", "x.yaml")
    assert data["a"] == "2027-13-01"
    assert data["b"] == "1" + "0" * 5000


def test_a_huge_number_is_described_not_printed(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    (root / "claims.yaml").write_text(f"version: 0x{'f' * 20000}\nclaims: []\n")
    result = cli("check", "good.md", cwd=root)
    assert result.errors() == [
        "claimcheck: error: claims.yaml:1: unsupported version a number of about 24082 "
        "digits; this claimcheck reads version 1"
    ]


def test_messages_quote_only_a_short_escaped_prefix_of_a_value(tmp_path: Path) -> None:
    root = repo(tmp_path / "repo")
    # A double-quoted value holding ESC and BEL (an OSC window-title sequence) and 10k chars.
    value = "x\\e]0;pwned\\a" + "y" * 10_000
    (root / "claimcheck.yaml").write_text(f'fail_on: "{value}"\n')
    result = cli("check", "good.md", cwd=root)
    (line,) = result.errors()
    assert "\x1b" not in line and "\x07" not in line
    assert "'x\\x1b]0;pwned\\x07yyy" in line and len(line) < 200


def test_front_matter_problems_are_input_errors_naming_the_draft() -> None:
    from claimcheck.load.markdown import parse as parse_markdown

    with pytest.raises(InputError) as info:
        parse_markdown("---\ntitle: a\ntitle: b\n---\nText.\n", "d.md")
    assert str(info.value) == "d.md:3: duplicate key 'title' (first at line 2)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ok", "'ok'"),
        ("a" * 100, "'" + "a" * 60 + "…'"),
        ("tab\there", "'tab\\x09here'"),
        ("zero\u200bwidth", "'zero\\u200bwidth'"),
        ([1, 2], "a list"),
        ({"a": 1}, "a mapping"),
        (3, "3"),
        (10**5000, "a number of about 5000 digits"),
    ],
    ids=["text", "long", "control", "format", "list", "mapping", "number", "huge-number"],
)
def test_shown(value: object, expected: str) -> None:
    assert shown(value) == expected
