"""The CI recipes of docs/ci.md, run as written against a real content repository.

Every `run:` step of the doc's GitHub workflows that invokes claimcheck, every use of the
composite action (whose own run step from action.yml is executed with the inputs the doc
gives it), the GitLab job's script, the baseline shell commands and the pre-commit hook are
collected from the documentation itself, their `${{ ... }}` expressions evaluated for a
pull request and for a push, and run with the installed console script inside a temporary
git repository laid out as the doc describes (drafts/, claimcheck.yaml, a registry and an
evidence library, an `origin` remote). Each must exit 0 or 1 (never 2) and write the files
the workflow goes on to use.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from gitrepo import git

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "ci.md"
BIN = Path(sys.executable).parent
SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-2.1.0.json").read_text("utf-8"))
PROJECT_URL = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["urls"][
    "Homepage"
]
# `uses: OWNER/REPO@TAG` names the action by the repository the project lives in
ACTION = PROJECT_URL.removeprefix("https://github.com/") + "@"

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        shutil.which("claimcheck", path=str(BIN)) is None, reason="console script not installed"
    ),
]

# --------------------------------------------------------------------------- expressions


_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>\d+(?:\.\d+)?)"
    r"|(?P<op>==|!=|&&|\|\||[!(),.\[\]])|(?P<name>[A-Za-z_][\w-]*))"
)


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ValueError(f"cannot parse expression {text!r} at {pos}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def _text(value: Any) -> str:
    """How GitHub turns an expression's value into text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def evaluate(expr: str, contexts: dict[str, Any]) -> Any:
    """Evaluate a GitHub Actions expression: contexts, literals, == != ! && ||, format()."""
    toks = _tokens(expr)
    pos = 0

    def peek() -> str | None:
        return toks[pos][1] if pos < len(toks) else None

    def take() -> tuple[str, str]:
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def or_() -> Any:
        left = and_()
        while peek() == "||":
            take()
            right = and_()
            left = left if left else right
        return left

    def and_() -> Any:
        left = cmp()
        while peek() == "&&":
            take()
            right = cmp()
            left = right if left else left
        return left

    def cmp() -> Any:
        left = unary()
        if peek() in ("==", "!="):
            op = take()[1]
            right = unary()
            same = _text(left).lower() == _text(right).lower()
            return same if op == "==" else not same
        return left

    def unary() -> Any:
        if peek() == "!":
            take()
            return not unary()
        return primary()

    def primary() -> Any:
        kind, value = take()
        if kind == "str":
            return value[1:-1].replace("''", "'")
        if kind == "num":
            return float(value) if "." in value else int(value)
        if value == "(":
            inner = or_()
            assert take()[1] == ")"
            return inner
        if kind != "name":
            raise ValueError(f"unexpected {value!r} in {expr!r}")
        if peek() == "(":
            take()
            args = []
            while peek() != ")":
                args.append(or_())
                if peek() == ",":
                    take()
            take()
            return _call(value, args)
        if value in ("true", "false"):
            return value == "true"
        if value == "null":
            return None
        current: Any = contexts.get(value)
        while peek() == ".":
            take()
            key = take()[1]
            current = current.get(key) if isinstance(current, dict) else None
        return current

    result = or_()
    assert pos == len(toks), f"trailing tokens in {expr!r}"
    return result


def _call(name: str, args: list[Any]) -> Any:
    if name == "format":
        text = _text(args[0])
        for i, arg in enumerate(args[1:]):
            text = text.replace(f"{{{i}}}", _text(arg))
        return text
    if name in ("always", "success"):
        return True
    if name in ("failure", "cancelled"):
        return False
    if name == "contains":
        return _text(args[1]).lower() in _text(args[0]).lower()
    raise ValueError(f"function {name}() is not supported by this test")


def substitute(text: str, contexts: dict[str, Any]) -> str:
    """Replace every ${{ ... }} in `text` with its value."""
    return re.sub(
        r"\$\{\{(.*?)\}\}", lambda m: _text(evaluate(m.group(1), contexts)), text, flags=re.S
    )


