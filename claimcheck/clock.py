"""The time stamped into reports and annotations; SOURCE_DATE_EPOCH makes it reproducible.

With SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/) set to a
number of seconds since 1970, identical inputs give byte-identical audit reports and
annotated copies. The review date (`as_of`) is not affected: it decides verdicts, and is set
with --as-of.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from claimcheck.errors import UsageError, shown


def fixed() -> datetime | None:
    """The time SOURCE_DATE_EPOCH names (UTC), or None when it is unset."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or not raw.strip():
        return None
    try:
        return datetime.fromtimestamp(int(raw.strip()), UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {shown(raw)}"
        ) from None


def now() -> datetime:
    """SOURCE_DATE_EPOCH's time when set, else the current time (UTC)."""
    return fixed() or datetime.now(UTC)
