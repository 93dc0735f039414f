"""The Python API: check copy from a notebook, a CMS plug-in or an editor, without the CLI.

    import claimcheck

    checker = claimcheck.Checker("path/to/project")  # config, registry, evidence: once
    report = checker.check_text("ArcGuide dramatically cuts operative time by 25%.")
    for claim in report.documents[0].claims:
        print(claim.verdict, claim.claim_id, [f.message for f in claim.findings])

A `Checker` resolves the config, registry, evidence, rule packs and matcher index once and
stays warm: each later check only reads, segments and judges the new text. It notices when
one of those files changes (or a config appears) and reloads before the next check.
`check_text` and `check_files` at module level do the same through a Checker kept per set of
arguments.

Nothing here prints or exits. Bad config, registry, evidence or arguments raise a
`ClaimcheckError` subclass (`ConfigError`, `RegistryError`, `UsageError`) whose `str()` is
the one line the CLI would print; bad text given to `check_text` raises `InputError` with
`path` and `line`. In `check_files`, as in `claimcheck check`, a file that cannot be read
becomes a `DocumentResult` with `error` set and the other files are still checked.

The results are the frozen records of `claimcheck.model` (`Report` → `DocumentResult` →
`ClaimResult` → `Finding`); `to_json(report)` is the mapping `claimcheck check --format json`
prints, described by the published schema `schemas/report.schema.json`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from claimcheck import pipeline
from claimcheck.errors import UsageError, shown
from claimcheck.model import Document, Report

PathArg = str | os.PathLike[str]

# What check_text calls a text given without a path, in the report and its fingerprints.
TEXT_NAME = "<text>"
CONTEXT_KEYS = ("audience", "channel", "market", "product", "indication")

__all__ = ["Checker", "check_files", "check_text", "project_root", "to_json"]

# The pipeline's caches (spaCy, tokens, lexicons, rule packs) are per process: checks from
# several threads (a web server) take turns. Checking is CPU-bound, so little is lost.
_LOCK = threading.RLock()


class Checker:
    """A warm checking session: config, registry, evidence and index resolved once."""

    def __init__(
        self,
        root: PathArg | None = None,
        *,
        config: PathArg | None = None,
        registry: PathArg | Iterable[PathArg] = (),
        evidence: PathArg | Iterable[PathArg] = (),
        strength_model: PathArg | None = None,
        audience: str | None = None,
        channel: str | None = None,
        market: str | None = None,
        product: str | None = None,
        indication: str | None = None,
        as_of: date | str | None = None,
    ) -> None:
        """Resolve everything a check needs, as `claimcheck check` run in `root` would.

        `root` (default: the current directory) is where the config is searched from, upward,
        and what relative paths, the report's paths and fingerprints are relative to.
        `config`, `registry`, `evidence` and `strength_model` override the config as the
        command-line options do; the context keywords win over config and front matter.
        """
        base = Path(root) if root is not None else Path.cwd()
        if not base.is_dir():
            raise UsageError(f"no such directory: {shown(str(base))}")
        context = _context(
            audience=audience,
            channel=channel,
            market=market,
            product=product,
            indication=indication,
            as_of=as_of,
        )
        self.options = pipeline.Options(
            paths=(),
            cwd=base.resolve(),
            config=Path(config) if config is not None else None,
            registry=_paths(registry),
            evidence=_paths(evidence),
            context=context,
            jobs=1,
            strength_model=Path(strength_model) if strength_model is not None else None,
        )
        self._load()

    @classmethod
    def for_file(cls, path: PathArg, **kwargs: Any) -> Checker:
        """The Checker for a draft at `path`: the config found upward from its folder, paths
        relative to the config's folder (the draft's folder when there is none)."""
        if kwargs.get("config") is not None:
            return cls(Path(kwargs["config"]).resolve().parent, **kwargs)
        return cls(project_root(Path(path).resolve().parent), **kwargs)

    @property
    def root(self) -> Path:
        """The directory the config is searched from and paths are relative to."""
        return self.options.cwd

    @property
    def session(self) -> pipeline.Session:
        """The resolved config, registry and strength model."""
        return self._session

    @property
    def stale(self) -> bool:
        """True when the config, registry, evidence, a rule pack or the model changed on disk,
        or a config file appeared where the search would find it."""
        return _stamps(self._watched) != self._stamped

    def reload(self) -> None:
        """Resolve config, registry and evidence again (raises ClaimcheckError when now bad)."""
        from claimcheck.checks import packs

        with _LOCK:
            packs._load.cache_clear()  # user rule packs are cached by path, not by content
            self._load()

    def check_text(
        self, text: str, *, format: str | None = None, path: PathArg | None = None
    ) -> Report:
        """Check text in memory (an editor buffer, a CMS field) and return its one-document Report.

        `path` is where the text lives or would live: config overrides, waivers, the report
        and fingerprints treat the text as that file (it need not exist). `format` is one of
        markdown, html, text (default: from the path's suffix, else markdown). Raises
        InputError for text claimcheck cannot read (bad front matter or directive).
        """
        return self.check_document(self.read_text(text, format=format, path=path))

    def read_text(
        self, text: str, *, format: str | None = None, path: PathArg | None = None
    ) -> Document:
        """Read text in memory into the Document that `check_document` judges (blocks, context)."""
        from claimcheck.load import format_of, parse_text

        if not isinstance(text, str):
            raise UsageError(f"check_text needs a str, not {type(text).__name__}")
        display, fmt = TEXT_NAME, format or "markdown"
        if path is not None:
            where = Path(path) if Path(path).is_absolute() else self.root / path
            display = pipeline.display_path(where, self.root)
            fmt = format or format_of(where) or "markdown"
        with _LOCK:
            return parse_text(text, fmt, display)

    def check_document(self, doc: Document) -> Report:
        """Judge a Document from `read_text` (or a reader) and return its one-document Report."""
        where = self.root / doc.path  # the display path is relative to the root, or absolute
        with _LOCK:
            self._refresh()
            result, notices = self._checker.check_document(doc, where)
            session = self._session
        return pipeline.build_report(session, [result], [*session.notices, *notices], self.root)

    def check_files(self, paths: PathArg | Iterable[PathArg], *, jobs: int = 1) -> Report:
        """Check files and directories as `claimcheck check` does, and return the Report.

        Directories are walked with the config's include/exclude. `jobs` > 1 (0: one per
        core) forks worker processes for eight files or more; the default, 1, stays in this
        process, which is what a threaded host (a web server) needs.
        """
        names = _paths(paths)
        if not names:
            raise UsageError("check_files needs at least one path")
        options = replace(self.options, paths=tuple(str(p) for p in names), jobs=jobs)
        with _LOCK:
            self._refresh()
            return pipeline.run(options, self._session)

    def _load(self) -> None:
        with _LOCK:
            session = pipeline.prepare(self.options)
            self._watched = _watched(self.options, session)
            self._stamped = _stamps(self._watched)
            self._session = session
            self._checker = pipeline.Checker(session, self.options.context)

    def _refresh(self) -> None:
        if self.stale:
            self.reload()


def check_text(
    text: str,
    *,
    format: str | None = None,
    path: PathArg | None = None,
    root: PathArg | None = None,
    config: PathArg | None = None,
    registry: PathArg | Iterable[PathArg] = (),
    evidence: PathArg | Iterable[PathArg] = (),
    audience: str | None = None,
    channel: str | None = None,
    market: str | None = None,
    product: str | None = None,
    indication: str | None = None,
    as_of: date | str | None = None,
) -> Report:
    """Check text in memory; see `Checker` and `Checker.check_text` for the arguments."""
    checker = _checker(
        root,
        config=config,
        registry=registry,
        evidence=evidence,
        audience=audience,
        channel=channel,
        market=market,
        product=product,
        indication=indication,
        as_of=as_of,
    )
    return checker.check_text(text, format=format, path=path)


def check_files(
    paths: PathArg | Iterable[PathArg],
    *,
    jobs: int = 1,
    root: PathArg | None = None,
    config: PathArg | None = None,
    registry: PathArg | Iterable[PathArg] = (),
    evidence: PathArg | Iterable[PathArg] = (),
    audience: str | None = None,
    channel: str | None = None,
    market: str | None = None,
    product: str | None = None,
    indication: str | None = None,
    as_of: date | str | None = None,
) -> Report:
    """Check files and directories; see `Checker` and `Checker.check_files` for the arguments."""
    checker = _checker(
        root,
        config=config,
        registry=registry,
        evidence=evidence,
        audience=audience,
        channel=channel,
        market=market,
        product=product,
        indication=indication,
        as_of=as_of,
    )
    return checker.check_files(paths, jobs=jobs)


def project_root(folder: PathArg) -> Path:
    """The folder a draft in `folder` is checked from: its config's folder, else `folder`."""
    from claimcheck.config import find_config

    found = find_config(Path(folder))
    return found.parent if found is not None else Path(folder).resolve()


