"""`claimcheck report` (audit report) and `claimcheck annotate` (drafts annotated in place)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from claimcheck.cli.check import (
    build_options,
    refuse_overwriting_inputs,
    report_input_errors,
    write_output,
)
from claimcheck.cli.options import ERROR_CODE, check_options, epilog, guarded
from claimcheck.errors import UsageError, about, printable
from claimcheck.model import ExitCode

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


@click.command(
    "report",
    epilog=epilog(
        [
            "claimcheck report drafts/ -o audit.html",
            "claimcheck report brochure.docx -o audit.md --as-of 2026-12-01",
            "claimcheck report examples/ -o audit.html --asset-id US-ARC-2600123 "
            "--asset-version 0.3",
        ],
        [(0, "the report was written (findings do not change this)"), ERROR_CODE],
    ),
)
@click.argument("drafts", nargs=-1, required=True)
@check_options
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report file (.html or .md).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md"]),
    default=None,
    help="Report format (default: from the output file's extension).",
)
@click.option(
    "--asset-id",
    metavar="TEXT",
    default=None,
    help="Job or document number of the piece under review (e.g. US-ARC-2600123), "
    "printed in the header of every page.",
)
@click.option(
    "--asset-version",
    metavar="TEXT",
    default=None,
    help="Version of the piece under review (e.g. 0.3), shown after the asset id as v0.3.",
)
@guarded
def report_command(
    drafts: tuple[str, ...],
    output: Path,
    fmt: str | None,
    asset_id: str | None,
    asset_version: str | None,
    **kwargs: Any,
) -> None:
    """Write an audit report of every claim in DRAFTS, with its verdict and evidence."""
    from claimcheck import pipeline
    from claimcheck.report import formatter

    for option, value in (("--asset-id", asset_id), ("--asset-version", asset_version)):
        if value is not None and (not value.strip() or not value.isprintable()):
            raise UsageError(f"{option} must be one line of printable text")

    fmt = fmt or REPORT_FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"cannot tell the report format from '{output.name}': use --format html|md"
        )
    options = build_options(drafts, kwargs)
    session = pipeline.prepare(options)
    report = pipeline.run(options, session)
    had_errors = report_input_errors(report, options)
    refuse_overwriting_inputs(output, options, session, report)
    asset = {
        "asset_id": asset_id and asset_id.strip(),
        "asset_version": asset_version and asset_version.strip(),
    }
    write_output(formatter(fmt)(report, **asset), output)
    docs = len(report.documents)
    claims = sum(len(d.claims) for d in report.documents)
    click.echo(
        f"claimcheck: wrote {output} ({_plural(docs, 'document')}, {_plural(claims, 'claim')})",
        err=True,
    )
    sys.exit(int(ExitCode.ERROR if had_errors else ExitCode.OK))


@click.command(
    "annotate",
    epilog=epilog(
        [
            "claimcheck annotate brochure.docx -o brochure.reviewed.docx",
            "claimcheck annotate poster.pdf -o poster.reviewed.pdf --all",
        ],
        [(0, "the annotated copy was written"), ERROR_CODE],
    ),
)
@click.argument("draft", type=click.Path(path_type=Path))
@check_options
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Annotated copy to write (the draft itself is never modified).",
)
@click.option(
    "--all",
    "include_supported",
    is_flag=True,
    help="Also comment on supported claims (claim id and evidence).",
)
@guarded
def annotate_command(draft: Path, output: Path, include_supported: bool, **kwargs: Any) -> None:
    """Write a copy of DRAFT (.docx or .pdf) with a comment on every flagged claim."""
    from claimcheck import pipeline

    if not draft.exists():
        raise UsageError(f"{draft}: no such file")
    if draft.is_dir():
        raise UsageError(f"{draft}: annotate takes one .docx or .pdf draft, not a directory")
    suffix = draft.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise UsageError(f"{draft}: annotate takes a .docx or .pdf draft")
    if output.suffix.lower() != suffix:
        raise UsageError(f"{output}: the annotated copy must be a {suffix} file like its draft")
    options = build_options((str(draft),), kwargs)
    refuse_overwriting_inputs(output, options)  # before the run: the draft itself
    session = pipeline.prepare(options)
    report = pipeline.run(options, session)
    if report_input_errors(report, options):
        sys.exit(int(ExitCode.ERROR))
    refuse_overwriting_inputs(output, options, session, report)
    from claimcheck.annotate import annotate

    with about(str(draft)):
        stats = annotate(
            draft,
            output,
            report.documents[0],
            include_supported=include_supported,
            registry=report.registry,
        )
    for item in stats.unplaced:
        click.echo(f"claimcheck: note: could not place a comment: {printable(str(item))}", err=True)
    # With --all, supported claims are annotated too, so count every annotation attempted.
    attempted = stats.placed + len(stats.unplaced)
    click.echo(
        f"claimcheck: wrote {output} ({stats.placed} of {attempted} annotations placed; "
        f"{_plural(stats.flagged, 'flagged claim')})",
        err=True,
    )
    sys.exit(int(ExitCode.OK))


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
