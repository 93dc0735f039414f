"""`claimcheck explain`: show how a sentence was read and judged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from claimcheck.cli.options import check_options, cli_context, epilog, guarded


@click.command(
    "explain",
    epilog=epilog(
        [
            'claimcheck explain "FloraEase reduces bloating." --product floraease-daily',
            "claimcheck explain --file drafts/email.md --line 14",
            "claimcheck explain --file deck.pptx --line 3 --format json",
        ],
        [(0, "explained"), (2, "usage, config or input error (one line on stderr)")],
    ),
)
@click.argument("sentence", required=False)
@click.option(
    "--file",
    "draft",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A draft: explain its sentences (all of them, or those at --line).",
)
@click.option(
    "--line",
    "line",
    type=click.IntRange(1),
    help="With --file: the location check reports (line for Markdown, HTML and text, "
    "paragraph for DOCX, page for PDF, slide for PPTX).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@check_options
@guarded
def explain_command(
    sentence: str | None, draft: Path | None, line: int | None, fmt: str, **kwargs: Any
) -> None:
    """Show how claimcheck reads and judges a sentence: claim or not and the rule that
    decided, its cues with negation and hedge scope, the approved claims it was matched
    against with their scores and the guard that set each aside, and the verdict.
    """
    from claimcheck import pipeline
    from claimcheck.errors import UsageError
    from claimcheck.load import parse_text, read
    from claimcheck.report.explain import render, render_json

    if (sentence is None) == (draft is None):
        raise UsageError("give a SENTENCE or --file DRAFT (one of them)")
    if line is not None and draft is None:
        raise UsageError("--line goes with --file")
    cwd = Path.cwd()
    options = pipeline.Options(
        paths=(),
        cwd=cwd,
        config=kwargs.get("config"),
        registry=tuple(kwargs.get("registry") or ()),
        evidence=tuple(kwargs.get("evidence") or ()),
        context=cli_context(kwargs),
        strength_model=kwargs.get("strength_model"),
    )
    session = pipeline.prepare(options)
    checker = pipeline.Checker(session, options.context)
    if draft is not None:
        path = draft if draft.is_absolute() else cwd / draft
        doc = read(path, pipeline.display_path(path, cwd))
    else:
        path = cwd / "-"
        doc = parse_text(sentence or "", "text", "-")
    explanations = checker.explain(doc, path, line)
    if not explanations:
        where = f" at {line}" if line is not None else ""
        raise UsageError(f"{doc.path}: no sentence{where} (see `claimcheck check` for locations)")
    for notice in session.notices:
        click.echo(f"claimcheck: {notice}", err=True)
    click.echo((render_json if fmt == "json" else render)(explanations), nl=False)