def to_json(report: Report) -> dict[str, Any]:
    """The report as the JSON-ready mapping of `schemas/report.schema.json`."""
    from claimcheck.report.json import to_dict

    return to_dict(report)


# The Checkers the module-level functions made, by their arguments (the last few).
_CHECKERS: dict[tuple[Any, ...], Checker] = {}
_KEEP = 4


def _checker(root: PathArg | None, **kwargs: Any) -> Checker:
    base = Path(root).resolve() if root is not None else Path.cwd().resolve()
    key = (base, *sorted((k, _key(v)) for k, v in kwargs.items()))
    with _LOCK:
        checker = _CHECKERS.pop(key, None) or Checker(base, **kwargs)
        _CHECKERS[key] = checker  # most recently used last
        while len(_CHECKERS) > _KEEP:
            del _CHECKERS[next(iter(_CHECKERS))]
    return checker


def _key(value: Any) -> Any:
    if isinstance(value, str | os.PathLike | date) or value is None:
        return str(value) if isinstance(value, os.PathLike) else value
    return tuple(str(v) for v in value)


def _paths(value: PathArg | Iterable[PathArg]) -> tuple[Path, ...]:
    """One path or several, as Paths (a str is one path, never its characters)."""
    if isinstance(value, str | os.PathLike):
        return (Path(value),)
    return tuple(Path(v) for v in value)


