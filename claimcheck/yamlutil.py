"""YAML loading that remembers where things are, so errors can name file, line and key.

Parsing uses libyaml (`yaml.CSafeLoader`) when PyYAML was built with it. Mappings come back as
`Map` (a dict that knows its own line and the line of each key) and sequences as `Seq` (a list
that knows the line of each item); plain dicts and lists otherwise behave the same. Duplicate
keys in one mapping are an error, not "last one wins", because a registry entry that silently
loses its first `text:` is exactly the kind of mistake a reviewer would never spot.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from claimcheck.errors import ClaimcheckError, shown
from claimcheck.safeio import read_regular, why

# The event stream is all we take from the parser: building values straight from events is
# about three times faster than yaml.load, whose composer calls back into Python per node.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Map(dict):
    """A YAML mapping with the 1-based line of the mapping and of each of its keys."""

    __slots__ = ("line", "key_lines")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line: int | None = None
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int | None:
        """The line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class Seq(list):
    """A YAML sequence with the 1-based line of each item."""

    __slots__ = ("line", "item_lines")

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.line: int | None = None
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int | None:
        """The line of item `index`, or of the sequence when unknown."""
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


class Source:
    """One YAML (or TOML) file being validated: every error it makes names the file and line.

    `line_of(m, key)` gives the line of a key of a mapping; by default a `Map`'s own record.
    Where a position is wanted, `at` is a `Map`/`Seq` (its own line, or its key's line) or a
    line number.
    """

    def __init__(
        self,
        display: str,
        error: type[ClaimcheckError] = ClaimcheckError,
        line_of: Callable[[Any, Any], int | None] | None = None,
    ) -> None:
        self.display = display
        self.error_type = error
        self._line_of = line_of

    def line(self, at: Any, key: Any = None) -> int | None:
        """The line of `at` (a Map, a Seq or a line number), or of its `key`."""
        if isinstance(at, int) and not isinstance(at, bool):
            return at
        if key is None:
            return at.line if isinstance(at, Map | Seq) else None
        if self._line_of is not None:
            return self._line_of(at, key)
        return at.line_of(key) if isinstance(at, Map) else None

    def error(self, message: str, at: Any = None, key: Any = None) -> ClaimcheckError:
        """An error of this file's kind, at the line of `at` (or of its `key`)."""
        return self.error_type(message, path=self.display, line=self.line(at, key))

    def where(self, at: Any = None) -> str:
        """`path:line` of `at`, or the path alone when the line is unknown."""
        line = self.line(at)
        return f"{self.display}:{line}" if line is not None else self.display


_R = yaml.resolver.Resolver
_IMPLICIT = _R.yaml_implicit_resolvers
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT = "tag:yaml.org,2002:int"
_SAFE = yaml.constructor.SafeConstructor()
_SAFE_CONSTRUCTORS = yaml.constructor.SafeConstructor.yaml_constructors
_ScalarEvent, _MappingStart, _SequenceStart = (
    yaml.ScalarEvent,
    yaml.MappingStartEvent,
    yaml.SequenceStartEvent,
)
_MappingEnd, _SequenceEnd, _Alias = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.AliasEvent
_DocumentStart, _StreamEnd = yaml.DocumentStartEvent, yaml.StreamEndEvent
_KEY = object()  # a mapping waiting for its next key
# Aliases share one value, so a 400-byte "billion laughs" file costs nothing to parse; what
# would explode is anything that walks or prints the expanded value. Past this many values
# the aliases of one document stand for, the document is refused.
MAX_ALIAS_VALUES = 1_000_000
MAX_YAML_BYTES = 256 << 20  # one registry, evidence, config or rule-pack file


