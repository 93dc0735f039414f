"""Formats written one document at a time, so a run never holds its whole report twice.

A `StreamWriter` renders each document on its own (`document`, which runs in the worker
that checked it and gives a text fragment and a small picklable `meta`), then assembles the
output: `begin` with what is known before any document, `add` per document in path order,
`end` with the notices only the end of a run knows. `render(report)` runs the same steps
into a string, so a streamed run and a rendered report are the same bytes by construction.
Formats whose header needs totals (SARIF, JUnit) keep the fragments in a spooled temporary
file, never as objects.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TextIO

from claimcheck.model import DocumentResult, Report, Tally

SPOOL_BYTES = 8 * 2**20  # fragments kept in memory up to this size, then in a temporary file


class StreamWriter:
    """One output format, written document by document (see the module docstring)."""

    def __init__(self, **opts: Any) -> None:
        self.opts = opts
        self.tallies: list[Tally] = []

    def document(self, doc: DocumentResult, report: Report) -> tuple[str, Any]:
        """The output for one document and what `end` needs to know of it."""
        raise NotImplementedError

    def begin(self, out: TextIO, head: Report) -> None:
        """Start the output; `head` is the run's report without documents and notices."""
        self.out, self.head = out, head

    def add(self, fragment: str, meta: Any, tally: Tally) -> None:
        """One more document's output, in path order."""
        self.out.write(fragment)
        self.tallies.append(tally)

    def end(self, notices: Iterable[str]) -> None:
        """Finish the output."""

    def render(self, report: Report) -> str:
        """The whole report as one string, by the same steps a streamed run takes."""
        buf = io.StringIO()
        head = headless(report)
        self.begin(buf, head)
        for doc in report.documents:
            fragment, meta = self.document(doc, head)
            self.add(fragment, meta, Tally.of(doc))
        self.end(report.notices)
        return buf.getvalue()


def headless(report: Report) -> Report:
    """The report without its documents and notices: what a run knows before it starts."""
    return replace(report, documents=(), notices=())


def dumps(value: Any) -> str:
    """JSON as every claimcheck JSON format writes it (indent 2, UTF-8 kept)."""
    return json.dumps(value, indent=2, ensure_ascii=False)


def indented(text: str, depth: int) -> str:
    """Indented JSON text moved `depth` levels in, as json.dumps nests it (strings hold no
    raw newlines, so every newline is a line break of the layout)."""
    pad = "  " * depth
    return pad + text.replace("\n", "\n" + pad)


def spool() -> Any:
    """A text buffer that moves to a temporary file past SPOOL_BYTES."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8")


def copy(src: Any, out: TextIO) -> None:
    """Copy a spooled buffer to the output."""
    src.seek(0)
    while chunk := src.read(1 << 16):
        out.write(chunk)
