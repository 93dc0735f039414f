"""`claimcheck lsp`: the language server (needs the `lsp` extra, pygls).

`locate` places claims in an editor's buffer (no pygls needed); `server` is the pygls server,
a thin layer over `claimcheck.api.Checker`.
"""
