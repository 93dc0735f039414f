"""claimcheck: a claims-compliance linter for healthcare marketing copy.

The Python API (`claimcheck.api`, importable from here): `Checker`, `check_text`,
`check_files`, `to_json`, and the errors they raise. The results are the records of
`claimcheck.model`.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from claimcheck.api import Checker, check_files, check_text, to_json
    from claimcheck.errors import (
        ClaimcheckError,
        ConfigError,
        InputError,
        RegistryError,
        UsageError,
    )

# Imported on first use, so that `claimcheck --help` does not pay for the pipeline.
_LAZY = {
    "Checker": "claimcheck.api",
    "check_files": "claimcheck.api",
    "check_text": "claimcheck.api",
    "to_json": "claimcheck.api",
    "ClaimcheckError": "claimcheck.errors",
    "ConfigError": "claimcheck.errors",
    "InputError": "claimcheck.errors",
    "RegistryError": "claimcheck.errors",
    "UsageError": "claimcheck.errors",
}

__all__ = [
    "Checker",
    "ClaimcheckError",
    "ConfigError",
    "InputError",
    "RegistryError",
    "UsageError",
    "__version__",
    "check_files",
    "check_text",
    "project_url",
    "schema_url",
    "to_json",
]


@functools.cache
def project_url() -> str | None:
    """The project's address (`[project.urls] Homepage` in pyproject.toml), None if unknown.

    Read from the installed distribution's metadata, so pyproject.toml is the one place it is
    set. The distribution is found from the import package: its name (`claimcheck-mlr`)
    differs from the package's, because `claimcheck` on PyPI is someone else's project.
    """
    from importlib import metadata

    for name in metadata.packages_distributions().get(__name__, []):
        try:
            entries = metadata.metadata(name).get_all("Project-URL") or []
        except metadata.PackageNotFoundError:
            continue
        for entry in entries:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "homepage" and url.strip():
                return url.strip().rstrip("/")
    return None


def schema_url(name: str) -> str | None:
    """Where the published JSON Schema `schemas/<name>` of this version is, None if unknown.

    The raw file at this version's tag, so an editor validates against the shapes this
    claimcheck reads.
    """
    url = project_url()
    if url is None:
        return None
    github = "https://github.com/"
    if url.startswith(github):
        base = f"https://raw.githubusercontent.com/{url.removeprefix(github)}/v{__version__}"
    else:
        base = f"{url}/raw/v{__version__}"
    return f"{base}/schemas/{name}"


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
