"""The compiled registry index, cached on disk: a validated Registry, its built Matcher and
the product names detection looks for.

Loading YAML, validating it, building the matcher's index and finding the registry's
product names costs more than checking a small draft; a pickle of the result loads several
times faster. The key is the code stamp
(claimcheck.cache) and, for every registry and evidence file in load order, its path as
shown and the sha256 of its bytes, so an edited, added or removed file, or other code,
means a rebuild. A registry with an error is never cached (the error is raised every time).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimcheck.cache import Store, code_stamp, digest, file_digest
from claimcheck.model import Registry

KIND = "index"


def index_key(
    registry_paths: Sequence[Path], evidence_paths: Sequence[Path], display: Callable[[Path], str]
) -> str | None:
    """The cache key of these files as they are now; None when they cannot all be read."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.registry.load import expand

    parts: list[Any] = [code_stamp()]
    try:
        for paths, kind in ((registry_paths, "registry"), (evidence_paths, "evidence")):
            parts.append(kind)
            parts += [(display(p), str(p.resolve()), file_digest(p)) for p in expand(paths, kind)]
    except (OSError, ClaimcheckError):
        return None  # the loader will report it, naming the file
    return digest(*parts)


def cached_registry(store: Store | None, key: str | None) -> Registry | None:
    """The Registry stored under `key`, with its Matcher and product names in place (so
    `matcher_for` and `product_names` return them rather than build them again)."""
    if store is None or key is None:
        return None
    found = store.get(KIND, key)
    if not (isinstance(found, tuple) and len(found) == 3 and isinstance(found[0], Registry)):
        return None
    registry, matcher, names = found
    remember(registry, matcher, names)
    return registry


def save_index(store: Store | None, key: str | None, registry: Registry) -> None:
    """Store the registry with the Matcher and product names built for it (built now if need
    be)."""
    if store is None or key is None:
        return
    from claimcheck.registry.match import matcher_for
    from claimcheck.registry.products import product_names

    store.put(KIND, key, (registry, matcher_for(registry), product_names(registry)))


def remember(registry: Registry, matcher: Any, names: frozenset[tuple[str, ...]] | None) -> None:
    """Hand a registry's matcher (and product names) to the modules that keep them per process.

    Both keep what they built with the registry object (claimcheck.registry.memo); this
    fills in what building would have.
    """
    from claimcheck.registry import match
    from claimcheck.registry.memo import registry_memo

    match._remember(registry, matcher)
    if names is not None:
        registry_memo(registry)["product_names"] = names
