"""Load the cue lexicons (rules/lexicon-*.yaml) once and match them against sentence tokens.

Each lexicon file has a header (`kind`, `match`, optional `direction`, `scope`, `lead`) and
`entries` of `{id, phrases, kind?, match?, value?, direction?, scope?, lead?}`. A phrase is
tokenized like a sentence; each word matches a token's lemma (`match: lemma`) or its lower-case
form (`match: lower`), and `*` matches any one token. Matching walks the sentence once and
looks each token up in a first-word index, so cost does not grow with the number of entries.
Other top-level keys carry data for the detector: `terminators` (scope ends), `outcomes`,
`imperatives`, `relations`, `strength`, `absorb`, `lead`, and for claim strength `raising`
(words before "to" that keep an infinitive a finding: "shown to reduce"), `determiners`
(words after which a participle is an adjective: "an increased risk") and `null_relations`
(correlational entry ids that state no difference: "did not differ", "similar").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from claimcheck.errors import ConfigError
from claimcheck.model import Token

# The top-level rules/ folder, installed as the package claimcheck.rules (pyproject.toml).
RULES = Path(str(resources.files("claimcheck.rules"))).resolve()
HEADER_KEYS = {
    "kind",
    "match",
    "direction",
    "scope",
    "lead",
    "entries",
    "terminators",
    "outcomes",
    "imperatives",
    "relations",
    "strength",
    "absorb",
    "raising",
    "determiners",
    "null_relations",
    "certain_hedges",
    "weak",
    "experience",
    "cta_only",
    "skip",
    "product_nouns",
}
ENTRY_KEYS = {"id", "phrases", "kind", "match", "value", "direction", "scope", "lead"}
DIRECTIONS = ("forward", "backward", "bidirectional")
LEMMA, LOWER, ANY = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: what a match means and how far its scope reaches."""

    id: str
    kind: str
    value: Any = None
    direction: str = "forward"
    scope: int = 0
    lead: int | None = None  # only counts when it starts within the first `lead` tokens
    source: str = ""


@dataclass(frozen=True, slots=True)
class LexHit:
    """A lexicon match: token span [start, end) and the entry that produced it."""

    start: int
    end: int
    entry: Entry


