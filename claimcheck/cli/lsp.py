"""`claimcheck lsp`: run the language server on stdin/stdout for an editor."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.options import epilog, fail
from claimcheck.model import ExitCode


def install_hint() -> str:
    """The one line telling a user how to get the language server's extra."""
    from claimcheck import __version__, project_url

    url = project_url() or "<the claimcheck repository>"
    return (
        "the language server needs pygls: "
        f'pip install "claimcheck-mlr[lsp] @ git+{url}@v{__version__}" '
        '(in a clone: pip install -e ".[lsp]")'
    )


@click.command(
    "lsp",
    epilog=epilog(
        ["claimcheck lsp   (started by the editor, which talks to it on stdin/stdout)"],
        [(0, "the editor shut the server down"), (2, "the `lsp` extra (pygls) is not installed")],
    ),
)
@click.option(
    "--debounce",
    type=click.IntRange(0, 10_000),
    default=300,
    show_default=True,
    metavar="MS",
    help="Milliseconds of quiet typing before a draft is checked again.",
)
@click.option("--stdio", is_flag=True, hidden=True, help="Accepted for editors that pass it.")
def lsp_command(debounce: int, stdio: bool) -> None:
    """Run the language server over stdin/stdout (VS Code, Neovim, any LSP editor).

    Diagnostics for Markdown, HTML and text drafts as you type, a quick fix to replace a claim
    with its approved wording, and hovers with the matched claim and its evidence. The config
    and registry are found from each draft's location, as `claimcheck check` would.

    Example (Neovim): vim.lsp.start({name = "claimcheck", cmd = {"claimcheck", "lsp"}})
    """
    try:
        import pygls  # noqa: F401
    except ImportError:
        fail(install_hint(), ExitCode.ERROR)
    if sys.stdin.isatty():
        click.echo(
            "claimcheck: note: the language server speaks LSP on stdin/stdout: start it from "
            "your editor (docs/editors.md); Ctrl-D ends it",
            err=True,
        )
    from claimcheck.lsp.server import serve

    serve(debounce / 1000)
