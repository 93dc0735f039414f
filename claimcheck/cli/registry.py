"""`claimcheck registry validate`: registry hygiene for CI."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from claimcheck.cli.check import build_options
from claimcheck.cli.options import check_options, guarded
from claimcheck.errors import UsageError, printable
from claimcheck.model import ExitCode


@click.group("registry")
def registry_group() -> None:
    """Work with the claim registry."""


@registry_group.command("validate")
@check_options
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
    session = pipeline.prepare(options)
    registry = session.registry
    if not registry.sources:
        raise UsageError(
            "no claim registry found (use --registry or `registry:` in claimcheck.yaml)"
        )
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
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    click.echo(
        f"{len(registry.claims)} claims, {len(registry.prohibited)} prohibited, "
        + (f"{len(registry.required)} required statements, " if registry.required else "")
        + f"{len(registry.evidence)} evidence records: {errors} error(s), {warnings} warning(s)"
    )
    failed = errors or (strict and warnings)
    sys.exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))