def test_expression_evaluator_matches_github_semantics():
    ctx = {"github": {"event_name": "push", "base_ref": ""}, "matrix": {"shard": 3}}
    pr_flag = (
        "github.event_name == 'pull_request' "
        "&& format('--changed-since origin/{0}', github.base_ref) || ''"
    )
    assert evaluate(pr_flag, ctx) == ""
    ctx["github"] = {"event_name": "pull_request", "base_ref": "main"}
    assert evaluate(pr_flag, ctx) == "--changed-since origin/main"
    assert substitute("--shard ${{ matrix.shard }}/4", ctx) == "--shard 3/4"
    assert evaluate("!(matrix.shard == 3)", ctx) is False


# --------------------------------------------------------------------------- the doc's commands


@dataclass
class Job:
    """Commands that run in order in one checkout, as one CI job would run them."""

    name: str
    commands: list[str]
    event: str = "pull_request"
    env: dict[str, str] = field(default_factory=dict)
    action: dict[str, str] | None = None  # inputs of a step that uses the action
    results: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)  # the action's steps, traced
    cwd: Path | None = None
    gitlab: dict[str, Any] | None = None  # the GitLab CI job definition

    def key(self) -> str:
        """What the job runs; two events that run the same thing need one run."""
        return json.dumps([self.commands, self.env, self.action], sort_keys=True)


INVOKES = re.compile(r"(?m)^\s*claimcheck\s")  # a command line that runs claimcheck


def fenced_blocks(text: str, lang: str) -> list[str]:
    """The contents of the ```lang fenced blocks of a Markdown text."""
    return re.findall(rf"^```{lang}\n(.*?)^```", text, flags=re.M | re.S)


def _walk(node: Any, matrix: dict[str, list[Any]]) -> Any:
    """(step, matrix) for every mapping in a YAML tree; a job's strategy.matrix is passed down."""
    if isinstance(node, dict):
        strategy = node.get("strategy")
        if isinstance(strategy, dict) and isinstance(strategy.get("matrix"), dict):
            matrix = {k: v for k, v in strategy["matrix"].items() if isinstance(v, list)}
        yield node, matrix
        for value in node.values():
            yield from _walk(value, matrix)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, matrix)


def _matrix_values(matrix: dict[str, list[Any]]) -> list[dict[str, Any]]:
    keys = sorted(matrix)
    return [
        dict(zip(keys, combo, strict=True))
        for combo in itertools.product(*(matrix[k] for k in keys))
    ]


def contexts_for(event: str, matrix: dict[str, Any]) -> dict[str, Any]:
    """The expression contexts of a run for `event` (a pull request into main, or a push)."""
    github = {"event_name": event, "base_ref": "main" if event == "pull_request" else ""}
    github["ref"] = "refs/pull/7/merge" if event == "pull_request" else "refs/heads/main"
    return {"github": github, "matrix": matrix, "env": {}}


def doc_jobs() -> list[Job]:
    """Every claimcheck invocation docs/ci.md and .pre-commit-hooks.yaml give, as jobs."""
    text = DOC.read_text("utf-8")
    jobs: list[Job] = []
    for index, block in enumerate(fenced_blocks(text, "yaml")):
        data = yaml.safe_load(textwrap.dedent(block))
        for node, matrix in _walk(data, {}):
            combos = _matrix_values(matrix) or [{}]
            run = node.get("run")
            uses = node.get("uses")
            for event, combo in itertools.product(("pull_request", "push"), combos):
                ctx = contexts_for(event, combo)
                label = (
                    f"ci.md yaml block {index + 1} ({event}{', ' if combo else ''}{combo or ''})"
                )
                env = {k: substitute(str(v), ctx) for k, v in (node.get("env") or {}).items()}
                if isinstance(run, str) and INVOKES.search(run):
                    jobs.append(Job(f"{label}: run", [substitute(run, ctx)], event, env))
                if isinstance(uses, str) and uses.startswith(ACTION):
                    given = {
                        k: substitute(str(v), ctx) for k, v in (node.get("with") or {}).items()
                    }
                    jobs.append(Job(f"{label}: action", [], event, action=given))
            script = node.get("script")
            if isinstance(script, list) and "image" in node:  # a GitLab CI job
                # everything but the install: claimcheck is already installed here
                lines = [line for line in script if not line.startswith("pip ")]
                env = {
                    "CI_PIPELINE_SOURCE": "merge_request_event",
                    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
                }
                jobs.append(
                    Job(f"ci.md yaml block {index + 1}: GitLab script", lines, env=env, gitlab=node)
                )
    shell = [
        line.strip()
        for block in fenced_blocks(text, "sh")
        for line in block.splitlines()
        if INVOKES.search(line)
    ]
    if shell:
        jobs.append(Job("ci.md sh blocks (baseline)", shell))
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    for hook in hooks:
        if "claimcheck" in hook["entry"]:
            jobs.append(Job(f"pre-commit hook {hook['id']}", [hook["entry"]], env={"HOOK": "1"}))
    unique: dict[str, Job] = {}
    for job in jobs:
        unique.setdefault(job.key(), job)
    return list(unique.values())


