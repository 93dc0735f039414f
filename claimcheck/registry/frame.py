"""What a claim's wording says besides its words: the comparator it is measured against and
the time points at which its result holds.

Matching and the checks read both the same way: the matcher leaves a comparator's words out
of what a wording measures (its endpoint), so "the mean length of stay by 12% versus
conventional instrumentation" is not about the operative-time claim that shares "12%" and
"conventional instrumentation"; CC210 reports a dropped comparator and CC211 a time point no
approved wording states.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.registry.normalize import STOPWORDS, terms

_LEAD = re.compile(r"^(?:In|Among|During|Across|From|At|Over)\b[^,]{0,120},")
# Who reported a finding and where: "Researchers at X have found that ...", "..., according
# to a study in Y", "..., a new study by Z suggests." Names of people, places and journals in
# these frames are rare words that would otherwise outweigh the claim itself.
_REPORTING = (
    r"(?:say|says|said|suggests?|suggested|finds?|found|reports?|reported|concludes?|"
    r"concluded|shows?|showed|shown|reveals?|revealed|indicates?|indicated|demonstrates?|"
    r"demonstrated|claims?|claimed|publish(?:es|ed)?)"
)
_LEAD_REPORT = re.compile(rf"^[^,;:]{{0,160}}?\b{_REPORTING}\s+that\b", re.IGNORECASE)
_TAIL_REPORT = re.compile(
    rf",\s+(?:according\s+to\b|(?:[^,;:]{{0,120}}?\b)?{_REPORTING}\b)[^,;:]*$", re.IGNORECASE
)


def context_spans(text: str) -> tuple[int, int]:
    """Where the claim proper starts and ends: study-context and reporting frames are outside."""
    lead = _LEAD.match(text) or _LEAD_REPORT.match(text)
    start = lead.end() if lead else 0
    end = len(text)
    for tail in _TAIL_REPORT.finditer(text, start):
        if tail.start() - start >= 20:  # the claim proper keeps at least a clause
            end = tail.start()
        break
    return start, end


def study_framed(text: str) -> bool:
    """True when a text reports a study result: it opens with a study context ("In ARC-1,",
    "Among week 52 responders,") or a reporting frame ("Researchers found that ...")."""
    return context_spans(text)[0] > 0


# Where a comparator starts, and where its words end.
_MARKER = re.compile(
    r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?|relative\s+to|"
    r"than(?:\s+(?:with|those|in|for|on))?)\s+",
    re.IGNORECASE,
)
_END = re.compile(
    r"[,;:()\[\]]|\.(?!\d)|\s(?:in|at|after|over|by|through|during)\s(?:a|an|the|week)\b"
)
# Words that say who took the comparator, not what it was.
_FILLER = frozenset(
    {"take", "taking", "use", "using", "receive", "receiving", "patient", "those", "with", "on"}
)


def comparator_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of each comparator phrase of a text ("placebo" in "compared with 3% on placebo")."""
    out = []
    for m in _MARKER.finditer(text):
        end = _END.search(text, m.end())
        out.append((m.end(), end.start() if end else len(text)))
    return out


@lru_cache(maxsize=4096)
def comparators(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The comparators a text states: each one's words and its content term keys."""
    from claimcheck.segment import sentence_of

    out = []
    for start, end in comparator_spans(text):
        phrase = text[start:end]
        if _figure_only(phrase):
            continue  # "7.2 vs 3.1 points": two figures compared, no comparator named
        keys = frozenset(
            t.key
            for t in terms(sentence_of(phrase))
            if t.kind not in ("number", "negation", "unit", "generic", "effect")
            and t.key.lower() not in STOPWORDS
            and t.key.lower() not in _FILLER
        )
        if keys:
            out.append((_LEAD.sub("", phrase).strip() or phrase.strip(), keys))
    return tuple(out)


_TAKERS = r"(?:with|for|on|in|taking|using|receiving|those|patients)\b"
_AMOUNT = rf"[\d.,]+\s*(?:%|percent\b|(?!{_TAKERS})[A-Za-z]+)?"
_FIGURE = re.compile(rf"\s*{_AMOUNT}(?:\s+and\s+{_AMOUNT})?")
_TAKER = re.compile(rf"\s*{_TAKERS}", re.I)


def _figure_only(phrase: str) -> bool:
    """True for "3.1 points", "64%": a figure with no comparator named after it ("52%
    unaided" names one)."""
    figure = _FIGURE.match(phrase)
    if not (figure and figure.end()) or _TAKER.match(phrase, figure.end()):
        return False
    return not _NAMED_AFTER.match(phrase, figure.end())


_NAMED_AFTER = re.compile(r"\s+(?!and\b|or\b|respectively\b)[A-Za-z][\w-]*\s*[.;,)]?\s*$")


# What stands before a comparator's name: its figure and who took it ("78% with", "3% taking").
_LEAD = re.compile(
    r"^\s*(?:[\d.,]+\s*(?:%|percent|minutes?|hours?|days?|weeks?|points?)?\s*"
    r"(?:and\s+[\d.,]+\s*(?:%|percent)?\s*)?)?(?:(?:with|for|on|in|taking|using|receiving|"
    r"those|patients)\s+)*",
    re.IGNORECASE,
)


_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
_UNIT = r"(?P<u>hours?|days?|weeks?|months?|years?)"
_NUM = r"(?P<n>\d+(?:\.\d+)?)"
_POINT = re.compile(
    rf"\b(?:(?:at|by|through|thru|after|over|to|until|beyond|from|in)\s+)?"
    rf"(?:(?P<u1>hour|day|week|month|year)\s+(?P<n1>\d+(?:\.\d+)?)\b"
    rf"|{_NUM}[-\s]{_UNIT}\b)",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"(?:at|by|through|thru|after|over|to|until|beyond|from|in)\s+$", re.I)
_NOT_BEFORE = re.compile(
    r"\b(?:every|each|once|aged?|ages|up\s+to|as\s+long\s+as|a\s+full|per)\s+$", re.I
)
_NOT_AFTER = re.compile(r"\s*(?:and\s+(?:older|over|up|above)|old\b|of\s+age|or\s+older)", re.I)


@lru_cache(maxsize=8192)
def time_points(text: str) -> tuple[tuple[str, float], ...]:
    """(words, span in days) of each time point a text states at which a result holds."""
    out = []
    for m in _POINT.finditer(text):
        before = text[: m.start()]
        core = m.start("u1") if m.group("u1") else m.start("n")
        if _NOT_BEFORE.search(text[:core]) or _NOT_AFTER.match(text, m.end()):
            continue
        if m.group("u1"):
            unit, value = m.group("u1").lower(), float(m.group("n1"))
        else:
            unit, value = m.group("u").lower().rstrip("s"), float(m.group("n"))
            phrase = m.group()
            adjectival = "-" in phrase  # "2-year interim", "24-hour endpoint"
            introduced = _PREPOSITION.search(phrase[: phrase.find(m.group("n"))] or before)
            if (
                not adjectival
                and not introduced
                and not phrase.lower().startswith(
                    ("at", "by", "through", "after", "over", "to", "until", "beyond", "from", "in")
                )
            ):
                continue  # "19 minutes faster", "15 days": a magnitude, not when it was measured
        out.append((m.group().strip(), value * _DAYS[unit]))
    return tuple(out)
