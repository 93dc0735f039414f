"""The installable name and the project's address: what a user with only the repository URL
types, and what claimcheck itself says, all agree with pyproject.toml. And what a wheel or an
sdist built from this checkout holds: the built-in rules of the top-level rules/ folder,
installed inside the package as claimcheck/rules/, once.

`claimcheck` on PyPI is an unrelated project, so no instruction may install it by that name.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import yaml
from click.testing import CliRunner

import claimcheck
from claimcheck.cache import stamped_files
from claimcheck.cli import cli
from claimcheck.detect.lexicon import RULES

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


def _built(tmp_path: Path) -> tuple[list[str], list[str]]:
    """The member names of a wheel and an sdist that setuptools (the build backend
    pyproject.toml names) builds from a copy of this checkout's packaging inputs."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for name in ("claimcheck", "rules"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "dist"
    # (setuptools rewrites sys.argv while it builds: read the folder first)
    build = (
        "import sys; from setuptools import build_meta as b; out = sys.argv[1]; "
        "b.build_wheel(out); b.build_sdist(out)"
    )
    done = subprocess.run(
        [sys.executable, "-c", build, str(out)], cwd=src, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    [wheel], [sdist] = out.glob("*.whl"), out.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as whl, tarfile.open(sdist) as tar:
        return whl.namelist(), tar.getnames()


def test_the_wheel_and_sdist_ship_each_rule_file_once(tmp_path: Path):
    """rules/ is where the rule files are, in one copy; a wheel installs them as claimcheck/rules/
    (where the code reads them), each once, beside every module of claimcheck/ (pyproject.toml
    lists the packages by name, so a new subpackage must be added there); an sdist has rules/."""
    rule_files = sorted(p.name for p in (ROOT / "rules").iterdir() if p.is_file())
    assert "redflags.yaml" in rule_files and "lexicon-hedges.yaml" in rule_files
    assert not (ROOT / "claimcheck" / "rules").exists()  # one copy only
    wheel, sdist = _built(tmp_path)
    assert sorted(n for n in wheel if n.startswith("claimcheck/rules/")) == [
        f"claimcheck/rules/{name}" for name in rule_files
    ]
    assert not [n for n in wheel if n.startswith("rules/")]
    modules = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "claimcheck").rglob("*.py")
        if "__pycache__" not in p.parts
    )
    assert sorted(n for n in wheel if n.endswith(".py") and n.split("/")[1] != "rules") == modules
    top = sdist[0].split("/")[0]
    assert sorted(n for n in sdist if n.startswith(f"{top}/rules/")) == [
        f"{top}/rules/{name}" for name in rule_files
    ]


def test_the_code_reads_the_rule_files_and_the_cache_stamp_covers_them():
    """The detector's lexicons come from the installed rules (the checkout's rules/ in an
    editable install), and editing any rule file changes the stamp every cache is keyed on."""
    names = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert sorted(p.name for p in RULES.glob("*.yaml")) == names
    stamped = {path.resolve() for _, path in stamped_files()}
    assert {p.resolve() for p in RULES.glob("*.yaml")} <= stamped
