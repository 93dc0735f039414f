"""The claimcheck config (FORMATS.md section 4): find it, validate it, resolve it per draft.

- `find`: the nearest `claimcheck.yaml`, `.claimcheck.yaml` or `pyproject.toml` with a
  `[tool.claimcheck]` table, and its data with the positions errors name;
- `validate`: that data into a `Config`, every problem a ConfigError naming file, line and key;
- `resolve`: the `Config` record and what it says about one draft (context, rule settings,
  include/exclude). Globs are `claimcheck.globs`.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.config.find import CONFIG_NAMES, PYPROJECT, display_path, find_config, read_config
from claimcheck.config.resolve import CONTEXT_KEYS, DEFAULT_INCLUDE, Config, Override, Waiver
from claimcheck.config.validate import build
from claimcheck.errors import about
from claimcheck.globs import GlobError, matches

__all__ = [
    "CONFIG_NAMES",
    "CONTEXT_KEYS",
    "DEFAULT_INCLUDE",
    "PYPROJECT",
    "Config",
    "GlobError",
    "Override",
    "Waiver",
    "find_config",
    "load_config",
    "matches",
]


def load_config(path: Path | None, cwd: Path) -> Config:
    """Load `path` (None: discover upward from `cwd`; nothing found: defaults at `cwd`)."""
    cwd = Path(cwd)
    if path is None:
        path = find_config(cwd)
        if path is None:
            return Config(path=None, root=cwd.resolve(), cwd=cwd)
    else:
        path = Path(path)
        if not path.is_absolute():
            path = cwd / path
    display = display_path(path, cwd)
    with about(display):  # a bug met in this file is reported against it
        data, src = read_config(path, display)
        return build(data, src, path.resolve(), cwd)
