"""claimcheck: a claims-compliance linter for healthcare marketing copy."""

from __future__ import annotations

import functools

__version__ = "0.1.0"


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
