"""`claimcheck rules list` and `claimcheck rules explain CODE`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from claimcheck.cli.options import epilog, fail, guarded

_CONFIG_OPTION = click.option(
    "--config",
    "config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Config whose `rules:` packs to include (default: claimcheck.yaml, searched upward).",
)


@click.group(
    "rules",
    epilog=epilog(
        ["claimcheck rules list", "claimcheck rules explain CC202"],
        [(0, "see each command's --help"), (2, "an unknown rule or a config error")],
    ),
)
def rules_group() -> None:
    """List the rules and explain what each one checks."""


def _docs(config: Path | None) -> list[dict[str, Any]]:
    """Every rule: the checks, the red-flag family (CC250) and its packs, the config's packs."""
    from claimcheck.checks import CHECKS, redflags
    from claimcheck.checks.judge import rule_docs
    from claimcheck.config import load_config

    # The user's own packs (config `rules:`) are rules of this repository: list them too.
    packs = load_config(config, Path.cwd()).rules
    docs = rule_docs(packs)
    # rule_docs() stands the red-flag family in for its pack rules, but CC250 / red-flag is
    # what `disable:` takes to turn them all off, so a user must be able to look it up.
    family = CHECKS.get(redflags.CODE)
    if family is not None and all(d["code"] != redflags.CODE for d in docs):
        doc = (family.__doc__ or "").strip()
        docs.append(
            {
                "code": redflags.CODE,
                "name": redflags.NAME,
                "verdict": redflags.VERDICT,
                "default_severity": "per rule",
                "summary": doc.splitlines()[0] if doc else "",
                "doc": doc + "\n",
            }
        )
    return sorted(docs, key=lambda d: d["code"])


@rules_group.command(
    "list",
    epilog=epilog(
        ["claimcheck rules list", "claimcheck rules list --config team/claimcheck.yaml"],
        [(0, "the rules were listed"), (2, "a config or rule-pack error")],
    ),
)
@_CONFIG_OPTION
@guarded
def list_command(config: Path | None) -> None:
    """List every rule with its code, name, verdict and default severity."""
    for doc in _docs(config):
        click.echo(
            f"{doc['code']}  {doc['name']:<28} {doc['verdict']:<12} "
            f"{doc['default_severity']:<10} {doc['summary']}"
        )


@rules_group.command(
    "explain",
    epilog=epilog(
        ["claimcheck rules explain CC202", "claimcheck rules explain dropped-qualifier | less"],
        [(0, "the rule was explained"), (2, "no such rule, or a config error")],
    ),
)
@click.argument("code", shell_complete=lambda ctx, param, incomplete: _complete(incomplete))
@_CONFIG_OPTION
@guarded
def explain_command(code: str, config: Path | None) -> None:
    """Print the documentation of one rule (by code or name)."""
    wanted = code.strip()
    for doc in _docs(config):
        if doc["code"].upper() == wanted.upper() or doc["name"] == wanted.lower():
            title = (
                f"{doc['code']} {doc['name']} ({doc['verdict']}, default {doc['default_severity']})"
            )
            _show(title, doc["doc"].strip())
            return
    fail(f"unknown rule '{code}' (see `claimcheck rules list`)")


def _show(title: str, doc: str) -> None:
    """The rule's documentation: rendered Markdown on a terminal (or with FORCE_COLOR), the
    Markdown source itself otherwise (a pipe, a file, NO_COLOR), which reads fine as text."""
    from claimcheck.cli import terminal

    if not terminal.use_color():
        click.echo(title)
        click.echo()
        click.echo(doc)
        return
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(force_terminal=True, width=terminal.width() or 100, highlight=False)
    with console.capture() as capture:
        console.print(Markdown(f"# {title}\n\n{doc}"))
    click.echo(capture.get(), nl=False, color=True)


def _complete(incomplete: str) -> list[Any]:
    """Rule codes and names for shell completion of `rules explain` (none if the config is bad)."""
    from click.shell_completion import CompletionItem

    from claimcheck.errors import ClaimcheckError

    try:
        docs = _docs(None)
    except ClaimcheckError:
        return []
    wanted = incomplete.lower()
    items = []
    for doc in docs:
        for value in (doc["code"], doc["name"]):
            if value.lower().startswith(wanted):
                items.append(CompletionItem(value, help=doc["summary"]))
    return items