# --------------------------------------------------------------------------- the repository

REGISTRY = """\
version: 1
claims:
  - id: ARC-OPTIME
    text: >-
      ArcGuide reduced mean operative time by 12% compared with conventional
      instrumentation in a randomized controlled trial.
    evidence: [EV-ARC-RCT-2024]
    expires: 2099-12-31
prohibited:
  - id: NO-RECOVERY
    phrases: [faster recovery, recover faster]
    reason: The trial found no difference in length of stay.
"""
EVIDENCE = """\
evidence:
  - id: EV-ARC-RCT-2024
    citation: "Lee M, et al. J Arthroplasty. 2024;39(2):210-218."
    type: rct
    date: 2024-02-01
    findings:
      - endpoint: mean operative time
        result: 78 vs 89 minutes (-12%), p=0.003
"""
CONFIG = """\
registry: claims/claims.yaml
evidence: evidence/
audience: hcp
channel: email
"""
SUPPORTED = (
    "ArcGuide reduced mean operative time by 12% compared with conventional instrumentation "
    "in a randomized controlled trial."
)
INTENSIFIED = SUPPORTED.replace("ArcGuide reduced", "ArcGuide dramatically reduced")
WRONG_NUMBER = SUPPORTED.replace("12%", "25%")
PROHIBITED = "With ArcGuide, your patients recover faster."
DRAFTS = ("drafts/changed.md", "drafts/new.md", "drafts/untouched.md")
PR_DRAFTS = {"drafts/changed.md", "drafts/new.md"}


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_repo(base: Path) -> Path:
    """A content repository: main pushed to `origin`, a pull-request branch checked out.

    The branch edits drafts/changed.md (adds an overstated sentence) and adds drafts/new.md
    (a wrong number); drafts/untouched.md (a prohibited phrase) is only on main.
    """
    origin = base / "origin.git"
    repo = base / "content"
    git(base, "init", "-q", "--bare", "-b", "main", str(origin))
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "claimcheck.yaml", CONFIG)
    write(repo, "claims/claims.yaml", REGISTRY)
    write(repo, "evidence/arcguide.yaml", EVIDENCE)
    write(repo, "drafts/changed.md", f"# Email\n\n{SUPPORTED}\n")
    write(repo, "drafts/untouched.md", f"# Web\n\n{PROHIBITED}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "approved content")
    git(repo, "remote", "add", "origin", str(origin))
    git(repo, "push", "-q", "origin", "main")
    git(repo, "fetch", "-q", "origin")
    git(repo, "checkout", "-q", "-b", "campaign")
    write(repo, "drafts/changed.md", f"# Email\n\n{SUPPORTED}\n\n{INTENSIFIED}\n")
    write(repo, "drafts/new.md", f"# Poster\n\n{WRONG_NUMBER}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "campaign drafts")
    return repo


def shell(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run one command the way a GitHub `run:` step does (bash -eo pipefail)."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# A stand-in for `python` in the action's install step only: it records the command line
# instead of installing this checkout over the test environment's editable install.
RECORDING_PYTHON = """#!/bin/sh
printf '%s\\n' "$@" > "$CC_TEST_INSTALL_ARGS"
"""


def run_action(job: Job, cwd: Path, env: dict[str, str]) -> None:
    """Run action.yml's steps in order, with the doc's inputs, as the runner would.

    `if:` conditions are evaluated; `run:` steps run in bash with GITHUB_ACTION_PATH set to
    this checkout and GITHUB_OUTPUT collected per step; `uses:` steps are recorded with their
    `with:` values (setup-python reports this Python's version, the cache restore a miss).
    The install step runs with a `python` that records its arguments. `job.steps` keeps the
    trace; `job.results` gets the claimcheck step and the exit step, as the tests read them.
    """
    spec = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    inputs = {k: str(v.get("default", "")) for k, v in spec["inputs"].items()}
    unknown = set(job.action or {}) - set(inputs)
    assert not unknown, f"{job.name}: the doc passes inputs action.yml lacks: {unknown}"
    inputs.update(job.action or {})
    shim = cwd.parent / f"{cwd.name}-python"
    shim.mkdir()
    (shim / "python").write_text(RECORDING_PYTHON, encoding="utf-8")
    (shim / "python").chmod(0o755)
    outputs: dict[str, dict[str, str]] = {}
    for step in spec["runs"]["steps"]:
        key = step.get("id") or step["name"]
        ctx = {
            "inputs": inputs,
            "steps": {k: {"outputs": v} for k, v in outputs.items()},
            "runner": {"os": "Linux"},
            "github": {"action_path": str(ROOT)},
        }
        trace: dict[str, Any] = {"step": key}
        job.steps.append(trace)
        if "if" in step and not evaluate(str(step["if"]), ctx):
            trace["skipped"] = True
            continue
        if "uses" in step:
            trace["uses"] = step["uses"]
            trace["with"] = {
                k: substitute(str(v), ctx) for k, v in (step.get("with") or {}).items()
            }
            if step["uses"].startswith("actions/setup-python@"):
                outputs[key] = {"python-version": ".".join(map(str, sys.version_info[:3]))}
            elif step["uses"].startswith("actions/cache/restore@"):
                outputs[key] = {"cache-hit": "false"}  # a first run
            continue
        step_env = {k: substitute(str(v), ctx) for k, v in (step.get("env") or {}).items()}
        out_file = cwd / f".github-output-{len(job.steps)}"
        out_file.write_text("", encoding="utf-8")
        step_env |= {"GITHUB_OUTPUT": str(out_file), "GITHUB_ACTION_PATH": str(ROOT)}
        if key == "Install claimcheck":
            step_env |= {
                "PATH": f"{shim}{os.pathsep}{env['PATH']}",
                "CC_TEST_INSTALL_ARGS": str(shim / "args"),
            }
        done = shell(step["run"], cwd, {**env, **step_env})
        outputs[key] = dict(
            line.partition("=")[::2] for line in out_file.read_text("utf-8").splitlines()
        )
        trace |= {"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
        trace["outputs"] = outputs[key]
        if key == "Install claimcheck":
            trace["args"] = (shim / "args").read_text("utf-8").splitlines()
        if key in ("run", "Exit with claimcheck's status"):
            report = outputs.get("run", {}).get("report", "")
            job.results.append(
                {
                    "command": f"action step {key!r} {inputs}",
                    "code": done.returncode,
                    "stdout": done.stdout,
                    "stderr": done.stderr,
                    "outputs": dict(outputs.get("run", {})),
                    "report": cwd / report if report else None,
                    "format": inputs["format"],
                    "fail_on_findings": inputs["fail-on-findings"],
                    "narrowed": "--changed-since" in inputs["args"],
                }
            )


def run_job(job: Job, repo: Path, workdir: Path, index: int) -> Job:
    """Run a job in its own copy of the repository."""
    slug = re.sub(r"\W+", "-", job.name)[:60].strip("-")
    cwd = workdir / f"{index:02}-{slug}"
    shutil.copytree(repo, cwd, symlinks=True)
    job.cwd = cwd  # pushes run on the same commit: the campaign branch, merged
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_"))},
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "NO_COLOR": "1",
        **job.env,
    }
    if job.action is not None:
        run_action(job, cwd, env)
        return job
    commands = job.commands
    if "HOOK" in job.env:
        # pre-commit passes the staged files matching the hook's `files` pattern
        hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))[0]
        staged = git(cwd, "diff", "--name-only", "--cached", "HEAD~1").split()
        files = [f for f in staged if re.search(hook["files"], f)]
        assert files, "nothing staged for the hook"
        commands = [f"{c} {' '.join(files)}" for c in commands]
        git(cwd, "reset", "-q", "--soft", "HEAD~1")  # the branch's changes, staged
    for command in commands:
        done = shell(command, cwd, env)
        job.results.append(
            {
                "command": command,
                "code": done.returncode,
                "stdout": done.stdout,
                "stderr": done.stderr,
                "narrowed": "--changed-since" in command + json.dumps(job.env),
            }
        )
    return job


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The content repository, and a directory for the jobs' own copies of it."""
    base = tmp_path_factory.mktemp("ci")
    repo = build_repo(base)
    workdir = base / "jobs"
    workdir.mkdir()
    return repo, workdir


@pytest.fixture(scope="module")
def ran(content_repo: tuple[Path, Path]) -> list[Job]:
    """Every job of the doc, run (in parallel: each has its own checkout)."""
    repo, workdir = content_repo
    jobs = doc_jobs()
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return list(pool.map(lambda ij: run_job(ij[1], repo, workdir, ij[0]), enumerate(jobs)))


def sarif_files(log: dict) -> set[str]:
    """The draft paths a SARIF log has results for."""
    return {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for run in log["runs"]
        for result in run["results"]
        for loc in result.get("locations", [])
    }


def output_of(command: str) -> str | None:
    m = re.search(r"--output[ =](\S+)", command)
    return m.group(1) if m else None


# --------------------------------------------------------------------------- tests


def test_the_doc_yields_every_kind_of_recipe():
    jobs = doc_jobs()
    names = [j.name for j in jobs]
    assert sum(1 for j in jobs if j.name.endswith(": run")) >= 4  # 2 steps x 2 events
    assert sum(1 for j in jobs if j.action is not None) >= 2 + 4  # 2 events + 4 shards
    assert any("GitLab" in n for n in names)
    assert any("baseline" in n for n in names)
    assert any(n.startswith("pre-commit") for n in names)
    for job in jobs:
        for command in job.commands:
            assert "${{" not in command, (job.name, command)


def test_every_recipe_exits_0_or_1_never_2(ran):
    failures = [
        f"{job.name}: `{r['command']}` exited {r['code']}\n{r['stderr']}"
        for job in ran
        for r in job.results
        if r["code"] not in (0, 1) or r.get("outputs", {}).get("exit-code", "0") not in ("0", "1")
    ]
    assert not failures, "\n\n".join(failures)
    assert all(job.results for job in ran)


def test_reports_the_workflows_use_are_written_and_valid(ran):
    checked = 0
    for job in ran:
        for r in job.results:
            if "report" in r:  # the action: the upload step reads steps.run.outputs.report
                if r["command"].startswith("action step 'run'") and r["format"] == "sarif":
                    assert r["outputs"].get("written") == "true", job.name
                    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(
                        json.loads(r["report"].read_text("utf-8"))
                    )
                    [upload] = [
                        s for s in job.steps if s["step"] == "Upload SARIF to code scanning"
                    ]
                    assert Path(job.cwd / upload["with"]["sarif_file"]) == r["report"]
                    checked += 1
                continue
            target = output_of(r["command"])
            if target is None:
                continue
            path = job.cwd / target
            assert path.is_file(), f"{job.name}: {r['command']} wrote no {target}"
            if target.endswith(".sarif"):
                jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(path.read_text()))
            elif target.endswith(".xml"):
                root = ET.parse(path).getroot()
                assert root.tag == "testsuites"
                assert root.findall(".//testcase"), job.name
            checked += 1
    assert checked >= 8


