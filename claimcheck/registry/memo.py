"""What code derives from a registry object, kept while that object is in use.

A process checks against one registry (or one per config governing some drafts); tests and
the language server build many. Registries hold dicts, so they are not hashable: they are
kept by identity, the last KEPT of them, each with one dict that the matcher, the product
names and the checks fill with what they derived from it alone (a Registry is frozen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimcheck.model import Registry

KEPT = 8
_MEMOS: list[tuple[Registry, dict[Any, Any]]] = []


def registry_memo(registry: Registry) -> dict[Any, Any]:
    """The dict of data derived from this registry object (new and empty for one not among
    the last KEPT asked about)."""
    for known, memo in _MEMOS:
        if known is registry:
            return memo
    memo: dict[Any, Any] = {}
    _MEMOS[:] = [*_MEMOS[-(KEPT - 1) :], (registry, memo)]
    return memo