@dataclass
class Lexicon:
    """Every cue lexicon, indexed by first word, plus the detector's data tables."""

    by_lemma: dict[str, list[tuple[tuple[tuple[int, str], ...], Entry]]] = field(
        default_factory=dict
    )
    by_lower: dict[str, list[tuple[tuple[tuple[int, str], ...], Entry]]] = field(
        default_factory=dict
    )
    wildcard: list[tuple[tuple[tuple[int, str], ...], Entry]] = field(default_factory=list)
    terminators: frozenset[str] = frozenset()
    outcomes: frozenset[str] = frozenset()
    imperatives: frozenset[str] = frozenset()
    relations: dict[str, str] = field(default_factory=dict)
    strength: dict[str, int] = field(default_factory=dict)
    absorb: int = 0
    raising: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    null_relations: frozenset[str] = frozenset()
    certain_hedges: frozenset[str] = frozenset()
    # Claim detection (detect.decide): attribute families that need a product in the sentence,
    # experience words that make a stated harm safety information, verbs that open a call to
    # action whatever follows, and words skipped before an imperative verb.
    weak: frozenset[str] = frozenset()
    experience: frozenset[str] = frozenset()
    cta_only: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()
    product_nouns: frozenset[str] = frozenset()  # "the sensor", "each capsule": a product
    cta_lead: int = 2
    size: int = 0
    # by_lemma, by_lower and wildcard as one trie for `match` (built on first use).
    _plan: list | None = field(default=None, repr=False, compare=False)
    # The phrases of the entries of some kinds, indexed for `any_of`.
    _kinds: dict[frozenset[str], _Screen] = field(default_factory=dict, repr=False, compare=False)

    def add(self, phrase: str, entry: Entry, mode: int) -> None:
        """Index one phrase of an entry."""
        from claimcheck.segment import _tokens

        words = [t.lower for t in _tokens(phrase)]
        if not words:
            return
        pattern = tuple(
            (ANY, "*") if w == "*" else (mode, _lemma(w) if mode == LEMMA else w) for w in words
        )
        mode0, key = pattern[0]
        if mode0 == ANY:
            self.wildcard.append((pattern, entry))
        else:
            bucket = (self.by_lemma if mode0 == LEMMA else self.by_lower).setdefault(key, [])
            if (pattern, entry) not in bucket:
                bucket.append((pattern, entry))
        self.size += 1
        self._plan = None
        self._kinds.clear()

    def words_of(self, kinds: frozenset[str]) -> frozenset[str]:
        """The one-word phrases of entries of these kinds (lemmas or lower-case forms)."""
        out = set()
        for index in (self.by_lemma, self.by_lower):
            for key, bucket in index.items():
                if any(len(pattern) == 1 and entry.kind in kinds for pattern, entry in bucket):
                    out.add(key)
        return frozenset(out)

    def match(self, tokens: tuple[Token, ...]) -> list[LexHit]:
        """Every (possibly overlapping) match of every entry in the tokens.

        One walk of the lexicon's trie from each token: a token that starts no phrase costs
        a few dictionary look-ups, whatever the number of entries. Matches starting at one
        token come in the order of the first-word index (lemma buckets, lower-case buckets,
        then phrases that open with `*`), each bucket in the order its phrases were added.
        """
        if self._plan is None:
            self._plan = _trie(self, None)
        root = self._plan
        lows = [t.lower for t in tokens]
        lems = [t.lemma for t in tokens]
        hits: list[LexHit] = []
        by_lemma, by_lower, star = root[0], root[1], root[2]
        # Most tokens start no phrase: they are skipped here, by the walk's own first step
        # (inlined). Phrases opening with `*` need the next word to be their second one,
        # unless one is `*` alone or `* *`: then every token is walked.
        walk_all = star is not None and (bool(star[3]) or star[2] is not None)
        star_next = (star[0], star[1]) if star is not None else ({}, {})
        n = len(tokens)
        for i in range(n):
            if (
                not walk_all
                and lems[i] not in by_lemma
                and lows[i] not in by_lower
                and (
                    i + 1 >= n
                    or (lems[i + 1] not in star_next[0] and lows[i + 1] not in star_next[1])
                )
            ):
                continue
            found = _walk(root, lems, lows, i)
            if not found:
                continue
            if len(found) > 1:
                found.sort(key=_rank)
            for _, length, entry in found:
                if (entry.lead is None or i < entry.lead) and not _proper_noun(tokens, i, entry):
                    hits.append(LexHit(i, i + length, entry))
        return hits

    def any_of(self, tokens: tuple[Token, ...], kinds: frozenset[str]) -> bool:
        """True when a phrase of an entry of these kinds matches the tokens: False only when
        `match` would report no hit of those kinds (its lead and name rules are not applied
        here, so a True may still come to no hit).

        Set look-ups decide most sentences: a one-word phrase among the words is a match;
        a longer phrase needs its first two words side by side (or, after a `*`, its second
        word), and only then is the trie walked.
        """
        found = self._kinds.get(kinds)
        if found is None:
            found = self._kinds[kinds] = _Screen(self, kinds)
        lems = [t.lemma for t in tokens]
        lows = [t.lower for t in tokens]
        if not (found.one[0].isdisjoint(lems) and found.one[1].isdisjoint(lows)):
            return True
        root = found.root
        # Word pairs are built only when a pair's first word is among the words.
        if (
            found.always
            or (
                not found.leads[0].isdisjoint(lems)
                and not found.pairs[0].isdisjoint(zip(lems, lems[1:], strict=False))
            )
            or (
                not found.leads[1].isdisjoint(lows)
                and not found.pairs[1].isdisjoint(zip(lows, lows[1:], strict=False))
            )
            or not found.second[0].isdisjoint(lems[1:])
            or not found.second[1].isdisjoint(lows[1:])
        ):
            return any(_walk(root, lems, lows, i) for i in range(len(tokens)))
        # Left: phrases with a `*` after their first word, walked from where that word stands.
        first_lemma, first_lower = found.first
        return any(
            _walk(root, lems, lows, i)
            for i in range(len(tokens))
            if lems[i] in first_lemma or lows[i] in first_lower
        )


