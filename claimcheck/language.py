"""Which parts of a draft are not English: cheap, offline, no model to load.

Each block of five or more words is given the language whose function words
(`rules/languages.yaml`) it holds most of; a block written mostly in a non-Latin script
(Cyrillic, Greek, CJK, Arabic, ...) is named by that script. Function-word profiles are
reliable on the shortest texts that can be told apart at all (a sentence), cost microseconds
and nothing at start-up; the maintained statistical libraries either load a model for about
a second in every process (py3langid) or ship hundreds of megabytes (lingua), and both
misread short English slogans ("KneeEase. Fast. Safe. Proven." as Dutch). Blocks too short
to tell count as English: claimcheck never refuses copy it could judge.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from claimcheck.model import Block

MIN_WORDS = 5  # a block this short is not classified
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")  # _WORD on lower-case ASCII text, twice as fast


@dataclass(frozen=True, slots=True)
class Foreign:
    """The blocks of a draft written in one language (or script) claimcheck does not judge."""

    code: str  # "de", "fr", ... or a script: "cyrillic", "greek", "cjk", ...
    name: str  # "German", "Cyrillic script"
    blocks: tuple[int, ...]  # indices into Document.blocks
    words: int  # how many of the draft's words these blocks hold


@cache
def _profiles() -> tuple[str, dict[str, tuple[str, frozenset[str]]]]:
    """(the judged language, {code: (name, function words)}) from rules/languages.yaml."""
    import yaml

    raw = resources.files("claimcheck.rules").joinpath("languages.yaml").read_text("utf-8")
    data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    profiles = {
        code: (entry["name"], frozenset(w.lower() for w in entry["words"]))
        for code, entry in data["languages"].items()
    }
    return data["judged"], profiles


@cache
def _foreign_words() -> frozenset[str]:
    """The function words of every language but the judged one."""
    judged, profiles = _profiles()
    return frozenset().union(*(vocab for code, (_, vocab) in profiles.items() if code != judged))


def language_of(text: str) -> tuple[str, str, int] | None:
    """(code, name, words) of a text's language, or None when it is too short to tell."""
    words = (_ASCII_WORD if text.isascii() else _WORD).findall(text.lower())
    script = _script(text)
    if script is not None:
        return script[0], script[1], max(len(words), script[2])
    if len(words) < MIN_WORDS:
        return None
    judged, profiles = _profiles()
    if _foreign_words().isdisjoint(words):
        # No other language scores: the judged one wins the comparison below, as on a tie.
        return judged, profiles[judged][0], len(words)
    scores = {code: sum(map(vocab.__contains__, words)) for code, (_, vocab) in profiles.items()}
    best = max(scores, key=lambda c: (scores[c], c == judged))
    # Another language wins only clearly: at least two of its words and twice English's.
    if best != judged and scores[best] >= 2 and scores[best] >= 2 * scores[judged]:
        return best, profiles[best][0], len(words)
    return judged, profiles[judged][0], len(words)


def _script(text: str) -> tuple[str, str, int] | None:
    """(code, name, letters / 5) when most letters of the text are of one non-Latin script."""
    if text.isascii():
        return None  # Latin letters only
    counts: dict[str, int] = {}
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if ch.isascii():
            continue
        name = unicodedata.name(ch, "")
        first = name.split(" ", 1)[0]
        if first in ("LATIN", ""):
            continue
        if first in ("HIRAGANA", "KATAKANA"):
            first = "JAPANESE"
        counts[first] = counts.get(first, 0) + 1
    if not counts or letters < 10:
        return None
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if n * 2 <= letters:
        return None
    # A CJK or kana character is about a word; alphabets spell about five letters a word.
    per_word = 2 if script in ("CJK", "JAPANESE", "HANGUL") else 5
    return script.lower(), f"{script.title().replace('Cjk', 'CJK')} script", n // per_word


def foreign_parts(blocks: Sequence[Block]) -> tuple[list[Foreign], int]:
    """The draft's blocks in languages claimcheck does not judge, grouped by language, most
    words first; and the number of words of every classified block."""
    judged, _ = _profiles()
    found: dict[str, tuple[str, list[int], list[int]]] = {}
    total = 0
    for index, block in enumerate(blocks):
        got = language_of(block.text)
        if got is None:
            continue
        code, name, words = got
        total += words
        if code == judged:
            continue
        entry = found.setdefault(code, (name, [], [0]))
        entry[1].append(index)
        entry[2][0] += words
    parts = [Foreign(c, n, tuple(b), w[0]) for c, (n, b, w) in found.items()]
    return sorted(parts, key=lambda f: (-f.words, f.code)), total