class _Problem(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _scalar(event: Any, first_line: int = 1) -> Any:
    """The value of a scalar event, resolved the way yaml.safe_load would.

    A plain scalar that only looks like a date or number (2027-13-01, an integer too long to
    convert) stays text, for the validator to report against its key; a value that an
    explicit tag (`!!int ""`, `!!timestamp x`) cannot be is an error at its line.
    """
    value, tag = event.value, event.tag
    explicit = tag is not None and tag != "!"
    if tag is None and event.implicit[0]:
        # Plain scalars: only the few first characters that can start a non-string matter.
        for candidate, regexp in _IMPLICIT.get(value[:1], ()):
            if regexp.match(value):
                tag = candidate
                break
        else:
            return value
    elif not explicit:
        return value
    if tag == _STR or tag == "tag:yaml.org,2002:merge":
        return value
    if tag == _TIMESTAMP and len(value) == 10 and not explicit:  # YYYY-MM-DD, no regexp
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value  # e.g. 2027-13-01: the validator reports it against its key
    if tag == _INT and value.isdigit() and (value[0] != "0" or value == "0") and not explicit:
        try:
            return int(value)
        except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
            return value
    line = event.start_mark.line + first_line
    make = _SAFE_CONSTRUCTORS.get(tag)
    if make is None or tag.endswith((":map", ":seq", ":omap", ":pairs", ":set")):
        raise _Problem(f"unsupported tag {shown(tag)}", line)
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark)
    try:
        return make(_SAFE, node)
    except Exception:  # the constructors raise ValueError, KeyError, IndexError, ...
        if not explicit:
            return value  # e.g. an impossible date such as 2027-13-01, for the validator
        name = tag.rsplit(":", 1)[-1]
        raise _Problem(f"{shown(value)} is not a valid !!{name} value", line) from None


def _weight(node: Any, memo: dict[int, int]) -> int:
    """How many values `node` stands for with every alias in it expanded (memoised by id)."""
    if type(node) is not Map and type(node) is not Seq:
        return 1
    known = memo.get(id(node))
    if known is not None:
        return known
    # Post-order without recursion: a deeply nested value must not overflow the stack.
    stack: list[tuple[Any, Any]] = [(node, iter(node.values() if type(node) is Map else node))]
    totals = [1]
    while stack:
        current, children = stack[-1]
        for child in children:
            if type(child) is not Map and type(child) is not Seq:
                totals[-1] += 1
                continue
            known = memo.get(id(child))
            if known is not None:
                totals[-1] += known
                continue
            stack.append((child, iter(child.values() if type(child) is Map else child)))
            totals.append(1)
            break
        else:
            stack.pop()
            total = totals.pop()
            memo[id(current)] = total
            if totals:
                totals[-1] += total
    return memo[id(node)]


