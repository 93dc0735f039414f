"""Warm re-check latency of one small draft in the language server (the resident mode).

    python benchmarks/lsp_latency.py                       # the demo's examples/hcp-email.md
    python benchmarks/lsp_latency.py --draft D.md --config C.yaml --runs 300

    # the 300-word small.md against the 1,000-claim registry that throughput.py writes:
    python benchmarks/throughput.py --drafts 10 --words 100
    python benchmarks/lsp_latency.py --draft benchmarks/out/small.md \
        --config benchmarks/out/claimcheck.yaml

Starts the installed `claimcheck lsp --debounce 0` as an editor would (JSON-RPC over stdio),
opens the draft, then edits one word back and forth `--runs` times; each figure is the time
from sending `textDocument/didChange` to receiving the `publishDiagnostics` of that version.
It also times `Checker.check_text` on the same two texts in this process (no protocol), so
the two figures side by side show what the protocol costs. Medians of all runs after
`--warmup` runs; the first check after opening (registry index, lexicons) is reported apart.

`Client` is a minimal LSP client (Content-Length framing, requests, notifications, server
requests answered); tests/test_lsp.py drives the server end to end with it.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


class Client:
    """A language-server client over a subprocess's stdin/stdout."""

    def __init__(self, command: list[str], cwd: Path | None = None) -> None:
        # The server's stderr, kept for error messages; closed with the client.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self.proc = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        self._next = 0
        self._inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.responses: dict[int, dict[str, Any]] = {}
        self.notifications: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    # -- wire

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self._inbox.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            self._inbox.put(json.loads(out.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        """Write one JSON-RPC message."""
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _pump(self, timeout: float) -> bool:
        """Handle one incoming message; False when none came within `timeout`."""
        try:
            msg = self._inbox.get(timeout=timeout)
        except queue.Empty:
            return False
        if msg is None:
            raise RuntimeError(f"the server exited:\n{self.stderr()}")
        if "method" in msg and "id" in msg:  # a request from the server: accept it
            self.send({"id": msg["id"], "result": None})
            self.notifications.append(msg)
        elif "method" in msg:
            self.notifications.append(msg)
        else:
            self.responses[msg["id"]] = msg
        return True

    def stderr(self) -> str:
        """What the server wrote on stderr so far."""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")

    # -- protocol

    def request(self, method: str, params: Any, timeout: float = 30.0) -> Any:
        """Send a request and return its result (raise on an error response)."""
        self._next += 1
        ident = self._next
        self.send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while ident not in self.responses:
            left = deadline - time.monotonic()
            if left <= 0 or not self._pump(left):
                raise TimeoutError(f"no answer to {method} within {timeout} s")
        reply = self.responses.pop(ident)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result")

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self.send({"method": method, "params": params})

    def wait_for(
        self, match: Callable[[dict[str, Any]], bool], timeout: float = 30.0
    ) -> dict[str, Any]:
        """The first notification (seen already or arriving) that `match` accepts, taken out
        of `notifications`."""
        deadline = time.monotonic() + timeout
        while True:
            for i, msg in enumerate(self.notifications):
                if match(msg):
                    return self.notifications.pop(i)
            left = deadline - time.monotonic()
            if left <= 0 or not self._pump(left):
                raise TimeoutError(f"no matching notification within {timeout} s")

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 30.0) -> list:
        """The diagnostics published for `uri` (for that version, when given)."""

        def match(msg: dict[str, Any]) -> bool:
            p = msg.get("params") or {}
            return (
                msg.get("method") == "textDocument/publishDiagnostics"
                and p.get("uri") == uri
                and (version is None or p.get("version") == version)
            )

        return self.wait_for(match, timeout)["params"]["diagnostics"]

    def initialize(self, root: Path | None = None) -> dict[str, Any]:
        """The initialize handshake, with the capabilities VS Code and Neovim announce."""
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri() if root else None,
                "capabilities": {
                    "general": {"positionEncodings": ["utf-16"]},
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
                    "textDocument": {
                        "publishDiagnostics": {"versionSupport": True},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "codeAction": {
                            "codeActionLiteralSupport": {
                                "codeActionKind": {"valueSet": ["quickfix"]}
                            }
                        },
                    },
                },
            },
        )
        self.notify("initialized", {})
        return result

    def close(self) -> int:
        """shutdown, exit, and the server's exit code."""
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
        finally:
            try:
                code = self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                code = self.proc.wait()
        return code

    def __del__(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._stderr.close()


def server_command(debounce_ms: int) -> list[str]:
    """The installed console script next to this interpreter (as an editor would run it)."""
    script = Path(sys.executable).with_name("claimcheck")
    found = str(script) if script.exists() else shutil.which("claimcheck")
    if found is None:
        raise SystemExit("claimcheck is not installed in this environment")
    return [found, "lsp", "--debounce", str(debounce_ms)]


def edit(text: str, old: str, new: str) -> tuple[str, dict[str, Any]]:
    """Replace the first `old` by `new`: the new text and the LSP change event doing it."""
    at = text.index(old)
    line = text.count("\n", 0, at)
    col = at - (text.rfind("\n", 0, at) + 1)
    change = {
        "range": {
            "start": {"line": line, "character": col},
            "end": {"line": line, "character": col + len(old)},
        },
        "text": new,
    }
    return text[:at] + new + text[at + len(old) :], change


def main() -> None:
    """Measure and print the figures."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--draft", type=Path, default=REPO / "examples" / "hcp-email.md")
    ap.add_argument("--config", type=Path, default=REPO / "claimcheck.yaml")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--old", default=None, help="word to edit (default: the draft's first 'by')")
    args = ap.parse_args()

    draft = args.draft.resolve()
    text = draft.read_text(encoding="utf-8")
    old = args.old or "by"
    if f" {old} " not in text:
        raise SystemExit(f"the draft has no word {old!r} to edit")
    old = f" {old} "
    new = old.upper()
    # The draft is checked where it is; the config must be the one found from there.
    from claimcheck.api import Checker, project_root

    root = project_root(draft.parent)
    if args.config.resolve().parent != root:
        raise SystemExit(f"{args.config} is not the config the server finds for {draft}")
    words = len(text.split())

    client = Client(server_command(0), cwd=Path(tempfile.gettempdir()))
    client.initialize()
    uri = draft.as_uri()
    t0 = time.perf_counter()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    first = client.diagnostics(uri, 1, timeout=120)
    open_ms = (time.perf_counter() - t0) * 1000
    rounds: list[float] = []
    current = text
    for i in range(args.warmup + args.runs):
        a, b = (old, new) if i % 2 == 0 else (new, old)
        current, change = edit(current, a, b)
        version = i + 2
        t = time.perf_counter()
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        client.diagnostics(uri, version)
        if i >= args.warmup:
            rounds.append((time.perf_counter() - t) * 1000)
    code = client.close()

    checker = Checker(root)
    texts = [text, edit(text, old, new)[0]]
    direct: list[float] = []
    for i in range(args.warmup + args.runs):
        t = time.perf_counter()
        checker.check_text(texts[i % 2], path=draft)
        if i >= args.warmup:
            direct.append((time.perf_counter() - t) * 1000)

    def line(label: str, xs: list[float]) -> str:
        q = statistics.quantiles(xs, n=10)
        return (
            f"{label}: median {statistics.median(xs):.1f} ms, p10 {q[0]:.1f}, p90 {q[-1]:.1f}, "
            f"min {min(xs):.1f}, max {max(xs):.1f} (n={len(xs)})"
        )

    print(f"draft: {draft.name}, {words} words, {len(first)} diagnostics; server exit {code}")
    print(f"open (first check: registry, index, lexicons): {open_ms:.0f} ms")
    print(line("server re-check after an edit (didChange -> publishDiagnostics)", rounds))
    print(line("Checker.check_text in process (no protocol)", direct))


if __name__ == "__main__":
    main()
