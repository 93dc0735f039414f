"""Load and validate the claim registry and the evidence library (FORMATS.md sections 1-2).

Every problem is a `RegistryError` naming file, line and key, e.g.
`claims.yaml:14: unknown key 'evidance' in claim ARC-OPTIME`. A path may be a file or a
directory; a directory contributes its `*.yaml`/`*.yml` files, recursively, in sorted order.
Any file may hold `claims`, `prohibited`, `required` and `evidence` together.

Normalisation, so that matching can compare values exactly:
- wordings (`text`, `variants`, `requires`, `phrases`, `footnotes`) have runs of whitespace
  collapsed;
- scope `products`, `audiences`, `channels`, `indications` are lower-cased, `markets` are
  upper-cased (`us` and `US` are the same market); `claimcheck.config` normalises a
  document's context the same way;
- a single string is accepted wherever a list of strings is expected.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from claimcheck.errors import RegistryError, about, shown
from claimcheck.model import (
    PLACEMENTS,
    VERDICTS,
    WHEN,
    ApprovedClaim,
    ClaimExample,
    Evidence,
    EvidenceFinding,
    Prohibited,
    Registry,
    RequiredStatement,
    Scope,
)
from claimcheck.yamlutil import Map, Seq, Source, as_date, read, type_name

CLAIM_ID = re.compile(r"[A-Z0-9._-]+")
EVIDENCE_ID = re.compile(r"\S+")

TOP_KEYS = ("version", "claims", "prohibited", "required", "evidence")
CLAIM_KEYS = (
    "id",
    "text",
    "variants",
    "evidence",
    "status",
    "expires",
    "scope",
    "requires",
    "notes",
    "footnotes",
    "examples",
)
EXAMPLES_KEYS = ("supported", "flagged")
EXAMPLE_KEYS = ("text", "verdict", "rules", "context")
EXAMPLE_CONTEXT_KEYS = ("audience", "channel", "market", "product", "indication")
FLAGGED_VERDICTS = tuple(v for v in VERDICTS if v != "supported")
SCOPE_KEYS = ("products", "audiences", "channels", "markets", "indications")
PROHIBITED_KEYS = ("id", "phrases", "reason", "severity")
REQUIRED_KEYS = (
    "id",
    "text",
    "variants",
    "scope",
    "when",
    "placement",
    "in_notes",
    "severity",
    "notes",
)
EVIDENCE_KEYS = (
    "id",
    "citation",
    "type",
    "date",
    "status",
    "population",
    "findings",
    "limitations",
    "file",
)
FINDING_KEYS = ("endpoint", "result")

CLAIM_STATUSES = ("approved", "retired", "draft")
PROHIBITED_SEVERITIES = ("error", "warning", "info")
EVIDENCE_TYPES = (
    "rct",
    "meta-analysis",
    "observational",
    "registry",
    "bench",
    "survey",
    "expert-opinion",
    "label",
)
EVIDENCE_STATUSES = ("current", "superseded", "withdrawn")

_SUFFIXES = (".yaml", ".yml")


@functools.cache
def _allowed(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(keys)


def _shown(value: Any) -> str:
    """Text quoted, anything else named by its type ('a list', 'the number 3')."""
    return shown(value) if isinstance(value, str) else type_name(value)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _recover(default: Callable[..., Any]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """When the file collects its problems, a bad value is recorded and `default(...)` used."""

    def wrap(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def checked(self: _File, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except RegistryError as exc:
                if self.problems is None:
                    raise
                self.problems.append(exc)
                return default(*args, **kwargs)

        return checked

    return wrap


class _File(Source):
    """Validation helpers bound to one file, so every error carries its display path and line.

    By default the first problem raises. With a `problems` list (`registry validate`), each
    problem is recorded there and validation goes on with a default value, so one run
    reports every problem.
    """

    def __init__(self, display: str, problems: list[RegistryError] | None = None) -> None:
        super().__init__(display, RegistryError)
        self.problems = problems

    def fail(self, problem: RegistryError) -> None:
        """Raise the problem, or record it and go on when collecting."""
        if self.problems is None:
            raise problem
        self.problems.append(problem)

    def keys(self, m: Map, allowed: Sequence[str], label: str) -> None:
        if m.keys() <= _allowed(allowed):
            return
        for key in m:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                more = (
                    f" (did you mean '{hint[0]}'?)"
                    if hint
                    else f"; expected one of {', '.join(allowed)}"
                )
                self.fail(self.error(f"unknown key {shown(key)} in {label}{more}", m.line_of(key)))

    @_recover(lambda *a, **k: None)
    def string(self, m: Map, key: str, label: str, *, required: bool = False) -> str | None:
        value = m.get(key)
        if value is None:
            if required:
                raise self.error(f"missing required key '{key}' in {label}", m.line_of(key))
            return None
        if not isinstance(value, str):
            raise self.error(
                f"'{key}' in {label} must be a string, not {type_name(value)}", m.line_of(key)
            )
        value = value.strip()
        if required and not value:
            raise self.error(f"'{key}' in {label} is empty", m.line_of(key))
        return value

    @_recover(lambda *a, **k: ())
    def strings(self, m: Map, key: str, label: str, *, required: bool = False) -> tuple[str, ...]:
        value = m.get(key)
        if value is None:
            if required:
                raise self.error(f"missing required key '{key}' in {label}", m.line_of(key))
            return ()
        if isinstance(value, str):
            value = [value]
        if type(value) is Seq:
            # The common case in one pass; the loop below finds what is wrong, if anything.
            try:
                quick = tuple([" ".join(v.split()) for v in value])
            except AttributeError:  # an item that is not a string
                quick = None
            if quick is not None and all(quick) and (quick or not required):
                return quick
        if not isinstance(value, list):
            raise self.error(
                f"'{key}' in {label} must be a list of strings, not {type_name(value)}",
                m.line_of(key),
            )
        out: list[str] = []
        for i, item in enumerate(value):
            line = value.line_of(i) if isinstance(value, Seq) else m.line_of(key)
            if not isinstance(item, str):
                raise self.error(
                    f"'{key}' in {label}: item {i + 1} must be a string, not {type_name(item)}",
                    line,
                )
            item = _squash(item)
            if not item:
                raise self.error(f"'{key}' in {label}: item {i + 1} is empty", line)
            out.append(item)
        if required and not out:
            raise self.error(f"'{key}' in {label} is empty", m.line_of(key))
        return tuple(out)

    @_recover(lambda m, key, label, choices, default: default)
    def choice(self, m: Map, key: str, label: str, choices: Sequence[str], default: str) -> str:
        value = m.get(key)
        if value is None:
            return default
        if not isinstance(value, str) or value.strip().lower() not in choices:
            raise self.error(
                f"'{key}' in {label} must be one of {', '.join(choices)}, not {_shown(value)}",
                m.line_of(key),
            )
        return value.strip().lower()

    @_recover(lambda *a, **k: False)
    def flag(self, m: Map, key: str, label: str) -> bool:
        value = m.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.error(
                f"'{key}' in {label} must be true or false, not {_shown(value)}", m.line_of(key)
            )
        return value

    @_recover(lambda *a, **k: None)
    def date(self, m: Map, key: str, label: str) -> date | None:
        value = m.get(key)
        if value is None:
            return None
        parsed = as_date(value)
        if parsed is None:
            raise self.error(
                f"'{key}' in {label} is not a valid date: {_shown(value)} (expected YYYY-MM-DD)",
                m.line_of(key),
            )
        return parsed

    def ident(self, m: Map, kind: str, pattern: re.Pattern[str], rule: str) -> str:
        value = m.get("id")
        if value is None:
            raise self.error(f"{kind} without 'id'", m.line)
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)  # `id: 2024` is clearly meant as text
        if not isinstance(value, str):
            raise self.error(
                f"'id' of a {kind} must be a string, not {type_name(value)}", m.line_of("id")
            )
        value = value.strip()
        if not pattern.fullmatch(value):
            raise self.error(f"invalid {kind} id {shown(value)}: {rule}", m.line_of("id"))
        return value

    def records(self, data: Map, key: str) -> list[Map]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(
                f"'{key}' must be a list of entries, not {type_name(value)}", data.line_of(key)
            )
        for i, item in enumerate(value):
            if not isinstance(item, Map):
                line = value.line_of(i) if isinstance(value, Seq) else data.line_of(key)
                raise self.error(
                    f"'{key}' entry {i + 1} must be a mapping with an 'id', not {type_name(item)}",
                    line,
                )
        return value


class _Loader:
    """Accumulates records from many files and checks ids across them."""

    def __init__(self) -> None:
        self.claims: list[ApprovedClaim] = []
        self.prohibited: list[Prohibited] = []
        self.required: list[RequiredStatement] = []
        self.evidence: dict[str, Evidence] = {}
        self.ids: dict[str, str] = {}  # claim, prohibited and required ids share one namespace
        # (claim id, cited ids, file, line of each cited id) checked once all evidence is in
        self.citations: list[tuple[str, tuple[str, ...], _File, list[int | None]]] = []

    def load_file(self, f: _File, data: Any) -> None:
        if data is None:
            return
        if not isinstance(data, Map):
            raise f.error(
                f"expected a mapping with 'claims', 'prohibited', 'required' or 'evidence', "
                f"not {type_name(data)}",
                1,
            )
        f.keys(data, TOP_KEYS, "the top level")
        version = data.get("version")
        if version is not None and version != 1:
            raise f.error(
                f"unsupported version {shown(version)}; this claimcheck reads version 1",
                data.line_of("version"),
            )
        for key, load in (
            ("claims", self._claim),
            ("prohibited", self._prohibited),
            ("required", self._required),
            ("evidence", self._evidence),
        ):
            for m in f.records(data, key):
                try:
                    load(f, m)
                except RegistryError as exc:  # a record without a usable id: skip it
                    f.fail(exc)

    def _claim_id(self, f: _File, m: Map, kind: str) -> str:
        ident = f.ident(m, kind, CLAIM_ID, "use only A-Z, 0-9, '.', '_' and '-'")
        first = self.ids.get(ident)
        if first is not None:
            raise f.error(f"duplicate id '{ident}' (first defined at {first})", m.line_of("id"))
        self.ids[ident] = f.where(m.line)
        return ident

    def _claim(self, f: _File, m: Map) -> None:
        ident = self._claim_id(f, m, "claim")
        label = f"claim {ident}"
        f.keys(m, CLAIM_KEYS, label)
        text = f.string(m, "text", label, required=True)
        status = f.choice(m, "status", label, CLAIM_STATUSES, "approved")
        evidence = f.strings(m, "evidence", label)
        if status == "approved" and not evidence:
            f.fail(
                f.error(
                    f"approved {label} needs 'evidence': a list of evidence ids",
                    m.line_of("evidence"),
                )
            )
        seen: set[str] = set()
        for ev in evidence:
            if ev in seen:
                f.fail(
                    f.error(
                        f"evidence {shown(ev)} is listed twice in {label}", m.line_of("evidence")
                    )
                )
            seen.add(ev)
        cited = m.get("evidence")
        lines = [
            cited.line_of(i) if isinstance(cited, Seq) else m.line_of("evidence")
            for i in range(len(evidence))
        ]
        self.citations.append((ident, evidence, f, lines))
        self.claims.append(
            ApprovedClaim(
                id=ident,
                text=_squash(text or ""),
                variants=f.strings(m, "variants", label),
                evidence=evidence,
                status=status,
                expires=f.date(m, "expires", label),
                scope=self._scope(f, m, label),
                requires=f.strings(m, "requires", label),
                notes=f.string(m, "notes", label),
                source=f.where(m.line),
                footnotes=f.strings(m, "footnotes", label),
                examples=self._examples(f, m, label),
            )
        )

    def _examples(self, f: _File, m: Map, label: str) -> tuple[ClaimExample, ...]:
        """`examples: {supported: [...], flagged: [...]}`: the claim's self-tests."""
        value = m.get("examples")
        if value is None:
            return ()
        where = f"'examples' of {label}"
        if not isinstance(value, Map):
            f.fail(
                f.error(
                    f"{where} must be a mapping with 'supported' and 'flagged', "
                    f"not {type_name(value)}",
                    m.line_of("examples"),
                )
            )
            return ()
        f.keys(value, EXAMPLES_KEYS, where)
        out: list[ClaimExample] = []
        for kind in EXAMPLES_KEYS:
            items = value.get(kind)
            if items is None:
                continue
            if not isinstance(items, list):
                f.fail(
                    f.error(
                        f"'{kind}' in {where} must be a list, not {type_name(items)}",
                        value.line_of(kind),
                    )
                )
                continue
            for i, item in enumerate(items):
                line = items.line_of(i) if isinstance(items, Seq) else value.line_of(kind)
                example = self._example(f, item, kind, f"{kind} example {i + 1} of {label}", line)
                if example is not None:
                    out.append(example)
        return tuple(out)

    def _example(
        self, f: _File, item: Any, kind: str, label: str, line: int | None
    ) -> ClaimExample | None:
        if kind == "supported" and isinstance(item, str):
            item = Map(text=item)
            item.line = line
        if not isinstance(item, Map):
            need = (
                "a string or a mapping with 'text'"
                if kind == "supported"
                else ("a mapping with 'text' and 'verdict'")
            )
            f.fail(f.error(f"{label} must be {need}, not {type_name(item)}", line))
            return None
        allowed = EXAMPLE_KEYS if kind == "flagged" else ("text", "context")
        f.keys(item, allowed, label)
        text = f.string(item, "text", label, required=True)
        expect = "supported"
        if kind == "flagged":
            if item.get("verdict") is None:
                f.fail(f.error(f"missing required key 'verdict' in {label}", item.line))
                return None
            expect = f.choice(item, "verdict", label, FLAGGED_VERDICTS, "")
        context: list[tuple[str, str]] = []
        ctx = item.get("context")
        if ctx is not None:
            if not isinstance(ctx, Map):
                f.fail(
                    f.error(
                        f"'context' in {label} must be a mapping, not {type_name(ctx)}",
                        item.line_of("context"),
                    )
                )
            else:
                f.keys(ctx, EXAMPLE_CONTEXT_KEYS, f"context of {label}")
                for key in EXAMPLE_CONTEXT_KEYS:
                    value = f.string(ctx, key, f"context of {label}")
                    if value:
                        context.append((key, value))
        if not text or not expect:
            return None
        return ClaimExample(
            text=_squash(text),
            expect=expect,
            rules=f.strings(item, "rules", label) if kind == "flagged" else (),
            context=tuple(context),
            source=f.where(item.line if item.line is not None else line),
        )

    def _scope(self, f: _File, m: Map, label: str) -> Scope:
        value = m.get("scope")
        if value is None:
            return Scope()
        if not isinstance(value, Map):
            raise f.error(
                f"'scope' in {label} must be a mapping of {', '.join(SCOPE_KEYS)}, "
                f"not {type_name(value)}",
                m.line_of("scope"),
            )
        where = f"scope of {label}"
        f.keys(value, SCOPE_KEYS, where)
        out: dict[str, tuple[str, ...] | None] = {}
        for key in SCOPE_KEYS:
            if value.get(key) is None:
                out[key] = None  # missing list means "any"
                continue
            items = f.strings(value, key, where)
            out[key] = tuple(
                [s.upper() for s in items] if key == "markets" else [s.lower() for s in items]
            )
        return Scope(**out)

    def _prohibited(self, f: _File, m: Map) -> None:
        ident = self._claim_id(f, m, "prohibited claim")
        label = f"prohibited claim {ident}"
        f.keys(m, PROHIBITED_KEYS, label)
        self.prohibited.append(
            Prohibited(
                id=ident,
                phrases=f.strings(m, "phrases", label, required=True),
                reason=f.string(m, "reason", label, required=True) or "",
                severity=f.choice(m, "severity", label, PROHIBITED_SEVERITIES, "error"),
                source=f.where(m.line),
            )
        )

    def _required(self, f: _File, m: Map) -> None:
        ident = self._claim_id(f, m, "required statement")
        label = f"required statement {ident}"
        f.keys(m, REQUIRED_KEYS, label)
        placement = f.choice(m, "placement", label, PLACEMENTS, "document")
        in_notes = f.flag(m, "in_notes", label)
        if in_notes and placement == "document":
            f.fail(
                f.error(
                    f"'in_notes' in {label} needs 'placement: page' or 'placement: slide' "
                    "(with placement document, notes always count)",
                    m.line_of("in_notes"),
                )
            )
        self.required.append(
            RequiredStatement(
                id=ident,
                text=_squash(f.string(m, "text", label, required=True) or ""),
                variants=f.strings(m, "variants", label),
                scope=self._scope(f, m, label),
                when=f.choice(m, "when", label, WHEN, "claims"),
                placement=placement,
                in_notes=in_notes,
                severity=f.choice(m, "severity", label, PROHIBITED_SEVERITIES, "error"),
                notes=f.string(m, "notes", label),
                source=f.where(m.line),
            )
        )

    def _evidence(self, f: _File, m: Map) -> None:
        ident = f.ident(m, "evidence record", EVIDENCE_ID, "an id may not contain spaces")
        first = self.evidence.get(ident)
        if first is not None:
            raise f.error(
                f"duplicate evidence id '{ident}' (first defined at {first.source})",
                m.line_of("id"),
            )
        label = f"evidence {ident}"
        f.keys(m, EVIDENCE_KEYS, label)
        type_ = m.get("type")
        self.evidence[ident] = Evidence(
            id=ident,
            citation=f.string(m, "citation", label, required=True) or "",
            type=None if type_ is None else f.choice(m, "type", label, EVIDENCE_TYPES, ""),
            date=f.date(m, "date", label),
            status=f.choice(m, "status", label, EVIDENCE_STATUSES, "current"),
            population=f.string(m, "population", label),
            findings=self._findings(f, m, label),
            limitations=f.string(m, "limitations", label),
            file=f.string(m, "file", label),
            source=f.where(m.line),
        )

    def _findings(self, f: _File, m: Map, label: str) -> tuple[EvidenceFinding, ...]:
        value = m.get("findings")
        if value is None:
            return ()
        if not isinstance(value, list):
            raise f.error(
                f"'findings' in {label} must be a list of {{endpoint, result}}, "
                f"not {type_name(value)}",
                m.line_of("findings"),
            )
        out = []
        for i, item in enumerate(value):
            where = f"finding {i + 1} of {label}"
            if not isinstance(item, Map):
                line = value.line_of(i) if isinstance(value, Seq) else m.line_of("findings")
                raise f.error(
                    f"{where} must be a mapping with 'endpoint' and 'result', "
                    f"not {type_name(item)}",
                    line,
                )
            f.keys(item, FINDING_KEYS, where)
            result = item.get("result")
            if isinstance(result, int | float) and not isinstance(result, bool):
                item["result"] = str(result)  # `result: 0.5` is a fine result
            out.append(
                EvidenceFinding(
                    endpoint=f.string(item, "endpoint", where, required=True) or "",
                    result=f.string(item, "result", where, required=True) or "",
                )
            )
        return tuple(out)

    def check_citations(self) -> None:
        for ident, cited, f, lines in self.citations:
            for ev, line in zip(cited, lines, strict=True):
                if ev in self.evidence:
                    continue
                if not self.evidence:
                    f.fail(
                        f.error(
                            f"claim {ident} cites evidence {shown(ev)} but no evidence library "
                            "was loaded (set 'evidence:' in claimcheck.yaml)",
                            line,
                        )
                    )
                    continue
                hint = difflib.get_close_matches(ev, list(self.evidence), n=1)
                more = f" (did you mean '{hint[0]}'?)" if hint else ""
                f.fail(f.error(f"claim {ident} cites unknown evidence {shown(ev)}{more}", line))


