"""Rule packs: YAML files of phrase rules (the built-in red flags and users' own packs).

A pack has the shape of `rules/redflags.yaml`:

    version: 1
    rules:
      - code: CC251                 # [A-Z]+[0-9]+, unique over all packs
        name: clinically-proven     # kebab-case, unique
        summary: optional one-line summary for `claimcheck rules list`
        message: "'{text}' claims proof; {claim} does not say 'proven'"
        why: why this is a problem
        patterns: [clinically proven, proven]
        severity: error             # optional: error (default) | warning | info
        example: optional bad copy
        use_instead: optional good copy
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from claimcheck.errors import ConfigError
from claimcheck.model import SEVERITIES
from claimcheck.yamlutil import Map, Seq, parse, read, type_name

RULE_KEYS = (
    "code",
    "name",
    "summary",
    "message",
    "why",
    "patterns",
    "severity",
    "example",
    "use_instead",
    "except",
)
REQUIRED = ("code", "name", "message", "why", "patterns")
_CODE = re.compile(r"^[A-Z]+[0-9]+$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = frozenset({"text", "claim"})


@dataclass(frozen=True, slots=True)
class PackRule:
    """One phrase rule of a pack."""

    code: str
    name: str
    message: str
    why: str
    patterns: tuple[str, ...]
    severity: str = "error"
    example: str | None = None
    use_instead: str | None = None
    source: str = ""  # "path:line"
    summary: str | None = None
    # Phrases that hold a pattern and are not the flag: "new data" is news of a study, not a
    # new product. Matched on words, with at most one word between ("new clinical data").
    exceptions: tuple[str, ...] = ()

    @property
    def _exceptions_doc(self) -> str:
        if not self.exceptions:
            return ""
        return f" or the words stand in {', '.join(map(repr, self.exceptions))}"

    @property
    def doc(self) -> str:
        """The rule's documentation in the same four sections as a check's docstring."""
        summary = self.summary or f"Flag {', '.join(map(repr, self.patterns))}."
        return (
            f"{summary}\n\n## What it does\nReports a live (not negated) mention of "
            f"{', '.join(repr(p) for p in self.patterns)} on lemmas, in any word order, unless "
            f"the matched approved wording uses it too{self._exceptions_doc}.\n\n"
            f"## Why is this bad?\n{self.why}\n\n"
            f"## Example\n```text\n{self.example or self.patterns[0]}\n```\n\n"
            f"## Use instead\n{self.use_instead or 'Use the approved wording of the claim.'}\n"
        )


def _fail(display: str, line: int | None, message: str) -> ConfigError:
    return ConfigError(message, path=display, line=line)


def _text(m: Map, key: str, display: str, label: str) -> str | None:
    value = m.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(
            display, m.line_of(key), f"'{key}' of {label} must be text, not {type_name(value)}"
        )
    return value.strip()


def parse_pack(data: object, display: str) -> list[PackRule]:
    """Validate one parsed pack; errors name the file, line and key."""
    if not isinstance(data, Map):
        raise _fail(display, 1, f"a rule pack is a mapping with 'rules', not {type_name(data)}")
    for key in data:
        if key not in ("version", "rules"):
            raise _fail(display, data.line_of(key), f"unknown key '{key}' at the top level")
    if data.get("version", 1) != 1:
        raise _fail(
            display, data.line_of("version"), "unsupported version; this claimcheck reads 1"
        )
    items = data.get("rules")
    if not isinstance(items, Seq):
        raise _fail(
            display, data.line_of("rules"), f"'rules' must be a list, not {type_name(items)}"
        )
    out = []
    for index, m in enumerate(items):
        if not isinstance(m, Map):
            raise _fail(
                display, items.line_of(index), f"a rule must be a mapping, not {type_name(m)}"
            )
        label = f"rule {m.get('code', index + 1)}"
        for key in m:
            if key not in RULE_KEYS:
                raise _fail(display, m.line_of(key), f"unknown key '{key}' in {label}")
        for key in REQUIRED:
            if key not in m:
                raise _fail(display, m.line, f"{label} has no '{key}'")
        code = _text(m, "code", display, label) or ""
        if not _CODE.match(code):
            raise _fail(display, m.line_of("code"), f"bad code '{code}' in {label}: use e.g. CC260")
        name = _text(m, "name", display, label) or ""
        if not _NAME.match(name):
            raise _fail(display, m.line_of("name"), f"bad name '{name}' in {label}: use kebab-case")
        message = _text(m, "message", display, label) or ""
        try:
            fields = {f for _, f, _, _ in string.Formatter().parse(message) if f is not None}
        except ValueError as e:
            raise _fail(display, m.line_of("message"), f"bad message in {label}: {e}") from None
        if fields - _FIELDS:
            raise _fail(
                display,
                m.line_of("message"),
                f"unknown field {{{sorted(fields - _FIELDS)[0]}}} in message of {label}: "
                "use {text} or {claim}",
            )
        patterns = m.get("patterns")
        if (
            not isinstance(patterns, Seq)
            or not patterns
            or not all(isinstance(p, str) and p.strip() for p in patterns)
        ):
            raise _fail(
                display, m.line_of("patterns"), f"'patterns' of {label} must be a list of text"
            )
        exceptions = m.get("except") if "except" in m else ()
        if "except" in m and (
            not isinstance(exceptions, Seq)
            or not all(isinstance(p, str) and p.strip() for p in exceptions)
        ):
            raise _fail(display, m.line_of("except"), f"'except' of {label} must be a list of text")
        severity = _text(m, "severity", display, label) or "error"
        if severity not in SEVERITIES:
            raise _fail(
                display,
                m.line_of("severity"),
                f"bad severity '{severity}' in {label}: use one of {', '.join(SEVERITIES)}",
            )
        out.append(
            PackRule(
                code=code,
                name=name,
                message=message,
                why=_text(m, "why", display, label) or "",
                patterns=tuple(p.strip() for p in patterns),
                severity=severity,
                example=_text(m, "example", display, label),
                use_instead=_text(m, "use_instead", display, label),
                source=f"{display}:{m.line}",
                summary=_text(m, "summary", display, label),
                exceptions=tuple(p.strip() for p in exceptions),
            )
        )
    return out


@lru_cache(maxsize=1)
def builtin() -> tuple[PackRule, ...]:
    """The red flags shipped with claimcheck (rules/redflags.yaml)."""
    text = resources.files("claimcheck.rules").joinpath("redflags.yaml").read_text("utf-8")
    return tuple(parse_pack(parse(text, "redflags.yaml", ConfigError), "redflags.yaml"))


@lru_cache(maxsize=16)
def _load(paths: tuple[str, ...]) -> tuple[PackRule, ...]:
    rules = list(builtin())
    for p in paths:
        _, data = read(Path(p), p, ConfigError)
        rules += parse_pack(data, p)
    seen: dict[str, str] = {}
    for r in rules:
        for key in (r.code, r.name):
            if key in seen:
                path, _, line = r.source.rpartition(":")
                raise ConfigError(
                    f"rule '{key}' is already defined at {seen[key]}",
                    path=path,
                    line=int(line) if line.isdigit() else None,
                )
            seen[key] = r.source
    return tuple(rules)


def load_packs(extra_paths: Sequence[str | Path] = ()) -> tuple[PackRule, ...]:
    """The built-in red flags plus the user packs at these paths (validated, cached)."""
    return _load(tuple(str(p) for p in extra_paths))
