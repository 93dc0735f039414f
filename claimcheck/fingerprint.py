"""Stable finding fingerprints: a hash of path, rule and normalised sentence, never of lines.

A fingerprint must survive lines inserted above a sentence and edits elsewhere in the draft,
so that baselines, waivers and code-scanning alerts keep pointing at the same finding. It
changes when the sentence itself is reworded, which is what a reviewer wants: new wording
deserves a new look.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from claimcheck.model import DocumentResult, Finding

FINGERPRINT_LENGTH = 20  # hex digits: 80 bits, ample for one repository's findings

_SPACE = re.compile(r"\s+")
# Typographic quotes and dashes that word processors substitute for ASCII ones.
_TYPOGRAPHIC = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@lru_cache(maxsize=8192)
def normalise(sentence: str) -> str:
    """Lowercase, collapse whitespace and strip leading/trailing punctuation."""
    text = unicodedata.normalize("NFKC", sentence).translate(_TYPOGRAPHIC).casefold()
    text = _SPACE.sub(" ", text)
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def posix_path(path: str) -> str:
    """The path with forward slashes and no leading './', as fingerprints and baselines use it."""
    out = path.replace("\\", "/")
    while out.startswith("./"):
        out = out[2:]
    return out


def fingerprint(path: str, rule: str, sentence: str, occurrence: int = 0) -> str:
    """Hex sha256 of posix path, rule code, normalised sentence and occurrence index."""
    key = "\x1f".join((posix_path(path), rule, normalise(sentence), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def assign_fingerprints(result: DocumentResult, *, fresh: bool = False) -> DocumentResult:
    """Fill Finding.fingerprint for every claim and document finding of a document.

    With `fresh=True` (the pipeline, on the findings it has just built for this document and
    that nothing else holds yet) each finding is stamped where it is, and the result is
    returned as it is: no copy of any finding, claim or document.
    """
    seen: dict[tuple[str, str], int] = {}
    prefix = posix_path(result.path) + "\x1f"

    def mark(finding: Finding, sentence: str) -> str:
        # Identical sentences in one draft (a repeated tagline) are told apart by order.
        normal = normalise(sentence)
        key = (finding.rule, normal)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        text = "\x1f".join((finding.rule, normal, str(occurrence)))
        return hashlib.sha256((prefix + text).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]

    if fresh:
        for c in result.claims:
            for f in c.findings:
                object.__setattr__(f, "fingerprint", mark(f, c.sentence.text))
        for f in result.findings:
            object.__setattr__(f, "fingerprint", mark(f, f.claim_id or ""))
        return result

    def stamp(finding: Finding, sentence: str) -> Finding:
        return replace(finding, fingerprint=mark(finding, sentence))

    # A claim without findings needs no new copy.
    claims = tuple(
        replace(c, findings=tuple(stamp(f, c.sentence.text) for f in c.findings))
        if c.findings
        else c
        for c in result.claims
    )
    # Document-level findings have no sentence: path, rule, the registry entry they are about
    # (a required statement, a claim with footnotes) and order identify them.
    findings = tuple(stamp(f, f.claim_id or "") for f in result.findings)
    return replace(result, claims=claims, findings=findings)
