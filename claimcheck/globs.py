"""Config globs: `include`, `exclude`, `overrides[].files` and `waivers[].file`.

A glob is matched against the file's path relative to the config root, with `*` and `?`
inside one path segment and `**` across segments. As in .gitignore, a pattern without a `/`
matches a file or directory name at any depth (`*.bak`), and a pattern that matches a
directory matches everything under it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


class GlobError(ValueError):
    """A glob that cannot be compiled (the config loader reports it with file and line)."""


@lru_cache(maxsize=1024)
def compile_glob(glob: str) -> re.Pattern[str]:
    """The regular expression a glob stands for; GlobError when it cannot be compiled."""
    pattern = glob.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/")
    if pattern.startswith("/"):
        pattern = pattern.lstrip("/")
    elif "/" not in pattern:
        pattern = "**/" + pattern
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**", i):
            if i + 2 < n and pattern[i + 2] == "/":
                out.append("(?:.*/)?")
                i += 3
            else:
                out.append(".*")
                i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and "]" in pattern[i + 2 :]:
            j = pattern.index("]", i + 2)
            body = pattern[i + 1 : j]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    try:
        return re.compile("".join(out))
    except re.error as exc:  # e.g. a reversed range "[z-a]"
        raise GlobError(f"bad glob '{glob}': {exc.msg}") from None


def _relative(path: Path, root: Path, cwd: Path | None) -> str:
    full = Path(path)
    if not full.is_absolute():
        full = (cwd if cwd is not None else Path.cwd()) / full
    full = Path(os.path.normpath(full))
    base = Path(os.path.normpath(root))
    try:
        return full.relative_to(base).as_posix()  # as given first
    except ValueError:
        pass
    try:
        return _resolve(full).relative_to(_resolved_folder(str(base))).as_posix()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, or outside the root
        pass
    # Outside the root: only patterns that start with `**/` can match.
    return full.as_posix().lstrip("/")


def _resolve(path: Path) -> Path:
    """`path.resolve()`, resolving each folder once per run (`forget_folders` starts a run):
    a folder of 1,000 drafts costs one lstat per draft, not one per folder of its path."""
    if path.is_symlink():
        return path.resolve()
    return _resolved_folder(str(path.parent)) / path.name


@lru_cache(maxsize=1024)
def _resolved_folder(folder: str) -> Path:
    return Path(folder).resolve()


def forget_folders() -> None:
    """Resolve folders afresh (a long-lived process: a symlink may have changed since)."""
    _resolved_folder.cache_clear()


def matches(path: Path, patterns: Iterable[str], root: Path, cwd: Path | None = None) -> bool:
    """True when `path` (relative paths are taken from `cwd`) matches any glob under `root`."""
    patterns = tuple(patterns)
    if not patterns:
        return False
    rel = _relative(path, root, cwd)
    if rel in ("", "."):
        return False
    parts = rel.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        regex = compile_glob(pattern)
        if any(regex.fullmatch(c) for c in candidates):
            return True
    return False
