"""Find numbers in a sentence and normalise them to (value, unit)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNITS = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "percentage points": "%",
    "min": "minute",
    "mins": "minute",
    "minute": "minute",
    "minutes": "minute",
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "mm": "mm",
    "cm": "cm",
    "ml": "ml",
    "mg": "mg",
    "mmhg": "mmHg",
    "mm hg": "mmHg",
    "mg/dl": "mg/dL",
    "mmol/l": "mmol/L",
    "bpm": "bpm",
    "mcg": "mcg",
    "µg": "mcg",
    "iu": "IU",
    "kcal": "kcal",
    "cfu": "CFU",
    "points": "point",
    "point": "point",
    "kg": "kg",
    "°": "degree",
    "degree": "degree",
    "degrees": "degree",
    "x": "x",
    "times": "x",
    "fold": "x",
    "-fold": "x",
    "patients": "patient",
    "patient": "patient",
    "hospitals": "hospital",
    "hospital": "hospital",
    "surgeons": "surgeon",
    "surgeon": "surgeon",
    "procedures": "procedure",
    "procedure": "procedure",
    "cases": "case",
    "sites": "site",
    "centers": "center",
    "centres": "center",
    "countries": "country",
    "seconds": "second",
    "s": "second",
}
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
NUMBER = re.compile(
    r"(?P<p>\bp\s*(?P<op>[<=>≤≥])\s*(?P<pv>0?\.\d+|\d(?:\.\d+)?))"
    r"|(?P<cur>[$€£])\s?(?P<cv>\d(?:[\d,]*\d)?(?:\.\d+)?)(?:\s?(?P<mult>k|m|million|billion|thousand)\b)?"
    r"|(?P<pm>±\s?)?(?P<v>(?<![\w.#])\d(?:[\d,]*\d)?(?:\.\d+)?)"
    r"(?P<u>\s?(?:" + _UNIT_RE + r")(?![A-Za-z]))?",
    re.IGNORECASE,
)
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "billion": 1e9}


def _float(text: str) -> float:
    return float(text.replace(",", ""))


# A reference marker ("[1]", "[2,3]", "[4-6]"): a pointer to a citation, not a figure.
REFERENCE_MARK = re.compile(r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]")
_UNIT_AFTER = re.compile(r"\s?(?:" + _UNIT_RE + r")(?![A-Za-z])", re.IGNORECASE)


def numbers(text: str) -> Iterator[tuple[int, int, tuple[float, str | None]]]:
    """(start, end, (value, unit)) for each number; a bare year or a bare count in words is
    skipped. Figures in words ("nine in ten", "twenty-five percent", "four times") are read by
    `numwords.spelled`."""
    from claimcheck.detect.numwords import spelled

    found = []
    for w in spelled(text):
        if w.unit == "%":
            found.append((w.start, w.end, (w.value, "%")))
            continue
        unit = _UNIT_AFTER.match(text, w.end)
        if unit:
            found.append((w.start, unit.end(), (w.value, _UNITS[unit.group().strip().lower()])))
    taken = [(s, e) for s, e, _ in found]
    taken += [m.span() for m in REFERENCE_MARK.finditer(text)]
    for s, e, value in _digits(text):
        if not any(a <= s < b for a, b in taken):
            found.append((s, e, value))
    yield from sorted(found, key=lambda f: f[0])


_DIGIT = re.compile(r"\d")


def _digits(text: str) -> Iterator[tuple[int, int, tuple[float, str | None]]]:
    if not _DIGIT.search(text):
        return  # every NUMBER match holds a digit
    for m in NUMBER.finditer(text):
        if m.group("p"):
            yield m.start(), m.end(), (_float(m.group("pv")), "p")
        elif m.group("cur"):
            value = _float(m.group("cv")) * _MULT.get((m.group("mult") or "").lower(), 1)
            yield m.start(), m.end(), (value, m.group("cur"))
        else:
            raw, unit = m.group("v"), m.group("u")
            value = _float(raw)
            if not unit and not m.group("pm") and raw.isdigit() and 1900 <= value <= 2100:
                continue  # a year
            norm = _UNITS[unit.strip().lower()] if unit else ("degree" if m.group("pm") else None)
            yield m.start(), m.end(), (value, norm)
