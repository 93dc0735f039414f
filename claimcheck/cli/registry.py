"""`claimcheck registry validate` (registry hygiene for CI) and `claimcheck registry test`."""

from __future__ import annotations

import functools
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from claimcheck.cli.check import build_options
from claimcheck.cli.options import ERROR_CODE, epilog, guarded, registry_options
from claimcheck.errors import UsageError, one_line, printable, shown
from claimcheck.model import ExitCode


@click.group(
    "registry",
    epilog=epilog(
        ["claimcheck registry validate --strict", "claimcheck registry test"],
        [(0, "see each command's --help"), ERROR_CODE],
    ),
)
def registry_group() -> None:
    """Work with the claim registry."""


@registry_group.command(
    "validate",
    epilog=epilog(
        [
            "claimcheck registry validate",
            "claimcheck registry validate --registry claims/ --evidence evidence/ --strict",
        ],
        [
            (0, "no errors (warnings allowed without --strict)"),
            (1, "an audit error, or a warning with --strict"),
            (2, "schema errors (all listed) or a config problem"),
        ],
    ),
)
@registry_options
@click.option(
    "--expiring-within",
    type=click.IntRange(0),
    default=30,
    show_default=True,
    metavar="DAYS",
    help="Warn about claims that expire within DAYS.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@guarded
def validate_command(expiring_within: int, strict: bool, **kwargs: Any) -> None:
    """Validate the registry and evidence: schema, dangling evidence, duplicates, expiry, files."""
    from claimcheck import pipeline
    from claimcheck.registry.validate import audit_registry

    options = build_options((), kwargs)
    schema: list[Any] = []  # every schema problem, not only the first
    session = pipeline.prepare(options, problems=schema)
    registry = session.registry
    if not registry.sources and not schema:
        raise UsageError(
            "no claim registry found (use --registry or `registry:` in claimcheck.yaml)"
        )
    for problem in schema:
        where = f"{problem.path}:{problem.line}" if problem.line is not None else problem.path
        click.echo(printable(f"{where}: error: {one_line(problem.message)}"))
    as_of: date = session.as_of
    config = session.config
    contexts = [
        {
            key: getattr(layer, key)
            for key in ("product", "audience", "channel", "market", "indication")
        }
        for layer in (config, *config.overrides)
    ]
    problems = audit_registry(
        registry,
        as_of,
        expiring_within_days=expiring_within,
        base_dir=Path.cwd(),
        contexts=contexts,
    )
    for p in problems:
        click.echo(printable(f"{p.source}: {p.severity}: {p.message}"))
    audit_errors = sum(1 for p in problems if p.severity == "error")
    errors = audit_errors + len(schema)
    warnings = len(problems) - audit_errors
    click.echo(
        f"{len(registry.claims)} claims, {len(registry.prohibited)} prohibited, "
        + (f"{len(registry.required)} required statements, " if registry.required else "")
        + f"{len(registry.evidence)} evidence records: {errors} error(s), {warnings} warning(s)"
    )
    if schema:  # the registry cannot be used as it is: every command stops on these
        sys.exit(int(ExitCode.ERROR))
    failed = errors or (strict and warnings)
    sys.exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))


@registry_group.command(
    "test",
    epilog=epilog(
        ["claimcheck registry test", "claimcheck registry test --claim ARC-OPTIME -q"],
        [(0, "every example passed"), (1, "an example failed"), ERROR_CODE],
    ),
)
@functools.partial(registry_options, strength_model=True)
@click.option(
    "--claim",
    "claim_ids",
    multiple=True,
    metavar="ID",
    help="Run only this claim's examples (repeatable).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary.")
@guarded
def test_command(claim_ids: tuple[str, ...], quiet: bool, **kwargs: Any) -> None:
    """Run the registry's examples: copy each claim must support, and copy it must flag.

    Each example (a claim's `examples:` in the registry) is judged as a draft would be, in its
    own context, and must get the verdict it names.
    """
    from claimcheck import pipeline
    from claimcheck.registry.selftest import run_examples

    session = pipeline.prepare(build_options((), kwargs))
    registry = session.registry
    known = {c.id for c in registry.claims}
    unknown = [c for c in claim_ids if c.upper() not in known]
    if unknown:
        raise UsageError(f"--claim {unknown[0]}: no such claim in the registry")
    from claimcheck.cli.terminal import use_color

    color = use_color()  # PASS/FAIL in colour on a terminal, or with FORCE_COLOR
    passed = failed = 0
    failures = []
    for result in run_examples(session, claim_ids):
        example = result.example
        label = f"{result.claim.id} {example.expect}: {shown(example.text, 200)}"
        if result.passed:
            passed += 1
            if not quiet:
                click.echo(f"{click.style('PASS', fg='green')} {label}", color=color)
            continue
        failed += 1
        failures.append(result)
        click.echo(f"{click.style('FAIL', fg='red', bold=True)} {label}", color=color)
        click.echo(printable(f"     {example.source}: {result.reason}"))
    total = passed + failed
    if total == 0:
        where = ", ".join(registry.sources) or "the registry"
        click.echo(
            f"claimcheck: note: no examples in {where} (give a claim `examples:` with "
            "`supported` and `flagged` copy)",
            err=True,
        )
    if failures and not quiet:
        click.echo()
        for result in failures:
            click.echo(
                printable(
                    f"FAILED {result.example.source} {result.claim.id} "
                    f"{result.example.expect}: {result.reason}"
                )
            )
    summary = f"{total} example(s): {passed} passed, {failed} failed"
    click.echo(
        click.style(summary, fg="red" if failed else "green", bold=bool(failed)), color=color
    )
    sys.exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))