def expected_files(result: dict[str, Any]) -> set[str]:
    """The drafts a run must report: the pull request's, or all of them."""
    return PR_DRAFTS if result["narrowed"] else set(DRAFTS)


def test_pull_request_runs_check_only_the_changed_drafts(ran):
    narrowed = full = 0
    for job in ran:
        for r in job.results:
            command = r["command"]
            target = r.get("report") or (
                job.cwd / output_of(command) if output_of(command) else None
            )
            if target is None or not str(target).endswith(".sarif") or "--shard" in command:
                continue
            if "--baseline" in command or not command.startswith(("action step 'run'", "claim")):
                continue
            files = sarif_files(json.loads(Path(target).read_text("utf-8")))
            assert files == expected_files(r), (job.name, files)
            if r["narrowed"]:
                assert job.event == "pull_request", job.name
                narrowed += 1
            else:
                full += 1
    assert narrowed >= 2 and full >= 2  # the action and the hand-written steps, both events


def test_github_annotations_step_prints_error_commands(ran):
    steps = [
        (job, r)
        for job in ran
        for r in job.results
        if "--format github" in r["command"] and job.action is None
    ]
    assert len(steps) == 2
    for job, r in steps:
        assert r["code"] == 1
        files = set(re.findall(r"^::error file=([^,]+),line=\d+", r["stdout"], flags=re.M))
        assert files == expected_files(r), job.name


