"""Find and validate the claimcheck config (FORMATS.md section 4) and derive per-file settings.

The config is `claimcheck.yaml`, `.claimcheck.yaml` or the `[tool.claimcheck]` table of
`pyproject.toml`, found by searching upward from the current directory. Paths in it are
relative to the config file's directory (`Config.root`).

Context values are normalised the way the registry normalises scope: `audience`, `channel`,
`product` and `indication` lower-case, `market` upper-case.

Globs (`include`, `exclude`, `overrides[].files`, `waivers[].file`) are matched against the
file's path relative to the config root, with `*` and `?` inside one path segment and `**`
across segments. As in .gitignore, a pattern without a `/` matches a file or directory name at
any depth (`*.bak`), and a pattern that matches a directory matches everything under it.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimcheck.errors import ClaimcheckError, ConfigError, InputError, UsageError
from claimcheck.model import FAIL_ON, SEVERITIES, Context, RuleSettings
from claimcheck.yamlutil import Map, Seq, as_date, read, type_name

CONFIG_NAMES = ("claimcheck.yaml", ".claimcheck.yaml")
PYPROJECT = "pyproject.toml"
CONTEXT_KEYS = ("audience", "channel", "market", "product", "indication", "as_of")
_TEXT_CONTEXT = CONTEXT_KEYS[:-1]
CONFIG_KEYS = (
    "version",
    "registry",
    "evidence",
    "rules",
    "strength_model",
    "include",
    "exclude",
    *CONTEXT_KEYS,
    "fail_on",
    "disable",
    "severity",
    "overrides",
    "waivers",
)
OVERRIDE_KEYS = ("files", *CONTEXT_KEYS, "disable", "severity")
WAIVER_KEYS = ("rule", "fingerprint", "sentence", "file", "reason", "approver", "expires")
DEFAULT_INCLUDE = ("**/*",)
_RULE_CODE = re.compile(r"[A-Za-z]+[0-9]+")


# --------------------------------------------------------------------------- globs


@lru_cache(maxsize=1024)
def _glob_regex(glob: str) -> re.Pattern[str]:
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


class GlobError(ValueError):
    """A glob that cannot be compiled (the config loader reports it with file and line)."""


def _relative(path: Path, root: Path, cwd: Path | None) -> str:
    full = Path(path)
    if not full.is_absolute():
        full = (cwd if cwd is not None else Path.cwd()) / full
    full = Path(os.path.normpath(full))
    base = Path(os.path.normpath(root))
    for candidate_full, candidate_root in ((full, base), (full.resolve(), base.resolve())):
        try:
            return candidate_full.relative_to(candidate_root).as_posix()
        except ValueError:
            continue
    # Outside the root: only patterns that start with `**/` can match.
    return full.as_posix().lstrip("/")


def matches(path: Path, patterns: Iterable[str], root: Path, cwd: Path | None = None) -> bool:
    """True when `path` (relative paths are taken from `cwd`) matches any glob under `root`."""
    rel = _relative(path, root, cwd)
    if rel in ("", "."):
        return False
    parts = rel.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        regex = _glob_regex(pattern)
        if any(regex.fullmatch(c) for c in candidates):
            return True
    return False


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Override:
    """Settings for the files matching `files`: context values and rule settings."""

    files: tuple[str, ...]
    audience: str | None = None
    channel: str | None = None
    market: str | None = None
    product: str | None = None
    indication: str | None = None
    as_of: date | None = None
    disable: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    source: str = ""


@dataclass(frozen=True, slots=True)
class Waiver:
    """An accepted finding: by fingerprint or sentence, optionally narrowed by rule and file."""

    reason: str
    rule: str | None = None
    fingerprint: str | None = None
    sentence: str | None = None
    file: str | None = None
    approver: str | None = None
    expires: date | None = None
    source: str = ""

    def applies(
        self,
        *,
        rule: str,
        name: str,
        fingerprint: str,
        sentence: str,
        path: Path,
        root: Path,
        as_of: date,
    ) -> bool:
        """True when this waiver covers a finding (an expired waiver covers nothing).

        The matching itself is `claimcheck.waivers.waiver_matches`, the one the run uses, so
        a sentence matches here exactly as it does when findings are waived.
        """
        from claimcheck.waivers import waiver_matches

        if self.expires is not None and as_of > self.expires:
            return False
        return waiver_matches(
            self,
            rule=rule,
            name=name,
            fingerprint=fingerprint,
            sentence=sentence,
            path=path,
            root=root,
        )


@dataclass(frozen=True, slots=True)
class Config:
    """A validated config; paths are absolute (resolved against the config's directory)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    registry: tuple[Path, ...] = ()
    evidence: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()
    strength_model: Path | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    audience: str | None = None
    channel: str | None = None
    market: str | None = None
    product: str | None = None
    indication: str | None = None
    as_of: date | None = None
    fail_on: str = "error"
    disable: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    cwd: Path | None = None  # where claimcheck runs; relative document paths start here

    def overrides_for(self, doc_path: Path) -> tuple[Override, ...]:
        """The overrides whose `files` globs match `doc_path`, in config order."""
        return tuple(o for o in self.overrides if matches(doc_path, o.files, self.root, self.cwd))

    def context_for(
        self,
        doc_path: Path,
        doc_context: Mapping[str, Any] | None = None,
        cli: Mapping[str, Any] | None = None,
    ) -> Context:
        """The document's context: config < matching overrides < front matter < CLI flags."""
        values: dict[str, Any] = {k: getattr(self, k) for k in CONTEXT_KEYS}
        for o in self.overrides_for(doc_path):
            for k in CONTEXT_KEYS:
                v = getattr(o, k)
                if v is not None:
                    values[k] = v
        for layer, error in ((doc_context, InputError), (cli, UsageError)):
            for raw_key, raw in (layer or {}).items():
                key = str(raw_key).replace("-", "_")
                if raw is None:
                    continue
                where = (
                    f"front matter 'claimcheck: {raw_key}'"
                    if error is InputError
                    else f"--{key.replace('_', '-')}"
                )
                # Named as the run names the draft: relative to where claimcheck runs.
                path = (
                    _display(Path(doc_path), self.cwd or Path.cwd())
                    if error is InputError
                    else None
                )
                if key not in CONTEXT_KEYS:
                    raise error(
                        f"unknown context key '{raw_key}' in front matter 'claimcheck:'; "
                        f"expected one of {', '.join(CONTEXT_KEYS)}"
                        if error is InputError
                        else f"unknown context option '{raw_key}'",
                        path=path,
                    )
                values[key] = _context_value(key, raw, where, error, path)
        return Context(
            as_of=values["as_of"] or date.today(),
            audience=values["audience"],
            channel=values["channel"],
            market=values["market"],
            product=values["product"],
            indication=values["indication"],
        )

    def settings_for(self, doc_path: Path) -> RuleSettings:
        """Disabled rules and severity overrides for one document."""
        disabled = set(self.disable)
        severity = dict(self.severity)
        for o in self.overrides_for(doc_path):
            disabled |= o.disable
            severity.update(o.severity)
        return RuleSettings(
            disabled=frozenset(disabled),
            severity=severity,
            packs=tuple(str(p) for p in self.rules),
        )

    def is_included(self, doc_path: Path) -> bool:
        """True when `doc_path` matches `include` (an empty list means every file) and not `exclude`."""
        if self.include and not matches(doc_path, self.include, self.root, self.cwd):
            return False
        return not matches(doc_path, self.exclude, self.root, self.cwd)


def _normalise_context(key: str, value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    return value.upper() if key == "market" else value.lower()


def _context_value(
    key: str, raw: Any, where: str, error: type[ClaimcheckError], path: str | None
) -> Any:
    if key == "as_of":
        parsed = as_date(raw)
        if parsed is None:
            raise error(f"{where}: invalid date '{raw}' (expected YYYY-MM-DD)", path=path)
        return parsed
    if not isinstance(raw, str):
        raise error(f"{where} must be a string, not {type_name(raw)}", path=path)
    return _normalise_context(key, raw)


# --------------------------------------------------------------------------- discovery


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
        display = _display(candidate, cwd)
        if candidate.is_file() and _pyproject_table(candidate, display) is not None:
            return candidate
    return None


def _display(path: Path, cwd: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return str(path)


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
    display = _display(path, cwd)
    if not path.is_file():
        raise ConfigError("config file not found", path=display)
    if path.name == PYPROJECT:
        table = _pyproject_table(path, display)
        if table is None:
            raise ConfigError("no [tool.claimcheck] table", path=display)
        lines = _toml_key_lines(path)
        src = _Source(display, lambda m, key: lines.get(key) if m is table else None)
        data: Any = table
    else:
        _, data = read(path, display, ConfigError)
        src = _Source(display, lambda m, key: m.line_of(key) if isinstance(m, Map) else None)
    return _build(data, src, path.resolve(), cwd)


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


# --------------------------------------------------------------------------- validation


class _Source:
    def __init__(self, display: str, line_of: Any) -> None:
        self.display = display
        self._line_of = line_of

    def line(self, m: Any, key: Any = None) -> int | None:
        if key is None:
            return m.line if isinstance(m, Map | Seq) else None
        return self._line_of(m, key)

    def error(self, message: str, m: Any, key: Any = None) -> ConfigError:
        return ConfigError(message, path=self.display, line=self.line(m, key))

    def where(self, m: Any) -> str:
        line = self.line(m)
        return f"{self.display}:{line}" if line is not None else self.display


def _check_keys(src: _Source, m: Mapping[str, Any], allowed: Sequence[str], label: str) -> None:
    for key in m:
        if key not in allowed:
            hint = difflib.get_close_matches(str(key).replace("-", "_"), allowed, n=1)
            more = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise src.error(f"unknown key '{key}' in {label}{more}", m, key)


def _strings(src: _Source, m: Mapping[str, Any], key: str, label: str) -> tuple[str, ...]:
    value = m.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise src.error(
            f"'{key}' in {label} must be a string or a list of non-empty strings, "
            f"not {type_name(value)}",
            m,
            key,
        )
    return tuple(v.strip() for v in value)


def _globs(src: _Source, m: Mapping[str, Any], key: str, label: str) -> tuple[str, ...]:
    globs = _strings(src, m, key, label)
    for glob in globs:
        _compile_glob(src, m, key, label, glob)
    return globs


def _glob(src: _Source, m: Mapping[str, Any], key: str, label: str) -> str | None:
    value = _string(src, m, key, label)
    if value is not None:
        _compile_glob(src, m, key, label, value)
    return value


def _compile_glob(src: _Source, m: Mapping[str, Any], key: str, label: str, glob: str) -> None:
    try:
        _glob_regex(glob)
    except GlobError as exc:
        raise src.error(f"{exc} in '{key}' of {label}", m, key) from None


def _string(src: _Source, m: Mapping[str, Any], key: str, label: str) -> str | None:
    value = m.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise src.error(f"'{key}' in {label} must be a string, not {type_name(value)}", m, key)
    return value.strip() or None


def _date(src: _Source, m: Mapping[str, Any], key: str, label: str) -> date | None:
    value = m.get(key)
    if value is None:
        return None
    parsed = as_date(value)
    if parsed is None:
        raise src.error(
            f"'{key}' in {label} is not a valid date: '{value}' (expected YYYY-MM-DD)", m, key
        )
    return parsed


def _rule_id(rule: str) -> str:
    rule = rule.strip()
    return rule.upper() if _RULE_CODE.fullmatch(rule) else rule.lower()


def _rules(src: _Source, m: Mapping[str, Any], label: str) -> tuple[frozenset[str], dict[str, str]]:
    disable = frozenset(_rule_id(r) for r in _strings(src, m, "disable", label))
    value = m.get("severity")
    severity: dict[str, str] = {}
    if value is not None:
        if not isinstance(value, dict):
            raise src.error(
                f"'severity' in {label} must map rule ids to levels, not {type_name(value)}",
                m,
                "severity",
            )
        for rule, level in value.items():
            if not isinstance(level, str) or level.strip().lower() not in SEVERITIES:
                raise src.error(
                    f"severity of '{rule}' in {label} must be one of {', '.join(SEVERITIES)}, "
                    f"not {level!r}",
                    value,
                    rule,
                )
            severity[_rule_id(str(rule))] = level.strip().lower()
    return disable, severity


def _context(src: _Source, m: Mapping[str, Any], label: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _TEXT_CONTEXT:
        value = _string(src, m, key, label)
        out[key] = None if value is None else _normalise_context(key, value)
    out["as_of"] = _date(src, m, "as_of", label)
    return out


def _entries(src: _Source, data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise src.error(f"'{key}' must be a list, not {type_name(value)}", data, key)
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise ConfigError(
                f"'{key}' entry {i + 1} must be a mapping, not {type_name(item)}",
                path=src.display,
                line=value.line_of(i) if isinstance(value, Seq) else src.line(data, key),
            )
    return value


def _model_path(src: _Source, m: Mapping[str, Any], root: Path, label: str) -> Path | None:
    """`strength_model:`, a file path resolved against the config's directory."""
    value = _string(src, m, "strength_model", label)
    return None if value is None else root / Path(value).expanduser()


def _build(data: Any, src: _Source, path: Path, cwd: Path) -> Config:
    root = path.parent
    if data is None:
        return Config(path=path, root=root, cwd=cwd)
    if not isinstance(data, dict):
        raise ConfigError(
            f"expected a mapping of settings, not {type_name(data)}", path=src.display, line=1
        )
    label = "the config"
    _check_keys(src, data, CONFIG_KEYS, label)
    version = data.get("version")
    if version is not None and version != 1:
        raise src.error(f"unsupported config version {version!r}; expected 1", data, "version")
    fail_on = data.get("fail_on", "error")
    if not isinstance(fail_on, str) or fail_on.strip().lower() not in FAIL_ON:
        raise src.error(
            f"'fail_on' must be one of {', '.join(FAIL_ON)}, not {fail_on!r}", data, "fail_on"
        )
    disable, severity = _rules(src, data, label)

    overrides = []
    for i, entry in enumerate(_entries(src, data, "overrides")):
        where = f"override {i + 1}"
        _check_keys(src, entry, OVERRIDE_KEYS, where)
        files = _globs(src, entry, "files", where)
        if not files:
            raise src.error(f"{where} needs 'files': a glob or a list of globs", entry, "files")
        o_disable, o_severity = _rules(src, entry, where)
        overrides.append(
            Override(
                files=files,
                disable=o_disable,
                severity=o_severity,
                source=src.where(entry),
                **_context(src, entry, where),
            )
        )

    waivers = []
    for i, entry in enumerate(_entries(src, data, "waivers")):
        where = f"waiver {i + 1}"
        _check_keys(src, entry, WAIVER_KEYS, where)
        reason = _string(src, entry, "reason", where)
        if reason is None:
            raise src.error(
                f"{where} needs a 'reason' saying why the finding is accepted", entry, "reason"
            )
        fingerprint = _string(src, entry, "fingerprint", where)
        sentence = _string(src, entry, "sentence", where)
        if fingerprint is None and sentence is None:
            raise src.error(f"{where} needs a 'fingerprint' or a 'sentence'", entry)
        rule = _string(src, entry, "rule", where)
        waivers.append(
            Waiver(
                reason=reason,
                rule=None if rule is None else _rule_id(rule),
                fingerprint=fingerprint,
                sentence=sentence,
                file=_glob(src, entry, "file", where),
                approver=_string(src, entry, "approver", where),
                expires=_date(src, entry, "expires", where),
                source=src.where(entry),
            )
        )

    def paths(key: str) -> tuple[Path, ...]:
        return tuple(root / Path(p).expanduser() for p in _strings(src, data, key, label))

    return Config(
        path=path,
        root=root,
        registry=paths("registry"),
        evidence=paths("evidence"),
        rules=paths("rules"),
        strength_model=_model_path(src, data, root, label),
        include=_globs(src, data, "include", label) or DEFAULT_INCLUDE,
        exclude=_globs(src, data, "exclude", label),
        fail_on=fail_on.strip().lower(),
        disable=disable,
        severity=severity,
        overrides=tuple(overrides),
        waivers=tuple(waivers),
        cwd=cwd,
        **_context(src, data, label),
    )
