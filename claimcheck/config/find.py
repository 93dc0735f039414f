"""Find the config file and read it into data plus the positions its errors name.

The config is `claimcheck.yaml`, `.claimcheck.yaml` or the `[tool.claimcheck]` table of
`pyproject.toml`, found by searching upward from a directory.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from claimcheck.errors import ConfigError
from claimcheck.yamlutil import Source, read

CONFIG_NAMES = ("claimcheck.yaml", ".claimcheck.yaml")
PYPROJECT = "pyproject.toml"


def find_config(cwd: Path) -> Path | None:
    """The nearest config file at or above `cwd`, or None."""
    here = Path(cwd).resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
        candidate = directory / PYPROJECT
        # Name the file as every other config error does (relative to cwd), even mid-search.
        display = display_path(candidate, cwd)
        if candidate.is_file() and _pyproject_table(candidate, display) is not None:
            return candidate
    return None


def display_path(path: Path, cwd: Path) -> str:
    """The config path as errors name it: relative to `cwd` when below it."""
    try:
        return str(path.resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return str(path)


def read_config(path: Path, display: str) -> tuple[Any, Source]:
    """The settings of a config file and the Source that places its keys on lines."""
    if not path.is_file():
        raise ConfigError("config file not found", path=display)
    if path.name == PYPROJECT:
        table = _pyproject_table(path, display)
        if table is None:
            raise ConfigError("no [tool.claimcheck] table", path=display)
        lines = _toml_key_lines(path)
        return table, Source(
            display, ConfigError, lambda m, key: lines.get(key) if m is table else None
        )
    _, data = read(path, display, ConfigError)
    return data, Source(display, ConfigError)


def _pyproject_table(path: Path, display: str) -> dict[str, Any] | None:
    """The [tool.claimcheck] table of a pyproject.toml, or None when it has none."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"cannot read file: {e.strerror or e}", path=display) from None
    if b"tool.claimcheck" not in raw and b'"claimcheck"' not in raw:
        return None  # skip parsing unrelated pyproject files
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        found = re.search(r"line (\d+)", str(e))
        raise ConfigError(
            f"invalid TOML: {str(e).split(' (at')[0]}",
            path=display,
            line=int(found.group(1)) if found else None,
        ) from None
    table = data.get("tool", {}).get("claimcheck")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError("[tool.claimcheck] must be a table", path=display)
    return table


def _toml_key_lines(path: Path) -> dict[str, int]:
    """Lines of the top-level keys of [tool.claimcheck] (tomllib keeps no positions)."""
    out: dict[str, int] = {}
    inside = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.strip("[]").strip() == "tool.claimcheck"
            name = stripped.strip("[]").strip()
            if name.startswith("tool.claimcheck."):
                out.setdefault(name.split(".")[2], number)
            continue
        found = re.match(r"([A-Za-z0-9_-]+)\s*=", stripped)
        if inside and found:
            out.setdefault(found.group(1), number)
    return out
