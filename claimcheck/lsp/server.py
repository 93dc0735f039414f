"""The language server: a thin layer over `claimcheck.api.Checker` (pygls over stdio).

Every open Markdown, HTML or plain-text draft is checked when it opens, when it is saved and,
debounced, as the user types, with the config and registry found from the draft's location
(one warm Checker per project). Each finding is a diagnostic whose message gives the verdict,
the rule and the reason; "Replace with approved wording" is the quick fix for a claim with a
suggestion; hovering a claim shows the approved claim it matched and its evidence. A change
to a registry, evidence or config file re-checks the open drafts.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from claimcheck import __version__
from claimcheck.api import Checker, project_root
from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.lsp.locate import Located, Positions, locate
from claimcheck.model import ClaimResult, Document, Finding, Registry

FIX_TITLE = "Replace with approved wording"
DEBOUNCE = 0.3  # seconds of quiet typing before a re-check
SOURCE = "claimcheck"
# LSP language ids of the drafts claimcheck reads as text, when the file name does not say.
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}
# Files whose change can change a verdict: registry, evidence, rule packs, config, model.
WATCHED = "**/*.{yaml,yml,toml,json}"


@dataclass
class Analysis:
    """The last check of one buffer: its claims placed in the source, and what was published."""

    version: int | None
    positions: Positions
    claims: list[tuple[ClaimResult, Located | None]]
    registry: Registry | None
    diagnostics: list[lsp.Diagnostic]


class ClaimcheckServer(LanguageServer):
    """claimcheck's language server: state per open buffer and one Checker per project."""

    def __init__(self, debounce: float = DEBOUNCE) -> None:
        super().__init__(
            SOURCE, __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental
        )
        self.debounce = debounce
        self.checkers: dict[Path, Checker] = {}
        self.analyses: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.reported: set[str] = set()  # project errors already shown in a message box
        self.shut_down = False

    # ------------------------------------------------------------------ checking

    def schedule(self, uri: str, delay: float) -> None:
        """Check the buffer after `delay` seconds of quiet (now when 0)."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        if delay <= 0:
            self.check(uri)
            return
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(delay, self.check, uri)

    def current(self, uri: str) -> Analysis | None:
        """The analysis of the buffer as it is now (checked again if it changed since)."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        found = self.analyses.get(uri)
        if found is None or found.version != doc.version:
            self.schedule(uri, 0)
            found = self.analyses.get(uri)
        return found

    def check(self, uri: str) -> None:
        """Check one open buffer and publish its diagnostics."""
        self.pending.pop(uri, None)
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return
        path = _path(uri)
        fmt = _format(path, doc.language_id)
        if fmt is None:
            return  # not a draft claimcheck reads as text
        positions = Positions(doc.source, str(self.workspace.position_encoding or "utf-16"))
        analysis = Analysis(doc.version, positions, [], None, [])
        try:
            checker = self.checker_for(path)
            draft = checker.read_text(doc.source, format=fmt, path=path)
            report = checker.check_document(draft)
        except InputError as exc:
            analysis.diagnostics = [_error_diagnostic(positions, exc.message, exc.line)]
        except ClaimcheckError as exc:  # config, registry, evidence: the project, not the draft
            analysis.diagnostics = [_error_diagnostic(positions, str(exc), None)]
            self._report_once(str(exc))
        else:
            analysis.registry = report.registry
            (result,) = report.documents
            analysis.claims = _place(positions, draft, result.claims)
            analysis.diagnostics = [
                *(
                    _diagnostic(positions, c, at, f)
                    for c, at in analysis.claims
                    for f in c.findings
                    if f.waived is None
                ),
                *(
                    _document_diagnostic(positions, draft, f)
                    for f in result.findings
                    if f.waived is None
                ),
            ]
        self.analyses[uri] = analysis
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=uri, version=doc.version, diagnostics=analysis.diagnostics
            )
        )

    def checker_for(self, path: Path | None) -> Checker:
        """The warm Checker of the project a draft belongs to (its config's folder)."""
        folder = path.parent if path is not None else self._workspace_folder()
        root = project_root(folder)
        checker = self.checkers.get(root)
        if checker is None:
            checker = self.checkers[root] = Checker(root)
        return checker

    def recheck_all(self) -> None:
        """Check every open buffer again (an input of the projects changed)."""
        for uri in list(self.analyses):
            self.schedule(uri, 0)

    def _workspace_folder(self) -> Path:
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    def _report_once(self, message: str) -> None:
        if message in self.reported:
            return
        self.reported.add(message)
        self.window_show_message(
            lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"claimcheck: {message}")
        )

    # ------------------------------------------------------------------ requests

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        """'Replace with approved wording' for each claim in the range that has a suggestion."""
        uri = params.text_document.uri
        analysis = self.current(uri)
        if analysis is None:
            return []
        p = analysis.positions
        lo = p.offset(params.range.start.line, params.range.start.character)
        hi = p.offset(params.range.end.line, params.range.end.character)
        actions = []
        for claim, at in analysis.claims:
            wording = _suggestion(claim)
            if at is None or wording is None or at.end < lo or at.start > hi:
                continue
            edit = lsp.TextEdit(range=_range(p, at.start, at.end), new_text=wording)
            ours = [d for d in analysis.diagnostics if _within(p, d.range, at)]
            actions.append(
                lsp.CodeAction(
                    title=FIX_TITLE,
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=ours,
                    is_preferred=True,
                    edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        return actions

    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        """The claim under the cursor: verdict, approved claim, wording, findings, evidence."""
        analysis = self.current(params.text_document.uri)
        if analysis is None:
            return None
        p = analysis.positions
        offset = p.offset(params.position.line, params.position.character)
        for claim, at in analysis.claims:
            if at is not None and at.start <= offset <= at.end:
                return lsp.Hover(
                    contents=lsp.MarkupContent(
                        kind=lsp.MarkupKind.Markdown, value=hover_text(claim, analysis.registry)
                    ),
                    range=_range(p, at.start, at.end),
                )
        return None


# ---------------------------------------------------------------------- what the user sees


def message(claim: ClaimResult | None, finding: Finding) -> str:
    """The diagnostic message: verdict, rule and reason (`OVERSTATED CC201 intensifier: ...`);
    a document finding says DOCUMENT and what to add."""
    if claim is not None:
        return f"{claim.verdict.upper()} {finding.rule} {finding.name}: {finding.message}"
    add = f" (add: {finding.suggestion})" if finding.suggestion else ""
    return f"DOCUMENT {finding.rule} {finding.name}: {finding.message}{add}"


def hover_text(claim: ClaimResult, registry: Registry | None) -> str:
    """Markdown for a claim's hover: what it matched, why, and the evidence behind it."""
    lines = [f"**{claim.verdict.upper()}**"]
    approved = registry.claim(claim.claim_id) if registry and claim.claim_id else None
    if claim.claim_id:
        score = f" (match {claim.score:.2f})" if claim.score is not None else ""
        status = f", {approved.status}" if approved is not None else ""
        lines[0] += f" · matches **{_md(claim.claim_id)}**{score}{status}"
    if claim.wording:
        lines += ["", f"Approved wording: {_md(claim.wording)}"]
    if claim.findings:
        lines += [""]
        for f in claim.findings:
            waived = f" (waived: {_md(f.waived)})" if f.waived is not None else ""
            lines.append(f"- `{f.rule}` {f.name} ({f.severity}): {_md(f.message)}{waived}")
    suggestion = _suggestion(claim)
    if suggestion and suggestion != claim.wording:
        lines += ["", f"Use instead: {_md(suggestion)}"]
    if claim.evidence:
        lines += ["", "Evidence:"]
        for ev_id in claim.evidence:
            ev = registry.evidence.get(ev_id) if registry else None
            if ev is None:
                lines.append(f"- {_md(ev_id)}")
                continue
            facts = ", ".join(x for x in (ev.type, ev.date and ev.date.isoformat(), ev.status) if x)
            lines.append(f"- **{_md(ev.id)}** {_md(ev.citation)} ({facts})")
            lines += [f"  - {_md(r.endpoint)}: {_md(r.result)}" for r in ev.findings]
    if approved is not None and approved.source:
        lines += ["", f"Defined at `{approved.source}`"]
    return "\n".join(lines)


def _suggestion(claim: ClaimResult) -> str | None:
    """The approved wording the claim's findings suggest, if any."""
    for f in claim.findings:
        if f.suggestion and f.waived is None:
            return f.suggestion
    return None


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>()#+-.!|~"})


def _md(text: str) -> str:
    """Text shown literally in Markdown (draft and registry text is never markup here)."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def _place(
    positions: Positions, draft: Document, claims: tuple[ClaimResult, ...]
) -> list[tuple[ClaimResult, Located | None]]:
    """Each claim with its place in the buffer, found in document order."""
    out: list[tuple[ClaimResult, Located | None]] = []
    floor = 0
    for claim in claims:
        block = draft.blocks[claim.sentence.block].text
        at = locate(positions.source, positions.starts, claim.sentence, block, floor)
        if at is not None:
            floor = at.end
        out.append((claim, at))
    return out


def _diagnostic(
    p: Positions, claim: ClaimResult, at: Located | None, finding: Finding
) -> lsp.Diagnostic:
    """A claim's finding, on its flagged words (the sentence when none are flagged)."""
    if at is None:  # the words could not be found: the sentence's line
        rng = _line_range(p, claim.sentence.location.line)
    elif finding.span is not None:
        rng = _range(p, *at.span(*finding.span))
    else:
        rng = _range(p, at.start, at.end)
    return _finding_diagnostic(rng, claim, finding)


def _document_diagnostic(p: Positions, draft: Document, finding: Finding) -> lsp.Diagnostic:
    """A document finding sits where the report shows it: its first claim, else line 1."""
    anchor = finding.anchor
    at = None
    if anchor is not None and 0 <= anchor.block < len(draft.blocks):
        at = locate(p.source, p.starts, anchor, draft.blocks[anchor.block].text)
    rng = _range(p, at.start, at.end) if at is not None else _line_range(p, 1)
    return _finding_diagnostic(rng, None, finding)


def _finding_diagnostic(
    rng: lsp.Range, claim: ClaimResult | None, finding: Finding
) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=rng,
        message=message(claim, finding),
        severity=SEVERITY.get(finding.severity, lsp.DiagnosticSeverity.Error),
        code=finding.rule,
        source=SOURCE,
    )


def _error_diagnostic(p: Positions, text: str, line: int | None) -> lsp.Diagnostic:
    """An input, config or registry error, on its line of the draft (else the first line)."""
    return lsp.Diagnostic(
        range=_line_range(p, line),
        message=f"claimcheck cannot check this draft: {text}",
        severity=lsp.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def _line_range(p: Positions, line: int | None) -> lsp.Range:
    """The range of a 1-based line of the buffer (the first line when None)."""
    row = min(max(0, (line or 1) - 1), len(p.starts) - 1)
    return _range(p, p.starts[row], p.line_end(row))


def _range(p: Positions, start: int, end: int) -> lsp.Range:
    (l1, c1), (l2, c2) = p.position(start), p.position(end)
    return lsp.Range(
        start=lsp.Position(line=l1, character=c1), end=lsp.Position(line=l2, character=c2)
    )


def _within(p: Positions, rng: lsp.Range, at: Located) -> bool:
    return at.start <= p.offset(rng.start.line, rng.start.character) <= at.end


def _path(uri: str) -> Path | None:
    """The file a URI names, or None (an untitled buffer)."""
    if not uri.startswith("file:"):
        return None
    fs = to_fs_path(uri)
    return Path(fs) if fs else None


def _format(path: Path | None, language_id: str | None) -> str | None:
    """markdown, html or text: from the file name, else from the editor's language id."""
    from claimcheck.load import TEXT_FORMATS, format_of

    fmt = format_of(path) if path is not None else None
    if fmt is not None:
        return fmt if fmt in TEXT_FORMATS else None
    return LANGUAGES.get(language_id or "")


# ---------------------------------------------------------------------- wiring


def build(debounce: float = DEBOUNCE) -> ClaimcheckServer:
    """The server with its features registered (explicitly, as the CLI registers commands)."""
    server = ClaimcheckServer(debounce)

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: ClaimcheckServer, params: lsp.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watch = caps and caps.did_change_watched_files
        if watch and watch.dynamic_registration:
            options = lsp.DidChangeWatchedFilesRegistrationOptions(
                watchers=[lsp.FileSystemWatcher(glob_pattern=WATCHED)]
            )
            ls.client_register_capability(
                lsp.RegistrationParams(
                    registrations=[
                        lsp.Registration(
                            id="claimcheck-inputs",
                            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=options,
                        )
                    ]
                )
            )

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: ClaimcheckServer, params: None) -> None:
        ls.shut_down = True
        for handle in ls.pending.values():
            handle.cancel()
        ls.pending.clear()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ClaimcheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ClaimcheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ClaimcheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ClaimcheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        handle = ls.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        if ls.analyses.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: ClaimcheckServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.recheck_all()

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: ClaimcheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: ClaimcheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return ls.hover(params)

    return server


def serve(debounce: float = DEBOUNCE, **_: Any) -> None:
    """Run the server on stdin/stdout until the client says exit."""
    # Warm the pipeline (spaCy, lexicons) before the first draft opens.
    from claimcheck.segment import nlp

    nlp()
    server = build(debounce)
    server.start_io()
    # The writer has flushed and closed stdout; skip tearing down a large heap. The exit code
    # is the protocol's: 0 when the client asked for shutdown before exit, else 1.
    os._exit(0 if server.shut_down else 1)
