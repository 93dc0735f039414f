"""Errors that claimcheck reports to the user as one line and exit code 2."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """An error about user input, shown as `path:line: message` with no traceback."""

    kind = "error"

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        page: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.page = page

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            elif self.page is not None:
                where += f": page {self.page}"
            where += ": "
        return f"{where}{one_line(self.message)}"


def one_line(text: str) -> str:
    """The text on one line: messages quote parser output and file text, which may wrap."""
    return " ".join(part.strip() for part in str(text).splitlines() if part.strip())


class UsageError(ClaimcheckError):
    """Bad command-line usage."""

    kind = "usage error"


class ConfigError(ClaimcheckError):
    """A bad claimcheck.yaml / pyproject.toml [tool.claimcheck] file."""

    kind = "config error"


class RegistryError(ClaimcheckError):
    """A bad claim registry or evidence library file."""

    kind = "registry error"


class InputError(ClaimcheckError):
    """A draft that cannot be read (corrupt, encrypted, not UTF-8, ...)."""

    kind = "input error"
