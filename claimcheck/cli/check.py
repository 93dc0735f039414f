"""`claimcheck check`: lint drafts and exit 0 / 1 / 2."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from claimcheck.cli.options import ERROR_CODE, check_options, cli_context, epilog, guarded
from claimcheck.errors import UsageError, one_line, printable
from claimcheck.model import FAIL_ON, ExitCode, Report
from claimcheck.pipeline import same_file

CHECK_FORMATS = ("text", "concise", "json", "sarif", "junit", "github")

CHECK_EPILOG = epilog(
    [
        "claimcheck check drafts/                  every draft under drafts/",
        "claimcheck check brochure.docx --audience hcp --market US",
        "claimcheck check drafts/ --format sarif -o claimcheck.sarif",
        "claimcheck check drafts/ --changed-since origin/main",
        "pbpaste | claimcheck check - --stdin-filename drafts/email.md",
    ],
    [
        (0, "nothing at or above --fail-on (default: error)"),
        (1, "findings at or above it"),
        ERROR_CODE,
    ],
)


def build_options(drafts: tuple[str, ...], kwargs: dict[str, Any], **extra: Any) -> Any:
    """pipeline.Options from the shared command-line options."""
    from claimcheck.pipeline import Options

    return Options(
        paths=tuple(drafts),
        cwd=Path.cwd(),
        config=kwargs.get("config"),
        registry=tuple(kwargs.get("registry") or ()),
        evidence=tuple(kwargs.get("evidence") or ()),
        context=cli_context(kwargs),
        jobs=kwargs.get("jobs") or 0,
        strength_model=kwargs.get("strength_model"),
        cache=not kwargs.get("no_cache"),
        **extra,
    )


def report_input_errors(report: Report, options: Any) -> bool:
    """Print each unreadable file and each notice as one line on stderr; True on any error."""
    errors = [d.error for d in report.documents if d.error]
    return print_problems(errors, report.notices, len(report.documents), options)


def print_problems(
    errors: Sequence[str], notices: Sequence[str], documents: int, options: Any
) -> bool:
    """The input errors and notices of a run, one line each on stderr; True on any error."""
    for message in errors:
        click.echo(f"claimcheck: error: {printable(one_line(message))}", err=True)
    for notice in notices:
        click.echo(f"claimcheck: note: {printable(one_line(notice))}", err=True)
    if not documents and not (options.changed_since or options.changed_files or options.shard):
        # Otherwise a directory whose files the config's include/exclude all skip passes
        # silently ("0 files checked", exit 0), which hides a misconfigured CI job.
        click.echo(
            "claimcheck: note: no drafts to check in "
            + ", ".join(options.paths)
            + " (no file of a supported type matches the config's include/exclude)",
            err=True,
        )
    return bool(errors)


def refuse_overwriting_inputs(
    output: Path, options: Any, session: Any = None, report: Report | None = None, *extra: Path
) -> None:
    """Exit 2 rather than write over a file the run reads: a draft, registry, evidence, config
    or strength model.

    Drafts found by walking a named directory count too (`report drafts/ -o drafts/a.md`).
    """
    if not output.exists():
        return
    cwd = Path(options.cwd)
    inputs: list[Path] = [cwd / p for p in options.paths]
    if report is not None:
        inputs += [cwd / d.path for d in report.documents]
    if session is not None:
        registry = session.registry
        inputs += [cwd / s for s in (*registry.sources, *registry.evidence_sources)]
        if session.config.path is not None:
            inputs.append(Path(session.config.path))
        model = getattr(session, "strength_model", None)
        if model is not None and model.path:
            inputs.append(Path(model.path))
    inputs += [Path(p) for p in extra]
    for path in inputs:
        if same_file(path, output):
            raise UsageError(f"{output}: refusing to overwrite an input of this run")


def write_output(text: str, output: Path | None, color: bool = False) -> None:
    """Write to --output (never one of the inputs) or to stdout.

    `color` keeps ANSI styles when stdout is not a terminal: click strips them otherwise,
    which would leave `--color always` piped into `less -R` or a CI log with no highlighting.
    """
    with open_output(output, color) as out:
        out.write(text)


class _Echo:
    """stdout as a text stream written through click.echo (which strips colour when piped)."""

    def __init__(self, color: bool) -> None:
        self.color = color or None

    def write(self, text: str) -> None:
        if text:
            click.echo(text, nl=False, color=self.color)


@contextlib.contextmanager
def open_output(output: Path | None, color: bool = False) -> Iterator[Any]:
    """A text stream for the report: stdout, or a temporary file next to --output that
    replaces it only once the report is complete (a failed run leaves the old file alone)."""
    if output is None:
        yield _Echo(color)
        return
    from claimcheck import atomic

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None
    with atomic.open_atomic(output) as raw:
        # As atomic.write_text writes: UTF-8, newlines as they are.
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            yield out
        finally:
            out.detach()  # flushed; the file itself is open_atomic's to close


@click.command("check", epilog=CHECK_EPILOG)
@click.argument("drafts", nargs=-1, required=True)
@check_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CHECK_FORMATS),
    default="text",
    show_default=True,
    help="Output format (concise: path:line:col: CODE message, for editors and grep).",
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="With `-` among DRAFTS: the file name the draft on stdin goes by (its format, "
    "config overrides and waivers; default <stdin>, Markdown).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to FILE instead of stdout.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: config fail_on, else error).",
)
@click.option("--verbose", "-v", is_flag=True, help="List supported claims too.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour in text output (NO_COLOR and FORCE_COLOR are honoured).",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings not in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record today's findings as the baseline and exit 0.",
)
@click.option(
    "--changed-since",
    metavar="REF",
    help="Check only files git reports as added or modified since REF.",
)
@click.option(
    "--changed-files",
    is_flag=True,
    help="DRAFTS are the files a commit changes (what pre-commit passes): check the drafts "
    "among them and skip other files; if the registry, evidence, a rule pack or the config is "
    "among them, check every draft.",
)
@click.option(
    "--shard", metavar="I/N", help="Check only the I-th of N deterministic shards of the files."
)
@guarded
def check_command(
    drafts: tuple[str, ...],
    fmt: str,
    stdin_filename: str | None,
    output: Path | None,
    fail_on: str | None,
    verbose: bool,
    color: str,
    baseline: Path | None,
    write_baseline: Path | None,
    changed_since: str | None,
    changed_files: bool,
    shard: str | None,
    **kwargs: Any,
) -> None:
    """Check DRAFTS (files or directories; `-` reads one draft from stdin) against the claim
    registry."""
    from claimcheck import pipeline
    from claimcheck.cli import terminal
    from claimcheck.report import formatter

    shard_spec = None
    if shard:
        from claimcheck.shard import parse_shard

        shard_spec = parse_shard(shard)
    if changed_since and changed_files:
        raise UsageError("use --changed-since or --changed-files, not both")
    stdin = None
    if pipeline.STDIN in drafts:
        stdin = sys.stdin.buffer.read()
    elif stdin_filename is not None:
        raise UsageError("--stdin-filename names the draft read from stdin: add `-` to DRAFTS")
    options = build_options(
        tuple(dict.fromkeys(drafts)),
        kwargs,
        changed_since=changed_since,
        changed_files=changed_files,
        shard=shard_spec,
        stdin=stdin,
        stdin_filename=stdin_filename,
    )
    session = pipeline.prepare(options)
    level = fail_on or session.config.fail_on or "error"
    to_terminal = fmt == "text" and output is None
    use_color = to_terminal and terminal.use_color(color)
    opts = render_options(fmt, options, use_color, verbose, level, to_terminal)
    if baseline is None and write_baseline is None:
        # Nothing needs the whole report: documents are rendered where they are checked
        # and written as they finish.
        failures, had_errors = _stream(options, session, fmt, output, use_color, opts)
        if had_errors:
            sys.exit(int(ExitCode.ERROR))
        sys.exit(int(ExitCode.FINDINGS if failures else ExitCode.OK))

    report = pipeline.run(options, session)
    had_errors = report_input_errors(report, options)

    if output is not None:
        refuse_overwriting_inputs(output, options, session, report, *filter(None, [baseline]))
    if write_baseline is not None:
        # --write-baseline may rewrite the --baseline file (that refreshes it), nothing else.
        refuse_overwriting_inputs(write_baseline, options, session, report)
        from claimcheck.baseline import write_baseline as write

        count = write(report, write_baseline)
        click.echo(f"claimcheck: wrote {count} finding(s) to baseline {write_baseline}", err=True)
        sys.exit(int(ExitCode.ERROR if had_errors else ExitCode.OK))
    if baseline is not None:
        from claimcheck.baseline import apply_baseline, load_baseline

        report, stats = apply_baseline(report, load_baseline(baseline))
        click.echo(
            f"claimcheck: baseline {baseline}: {stats.new} new, {stats.baselined} baselined, "
            f"{stats.fixed} fixed",
            err=True,
        )

    text = formatter(fmt)(report, **opts)
    write_output(text, output, color=use_color)

    if had_errors:
        sys.exit(int(ExitCode.ERROR))
    sys.exit(int(ExitCode.FINDINGS if pipeline.count_failures(report, level) else ExitCode.OK))


def render_options(
    fmt: str, options: Any, color: bool, verbose: bool, level: str, to_terminal: bool
) -> dict[str, Any]:
    """What the format's writer is given: the text format its width on a terminal (None: no
    wrapping), the concise one the draft read from stdin (its columns are found in it)."""
    from claimcheck.cli import terminal

    opts: dict[str, Any] = {"color": color, "verbose": verbose, "fail_on": level}
    if fmt == "text":
        opts["width"] = terminal.width() if to_terminal else None
    if fmt == "concise" and options.stdin is not None:
        from claimcheck.pipeline import stdin_display

        opts["sources"] = {stdin_display(options): options.stdin.decode("utf-8-sig", "replace")}
    return opts


def _stream(
    options: Any,
    session: Any,
    fmt: str,
    output: Path | None,
    color: bool,
    opts: dict[str, Any],
) -> tuple[int, bool]:
    """Check and write the report document by document; (failures, had input errors)."""
    from claimcheck import pipeline
    from claimcheck.cli.progress import progress_bar
    from claimcheck.report import writer

    plan = pipeline.collect(options, session)
    if output is not None:
        refuse_overwriting_inputs(output, options, session, None, *(p for p, _ in plan[0]))
    out_writer = writer(fmt, **opts)
    level = opts["fail_on"]
    notices = list(session.notices)
    errors: list[str] = []
    failures = documents = 0
    with open_output(output, color) as out, progress_bar(output is not None) as progress:
        out_writer.begin(out, pipeline.head(options, session))
        for outcome in pipeline.stream(options, session, out_writer, plan=plan, progress=progress):
            out_writer.add(outcome.fragment or "", outcome.meta, outcome.tally)
            notices.extend(outcome.notices)
            documents += 1
            failures += outcome.tally.failures(level)
            if outcome.tally.error:
                errors.append(outcome.tally.error)
        notices = list(dict.fromkeys(notices))
        out_writer.end(notices)
    return failures, print_problems(errors, notices, documents, options)
