"""The product names a registry knows, for claim detection ("Velzura is well tolerated").

A name is a lower-case word tuple. Each registry product slug gives its words and its brand
("floraease-daily" -> ("floraease", "daily") and ("floraease",)); each approved wording gives its
brand-like words: CamelCase or trademark-marked names ("OrbiSense", "FloraEase®"), generic
drug names ("ostrakizumab"), and capitalised words inside a sentence that are not English words
("Velzura", "Solvexa"), which is how product, competitor and company names look in copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.model import Registry


def slug_names(slug: str) -> set[tuple[str, ...]]:
    """The names a product slug stands for: its words, and its first word alone (the brand)."""
    words = tuple(w for w in slug.lower().replace("_", "-").split("-") if w)
    if not words:
        return set()
    return {words, words[:1]}


def product_names(registry: Registry, product: str | None = None) -> frozenset[tuple[str, ...]]:
    """Every product name of the registry (and of the document's context product)."""
    return _names(registry) | (frozenset(slug_names(product)) if product else frozenset())


def _names(registry: Registry) -> frozenset[tuple[str, ...]]:
    """The registry's product names (kept with the registry: claimcheck.registry.memo)."""
    from claimcheck.registry.memo import registry_memo

    memo = registry_memo(registry)
    found = memo.get("product_names")
    if found is None:
        found = memo["product_names"] = _collect(registry)
    return found


def _collect(registry: Registry) -> frozenset[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for claim in registry.claims:
        for slug in claim.scope.products or ():
            out |= slug_names(slug)
        for text in claim.wordings:
            out |= {(name,) for name in names_in(text)}
    return frozenset(out)


def names_in(text: str) -> set[str]:
    """Brand-like words of a text, lower-cased: CamelCase or trademark-marked names, generic
    drug names, and capitalised words inside the sentence that are not English words."""
    from claimcheck.detect.decide import _CAMEL, _INN, _MARKS, parts_of_speech
    from claimcheck.segment import sentence_of

    tokens = sentence_of(text).tokens
    out: set[str] = set()
    for i, t in enumerate(tokens):
        word = t.text
        if t.is_punct or not word[:1].isalpha():
            continue
        marked = i + 1 < len(tokens) and tokens[i + 1].text in _MARKS
        camel = len(word) >= 4 and bool(_CAMEL.match(word)) and _humped(word)
        foreign = (
            i > 0
            and word[:1].isupper()
            and not word.isupper()
            and len(word) >= 4
            and not parts_of_speech(t.lemma)
            and not parts_of_speech(t.lower)
        )
        if marked or camel or foreign or _INN.match(t.lower):
            out.add(t.lower)
    return out


def _humped(word: str) -> bool:
    """A CamelCase brand ('OrbiSense', 'iPhone'), not an acronym or a science term ('mRNA')."""
    hump = next((i for i, ch in enumerate(word) if i and ch.isupper()), None)
    return hump is not None and any(ch.islower() for ch in word[hump:])