def expand(paths: Sequence[Path], kind: str = "registry") -> list[Path]:
    """The YAML files behind `paths` (files as given, directories recursively, sorted)."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.suffix.lower() in _SUFFIXES and p.is_file()]
            out.extend(sorted(found, key=lambda p: p.relative_to(path).as_posix()))
        elif path.exists():
            out.append(path)
        else:
            raise RegistryError(f"{kind} path not found", path=str(path))
    return out


def load_registry(
    registry_paths: Sequence[Path],
    evidence_paths: Sequence[Path] = (),
    display: Callable[[Path], str] = lambda p: str(p),
) -> Registry:
    """Read, validate and merge registry and evidence files into one `Registry`.

    The first problem raises a `RegistryError` naming file and line.
    """
    return _load(registry_paths, evidence_paths, display, None)


def check_registry(
    registry_paths: Sequence[Path],
    evidence_paths: Sequence[Path] = (),
    display: Callable[[Path], str] = lambda p: str(p),
) -> tuple[Registry, list[RegistryError]]:
    """Every problem of the registry and evidence files, and the registry the rest makes.

    Nothing raises: a file that cannot be read or parsed, a record without a usable id and
    a bad value are each one problem (in file order, then line order), and loading goes on
    with the files, records and values that are good.
    """
    problems: list[RegistryError] = []
    registry = _load(registry_paths, evidence_paths, display, problems)
    # Files in the order they were read (a file's problems come first while it is read;
    # dangling citations, checked at the end, join their file), then lines.
    order: dict[str | None, int] = {}
    for problem in problems:
        order.setdefault(problem.path, len(order))
    problems.sort(key=lambda p: (order[p.path], p.line or 0))
    return registry, problems


def _load(
    registry_paths: Sequence[Path],
    evidence_paths: Sequence[Path],
    display: Callable[[Path], str],
    problems: list[RegistryError] | None,
) -> Registry:
    loader = _Loader()
    seen: set[Path] = set()
    groups: list[tuple[list[str], Any]] = []
    for paths, kind in ((registry_paths, "registry"), (evidence_paths, "evidence")):
        shown: list[str] = []
        digest = hashlib.sha256()
        for path in _expand_each(paths, kind, problems):
            key = path.resolve()
            if key in seen:  # a file named twice (or under both registry and evidence) loads once
                continue
            seen.add(key)
            f = _File(display(path), problems)
            # a bug met in this file is reported against it; a problem in it, recorded when
            # collecting (unreadable, not YAML, or a bad top level)
            with about(f.display):
                try:
                    raw, data = read(path, f.display, RegistryError)
                    digest.update(raw)
                    shown.append(f.display)
                    loader.load_file(f, data)
                except RegistryError as exc:
                    f.fail(exc)
        groups.append((shown, digest.hexdigest() if shown else ""))
    loader.check_citations()
    (sources, sha), (evidence_sources, evidence_sha) = groups
    return Registry(
        claims=tuple(loader.claims),
        prohibited=tuple(loader.prohibited),
        required=tuple(loader.required),
        evidence=loader.evidence,
        sources=tuple(sources),
        evidence_sources=tuple(evidence_sources),
        sha256=sha,
        evidence_sha256=evidence_sha,
    )


def _expand_each(
    paths: Sequence[Path], kind: str, problems: list[RegistryError] | None
) -> list[Path]:
    """`expand`, with a missing path recorded as a problem when collecting."""
    out: list[Path] = []
    for path in paths:
        try:
            out.extend(expand([path], kind))
        except RegistryError as exc:
            if problems is None:
                raise
            problems.append(exc)
    return out