def _context(**values: Any) -> dict[str, Any]:
    """The context keywords given, checked: strings, and a date (or YYYY-MM-DD) for as_of."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        if key == "as_of":
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value)
                except ValueError:
                    raise UsageError(f"as_of: {shown(value)} is not a date (YYYY-MM-DD)") from None
            if not isinstance(value, date):
                raise UsageError(f"as_of must be a date, not {type(value).__name__}")
        elif not isinstance(value, str):
            raise UsageError(f"{key} must be a string, not {type(value).__name__}")
        out[key] = value
    return out


def _watched(options: pipeline.Options, session: pipeline.Session) -> tuple[Path, ...]:
    """The files and folders whose change makes a session stale."""
    from claimcheck.config import CONFIG_NAMES, PYPROJECT

    paths: list[Path] = list(session.inputs)  # config, registry, evidence, packs, model
    if options.config is None:
        # Every place the upward search looks, so that a new or removed config is noticed.
        for folder in (options.cwd, *options.cwd.parents):
            paths += [folder / name for name in (*CONFIG_NAMES, PYPROJECT)]
    # The files of a registry or evidence folder (the folder's own time changes only when a
    # file is added or removed).
    registry = session.registry
    paths += [options.cwd / s for s in (*registry.sources, *registry.evidence_sources)]
    return tuple(dict.fromkeys(paths))


def _stamps(paths: tuple[Path, ...]) -> tuple[tuple[int, int] | None, ...]:
    """Modification time and size of each path (None when it does not exist)."""
    out: list[tuple[int, int] | None] = []
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            out.append(None)
        else:
            out.append((st.st_mtime_ns, st.st_size))
    return tuple(out)
