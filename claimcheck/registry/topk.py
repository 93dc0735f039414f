"""Exact top-k retrieval for the matcher: every candidate's score bounded at once, over arrays.

The matcher scores a wording with Python sets and dicts (`Matcher._score_one`), which is
exact but costs a microsecond or two a wording; scoring every wording that holds a retrieving
term would cost that times the registry's claims on those terms. `Postings` keeps the index
as arrays too: which wordings hold each term, with its idf x kind weight in each. For a
sentence it takes the candidates (wordings holding a retrieving term, past the product
guard) and computes the score formula for all of them in a few array operations per term.
The values leave out the two guards (endpoint, content), which only ever veto, and the
polarity factor, which only lowers a score, and count a common term at its most weight in
any wording, so each is an upper bound of the exact score; the matcher scores candidates
exactly in descending order of their bound and stops as soon as no bound left can reach what
the selection rules still look at (`Matcher._score`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

# How far an array-computed score may stand from the exact one: sums in another order differ
# in the last bits (scores are at most ~1.03), never by this much.
EPS = 1e-9
FIRST = 16  # candidates sorted before the rest (the matcher rarely reads further)


class Postings:
    """The index as arrays: for each term, the wordings holding it and its weight in each;
    and what the score formula and the product guard read."""

    def __init__(self, wordings: Sequence[Any], postings: Mapping[str, list[int]]) -> None:
        self.size = len(wordings)
        self.terms: dict[str, tuple[np.ndarray, np.ndarray]] = {
            key: (
                np.asarray(indexes, dtype=np.int32),
                np.asarray([wordings[i].scaled[key] for i in indexes], dtype=np.float64),
            )
            for key, indexes in postings.items()
        }
        self.top = {key: float(weights.max()) for key, (_, weights) in self.terms.items()}
        # A term held by more wordings than this is not summed wording by wording: its most
        # weight is added to every bound instead (a common term weighs little; reading its
        # postings would cost in proportion to the registry).
        self.common = max(64, self.size // 16)
        self.total = np.asarray([w.total for w in wordings], dtype=np.float64)
        self.effect = np.asarray([w.effect for w in wordings], dtype=bool)
        self.unscoped = np.asarray([not w.products for w in wordings], dtype=bool)
        products: dict[str, list[int]] = {}
        implied: dict[str, list[int]] = {}
        for i, w in enumerate(wordings):
            for product in w.products:
                products.setdefault(product, []).append(i)
            for word in w.name_words:
                if word not in w.scaled:
                    implied.setdefault(word, []).append(i)
        self.products = {p: np.asarray(ix, dtype=np.int32) for p, ix in products.items()}
        # Wordings a named product's word counts for without being in them ("Velzura" in copy,
        # not in the wording of a claim scoped to velzura).
        self.implied = {w: np.asarray(ix, dtype=np.int32) for w, ix in implied.items()}

    def candidates(self, keys: Iterable[str], named: frozenset[str]) -> tuple[np.ndarray, int, int]:
        """Wordings holding any of `keys` that pass the product guard (ascending); with how
        many held one before the guard, and how many postings were read."""
        held = np.zeros(self.size, dtype=bool)
        read = 0
        for key in keys:
            indexes = self.terms[key][0]
            held[indexes] = True
            read += len(indexes)
        count = int(np.count_nonzero(held))
        if named:
            allowed = self.unscoped.copy()
            for product in named:
                indexes = self.products.get(product)
                if indexes is not None:
                    allowed[indexes] = True
            held &= allowed
        return np.flatnonzero(held), count, read

    def bounds(
        self,
        candidates: np.ndarray,
        sent_scaled: Mapping[str, float],
        sent_total: float,
        virtual: Iterable[str],
        implied: Mapping[str, float],
        *,
        beta2: float,
        no_effect: float | None,
        bonus: tuple[str, float] | None,
    ) -> tuple[np.ndarray, int]:
        """An upper bound of `Matcher._score_one` for each candidate (-1 where nothing is
        stated): its score formula with the guards and the polarity factor left out and each
        common term's overlap taken at its most; with the number of postings read.

        sent_scaled: the sentence's known terms, idf x kind weight; virtual: product words
        taken as stated; implied: named product words and their weight; no_effect: the
        factor for a wording that states a change the sentence does not (None: no factor);
        bonus: (product, bonus) for wordings scoped to the context's product.
        """
        terms, top, common = self.terms, self.top, self.common
        overlap = np.zeros(self.size)
        most = 0.0
        read = 0
        for key, weight in sent_scaled.items():
            indexes, weights = terms[key]
            if len(indexes) > common:
                most += min(weight, top[key])
                continue
            overlap[indexes] += np.minimum(weights, weight)
            read += len(indexes)
        overlap = overlap[candidates]
        if most:
            overlap += most
        m = len(candidates)
        if virtual:
            filled = np.zeros(self.size)
            for key in virtual:
                indexes, weights = terms[key]
                filled[indexes] += weights
                read += len(indexes)
            filled = filled[candidates]
        else:
            filled = np.zeros(m)
        extra = np.zeros(m)
        for key, weight in implied.items():
            indexes = self.implied.get(key)
            if indexes is not None:
                extra += weight * self._marks(indexes)[candidates]
        stated = overlap + filled + extra
        # F-beta of precision stated / (sent_total + filled) and recall stated / (total +
        # extra), written without the two ratios (the same value but for the last bits);
        # a candidate holds a term, so its total, and the denominator, are positive.
        score = (
            (1 + beta2) * stated / (beta2 * (self.total[candidates] + extra) + sent_total + filled)
        )
        if no_effect is not None:
            score[self.effect[candidates]] *= no_effect
        if bonus is not None:
            indexes = self.products.get(bonus[0])
            if indexes is not None:
                score += bonus[1] * self._marks(indexes)[candidates]
        np.minimum(score, 1.0, out=score)
        # A wording with nothing stated is never scored (recall and precision 0).
        score[stated <= 0] = -1.0
        return score, read

    def _marks(self, indexes: np.ndarray) -> np.ndarray:
        """A mask of these wordings."""
        marks = np.zeros(self.size, dtype=bool)
        marks[indexes] = True
        return marks


def ranked(candidates: np.ndarray, bounds: np.ndarray, floor: float) -> Iterator[tuple[int, float]]:
    """The candidates whose bound reaches `floor`, highest bound first, with their bounds
    (the first few by a partial sort, the rest sorted only if the caller reads on)."""
    keep = np.flatnonzero(bounds >= floor - EPS)
    if len(keep) <= FIRST:
        keep = keep[np.argsort(-bounds[keep], kind="stable")]
        yield from zip(candidates[keep].tolist(), bounds[keep].tolist(), strict=True)
        return
    split = np.argpartition(-bounds[keep], FIRST)
    for part in (keep[split[:FIRST]], keep[split[FIRST:]]):
        part = part[np.argsort(-bounds[part], kind="stable")]
        yield from zip(candidates[part].tolist(), bounds[part].tolist(), strict=True)
