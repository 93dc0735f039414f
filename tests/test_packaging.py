"""The installable name and the project's address: what a user with only the repository URL
types, and what claimcheck itself says, all agree with pyproject.toml.

`claimcheck` on PyPI is an unrelated project, so no instruction may install it by that name.
"""

from __future__ import annotations

import json
import re
import tomllib
from importlib import metadata
from pathlib import Path

import yaml
from click.testing import CliRunner

import claimcheck
from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
NAME = PROJECT["name"]
URL = PROJECT["urls"]["Homepage"]
SLUG = URL.removeprefix("https://github.com/")
TAG = f"v{PROJECT['version']}"
# Where a user reads or runs an install instruction or the project's address.
DOCS = ("README.md", "docs/ci.md", "docs/editors.md", "action.yml", ".pre-commit-hooks.yaml")
# An install from files already on disk: the clone (`-e .`, with an extra) or the action's
# own checkout.
LOCAL = re.compile(r'pip install( --?[\w-]+)* (-e )?(\.|"\.\[\w+\]"|"\$GITHUB_ACTION_PATH")')


def test_the_distribution_is_not_the_unrelated_pypi_claimcheck():
    assert NAME != "claimcheck"
    assert PROJECT["scripts"] == {"claimcheck": "claimcheck.cli:main"}  # the command stays
    assert URL.startswith("https://github.com/") and SLUG.count("/") == 1


def test_the_installed_metadata_is_this_pyproject():
    """What pip installed from this checkout: the name, the command and the address."""
    assert NAME in metadata.packages_distributions()["claimcheck"]
    dist = metadata.distribution(NAME)
    scripts = {e.name: e.value for e in dist.entry_points if e.group == "console_scripts"}
    assert scripts["claimcheck"] == "claimcheck.cli:main"
    assert f"Homepage, {URL}" in (dist.metadata.get_all("Project-URL") or [])
    assert claimcheck.project_url() == URL


def test_every_pip_install_names_the_distribution_at_the_repository_tag():
    # an extra (`claimcheck-mlr[lsp]`) may follow the name
    expected = re.compile(
        re.escape(f'pip install "{NAME}') + r"(\[\w+\])?" + re.escape(f' @ git+{URL}@{TAG}"')
    )
    seen = 0
    for rel in DOCS:
        text = (ROOT / rel).read_text("utf-8")
        # the warning not to install the unrelated project is the one bare mention allowed
        text = re.sub(r"[Dd]o not\s+(run\s+)?`pip\s+install\s+claimcheck`", "", text)
        for line in re.findall(r"pip\s+install[^\n`]*", text):
            if LOCAL.search(line):
                continue  # a local checkout: the clone, or the action's own files
            assert expected.match(line), f"{rel}: {line}"
            seen += 1
    assert seen >= 3  # README, the hand-written GitHub steps, GitLab


def test_every_address_of_the_project_is_the_one_in_pyproject():
    for rel in DOCS:
        text = (ROOT / rel).read_text("utf-8")
        assert "claimcheck/claimcheck" not in text, rel  # the old placeholder
        for uses in re.findall(r"uses: ([\w.-]+/claimcheck[^\s`)]*)", text):
            assert uses == f"{SLUG}@{TAG}", (rel, uses)
        for repo in re.findall(r"repo: (\S+)", text):
            assert repo == URL, (rel, repo)
        for url in re.findall(r"https://github\.com/[\w.-]+/claimcheck[\w./-]*", text):
            assert url.startswith(URL), (rel, url)
    hooks = (ROOT / "docs/ci.md").read_text("utf-8")
    [config] = [
        yaml.safe_load(b)
        for b in re.findall(r"^```yaml\n(.*?)^```", hooks, flags=re.M | re.S)
        if "pre-commit-config" in b
    ]
    assert config["repos"][0] == {
        "repo": URL,
        "rev": TAG,
        "hooks": [{"id": "claimcheck"}],
    }


def test_sarif_names_the_project_address(tmp_path: Path, monkeypatch):
    (tmp_path / "a.md").write_text("ArcGuide is the best navigation system.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "a.md", "--format", "sarif"])
    assert result.exit_code == 1, result.output
    driver = json.loads(result.stdout)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == URL
