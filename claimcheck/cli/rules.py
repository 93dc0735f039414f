"""`claimcheck rules list` and `claimcheck rules explain CODE`."""

from __future__ import annotations

import click

from claimcheck.cli.options import fail, guarded


@click.group("rules")
def rules_group() -> None:
    """List the rules and explain what each one checks."""


@rules_group.command("list")
@guarded
def list_command() -> None:
    """List every rule with its code, name, verdict and default severity."""
    from claimcheck.checks.judge import rule_docs

    for doc in rule_docs():
        click.echo(
            f"{doc['code']}  {doc['name']:<28} {doc['verdict']:<12} "
            f"{doc['default_severity']:<8} {doc['summary']}"
        )


@rules_group.command("explain")
@click.argument("code")
@guarded
def explain_command(code: str) -> None:
    """Print the documentation of one rule (by code or name)."""
    from claimcheck.checks.judge import rule_docs

    wanted = code.strip().upper()
    for doc in rule_docs():
        if doc["code"].upper() == wanted or doc["name"] == code.strip().lower():
            click.echo(
                f"{doc['code']} {doc['name']} ({doc['verdict']}, default {doc['default_severity']})"
            )
            click.echo()
            click.echo(doc["doc"].strip())
            return
    fail(f"unknown rule '{code}' (see `claimcheck rules list`)")
