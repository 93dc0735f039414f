"""The claimcheck command line: the only place that prints or exits."""

from __future__ import annotations

import click

from claimcheck import __version__
from claimcheck.cli.options import ERROR_CODE, epilog
from claimcheck.cli.terminal import help_width


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": help_width()},
    epilog=epilog(
        [
            "claimcheck check drafts/",
            "claimcheck rules explain CC201",
            "claimcheck report drafts/ -o audit.html",
            'eval "$(_CLAIMCHECK_COMPLETE=bash_source claimcheck)"   # shell completion',
        ],
        [
            (0, "clean (check: nothing at or above --fail-on)"),
            (1, "findings (check), a failing example (registry test), audit errors (validate)"),
            ERROR_CODE,
        ],
    ),
)
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Lint healthcare marketing copy against an approved-claims registry.

    Run `claimcheck COMMAND --help` for a command's options, examples and exit codes.
    """


def _register() -> None:
    """Explicit command registration (no discovery magic)."""
    from claimcheck.cli.check import check_command
    from claimcheck.cli.explain import explain_command
    from claimcheck.cli.init import init_command
    from claimcheck.cli.lsp import lsp_command
    from claimcheck.cli.model import model_group
    from claimcheck.cli.registry import registry_group
    from claimcheck.cli.review import annotate_command, report_command
    from claimcheck.cli.rules import rules_group

    for command in (
        check_command,
        report_command,
        annotate_command,
        explain_command,
        registry_group,
        rules_group,
        model_group,
        init_command,
        lsp_command,
    ):
        cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point: exit 0, 1 or 2 with at most one error line, no traceback.

    Ctrl-C at any point ends with `claimcheck: error: interrupted` and exit code 2: the
    first one interrupts the command (so temporary files are cleaned up), a second one or
    one that arrives while Python shuts down exits at once. Text that the console's encoding
    cannot show is printed as backslash escapes instead of crashing the run.

    A check holds spaCy's vocabulary, the registry index and many small records; tearing
    that heap down at interpreter exit takes a fifth of a second and does nothing a user
    needs, so once stdout and stderr are flushed the process ends with os._exit. Every file
    claimcheck writes is closed before its command returns.
    """
    import os
    import signal
    import sys

    from claimcheck.cli.options import fail, quiet_stdout
    from claimcheck.errors import internal_message

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    handle_sigint = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if handle_sigint:
        signal.signal(signal.SIGINT, _on_interrupt)
    try:
        try:
            code = cli.main(prog_name="claimcheck", standalone_mode=False)
        except SystemExit as exc:
            code = exc.code
        except (click.exceptions.Abort, KeyboardInterrupt):
            fail("interrupted")
        except click.ClickException as exc:
            exc.show()
            code = 2  # usage errors; exit code 1 is kept for findings
        except BrokenPipeError:
            quiet_stdout()
            fail("output closed before all of it was written (broken pipe)")
        except Exception as exc:  # outside any command: option parsing, start-up
            if os.environ.get("CLAIMCHECK_DEBUG"):
                raise
            fail(internal_message(exc))
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_stdout()
            fail("output closed before all of it was written (broken pipe)")
    except SystemExit as exc:
        code = exc.code
    if handle_sigint:
        # The run is over; a Ctrl-C while Python shuts down must not print a traceback.
        _INTERRUPTS.append(None)
    _exit(code if isinstance(code, int) else (0 if code is None else 2))


def _exit(status: int) -> None:
    """Flush stdout and stderr, then end the process at once (no heap teardown)."""
    import contextlib
    import os
    import sys

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`| head`)
            stream.flush()
    os._exit(status)


_INTERRUPTS: list[None] = []


def _on_interrupt(signum: int, frame: object) -> None:
    """First Ctrl-C: KeyboardInterrupt (cleanup runs); later ones, or after the run: exit now."""
    import os

    if _INTERRUPTS:
        os.write(2, b"claimcheck: error: interrupted\n")
        os._exit(2)
    _INTERRUPTS.append(None)
    raise KeyboardInterrupt
