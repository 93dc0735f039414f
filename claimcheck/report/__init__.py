"""Output formats: each module renders a Report; formatters are views, never filters."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

# format name -> module; each module has render(report, **opts) -> str, and the formats of
# `check` a Writer that writes the same bytes document by document (report.stream).
FORMATTERS: dict[str, str] = {
    "text": "claimcheck.report.text",
    "concise": "claimcheck.report.concise",
    "json": "claimcheck.report.json",
    "sarif": "claimcheck.report.sarif",
    "junit": "claimcheck.report.junit",
    "github": "claimcheck.report.github",
    "html": "claimcheck.report.html",
    "md": "claimcheck.report.markdown",
}


def formatter(name: str) -> Callable[..., str]:
    """The render function of a format (imported lazily: only text pulls in rich)."""
    module: Any = importlib.import_module(FORMATTERS[name])
    return module.render


def writer(name: str, **opts: Any) -> Any:
    """A `report.stream.StreamWriter` of a `check` format, with its render options."""
    module: Any = importlib.import_module(FORMATTERS[name])
    return module.Writer(**opts)