class _Screen:
    """The phrases of entries of some kinds, for `Lexicon.any_of`: one-word phrases, the
    first two words of longer ones (by lemma, by lower-case form; the first word alone when
    the second is `*`) and those first words, the second words of those that open with `*`,
    and their trie."""

    def __init__(self, lex: Lexicon, kinds: frozenset[str]) -> None:
        one: tuple[set[str], set[str]] = (set(), set())
        pairs: tuple[set[tuple[str, str]], set[tuple[str, str]]] = (set(), set())
        second: tuple[set[str], set[str]] = (set(), set())
        first: tuple[set[str], set[str]] = (set(), set())
        self.always = False  # a phrase whose first two steps name no word: walk every time
        for bucket in (*lex.by_lemma.values(), *lex.by_lower.values(), lex.wildcard):
            for pattern, entry in bucket:
                if entry.kind not in kinds:
                    continue
                (m0, w0), rest = pattern[0], pattern[1:]
                if not rest:
                    if m0 == ANY:
                        self.always = True
                    else:
                        one[m0].add(w0)
                    continue
                m1, w1 = rest[0]
                if m0 == ANY and m1 != ANY:
                    second[m1].add(w1)
                elif m0 != ANY and m1 == m0:
                    pairs[m0].add((w0, w1))
                elif m0 != ANY:
                    first[m0].add(w0)  # "lose * kg": walked from its first word
                else:
                    self.always = True
        self.one = (frozenset(one[0]), frozenset(one[1]))
        self.pairs = (frozenset(pairs[0]), frozenset(pairs[1]))
        self.leads = (frozenset(w for w, _ in pairs[0]), frozenset(w for w, _ in pairs[1]))
        self.second = (frozenset(second[0]), frozenset(second[1]))
        self.first = (frozenset(first[0]), frozenset(first[1]))
        self.root = _trie(lex, kinds)


# A trie node: [children by lemma, children by lower-case form, child for `*`, the phrases
# that end here as ((bucket, position in bucket), entry)].
_Node = list


def _rank(found: tuple[tuple[int, int], int, Entry]) -> tuple[int, int]:
    return found[0]


def _walk(
    root: _Node, lems: list[str], lows: list[str], i: int
) -> list[tuple[tuple[int, int], int, Entry]]:
    """(rank, length, entry) of every phrase in the trie that matches from token i."""
    n = len(lems)
    first = (root[0].get(lems[i]), root[1].get(lows[i]), root[2])
    if first[0] is None and first[1] is None:
        star = first[2]
        if star is None:
            return []
        # Only phrases that open with `*`: most need a second word they name.
        if not star[3] and (
            i + 1 >= n
            or (lems[i + 1] not in star[0] and lows[i + 1] not in star[1] and star[2] is None)
        ):
            return []
    found: list[tuple[tuple[int, int], int, Entry]] = []
    stack = [(node, i + 1) for node in first if node is not None]
    while stack:
        node, j = stack.pop()
        if node[3]:
            found.extend((rank, j - i, entry) for rank, entry in node[3])
        if j < n:
            nxt = node[0].get(lems[j])
            if nxt is not None:
                stack.append((nxt, j + 1))
            nxt = node[1].get(lows[j])
            if nxt is not None:
                stack.append((nxt, j + 1))
            if node[2] is not None:
                stack.append((node[2], j + 1))
    return found


def _trie(lex: Lexicon, kinds: frozenset[str] | None) -> _Node:
    """The lexicon's phrases (of entries of these kinds; None: all) in one trie over
    (lemma | lower-case form | `*`) steps."""
    root: _Node = [{}, {}, None, []]
    buckets = [(0, bucket) for bucket in lex.by_lemma.values()]
    buckets += [(1, bucket) for bucket in lex.by_lower.values()]
    buckets.append((2, lex.wildcard))
    for group, bucket in buckets:
        for position, (pattern, entry) in enumerate(bucket):
            if kinds is not None and entry.kind not in kinds:
                continue
            node = root
            for mode, word in pattern:
                if mode == ANY:
                    if node[2] is None:
                        node[2] = [{}, {}, None, []]
                    node = node[2]
                else:
                    node = node[mode].setdefault(word, [{}, {}, None, []])
            node[3].append(((group, position), entry))
    return root


# Verb-like cues that, capitalised inside a sentence, are part of a name ("Harbor Drive",
# "Cut Resistant Gloves") rather than a verb.
PROPER_NOUN_SENSITIVE = frozenset({"effect", "causal"})


def _proper_noun(tokens: tuple[Token, ...], i: int, entry: Entry) -> bool:
    """True when a verb-like cue is a capitalised word mid-sentence (part of a name)."""
    if entry.kind not in PROPER_NOUN_SENSITIVE or i == 0:
        return False
    text = tokens[i].text
    return text[:1].isupper() and not text.isupper() and not tokens[i - 1].is_punct


