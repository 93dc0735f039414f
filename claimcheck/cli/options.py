"""Options shared by every command that checks drafts (check, report, annotate)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from claimcheck.errors import ClaimcheckError, internal_message, one_line, printable
from claimcheck.model import ExitCode

CONTEXT_KEYS = ("audience", "channel", "market", "product", "indication")


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)") from None


_REGISTRY = click.option(
    "--registry",
    "registry",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Claim registry file or directory (repeatable; default: from config).",
)
_EVIDENCE = click.option(
    "--evidence",
    "evidence",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Evidence library file or directory (repeatable; default: from config).",
)
_CONFIG = click.option(
    "--config",
    "config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Config file (default: claimcheck.yaml, .claimcheck.yaml or pyproject.toml "
    "[tool.claimcheck], searched upward).",
)
_STRENGTH_MODEL = click.option(
    "--strength-model",
    "strength_model",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Trained claim-strength model (`claimcheck model train`; default: "
    "`strength_model:` from config, else the rules).",
)
_CONTEXT = (
    click.option("--audience", help="Audience of the drafts, e.g. hcp, patient, payer."),
    click.option("--channel", help="Channel, e.g. print, web, email, field, social, congress."),
    click.option("--market", help="Market, e.g. US, EU."),
    click.option("--product", help="Product the drafts promote."),
    click.option("--indication", help="Indication the drafts address."),
)
_AS_OF = click.option(
    "--as-of",
    "as_of",
    callback=_as_of,
    metavar="YYYY-MM-DD",
    help="Review date for expiry checks (default: today).",
)
_JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0, 64),
    default=0,
    show_default=True,
    help="Worker processes (0 = one per core).",
)
_NO_CACHE = click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help="Neither read nor write the cache of registry indexes and unchanged drafts' "
    "results (default folder: the platform's user cache, or $CLAIMCHECK_CACHE_DIR).",
)


def _apply(func: Callable[..., Any], decorators: Sequence[Callable[..., Any]]) -> Any:
    for deco in reversed(decorators):
        func = deco(func)
    return func


def check_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the registry, evidence, config and context options."""
    return _apply(
        func,
        [_REGISTRY, _EVIDENCE, _CONFIG, _STRENGTH_MODEL, *_CONTEXT, _AS_OF, _JOBS, _NO_CACHE],
    )


def registry_options(func: Callable[..., Any], *, strength_model: bool = False) -> Any:
    """Add only what a registry command reads: registry, evidence, config and review date."""
    extra = [_STRENGTH_MODEL] if strength_model else []
    return _apply(func, [_REGISTRY, _EVIDENCE, _CONFIG, *extra, _AS_OF])


def epilog(examples: Sequence[str], codes: Sequence[tuple[int, str]]) -> str:
    """The end of a command's --help: examples, then what each exit code means.

    `\\b` keeps click from re-flowing the lines into one paragraph.
    """
    lines = ["\b", "Examples:", *(f"  {e}" for e in examples), "", "\b", "Exit codes:"]
    lines += [f"  {code}  {meaning}" for code, meaning in codes]
    return "\n".join(lines)


ERROR_CODE = (2, "usage, config, registry or input error (one line on stderr)")


def cli_context(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The context keys given on the command line (flags win over everything else)."""
    out = {k: kwargs[k] for k in CONTEXT_KEYS if kwargs.get(k)}
    if kwargs.get("as_of"):
        out["as_of"] = kwargs["as_of"]
    return out


def fail(message: str, code: int = ExitCode.ERROR) -> None:
    """Print a one-line error on stderr and exit."""
    click.echo(f"claimcheck: error: {printable(one_line(message))}", err=True)
    sys.exit(int(code))


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Whatever goes wrong becomes one line on stderr and exit code 2, never a traceback.

    A ClaimcheckError prints as `path:line: message`; anything else is an internal error
    (set CLAIMCHECK_DEBUG=1 for its traceback). Exit code 1 is kept for findings.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimcheckError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted")
        except BrokenPipeError:
            # `claimcheck check . | head`: the reader went away; say so once, on stderr.
            quiet_stdout()
            fail("output closed before all of it was written (broken pipe)")
        except Exception as exc:
            if os.environ.get("CLAIMCHECK_DEBUG"):
                raise
            fail(internal_message(exc))

    return wrapper


def quiet_stdout() -> None:
    """Point stdout at /dev/null so that flushing at exit cannot raise BrokenPipeError again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
