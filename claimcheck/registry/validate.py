"""Audit a loaded registry for problems that are valid YAML but bad practice.

Used by `claimcheck registry validate`. Schema problems never get here: `load_registry`
already raised them as `RegistryError`. These are the things a reviewer wants to hear about
before a claim goes wrong in a draft: duplicate wordings, claims about to expire, evidence
that no longer backs anything, prohibited phrases hiding inside approved wordings, required
statements whose scope no document can ever be in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path

from claimcheck.errors import shown
from claimcheck.model import Registry, RequiredStatement, Scope

# Scope list -> the context key a document's value comes from.
_CONTEXT_OF = {
    "products": "product",
    "audiences": "audience",
    "channels": "channel",
    "markets": "market",
    "indications": "indication",
}

_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Problem:
    """One audit result: severity 'error' or 'warning', where ('path:line') and what."""

    severity: str
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.severity}: {self.message}"


def normalise(text: str) -> str:
    """Lower-case text with punctuation and whitespace runs collapsed to single spaces."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def _split_source(source: str) -> tuple[str, int]:
    path, _, line = source.rpartition(":")
    if path and line.isdigit():
        return path, int(line)
    return source, 0


def audit_registry(
    registry: Registry,
    as_of: date,
    expiring_within_days: int = 30,
    base_dir: Path | None = None,
    contexts: Sequence[Mapping[str, str | None]] = (),
) -> list[Problem]:
    """Every audit problem of `registry`, sorted by file and line.

    `base_dir` is the directory the registry's display paths are relative to (default: the
    current directory); evidence `file:` paths are resolved against their evidence file's
    directory under it. `contexts` are the document contexts the config sets (its top level
    and each override): a required statement scoped to a value that neither they nor any
    claim's scope uses is most likely misspelt.
    """
    problems: list[Problem] = []
    add = problems.append
    approved = [c for c in registry.claims if c.status == "approved"]

    seen: dict[str, str] = {}  # normalised wording -> the claim id that first used it
    for claim in registry.claims:
        for wording in claim.wordings:
            key = normalise(wording)
            first = seen.get(key)
            if first is None:
                seen[key] = claim.id
            elif first == claim.id:
                add(
                    Problem(
                        "warning", claim.source, f"claim {claim.id} repeats the wording '{wording}'"
                    )
                )
            else:
                add(
                    Problem(
                        "warning",
                        claim.source,
                        f"claim {claim.id} has the same wording as claim {first}: '{wording}'",
                    )
                )

    horizon = as_of + timedelta(days=expiring_within_days)
    for claim in approved:
        if claim.expires is None:
            continue
        if claim.expires < as_of:
            add(
                Problem(
                    "warning",
                    claim.source,
                    f"claim {claim.id} expired on {claim.expires.isoformat()}; drafts using "
                    "it are reported as expired",
                )
            )
        elif claim.expires <= horizon:
            days = (claim.expires - as_of).days
            when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
            add(
                Problem(
                    "warning",
                    claim.source,
                    f"claim {claim.id} expires on {claim.expires.isoformat()} ({when})",
                )
            )

    for claim in approved:
        records = [registry.evidence[e] for e in claim.evidence if e in registry.evidence]
        if records and all(r.status in ("superseded", "withdrawn") for r in records):
            states = ", ".join(f"{r.id} is {r.status}" for r in records)
            add(
                Problem(
                    "warning",
                    claim.source,
                    f"every evidence record of claim {claim.id} is out of date ({states})",
                )
            )

    root = base_dir if base_dir is not None else Path.cwd()
    cited = {e for c in registry.claims for e in c.evidence}
    for ev in registry.evidence.values():
        if ev.file:
            where, _ = _split_source(ev.source)
            target = root / Path(where).parent / ev.file
            if not target.exists():
                add(
                    Problem(
                        "error", ev.source, f"evidence {ev.id}: file '{ev.file}' does not exist"
                    )
                )
        if ev.id not in cited:
            add(Problem("warning", ev.source, f"evidence {ev.id} is not cited by any claim"))

    for banned in registry.prohibited:
        phrases = [(p, f" {normalise(p)} ") for p in banned.phrases]
        for claim in approved:
            for wording in claim.wordings:
                padded = f" {normalise(wording)} "
                hit = next((p for p, n in phrases if n.strip() and n in padded), None)
                if hit is not None:
                    add(
                        Problem(
                            "error",
                            claim.source,
                            f"approved claim {claim.id} contains the prohibited phrase "
                            f"'{hit}' ({banned.id})",
                        )
                    )
                    break

    for req in registry.required:
        problems.extend(_requirement_problems(req, registry, contexts))

    problems.sort(key=lambda p: _split_source(p.source))
    return problems


def _requirement_problems(
    req: RequiredStatement, registry: Registry, contexts: Sequence[Mapping[str, str | None]]
) -> list[Problem]:
    """Warnings for a required statement that can never (or most likely never) apply."""
    out: list[Problem] = []
    label = f"required statement {req.id}"
    for f in fields(Scope):
        allowed = getattr(req.scope, f.name)
        if allowed is None:
            continue
        if not allowed:
            out.append(
                Problem(
                    "warning",
                    req.source,
                    f"{label} can never apply: its scope lists no {f.name} (leave the key out "
                    "to mean any)",
                )
            )
            continue
        key = _CONTEXT_OF[f.name]
        known = {v for c in registry.claims for v in (getattr(c.scope, f.name) or ())}
        known |= {c[key] for c in contexts if c.get(key)}
        if not known:
            continue  # nothing to compare with: any value may be right
        unknown = [v for v in allowed if v not in known]
        if len(unknown) == len(allowed):
            values = ", ".join(shown(v) for v in unknown)
            out.append(
                Problem(
                    "warning",
                    req.source,
                    f"{label} may never apply: no claim and no context in the config uses "
                    f"{key} {values} (known: {', '.join(sorted(known))})",
                )
            )
    return out
