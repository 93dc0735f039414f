"""Output formats: each module renders a Report; formatters are views, never filters."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

# format name -> module; each module has render(report, **opts) -> str.
FORMATTERS: dict[str, str] = {
    "text": "claimcheck.report.text",
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