def test_gitlab_job_writes_a_junit_report_of_the_changed_drafts(ran):
    [job] = [j for j in ran if "GitLab" in j.name]
    # $CI_MERGE_REQUEST_* exist only in merge-request pipelines: the job must say so
    assert "merge_request_event" in json.dumps(job.gitlab.get("rules"))
    fetch, check = job.results
    assert fetch["code"] == 0, fetch["stderr"]
    assert check["code"] == 1
    suites = ET.parse(job.cwd / "claimcheck.xml").getroot().findall("testsuite")
    assert {s.get("name") for s in suites} == PR_DRAFTS


def test_shard_matrix_covers_each_draft_exactly_once(ran):
    shards = [job for job in ran if job.action and "--shard" in job.action.get("args", "")]
    assert len(shards) == 4
    per_shard = [
        sarif_files(json.loads(r["report"].read_text("utf-8")))
        for job in shards
        for r in job.results
        if r["command"].startswith("action step 'run'")
    ]
    assert set().union(*per_shard) == set(DRAFTS)
    assert sum(len(s) for s in per_shard) == len(DRAFTS)
    assert {job.action["output"] for job in shards} == {
        f"claimcheck-{i}.sarif" for i in range(1, 5)
    }
    assert len({job.action["category"] for job in shards}) == 4