def _build(loader: Any, first_line: int = 1) -> Any:
    """Build Map/Seq/scalars from the event stream of one YAML document.

    Lines count from `first_line`, the file line the text starts on.
    """
    stack: list[Any] = []  # open containers
    pending: list[Any] = []  # per open mapping: _KEY or the key awaiting its value
    merges: list[list[Map]] = []  # per open mapping: `<<` sources
    anchors: dict[str, Any] = {}
    weights: dict[int, int] = {}  # expanded size of each container an alias named
    expanded = 0  # values the aliases stand for so far
    root: Any = None
    documents = 0
    get_event = loader.get_event
    while True:
        event = get_event()
        kind = type(event)
        if kind is _ScalarEvent:
            value = event.value
            # Most scalars are text; resolve only those whose first character could start a
            # number, date, boolean or null.
            if event.tag is not None or (event.implicit[0] and value[:1] in _IMPLICIT):
                value = _scalar(event, first_line)
            line = event.start_mark.line + first_line
        elif kind is _MappingStart:
            value = Map()
            value.line = event.start_mark.line + first_line
            if event.anchor is not None:
                anchors[event.anchor] = value
            stack.append(value)
            pending.append(_KEY)
            merges.append([])
            continue
        elif kind is _SequenceStart:
            value = Seq()
            value.line = event.start_mark.line + first_line
            if event.anchor is not None:
                anchors[event.anchor] = value
            stack.append(value)
            continue
        elif kind is _MappingEnd:
            value = stack.pop()
            pending.pop()
            for source in merges.pop():
                for key, item in source.items():
                    if key not in value:
                        value[key] = item
                        value.key_lines[key] = source.key_lines.get(key, source.line)
            line = value.line
        elif kind is _SequenceEnd:
            value = stack.pop()
            line = value.line
        elif kind is _Alias:
            line = event.start_mark.line + first_line
            if event.anchor not in anchors:
                raise _Problem(f"unknown alias '*{event.anchor}'", line)
            value = anchors[event.anchor]
            if type(value) is Map or type(value) is Seq:
                if any(value is open_ for open_ in stack):
                    raise _Problem(f"alias '*{event.anchor}' is inside the value it names", line)
                expanded += _weight(value, weights)
                if expanded > MAX_ALIAS_VALUES:
                    raise _Problem(
                        f"aliases expand to more than {MAX_ALIAS_VALUES:,} values "
                        "(an alias bomb?); write the values out or use fewer aliases",
                        line,
                    )
        elif kind is _DocumentStart:
            documents += 1
            if documents > 1:
                raise _Problem(
                    "expected one YAML document, found a second '---'",
                    event.start_mark.line + first_line,
                )
            continue
        elif kind is _StreamEnd:
            return root
        else:
            continue
        if kind is _ScalarEvent and event.anchor is not None:
            anchors[event.anchor] = value
        if not stack:
            root = value
            continue
        top = stack[-1]
        if type(top) is Seq:
            top.append(value)
            top.item_lines.append(line)
            continue
        key = pending[-1]
        if key is _KEY:
            try:
                hash(value)
            except TypeError:
                raise _Problem("a mapping key must be a plain value", line) from None
            if value in top.key_lines:
                raise _Problem(
                    f"duplicate key {shown(value)} (first at line {top.key_lines[value]})", line
                )
            top.key_lines[value] = line
            pending[-1] = value
            continue
        pending[-1] = _KEY
        if key == "<<" and (
            isinstance(value, Map)
            or (isinstance(value, Seq) and all(isinstance(v, Map) for v in value))
        ):
            del top.key_lines["<<"]
            merges[-1].extend([value] if isinstance(value, Map) else value)
            continue
        top[key] = value


def parse(
    text: str,
    display: str,
    error: type[ClaimcheckError] = ClaimcheckError,
    *,
    first_line: int = 1,
    what: str = "invalid YAML",
) -> Any:
    """Parse one YAML document; problems raise `error` with the file and line.

    `first_line` is the file line the text starts on (Markdown front matter starts on 2);
    `what` starts the message of a syntax error.
    """
    loader = _Loader(text)
    try:
        data = _build(loader, first_line)
    except _Problem as e:
        raise error(e.message, path=display, line=e.line) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or "invalid YAML"
        line = mark.line + first_line if mark is not None else None
        raise error(f"{what}: {problem}", path=display, line=line) from None
    except yaml.YAMLError as e:
        raise error(f"{what}: {e}", path=display) from None
    finally:
        loader.dispose()
    return data


def read(
    path: Path, display: str, error: type[ClaimcheckError] = ClaimcheckError
) -> tuple[bytes, Any]:
    """Read and parse a YAML file; returns its bytes (for hashing) and its data."""
    try:
        raw = read_regular(path, MAX_YAML_BYTES)
    except FileNotFoundError:
        raise error("file not found", path=display) from None
    except OSError as e:
        raise error(f"cannot read file: {why(e)}", path=display) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise error("file is not UTF-8 text", path=display, line=line) from None
    return raw, parse(text, display, error)


def type_name(value: Any) -> str:
    """How a value's type reads in an error message: 'a string', 'a list', ..."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()} (quote it if you meant text)"
    if isinstance(value, int | float):
        return f"the number {shown(value)}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, _dt.datetime):
        return "a date and time"
    if isinstance(value, _dt.date):
        return "a date"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def as_date(value: Any) -> _dt.date | None:
    """A YAML date, datetime or ISO `YYYY-MM-DD` string as a date; None when it is not one."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
