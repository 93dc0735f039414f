"""Resolve a validated config for one draft: its context, rule settings and inclusion.

Context values are normalised the way the registry normalises scope: `audience`, `channel`,
`product` and `indication` lower-case, `market` upper-case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claimcheck.config.find import display_path
from claimcheck.errors import ClaimcheckError, InputError, UsageError, escape_text, shown
from claimcheck.globs import matches
from claimcheck.model import Context, Limits, RuleSettings
from claimcheck.waivers import waiver_matches
from claimcheck.yamlutil import as_date, type_name

CONTEXT_KEYS = ("audience", "channel", "market", "product", "indication", "as_of")
DEFAULT_INCLUDE = ("**/*",)


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
    limits: Limits = Limits()  # what one draft may cost to read (`limits:`)
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
                    f"front matter 'claimcheck: {escape_text(str(raw_key))[:60]}'"
                    if error is InputError
                    else f"--{key.replace('_', '-')}"
                )
                # Named as the run names the draft: relative to where claimcheck runs.
                path = (
                    display_path(Path(doc_path), self.cwd or Path.cwd())
                    if error is InputError
                    else None
                )
                if key not in CONTEXT_KEYS:
                    raise error(
                        f"unknown context key {shown(raw_key)} in front matter 'claimcheck:'; "
                        f"expected one of {', '.join(CONTEXT_KEYS)}"
                        if error is InputError
                        else f"unknown context option {shown(raw_key)}",
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


def normalise_context(key: str, value: str) -> str | None:
    """A context value as scope compares it: `market` upper-case, the others lower-case."""
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
            raise error(f"{where}: invalid date {shown(raw)} (expected YYYY-MM-DD)", path=path)
        return parsed
    if not isinstance(raw, str):
        raise error(f"{where} must be a string, not {type_name(raw)}", path=path)
    return normalise_context(key, raw)