def test_action_fails_the_job_on_findings_and_passes_its_exit_code(ran):
    for job in ran:
        if job.action is None:
            continue
        run_step, exit_step = job.results
        code = int(run_step["outputs"]["exit-code"])
        expected = 1 if code == 1 and exit_step["fail_on_findings"] == "true" else code
        assert exit_step["code"] == expected, job.name


def test_action_with_format_github_prints_annotations_to_the_log(ran):
    jobs = [j for j in ran if j.action and j.action.get("format") == "github"]
    assert len(jobs) == 2  # the doc's recipe, for a pull request and for a push
    for job in jobs:
        run_step, exit_step = job.results
        assert run_step["code"] == 0 and run_step["outputs"]["exit-code"] == "1"
        assert run_step["outputs"]["report"] == "" and run_step["report"] is None
        files = set(re.findall(r"^::error file=([^,]+),line=\d+", run_step["stdout"], flags=re.M))
        assert files == expected_files(run_step), job.name
        written = [p.name for p in job.cwd.iterdir() if p.suffix in (".sarif", ".xml", ".json")]
        assert not written, "annotations went to a file"
        [upload] = [s for s in job.steps if s["step"] == "Upload SARIF to code scanning"]
        assert upload.get("skipped"), "nothing to upload"
        assert exit_step["code"] == 1  # findings fail the job


def _pip_cache_steps(job: Job) -> dict[str, dict[str, Any]]:
    return {s["step"]: s for s in job.steps}


