"""Numbers written in words, read as the figures they state.

"twenty-five percent" is 25%, "four times a year" 4 times, "nine in ten" and "9 out of 10" are
90%, "a quarter" 25%, "three-quarters" 75%, and an approximator turns a figure into a range:
"nearly half" is 40-50%, "more than nine in ten" 90-100%, "about a third" 30-37%. Matching and
CC206 then compare them as numbers: "by twenty-five percent" overstates a claim of 12% exactly
as "by 25 percent" does, and "nearly half of users" restates an approved 46%.

A small table of English number words is all this needs (cardinals to the billions, fractions
to tenths, "N in M" proportions, a dozen approximators), so it is written here and tested in
tests/test_numwords.py rather than taken from a text-to-number package: those read cardinals
only (not "nine in ten", "three-quarters" or "nearly half") and guess at ordinals and years,
which claims never need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Denominators of fractions ("a third", "two-thirds") and of "N in M" proportions.
_PARTS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
# Approximators: how a stated figure v turns into a range (low, high) of values it covers.
_APPROX = {
    "nearly": lambda v: (v * 0.85, v),
    "almost": lambda v: (v * 0.85, v),
    "close to": lambda v: (v * 0.85, v * 1.05),
    "about": lambda v: (v * 0.9, v * 1.1),
    "around": lambda v: (v * 0.9, v * 1.1),
    "approximately": lambda v: (v * 0.9, v * 1.1),
    "roughly": lambda v: (v * 0.9, v * 1.1),
    "some": lambda v: (v * 0.9, v * 1.1),
    "more than": lambda v: (v, v * 1.15),
    "over": lambda v: (v, v * 1.15),
    "at least": lambda v: (v, v * 1.15),
    "upwards of": lambda v: (v, v * 1.15),
    "less than": lambda v: (v * 0.85, v),
    "under": lambda v: (v * 0.85, v),
    "fewer than": lambda v: (v * 0.85, v),
}

_CARDINAL_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_CARDINAL = (
    rf"(?:(?:{_CARDINAL_WORD})(?:[-\s](?:{'|'.join(_UNITS)}))?"
    rf"(?:\s+(?:and\s+)?(?:{_CARDINAL_WORD}|{'|'.join(_SCALES)}))*"
    rf"|a\s+(?:{'|'.join(_SCALES)}))"
)
_COUNT = rf"(?:\d+(?:\.\d+)?|{_CARDINAL})"
_PART = "|".join(sorted(_PARTS, key=len, reverse=True))
_APPROX_RE = "|".join(sorted((a.replace(" ", r"\s+") for a in _APPROX), key=len, reverse=True))
SPELLED = re.compile(
    rf"\b(?:(?P<approx>{_APPROX_RE})\s+)?"
    rf"(?:(?P<num>{_COUNT})\s+(?:in|out\s+of|of\s+every)\s+(?P<den>\d+|{_CARDINAL})\b"
    rf"|(?P<fnum>a|an|one|two|three|four|five|six|seven|eight|nine)[-\s](?P<part>{_PART})\b"
    rf"|(?P<half>half)\b"
    rf"|(?P<card>{_CARDINAL})\b(?:[-\s](?P<pct>percent|per\s+cent)\b)?)",
    re.IGNORECASE,
)


# Every match of SPELLED holds a digit or one of these words (as a word of its own).
_WORDS = frozenset([*_UNITS, *_TENS, *_SCALES, *_PARTS, "half"])
_ASCII_WORD = re.compile(r"[a-z]+")


# A match without one of _WORDS is a proportion in digits: "9 in 10", "9 out of 10".
_DIGIT_PROPORTION = re.compile(r"\d\s+(?:in|out\s+of|of\s+every)\s", re.IGNORECASE)


def _may_spell(text: str) -> bool:
    """False when SPELLED cannot match: an ASCII text with none of its words and no proportion
    in digits (outside ASCII, case-insensitive matching has more letters to it: the regex
    decides)."""
    if not text.isascii() or _DIGIT_PROPORTION.search(text):
        return True
    return not _WORDS.isdisjoint(_ASCII_WORD.findall(text.lower()))


# Percentage points either side of a proportion in words: "nine in ten" covers 87.5-92.5%.
PROPORTION_SLACK = 2.5


@dataclass(frozen=True, slots=True)
class Spelled:
    """A figure stated in words: its span, value, unit and the range an approximator allows."""

    start: int
    end: int
    value: float
    unit: str | None  # "%" for proportions and fractions, else None (a count)
    low: float
    high: float
    text: str

    @property
    def approximate(self) -> bool:
        """True when the words give a range ("nearly half"), not one figure."""
        return self.low != self.high


def approximate(words: str, value: float, percent: bool = False) -> tuple[float, float]:
    """The range an approximator gives a figure: "nearly 50" 42.5-50, "about 30" 27-33."""
    low, high = _APPROX[re.sub(r"\s+", " ", words.lower())](value)
    if percent:
        low, high = max(low, 0.0), min(high, 100.0)
    return low, high


def cardinal(text: str) -> float | None:
    """The value of a cardinal in words ("twenty-five", "one hundred and twelve"), or None."""
    total = current = 0
    seen = False
    for word in re.split(r"[-\s]+", text.lower().strip()):
        if not word or word == "and":
            continue
        if word == "a" and not seen:
            current, seen = 1, True
        elif word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word in _SCALES and seen:
            scale = _SCALES[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        else:
            return None
    return float(total + current) if seen else None


def _count(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return cardinal(text)


_OF_AFTER = re.compile(r"\s+(?:of|the)\b", re.IGNORECASE)
_SHARE_BEFORE = re.compile(r"\b(?:by|in|to|than)\s+$", re.IGNORECASE)


def _proportion(text: str, m: re.Match[str]) -> bool:
    """True when a fraction in words is a share: "half of", "by a third", "cut in half",
    "nearly half" (not "once a quarter" or "the half year")."""
    return bool(
        m.group("approx")
        or _OF_AFTER.match(text, m.end())
        or _SHARE_BEFORE.search(text[: m.start()])
    )


def spelled(text: str) -> list[Spelled]:
    """Every figure in words in a text, in order: "nine in ten" -> 90%, "twenty-five" -> 25.

    Digits alone are left to the number readers; they are read here only as part of a
    proportion ("9 out of 10") or after an approximator with a fraction ("nearly half").
    """
    out: list[Spelled] = []
    if not _may_spell(text):
        return out
    for m in SPELLED.finditer(text):
        unit: str | None = "%"
        if m.group("num") is not None:
            num, den = _count(m.group("num")), _count(m.group("den"))
            if num is None or not den or num > den:
                continue
            value = 100.0 * num / den
        elif m.group("part") is not None:
            if not _proportion(text, m):
                continue  # "once a quarter", "the first half year": a time, not a share
            word = m.group("fnum").lower()
            num = 1.0 if word in ("a", "an") else _UNITS.get(word)
            if num is None:
                continue
            value = 100.0 * num / _PARTS[m.group("part").lower()]
        elif m.group("half") is not None:
            if not _proportion(text, m):
                continue
            value = 50.0
        else:
            card = cardinal(m.group("card"))
            if card is None:
                continue
            value, unit = card, ("%" if m.group("pct") else None)
        approx = m.group("approx")
        low = high = value
        if unit == "%" and m.group("pct") is None:
            # "nine in ten", "a third": a rounded proportion, not an exact figure.
            low, high = value - PROPORTION_SLACK, value + PROPORTION_SLACK
        if approx:
            low, high = _APPROX[re.sub(r"\s+", " ", approx.lower())](value)
        if unit == "%":
            low, high = max(low, 0.0), min(high, 100.0)
        start = m.start() if approx else m.start("num" if m.group("num") else "fnum")
        if m.group("num") is None and m.group("fnum") is None:
            start = m.start() if approx else m.start("half" if m.group("half") else "card")
        out.append(Spelled(start, m.end(), round(value, 4), unit, low, high, text[start : m.end()]))
    return out
