"""Validate config data (FORMATS.md section 4) into a Config, naming file, line and key.

Paths in the config are relative to the config file's directory (`Config.root`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from claimcheck.config.resolve import (
    CONTEXT_KEYS,
    DEFAULT_INCLUDE,
    Config,
    Override,
    Waiver,
    normalise_context,
)
from claimcheck.errors import ConfigError, shown
from claimcheck.globs import GlobError, compile_glob
from claimcheck.model import FAIL_ON, SEVERITIES, Limits
from claimcheck.yamlutil import Seq, Source, as_date, type_name

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
    "limits",
)
OVERRIDE_KEYS = ("files", *CONTEXT_KEYS, "disable", "severity")
WAIVER_KEYS = ("rule", "fingerprint", "sentence", "file", "reason", "approver", "expires")
_RULE_CODE = re.compile(r"[A-Za-z]+[0-9]+")


def _check_keys(src: Source, m: Mapping[str, Any], allowed: Sequence[str], label: str) -> None:
    for key in m:
        if key not in allowed:
            hint = difflib.get_close_matches(str(key).replace("-", "_"), allowed, n=1)
            more = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise src.error(f"unknown key {shown(key)} in {label}{more}", m, key)


def _strings(src: Source, m: Mapping[str, Any], key: str, label: str) -> tuple[str, ...]:
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


def _globs(src: Source, m: Mapping[str, Any], key: str, label: str) -> tuple[str, ...]:
    globs = _strings(src, m, key, label)
    for glob in globs:
        _compile_glob(src, m, key, label, glob)
    return globs


def _glob(src: Source, m: Mapping[str, Any], key: str, label: str) -> str | None:
    value = _string(src, m, key, label)
    if value is not None:
        _compile_glob(src, m, key, label, value)
    return value


def _compile_glob(src: Source, m: Mapping[str, Any], key: str, label: str, glob: str) -> None:
    try:
        compile_glob(glob)
    except GlobError as exc:
        raise src.error(f"{exc} in '{key}' of {label}", m, key) from None


def _string(src: Source, m: Mapping[str, Any], key: str, label: str) -> str | None:
    value = m.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise src.error(f"'{key}' in {label} must be a string, not {type_name(value)}", m, key)
    return value.strip() or None


def _date(src: Source, m: Mapping[str, Any], key: str, label: str) -> date | None:
    value = m.get(key)
    if value is None:
        return None
    parsed = as_date(value)
    if parsed is None:
        raise src.error(
            f"'{key}' in {label} is not a valid date: {shown(value)} (expected YYYY-MM-DD)",
            m,
            key,
        )
    return parsed


def _rule_id(rule: str) -> str:
    rule = rule.strip()
    return rule.upper() if _RULE_CODE.fullmatch(rule) else rule.lower()


def _rules(src: Source, m: Mapping[str, Any], label: str) -> tuple[frozenset[str], dict[str, str]]:
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
                    f"severity of {shown(rule)} in {label} must be one of {', '.join(SEVERITIES)}, "
                    f"not {shown(level)}",
                    value,
                    rule,
                )
            severity[_rule_id(str(rule))] = level.strip().lower()
    return disable, severity


def _context(src: Source, m: Mapping[str, Any], label: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _TEXT_CONTEXT:
        value = _string(src, m, key, label)
        out[key] = None if value is None else normalise_context(key, value)
    out["as_of"] = _date(src, m, "as_of", label)
    return out


def _entries(src: Source, data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
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


def _model_path(src: Source, m: Mapping[str, Any], root: Path, label: str) -> Path | None:
    """`strength_model:`, a file path resolved against the config's directory."""
    value = _string(src, m, "strength_model", label)
    return None if value is None else root / Path(value).expanduser()


def _limits(src: Source, data: Mapping[str, Any]) -> Limits:
    """`limits:` a mapping of Limits fields to positive numbers (counts whole)."""
    value = data.get("limits")
    if value is None:
        return Limits()
    if not isinstance(value, dict):
        raise src.error(f"'limits' must be a mapping, not {type_name(value)}", data, "limits")
    names = Limits.field_names()
    _check_keys(src, value, names, "limits")
    out: dict[str, Any] = {}
    for key, raw in value.items():
        whole = Limits.__dataclass_fields__[key].type in (int, "int")
        ok = isinstance(raw, int | float) and not isinstance(raw, bool) and raw > 0
        if not ok or (whole and raw != int(raw)):
            what = "a whole number" if whole else "a number"
            raise src.error(
                f"limit {shown(key)} must be {what} above 0, not {type_name(raw)}", value, key
            )
        out[key] = int(raw) if whole else float(raw)
    return Limits(**out)


def build(data: Any, src: Source, path: Path, cwd: Path) -> Config:
    """The Config that the data of the file at `path` describes; ConfigError when it is bad."""
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
        raise src.error(f"unsupported config version {shown(version)}; expected 1", data, "version")
    fail_on = data.get("fail_on", "error")
    if not isinstance(fail_on, str) or fail_on.strip().lower() not in FAIL_ON:
        raise src.error(
            f"'fail_on' must be one of {', '.join(FAIL_ON)}, not {shown(fail_on)}", data, "fail_on"
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
        limits=_limits(src, data),
        cwd=cwd,
        **_context(src, data, label),
    )