def test_action_caches_pip_downloads_and_installs_its_own_checkout(ran):
    deps = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    python = ".".join(map(str, sys.version_info[:3]))
    key = f"claimcheck-pip-Linux-{python}-{deps}"
    jobs = [j for j in ran if j.action is not None]
    assert jobs
    for job in jobs:
        steps = _pip_cache_steps(job)
        located = steps["pip-cache"]
        assert located["code"] == 0, located["stderr"]
        assert located["outputs"]["deps"] == deps
        assert Path(located["outputs"]["dir"]).is_absolute()
        restore, save = steps["restore"], steps["Save the pip cache"]
        assert restore["uses"].startswith("actions/cache/restore@")
        assert restore["with"]["path"] == located["outputs"]["dir"]
        assert restore["with"]["key"] == key
        assert key.startswith(restore["with"]["restore-keys"])
        # saved before claimcheck runs, so a run with findings (a failed job) still saves it
        order = [s["step"] for s in job.steps]
        assert order.index("Save the pip cache") < order.index("run")
        assert save["uses"].startswith("actions/cache/save@") and not save.get("skipped")
        assert save["with"] == {"path": located["outputs"]["dir"], "key": key}
        install = steps["Install claimcheck"]
        assert install["code"] == 0, install["stderr"]
        assert install["args"][:3] == ["-m", "pip", "install"]
        assert install["args"][-1] == str(ROOT)  # the action's own files: this pyproject
        assert (ROOT / "pyproject.toml").is_file()


def test_action_with_cache_off_runs_no_cache_step(content_repo):
    repo, workdir = content_repo
    job = Job("no cache", [], action={"paths": "drafts/", "cache": "false", "format": "json"})
    run_job(job, repo, workdir, 99)
    steps = _pip_cache_steps(job)
    for name in ("pip-cache", "restore", "Save the pip cache"):
        assert steps[name].get("skipped"), name
    run_step, _ = job.results
    assert run_step["outputs"]["report"] == "claimcheck.json"  # json's default file
    report = json.loads((job.cwd / "claimcheck.json").read_text("utf-8"))
    assert {d["path"] for d in report["documents"]} == set(DRAFTS)


def test_baseline_commands_adopt_the_existing_findings(ran):
    [job] = [j for j in ran if "baseline" in j.name]
    write_run, apply_run = job.results
    assert write_run["code"] == 0  # "once; exits 0"
    baseline = json.loads((job.cwd / ".claimcheck-baseline.json").read_text("utf-8"))
    assert {f["path"] for f in baseline["findings"]} == set(DRAFTS)
    assert apply_run["code"] == 0  # nothing new since the baseline
    assert "0 new" in apply_run["stderr"]
    log = json.loads((job.cwd / "claimcheck.sarif").read_text("utf-8"))
    assert sarif_files(log) == set()


def test_pre_commit_hook_checks_the_staged_drafts(ran):
    [job] = [j for j in ran if j.name.startswith("pre-commit")]
    [r] = job.results
    assert r["code"] == 1
    assert "drafts/changed.md" in r["stdout"] and "drafts/new.md" in r["stdout"]
    assert "drafts/untouched.md" not in r["stdout"]


# --------------------------------------------------------------------------- static checks


def check_flags() -> set[str]:
    """The long options `claimcheck check --help` lists."""
    done = subprocess.run(
        [str(BIN / "claimcheck"), "check", "--help"], capture_output=True, text=True, check=True
    )
    return set(re.findall(r"(--[a-z][a-z-]+)", done.stdout))


def flags_after_check(script: str) -> set[str]:
    """Long options passed to `claimcheck check` in a shell script or command line."""
    flags: set[str] = set()
    for m in re.finditer(r"claimcheck check([^\n]*)", script):
        flags |= set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", m.group(1)))
    return flags


def test_action_yml_parses_and_uses_only_existing_flags():
    spec = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert spec["runs"]["using"] == "composite"
    for step in spec["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")
    [script] = [s["run"] for s in spec["runs"]["steps"] if s.get("id") == "run"]
    # the claimcheck step's own options, including those it builds up in an array
    used = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", script))
    assert {"--format", "--output"} <= used
    assert used <= check_flags()
    for name in spec["outputs"]:
        assert spec["outputs"][name]["value"].startswith("${{")
    assert spec["inputs"]["format"]["default"] in ("sarif", "junit", "github", "json", "text")


def test_the_doc_passes_only_existing_flags():
    text = DOC.read_text("utf-8")
    used = flags_after_check(text)
    for block in fenced_blocks(text, "yaml"):
        for node, _ in _walk(yaml.safe_load(textwrap.dedent(block)), {}):
            args = node.get("args") if isinstance(node, dict) else None
            if isinstance(args, str):
                used |= set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", args))
    assert {"--changed-since", "--shard", "--baseline", "--write-baseline"} <= used
    assert used <= check_flags(), used - check_flags()
