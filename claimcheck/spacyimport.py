"""Import spaCy without its command-line machinery.

`import spacy` runs `from .cli.info import info`, and importing `spacy.cli.info` first runs
`spacy/cli/__init__.py`, which imports every spaCy command (typer, weasel, the training and
project tooling): a fifth of a second on every claimcheck start, for code claimcheck never
calls. `defer_spacy_cli()` puts a stand-in for `spacy.cli.info` in `sys.modules` before spaCy
is imported. The stand-in is lazy, not a stub: the first use of anything in it (calling
`spacy.info()`, reading an attribute) removes it and imports the real module, so code that
does use spaCy's CLI in the same process still gets it.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_NAME = "spacy.cli.info"


def defer_spacy_cli() -> None:
    """Before spaCy is imported: let `import spacy` skip `spacy.cli` until it is used."""
    if "spacy" in sys.modules or _NAME in sys.modules:
        return
    sys.modules[_NAME] = _LazyInfo(_NAME)


def _real() -> Any:
    if isinstance(sys.modules.get(_NAME), _LazyInfo):
        del sys.modules[_NAME]
    return importlib.import_module(_NAME)


class _LazyInfo(types.ModuleType):
    """`spacy.cli.info` until something uses it, then the real module."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # what the import system probes for
        return getattr(_real(), name)

    @staticmethod
    def info(*args: Any, **kwargs: Any) -> Any:
        """spacy.info(): the real one, imported now."""
        return _real().info(*args, **kwargs)
