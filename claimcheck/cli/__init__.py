"""The claimcheck command line: the only place that prints or exits."""

from __future__ import annotations

import click

from claimcheck import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Lint healthcare marketing copy against an approved-claims registry."""


def _register() -> None:
    """Explicit command registration (no discovery magic)."""
    from claimcheck.cli.check import check_command
    from claimcheck.cli.init import init_command
    from claimcheck.cli.model import model_group
    from claimcheck.cli.registry import registry_group
    from claimcheck.cli.review import annotate_command, report_command
    from claimcheck.cli.rules import rules_group

    for command in (
        check_command,
        report_command,
        annotate_command,
        registry_group,
        rules_group,
        model_group,
        init_command,
    ):
        cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli()