def _lemma(word: str) -> str:
    from claimcheck.segment import lemma

    return lemma(word)


def _words(value: Any, path: Path, key: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise ConfigError(f"'{key}' must be a list of strings", path=str(path))
    return frozenset(w.lower() for w in value)


def _load_file(lex: Lexicon, path: Path) -> None:
    import yaml

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"invalid YAML: {exc}", path=str(path), line=mark.line + 1 if mark else None
        ) from None
    if not isinstance(data, dict):
        raise ConfigError("a lexicon must be a mapping", path=str(path))
    unknown = set(data) - HEADER_KEYS
    if unknown:
        raise ConfigError(f"unknown key '{sorted(unknown)[0]}'", path=str(path))
    kind = data.get("kind")
    if not isinstance(kind, str):
        raise ConfigError("missing 'kind'", path=str(path))
    if "terminators" in data:
        lex.terminators |= _words(data["terminators"], path, "terminators")
    if "outcomes" in data:
        lex.outcomes |= {_lemma(w) for w in _words(data["outcomes"], path, "outcomes")}
    for key in ("raising", "determiners", "null_relations", "certain_hedges", "weak", "skip"):
        if key in data:
            setattr(lex, key, getattr(lex, key) | _words(data[key], path, key))
    for key in ("imperatives", "cta_only", "experience", "product_nouns"):
        if key in data:
            words = _words(data[key], path, key)
            setattr(lex, key, getattr(lex, key) | {_lemma(w) for w in words} | words)
    if "lead" in data and kind == "cta":
        lex.cta_lead = int(data["lead"])
    lex.relations.update(data.get("relations") or {})
    lex.strength.update(data.get("strength") or {})
    lex.absorb = max(lex.absorb, int(data.get("absorb") or 0))
    for raw in data.get("entries") or ():
        if not isinstance(raw, dict) or "id" not in raw or "phrases" not in raw:
            raise ConfigError("each entry needs 'id' and 'phrases'", path=str(path))
        bad = set(raw) - ENTRY_KEYS
        if bad:
            raise ConfigError(
                f"unknown key '{sorted(bad)[0]}' in entry {raw['id']}", path=str(path)
            )
        direction = raw.get("direction", data.get("direction", "forward"))
        if direction not in DIRECTIONS:
            raise ConfigError(f"bad direction '{direction}' in entry {raw['id']}", path=str(path))
        mode = raw.get("match", data.get("match", "lemma"))
        if mode not in ("lemma", "lower"):
            raise ConfigError(f"bad match '{mode}' in entry {raw['id']}", path=str(path))
        entry = Entry(
            id=str(raw["id"]),
            kind=str(raw.get("kind", kind)),
            value=raw.get("value"),
            direction=direction,
            scope=int(raw.get("scope", data.get("scope", 0))),
            lead=raw.get("lead", data.get("lead") if kind != "cta" else None),
            source=path.name,
        )
        for phrase in _words(raw["phrases"], path, f"phrases of {raw['id']}"):
            lex.add(phrase, entry, LEMMA if mode == "lemma" else LOWER)


# Folder -> its merged lexicon, once per process (`install` puts one loaded from the cache).
_LOADED: dict[Path, Lexicon] = {}


def lexicon(folder: Path = RULES) -> Lexicon:
    """The merged lexicon of every rules/lexicon-*.yaml file (loaded once per process)."""
    found = _LOADED.get(folder)
    if found is None:
        found = Lexicon()
        for path in sorted(folder.glob("lexicon-*.yaml")):
            _load_file(found, path)
        _LOADED[folder] = found
    return found


def compiled(lex: Lexicon) -> Lexicon:
    """The lexicon with its trie and the screens detection uses built (to cache it so)."""
    from claimcheck.detect import CAN_CLAIM, SCREENED

    if lex._plan is None:
        lex._plan = _trie(lex, None)
    for kinds in (CAN_CLAIM, SCREENED, frozenset({"safety"})):
        lex.any_of((), kinds)
    return lex


def install(lex: Lexicon, folder: Path = RULES) -> None:
    """Use this lexicon (built by another process from the same files) for `folder`."""
    _LOADED.setdefault(folder, lex)
